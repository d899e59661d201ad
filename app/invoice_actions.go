package app

import (
	"context"
	"fmt"
	"strings"

	"duebook/data"
)

// reopen refreshes the open invoice view after a change.
func (ui *UI) afterInvoiceChange(id int64) {
	if v := ui.Invoices.View; v != nil && v.Invoice.ID == id {
		ui.OpenInvoice(id)
	}
	ui.Changed()
}

// creditWarning asks before an invoice takes a customer over the credit limit; proceed runs
// when there is no problem or the user goes on anyway.
func (ui *UI) creditWarning(customerID, amount int64, verb string, proceed func()) {
	over, exposure, limit, err := ui.Store.CreditCheck(context.Background(), customerID, amount)
	if err != nil {
		ui.ShowError(err)
		return
	}
	c, _ := ui.Store.Customer(context.Background(), customerID)
	hold := c != nil && c.CreditHold
	if !over && !hold {
		proceed()
		return
	}
	name, cur := "", ""
	if c != nil {
		name, cur = c.Name, c.Currency
	}
	var msg string
	if over {
		msg = fmt.Sprintf("This invoice takes %s over the credit limit: the balance would be %s against a limit of %s.",
			name, money(exposure, cur), money(limit, cur))
	}
	if hold {
		msg = strings.TrimSpace(msg + fmt.Sprintf("\n%s is on credit hold.", name))
	}
	ui.ShowModal("Over the credit limit", msg, nil,
		ModalButton{Text: verb + " anyway", Action: func() bool { proceed(); return true }},
		ModalButton{Text: "Cancel", Main: true})
}

// PostInvoice posts a draft (warning first when it goes over the credit limit).
func (ui *UI) PostInvoice(id int64) {
	inv, err := ui.Store.Invoice(context.Background(), id)
	if err != nil {
		ui.ShowError(err)
		return
	}
	ui.creditWarning(inv.CustomerID, inv.Total, "Post", func() {
		p, err := ui.Store.PostInvoice(context.Background(), id)
		if err != nil {
			ui.ShowError(err)
			return
		}
		if ui.Invoices.Editor != nil && ui.Invoices.Editor.Invoice != nil && ui.Invoices.Editor.Invoice.ID == id {
			ui.OpenInvoice(p.ID)
		}
		ui.Notify(fmt.Sprintf("Posted %s (%s).", p.Number, money(p.Total, p.Currency)))
		ui.Changed()
	})
}

// VoidInvoice asks for the reason and voids a posted invoice.
func (ui *UI) VoidInvoice(id int64) {
	inv, err := ui.Store.Invoice(context.Background(), id)
	if err != nil {
		ui.ShowError(err)
		return
	}
	f := NewForm()
	f.Entry("reason", "Reason", "e.g. Duplicate invoice")
	ui.ShowModal("Void "+inv.Number, fmt.Sprintf("Voiding keeps %s (%s) with the reason; payments allocated to it become %s's credit.",
		inv.Number, money(inv.Total, inv.Currency), inv.CustomerName), f.Object(),
		ModalButton{Text: "Void invoice", Main: true, Action: func() bool {
			err := ui.Store.VoidInvoice(context.Background(), id, f.Field("reason").Text())
			if f.ShowErrors(err) {
				return false
			}
			ui.afterInvoiceChange(id)
			return true
		}},
		ModalButton{Text: "Cancel"}).SetForm(f)
}

// CreditInvoice issues a credit note against a posted invoice.
func (ui *UI) CreditInvoice(id int64) {
	ui.amountReasonDialog(id, "Credit note for ", "Issue credit note", func(inv *data.Invoice, amount int64, day data.Date, reason string) error {
		return ui.Store.IssueCreditNote(context.Background(), &data.CreditNote{InvoiceID: id, Amount: amount, Date: day, Reason: reason})
	})
}

// WriteOffInvoice writes off part or all of a posted invoice.
func (ui *UI) WriteOffInvoice(id int64) {
	ui.amountReasonDialog(id, "Write off ", "Write off", func(inv *data.Invoice, amount int64, day data.Date, reason string) error {
		return ui.Store.WriteOffInvoice(context.Background(), &data.WriteOff{InvoiceID: id, Amount: amount, Date: day, Reason: reason})
	})
}

func (ui *UI) amountReasonDialog(id int64, title, verb string, do func(*data.Invoice, int64, data.Date, string) error) {
	inv, err := ui.Store.Invoice(context.Background(), id)
	if err != nil {
		ui.ShowError(err)
		return
	}
	f := NewForm()
	f.Entry("amount", "Amount ("+inv.Currency+")", "").SetText(data.FormatAmount(inv.OpenAmount, inv.Currency))
	f.Entry("date", "Date", "YYYY-MM-DD").SetText(ui.Today().String())
	f.Entry("reason", "Reason", "")
	m := ui.ShowModal(title+inv.Number, fmt.Sprintf("%s · open balance %s", inv.CustomerName, money(inv.OpenAmount, inv.Currency)), f.Object(),
		ModalButton{Text: verb, Main: true, Action: func() bool {
			var v fieldErrors
			amt := parseAmountField(&v, "amount", f.Field("amount").Text(), inv.Currency, true)
			day := parseDateField(&v, "date", f.Field("date").Text(), true)
			if f.ShowErrors(errOrNil(v)) {
				return false
			}
			if f.ShowErrors(do(inv, amt, day, f.Field("reason").Text())) {
				return false
			}
			ui.afterInvoiceChange(id)
			return true
		}},
		ModalButton{Text: "Cancel"})
	m.SetForm(f)
	f.Live(basicCheck(f, inv.Currency))
}

// MarkInvoiceSent records the day an invoice was sent.
func (ui *UI) MarkInvoiceSent(id int64) { ui.markSentDialog(id, "") }

func (ui *UI) markSentDialog(id int64, msg string) {
	f := NewForm()
	f.Entry("date", "Sent on", "YYYY-MM-DD").SetText(ui.Today().String())
	f.Live(basicCheck(f, ""))
	ui.ShowModal("Mark as sent", msg, f.Object(),
		ModalButton{Text: "Mark sent", Main: true, Action: func() bool {
			var v fieldErrors
			day := parseDateField(&v, "date", f.Field("date").Text(), true)
			if f.ShowErrors(errOrNil(v)) {
				return false
			}
			if f.ShowErrors(ui.Store.MarkSent(context.Background(), id, day)) {
				return false
			}
			ui.afterInvoiceChange(id)
			return true
		}},
		ModalButton{Text: "Cancel"}).SetForm(f)
}

// DeleteDraft removes a draft after asking.
func (ui *UI) DeleteDraft(id int64) {
	ui.ShowModal("Delete draft", "Delete this draft invoice? It was never posted, so nothing else changes.", nil,
		ModalButton{Text: "Delete", Action: func() bool {
			if err := ui.Store.DeleteDraft(context.Background(), id); err != nil {
				ui.ShowError(err)
				return true
			}
			if e := ui.Invoices.Editor; e != nil && e.Invoice != nil && e.Invoice.ID == id {
				ui.Invoices.CloseDetail()
			}
			ui.Changed()
			return true
		}},
		ModalButton{Text: "Cancel", Main: true})
}
