package data

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// InvoiceCurrencies (index seeks, one per currency) lists exactly the currencies the
// straightforward DISTINCT over every invoice finds, on every day: drafts never count, a
// currency counts from the day of its first issued invoice, and void invoices count (they
// were issued).
func TestInvoiceCurrenciesMatchesScan(t *testing.T) {
	s := newStore(t, "2026-06-30")
	rng := rand.New(rand.NewPCG(7, 7))
	curs := []string{"USD", "EUR", "JPY", "CHF", "GBP", "KWD"}
	var days []Date
	for i := range 40 {
		cur := curs[rng.IntN(len(curs))]
		c := &Customer{Name: fmt.Sprintf("Customer %d", i), Emails: []string{"ap@example.com"}, Currency: cur}
		if err := s.CreateCustomer(ctx, c); err != nil {
			t.Fatal(err)
		}
		issue := MustDate("2026-06-30").AddDays(-rng.IntN(400))
		days = append(days, issue, issue.AddDays(-1))
		inv := &Invoice{CustomerID: c.ID, IssueDate: issue, Lines: []InvoiceLine{{Description: "Work", QtyMilli: 1000, UnitPrice: 100}}}
		if err := s.CreateDraft(ctx, inv); err != nil {
			t.Fatal(err)
		}
		switch rng.IntN(4) {
		case 0: // stays a draft: never counts
		case 1:
			if _, err := s.PostInvoice(ctx, inv.ID); err != nil {
				t.Fatal(err)
			}
			if err := s.VoidInvoice(ctx, inv.ID, "issued in error"); err != nil {
				t.Fatal(err)
			}
		default:
			if _, err := s.PostInvoice(ctx, inv.ID); err != nil {
				t.Fatal(err)
			}
		}
	}
	days = append(days, Date{}, MustDate("1999-01-01"), MustDate("2030-01-01"))
	sawSome, sawFewer := false, false
	for _, d := range days {
		q := `SELECT DISTINCT currency FROM invoices WHERE status <> 'draft' ORDER BY currency`
		var args []any
		if !d.IsZero() {
			q = `SELECT DISTINCT currency FROM invoices WHERE status <> 'draft' AND issue_date <= ? ORDER BY currency`
			args = append(args, d)
		}
		want, err := queryAll(ctx, s.r, q, func(sc scanner) (c string, err error) { err = sc.Scan(&c); return c, err }, args...)
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.InvoiceCurrencies(ctx, d)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, want) {
			t.Fatalf("as of %v: got %v, want %v", d, got, want)
		}
		sawSome = sawSome || len(want) > 1
		sawFewer = sawFewer || (len(want) > 0 && len(want) < 5)
	}
	if !sawSome || !sawFewer {
		t.Fatalf("the sample never had several currencies (%v) or a day with only some (%v)", sawSome, sawFewer)
	}
}
