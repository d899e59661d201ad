package data

import (
	"strings"
	"testing"
)

// A text field without a limit of its own holds at most MaxLineText characters on one
// line (a payment reference) and MaxNoteText in several (a note, a reason); more is
// refused naming the field and the count, characters counted as such (not bytes).
func TestTextTooLongRefused(t *testing.T) {
	s := newStore(t, "2026-06-30")
	c := mkCustomer(t, s, "Zoë", 30)
	inv := mkInvoice(t, s, c, "2026-06-01", 1000)
	d := &Dispute{InvoiceID: inv.ID, Reason: strings.Repeat("x", MaxNoteText+1)}
	if msg := FieldErrors(s.OpenDispute(ctx, d))["reason"]; msg != "is longer than 20000 characters (it has 20001)" {
		t.Fatalf("long reason: %q", msg)
	}
	p := &Payment{CustomerID: c.ID, Method: "bank", Amount: 100, Reference: strings.Repeat("名", MaxLineText+1)}
	if msg := FieldErrors(s.RecordPayment(ctx, p, nil))["reference"]; msg != "is longer than 1000 characters (it has 1001)" {
		t.Fatalf("long reference: %q", msg)
	}
	// at the limits, in characters of two and three bytes: fine
	a := &Activity{CustomerID: c.ID, Kind: "note", Note: strings.Repeat("ü\n", MaxNoteText/2)}
	if err := s.LogActivity(ctx, a); err != nil {
		t.Fatalf("a note at the limit: %v", err)
	}
	p.Reference = strings.Repeat("名", MaxLineText)
	if err := s.RecordPayment(ctx, p, nil); err != nil {
		t.Fatalf("a reference at the limit: %v", err)
	}
	if ds, _ := s.Disputes(ctx, false); len(ds) != 0 {
		t.Fatalf("stored: %+v", ds)
	}
	mustCheck(t, s)
}
