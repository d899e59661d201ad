package data

import (
	"strconv"
	"strings"
	"testing"
)

// QuickCheck passes a healthy file and reports what its index-answered invariants catch: an
// open balance above the total, a payment's credit above its amount, a gap in the numbers.
func TestQuickCheck(t *testing.T) {
	s := newStore(t, "2026-06-30")
	c := mkCustomer(t, s, "Alpha", 30)
	a := mkInvoice(t, s, c, "2026-05-01", 10000)
	mkInvoice(t, s, c, "2026-05-02", 5000)
	p := &Payment{CustomerID: c.ID, Date: MustDate("2026-06-01"), Method: "bank", Amount: 12000}
	if err := s.RecordPayment(ctx, p, []Allocation{{InvoiceID: a.ID, Amount: 4000, Date: MustDate("2026-06-01")}}); err != nil {
		t.Fatal(err)
	}
	if v, err := s.QuickCheck(ctx); err != nil || len(v) != 0 {
		t.Fatalf("healthy file: %q %v", v, err)
	}
	for _, q := range []string{
		`PRAGMA ignore_check_constraints = ON`,
		`DROP TRIGGER invoice_posted_immutable`,
		`DROP TRIGGER payment_immutable`,
		`UPDATE invoices SET open_amount = total + 1 WHERE id = ` + strconv.FormatInt(a.ID, 10),
		`UPDATE payments SET unallocated = amount + 5 WHERE id = ` + strconv.FormatInt(p.ID, 10),
		`UPDATE invoices SET seq = 7 WHERE seq = 2`,
	} {
		if _, err := s.w.ExecContext(ctx, q); err != nil {
			t.Fatal(q, err)
		}
	}
	v, err := s.QuickCheck(ctx)
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(v, "\n")
	for _, want := range []string{
		"invoice numbers are not sequential (a gap or a duplicate): expected 2 numbers up to 7",
		"invoice open balance is negative or above its total: " + a.Number,
		"payment unallocated amount is above the payment: payment " + strconv.FormatInt(p.ID, 10),
	} {
		if !strings.Contains(got, want) {
			t.Errorf("quick check %q lacks %q", got, want)
		}
	}
}
