package app

import (
	"testing"

	"duebook/data"
)

// The Dispute action offers only open invoices without an open dispute: a customer
// whose invoice is paid in full (or already disputed) has it disabled, and the dialog
// never lists a disputed invoice (the store refuses a dispute on a paid one, too).
func TestCollectionsDisputeOnlyWhatIsOpen(t *testing.T) {
	ui, s, cs, invs := collectionsUI(t)
	c := ui.Collections
	c.ShowCustomer(cs["mailer"].ID)
	ui.Wait()
	if c.DisputeBtn.Disabled() {
		t.Fatal("Dispute disabled for an open invoice")
	}
	// paid in full: nothing left to dispute
	p := &data.Payment{CustomerID: cs["mailer"].ID, Method: "bank", Amount: invs["mailer"].Total}
	if err := s.RecordPayment(ctx, p, []data.Allocation{{InvoiceID: invs["mailer"].ID, Amount: invs["mailer"].Total}}); err != nil {
		t.Fatal(err)
	}
	ui.Wait() // the screen's refresh after the change
	c.ShowCustomer(cs["mailer"].ID)
	ui.Wait()
	if !c.DisputeBtn.Disabled() {
		t.Fatal("Dispute offered for a customer whose only invoice is paid")
	}
	// disputed already: not offered again
	if err := s.OpenDispute(ctx, &data.Dispute{InvoiceID: invs["paper"].ID, Reason: "goods damaged"}); err != nil {
		t.Fatal(err)
	}
	ui.Wait()
	c.ShowCustomer(cs["paper"].ID)
	ui.Wait()
	if c.Customer.ID != cs["paper"].ID {
		t.Fatalf("showing %s", c.Customer.Name)
	}
	if !c.DisputeBtn.Disabled() {
		t.Fatal("Dispute offered for a customer whose only open invoice is disputed already")
	}
	if c.ResolveBtn.Disabled() {
		t.Fatal("Resolve not offered for the open dispute")
	}
}
