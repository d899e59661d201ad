package cli

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"duebook/data"
	"duebook/data/datatest"
)

// contactCompany is a company with two customers whose names share a prefix and one overdue
// invoice each.
func contactCompany(t *testing.T) (string, []*data.Invoice) {
	t.Helper()
	t.Setenv("DUEBOOK_CONFIG_DIR", t.TempDir())
	f := filepath.Join(t.TempDir(), "co.duebook")
	s, err := data.OpenWith(f, data.Options{Clock: data.FixedClock{Day: data.MustDate("2026-06-30")}})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	var invs []*data.Invoice
	for _, name := range []string{"Cedar Bakery", "Cedar Books"} {
		c := &data.Customer{Name: name, Emails: []string{"ap@example.com"}, TermsDays: 30}
		if err := s.CreateCustomer(ctx, c); err != nil {
			t.Fatal(err)
		}
		inv := &data.Invoice{CustomerID: c.ID, IssueDate: data.MustDate("2026-04-01"),
			Lines: []data.InvoiceLine{{Description: "Bread", QtyMilli: 1000, UnitPrice: 50000}}}
		p := datatest.Post(t, s, inv)
		invs = append(invs, p)
	}
	return f, invs
}

func TestContactPromiseDisputeCommands(t *testing.T) {
	f, invs := contactCompany(t)
	count := func(table string) int {
		s, err := data.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		var n int
		s.DB().QueryRow(`SELECT count(*) FROM ` + table).Scan(&n)
		return n
	}
	// Bad input: exit 2, the flag named, nothing saved.
	bad := []struct {
		args []string
		want string
	}{
		{[]string{"contact", "-customer", "Cedar", "-outcome", "x"}, "fits 2 customers"},
		{[]string{"contact", "-customer", "Nobody", "-outcome", "x"}, `no customer is called "Nobody"`},
		{[]string{"contact", "-customer", "cedar bakery", "-kind", "fax", "-outcome", "x"}, "-kind: must be one of"},
		{[]string{"contact", "-customer", "Cedar Ba", "-kind", "call"}, "-outcome:"},
		{[]string{"contact", "-customer", "Cedar Ba", "-outcome", "x", "-next", "2026-06-01"}, "-next: is before"},
		{[]string{"contact", "-customer", "Cedar Ba", "-outcome", "x", "-invoice", invs[1].Number}, "belongs to another customer"},
		{[]string{"promise", "-customer", "Cedar Ba", "-amount", "five", "-by", "2026-07-10"}, "-amount:"},
		{[]string{"promise", "-customer", "Cedar Ba", "-amount", "500.00", "-by", "2026-06-01"}, "-by: is before"},
		{[]string{"promise", "-customer", "Cedar Ba", "-amount", "500.00"}, "-by: the date promised is required"},
		{[]string{"dispute", "-invoice", invs[0].Number}, "either -reason"},
		{[]string{"dispute", "-invoice", invs[0].Number, "-resolve", "done"}, "has no open dispute"},
		{[]string{"late-reason", "-invoice", invs[0].Number, "-reason", "other"}, "note"},
		{[]string{"late-reason", "-invoice", "INV-99999", "-reason", "forgot"}, "-invoice: no invoice numbered"},
	}
	for _, b := range bad {
		_, errs, code := run(t, "2026-06-30", append(b.args, "-db", f)...)
		if code != 2 || !strings.Contains(errs, b.want) {
			t.Errorf("%v: exit %d, %q; want exit 2 and %q", b.args, code, errs, b.want)
		}
	}
	for _, table := range []string{"activities", "promises", "disputes", "late_reasons"} {
		if n := count(table); n != 0 {
			t.Fatalf("%s has %d rows after refused input", table, n)
		}
	}

	steps := [][]string{
		{"contact", "-customer", "Cedar Bakery", "-kind", "email", "-outcome", "sent copy of invoice", "-next", "2026-07-03"},
		{"promise", "-customer", "cedar bakery", "-amount", "500.00", "-by", "2026-07-01", "-invoice", invs[0].Number},
		{"dispute", "-invoice", invs[1].Number, "-reason", "two loaves missing"},
		{"late-reason", "-invoice", invs[0].Number, "-reason", "cash_flow"},
	}
	for _, a := range steps {
		if out, errs, code := run(t, "2026-06-30", append(a, "-db", f)...); code != 0 {
			t.Fatalf("%v: %d %s %s", a, code, out, errs)
		}
	}
	if count("activities") != 2 || count("promises") != 1 || count("disputes") != 1 || count("late_reasons") != 1 {
		t.Fatal("rows not recorded")
	}
	// The disputed invoice gets no reminder; the worklist says to follow the dispute up later.
	out, _, _ := run(t, "2026-06-30", "remind", "-db", f, "-dry-run")
	if strings.Contains(out, invs[1].Number) {
		t.Fatalf("reminder for a disputed invoice:\n%s", out)
	}
	out, _, code := run(t, "2026-06-30", "dispute", "-db", f, "-invoice", invs[1].Number, "-resolve", "credit note for two loaves")
	if code != 0 || !strings.Contains(out, "resolved") {
		t.Fatalf("resolve: %s", out)
	}
	// Four days after the promised date without payment, the promise is broken.
	out, errs, code := run(t, "2026-07-05", "history", "-db", f, "-customer", "1")
	if code != 0 {
		t.Fatal(errs)
	}
	for _, want := range []string{"Cedar Bakery", "500.00 USD by 2026-07-01: broken", "email    sent copy of invoice (follow up 2026-07-03)", "promised 500.00 USD by 2026-07-01"} {
		if !strings.Contains(out, want) {
			t.Errorf("history lacks %q:\n%s", want, out)
		}
	}
}

func TestScheduleCommand(t *testing.T) {
	f, _ := contactCompany(t)
	out, _, code := run(t, "2026-06-30", "schedule", "-db", f)
	if code != 0 || !strings.Contains(out, "friendly  7 days before the due date") || !strings.Contains(out, "escalate  45 days after the due date (a phone call)") {
		t.Fatalf("default schedule:\n%s", out)
	}
	_, errs, code := run(t, "2026-06-30", "schedule", "-db", f, "-set", "5:firm,5:final")
	if code != 2 || !strings.Contains(errs, "-set: two steps on day 5") {
		t.Fatalf("duplicate day: %d %s", code, errs)
	}
	out, _, code = run(t, "2026-06-30", "schedule", "-db", f, "-set", "10:firm, 1:reminder")
	if code != 0 || out != "reminder  1 day after the due date\nfirm      10 days after the due date\n" {
		t.Fatalf("set: %d %q", code, out)
	}
	// The invoices are 60 days overdue: the latest step is now firm (day 10), not escalate.
	out, _, _ = run(t, "2026-06-30", "remind", "-db", f, "-dry-run")
	if !strings.Contains(out, "would send firm reminder") || strings.Contains(out, "escalate") {
		t.Fatalf("remind with the new schedule:\n%s", out)
	}
}
