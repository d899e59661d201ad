package data

import (
	"fmt"
	"testing"
)

// agingWant is the aging of day d summed inside SQLite (agingBySQL), or its error, as text.
func agingWant(t *testing.T, s *Store, d Date, currency string) string {
	t.Helper()
	items := agingTodayItems
	var latest string
	if err := s.r.QueryRowContext(ctx, `SELECT max(x) FROM (SELECT max(date) AS x FROM allocations UNION ALL SELECT max(date) FROM credit_notes
		UNION ALL SELECT max(date) FROM write_offs UNION ALL SELECT max(void_date) FROM invoices UNION ALL SELECT max(issue_date) FROM invoices WHERE status <> 'draft')`).Scan(&latest); err != nil {
		t.Fatal(err)
	}
	if latest > d.String() {
		items = agingAsOfItems
	}
	ag := &Aging{AsOf: d, Currency: currency}
	if err := s.View(ctx, func(tx sqlTx) error { return agingBySQL(ctx, tx, ag, items, currency) }); err != nil {
		return "error: " + err.Error()
	}
	return agingCSV(ag)
}

func totalsText(rows []AgingRow, err error) string {
	if err != nil {
		return "error: " + err.Error()
	}
	return fmt.Sprint(rows)
}

func agingGot(s *Store, d Date, currency string) string {
	ag, err := s.Aging(ctx, d, currency)
	if err != nil {
		return "error: " + err.Error()
	}
	return agingCSV(ag)
}

// Aging sums its buckets in Go only while every row is plain; a row that SQLite could read
// otherwise (a due date that is no calendar date, or not text; an amount that is not an
// integer, or so large that a sum fails; an event of no invoice; an invoice of no customer)
// gives exactly SQLite's answer, or its error, as before. Each damage is made behind the
// program's back (CHECK constraints and triggers off), on today's aging and on an as-of day.
func TestAgingFoldIsTheSQLOnOddRows(t *testing.T) {
	asOf := MustDate("2026-03-31")
	today := MustDate("2026-06-30")
	for _, damage := range []string{
		``,
		`UPDATE invoices SET due_date = '2026-02-30' WHERE id = (SELECT min(id) FROM invoices WHERE status = 'posted' AND open_amount > 0)`,
		`UPDATE invoices SET due_date = '' WHERE id = (SELECT min(id) FROM invoices WHERE status = 'posted' AND open_amount > 0)`,
		`UPDATE invoices SET due_date = 2461000 WHERE id = (SELECT max(id) FROM invoices WHERE status = 'posted' AND open_amount > 0)`,
		`UPDATE invoices SET due_date = ' 2026-01-05' WHERE id = (SELECT max(id) FROM invoices WHERE status = 'posted' AND open_amount > 0)`,
		`UPDATE invoices SET due_date = '0999-12-31' WHERE id = (SELECT max(id) FROM invoices WHERE status = 'posted' AND open_amount > 0)`,
		`UPDATE invoices SET due_date = CAST('2026-01-05' AS BLOB) WHERE id = (SELECT max(id) FROM invoices WHERE status = 'posted' AND open_amount > 0)`,
		`UPDATE invoices SET open_amount = 12.5 WHERE id = (SELECT max(id) FROM invoices WHERE status = 'posted' AND open_amount > 0)`,
		`UPDATE invoices SET open_amount = 4611686018427387904 WHERE id IN (SELECT id FROM invoices WHERE status = 'posted' AND open_amount > 0 ORDER BY customer_id, id LIMIT 2)`,
		`UPDATE invoices SET open_amount = 4611686018427387904 WHERE id IN (SELECT id FROM invoices WHERE status = 'posted' AND open_amount > 0 ORDER BY customer_id, id LIMIT 1)`,
		`UPDATE invoices SET customer_id = 99999 WHERE id = (SELECT min(id) FROM invoices WHERE status = 'posted' AND open_amount > 0)`,
		`UPDATE allocations SET amount = 3.5 WHERE id = (SELECT max(id) FROM allocations)`,
		`UPDATE allocations SET amount = 9223372036854775807 WHERE id = (SELECT max(id) FROM allocations)`,
		`UPDATE allocations SET invoice_id = 'x' WHERE id = (SELECT max(id) FROM allocations)`,
		`UPDATE allocations SET invoice_id = -1 WHERE id = (SELECT max(id) FROM allocations)`,
		`UPDATE allocations SET invoice_id = 99999999 WHERE id = (SELECT max(id) FROM allocations)`,
		`UPDATE credit_notes SET amount = '7' WHERE id = (SELECT max(id) FROM credit_notes)`,
		`UPDATE customers SET name = CAST('Blob & Co' AS BLOB) WHERE id = (SELECT customer_id FROM invoices WHERE status = 'posted' AND open_amount > 0 LIMIT 1)`,
	} {
		s := newStore(t, "2026-06-30")
		if err := s.GenerateDemo(ctx, DemoOptions{Customers: 12, Invoices: 400, Seed: 7, Today: today}); err != nil {
			t.Fatal(err)
		}
		for _, q := range []string{`PRAGMA ignore_check_constraints = ON`, `PRAGMA foreign_keys = OFF`,
			`DROP TRIGGER IF EXISTS invoice_posted_immutable`, `DROP TRIGGER IF EXISTS allocation_no_update`,
			`DROP TRIGGER IF EXISTS credit_note_no_update`, damage} {
			if q == "" {
				continue
			}
			if _, err := s.w.ExecContext(ctx, q); err != nil {
				t.Fatalf("%s: %v", q, err)
			}
		}
		c, err := s.Company(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range []Date{asOf, today, asOf.AddDays(-400)} {
			got, want := agingGot(s, d, c.Currency), agingWant(t, s, d, c.Currency)
			if got != want {
				t.Errorf("%s\nas of %s:\n got %s\nwant %s", damage, d, got, want)
			}
		}
		days := []Date{asOf.AddDays(-400), asOf, asOf.AddDays(31), today}
		if got, want := totalsText(s.agingTotals(ctx, days, c.Currency, true)), totalsText(s.agingTotals(ctx, days, c.Currency, false)); got != want {
			t.Errorf("%s\nmonth-end totals:\n got %s\nwant %s", damage, got, want)
		}
		if damage == "" {
			if got := agingGot(s, asOf, c.Currency); len(got) < 200 {
				t.Fatalf("the undamaged company has almost no aging; the comparison says nothing: %s", got)
			}
		}
		s.Close()
	}
}

// TestAgingFoldDeclinesOddRows: the fold declines (done false) exactly on the rows
// that are not plain, so the comparison above goes through both paths.
func TestAgingFoldDeclinesOddRows(t *testing.T) {
	s := newStore(t, "2026-06-30")
	if err := s.GenerateDemo(ctx, DemoOptions{Customers: 5, Invoices: 60, Seed: 2, Today: MustDate("2026-06-30")}); err != nil {
		t.Fatal(err)
	}
	try := func() (bool, bool) {
		var today, asOf bool
		if err := s.View(ctx, func(tx sqlTx) error {
			var err error
			if today, err = agingFold(ctx, tx, &Aging{AsOf: MustDate("2026-06-30")}, agingTodayItems, "USD"); err != nil {
				return err
			}
			asOf, err = agingAsOfFold(ctx, tx, &Aging{AsOf: MustDate("2026-03-31")}, "USD")
			return err
		}); err != nil {
			t.Fatal(err)
		}
		return today, asOf
	}
	if today, asOf := try(); !today || !asOf {
		t.Fatalf("plain rows: fold done %v (today), %v (as of)", today, asOf)
	}
	for _, q := range []string{`PRAGMA ignore_check_constraints = ON`, `DROP TRIGGER IF EXISTS invoice_posted_immutable`,
		`UPDATE invoices SET due_date = '2026-02-30' WHERE status = 'posted' AND open_amount > 0`} {
		if _, err := s.w.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	if today, asOf := try(); today || asOf {
		t.Fatalf("due dates that are no dates: fold done %v (today), %v (as of)", today, asOf)
	}
}
