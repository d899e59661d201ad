package app

import (
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// The invoice table's columns fit the width the table gets: each column has a least width
// (its header with the sort arrow, or its widest usual value, whichever is wider); the free
// text columns (customer, overdue reason) take what is left over or give it back first, and
// when even the least widths do not fit, the columns that matter least go (Date sent, then
// Issue date: both are on the invoice itself; then, below 1024 px, the overdue reason, which
// Collections shows), so nothing is cut at the right edge.

// colSamples are the widest usual values of the columns that show values of a fixed shape.
var colSamples = [numCols]string{ColNumber: "INV-00000", ColIssue: "0000-00-00", ColSent: "0000-00-00",
	ColDue: "0000-00-00", ColAmount: "99,999.99 EUR", ColOpen: "99,999.99 EUR", ColDays: "9999", ColStatus: "Posted"}

// colLeast are the least widths of the free-text columns.
var colLeast = [numCols]float32{ColCustomer: 120, ColReason: 100}

// colDropOrder is the order in which columns go when the table is too narrow for all.
var colDropOrder = []int{ColSent, ColIssue, ColReason}

// colMinWidth is the least width column col needs.
func colMinWidth(col int) float32 {
	size, style := theme.TextSize(), fyne.TextStyle{}
	w := fyne.MeasureText(colTitles[col]+" ▼", size, style).Width
	if s := colSamples[col]; s != "" {
		w = max(w, fyne.MeasureText(s, size, style).Width)
	}
	return float32(math.Ceil(float64(max(w+2*theme.InnerPadding()+2, colLeast[col]))))
}

// fitColumns chooses the columns shown and their widths for a table width: the columns in
// display order and their widths.
func fitColumns(width float32) (cols []int, widths []float32) {
	shown := [numCols]bool{}
	for i := range shown {
		shown[i] = true
	}
	gap := theme.Padding() // the table's separator between two columns
	var mins [numCols]float32
	for c := range mins {
		mins[c] = colMinWidth(c)
	}
	need := func() (least, base float32, n int) {
		for c := 0; c < numCols; c++ {
			if shown[c] {
				least += mins[c]
				base += max(colWidths[c], mins[c])
				n++
			}
		}
		return least, base, n
	}
	least, base, n := need()
	room := func(n int) float32 { return width - gap*float32(n) } // a gap after each column leaves room for the scroll bar
	for _, c := range colDropOrder {
		if least <= room(n) {
			break
		}
		shown[c] = false
		least, base, n = need()
	}
	avail := room(n)
	for c := 0; c < numCols; c++ {
		if !shown[c] {
			continue
		}
		cols = append(cols, c)
		w := max(colWidths[c], mins[c])
		switch {
		case avail >= base: // room to spare: the free-text columns get it
			switch c {
			case ColCustomer:
				w += (avail - base) * 0.6
			case ColReason:
				w += (avail - base) * 0.4
			}
		case avail > least: // every column gives in proportion to what it has above its least
			w -= (w - mins[c]) * (base - avail) / (base - least)
		default:
			w = mins[c]
		}
		widths = append(widths, max(float32(math.Floor(float64(w))), mins[c]))
	}
	return cols, widths
}

// columnsLayout gives the invoice table its size and fits its columns to that width.
type columnsLayout struct {
	is    *InvoicesScreen
	width float32 // the width the columns were last fitted to
}

func (l *columnsLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	return objs[0].MinSize()
}

func (l *columnsLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	if size.Width > 0 && size.Width != l.width {
		l.width = size.Width
		l.is.setColumns(fitColumns(size.Width))
	}
	objs[0].Move(fyne.NewPos(0, 0))
	objs[0].Resize(size)
}

// setColumns shows the columns cols with the widths given.
func (is *InvoicesScreen) setColumns(cols []int, widths []float32) {
	is.Columns, is.ColWidths = cols, widths
	for i, w := range widths {
		is.Table.SetColumnWidth(i, w)
	}
	is.Table.Refresh()
}

// colAt is the invoice column shown at table column i (-1 when none).
func (is *InvoicesScreen) colAt(i int) int {
	if i < 0 || i >= len(is.Columns) {
		return -1
	}
	return is.Columns[i]
}
