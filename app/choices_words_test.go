package app

import (
	"slices"
	"strings"
	"testing"

	"duebook/data"

	"fyne.io/fyne/v2/widget"
)

// noCodeShown fails when a drop-down shows one of the stored codes instead of words.
func noCodeShown(t *testing.T, what string, f *Field, codes []string) {
	t.Helper()
	for _, o := range f.Select.Options {
		if slices.Contains(codes, o) {
			t.Errorf("%s shows the stored code %q: %q", what, o, f.Select.Options)
		}
	}
	if slices.Contains(codes, f.Select.Selected) {
		t.Errorf("%s shows the stored code %q as chosen", what, f.Select.Selected)
	}
}

// The payment form's Method, the mail account's Security and the customer's preferred
// channel show words; what is stored stays the code.
func TestChoicesShowWordsAndStoreCodes(t *testing.T) {
	s, ui := accountUI(t)
	c := mkCustomer(t, s, "Maple Dental Clinic", 30, 0)
	ui.ShowCustomer(c.ID)
	ui.Wait()
	tap(t, ui.Customers.Detail.RecordPay)
	ui.Wait()
	ps := ui.Payments
	method := ps.Form.Field("method")
	noCodeShown(t, "Method", method, data.PaymentMethods)
	if method.Select.Selected != "Bank transfer" || method.Text() != "bank" {
		t.Errorf("Method shows %q (value %q), want Bank transfer (bank)", method.Select.Selected, method.Text())
	}
	if !slices.Contains(method.Select.Options, "PayPal") || !slices.Contains(method.Select.Options, "Check") {
		t.Errorf("Method options %q", method.Select.Options)
	}
	method.Select.SetSelected("Check") // what the user picks
	typeInto(ps.Form.Field("amount").Entry, "25.00")
	tap(t, ps.CreditBtn)
	ui.Wait()
	if p := ps.LastRecorded; p == nil || p.Method != "check" {
		t.Fatalf("recorded %+v, want method check", p)
	}
	// the list shows the words too
	showTab(ui, TabPayments)
	ui.Wait()
	if got := methodName(ps.LastRecorded.Method); got != "Check" {
		t.Errorf("the list shows %q", got)
	}

	tap(t, ui.Inbox.AccountB)
	sec := ui.Inbox.AccountForm.Form.Field("security")
	noCodeShown(t, "Security", sec, securityChoices)
	if sec.Select.Selected != "SSL/TLS" || sec.Text() != "tls" {
		t.Errorf("Security shows %q (value %q), want SSL/TLS (tls)", sec.Select.Selected, sec.Text())
	}
	sec.Select.SetSelected("STARTTLS")
	if sec.Text() != "starttls" {
		t.Errorf("STARTTLS reads as %q", sec.Text())
	}
	sec.SetText("none")
	if !strings.HasPrefix(sec.Select.Selected, "None") {
		t.Errorf("none shows %q", sec.Select.Selected)
	}
	tap(t, ui.Inbox.AccountForm.Modal.Button("Cancel"))

	ui.SelectTab(TabCustomers)
	ui.Customers.Edit(nil)
	ch := ui.Customers.Form.Form.Field("channel")
	channels := []string{string(data.ChannelEmail), string(data.ChannelMail), string(data.ChannelPhone)}
	noCodeShown(t, "Preferred channel", ch, channels)
	ch.Select.SetSelected("Letter by post")
	if ch.Text() != string(data.ChannelMail) {
		t.Errorf("Letter by post reads as %q", ch.Text())
	}
}

// Every dialog puts its main (highlighted) button first, followed by Cancel: Import mail
// had them the other way round.
func TestMainButtonComesFirst(t *testing.T) {
	s, ui := accountUI(t)
	c := mkCustomer(t, s, "Maple Dental Clinic", 30, 0)
	inv := mkInvoice(t, s, c, "2026-06-01", 12000)
	check := func(what string) {
		t.Helper()
		m := ui.Modal
		if m == nil || !m.Visible() || len(m.Buttons) < 2 {
			t.Fatalf("%s: no dialog with buttons", what)
		}
		if m.Buttons[0].Importance != widget.HighImportance {
			t.Errorf("%s: the first button is %q, not the main one", what, m.Buttons[0].Text)
		}
		if last := m.Buttons[len(m.Buttons)-1].Text; last != "Cancel" {
			t.Errorf("%s: the last button is %q, not Cancel", what, last)
		}
		tap(t, m.Button("Cancel"))
	}
	tap(t, ui.Inbox.ImportB)
	check("Import mail")
	tap(t, ui.Inbox.AccountB)
	check("Mail account")
	ui.VoidInvoice(inv.ID)
	check("Void")
	ui.WriteOffInvoice(inv.ID)
	check("Write off")
}
