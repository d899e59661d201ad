package app

import (
	"context"
	"fmt"
	"image/color"
	"sort"

	"duebook/data"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// bucketTitles are the aging buckets as the dashboard shows them.
var bucketTitles = [5]string{"Not yet due", "1–30 days", "31–60 days", "61–90 days", "Over 90 days"}

// Dashboard shows the receivable at a glance; every figure opens the invoice list
// filtered to what it counts.
type Dashboard struct {
	ui         *UI
	Root       fyne.CanvasObject
	Title      *widget.Label
	Receivable *widget.Button
	Overdue    *widget.Button
	DueWeek    *widget.Button
	Counts     [3]*widget.Label
	Buckets    [5]*widget.Button // amounts beside the bars
	Bars       [5]*Bar
	TopList    *fyne.Container // biggest overdue balances
	Aging      *data.Aging
	load       latest
}

func bucketColor(i int) color.Color {
	switch i {
	case 0:
		return theme.Color(theme.ColorNamePrimary)
	case 1:
		return theme.Color(theme.ColorNameWarning)
	case 2:
		return color.NRGBA{R: 0xef, G: 0x7d, B: 0x1a, A: 0xff}
	}
	return theme.Color(theme.ColorNameError)
}

func newDashboard(ui *UI) *Dashboard {
	d := &Dashboard{ui: ui}
	d.Title = heading("Dashboard")
	fig := func(title string, i int, tap func()) (*widget.Button, fyne.CanvasObject) {
		b := widget.NewButton("…", tap)
		b.Importance = widget.LowImportance
		d.Counts[i] = widget.NewLabel("")
		d.Counts[i].Wrapping = fyne.TextWrapWord
		t := widget.NewLabel(title)
		t.TextStyle.Bold = true
		return b, widget.NewCard("", "", container.NewVBox(t, b, d.Counts[i]))
	}
	var c1, c2, c3 fyne.CanvasObject
	d.Receivable, c1 = fig("Total receivable", 0, func() {
		ui.ShowInvoices(InvoiceQuery{Status: FilterOpen, SortCol: ColDue})
	})
	d.Overdue, c2 = fig("Overdue", 1, func() {
		ui.ShowInvoices(InvoiceQuery{Status: FilterOpen, Overdue: true, SortCol: ColDays, Desc: true})
	})
	d.DueWeek, c3 = fig("Due in the next 7 days", 2, func() {
		today := ui.Today()
		ui.ShowInvoices(InvoiceQuery{Status: FilterOpen, RangeOn: RangeDue, From: today, To: today.AddDays(7), SortCol: ColDue})
	})
	chart := container.New(layout.NewFormLayout())
	for i := range 5 {
		i := i
		d.Bars[i] = newBar(bucketColor(i))
		d.Buckets[i] = widget.NewButton("", func() { ui.ShowInvoices(d.bucketQuery(i)) })
		d.Buckets[i].Importance = widget.LowImportance
		d.Buckets[i].Alignment = widget.ButtonAlignTrailing
		lbl := widget.NewLabel(bucketTitles[i])
		chart.Add(lbl)
		chart.Add(container.NewBorder(nil, nil, nil, container.NewGridWrap(fyne.NewSize(170, 36), d.Buckets[i]), d.Bars[i].Box))
	}
	d.TopList = container.NewVBox()
	agingCard := widget.NewCard("Aging", "open invoices by days past due (click a bar's amount for the list)", chart)
	topCard := widget.NewCard("Largest overdue balances", "", d.TopList)
	d.Root = container.NewVScroll(container.NewPadded(container.NewVBox(
		d.Title,
		container.NewGridWithColumns(3, c1, c2, c3),
		agingCard,
		topCard,
	)))
	return d
}

// bucketQuery is the invoice filter of aging bucket i as of today.
func (d *Dashboard) bucketQuery(i int) InvoiceQuery {
	today := d.ui.Today()
	q := InvoiceQuery{Status: FilterOpen, RangeOn: RangeDue, SortCol: ColDue}
	switch i {
	case 0:
		q.From = today
	case 1:
		q.From, q.To = today.AddDays(-30), today.AddDays(-1)
	case 2:
		q.From, q.To = today.AddDays(-60), today.AddDays(-31)
	case 3:
		q.From, q.To = today.AddDays(-90), today.AddDays(-61)
	case 4:
		q.To = today.AddDays(-91)
	}
	return q
}

// Reload re-reads the figures off the UI goroutine.
func (d *Dashboard) Reload() {
	s := d.ui.Store
	cur := d.ui.Company.Currency
	d.load.Go(d.ui, func(ctx context.Context) func() {
		today := s.Today()
		ag, err := s.Aging(ctx, today, cur)
		if err != nil {
			return func() { d.ui.ShowError(err) }
		}
		week, err := s.DueBetween(ctx, cur, today, today.AddDays(7))
		if err != nil {
			return func() { d.ui.ShowError(err) }
		}
		return func() { d.show(ag, week) }
	})
}

func (d *Dashboard) show(ag *data.Aging, week data.DueSummary) {
	d.Aging = ag
	cur := ag.Currency
	t := ag.Total
	overdue := t.Total - t.Buckets[0]
	d.Title.SetText(fmt.Sprintf("%s — as of %s", d.ui.Company.Name, ag.AsOf))
	d.Receivable.SetText(money(t.Total, cur))
	d.Overdue.SetText(money(overdue, cur))
	d.DueWeek.SetText(money(week.Amount, cur))
	nOverdue := 0
	for _, r := range ag.Rows {
		if r.Total > r.Buckets[0] {
			nOverdue++
		}
	}
	d.Counts[0].SetText(count(len(ag.Rows), "customer", "customers") + " with a balance")
	// The same definition and rounding as the monthly figures of the running month.
	d.Counts[1].SetText(fmt.Sprintf("%s of the receivable, %s", bp(data.OverdueBP(ag)), count(nOverdue, "customer", "customers")))
	if t.Total == 0 {
		d.Counts[1].SetText("nothing is owed to you")
	}
	d.Counts[2].SetText(count(week.Count, "invoice", "invoices"))
	var top int64
	for _, b := range t.Buckets {
		top = max(top, b)
	}
	for i, b := range t.Buckets {
		f := float32(0)
		if top > 0 {
			f = float32(float64(b) / float64(top))
		}
		d.Bars[i].SetFraction(f)
		d.Buckets[i].SetText(money(b, cur))
	}
	rows := append([]data.AgingRow(nil), ag.Rows...)
	sort.Slice(rows, func(i, j int) bool {
		oi, oj := rows[i].Total-rows[i].Buckets[0], rows[j].Total-rows[j].Buckets[0]
		if oi != oj {
			return oi > oj
		}
		return rows[i].CustomerID < rows[j].CustomerID
	})
	d.TopList.RemoveAll()
	for _, r := range rows[:min(8, len(rows))] {
		if r.Total-r.Buckets[0] <= 0 {
			break
		}
		r := r
		text := fmt.Sprintf("%s — %s overdue", shorten(r.Customer, 40), money(r.Total-r.Buckets[0], cur))
		if r.Buckets[4] > 0 {
			text += fmt.Sprintf(" (%s over 90 days)", data.FormatAmount(r.Buckets[4], cur))
		}
		b := widget.NewButton(text, func() {
			d.ui.ShowCustomer(r.CustomerID)
		})
		b.Alignment = widget.ButtonAlignLeading
		b.Importance = widget.LowImportance
		d.TopList.Add(b)
	}
	switch {
	case len(ag.Rows) == 0:
		// a new company: say where to begin
		l := widget.NewLabel("No invoice is open yet. Customers → New customer adds who you bill; " +
			"File → New invoice (Ctrl+N) writes an invoice, and Post makes it count here.")
		l.Wrapping = fyne.TextWrapWord
		d.TopList.Add(l)
	case len(d.TopList.Objects) == 0:
		d.TopList.Add(widget.NewLabel("Nothing is overdue."))
	}
}
