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
		rows, err := s.r.QueryContext(ctx, `EXPLAIN QUERY PLAN `+q)
		if err != nil {
			t.Fatal(err)
		}
		var plan []string
		for rows.Next() {
			var id, parent, unused int
			var detail string
			if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
				t.Fatal(err)
			}
			plan = append(plan, detail)
		}
		rows.Close()
		if p := strings.Join(plan, "; "); !strings.Contains(p, "COVERING INDEX invoices_open") {
			t.Errorf("%s\nplan: %s", q, p)
		}
	}
}
