package data

import (
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"
)

// The as-of aging read in two halves (events up to a day with the rest, events after it on
// their own) and added up is the one-query aging, byte for byte, whatever the day between;
// and Aging (which reads the halves at once on one snapshot) is the same, on a store opened
// for writing and on one opened read-only.
func TestAgingHalvesAddUpToTheWhole(t *testing.T) {
	if n := strings.Count(agingAsOfUpToQuery, "date <= ?3"); n != 3 {
		t.Fatalf("the first half bounds %d of the three event reads", n)
	}
	today := MustDate("2026-06-30")
	path := filepath.Join(t.TempDir(), "co.duebook")
	s, err := OpenWith(path, Options{Clock: FixedClock{today}})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.GenerateDemo(ctx, DemoOptions{Customers: 40, Invoices: 1500, Seed: 5, Today: today}); err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(5, 1))
	var days []Date
	for range 8 {
		days = append(days, today.AddDays(-1-rng.IntN(600)))
	}
	results := map[Date]string{}
	for _, d := range days {
		whole := &Aging{AsOf: d, Currency: "USD"}
		if err := s.View(ctx, func(tx sqlTx) error {
			return agingFromItems(ctx, tx, whole, agingAsOfQuery, d.String(), "USD")
		}); err != nil {
			t.Fatal(err)
		}
		if len(whole.Rows) == 0 {
			t.Fatalf("as of %s: nothing open; the comparison says nothing", d)
		}
		for _, mid := range []Date{d.AddDays(1), d.AddDays(1 + rng.IntN(400)), today, today.AddDays(30)} {
			var a, b Aging
			if err := s.View(ctx, func(tx sqlTx) error {
				if err := agingFromItems(ctx, tx, &a, agingAsOfUpToQuery, d.String(), "USD", mid.String()); err != nil {
					return err
				}
				return agingFromItems(ctx, tx, &b, agingAfterQuery, d.String(), "USD", mid.String())
			}); err != nil {
				t.Fatal(err)
			}
			sum := &Aging{AsOf: d, Currency: "USD"}
			addAging(sum, &a, &b)
			if got, want := agingCSV(sum), agingCSV(whole); got != want {
				t.Fatalf("as of %s, halves at %s: the sum differs from the whole\n got %s\nwant %s", d, mid, got, want)
			}
		}
		halves := agingHalves.Load()
		got, err := s.Aging(ctx, d, "USD")
		if err != nil {
			t.Fatal(err)
		}
		if agingHalves.Load() != halves+1 {
			t.Fatalf("as of %s: Aging did not read the halves at once", d)
		}
		if agingCSV(got) != agingCSV(whole) {
			t.Fatalf("as of %s: Aging differs from the one-query aging", d)
		}
		results[d] = agingCSV(whole)
	}
	s.Close()
	ro, err := OpenWith(path, Options{Clock: FixedClock{today}, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	for d, want := range results {
		halves := agingHalves.Load()
		got, err := ro.Aging(ctx, d, "USD")
		if agingHalves.Load() != halves+1 {
			t.Fatal("a read-only store did not read the halves at once")
		}
		if err != nil {
			t.Fatal(err)
		}
		if agingCSV(got) != want {
			t.Fatalf("read-only, as of %s: differs", d)
		}
	}
}

// viewShared gives its readers one snapshot: a write committed while they run is seen by
// none of them, and it is refused (nothing run) while another connection holds the write lock.
func TestViewSharedOneSnapshot(t *testing.T) {
	s := newStore(t, "2026-06-30")
	c := mkCustomer(t, s, "Snapshot Co", 30)
	mkInvoice(t, s, c, "2026-06-01", 100)
	count := func(tx sqlTx) (n int) {
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM invoices`).Scan(&n); err != nil {
			t.Error(err)
		}
		return n
	}
	var n1, n2 int
	started := make(chan struct{})
	wrote := make(chan struct{})
	ok, err := s.viewShared(ctx,
		func(tx sqlTx) error {
			close(started)
			<-wrote
			n1 = count(tx)
			return nil
		},
		func(tx sqlTx) error {
			<-started
			mkInvoice(t, s, c, "2026-06-02", 200) // commits while both readers are open
			close(wrote)
			n2 = count(tx)
			return nil
		})
	if !ok || err != nil {
		t.Fatalf("viewShared: ok %v err %v", ok, err)
	}
	if n1 != 1 || n2 != 1 {
		t.Fatalf("the readers saw %d and %d invoices, want the snapshot's 1 for both", n1, n2)
	}
	// another connection writing: viewShared does not wait and runs nothing
	other, err := OpenWith(s.Path(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	hold := make(chan struct{})
	done := make(chan struct{})
	go func() {
		other.Update(ctx, func(tx *Tx) error { <-hold; return nil })
		close(done)
	}()
	for i := 0; ; i++ { // until the other connection has its write lock
		var busy bool
		func() {
			w, err := s.w.Conn(ctx)
			if err != nil {
				t.Fatal(err)
			}
			defer w.Close()
			w.ExecContext(ctx, `PRAGMA busy_timeout = 0`)
			defer w.ExecContext(ctx, `PRAGMA busy_timeout = 5000`)
			if _, err := w.ExecContext(ctx, `BEGIN IMMEDIATE`); err != nil {
				busy = true
				return
			}
			w.ExecContext(ctx, `ROLLBACK`)
		}()
		if busy {
			break
		}
		if i > 1000 {
			t.Fatal("the other connection never took the write lock")
		}
	}
	ran := false
	ok, _ = s.viewShared(ctx, func(tx sqlTx) error { ran = true; return nil }, func(tx sqlTx) error { ran = true; return nil })
	close(hold)
	<-done
	if ok || ran {
		t.Fatalf("viewShared ran (%v, %v) while another connection held the write lock", ok, ran)
	}
}
