package app

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// widest names the innermost objects under o whose minimum width exceeds w (why a screen
// does not fit).
func widest(o fyne.CanvasObject, w float32) []string {
	var out []string
	var walk func(o fyne.CanvasObject, depth int) bool
	walk = func(o fyne.CanvasObject, depth int) bool {
		if (depth > 0 && !o.Visible()) || o.MinSize().Width <= w {
			return false
		}
		var kids []fyne.CanvasObject
		switch x := o.(type) {
		case *fyne.Container:
			kids = x.Objects
		case fyne.Widget:
			if r := test.WidgetRenderer(x); r != nil {
				kids = r.Objects()
			}
		}
		found := false
		for _, k := range kids {
			if walk(k, depth+1) {
				found = true
			}
		}
		if !found {
			desc := fmt.Sprintf("%T", o)
			switch x := o.(type) {
			case *widget.Label:
				desc += fmt.Sprintf(" %q", x.Text)
			case *widget.Button:
				desc += fmt.Sprintf(" %q", x.Text)
			case *canvas.Text:
				desc += fmt.Sprintf(" %q", x.Text)
			}
			out = append(out, fmt.Sprintf("%s (%.0f px)", desc, o.MinSize().Width))
		}
		return true
	}
	walk(o, 0)
	return out
}

// The window never grows by itself: at every screen and state its content fits 900x600.
func TestEveryScreenFits900x600(t *testing.T) {
	s := newStore(t)
	c := mkCustomer(t, s, "Bayside Plumbing and Heating Supply Company of the Pacific Northwest", 30, 100000)
	inv := mkInvoice(t, s, c, "2026-04-01", 50000)
	mkInvoice(t, s, c, "2026-05-01", 250000)
	ui := newTestUI(t, s)
	ui.Win.Resize(fyne.NewSize(900, 600))
	check := func(state string) {
		t.Helper()
		ui.Wait()
		if m := ui.Win.Content().MinSize(); m.Width > 900 || m.Height > 600 {
			var why []string
			for _, it := range ui.Tabs.Items {
				if it.Content.MinSize().Width > 800 || it.Content.MinSize().Height > 540 {
					why = append(why, fmt.Sprintf("%s %.0fx%.0f: %s", it.Text, it.Content.MinSize().Width, it.Content.MinSize().Height,
						strings.Join(widest(it.Content, 560), "; ")))
				}
			}
			t.Errorf("%s: the window needs %.0fx%.0f, more than 900x600:\n%s", state, m.Width, m.Height, strings.Join(why, "\n"))
		}
	}
	for _, it := range ui.Tabs.Items {
		ui.selectTabUnguarded(it.Text)
		check(it.Text)
	}
	ui.ShowCustomer(c.ID)
	check("customer detail")
	ui.Customers.Edit(ui.Customers.Detail.Customer)
	check("customer form")
	ui.OpenInvoice(inv.ID)
	check("invoice view")
	ui.NewInvoice(c.ID)
	check("invoice editor")
	ui.Invoices.Editor.baseline = ui.Invoices.Editor.snapshot()
	ui.SelectTab(TabCollections)
	ui.Wait()
	if len(ui.Collections.Rows) > 0 {
		ui.Collections.List.Select(0)
	}
	check("collections row")
	ui.Collections.Tabs.SelectIndex(1)
	check("monthly figures")
}
