package app

import (
	"context"
	"fmt"
	"io"

	"duebook/app/collect"
	"duebook/data"
	"duebook/reports"
)

// PrintInvoice shows the print / save dialog of an invoice (either layout); after it was
// printed or saved, a posted invoice not yet marked sent offers to be marked sent.
func (ui *UI) PrintInvoice(id int64) *PaperDialog {
	ctx := context.Background()
	inv, err := ui.Store.Invoice(ctx, id)
	if err != nil {
		ui.ShowError(err)
		return nil
	}
	cust, err := ui.Store.Customer(ctx, inv.CustomerID)
	if err != nil {
		ui.ShowError(err)
		return nil
	}
	comp := ui.Company
	paid := inv.Total - inv.OpenAmount
	if inv.Status == data.StatusDraft {
		paid = 0
	}
	number := inv.Number
	if number == "" {
		number = "draft"
	}
	return ui.ShowPaper(&Paper{
		Title:    "Invoice " + number,
		FileName: safeFileName("Invoice " + number + " " + cust.Name),
		Layout:   letterLayout(cust),
		Make: func(w io.Writer, l reports.Layout) error {
			return reports.InvoicePDF(w, comp, cust, inv, paid, reports.Options{Layout: l})
		},
		Done: func(how string) {
			if inv.Status == data.StatusPosted && inv.SentDate.IsZero() && !ui.Store.ReadOnly() {
				verb := "printed"
				if how == "save" {
					verb = "saved"
				}
				ui.markSentDialog(id, fmt.Sprintf("%s was %s. Mark it as sent to %s?", inv.Number, verb, cust.Name))
			}
		},
	})
}

// PrintStatement shows the print / save dialog of one customer's statement (open items as
// of today).
func (ui *UI) PrintStatement(customerID int64) *PaperDialog {
	cust, err := ui.Store.Customer(context.Background(), customerID)
	if err != nil {
		ui.ShowError(err)
		return nil
	}
	s := ui.Store
	today := ui.Today()
	return ui.ShowPaper(&Paper{
		Title:    "Statement for " + cust.Name,
		FileName: safeFileName("Statement " + today.String() + " " + cust.Name),
		Layout:   letterLayout(cust),
		Make: func(w io.Writer, l reports.Layout) error {
			_, err := reports.Statements(context.Background(), w, s, reports.StatementOptions{
				AsOf: today, CustomerID: customerID, Layout: l, Kind: reports.KindOpenItem})
			return err
		},
	})
}

// PrintLetter shows the print / save dialog of the reminder letter of a worklist row: the
// row's reminder (its step sets the tone), or, for other rows, a firm letter listing the
// customer's overdue invoices. A reminder that was printed or saved offers to be recorded
// as sent, so the schedule moves on.
func (c *CollectionsScreen) PrintLetter() *PaperDialog {
	ui := c.ui
	cust := c.Customer
	if cust == nil {
		return nil
	}
	today := ui.Today()
	tone := reports.ToneFirm
	var invs []*data.Invoice
	var act *collect.Action
	if r := c.Row(); r != nil && r.CustomerID == cust.ID && r.Action != nil {
		act = r.Action
		tone = collect.LetterTone(act.Step)
		invs = act.LetterInvoices()
	} else {
		for _, inv := range c.Open {
			if inv.DaysOverdue(today) > 0 {
				invs = append(invs, inv)
			}
		}
	}
	if len(invs) == 0 {
		ui.ShowInfo("No letter to print", cust.Name+" has no overdue invoice, so there is nothing to remind them of.")
		return nil
	}
	comp := ui.Company
	return ui.ShowPaper(&Paper{
		Title:    "Reminder letter to " + cust.Name,
		FileName: safeFileName("Reminder " + today.String() + " " + cust.Name),
		Layout:   letterLayout(cust),
		Make: func(w io.Writer, l reports.Layout) error {
			return reports.ReminderLetterPDF(w, comp, cust, invs, tone, today, l)
		},
		Done: func(string) {
			if act == nil || ui.Store.ReadOnly() {
				return
			}
			a := *act
			ui.ShowModal("Record the reminder?", fmt.Sprintf("Record the %s reminder to %s as sent today? The schedule then moves on to the next step.", a.Step.Name, cust.Name), nil,
				ModalButton{Text: "Record as sent", Main: true, Action: func() bool {
					if err := collect.MarkSent(context.Background(), ui.Store, a, today); err != nil {
						ui.ShowError(err)
						return true
					}
					c.changed()
					return true
				}},
				ModalButton{Text: "Not now"})
		},
	})
}
