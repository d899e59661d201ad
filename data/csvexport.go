package data

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// ExportCSV writes customers.csv, invoices.csv, payments.csv and allocations.csv to dir
// (made if needed) from one consistent snapshot, and returns the files written. Amounts
// are plain decimals ("1234.56") in each row's currency; dates YYYY-MM-DD.
//
// A million invoices are a few hundred megabytes of CSV, so each table is streamed with
// one query that reads only the columns written, into one record reused for every row;
// the customer names come from the customers pass (no join per invoice or payment) and
// each distinct date text is checked and formatted once.
func (s *Store) ExportCSV(ctx context.Context, dir string) ([]string, error) {
	if dir == "" {
		return nil, fieldErr("dir", "a folder is needed")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	e := &exporter{names: map[int64]string{}, dates: dateTexts{}}
	tables := []exportTable{
		{"customers.csv", []string{"id", "name", "contact", "emails", "phone", "address1", "address2", "city", "region",
			"postal_code", "country", "terms_days", "credit_limit", "currency", "channel", "credit_hold", "last_reviewed", "notes"},
			`SELECT ` + customerCols + ` FROM customers ORDER BY id`, e.customer},
		{"invoices.csv", []string{"id", "number", "status", "customer_id", "customer", "currency", "issue_date", "due_date",
			"po_number", "subtotal", "tax", "total", "open", "sent_date", "void_date", "void_reason", "notes"},
			`SELECT id, number, status, customer_id, currency, issue_date, due_date, po_number, subtotal, tax_total,
			 total, open_amount, sent_date, void_date, void_reason, notes FROM invoices ORDER BY id`, e.invoice},
		{"payments.csv", []string{"id", "date", "customer_id", "customer", "method", "reference", "currency", "amount",
			"unallocated", "source", "notes"},
			`SELECT id, date, customer_id, method, reference, currency, amount, unallocated, source, notes
			 FROM payments ORDER BY id`, e.payment},
		{"allocations.csv", []string{"id", "payment_id", "invoice_id", "invoice_number", "date", "currency", "amount"},
			`SELECT a.id, a.payment_id, a.invoice_id, coalesce(i.number, ''), a.date, i.currency, a.amount
			 FROM allocations a JOIN invoices i ON i.id = a.invoice_id ORDER BY a.id`, e.allocation},
	}
	var written []string
	err := s.View(ctx, func(tx sqlTx) error {
		for _, t := range tables {
			path := filepath.Join(dir, t.file)
			if err := WriteFileAtomic(path, func(w io.Writer) error { return exportTableTo(ctx, tx, w, t) }); err != nil {
				return fmt.Errorf("export %s: %w", t.file, err)
			}
			written = append(written, path)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return written, syncDir(dir)
}

// exportTable is one CSV file: its header, its query, and row, which scans the current
// row into rec (len(header) cells) and reports whether the row is written.
type exportTable struct {
	file   string
	header []string
	query  string
	row    func(rows *sql.Rows, rec []string) (bool, error)
}

func exportTableTo(ctx context.Context, tx sqlTx, w io.Writer, t exportTable) error {
	if _, err := w.Write([]byte{0xEF, 0xBB, 0xBF}); err != nil {
		return err
	}
	cw := NewCSVWriter(w)
	cw.UseCRLF()
	if err := cw.Write(t.header); err != nil {
		return err
	}
	rows, err := tx.QueryContext(ctx, t.query)
	if err != nil {
		return err
	}
	defer rows.Close()
	rec := make([]string, len(t.header))
	for rows.Next() {
		ok, err := t.row(rows, rec)
		if err != nil {
			return err
		}
		if !ok {
			continue
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	return cw.Flush()
}

// exporter holds what the passes share: customer names by id (the customers pass fills
// it) and the date texts seen.
type exporter struct {
	names map[int64]string
	dates dateTexts
}

func (e *exporter) customer(rows *sql.Rows, rec []string) (bool, error) {
	c, err := scanCustomer(rows)
	if err != nil {
		return false, err
	}
	e.names[c.ID] = c.Name
	hold := "no"
	if c.CreditHold {
		hold = "yes"
	}
	copy(rec, []string{itoa(c.ID), c.Name, c.Contact, strings.Join(c.Emails, "; "), c.Phone, c.Address1, c.Address2,
		c.City, c.Region, c.PostalCode, c.Country, strconv.Itoa(c.TermsDays), FormatPlain(c.CreditLimit, c.Currency),
		c.Currency, string(c.Channel), hold, c.LastReviewed.String(), c.Notes})
	return true, nil
}

func (e *exporter) invoice(rows *sql.Rows, rec []string) (bool, error) {
	var id, cust, sub, tax, total, open int64
	var number, issue, due, sent, void sql.NullString
	var status, cur, po, reason, notes string
	if err := rows.Scan(&id, &number, &status, &cust, &cur, &issue, &due, &po, &sub, &tax, &total, &open,
		&sent, &void, &reason, &notes); err != nil {
		return false, err
	}
	name, ok := e.names[cust]
	if !ok { // what the join with customers left out
		return false, nil
	}
	var err error
	rec[0], rec[1], rec[2], rec[3], rec[4], rec[5] = itoa(id), number.String, status, itoa(cust), name, cur
	if rec[6], err = e.dates.text(issue, "issue_date"); err != nil {
		return false, err
	}
	if rec[7], err = e.dates.text(due, "due_date"); err != nil {
		return false, err
	}
	rec[8], rec[9], rec[10], rec[11], rec[12] = po, FormatPlain(sub, cur), FormatPlain(tax, cur), FormatPlain(total, cur),
		FormatPlain(open, cur)
	if rec[13], err = e.dates.text(sent, "sent_date"); err != nil {
		return false, err
	}
	if rec[14], err = e.dates.text(void, "void_date"); err != nil {
		return false, err
	}
	rec[15], rec[16] = reason, notes
	return true, nil
}

func (e *exporter) payment(rows *sql.Rows, rec []string) (bool, error) {
	var id, cust, amount, unalloc int64
	var day sql.NullString
	var method, ref, cur, source, notes string
	if err := rows.Scan(&id, &day, &cust, &method, &ref, &cur, &amount, &unalloc, &source, &notes); err != nil {
		return false, err
	}
	name, ok := e.names[cust]
	if !ok {
		return false, nil
	}
	d, err := e.dates.text(day, "date")
	if err != nil {
		return false, err
	}
	rec[0], rec[1], rec[2], rec[3], rec[4], rec[5], rec[6] = itoa(id), d, itoa(cust), name, method, ref, cur
	rec[7], rec[8], rec[9], rec[10] = FormatPlain(amount, cur), FormatPlain(unalloc, cur), source, notes
	return true, nil
}

func (e *exporter) allocation(rows *sql.Rows, rec []string) (bool, error) {
	var id, pid, iid, amt int64
	var num, cur string
	var day sql.NullString
	if err := rows.Scan(&id, &pid, &iid, &num, &day, &cur, &amt); err != nil {
		return false, err
	}
	d, err := e.dates.text(day, "date")
	if err != nil {
		return false, err
	}
	rec[0], rec[1], rec[2], rec[3], rec[4], rec[5], rec[6] = itoa(id), itoa(pid), itoa(iid), num, d, cur, FormatPlain(amt, cur)
	return true, nil
}

// dateTexts maps a stored date text to the text written (what Date's Scan and String make
// of it), so each distinct date is parsed once: a million rows hold a few thousand dates.
type dateTexts map[string]string

func (m dateTexts) text(v sql.NullString, column string) (string, error) {
	if !v.Valid {
		return "", nil
	}
	if t, ok := m[v.String]; ok {
		return t, nil
	}
	var d Date
	if err := d.Scan(v.String); err != nil {
		return "", fmt.Errorf("column %s: %w", column, err)
	}
	t := d.String()
	if len(m) < 1<<16 {
		m[v.String] = t
	}
	return t, nil
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
