package data

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
)

// MailState keeps, per mailbox folder, the UIDVALIDITY and the last UID fetched, so only new
// messages are read (it satisfies the mail fetcher's State).
type MailState struct{ S *Store }

// Get reads a folder's state (zeros when it was never fetched).
func (m MailState) Get(folder string) (uidValidity, lastUID uint32, err error) {
	err = m.S.r.QueryRow(`SELECT uidvalidity, last_uid FROM mail_state WHERE folder = ?`, folder).Scan(&uidValidity, &lastUID)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, 0, nil
	}
	return
}

// Put saves a folder's state.
func (m MailState) Put(folder string, uidValidity, lastUID uint32) error {
	return m.S.Update(context.Background(), func(tx *Tx) error { return tx.PutMailState(folder, uidValidity, lastUID) })
}

// PutMailState saves a folder's state inside an open transaction (with the messages fetched
// up to lastUID, so the two never disagree).
func (tx *Tx) PutMailState(folder string, uidValidity, lastUID uint32) error {
	_, err := tx.ExecContext(tx.ctx, `INSERT INTO mail_state(folder, uidvalidity, last_uid) VALUES (?,?,?)
		ON CONFLICT(folder) DO UPDATE SET uidvalidity = excluded.uidvalidity, last_uid = excluded.last_uid`, folder, uidValidity, lastUID)
	return err
}

// MailPayment is one message read from the mailbox, what it says and what was done with it.
type MailPayment struct {
	ID          int64
	Mailbox     string
	UIDValidity uint32
	UID         uint32
	MessageID   string
	// Ident is the message's identity across IMAP and files: its Message-ID, or
	// "sha256:<hex>" of its content when it has none (the reader computes it). A message is
	// stored once per Ident.
	Ident string
	// AuthServ is the receiving server whose Authentication-Results Trusted was decided by
	// ("" = none was configured: the message is never applied without the user).
	AuthServ      string
	Provider      string
	Kind          string
	Trusted       bool
	TransactionID string
	Amount        int64
	Currency      string
	PayerName     string
	PayerEmail    string
	Reference     string
	Date          Date
	Why           string
	Status        string
	CustomerID    int64
	Proposal      []Allocation
	Confidence    int
	Reason        string
	PaymentID     int64
}

// SaveMailPayment stores a message once: a message already stored (same mailbox, UIDVALIDITY
// and UID; or the same Ident, i.e. Message-ID or content, from IMAP or a file) or a trusted
// transaction already stored is not stored again (stored=false).
func (s *Store) SaveMailPayment(ctx context.Context, m *MailPayment) (stored bool, err error) {
	err = s.Update(ctx, func(tx *Tx) error {
		stored, err = tx.SaveMailPayment(m)
		return err
	})
	return stored, err
}

// SaveMailPayment stores a message inside an open transaction (see Store.SaveMailPayment).
func (tx *Tx) SaveMailPayment(m *MailPayment) (stored bool, err error) {
	if m.Status == "" {
		m.Status = "new"
	}
	if m.Ident == "" {
		m.Ident = m.MessageID
	}
	prop, _ := json.Marshal(m.Proposal)
	res, err := tx.ExecContext(tx.ctx, `INSERT INTO mail_payments(mailbox, uidvalidity, uid, message_id, ident, authserv, provider, kind, trusted,
		transaction_id, amount, currency, payer_name, payer_email, reference, date, why, status, customer_id, proposal,
		confidence, reason, created) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING`,
		m.Mailbox, m.UIDValidity, m.UID, m.MessageID, m.Ident, m.AuthServ, m.Provider, m.Kind, boolInt(m.Trusted), m.TransactionID, m.Amount,
		m.Currency, m.PayerName, m.PayerEmail, m.Reference, m.Date, m.Why, m.Status, nullID(m.CustomerID), string(prop),
		m.Confidence, m.Reason, tx.s.nowText())
	if err != nil {
		return false, err
	}
	if n, _ := res.RowsAffected(); n == 1 {
		m.ID, _ = res.LastInsertId()
		return true, nil
	}
	return false, nil
}

const mailCols = `id, mailbox, uidvalidity, uid, message_id, ident, authserv, provider, kind, trusted, transaction_id, amount, currency,
	payer_name, payer_email, reference, date, why, status, coalesce(customer_id, 0), proposal, confidence, reason, coalesce(payment_id, 0)`

func scanMail(sc scanner) (m MailPayment, err error) {
	var trusted int
	var prop string
	err = sc.Scan(&m.ID, &m.Mailbox, &m.UIDValidity, &m.UID, &m.MessageID, &m.Ident, &m.AuthServ, &m.Provider, &m.Kind, &trusted, &m.TransactionID,
		&m.Amount, &m.Currency, &m.PayerName, &m.PayerEmail, &m.Reference, &m.Date, &m.Why, &m.Status, &m.CustomerID, &prop,
		&m.Confidence, &m.Reason, &m.PaymentID)
	m.Trusted = trusted == 1
	if err == nil && prop != "" && prop != "null" {
		err = json.Unmarshal([]byte(prop), &m.Proposal)
	}
	return m, err
}

// MailPayments lists stored messages with a status ("" = all), newest first.
func (s *Store) MailPayments(ctx context.Context, status string) ([]MailPayment, error) {
	q := `SELECT ` + mailCols + ` FROM mail_payments`
	var args []any
	if status != "" {
		q += ` WHERE status = ?`
		args = append(args, status)
	}
	return queryAll(ctx, s.r, q+` ORDER BY date DESC, id DESC`, scanMail, args...)
}

// MailPaymentByID reads one stored message.
func (s *Store) MailPaymentByID(ctx context.Context, id int64) (*MailPayment, error) {
	m, err := scanMail(s.r.QueryRowContext(ctx, `SELECT `+mailCols+` FROM mail_payments WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("mail message %d: %w", id, ErrNotFound)
	}
	return &m, err
}

// ApplyMailPayment records the message's payment for the customer with the allocations, in
// one transaction with marking the message applied. A message is applied at most once.
func (s *Store) ApplyMailPayment(ctx context.Context, id, customerID int64, allocs []Allocation) (*Payment, error) {
	var p *Payment
	err := s.Update(ctx, func(tx *Tx) error {
		m, err := scanMail(tx.QueryRowContext(ctx, `SELECT `+mailCols+` FROM mail_payments WHERE id = ?`, id))
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("mail message %d: %w", id, ErrNotFound)
		} else if err != nil {
			return err
		}
		if m.Status == "applied" {
			return fieldErr("status", "this payment was already recorded")
		}
		if m.Kind != "received" || m.Amount <= 0 {
			return fieldErr("kind", "the message is not money received")
		}
		method := m.Provider
		if !validMethod(method) {
			method = "other"
		}
		p = &Payment{CustomerID: customerID, Date: m.Date, Method: method, Reference: cmp.Or(m.TransactionID, m.Reference),
			Amount: m.Amount, Currency: m.Currency, Source: "mail", Notes: "From mail: " + m.Why}
		if err := tx.RecordPayment(p, allocs); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE mail_payments SET status = 'applied', payment_id = ?, customer_id = ? WHERE id = ?`, p.ID, customerID, id)
		return err
	})
	return p, err
}

// SetMailStatus marks a stored message (rejected, ignored, proposed, new); applied ones stay applied.
func (s *Store) SetMailStatus(ctx context.Context, id int64, status string) error {
	switch status {
	case "new", "proposed", "rejected", "ignored":
	default:
		return fieldErr("status", "must be new, proposed, rejected or ignored")
	}
	return s.Update(ctx, func(tx *Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE mail_payments SET status = ? WHERE id = ? AND status <> 'applied'`, status, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fieldErr("status", "the message is missing or its payment was already recorded")
		}
		return nil
	})
}
