package reports

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strings"

	"duebook/data"
)

// MonthFigures are one month's receivables figures. Amounts are minor units of the company
// currency; shares are basis points (10000 = 100 %). The definitions are data.OverdueBP,
// data.DefaultBP and data.DSO, the same the dashboard shows.
type MonthFigures struct {
	Month      data.Date // first day
	AsOf       data.Date // the day the figures stand on: the month's end, or today for the running month
	ToDate     bool      // the running month: month to date as of AsOf
	Opening    int64     // A/R at the end of the month before
	Invoiced   int64     // invoices issued in the month up to AsOf (not voided by then)
	Collected  int64     // payments received in the month up to AsOf
	WrittenOff int64     // write-offs dated in the month up to AsOf
	Closing    int64     // A/R on AsOf
	Overdue    int64     // part of Closing past due on AsOf
	Over90     int64     // part of Closing more than 90 days past due on AsOf
	DSO        int       // days sales outstanding: Closing ÷ invoiced in the 90 days to AsOf × 90
	OverdueBP  int       // Overdue ÷ Closing
	DefaultBP  int       // (Over90 + WrittenOff) ÷ (Closing + WrittenOff)
	Warning    string    // set when the default rate jumps (complete months only)
	// LeftOut are the other currencies of invoices issued by AsOf: the figures, in the
	// company currency only, do not count them (set on the report's month, the last).
	LeftOut []string
}

// LeftOutNote says which invoices the figures leave out ("" when none are).
func (f MonthFigures) LeftOutNote(currency string) string {
	if len(f.LeftOut) == 0 {
		return ""
	}
	return fmt.Sprintf("The figures are in %s only; invoices in %s are not counted.", currency, strings.Join(f.LeftOut, ", "))
}

// Label names the month as reports show it: "November 2026", or "December 2026, month to date
// (01 Dec 2026)" for the running month.
func (f MonthFigures) Label() string {
	l := f.Month.Format("January 2006")
	if f.ToDate {
		l += ", month to date (" + DateText(f.AsOf) + ")"
	}
	return l
}

// Monthly computes the figures for the month containing month and the 11 before it, oldest
// first, from the ledger as it stood at each month end (events dated on or before it). The
// running month (the one containing the store's today) stands on today, month to date, never on
// its future month end; a later month is refused. The default rate of a complete month warns
// when it is above 1.5× the average of the 3 months before and at least 2 points higher; the
// running month never warns, its figures are not final.
func Monthly(ctx context.Context, s *data.Store, month data.Date) ([]MonthFigures, string, error) {
	comp, err := s.Company(ctx)
	if err != nil {
		return nil, "", err
	}
	cur := comp.Currency
	today := s.Today()
	if month.FirstOfMonth().After(today) {
		return nil, "", &data.FieldError{Field: "month", Msg: fmt.Sprintf("%s has not begun yet (today is %s)", month.Format("January 2006"), DateText(today))}
	}
	first := month.FirstOfMonth().AddMonths(-11)
	// The month ends the figures stand on (the day before the first month, then each
	// month's end, or today for the running month), their agings read in one pass.
	var months []MonthFigures
	days := []data.Date{first.AddDays(-1)}
	for m := first; !m.After(month.FirstOfMonth()); m = m.AddMonths(1) {
		f := MonthFigures{Month: m, AsOf: m.EndOfMonth()}
		if f.AsOf.After(today) {
			f.AsOf, f.ToDate = today, true
		}
		months = append(months, f)
		days = append(days, f.AsOf)
	}
	totals, err := s.AgingTotals(ctx, days, cur)
	if err != nil {
		return nil, "", err
	}
	prev := &data.Aging{Total: totals[0]}
	var out []MonthFigures
	for i, f := range months {
		m := f.Month
		ag := &data.Aging{AsOf: f.AsOf, Currency: cur, Total: totals[i+1]}
		t, err := s.PeriodTotals(ctx, cur, m, f.AsOf)
		if err != nil {
			return nil, "", err
		}
		f.Opening, f.Closing = prev.Total.Total, ag.Total.Total
		f.Overdue, f.Over90 = ag.Total.Total-ag.Total.Buckets[0], ag.Total.Buckets[4]
		f.Invoiced, f.Collected, f.WrittenOff = t.Invoiced, t.Collected, t.WrittenOff
		f.DSO = data.DSO(f.Closing, t.Invoiced90)
		f.OverdueBP = data.OverdueBP(ag)
		f.DefaultBP = data.DefaultBP(ag, f.WrittenOff)
		if n := len(out); n >= 3 && !f.ToDate {
			avg := (out[n-1].DefaultBP + out[n-2].DefaultBP + out[n-3].DefaultBP) / 3
			if f.DefaultBP*2 > avg*3 && f.DefaultBP-avg >= 200 {
				f.Warning = fmt.Sprintf("Default rate jumped to %s from an average of %s over the 3 months before", pct(f.DefaultBP), pct(avg))
			}
		}
		out = append(out, f)
		prev = ag
	}
	last := &out[len(out)-1]
	curs, err := s.InvoiceCurrencies(ctx, last.AsOf)
	if err != nil {
		return nil, "", err
	}
	for _, c := range curs {
		if c != cur {
			last.LeftOut = append(last.LeftOut, c)
		}
	}
	return out, cur, nil
}

// LastCompleteMonth is the first day of the last month that has ended by today.
func LastCompleteMonth(today data.Date) data.Date { return today.FirstOfMonth().AddMonths(-1) }

func pct(bp int) string { return fmt.Sprintf("%d.%02d %%", bp/100, bp%100) }

// MonthlyPDF prints the month's figures against the 11 months before, with a bar chart per
// figure, the warning if any, and the recorded late-payment reasons (code → count).
func MonthlyPDF(w io.Writer, comp data.Company, figs []MonthFigures, currency string, lateReasons map[string]int) error {
	if len(figs) == 0 {
		return fmt.Errorf("no months to print")
	}
	d := newDoc(PaperLetter, comp)
	last := figs[len(figs)-1]
	d.footerNote = "Monthly receivables report, " + last.Label()
	d.AddPage()
	y := d.header("MONTHLY REPORT", false) + 4
	d.font("B", 12)
	d.text(d.lm, y, fitText(d, last.Label()+" ("+currency+")", d.w-d.lm-d.rm))
	y += 7
	if note := last.LeftOutNote(currency); note != "" {
		// Other currencies are not converted: the reader is told what is not counted.
		d.font("I", 9)
		d.SetTextColor(90, 90, 90)
		for _, l := range wrap(d, note, d.w-d.lm-d.rm) {
			d.text(d.lm, y-1.5, l)
			y += 4.2
		}
		d.SetTextColor(0, 0, 0)
		y += 2
	}
	if last.Warning != "" {
		// The box grows with the wrapped text; no line runs out of it.
		d.font("B", 10)
		lines := wrap(d, "Warning: "+last.Warning, d.w-d.lm-d.rm-4)
		const lh = 4.6
		d.SetFillColor(253, 226, 226)
		d.Rect(d.lm, y-4.5, d.w-d.lm-d.rm, 2.5+lh*float64(len(lines)), "F")
		d.SetTextColor(160, 0, 0)
		for i, l := range lines {
			d.text(d.lm+2, y+lh*float64(i), l)
		}
		d.SetTextColor(0, 0, 0)
		y += 3.5 + lh*float64(len(lines))
	}
	// table of the last month against the one before
	prevF := MonthFigures{}
	if len(figs) > 1 {
		prevF = figs[len(figs)-2]
	}
	rows := []struct {
		label     string
		now, prev string
	}{
		{"Opening A/R", Money(last.Opening, currency), Money(prevF.Opening, currency)},
		{"Invoiced", Money(last.Invoiced, currency), Money(prevF.Invoiced, currency)},
		{"Collected", Money(last.Collected, currency), Money(prevF.Collected, currency)},
		{"Written off", Money(last.WrittenOff, currency), Money(prevF.WrittenOff, currency)},
		{"Closing A/R", Money(last.Closing, currency), Money(prevF.Closing, currency)},
		{"DSO (days)", fmt.Sprint(last.DSO), fmt.Sprint(prevF.DSO)},
		{"Share overdue", pct(last.OverdueBP), pct(prevF.OverdueBP)},
		{"Default rate", pct(last.DefaultBP), pct(prevF.DefaultBP)},
	}
	d.font("B", 9)
	head := last.Month.Format("Jan 2006")
	if last.ToDate {
		head += " to date"
	}
	d.right(d.lm+110, y, head)
	d.right(d.lm+150, y, prevF.Month.Format("Jan 2006"))
	y += 5
	for _, r := range rows {
		d.font("", 9.5)
		d.text(d.lm, y, r.label)
		d.right(d.lm+110, y, r.now)
		d.right(d.lm+150, y, r.prev)
		y += 5
	}
	if len(lateReasons) > 0 {
		codes := make([]string, 0, len(lateReasons))
		for k := range lateReasons {
			codes = append(codes, k)
		}
		sort.Slice(codes, func(i, j int) bool {
			if lateReasons[codes[i]] != lateReasons[codes[j]] {
				return lateReasons[codes[i]] > lateReasons[codes[j]]
			}
			return codes[i] < codes[j]
		})
		parts := make([]string, len(codes))
		for i, k := range codes {
			label := data.LateReasonCodes[k]
			if label == "" {
				label = k
			}
			parts[i] = fmt.Sprintf("%s %d", label, lateReasons[k])
		}
		y += 2
		d.font("B", 9.5)
		label := "Why payments were late:"
		d.text(d.lm, y, label)
		// The reasons start after the label as measured, and wrap under themselves.
		x := d.lm + d.GetStringWidth(label) + 2.5
		d.font("", 9.5)
		lines := wrap(d, strings.Join(parts, " · "), d.w-d.rm-x)
		if len(lines) > 4 {
			lines = append(lines[:3], fitText(d, strings.Join(lines[3:], " "), d.w-d.rm-x))
		}
		for _, l := range lines {
			d.text(x, y, l)
			y += 4.5
		}
		y += 0.5
	}
	y += 4
	charts := []struct {
		title string
		val   func(MonthFigures) int64
		text  func(int64) string
	}{
		{"Invoiced", func(f MonthFigures) int64 { return f.Invoiced }, func(v int64) string { return Money(v, currency) }},
		{"Collected", func(f MonthFigures) int64 { return f.Collected }, func(v int64) string { return Money(v, currency) }},
		{"Closing A/R", func(f MonthFigures) int64 { return f.Closing }, func(v int64) string { return Money(v, currency) }},
		{"DSO (days)", func(f MonthFigures) int64 { return int64(f.DSO) }, func(v int64) string { return fmt.Sprint(v) }},
		{"Share overdue", func(f MonthFigures) int64 { return int64(f.OverdueBP) }, func(v int64) string { return pct(int(v)) }},
		{"Default rate", func(f MonthFigures) int64 { return int64(f.DefaultBP) }, func(v int64) string { return pct(int(v)) }},
	}
	cw := (d.w - d.lm - d.rm - 8) / 2
	// Three rows of charts fill what is left above the footer (at most 38 mm tall each).
	ch := min(38.0, (d.h-18-y)/3-12)
	for i, c := range charts {
		x := d.lm + float64(i%2)*(cw+8)
		cy := y + float64(i/2)*(ch+12)
		d.barChart(x, cy, cw, ch, c.title, figs, c.val, c.text)
	}
	return d.finish(w)
}

func (d *doc) barChart(x, y, w, h float64, title string, figs []MonthFigures, val func(MonthFigures) int64, text func(int64) string) {
	d.font("B", 9)
	d.text(x, y, title)
	last := val(figs[len(figs)-1])
	d.font("", 8)
	d.right(x+w, y, text(last))
	var maxV int64 = 1
	for _, f := range figs {
		maxV = max(maxV, val(f))
	}
	top, base := y+3, y+h
	d.SetDrawColor(180, 180, 180)
	d.Line(x, base, x+w, base)
	bw := w / float64(len(figs))
	for i, f := range figs {
		v := val(f)
		bh := float64(v) / float64(maxV) * (base - top)
		if i == len(figs)-1 {
			d.SetFillColor(37, 99, 235)
		} else {
			d.SetFillColor(160, 174, 192)
		}
		if bh > 0 {
			d.Rect(x+float64(i)*bw+0.6, base-bh, bw-1.2, bh, "F")
		}
		d.font("", 6)
		lbl := f.Month.Format("Jan")
		d.text(x+float64(i)*bw+bw/2-d.GetStringWidth(lbl)/2, base+3, lbl)
	}
}
