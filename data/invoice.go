package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// InvoiceStatus is the life stage of an invoice.
type InvoiceStatus string

const (
	StatusDraft  InvoiceStatus = "draft"
	StatusPosted InvoiceStatus = "posted"
	StatusVoid   InvoiceStatus = "void"
)

// InvoiceLine is one line item. Quantity is in thousandths (1.5 h = 1500), the unit price in
// minor units, the tax rate in hundredths of a percent (20 % = 2000).
type InvoiceLine struct {
	ID          int64
	Pos         int
	Description string
	QtyMilli    int64
	UnitPrice   int64
	TaxRateBP   int64
	Net         int64 // qty × price, rounded half away from zero
	Tax         int64 // net × rate, rounded per line half away from zero
}

// Invoice is a bill to a customer.
type Invoice struct {
	ID         int64
	Number     string // empty while draft
	Seq        int64
	CustomerID int64
	Currency   string
	IssueDate  Date
	DueDate    Date
	PONumber   string
	Status     InvoiceStatus
	Lines      []InvoiceLine
	Subtotal   int64
	TaxTotal   int64
	Total      int64
	OpenAmount int64
	SentDate   Date
	Notes      string
	VoidReason string
	VoidDate   Date
	Created    string
	PostedAt   string

	CustomerName string // filled by reads
}

// DaysOverdue is how many days past due the invoice is on day (0 when not overdue or paid).
func (inv *Invoice) DaysOverdue(day Date) int {
	if inv.Status != StatusPosted || inv.OpenAmount == 0 {
		return 0
	}
	return max(0, day.DaysSince(inv.DueDate))
}

// ComputeTotals fills line net/tax and the invoice totals. Every unit price, line net and
// tax, and every running subtotal, tax and total must stay within MaxAmount.
func (inv *Invoice) ComputeTotals() error {
	if len(inv.Lines) > MaxInvoiceLines {
		return fieldErr("lines", fmt.Sprintf("an invoice has at most %d lines", MaxInvoiceLines))
	}
	var sub, tax int64
	for i := range inv.Lines {
		l := &inv.Lines[i]
		f := fmt.Sprintf("lines[%d]", i+1)
		if l.UnitPrice > MaxAmount || l.UnitPrice < -MaxAmount {
			return fieldErr(f+".unit_price", tooLarge(inv.Currency))
		}
		net, ok := MulDivRound(l.QtyMilli, l.UnitPrice, 1000)
		if !ok || net > MaxAmount || net < -MaxAmount {
			return fieldErr(f+".quantity", "× unit price "+tooLarge(inv.Currency))
		}
		t, ok := MulDivRound(net, l.TaxRateBP, 10000)
		if !ok {
			return fieldErr(f+".tax_rate", tooLarge(inv.Currency))
		}
		l.Net, l.Tax = net, t
		sub += net // each term and the sum so far are within ±MaxAmount: no overflow
		tax += t
		if sub > MaxAmount || sub < -MaxAmount || tax > MaxAmount || tax < -MaxAmount || sub+tax > MaxAmount || sub+tax < -MaxAmount {
			return fieldErr("lines", "the invoice total "+tooLarge(inv.Currency))
		}
	}
	inv.Subtotal, inv.TaxTotal, inv.Total = sub, tax, sub+tax
	return nil
}

// Validate checks a draft and computes its totals.
func (inv *Invoice) Validate() error {
	var v ValidationErrors
	if inv.CustomerID <= 0 {
		v.add("customer", "is required")
	}
	if !ValidCurrency(inv.Currency) {
		v.add("currency", fmt.Sprintf("%q is not a known ISO 4217 currency code", inv.Currency))
	}
	if inv.IssueDate.IsZero() {
		v.add("issue_date", "is required")
	}
	checkYear(&v, "issue_date", inv.IssueDate)
	checkYear(&v, "due_date", inv.DueDate)
	if inv.DueDate.IsZero() {
		v.add("due_date", "is required")
	} else if !inv.IssueDate.IsZero() && inv.DueDate.Before(inv.IssueDate) {
		v.add("due_date", "is before the issue date")
	}
	inv.PONumber = cleanText(inv.PONumber)
	if len(inv.PONumber) > 60 {
		v.add("po_number", "is longer than 60 characters")
	}
	checkText(&v, "po_number", inv.PONumber, false)
	inv.Notes = cleanText(inv.Notes)
	checkText(&v, "notes", inv.Notes, true)
	for i := range inv.Lines {
		l := &inv.Lines[i]
		l.Pos = i + 1
		f := fmt.Sprintf("lines[%d]", i+1)
		l.Description = cleanText(l.Description)
		if l.Description == "" {
			v.add(f+".description", "is required")
		}
		checkText(&v, f+".description", l.Description, true)
		if l.QtyMilli <= 0 {
			v.add(f+".quantity", "must be greater than zero")
		}
		if l.TaxRateBP < 0 || l.TaxRateBP > 10000 {
			v.add(f+".tax_rate", "must be between 0 and 100 %")
		}
	}
	if len(v) == 0 {
		if err := inv.ComputeTotals(); err != nil {
			return err
		}
		if inv.Total < 0 {
			v.add("lines", "the invoice total cannot be negative (use a credit note)")
		}
	}
	return v.err()
}

const invoiceCols = `i.id, i.number, i.seq, i.customer_id, i.currency, i.issue_date, i.due_date, i.po_number, i.status,
	i.subtotal, i.tax_total, i.total, i.open_amount, i.sent_date, i.notes, i.void_reason, i.void_date,
	i.created, i.posted_at, c.name`

func scanInvoice(sc scanner) (*Invoice, error) {
	var inv Invoice
	var number, posted sql.NullString
	var seq sql.NullInt64
	err := sc.Scan(&inv.ID, &number, &seq, &inv.CustomerID, &inv.Currency, &inv.IssueDate, &inv.DueDate,
		&inv.PONumber, &inv.Status, &inv.Subtotal, &inv.TaxTotal, &inv.Total, &inv.OpenAmount, &inv.SentDate,
		&inv.Notes, &inv.VoidReason, &inv.VoidDate, &inv.Created, &posted, &inv.CustomerName)
	inv.Number, inv.Seq, inv.PostedAt = number.String, seq.Int64, posted.String
	return &inv, err
}

func getInvoice(ctx context.Context, q querier, where string, arg any) (*Invoice, error) {
	inv, err := scanInvoice(q.QueryRowContext(ctx, `SELECT `+invoiceCols+` FROM invoices i JOIN customers c ON c.id = i.customer_id WHERE `+where, arg))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("invoice %v: %w", arg, ErrNotFound)
	}
	if err != nil {
		return nil, err
	}
	rows, err := q.QueryContext(ctx, `SELECT id, pos, description, qty_milli, unit_price, tax_rate_bp, net, tax
		FROM invoice_lines WHERE invoice_id = ? ORDER BY pos`, inv.ID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var l InvoiceLine
		if err := rows.Scan(&l.ID, &l.Pos, &l.Description, &l.QtyMilli, &l.UnitPrice, &l.TaxRateBP, &l.Net, &l.Tax); err != nil {
			return nil, err
		}
		inv.Lines = append(inv.Lines, l)
	}
	return inv, rows.Err()
}

// Invoice reads one invoice with its lines.
func (s *Store) Invoice(ctx context.Context, id int64) (*Invoice, error) {
	return getInvoice(ctx, s.r, "i.id = ?", id)
}

// InvoiceByNumber reads one posted (or void) invoice by its number.
func (s *Store) InvoiceByNumber(ctx context.Context, number string) (*Invoice, error) {
	return getInvoice(ctx, s.r, "i.number = ?", strings.TrimSpace(number))
}

// DueDateFor gives issue + the customer's terms.
func DueDateFor(issue Date, c *Customer) Date { return issue.AddDays(c.TermsDays) }

// CreateDraft validates and inserts a draft invoice with its lines. A zero issue date
// means today; a zero due date means issue date + the customer's terms; an empty
// currency means the customer's.
func (s *Store) CreateDraft(ctx context.Context, inv *Invoice) error {
	return s.Update(ctx, func(tx *Tx) error { return tx.CreateDraft(inv) })
}

// CreateDraft inserts a draft inside an open transaction.
func (tx *Tx) CreateDraft(inv *Invoice) error {
	if inv.CustomerID <= 0 {
		return fieldErr("customer", "is required")
	}
	cust, err := getCustomer(tx.ctx, tx, inv.CustomerID)
	if errors.Is(err, ErrNotFound) {
		return fieldErr("customer", fmt.Sprintf("customer %d does not exist", inv.CustomerID))
	} else if err != nil {
		return err
	}
	if inv.Currency == "" {
		inv.Currency = cust.Currency
	}
	if inv.IssueDate.IsZero() {
		inv.IssueDate = tx.s.Today()
	}
	if inv.DueDate.IsZero() {
		inv.DueDate = DueDateFor(inv.IssueDate, cust)
	}
	if err := inv.Validate(); err != nil {
		return err
	}
	if inv.Currency != cust.Currency {
		return fieldErr("currency", fmt.Sprintf("must be the customer's currency (%s)", cust.Currency))
	}
	if err := tx.reserve(sumInvoices, 0, inv.Total, "total", "invoices", inv.Currency); err != nil {
		return err
	}
	inv.Status, inv.Number, inv.Seq, inv.OpenAmount = StatusDraft, "", 0, 0
	inv.Created = tx.s.nowText()
	inv.CustomerName = cust.Name
	res, err := tx.ExecContext(tx.ctx, `INSERT INTO invoices(customer_id, currency, issue_date, due_date, po_number, status,
		subtotal, tax_total, total, open_amount, notes, created) VALUES (?,?,?,?,?,'draft',?,?,?,0,?,?)`,
		inv.CustomerID, inv.Currency, inv.IssueDate, inv.DueDate, inv.PONumber, inv.Subtotal, inv.TaxTotal,
		inv.Total, inv.Notes, inv.Created)
	if err != nil {
		return err
	}
	inv.ID, _ = res.LastInsertId()
	tx.wrote(sumInvoices, inv.ID)
	return tx.insertLines(inv)
}

func (tx *Tx) insertLines(inv *Invoice) error {
	stmt, err := tx.PrepareContext(tx.ctx, `INSERT INTO invoice_lines(invoice_id, pos, description, qty_milli,
		unit_price, tax_rate_bp, net, tax) VALUES (?,?,?,?,?,?,?,?)`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for i := range inv.Lines {
		l := &inv.Lines[i]
		res, err := stmt.ExecContext(tx.ctx, inv.ID, l.Pos, l.Description, l.QtyMilli, l.UnitPrice, l.TaxRateBP, l.Net, l.Tax)
		if err != nil {
			return err
		}
		l.ID, _ = res.LastInsertId()
	}
	return nil
}

// UpdateDraft replaces a draft's header and lines. Posted invoices are refused.
func (s *Store) UpdateDraft(ctx context.Context, inv *Invoice) error {
	return s.Update(ctx, func(tx *Tx) error {
		old, err := getInvoice(ctx, tx, "i.id = ?", inv.ID)
		if err != nil {
			return err
		}
		if old.Status != StatusDraft {
			return fieldErr("status", "a posted invoice cannot be changed; void it or issue a credit note")
		}
		cust, err := getCustomer(ctx, tx, inv.CustomerID)
		if errors.Is(err, ErrNotFound) {
			return fieldErr("customer", fmt.Sprintf("customer %d does not exist", inv.CustomerID))
		} else if err != nil {
			return err
		}
		if inv.Currency == "" {
			inv.Currency = cust.Currency
		}
		if err := inv.Validate(); err != nil {
			return err
		}
		if inv.Currency != cust.Currency {
			return fieldErr("currency", fmt.Sprintf("must be the customer's currency (%s)", cust.Currency))
		}
		if err := tx.reserve(sumInvoices, old.Total, inv.Total, "total", "invoices", inv.Currency); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE invoices SET customer_id=?, currency=?, issue_date=?, due_date=?,
			po_number=?, subtotal=?, tax_total=?, total=?, notes=? WHERE id = ?`, inv.CustomerID, inv.Currency,
			inv.IssueDate, inv.DueDate, inv.PONumber, inv.Subtotal, inv.TaxTotal, inv.Total, inv.Notes, inv.ID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM invoice_lines WHERE invoice_id = ?`, inv.ID); err != nil {
			return err
		}
		inv.Status, inv.Created, inv.CustomerName = StatusDraft, old.Created, cust.Name
		return tx.insertLines(inv)
	})
}

// DeleteDraft removes a draft (posted invoices are voided instead).
func (s *Store) DeleteDraft(ctx context.Context, id int64) error {
	return s.Update(ctx, func(tx *Tx) error {
		var st string
		if err := tx.QueryRowContext(ctx, `SELECT status FROM invoices WHERE id = ?`, id).Scan(&st); errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("invoice %d: %w", id, ErrNotFound)
		} else if err != nil {
			return err
		}
		if st != string(StatusDraft) {
			return fieldErr("status", "a posted invoice cannot be deleted; void it instead")
		}
		_, err := tx.ExecContext(ctx, `DELETE FROM invoices WHERE id = ?`, id)
		return err
	})
}

// PostInvoice gives a draft the next number and makes it receivable. It can no longer change.
func (s *Store) PostInvoice(ctx context.Context, id int64) (*Invoice, error) {
	var out *Invoice
	err := s.Update(ctx, func(tx *Tx) error {
		inv, err := tx.PostInvoice(id)
		out = inv
		return err
	})
	return out, err
}

// PostInvoice posts inside an open transaction.
func (tx *Tx) PostInvoice(id int64) (*Invoice, error) {
	inv, err := getInvoice(tx.ctx, tx, "i.id = ?", id)
	if err != nil {
		return nil, err
	}
	if inv.Status != StatusDraft {
		return nil, fieldErr("status", fmt.Sprintf("invoice %s is already %s", inv.Number, inv.Status))
	}
	if len(inv.Lines) == 0 {
		return nil, fieldErr("lines", "an invoice needs at least one line")
	}
	if inv.Total <= 0 {
		return nil, fieldErr("lines", "the invoice total must be greater than zero")
	}
	comp, err := companyFrom(tx.ctx, tx)
	if err != nil {
		return nil, err
	}
	var seq int64
	if err := tx.QueryRowContext(tx.ctx, `SELECT coalesce(max(seq), 0) + 1 FROM invoices`).Scan(&seq); err != nil {
		return nil, err
	}
	num, err := FormatNumber(comp.InvoiceFormat, seq)
	if err != nil {
		return nil, fieldErr("invoice_format", err.Error())
	}
	before := *inv
	inv.Status, inv.Seq, inv.Number, inv.OpenAmount, inv.PostedAt = StatusPosted, seq, num, inv.Total, tx.s.nowText()
	if _, err := tx.ExecContext(tx.ctx, `UPDATE invoices SET status='posted', seq=?, number=?, open_amount=total, posted_at=?
		WHERE id = ? AND status = 'draft'`, seq, num, inv.PostedAt, id); err != nil {
		if strings.Contains(err.Error(), "UNIQUE") {
			return nil, fieldErr("number", fmt.Sprintf("invoice number %s is already used; check the number format", num))
		}
		return nil, err
	}
	return inv, tx.Audit("invoice.post", "invoice", id, before, inv)
}

// MarkSent records the date an invoice was sent to the customer.
func (s *Store) MarkSent(ctx context.Context, id int64, day Date) error {
	return s.Update(ctx, func(tx *Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE invoices SET sent_date = ? WHERE id = ? AND status = 'posted'`, day, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fieldErr("status", "only a posted invoice can be sent")
		}
		return nil
	})
}

// VoidInvoice cancels a posted invoice, keeping it with the reason. Payments allocated to it
// go back to the customer's credit. An invoice with credit notes or write-offs cannot be voided.
func (s *Store) VoidInvoice(ctx context.Context, id int64, reason string) error {
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return fieldErr("reason", "a reason is required to void an invoice")
	}
	return s.Update(ctx, func(tx *Tx) error {
		inv, err := getInvoice(ctx, tx, "i.id = ?", id)
		if err != nil {
			return err
		}
		if inv.Status != StatusPosted {
			return fieldErr("status", fmt.Sprintf("only a posted invoice can be voided (this one is %s)", inv.Status))
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM credit_notes WHERE invoice_id = ?) +
			(SELECT count(*) FROM write_offs WHERE invoice_id = ?)`, id, id).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return fieldErr("status", "the invoice has credit notes or write-offs; credit the rest instead of voiding")
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM allocations WHERE invoice_id = ?`, id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE invoices SET status='void', open_amount=0, void_reason=?, void_date=? WHERE id = ?`,
			reason, s.Today(), id); err != nil {
			return err
		}
		after := *inv
		after.Status, after.OpenAmount, after.VoidReason, after.VoidDate = StatusVoid, 0, reason, s.Today()
		return tx.Audit("invoice.void", "invoice", id, inv, after)
	})
}

// CreditNote reduces what a posted invoice asks for.
type CreditNote struct {
	ID        int64
	Number    string
	InvoiceID int64
	Date      Date
	Amount    int64
	Reason    string
}

// IssueCreditNote credits part or all of a posted invoice's open balance.
func (s *Store) IssueCreditNote(ctx context.Context, cn *CreditNote) error {
	return s.reduceOpen(ctx, cn.InvoiceID, cn.Amount, &cn.Reason, &cn.Date, "credited", "invoice.credit",
		func(tx *Tx, comp Company) (any, error) {
			var seq int64
			if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(seq), 0) + 1 FROM credit_notes`).Scan(&seq); err != nil {
				return nil, err
			}
			num, err := FormatNumber(comp.CreditNoteFormat, seq)
			if err != nil {
				return nil, fieldErr("credit_note_format", err.Error())
			}
			res, err := tx.ExecContext(ctx, `INSERT INTO credit_notes(number, seq, invoice_id, date, amount, reason, created)
				VALUES (?,?,?,?,?,?,?)`, num, seq, cn.InvoiceID, cn.Date, cn.Amount, cn.Reason, s.nowText())
			if err != nil {
				return nil, err
			}
			cn.Number = num
			cn.ID, _ = res.LastInsertId()
			return map[string]any{"credit_note": cn}, nil
		})
}

// reduceOpen validates and applies a credit note or write-off of amount to a posted invoice
// in one transaction: insert does the row, the schema's triggers lower the open balance, and
// the audit log records the balance before and after.
func (s *Store) reduceOpen(ctx context.Context, invoiceID, amount int64, reason *string, day *Date, verb, action string,
	insert func(tx *Tx, comp Company) (any, error)) error {
	*reason = strings.TrimSpace(*reason)
	if amount <= 0 {
		return fieldErr("amount", "must be greater than zero")
	}
	if *reason == "" {
		return fieldErr("reason", "is required")
	}
	if day.IsZero() {
		*day = s.Today()
	}
	if err := PlausibleDate(*day); err != nil {
		return fieldErr("date", err.Error())
	}
	return s.Update(ctx, func(tx *Tx) error {
		inv, err := getInvoice(ctx, tx, "i.id = ?", invoiceID)
		if err != nil {
			return err
		}
		if inv.Status != StatusPosted {
			return fieldErr("invoice", "only a posted invoice can be "+verb)
		}
		if amount > inv.OpenAmount {
			return fieldErr("amount", fmt.Sprintf("is more than the open balance (%s)", FormatAmount(inv.OpenAmount, inv.Currency)))
		}
		comp, err := companyFrom(ctx, tx)
		if err != nil {
			return err
		}
		detail, err := insert(tx, comp)
		if err != nil {
			return err
		}
		return tx.Audit(action, "invoice", invoiceID, map[string]int64{"open_amount": inv.OpenAmount},
			map[string]any{"open_amount": inv.OpenAmount - amount, "detail": detail})
	})
}

// WriteOff is an amount given up as uncollectable.
type WriteOff struct {
	ID        int64
	InvoiceID int64
	Date      Date
	Amount    int64
	Reason    string
}

// WriteOffInvoice writes off part or all of a posted invoice's open balance.
func (s *Store) WriteOffInvoice(ctx context.Context, w *WriteOff) error {
	return s.reduceOpen(ctx, w.InvoiceID, w.Amount, &w.Reason, &w.Date, "written off", "invoice.write_off",
		func(tx *Tx, _ Company) (any, error) {
			res, err := tx.ExecContext(ctx, `INSERT INTO write_offs(invoice_id, date, amount, reason, created) VALUES (?,?,?,?,?)`,
				w.InvoiceID, w.Date, w.Amount, w.Reason, s.nowText())
			if err != nil {
				return nil, err
			}
			w.ID, _ = res.LastInsertId()
			return map[string]any{"write_off": w}, nil
		})
}
