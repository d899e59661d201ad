package app

import (
	"strings"
	"testing"

	"duebook/data"
)

// After a payment pays INV-00002 in full, its open view says paid, Record payment is
// disabled and Void is not offered; the list, dashboard and customer follow.
func TestInvoiceViewShowsPaidAfterPayment(t *testing.T) {
	s := newStore(t)
	c := mkCustomer(t, s, "Harbor Bikes", 30, 0)
	mkInvoice(t, s, c, "2026-06-01", 5000)
	inv := mkInvoice(t, s, c, "2026-06-02", 10000)
	ui := newTestUI(t, s)
	ui.OpenInvoice(inv.ID)
	v := ui.Invoices.View
	if !strings.Contains(v.Status.Text, "open") || v.Pay.Disabled() || !v.Void.Visible() {
		t.Fatalf("before: status %q, pay disabled %v, void shown %v", v.Status.Text, v.Pay.Disabled(), v.Void.Visible())
	}

	// Record the payment in the Payments screen, allocated to INV-00002 only.
	tap(t, v.Pay)
	ps := ui.Payments
	ps.Form.Field("amount").SetText("100.00")
	ps.Form.Field("reference").SetText("CHK 1042")
	tap(t, ps.AllocateBtn)
	d := ps.Alloc
	for _, r := range d.Rows {
		if r.Invoice.ID == inv.ID {
			typeInto(r.Amount, "100.00")
		} else {
			typeInto(r.Amount, "0")
		}
	}
	tap(t, d.Modal.Button("Record payment"))
	ui.Wait()

	v = ui.Invoices.View
	if v == nil || v.Invoice.ID != inv.ID {
		t.Fatal("the invoice view closed")
	}
	if !strings.Contains(v.Status.Text, "paid") || strings.Contains(v.Status.Text, "open") {
		t.Errorf("status after payment %q, want paid", v.Status.Text)
	}
	if !v.Pay.Disabled() {
		t.Error("Record payment still enabled on a paid invoice")
	}
	if v.Void.Visible() {
		t.Error("Void offered on a paid invoice")
	}
	if !strings.Contains(v.Body.Text, "CHK 1042") || strings.Contains(v.Body.Text, "payment #") {
		t.Errorf("payments applied should name the reference:\n%s", v.Body.Text)
	}
}

// A write from outside the window's own dialogs (the inbox reader, another job) refreshes too.
func TestAnyCommittedWriteRefreshesTheScreens(t *testing.T) {
	s := newStore(t)
	c := mkCustomer(t, s, "Harbor Bikes", 30, 0)
	inv := mkInvoice(t, s, c, "2026-06-02", 10000)
	ui := newTestUI(t, s)
	ui.OpenInvoice(inv.ID)
	p := &data.Payment{CustomerID: c.ID, Date: data.MustDate(testToday), Method: "paypal", Reference: "PP-77", Amount: 10000}
	if err := s.RecordPayment(ctx, p, []data.Allocation{{InvoiceID: inv.ID, Amount: 10000}}); err != nil {
		t.Fatal(err)
	}
	ui.Wait()
	if v := ui.Invoices.View; !strings.Contains(v.Status.Text, "paid") || !v.Pay.Disabled() {
		t.Fatalf("view not refreshed: %q", v.Status.Text)
	}
	if got := ui.Customers.balances[c.ID]; got.Amount != 0 {
		t.Errorf("customer list balance %d after payment, want 0", got.Amount)
	}
}
