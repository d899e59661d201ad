package data

import "context"

// The receivables figures have one definition each, here; the dashboard, the monthly screen and
// the monthly PDF all use them (through reports.Monthly or directly), so the same day gives the
// same numbers everywhere.

// OverdueBP is the share of the receivable that is past due on the aging's date:
// (total − not yet due) ÷ total, in basis points (10000 = 100 %); 0 when nothing is owed.
func OverdueBP(ag *Aging) int {
	if ag == nil || ag.Total.Total <= 0 {
		return 0
	}
	v, _ := MulDivRound(ag.Total.Total-ag.Total.Buckets[0], 10000, ag.Total.Total)
	return int(v)
}

// DefaultBP is the default rate on the aging's date: what is more than 90 days past due plus
// what was written off in the period, over the receivable plus the write-offs, in basis points.
func DefaultBP(ag *Aging, writtenOff int64) int {
	if ag == nil {
		return 0
	}
	den := ag.Total.Total + writtenOff
	if den <= 0 {
		return 0
	}
	v, _ := MulDivRound(ag.Total.Buckets[4]+writtenOff, 10000, den)
	return int(v)
}

// DSO is days sales outstanding: the receivable ÷ what was invoiced in the 90 days to its date
// × 90; 0 when nothing was invoiced.
func DSO(receivable, invoiced90 int64) int {
	if invoiced90 <= 0 {
		return 0
	}
	d, _ := MulDivRound(receivable, 90, invoiced90)
	return int(d)
}

// PeriodTotals are the money movements of a period in one currency, as they stood at its end.
type PeriodTotals struct {
	Invoiced   int64 // invoices issued in the period (posted, or voided only after its end)
	Collected  int64 // payments received in the period
	WrittenOff int64 // write-offs dated in the period
	// Invoiced90 is what was invoiced in the 90 days to the period's end (for DSO).
	Invoiced90 int64
}

// PeriodTotals answers what was invoiced, collected and written off in currency from..to
// (inclusive), and what was invoiced in the 90 days to `to`, counting an invoice voided after
// `to` as it stood then.
func (s *Store) PeriodTotals(ctx context.Context, currency string, from, to Date) (PeriodTotals, error) {
	var t PeriodTotals
	err := s.r.QueryRowContext(ctx, `SELECT
		coalesce((SELECT sum(total) FROM invoices WHERE currency = ?1 AND issue_date BETWEEN ?2 AND ?3
			AND (status = 'posted' OR (status = 'void' AND void_date > ?3))), 0),
		coalesce((SELECT sum(amount) FROM payments WHERE currency = ?1 AND date BETWEEN ?2 AND ?3), 0),
		coalesce((SELECT sum(w.amount) FROM write_offs w JOIN invoices i ON i.id = w.invoice_id
			WHERE i.currency = ?1 AND w.date BETWEEN ?2 AND ?3), 0),
		coalesce((SELECT sum(total) FROM invoices WHERE currency = ?1 AND issue_date BETWEEN ?4 AND ?3
			AND (status = 'posted' OR (status = 'void' AND void_date > ?3))), 0)`,
		currency, from, to, to.AddDays(-89)).Scan(&t.Invoiced, &t.Collected, &t.WrittenOff, &t.Invoiced90)
	return t, err
}
