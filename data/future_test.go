package data

import (
	"strings"
	"testing"
)

// What has not happened yet cannot be recorded: a contact, a promise made, a payment
// received or applied, dated after today (the store's clock), is refused naming the
// date and today, and nothing is stored. A promise to pay on a later day is fine.
func TestFutureDatesRefused(t *testing.T) {
	s := newStore(t, "2026-06-30")
	c := mkCustomer(t, s, "Zoë's Café", 30)
	inv := mkInvoice(t, s, c, "2026-06-01", 10000)
	tomorrow := MustDate("2026-07-01")
	refused := func(what string, err error, field string) {
		t.Helper()
		if msg := FieldErrors(err)[field]; !strings.Contains(msg, "2026-07-01 is after today (2026-06-30)") {
			t.Errorf("%s dated tomorrow: %v (want %s refused)", what, err, field)
		}
	}
	refused("contact", s.LogActivity(ctx, &Activity{CustomerID: c.ID, Kind: "call", Date: tomorrow, Outcome: "will pay"}), "date")
	refused("promise made", s.AddPromise(ctx, &Promise{CustomerID: c.ID, MadeOn: tomorrow, PromisedDate: MustDate("2026-07-10"), Amount: 100}), "made_on")
	refused("payment", s.RecordPayment(ctx, &Payment{CustomerID: c.ID, Method: "bank", Amount: 100, Date: tomorrow}, nil), "date")
	refused("allocation", s.RecordPayment(ctx, &Payment{CustomerID: c.ID, Method: "bank", Amount: 100},
		[]Allocation{{InvoiceID: inv.ID, Amount: 100, Date: tomorrow}}), "allocations[1].date")
	if a, _ := s.Activities(ctx, c.ID); len(a) != 0 {
		t.Errorf("contacts stored: %+v", a)
	}
	if ps, _ := s.Promises(ctx, c.ID, ""); len(ps) != 0 {
		t.Errorf("promises stored: %+v", ps)
	}
	if got, _ := s.Invoice(ctx, inv.ID); got.OpenAmount != 10000 {
		t.Errorf("open amount %d after refused payments", got.OpenAmount)
	}
	// today is fine, and a promise may be for a later day
	if err := s.LogActivity(ctx, &Activity{CustomerID: c.ID, Kind: "call", Outcome: "will pay", NextFollowUp: MustDate("2026-07-10")}); err != nil {
		t.Fatal(err)
	}
	if err := s.AddPromise(ctx, &Promise{CustomerID: c.ID, PromisedDate: MustDate("2026-07-10"), Amount: 100}); err != nil {
		t.Fatal(err)
	}
	if err := s.RecordPayment(ctx, &Payment{CustomerID: c.ID, Method: "bank", Amount: 100, Date: MustDate("2026-06-30")},
		[]Allocation{{InvoiceID: inv.ID, Amount: 100, Date: MustDate("2026-06-30")}}); err != nil {
		t.Fatal(err)
	}
	mustCheck(t, s)
}
