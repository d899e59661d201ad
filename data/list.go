package data

import (
	"context"
	"database/sql"
	"math"
	"strings"
	"sync/atomic"
)

// InvoiceRow is one invoice as a list shows it: no lines, the customer's name shared
// between its invoices, small enough to keep 100k+ of them in memory.
type InvoiceRow struct {
	ID         int64
	Seq        int64
	CustomerID int64
	Number     string // "" while draft
	Customer   string
	Currency   string
	PONumber   string
	Status     InvoiceStatus
	IssueDate  Date
	DueDate    Date
	SentDate   Date
	Total      int64
	Open       int64
}

// DaysOverdue is how many days past due the row is on day (0 when not open or not due).
func (r *InvoiceRow) DaysOverdue(day Date) int {
	if r.Status != StatusPosted || r.Open == 0 {
		return 0
	}
	return max(0, day.DaysSince(r.DueDate))
}

// InvoiceRows reads every invoice of the file as list rows (in id order). It reads
// customers once and dates through a small cache, so 100k invoices load in well under a
// second; ctx cancels the read. progress, if set, is told the rows read so far and how many
// there are, every 10,000 rows.
func (s *Store) InvoiceRows(ctx context.Context, progress func(done, total int)) ([]InvoiceRow, error) {
	var read atomic.Int64 // rows read by both halves, for progress
	var n int
	return readInHalves(ctx, s, `invoices`, func(total int) { n = total },
		func(ctx context.Context, tx sqlTx, from, to int64, size int) ([]InvoiceRow, error) {
			return readInvoiceRows(ctx, tx, from, to, size, func(more int) {
				if progress != nil {
					progress(int(read.Add(int64(more))), n)
				}
			})
		})
}

// readInHalves reads every row of table (invoices or payments) in id order with read: a
// large table (halveRowsAt rows or more) in two halves of its ids at once on one snapshot
// (viewShared; at a million rows on two cores a sixth less time, medians of six), the halves
// then put end to end; else, or when the snapshot cannot be shared, in one transaction.
// counted hears how many rows there are before the read starts.
func readInHalves[T any](ctx context.Context, s *Store, table string, counted func(n int),
	read func(ctx context.Context, tx sqlTx, from, to int64, size int) ([]T, error)) ([]T, error) {
	var n int
	var lo, hi int64 // the ids, to halve
	if err := s.r.QueryRowContext(ctx, `SELECT count(*), coalesce(min(id), 0), coalesce(max(id), 0) FROM `+table).Scan(&n, &lo, &hi); err != nil {
		return nil, err
	}
	counted(n)
	// (the count is from before the snapshot: the halves leave no id out either way)
	if mid := midID(lo, hi); n >= halveRowsAt && mid > lo && mid < hi {
		var a, b []T
		ok, err := s.viewShared(ctx,
			func(tx sqlTx) (err error) { a, err = read(ctx, tx, math.MinInt64, mid, n/2); return err },
			func(tx sqlTx) (err error) { b, err = read(ctx, tx, mid+1, math.MaxInt64, n/2); return err })
		if ok {
			if err != nil {
				return nil, err
			}
			return append(a, b...), nil
		}
	}
	var out []T
	err := s.View(ctx, func(tx sqlTx) (err error) {
		out, err = read(ctx, tx, math.MinInt64, math.MaxInt64, n)
		return err
	})
	return out, err
}

// midID is an id halfway between lo and hi (lo <= hi), without overflow for any ids a
// file can hold (rowids from -2^63 to 2^63-1).
func midID(lo, hi int64) int64 { return lo/2 + hi/2 + (lo%2+hi%2)/2 }

// halveRowsAt is the number of rows from which readInHalves reads two halves at once.
var halveRowsAt = 200_000

// readInvoiceRows reads the list rows of the invoices with ids from..to in id order (size:
// how many to make room for; tell hears of every 10,000 rows read).
func readInvoiceRows(ctx context.Context, tx sqlTx, from, to int64, size int, tell func(more int)) ([]InvoiceRow, error) {
	var out []InvoiceRow
	err := func() error {
		names, err := readCustomerNames(ctx, tx)
		if err != nil {
			return err
		}
		out = make([]InvoiceRow, 0, size)
		// The text columns come as one value, split at the unit separator (U+001F): the
		// driver's cost is per column, and seven columns fewer read a million invoices in
		// half the time. A row whose texts hold a separator themselves (a damaged or
		// hostile file: Duebook refuses control characters) is read again column by column.
		rows, err := tx.QueryContext(ctx, `SELECT id, coalesce(seq, 0), customer_id, total, open_amount,
			coalesce(number, '') || char(31) || currency || char(31) || po_number || char(31) || status || char(31) ||
			issue_date || char(31) || due_date || char(31) || coalesce(sent_date, '') FROM invoices WHERE id BETWEEN ? AND ? ORDER BY id`, from, to)
		if err != nil {
			return err
		}
		defer rows.Close()
		dates := dateCache{}
		interned := interner{}
		var again []int // rows to read column by column
		var texts [7]string
		fill := func(r *InvoiceRow, t *[7]string) error {
			// copies: a substring would keep the whole row's text alive
			r.Number, r.PONumber = strings.Clone(t[0]), strings.Clone(t[2])
			r.Currency, r.Status = interned.of(t[1]), InvoiceStatus(interned.of(t[3]))
			r.Customer = names[r.CustomerID]
			var err error
			if r.IssueDate, err = dates.parse(t[4]); err != nil {
				return err
			}
			if r.DueDate, err = dates.parse(t[5]); err != nil {
				return err
			}
			r.SentDate, err = dates.parse(t[6])
			return err
		}
		for rows.Next() {
			var r InvoiceRow
			var text sql.NullString // NULL: a NOT NULL column that is not (a damaged file)
			if err := rows.Scan(&r.ID, &r.Seq, &r.CustomerID, &r.Total, &r.Open, &text); err != nil {
				return err
			}
			if !splitUnits(text, texts[:]) {
				again = append(again, len(out))
			} else if err := fill(&r, &texts); err != nil {
				return err
			}
			out = append(out, r)
			if len(out)%10000 == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
				tell(10000)
			}
		}
		if err := rows.Err(); err != nil {
			return err
		}
		rows.Close()
		for _, i := range again {
			r := &out[i]
			var t [7]string
			if err := tx.QueryRowContext(ctx, `SELECT coalesce(number, ''), currency, po_number, status, issue_date, due_date, coalesce(sent_date, '')
				FROM invoices WHERE id = ?`, r.ID).Scan(&t[0], &t[1], &t[2], &t[3], &t[4], &t[5], &t[6]); err != nil {
				return err
			}
			if err := fill(r, &t); err != nil {
				return err
			}
		}
		return nil
	}()
	return out, err
}

// DueSummary is the open receivable falling due in a date range.
type DueSummary struct {
	Count  int
	Amount int64
}

// DueBetween sums the open posted invoices in currency due from..to (inclusive).
func (s *Store) DueBetween(ctx context.Context, currency string, from, to Date) (DueSummary, error) {
	var d DueSummary
	err := s.r.QueryRowContext(ctx, `SELECT count(*), coalesce(sum(open_amount), 0) FROM invoices
		WHERE status = 'posted' AND open_amount > 0 AND currency = ? AND due_date >= ? AND due_date <= ?`,
		currency, from, to).Scan(&d.Count, &d.Amount)
	return d, err
}

// OpenBalance is a customer's open posted invoices: how many and how much.
type OpenBalance struct {
	Count  int
	Amount int64
}

// CustomerOpenBalances gives the open balance of every customer that has one (for lists).
func (s *Store) CustomerOpenBalances(ctx context.Context) (map[int64]OpenBalance, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT customer_id, count(*), sum(open_amount) FROM invoices
		WHERE status = 'posted' AND open_amount > 0 GROUP BY customer_id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]OpenBalance{}
	for rows.Next() {
		var id int64
		var b OpenBalance
		if err := rows.Scan(&id, &b.Count, &b.Amount); err != nil {
			return nil, err
		}
		out[id] = b
	}
	return out, rows.Err()
}
