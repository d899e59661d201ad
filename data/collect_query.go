package data

import (
	"context"
	"database/sql"
	"errors"
)

// Queries that the collections and payment-mail packages asked of the file themselves
// before issue 14 (no SQL outside data/).

// OpenInvoiceRef is an open invoice as payment matching needs it.
type OpenInvoiceRef struct {
	ID         int64
	CustomerID int64
	Number     string
	Open       int64
	Currency   string
	DueDate    Date
}

// OpenInvoiceRefs lists every posted invoice with an open balance, oldest due first (then
// by number sequence), through the open-invoice index.
func (s *Store) OpenInvoiceRefs(ctx context.Context) ([]OpenInvoiceRef, error) {
	return queryAll(ctx, s.r, `SELECT id, customer_id, number, open_amount, currency, due_date FROM invoices
		WHERE status = 'posted' AND open_amount > 0 ORDER BY due_date, seq`, func(sc scanner) (o OpenInvoiceRef, err error) {
		err = sc.Scan(&o.ID, &o.CustomerID, &o.Number, &o.Open, &o.Currency, &o.DueDate)
		return o, err
	})
}

// OldestOverdue gives the customer's open invoice due longest before day (ok false when
// nothing is overdue), with its open amount.
func (tx *Tx) OldestOverdue(customerID int64, day Date) (inv OpenInvoiceRef, ok bool, err error) {
	err = tx.QueryRowContext(tx.ctx, `SELECT id, customer_id, number, open_amount, currency, due_date FROM invoices
		WHERE customer_id = ? AND status = 'posted' AND open_amount > 0 AND due_date < ? ORDER BY due_date LIMIT 1`, customerID, day).
		Scan(&inv.ID, &inv.CustomerID, &inv.Number, &inv.Open, &inv.Currency, &inv.DueDate)
	if errors.Is(err, sql.ErrNoRows) {
		return inv, false, nil
	}
	return inv, err == nil, err
}

// RecordLateReason records why an invoice was paid late, as of day (no checks: for the
// sample company's generator, which knows its invoices; people go through SetLateReason).
func (tx *Tx) RecordLateReason(invoiceID int64, code, note string, day Date) error {
	_, err := tx.ExecContext(tx.ctx, `INSERT INTO late_reasons(invoice_id, code, note, recorded) VALUES (?,?,?,?)`, invoiceID, code, note, day)
	return err
}

// RecordOpenDispute records an open dispute on an invoice opened on day, created today (no
// checks: for the sample company's generator; people go through OpenDispute).
func (tx *Tx) RecordOpenDispute(invoiceID int64, reason string, opened, today Date) error {
	_, err := tx.ExecContext(tx.ctx, `INSERT INTO disputes(invoice_id, reason, status, opened, created) VALUES (?,?,'open',?,?)`,
		invoiceID, reason, opened, today.String())
	return err
}
