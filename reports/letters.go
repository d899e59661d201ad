package reports

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"duebook/data"
)

// Tone is the step of a dunning letter.
type Tone string

const (
	ToneFriendly Tone = "friendly"
	ToneFirm     Tone = "firm"
	ToneFinal    Tone = "final"
)

// ParseTone reads "friendly", "firm" or "final".
func ParseTone(s string) (Tone, error) {
	switch Tone(strings.ToLower(strings.TrimSpace(s))) {
	case ToneFriendly:
		return ToneFriendly, nil
	case ToneFirm:
		return ToneFirm, nil
	case ToneFinal, "final_notice", "final-notice":
		return ToneFinal, nil
	}
	return "", &data.FieldError{Field: "tone", Msg: fmt.Sprintf("%q is not friendly, firm or final", s)}
}

type toneText struct {
	subject, opening, closing, regards string
}

func textFor(t Tone, comp data.Company, asOf data.Date) toneText {
	switch t {
	case ToneFirm:
		return toneText{
			subject: "Second reminder: overdue invoices",
			opening: "We wrote to you earlier about the invoices below, which are now well past their due dates and remain unpaid. " +
				"Please pay the amount due within 10 days, by " + DateText(asOf.AddDays(10)) + ", or contact us at once if there is a problem with any of them.",
			closing: "If you have already sent your payment, please let us know the date and reference so we can match it.",
			regards: "Sincerely,",
		}
	case ToneFinal:
		return toneText{
			subject: "FINAL NOTICE: payment required",
			opening: "Despite our earlier reminders, the invoices below are still unpaid. This is our final notice. " +
				"Unless we receive payment in full by " + DateText(asOf.AddDays(7)) + ", we will place your account on credit hold " +
				"and pass the debt to collection without further notice, which may add costs.",
			closing: "If you dispute any of these invoices, contact us before that date.",
			regards: "Sincerely,",
		}
	}
	return toneText{
		subject: "Friendly reminder: invoices past due",
		opening: "This is a friendly reminder that the invoices below have passed their due dates. " +
			"Perhaps they slipped through the cracks; we would be grateful if you could arrange payment at your earliest convenience.",
		closing: "If you have already paid, thank you, and please disregard this letter. Questions? Just reply or give us a call.",
		regards: "Kind regards,",
	}
}

// ReminderLetterPDF writes a dunning letter to cust in the given tone, listing invoices (number,
// due date, days overdue, open amount) as of asOf, with the address placed for the layout's
// window envelope and a signature block.
func ReminderLetterPDF(w io.Writer, comp data.Company, cust *data.Customer, invoices []*data.Invoice, tone Tone, asOf data.Date, layout Layout) error {
	return ReminderLetterPDFWith(w, comp, cust, invoices, tone, asOf, Options{Layout: layout})
}

// ReminderLetterPDFWith is ReminderLetterPDF with Options (e.g. to learn where the address went).
func ReminderLetterPDFWith(w io.Writer, comp data.Company, cust *data.Customer, invoices []*data.Invoice, tone Tone, asOf data.Date, opt Options) error {
	if cust == nil {
		return &data.FieldError{Field: "customer", Msg: "no customer given"}
	}
	if len(invoices) == 0 {
		return &data.FieldError{Field: "invoices", Msg: "a reminder needs at least one invoice"}
	}
	if _, err := ParseTone(string(tone)); err != nil {
		return err
	}
	layout := opt.Layout
	d := newDoc(layout.Paper(), comp)
	d.onAddress = opt.OnAddress
	d.footerNote = fmt.Sprintf("%s · %s", cust.Name, DateText(asOf))
	tt := textFor(tone, comp, asOf)
	d.SetTitle(tt.subject, true)

	invs := append([]*data.Invoice(nil), invoices...)
	sort.SliceStable(invs, func(i, j int) bool { return invs[i].DueDate.Before(invs[j].DueDate) })

	d.AddPage()
	title := ""
	if tone == ToneFinal {
		title = "FINAL NOTICE"
	}
	d.header(title, false)
	d.address(layout, cust.AddressLines())
	win := AddressWindow(layout)
	fx := d.w - d.rm - 62
	fy := win.Y + 2
	for _, f := range [][2]string{{"Date", DateText(asOf)}, {"Customer no.", fmt.Sprintf("C%05d", cust.ID)}} {
		d.font("", 8.5)
		d.text(fx, fy+3.5, f[0])
		d.font("B", 9)
		d.right(d.w-d.rm, fy+3.5, f[1])
		fy += 5
	}
	cw := d.w - d.lm - d.rm
	y := win.Y + win.H + 12
	d.font("B", 11)
	if tone == ToneFinal {
		d.SetTextColor(170, 20, 20)
	}
	d.text(d.lm, y, tt.subject)
	d.SetTextColor(0, 0, 0)
	y += 9
	d.font("", 10)
	greeting := "Dear customer,"
	if c := strings.TrimSpace(cust.Contact); c != "" {
		greeting = "Dear " + c + ","
	}
	d.text(d.lm, y, greeting)
	y += 7
	para := func(s string) {
		d.font("", 10)
		for _, l := range wrap(d, s, cw) {
			d.text(d.lm, y, l)
			y += 5
		}
		y += 2.5
	}
	para(tt.opening)

	cols := []col{{x: d.lm, w: 40, align: 'L', title: "Invoice"}, {w: 32, align: 'L', title: "Invoice date"},
		{w: 32, align: 'L', title: "Due date"}, {w: 30, align: 'R', title: "Days overdue"}, {w: 0, align: 'R', title: "Open amount"}}
	used := 0.0
	for i := range cols {
		if i > 0 {
			cols[i].x = cols[i-1].x + cols[i-1].w
		}
		used += cols[i].w
	}
	cols[4].w = cw - used
	y = d.tableHeader(y, cols)
	totals := map[string]int64{}
	var curs []string
	for _, inv := range invs {
		if y > d.h-30 {
			d.AddPage()
			y = d.header(title, true)
			y = d.tableHeader(y+2, cols)
		}
		d.font("", 9)
		b := y + 3.6
		d.cell(cols[0], b, inv.Number)
		d.cell(cols[1], b, DateText(inv.IssueDate))
		d.cell(cols[2], b, DateText(inv.DueDate))
		d.cell(cols[3], b, strconv.Itoa(inv.DaysOverdue(asOf)))
		d.cell(cols[4], b, Money(inv.OpenAmount, inv.Currency))
		if _, ok := totals[inv.Currency]; !ok {
			curs = append(curs, inv.Currency)
		}
		totals[inv.Currency] += inv.OpenAmount
		y += 5
		d.SetDrawColor(220, 220, 220)
		d.SetLineWidth(0.1)
		d.Line(d.lm, y, d.w-d.rm, y)
		d.SetDrawColor(0, 0, 0)
	}
	for _, c := range curs {
		d.font("B", 10)
		d.text(cols[3].x+1-30, y+5, "Total due "+c)
		d.right(d.w-d.rm-1, y+5, Money(totals[c], c))
		y += 6
	}
	y += 6
	// Everything after the table must fit: move to a new page if not.
	d.font("", 10)
	instr := strings.TrimSpace(comp.PaymentInstructions)
	need := 5*float64(len(wrap(d, tt.closing, cw))+len(wrap(d, instr, cw))) + 45
	if y+need > d.h-18 {
		d.AddPage()
		y = d.header(title, true) + 6
	}
	if instr != "" {
		d.font("B", 10)
		d.text(d.lm, y, "How to pay")
		y += 5
		para(instr)
	}
	para(tt.closing)
	y += 2
	d.font("", 10)
	d.text(d.lm, y, tt.regards)
	y += 14
	d.SetLineWidth(0.2)
	d.Line(d.lm, y-3, d.lm+60, y-3)
	d.font("B", 10)
	d.text(d.lm, y+1, comp.Name)
	d.font("", 9)
	if contact := contactLine(comp); contact != "" {
		d.text(d.lm, y+5.5, "Accounts receivable · "+contact)
	}
	return d.finish(w)
}
