package app

import (
	"errors"
	"fmt"
	"image/color"
	"sort"
	"strconv"
	"strings"

	"duebook/data"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Field is one input of a form with the message shown under it when the input is refused.
type Field struct {
	Name   string // the data layer's field name (data.FieldErrors keys)
	Label  string
	Entry  *widget.Entry
	Select *widget.Select
	Check  *widget.Check
	Picker *CustomerPicker
	Error  *widget.Label
	input  fyne.CanvasObject
}

// Text is the field's value as text.
func (f *Field) Text() string {
	switch {
	case f.Entry != nil:
		return f.Entry.Text
	case f.Select != nil:
		return f.Select.Selected
	case f.Picker != nil:
		return f.Picker.Entry.Text
	case f.Check != nil && f.Check.Checked:
		return "true"
	}
	return ""
}

// SetText sets the field's value.
func (f *Field) SetText(s string) {
	switch {
	case f.Entry != nil:
		f.Entry.SetText(s)
	case f.Select != nil:
		f.Select.SetSelected(s)
	case f.Picker != nil:
		f.Picker.Entry.SetText(s)
	case f.Check != nil:
		f.Check.SetChecked(s == "true")
	}
}

// SetError shows msg under the field ("" hides it).
func (f *Field) SetError(msg string) {
	f.Error.SetText(msg)
	if msg == "" {
		f.Error.Hide()
	} else {
		f.Error.Show()
	}
}

func newErrorLabel() *widget.Label {
	l := widget.NewLabel("")
	l.Importance = widget.DangerImportance
	l.Wrapping = fyne.TextWrapWord
	l.Hide()
	return l
}

// Form is a column of fields with their error messages, plus a general message for errors
// that name no field.
type Form struct {
	Fields  []*Field
	General *widget.Label
	// Relayout runs after messages appear or go (nil: the whole window is laid out again).
	Relayout func()
	// PageScroll is the scroll the form is in: the mouse wheel over a field scrolls it.
	PageScroll *container.Scroll
	byName     map[string]*Field
	grid       *fyne.Container
	check      func() error    // Live's check (form_live.go)
	touched    map[string]bool // fields edited since the form opened
	checking   bool
}

// NewForm makes an empty form.
func NewForm() *Form {
	f := &Form{General: newErrorLabel(), byName: map[string]*Field{}}
	f.grid = container.New(layout.NewFormLayout())
	return f
}

func (f *Form) add(fd *Field) *Field {
	if fd.Error == nil {
		fd.Error = newErrorLabel()
	}
	f.Fields = append(f.Fields, fd)
	f.byName[fd.Name] = fd
	lbl := widget.NewLabel(fd.Label)
	lbl.TextStyle.Bold = false
	f.grid.Add(lbl)
	// The wheel over a field scrolls the page: Fyne's entries hold a scroller of their own
	// that would take the wheel event and do nothing with it.
	f.grid.Add(container.NewVBox(container.NewStack(fd.input, newWheelPass(f)), fd.Error))
	return fd
}

// wheelPass lies over a form field and hands the mouse wheel to the form's page scroll.
type wheelPass struct {
	widget.BaseWidget
	form *Form
}

func newWheelPass(f *Form) *wheelPass {
	w := &wheelPass{form: f}
	w.ExtendBaseWidget(w)
	return w
}

func (w *wheelPass) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(layout.NewSpacer())
}

// MinSize takes no room: the field decides the size.
func (w *wheelPass) MinSize() fyne.Size { return fyne.Size{} }

// Scrolled scrolls the page the form is on.
func (w *wheelPass) Scrolled(ev *fyne.ScrollEvent) {
	if w.form.PageScroll != nil {
		w.form.PageScroll.Scrolled(ev)
	}
}

// Entry adds a one-line text field.
func (f *Form) Entry(name, label, placeholder string) *Field {
	e := widget.NewEntry()
	e.SetPlaceHolder(placeholder)
	return f.add(&Field{Name: name, Label: label, Entry: e, input: e})
}

// MultiLine adds a text area.
func (f *Form) MultiLine(name, label, placeholder string) *Field {
	e := widget.NewMultiLineEntry()
	e.SetPlaceHolder(placeholder)
	e.SetMinRowsVisible(3)
	e.Wrapping = fyne.TextWrapWord
	return f.add(&Field{Name: name, Label: label, Entry: e, input: e})
}

// Choice adds a drop-down.
func (f *Form) Choice(name, label string, options []string) *Field {
	s := widget.NewSelect(options, nil)
	return f.add(&Field{Name: name, Label: label, Select: s, input: s})
}

// Toggle adds a check box.
func (f *Form) Toggle(name, label, text string) *Field {
	c := widget.NewCheck(text, nil)
	return f.add(&Field{Name: name, Label: label, Check: c, input: c})
}

// Customer adds a customer picker.
func (f *Form) Customer(name, label string, p *CustomerPicker) *Field {
	return f.add(&Field{Name: name, Label: label, Picker: p, input: p.Entry})
}

// Field finds a field by data name.
func (f *Form) Field(name string) *Field { return f.byName[name] }

// Object is the form's widget.
func (f *Form) Object() fyne.CanvasObject { return container.NewVBox(f.General, f.grid) }

// Clear hides every message.
func (f *Form) Clear() {
	for _, fd := range f.Fields {
		fd.SetError("")
	}
	f.General.SetText("")
	f.General.Hide()
	f.relayout()
}

func (f *Form) relayout() {
	if f.Relayout != nil {
		f.Relayout()
		return
	}
	relayout(f.grid)
}

// relayout lays the window of o out again (after messages were shown or hidden, which
// changes sizes that containers do not notice on their own).
func relayout(o fyne.CanvasObject) {
	app := fyne.CurrentApp()
	if app == nil {
		return
	}
	c := app.Driver().CanvasForObject(o)
	if c == nil {
		return
	}
	if c.Content() != nil {
		c.Content().Refresh()
	}
}

// ShowErrors puts each field error of err next to its field (errors naming no field of
// the form go to the general message). It tells whether there was an error.
func (f *Form) ShowErrors(err error) bool {
	f.Clear()
	if err == nil {
		return false
	}
	fields := data.FieldErrors(err)
	if len(fields) == 0 {
		f.General.SetText(err.Error())
		f.General.Show()
		return true
	}
	var rest []string
	names := make([]string, 0, len(fields))
	for name := range fields {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		msg := fields[name]
		if fd := f.fieldFor(name); fd != nil {
			fd.SetError(msg)
		} else {
			rest = append(rest, name+": "+msg)
		}
	}
	if len(rest) > 0 {
		f.General.SetText(strings.Join(rest, "\n"))
		f.General.Show()
	}
	f.relayout()
	return true
}

// fieldFor maps a data field name to the form's field ("lines[2].quantity" → "lines[2].quantity"
// or, failing that, its prefix before the dot).
func (f *Form) fieldFor(name string) *Field {
	if fd := f.byName[name]; fd != nil {
		return fd
	}
	if i := strings.IndexByte(name, '.'); i > 0 {
		return f.byName[name[:i]]
	}
	return nil
}

// fieldErrors collects input errors found while reading a form (before the store sees it).
type fieldErrors = data.ValidationErrors

func addErr(v *fieldErrors, field, msg string) {
	*v = append(*v, &data.FieldError{Field: field, Msg: msg})
}

// errOrNil returns v as an error, or nil when empty.
func errOrNil(v fieldErrors) error {
	if len(v) == 0 {
		return nil
	}
	return v
}

// parseDateField reads an optional YYYY-MM-DD date.
func parseDateField(v *fieldErrors, field, s string, required bool) data.Date {
	s = strings.TrimSpace(s)
	if s == "" {
		if required {
			addErr(v, field, "is required (YYYY-MM-DD)")
		}
		return data.Date{}
	}
	d, err := data.ParseDate(s)
	if err != nil {
		addErr(v, field, err.Error())
	}
	return d
}

// parseAmountField reads an amount in currency.
func parseAmountField(v *fieldErrors, field, s, currency string, required bool) int64 {
	if strings.TrimSpace(s) == "" {
		if required {
			addErr(v, field, "is required")
		}
		return 0
	}
	a, err := data.ParseAmount(s, currency)
	if err != nil {
		addErr(v, field, err.Error())
	}
	return a
}

// parseIntField reads a whole number.
func parseIntField(v *fieldErrors, field, s string) int {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		addErr(v, field, fmt.Sprintf("%q is not a whole number", s))
	}
	return n
}

// parseDecimal reads a non-negative decimal with at most places decimals ("1.5", "2",
// "0,25") as an integer scaled by 10^places.
func parseDecimal(s string, places int) (int64, error) {
	t := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "%"))
	if t == "" {
		return 0, errors.New("is empty")
	}
	t = strings.Replace(t, ",", ".", 1)
	ip, fp, _ := strings.Cut(t, ".")
	if ip == "" {
		ip = "0"
	}
	if len(fp) > places {
		return 0, fmt.Errorf("%q has more than %d decimals", s, places)
	}
	for _, r := range ip + fp {
		if r < '0' || r > '9' {
			return 0, fmt.Errorf("%q is not a number", s)
		}
	}
	if len(ip) > 12 {
		return 0, fmt.Errorf("%q is too large", s)
	}
	n, _ := strconv.ParseInt(ip, 10, 64)
	for range places {
		n *= 10
	}
	if fp != "" {
		f, _ := strconv.ParseInt(fp+strings.Repeat("0", places-len(fp)), 10, 64)
		n += f
	}
	return n, nil
}

// formatDecimal writes n scaled by 10^places without trailing zeros ("1.5", "2").
func formatDecimal(n int64, places int) string {
	p := int64(1)
	for range places {
		p *= 10
	}
	s := strconv.FormatInt(n/p, 10)
	if f := n % p; f != 0 {
		fs := fmt.Sprintf("%0*d", places, f)
		s += "." + strings.TrimRight(fs, "0")
	}
	return s
}

// money formats an amount with its currency code.
func money(minor int64, currency string) string {
	return data.Money{Amount: minor, Currency: currency}.String()
}

// Modal is a dialog Duebook shows; the last one shown is UI.Modal so tests can drive it.
type Modal struct {
	Title   string
	Message *widget.Label
	Form    *Form
	Buttons []*widget.Button
	D       *dialog.CustomDialog
	hidden  bool
	onHide  func()
}

// Button finds one of the modal's buttons by its text.
func (m *Modal) Button(text string) *widget.Button {
	for _, b := range m.Buttons {
		if b.Text == text {
			return b
		}
	}
	return nil
}

// Hide closes the modal.
func (m *Modal) Hide() {
	if m.hidden {
		return
	}
	m.hidden = true
	m.D.Hide()
	if m.onHide != nil {
		m.onHide()
	}
}

// SetForm attaches the form shown in the modal: its messages resize the dialog.
func (m *Modal) SetForm(f *Form) {
	m.Form = f
	f.Relayout = func() {
		m.D.Refresh()
		m.D.Resize(m.D.MinSize().Max(fyne.NewSize(520, 0)))
	}
	f.Relayout()
}

// Visible tells whether the modal is still shown.
func (m *Modal) Visible() bool { return !m.hidden }

// ModalButton is one button of a modal: its action runs and the modal closes unless
// the action returns false.
type ModalButton struct {
	Text   string
	Action func() bool
	Main   bool
}

// ShowModal shows a dialog with content and buttons and makes it UI.Modal.
func (ui *UI) ShowModal(title, message string, content fyne.CanvasObject, buttons ...ModalButton) *Modal {
	m := &Modal{Title: title, Message: widget.NewLabel(message)}
	m.Message.Wrapping = fyne.TextWrapWord
	var objs []fyne.CanvasObject
	if message != "" {
		objs = append(objs, m.Message)
	}
	if content != nil {
		objs = append(objs, content)
	}
	box := container.NewVBox(objs...)
	m.D = dialog.NewCustomWithoutButtons(title, box, ui.Win)
	var btns []fyne.CanvasObject
	for _, b := range buttons {
		b := b
		w := widget.NewButton(b.Text, nil)
		if b.Main {
			w.Importance = widget.HighImportance
		}
		w.OnTapped = func() {
			if b.Action == nil || b.Action() {
				m.Hide()
			}
		}
		m.Buttons = append(m.Buttons, w)
		btns = append(btns, w)
	}
	m.D.SetButtons(btns)
	if message != "" && content == nil {
		m.D.Resize(fyne.NewSize(460, 0).Max(m.D.MinSize()))
	}
	ui.Modal = m
	ui.modalKeys(m, buttons, content == nil)
	m.D.Show()
	return m
}

// modalKeys lets the keyboard answer a dialog while it is shown: Escape is its Cancel (or
// Close, or its only button); Enter is its main button when the dialog is a message (in a
// form, Enter belongs to the field being typed in).
func (ui *UI) modalKeys(m *Modal, buttons []ModalButton, message bool) {
	c := ui.Win.Canvas()
	prev := c.OnTypedKey()
	var esc, enter *widget.Button
	for i, b := range buttons {
		if b.Main {
			enter = m.Buttons[i]
		}
		if b.Text == "Cancel" || b.Text == "Close" || b.Text == "Not now" {
			esc = m.Buttons[i]
		}
	}
	if esc == nil && len(m.Buttons) == 1 {
		esc = m.Buttons[0]
	}
	if !message {
		enter = nil
	}
	press := func(b *widget.Button) {
		if b != nil && !b.Disabled() && b.OnTapped != nil {
			b.OnTapped()
		}
	}
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) {
		switch {
		case ev.Name == fyne.KeyEscape && esc != nil:
			press(esc)
		case (ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter) && enter != nil:
			press(enter)
		case prev != nil:
			prev(ev)
		}
	})
	hide := m.onHide
	m.onHide = func() {
		if hide != nil {
			hide()
		}
		c.SetOnTypedKey(prev)
	}
}

// ShowError tells the user what went wrong.
func (ui *UI) ShowError(err error) *Modal {
	if err == nil {
		return nil
	}
	return ui.ShowModal("Error", humanError(err), nil, ModalButton{Text: "OK", Main: true})
}

// ShowInfo shows a message.
func (ui *UI) ShowInfo(title, msg string) *Modal {
	return ui.ShowModal(title, msg, nil, ModalButton{Text: "OK", Main: true})
}

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

// minHeightLayout stacks its objects and asks for at least h of height (lists in a scroll).
type minHeightLayout struct{ h float32 }

func (l *minHeightLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

func (l *minHeightLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		s = s.Max(o.MinSize())
	}
	return s.Max(fyne.NewSize(0, l.h))
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
