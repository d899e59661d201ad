package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The invoice table's columns fit the window from 1024x640 up (no sideways scrolling, the
// last column whole), each at least as wide as its header; the Number, Customer, Due date,
// money, days and status columns are always there, the overdue reason from 1024 px up.
func TestInvoiceColumnsFitTheWindow(t *testing.T) {
	s := newStore(t)
	c := mkCustomer(t, s, "Bayside Café", 30, 0)
	mkInvoice(t, s, c, "2026-05-01", 1234567)
	ui := newTestUI(t, s)
	showTab(ui, TabInvoices)
	ui.Wait()
	is := ui.Invoices
	for _, size := range []fyne.Size{{Width: 1280, Height: 800}, {Width: 1024, Height: 640}, {Width: 900, Height: 600}} {
		ui.Win.Resize(size)
		ui.Win.Content().Refresh()
		tw := is.Table.Size().Width
		sum := theme.Padding() * float32(len(is.ColWidths))
		shown := map[int]bool{}
		for i, w := range is.ColWidths {
			sum += w
			col := is.Columns[i]
			shown[col] = true
			if w < colMinWidth(col) {
				t.Errorf("%v: %s is %.0f wide, less than its header needs (%.0f)", size, colTitles[col], w, colMinWidth(col))
			}
		}
		if sum > tw {
			t.Errorf("%v: the columns need %.0f, the table is %.0f wide: the last column is cut", size, sum, tw)
		}
		for _, col := range []int{ColNumber, ColCustomer, ColDue, ColAmount, ColOpen, ColDays, ColStatus, ColReason} {
			if !shown[col] && (col != ColReason || size.Width >= 1024) {
				t.Errorf("%v: %s is not shown", size, colTitles[col])
			}
		}
		if size.Width >= 1280 && len(is.Columns) != numCols {
			t.Errorf("%v: only %d of %d columns shown", size, len(is.Columns), numCols)
		}
		// the header and the cells follow the columns shown
		last := len(is.Columns) - 1
		h := is.Table.CreateHeader().(*widget.Button)
		is.Table.UpdateHeader(widget.TableCellID{Row: -1, Col: last}, h)
		if h.Text != colTitles[is.Columns[last]] {
			t.Errorf("%v: last header %q, want %q", size, h.Text, colTitles[is.Columns[last]])
		}
		cell := is.Table.CreateCell()
		l := cell.(*rowCell).content.(*widget.Label)
		for i, col := range is.Columns {
			is.Table.UpdateCell(widget.TableCellID{Row: 0, Col: i}, cell)
			if want := is.List.Cell(0, col); l.Text != want {
				t.Errorf("%v: column %d shows %q, want %s %q", size, i, l.Text, colTitles[col], want)
			}
		}
	}
}
