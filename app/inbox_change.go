package app

import (
	"context"
	"fmt"
	"strings"

	"duebook/data"
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"
)

// ChangeRow is one open invoice of the customer picked in the Change dialog.
type ChangeRow struct {
	Invoice *data.Invoice
	Check   *widget.Check
	Amount  *widget.Entry
	syncing bool
}

// ChangeDialog records a mail payment to a customer and invoices the user picks instead of
// the proposal: the amounts default oldest first; what is not allocated stays as the
// customer's credit.
type ChangeDialog struct {
	is        *InboxScreen
	Msg       data.MailPayment
	Modal     *Modal
	Form      *Form
	Customer  *CustomerPicker
	Rows      []*ChangeRow
	Left      *widget.Label
	rowsBox   *fyne.Container
	customers map[int64]*data.Customer
	custID    int64 // the customer the rows belong to
}

// ChangeSelected opens the Change dialog for the selected message.
func (is *InboxScreen) ChangeSelected() {
	if is.Selected < 0 || is.Selected >= len(is.Messages) {
		return
	}
	is.ShowChange(is.Messages[is.Selected])
}

// ShowChange opens the Change dialog for m.
func (is *InboxScreen) ShowChange(m data.MailPayment) *ChangeDialog {
	ctx := context.Background()
	cs, err := is.ui.Store.Customers(ctx, data.CustomerFilter{})
	if err != nil {
		is.ui.ShowError(err)
		return nil
	}
	d := &ChangeDialog{is: is, Msg: m, customers: map[int64]*data.Customer{}}
	for _, c := range cs {
		d.customers[c.ID] = c
	}
	d.Form = NewForm()
	d.Customer = newCustomerPicker()
	d.Customer.SetCustomers(cs)
	d.Form.Customer("customer", "Customer", d.Customer)
	d.Left = widget.NewLabel("")
	d.Left.TextStyle.Bold = true
	d.rowsBox = container.NewVBox()
	fill := widget.NewButton("Oldest first", d.fillOldestFirst)
	clear := widget.NewButton("Clear", func() {
		for _, r := range d.Rows {
			r.Check.SetChecked(false)
		}
	})
	d.Customer.OnPicked = func(id int64) { d.loadCustomer(id) }
	who := firstText(m.PayerName, m.PayerEmail, "an unknown payer")
	msg := fmt.Sprintf("%s payment of %s from %s on %s. Pick the customer who paid, then tick the invoices it pays; what is left stays as the customer's credit.",
		providerName(m.Provider), money(m.Amount, m.Currency), who, m.Date)
	if !m.Trusted {
		msg += "\n⚠ The sender is not trusted (" + untrustedWhy(m.Why) + "): check the payment arrived before recording it."
	}
	body := container.NewVBox(d.Form.Object(), d.rowsBox, container.NewHBox(fill, clear, layout.NewSpacer(), d.Left))
	d.Modal = is.ui.ShowModal("Change match", msg, body,
		ModalButton{Text: "Record payment", Main: true, Action: d.confirm},
		ModalButton{Text: "Cancel"})
	d.Modal.SetForm(d.Form)
	is.ChangeDlg = d
	if m.CustomerID != 0 && d.customers[m.CustomerID] != nil {
		d.Customer.Set(m.CustomerID) // OnPicked loads the rows
	} else {
		d.loadCustomer(0)
	}
	return d
}

// loadCustomer shows the open invoices of customer id (0: none picked), pre-filled with the
// message's proposal when it is that customer's, else oldest first.
func (d *ChangeDialog) loadCustomer(id int64) {
	if id == d.custID && d.Rows != nil {
		return
	}
	d.custID = id
	d.Rows = nil
	d.rowsBox.RemoveAll()
	d.Form.Clear()
	if id == 0 {
		d.rowsBox.Add(widget.NewLabel("Pick a customer to see their open invoices."))
		d.recompute()
		d.resize()
		return
	}
	if c := d.customers[id]; c != nil && c.Currency != d.Msg.Currency {
		d.Form.Field("customer").SetError(fmt.Sprintf("%s is billed in %s; this payment is in %s", c.Name, c.Currency, d.Msg.Currency))
	}
	open, err := d.is.ui.Store.OpenItems(context.Background(), id)
	if err != nil {
		d.Form.ShowErrors(err)
		return
	}
	if len(open) == 0 {
		d.rowsBox.Add(widget.NewLabel("This customer has no open invoices: the whole amount becomes their credit."))
	} else {
		grid := container.New(layout.NewGridLayoutWithColumns(5))
		for _, t := range []string{"", "Invoice", "Due", "Open", "Apply"} {
			l := widget.NewLabel(t)
			l.TextStyle.Bold = true
			grid.Add(l)
		}
		for _, inv := range open {
			r := &ChangeRow{Invoice: inv, Amount: widget.NewEntry()}
			r.Amount.SetPlaceHolder("0.00")
			r.Check = widget.NewCheck("", func(on bool) {
				if r.syncing {
					return
				}
				if !on {
					r.Amount.SetText("")
				} else if strings.TrimSpace(r.Amount.Text) == "" {
					_, sum, _ := d.read()
					if a := min(d.Msg.Amount-sum, inv.OpenAmount); a > 0 {
						r.Amount.SetText(data.FormatAmount(a, d.Msg.Currency))
					}
				}
				d.recompute()
			})
			r.Amount.OnChanged = func(t string) {
				if on := strings.TrimSpace(t) != ""; on != r.Check.Checked {
					r.syncing = true
					r.Check.SetChecked(on)
					r.syncing = false
				}
				d.recompute()
			}
			grid.Add(r.Check)
			grid.Add(widget.NewLabel(inv.Number))
			grid.Add(widget.NewLabel(inv.DueDate.String()))
			grid.Add(widget.NewLabel(data.FormatAmount(inv.OpenAmount, inv.Currency)))
			grid.Add(r.Amount)
			d.Rows = append(d.Rows, r)
		}
		var o fyne.CanvasObject = grid
		if len(open) > 8 {
			sc := container.NewVScroll(grid)
			sc.SetMinSize(fyne.NewSize(560, 320))
			o = sc
		}
		d.rowsBox.Add(o)
	}
	if id == d.Msg.CustomerID && len(d.Msg.Proposal) > 0 {
		pre := amountsByInvoice(d.Msg.Proposal)
		for _, r := range d.Rows {
			if a := min(pre[r.Invoice.ID], r.Invoice.OpenAmount); a > 0 {
				r.Amount.SetText(data.FormatAmount(a, d.Msg.Currency))
			}
		}
	} else {
		d.fillOldestFirst()
	}
	d.recompute()
	d.resize()
}

// fillOldestFirst spreads the payment over the open invoices, oldest due first (the store's
// own suggestion, as the payments screen does).
func (d *ChangeDialog) fillOldestFirst() {
	if d.custID == 0 {
		return
	}
	sugg, _, err := d.is.ui.Store.SuggestAllocation(context.Background(), d.custID, d.Msg.Amount)
	if err != nil {
		d.Form.ShowErrors(err)
		return
	}
	pre := amountsByInvoice(sugg)
	for _, r := range d.Rows {
		if a := pre[r.Invoice.ID]; a > 0 {
			r.Amount.SetText(data.FormatAmount(a, d.Msg.Currency))
		} else {
			r.Amount.SetText("")
		}
	}
	d.recompute()
}

func (d *ChangeDialog) resize() {
	if d.Modal == nil {
		return
	}
	d.Modal.D.Refresh()
	d.Modal.Fit(620)
}

// read parses the ticked amounts; errs name the field (customer, "amount for INV-…", amount).
func (d *ChangeDialog) read() (allocs []data.Allocation, sum int64, errs fieldErrors) {
	for _, r := range d.Rows {
		t := strings.TrimSpace(r.Amount.Text)
		if !r.Check.Checked && t == "" {
			continue
		}
		field := "amount for " + r.Invoice.Number
		if t == "" {
			addErr(&errs, field, "is required for a ticked invoice")
			continue
		}
		a, err := data.ParseAmount(t, d.Msg.Currency)
		switch {
		case err != nil:
			addErr(&errs, field, err.Error())
		case a < 0:
			addErr(&errs, field, "cannot be negative")
		case a > r.Invoice.OpenAmount:
			addErr(&errs, field, fmt.Sprintf("more than is open (%s)", money(r.Invoice.OpenAmount, r.Invoice.Currency)))
		case a > 0:
			allocs = append(allocs, data.Allocation{InvoiceID: r.Invoice.ID, Amount: a, InvoiceNumber: r.Invoice.Number})
			sum += a
		}
	}
	if sum > d.Msg.Amount {
		addErr(&errs, "amount", fmt.Sprintf("the invoices ticked add up to %s, more than the payment of %s",
			money(sum, d.Msg.Currency), money(d.Msg.Amount, d.Msg.Currency)))
	}
	return allocs, sum, errs
}

func (d *ChangeDialog) recompute() {
	_, sum, _ := d.read()
	left := d.Msg.Amount - sum
	if left >= 0 {
		d.Left.SetText(fmt.Sprintf("Applied %s · becomes credit %s", data.FormatAmount(sum, d.Msg.Currency), money(left, d.Msg.Currency)))
	} else {
		d.Left.SetText(fmt.Sprintf("Applied %s · over by %s", data.FormatAmount(sum, d.Msg.Currency), money(-left, d.Msg.Currency)))
	}
}

// confirm checks the choice and records the payment; the dialog stays open on a refusal.
func (d *ChangeDialog) confirm() bool {
	var errs fieldErrors
	id := d.Customer.ID()
	if id == 0 {
		if t := strings.TrimSpace(d.Customer.Entry.Text); t == "" {
			addErr(&errs, "customer", "is required")
		} else {
			addErr(&errs, "customer", fmt.Sprintf("no customer is called %q; pick one from the list", t))
		}
	} else if c := d.customers[id]; c != nil && c.Currency != d.Msg.Currency {
		addErr(&errs, "customer", fmt.Sprintf("%s is billed in %s; this payment is in %s", c.Name, c.Currency, d.Msg.Currency))
	}
	var allocs []data.Allocation
	if id != 0 && id == d.custID {
		var rowErrs fieldErrors
		allocs, _, rowErrs = d.read()
		errs = append(errs, rowErrs...)
	}
	if d.Form.ShowErrors(errOrNil(errs)) {
		return false
	}
	if _, err := d.is.ui.Store.ApplyMailPayment(context.Background(), d.Msg.ID, id, allocs); err != nil {
		d.Form.ShowErrors(err)
		return false
	}
	d.is.ui.Changed()
	d.is.Reload()
	return true
}

// plural says "1 message", "2 messages".
