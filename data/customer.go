package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/mail"
	"strings"
)

// Channel is how a customer prefers to be reached.
type Channel string

const (
	ChannelEmail Channel = "email"
	ChannelMail  Channel = "mail"
	ChannelPhone Channel = "phone"
)

// ReviewInterval is how many days a customer record stays "reviewed".
const ReviewInterval = 60

// Customer is one account.
type Customer struct {
	ID           int64
	Name         string
	Contact      string
	Emails       []string
	Phone        string
	Address1     string
	Address2     string
	City         string
	Region       string
	PostalCode   string
	Country      string
	TermsDays    int
	CreditLimit  int64 // minor units; 0 = no limit
	Currency     string
	Channel      Channel
	LastReviewed Date
	CreditHold   bool
	Notes        string
	Created      string
}

// ReviewDue tells whether the record was last reviewed more than ReviewInterval days ago.
func (c *Customer) ReviewDue(today Date) bool {
	return c.LastReviewed.IsZero() || today.DaysSince(c.LastReviewed) > ReviewInterval
}

// AddressLines gives the postal address as printed lines (name first).
func (c *Customer) AddressLines() []string {
	lines := []string{c.Name}
	if c.Contact != "" {
		lines = append(lines, "Attn: "+c.Contact)
	}
	for _, l := range []string{c.Address1, c.Address2} {
		if strings.TrimSpace(l) != "" {
			lines = append(lines, l)
		}
	}
	// North America writes "City, ST 12345"; most of the rest of the world "12345 City".
	var cityLine string
	switch strings.ToUpper(strings.TrimSpace(c.Country)) {
	case "", "US", "USA", "UNITED STATES", "CA", "CANADA":
		cityLine = strings.Join(nonEmpty(c.City, strings.TrimSpace(c.Region+" "+c.PostalCode)), ", ")
	default:
		cityLine = strings.Join(nonEmpty(strings.TrimSpace(c.PostalCode+" "+c.City), c.Region), ", ")
	}
	cityLine = strings.TrimSpace(cityLine)
	if cityLine != "" {
		lines = append(lines, cityLine)
	}
	if c.Country != "" {
		lines = append(lines, strings.ToUpper(c.Country))
	}
	return lines
}

func nonEmpty(xs ...string) []string {
	var out []string
	for _, x := range xs {
		if strings.TrimSpace(x) != "" {
			out = append(out, x)
		}
	}
	return out
}

// Validate trims and checks the record; every bad field is reported.
func (c *Customer) Validate() error {
	var v ValidationErrors
	c.Name = cleanName(c.Name)
	checkText(&v, "name", c.Name, false)
	for _, f := range []struct {
		name      string
		s         *string
		multiline bool
	}{{"contact", &c.Contact, false}, {"phone", &c.Phone, false}, {"address1", &c.Address1, true}, {"address2", &c.Address2, true},
		{"city", &c.City, true}, {"region", &c.Region, true}, {"postal_code", &c.PostalCode, false}, {"country", &c.Country, false},
		{"notes", &c.Notes, true}} {
		*f.s = cleanText(*f.s)
		checkText(&v, f.name, *f.s, f.multiline)
	}
	if c.Name == "" {
		v.add("name", "is required")
	} else if len(c.Name) > 200 {
		v.add("name", "is longer than 200 characters")
	}
	var emails []string
	for _, e := range c.Emails {
		e = strings.TrimSpace(e)
		if e == "" {
			continue
		}
		a, err := mail.ParseAddress(e)
		if err != nil || a.Name != "" || !strings.Contains(a.Address[strings.Index(a.Address, "@")+1:], ".") {
			v.add("emails", fmt.Sprintf("%q is not an email address", e))
			continue
		}
		emails = append(emails, a.Address)
	}
	c.Emails = emails
	if c.TermsDays < 0 || c.TermsDays > 365 {
		v.add("terms_days", "must be between 0 and 365 days")
	}
	if c.CreditLimit < 0 {
		v.add("credit_limit", "cannot be negative")
	}
	checkAmount(&v, "credit_limit", c.CreditLimit, c.Currency)
	if !ValidCurrency(c.Currency) {
		v.add("currency", fmt.Sprintf("%q is not a known ISO 4217 currency code", c.Currency))
	}
	if c.Channel == "" {
		c.Channel = ChannelEmail
	}
	switch c.Channel {
	case ChannelEmail, ChannelMail, ChannelPhone:
	default:
		v.add("channel", "must be email, mail or phone")
	}
	if c.Channel == ChannelEmail && len(c.Emails) == 0 && v.Fields()["emails"] == "" {
		v.add("emails", "an email address is needed when the preferred channel is email")
	}
	return v.err()
}

const customerCols = `id, name, contact, emails, phone, address1, address2, city, region, postal_code,
	country, terms_days, credit_limit, currency, channel, last_reviewed, credit_hold, notes, created`

type scanner interface{ Scan(dest ...any) error }

func scanCustomer(sc scanner) (*Customer, error) {
	var c Customer
	var emails string
	var hold int
	err := sc.Scan(&c.ID, &c.Name, &c.Contact, &emails, &c.Phone, &c.Address1, &c.Address2, &c.City,
		&c.Region, &c.PostalCode, &c.Country, &c.TermsDays, &c.CreditLimit, &c.Currency, &c.Channel,
		&c.LastReviewed, &hold, &c.Notes, &c.Created)
	if err != nil {
		return nil, err
	}
	c.CreditHold = hold != 0
	if emails != "" {
		c.Emails = strings.Split(emails, "\n")
	}
	return &c, nil
}

func customerArgs(c *Customer) []any {
	return []any{c.Name, c.Contact, strings.Join(c.Emails, "\n"), c.Phone, c.Address1, c.Address2, c.City,
		c.Region, c.PostalCode, c.Country, c.TermsDays, c.CreditLimit, c.Currency, string(c.Channel),
		c.LastReviewed, boolInt(c.CreditHold), c.Notes}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// CreateCustomer validates and inserts c, setting c.ID. A new record counts as reviewed today.
func (s *Store) CreateCustomer(ctx context.Context, c *Customer) error {
	return s.Update(ctx, func(tx *Tx) error { return tx.CreateCustomer(c) })
}

// CreateCustomer inserts inside an open transaction.
func (tx *Tx) CreateCustomer(c *Customer) error {
	if c.Currency == "" {
		comp, err := companyFrom(tx.ctx, tx)
		if err != nil {
			return err
		}
		c.Currency = comp.Currency
	}
	if err := c.Validate(); err != nil {
		return err
	}
	if c.LastReviewed.IsZero() {
		c.LastReviewed = tx.s.Today()
	}
	c.Created = tx.s.nowText()
	res, err := tx.ExecContext(tx.ctx, `INSERT INTO customers(name, contact, emails, phone, address1, address2, city,
		region, postal_code, country, terms_days, credit_limit, currency, channel, last_reviewed, credit_hold, notes, created)
		VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`, append(customerArgs(c), c.Created)...)
	if err != nil {
		return err
	}
	c.ID, _ = res.LastInsertId()
	return tx.Audit("customer.create", "customer", c.ID, nil, c)
}

// UpdateCustomer validates and saves c. The currency cannot change once the customer has invoices.
func (s *Store) UpdateCustomer(ctx context.Context, c *Customer) error {
	if err := c.Validate(); err != nil {
		return err
	}
	return s.Update(ctx, func(tx *Tx) error {
		old, err := getCustomer(ctx, tx, c.ID)
		if err != nil {
			return err
		}
		if old.Currency != c.Currency {
			var n int
			if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM invoices WHERE customer_id = ?`, c.ID).Scan(&n); err != nil {
				return err
			}
			if n > 0 {
				return fieldErr("currency", "cannot change once the customer has invoices")
			}
		}
		_, err = tx.ExecContext(ctx, `UPDATE customers SET name=?, contact=?, emails=?, phone=?, address1=?, address2=?,
			city=?, region=?, postal_code=?, country=?, terms_days=?, credit_limit=?, currency=?, channel=?,
			last_reviewed=?, credit_hold=?, notes=? WHERE id = ?`, append(customerArgs(c), c.ID)...)
		if err != nil {
			return err
		}
		c.Created = old.Created
		return tx.Audit("customer.update", "customer", c.ID, old, c)
	})
}

// MarkReviewed records that the customer's details were checked on the clock's today.
func (s *Store) MarkReviewed(ctx context.Context, id int64) error {
	return s.Update(ctx, func(tx *Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE customers SET last_reviewed = ? WHERE id = ?`, s.Today(), id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
		return nil
	})
}

// SetCreditHold puts a customer on or off credit hold.
func (s *Store) SetCreditHold(ctx context.Context, id int64, hold bool) error {
	return s.Update(ctx, func(tx *Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE customers SET credit_hold = ? WHERE id = ?`, boolInt(hold), id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
		return tx.Audit("customer.credit_hold", "customer", id, nil, map[string]bool{"credit_hold": hold})
	})
}

func getCustomer(ctx context.Context, q querier, id int64) (*Customer, error) {
	c, err := scanCustomer(q.QueryRowContext(ctx, `SELECT `+customerCols+` FROM customers WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("customer %d: %w", id, ErrNotFound)
	}
	return c, err
}

// Customer reads one customer.
func (s *Store) Customer(ctx context.Context, id int64) (*Customer, error) {
	return getCustomer(ctx, s.r, id)
}

// CustomerFilter selects customers.
type CustomerFilter struct {
	Text  string // in name, contact, emails, phone, city
	Limit int
}

// Customers lists customers by name.
func (s *Store) Customers(ctx context.Context, f CustomerFilter) ([]*Customer, error) {
	q := `SELECT ` + customerCols + ` FROM customers`
	var args []any
	if t := strings.TrimSpace(f.Text); t != "" {
		q += ` WHERE name LIKE ? OR contact LIKE ? OR emails LIKE ? OR phone LIKE ? OR city LIKE ?`
		p := "%" + t + "%"
		args = append(args, p, p, p, p, p)
	}
	q += ` ORDER BY name COLLATE NOCASE, id`
	if f.Limit > 0 {
		q += fmt.Sprintf(` LIMIT %d`, f.Limit)
	}
	return queryAll(ctx, s.r, q, scanCustomer, args...)
}
