package data

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strings"
)

// PayRecord is how a customer has paid up to a day, and what they owe and hold now: the
// figures the collections worklist ranks customers by.
type PayRecord struct {
	CustomerID int64
	// Money applied to the customer's invoices by allocations dated on or before the day,
	// that money weighted by the days from each invoice's due date to the allocation
	// (negative: early), and the part applied by the due date.
	Paid, WeightedDays, OnTime int64
	Broken, Kept               int   // promises broken and kept (any day)
	Over90                     int64 // open today on invoices due more than 90 days before the day
	Open                       int64 // open today on posted invoices
	Credit                     int64 // unallocated payments today
}

// payRecordRebuildQuery sums every allocation dated on or before ?1 per customer: what
// payment_record holds, for a day.
const payRecordRebuildQuery = `SELECT i.customer_id, sum(a.amount) AS paid, sum(a.amount * max(-3650, min(3650, CAST(julianday(a.date) - julianday(i.due_date) AS INTEGER)))) AS wd,
	sum(CASE WHEN a.date <= i.due_date THEN a.amount ELSE 0 END) AS ot
	FROM allocations a CROSS JOIN invoices i ON i.id = a.invoice_id WHERE a.date <= ? GROUP BY i.customer_id`

// PayRecords gives the pay record of every customer that has any figure (customers without
// one have none of these). It reads the running totals of payment_record, minus the
// allocations dated after asOf, the promises, the open invoices and the payments with
// credit left: never every invoice or allocation.
func (s *Store) PayRecords(ctx context.Context, asOf Date) (map[int64]*PayRecord, error) {
	out := map[int64]*PayRecord{}
	get := func(id int64) *PayRecord {
		r := out[id]
		if r == nil {
			r = &PayRecord{CustomerID: id}
			out[id] = r
		}
		return r
	}
	err := s.View(ctx, func(tx sqlTx) error {
		steps := []struct {
			q    string
			args []any
			scan func(sc scanner) error
		}{
			{`SELECT customer_id, paid, weighted_days, on_time FROM payment_record`, nil, func(sc scanner) error {
				var id, paid, wd, ot int64
				if err := sc.Scan(&id, &paid, &wd, &ot); err != nil {
					return err
				}
				r := get(id)
				r.Paid, r.WeightedDays, r.OnTime = r.Paid+paid, r.WeightedDays+wd, r.OnTime+ot
				return nil
			}},
			{`SELECT i.customer_id, sum(a.amount), sum(a.amount * max(-3650, min(3650, CAST(julianday(a.date) - julianday(i.due_date) AS INTEGER)))),
				sum(CASE WHEN a.date <= i.due_date THEN a.amount ELSE 0 END)
				FROM allocations a JOIN invoices i ON i.id = a.invoice_id WHERE a.date > ? GROUP BY i.customer_id`,
				[]any{asOf}, func(sc scanner) error {
					var id, paid, wd, ot int64
					if err := sc.Scan(&id, &paid, &wd, &ot); err != nil {
						return err
					}
					r := get(id)
					r.Paid, r.WeightedDays, r.OnTime = r.Paid-paid, r.WeightedDays-wd, r.OnTime-ot
					return nil
				}},
			{`SELECT customer_id, sum(status = 'broken'), sum(status = 'kept') FROM promises
				WHERE status IN ('broken', 'kept') GROUP BY customer_id`, nil, func(sc scanner) error {
				var id int64
				var broken, kept int
				if err := sc.Scan(&id, &broken, &kept); err != nil {
					return err
				}
				r := get(id)
				r.Broken, r.Kept = broken, kept
				return nil
			}},
			{`SELECT customer_id, sum(open_amount), sum(CASE WHEN due_date < ? THEN open_amount ELSE 0 END) FROM invoices
				WHERE status = 'posted' AND open_amount > 0 GROUP BY currency, customer_id`, []any{asOf.AddDays(-90)}, func(sc scanner) error {
				// grouped by currency too, to read the open-invoice index in its order
				var id, open, over90 int64
				if err := sc.Scan(&id, &open, &over90); err != nil {
					return err
				}
				r := get(id)
				r.Open, r.Over90 = r.Open+open, r.Over90+over90
				return nil
			}},
			{`SELECT customer_id, sum(unallocated) FROM payments WHERE unallocated > 0 GROUP BY customer_id`, nil, func(sc scanner) error {
				var id, credit int64
				if err := sc.Scan(&id, &credit); err != nil {
					return err
				}
				get(id).Credit = credit
				return nil
			}},
		}
		var kept int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'payment_record'`).Scan(&kept); err != nil {
			return err
		}
		if kept == 0 {
			// A file opened read-only before migration 0014 has no running totals: sum the
			// allocations dated on or before asOf instead.
			steps[0].q, steps[0].args = payRecordRebuildQuery, []any{asOf}
			steps = append(steps[:1], steps[2:]...)
		}
		for _, st := range steps {
			rows, err := tx.QueryContext(ctx, st.q, st.args...)
			if err != nil {
				return err
			}
			for rows.Next() {
				if err := st.scan(rows); err != nil {
					rows.Close()
					return err
				}
			}
			err = rows.Err()
			rows.Close()
			if err != nil {
				return err
			}
		}
		return nil
	})
	return out, err
}

// checkPayRecord compares payment_record with the allocations (check's line per customer
// that differs; nothing on a file opened read-only before migration 0014). The record is
// read into memory (one row per customer) and compared with the allocations summed per
// customer here, from one pass over them in file order, each invoice looked up by id
// (CROSS JOIN): SQLite's GROUP BY would sort all of them first (at a million invoices
// 2.2 s of the check's CPU; this, 1.4 s). A file on which that cannot be summed in int64
// (over the bounds, or amounts that are not integers) is summed by SQLite, as the
// record's own rebuild does.
func checkPayRecord(ctx context.Context, tx sqlTx) ([]string, error) {
	return checkPayRecordWith(ctx, tx, nil)
}

// checkPayRecordWith is checkPayRecord with the allocations already summed per customer
// (want, as sumPayRecord sums them; check's allocScan does it with the pass it makes over
// them anyway), or summed here when want is nil.
func checkPayRecordWith(ctx context.Context, tx sqlTx, want map[int64]payFigs) ([]string, error) {
	var kept int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'payment_record'`).Scan(&kept); err != nil || kept == 0 {
		return nil, err
	}
	const label = "customer payment record does not match the allocations"
	type figs = payFigs
	// odd are the customers with a figure that is not a whole number (a damaged file: an
	// amount of 4000.5, a date SQLite cannot read), on either side: they do not match
	odd := map[int64]bool{}
	var oddKeys []string // the lines of the customers that are not ids
	read := func(q string) (map[int64]figs, error) {
		rows, err := tx.QueryContext(ctx, q)
		if err != nil {
			return nil, fmt.Errorf("check %q: %w", label, err)
		}
		defer rows.Close()
		out := map[int64]figs{}
		for rows.Next() {
			var key any
			var v [3]any
			if err := rows.Scan(&key, &v[0], &v[1], &v[2]); err != nil {
				return nil, err
			}
			id, ok := key.(int64)
			if !ok { // an invoice's customer that is not an id (a damaged file)
				oddKeys = append(oddKeys, fmt.Sprintf("%s: customer %q", label, fmt.Sprint(key)))
				continue
			}
			var f [3]int64
			for i := range v {
				var ok bool
				if f[i], ok = wholeNumber(v[i]); !ok {
					odd[id] = true
				}
			}
			out[id] = figs{f[0], f[1], f[2]}
		}
		return out, rows.Err()
	}
	kept2, err := read(`SELECT customer_id, paid, weighted_days, on_time FROM payment_record`)
	if err != nil {
		return nil, err
	}
	ok := want != nil
	if !ok {
		if want, ok, err = sumPayRecord(ctx, tx); err != nil {
			return nil, fmt.Errorf("check %q: %w", label, err)
		}
	}
	if !ok {
		if want, err = read(strings.Replace(payRecordRebuildQuery, "WHERE a.date <= ?", "", 1)); err != nil {
			if isOverflow(err) {
				// amounts far over the bounds (which check lists): no sum to compare
				return []string{label + ": " + sumsTooLarge}, nil
			}
			return nil, err
		}
	}
	var bad []int64
	for id, f := range kept2 {
		if f != want[id] || odd[id] {
			bad = append(bad, id)
		}
	}
	for id, f := range want {
		if _, ok := kept2[id]; !ok && (f != (figs{}) || odd[id]) {
			bad = append(bad, id)
		}
	}
	sort.Slice(bad, func(i, j int) bool { return bad[i] < bad[j] })
	var out []string
	for i, id := range bad {
		if i == 50 {
			break
		}
		out = append(out, fmt.Sprintf("%s: customer %d", label, id))
	}
	sort.Strings(oddKeys)
	return append(out, oddKeys[:min(len(oddKeys), max(0, 50-len(out)))]...), nil
}

// wholeNumber is v as an integer: an integer, or a real that is a whole number within
// int64 (SQLite's sums of a damaged file); false for anything else.
func wholeNumber(v any) (int64, bool) {
	switch x := v.(type) {
	case int64:
		return x, true
	case float64:
		if x == math.Trunc(x) && x >= -(1<<63) && x < 1<<63 {
			return int64(x), true
		}
	}
	return 0, false
}

// payFigs are a customer's figures in payment_record: paid, weighted days, on time.
type payFigs struct{ paid, wd, ot int64 }

// payRecordSumQuery gives each allocation's customer and figures. NOT INDEXED: the
// allocations in table order, which is nearly their invoices' order, so each invoice is
// read once page by page; through the covering date index (0016) the invoices were read
// in date order, at random (check at 1M: 11.6 s -> 7.8 s).
const payRecordSumQuery = `SELECT i.customer_id, a.amount,
		a.amount * max(-3650, min(3650, CAST(julianday(a.date) - julianday(i.due_date) AS INTEGER))),
		CASE WHEN a.date <= i.due_date THEN a.amount ELSE 0 END
		FROM allocations a NOT INDEXED CROSS JOIN invoices i ON i.id = a.invoice_id`

// sumPayRecord is payRecordRebuildQuery for every day, summed per customer in Go (see
// checkPayRecord); ok is false when a figure is not an integer (a date SQLite cannot
// read, an amount that is not a whole number) or a sum leaves int64.
func sumPayRecord(ctx context.Context, tx sqlTx) (map[int64]payFigs, bool, error) {
	rows, err := tx.QueryContext(ctx, payRecordSumQuery)
	if err != nil {
		return nil, false, err
	}
	defer rows.Close()
	out := map[int64]payFigs{}
	var bad bool
	add := func(a, b int64) int64 {
		s := a + b
		if (b > 0 && s < a) || (b < 0 && s > a) {
			bad = true
		}
		return s
	}
	for rows.Next() {
		var id, amount, wd, ot int64
		if rows.Scan(&id, &amount, &wd, &ot) != nil {
			return nil, false, nil
		}
		f := out[id]
		f.paid, f.wd, f.ot = add(f.paid, amount), add(f.wd, wd), add(f.ot, ot)
		if bad {
			return nil, false, nil
		}
		out[id] = f
	}
	return out, true, rows.Err()
}
