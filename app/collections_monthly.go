package app

import (
	"context"
	"fmt"
	"image/color"
	"strings"

	"duebook/reports"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// ReloadMonthly computes the last 12 months' figures off the UI goroutine and draws them.
func (c *CollectionsScreen) ReloadMonthly() {
	s := c.ui.Store
	if s == nil {
		return
	}
	c.Summary.SetText("Computing the figures of the last 12 months…")
	c.monthly.Go(c.ui, func(ctx context.Context) func() {
		figs, cur, err := reports.Monthly(ctx, s, s.Today())
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return func() { c.ui.ShowError(err) }
		}
		late, err := s.LateReasonCounts(ctx)
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return func() { c.ui.ShowError(err) }
		}
		return func() { c.showMonthly(figs, cur, late) }
	})
}

func bp(v int) string { return fmt.Sprintf("%d.%d %%", v/100, v%100/10) }

func (c *CollectionsScreen) showMonthly(figs []reports.MonthFigures, cur string, late map[string]int) {
	c.Figures, c.Currency = figs, cur
	if len(figs) == 0 {
		return
	}
	last := figs[len(figs)-1]
	c.Summary.SetText(fmt.Sprintf("%s: opening A/R %s · invoiced %s · collected %s · written off %s · closing A/R %s\n"+
		"DSO %d days · overdue %s of A/R · default rate (over 90 days or written off) %s",
		last.Label(), money(last.Opening, cur), money(last.Invoiced, cur), money(last.Collected, cur),
		money(last.WrittenOff, cur), money(last.Closing, cur), last.DSO, bp(last.OverdueBP), bp(last.DefaultBP)))
	warn := ""
	for _, f := range figs {
		if f.Warning != "" {
			warn = f.Month.Format("Jan 2006") + ": " + f.Warning
		}
	}
	if warn != "" {
		c.Warning.SetText("⚠ " + warn)
		c.Warning.Show()
	} else {
		c.Warning.Hide()
	}
	amount := func(v int64) string { return money(v, cur) }
	c.Charts.Objects = []fyne.CanvasObject{
		newMonthChart("Closing A/R", figs, func(f reports.MonthFigures) int64 { return f.Closing }, amount, theme.Color(theme.ColorNamePrimary)),
		newMonthChart("Collected", figs, func(f reports.MonthFigures) int64 { return f.Collected }, amount, theme.Color(theme.ColorNameSuccess)),
		newMonthChart("Invoiced", figs, func(f reports.MonthFigures) int64 { return f.Invoiced }, amount, theme.Color(theme.ColorNamePrimary)),
		newMonthChart("DSO (days)", figs, func(f reports.MonthFigures) int64 { return int64(f.DSO) }, func(v int64) string { return fmt.Sprintf("%d days", v) }, theme.Color(theme.ColorNameWarning)),
		newMonthChart("Overdue share", figs, func(f reports.MonthFigures) int64 { return int64(f.OverdueBP) }, func(v int64) string { return bp(int(v)) }, theme.Color(theme.ColorNameWarning)),
		newMonthChart("Default rate", figs, func(f reports.MonthFigures) int64 { return int64(f.DefaultBP) }, func(v int64) string { return bp(int(v)) }, theme.Color(theme.ColorNameError)),
	}
	c.Charts.Refresh()
	var lines []string
	titles, codes := lateReasonTitles()
	for _, t := range titles {
		if n := late[codes[t]]; n > 0 {
			lines = append(lines, fmt.Sprintf("%s %d", t, n))
		}
	}
	if len(lines) == 0 {
		c.LateSummary.SetText("Late-payment reasons: none recorded yet (Today → Late reason…).")
	} else {
		c.LateSummary.SetText("Late-payment reasons recorded: " + strings.Join(lines, " · "))
	}
	c.monthView.Content.Refresh()
	c.monthView.Refresh()
}

// MonthChart is a bar chart of one figure over the months, the latest value in its title.
type MonthChart struct {
	widget.BaseWidget
	Title  string
	Values []int64
	Labels []string
	Text   func(int64) string
	color  color.Color
}

func newMonthChart(title string, figs []reports.MonthFigures, val func(reports.MonthFigures) int64, text func(int64) string, col color.Color) *MonthChart {
	ch := &MonthChart{Title: title, Text: text, color: col}
	for _, f := range figs {
		ch.Values = append(ch.Values, val(f))
		ch.Labels = append(ch.Labels, f.Month.Format("Jan"))
	}
	ch.ExtendBaseWidget(ch)
	return ch
}

// Caption is the chart's title with the latest value.
func (ch *MonthChart) Caption() string {
	if len(ch.Values) == 0 {
		return ch.Title
	}
	return ch.Title + ": " + ch.Text(ch.Values[len(ch.Values)-1])
}

func (ch *MonthChart) CreateRenderer() fyne.WidgetRenderer {
	title := widget.NewLabel(ch.Caption())
	title.TextStyle.Bold = true
	r := &chartRenderer{ch: ch, title: title}
	var max int64
	for _, v := range ch.Values {
		if v > max {
			max = v
		}
	}
	r.max = max
	for i := range ch.Values {
		bar := canvas.NewRectangle(ch.color)
		lbl := canvas.NewText(ch.Labels[i], theme.Color(theme.ColorNameForeground))
		lbl.TextSize = theme.CaptionTextSize()
		lbl.Alignment = fyne.TextAlignCenter
		r.bars = append(r.bars, bar)
		r.labels = append(r.labels, lbl)
	}
	r.top = canvas.NewText(ch.Text(max), theme.Color(theme.ColorNameDisabled))
	r.top.TextSize = theme.CaptionTextSize()
	r.axis = canvas.NewLine(theme.Color(theme.ColorNameDisabled))
	return r
}

type chartRenderer struct {
	ch     *MonthChart
	title  *widget.Label
	bars   []*canvas.Rectangle
	labels []*canvas.Text
	top    *canvas.Text
	axis   *canvas.Line
	max    int64
}

func (r *chartRenderer) Layout(size fyne.Size) {
	th := r.title.MinSize().Height
	r.title.Move(fyne.NewPos(0, 0))
	r.title.Resize(fyne.NewSize(size.Width, th))
	lh := theme.CaptionTextSize() + 4
	topH := lh
	r.top.Move(fyne.NewPos(theme.Padding(), th))
	area := size.Height - th - topH - lh
	base := th + topH + area
	r.axis.Position1 = fyne.NewPos(0, base)
	r.axis.Position2 = fyne.NewPos(size.Width, base)
	n := len(r.bars)
	if n == 0 || area <= 0 {
		return
	}
	w := size.Width / float32(n)
	for i, bar := range r.bars {
		h := float32(0)
		if r.max > 0 && r.ch.Values[i] > 0 {
			h = area * float32(float64(r.ch.Values[i])/float64(r.max))
			if h < 1 {
				h = 1
			}
		}
		x := float32(i) * w
		bar.Move(fyne.NewPos(x+w*0.15, base-h))
		bar.Resize(fyne.NewSize(w*0.7, h))
		r.labels[i].Move(fyne.NewPos(x, base+1))
		r.labels[i].Resize(fyne.NewSize(w, lh))
	}
}

func (r *chartRenderer) MinSize() fyne.Size {
	return fyne.NewSize(float32(len(r.bars))*26, r.title.MinSize().Height+150)
}

func (r *chartRenderer) Refresh() {
	r.title.SetText(r.ch.Caption())
	for _, b := range r.bars {
		b.FillColor = r.ch.color
		b.Refresh()
	}
	for _, l := range r.labels {
		l.Color = theme.Color(theme.ColorNameForeground)
		l.Refresh()
	}
}

func (r *chartRenderer) Objects() []fyne.CanvasObject {
	objs := []fyne.CanvasObject{r.title, r.top, r.axis}
	for i := range r.bars {
		objs = append(objs, r.bars[i], r.labels[i])
	}
	return objs
}

func (r *chartRenderer) Destroy() {}
