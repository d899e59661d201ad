package app

import (
	"fmt"
	"image/color"
	"strings"

	"duebook/data"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// heading is a bold, larger label.
func heading(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.TextStyle.Bold = true
	l.SizeName = theme.SizeNameSubHeadingText
	return l
}

// titleLabel is a heading that names a record (a customer, an invoice): it wraps instead
// of widening the window when the name is long.
func titleLabel(text string) *widget.Label {
	l := heading(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// shorten cuts s to at most n characters, ending in "…" when cut.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// wrapRow lays buttons and labels out in a row that wraps onto more rows when narrow.
func wrapRow(objs ...fyne.CanvasObject) *fyne.Container {
	return container.New(&flowLayout{}, objs...)
}

// flowLayout places objects left to right at their minimum size and starts a new row when
// the next one does not fit. Its minimum width is the widest object's (Fyne's
// RowWrapLayout keeps the width it was last laid out at, so a window could not shrink).
type flowLayout struct{ width float32 }

func (l *flowLayout) rows(objs []fyne.CanvasObject, width float32, place bool) float32 {
	pad := theme.Padding()
	var x, y, rowH float32
	first := true
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		sz := o.MinSize()
		if !first && x+sz.Width > width {
			x, y = 0, y+rowH+pad
			rowH = 0
		}
		if place {
			o.Move(fyne.NewPos(x, y))
			o.Resize(sz)
		}
		x += sz.Width + pad
		rowH = max(rowH, sz.Height)
		first = false
	}
	return y + rowH
}

func (l *flowLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	l.width = size.Width
	l.rows(objs, size.Width, true)
}

func (l *flowLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var w float32
	for _, o := range objs {
		if o.Visible() {
			w = max(w, o.MinSize().Width)
		}
	}
	lw := l.width
	if lw < w {
		lw = 1e6 // not laid out yet: one row
	}
	return fyne.NewSize(w, l.rows(objs, lw, false))
}

// barLayout sizes its one object to a fraction of the width.
type barLayout struct{ frac float32 }

func (b *barLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		w := size.Width * b.frac
		if b.frac > 0 && w < 2 {
			w = 2
		}
		o.Resize(fyne.NewSize(w, size.Height-8))
		o.Move(fyne.NewPos(0, 4))
	}
}

func (b *barLayout) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(60, 30) }

// Bar is a horizontal bar of a chart.
type Bar struct {
	Rect   *canvas.Rectangle
	layout *barLayout
	Box    *fyne.Container
}

func newBar(c color.Color) *Bar {
	b := &Bar{Rect: canvas.NewRectangle(c), layout: &barLayout{}}
	b.Rect.CornerRadius = 3
	b.Box = container.New(b.layout, b.Rect)
	return b
}

// SetFraction sets the bar's length as a share of the full width (0..1).
func (b *Bar) SetFraction(f float32) {
	b.layout.frac = max(0, min(1, f))
	b.Box.Refresh()
}

// Fraction is the bar's length share.
func (b *Bar) Fraction() float32 { return b.layout.frac }

// CustomerPicker is an entry with a drop-down of matching customer names.
type CustomerPicker struct {
	Entry    *widget.SelectEntry
	ids      map[string]int64
	labels   map[int64]string
	all      []string
	OnPicked func(id int64)
}

func newCustomerPicker() *CustomerPicker {
	p := &CustomerPicker{Entry: widget.NewSelectEntry(nil), ids: map[string]int64{}, labels: map[int64]string{}}
	p.Entry.SetPlaceHolder("Customer name")
	p.Entry.OnChanged = func(s string) {
		p.filter(s)
		if p.OnPicked != nil {
			if id := p.ids[s]; id != 0 {
				p.OnPicked(id)
			}
		}
	}
	return p
}

// SetCustomers replaces the choices (duplicate names get their id appended).
func (p *CustomerPicker) SetCustomers(cs []*data.Customer) {
	count := map[string]int{}
	for _, c := range cs {
		count[c.Name]++
	}
	p.ids, p.labels, p.all = map[string]int64{}, map[int64]string{}, nil
	for _, c := range cs {
		l := c.Name
		if count[c.Name] > 1 {
			l = fmt.Sprintf("%s #%d", c.Name, c.ID)
		}
		p.ids[l] = c.ID
		p.labels[c.ID] = l
		p.all = append(p.all, l)
	}
	p.filter(p.Entry.Text)
}

func (p *CustomerPicker) filter(s string) {
	s = strings.ToLower(strings.TrimSpace(s))
	var opts []string
	for _, l := range p.all {
		if s == "" || strings.Contains(strings.ToLower(l), s) {
			opts = append(opts, l)
			if len(opts) >= 60 {
				break
			}
		}
	}
	p.Entry.SetOptions(opts)
}

// ID is the picked customer (0 when the text names none).
func (p *CustomerPicker) ID() int64 { return p.ids[strings.TrimSpace(p.Entry.Text)] }

// Set picks a customer by id.
func (p *CustomerPicker) Set(id int64) { p.Entry.SetText(p.labels[id]) }

// Label is the picker's text for a customer.
func (p *CustomerPicker) Label(id int64) string { return p.labels[id] }

// fillLastLayout stacks its objects top to bottom at their minimum heights; the last one
// gets the rest of the height (at least minLast), so lists use the room a tall window gives.
type fillLastLayout struct{ minLast float32 }

func (l *fillLastLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	var y float32
	for i, o := range objs {
		h := o.MinSize().Height
		if i == len(objs)-1 {
			h = max(size.Height-y, l.minLast, h)
		}
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(size.Width, h))
		y += h + pad
	}
}

func (l *fillLastLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	pad := theme.Padding()
	var s fyne.Size
	for i, o := range objs {
		m := o.MinSize()
		if i == len(objs)-1 {
			m.Height = max(m.Height, l.minLast)
		}
		s.Width = max(s.Width, m.Width)
		s.Height += m.Height
		if i > 0 {
			s.Height += pad
		}
	}
	return s
}

// TapIcon is an icon that does something when tapped, without taking the keyboard focus
// (Tab skips it).
type TapIcon struct {
	widget.Icon
	OnTapped func()
	Tip      string
}

func newTapIcon(res fyne.Resource, tip string, tapped func()) *TapIcon {
	t := &TapIcon{OnTapped: tapped, Tip: tip}
	t.ExtendBaseWidget(t)
	t.SetResource(res)
	return t
}

// Tapped runs OnTapped.
func (t *TapIcon) Tapped(*fyne.PointEvent) {
	if t.OnTapped != nil {
		t.OnTapped()
	}
}

// MinSize is a button's size.
func (t *TapIcon) MinSize() fyne.Size {
	s := theme.IconInlineSize() + 2*theme.InnerPadding()
	return fyne.NewSize(s, s)
}
