package app

import (
	"testing"

	"duebook/data"
)

func unsavedQuestion(t *testing.T, ui *UI) *Modal {
	t.Helper()
	m := ui.Modal
	if m == nil || !m.Visible() || m.Title != "Unsaved changes" {
		t.Fatalf("no unsaved-changes question (last dialog %+v)", m)
	}
	return m
}

func noQuestion(t *testing.T, ui *UI) {
	t.Helper()
	if m := ui.Modal; m != nil && m.Visible() && m.Title == "Unsaved changes" {
		t.Fatal("asked about unsaved changes where there were none")
	}
}

func TestDraftInvoiceLinesAreNotLostOnBack(t *testing.T) {
	s := newStore(t)
	c := mkCustomer(t, s, "Bayside Café", 30, 0)
	ui := newTestUI(t, s)
	is := ui.Invoices

	// Nothing typed: Back leaves without asking.
	ui.NewInvoice(c.ID)
	tap(t, is.Editor.Back)
	noQuestion(t, ui)
	if is.Editor != nil {
		t.Fatal("Back did not leave an unchanged editor")
	}

	ui.NewInvoice(c.ID)
	e := is.Editor
	typeInto(e.Lines[0].Desc, "Espresso machine service")
	typeInto(e.Lines[0].Qty, "2")
	typeInto(e.Lines[0].Price, "80.00")
	tap(t, e.Back)
	tap(t, unsavedQuestion(t, ui).Button("Cancel"))
	if is.Editor != e || e.Lines[0].Desc.Text != "Espresso machine service" {
		t.Fatal("Cancel did not keep the editor and its lines")
	}
	// Opening a new draft also asks; Save stores the lines, then the new draft opens.
	ui.NewInvoice(0)
	tap(t, unsavedQuestion(t, ui).Button("Save"))
	ui.Wait()
	if e.Invoice == nil {
		t.Fatal("Save did not store the draft")
	}
	saved, err := s.Invoice(ctx, e.Invoice.ID)
	if err != nil || len(saved.Lines) != 1 || saved.Lines[0].Description != "Espresso machine service" {
		t.Fatalf("draft not saved with its line: %v %+v", err, saved)
	}
	if is.Editor == nil || is.Editor == e || is.Editor.Invoice != nil {
		t.Fatal("the new draft did not open after saving")
	}
	// Discard drops the changes.
	typeInto(is.Editor.Lines[0].Desc, "Throwaway")
	tap(t, is.Editor.Back)
	tap(t, unsavedQuestion(t, ui).Button("Discard"))
	if is.Editor != nil {
		t.Fatal("Discard did not leave the editor")
	}
}

func TestCustomerEditAsksBeforeAnotherCustomerOpens(t *testing.T) {
	s := newStore(t)
	a := mkCustomer(t, s, "Anchor Supply", 30, 0)
	b := mkCustomer(t, s, "Bay Tools", 30, 0)
	ui := newTestUI(t, s)
	ui.SelectTab(TabCustomers)
	cs := ui.Customers
	cs.Show(a.ID)
	ui.Wait()
	tap(t, cs.Detail.EditButton)
	typeInto(cs.Form.Form.Field("phone").Entry, "+1 555 0100")
	cs.Show(b.ID) // another customer clicked
	tap(t, unsavedQuestion(t, ui).Button("Save"))
	ui.Wait()
	got, _ := s.Customer(ctx, a.ID)
	if got.Phone != "+1 555 0100" {
		t.Fatalf("phone %q not saved", got.Phone)
	}
	if cs.Form != nil || cs.Detail.Customer == nil || cs.Detail.Customer.ID != b.ID {
		t.Fatal("the other customer did not open after saving")
	}
	// A refused value keeps the form open with its message.
	tap(t, cs.Detail.EditButton)
	typeInto(cs.Form.Form.Field("terms_days").Entry, "soon")
	cs.Show(a.ID)
	tap(t, unsavedQuestion(t, ui).Button("Save"))
	if cs.Form == nil || !cs.Form.Form.Field("terms_days").Error.Visible() {
		t.Fatal("a form that could not be saved was dropped")
	}
}

func TestLeavingSettingsAndClosingTheWindowAsk(t *testing.T) {
	s := newStore(t)
	ui := newTestUI(t, s)
	ui.SelectTab(TabSettings)
	typeInto(ui.Settings.Form.Field("phone").Entry, "+49 30 1234")
	ui.SelectTab(TabCustomers)
	tap(t, unsavedQuestion(t, ui).Button("Cancel"))
	if ui.Tabs.Selected().Text != TabSettings || ui.Settings.Form.Field("phone").Text() != "+49 30 1234" {
		t.Fatalf("Cancel did not go back to Settings with the change (on %s)", ui.Tabs.Selected().Text)
	}
	ui.SelectTab(TabDashboard)
	tap(t, unsavedQuestion(t, ui).Button("Discard"))
	if ui.Settings.Form.Field("phone").Text() != "" || ui.Tabs.Selected().Text != TabDashboard {
		t.Fatal("Discard did not restore the saved settings")
	}

	ui.SelectTab(TabSettings)
	typeInto(ui.Settings.Form.Field("phone").Entry, "+49 30 5678")
	ui.requestClose()
	q := unsavedQuestion(t, ui)
	if want := "You changed the company settings without saving. Save the changes?"; q.Message.Text != want {
		t.Errorf("the question says %q, want %q", q.Message.Text, want)
	}
	tap(t, q.Button("Save"))
	for _, fd := range ui.Settings.Form.Fields {
		if fd.Error.Visible() {
			t.Fatalf("settings refused: %s: %s", fd.Name, fd.Error.Text)
		}
	}
	if ui.Store != nil {
		t.Fatal("the window did not close after saving")
	}
	s2, err := data.Open(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	comp, _ := s2.Company(ctx)
	if comp.Phone != "+49 30 5678" {
		t.Fatalf("closing the window did not save the settings: phone %q", comp.Phone)
	}
}
