package reports

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"duebook/data"
	"duebook/data/datatest"
)

// Monthly figures against a small ledger computed by hand.
func TestMonthlyFiguresHandComputed(t *testing.T) {
	ctx := context.Background()
	s, err := data.OpenWith(filepath.Join(t.TempDir(), "m.duebook"), data.Options{Clock: data.FixedClock{Day: data.MustDate("2026-06-30")}})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	c := &data.Customer{Name: "Acme", Emails: []string{"a@acme.example"}, TermsDays: 30}
	if err := s.CreateCustomer(ctx, c); err != nil {
		t.Fatal(err)
	}
	post := func(issue string, amt int64) *data.Invoice {
		inv := &data.Invoice{CustomerID: c.ID, IssueDate: data.MustDate(issue), Lines: []data.InvoiceLine{{Description: "x", QtyMilli: 1000, UnitPrice: amt}}}
		return datatest.Post(t, s, inv)
	}
	a := post("2026-01-10", 100000) // due 02-09
	b := post("2026-03-05", 50000)  // due 04-04
	post("2026-06-10", 20000)       // due 07-10
	pay := &data.Payment{CustomerID: c.ID, Date: data.MustDate("2026-04-15"), Method: "bank", Amount: 50000}
	if err := s.RecordPayment(ctx, pay, []data.Allocation{{InvoiceID: b.ID, Amount: 50000, Date: data.MustDate("2026-04-15")}}); err != nil {
		t.Fatal(err)
	}
	if err := s.WriteOffInvoice(ctx, &data.WriteOff{InvoiceID: a.ID, Date: data.MustDate("2026-06-20"), Amount: 40000, Reason: "bankrupt"}); err != nil {
		t.Fatal(err)
	}
	figs, cur, err := Monthly(ctx, s, data.MustDate("2026-06-15"))
	if err != nil {
		t.Fatal(err)
	}
	if cur != "USD" || len(figs) != 12 || figs[0].Month.String() != "2025-07-01" || figs[11].Month.String() != "2026-06-01" {
		t.Fatalf("months %d %s..%s", len(figs), figs[0].Month, figs[11].Month)
	}
	byMonth := map[string]MonthFigures{}
	for _, f := range figs {
		byMonth[f.Month.Format("2006-01")] = f
	}
	jan, mar, apr, may, jun := byMonth["2026-01"], byMonth["2026-03"], byMonth["2026-04"], byMonth["2026-05"], byMonth["2026-06"]
	if jan.Opening != 0 || jan.Invoiced != 100000 || jan.Closing != 100000 || jan.Overdue != 0 {
		t.Fatalf("January %+v", jan)
	}
	// March: 1000 (due 02-09, 50 days late) + 500 (not due) = 1500; DSO = 1500 / (issued 01-01..03-31 = 1500) × 90 = 90
	if mar.Opening != 100000 || mar.Invoiced != 50000 || mar.Closing != 150000 || mar.Overdue != 100000 || mar.DSO != 90 || mar.OverdueBP != 6667 {
		t.Fatalf("March %+v", mar)
	}
	// April: 500 collected; closing 1000 all overdue (80 days), none over 90
	if apr.Collected != 50000 || apr.Closing != 100000 || apr.OverdueBP != 10000 || apr.Over90 != 0 || apr.DefaultBP != 0 {
		t.Fatalf("April %+v", apr)
	}
	// May: the January invoice is 111 days late: over 90 → default rate 100 %
	if may.Over90 != 100000 || may.DefaultBP != 10000 {
		t.Fatalf("May %+v", may)
	}
	// June: 400 written off; closing 600 (over 90) + 200 (not due) = 800;
	// default = (600 + 400) / (800 + 400) = 83.33 %; DSO = 800 / (issued 04-02..06-30: 200) × 90 = 360
	if jun.WrittenOff != 40000 || jun.Closing != 80000 || jun.Over90 != 60000 || jun.DefaultBP != 8333 || jun.DSO != 360 || jun.Invoiced != 20000 {
		t.Fatalf("June %+v", jun)
	}
	// The jump from 0 % (Feb–Apr) to 100 % in May warns; June (avg of Mar–May 33 %) at 83 % warns too.
	if may.Warning == "" || jun.Warning == "" || apr.Warning != "" {
		t.Fatalf("warnings: Apr %q May %q Jun %q", apr.Warning, may.Warning, jun.Warning)
	}
	var buf bytes.Buffer
	comp, _ := s.Company(ctx)
	if err := s.SetLateReason(ctx, a.ID, "cash_flow", ""); err != nil {
		t.Fatal(err)
	}
	reasons, _ := s.LateReasonCounts(ctx)
	if err := MonthlyPDF(&buf, comp, figs, cur, reasons); err != nil {
		t.Fatal(err)
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("pdftotext missing")
		}
		t.Skip("pdftotext missing")
	}
	p := filepath.Join(t.TempDir(), "m.pdf")
	os.WriteFile(p, buf.Bytes(), 0o644)
	out, err := exec.Command("pdftotext", "-layout", p, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"MONTHLY REPORT", "June 2026", "Warning: Default rate jumped", "$800.00", "83.33 %", "Written off", "$400.00", "DSO", "Why payments were late:", "Cash flow 1"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("PDF lacks %q:\n%s", want, out)
		}
	}
}

// On the 1st of a month the running month stands on today (month to date), not on its future
// month end: its overdue share is the dashboard's (data.OverdueBP of today's aging), nothing
// becomes "over 90" before its time, and no warning fires on figures that are not final.
func TestMonthlyRunningMonthIsMonthToDate(t *testing.T) {
	ctx := context.Background()
	today := data.MustDate("2026-12-01")
	s, err := data.OpenWith(filepath.Join(t.TempDir(), "m.duebook"), data.Options{Clock: data.FixedClock{Day: today}})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	c := &data.Customer{Name: "Acme", Emails: []string{"a@acme.example"}, TermsDays: 30}
	if err := s.CreateCustomer(ctx, c); err != nil {
		t.Fatal(err)
	}
	post := func(issue string, amt int64) {
		inv := &data.Invoice{CustomerID: c.ID, IssueDate: data.MustDate(issue), Lines: []data.InvoiceLine{{Description: "x", QtyMilli: 1000, UnitPrice: amt}}}
		datatest.Post(t, s, inv)
	}
	post("2026-08-16", 100000) // due 09-15: 77 days late on 12-01, 107 on 12-31
	post("2026-11-20", 100000) // due 12-20: not yet due on 12-01, overdue on 12-31
	figs, _, err := Monthly(ctx, s, today)
	if err != nil {
		t.Fatal(err)
	}
	dec, nov := figs[len(figs)-1], figs[len(figs)-2]
	if !dec.ToDate || dec.AsOf != today || !strings.Contains(dec.Label(), "month to date") {
		t.Fatalf("December stands on %s (to date %v), label %q", dec.AsOf, dec.ToDate, dec.Label())
	}
	if nov.ToDate || nov.AsOf.String() != "2026-11-30" || nov.Label() != "November 2026" {
		t.Fatalf("November %+v label %q", nov, nov.Label())
	}
	ag, err := s.Aging(ctx, today, "USD")
	if err != nil {
		t.Fatal(err)
	}
	if dec.OverdueBP != 5000 || dec.OverdueBP != data.OverdueBP(ag) {
		t.Errorf("December overdue share %d, dashboard's %d, want 5000", dec.OverdueBP, data.OverdueBP(ag))
	}
	if dec.Over90 != 0 || dec.DefaultBP != 0 || dec.Warning != "" {
		t.Errorf("December over 90 %d, default %d, warning %q: nothing is over 90 days yet", dec.Over90, dec.DefaultBP, dec.Warning)
	}
	if dec.Closing != 200000 || dec.Invoiced != 0 || dec.Opening != nov.Closing {
		t.Errorf("December %+v", dec)
	}
	// A complete month that jumps still warns; the running month does not, even when it jumps.
	on := func(day string) []MonthFigures {
		s2, err := data.OpenWith(s.Path(), data.Options{Clock: data.FixedClock{Day: data.MustDate(day)}, ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		defer s2.Close()
		f, _, err := Monthly(ctx, s2, data.MustDate(day))
		if err != nil {
			t.Fatal(err)
		}
		return f
	}
	if f := on("2026-12-31"); f[len(f)-1].ToDate || f[len(f)-1].Warning == "" {
		t.Errorf("complete December with the jump: %+v", f[len(f)-1])
	}
	if f := on("2026-12-30"); !f[len(f)-1].ToDate || f[len(f)-1].DefaultBP == 0 || f[len(f)-1].Warning != "" {
		t.Errorf("running December with the jump: %+v", f[len(f)-1])
	}
	if _, _, err := Monthly(ctx, s, data.MustDate("2027-01-01")); err == nil || !strings.Contains(err.Error(), "has not begun") {
		t.Errorf("a future month: %v", err)
	}
}
