package data

import (
	"context"
	"sort"
	"strings"
)

// Reads of the collections worklist: only what can produce an action today (open invoices
// whose first reminder day has come, their reminder log, promises broken lately or due
// today, follow-ups that have come due), each through an index, so that the worklist does
// not grow with the whole history of the file.

// OpenInvoicesDueBy lists the posted invoices with an open balance issued on or before
// issuedBy and due on or before dueBy, newest first (issue date, then id, as Invoices).
// The unary + keeps SQLite from walking the issue-date or due-date index over every
// invoice: the open-invoice index holds only the open ones.
func (s *Store) OpenInvoicesDueBy(ctx context.Context, issuedBy, dueBy Date) ([]*Invoice, error) {
	out, err := queryAll(ctx, s.r, `SELECT `+invoiceCols+` FROM invoices i JOIN customers c ON c.id = i.customer_id
		WHERE i.status = 'posted' AND i.open_amount > 0 AND +i.due_date <= ? AND +i.issue_date <= ?`, scanInvoice, dueBy, issuedBy)
	// sorted here rather than by an SQLite sorter: (issue date, id) is unique
	sort.Slice(out, func(i, j int) bool {
		if a, b := out[i].IssueDate, out[j].IssueDate; !a.Equal(b) {
			return b.Before(a)
		}
		return out[i].ID > out[j].ID
	})
	return out, err
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
