package data

import "context"

// InvoiceRow is one invoice as a list shows it: no lines, the customer's name shared
// between its invoices, small enough to keep 100k+ of them in memory.
type InvoiceRow struct {
	ID         int64
	Seq        int64
	CustomerID int64
	Number     string // "" while draft
	Customer   string
	Currency   string
	PONumber   string
	Status     InvoiceStatus
	IssueDate  Date
	DueDate    Date
	SentDate   Date
	Total      int64
	Open       int64
}

// DaysOverdue is how many days past due the row is on day (0 when not open or not due).
func (r *InvoiceRow) DaysOverdue(day Date) int {
	if r.Status != StatusPosted || r.Open == 0 {
		return 0
	}
	return max(0, day.DaysSince(r.DueDate))
}

// InvoiceRows reads every invoice of the file as list rows (in id order). It reads
// customers once and dates through a small cache, so 100k invoices load in well under a
// second; ctx cancels the read. progress, if set, is told the rows read so far.
func (s *Store) InvoiceRows(ctx context.Context, progress func(done int)) ([]InvoiceRow, error) {
	var out []InvoiceRow
	err := s.View(ctx, func(tx sqlTx) error {
		names := map[int64]string{}
		rows, err := tx.QueryContext(ctx, `SELECT id, name FROM customers`)
		if err != nil {
			return err
		}
		for rows.Next() {
			var id int64
			var n string
			if err := rows.Scan(&id, &n); err != nil {
				rows.Close()
				return err
			}
			names[id] = n
		}
		rows.Close()
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM invoices`).Scan(&n); err != nil {
			return err
		}
		out = make([]InvoiceRow, 0, n)
		rows, err = tx.QueryContext(ctx, `SELECT id, coalesce(seq, 0), customer_id, coalesce(number, ''), currency,
			po_number, status, issue_date, due_date, coalesce(sent_date, ''), total, open_amount FROM invoices ORDER BY id`)
		if err != nil {
			return err
		}
		defer rows.Close()
		dates := map[string]Date{"": {}}
		day := func(s string) (Date, error) {
			if d, ok := dates[s]; ok {
				return d, nil
			}
			d, err := ParseDate(s)
			if err != nil {
				return d, err
			}
			dates[s] = d
			return d, nil
		}
		curs := map[string]string{}
		var issue, due, sent, cur, status string
		for rows.Next() {
			var r InvoiceRow
			if err := rows.Scan(&r.ID, &r.Seq, &r.CustomerID, &r.Number, &cur, &r.PONumber, &status,
				&issue, &due, &sent, &r.Total, &r.Open); err != nil {
				return err
			}
			if c, ok := curs[cur]; ok {
				r.Currency = c
			} else {
				curs[cur], r.Currency = cur, cur
			}
			r.Status = InvoiceStatus(status)
			r.Customer = names[r.CustomerID]
			if r.IssueDate, err = day(issue); err != nil {
				return err
			}
			if r.DueDate, err = day(due); err != nil {
				return err
			}
			if r.SentDate, err = day(sent); err != nil {
				return err
			}
			out = append(out, r)
			if len(out)%10000 == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
				if progress != nil {
					progress(len(out))
				}
			}
		}
		return rows.Err()
	})
	return out, err
}

// DueSummary is the open receivable falling due in a date range.
type DueSummary struct {
	Count  int
	Amount int64
}

// DueBetween sums the open posted invoices in currency due from..to (inclusive).
func (s *Store) DueBetween(ctx context.Context, currency string, from, to Date) (DueSummary, error) {
	var d DueSummary
	err := s.r.QueryRowContext(ctx, `SELECT count(*), coalesce(sum(open_amount), 0) FROM invoices
		WHERE status = 'posted' AND open_amount > 0 AND currency = ? AND due_date >= ? AND due_date <= ?`,
		currency, from, to).Scan(&d.Count, &d.Amount)
	return d, err
}

// OpenBalance is a customer's open posted invoices: how many and how much.
type OpenBalance struct {
	Count  int
	Amount int64
}

// CustomerOpenBalances gives the open balance of every customer that has one (for lists).
func (s *Store) CustomerOpenBalances(ctx context.Context) (map[int64]OpenBalance, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT customer_id, count(*), sum(open_amount) FROM invoices
		WHERE status = 'posted' AND open_amount > 0 GROUP BY customer_id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]OpenBalance{}
	for rows.Next() {
		var id int64
		var b OpenBalance
		if err := rows.Scan(&id, &b.Count, &b.Amount); err != nil {
			return nil, err
		}
		out[id] = b
	}
	return out, rows.Err()
}
