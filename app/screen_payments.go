package app

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"duebook/data"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

var payCols = []string{"Date", "Customer", "Method", "Reference", "Amount", "Credit left"}
var payWidths = []float32{95, 180, 70, 110, 115, 95}

// PaymentsScreen lists payments and records new ones with their allocation.
type PaymentsScreen struct {
	ui     *UI
	Root   fyne.CanvasObject
	Search *widget.Entry
	Table  *widget.Table
	Count  *widget.Label

	Form        *Form
	Customer    *CustomerPicker
	CustBalance *widget.Label
	AllocateBtn *widget.Button
	CreditBtn   *widget.Button

	Selected      *data.Payment
	SelectedInfo  *widget.Label
	AllocCredit   *widget.Button
	DeleteBtn     *widget.Button
	LastRecorded  *data.Payment
	Alloc         *AllocDialog // the allocation dialog shown last
	all, shown    []*data.Payment
	customers     map[int64]*data.Customer
	load, balance latest
	selectedAlloc []data.Allocation
}

func newPaymentsScreen(ui *UI) *PaymentsScreen {
	ps := &PaymentsScreen{ui: ui, customers: map[int64]*data.Customer{}}
	ps.Search = widget.NewEntry()
	ps.Search.SetPlaceHolder("Search customer, reference, method (Ctrl+F)")
	ps.Search.OnChanged = func(string) { ps.filter() }
	ps.Count = widget.NewLabel("")
	ps.Table = widget.NewTableWithHeaders(func() (int, int) { return len(ps.shown), len(payCols) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			if id.Row >= len(ps.shown) {
				l.SetText("")
				return
			}
			p := ps.shown[id.Row]
			l.Alignment = fyne.TextAlignLeading
			var t string
			switch id.Col {
			case 0:
				t = p.Date.String()
			case 1:
				t = p.CustomerName
			case 2:
				t = p.Method
			case 3:
				t = p.Reference
			case 4:
				t = money(p.Amount, p.Currency)
				l.Alignment = fyne.TextAlignTrailing
			case 5:
				if p.Unallocated > 0 {
					t = data.FormatAmount(p.Unallocated, p.Currency)
				}
				l.Alignment = fyne.TextAlignTrailing
			}
			l.SetText(t)
		})
	ps.Table.ShowHeaderColumn = false
	ps.Table.CreateHeader = func() fyne.CanvasObject { return widget.NewLabel("") }
	ps.Table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		l.TextStyle.Bold = true
		if id.Col >= 0 && id.Col < len(payCols) {
			l.SetText(payCols[id.Col])
		} else {
			l.SetText("")
		}
	}
	for i, w := range payWidths {
		ps.Table.SetColumnWidth(i, w)
	}
	ps.Table.OnSelected = func(id widget.TableCellID) {
		if id.Row >= 0 && id.Row < len(ps.shown) {
			ps.selectPayment(ps.shown[id.Row])
		}
	}

	f := NewForm()
	ps.Form = f
	ps.Customer = newCustomerPicker()
	f.Customer("customer", "Customer", ps.Customer)
	ps.CustBalance = widget.NewLabel("")
	ps.Customer.OnPicked = func(id int64) { ps.showBalance(id) }
	f.Entry("date", "Date", "YYYY-MM-DD").SetText(ui.Today().String())
	f.Choice("method", "Method", data.PaymentMethods).SetText("bank")
	f.Entry("reference", "Reference", "cheque no., transaction id")
	f.Entry("amount", "Amount", "0.00")
	f.Entry("notes", "Notes", "")
	ps.AllocateBtn = widget.NewButtonWithIcon("Allocate… (Ctrl+S)", theme.ConfirmIcon(), ps.Record)
	ps.AllocateBtn.Importance = widget.HighImportance
	ps.CreditBtn = widget.NewButton("Save as credit", ps.SaveAsCredit)

	ps.SelectedInfo = widget.NewLabel("Pick a payment in the list to see where it went.")
	ps.SelectedInfo.Wrapping = fyne.TextWrapWord
	ps.AllocCredit = widget.NewButton("Allocate credit…", func() {
		if ps.Selected != nil {
			ps.openAlloc(ps.Selected, nil)
		}
	})
	ps.AllocCredit.Disable()
	ps.DeleteBtn = widget.NewButtonWithIcon("Delete payment", theme.DeleteIcon(), ps.deleteSelected)
	ps.DeleteBtn.Disable()

	recordCard := widget.NewCard("Record a payment", "", container.NewVBox(f.Object(), ps.CustBalance,
		container.NewHBox(layout.NewSpacer(), ps.CreditBtn, ps.AllocateBtn)))
	selCard := widget.NewCard("Selected payment", "", container.NewVBox(ps.SelectedInfo, container.NewHBox(ps.AllocCredit, ps.DeleteBtn)))
	left := container.NewBorder(container.NewVBox(ps.Search, ps.Count), nil, nil, nil, ps.Table)
	right := container.NewVScroll(container.NewVBox(recordCard, selCard))
	split := container.NewHSplit(left, right)
	split.Offset = 0.64
	ps.Root = split
	return ps
}

func (ps *PaymentsScreen) setCustomers(cs []*data.Customer) {
	ps.customers = map[int64]*data.Customer{}
	for _, c := range cs {
		ps.customers[c.ID] = c
	}
	ps.Customer.SetCustomers(cs)
}

// Reload re-reads the payments off the UI goroutine.
func (ps *PaymentsScreen) Reload() {
	s := ps.ui.Store
	ps.load.Go(ps.ui, func(ctx context.Context) func() {
		all, err := s.Payments(ctx, data.PaymentFilter{})
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return func() { ps.ui.ShowError(err) }
		}
		return func() {
			ps.all = all
			ps.filter()
			if ps.Selected != nil {
				for _, p := range all {
					if p.ID == ps.Selected.ID {
						ps.selectPayment(p)
						break
					}
				}
			}
			if id := ps.Customer.ID(); id != 0 {
				ps.showBalance(id)
			}
		}
	})
}

func (ps *PaymentsScreen) filter() {
	t := strings.ToLower(strings.TrimSpace(ps.Search.Text))
	ps.shown = ps.shown[:0]
	for _, p := range ps.all {
		if t == "" || strings.Contains(strings.ToLower(p.CustomerName), t) || strings.Contains(strings.ToLower(p.Reference), t) ||
			strings.Contains(p.Method, t) {
			ps.shown = append(ps.shown, p)
		}
	}
	ps.Count.SetText(fmt.Sprintf("%d of %d payments", len(ps.shown), len(ps.all)))
	ps.Table.UnselectAll()
	ps.Table.Refresh()
}

// StartFor prepares the form for a payment from customer id.
func (ps *PaymentsScreen) StartFor(id int64) {
	ps.Customer.Set(id)
	ps.showBalance(id)
	ps.ui.Win.Canvas().Focus(ps.Form.Field("amount").Entry)
}

func (ps *PaymentsScreen) showBalance(id int64) {
	s := ps.ui.Store
	ps.balance.Go(ps.ui, func(ctx context.Context) func() {
		b, err := s.CustomerBalance(ctx, id)
		if err != nil {
			return nil
		}
		return func() {
			ps.CustBalance.SetText(fmt.Sprintf("Open %s in %d invoices · overdue %s · credit %s",
				money(b.Open, b.Currency), b.OpenCount, money(b.Overdue, b.Currency), money(b.Credit, b.Currency)))
		}
	})
}

// readForm reads the payment form; nil when a field is refused (shown on the form).
func (ps *PaymentsScreen) readForm() *data.Payment {
	f := ps.Form
	var v fieldErrors
	p := &data.Payment{Method: f.Field("method").Text(), Reference: f.Field("reference").Text(), Notes: strings.TrimSpace(f.Field("notes").Text())}
	p.CustomerID = ps.Customer.ID()
	if p.CustomerID == 0 {
		if strings.TrimSpace(ps.Customer.Entry.Text) == "" {
			addErr(&v, "customer", "is required")
		} else {
			addErr(&v, "customer", fmt.Sprintf("no customer is called %q; pick one from the list", ps.Customer.Entry.Text))
		}
	}
	cur := ps.ui.Company.Currency
	if c := ps.customers[p.CustomerID]; c != nil {
		cur = c.Currency
	}
	p.Currency = cur
	p.Date = parseDateField(&v, "date", f.Field("date").Text(), true)
	p.Amount = parseAmountField(&v, "amount", f.Field("amount").Text(), cur, true)
	if len(v) == 0 {
		if err := p.Validate(); err != nil {
			f.ShowErrors(err)
			return nil
		}
	}
	if f.ShowErrors(errOrNil(v)) {
		return nil
	}
	return p
}

// Record checks the form and opens the allocation dialog, pre-filled oldest first.
func (ps *PaymentsScreen) Record() {
	p := ps.readForm()
	if p == nil {
		return
	}
	ps.openAlloc(nil, p)
}

// SaveAsCredit records the payment without allocating it.
func (ps *PaymentsScreen) SaveAsCredit() {
	p := ps.readForm()
	if p == nil {
		return
	}
	if ps.Form.ShowErrors(ps.ui.Store.RecordPayment(context.Background(), p, nil)) {
		return
	}
	ps.recorded(p)
}

func (ps *PaymentsScreen) recorded(p *data.Payment) {
	ps.LastRecorded = p
	what := money(p.Amount, p.Currency)
	if c := ps.customers[p.CustomerID]; c != nil {
		what += " from " + c.Name
	}
	ps.ui.Notify("Payment of " + what + " recorded.")
	f := ps.Form
	for _, n := range []string{"reference", "amount", "notes"} {
		f.Field(n).SetText("")
	}
	ps.ui.Changed()
}

func (ps *PaymentsScreen) selectPayment(p *data.Payment) {
	ps.Selected = p
	allocs, err := ps.ui.Store.PaymentAllocations(context.Background(), p.ID)
	if err != nil {
		ps.ui.ShowError(err)
		return
	}
	ps.selectedAlloc = allocs
	var b strings.Builder
	fmt.Fprintf(&b, "%s · %s · %s %s · %s\n", p.Date, p.CustomerName, p.Method, p.Reference, money(p.Amount, p.Currency))
	if len(allocs) == 0 {
		b.WriteString("Not allocated to any invoice.\n")
	}
	for _, a := range allocs {
		fmt.Fprintf(&b, "  → %s  %s on %s\n", a.InvoiceNumber, data.FormatAmount(a.Amount, p.Currency), a.Date)
	}
	if p.Unallocated > 0 {
		fmt.Fprintf(&b, "Credit left: %s", money(p.Unallocated, p.Currency))
		ps.AllocCredit.Enable()
	} else {
		ps.AllocCredit.Disable()
	}
	if len(allocs) == 0 {
		ps.DeleteBtn.Enable()
	} else {
		ps.DeleteBtn.Disable()
	}
	ps.SelectedInfo.SetText(strings.TrimSpace(b.String()))
}

func (ps *PaymentsScreen) deleteSelected() {
	p := ps.Selected
	if p == nil {
		return
	}
	ps.ui.ShowModal("Delete payment", fmt.Sprintf("Delete the payment of %s from %s on %s? Use this only for a payment entered by mistake.",
		money(p.Amount, p.Currency), p.CustomerName, p.Date), nil,
		ModalButton{Text: "Delete", Action: func() bool {
			if err := ps.ui.Store.DeletePayment(context.Background(), p.ID); err != nil {
				ps.ui.ShowError(err)
				return true
			}
			ps.Selected = nil
			ps.SelectedInfo.SetText("")
			ps.AllocCredit.Disable()
			ps.DeleteBtn.Disable()
			ps.ui.Changed()
			return true
		}},
		ModalButton{Text: "Cancel", Main: true})
}

// AllocRow is one open invoice in the allocation dialog.
type AllocRow struct {
	Invoice *data.Invoice
	Amount  *widget.Entry
}

// AllocDialog splits a payment (new, or the credit left of an existing one) over the
// customer's open invoices; what is not allocated stays as the customer's credit.
type AllocDialog struct {
	ps       *PaymentsScreen
	Modal    *Modal
	Rows     []*AllocRow
	Left     *widget.Label
	Error    *widget.Label
	Payment  *data.Payment // the new payment (ID 0) or the existing one
	Amount   int64         // what there is to allocate
	Currency string
}

// amountsByInvoice maps invoice id to the amount allocated to it.
func amountsByInvoice(allocs []data.Allocation) map[int64]int64 {
	m := make(map[int64]int64, len(allocs))
	for _, a := range allocs {
		m[a.InvoiceID] = a.Amount
	}
	return m
}

// openAlloc shows the dialog for an existing payment's credit (existing != nil) or a new
// payment p.
func (ps *PaymentsScreen) openAlloc(existing, p *data.Payment) {
	ctx := context.Background()
	s := ps.ui.Store
	d := &AllocDialog{ps: ps}
	if existing != nil {
		d.Payment, d.Amount = existing, existing.Unallocated
	} else {
		d.Payment, d.Amount = p, p.Amount
	}
	d.Currency = d.Payment.Currency
	open, err := s.OpenItems(ctx, d.Payment.CustomerID)
	if err != nil {
		ps.ui.ShowError(err)
		return
	}
	sugg, _, err := s.SuggestAllocation(ctx, d.Payment.CustomerID, d.Amount)
	if err != nil {
		ps.ui.ShowError(err)
		return
	}
	pre := amountsByInvoice(sugg)
	grid := container.New(layout.NewGridLayoutWithColumns(5))
	for _, t := range []string{"Invoice", "Due", "Days late", "Open", "Apply"} {
		l := widget.NewLabel(t)
		l.TextStyle.Bold = true
		grid.Add(l)
	}
	today := ps.ui.Today()
	for _, inv := range open {
		r := &AllocRow{Invoice: inv, Amount: widget.NewEntry()}
		if a := pre[inv.ID]; a > 0 {
			r.Amount.SetText(data.FormatAmount(a, d.Currency))
		}
		r.Amount.OnChanged = func(string) { d.recompute() }
		late := ""
		if n := inv.DaysOverdue(today); n > 0 {
			late = fmt.Sprint(n)
		}
		grid.Add(widget.NewLabel(inv.Number))
		grid.Add(widget.NewLabel(inv.DueDate.String()))
		grid.Add(widget.NewLabel(late))
		grid.Add(widget.NewLabel(data.FormatAmount(inv.OpenAmount, d.Currency)))
		grid.Add(r.Amount)
		d.Rows = append(d.Rows, r)
	}
	d.Left = widget.NewLabel("")
	d.Left.TextStyle.Bold = true
	d.Error = newErrorLabel()
	var body fyne.CanvasObject = grid
	if len(open) == 0 {
		body = widget.NewLabel("This customer has no open invoices: the whole amount stays as credit.")
	} else if len(open) > 8 {
		sc := container.NewVScroll(grid)
		sc.SetMinSize(fyne.NewSize(620, 360))
		body = sc
	}
	fill := widget.NewButton("Oldest first", func() {
		left := d.Amount
		for _, r := range d.Rows {
			a := min(left, r.Invoice.OpenAmount)
			left -= a
			if a > 0 {
				r.Amount.SetText(data.FormatAmount(a, d.Currency))
			} else {
				r.Amount.SetText("")
			}
		}
	})
	clear := widget.NewButton("Clear", func() {
		for _, r := range d.Rows {
			r.Amount.SetText("")
		}
	})
	who := ps.customers[d.Payment.CustomerID]
	name := d.Payment.CustomerName
	if who != nil {
		name = who.Name
	}
	title := "Allocate payment"
	verb := "Record payment"
	if existing != nil {
		title, verb = "Allocate credit", "Allocate"
	}
	msg := fmt.Sprintf("%s — %s to allocate. Edit the amounts for a partial payment or several invoices; what is left stays as credit.",
		name, money(d.Amount, d.Currency))
	d.Modal = ps.ui.ShowModal(title, msg, container.NewVBox(body, container.NewHBox(fill, clear, layout.NewSpacer(), d.Left), d.Error),
		ModalButton{Text: verb, Main: true, Action: d.confirm},
		ModalButton{Text: "Cancel"})
	ps.Alloc = d
	d.recompute()
}

// read parses the amounts; ok is false when one is refused (shown in the dialog).
func (d *AllocDialog) read() (allocs []data.Allocation, sum int64, msgs []string) {
	for _, r := range d.Rows {
		t := strings.TrimSpace(r.Amount.Text)
		if t == "" {
			continue
		}
		a, err := data.ParseAmount(t, d.Currency)
		switch {
		case err != nil:
			msgs = append(msgs, fmt.Sprintf("%s: %v", r.Invoice.Number, err))
		case a < 0:
			msgs = append(msgs, fmt.Sprintf("%s: cannot be negative", r.Invoice.Number))
		case a > r.Invoice.OpenAmount:
			msgs = append(msgs, fmt.Sprintf("%s: is more than its open balance (%s)", r.Invoice.Number, data.FormatAmount(r.Invoice.OpenAmount, d.Currency)))
		case a > 0:
			allocs = append(allocs, data.Allocation{InvoiceID: r.Invoice.ID, Amount: a, InvoiceNumber: r.Invoice.Number})
			sum += a
		}
	}
	if sum > d.Amount {
		msgs = append(msgs, fmt.Sprintf("the amounts add up to %s, more than the %s there is to allocate",
			money(sum, d.Currency), money(d.Amount, d.Currency)))
	}
	return
}

func (d *AllocDialog) recompute() {
	_, sum, msgs := d.read()
	if len(msgs) > 0 {
		d.Error.SetText(strings.Join(msgs, "\n"))
		d.Error.Show()
	} else {
		d.Error.SetText("")
		d.Error.Hide()
	}
	left := d.Amount - sum
	if left >= 0 {
		d.Left.SetText(fmt.Sprintf("Allocated %s · left as credit %s", data.FormatAmount(sum, d.Currency), money(left, d.Currency)))
	} else {
		d.Left.SetText(fmt.Sprintf("Allocated %s · over by %s", data.FormatAmount(sum, d.Currency), money(-left, d.Currency)))
	}
}

func (d *AllocDialog) confirm() bool {
	allocs, _, msgs := d.read()
	if len(msgs) > 0 {
		d.recompute()
		return false
	}
	ctx := context.Background()
	s := d.ps.ui.Store
	var err error
	isNew := d.Payment.ID == 0
	if isNew {
		err = s.RecordPayment(ctx, d.Payment, allocs)
	} else {
		err = s.Allocate(ctx, d.Payment.ID, allocs)
	}
	if err != nil {
		if isNew {
			d.Payment.ID = 0 // the transaction was rolled back
		}
		d.Error.SetText(err.Error())
		d.Error.Show()
		return false
	}
	if !isNew {
		d.ps.ui.Changed()
		return true
	}
	d.ps.recorded(d.Payment)
	return true
}

func sortCustomers(cs []*data.Customer) {
	sort.Slice(cs, func(i, j int) bool {
		a, b := strings.ToLower(cs[i].Name), strings.ToLower(cs[j].Name)
		if a != b {
			return a < b
		}
		return cs[i].ID < cs[j].ID
	})
}
