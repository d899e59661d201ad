package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func TestCustomerFormMessageGoesAsSoonAsValid(t *testing.T) {
	s := newStore(t)
	ui := newTestUI(t, s)
	ui.SelectTab(TabCustomers)
	ui.Customers.Edit(nil)
	f := ui.Customers.Form.Form
	typeInto(f.Field("name").Entry, "Oak Roofing")
	typeInto(f.Field("emails").Entry, "ap@oak.example")
	typeInto(f.Field("terms_days").Entry, "thirty")
	tap(t, ui.Customers.Form.SaveBtn)
	terms := f.Field("terms_days")
	if !terms.Error.Visible() {
		t.Fatal("no message under Payment terms")
	}
	typeInto(terms.Entry, "30")
	if terms.Error.Visible() {
		t.Fatalf("message still shown after the value was corrected: %q", terms.Error.Text)
	}
	// Typing into a field shows its message at once (no Save needed).
	typeInto(f.Field("currency").Entry, "XX1")
	if !f.Field("currency").Error.Visible() {
		t.Error("an invalid currency is not flagged while typing")
	}
	typeInto(f.Field("currency").Entry, "EUR")
	if f.Field("currency").Error.Visible() {
		t.Error("currency message stays after EUR")
	}
}

func TestInvoiceLineQuantityMessages(t *testing.T) {
	s := newStore(t)
	c := mkCustomer(t, s, "Bayside Café", 30, 0)
	ui := newTestUI(t, s)
	ui.NewInvoice(c.ID)
	e := ui.Invoices.Editor
	r := e.Lines[0]
	typeInto(r.Desc, "Beans")
	typeInto(r.Price, "12.00")
	typeInto(r.Qty, "-2")
	tap(t, e.SaveBtn)
	if !r.Error.Visible() || !strings.Contains(r.Error.Text, "more than 0") || strings.Contains(r.Error.Text, "not a number") {
		t.Fatalf("quantity -2 message %q", r.Error.Text)
	}
	typeInto(r.Qty, "2")
	if r.Error.Visible() {
		t.Fatalf("line message stays after the quantity was corrected: %q", r.Error.Text)
	}
	// Tab from the Tax field goes to the next field, never to the line's delete icon.
	if _, ok := fyne.CanvasObject(r.Remove).(fyne.Focusable); ok {
		t.Error("the delete icon takes the focus")
	}
}

func TestKeysOnDialogsAndSearch(t *testing.T) {
	s := newStore(t)
	mkCustomer(t, s, "Bayside Café", 30, 0)
	ui := newTestUI(t, s)
	key := func(k fyne.KeyName) { ui.Win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: k}) }

	m := ui.ShowInfo("Saved", "Everything is saved.")
	key(fyne.KeyReturn)
	if m.Visible() {
		t.Error("Enter did not close the message")
	}
	m = ui.ShowError(errString("the file is read-only"))
	key(fyne.KeyEscape)
	if m.Visible() {
		t.Error("Escape did not close the error")
	}
	ran := false
	m = ui.ShowModal("Delete", "Delete it?", nil, ModalButton{Text: "Delete", Action: func() bool { ran = true; return true }},
		ModalButton{Text: "Cancel", Main: true})
	key(fyne.KeyEscape)
	if m.Visible() || ran {
		t.Errorf("Escape should cancel: visible %v, deleted %v", m.Visible(), ran)
	}

	ui.SelectTab(TabCustomers)
	typeInto(ui.Customers.Search, "bay")
	shortcut(ui.Win, fyne.KeyF)
	test.Type(ui.Customers.Search, "oak")
	if got := ui.Customers.Search.Text; got != "oak" {
		t.Errorf("Ctrl+F then typing gave %q, want the old search replaced", got)
	}
}

type errString string

func (e errString) Error() string { return string(e) }

func TestHumanWords(t *testing.T) {
	if got := activityText("customer.create"); got != "Customer created" {
		t.Errorf("customer.create → %q", got)
	}
	if got := activityText("widget.frob_it"); strings.Contains(got, ".") || strings.Contains(got, "_") {
		t.Errorf("unknown action shown as %q", got)
	}
	if count(1, "customer", "customers") != "1 customer" || count(3, "customer", "customers") != "3 customers" {
		t.Error("count")
	}
}

func TestMouseWheelOverAFieldScrollsSettings(t *testing.T) {
	s := newStore(t)
	ui := newTestUI(t, s)
	ui.Win.Resize(fyne.NewSize(900, 600))
	ui.SelectTab(TabSettings)
	page := ui.Settings.Form.PageScroll
	e := ui.Settings.Form.Field("phone").Entry
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(e).Add(fyne.NewPos(20, 10))
	before := page.Offset.Y
	test.Scroll(ui.Win.Canvas(), pos, 0, -120)
	if page.Offset.Y <= before {
		t.Fatalf("the wheel over the Phone field did not scroll Settings (offset %.0f → %.0f)", before, page.Offset.Y)
	}
	// Taps, hover and the text cursor still go to the field beneath.
	var o any = &wheelPass{}
	_, tappable := o.(fyne.Tappable)
	_, focusable := o.(fyne.Focusable)
	_, hoverable := o.(desktop.Hoverable)
	_, cursor := o.(desktop.Cursorable)
	if tappable || focusable || hoverable || cursor {
		t.Error("the wheel layer takes more than the wheel")
	}
}

func TestEnterAndDoubleClickOpenAnInvoiceRow(t *testing.T) {
	s := newStore(t)
	c := mkCustomer(t, s, "Bayside Café", 30, 0)
	mkInvoice(t, s, c, "2026-06-01", 12000)
	mkInvoice(t, s, c, "2026-06-02", 3400)
	ui := newTestUI(t, s)
	showTab(ui, TabInvoices)
	is := ui.Invoices
	is.Table.Select(widget.TableCellID{Row: 0, Col: 1})
	is.Table.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if is.View == nil || is.View.Invoice.ID != is.Selected.ID {
		t.Fatal("Enter on the selected row did not open the invoice")
	}
	is.CloseDetail()
	cell := is.Table.CreateCell()
	is.Table.UpdateCell(widget.TableCellID{Row: 1, Col: 2}, cell)
	test.DoubleTap(cell.(fyne.DoubleTappable))
	if is.View == nil || is.View.Invoice.ID != is.List.Row(1).ID {
		t.Fatal("a double-click on a row did not open its invoice")
	}
}
