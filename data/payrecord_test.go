package data

import (
	"strings"
	"testing"
)

// The payment record follows every allocation and its removal (unallocating, voiding), in
// the same statement; a past day subtracts the allocations dated after it; check reports
// a record that does not match the allocations.
func TestPayRecordFollowsAllocations(t *testing.T) {
	s := newStore(t, "2026-06-30")
	c := mkCustomer(t, s, "Alpha", 30)
	a := mkInvoice(t, s, c, "2026-04-01", 10000) // due 05-01
	b := mkInvoice(t, s, c, "2026-05-01", 4000)  // due 05-31
	p := &Payment{CustomerID: c.ID, Date: MustDate("2026-05-11"), Method: "bank", Amount: 14000}
	if err := s.RecordPayment(ctx, p, []Allocation{
		{InvoiceID: a.ID, Amount: 6000, Date: MustDate("2026-05-11")}, // 10 days late
		{InvoiceID: b.ID, Amount: 4000, Date: MustDate("2026-05-11")}, // 20 days early
	}); err != nil {
		t.Fatal(err)
	}
	rec := func(day string) PayRecord {
		t.Helper()
		rs, err := s.PayRecords(ctx, MustDate(day))
		if err != nil {
			t.Fatal(err)
		}
		if rs[c.ID] == nil {
			return PayRecord{}
		}
		return *rs[c.ID]
	}
	got := rec("2026-06-30")
	if got.Paid != 10000 || got.WeightedDays != 6000*10-4000*20 || got.OnTime != 4000 || got.Open != 4000 || got.Credit != 4000 {
		t.Fatalf("record %+v", got)
	}
	mustCheck(t, s)
	if got := rec("2026-05-10"); got.Paid != 0 || got.WeightedDays != 0 || got.OnTime != 0 {
		t.Fatalf("before the payment: %+v", got)
	}
	// voiding b gives its allocation back to the payment's credit
	if err := s.VoidInvoice(ctx, b.ID, "billed twice"); err != nil {
		t.Fatal(err)
	}
	if got := rec("2026-06-30"); got.Paid != 6000 || got.WeightedDays != 60000 || got.OnTime != 0 || got.Credit != 8000 {
		t.Fatalf("after the void: %+v", got)
	}
	mustCheck(t, s)
	// a file without the running totals (read-only, before migration 0014) sums the
	// allocations instead, to the same figures
	before := rec("2026-06-30")
	if _, err := s.w.ExecContext(ctx, `ALTER TABLE payment_record RENAME TO payment_record_kept`); err != nil {
		t.Fatal(err)
	}
	if got := rec("2026-06-30"); got != before {
		t.Fatalf("without payment_record: %+v, want %+v", got, before)
	}
	if got := rec("2026-05-10"); got.Paid != 0 || got.Open != 4000 {
		t.Fatalf("without payment_record, before the payment: %+v", got)
	}
	if _, err := s.w.ExecContext(ctx, `ALTER TABLE payment_record_kept RENAME TO payment_record`); err != nil {
		t.Fatal(err)
	}
	if _, err := s.w.ExecContext(ctx, `UPDATE payment_record SET weighted_days = weighted_days + 1`); err != nil {
		t.Fatal(err)
	}
	v, err := s.Check(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(v) != 1 || !strings.HasPrefix(v[0], "customer payment record does not match the allocations: customer ") {
		t.Fatalf("check %q", v)
	}
}
