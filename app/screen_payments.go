package app

import (
	"context"
	"fmt"
	"image/color"
	"strings"

	"duebook/data"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

var payCols = [...]string{"Date", "Customer", "Method", "Reference", "Amount", "Credit left"}
var payWidths = []float32{95, 150, 112, 110, 115, 95} // Method fits "Bank transfer"; up to Amount fits the list at 1024x640

// PaymentsScreen lists payments and records new ones with their allocation.
type PaymentsScreen struct {
	ui     *UI
	Root   fyne.CanvasObject
	Search *widget.Entry
	Table  *OpenTable
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
	index         *paymentIndex // the search keys and column orders of all
	customers     map[int64]*data.Customer
	load, balance latest
	prepare       latest // the other columns' orders, after the list shows (paymentIndex.prepare)
	selectedAlloc []data.Allocation
	sortCol       int  // column the list is sorted by (payCols)
	sortDesc      bool // largest / newest first
}

func newPaymentsScreen(ui *UI) *PaymentsScreen {
	ps := &PaymentsScreen{ui: ui, customers: map[int64]*data.Customer{}, sortDesc: true}
	ps.Search = widget.NewEntry()
	ps.Search.SetPlaceHolder("Search customer, reference, method (Ctrl+F)")
	ps.Search.OnChanged = func(string) { ps.filter() }
	ps.Count = widget.NewLabel("")
	ps.Table = newOpenTable(func() (int, int) { return len(ps.shown), len(payCols) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return container.NewStack(canvas.NewRectangle(color.Transparent), l)
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			st := o.(*fyne.Container)
			bg, l := st.Objects[0].(*canvas.Rectangle), st.Objects[1].(*widget.Label)
			if id.Row >= len(ps.shown) {
				l.SetText("")
				return
			}
			p := ps.shown[id.Row]
			// The selected payment's whole row is highlighted, not only the cell clicked.
			want := color.Color(color.Transparent)
			if ps.Selected != nil && p.ID == ps.Selected.ID {
				want = ps.rowHighlight()
			}
			if bg.FillColor != want {
				bg.FillColor = want
				bg.Refresh()
			}
			l.Alignment = fyne.TextAlignLeading
			var t string
			switch id.Col {
			case 0:
				t = p.Date.String()
			case 1:
				t = p.CustomerName
			case 2:
				t = methodName(p.Method)
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
	// Column titles sort the list (again: the other way round).
	ps.Table.CreateHeader = func() fyne.CanvasObject {
		b := widget.NewButton("", nil)
		b.Importance = widget.LowImportance
		b.Alignment = widget.ButtonAlignLeading
		return b
	}
	ps.Table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		b := o.(*widget.Button)
		if id.Col < 0 || id.Col >= len(payCols) {
			b.SetText("")
			b.OnTapped = nil
			return
		}
		t := payCols[id.Col]
		if id.Col == ps.sortCol {
			if ps.sortDesc {
				t += " ▼"
			} else {
				t += " ▲"
			}
		}
		col := id.Col
		b.OnTapped = func() { ps.SortBy(col) }
		b.SetText(t)
	}
	for i, w := range payWidths {
		ps.Table.SetColumnWidth(i, w)
	}
	ps.Table.SetOnSelected(func(id widget.TableCellID) {
		if id.Row >= 0 && id.Row < len(ps.shown) {
			ps.selectPayment(ps.shown[id.Row])
		}
	})
	// Double-click or Enter: where the payment's money went, and what is left to allocate.
	ps.Table.OnOpen = func(row int) {
		if row >= 0 && row < len(ps.shown) && ps.shown[row].Unallocated > 0 && !ui.Store.ReadOnly() {
			ps.openAlloc(ps.shown[row], nil)
		}
	}

	f := NewForm()
	ps.Form = f
	ps.Customer = newCustomerPicker()
	f.Customer("customer", "Customer", ps.Customer)
	ps.CustBalance = widget.NewLabel("")
	ps.CustBalance.Wrapping = fyne.TextWrapWord // the form can be narrower than the line: the list keeps its columns
	ps.Customer.OnPicked = func(id int64) { ps.showBalance(id) }
	f.Entry("date", "Date", "YYYY-MM-DD").SetText(ui.Today().String())
	f.Coded("method", "Method", data.PaymentMethods, methodName).SetText("bank")
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

// Reload re-reads the payments off the UI goroutine, with their search keys and column
// orders (a million payments: about two seconds, none of it on the UI goroutine).
func (ps *PaymentsScreen) Reload() {
	s := ps.ui.Store
	col := ps.sortCol
	first := ps.index == nil // nothing read yet: the count line says the read is under way
	if first {
		ps.Count.SetText("Loading payments…")
	}
	ps.load.Go(ps.ui, func(ctx context.Context) func() {
		rows, err := s.PaymentRows(ctx, func(done, total int) {
			if first && total >= 100_000 { // a second or more: say how far it is
				ps.ui.postProgress(func() {
					if ps.index == nil && ctx.Err() == nil {
						ps.Count.SetText(fmt.Sprintf("Loading payments… %s of %s", grouped(done), grouped(total)))
					}
				})
			}
		})
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return func() {
				if ps.index == nil {
					ps.Count.SetText("The payments could not be read.")
				}
				ps.ui.ShowError(err)
			}
		}
		all := make([]*data.Payment, len(rows))
		for i := range rows {
			all[i] = &rows[i]
		}
		index := newPaymentIndex(all)
		index.order(col)
		if ctx.Err() != nil {
			return nil
		}
		return func() {
			ps.all, ps.index = all, index
			ps.filter()
			cols := index.todo()
			ps.prepare.Go(ps.ui, func(ctx context.Context) func() {
				orders := index.prepare(ctx, cols)
				return func() { index.install(orders) }
			})
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

// filter shows the payments that match the search, in the list's order.
func (ps *PaymentsScreen) filter() {
	if ps.index == nil { // a search typed before the first read: it applies once read
		return
	}
	ps.shown = ps.index.shown(ps.shown[:0], strings.ToLower(strings.TrimSpace(ps.Search.Text)), ps.sortCol, ps.sortDesc)
	ps.Count.SetText(fmt.Sprintf("%s of %s", grouped(len(ps.shown)), count(len(ps.all), "payment", "payments")))
	switch {
	case len(ps.all) == 0:
		ps.Count.SetText("No payments yet: record the first one on the right.")
	case len(ps.shown) == 0:
		ps.Count.SetText("No payment matches the search.")
	}
	ps.Table.UnselectAll()
	ps.Table.Refresh()
}

// rowHighlight is the background of the selected payment's row.
func (ps *PaymentsScreen) rowHighlight() color.Color { return theme.Color(theme.ColorNameSelection) }

// SortBy sorts the list by column col (Date, Customer, Method, Reference, Amount, Credit
// left); the same column again reverses the order.
func (ps *PaymentsScreen) SortBy(col int) {
	if col == ps.sortCol {
		ps.sortDesc = !ps.sortDesc
	} else {
		ps.sortCol, ps.sortDesc = col, col == 0 || col >= 4 // newest and biggest first
	}
	ps.filter()
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
			ps.CustBalance.SetText(fmt.Sprintf("Open %s in %s · overdue %s · credit %s",
				money(b.Open, b.Currency), count(b.OpenCount, "invoice", "invoices"), money(b.Overdue, b.Currency), money(b.Credit, b.Currency)))
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
	ps.Table.Refresh() // the row's highlight
	allocs, err := ps.ui.Store.PaymentAllocations(context.Background(), p.ID)
	if err != nil {
		ps.ui.ShowError(err)
		return
	}
	ps.selectedAlloc = allocs
	var b strings.Builder
	fmt.Fprintf(&b, "%s · %s · %s %s · %s\n", p.Date, p.CustomerName, methodName(p.Method), p.Reference, money(p.Amount, p.Currency))
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
