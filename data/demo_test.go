package data

import "testing"

// The sample company has every kind of record a bookkeeper meets, and keeps the invariants.
func TestDemoRealistic(t *testing.T) {
	s := newStore(t, "2026-06-30")
	if err := s.GenerateDemo(ctx, DemoOptions{Customers: 40, Invoices: 3000, Seed: 11}); err != nil {
		t.Fatal(err)
	}
	mustCheck(t, s)
	q := func(sql string) int {
		var n int
		if err := s.DB().QueryRow(sql).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	for label, sql := range map[string]string{
		"customers":               `SELECT count(*) FROM customers`,
		"posted invoices":         `SELECT count(*) FROM invoices WHERE status = 'posted'`,
		"void invoices":           `SELECT count(*) FROM invoices WHERE status = 'void'`,
		"open invoices":           `SELECT count(*) FROM invoices WHERE status = 'posted' AND open_amount > 0`,
		"overdue over 90":         `SELECT count(*) FROM invoices WHERE status = 'posted' AND open_amount > 0 AND due_date < '2026-04-01'`,
		"partially paid":          `SELECT count(*) FROM invoices WHERE status = 'posted' AND open_amount > 0 AND open_amount < total`,
		"credit notes":            `SELECT count(*) FROM credit_notes`,
		"write-offs":              `SELECT count(*) FROM write_offs`,
		"customers with credit":   `SELECT count(DISTINCT customer_id) FROM payments WHERE unallocated > 0`,
		"several payment methods": `SELECT count(DISTINCT method) - 5 FROM payments`,
		"paid early":              `SELECT count(*) FROM allocations a JOIN invoices i ON i.id = a.invoice_id WHERE a.date < i.due_date`,
		"paid late":               `SELECT count(*) FROM allocations a JOIN invoices i ON i.id = a.invoice_id WHERE a.date > i.due_date`,
		"review due":              `SELECT count(*) FROM customers WHERE last_reviewed < '2026-05-01'`,
		"mail channel":            `SELECT count(*) FROM customers WHERE channel = 'mail'`,
	} {
		if n := q(sql); n <= 0 {
			t.Errorf("sample company has no %s (%d)", label, n)
		}
	}
	if n := q(`SELECT count(*) FROM invoices`); n != 3000 {
		t.Errorf("invoices %d", n)
	}
	if err := s.GenerateDemo(ctx, DemoOptions{Customers: 1, Invoices: 1}); err == nil {
		t.Error("demo written over an existing company")
	}
}
