package collect

import (
	"testing"

	"duebook/data"
)

// A company at data.MaxCompanyTotal, paid more than ten years late, still has its behaviours
// and worklist computed: no sum overflows (issue 11).
func TestBehavioursAtTheCeiling(t *testing.T) {
	s := newStore(t, "2026-06-30")
	c := cust(t, s, "Whale")
	n := int(data.MaxCompanyTotal / data.MaxAmount)
	for i := 0; i < n; i++ {
		inv := invoice(t, s, c, "1990-01-05", data.MaxAmount)
		p := &data.Payment{CustomerID: c.ID, Method: "bank", Amount: data.MaxAmount, Date: data.MustDate("2026-06-01")}
		if err := s.RecordPayment(ctx, p, []data.Allocation{{InvoiceID: inv.ID, Amount: data.MaxAmount, Date: data.MustDate("2026-06-01")}}); err != nil {
			t.Fatal(err)
		}
	}
	b, err := Behaviours(ctx, s, data.MustDate("2026-06-30"))
	if err != nil {
		t.Fatalf("behaviours: %v", err)
	}
	if got := b[c.ID]; got == nil || got.PaidAmount != data.MaxCompanyTotal || got.AvgDaysToPay != 3650 {
		t.Fatalf("behaviour %+v", got)
	}
	if _, err := Worklist(ctx, s, data.MustDate("2026-06-30")); err != nil {
		t.Fatalf("worklist: %v", err)
	}
}
