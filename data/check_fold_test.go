package data

import (
	"fmt"
	"reflect"
	"testing"
)

// dayNumber counts the days as SQLite's julianday does, for every date it takes (each day
// of four centuries and around the ends of the years it reads), and takes no other text.
func TestDayNumberIsJulianday(t *testing.T) {
	s := newStore(t, "2026-06-30")
	var dates []string
	for _, y := range []int{1000, 1582, 1600, 1899, 1900, 1969, 1970, 2000, 2024, 2025, 2026, 2100, 2400, 9999} {
		for m := 1; m <= 12; m++ {
			for d := 1; d <= 31; d++ {
				dates = append(dates, fmt.Sprintf("%04d-%02d-%02d", y, m, d))
			}
		}
	}
	rows, err := s.r.QueryContext(ctx, `WITH RECURSIVE d(j) AS (SELECT julianday('1800-01-01') UNION ALL SELECT j + 1 FROM d WHERE j < julianday('2200-01-01'))
		SELECT date(j) FROM d`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var d string
		if err := rows.Scan(&d); err != nil {
			t.Fatal(err)
		}
		dates = append(dates, d)
	}
	rows.Close()
	for _, d := range dates {
		got, ok := dayNumber(d)
		var want *float64
		if err := s.r.QueryRowContext(ctx, `SELECT CASE WHEN date(?1) = ?1 THEN julianday(?1) - 2440587.5 END`, d).Scan(&want); err != nil {
			t.Fatal(err)
		}
		if ok != (want != nil) || ok && float64(got) != *want {
			t.Fatalf("%s: dayNumber %d %v, julianday %v", d, got, ok, want)
		}
	}
	for _, d := range []string{"", "2026-02-30", "2025-02-29", "2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00",
		"0999-12-31", "2026-1-05", "2026-01-5 ", "2026-01-05 10:00", "2026-01-05T00:00", "+2026-01-0", "2026/01/05", "２026-01-05"} {
		if n, ok := dayNumber(d); ok {
			t.Errorf("%q: dayNumber %d, want none", d, n)
		}
	}
}

// allocScan gives the counts of the SQL pass it stands for and the payment record's sums
// of sumPayRecord, on a healthy file and on files damaged where it reads: or, where it
// cannot tell (a payment id or an amount that is not an integer, a date in another form),
// leaves them to the SQL.
func TestAllocScanIsTheSQLPass(t *testing.T) {
	for _, tc := range []struct {
		name    string
		stmts   func(f *ledgerFixture) []string
		decided bool // allocScan's counts hold
		summed  bool // allocScan's sums hold
	}{
		{"healthy", func(f *ledgerFixture) []string { return nil }, true, true},
		{"parties differ", func(f *ledgerFixture) []string {
			return []string{fmt.Sprintf(`UPDATE payments SET customer_id = %d WHERE id = %d`, f.c2.ID, f.pay.ID)}
		}, true, true},
		{"currencies differ", func(f *ledgerFixture) []string {
			return []string{fmt.Sprintf(`UPDATE payments SET currency = 'EUR' WHERE id = %d`, f.pay.ID)}
		}, true, true},
		{"payment missing", func(f *ledgerFixture) []string {
			return []string{fmt.Sprintf(`UPDATE allocations SET payment_id = 9999 WHERE id = %d`, f.payAlloc)}
		}, true, true},
		{"invoice missing", func(f *ledgerFixture) []string {
			return []string{fmt.Sprintf(`UPDATE allocations SET invoice_id = 9999 WHERE id = %d`, f.payAlloc)}
		}, true, true},
		{"payment id not an integer", func(f *ledgerFixture) []string {
			return []string{fmt.Sprintf(`UPDATE allocations SET payment_id = 'x' WHERE id = %d`, f.payAlloc)}
		}, false, true},
		{"amount not an integer", func(f *ledgerFixture) []string {
			return []string{fmt.Sprintf(`UPDATE allocations SET amount = 4000.5 WHERE id = %d`, f.payAlloc)}
		}, true, false},
		{"allocation dated with a time", func(f *ledgerFixture) []string {
			return []string{fmt.Sprintf(`UPDATE allocations SET date = date || ' 18:00' WHERE id = %d`, f.payAlloc)}
		}, true, false},
		{"due date a day its month has not", func(f *ledgerFixture) []string {
			return []string{fmt.Sprintf(`UPDATE invoices SET due_date = '2026-06-31' WHERE id = %d`, f.paid.ID)}
		}, true, false},
		{"customer of the invoice not an integer", func(f *ledgerFixture) []string {
			return []string{fmt.Sprintf(`UPDATE invoices SET customer_id = '%d' || 'x' WHERE id = %d`, f.c.ID, f.paid.ID)}
		}, true, false},
		{"amount beyond what days multiply", func(f *ledgerFixture) []string {
			return []string{fmt.Sprintf(`UPDATE allocations SET amount = %d WHERE id = %d`, maxFoldAmount+1, f.payAlloc)}
		}, true, false},
		{"sum beyond int64", func(f *ledgerFixture) []string {
			return []string{fmt.Sprintf(`UPDATE allocations SET amount = %d, date = '2040-01-01'`, maxFoldAmount)}
		}, true, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newLedgerFixture(t)
			f.corrupt(t, tc.stmts(f)...)
			var stop bool
			err := f.s.viewCheck(ctx, func(tx sqlTx) error {
				var fast, slow passes
				ok, err := fast.allocScan(ctx, tx)
				if err != nil {
					return err
				}
				q := slow.queries()
				for _, p := range q {
					if p.dest[0] == any(&slow.allocs) {
						if err := tx.QueryRowContext(ctx, p.q).Scan(p.dest...); err != nil {
							return err
						}
					}
				}
				if ok != tc.decided {
					t.Errorf("allocScan decides %v, want %v", ok, tc.decided)
				}
				got := []int64{fast.allocs, fast.allocOrphans, fast.allocParties, fast.allocPaymentKeysTable}
				want := []int64{slow.allocs, slow.allocOrphans, slow.allocParties, slow.allocPaymentKeysTable}
				if ok && !reflect.DeepEqual(got, want) {
					t.Errorf("allocScan counts %v, the SQL pass %v", got, want)
				}
				sums, sumsOK, err := sumPayRecord(ctx, tx)
				if err != nil {
					return err
				}
				if (fast.pay != nil) != tc.summed {
					t.Errorf("allocScan sums %v, want %v", fast.pay != nil, tc.summed)
				}
				if fast.pay != nil && (!sumsOK || !reflect.DeepEqual(fast.pay, sums)) {
					t.Errorf("allocScan sums %v, sumPayRecord %v %v", fast.pay, sums, sumsOK)
				}
				// and check says what the rules' own queries say
				v, errV := checkPayRecordWith(ctx, tx, fast.pay)
				w, errW := checkPayRecord(ctx, tx)
				if !reflect.DeepEqual(v, w) || (errV == nil) != (errW == nil) {
					t.Errorf("payment record: %q %v, summed in SQL %q %v", v, errV, w, errW)
				}
				stop = errW != nil // a record SQLite cannot sum in int64: check fails, as it did
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if stop {
				return
			}
			got, err := f.s.CheckFast(ctx)
			if err != nil {
				t.Fatal(err)
			}
			pages, err := sqliteCheck(ctx, f.s.r, `PRAGMA quick_check`)
			if err != nil {
				t.Fatal(err)
			}
			if want := append(pages, referenceCheck(t, f.s)...); !reflect.DeepEqual(got, want) {
				t.Errorf("CheckFast %q, want %q", got, want)
			}
		})
	}
}

// byID keeps each id's figures, small ids in its slice and the others in its map, and gives
// back exactly the ids met.
func TestByID(t *testing.T) {
	c := byID[payFigs]{limit: 1 << 17}
	for _, id := range []int64{5, 1 << 17, 5, -3, 1<<17 - 1, 0, 1 << 40, -3} {
		f := c.at(id)
		f.paid++
		f.wd += id
	}
	want := map[int64]payFigs{5: {2, 10, 0}, 1 << 17: {1, 1 << 17, 0}, -3: {2, -6, 0}, 1<<17 - 1: {1, 1<<17 - 1, 0}, 0: {1, 0, 0}, 1 << 40: {1, 1 << 40, 0}}
	got := map[int64]payFigs{}
	c.each(func(id int64, f *payFigs) { got[id] = *f })
	for id := range want {
		if f := c.lookup(id); f == nil || *f != want[id] {
			t.Errorf("lookup(%d) = %v, want %v", id, f, want[id])
		}
	}
	if c.lookup(7) != nil || c.lookup(1<<20) != nil {
		t.Errorf("lookup finds an id not met")
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%v, want %v", got, want)
	}
}
