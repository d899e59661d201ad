package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// PaymentMethods are the ways money arrives.
var PaymentMethods = []string{"bank", "check", "cash", "card", "paypal", "stripe", "square", "wise", "interac", "zelle", "venmo", "other"}

func validMethod(m string) bool {
	for _, x := range PaymentMethods {
		if x == m {
			return true
		}
	}
	return false
}

// Payment is money received from a customer. What is not allocated is the customer's credit.
type Payment struct {
	ID          int64
	CustomerID  int64
	Date        Date
	Method      string
	Reference   string
	Amount      int64
	Currency    string
	Unallocated int64
	Notes       string
	Source      string // "manual", "mail", "import"
	Created     string

	CustomerName string
}

// Allocation applies part of a payment to an invoice.
type Allocation struct {
	ID            int64
	PaymentID     int64
	InvoiceID     int64
	Amount        int64
	Date          Date
	InvoiceNumber string // filled by reads
}

// Validate checks a new payment.
func (p *Payment) Validate() error {
	var v ValidationErrors
	if p.CustomerID <= 0 {
		v.add("customer", "is required")
	}
	if p.Date.IsZero() {
		v.add("date", "is required")
	}
	p.Method = strings.ToLower(strings.TrimSpace(p.Method))
	if !validMethod(p.Method) {
		v.add("method", "must be one of "+strings.Join(PaymentMethods, ", "))
	}
	if p.Amount <= 0 {
		v.add("amount", "must be greater than zero")
	}
	checkAmount(&v, "amount", p.Amount, p.Currency)
	checkYear(&v, "date", p.Date)
	if p.Currency != "" && !ValidCurrency(p.Currency) {
		v.add("currency", fmt.Sprintf("%q is not a known ISO 4217 currency code", p.Currency))
	}
	p.Reference = cleanText(p.Reference)
	checkText(&v, "reference", p.Reference, false)
	checkText(&v, "notes", p.Notes, true)
	if p.Source == "" {
		p.Source = "manual"
	}
	return v.err()
}

// RecordPayment stores a payment and its allocations (which may be empty: it all stays credit).
func (s *Store) RecordPayment(ctx context.Context, p *Payment, allocs []Allocation) error {
	return s.Update(ctx, func(tx *Tx) error { return tx.RecordPayment(p, allocs) })
}

// RecordPayment stores a payment inside an open transaction.
func (tx *Tx) RecordPayment(p *Payment, allocs []Allocation) error {
	if p.Date.IsZero() {
		p.Date = tx.s.Today()
	}
	if err := p.Validate(); err != nil {
		return err
	}
	if today := tx.s.Today(); p.Date.After(today) {
		return fieldErr("date", fmt.Sprintf("%s is after today (%s); a payment is recorded once it is received", p.Date, today))
	}
	cust, err := getCustomer(tx.ctx, tx, p.CustomerID)
	if errors.Is(err, ErrNotFound) {
		return fieldErr("customer", fmt.Sprintf("customer %d does not exist", p.CustomerID))
	} else if err != nil {
		return err
	}
	if p.Currency == "" {
		p.Currency = cust.Currency
	}
	if p.Currency != cust.Currency {
		return fieldErr("currency", fmt.Sprintf("must be the customer's currency (%s)", cust.Currency))
	}
	if err := tx.reserve(sumPayments, 0, p.Amount, "amount", "payments", p.Currency); err != nil {
		return err
	}
	p.Created = tx.s.nowText()
	p.Unallocated = p.Amount
	p.CustomerName = cust.Name
	res, err := tx.ExecContext(tx.ctx, `INSERT INTO payments(customer_id, date, method, reference, amount, currency,
		unallocated, notes, source, created) VALUES (?,?,?,?,?,?,?,?,?,?)`, p.CustomerID, p.Date, p.Method,
		p.Reference, p.Amount, p.Currency, p.Amount, p.Notes, p.Source, p.Created)
	if err != nil {
		return err
	}
	p.ID, _ = res.LastInsertId()
	tx.wrote(sumPayments, p.ID)
	if err := tx.Audit("payment.record", "payment", p.ID, nil, p); err != nil {
		return err
	}
	return tx.Allocate(p.ID, allocs)
}

// Allocate applies parts of an existing payment to invoices.
func (s *Store) Allocate(ctx context.Context, paymentID int64, allocs []Allocation) error {
	return s.Update(ctx, func(tx *Tx) error { return tx.Allocate(paymentID, allocs) })
}

// Allocate applies a payment inside an open transaction. Each allocation is checked against
// what is left of the payment and of the invoice; the schema enforces the same.
func (tx *Tx) Allocate(paymentID int64, allocs []Allocation) error {
	if len(allocs) == 0 {
		return nil
	}
	var custID, unalloc int64
	var cur string
	err := tx.QueryRowContext(tx.ctx, `SELECT customer_id, unallocated, currency FROM payments WHERE id = ?`, paymentID).Scan(&custID, &unalloc, &cur)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("payment %d: %w", paymentID, ErrNotFound)
	} else if err != nil {
		return err
	}
	var sum int64
	for i, a := range allocs {
		f := fmt.Sprintf("allocations[%d]", i+1)
		if a.Amount <= 0 {
			return fieldErr(f+".amount", "must be greater than zero")
		}
		sum += a.Amount
		if sum > unalloc {
			return fieldErr(f+".amount", fmt.Sprintf("allocations exceed what is left of the payment (%s)", FormatAmount(unalloc, cur)))
		}
		var st string
		var open, icust int64
		err := tx.QueryRowContext(tx.ctx, `SELECT status, open_amount, customer_id FROM invoices WHERE id = ?`, a.InvoiceID).Scan(&st, &open, &icust)
		if errors.Is(err, sql.ErrNoRows) {
			return fieldErr(f+".invoice", fmt.Sprintf("invoice %d does not exist", a.InvoiceID))
		} else if err != nil {
			return err
		}
		if st != string(StatusPosted) {
			return fieldErr(f+".invoice", "is not a posted invoice")
		}
		if icust != custID {
			return fieldErr(f+".invoice", "belongs to another customer")
		}
		if a.Amount > open {
			return fieldErr(f+".amount", fmt.Sprintf("is more than the open balance of the invoice (%s)", FormatAmount(open, cur)))
		}
		day := a.Date
		if day.IsZero() {
			day = tx.s.Today()
		} else if today := tx.s.Today(); day.After(today) {
			return fieldErr(f+".date", fmt.Sprintf("%s is after today (%s); a payment is applied once it is received", day, today))
		}
		res, err := tx.ExecContext(tx.ctx, `INSERT INTO allocations(payment_id, invoice_id, amount, date, created) VALUES (?,?,?,?,?)`,
			paymentID, a.InvoiceID, a.Amount, day, tx.s.nowText())
		if err != nil {
			return err
		}
		id, _ := res.LastInsertId()
		if err := tx.Audit("allocation.create", "invoice", a.InvoiceID, map[string]int64{"open_amount": open},
			map[string]int64{"open_amount": open - a.Amount, "allocation_id": id, "payment_id": paymentID, "amount": a.Amount}); err != nil {
			return err
		}
	}
	return nil
}

// Unallocate removes an allocation: the amount goes back to the invoice and to the payment's credit.
func (s *Store) Unallocate(ctx context.Context, allocationID int64) error {
	return s.Update(ctx, func(tx *Tx) error {
		var a Allocation
		err := tx.QueryRowContext(ctx, `SELECT id, payment_id, invoice_id, amount, date FROM allocations WHERE id = ?`, allocationID).
			Scan(&a.ID, &a.PaymentID, &a.InvoiceID, &a.Amount, &a.Date)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("allocation %d: %w", allocationID, ErrNotFound)
		} else if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM allocations WHERE id = ?`, allocationID); err != nil {
			return err
		}
		return tx.Audit("allocation.remove", "invoice", a.InvoiceID, a, nil)
	})
}

// SuggestAllocation proposes applying amount to the customer's open invoices, oldest due first.
// What is left over (if any) is returned as credit.
func (s *Store) SuggestAllocation(ctx context.Context, customerID, amount int64) ([]Allocation, int64, error) {
	return suggest(ctx, s.r, customerID, amount)
}

func suggest(ctx context.Context, q querier, customerID, amount int64) ([]Allocation, int64, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, number, open_amount FROM invoices
		WHERE customer_id = ? AND status = 'posted' AND open_amount > 0 ORDER BY due_date, seq`, customerID)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	var out []Allocation
	left := amount
	for rows.Next() && left > 0 {
		var a Allocation
		var open int64
		if err := rows.Scan(&a.InvoiceID, &a.InvoiceNumber, &open); err != nil {
			return nil, 0, err
		}
		a.Amount = min(open, left)
		left -= a.Amount
		out = append(out, a)
	}
	return out, left, rows.Err()
}

// ApplyCredit allocates the customer's unallocated payments (oldest first) to open
// invoices (oldest due first). It returns the amount applied.
func (s *Store) ApplyCredit(ctx context.Context, customerID int64) (int64, error) {
	var applied int64
	err := s.Update(ctx, func(tx *Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT id, unallocated FROM payments WHERE customer_id = ? AND unallocated > 0 ORDER BY date, id`, customerID)
		if err != nil {
			return err
		}
		type left struct{ id, amount int64 }
		var credits []left
		for rows.Next() {
			var p left
			if err := rows.Scan(&p.id, &p.amount); err != nil {
				rows.Close()
				return err
			}
			credits = append(credits, p)
		}
		rows.Close()
		if len(credits) == 0 {
			return nil
		}
		var total int64
		for _, c := range credits {
			total += c.amount
		}
		open, _, err := suggest(ctx, tx, customerID, total)
		if err != nil {
			return err
		}
		// Walk payments and invoices together, oldest first on both sides.
		j := 0
		for _, c := range credits {
			var allocs []Allocation
			for c.amount > 0 && j < len(open) {
				amt := min(c.amount, open[j].Amount)
				allocs = append(allocs, Allocation{InvoiceID: open[j].InvoiceID, Amount: amt})
				c.amount -= amt
				open[j].Amount -= amt
				applied += amt
				if open[j].Amount == 0 {
					j++
				}
			}
			if err := tx.Allocate(c.id, allocs); err != nil {
				return err
			}
		}
		return nil
	})
	return applied, err
}

// DeletePayment removes a payment entered by mistake; it must have no allocations left.
func (s *Store) DeletePayment(ctx context.Context, id int64) error {
	return s.Update(ctx, func(tx *Tx) error {
		p, err := getPayment(ctx, tx, id)
		if err != nil {
			return err
		}
		if p.Unallocated != p.Amount {
			return fieldErr("allocations", "remove the payment's allocations first")
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM payments WHERE id = ?`, id); err != nil {
			return err
		}
		return tx.Audit("payment.delete", "payment", id, p, nil)
	})
}

const paymentCols = `p.id, p.customer_id, p.date, p.method, p.reference, p.amount, p.currency, p.unallocated, p.notes, p.source, p.created, c.name`

func scanPayment(sc scanner) (*Payment, error) {
	var p Payment
	err := sc.Scan(&p.ID, &p.CustomerID, &p.Date, &p.Method, &p.Reference, &p.Amount, &p.Currency, &p.Unallocated,
		&p.Notes, &p.Source, &p.Created, &p.CustomerName)
	return &p, err
}

func getPayment(ctx context.Context, q querier, id int64) (*Payment, error) {
	p, err := scanPayment(q.QueryRowContext(ctx, `SELECT `+paymentCols+` FROM payments p JOIN customers c ON c.id = p.customer_id WHERE p.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("payment %d: %w", id, ErrNotFound)
	}
	return p, err
}

// Payment reads one payment.
func (s *Store) Payment(ctx context.Context, id int64) (*Payment, error) {
	return getPayment(ctx, s.r, id)
}

// PaymentFilter selects payments.
type PaymentFilter struct {
	CustomerID int64
	From, To   Date
	Text       string
	Limit      int
}

// Payments lists payments, newest first.
func (s *Store) Payments(ctx context.Context, f PaymentFilter) ([]*Payment, error) {
	q := `SELECT ` + paymentCols + ` FROM payments p JOIN customers c ON c.id = p.customer_id WHERE 1=1`
	var args []any
	if f.CustomerID > 0 {
		q += ` AND p.customer_id = ?`
		args = append(args, f.CustomerID)
	}
	if !f.From.IsZero() {
		q += ` AND p.date >= ?`
		args = append(args, f.From)
	}
	if !f.To.IsZero() {
		q += ` AND p.date <= ?`
		args = append(args, f.To)
	}
	if t := strings.TrimSpace(f.Text); t != "" {
		q += ` AND (p.reference LIKE ? OR c.name LIKE ? OR p.method LIKE ?)`
		args = append(args, "%"+t+"%", "%"+t+"%", "%"+t+"%")
	}
	q += ` ORDER BY p.date DESC, p.id DESC`
	if f.Limit > 0 {
		q += fmt.Sprintf(` LIMIT %d`, f.Limit)
	}
	return queryAll(ctx, s.r, q, scanPayment, args...)
}

// PaymentAllocations lists the allocations of a payment.
func (s *Store) PaymentAllocations(ctx context.Context, paymentID int64) ([]Allocation, error) {
	return s.allocations(ctx, `a.payment_id = ?`, paymentID)
}

// InvoiceAllocations lists the allocations to an invoice.
func (s *Store) InvoiceAllocations(ctx context.Context, invoiceID int64) ([]Allocation, error) {
	return s.allocations(ctx, `a.invoice_id = ?`, invoiceID)
}

func (s *Store) allocations(ctx context.Context, where string, arg int64) ([]Allocation, error) {
	return queryAll(ctx, s.r, `SELECT a.id, a.payment_id, a.invoice_id, a.amount, a.date, coalesce(i.number, '')
		FROM allocations a JOIN invoices i ON i.id = a.invoice_id WHERE `+where+` ORDER BY a.id`,
		func(sc scanner) (a Allocation, err error) {
			err = sc.Scan(&a.ID, &a.PaymentID, &a.InvoiceID, &a.Amount, &a.Date, &a.InvoiceNumber)
			return a, err
		}, arg)
}
