package app

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"duebook/data"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
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
	codes  []string // a Coded drop-down: the stored code of each option, in order
}

// Text is the field's value as text.
func (f *Field) Text() string {
	switch {
	case f.Entry != nil:
		return f.Entry.Text
	case f.Select != nil:
		return f.code(f.Select.Selected)
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
		f.Select.SetSelected(f.words(s))
	case f.Picker != nil:
		f.Picker.Entry.SetText(s)
	case f.Check != nil:
		f.Check.SetChecked(s == "true")
	}
}

// code is the stored code of a Coded drop-down's shown words (other fields: the text).
func (f *Field) code(shown string) string {
	if f.codes != nil {
		if i := slices.Index(f.Select.Options, shown); i >= 0 && i < len(f.codes) {
			return f.codes[i]
		}
	}
	return shown
}

// words is what a Coded drop-down shows for a stored code (other fields: the text).
func (f *Field) words(code string) string {
	if i := slices.Index(f.codes, code); i >= 0 && i < len(f.Select.Options) {
		return f.Select.Options[i]
	}
	return code
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

// Coded adds a drop-down that shows words for stored codes (the payment method "bank"
// reads "Bank transfer"): Text gives the code of the chosen option and SetText takes a code.
func (f *Form) Coded(name, label string, codes []string, words func(code string) string) *Field {
	shown := make([]string, len(codes))
	for i, c := range codes {
		shown[i] = words(c)
	}
	fd := f.Choice(name, label, shown)
	fd.codes = slices.Clone(codes)
	return fd
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
		f.General.SetText(humanError(data.ExplainOverflow(err)))
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
		msg := networkWords(fields[name])
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

// addStoreErrs adds the store's own refusals (err, from a Validate) for the fields that have
// no message from reading the form yet, leaving out the fields named in skip: the form's
// parse errors and the store's checks are shown together, one message a field.
func addStoreErrs(v *fieldErrors, err error, skip ...string) {
	have := v.Fields()
	for name, msg := range data.FieldErrors(err) {
		if have[name] == "" && !slices.Contains(skip, name) {
			addErr(v, name, msg)
		}
	}
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
