package data

import (
	"context"
	"database/sql"
	"strings"
	"sync/atomic"
)

// PaymentRows reads every payment as the payments list shows it, in id order: the
// payment's figures, date, method, reference and currency, and the customer's name
// (shared between a customer's payments); not the notes, source or creation time, which
// the list does not show (Payment reads them). It reads the customers once and the text
// columns as one value, as InvoiceRows does: a million payments in a second or two, where
// the whole payments with the join and the date order took ten. A large file is read in
// two halves at once (readInHalves).
// progress (may be nil) is told, from any goroutine, how many rows are read of how many.
func (s *Store) PaymentRows(ctx context.Context, progress func(done, total int)) ([]Payment, error) {
	var read atomic.Int64 // rows read by both halves, for progress
	var n int
	return readInHalves(ctx, s, `payments`, func(total int) { n = total },
		func(ctx context.Context, tx sqlTx, from, to int64, size int) ([]Payment, error) {
			return readPaymentRows(ctx, tx, from, to, size, func(more int) {
				if progress != nil {
					progress(int(read.Add(int64(more))), n)
				}
			})
		})
}

// readPaymentRows reads the list rows of the payments with ids from..to, in id order,
// telling tell of every 10,000 read.
func readPaymentRows(ctx context.Context, tx sqlTx, from, to int64, size int, tell func(more int)) ([]Payment, error) {
	var out []Payment
	err := func() error {
		names, err := readCustomerNames(ctx, tx)
		if err != nil {
			return err
		}
		out = make([]Payment, 0, size)
		rows, err := tx.QueryContext(ctx, `SELECT id, customer_id, amount, unallocated,
			date || char(31) || method || char(31) || reference || char(31) || currency FROM payments WHERE id BETWEEN ? AND ? ORDER BY id`, from, to)
		if err != nil {
			return err
		}
		defer rows.Close()
		dates := dateCache{}
		texts := interner{}
		fill := func(p *Payment, t *[4]string) (err error) {
			p.Method, p.Currency = texts.of(t[1]), texts.of(t[3])
			p.Reference = strings.Clone(t[2]) // a substring would keep the whole text alive
			p.CustomerName = names[p.CustomerID]
			p.Date, err = dates.parse(t[0])
			return err
		}
		var again []int // rows to read column by column (see InvoiceRows)
		var parts [4]string
		for rows.Next() {
			var p Payment
			var text sql.NullString
			if err := rows.Scan(&p.ID, &p.CustomerID, &p.Amount, &p.Unallocated, &text); err != nil {
				return err
			}
			if !splitUnits(text, parts[:]) {
				again = append(again, len(out))
			} else if err := fill(&p, &parts); err != nil {
				return err
			}
			out = append(out, p)
			if len(out)%10000 == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
				tell(10000)
			}
		}
		if err := rows.Err(); err != nil {
			return err
		}
		rows.Close()
		for _, i := range again {
			p := &out[i]
			var t [4]string
			if err := tx.QueryRowContext(ctx, `SELECT date, method, reference, currency FROM payments WHERE id = ?`, p.ID).
				Scan(&t[0], &t[1], &t[2], &t[3]); err != nil {
				return err
			}
			if err := fill(p, &t); err != nil {
				return err
			}
		}
		return nil
	}()
	return out, err
}

// readCustomerNames maps every customer's id to its name.
func readCustomerNames(ctx context.Context, tx sqlTx) (map[int64]string, error) {
	return scanNames(tx.QueryContext(ctx, `SELECT id, name FROM customers`))
}

// readCustomerNamesOf reads the names of the customers ids in one query (the ids go as a
// JSON array); an id of no customer is absent from the map.
func readCustomerNamesOf(ctx context.Context, tx sqlTx, ids []int64) (map[int64]string, error) {
	if len(ids) == 0 {
		return map[int64]string{}, nil
	}
	return scanNames(tx.QueryContext(ctx, `SELECT id, name FROM customers WHERE id IN (SELECT value FROM json_each(?))`, jsonInts(ids)))
}

// scanNames reads (id, name) rows into a map.
func scanNames(rows *sql.Rows, err error) (map[int64]string, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	names := map[int64]string{}
	for rows.Next() {
		var id int64
		var n string
		if err := rows.Scan(&id, &n); err != nil {
			return nil, err
		}
		names[id] = n
	}
	return names, rows.Err()
}

// splitUnits splits a text made of len(parts) values joined by U+001F (the unit
// separator) into parts; false when it is NULL or does not split into exactly that many
// (a value holding a separator itself: only a damaged or hostile file has one).
func splitUnits(text sql.NullString, parts []string) bool {
	if !text.Valid {
		return false
	}
	rest := text.String
	for i := 0; i < len(parts)-1; i++ {
		j := strings.IndexByte(rest, '\x1f')
		if j < 0 {
			return false
		}
		parts[i], rest = rest[:j], rest[j+1:]
	}
	if strings.IndexByte(rest, '\x1f') >= 0 {
		return false
	}
	parts[len(parts)-1] = rest
	return true
}

// interner gives one copy of each distinct text of a long read (currencies, methods,
// statuses), not a substring of the row it came in, which would keep the row's text alive.
type interner map[string]string

func (m interner) of(s string) string {
	if v, ok := m[s]; ok {
		return v
	}
	s = strings.Clone(s)
	m[s] = s
	return s
}

// dateCache parses the dates of a long read once per distinct text ("" is the zero date).
type dateCache map[string]Date

func (c dateCache) parse(s string) (Date, error) {
	if s == "" {
		return Date{}, nil
	}
	if d, ok := c[s]; ok {
		return d, nil
	}
	d, err := ParseDate(s)
	if err != nil {
		return d, err
	}
	c[strings.Clone(s)] = d
	return d, nil
}
