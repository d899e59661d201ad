package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Company is the business that owns the file: it heads every document.
type Company struct {
	Name                string
	Address             string // several lines
	Email               string
	Phone               string
	TaxID               string
	Currency            string
	DefaultTermsDays    int
	InvoiceFormat       string // e.g. "INV-{n:05}"
	CreditNoteFormat    string // e.g. "CN-{n:05}"
	PaymentInstructions string // several lines, printed on invoices and statements
	DefaultTaxRateBP    int64  // hundredths of a percent: 825 = 8.25 %
}

const companyPrefix = "company."

// DefaultCompany is what a new file starts with.
func DefaultCompany() Company {
	return Company{Name: "My Business", Currency: "USD", DefaultTermsDays: 30,
		InvoiceFormat: "INV-{n:05}", CreditNoteFormat: "CN-{n:05}"}
}

// Validate checks the company settings.
func (c *Company) Validate() error {
	var v ValidationErrors
	c.Name = strings.TrimSpace(c.Name)
	if c.Name == "" {
		v.add("name", "is required")
	}
	if !ValidCurrency(c.Currency) {
		v.add("currency", fmt.Sprintf("%q is not a known ISO 4217 currency code", c.Currency))
	}
	if c.DefaultTermsDays < 0 || c.DefaultTermsDays > 365 {
		v.add("default_terms", "must be between 0 and 365 days")
	}
	if _, err := FormatNumber(c.InvoiceFormat, 1); err != nil {
		v.add("invoice_format", err.Error())
	}
	if _, err := FormatNumber(c.CreditNoteFormat, 1); err != nil {
		v.add("credit_note_format", err.Error())
	}
	if c.DefaultTaxRateBP < 0 || c.DefaultTaxRateBP > 10000 {
		v.add("default_tax_rate", "must be between 0 and 100 %")
	}
	return v.err()
}

// FormatNumber renders a document number format: "{n}" or "{n:05}" is replaced by the
// sequence (zero padded to the width); the rest is kept, e.g. "INV-{n:05}" → "INV-00042".
func FormatNumber(format string, n int64) (string, error) {
	i := strings.Index(format, "{n")
	if i < 0 {
		return "", errors.New(`must contain {n} (or {n:05} for zero padding)`)
	}
	j := strings.Index(format[i:], "}")
	if j < 0 {
		return "", errors.New("has an unclosed {n")
	}
	spec := format[i+2 : i+j]
	width := 0
	if spec != "" {
		if !strings.HasPrefix(spec, ":") {
			return "", fmt.Errorf("has an unknown placeholder %q", format[i:i+j+1])
		}
		w, err := strconv.Atoi(spec[1:])
		if err != nil || w < 0 || w > 12 {
			return "", fmt.Errorf("has a bad width in %q", format[i:i+j+1])
		}
		width = w
	}
	if strings.Contains(format[i+j+1:], "{n") {
		return "", errors.New("may contain {n} only once")
	}
	return format[:i] + fmt.Sprintf("%0*d", width, n) + format[i+j+1:], nil
}

type querier interface {
	QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row
	QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error)
}

func getSettings(ctx context.Context, q querier, prefix string) (map[string]string, error) {
	rows, err := q.QueryContext(ctx, `SELECT key, value FROM settings WHERE key >= ? AND key < ?`, prefix, prefix+"\xff")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	m := map[string]string{}
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return nil, err
		}
		m[strings.TrimPrefix(k, prefix)] = v
	}
	return m, rows.Err()
}

// Setting reads one setting ("" when missing).
func (s *Store) Setting(ctx context.Context, key string) (string, error) {
	var v string
	err := s.r.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = ?`, key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return v, err
}

// SetSetting writes one setting inside tx.
func (tx *Tx) SetSetting(key, value string) error {
	_, err := tx.ExecContext(tx.ctx, `INSERT INTO settings(key, value) VALUES (?, ?)
		ON CONFLICT(key) DO UPDATE SET value = excluded.value`, key, value)
	return err
}

// SetSetting writes one setting in its own transaction.
func (s *Store) SetSetting(ctx context.Context, key, value string) error {
	return s.Update(ctx, func(tx *Tx) error { return tx.SetSetting(key, value) })
}

// Company reads the company settings (defaults where unset).
func (s *Store) Company(ctx context.Context) (Company, error) { return companyFrom(ctx, s.r) }

func companyFrom(ctx context.Context, q querier) (Company, error) {
	m, err := getSettings(ctx, q, companyPrefix)
	if err != nil {
		return Company{}, err
	}
	c := DefaultCompany()
	set := func(k string, p *string) {
		if v, ok := m[k]; ok {
			*p = v
		}
	}
	set("name", &c.Name)
	set("address", &c.Address)
	set("email", &c.Email)
	set("phone", &c.Phone)
	set("tax_id", &c.TaxID)
	set("currency", &c.Currency)
	set("invoice_format", &c.InvoiceFormat)
	set("credit_note_format", &c.CreditNoteFormat)
	set("payment_instructions", &c.PaymentInstructions)
	if v, ok := m["default_terms"]; ok {
		c.DefaultTermsDays, _ = strconv.Atoi(v)
	}
	if v, ok := m["default_tax_rate_bp"]; ok {
		c.DefaultTaxRateBP, _ = strconv.ParseInt(v, 10, 64)
	}
	return c, nil
}

// SaveCompany validates and stores the company settings.
func (s *Store) SaveCompany(ctx context.Context, c Company) error {
	if err := c.Validate(); err != nil {
		return err
	}
	return s.Update(ctx, func(tx *Tx) error {
		old, err := companyFrom(ctx, tx)
		if err != nil {
			return err
		}
		if old.Currency != c.Currency {
			var n int
			if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM invoices WHERE status <> 'draft'`).Scan(&n); err != nil {
				return err
			}
			if n > 0 {
				return fieldErr("currency", "cannot change once invoices are posted")
			}
		}
		kv := map[string]string{
			"name": c.Name, "address": c.Address, "email": c.Email, "phone": c.Phone,
			"tax_id": c.TaxID, "currency": c.Currency, "invoice_format": c.InvoiceFormat,
			"credit_note_format": c.CreditNoteFormat, "payment_instructions": c.PaymentInstructions,
			"default_terms": strconv.Itoa(c.DefaultTermsDays), "default_tax_rate_bp": strconv.FormatInt(c.DefaultTaxRateBP, 10),
		}
		for k, v := range kv {
			if err := tx.SetSetting(companyPrefix+k, v); err != nil {
				return err
			}
		}
		return tx.Audit("company.update", "company", 0, old, c)
	})
}
