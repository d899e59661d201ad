package data

import (
	"strings"
	"testing"
)

// Contact outcomes and notes, promise notes, dispute reasons and resolutions and late-reason
// notes took NUL, ESC and C1 controls as they came (customers, invoices and payments refused
// them): each is refused naming its field, nothing is saved, and line breaks stay allowed.
func TestFollowUpTextsRefuseControlCharacters(t *testing.T) {
	s := newStore(t, "2026-03-01")
	c := mkCustomer(t, s, "Acme", 30)
	inv := mkInvoice(t, s, c, "2026-03-01", 10000)
	for _, bad := range []string{"a\x1b[31mred", "nul\x00", "c1\u009b31m", "del\x7f"} {
		field := func(err error, want string) {
			t.Helper()
			fe := FieldErrors(err)
			if fe[want] == "" || !strings.Contains(fe[want], "remove it") {
				t.Errorf("%q: %s: %v", bad, want, err)
			}
		}
		field(s.LogActivity(ctx, &Activity{CustomerID: c.ID, Kind: "call", Outcome: bad}), "outcome")
		field(s.LogActivity(ctx, &Activity{CustomerID: c.ID, Kind: "call", Outcome: "ok", Note: bad}), "note")
		field(s.AddPromise(ctx, &Promise{CustomerID: c.ID, Amount: 100, PromisedDate: MustDate("2026-03-10"), Note: bad}), "note")
		field(s.OpenDispute(ctx, &Dispute{InvoiceID: inv.ID, Reason: bad}), "reason")
		field(s.SetLateReason(ctx, inv.ID, "other", bad), "note")
	}
	for _, table := range []string{"activities", "promises", "disputes", "late_reasons"} {
		var n int
		s.DB().QueryRow(`SELECT count(*) FROM ` + table).Scan(&n)
		if n != 0 {
			t.Errorf("%s: %d rows saved", table, n)
		}
	}
	d := &Dispute{InvoiceID: inv.ID, Reason: "wrong price\non line 2"}
	if err := s.OpenDispute(ctx, d); err != nil {
		t.Fatal(err)
	}
	if err := s.ResolveDispute(ctx, d.ID, "credit\x1b]0;x\x07", Date{}); FieldErrors(err)["resolution"] == "" {
		t.Errorf("resolution: %v", err)
	}
	if err := s.LogActivity(ctx, &Activity{CustomerID: c.ID, Kind: "note", Outcome: "called 中文 עברית 😀", Note: "two\nlines"}); err != nil {
		t.Fatal(err)
	}
	mustCheck(t, s)
}
