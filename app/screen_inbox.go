package app

import (
	"context"
	"errors"
	"fmt"
	"strings"

	_ "duebook/app/fynelocale" // quiet Fyne about a C locale in tests and CI
	"duebook/app/inbox"
	"duebook/data"
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// InboxScreen lists the payment confirmations read from the owner's mailbox with the match
// proposed for each; the user accepts (records the payment) or rejects. Untrusted senders are
// marked and are never applied without the user.
type InboxScreen struct {
	ui       *UI
	Root     fyne.CanvasObject
	List     *widget.List
	Detail   *widget.Label
	Count    *widget.Label
	Fetch    *widget.Button
	Accept   *widget.Button
	Reject   *widget.Button
	Change   *widget.Button
	AccountB *widget.Button
	// ChangeDlg is the "Change…" dialog shown last; AccountForm the account form shown last
	// (tests drive them).
	ChangeDlg   *ChangeDialog
	AccountForm *AccountForm
	Messages    []data.MailPayment
	Selected    int // index into Messages, -1 = none
}

func newInboxScreen(ui *UI) *InboxScreen {
	is := &InboxScreen{ui: ui, Selected: -1}
	is.Detail = widget.NewLabel(inboxHint(1))
	is.Detail.Wrapping = fyne.TextWrapWord
	is.Count = widget.NewLabel("")
	is.List = widget.NewList(func() int { return len(is.Messages) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id >= len(is.Messages) {
				return
			}
			m := is.Messages[id]
			trust := ""
			if !m.Trusted {
				trust = "  ⚠ untrusted"
			}
			o.(*widget.Label).SetText(fmt.Sprintf("%s  %-8s %14s  %s  [%s]%s", m.Date, m.Provider, money(m.Amount, m.Currency),
				firstText(m.PayerName, m.PayerEmail, "?"), m.Status, trust))
		})
	is.List.OnSelected = func(id widget.ListItemID) { is.selectMsg(id) }
	is.Fetch = widget.NewButtonWithIcon("Fetch new mail", theme.DownloadIcon(), is.FetchMail)
	is.Fetch.Importance = widget.HighImportance
	is.Accept = widget.NewButton("Accept match", is.AcceptSelected)
	is.Accept.Importance = widget.HighImportance
	is.Reject = widget.NewButton("Reject", is.RejectSelected)
	is.Change = widget.NewButton("Change…", is.ChangeSelected)
	is.Accept.Disable()
	is.Reject.Disable()
	is.Change.Disable()
	refresh := widget.NewButtonWithIcon("", theme.ViewRefreshIcon(), is.Reload)
	is.AccountB = widget.NewButtonWithIcon("Account…", theme.SettingsIcon(), is.ShowAccount)
	top := container.NewHBox(heading("Inbox"), is.Count, layout.NewSpacer(), is.AccountB, is.Fetch, refresh)
	detail := container.NewBorder(nil, container.NewHBox(is.Accept, is.Change, is.Reject), nil, nil, container.NewVScroll(is.Detail))
	split := container.NewHSplit(is.List, detail)
	split.Offset = 0.6
	is.Root = container.NewBorder(top, nil, nil, nil, split)
	is.Reload()
	return is
}

// inboxHint is what the detail panel says while no message is selected.
func inboxHint(messages int) string {
	if messages == 0 {
		return "No payment confirmations read yet.\n\nSet up the owner's mailbox with Account…, then " +
			"Fetch new mail. Duebook reads the confirmations of PayPal, Stripe, Square, Wise, " +
			"Interac, Zelle, Venmo and bank transfer notices, and proposes which open invoices " +
			"each one pays. Nothing is recorded until you accept it."
	}
	return "Select a message to see what was read and the match proposed."
}

func firstText(xs ...string) string {
	for _, x := range xs {
		if x != "" {
			return x
		}
	}
	return ""
}

// Reload re-reads the stored messages.
func (is *InboxScreen) Reload() {
	s := is.ui.Store
	if s == nil {
		return
	}
	is.ui.Go(context.Background(), func(ctx context.Context) func() {
		msgs, err := s.MailPayments(ctx, "")
		if err != nil {
			return func() { is.ui.ShowError(err) }
		}
		return func() {
			is.Messages = msgs
			proposed := 0
			for _, m := range msgs {
				if m.Status == "proposed" {
					proposed++
				}
			}
			is.Count.SetText(fmt.Sprintf("%s, %d waiting for you", plural(len(msgs), "message"), proposed))
			is.Detail.SetText(inboxHint(len(msgs)))
			is.List.UnselectAll()
			is.Selected = -1
			is.Accept.Disable()
			is.Reject.Disable()
			is.Change.Disable()
			is.List.Refresh()
		}
	})
}

func (is *InboxScreen) selectMsg(i int) {
	if i < 0 || i >= len(is.Messages) {
		return
	}
	is.Selected = i
	m := is.Messages[i]
	trust := "trusted sender (domain on the provider's list, DMARC pass)"
	if !m.Trusted {
		trust = "NOT trusted: " + m.Why
	}
	text := fmt.Sprintf("%s %s — %s\nFrom %s %s\nReference: %s\nTransaction: %s\nSender: %s\n\n", m.Provider, m.Kind,
		money(m.Amount, m.Currency), m.PayerName, m.PayerEmail, m.Reference, m.TransactionID, trust)
	switch {
	case m.Status == "applied":
		text += fmt.Sprintf("Recorded as payment %d.", m.PaymentID)
	case m.Status == "proposed":
		cust := ""
		if c, err := is.ui.Store.Customer(context.Background(), m.CustomerID); err == nil {
			cust = c.Name
		}
		text += fmt.Sprintf("Proposed: %s (%d %% sure)\n%s\n", cust, m.Confidence, m.Reason)
		for _, a := range m.Proposal {
			text += fmt.Sprintf("  apply %s to %s\n", money(a.Amount, m.Currency), a.InvoiceNumber)
		}
	default:
		text += "No match proposed (" + m.Status + ")."
	}
	is.Detail.SetText(text)
	if m.Status == "proposed" && !is.ui.Store.ReadOnly() {
		is.Accept.Enable()
	} else {
		is.Accept.Disable()
	}
	if m.Status != "applied" && m.Status != "rejected" && !is.ui.Store.ReadOnly() {
		is.Reject.Enable()
	} else {
		is.Reject.Disable()
	}
	if changeable(m) && !is.ui.Store.ReadOnly() {
		is.Change.Enable()
	} else {
		is.Change.Disable()
	}
}

// changeable tells whether the user may record the message's payment to a customer and
// invoices of their choosing: money received, not yet recorded nor rejected. Untrusted
// senders are allowed: the user is the one acting.
func changeable(m data.MailPayment) bool {
	return m.Status != "applied" && m.Status != "rejected" && m.Kind == string(inbox.KindReceived) && m.Amount > 0
}

// AcceptSelected records the selected message's payment as proposed.
func (is *InboxScreen) AcceptSelected() {
	if is.Selected < 0 {
		return
	}
	m := is.Messages[is.Selected]
	if _, err := is.ui.Store.ApplyMailPayment(context.Background(), m.ID, m.CustomerID, m.Proposal); err != nil {
		is.ui.ShowError(err)
		return
	}
	is.ui.Changed()
	is.Reload()
}

// RejectSelected marks the selected message as not a payment to record.
func (is *InboxScreen) RejectSelected() {
	if is.Selected < 0 {
		return
	}
	if err := is.ui.Store.SetMailStatus(context.Background(), is.Messages[is.Selected].ID, "rejected"); err != nil {
		is.ui.ShowError(err)
		return
	}
	is.Reload()
}

// FetchMail reads new mail in the background with progress and Cancel; nothing is applied
// without the user.
func (is *InboxScreen) FetchMail() {
	s := is.ui.Store
	acct, err := inbox.LoadAccount(context.Background(), s)
	if err != nil {
		// no account yet: the form to set it up, with why it opened
		af := is.showAccount()
		af.Form.General.SetText("No mail account is set up yet: fill it in and save, then fetch again.")
		af.Form.General.Show()
		af.Modal.Form.Relayout()
		return
	}
	cfg, err := acct.Config()
	if err != nil {
		// no password saved (or no keyring), not signed in: the form, with the reason next to its field
		if errors.Is(err, inbox.ErrSignInAgain) {
			is.showSignInAgain(err)
			return
		}
		af := is.showAccount()
		af.Form.ShowErrors(err)
		return
	}
	is.ui.RunLong("Reading mail", "Fetching new messages from "+acct.Host+"…", func(ctx context.Context, progress func(float64)) (func(), error) {
		res, err := inbox.Reconcile(ctx, s, cfg, false, func(done, total int) {
			if total > 0 {
				progress(float64(done) / float64(total))
			}
		})
		if errors.Is(err, inbox.ErrSignInAgain) {
			// an expired or withdrawn sign-in: the account form, saying to sign in again
			return func() { is.Reload(); is.showSignInAgain(err) }, nil
		}
		if err != nil {
			return nil, err
		}
		return func() {
			is.Reload()
			is.ui.ShowInfo("Mail read", fmt.Sprintf("%d new messages, %d with a proposed match.", res.Stored, res.Proposed))
		}, nil
	}, nil)
}

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
	msg := fmt.Sprintf("%s %s from %s on %s. Pick the customer who paid, then tick the invoices it pays; what is left stays as the customer's credit.",
		m.Provider, money(m.Amount, m.Currency), who, m.Date)
	if !m.Trusted {
		msg += "\n⚠ The sender is not trusted (" + m.Why + "): check the payment arrived before recording it."
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
	d.Modal.D.Resize(d.Modal.D.MinSize().Max(fyne.NewSize(620, 0)))
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
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
