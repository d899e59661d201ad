package data

import (
	"context"
	"sort"
)

// StatementEntry is one line of a customer statement. Amount is positive for a charge
// (invoice) and negative for a credit (payment, credit note, write-off, void).
type StatementEntry struct {
	Date        Date
	Kind        string // "invoice", "payment", "credit", "write_off", "void"
	Ref         string // invoice number, payment reference, credit note number
	Description string
	DueDate     Date   // invoices only
	Amount      int64  // + charge, − credit
	Balance     int64  // running balance after this entry (activity statements)
	Open        int64  // invoices only: still open on the statement date
	PONumber    string // invoices only
	InvoiceID   int64
}

// Statement is what a customer owes on a date, in the customer's currency.
type Statement struct {
	Customer *Customer
	Currency string
	From     Date // activity period start (inclusive)
	AsOf     Date // statement date (inclusive)

	Opening  int64            // balance forward at From (activity)
	Activity []StatementEntry // events From..AsOf with running balance, by date
	Open     []StatementEntry // invoices open on AsOf, oldest due first
	Credit   int64            // payments not applied to any invoice on AsOf
	Aging    [5]int64         // open invoices by BucketOf(days past due on AsOf)
	OpenSum  int64            // sum of Open
	Balance  int64            // OpenSum − Credit: the amount due
}

// StatementFor builds the statement of one customer for the period from..asOf (from zero =
// first day of asOf's month). Everything is read in one snapshot; only events dated on or before
// asOf count, so a statement for a past date shows the balances of that day.
func (s *Store) StatementFor(ctx context.Context, customerID int64, from, asOf Date) (*Statement, error) {
	if asOf.IsZero() {
		asOf = s.Today()
	}
	if from.IsZero() {
		from = asOf.FirstOfMonth()
	}
	st := &Statement{From: from, AsOf: asOf}
	err := s.View(ctx, func(tx sqlTx) error {
		c, err := getCustomer(ctx, tx, customerID)
		if err != nil {
			return err
		}
		st.Customer = c
		st.Currency = c.Currency
		d := asOf.String()
		var events []StatementEntry
		// Invoices posted (issued) on or before asOf, with what was open on asOf.
		rows, err := tx.QueryContext(ctx, `SELECT i.id, i.number, i.issue_date, i.due_date, i.total, i.status,
			coalesce(i.void_date, ''), i.po_number,
			i.total - coalesce((SELECT sum(amount) FROM allocations a WHERE a.invoice_id = i.id AND a.date <= ?), 0)
			        - coalesce((SELECT sum(amount) FROM credit_notes n WHERE n.invoice_id = i.id AND n.date <= ?), 0)
			        - coalesce((SELECT sum(amount) FROM write_offs w WHERE w.invoice_id = i.id AND w.date <= ?), 0)
			FROM invoices i WHERE i.customer_id = ? AND i.currency = ? AND i.status <> 'draft' AND i.issue_date <= ?
			ORDER BY i.issue_date, i.seq`, d, d, d, customerID, c.Currency, d)
		if err != nil {
			return err
		}
		for rows.Next() {
			var e StatementEntry
			var status, voidDate, po string
			if err := rows.Scan(&e.InvoiceID, &e.Ref, &e.Date, &e.DueDate, &e.Amount, &status, &voidDate, &po, &e.Open); err != nil {
				rows.Close()
				return err
			}
			events = st.addInvoice(events, e, status, voidDate, po, d)
		}
		if err := rows.Close(); err != nil {
			return err
		}
		// Payments, with what was still unapplied on asOf.
		rows, err = tx.QueryContext(ctx, `SELECT p.date, p.method, p.reference, p.amount,
			p.amount - coalesce((SELECT sum(a.amount) FROM allocations a WHERE a.payment_id = p.id AND a.date <= ?), 0)
			FROM payments p WHERE p.customer_id = ? AND p.currency = ? AND p.date <= ? ORDER BY p.date, p.id`,
			d, customerID, c.Currency, d)
		if err != nil {
			return err
		}
		for rows.Next() {
			var e StatementEntry
			var method, unapplied = "", int64(0)
			if err := rows.Scan(&e.Date, &method, &e.Ref, &e.Amount, &unapplied); err != nil {
				rows.Close()
				return err
			}
			e.Kind = "payment"
			e.Description = "Payment (" + method + ")"
			e.Amount = -e.Amount
			st.Credit += unapplied
			events = append(events, e)
		}
		if err := rows.Close(); err != nil {
			return err
		}
		rows, err = tx.QueryContext(ctx, `SELECT 'credit', n.date, n.number, n.amount, n.reason, i.number FROM credit_notes n
			JOIN invoices i ON i.id = n.invoice_id WHERE i.customer_id = ? AND i.currency = ? AND n.date <= ?
			UNION ALL SELECT 'write_off', w.date, '', w.amount, w.reason, i.number FROM write_offs w
			JOIN invoices i ON i.id = w.invoice_id WHERE i.customer_id = ? AND i.currency = ? AND w.date <= ?`,
			customerID, c.Currency, d, customerID, c.Currency, d)
		if err != nil {
			return err
		}
		for rows.Next() {
			var e StatementEntry
			var reason, invNo string
			if err := rows.Scan(&e.Kind, &e.Date, &e.Ref, &e.Amount, &reason, &invNo); err != nil {
				rows.Close()
				return err
			}
			events = append(events, adjustmentEntry(e, reason, invNo))
		}
		if err := rows.Close(); err != nil {
			return err
		}
		st.finish(events)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return st, nil
}

// addInvoice adds an invoice row read by StatementFor or StatementsFor to events (with its
// void as an event of its own when it was voided on or before d, the statement's day) and,
// when something was open on it, to st.Open.
func (st *Statement) addInvoice(events []StatementEntry, e StatementEntry, status, voidDate, po, d string) []StatementEntry {
	e.Kind = "invoice"
	e.PONumber = po
	e.Description = "Invoice"
	if po != "" {
		e.Description += ", PO " + po
	}
	if status == string(StatusVoid) && voidDate != "" && voidDate <= d {
		e.Open = 0
		vd, _ := ParseDate(voidDate)
		events = append(events, StatementEntry{Date: vd, Kind: "void", Ref: e.Ref, Description: "Invoice voided",
			Amount: -e.Amount, InvoiceID: e.InvoiceID})
	}
	events = append(events, e)
	if e.Open > 0 {
		st.Open = append(st.Open, e)
	}
	return events
}

// adjustmentEntry completes a credit note or write-off row (Kind "credit" or "write_off",
// Amount as stored) on invoice invNo.
func adjustmentEntry(e StatementEntry, reason, invNo string) StatementEntry {
	e.Amount = -e.Amount
	if e.Kind == "credit" {
		e.Description = "Credit note on " + invNo
	} else {
		e.Ref = invNo
		e.Description = "Written off: " + reason
	}
	return e
}

// finish orders the customer's events by date, splits them into the opening balance
// (before st.From) and the activity with its running balance, and totals the open
// invoices by due date and age on st.AsOf.
func (st *Statement) finish(events []StatementEntry) {
	sort.SliceStable(events, func(i, j int) bool { return events[i].Date.Before(events[j].Date) })
	bal := int64(0)
	for _, e := range events {
		bal += e.Amount
		if e.Date.Before(st.From) {
			st.Opening += e.Amount
			continue
		}
		e.Balance = bal
		st.Activity = append(st.Activity, e)
	}
	sort.SliceStable(st.Open, func(i, j int) bool { return st.Open[i].DueDate.Before(st.Open[j].DueDate) })
	for _, e := range st.Open {
		st.Aging[BucketOf(st.AsOf.DaysSince(e.DueDate))] += e.Open
		st.OpenSum += e.Open
	}
	st.Balance = st.OpenSum - st.Credit
}
