package data

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// exportCSVReference is ExportCSV as it was before it streamed (each row read into a full
// Invoice, Customer or Payment, a join per row, fmt for amounts): what the fast one is
// compared with. It writes customers.csv, invoices.csv, payments.csv and allocations.csv to dir
// (made if needed) from one consistent snapshot, and returns the files written. Amounts
// are plain decimals ("1234.56") in each row's currency; dates YYYY-MM-DD.
func exportCSVReference(ctx context.Context, s *Store, dir string) ([]string, error) {
	if dir == "" {
		return nil, fieldErr("dir", "a folder is needed")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	type table struct {
		file   string
		header []string
		query  string
		row    func(sc scanner) ([]string, error)
	}
	tables := []table{
		{"customers.csv", []string{"id", "name", "contact", "emails", "phone", "address1", "address2", "city", "region",
			"postal_code", "country", "terms_days", "credit_limit", "currency", "channel", "credit_hold", "last_reviewed", "notes"},
			`SELECT ` + customerCols + ` FROM customers ORDER BY id`,
			func(sc scanner) ([]string, error) {
				c, err := scanCustomer(sc)
				if err != nil {
					return nil, err
				}
				hold := "no"
				if c.CreditHold {
					hold = "yes"
				}
				return []string{itoa(c.ID), c.Name, c.Contact, strings.Join(c.Emails, "; "), c.Phone, c.Address1, c.Address2,
					c.City, c.Region, c.PostalCode, c.Country, strconv.Itoa(c.TermsDays), refFormatPlain(c.CreditLimit, c.Currency),
					c.Currency, string(c.Channel), hold, c.LastReviewed.String(), c.Notes}, nil
			}},
		{"invoices.csv", []string{"id", "number", "status", "customer_id", "customer", "currency", "issue_date", "due_date",
			"po_number", "subtotal", "tax", "total", "open", "sent_date", "void_date", "void_reason", "notes"},
			`SELECT ` + invoiceCols + ` FROM invoices i JOIN customers c ON c.id = i.customer_id ORDER BY i.id`,
			func(sc scanner) ([]string, error) {
				inv, err := scanInvoice(sc)
				if err != nil {
					return nil, err
				}
				cur := inv.Currency
				return []string{itoa(inv.ID), inv.Number, string(inv.Status), itoa(inv.CustomerID), inv.CustomerName, cur,
					inv.IssueDate.String(), inv.DueDate.String(), inv.PONumber, refFormatPlain(inv.Subtotal, cur),
					refFormatPlain(inv.TaxTotal, cur), refFormatPlain(inv.Total, cur), refFormatPlain(inv.OpenAmount, cur),
					inv.SentDate.String(), inv.VoidDate.String(), inv.VoidReason, inv.Notes}, nil
			}},
		{"payments.csv", []string{"id", "date", "customer_id", "customer", "method", "reference", "currency", "amount",
			"unallocated", "source", "notes"},
			`SELECT ` + paymentCols + ` FROM payments p JOIN customers c ON c.id = p.customer_id ORDER BY p.id`,
			func(sc scanner) ([]string, error) {
				p, err := scanPayment(sc)
				if err != nil {
					return nil, err
				}
				return []string{itoa(p.ID), p.Date.String(), itoa(p.CustomerID), p.CustomerName, p.Method, p.Reference, p.Currency,
					refFormatPlain(p.Amount, p.Currency), refFormatPlain(p.Unallocated, p.Currency), p.Source, p.Notes}, nil
			}},
		{"allocations.csv", []string{"id", "payment_id", "invoice_id", "invoice_number", "date", "currency", "amount"},
			`SELECT a.id, a.payment_id, a.invoice_id, coalesce(i.number, ''), a.date, i.currency, a.amount
			 FROM allocations a JOIN invoices i ON i.id = a.invoice_id ORDER BY a.id`,
			func(sc scanner) ([]string, error) {
				var id, pid, iid, amt int64
				var num, cur string
				var day Date
				if err := sc.Scan(&id, &pid, &iid, &num, &day, &cur, &amt); err != nil {
					return nil, err
				}
				return []string{itoa(id), itoa(pid), itoa(iid), num, day.String(), cur, refFormatPlain(amt, cur)}, nil
			}},
	}
	var written []string
	err := s.View(ctx, func(tx sqlTx) error {
		for _, t := range tables {
			path := filepath.Join(dir, t.file)
			err := WriteFileAtomic(path, func(w io.Writer) error {
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
				for rows.Next() {
					rec, err := t.row(rows)
					if err != nil {
						return err
					}
					if err := cw.Write(rec); err != nil {
						return err
					}
				}
				if err := rows.Err(); err != nil {
					return err
				}
				return cw.Flush()
			})
			if err != nil {
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

func refFormatPlain(minor int64, currency string) string {
	return refFormatAmount(minor, currency, "", ".")
}

// refFormatAmount is formatAmount as it was (fmt.Sprintf), for TestFormatAmountMatchesReference.
func refFormatAmount(minor int64, currency, group, decimal string) string {
	dec, ok := CurrencyDecimals(currency)
	if !ok {
		dec = 2
	}
	neg := minor < 0
	u := uint64(minor)
	if neg {
		u = uint64(-(minor + 1)) + 1 // safe for MinInt64
	}
	p := uint64(pow10[dec])
	ip, fp := u/p, u%p
	is := fmt.Sprintf("%d", ip)
	if group != "" && len(is) > 3 {
		var b strings.Builder
		pre := len(is) % 3
		if pre > 0 {
			b.WriteString(is[:pre])
		}
		for i := pre; i < len(is); i += 3 {
			if b.Len() > 0 {
				b.WriteString(group)
			}
			b.WriteString(is[i : i+3])
		}
		is = b.String()
	}
	out := is
	if dec > 0 {
		out += decimal + fmt.Sprintf("%0*d", dec, fp)
	}
	if neg {
		out = "-" + out
	}
	return out
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
