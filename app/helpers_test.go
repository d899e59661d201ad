package app

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"duebook/data"
	"duebook/data/datatest"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

var ctx = context.Background()

const testToday = "2026-06-30"

// newStore makes an empty company file with a fixed today.
func newStore(t testing.TB) *data.Store {
	t.Helper()
	s, err := data.OpenWith(filepath.Join(t.TempDir(), "co.duebook"), data.Options{Clock: data.FixedClock{Day: data.MustDate(testToday)}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// newTestUI opens the main window on s with the test driver.
func newTestUI(t *testing.T, s *data.Store) *UI {
	t.Helper()
	t.Setenv("DUEBOOK_CONFIG_DIR", t.TempDir())
	a := test.NewTempApp(t)
	ui := NewWithStore(a, s)
	ui.Win.Resize(fyne.NewSize(1280, 800))
	t.Cleanup(func() {
		ui.Wait()
		if !ui.closed {
			ui.Win.Close()
		}
	})
	ui.Wait()
	return ui
}

func mkCustomer(t testing.TB, s *data.Store, name string, terms int, limit int64) *data.Customer {
	t.Helper()
	c := &data.Customer{Name: name, Emails: []string{"ap@example.com"}, TermsDays: terms, CreditLimit: limit}
	if err := s.CreateCustomer(ctx, c); err != nil {
		t.Fatal(err)
	}
	return c
}

func mkInvoice(t testing.TB, s *data.Store, c *data.Customer, issue string, amount int64) *data.Invoice {
	t.Helper()
	inv := &data.Invoice{CustomerID: c.ID, IssueDate: data.MustDate(issue),
		Lines: []data.InvoiceLine{{Description: "Work", QtyMilli: 1000, UnitPrice: amount}}}
	return datatest.Post(t, s, inv)
}

// typeInto replaces the text of an entry by typing it, as a user would.
func typeInto(e *widget.Entry, s string) {
	e.SetText("")
	test.Type(e, s)
}

// texts gathers the text of every label and button shown on the window (content and
// dialogs), walking the widget tree.
func texts(w fyne.Window) []string {
	var out []string
	objs := []fyne.CanvasObject{w.Canvas().Content()}
	objs = append(objs, w.Canvas().Overlays().List()...)
	for _, root := range objs {
		for _, o := range test.LaidOutObjects(root) {
			if !o.Visible() {
				continue
			}
			switch x := o.(type) {
			case *widget.Label:
				out = append(out, x.Text)
			case *widget.Button:
				out = append(out, x.Text)
			}
		}
	}
	return out
}

// shows tells whether some visible label or button on the window contains s.
func shows(w fyne.Window, s string) bool {
	for _, t := range texts(w) {
		if strings.Contains(t, s) {
			return true
		}
	}
	return false
}

func shortcut(w fyne.Window, key fyne.KeyName) {
	w.Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault})
}

func tap(t *testing.T, b *widget.Button) {
	t.Helper()
	if b == nil {
		t.Fatal("button not found")
	}
	if b.Disabled() {
		t.Fatalf("button %q is disabled", b.Text)
	}
	test.Tap(b)
}

func testApp(t *testing.T) fyne.App { return test.NewTempApp(t) }

// showTab selects a screen and waits for what it loads (the invoice and payment lists are
// read when their screen is shown).
func showTab(ui *UI, tab string) {
	ui.SelectTab(tab)
	ui.Wait()
}
