package data

import (
	"strings"
	"testing"
)

// A dispute is refused, in its own transaction, on an invoice with nothing to dispute:
// one paid in full, a void one, a draft; and on a day in the future or before the invoice
// was issued. The message names the invoice and says why; no dispute is stored.
func TestDisputeRefusedWhenNothingToDispute(t *testing.T) {
	s := newStore(t, "2026-06-30")
	c := mkCustomer(t, s, "Ünïcode Trading 株式会社", 30)
	paid := mkInvoice(t, s, c, "2026-05-01", 10000)
	if err := s.RecordPayment(ctx, &Payment{CustomerID: c.ID, Method: "bank", Amount: 10000, Date: MustDate("2026-06-01")},
		[]Allocation{{InvoiceID: paid.ID, Amount: 10000}}); err != nil {
		t.Fatal(err)
	}
	void := mkInvoice(t, s, c, "2026-05-02", 5000)
	if err := s.VoidInvoice(ctx, void.ID, "entered twice"); err != nil {
		t.Fatal(err)
	}
	draft := &Invoice{CustomerID: c.ID, IssueDate: MustDate("2026-06-01"), Lines: []InvoiceLine{{Description: "Work", QtyMilli: 1000, UnitPrice: 700}}}
	if err := s.CreateDraft(ctx, draft); err != nil {
		t.Fatal(err)
	}
	open := mkInvoice(t, s, c, "2026-06-10", 3000)
	for _, tc := range []struct {
		name   string
		d      Dispute
		field  string
		saying string
	}{
		{"paid", Dispute{InvoiceID: paid.ID}, "invoice", "invoice " + paid.Number + " is paid in full (nothing is open on it)"},
		{"void", Dispute{InvoiceID: void.ID}, "invoice", "invoice " + void.Number + " is void"},
		{"draft", Dispute{InvoiceID: draft.ID}, "invoice", "this invoice is a draft (not sent yet)"},
		{"future", Dispute{InvoiceID: open.ID, Opened: MustDate("2026-07-01")}, "date", "2026-07-01 is after today (2026-06-30)"},
		{"before issue", Dispute{InvoiceID: open.ID, Opened: MustDate("2026-06-09")}, "date", "2026-06-09 is before invoice " + open.Number + " was issued (2026-06-10)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := tc.d
			d.Reason = "price disagreed"
			err := s.OpenDispute(ctx, &d)
			if got := FieldErrors(err)[tc.field]; !strings.Contains(got, tc.saying) {
				t.Fatalf("OpenDispute: %v; want %s: %q", err, tc.field, tc.saying)
			}
		})
	}
	if ds, err := s.Disputes(ctx, false); err != nil || len(ds) != 0 {
		t.Fatalf("disputes stored: %+v %v", ds, err)
	}
	// the open invoice can be disputed today, and resolved today but not tomorrow
	d := &Dispute{InvoiceID: open.ID, Reason: "price disagreed"}
	if err := s.OpenDispute(ctx, d); err != nil {
		t.Fatal(err)
	}
	if err := s.ResolveDispute(ctx, d.ID, "credit note", MustDate("2026-07-01")); !strings.Contains(FieldErrors(err)["date"], "in the future") {
		t.Fatalf("resolved in the future: %v", err)
	}
	if err := s.ResolveDispute(ctx, d.ID, "credit note", Date{}); err != nil {
		t.Fatal(err)
	}
	mustCheck(t, s)
}
