package app

import (
	"strings"
	"testing"

	"duebook/reports"

	"fyne.io/fyne/v2/widget"
)

// The dashboard's overdue share and the monthly figures of the running month are one figure.
func TestDashboardOverdueShareIsTheMonthlyOne(t *testing.T) {
	s := newStore(t) // today 2026-06-30
	c := mkCustomer(t, s, "Summit Landscaping", 30, 0)
	mkInvoice(t, s, c, "2026-03-01", 10000) // over 90
	mkInvoice(t, s, c, "2026-05-10", 20000) // 1-30
	mkInvoice(t, s, c, "2026-06-25", 80000) // not yet due
	ui := newTestUI(t, s)
	figs, _, err := reports.Monthly(ctx, s, s.Today())
	if err != nil {
		t.Fatal(err)
	}
	last := figs[len(figs)-1]
	// 300 of 1100 overdue: 27.27 %
	if last.OverdueBP != 2727 {
		t.Fatalf("monthly overdue share %d", last.OverdueBP)
	}
	if got := ui.Dashboard.Counts[1].Text; !strings.HasPrefix(got, bp(last.OverdueBP)+" of the receivable") {
		t.Fatalf("dashboard says %q, the monthly figures %s", got, bp(last.OverdueBP))
	}
}

// A new company's dashboard says where to begin instead of only zeros; once an invoice is
// open it says what is overdue.
func TestDashboardOfANewCompanySaysWhereToBegin(t *testing.T) {
	s := newStore(t)
	ui := newTestUI(t, s)
	d := ui.Dashboard
	topText := func() string {
		var b strings.Builder
		for _, o := range d.TopList.Objects {
			if l, ok := o.(*widget.Label); ok {
				b.WriteString(l.Text)
			}
		}
		return b.String()
	}
	if got := topText(); !strings.Contains(got, "New customer") || !strings.Contains(got, "New invoice (Ctrl+N)") {
		t.Errorf("an empty company's dashboard says %q", got)
	}
	if got := d.Counts[1].Text; got != "nothing is owed to you" {
		t.Errorf("overdue line of an empty company: %q", got)
	}
	c := mkCustomer(t, s, "Maple Dental Clinic", 30, 0)
	mkInvoice(t, s, c, testToday, 12000) // due in 30 days
	ui.Changed()
	ui.Wait()
	if got := topText(); got != "Nothing is overdue." {
		t.Errorf("with an invoice not yet due the dashboard says %q", got)
	}
}
