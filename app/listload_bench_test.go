package app

import (
	"context"
	"os"
	"testing"
	"time"

	"duebook/data"
)

// BenchmarkWindowListLoad measures what the Invoices and Payments screens do when shown on
// the company DUEBOOK_BENCH_FILE (make bench: the 100k and 1M samples): read every row and
// make the first view (s/invoices, s/payments), and the invoice list's search keys and other
// orders made after it is shown, off the UI goroutine (s/prepare).
func BenchmarkWindowListLoad(b *testing.B) {
	path := os.Getenv("DUEBOOK_BENCH_FILE")
	if path == "" {
		b.Skip("DUEBOOK_BENCH_FILE names the company (make bench sets it)")
	}
	s, err := data.OpenWith(path, data.Options{Clock: data.FixedClock{Day: data.MustDate(testToday)}, ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	var inv, prep, pay time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		t0 := time.Now()
		rows, err := s.InvoiceRows(ctx, nil)
		if err != nil {
			b.Fatal(err)
		}
		l := NewInvoiceList(rows, s.Today(), nil)
		l.Apply(InvoiceQuery{SortCol: ColIssue, Desc: true})
		t1 := time.Now()
		l.SortAll()
		t2 := time.Now()
		ps, err := s.PaymentRows(ctx, nil)
		if err != nil {
			b.Fatal(err)
		}
		all := make([]*data.Payment, len(ps))
		for j := range ps {
			all[j] = &ps[j]
		}
		newPaymentIndex(all).shown(nil, "", 0, true)
		t3 := time.Now()
		inv, prep, pay = inv+t1.Sub(t0), prep+t2.Sub(t1), pay+t3.Sub(t2)
	}
	n := float64(b.N)
	b.ReportMetric(inv.Seconds()/n, "s/invoices")
	b.ReportMetric(prep.Seconds()/n, "s/prepare")
	b.ReportMetric(pay.Seconds()/n, "s/payments")
}
