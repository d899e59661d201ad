package data

import (
	"context"
	"testing"
)

// A customer's disputes and late reasons are read for that customer only; 0 reads all.
func TestCustomerDisputesAndLateReasons(t *testing.T) {
	ctx := context.Background()
	s := newStore(t, "2026-05-01")
	a, b := mkCustomer(t, s, "Acme", 30), mkCustomer(t, s, "Globex", 30)
	a1, a2 := mkInvoice(t, s, a, "2026-02-01", 10_000), mkInvoice(t, s, a, "2026-02-02", 20_000)
	b1 := mkInvoice(t, s, b, "2026-02-03", 30_000)
	open := func(inv *Invoice, reason string) *Dispute {
		d := &Dispute{InvoiceID: inv.ID, Reason: reason}
		if err := s.OpenDispute(ctx, d); err != nil {
			t.Fatal(err)
		}
		return d
	}
	open(a1, "wrong quantity")
	done := open(a2, "damaged")
	open(b1, "never ordered")
	if err := s.ResolveDispute(ctx, done.ID, "credit note", Date{}); err != nil {
		t.Fatal(err)
	}
	numbers := func(ds []Dispute, err error) []string {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, d := range ds {
			out = append(out, d.InvoiceNumber+"/"+d.Status)
		}
		return out
	}
	for _, c := range []struct {
		cust     int64
		openOnly bool
		want     []string
	}{
		{a.ID, true, []string{a1.Number + "/open"}},
		{a.ID, false, []string{a1.Number + "/open", a2.Number + "/resolved"}},
		{b.ID, true, []string{b1.Number + "/open"}},
		{0, true, []string{a1.Number + "/open", b1.Number + "/open"}},
	} {
		got := numbers(s.CustomerDisputes(ctx, c.cust, c.openOnly))
		if len(got) != len(c.want) {
			t.Fatalf("customer %d open %v: %v, want %v", c.cust, c.openOnly, got, c.want)
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Fatalf("customer %d open %v: %v, want %v", c.cust, c.openOnly, got, c.want)
			}
		}
	}

	if err := s.SetLateReason(ctx, a1.ID, "forgot", ""); err != nil {
		t.Fatal(err)
	}
	if err := s.SetLateReason(ctx, b1.ID, "other", "bank holiday"); err != nil {
		t.Fatal(err)
	}
	la, err := s.CustomerLateReasons(ctx, a.ID)
	if err != nil || len(la) != 1 || la[a1.ID] != "Forgot" {
		t.Fatalf("Acme's late reasons: %v %v", la, err)
	}
	all, err := s.LateReasons(ctx)
	if err != nil || len(all) != 2 || all[b1.ID] != "Other: bank holiday" {
		t.Fatalf("all late reasons: %v %v", all, err)
	}
}

// A promise made on a call is saved with the call in the contact log, or not at all.
func TestAddPromiseByCall(t *testing.T) {
	ctx := context.Background()
	s := newStore(t, "2026-05-01")
	c := mkCustomer(t, s, "Acme", 30)
	inv := mkInvoice(t, s, c, "2026-03-01", 123_456)
	p := &Promise{CustomerID: c.ID, InvoiceID: inv.ID, PromisedDate: MustDate("2026-05-15"), Amount: 100_000, Note: "after their bank run"}
	if err := s.AddPromiseByCall(ctx, p); err != nil {
		t.Fatal(err)
	}
	acts, err := s.Activities(ctx, c.ID)
	if err != nil || len(acts) != 1 {
		t.Fatalf("activities %v %v", acts, err)
	}
	a := acts[0]
	if a.Kind != "call" || a.Outcome != "promised 1,000.00 "+c.Currency+" by 2026-05-15" || a.Date != MustDate("2026-05-01") ||
		a.InvoiceID != inv.ID || a.Note != "after their bank run" {
		t.Fatalf("call logged as %+v", a)
	}
	bad := &Promise{CustomerID: c.ID, PromisedDate: MustDate("2026-04-01"), Amount: 5_000}
	if err := s.AddPromiseByCall(ctx, bad); FieldErrors(err)["promised_date"] == "" {
		t.Fatalf("a promise dated before today: %v", err)
	}
	ps, _ := s.Promises(ctx, c.ID, "")
	acts, _ = s.Activities(ctx, c.ID)
	if len(ps) != 1 || len(acts) != 1 {
		t.Fatalf("refused promise left %d promises, %d activities", len(ps), len(acts))
	}
}
