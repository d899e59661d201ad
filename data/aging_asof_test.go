package data

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strconv"
	"testing"
)

// agingRebuiltQuery is the straightforward as-of query: every invoice issued by ?1, its
// total minus each event dated on or before ?1. Aging's indexed query must give the same.
const agingRebuiltQuery = `SELECT customer_id, due_date, open FROM (
	SELECT i.customer_id, i.due_date, i.total
	  - coalesce((SELECT sum(amount) FROM allocations a WHERE a.invoice_id = i.id AND a.date <= ?1), 0)
	  - coalesce((SELECT sum(amount) FROM credit_notes n WHERE n.invoice_id = i.id AND n.date <= ?1), 0)
	  - coalesce((SELECT sum(amount) FROM write_offs w WHERE w.invoice_id = i.id AND w.date <= ?1), 0) AS open
	FROM invoices i
	WHERE i.currency = ?2 AND i.issue_date <= ?1
	  AND (i.status = 'posted' OR (i.status = 'void' AND i.void_date > ?1))) WHERE open > 0`

func agingRebuilt(t *testing.T, s *Store, asOf Date, currency string) *Aging {
	t.Helper()
	ag := &Aging{AsOf: asOf, Currency: currency}
	if err := s.View(ctx, func(tx sqlTx) error {
		return agingBySQL(ctx, tx, ag, agingRebuiltQuery, currency)
	}); err != nil {
		t.Fatal(err)
	}
	return ag
}

// agingCSV renders an aging as the CSV the aging command writes: one line per customer and
// the total, amounts in minor units.
func agingCSV(ag *Aging) string {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write([]string{"customer_id", "customer", "current", "1-30", "31-60", "61-90", "over_90", "total"})
	for _, r := range append(ag.Rows, ag.Total) {
		rec := []string{strconv.FormatInt(r.CustomerID, 10), r.Customer}
		for _, v := range r.Buckets {
			rec = append(rec, strconv.FormatInt(v, 10))
		}
		w.Write(append(rec, strconv.FormatInt(r.Total, 10)))
	}
	w.Flush()
	return b.String()
}

// The indexed as-of aging (today's open amount plus what came off after the day, found
// through the event-date indexes) gives byte-identical aging to the straightforward rebuild
// on random sample companies, on random days and on the days around their events (payments,
// credit notes, write-offs, voids) where a balance changes.
func TestAgingAsOfMatchesRebuild(t *testing.T) {
	today := MustDate("2026-06-30")
	for seed := uint64(1); seed <= 4; seed++ {
		s, err := OpenWith(filepath.Join(t.TempDir(), "co.duebook"), Options{Clock: FixedClock{today}})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		if err := s.GenerateDemo(ctx, DemoOptions{Customers: 30 + int(seed)*10, Invoices: 1200, Seed: seed, Today: today}); err != nil {
			t.Fatal(err)
		}
		rng := rand.New(rand.NewPCG(seed, 99))
		var days []Date
		for range 6 {
			days = append(days, today.AddDays(-rng.IntN(800)))
		}
		// the days of some events, and the days just before them
		for _, q := range []string{
			`SELECT date FROM allocations ORDER BY random() LIMIT 3`,
			`SELECT date FROM credit_notes ORDER BY random() LIMIT 2`,
			`SELECT date FROM write_offs ORDER BY random() LIMIT 2`,
			`SELECT void_date FROM invoices WHERE void_date IS NOT NULL ORDER BY random() LIMIT 2`,
		} {
			ds, err := queryAll(ctx, s.r, q, func(sc scanner) (d Date, err error) { err = sc.Scan(&d); return d, err })
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range ds {
				days = append(days, d, d.AddDays(-1))
			}
		}
		days = append(days, today, today.AddDays(45)) // after every event: the open invoices alone
		var voids int
		if err := s.r.QueryRowContext(ctx, `SELECT count(*) FROM invoices WHERE status = 'void'`).Scan(&voids); err != nil {
			t.Fatal(err)
		}
		for _, d := range days {
			fast, err := s.Aging(ctx, d, "")
			if err != nil {
				t.Fatal(err)
			}
			want := agingRebuilt(t, s, d, fast.Currency)
			if got, exp := agingCSV(fast), agingCSV(want); got != exp {
				t.Fatalf("seed %d (%d voids) as of %s: indexed aging differs from the rebuild\n got %s\nwant %s", seed, voids, d, got, exp)
			}
			if len(want.Rows) == 0 && d.After(today.AddDays(-700)) {
				t.Fatalf("seed %d as of %s: no open invoices at all; the comparison says nothing", seed, d)
			}
		}
		t.Log(fmt.Sprintf("seed %d: %d days compared, %d voids", seed, len(days), voids))
	}
}

// AgingTotals on many days at once is Aging's total row on each, whatever the order of the days,
// on random companies (voids, credit notes, write-offs, promises of the demo) and on the
// days of their events and the days before them.
func TestAgingTotalsMatchesEachDay(t *testing.T) {
	today := MustDate("2026-06-30")
	for seed := uint64(3); seed <= 5; seed++ {
		s, err := OpenWith(filepath.Join(t.TempDir(), "co.duebook"), Options{Clock: FixedClock{today}})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		if err := s.GenerateDemo(ctx, DemoOptions{Customers: 30, Invoices: 1300, Seed: seed, Today: today}); err != nil {
			t.Fatal(err)
		}
		var days []Date
		for m := 0; m < 14; m++ {
			days = append(days, today.FirstOfMonth().AddMonths(-m).AddDays(-1))
		}
		for _, q := range []string{`SELECT date FROM credit_notes ORDER BY random() LIMIT 3`, `SELECT date FROM write_offs ORDER BY random() LIMIT 3`,
			`SELECT void_date FROM invoices WHERE void_date IS NOT NULL ORDER BY random() LIMIT 3`, `SELECT date FROM allocations ORDER BY random() LIMIT 3`} {
			ds, err := queryAll(ctx, s.r, q, func(sc scanner) (d Date, err error) { err = sc.Scan(&d); return d, err })
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range ds {
				days = append(days, d, d.AddDays(-1))
			}
		}
		days = append(days, today, today.AddDays(20), MustDate("2001-01-01"))
		got, err := s.AgingTotals(ctx, days, "")
		if err != nil {
			t.Fatal(err)
		}
		nonzero := 0
		for i, d := range days {
			want, err := s.Aging(ctx, d, "")
			if err != nil {
				t.Fatal(err)
			}
			if got[i] != want.Total {
				t.Fatalf("seed %d, %v: AgingTotals %+v, Aging's total %+v", seed, d, got[i], want.Total)
			}
			if one, err := s.AgingTotals(ctx, []Date{d}, "USD"); err != nil || one[0] != want.Total {
				t.Fatalf("seed %d, %v alone: %+v %v", seed, d, one, err)
			}
			if want.Total.Total != 0 {
				nonzero++
			}
		}
		if nonzero < len(days)/2 {
			t.Fatalf("only %d of %d days had a balance", nonzero, len(days))
		}
		if eur, err := s.AgingTotals(ctx, days[:3], "EUR"); err != nil || eur[0].Total != 0 || eur[0].Customer != "TOTAL" {
			t.Fatalf("a currency without invoices: %+v %v", eur, err)
		}
	}
}
