package collect

import (
	"context"
	"io"
	"math/rand/v2"
	"mime/quotedprintable"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"duebook/data"
	"duebook/data/datatest"
)

var ctx = context.Background()

func newStore(t *testing.T, today string) *data.Store {
	t.Helper()
	s, err := data.OpenWith(filepath.Join(t.TempDir(), "co.duebook"), data.Options{Clock: data.FixedClock{Day: data.MustDate(today)}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func cust(t *testing.T, s *data.Store, name string) *data.Customer {
	c := &data.Customer{Name: name, Contact: "Maria Garcia", Phone: "+1 555 0100", Emails: []string{"ap@" + strings.ToLower(name) + ".example"}, TermsDays: 30}
	if err := s.CreateCustomer(ctx, c); err != nil {
		t.Fatal(err)
	}
	return c
}

func invoice(t *testing.T, s *data.Store, c *data.Customer, issue string, amount int64) *data.Invoice {
	inv := &data.Invoice{CustomerID: c.ID, IssueDate: data.MustDate(issue), Lines: []data.InvoiceLine{{Description: "Work", QtyMilli: 1000, UnitPrice: amount}}}
	return datatest.Post(t, s, inv)
}

func due(t *testing.T, s *data.Store, day string) []Action {
	t.Helper()
	a, err := Due(ctx, s, data.MustDate(day))
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestStepsAndCatchUp(t *testing.T) {
	s := newStore(t, "2026-03-01")
	c := cust(t, s, "Acme")
	inv := invoice(t, s, c, "2026-03-01", 10000) // due 2026-03-31
	if a := due(t, s, "2026-03-23"); len(a) != 0 {
		t.Fatalf("8 days before due: %+v", a)
	}
	a := due(t, s, "2026-03-24") // -7: friendly
	if len(a) != 1 || a[0].Step.Name != "friendly" || a[0].Invoices[0].Invoice.ID != inv.ID {
		t.Fatalf("friendly: %+v", a)
	}
	if err := MarkSent(ctx, s, a[0], data.MustDate("2026-03-24")); err != nil {
		t.Fatal(err)
	}
	if a := due(t, s, "2026-03-25"); len(a) != 0 {
		t.Fatalf("friendly sent twice: %+v", a)
	}
	if err := MarkSent(ctx, s, a[0], data.MustDate("2026-03-25")); err == nil {
		t.Fatal("the same step was recorded twice")
	}
	// The program is closed from 03-25 to 04-20: +3 and +14 were missed; only +14 (firm) goes.
	a = due(t, s, "2026-04-20")
	if len(a) != 1 || a[0].Step.Name != "firm" {
		t.Fatalf("catch-up: %+v", a)
	}
	MarkSent(ctx, s, a[0], data.MustDate("2026-04-20"))
	if a := due(t, s, "2026-04-29"); len(a) != 0 {
		t.Fatalf("the missed +3 step came back: %+v", a)
	}
	if a := due(t, s, "2026-04-30"); len(a) != 1 || a[0].Step.Name != "final" {
		t.Fatalf("+30: %+v", a)
	}
	// +45 escalates to a phone call, whatever the preferred channel.
	MarkSent(ctx, s, due(t, s, "2026-04-30")[0], data.MustDate("2026-04-30"))
	a = due(t, s, "2026-05-15")
	if len(a) != 1 || a[0].Step.Name != "escalate" || a[0].Channel() != "phone" {
		t.Fatalf("+45: %+v", a)
	}
	log, _ := s.Reminders(ctx, c.ID)
	var steps []string
	for _, e := range log {
		steps = append(steps, e.StepName)
	}
	if strings.Join(steps, ",") != "friendly,firm,final" {
		t.Fatalf("log %v", steps)
	}
}

func TestConsolidatedPerCustomer(t *testing.T) {
	s := newStore(t, "2026-01-01")
	c := cust(t, s, "Acme")
	other := cust(t, s, "Other")
	a1 := invoice(t, s, c, "2026-01-01", 1000) // due 01-31 → on 03-01: 29 days → +14 firm
	a2 := invoice(t, s, c, "2026-02-01", 2000) // due 03-03 → -2 → friendly
	a3 := invoice(t, s, c, "2026-01-20", 3000) // due 02-19 → 10 days → +3 reminder
	o1 := invoice(t, s, other, "2026-01-01", 500)
	acts := due(t, s, "2026-03-01")
	if len(acts) != 2 {
		t.Fatalf("want one action per customer: %+v", acts)
	}
	var a Action
	for _, x := range acts {
		if x.Customer.ID == c.ID {
			a = x
		}
	}
	if a.Step.Name != "firm" || len(a.Invoices) != 3 || a.Total != 6000 {
		t.Fatalf("consolidated: step %s invoices %d total %d", a.Step.Name, len(a.Invoices), a.Total)
	}
	steps := map[int64]string{}
	for _, x := range a.Invoices {
		steps[x.Invoice.ID] = x.Step.Name
	}
	if steps[a1.ID] != "firm" || steps[a2.ID] != "friendly" || steps[a3.ID] != "reminder" {
		t.Fatalf("per-invoice steps %v", steps)
	}
	_ = o1
}

func TestDisputePausesAndPromiseHolds(t *testing.T) {
	s := newStore(t, "2026-01-01")
	c := cust(t, s, "Acme")
	inv := invoice(t, s, c, "2026-01-01", 10000)                  // due 01-31
	s.SetClock(data.FixedClock{Day: data.MustDate("2026-02-01")}) // a dispute is opened on a day that has come
	d := &data.Dispute{InvoiceID: inv.ID, Reason: "goods damaged", Opened: data.MustDate("2026-02-01")}
	if err := s.OpenDispute(ctx, d); err != nil {
		t.Fatal(err)
	}
	if err := s.OpenDispute(ctx, &data.Dispute{InvoiceID: inv.ID, Reason: "again"}); err == nil {
		t.Fatal("two open disputes on one invoice")
	}
	if a := due(t, s, "2026-02-20"); len(a) != 0 {
		t.Fatalf("reminder despite an open dispute: %+v", a)
	}
	s.SetClock(data.FixedClock{Day: data.MustDate("2026-02-21")})
	if err := s.ResolveDispute(ctx, d.ID, "", data.MustDate("2026-02-21")); err == nil {
		t.Fatal("resolved without a resolution")
	}
	if err := s.ResolveDispute(ctx, d.ID, "replacement shipped", data.MustDate("2026-02-21")); err != nil {
		t.Fatal(err)
	}
	if a := due(t, s, "2026-02-21"); len(a) != 1 || a[0].Step.Name != "firm" {
		t.Fatalf("after the dispute: %+v", a)
	}
	// A promise to pay by 03-05 holds the reminders until 03-05 + grace.
	p := &data.Promise{CustomerID: c.ID, MadeOn: data.MustDate("2026-02-21"), PromisedDate: data.MustDate("2026-03-05"), Amount: 10000}
	if err := s.AddPromise(ctx, p); err != nil {
		t.Fatal(err)
	}
	if a := due(t, s, "2026-03-03"); len(a) != 0 {
		t.Fatalf("reminder despite an open promise: %+v", a)
	}
	// Not paid: broken after the grace period, and reminders resume.
	a := due(t, s, "2026-03-08")
	ps, _ := s.Promises(ctx, c.ID, "")
	if ps[0].Status != "broken" || len(a) != 1 || a[0].Step.Name != "final" {
		t.Fatalf("promise %+v actions %+v", ps[0], a)
	}
	rows, err := Worklist(ctx, s, data.MustDate("2026-03-08"))
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) == 0 || rows[0].Kind != "call" || !strings.Contains(rows[0].Do, "promise of 100.00 USD due 2026-03-05 broken") || !strings.Contains(rows[0].Do, "Maria Garcia") {
		t.Fatalf("worklist head %+v", rows)
	}
}

func TestPromiseKept(t *testing.T) {
	s := newStore(t, "2026-02-20") // the promise and the payments are in the past
	c := cust(t, s, "Acme")
	invoice(t, s, c, "2026-01-01", 10000)
	p := &data.Promise{CustomerID: c.ID, MadeOn: data.MustDate("2026-02-10"), PromisedDate: data.MustDate("2026-02-15"), Amount: 6000}
	if err := s.AddPromise(ctx, p); err != nil {
		t.Fatal(err)
	}
	bad := &data.Promise{CustomerID: c.ID, MadeOn: data.MustDate("2026-02-10"), PromisedDate: data.MustDate("2026-02-01"), Amount: 1}
	if err := s.AddPromise(ctx, bad); data.FieldErrors(err)["promised_date"] == "" {
		t.Fatalf("promise dated before it was made: %v", err)
	}
	// two payments, the second within the grace period
	s.RecordPayment(ctx, &data.Payment{CustomerID: c.ID, Date: data.MustDate("2026-02-14"), Method: "bank", Amount: 3000}, nil)
	s.RecordPayment(ctx, &data.Payment{CustomerID: c.ID, Date: data.MustDate("2026-02-17"), Method: "bank", Amount: 3000}, nil)
	got, err := s.SettlePromises(ctx, data.MustDate("2026-02-20"))
	if err != nil || len(got) != 1 || got[0].Status != "kept" || got[0].SettledOn.String() != "2026-02-17" {
		t.Fatalf("kept: %+v %v", got, err)
	}
}

func TestBehaviourSegments(t *testing.T) {
	s := newStore(t, "2026-04-01") // every payment is in the past
	good := cust(t, s, "Good")
	late := cust(t, s, "Late")
	pay := func(c *data.Customer, inv *data.Invoice, day string) {
		p := &data.Payment{CustomerID: c.ID, Date: data.MustDate(day), Method: "bank", Amount: inv.Total}
		if err := s.RecordPayment(ctx, p, []data.Allocation{{InvoiceID: inv.ID, Amount: inv.Total, Date: data.MustDate(day)}}); err != nil {
			t.Fatal(err)
		}
	}
	g1 := invoice(t, s, good, "2026-01-01", 10000) // due 01-31
	pay(good, g1, "2026-01-25")                    // 6 days early
	l1 := invoice(t, s, late, "2026-01-01", 10000)
	pay(late, l1, "2026-03-17") // 45 days late
	l2 := invoice(t, s, late, "2026-01-01", 30000)
	pay(late, l2, "2026-02-10") // 10 days late → weighted (45×100 + 10×300)/400 = 18.75 → 19
	b, err := Behaviours(ctx, s, data.MustDate("2026-04-01"))
	if err != nil {
		t.Fatal(err)
	}
	if g := b[good.ID]; g.AvgDaysToPay != -6 || g.OnTimeBP != 10000 || g.Segment != "A" || g.SuggestHold {
		t.Fatalf("good %+v", *g)
	}
	if l := b[late.ID]; l.AvgDaysToPay != 19 || l.OnTimeBP != 0 || l.Segment != "B" {
		t.Fatalf("late %+v", *l)
	}
	// an invoice open more than 90 days past due makes the customer C and suggests a hold
	invoice(t, s, late, "2025-11-01", 500)
	b, _ = Behaviours(ctx, s, data.MustDate("2026-04-01"))
	if l := b[late.ID]; l.Segment != "C" || !l.SuggestHold {
		t.Fatalf("late with old debt %+v", *l)
	}
}

func TestComposeReminder(t *testing.T) {
	s := newStore(t, "2026-01-01")
	comp := data.DefaultCompany()
	comp.Name, comp.Email, comp.PaymentInstructions = "Zoë's Supplies", "ar@zoe.example", "IBAN DE89 3704 0044 0532 0130 00"
	c := cust(t, s, "Acme")
	invoice(t, s, c, "2026-01-01", 123456)
	a := due(t, s, "2026-02-20")
	raw, err := ComposeReminder(comp, a[0], data.MustDate("2026-02-20"), time.Date(2026, 2, 20, 9, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	m := string(raw)
	for _, want := range []string{"To: ", "ap@acme.example", "Subject: =?utf-8?q?Overdue_invoices:_INV-00001", "Message-ID: <", "Date: Fri, 20 Feb 2026",
		"INV-00001", "1,234.56 USD", "IBAN DE89", "Content-Transfer-Encoding: quoted-printable"} {
		if !strings.Contains(m, want) {
			t.Errorf("message lacks %q:\n%s", want, m)
		}
	}
	comp.Email = ""
	if _, err := ComposeReminder(comp, a[0], data.MustDate("2026-02-20"), time.Now()); err == nil {
		t.Error("composed without a From address")
	}
}

func TestScheduleSettings(t *testing.T) {
	s := newStore(t, "2026-01-01")
	for _, bad := range []string{"", "x", "3:nope", "3:firm,3:final", "999:final"} {
		if err := SaveSchedule(ctx, s, bad); data.FieldErrors(err)["schedule"] == "" {
			t.Errorf("%q accepted: %v", bad, err)
		}
	}
	if err := SaveSchedule(ctx, s, "10:firm, 0:reminder"); err != nil {
		t.Fatal(err)
	}
	sc, _ := LoadSchedule(ctx, s)
	if sc.String() != "0:reminder,10:firm" {
		t.Fatalf("schedule %s", sc)
	}
}

// A year of days on a small company: invoices posted and paid as days go by, the routine run
// most days (some days skipped, the program closed). No invoice gets a step twice; every
// invoice that stays open and undisputed has, by the end, its latest due step.
func TestYearOfDays(t *testing.T) {
	s := newStore(t, "2026-01-01")
	rng := rand.New(rand.NewPCG(5, 6))
	var custs []*data.Customer
	for _, n := range []string{"Alpha", "Bravo", "Charlie", "Delta", "Echo"} {
		custs = append(custs, cust(t, s, n))
	}
	day := data.MustDate("2026-01-01")
	end := data.MustDate("2026-12-31")
	closed := 0
	for ; !day.After(end); day = day.AddDays(1) {
		s.SetClock(data.FixedClock{Day: day})
		if rng.IntN(5) == 0 { // an invoice today
			invoice(t, s, custs[rng.IntN(len(custs))], day.String(), int64(1000+rng.IntN(50000)))
		}
		if rng.IntN(4) == 0 { // a payment today, oldest first
			c := custs[rng.IntN(len(custs))]
			amt := int64(1000 + rng.IntN(40000))
			allocs, _, _ := s.SuggestAllocation(ctx, c.ID, amt)
			s.RecordPayment(ctx, &data.Payment{CustomerID: c.ID, Date: day, Method: "bank", Amount: amt}, allocs)
		}
		if rng.IntN(6) == 0 || (day.Month() == 8 && day.Day() < 15) { // closed today (and a holiday)
			closed++
			continue
		}
		acts, err := Due(ctx, s, day)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range acts {
			if err := MarkSent(ctx, s, a, day); err != nil {
				t.Fatalf("%s: %v", day, err)
			}
		}
	}
	log, _ := s.Reminders(ctx, 0)
	seen := map[[2]int64]bool{}
	lastStep := map[int64]int{}
	for _, e := range log {
		k := [2]int64{e.InvoiceID, int64(e.Step)}
		if seen[k] {
			t.Fatalf("invoice %d got step %d twice", e.InvoiceID, e.Step)
		}
		seen[k] = true
		if prev, ok := lastStep[e.InvoiceID]; ok && e.Step <= prev {
			t.Fatalf("invoice %d went back to step %d", e.InvoiceID, e.Step)
		}
		lastStep[e.InvoiceID] = e.Step
	}
	open, _ := s.Invoices(ctx, data.InvoiceFilter{OpenOnly: true})
	checked := 0
	for _, inv := range open {
		st, ok := DefaultSchedule.latest(end.DaysSince(inv.DueDate))
		if !ok {
			continue
		}
		// the routine ran on the last day, so the latest due step must be in the log
		if got, ok := lastStep[inv.ID]; !ok || got < st.Offset {
			t.Fatalf("open invoice %s (due %s) lacks step %s; last sent %d", inv.Number, inv.DueDate, st.Name, got)
		}
		checked++
	}
	if len(log) < 50 || checked < 3 || closed < 30 {
		t.Fatalf("simulation too thin: %d reminders, %d open invoices checked, %d closed days", len(log), checked, closed)
	}
	t.Logf("%d reminders over a year, %d days closed, %d open invoices checked", len(log), closed, checked)
}

// Control characters in names and texts never reach the message: no terminal escapes in the
// body, no line break that starts a header of its own.
func TestComposeReminderControlCharacters(t *testing.T) {
	s := newStore(t, "2026-01-01")
	comp := data.DefaultCompany()
	comp.Name, comp.Email = "Zoë\x1b[31m Supplies\r\nBcc: all@evil.example", "ar@zoe.example"
	comp.PaymentInstructions = "IBAN DE89\r\nQuote the number\x07"
	c := cust(t, s, "Acme")
	invoice(t, s, c, "2026-01-01", 123456)
	a := due(t, s, "2026-02-20")
	a[0].Customer.Name = "Acme\u202e\x00 Ltd"
	a[0].Customer.Contact = "Jo\x1b]0;pwned\x07 Smith\nX-Evil: 1"
	raw, err := ComposeReminder(comp, a[0], data.MustDate("2026-02-20"), time.Date(2026, 2, 20, 9, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	m := string(raw)
	head := m[:strings.Index(m, "\r\n\r\n")]
	body, err := io.ReadAll(quotedprintable.NewReader(strings.NewReader(m[len(head):])))
	if err != nil {
		t.Fatal(err)
	}
	if strings.ContainsAny(head+string(body), "\x1b\x00\x07\u202e") {
		t.Errorf("control characters in the message:\n%q\n%q", head, body)
	}
	for _, l := range strings.Split(head, "\r\n") {
		if strings.HasPrefix(l, "Bcc:") || strings.HasPrefix(l, "X-Evil:") {
			t.Errorf("a name started a header: %q", l)
		}
	}
	for _, want := range []string{"Dear Jo]0;pwned Smith X-Evil: 1,", "IBAN DE89\r\nQuote the number\r\n"} {
		if !strings.Contains(m, want) {
			t.Errorf("message lacks %q:\n%s", want, m)
		}
	}
}
