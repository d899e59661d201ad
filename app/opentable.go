package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// OpenTable is a table whose rows open: a double-click on a row, or Enter on the selected
// row, calls OnOpen with the row. A single click selects the row as before.
type OpenTable struct {
	widget.Table
	OnOpen   func(row int)
	selected int // -1 = none
}

// newOpenTable is widget.NewTableWithHeaders with rows that open.
func newOpenTable(length func() (int, int), create func() fyne.CanvasObject, update func(widget.TableCellID, fyne.CanvasObject)) *OpenTable {
	t := &OpenTable{selected: -1}
	t.Length = length
	t.CreateCell = func() fyne.CanvasObject { return newRowCell(t, create()) }
	t.UpdateCell = func(id widget.TableCellID, o fyne.CanvasObject) {
		c := o.(*rowCell)
		c.id = id
		update(id, c.content)
	}
	t.ShowHeaderRow, t.ShowHeaderColumn = true, true
	t.ExtendBaseWidget(t)
	return t
}

// SetOnSelected sets what a selection does (the row is remembered for Enter).
func (t *OpenTable) SetOnSelected(f func(widget.TableCellID)) {
	t.OnSelected = func(id widget.TableCellID) {
		t.selected = id.Row
		if f != nil {
			f(id)
		}
	}
	t.OnUnselected = func(widget.TableCellID) { t.selected = -1 }
}

// TypedKey opens the selected row on Enter; other keys move and select as in any table.
func (t *OpenTable) TypedKey(ev *fyne.KeyEvent) {
	if (ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter) && t.selected >= 0 && t.OnOpen != nil {
		t.OnOpen(t.selected)
		return
	}
	t.Table.TypedKey(ev)
}

// rowCell holds one cell's content and turns taps into selecting (one) or opening (two).
type rowCell struct {
	widget.BaseWidget
	table   *OpenTable
	content fyne.CanvasObject
	id      widget.TableCellID
}

func newRowCell(t *OpenTable, content fyne.CanvasObject) *rowCell {
	c := &rowCell{table: t, content: content}
	c.ExtendBaseWidget(c)
	return c
}

func (c *rowCell) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(c.content) }

// Tapped selects the row (and gives the table the keyboard, for Enter).
func (c *rowCell) Tapped(*fyne.PointEvent) {
	c.table.Select(c.id)
	if cv := fyne.CurrentApp().Driver().CanvasForObject(c.table); cv != nil {
		cv.Focus(c.table)
	}
}

// DoubleTapped opens the row.
func (c *rowCell) DoubleTapped(*fyne.PointEvent) {
	c.table.Select(c.id)
	if c.table.OnOpen != nil {
		c.table.OnOpen(c.id.Row)
	}
}
