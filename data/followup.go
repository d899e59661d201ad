package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// Activity is one contact with a customer: an email, call, letter, note or reminder.
type Activity struct {
	ID           int64
	CustomerID   int64
	InvoiceID    int64 // 0 = the whole account
	Kind         string
	Date         Date
	Outcome      string
	Note         string
	NextFollowUp Date
}

// ActivityKinds are the kinds of contact.
var ActivityKinds = []string{"email", "call", "letter", "note", "reminder"}

// LogActivity records a contact. A zero date means today; a contact dated after today is
// refused (it has not happened yet: a later follow-up is NextFollowUp).
func (s *Store) LogActivity(ctx context.Context, a *Activity) error {
	if today := s.Today(); a.Date.After(today) {
		return fieldErr("date", fmt.Sprintf("%s is after today (%s); log a contact once it has happened (a later follow-up is the next follow-up date)", a.Date, today))
	}
	return s.Update(ctx, func(tx *Tx) error { return tx.LogActivity(a) })
}

// LogActivity records a contact inside an open transaction.
func (tx *Tx) LogActivity(a *Activity) error {
	var v ValidationErrors
	if a.CustomerID <= 0 {
		v.add("customer", "is required")
	}
	a.Kind = strings.ToLower(strings.TrimSpace(a.Kind))
	if !contains(ActivityKinds, a.Kind) {
		v.add("kind", "must be one of "+strings.Join(ActivityKinds, ", "))
	}
	if a.Date.IsZero() {
		a.Date = tx.s.Today()
	}
	if !a.NextFollowUp.IsZero() && a.NextFollowUp.Before(a.Date) {
		v.add("next_follow_up", "is before the date of the contact")
	}
	if strings.TrimSpace(a.Note) == "" && strings.TrimSpace(a.Outcome) == "" {
		v.add("note", "say what happened (a note or an outcome)")
	}
	a.Outcome, a.Note = cleanText(a.Outcome), cleanText(a.Note)
	checkText(&v, "outcome", a.Outcome, true)
	checkText(&v, "note", a.Note, true)
	if err := v.err(); err != nil {
		return err
	}
	if err := tx.checkCustomerInvoice(a.CustomerID, a.InvoiceID); err != nil {
		return err
	}
	res, err := tx.ExecContext(tx.ctx, `INSERT INTO activities(customer_id, invoice_id, kind, date, outcome, note, next_follow_up, created)
		VALUES (?,?,?,?,?,?,?,?)`, a.CustomerID, nullID(a.InvoiceID), a.Kind, a.Date, a.Outcome, a.Note, a.NextFollowUp, tx.s.nowText())
	if err != nil {
		return err
	}
	a.ID, _ = res.LastInsertId()
	return nil
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if x == y {
			return true
		}
	}
	return false
}

func nullID(id int64) any {
	if id <= 0 {
		return nil
	}
	return id
}

func (tx *Tx) checkCustomerInvoice(customerID, invoiceID int64) error {
	var n int
	if err := tx.QueryRowContext(tx.ctx, `SELECT count(*) FROM customers WHERE id = ?`, customerID).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		return fieldErr("customer", fmt.Sprintf("customer %d does not exist", customerID))
	}
	if invoiceID > 0 {
		var cid int64
		err := tx.QueryRowContext(tx.ctx, `SELECT customer_id FROM invoices WHERE id = ?`, invoiceID).Scan(&cid)
		if errors.Is(err, sql.ErrNoRows) {
			return fieldErr("invoice", fmt.Sprintf("invoice %d does not exist", invoiceID))
		} else if err != nil {
			return err
		}
		if cid != customerID {
			return fieldErr("invoice", "belongs to another customer")
		}
	}
	return nil
}

// Activities lists a customer's contacts, newest first (customerID 0 = everyone).
func (s *Store) Activities(ctx context.Context, customerID int64) ([]Activity, error) {
	q := `SELECT id, customer_id, coalesce(invoice_id, 0), kind, date, outcome, note, next_follow_up FROM activities`
	var args []any
	if customerID > 0 {
		q += ` WHERE customer_id = ?`
		args = append(args, customerID)
	}
	return queryAll(ctx, s.r, q+` ORDER BY date DESC, id DESC`, func(sc scanner) (a Activity, err error) {
		err = sc.Scan(&a.ID, &a.CustomerID, &a.InvoiceID, &a.Kind, &a.Date, &a.Outcome, &a.Note, &a.NextFollowUp)
		return a, err
	}, args...)
}

// PromiseGraceDays is how long after the promised date a payment still keeps the promise.
const PromiseGraceDays = 2

// Promise is a customer's promise to pay an amount by a date.
type Promise struct {
	ID           int64
	CustomerID   int64
	InvoiceID    int64 // 0 = the account
	MadeOn       Date
	PromisedDate Date
	Amount       int64
	Status       string // open, kept, broken
	SettledOn    Date
	Note         string
}

// AddPromise records a promise to pay (and a call/note activity is up to the caller).
func (s *Store) AddPromise(ctx context.Context, p *Promise) error {
	return s.Update(ctx, func(tx *Tx) error { return tx.AddPromise(p) })
}

// AddPromiseByCall records a promise made on a call, with the call in the contact log
// ("promised 1,234.56 USD by 2026-06-30"), in one transaction.
func (s *Store) AddPromiseByCall(ctx context.Context, p *Promise) error {
	return s.Update(ctx, func(tx *Tx) error {
		if err := tx.AddPromise(p); err != nil {
			return err
		}
		var cur string
		if err := tx.QueryRowContext(ctx, `SELECT currency FROM customers WHERE id = ?`, p.CustomerID).Scan(&cur); err != nil {
			return err
		}
		return tx.LogActivity(&Activity{CustomerID: p.CustomerID, InvoiceID: p.InvoiceID, Kind: "call", Date: p.MadeOn,
			Outcome: fmt.Sprintf("promised %s by %s", Money{Amount: p.Amount, Currency: cur}, p.PromisedDate), Note: p.Note})
	})
}

// AddPromise records a promise inside an open transaction.
func (tx *Tx) AddPromise(p *Promise) error {
	var v ValidationErrors
	if p.CustomerID <= 0 {
		v.add("customer", "is required")
	}
	if p.MadeOn.IsZero() {
		p.MadeOn = tx.s.Today()
	} else if today := tx.s.Today(); p.MadeOn.After(today) {
		v.add("made_on", fmt.Sprintf("%s is after today (%s); a promise is recorded once it is made", p.MadeOn, today))
	}
	if p.PromisedDate.IsZero() {
		v.add("promised_date", "is required")
	} else if p.PromisedDate.Before(p.MadeOn) {
		v.add("promised_date", "is before the day the promise was made")
	}
	if p.Amount <= 0 {
		v.add("amount", "must be greater than zero")
	}
	p.Note = cleanText(p.Note)
	checkText(&v, "note", p.Note, true)
	if err := v.err(); err != nil {
		return err
	}
	if err := tx.checkCustomerInvoice(p.CustomerID, p.InvoiceID); err != nil {
		return err
	}
	// A promise pays what is owed: more than is open (99,999,999.00 on a paid invoice) is a typo.
	var open int64
	var cur, where string
	if p.InvoiceID > 0 {
		if err := tx.QueryRowContext(tx.ctx, `SELECT CASE WHEN status = 'posted' THEN open_amount ELSE 0 END, currency, number FROM invoices WHERE id = ?`,
			p.InvoiceID).Scan(&open, &cur, &where); err != nil {
			return err
		}
		where = "on " + where
	} else {
		if err := tx.QueryRowContext(tx.ctx, `SELECT coalesce((SELECT sum(open_amount) FROM invoices WHERE customer_id = c.id AND status = 'posted'), 0), c.currency
			FROM customers c WHERE c.id = ?`, p.CustomerID).Scan(&open, &cur); err != nil {
			return err
		}
		where = "on the account"
	}
	if open <= 0 {
		return fieldErr("amount", "nothing is open "+where+" to promise")
	}
	if p.Amount > open {
		return fieldErr("amount", fmt.Sprintf("is more than the %s open %s", Money{Amount: open, Currency: cur}, where))
	}
	p.Status = "open"
	res, err := tx.ExecContext(tx.ctx, `INSERT INTO promises(customer_id, invoice_id, made_on, promised_date, amount, status, note, created)
		VALUES (?,?,?,?,?,'open',?,?)`, p.CustomerID, nullID(p.InvoiceID), p.MadeOn, p.PromisedDate, p.Amount, p.Note, tx.s.nowText())
	if err != nil {
		return err
	}
	p.ID, _ = res.LastInsertId()
	return tx.Audit("promise.create", "customer", p.CustomerID, nil, p)
}

// Promises lists promises of a customer (0 = all), newest first; status "" = any.
func (s *Store) Promises(ctx context.Context, customerID int64, status string) ([]Promise, error) {
	q := `SELECT id, customer_id, coalesce(invoice_id, 0), made_on, promised_date, amount, status, settled_on, note FROM promises WHERE 1=1`
	var args []any
	if customerID > 0 {
		q += ` AND customer_id = ?`
		args = append(args, customerID)
	}
	if status != "" {
		q += ` AND status = ?`
		args = append(args, status)
	}
	return queryAll(ctx, s.r, q+` ORDER BY promised_date DESC, id DESC`, func(sc scanner) (p Promise, err error) {
		err = sc.Scan(&p.ID, &p.CustomerID, &p.InvoiceID, &p.MadeOn, &p.PromisedDate, &p.Amount, &p.Status, &p.SettledOn, &p.Note)
		return p, err
	}, args...)
}

// SettlePromises decides open promises as of asOf: kept once the customer's payments dated
// from the day of the promise to the promised date + grace add up to the amount; broken when
// the promised date + grace has passed without that. It returns the promises it decided.
// The pages it read (each open promise's payments, scattered over the file) are let go of
// afterwards: they are read once a day, and would otherwise stay in the writer's page
// cache (20 MB at a million invoices).
func (s *Store) SettlePromises(ctx context.Context, asOf Date) ([]Promise, error) {
	var decided []Promise
	err := s.Update(ctx, func(tx *Tx) error {
		open, err := queryAll(ctx, tx, `SELECT id, customer_id, coalesce(invoice_id, 0), made_on, promised_date, amount, note
			FROM promises WHERE status = 'open' AND made_on <= ?`, func(sc scanner) (p Promise, err error) {
			err = sc.Scan(&p.ID, &p.CustomerID, &p.InvoiceID, &p.MadeOn, &p.PromisedDate, &p.Amount, &p.Note)
			return p, err
		}, asOf)
		if err != nil {
			return err
		}
		paidBy, err := tx.PrepareContext(ctx, `SELECT coalesce(sum(amount), 0), max(date) FROM payments
			WHERE customer_id = ? AND date >= ? AND date <= ?`) // one statement for every promise
		if err != nil {
			return err
		}
		defer paidBy.Close()
		for _, p := range open {
			end := p.PromisedDate.AddDays(PromiseGraceDays)
			if end.After(asOf) {
				end = asOf
			}
			var paid int64
			var last sql.NullString
			if err := paidBy.QueryRowContext(ctx, p.CustomerID, p.MadeOn, end).Scan(&paid, &last); err != nil {
				return err
			}
			switch {
			case paid >= p.Amount:
				p.Status = "kept"
				p.SettledOn, _ = ParseDate(last.String)
			case asOf.After(p.PromisedDate.AddDays(PromiseGraceDays)):
				p.Status = "broken"
				p.SettledOn = p.PromisedDate.AddDays(PromiseGraceDays)
			default:
				continue
			}
			if _, err := tx.ExecContext(ctx, `UPDATE promises SET status = ?, settled_on = ? WHERE id = ?`, p.Status, p.SettledOn, p.ID); err != nil {
				return err
			}
			if err := tx.Audit("promise."+p.Status, "customer", p.CustomerID, map[string]string{"status": "open"}, p); err != nil {
				return err
			}
			decided = append(decided, p)
		}
		return nil
	})
	if err == nil {
		s.w.ExecContext(ctx, `PRAGMA shrink_memory`) // only memory: nothing to report if it fails
	}
	return decided, err
}

// Dispute is a customer's objection to an invoice; while open, reminders for it pause.
type Dispute struct {
	ID         int64
	InvoiceID  int64
	Reason     string
	Status     string // open, resolved
	Opened     Date
	Resolved   Date
	Resolution string

	InvoiceNumber string
	CustomerID    int64
}

// OpenDispute records a dispute on a posted invoice.
func (s *Store) OpenDispute(ctx context.Context, d *Dispute) error {
	d.Reason = cleanText(d.Reason)
	if d.Reason == "" {
		return fieldErr("reason", "is required")
	}
	var v ValidationErrors
	if checkText(&v, "reason", d.Reason, true); v.err() != nil {
		return v.err()
	}
	if d.Opened.IsZero() {
		d.Opened = s.Today()
	}
	return s.Update(ctx, func(tx *Tx) error {
		inv, err := getInvoice(ctx, tx, "i.id = ?", d.InvoiceID)
		if errors.Is(err, ErrNotFound) {
			return fieldErr("invoice", fmt.Sprintf("invoice %d does not exist", d.InvoiceID))
		} else if err != nil {
			return err
		}
		if err := disputable(inv, d.Opened, s.Today()); err != nil {
			return err
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM disputes WHERE invoice_id = ? AND status = 'open'`, d.InvoiceID).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return fieldErr("invoice", fmt.Sprintf("%s already has an open dispute", inv.Number))
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO disputes(invoice_id, reason, status, opened, created) VALUES (?,?,'open',?,?)`,
			d.InvoiceID, d.Reason, d.Opened, s.nowText())
		if err != nil {
			return err
		}
		d.ID, _ = res.LastInsertId()
		d.Status, d.InvoiceNumber, d.CustomerID = "open", inv.Number, inv.CustomerID
		return tx.Audit("dispute.open", "invoice", d.InvoiceID, nil, d)
	})
}

// disputable refuses a dispute opened on day (today is the clock's) on an invoice that
// cannot be disputed: a draft (never sent), a void invoice, one with nothing left open
// (paid, credited or written off in full); and a day in the future or before the
// invoice was issued.
func disputable(inv *Invoice, day, today Date) error {
	name := "invoice " + inv.Number
	switch {
	case inv.Status == StatusDraft:
		return fieldErr("invoice", "this invoice is a draft (not sent yet); only a posted invoice can be disputed")
	case inv.Status == StatusVoid:
		return fieldErr("invoice", name+" is void; only a posted invoice can be disputed")
	case inv.Status != StatusPosted:
		return fieldErr("invoice", name+" is not posted; only a posted invoice can be disputed")
	case inv.OpenAmount <= 0:
		return fieldErr("invoice", name+" is paid in full (nothing is open on it), so there is nothing to dispute")
	case day.After(today):
		return fieldErr("date", fmt.Sprintf("%s is after today (%s); a dispute cannot be opened in the future", day, today))
	case day.Before(inv.IssueDate):
		return fieldErr("date", fmt.Sprintf("%s is before %s was issued (%s)", day, name, inv.IssueDate))
	}
	return nil
}

// ResolveDispute closes a dispute with what was decided; reminders resume.
func (s *Store) ResolveDispute(ctx context.Context, id int64, resolution string, day Date) error {
	resolution = cleanText(resolution)
	if resolution == "" {
		return fieldErr("resolution", "say how the dispute was resolved")
	}
	var v ValidationErrors
	if checkText(&v, "resolution", resolution, true); v.err() != nil {
		return v.err()
	}
	if day.IsZero() {
		day = s.Today()
	}
	return s.Update(ctx, func(tx *Tx) error {
		var inv int64
		var opened Date
		err := tx.QueryRowContext(ctx, `SELECT invoice_id, opened FROM disputes WHERE id = ? AND status = 'open'`, id).Scan(&inv, &opened)
		if errors.Is(err, sql.ErrNoRows) {
			return fieldErr("dispute", "there is no open dispute with that id")
		} else if err != nil {
			return err
		}
		if day.Before(opened) {
			return fieldErr("date", "is before the dispute was opened")
		}
		if today := s.Today(); day.After(today) {
			return fieldErr("date", fmt.Sprintf("%s is after today (%s); a dispute cannot be resolved in the future", day, today))
		}
		if _, err := tx.ExecContext(ctx, `UPDATE disputes SET status='resolved', resolved=?, resolution=? WHERE id = ?`, day, resolution, id); err != nil {
			return err
		}
		return tx.Audit("dispute.resolve", "invoice", inv, map[string]string{"status": "open"}, map[string]string{"status": "resolved", "resolution": resolution})
	})
}

// Disputes lists disputes (openOnly: just the open ones), oldest first.
func (s *Store) Disputes(ctx context.Context, openOnly bool) ([]Dispute, error) {
	return s.CustomerDisputes(ctx, 0, openOnly)
}

// CustomerDisputes is Disputes of one customer's invoices (customerID 0: everyone's).
func (s *Store) CustomerDisputes(ctx context.Context, customerID int64, openOnly bool) ([]Dispute, error) {
	q := `SELECT d.id, d.invoice_id, d.reason, d.status, d.opened, d.resolved, d.resolution, i.number, i.customer_id
		FROM disputes d JOIN invoices i ON i.id = d.invoice_id WHERE 1=1`
	var args []any
	if openOnly {
		q += ` AND d.status = 'open'`
	}
	if customerID != 0 {
		q += ` AND i.customer_id = ?`
		args = append(args, customerID)
	}
	return queryAll(ctx, s.r, q+` ORDER BY d.opened, d.id`, func(sc scanner) (d Dispute, err error) {
		err = sc.Scan(&d.ID, &d.InvoiceID, &d.Reason, &d.Status, &d.Opened, &d.Resolved, &d.Resolution, &d.InvoiceNumber, &d.CustomerID)
		return d, err
	}, args...)
}

// LateReasonCodes are the recorded reasons an invoice was paid late.
var LateReasonCodes = map[string]string{
	"cash_flow": "Cash flow", "dispute": "Dispute", "lost_invoice": "Invoice not received",
	"wrong_address": "Wrong address", "forgot": "Forgot", "other": "Other",
}

// SetLateReason records why an invoice is (or was) paid late.
func (s *Store) SetLateReason(ctx context.Context, invoiceID int64, code, note string) error {
	if _, ok := LateReasonCodes[code]; !ok {
		return fieldErr("reason", "must be one of cash_flow, dispute, lost_invoice, wrong_address, forgot, other")
	}
	if code == "other" && strings.TrimSpace(note) == "" {
		return fieldErr("note", "say what the other reason is")
	}
	var v ValidationErrors
	if checkText(&v, "note", note, true); v.err() != nil {
		return v.err()
	}
	return s.Update(ctx, func(tx *Tx) error {
		var st string
		if err := tx.QueryRowContext(ctx, `SELECT status FROM invoices WHERE id = ?`, invoiceID).Scan(&st); errors.Is(err, sql.ErrNoRows) {
			return fieldErr("invoice", fmt.Sprintf("invoice %d does not exist", invoiceID))
		} else if err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO late_reasons(invoice_id, code, note, recorded) VALUES (?,?,?,?)
			ON CONFLICT(invoice_id) DO UPDATE SET code = excluded.code, note = excluded.note, recorded = excluded.recorded`,
			invoiceID, code, strings.TrimSpace(note), s.Today())
		return err
	})
}

// LateReasons maps invoice id to the recorded late-payment reason, as shown in lists.
func (s *Store) LateReasons(ctx context.Context) (map[int64]string, error) {
	return s.CustomerLateReasons(ctx, 0)
}

// CustomerLateReasons is LateReasons of one customer's invoices (customerID 0: everyone's).
func (s *Store) CustomerLateReasons(ctx context.Context, customerID int64) (map[int64]string, error) {
	type lr struct {
		id         int64
		code, note string
	}
	q, args := `SELECT invoice_id, code, note FROM late_reasons`, []any(nil)
	if customerID != 0 {
		q += ` WHERE invoice_id IN (SELECT id FROM invoices WHERE customer_id = ?)`
		args = append(args, customerID)
	}
	rows, err := queryAll(ctx, s.r, q, func(sc scanner) (r lr, err error) {
		err = sc.Scan(&r.id, &r.code, &r.note)
		return r, err
	}, args...)
	if err != nil {
		return nil, err
	}
	out := make(map[int64]string, len(rows))
	for _, r := range rows {
		out[r.id] = LateReasonCodes[r.code]
		if r.note != "" {
			out[r.id] += ": " + r.note
		}
	}
	return out, nil
}

// LateReasonCounts counts recorded reasons by code (for the monthly report).
func (s *Store) LateReasonCounts(ctx context.Context) (map[string]int, error) {
	type kv struct {
		k string
		n int
	}
	rows, err := queryAll(ctx, s.r, `SELECT code, count(*) FROM late_reasons GROUP BY code`, func(sc scanner) (r kv, err error) {
		err = sc.Scan(&r.k, &r.n)
		return r, err
	})
	out := map[string]int{}
	for _, r := range rows {
		out[r.k] = r.n
	}
	return out, err
}

// ReminderEntry is one invoice's step of a reminder that was sent.
type ReminderEntry struct {
	CustomerID int64
	InvoiceID  int64
	Step       int
	StepName   string
	Date       Date
	Channel    string
}

// LogReminders records the steps of one reminder, with a "reminder" activity, in one
// transaction. A step already recorded for an invoice is refused (nothing is saved).
func (s *Store) LogReminders(ctx context.Context, entries []ReminderEntry, note string) error {
	return s.LogRemindersWith(ctx, entries, &Activity{Outcome: "reminder sent", Note: note})
}

// LogRemindersWith records the steps of one reminder with the activity a (its customer,
// date and, unless set, kind come from the entries: call, letter or email by channel), in one
// transaction: a phone reminder is logged with what the call brought.
func (s *Store) LogRemindersWith(ctx context.Context, entries []ReminderEntry, a *Activity) error {
	if len(entries) == 0 {
		return nil
	}
	return s.Update(ctx, func(tx *Tx) error {
		for _, e := range entries {
			_, err := tx.ExecContext(ctx, `INSERT INTO reminders(customer_id, invoice_id, step, step_name, date, channel, created)
				VALUES (?,?,?,?,?,?,?)`, e.CustomerID, e.InvoiceID, e.Step, e.StepName, e.Date, e.Channel, s.nowText())
			if err != nil {
				if strings.Contains(err.Error(), "UNIQUE") {
					return fieldErr("step", fmt.Sprintf("the %s reminder for invoice %d was already sent", e.StepName, e.InvoiceID))
				}
				return err
			}
		}
		kind := "email"
		switch entries[0].Channel {
		case "mail":
			kind = "letter"
		case "phone":
			kind = "call"
		}
		if a.Kind == "" {
			a.Kind = kind
		}
		a.CustomerID, a.Date = entries[0].CustomerID, entries[0].Date
		return tx.LogActivity(a)
	})
}

// RemindersSent maps invoice id to the latest step (days from due) sent for it.
func (s *Store) RemindersSent(ctx context.Context) (map[int64]int, error) {
	return s.stepsSent(ctx, `SELECT invoice_id, max(step) FROM reminders GROUP BY invoice_id`)
}

// stepsSent runs a query of (invoice id, latest step) pairs into a map (RemindersSent,
// OpenRemindersSent).
func (s *Store) stepsSent(ctx context.Context, query string) (map[int64]int, error) {
	type kv struct {
		id   int64
		step int
	}
	rows, err := queryAll(ctx, s.r, query, func(sc scanner) (r kv, err error) {
		err = sc.Scan(&r.id, &r.step)
		return r, err
	})
	out := make(map[int64]int, len(rows))
	for _, r := range rows {
		out[r.id] = r.step
	}
	return out, err
}

// Reminders lists the reminder log of a customer (0 = all), oldest first.
func (s *Store) Reminders(ctx context.Context, customerID int64) ([]ReminderEntry, error) {
	q := `SELECT customer_id, invoice_id, step, step_name, date, channel FROM reminders`
	var args []any
	if customerID > 0 {
		q += ` WHERE customer_id = ?`
		args = append(args, customerID)
	}
	return queryAll(ctx, s.r, q+` ORDER BY date, id`, func(sc scanner) (e ReminderEntry, err error) {
		err = sc.Scan(&e.CustomerID, &e.InvoiceID, &e.Step, &e.StepName, &e.Date, &e.Channel)
		return e, err
	}, args...)
}
