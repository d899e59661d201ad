package data

import "testing"

func TestFigureDefinitions(t *testing.T) {
	ag := &Aging{Total: AgingRow{Buckets: [5]int64{5200, 1000, 800, 500, 2500}, Total: 10000}}
	if got := OverdueBP(ag); got != 4800 {
		t.Errorf("overdue share %d, want 4800", got)
	}
	// (2500 over 90 + 2500 written off) / (10000 + 2500) = 40 %
	if got := DefaultBP(ag, 2500); got != 4000 {
		t.Errorf("default rate %d, want 4000", got)
	}
	if got := DefaultBP(ag, 0); got != 2500 {
		t.Errorf("default rate without write-offs %d, want 2500", got)
	}
	// 10000 owed, 30000 invoiced in 90 days: 30 days
	if got := DSO(10000, 30000); got != 30 {
		t.Errorf("DSO %d, want 30", got)
	}
	// 2/3 rounds half away from zero: 6667
	if got := OverdueBP(&Aging{Total: AgingRow{Buckets: [5]int64{1, 2}, Total: 3}}); got != 6667 {
		t.Errorf("rounded share %d, want 6667", got)
	}
	for _, z := range []*Aging{nil, {}} {
		if OverdueBP(z) != 0 || DefaultBP(z, 0) != 0 {
			t.Errorf("empty aging %v: %d %d", z, OverdueBP(z), DefaultBP(z, 0))
		}
	}
	if DSO(500, 0) != 0 {
		t.Error("DSO with nothing invoiced")
	}
}

// PeriodTotals against a small ledger: an invoice voided after the period still counts in it,
// one voided inside it does not; payments and write-offs by their own dates.
func TestPeriodTotals(t *testing.T) {
	s := newStore(t, "2026-06-30")
	c := mkCustomer(t, s, "Acme", 30)
	mkInvoice(t, s, c, "2026-03-15", 10000)      // 90-day window only
	a := mkInvoice(t, s, c, "2026-05-02", 20000) // in May
	v := mkInvoice(t, s, c, "2026-05-20", 40000) // in May, voided in June
	mkInvoice(t, s, c, "2026-06-01", 80000)      // after May
	if err := s.RecordPayment(ctx, &Payment{CustomerID: c.ID, Date: MustDate("2026-05-10"), Method: "bank", Amount: 5000},
		[]Allocation{{InvoiceID: a.ID, Amount: 5000}}); err != nil {
		t.Fatal(err)
	}
	if err := s.WriteOffInvoice(ctx, &WriteOff{InvoiceID: a.ID, Date: MustDate("2026-05-31"), Amount: 1000, Reason: "rounding"}); err != nil {
		t.Fatal(err)
	}
	if err := s.VoidInvoice(ctx, v.ID, "duplicate"); err != nil { // void date = today, 2026-06-30
		t.Fatal(err)
	}
	may, err := s.PeriodTotals(ctx, "USD", MustDate("2026-05-01"), MustDate("2026-05-31"))
	if err != nil {
		t.Fatal(err)
	}
	// 90 days to 05-31 start on 03-03: 100 + 200 + 400
	if may != (PeriodTotals{Invoiced: 60000, Collected: 5000, WrittenOff: 1000, Invoiced90: 70000}) {
		t.Errorf("May %+v", may)
	}
	jun, err := s.PeriodTotals(ctx, "USD", MustDate("2026-06-01"), MustDate("2026-06-30"))
	if err != nil {
		t.Fatal(err)
	}
	// on 06-30 the May invoice is void: 90 days from 04-02 hold 200 + 800
	if jun != (PeriodTotals{Invoiced: 80000, Invoiced90: 100000}) {
		t.Errorf("June %+v", jun)
	}
	if eur, _ := s.PeriodTotals(ctx, "EUR", MustDate("2026-05-01"), MustDate("2026-05-31")); eur != (PeriodTotals{}) {
		t.Errorf("EUR %+v", eur)
	}
}
