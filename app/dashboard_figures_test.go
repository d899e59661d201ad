package app

import (
	"strings"
	"testing"

	"duebook/reports"
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
