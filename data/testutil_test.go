package data

import (
	"context"
	"path/filepath"
	"testing"
)

var ctx = context.Background()

func newStore(t testing.TB, today string) *Store {
	t.Helper()
	s, err := OpenWith(filepath.Join(t.TempDir(), "co.duebook"), Options{Clock: FixedClock{MustDate(today)}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func mkCustomer(t testing.TB, s *Store, name string, terms int) *Customer {
	t.Helper()
	c := &Customer{Name: name, Emails: []string{"ap@example.com"}, TermsDays: terms}
	if err := s.CreateCustomer(ctx, c); err != nil {
		t.Fatal(err)
	}
	return c
}

// mkInvoice posts an invoice of one line of amount (tax-free) issued on issue.
func mkInvoice(t testing.TB, s *Store, c *Customer, issue string, amount int64) *Invoice {
	t.Helper()
	inv := &Invoice{CustomerID: c.ID, IssueDate: MustDate(issue),
		Lines: []InvoiceLine{{Description: "Work", QtyMilli: 1000, UnitPrice: amount}}}
	if err := s.CreateDraft(ctx, inv); err != nil {
		t.Fatal(err)
	}
	p, err := s.PostInvoice(ctx, inv.ID)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func mustCheck(t testing.TB, s *Store) {
	t.Helper()
	v, err := s.Check(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(v) > 0 {
		t.Fatalf("invariants broken: %v", v)
	}
}
