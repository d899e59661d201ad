package reports

import (
	"fmt"
	"io"
	"strings"

	"duebook/data"
)

// InvoicePDF draws one invoice: company header and logo, bill-to address in the envelope
// window, number, PO, dates, terms, lines, subtotal, tax, total, paid, balance due, payment
// instructions and a remittance stub. paid is what was paid or credited so far (total − open).
// Drafts and voided invoices carry a DRAFT / VOID watermark.
func InvoicePDF(w io.Writer, comp data.Company, cust *data.Customer, inv *data.Invoice, paid int64, opt Options) error {
	if inv == nil || cust == nil {
		return &data.FieldError{Field: "invoice", Msg: "no invoice or customer given"}
	}
	d := newDoc(opt.Layout.Paper(), comp)
	d.onAddress = opt.OnAddress
	d.SetTitle("Invoice "+inv.Number, true)
	number := inv.Number
	if number == "" {
		number = "DRAFT"
	}
	d.footerNote = fmt.Sprintf("Invoice %s · %s", number, cust.Name)
	drawInvoice(d, cust, inv, paid, opt.Layout)
	return d.finish(w)
}

func drawInvoice(d *doc, cust *data.Customer, inv *data.Invoice, paid int64, layout Layout) {
	cur := inv.Currency
	mark := func() {
		switch inv.Status {
		case data.StatusDraft:
			d.watermark("DRAFT")
		case data.StatusVoid:
			d.watermark("VOID")
		}
	}
	d.AddPage()
	mark()
	d.header("INVOICE", false)
	win := AddressWindow(layout)
	if layout != LayoutDIN5008 { // DIN 5008 has the sender line there instead
		d.font("", 7)
		d.SetTextColor(90, 90, 90)
		d.text(1.0*inch, win.Y-1.5, "Bill to")
		d.SetTextColor(0, 0, 0)
	}
	d.address(layout, cust.AddressLines())

	// Facts box on the right.
	fx := d.w - d.rm - 62
	y := win.Y + 2
	number := inv.Number
	if number == "" {
		number = "DRAFT"
	}
	terms := termsText(inv.DueDate.DaysSince(inv.IssueDate))
	facts := [][2]string{
		{"Invoice no.", number},
		{"Invoice date", DateText(inv.IssueDate)},
		{"Due date", DateText(inv.DueDate)},
		{"Terms", terms},
	}
	if inv.PONumber != "" {
		facts = append(facts, [2]string{"PO number", inv.PONumber})
	}
	facts = append(facts, [2]string{"Customer no.", fmt.Sprintf("C%05d", cust.ID)})
	y = d.factRows(fx, y, facts)
	if inv.Status == data.StatusVoid {
		d.font("B", 9)
		d.SetTextColor(180, 30, 30)
		d.text(fx, y+4, "VOID since "+DateText(inv.VoidDate))
		d.font("", 8.5)
		for _, l := range wrap(d, inv.VoidReason, 62) {
			y += 4.5
			d.text(fx, y+4, l)
		}
		d.SetTextColor(0, 0, 0)
		y += 5
	}

	// Lines.
	cw := d.w - d.lm - d.rm
	cols := []col{
		{x: d.lm, w: cw - 20 - 30 - 18 - 32, align: 'L', title: "Description"},
		{w: 20, align: 'R', title: "Qty"},
		{w: 30, align: 'R', title: "Unit price"},
		{w: 18, align: 'R', title: "Tax"},
		{w: 32, align: 'R', title: "Amount"},
	}
	for i := 1; i < len(cols); i++ {
		cols[i].x = cols[i-1].x + cols[i-1].w
	}
	top := win.Y + win.H + 8
	if y+6 > top {
		top = y + 6
	}
	y = d.tableHeader(top, cols)
	const lh = 4.6
	bottomLimit := d.h - 22
	for _, l := range inv.Lines {
		d.font("", 9)
		desc := wrap(d, l.Description, cols[0].w-2)
		rowH := float64(len(desc))*lh + 1.2
		if y+rowH > bottomLimit {
			d.AddPage()
			mark()
			y = d.header("INVOICE "+number, true)
			y = d.tableHeader(y+2, cols)
			d.font("", 9)
		}
		for i, s := range desc {
			d.text(cols[0].x+1, y+lh*float64(i)+3.6, s)
		}
		b := y + 3.6
		d.cell(cols[1], b, qtyText(l.QtyMilli))
		d.cell(cols[2], b, Money(l.UnitPrice, cur))
		d.cell(cols[3], b, rateText(l.TaxRateBP))
		d.cell(cols[4], b, Money(l.Net, cur))
		y += rowH
		d.SetDrawColor(210, 210, 210)
		d.SetLineWidth(0.1)
		d.Line(d.lm, y, d.w-d.rm, y)
		d.SetDrawColor(0, 0, 0)
	}

	// Totals, instructions and stub need this much room at the bottom of the last page.
	d.font("", 8.5)
	instr := wrap(d, strings.TrimSpace(d.comp.PaymentInstructions), cw-80)
	notes := wrap(d, strings.TrimSpace(inv.Notes), cw-80)
	need := 34.0 + 4*float64(len(instr)+len(notes)) + 8
	stubTop := d.h - 64
	if y+need > stubTop {
		d.AddPage()
		mark()
		y = d.header("INVOICE "+number, true) + 4
	}
	y += 4
	tx := d.w - d.rm - 75
	balance := inv.Total - paid
	rows := [][2]string{
		{"Subtotal", Money(inv.Subtotal, cur)},
		{"Tax", Money(inv.TaxTotal, cur)},
		{"Total", Money(inv.Total, cur)},
		{"Paid / credited", Money(paid, cur)},
	}
	ty := y
	for _, r := range rows {
		d.font("", 9)
		d.text(tx, ty+3.6, r[0])
		d.right(d.w-d.rm, ty+3.6, r[1])
		ty += 5
	}
	d.SetLineWidth(0.4)
	d.Line(tx, ty+0.5, d.w-d.rm, ty+0.5)
	d.font("B", 11)
	d.text(tx, ty+6, "Balance due "+cur)
	d.right(d.w-d.rm, ty+6, Money(balance, cur))

	// Payment instructions and notes on the left.
	ly := y
	for _, block := range []struct {
		title string
		lines []string
	}{{"How to pay", instr}, {"Notes", notes}} {
		if len(block.lines) == 0 || block.lines[0] == "" {
			continue
		}
		d.font("B", 8.5)
		d.text(d.lm, ly+3.6, block.title)
		ly += 4.5
		d.font("", 8.5)
		for _, s := range block.lines {
			d.text(d.lm, ly+3.6, s)
			ly += 4
		}
		ly += 2
	}

	// Remittance stub.
	remittance(d, stubTop, cust, [][2]string{
		{"Invoice no.", number},
		{"Due date", DateText(inv.DueDate)},
	}, balance, cur)
}

// remittance draws the tear-off slip from y to the footer: who pays, what for, amount due and
// an "amount enclosed" box, with the address payments go to.
func remittance(d *doc, y float64, cust *data.Customer, facts [][2]string, due int64, cur string) {
	d.cutLine(y, "Please detach and return this part with your payment")
	y += 6
	d.font("B", 11)
	d.text(d.lm, y+4, "REMITTANCE")
	d.font("", 8.5)
	d.text(d.lm, y+9, fitText(d, "Customer: "+cust.Name, 68))
	d.text(d.lm, y+13, fmt.Sprintf("Customer no.: C%05d", cust.ID))
	fy := y + 17
	for _, f := range facts {
		d.text(d.lm, fy, f[0]+": "+f[1])
		fy += 4
	}
	// Pay to.
	d.font("B", 8.5)
	px := d.lm + 72
	bx := d.w - d.rm - 50
	d.text(px, y+9, "Make payment to")
	// Name, address and e-mail, never cut: left of the amount box, or up to the margin below
	// it; a line too wide is set smaller (down to 7 pt), then wrapped. The phone and tax ID are
	// on the invoice above.
	boxBottom := y + 17 + 1.5 + 8 // enclosedBox
	py := y + 13
	n := 0
	for _, l := range append([]string{d.comp.Name}, remitLines(d.comp)...) {
		room := bx - 3 - px
		d.font("", 7)
		if py-3 > boxBottom || d.GetStringWidth(l) > room {
			// below the box there is room up to the margin; a line that does not fit beside the
			// box moves below it
			py = max(py, boxBottom+3.2)
			room = d.w - d.rm - px
		}
		d.font("", 8.5)
		if w := d.GetStringWidth(l); w > room {
			d.font("", max(7, 8.5*room/w))
		}
		for _, part := range wrap(d, l, room) {
			if n == 6 {
				break
			}
			d.text(px, py, part)
			py += 4
			n++
		}
	}
	d.font("", 8)
	d.text(bx, y+4, "Amount due")
	d.font("B", 12)
	d.text(bx, y+10, Money(due, cur))
	d.enclosedBox(bx, y+17)
}

// remitLines are the address lines and the e-mail of the company, for the remittance slip.
func remitLines(c data.Company) []string {
	var out []string
	for _, l := range strings.Split(c.Address, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	if c.Email != "" {
		out = append(out, c.Email)
	}
	return out
}
