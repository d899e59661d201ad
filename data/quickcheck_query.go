package data

import "context"

// QuickCheck is the check for every open: SQLite's quick_check (the file's pages, records
// and structure, without comparing each index with its table as integrity_check does) and
// the invariants the indexes answer without reading every invoice. It returns one line per
// violation (none = healthy); Check is the full one. It is PageCheck then InvariantCheck:
// the window runs InvariantCheck as a file opens and PageCheck in the background (it
// reads every page: seconds at a million invoices).
func (s *Store) QuickCheck(ctx context.Context) ([]string, error) {
	out, err := s.PageCheck(ctx)
	if err != nil {
		return out, err
	}
	inv, err := s.InvariantCheck(ctx)
	return append(out, inv...), err
}

// PageCheck is SQLite's quick_check: every page of the file read and its structure
// checked. It returns one line per damage found (none = healthy) and stops early, with
// ctx's error, when ctx is cancelled (a window closed while it runs).
func (s *Store) PageCheck(ctx context.Context) ([]string, error) {
	var out []string
	err := s.View(ctx, func(tx sqlTx) (err error) {
		out, err = pageCheck(ctx, tx, `PRAGMA quick_check`)
		return err
	})
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	return out, err
}

// InvariantCheck checks the schema (schemaCheck: a table, index or trigger gone) and the
// invariants of the ledger that its indexes answer at once (milliseconds at a million
// invoices): one line per violation, none = healthy.
func (s *Store) InvariantCheck(ctx context.Context) ([]string, error) {
	var out []string
	err := s.View(ctx, func(tx sqlTx) (err error) {
		checks := []struct{ label, q string }{
			{"invoice numbers are not sequential (a gap or a duplicate)", `
				SELECT 'expected ' || count(seq) || ' numbers up to ' || coalesce(max(seq),0) FROM invoices
				HAVING count(seq) <> coalesce(max(seq),0)`},
			{"invoice open balance is negative or above its total", `
				SELECT number FROM invoices WHERE status = 'posted' AND open_amount > 0 AND open_amount > total`},
			{"payment unallocated amount is above the payment", `
				SELECT 'payment ' || id FROM payments WHERE unallocated > 0 AND unallocated > amount`},
			{"open invoice has no allocations, credits or write-offs to account for a part paid", `
				SELECT number FROM invoices i WHERE status = 'posted' AND open_amount > 0 AND open_amount < total
				AND NOT EXISTS (SELECT 1 FROM allocations a WHERE a.invoice_id = i.id)
				AND NOT EXISTS (SELECT 1 FROM credit_notes n WHERE n.invoice_id = i.id)
				AND NOT EXISTS (SELECT 1 FROM write_offs w WHERE w.invoice_id = i.id)`},
		}
		if out, err = schemaCheck(ctx, tx); err != nil {
			return err
		}
		v, err := runChecks(ctx, tx, checks)
		out = append(out, v...)
		return err
	})
	return out, err
}
