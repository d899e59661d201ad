package reports

import (
	"context"
	"fmt"
	"io"
	"strconv"

	"duebook/data"
)

// AgingOptions select an aging report.
type AgingOptions struct {
	AsOf     data.Date // zero = today
	Currency string    // "" = the company's
	Detail   bool      // list each open invoice under its customer
	Paper    Paper     // "" = Letter
}

var bucketTitles = [5]string{"Current", "1–30", "31–60", "61–90", "Over 90"}

type agingDetail struct {
	row   data.AgingRow
	items []data.StatementEntry
}

func loadAging(ctx context.Context, s *data.Store, opt AgingOptions) (*data.Aging, []agingDetail, error) {
	ag, err := s.Aging(ctx, opt.AsOf, opt.Currency)
	if err != nil {
		return nil, nil, err
	}
	var items map[int64][]data.StatementEntry // with Detail: each customer's open invoices
	if opt.Detail && len(ag.Rows) > 0 {
		if items, err = s.OpenItemsAsOf(ctx, ag.AsOf, ag.Currency); err != nil {
			return nil, nil, err
		}
	}
	out := make([]agingDetail, 0, len(ag.Rows))
	for _, r := range ag.Rows {
		out = append(out, agingDetail{row: r, items: items[r.CustomerID]})
	}
	return ag, out, nil
}

// AgingPDF draws the aging report: one row per customer with its balance by bucket (current,
// 1–30, 31–60, 61–90, over 90 days past due) and a total row; with Detail, each customer's open
// invoices are listed under it.
func AgingPDF(ctx context.Context, w io.Writer, s *data.Store, opt AgingOptions) error {
	comp, err := s.Company(ctx)
	if err != nil {
		return err
	}
	ag, rows, err := loadAging(ctx, s, opt)
	if err != nil {
		return err
	}
	return drawAging(w, comp, ag, rows, opt)
}

// drawAging draws the aging report of ag (with each customer's open invoices when opt.Detail).
func drawAging(w io.Writer, comp data.Company, ag *data.Aging, rows []agingDetail, opt AgingOptions) error {
	paper := opt.Paper
	if paper == "" {
		paper = PaperLetter
	}
	d := newDoc(paper, comp)
	title := "AGING SUMMARY"
	if opt.Detail {
		title = "AGING DETAIL"
	}
	d.SetTitle(title+" "+ag.AsOf.String(), true)
	d.footerNote = fmt.Sprintf("Receivables aging as of %s, %s", DateText(ag.AsOf), ag.Currency)
	cw := d.w - d.lm - d.rm
	aw := 21.0
	cols := []col{{x: d.lm, w: cw - 6*aw, align: 'L', title: "Customer"}}
	for _, t := range bucketTitles {
		cols = append(cols, col{w: aw, align: 'R', title: t})
	}
	cols = append(cols, col{w: aw, align: 'R', title: "Total"})
	for i := 1; i < len(cols); i++ {
		cols[i].x = cols[i-1].x + cols[i-1].w
	}
	var y float64
	newPage := func() {
		d.AddPage()
		y = d.header(title, d.PageNo() > 1)
		d.font("", 9)
		d.text(d.lm, y+2, fmt.Sprintf("As of %s · amounts in %s · days past due date", DateText(ag.AsOf), ag.Currency))
		y = d.tableHeader(y+5, cols)
	}
	newPage()
	amountRow := func(name string, r data.AgingRow, style string) {
		d.font(style, 8)
		b := y + 3.6
		d.cell(cols[0], b, name)
		for i, v := range r.Buckets {
			if v != 0 || style == "B" {
				d.cell(cols[i+1], b, data.FormatAmount(v, ag.Currency))
			}
		}
		d.cell(cols[6], b, data.FormatAmount(r.Total, ag.Currency))
		y += 5
	}
	for _, dr := range rows {
		need := 5.0 + 4.5*float64(len(dr.items))
		if opt.Detail && need < 40 && y+need > d.h-22 || y+5 > d.h-22 {
			newPage()
		}
		amountRow(dr.row.Customer, dr.row, map[bool]string{true: "B", false: ""}[opt.Detail])
		for _, it := range dr.items {
			if y+4.5 > d.h-22 {
				newPage()
			}
			d.font("", 7.5)
			b := y + 3.3
			c0 := cols[0]
			c0.x += 4
			c0.w -= 4
			days := ag.AsOf.DaysSince(it.DueDate)
			label := fmt.Sprintf("%s  due %s", it.Ref, DateText(it.DueDate))
			if days > 0 {
				label += fmt.Sprintf("  (%d d)", days)
			}
			d.cell(c0, b, label)
			d.cell(cols[data.BucketOf(days)+1], b, data.FormatAmount(it.Open, ag.Currency))
			y += 4.5
		}
		d.SetDrawColor(220, 220, 220)
		d.SetLineWidth(0.1)
		d.Line(d.lm, y, d.w-d.rm, y)
		d.SetDrawColor(0, 0, 0)
	}
	if y+16 > d.h-22 {
		newPage()
	}
	d.SetLineWidth(0.4)
	d.Line(d.lm, y+0.5, d.w-d.rm, y+0.5)
	amountRow("Total", ag.Total, "B")
	d.font("", 8)
	d.cell(cols[0], y+3.6, "Share of total")
	for i := range ag.Total.Buckets {
		if ag.Total.Total != 0 {
			d.cell(cols[i+1], y+3.6, fmt.Sprintf("%.1f%%", float64(ag.Total.Buckets[i])*100/float64(ag.Total.Total)))
		}
	}
	y += 5
	d.text(d.lm, y+5, fmt.Sprintf("%d customers with a balance.", len(ag.Rows)))
	return d.finish(w)
}

// AgingCSV writes the aging report as CSV: one row per customer (summary) or, with Detail, one
// row per open invoice followed by the customer's total row; a TOTAL row ends it. Amounts are
// plain decimals (1234.56).
func AgingCSV(ctx context.Context, w io.Writer, s *data.Store, opt AgingOptions) error {
	ag, rows, err := loadAging(ctx, s, opt)
	if err != nil {
		return err
	}
	cw := data.NewCSVWriter(w)
	head := []string{"customer_id", "customer"}
	if opt.Detail {
		head = append(head, "invoice", "due_date", "days_past_due")
	}
	head = append(head, "current", "1_30", "31_60", "61_90", "over_90", "total", "currency", "as_of")
	cw.Write(head)
	amt := func(v int64) string { return data.FormatPlain(v, ag.Currency) }
	line := func(id, name string, extra []string, b [5]int64, total int64) {
		rec := []string{id, name}
		if opt.Detail {
			rec = append(rec, extra...)
		}
		for _, v := range b {
			rec = append(rec, amt(v))
		}
		rec = append(rec, amt(total), ag.Currency, ag.AsOf.String())
		cw.Write(rec)
	}
	for _, dr := range rows {
		id := strconv.FormatInt(dr.row.CustomerID, 10)
		for _, it := range dr.items {
			days := ag.AsOf.DaysSince(it.DueDate)
			var b [5]int64
			b[data.BucketOf(days)] = it.Open
			line(id, dr.row.Customer, []string{it.Ref, it.DueDate.String(), strconv.Itoa(days)}, b, it.Open)
		}
		line(id, dr.row.Customer, []string{"", "", ""}, dr.row.Buckets, dr.row.Total)
	}
	line("", "TOTAL", []string{"", "", ""}, ag.Total.Buckets, ag.Total.Total)
	return cw.Flush()
}
