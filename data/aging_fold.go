package data

import (
	"cmp"
	"context"
	"database/sql/driver"
	"math"
	"slices"
	"strconv"
)

// The aging's buckets summed in Go. Every row is handed to Go inside SQLite's step (fold):
// its days from due date to the aging's day are counted and it is added to its customer's
// bucket; then the names of those customers are read. SQLite's GROUP BY sorted every row
// by customer and ran julianday twice on each, and the as-of read sorted the events after
// the day by invoice to sum them: at a million invoices, three months back, aging took
// 0.5 s that way and about half of that so (see agingAsOfFold).
//
// Each function's done is false, and ag untouched, when a row is anything but plain: a
// customer, invoice or amount that is not an integer, a due date not written YYYY-MM-DD
// (SQLite may read such text otherwise, or not at all), a day before the year 1000, or
// amounts whose sizes add up past the int64 range (SQLite's sum fails wherever its order
// passes the range; no sum in any order can while their sizes stay in it). agingBySQL then
// gives the answer, or the error, as before.

// agingSums is the customers' buckets being summed.
type agingSums struct {
	asOf  int64         // the aging's day (dayNumber)
	at    map[int64]int // customer id → index in ids and sums
	ids   []int64
	sums  [][5]int64
	sizes uint64 // the sum of the amounts' sizes seen
	odd   bool   // a row was not plain
}

func newAgingSums(asOf Date) (*agingSums, bool) {
	day, ok := dayNumber(asOf.String())
	if !ok || foldUnavailable != nil {
		return nil, false
	}
	return &agingSums{asOf: day, at: map[int64]int{}}, true
}

// amount gives v as an amount, counting its size; false (and a.odd) when it is not one.
func (a *agingSums) amount(v driver.Value) (int64, bool) {
	n, ok := v.(int64)
	if !ok || n == math.MinInt64 {
		a.odd = true
		return 0, false
	}
	size := uint64(n)
	if n < 0 {
		size = uint64(-n)
	}
	if a.sizes += size; a.sizes > math.MaxInt64 {
		a.odd = true
		return 0, false
	}
	return n, true
}

// add adds amount (already counted) to customer v's bucket of due date d.
func (a *agingSums) add(customer, due driver.Value, amount int64) {
	cid, ok1 := customer.(int64)
	d, ok2 := due.(string)
	if !ok1 || !ok2 {
		a.odd = true
		return
	}
	day, ok := dayNumber(d)
	if !ok {
		a.odd = true
		return
	}
	k, seen := a.at[cid]
	if !seen {
		k = len(a.sums)
		a.at[cid] = k
		a.ids = append(a.ids, cid)
		a.sums = append(a.sums, [5]int64{})
	}
	a.sums[k][bucketOfDays(a.asOf-day)] += amount
}

// item folds one (customer_id, due_date, open) row.
func (a *agingSums) item(v []driver.Value) {
	if a.odd {
		return
	}
	if open, ok := a.amount(v[2]); ok {
		a.add(v[0], v[1], open)
	}
}

// fill puts the sums into ag, with the customers' names (a customer that is not found is
// left out, as agingBySQL's join does).
func (a *agingSums) fill(ctx context.Context, tx sqlTx, ag *Aging) error {
	names, err := readCustomerNamesOf(ctx, tx, a.ids)
	if err != nil {
		return err
	}
	rows := make([]AgingRow, 0, len(a.ids))
	for k, id := range a.ids {
		if name, ok := names[id]; ok {
			rows = append(rows, AgingRow{CustomerID: id, Customer: name, Buckets: a.sums[k]})
		}
	}
	ag.fill(rows)
	return nil
}

// agingFold is agingFromItems summed in Go.
func agingFold(ctx context.Context, tx sqlTx, ag *Aging, items string, currency string) (done bool, err error) {
	a, ok := newAgingSums(ag.AsOf)
	if !ok {
		return false, nil
	}
	if _, err := fold(ctx, tx, `SELECT `+checkFoldFunc+`(?3, customer_id, due_date, open) FROM (`+items+`)`, a.item, ag.AsOf.String(), currency); err != nil || a.odd {
		return false, err
	}
	return true, a.fill(ctx, tx, ag)
}

// agingAsOfFold is the as-of aging (agingAsOfItems) summed in Go, in three reads: the
// events after the day (from the covering date indexes), summed per invoice in Go; those
// invoices, looked up in id order (their ids go as a JSON array), each adding what came
// off it to its customer's bucket; and today's open amounts and the void invoices'
// balances, as in agingAsOfItems.
func agingAsOfFold(ctx context.Context, tx sqlTx, ag *Aging, currency string) (done bool, err error) {
	a, ok := newAgingSums(ag.AsOf)
	if !ok {
		return false, nil
	}
	d := ag.AsOf.String()
	later, err := a.laterEvents(ctx, tx, d, currency, false)
	if err != nil || a.odd {
		return false, err
	}
	if err := a.eachInvoiceOf(ctx, tx, `SELECT `+checkFoldFunc+`(?4, i.id, i.customer_id, i.due_date)
			FROM json_each(?3) j CROSS JOIN invoices i ON i.id = j.value
			WHERE i.status = 'posted' AND i.currency = ?2 AND i.issue_date <= ?1`, d, currency, later,
		func(v []driver.Value, events []laterEvent) {
			var n int64
			for _, e := range events {
				n += e.amount
			}
			a.add(v[1], v[2], n)
		}); err != nil || a.odd {
		return false, err
	}
	if _, err := fold(ctx, tx, `SELECT `+checkFoldFunc+`(?3, customer_id, due_date, open) FROM (
			SELECT customer_id, due_date, open_amount AS open
				FROM invoices WHERE status = 'posted' AND open_amount > 0 AND currency = ?2 AND issue_date <= ?1
			UNION ALL
			SELECT customer_id, due_date, open FROM (`+voidBalancesQuery+`) WHERE open > 0)`, a.item, d, currency); err != nil || a.odd {
		return false, err
	}
	return true, a.fill(ctx, tx, ag)
}

// jsonInts is ids as a JSON array.
func jsonInts(ids []int64) string {
	b := make([]byte, 0, 8*len(ids)+2)
	b = append(b, '[')
	for i, id := range ids {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, id, 10)
	}
	return string(append(b, ']'))
}

// laterEvent is an event (allocation, credit note, write-off) that took amount off an
// invoice on a day after the aging's (date: its day number, when asked for).
type laterEvent struct{ invoice, date, amount int64 }

// laterEvents are the events after the day after (from the covering date indexes), in the
// order of their invoices; nil and a.odd when one is not plain.
func (a *agingSums) laterEvents(ctx context.Context, tx sqlTx, after, currency string, dated bool) ([]laterEvent, error) {
	date := "NULL"
	if dated {
		date = "date"
	}
	var later []laterEvent
	_, err := fold(ctx, tx, `SELECT `+checkFoldFunc+`(?3, invoice_id, `+date+`, amount) FROM (
			SELECT invoice_id, date, amount FROM allocations WHERE date > ?1
			UNION ALL SELECT invoice_id, date, amount FROM credit_notes WHERE date > ?1
			UNION ALL SELECT invoice_id, date, amount FROM write_offs WHERE date > ?1)`, func(v []driver.Value) {
		if a.odd {
			return
		}
		id, ok := v[0].(int64)
		if !ok {
			a.odd = true
			return
		}
		var d int64
		if dated {
			d = a.day(v[1])
		}
		if n, ok := a.amount(v[2]); ok && !a.odd {
			later = append(later, laterEvent{id, d, n})
		}
	}, after, currency)
	if err != nil || a.odd {
		return nil, err
	}
	slices.SortFunc(later, func(x, y laterEvent) int { return cmp.Compare(x.invoice, y.invoice) })
	return later, nil
}

// eachInvoiceOf looks up the invoices of later (in the order of their invoices) by q, whose
// ?3 is their ids as a JSON array and ?4 the fold's token, in id order (each page of the
// invoices read once, not once per event in date order), calling fn with each invoice q
// gives (v[0] its id) and its events. An invoice out of that order sets a.odd.
func (a *agingSums) eachInvoiceOf(ctx context.Context, tx sqlTx, q, day, currency string, later []laterEvent, fn func(v []driver.Value, events []laterEvent)) error {
	if len(later) == 0 {
		return nil
	}
	var ids []int64
	for i, e := range later {
		if i == 0 || later[i-1].invoice != e.invoice {
			ids = append(ids, e.invoice)
		}
	}
	k := 0 // the invoices come back in the order of ids (a subset: those q keeps)
	_, err := fold(ctx, tx, q, func(v []driver.Value) {
		if a.odd {
			return
		}
		id, _ := v[0].(int64) // an INTEGER PRIMARY KEY
		for k < len(later) && later[k].invoice < id {
			k++
		}
		if k == len(later) || later[k].invoice != id {
			a.odd = true // not in the order asked: let SQLite answer
			return
		}
		end := k
		for end < len(later) && later[end].invoice == id {
			end++
		}
		fn(v, later[k:end])
		k = end
	}, day, currency, jsonInts(ids))
	return err
}

// day is v's day number; 0 and a.odd when v is not a plain date.
func (a *agingSums) day(v driver.Value) int64 {
	if t, ok := v.(string); ok {
		if d, ok := dayNumber(t); ok && d != 0 {
			return d
		}
	}
	a.odd = true
	return 0
}

// agingTotalsFold is AgingTotals's rows (agingTotalsItemsQuery) summed in Go, as
// agingAsOfFold reads them: the events after the earliest day, summed into each day they
// count on by their invoice looked up in id order, and today's open invoices. sums[i] is
// the buckets of days[i] without the void invoices. At a million invoices and 13 month
// ends, SQLite's lookup of each of 550k events' invoice in date order took 2.9 s.
func agingTotalsFold(ctx context.Context, tx sqlTx, days []Date, lo, currency string) (sums [][5]int64, done bool, err error) {
	if foldUnavailable != nil {
		return nil, false, nil
	}
	dn := make([]int64, len(days))
	for i, d := range days {
		v, ok := dayNumber(d.String())
		if !ok {
			return nil, false, nil
		}
		dn[i] = v
	}
	a := &agingSums{}
	sums = make([][5]int64, len(days))
	// add counts amount on each day that an invoice issued on issue, due on due, owed it:
	// from its issue to the day before the event that took it off (after; 0: still open)
	add := func(issue, due, after, amount int64) {
		for i, d := range dn {
			if issue <= d && (after == 0 || after > d) {
				sums[i][bucketOfDays(d-due)] += amount
			}
		}
	}
	day := a.day
	later, err := a.laterEvents(ctx, tx, lo, currency, true)
	if err != nil || a.odd {
		return nil, false, err
	}
	if err := a.eachInvoiceOf(ctx, tx, `SELECT `+checkFoldFunc+`(?4, i.id, i.issue_date, i.due_date)
			FROM json_each(?3) j CROSS JOIN invoices i ON i.id = j.value
			WHERE i.status = 'posted' AND i.currency = ?2`, lo, currency, later,
		func(v []driver.Value, events []laterEvent) {
			issue, due := day(v[1]), day(v[2])
			if a.odd {
				return
			}
			for _, e := range events {
				add(issue, due, e.date, e.amount)
			}
		}); err != nil || a.odd {
		return nil, false, err
	}
	if _, err := fold(ctx, tx, `SELECT `+checkFoldFunc+`(?3, issue_date, due_date, open_amount)
			FROM invoices WHERE status = 'posted' AND open_amount > 0 AND currency = ?2`, func(v []driver.Value) {
		if a.odd {
			return
		}
		issue, due := day(v[0]), day(v[1])
		if n, ok := a.amount(v[2]); ok && !a.odd {
			add(issue, due, 0, n)
		}
	}, lo, currency); err != nil || a.odd {
		return nil, false, err
	}
	return sums, true, nil
}
