package data

import (
	"context"
	"fmt"
)

// Check runs SQLite's integrity and foreign-key checks and every invariant of the ledger.
// It returns one line per violation (none = healthy), the integrity lines first.
//
// integrity_check (which reads every page and compares every index with its table) is the
// longest part; it runs on a second read connection while the foreign keys and invariants
// are checked, each part within its own snapshot.
func (s *Store) Check(ctx context.Context) ([]string, error) {
	type result struct {
		out []string
		err error
	}
	integrity := make(chan result, 1)
	go func() {
		var r result
		r.err = s.viewLargeCache(ctx, func(tx sqlTx) (err error) {
			r.out, err = sqliteCheck(ctx, tx, `PRAGMA integrity_check`)
			return err
		})
		integrity <- r
	}()
	out, err := s.checkInvariants(ctx)
	ir := <-integrity
	if ir.err != nil {
		return nil, ir.err
	}
	return append(ir.out, out...), err
}

// checkInvariants is Check's foreign-key and ledger part.
func (s *Store) checkInvariants(ctx context.Context) ([]string, error) {
	var out []string
	err := s.viewLargeCache(ctx, func(tx sqlTx) error {
		rows, err := tx.QueryContext(ctx, `PRAGMA foreign_key_check`)
		if err != nil {
			return err
		}
		for rows.Next() {
			var table, parent string
			var rowid, fkid any
			if err := rows.Scan(&table, &rowid, &parent, &fkid); err != nil {
				rows.Close()
				return err
			}
			out = append(out, fmt.Sprintf("foreign key: %s row %v points to a missing %s", table, rowid, parent))
		}
		rows.Close()
		checks := []struct{ label, q string }{
			{"invoice open balance does not match total − allocations − credits − write-offs", `
				SELECT coalesce(i.number, 'draft #' || i.id) FROM invoices i
				LEFT JOIN (SELECT invoice_id, sum(amount) s FROM allocations GROUP BY invoice_id) a ON a.invoice_id = i.id
				LEFT JOIN (SELECT invoice_id, sum(amount) s FROM credit_notes GROUP BY invoice_id) n ON n.invoice_id = i.id
				LEFT JOIN (SELECT invoice_id, sum(amount) s FROM write_offs GROUP BY invoice_id) w ON w.invoice_id = i.id
				WHERE i.status = 'posted' AND i.open_amount <> i.total - coalesce(a.s,0) - coalesce(n.s,0) - coalesce(w.s,0)`},
			{"invoice open balance is negative or above its total", `
				SELECT coalesce(number, 'draft #' || id) FROM invoices WHERE open_amount < 0 OR open_amount > total`},
			{"draft or void invoice has allocations, credits or write-offs or an open balance", `
				SELECT coalesce(i.number, 'draft #' || i.id) FROM invoices i WHERE i.status <> 'posted' AND (i.open_amount <> 0
				OR EXISTS (SELECT 1 FROM allocations a WHERE a.invoice_id = i.id)
				OR (i.status = 'draft' AND EXISTS (SELECT 1 FROM credit_notes n WHERE n.invoice_id = i.id))
				OR (i.status = 'draft' AND EXISTS (SELECT 1 FROM write_offs w WHERE w.invoice_id = i.id)))`},
			{"invoice totals do not match its lines", `
				SELECT coalesce(i.number, 'draft #' || i.id) FROM invoices i
				LEFT JOIN (SELECT invoice_id, sum(net) n, sum(tax) t FROM invoice_lines GROUP BY invoice_id) l ON l.invoice_id = i.id
				WHERE i.subtotal <> coalesce(l.n,0) OR i.tax_total <> coalesce(l.t,0) OR i.total <> i.subtotal + i.tax_total`},
			{"payment unallocated amount does not match amount − allocations", `
				SELECT 'payment ' || p.id FROM payments p WHERE p.unallocated < 0
				OR p.unallocated <> p.amount - coalesce((SELECT sum(amount) FROM allocations a WHERE a.payment_id = p.id), 0)`},
			{"allocation joins a payment and an invoice of different customers or currencies", `
				SELECT 'allocation ' || a.id FROM allocations a JOIN payments p ON p.id = a.payment_id JOIN invoices i ON i.id = a.invoice_id
				WHERE p.customer_id <> i.customer_id OR p.currency <> i.currency`},
			{"invoice numbers are not sequential (a gap or a duplicate)", `
				SELECT 'expected ' || count(*) || ' numbers up to ' || coalesce(max(seq),0) FROM invoices WHERE seq IS NOT NULL
				HAVING count(*) <> coalesce(max(seq),0) OR count(DISTINCT seq) <> count(*)`},
			{"posted invoice without a number", `
				SELECT 'invoice #' || id FROM invoices WHERE status <> 'draft' AND (number IS NULL OR seq IS NULL)`},
			{"due date before issue date", `
				SELECT coalesce(number, 'draft #' || id) FROM invoices WHERE due_date < issue_date`},
		}
		v, err := runChecks(ctx, tx, append(checks, boundChecks...))
		out = append(out, v...)
		if err != nil {
			return err
		}
		v, err = checkPayRecord(ctx, tx)
		out = append(out, v...)
		return err
	})
	return out, err
}

// sqliteCheck runs SQLite's integrity_check or quick_check (pragma) and returns its
// findings (Check, QuickCheck, a backup's verifyCopy), each as "integrity: ..." (none when it says ok).
func sqliteCheck(ctx context.Context, q querier, pragma string) ([]string, error) {
	rows, err := q.QueryContext(ctx, pragma)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var m string
		if err := rows.Scan(&m); err != nil {
			return out, err
		}
		if m != "ok" {
			out = append(out, "integrity: "+m)
		}
	}
	return out, rows.Err()
}

// runChecks runs invariant queries, each returning one text column that names what
// breaks it, and returns "label: what" for at most 50 rows of each (Check, QuickCheck).
func runChecks(ctx context.Context, tx sqlTx, checks []struct{ label, q string }) ([]string, error) {
	var out []string
	for _, c := range checks {
		rows, err := tx.QueryContext(ctx, c.q+` LIMIT 50`)
		if err != nil {
			return out, fmt.Errorf("check %q: %w", c.label, err)
		}
		for rows.Next() {
			var what string
			if err := rows.Scan(&what); err != nil {
				rows.Close()
				return out, err
			}
			out = append(out, c.label+": "+what)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return out, err
		}
	}
	return out, nil
}
