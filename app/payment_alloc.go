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
	"fyne.io/fyne/v2/widget"
)

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
		d.Error.SetText(humanError(data.ExplainOverflow(err)))
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
