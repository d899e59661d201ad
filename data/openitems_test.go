package data

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"testing"
)

// OpenItemsAsOf gives exactly the open items of each customer's statement (StatementsFor's
// Open, for the customers of the aging on that day), in their order, on random companies, on
// random days and on the days of their events.
func TestOpenItemsAsOfMatchesStatements(t *testing.T) {
	today := MustDate("2026-06-30")
	for seed := uint64(1); seed <= 3; seed++ {
		s, err := OpenWith(filepath.Join(t.TempDir(), "co.duebook"), Options{Clock: FixedClock{today}})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		if err := s.GenerateDemo(ctx, DemoOptions{Customers: 25 + int(seed)*10, Invoices: 900, Seed: seed, Today: today}); err != nil {
			t.Fatal(err)
		}
		rng := rand.New(rand.NewPCG(seed, 5))
		days := []Date{today, today.AddDays(30)}
		for range 5 {
			days = append(days, today.AddDays(-rng.IntN(700)))
		}
		for _, q := range []string{`SELECT date FROM allocations ORDER BY random() LIMIT 3`, `SELECT date FROM credit_notes ORDER BY random() LIMIT 2`,
			`SELECT date FROM write_offs ORDER BY random() LIMIT 2`, `SELECT void_date FROM invoices WHERE void_date IS NOT NULL ORDER BY random() LIMIT 2`} {
			ds, err := queryAll(ctx, s.r, q, func(sc scanner) (d Date, err error) { err = sc.Scan(&d); return d, err })
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range ds {
				days = append(days, d, d.AddDays(-1))
			}
		}
		cur := "USD"
		items := 0
		for _, d := range days {
			ag, err := s.Aging(ctx, d, cur)
			if err != nil {
				t.Fatal(err)
			}
			ids := make([]int64, len(ag.Rows))
			for i, r := range ag.Rows {
				ids[i] = r.CustomerID
			}
			sts, err := s.StatementsFor(ctx, ids, d, d)
			if err != nil {
				t.Fatal(err)
			}
			got, err := s.OpenItemsAsOf(ctx, d, cur)
			if err != nil {
				t.Fatal(err)
			}
			for i, st := range sts {
				var want []StatementEntry
				if st.Currency == cur {
					want = st.Open
				}
				g := got[ids[i]]
				if len(g) != len(want) {
					t.Fatalf("seed %d %v customer %d: %d open items, statement has %d", seed, d, ids[i], len(g), len(want))
				}
				for k := range want {
					w, x := want[k], g[k]
					if fmt.Sprint(w.Ref, w.DueDate, w.Open, w.Date, w.Amount, w.InvoiceID) != fmt.Sprint(x.Ref, x.DueDate, x.Open, x.Date, x.Amount, x.InvoiceID) {
						t.Fatalf("seed %d %v customer %d item %d: got %+v, statement %+v", seed, d, ids[i], k, x, w)
					}
				}
				items += len(want)
			}
		}
		if items == 0 {
			t.Fatal("no open items compared")
		}
	}
}
