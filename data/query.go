package data

import (
	"context"
	"fmt"
	"sort"
	"strings"
)

// Bucket names of the aging report, in order.
var BucketNames = [5]string{"current", "1-30", "31-60", "61-90", "over_90"}

// BucketOf gives the aging bucket index of an item daysPastDue days past its due date.
func BucketOf(daysPastDue int) int { return bucketOfDays(int64(daysPastDue)) }

// AgingRow is one customer's open balance by bucket.
type AgingRow struct {
	CustomerID int64
	Customer   string
	Buckets    [5]int64
	Total      int64
}

// Aging is the receivables by age as of a date, in one currency.
type Aging struct {
	AsOf     Date
	Currency string
	Rows     []AgingRow // customers with a balance, by name
	Total    AgingRow
}

// Aging computes the aging report as of asOf for invoices in currency ("" = company currency).
// When nothing has happened after asOf (the usual "today" case) it reads only open invoices
// through the open-invoice index; for a past date it rebuilds each balance from today's
// open amount and the events dated after asOf (see agingAsOfItems).
func (s *Store) Aging(ctx context.Context, asOf Date, currency string) (*Aging, error) {
	if asOf.IsZero() {
		asOf = s.Today()
	}
	if currency == "" {
		c, err := s.Company(ctx)
		if err != nil {
			return nil, err
		}
		currency = c.Currency
	}
	ag := &Aging{AsOf: asOf, Currency: currency}
	err := s.View(ctx, func(tx sqlTx) error {
		var latest string
		if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(d), '') FROM (
			SELECT max(date) AS d FROM allocations UNION ALL SELECT max(date) FROM credit_notes
			UNION ALL SELECT max(date) FROM write_offs UNION ALL SELECT max(void_date) FROM invoices WHERE void_date IS NOT NULL
			UNION ALL SELECT max(issue_date) FROM invoices WHERE status <> 'draft')`).Scan(&latest); err != nil {
			return err
		}
		if latest <= asOf.String() {
			return agingFromItems(ctx, tx, ag, agingTodayItems, currency)
		}
		if done, err := agingAsOfFold(ctx, tx, ag, currency); done || err != nil {
			return err
		}
		return agingBySQL(ctx, tx, ag, agingAsOfItems, currency)
	})
	return ag, err
}

// agingFromItems fills ag from items, a query of (customer_id, due_date, open) rows on
// ?1 = ag.AsOf and ?2 = currency: summed per customer into the buckets of the days from
// each due date to ag.AsOf. The rows are summed in Go when every one is plain (agingFold);
// otherwise, and as the reference the tests compare with, inside SQLite (agingBySQL).
func agingFromItems(ctx context.Context, tx sqlTx, ag *Aging, items string, currency string) error {
	if done, err := agingFold(ctx, tx, ag, items, currency); done || err != nil {
		return err
	}
	return agingBySQL(ctx, tx, ag, items, currency)
}

// agingDaysQuery turns an items query into (customer_id, open, days) rows.
func agingDaysQuery(items string) string {
	return `SELECT customer_id, open, CAST(julianday(?1) - julianday(due_date) AS INTEGER) AS days FROM (` + items + `)`
}

// agingBySQL is agingFromItems inside SQLite: the buckets are summed per customer by a
// GROUP BY, and only one row per customer comes back, with the customer's name.
func agingBySQL(ctx context.Context, tx sqlTx, ag *Aging, items string, currency string) error {
	q := `SELECT x.*, c.name FROM (SELECT customer_id,
		sum(CASE WHEN days <= 0 THEN open ELSE 0 END),
		sum(CASE WHEN days BETWEEN 1 AND 30 THEN open ELSE 0 END),
		sum(CASE WHEN days BETWEEN 31 AND 60 THEN open ELSE 0 END),
		sum(CASE WHEN days BETWEEN 61 AND 90 THEN open ELSE 0 END),
		sum(CASE WHEN days > 90 THEN open ELSE 0 END)
		FROM (` + agingDaysQuery(items) + `) GROUP BY customer_id) x JOIN customers c ON c.id = x.customer_id`
	rows, err := tx.QueryContext(ctx, q, ag.AsOf.String(), currency)
	if err != nil {
		return err
	}
	defer rows.Close()
	var out []AgingRow
	for rows.Next() {
		var r AgingRow
		if err := rows.Scan(&r.CustomerID, &r.Buckets[0], &r.Buckets[1], &r.Buckets[2], &r.Buckets[3], &r.Buckets[4], &r.Customer); err != nil {
			return err
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	ag.fill(out)
	return nil
}

// fill sets ag's rows (their totals, by name) and its total from the customers' buckets.
func (ag *Aging) fill(rows []AgingRow) {
	ag.Rows = ag.Rows[:0]
	ag.Total = AgingRow{}
	var keys []string // lower-cased names, sorted with the rows
	for _, r := range rows {
		for _, b := range r.Buckets {
			r.Total += b
		}
		for i := range r.Buckets {
			ag.Total.Buckets[i] += r.Buckets[i]
		}
		ag.Total.Total += r.Total
		ag.Rows = append(ag.Rows, r)
		keys = append(keys, strings.ToLower(r.Customer))
	}
	ag.Total.Customer = "TOTAL"
	sort.Sort(agingByName{ag.Rows, keys})
}

// voidBalancesQuery gives (id, customer_id, due_date, open) of each invoice in ?2 issued by
// ?1 and voided after it: its balance on ?1, rebuilt from its events on or before ?1 (the
// void part of every as-of read: aging, its totals, the open items).
const voidBalancesQuery = `SELECT i.id, i.customer_id, i.due_date, i.total
			- coalesce((SELECT sum(amount) FROM allocations a WHERE a.invoice_id = i.id AND a.date <= ?1), 0)
			- coalesce((SELECT sum(amount) FROM credit_notes n WHERE n.invoice_id = i.id AND n.date <= ?1), 0)
			- coalesce((SELECT sum(amount) FROM write_offs w WHERE w.invoice_id = i.id AND w.date <= ?1), 0) AS open
			FROM invoices i
			WHERE i.void_date > ?1 AND i.void_date IS NOT NULL AND i.status = 'void' AND i.currency = ?2 AND i.issue_date <= ?1`

// agingTodayItems is the items of an aging on a day after every event: the open invoices.
const agingTodayItems = `SELECT customer_id, due_date, open_amount AS open
				FROM invoices WHERE status = 'posted' AND open_amount > 0 AND currency = ?2`

// sumBuckets sums q's (customer_id, open, days) rows into one row's buckets and total.
func sumBuckets(ctx context.Context, tx sqlTx, t *AgingRow, q string, args ...any) error {
	err := tx.QueryRowContext(ctx, `SELECT
		coalesce(sum(CASE WHEN days <= 0 THEN open ELSE 0 END), 0),
		coalesce(sum(CASE WHEN days BETWEEN 1 AND 30 THEN open ELSE 0 END), 0),
		coalesce(sum(CASE WHEN days BETWEEN 31 AND 60 THEN open ELSE 0 END), 0),
		coalesce(sum(CASE WHEN days BETWEEN 61 AND 90 THEN open ELSE 0 END), 0),
		coalesce(sum(CASE WHEN days > 90 THEN open ELSE 0 END), 0)
		FROM (`+q+`)`, args...).Scan(&t.Buckets[0], &t.Buckets[1], &t.Buckets[2], &t.Buckets[3], &t.Buckets[4])
	for _, b := range t.Buckets {
		t.Total += b // as Aging's total: the sum of its buckets
	}
	return err
}

// agingByName orders aging rows by lower-cased name, then customer id.
type agingByName struct {
	rows []AgingRow
	keys []string
}

func (a agingByName) Len() int { return len(a.rows) }
func (a agingByName) Less(i, j int) bool {
	if a.keys[i] != a.keys[j] {
		return a.keys[i] < a.keys[j]
	}
	return a.rows[i].CustomerID < a.rows[j].CustomerID
}
func (a agingByName) Swap(i, j int) {
	a.rows[i], a.rows[j] = a.rows[j], a.rows[i]
	a.keys[i], a.keys[j] = a.keys[j], a.keys[i]
}

// agingAsOfItems gives (customer_id, due_date, open) rows whose sums per customer and
// bucket are the balances open on ?1 in currency ?2.
//
// An invoice open on day D is open today, or has a payment allocation, credit note or
// write-off dated after D, or was voided after D (voiding removes its allocations; an
// invoice with credits or write-offs cannot be voided). Those few invoices are found
// through the open-invoice and event-date indexes (both covering) instead of scanning
// every invoice. A posted invoice's balance on D is its open amount today plus what came
// off it after D (open_amount = total − allocations − credits − write-offs is an invariant
// `check` verifies), and both parts fall in the same bucket (the invoice's due date), so
// they come as two rows: today's open amounts straight from the index, and the sum of each
// invoice's later events joined to its invoice in id order. Every row is positive, so a
// customer appears exactly when one of their invoices was open on D. A void invoice's
// balance on D is rebuilt from its events on or before D. The straightforward query (total
// minus the events up to D, for every invoice) gives the same aging;
// TestAgingAsOfMatchesRebuild compares the two.
const agingAsOfItems = `WITH later(invoice_id, amount) AS (
		SELECT invoice_id, amount FROM allocations WHERE date > ?1
		UNION ALL SELECT invoice_id, amount FROM credit_notes WHERE date > ?1
		UNION ALL SELECT invoice_id, amount FROM write_offs WHERE date > ?1),
	back AS MATERIALIZED (SELECT invoice_id, sum(amount) AS amount FROM later GROUP BY invoice_id)
	SELECT customer_id, due_date, open FROM (
		SELECT customer_id, due_date, open_amount AS open
			FROM invoices WHERE status = 'posted' AND open_amount > 0 AND currency = ?2 AND issue_date <= ?1
		UNION ALL
		SELECT i.customer_id, i.due_date, b.amount
			FROM back b CROSS JOIN invoices i ON i.id = b.invoice_id
			WHERE i.status = 'posted' AND i.currency = ?2 AND i.issue_date <= ?1
		UNION ALL
		SELECT customer_id, due_date, open FROM (` + voidBalancesQuery + `) WHERE open > 0)`

// Balance is what a customer owes.
type Balance struct {
	Currency  string
	Open      int64 // open invoices
	Overdue   int64 // part of Open past due on the day asked
	Credit    int64 // unallocated payments
	Net       int64 // Open − Credit
	OpenCount int
	Oldest    Date // oldest open due date
}

// CustomerBalance sums a customer's open invoices and credit as of the clock's today.
func (s *Store) CustomerBalance(ctx context.Context, customerID int64) (Balance, error) {
	var b Balance
	c, err := s.Customer(ctx, customerID)
	if err != nil {
		return b, err
	}
	b.Currency = c.Currency
	today := s.Today()
	var oldest *string
	err = s.r.QueryRowContext(ctx, `SELECT coalesce(sum(open_amount),0), coalesce(sum(CASE WHEN due_date < ? THEN open_amount END),0),
		count(*), min(due_date) FROM invoices WHERE customer_id = ? AND status = 'posted' AND open_amount > 0`, today, customerID).
		Scan(&b.Open, &b.Overdue, &b.OpenCount, &oldest)
	if err != nil {
		return b, err
	}
	if oldest != nil {
		b.Oldest, _ = ParseDate(*oldest)
	}
	if err := s.r.QueryRowContext(ctx, `SELECT coalesce(sum(unallocated),0) FROM payments WHERE customer_id = ? AND unallocated > 0`, customerID).Scan(&b.Credit); err != nil {
		return b, err
	}
	b.Net = b.Open - b.Credit
	return b, nil
}

// CreditCheck tells whether adding amount to the customer's open balance goes over the
// credit limit (a limit of 0 means none).
func (s *Store) CreditCheck(ctx context.Context, customerID, amount int64) (over bool, exposure, limit int64, err error) {
	c, err := s.Customer(ctx, customerID)
	if err != nil {
		return false, 0, 0, err
	}
	b, err := s.CustomerBalance(ctx, customerID)
	if err != nil {
		return false, 0, 0, err
	}
	exposure = b.Net + amount
	return c.CreditLimit > 0 && exposure > c.CreditLimit, exposure, c.CreditLimit, nil
}

// InvoiceFilter selects invoices for lists.
type InvoiceFilter struct {
	Status     InvoiceStatus // "" = any
	CustomerID int64
	OpenOnly   bool
	OverdueOn  Date // non-zero: only invoices open and past due on this day
	From, To   Date // issue date range
	Text       string
	Limit      int
}

// Invoices lists invoices (without lines), newest first.
func (s *Store) Invoices(ctx context.Context, f InvoiceFilter) ([]*Invoice, error) {
	q := `SELECT ` + invoiceCols + ` FROM invoices i JOIN customers c ON c.id = i.customer_id WHERE 1=1`
	var args []any
	if f.Status != "" {
		q += ` AND i.status = ?`
		args = append(args, string(f.Status))
	}
	if f.CustomerID > 0 {
		q += ` AND i.customer_id = ?`
		args = append(args, f.CustomerID)
	}
	if f.OpenOnly || !f.OverdueOn.IsZero() {
		q += ` AND i.status = 'posted' AND i.open_amount > 0`
	}
	if !f.OverdueOn.IsZero() {
		q += ` AND i.due_date < ?`
		args = append(args, f.OverdueOn)
	}
	if !f.From.IsZero() {
		q += ` AND i.issue_date >= ?`
		args = append(args, f.From)
	}
	if !f.To.IsZero() {
		q += ` AND i.issue_date <= ?`
		args = append(args, f.To)
	}
	if t := strings.TrimSpace(f.Text); t != "" {
		q += ` AND (i.number LIKE ? OR c.name LIKE ? OR i.po_number LIKE ?)`
		p := "%" + t + "%"
		args = append(args, p, p, p)
	}
	q += ` ORDER BY i.issue_date DESC, i.id DESC`
	if f.Limit > 0 {
		q += fmt.Sprintf(` LIMIT %d`, f.Limit)
	}
	return queryAll(ctx, s.r, q, scanInvoice, args...)
}

// OpenItems lists a customer's posted invoices with an open balance, oldest due first.
func (s *Store) OpenItems(ctx context.Context, customerID int64) ([]*Invoice, error) {
	return queryAll(ctx, s.r, `SELECT `+invoiceCols+` FROM invoices i JOIN customers c ON c.id = i.customer_id
		WHERE i.customer_id = ? AND i.status = 'posted' AND i.open_amount > 0 ORDER BY i.due_date, i.seq`, scanInvoice, customerID)
}

// CreditNotes lists the credit notes of an invoice.
func (s *Store) CreditNotes(ctx context.Context, invoiceID int64) ([]CreditNote, error) {
	return queryAll(ctx, s.r, `SELECT id, number, invoice_id, date, amount, reason FROM credit_notes WHERE invoice_id = ? ORDER BY id`,
		func(sc scanner) (c CreditNote, err error) {
			err = sc.Scan(&c.ID, &c.Number, &c.InvoiceID, &c.Date, &c.Amount, &c.Reason)
			return c, err
		}, invoiceID)
}

// WriteOffs lists the write-offs of an invoice.
func (s *Store) WriteOffs(ctx context.Context, invoiceID int64) ([]WriteOff, error) {
	return queryAll(ctx, s.r, `SELECT id, invoice_id, date, amount, reason FROM write_offs WHERE invoice_id = ? ORDER BY id`,
		func(sc scanner) (w WriteOff, err error) {
			err = sc.Scan(&w.ID, &w.InvoiceID, &w.Date, &w.Amount, &w.Reason)
			return w, err
		}, invoiceID)
}

// AuditEntry is one line of the audit log.
type AuditEntry struct {
	ID       int64
	At       string
	Action   string
	Entity   string
	EntityID int64
	Before   string
	After    string
}

// AuditLog lists audit lines of an entity ("" = all), newest first.
func (s *Store) AuditLog(ctx context.Context, entity string, id int64, limit int) ([]AuditEntry, error) {
	q := `SELECT id, at, action, entity, entity_id, before, after FROM audit`
	var args []any
	if entity != "" {
		q += ` WHERE entity = ? AND entity_id = ?`
		args = append(args, entity, id)
	}
	q += ` ORDER BY id DESC`
	if limit > 0 {
		q += fmt.Sprintf(" LIMIT %d", limit)
	}
	return queryAll(ctx, s.r, q, func(sc scanner) (a AuditEntry, err error) {
		err = sc.Scan(&a.ID, &a.At, &a.Action, &a.Entity, &a.EntityID, &a.Before, &a.After)
		return a, err
	}, args...)
}
