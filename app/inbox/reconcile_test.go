package inbox

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"duebook/app/inbox/inboxtest"
	"duebook/data"
	"duebook/data/datatest"
)

func fixture(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// ledger makes a USD company where INV-00042 (1,250.00) belongs to Cooper Design
// (jane.cooper@cooperdesign.example) and INV-00051 (480.00) to Northwind (billing@northwind.example).
func ledger(t *testing.T) (*data.Store, map[string]*data.Invoice) {
	t.Helper()
	ctx := context.Background()
	s, err := data.OpenWith(filepath.Join(t.TempDir(), "co.duebook"), data.Options{Clock: data.FixedClock{Day: data.MustDate("2026-03-31")}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	mk := func(name, email string) *data.Customer {
		c := &data.Customer{Name: name, Emails: []string{email}, TermsDays: 30}
		if err := s.CreateCustomer(ctx, c); err != nil {
			t.Fatal(err)
		}
		return c
	}
	filler := mk("Filler Ltd", "ap@filler.example")
	cooper := mk("Cooper Design LLC", "jane.cooper@cooperdesign.example")
	north := mk("Northwind", "billing@northwind.example")
	invs := map[string]*data.Invoice{}
	for n := 1; n <= 52; n++ {
		c, amt := filler, int64(10000+n)
		switch n {
		case 42:
			c, amt = cooper, 125000
		case 51:
			c, amt = north, 48000
		case 30, 31:
			c, amt = north, 20000 // two open invoices adding up to 400.00
		}
		inv := &data.Invoice{CustomerID: c.ID, IssueDate: data.MustDate("2026-03-01"), Lines: []data.InvoiceLine{{Description: "Work", QtyMilli: 1000, UnitPrice: amt}}}
		p := datatest.Post(t, s, inv)
		invs[p.Number] = p
	}
	return s, invs
}

func TestMatchRules(t *testing.T) {
	s, invs := ledger(t)
	m, err := NewMatcher(context.Background(), s)
	if err != nil {
		t.Fatal(err)
	}
	base, err := Parse(fixture(t, "paypal_received.eml"))
	if err != nil {
		t.Fatal(err)
	}
	north := invs["INV-00051"].CustomerID
	cases := []struct {
		name   string
		edit   func(p *Parsed)
		ok     bool
		exact  bool
		cust   int64
		allocs []string
	}{
		{"reference and amount", func(p *Parsed) {}, true, true, invs["INV-00042"].CustomerID, []string{"INV-00042"}},
		{"reference, partial amount", func(p *Parsed) { p.Amount = 50000 }, true, false, invs["INV-00042"].CustomerID, []string{"INV-00042"}},
		{"email and exact amount", func(p *Parsed) {
			p.InvoiceRefs, p.PayerEmail, p.Amount = nil, "billing@northwind.example", 48000
		}, true, false, north, []string{"INV-00051"}},
		{"name and exact amount", func(p *Parsed) {
			p.InvoiceRefs, p.PayerEmail, p.PayerName, p.Amount = nil, "", "NORTHWIND, Inc.", 48000
		}, true, false, north, []string{"INV-00051"}},
		{"several invoices sum", func(p *Parsed) {
			p.InvoiceRefs, p.PayerEmail, p.Amount = nil, "billing@northwind.example", 40000
		}, true, false, north, []string{"INV-00030", "INV-00031"}},
		{"amount fits two invoices: the oldest, said to be a choice", func(p *Parsed) {
			p.InvoiceRefs, p.PayerEmail, p.Amount, p.Net = nil, "billing@northwind.example", 20000, 0
		}, true, false, north, []string{"INV-00030"}},
		{"fee adjusted", func(p *Parsed) {
			// 480.00 less PayPal's 3.49 % + 0.49 = 480.00 − 16.75 − 0.49 = 462.76
			p.InvoiceRefs, p.PayerEmail, p.Amount, p.Net = nil, "billing@northwind.example", 46276, 0
		}, true, false, north, []string{"INV-00051"}},
		{"unknown payer, no reference", func(p *Parsed) { p.InvoiceRefs, p.PayerEmail, p.PayerName = nil, "x@y.example", "Nobody" }, false, false, 0, nil},
		{"refund is never matched", func(p *Parsed) { p.Kind = KindRefund }, false, false, 0, nil},
		{"other currency", func(p *Parsed) { p.Currency = "EUR"; p.PayerEmail = ""; p.PayerName = "" }, false, false, 0, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := base
			p.InvoiceRefs = append([]string(nil), base.InvoiceRefs...)
			c.edit(&p)
			got, ok := m.Match(p)
			if ok != c.ok || got.Exact != c.exact || (ok && got.CustomerID != c.cust) {
				t.Fatalf("got %+v ok=%v", got, ok)
			}
			var nums []string
			for _, a := range got.Allocs {
				nums = append(nums, a.InvoiceNumber)
			}
			if strings.Join(nums, ",") != strings.Join(c.allocs, ",") || (ok && got.Reason == "") {
				t.Fatalf("allocations %v reason %q", nums, got.Reason)
			}
			if strings.HasPrefix(c.name, "amount fits two") && (got.Confidence > 50 || !strings.Contains(got.Reason, "INV-00030, INV-00031 all have exactly this amount")) {
				t.Fatalf("ambiguous match not said: %d%% %q", got.Confidence, got.Reason)
			}
		})
	}
}

// Real Dovecot: genuine and spoofed PayPal mails, a refund and a Stripe receipt are fetched;
// -apply records only the trusted exact match, once; a second run adds nothing.
func TestReconcileAgainstDovecot(t *testing.T) {
	d := inboxtest.Start(t)
	s, invs := ledger(t)
	ctx := context.Background()
	// the spoof (same transaction id as the real one) arrives first
	d.Deliver(t, "INBOX", fixture(t, "spoof_paypal_dmarc_fail.eml"), fixture(t, "paypal_received.eml"),
		fixture(t, "paypal_refund.eml"), fixture(t, "stripe_payment.eml"), fixture(t, "paypal_newsletter.eml"))
	cfg := Config{Host: d.Host, Port: d.TLSPort, Security: SecurityTLS, Username: d.User, Password: d.Password, RootCAs: d.CertPool,
		AuthServID: "mx.brightside-mail.example"}
	res, err := Reconcile(ctx, s, cfg, true, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Fetched != 5 || res.Stored != 5 || res.Applied != 2 {
		t.Fatalf("first run %+v", res)
	}
	i42, _ := s.Invoice(ctx, invs["INV-00042"].ID)
	i51, _ := s.Invoice(ctx, invs["INV-00051"].ID)
	if i42.OpenAmount != 0 || i51.OpenAmount != 0 {
		t.Fatalf("open after apply: INV-00042 %d, INV-00051 %d", i42.OpenAmount, i51.OpenAmount)
	}
	pays, _ := s.Payments(ctx, data.PaymentFilter{})
	if len(pays) != 2 {
		t.Fatalf("payments %d", len(pays))
	}
	all, _ := s.MailPayments(ctx, "")
	for _, m := range all {
		if !m.Trusted && m.Status == "applied" {
			t.Fatalf("untrusted message applied: %+v", m)
		}
		if m.Kind == "refund" && m.Status != "ignored" {
			t.Fatalf("refund treated as money received: %+v", m)
		}
	}
	// run again, and again after forgetting where the fetch stopped: nothing new
	res, err = Reconcile(ctx, s, cfg, true, nil)
	if err != nil || res.Fetched != 0 || res.Applied != 0 {
		t.Fatalf("second run %+v %v", res, err)
	}
	if err := (data.MailState{S: s}).Put("INBOX", 0, 0); err != nil {
		t.Fatal(err)
	}
	res, err = Reconcile(ctx, s, cfg, true, nil)
	if err != nil || res.Fetched != 5 || res.Stored != 0 || res.Duplicates != 5 || res.Applied != 0 {
		t.Fatalf("refetch %+v %v", res, err)
	}
	pays, _ = s.Payments(ctx, data.PaymentFilter{})
	if len(pays) != 2 {
		t.Fatalf("payments after refetch %d", len(pays))
	}
	// applying a message twice by hand is refused
	applied, _ := s.MailPayments(ctx, "applied")
	if _, err := s.ApplyMailPayment(ctx, applied[0].ID, applied[0].CustomerID, nil); err == nil {
		t.Fatal("a mail payment was recorded twice")
	}
	if v, _ := s.Check(ctx); len(v) > 0 {
		t.Fatal(v)
	}
}
