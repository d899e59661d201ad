package app

import (
	"context"
	"fmt"
	"strings"

	"duebook/data"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// paymentWords names a payment as the bookkeeper knows it: method and reference.
func paymentWords(ctx context.Context, s *data.Store, id int64) string {
	p, err := s.Payment(ctx, id)
	if err != nil {
		return ""
	}
	out := p.Method
	if p.Reference != "" {
		out = strings.TrimSpace(out + " " + p.Reference)
	}
	if out == "" {
		out = "payment of " + p.Date.String()
	}
	return "(" + out + ")"
}

// InvoiceView shows a posted or void invoice with its payments, credits and write-offs.
type InvoiceView struct {
	is      *InvoicesScreen
	Root    fyne.CanvasObject
	Invoice *data.Invoice
	Header  *widget.Label
	Status  *widget.Label
	Body    *widget.Label
	Void    *widget.Button
	Credit  *widget.Button
	Write   *widget.Button
	Sent    *widget.Button
	Pay     *widget.Button
	Print   *widget.Button
}

func newInvoiceView(is *InvoicesScreen, inv *data.Invoice) *InvoiceView {
	ui := is.ui
	v := &InvoiceView{is: is, Invoice: inv}
	ctx := context.Background()
	cur := inv.Currency
	v.Header = titleLabel(fmt.Sprintf("Invoice %s — %s", inv.Number, inv.CustomerName))
	st := rowStatus(&data.InvoiceRow{Status: inv.Status, Open: inv.OpenAmount, Total: inv.Total})
	if n := inv.DaysOverdue(ui.Today()); n > 0 {
		st += fmt.Sprintf(", %d days overdue", n)
	}
	v.Status = widget.NewLabel("Status: " + st)
	if inv.Status == data.StatusVoid {
		v.Status.SetText(fmt.Sprintf("VOID since %s — reason: %s", inv.VoidDate, inv.VoidReason))
		v.Status.Importance = widget.DangerImportance
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Issued %s · due %s", inv.IssueDate, inv.DueDate)
	if !inv.SentDate.IsZero() {
		fmt.Fprintf(&b, " · sent %s", inv.SentDate)
	}
	if inv.PONumber != "" {
		fmt.Fprintf(&b, " · PO %s", inv.PONumber)
	}
	b.WriteString("\n\n")
	for _, l := range inv.Lines {
		fmt.Fprintf(&b, "%s — %s × %s", l.Description, formatDecimal(l.QtyMilli, 3), data.FormatAmount(l.UnitPrice, cur))
		if l.TaxRateBP > 0 {
			fmt.Fprintf(&b, " + %s %% tax", formatDecimal(l.TaxRateBP, 2))
		}
		fmt.Fprintf(&b, " = %s\n", data.FormatAmount(l.Net+l.Tax, cur))
	}
	fmt.Fprintf(&b, "\nSubtotal %s · Tax %s · Total %s\nOutstanding %s\n", data.FormatAmount(inv.Subtotal, cur),
		data.FormatAmount(inv.TaxTotal, cur), money(inv.Total, cur), money(inv.OpenAmount, cur))
	if allocs, err := ui.Store.InvoiceAllocations(ctx, inv.ID); err == nil && len(allocs) > 0 {
		b.WriteString("\nPayments applied:\n")
		for _, a := range allocs {
			fmt.Fprintf(&b, "  %s  %s  %s\n", a.Date, data.FormatAmount(a.Amount, cur), paymentWords(ctx, ui.Store, a.PaymentID))
		}
	}
	if cns, err := ui.Store.CreditNotes(ctx, inv.ID); err == nil && len(cns) > 0 {
		b.WriteString("\nCredit notes:\n")
		for _, c := range cns {
			fmt.Fprintf(&b, "  %s  %s  %s — %s\n", c.Number, c.Date, data.FormatAmount(c.Amount, cur), c.Reason)
		}
	}
	if wos, err := ui.Store.WriteOffs(ctx, inv.ID); err == nil && len(wos) > 0 {
		b.WriteString("\nWrite-offs:\n")
		for _, w := range wos {
			fmt.Fprintf(&b, "  %s  %s — %s\n", w.Date, data.FormatAmount(w.Amount, cur), w.Reason)
		}
	}
	if inv.Notes != "" {
		b.WriteString("\nNotes: " + inv.Notes + "\n")
	}
	v.Body = widget.NewLabel(b.String())
	v.Body.Wrapping = fyne.TextWrapWord
	v.Body.Selectable = true
	id := inv.ID
	v.Void = widget.NewButton("Void…", func() { ui.VoidInvoice(id) })
	v.Credit = widget.NewButton("Credit note…", func() { ui.CreditInvoice(id) })
	v.Write = widget.NewButton("Write off…", func() { ui.WriteOffInvoice(id) })
	v.Sent = widget.NewButton("Mark sent…", func() { ui.MarkInvoiceSent(id) })
	v.Print = widget.NewButtonWithIcon("Print / PDF…", theme.DocumentPrintIcon(), func() { ui.PrintInvoice(id) })
	v.Pay = widget.NewButton("Record payment", func() {
		ui.SelectTab(TabPayments)
		ui.Payments.StartFor(inv.CustomerID)
	})
	if inv.Status != data.StatusPosted {
		for _, b := range []*widget.Button{v.Void, v.Credit, v.Write, v.Sent, v.Pay} {
			b.Disable()
		}
	} else if inv.OpenAmount == 0 {
		v.Credit.Disable()
		v.Write.Disable()
		v.Pay.Disable()
		v.Void.Hide() // a paid invoice is not voided (a credit note or refund undoes it)
	}
	back := widget.NewButtonWithIcon("Back to list", theme.NavigateBackIcon(), is.CloseDetail)
	cust := widget.NewButton("Customer", func() { ui.ShowCustomer(inv.CustomerID) })
	buttons := wrapRow(back, cust, v.Print, v.Sent, v.Pay, v.Credit, v.Write, v.Void)
	v.Root = container.NewBorder(container.NewVBox(v.Header, v.Status), buttons, nil, nil, container.NewVScroll(v.Body))
	return v
}
