package app

import (
	"fmt"
	"net"
	"strings"
	"testing"
)

func TestWorklistLoadingSignAndEmptyState(t *testing.T) {
	s := newStore(t)
	ui := newTestUI(t, s)
	ui.SelectTab(TabCollections)
	c := ui.Collections
	if !c.Busy.Visible() {
		t.Error("no loading sign while the worklist is read")
	}
	ui.Wait()
	if c.Busy.Visible() {
		t.Error("loading sign stays after the worklist was read")
	}
	if !strings.Contains(c.Title.Text, "nothing to do today") || !strings.Contains(c.Detail.Text, "Nothing to do today") {
		t.Errorf("empty worklist says %q / %q", c.Title.Text, c.Detail.Text)
	}
}

func TestConfirmationAfterSavingACustomer(t *testing.T) {
	s := newStore(t)
	ui := newTestUI(t, s)
	ui.SelectTab(TabCustomers)
	if !strings.Contains(ui.Customers.Count.Text, "No customers yet") {
		t.Errorf("empty customer list says %q", ui.Customers.Count.Text)
	}
	ui.Customers.Edit(nil)
	f := ui.Customers.Form.Form
	typeInto(f.Field("name").Entry, "Oak Roofing")
	typeInto(f.Field("emails").Entry, "ap@oak.example")
	tap(t, ui.Customers.Form.SaveBtn)
	ui.Wait()
	if !strings.Contains(ui.Notice.Text, "Saved Oak Roofing") {
		t.Errorf("no confirmation after saving: %q", ui.Notice.Text)
	}
	if !strings.Contains(ui.Customers.Count.Text, "1 customer,") {
		t.Errorf("count says %q", ui.Customers.Count.Text)
	}
}

func TestDialogChecksAsTheUserTypes(t *testing.T) {
	s := newStore(t)
	c := mkCustomer(t, s, "Bayside Café", 30, 0)
	inv := mkInvoice(t, s, c, "2026-06-01", 12000)
	ui := newTestUI(t, s)
	ui.WriteOffInvoice(inv.ID)
	f := ui.Modal.Form
	amt := f.Field("amount")
	typeInto(amt.Entry, "12,3x")
	if !amt.Error.Visible() {
		t.Fatal("text in an amount is not flagged while typing")
	}
	typeInto(amt.Entry, "12.34")
	if amt.Error.Visible() {
		t.Fatalf("message stays after a valid amount: %q", amt.Error.Text)
	}
	typeInto(f.Field("date").Entry, "31.06.")
	if !f.Field("date").Error.Visible() {
		t.Error("a bad date is not flagged while typing")
	}
}

func TestNetworkErrorsInPlainWords(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Skip(err)
	}
	addr := l.Addr().String()
	l.Close() // nothing listens there now
	_, err = net.Dial("tcp", addr)
	if err == nil {
		t.Skip("the port was taken again")
	}
	msg := humanError(fmt.Errorf("imap: %w", err))
	if strings.Contains(msg, "dial tcp") || !strings.Contains(msg, "refused the connection") || !strings.Contains(msg, addr) {
		t.Errorf("connection refused shown as %q", msg)
	}
	s := newStore(t)
	ui := newTestUI(t, s)
	if m := ui.ShowError(err); strings.Contains(m.Message.Text, "dial tcp") {
		t.Errorf("the error dialog shows %q", m.Message.Text)
	}
}

func TestCustomerListsSayWhenEmpty(t *testing.T) {
	s := newStore(t)
	c := mkCustomer(t, s, "Oak Roofing", 30, 0)
	ui := newTestUI(t, s)
	ui.ShowCustomer(c.ID)
	ui.Wait()
	d := ui.Customers.Detail
	if !d.noOpen.Visible() || !d.noPays.Visible() {
		t.Fatal("empty open-invoice and payment lists say nothing")
	}
	mkInvoice(t, s, c, "2026-06-01", 1000)
	ui.Wait()
	if d.noOpen.Visible() {
		t.Error("'No open invoices' stays with an open invoice")
	}
}
