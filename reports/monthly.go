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
// currency; shares are basis points (10000 = 100 %).
type MonthFigures struct {
	Month      data.Date // first day
	Opening    int64     // A/R at the end of the month before
	Invoiced   int64     // invoices issued in the month (not voided by its end)
	Collected  int64     // payments received in the month
	WrittenOff int64     // write-offs dated in the month
	Closing    int64     // A/R at month end
	Overdue    int64     // part of Closing past due at month end
	Over90     int64     // part of Closing more than 90 days past due
	DSO        int       // days sales outstanding: Closing ÷ invoiced in the 90 days to month end × 90
	OverdueBP  int       // Overdue ÷ Closing
	DefaultBP  int       // (Over90 + WrittenOff) ÷ (Closing + WrittenOff)
	Warning    string    // set when the default rate jumps
}

// Monthly computes the figures for the month containing month and the 11 before it, oldest
// first, from the ledger as it stood at each month end (events dated on or before it). The
// default rate warns when it is above 1.5× the average of the 3 months before and at least
// 2 points higher.
func Monthly(ctx context.Context, s *data.Store, month data.Date) ([]MonthFigures, string, error) {
	comp, err := s.Company(ctx)
	if err != nil {
		return nil, "", err
	}
	cur := comp.Currency
	first := month.FirstOfMonth().AddMonths(-11)
	closing := func(day data.Date) (*data.Aging, error) { return s.Aging(ctx, day, cur) }
	prev, err := closing(first.AddDays(-1))
	if err != nil {
		return nil, "", err
	}
	var out []MonthFigures
	for m := first; !m.After(month.FirstOfMonth()); m = m.AddMonths(1) {
		end := m.EndOfMonth()
		ag, err := closing(end)
		if err != nil {
			return nil, "", err
		}
		f := MonthFigures{Month: m, Opening: prev.Total.Total, Closing: ag.Total.Total,
			Overdue: ag.Total.Total - ag.Total.Buckets[0], Over90: ag.Total.Buckets[4]}
		var inv90 int64
		q := s.DB().QueryRowContext(ctx, `SELECT
			coalesce((SELECT sum(total) FROM invoices WHERE currency = ?1 AND issue_date BETWEEN ?2 AND ?3
				AND (status = 'posted' OR (status = 'void' AND void_date > ?3))), 0),
			coalesce((SELECT sum(amount) FROM payments WHERE currency = ?1 AND date BETWEEN ?2 AND ?3), 0),
			coalesce((SELECT sum(w.amount) FROM write_offs w JOIN invoices i ON i.id = w.invoice_id
				WHERE i.currency = ?1 AND w.date BETWEEN ?2 AND ?3), 0),
			coalesce((SELECT sum(total) FROM invoices WHERE currency = ?1 AND issue_date BETWEEN ?4 AND ?3
				AND (status = 'posted' OR (status = 'void' AND void_date > ?3))), 0)`,
			cur, m, end, end.AddDays(-89))
		if err := q.Scan(&f.Invoiced, &f.Collected, &f.WrittenOff, &inv90); err != nil {
			return nil, "", err
		}
		if inv90 > 0 {
			d, _ := data.MulDivRound(f.Closing, 90, inv90)
			f.DSO = int(d)
		}
		if f.Closing > 0 {
			v, _ := data.MulDivRound(f.Overdue, 10000, f.Closing)
			f.OverdueBP = int(v)
		}
		if den := f.Closing + f.WrittenOff; den > 0 {
			v, _ := data.MulDivRound(f.Over90+f.WrittenOff, 10000, den)
			f.DefaultBP = int(v)
		}
		if n := len(out); n >= 3 {
			avg := (out[n-1].DefaultBP + out[n-2].DefaultBP + out[n-3].DefaultBP) / 3
			if f.DefaultBP*2 > avg*3 && f.DefaultBP-avg >= 200 {
				f.Warning = fmt.Sprintf("Default rate jumped to %s from an average of %s over the 3 months before", pct(f.DefaultBP), pct(avg))
			}
		}
		out = append(out, f)
		prev = ag
	}
	return out, cur, nil
}

func pct(bp int) string { return fmt.Sprintf("%d.%02d %%", bp/100, bp%100) }

// MonthlyPDF prints the month's figures against the 11 months before, with a bar chart per
// figure, the warning if any, and the recorded late-payment reasons (code → count).
func MonthlyPDF(w io.Writer, comp data.Company, figs []MonthFigures, currency string, lateReasons map[string]int) error {
	if len(figs) == 0 {
		return fmt.Errorf("no months to print")
	}
	d := newDoc(PaperLetter, comp)
	last := figs[len(figs)-1]
	d.footerNote = "Monthly receivables report, " + last.Month.Format("January 2006")
	d.AddPage()
	y := d.header("MONTHLY REPORT", false) + 4
	d.font("B", 12)
	d.text(d.lm, y, last.Month.Format("January 2006")+" ("+currency+")")
	y += 7
	if last.Warning != "" {
		d.SetFillColor(253, 226, 226)
		d.Rect(d.lm, y-4.5, d.w-d.lm-d.rm, 7, "F")
		d.SetTextColor(160, 0, 0)
		d.font("B", 10)
		d.text(d.lm+2, y, "Warning: "+last.Warning)
		d.SetTextColor(0, 0, 0)
		y += 8
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
	d.right(d.lm+110, y, last.Month.Format("Jan 2006"))
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
		d.text(d.lm, y, "Why payments were late:")
		d.font("", 9.5)
		d.text(d.lm+45, y, fitText(d, strings.Join(parts, " · "), d.w-d.rm-d.lm-45))
		y += 5
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
	ch := 38.0
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
