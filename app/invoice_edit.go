package app

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"duebook/data"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// LineRow is one line item of the draft editor.
type LineRow struct {
	Desc   *widget.Entry
	Qty    *widget.Entry
	Price  *widget.Entry
	Tax    *widget.Entry
	Net    *widget.Label
	Remove *TapIcon
	Error  *widget.Label
	box    fyne.CanvasObject
}

// InvoiceEditor edits a draft: header, line items with live totals; save, post, delete.
type InvoiceEditor struct {
	is       *InvoicesScreen
	Root     fyne.CanvasObject
	Title    *widget.Label
	Form     *Form
	Customer *CustomerPicker
	Lines    []*LineRow
	LinesErr *widget.Label
	Subtotal *widget.Label
	TaxTotal *widget.Label
	Total    *widget.Label
	AddLine  *widget.Button
	SaveBtn  *widget.Button
	PostBtn  *widget.Button
	Back     *widget.Button
	Invoice  *data.Invoice // the saved draft (nil until saved)

	linesBox    *fyne.Container
	baseline    string // snapshot when opened or last saved (dirty = differs)
	errorsShown bool   // messages are shown: edits re-check (recheck)
	dueEdited   bool
	settingDue  bool
}

func newInvoiceEditor(is *InvoicesScreen, inv *data.Invoice) *InvoiceEditor {
	e := &InvoiceEditor{is: is, Invoice: inv}
	ui := is.ui
	f := NewForm()
	e.Form = f
	e.Customer = newCustomerPicker()
	var all []*data.Customer
	for _, c := range is.customers {
		all = append(all, c)
	}
	sortCustomers(all)
	e.Customer.SetCustomers(all)
	f.Customer("customer", "Customer", e.Customer)
	issue := f.Entry("issue_date", "Issue date", "YYYY-MM-DD")
	due := f.Entry("due_date", "Due date", "YYYY-MM-DD (from the customer's terms)")
	f.Entry("po_number", "PO number", "the customer's purchase order, if any")
	f.MultiLine("notes", "Notes", "printed on the invoice")
	issue.SetText(ui.Today().String())
	e.Customer.OnPicked = func(int64) { e.updateDue(); e.recompute(); e.recheck() }
	issue.Entry.OnChanged = func(string) { e.updateDue(); e.recheck() }
	due.Entry.OnChanged = func(string) {
		if !e.settingDue {
			e.dueEdited = true
		}
		e.recheck()
	}
	e.LinesErr = newErrorLabel()
	e.linesBox = container.NewVBox()
	e.Subtotal, e.TaxTotal, e.Total = widget.NewLabel(""), widget.NewLabel(""), widget.NewLabel("")
	e.Total.TextStyle.Bold = true
	for _, l := range []*widget.Label{e.Subtotal, e.TaxTotal, e.Total} {
		l.Alignment = fyne.TextAlignTrailing
	}
	e.AddLine = widget.NewButtonWithIcon("Add line", theme.ContentAddIcon(), func() { e.addLine(nil) })
	e.SaveBtn = widget.NewButtonWithIcon("Save draft (Ctrl+S)", theme.DocumentSaveIcon(), e.Save)
	e.PostBtn = widget.NewButtonWithIcon("Post", theme.ConfirmIcon(), e.Post)
	e.PostBtn.Importance = widget.HighImportance
	e.Back = widget.NewButtonWithIcon("Back to list", theme.NavigateBackIcon(), func() { ui.Leave("invoice", is.CloseDetail, nil) })
	del := widget.NewButtonWithIcon("Delete draft", theme.DeleteIcon(), func() {
		if e.Invoice != nil {
			ui.DeleteDraft(e.Invoice.ID)
		} else {
			is.CloseDetail()
		}
	})
	if inv != nil {
		e.Customer.Set(inv.CustomerID)
		issue.SetText(inv.IssueDate.String())
		e.settingDue = true
		due.SetText(inv.DueDate.String())
		e.settingDue = false
		e.dueEdited = true
		f.Field("po_number").SetText(inv.PONumber)
		f.Field("notes").SetText(inv.Notes)
		for i := range inv.Lines {
			e.addLine(&inv.Lines[i])
		}
	}
	if len(e.Lines) == 0 {
		e.addLine(nil)
	}
	e.Title = titleLabel("New invoice")
	if inv != nil {
		e.Title.SetText(fmt.Sprintf("Draft invoice #%d — %s", inv.ID, inv.CustomerName))
	}
	hdr := func(t string, w float32) fyne.CanvasObject {
		l := widget.NewLabel(t)
		l.TextStyle.Bold = true
		return container.NewGridWrap(fyne.NewSize(w, l.MinSize().Height), l)
	}
	lineHeader := container.NewBorder(nil, nil, nil,
		container.NewHBox(hdr("Quantity", 90), hdr("Unit price", 120), hdr("Tax %", 80), hdr("Line total", 120), hdr("", 40)),
		hdr("Description", 200))
	totals := container.New(layout.NewFormLayout(),
		widget.NewLabel("Subtotal"), e.Subtotal,
		widget.NewLabel("Tax"), e.TaxTotal,
		widget.NewLabel("Total"), e.Total)
	body := container.NewVBox(
		f.Object(),
		widget.NewSeparator(),
		lineHeader, e.linesBox, e.LinesErr,
		container.NewBorder(nil, nil, container.NewVBox(e.AddLine), container.NewGridWrap(fyne.NewSize(320, totals.MinSize().Height), totals)),
	)
	buttons := container.NewHBox(e.Back, layout.NewSpacer(), del, e.SaveBtn, e.PostBtn)
	f.PageScroll = container.NewVScroll(container.NewPadded(body))
	e.Root = container.NewBorder(e.Title, buttons, nil, nil, f.PageScroll)
	e.updateDue()
	e.recompute()
	e.baseline = e.snapshot()
	return e
}

// snapshot is the text of every field and line (compared with baseline: unsaved changes).
func (e *InvoiceEditor) snapshot() string {
	var b strings.Builder
	b.WriteString(e.Form.Snapshot())
	for _, l := range e.Lines {
		for _, en := range []*widget.Entry{l.Desc, l.Qty, l.Price, l.Tax} {
			b.WriteString(en.Text)
			b.WriteByte('\x00')
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// Dirty tells whether the editor holds changes not saved yet.
func (e *InvoiceEditor) Dirty() bool { return e.snapshot() != e.baseline }

// guard is the editor's unsaved-changes guard.
func (e *InvoiceEditor) guard() *FormGuard {
	what := "the new invoice"
	if e.Invoice != nil {
		what = "the draft invoice for " + e.Invoice.CustomerName
	}
	return &FormGuard{What: what, Tab: TabInvoices, Dirty: e.Dirty,
		Save: func() bool {
			ok := false
			e.save(func(*data.Invoice) { ok = true })
			return ok
		},
		Discard: e.is.CloseDetail}
}

func (e *InvoiceEditor) customer() *data.Customer { return e.is.customers[e.Customer.ID()] }

func (e *InvoiceEditor) currency() string {
	if c := e.customer(); c != nil {
		return c.Currency
	}
	return e.is.ui.Company.Currency
}

// updateDue sets the due date from the issue date and the customer's terms, unless the
// user typed one.
func (e *InvoiceEditor) updateDue() {
	if e.dueEdited {
		return
	}
	c := e.customer()
	issue, err := data.ParseDate(strings.TrimSpace(e.Form.Field("issue_date").Text()))
	if c == nil || err != nil {
		return
	}
	e.settingDue = true
	e.Form.Field("due_date").SetText(data.DueDateFor(issue, c).String())
	e.settingDue = false
}

func (e *InvoiceEditor) addLine(l *data.InvoiceLine) *LineRow {
	r := &LineRow{Desc: widget.NewEntry(), Qty: widget.NewEntry(), Price: widget.NewEntry(), Tax: widget.NewEntry(),
		Net: widget.NewLabel(""), Error: newErrorLabel()}
	r.Desc.SetPlaceHolder("What was sold")
	r.Qty.SetText("1")
	r.Tax.SetText(formatDecimal(e.is.ui.Company.DefaultTaxRateBP, 2))
	r.Net.Alignment = fyne.TextAlignTrailing
	if l != nil {
		r.Desc.SetText(l.Description)
		r.Qty.SetText(formatDecimal(l.QtyMilli, 3))
		r.Price.SetText(data.FormatAmount(l.UnitPrice, e.currency()))
		r.Tax.SetText(formatDecimal(l.TaxRateBP, 2))
	}
	for _, en := range []*widget.Entry{r.Qty, r.Price, r.Tax} {
		en.OnChanged = func(string) { e.recompute(); e.recheck() }
	}
	r.Desc.OnChanged = func(string) { e.recheck() }
	// Not a button: Tab goes from Tax to the next line's description, not to the bin.
	r.Remove = newTapIcon(theme.DeleteIcon(), "Remove this line", func() { e.removeLine(r) })
	fix := func(o fyne.CanvasObject, w float32) fyne.CanvasObject {
		return container.NewGridWrap(fyne.NewSize(w, r.Desc.MinSize().Height), o)
	}
	r.box = container.NewVBox(container.NewBorder(nil, nil, nil,
		container.NewHBox(fix(r.Qty, 90), fix(r.Price, 120), fix(r.Tax, 80), fix(r.Net, 120), fix(r.Remove, 40)), r.Desc), r.Error)
	e.Lines = append(e.Lines, r)
	e.linesBox.Add(r.box)
	e.recompute()
	relayout(e.linesBox)
	return r
}

func (e *InvoiceEditor) removeLine(r *LineRow) {
	for i, x := range e.Lines {
		if x == r {
			e.Lines = append(e.Lines[:i], e.Lines[i+1:]...)
			e.linesBox.Remove(r.box)
			break
		}
	}
	e.recompute()
	relayout(e.linesBox)
}

// parseLine reads line i (1-based i for messages); errors go to v.
func (e *InvoiceEditor) parseLine(v *fieldErrors, i int, r *LineRow, cur string) data.InvoiceLine {
	f := "lines[" + strconv.Itoa(i) + "]"
	l := data.InvoiceLine{Description: r.Desc.Text}
	var err error
	if q := strings.TrimSpace(r.Qty.Text); strings.HasPrefix(q, "-") || strings.HasPrefix(q, "−") {
		addErr(v, f+".quantity", "must be more than 0")
	} else if l.QtyMilli, err = parseDecimal(r.Qty.Text, 3); err != nil {
		addErr(v, f+".quantity", err.Error())
	} else if l.QtyMilli == 0 {
		addErr(v, f+".quantity", "must be more than 0")
	}
	if strings.TrimSpace(r.Price.Text) == "" {
		addErr(v, f+".unit_price", "is required")
	} else if l.UnitPrice, err = data.ParseAmount(r.Price.Text, cur); err != nil {
		addErr(v, f+".unit_price", err.Error())
	}
	if t := strings.TrimSpace(r.Tax.Text); strings.HasPrefix(t, "-") || strings.HasPrefix(t, "−") {
		addErr(v, f+".tax_rate", "must not be negative")
	} else if t != "" {
		if l.TaxRateBP, err = parseDecimal(r.Tax.Text, 2); err != nil {
			addErr(v, f+".tax_rate", err.Error())
		}
	}
	return l
}

// recompute updates the line totals and the invoice totals as the user types.
func (e *InvoiceEditor) recompute() {
	if e.Total == nil {
		return
	}
	cur := e.currency()
	inv := data.Invoice{}
	for i, r := range e.Lines {
		var v fieldErrors
		l := e.parseLine(&v, i+1, r, cur)
		if len(v) > 0 {
			r.Net.SetText("—")
			continue
		}
		one := data.Invoice{Lines: []data.InvoiceLine{l}}
		if err := one.ComputeTotals(); err != nil {
			r.Net.SetText("—")
			continue
		}
		r.Net.SetText(data.FormatAmount(one.Lines[0].Net, cur))
		inv.Lines = append(inv.Lines, l)
	}
	if err := inv.ComputeTotals(); err != nil {
		e.Total.SetText("too large")
		return
	}
	e.Subtotal.SetText(money(inv.Subtotal, cur))
	e.TaxTotal.SetText(money(inv.TaxTotal, cur))
	e.Total.SetText(money(inv.Total, cur))
}

// build reads the editor into an invoice; v collects input errors.
func (e *InvoiceEditor) build(v *fieldErrors) *data.Invoice {
	f := e.Form
	inv := &data.Invoice{}
	if e.Invoice != nil {
		inv.ID = e.Invoice.ID
	}
	inv.CustomerID = e.Customer.ID()
	if inv.CustomerID == 0 {
		if strings.TrimSpace(e.Customer.Entry.Text) == "" {
			addErr(v, "customer", "is required")
		} else {
			addErr(v, "customer", fmt.Sprintf("no customer is called %q; pick one from the list", e.Customer.Entry.Text))
		}
	}
	cur := e.currency()
	inv.Currency = cur
	inv.IssueDate = parseDateField(v, "issue_date", f.Field("issue_date").Text(), true)
	inv.DueDate = parseDateField(v, "due_date", f.Field("due_date").Text(), false)
	inv.PONumber = f.Field("po_number").Text()
	inv.Notes = strings.TrimSpace(f.Field("notes").Text())
	for i, r := range e.Lines {
		inv.Lines = append(inv.Lines, e.parseLine(v, i+1, r, cur))
	}
	if len(e.Lines) == 0 {
		addErr(v, "lines", "an invoice needs at least one line")
	}
	return inv
}

// showErrors routes errors to the header fields and to the lines.
func (e *InvoiceEditor) showErrors(err error) bool {
	e.errorsShown = err != nil
	for _, r := range e.Lines {
		r.Error.SetText("")
		r.Error.Hide()
	}
	e.LinesErr.SetText("")
	e.LinesErr.Hide()
	if err == nil {
		e.Form.Clear()
		relayout(e.linesBox)
		return false
	}
	fields := data.FieldErrors(err)
	var header fieldErrors
	lineMsgs := map[int][]string{}
	for name, msg := range fields {
		if strings.HasPrefix(name, "lines[") {
			end := strings.IndexByte(name, ']')
			n, convErr := strconv.Atoi(name[len("lines["):max(end, len("lines["))])
			if convErr == nil && n >= 1 && n <= len(e.Lines) {
				what := strings.ReplaceAll(strings.TrimPrefix(name[end+1:], "."), "_", " ")
				lineMsgs[n] = append(lineMsgs[n], what+" "+msg)
				continue
			}
		}
		if name == "lines" {
			e.LinesErr.SetText(msg)
			e.LinesErr.Show()
			continue
		}
		addErr(&header, name, msg)
	}
	for n, msgs := range lineMsgs {
		sort.Strings(msgs)
		r := e.Lines[n-1]
		r.Error.SetText(fmt.Sprintf("Line %d: %s", n, strings.Join(msgs, "; ")))
		r.Error.Show()
	}
	if len(fields) == 0 {
		e.Form.ShowErrors(err)
	} else {
		e.Form.ShowErrors(errOrNil(header))
	}
	relayout(e.linesBox)
	return true
}

// Save stores the draft (a new invoice is checked against the customer's credit limit first).
func (e *InvoiceEditor) Save() { e.save(nil) }

// check reads the editor into an invoice with every reason it would be refused.
func (e *InvoiceEditor) check() (*data.Invoice, error) {
	var v fieldErrors
	inv := e.build(&v)
	if len(v) > 0 {
		// Let the store's own checks speak for the fields that parsed.
		addStoreErrs(&v, inv.Validate(), "customer")
		return inv, v
	}
	return inv, nil
}

// recheck, once messages are shown, shows them again for what is typed now: a message goes
// as soon as its value is valid.
func (e *InvoiceEditor) recheck() {
	if !e.errorsShown || e.Total == nil {
		return
	}
	_, err := e.check()
	e.showErrors(err)
}

func (e *InvoiceEditor) save(then func(*data.Invoice)) {
	inv, err := e.check()
	if err != nil {
		e.showErrors(err)
		return
	}
	ui := e.is.ui
	store := func() {
		var err error
		if inv.ID == 0 {
			err = ui.Store.CreateDraft(context.Background(), inv)
		} else {
			err = ui.Store.UpdateDraft(context.Background(), inv)
		}
		if e.showErrors(err) {
			return
		}
		e.Invoice = inv
		e.baseline = e.snapshot()
		ui.Notify("Draft saved.")
		e.Title.SetText(fmt.Sprintf("Draft invoice #%d — %s", inv.ID, inv.CustomerName))
		ui.Changed()
		if then != nil {
			then(inv)
		}
	}
	if inv.ID == 0 && then == nil {
		_ = inv.Validate() // totals for the check
		ui.creditWarning(inv.CustomerID, inv.Total, "Save", store)
		return
	}
	store()
}

// Post saves the draft and posts it (warning first when over the credit limit).
func (e *InvoiceEditor) Post() {
	e.save(func(inv *data.Invoice) { e.is.ui.PostInvoice(inv.ID) })
}
