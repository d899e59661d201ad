package data

import (
	"strings"
	"testing"
)

// The open-invoice invariant checked as a file opens and the open part of Aging walk every
// open invoice through the open-invoice index alone (migration 0015): SQLite's plan names it as a covering index, never a scan
// of the invoices table.
func TestOpenInvariantsUseCoveringIndex(t *testing.T) {
	s := newStore(t, "2026-06-30")
	for _, q := range []string{
		`SELECT count(*) FROM invoices WHERE status = 'posted' AND open_amount > 0 AND open_amount > total`,
		`SELECT customer_id, due_date, open_amount FROM invoices WHERE status = 'posted' AND open_amount > 0
		 AND currency = 'USD' AND issue_date <= '2026-03-31'`,
	} {
		p := queryPlan(t, s, q)
		if !strings.Contains(p, "COVERING INDEX invoices_open") {
			t.Errorf("%s\nplan: %s", q, p)
		}
	}
}

// queryPlan is SQLite's EXPLAIN QUERY PLAN for q (its ?1 bound to a day, ?2 to USD), one
// detail line after another.
func queryPlan(t *testing.T, s *Store, q string) string {
	t.Helper()
	args := []any{}
	if strings.Contains(q, "?1") {
		args = append(args, "2026-03-31")
	}
	if strings.Contains(q, "?2") {
		args = append(args, "USD")
	}
	rows, err := s.r.QueryContext(ctx, `EXPLAIN QUERY PLAN `+q, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
	}
	return strings.Join(plan, "; ")
}

// As-of aging reads the events dated after its day from the date indexes alone (migration
// 0016), and never scans the invoices table; the currencies note seeks invoices_currency.
func TestAsOfReadsUseCoveringDateIndexes(t *testing.T) {
	s := newStore(t, "2026-06-30")
	p := queryPlan(t, s, agingAsOfItems)
	for _, want := range []string{"COVERING INDEX allocations_date", "COVERING INDEX credit_notes_date", "COVERING INDEX write_offs_date", "COVERING INDEX invoices_open"} {
		if !strings.Contains(p, want) {
			t.Errorf("as-of aging: no %q in the plan: %s", want, p)
		}
	}
	if strings.Contains(p, "SCAN i ") || strings.HasSuffix(p, "SCAN i") || strings.Contains(p, "SCAN invoices") {
		t.Errorf("as-of aging scans the invoices: %s", p)
	}
	p = queryPlan(t, s, invoiceCurrenciesQuery)
	if !strings.Contains(p, "INDEX invoices_currency") || strings.Contains(p, "SCAN invoices") {
		t.Errorf("currencies: %s", p)
	}
}

// The check's sum of the payment record reads the allocations in table order, not through
// the covering date index (which would read their invoices at random).
func TestPayRecordSumScansTheTable(t *testing.T) {
	s := newStore(t, "2026-06-30")
	p := queryPlan(t, s, payRecordSumQuery)
	if strings.Contains(p, "allocations_date") || !strings.Contains(p, "SCAN a") {
		t.Fatalf("plan: %s", p)
	}
}
