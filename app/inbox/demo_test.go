package inbox

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"duebook/data"
)

func demoStore(t *testing.T, seed uint64) *data.Store {
	t.Helper()
	today := data.MustDate("2026-05-15")
	s, err := data.OpenWith(filepath.Join(t.TempDir(), "sample.duebook"), data.Options{Clock: data.FixedClock{Day: today}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := s.GenerateDemo(context.Background(), data.DemoOptions{Customers: 30, Invoices: 400, Seed: seed, Today: today}); err != nil {
		t.Fatal(err)
	}
	return s
}

func demoSummary(t *testing.T, s *data.Store) []string {
	t.Helper()
	all, err := s.MailPayments(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, m := range all {
		out = append(out, fmt.Sprintf("%s %s %s trusted=%v %s %d %s %d%% %d", m.Date, m.Provider, m.Kind, m.Trusted, m.Status,
			m.Amount, m.TransactionID, m.Confidence, m.CustomerID))
	}
	return out
}

// TestDemoInbox: the sample company's Inbox has its payment mails read: one recorded, one
// exact match waiting, one matched by e-mail, one needing a choice, one spoof not trusted,
// one payout ignored; the receiving server is set; the same seed gives the same Inbox.
func TestDemoInbox(t *testing.T) {
	ctx := context.Background()
	s := demoStore(t, 1)
	all, _ := s.MailPayments(ctx, "")
	if len(all) != 6 {
		t.Fatalf("%d sample messages:\n%s", len(all), strings.Join(demoSummary(t, s), "\n"))
	}
	var applied, exact, byEmail, choice, spoof, ignored int
	for _, m := range all {
		switch {
		case m.Status == "applied" && m.Trusted && m.PaymentID != 0:
			applied++
		case m.Status == "proposed" && m.Trusted && AutoApplicable(&m, DemoAuthServ):
			exact++
		case m.Status == "proposed" && m.Trusted && strings.Contains(m.Reason, "by email") && m.Confidence >= 70:
			byEmail++
		case m.Status == "proposed" && m.Trusted && m.Confidence < 70:
			choice++
		case m.Status == "proposed" && !m.Trusted && strings.Contains(m.Why, "dmarc=fail"):
			spoof++
		case m.Status == "ignored" && m.Kind != "received":
			ignored++
		default:
			t.Errorf("unexpected sample message: %+v", m)
		}
	}
	if applied != 1 || exact != 1 || byEmail != 1 || choice != 1 || spoof != 1 || ignored != 1 {
		t.Fatalf("applied %d exact %d by e-mail %d choice %d spoof %d ignored %d:\n%s", applied, exact, byEmail, choice, spoof, ignored,
			strings.Join(demoSummary(t, s), "\n"))
	}
	if v, _ := LoadAuthServ(ctx, s); v != DemoAuthServ {
		t.Fatalf("receiving server %q", v)
	}
	if v, _ := s.Check(ctx); len(v) > 0 {
		t.Fatal(v)
	}
	// deterministic per seed
	again := strings.Join(demoSummary(t, demoStore(t, 1)), "\n")
	if want := strings.Join(demoSummary(t, s), "\n"); again != want {
		t.Fatalf("same seed, other inbox:\n%s\nvs\n%s", again, want)
	}
	if other := strings.Join(demoSummary(t, demoStore(t, 2)), "\n"); other == again {
		t.Fatal("another seed gave the same inbox")
	}
}
