package data

import (
	"context"
	"database/sql"
	"strings"
)

// Reads of the collections worklist: only what can produce an action today (open invoices
// whose first reminder day has come, their reminder log, promises broken lately or due
// today, follow-ups that have come due), each through an index, so that the worklist does
// not grow with the whole history of the file.

// DueInvoice is an open invoice as the reminder schedule reads it: what decides whether a
// reminder is due for it and what a reminder lists.
type DueInvoice struct {
	ID, CustomerID     int64
	Number             string
	IssueDate, DueDate Date
	OpenAmount         int64
	Currency           string
}

// EachOpenInvoiceDueBy calls fn with every posted invoice with an open balance issued on or
// before issuedBy and due on or before dueBy. It reads the open-invoice index of migration
// 0017 alone, which gives them by customer; a file opened read-only before that migration
// is read through the older open-invoice index and the table, in no order to rely on. The
// unary + keeps SQLite from walking the issue-date or due-date index over every invoice. An
// error of fn stops the walk and is returned.
func (s *Store) EachOpenInvoiceDueBy(ctx context.Context, issuedBy, dueBy Date, fn func(DueInvoice) error) error {
	rows, err := s.r.QueryContext(ctx, `SELECT id, customer_id, number, issue_date, due_date, open_amount, currency FROM invoices
		WHERE status = 'posted' AND open_amount > 0 AND +due_date <= ? AND +issue_date <= ?`, dueBy, issuedBy)
	if err != nil {
		return err
	}
	defer rows.Close()
	var inv DueInvoice
	var cur sql.RawBytes
	curs := map[string]string{} // the few currency codes, shared instead of one string a row
	for rows.Next() {
		if err := rows.Scan(&inv.ID, &inv.CustomerID, &inv.Number, &inv.IssueDate, &inv.DueDate, &inv.OpenAmount, &cur); err != nil {
			return err
		}
		c, ok := curs[string(cur)]
		if !ok {
			c = string(cur)
			curs[c] = c
		}
		inv.Currency = c
		if err := fn(inv); err != nil {
			return err
		}
	}
	return rows.Err()
}

// OpenRemindersSent maps each open invoice that has had a reminder to the latest step (days
// from due) sent for it.
func (s *Store) OpenRemindersSent(ctx context.Context) (map[int64]int, error) {
	return s.stepsSent(ctx, `SELECT r.invoice_id, max(r.step) FROM invoices i CROSS JOIN reminders r ON r.invoice_id = i.id
		WHERE i.status = 'posted' AND i.open_amount > 0 GROUP BY r.invoice_id`)
}

// PromisesToChase lists the promises broken in the 30 days up to asOf and the open ones
// promised for asOf, newest promised date first (as Promises).
func (s *Store) PromisesToChase(ctx context.Context, asOf Date) ([]Promise, error) {
	return queryAll(ctx, s.r, `SELECT id, customer_id, coalesce(invoice_id, 0), made_on, promised_date, amount, status, settled_on, note
		FROM promises WHERE (status = 'broken' AND settled_on <= ?1 AND settled_on >= ?2) OR (status = 'open' AND promised_date = ?1)
		ORDER BY promised_date DESC, id DESC`, func(sc scanner) (p Promise, err error) {
		err = sc.Scan(&p.ID, &p.CustomerID, &p.InvoiceID, &p.MadeOn, &p.PromisedDate, &p.Amount, &p.Status, &p.SettledOn, &p.Note)
		return p, err
	}, asOf, asOf.AddDays(-30))
}

// FollowUpsDue lists the contacts whose next follow-up is on or before asOf and that are
// their customer's latest contact (a later contact replaces the plan), newest first (as
// Activities).
func (s *Store) FollowUpsDue(ctx context.Context, asOf Date) ([]Activity, error) {
	return queryAll(ctx, s.r, `SELECT a.id, a.customer_id, coalesce(a.invoice_id, 0), a.kind, a.date, a.outcome, a.note, a.next_follow_up
		FROM activities a WHERE a.next_follow_up IS NOT NULL AND a.next_follow_up <> '' AND a.next_follow_up <= ?
			AND a.date = (SELECT max(l.date) FROM activities l WHERE l.customer_id = a.customer_id)
		ORDER BY a.date DESC, a.id DESC`, func(sc scanner) (a Activity, err error) {
		err = sc.Scan(&a.ID, &a.CustomerID, &a.InvoiceID, &a.Kind, &a.Date, &a.Outcome, &a.Note, &a.NextFollowUp)
		return a, err
	}, asOf)
}

// CustomerBrief is a customer as the worklist names and ranks them: who to ask for, how to
// reach them by phone, the currency of their figures, and what decides a credit-hold or
// record-review row.
type CustomerBrief struct {
	ID                   int64
	Name, Contact, Phone string
	Currency             string
	CreditLimit          int64
	CreditHold           bool
	LastReviewed         Date
}

// ReviewDue tells whether the record asks for a review on today (as Customer.ReviewDue).
func (c *CustomerBrief) ReviewDue(today Date) bool {
	return (&Customer{LastReviewed: c.LastReviewed}).ReviewDue(today)
}

// CustomerBriefs lists every customer, by id (the table in its own order: no index walk
// and no lookup a row).
func (s *Store) CustomerBriefs(ctx context.Context) ([]CustomerBrief, error) {
	var n int // the slice is made once, of its size (a hint: a customer added meanwhile is read too)
	if err := s.r.QueryRowContext(ctx, `SELECT count(*) FROM customers`).Scan(&n); err != nil {
		return nil, err
	}
	rows, err := s.r.QueryContext(ctx, `SELECT id, name, contact, phone, currency, credit_limit, credit_hold, last_reviewed FROM customers ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := make([]CustomerBrief, 0, n)
	var cur sql.RawBytes
	curs := map[string]string{}
	for rows.Next() {
		var c CustomerBrief
		var hold int
		if err := rows.Scan(&c.ID, &c.Name, &c.Contact, &c.Phone, &cur, &c.CreditLimit, &hold, &c.LastReviewed); err != nil {
			return nil, err
		}
		c.CreditHold = hold != 0
		if c.Currency = curs[string(cur)]; c.Currency == "" {
			c.Currency = string(cur)
			curs[c.Currency] = c.Currency
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// CustomersByID reads the customers of ids (those that exist), by id.
func (s *Store) CustomersByID(ctx context.Context, ids []int64) (map[int64]*Customer, error) {
	out := make(map[int64]*Customer, len(ids))
	for start := 0; start < len(ids); start += 500 {
		chunk := ids[start:min(start+500, len(ids))]
		args := make([]any, len(chunk))
		for i, id := range chunk {
			args[i] = id
		}
		cs, err := queryAll(ctx, s.r, `SELECT `+customerCols+` FROM customers WHERE id IN (`+placeholders(len(chunk))+`)`, scanCustomer, args...)
		if err != nil {
			return nil, err
		}
		for _, c := range cs {
			out[c.ID] = c
		}
	}
	return out, nil
}

// placeholders is "?,?,…,?" for n values.
func placeholders(n int) string {
	if n == 0 {
		return "NULL"
	}
	return strings.Repeat("?,", n-1) + "?"
}
