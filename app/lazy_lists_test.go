package app

import (
	"testing"

	"duebook/data"
)

// The invoice and payment lists (every row of the file) are read when their screen is
// shown: a change made while another screen is shown marks them, and they are read again
// when next shown, not at every change.
func TestListsReadWhenShown(t *testing.T) {
	s := newStore(t)
	c := mkCustomer(t, s, "Lazy Lists Ltd", 30, 0)
	mkInvoice(t, s, c, "2026-06-01", 1000)
	ui := newTestUI(t, s)
	if ui.Invoices.List != nil || ui.Payments.all != nil {
		t.Fatal("the lists were read before their screens were shown")
	}
	showTab(ui, TabInvoices)
	if ui.Invoices.List == nil || ui.Invoices.List.Len() != 1 {
		t.Fatal("the invoice list was not read when shown")
	}
	showTab(ui, TabPayments)
	if len(ui.Payments.all) != 0 || ui.Payments.index == nil {
		t.Fatal("the payment list was not read when shown")
	}
	showTab(ui, TabCustomers)
	first := ui.Invoices.List
	mkInvoice(t, s, c, "2026-06-02", 2000)
	if err := s.RecordPayment(ctx, &data.Payment{CustomerID: c.ID, Date: data.MustDate("2026-06-03"), Method: "bank", Amount: 500}, nil); err != nil {
		t.Fatal(err)
	}
	ui.Wait()
	if ui.Invoices.List != first || len(ui.Payments.all) != 0 {
		t.Fatal("a change on another screen re-read the lists")
	}
	showTab(ui, TabInvoices)
	if ui.Invoices.List.Len() != 2 {
		t.Fatalf("the invoice list shows %d invoices after the change, want 2", ui.Invoices.List.Len())
	}
	mkInvoice(t, s, c, "2026-06-04", 3000) // shown: read again at once
	ui.Wait()
	if ui.Invoices.List.Len() != 3 {
		t.Fatalf("the shown invoice list has %d invoices after a change, want 3", ui.Invoices.List.Len())
	}
	showTab(ui, TabPayments)
	if len(ui.Payments.shown) != 1 {
		t.Fatalf("the payment list shows %d payments after the change, want 1", len(ui.Payments.shown))
	}
}
