package app

import (
	"testing"

	"duebook/data"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"
)

func TestPaymentsSortByColumnAndHighlightTheRow(t *testing.T) {
	s := newStore(t)
	a := mkCustomer(t, s, "Anchor Supply", 30, 0)
	z := mkCustomer(t, s, "Zephyr Tools", 30, 0)
	for _, p := range []*data.Payment{
		{CustomerID: z.ID, Date: data.MustDate("2026-06-01"), Method: "bank", Reference: "B-2", Amount: 500},
		{CustomerID: a.ID, Date: data.MustDate("2026-06-03"), Method: "check", Reference: "A-1", Amount: 90000},
		{CustomerID: z.ID, Date: data.MustDate("2026-06-02"), Method: "cash", Reference: "C-3", Amount: 7000},
	} {
		if err := s.RecordPayment(ctx, p, nil); err != nil {
			t.Fatal(err)
		}
	}
	ui := newTestUI(t, s)
	showTab(ui, TabPayments)
	ps := ui.Payments
	refs := func() (out []string) {
		for _, p := range ps.shown {
			out = append(out, p.Reference)
		}
		return out
	}
	eq := func(got []string, want ...string) bool {
		if len(got) != len(want) {
			return false
		}
		for i := range got {
			if got[i] != want[i] {
				return false
			}
		}
		return true
	}
	if got := refs(); !eq(got, "A-1", "C-3", "B-2") {
		t.Fatalf("default order (newest first) %v", got)
	}
	ps.SortBy(4) // Amount: biggest first
	if got := refs(); !eq(got, "A-1", "C-3", "B-2") {
		t.Errorf("by amount %v", got)
	}
	ps.SortBy(4) // again: smallest first
	if got := refs(); !eq(got, "B-2", "C-3", "A-1") {
		t.Errorf("by amount, reversed %v", got)
	}
	ps.SortBy(1) // Customer A→Z
	if got := refs(); got[0] != "A-1" {
		t.Errorf("by customer %v", got)
	}

	// Selecting a cell highlights every cell of its row (and only that row).
	ps.Table.Select(widget.TableCellID{Row: 0, Col: 3})
	for row := 0; row < len(ps.shown); row++ {
		for col := range payCols {
			cell := ps.Table.CreateCell()
			ps.Table.UpdateCell(widget.TableCellID{Row: row, Col: col}, cell)
			bg := cell.(*rowCell).content.(*fyne.Container).Objects[0].(*canvas.Rectangle)
			if lit := bg.FillColor == ps.rowHighlight(); lit != (row == 0) {
				t.Errorf("row %d column %d highlighted %v", row, col, lit)
			}
		}
	}
}

// The Method column says how the money came in words ("Bank transfer", "PayPal"), not the
// stored code, and the search finds those words.
func TestPaymentMethodsInWords(t *testing.T) {
	s := newStore(t)
	c := mkCustomer(t, s, "Anchor Supply", 30, 0)
	for _, p := range []*data.Payment{
		{CustomerID: c.ID, Date: data.MustDate("2026-06-01"), Method: "bank", Reference: "B-2", Amount: 500},
		{CustomerID: c.ID, Date: data.MustDate("2026-06-02"), Method: "paypal", Reference: "P-1", Amount: 700},
	} {
		if err := s.RecordPayment(ctx, p, nil); err != nil {
			t.Fatal(err)
		}
	}
	ui := newTestUI(t, s)
	showTab(ui, TabPayments)
	ps := ui.Payments
	want := map[string]string{"B-2": "Bank transfer", "P-1": "PayPal"}
	for row, p := range ps.shown {
		cell := ps.Table.CreateCell()
		ps.Table.UpdateCell(widget.TableCellID{Row: row, Col: 2}, cell)
		var got string
		for _, o := range cell.(*rowCell).content.(*fyne.Container).Objects {
			if l, ok := o.(*widget.Label); ok {
				got = l.Text
			}
		}
		if got != want[p.Reference] {
			t.Errorf("payment %s: method shown as %q, want %q", p.Reference, got, want[p.Reference])
		}
	}
	typeInto(ps.Search, "transfer")
	if len(ps.shown) != 1 || ps.shown[0].Reference != "B-2" {
		t.Errorf("searching \"transfer\" shows %d payments", len(ps.shown))
	}
}
