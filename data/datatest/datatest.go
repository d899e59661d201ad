// Package datatest holds test helpers for packages that build company files through data.
package datatest

import (
	"context"
	"database/sql"
	"testing"

	"duebook/data"
)

// Post saves inv as a draft and posts it, failing the test on any error; it returns the
// posted invoice (with its number, due date and open amount).
func Post(t testing.TB, s *data.Store, inv *data.Invoice) *data.Invoice {
	t.Helper()
	ctx := context.Background()
	if err := s.CreateDraft(ctx, inv); err != nil {
		t.Fatal(err)
	}
	p, err := s.PostInvoice(ctx, inv.ID)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// AsBefore16 makes the closed company file at path look as an earlier Duebook left it, with
// migrations 0016 (the covering event-date indexes) and 0017 not yet applied, so that opening it for
// writing brings it up to date.
func AsBefore16(t testing.TB, path string) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range []string{
		`DROP INDEX invoices_currency`,
		`DROP INDEX allocations_date`, `CREATE INDEX allocations_date ON allocations(date)`,
		`DROP INDEX credit_notes_date`, `CREATE INDEX credit_notes_date ON credit_notes(date)`,
		`DROP INDEX write_offs_date`, `CREATE INDEX write_offs_date ON write_offs(date)`,
		`DROP INDEX payments_date`,
		`DROP INDEX invoices_owed`, // 0017
		`DROP INDEX payments_credit`, `CREATE INDEX payments_credit ON payments(customer_id) WHERE unallocated > 0`,
		`DROP INDEX invoices_issue`, `CREATE INDEX invoices_issue ON invoices(issue_date)`,
		`DELETE FROM schema_migrations WHERE version >= 16`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
}
