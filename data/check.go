package data

import (
	"context"
	"fmt"
	"math/bits"
	"runtime"
)

// Check is the full check (`duebook check -full`, a backup's verification): SQLite's
// integrity_check (every page read, and every index compared with its table row by row)
// and the foreign keys and every invariant of the ledger. It returns one line per
// violation (none = healthy), the integrity lines first.
//
// integrity_check is the longest part; it runs on a second read connection while the
// foreign keys and invariants are checked, each part within its own snapshot (it reads
// the file's structure, they the ledger's rules: no finding depends on the other part).
func (s *Store) Check(ctx context.Context) ([]string, error) {
	return s.checkWith(ctx, `PRAGMA integrity_check`, false)
}

// CheckFast is what `duebook check` runs: SQLite's quick_check (every page and record of
// the file read and its structure checked, without comparing each index with its table),
// the foreign keys and every invariant of the ledger, and targeted comparisons of the
// indexes the reports read with their tables (passes.indexChecks). Its lines are Check's,
// except that a damaged index other than those is found by Check only.
func (s *Store) CheckFast(ctx context.Context) ([]string, error) {
	return s.checkWith(ctx, `PRAGMA quick_check`, true)
}

// checkWith runs pragma beside checkInvariants. With quick_check (fast), the invariants'
// two groups run at once as well; beside integrity_check, the longest part by far, one
// after the other in one transaction (three readers on two cores made integrity_check,
// and so check -full, slower: at a million invoices 58 s instead of 32 s).
func (s *Store) checkWith(ctx context.Context, pragma string, fast bool) ([]string, error) {
	type result struct {
		out []string
		err error
	}
	pages := make(chan result, 1)
	go func() {
		var r result
		r.err = s.viewCheck(ctx, func(tx sqlTx) (err error) {
			if r.out, err = pageCheck(ctx, tx, pragma); err != nil {
				return err
			}
			v, err := schemaCheck(ctx, tx)
			r.out = append(r.out, v...)
			return err
		})
		pages <- r
	}()
	out, index, err := s.checkInvariants(ctx, fast)
	pr := <-pages
	if pr.err != nil {
		return nil, pr.err
	}
	if fast {
		pr.out = append(pr.out, index...)
	}
	return append(pr.out, out...), err
}

// checkInvariants is Check's foreign-key and ledger part, and the index comparisons that
// CheckFast shows. The two groups of passes (passes.queries) run at once, each in its own
// read transaction, with the rules decided by that group alone; the payment record is
// compared beside the second group, in its transaction, with the sums its scan of the
// allocations made (passes.allocScan). A rule the
// passes flag is then listed by its own query, which is the whole rule, in one more
// transaction (on a healthy file none is flagged, and it is not opened). Without
// parallel, both groups run one after the other in one transaction.
func (s *Store) checkInvariants(ctx context.Context, parallel bool) (out, index []string, err error) {
	var p passes
	var pay []string // the payment record's lines
	group1 := func(tx sqlTx) (err error) {
		if err = p.run(ctx, tx, 1); err != nil {
			return err
		}
		pay, err = checkPayRecordWith(ctx, tx, p.pay)
		return err
	}
	errs := make(chan error, 2)
	if parallel {
		go func() {
			errs <- s.viewCheck(ctx, func(tx sqlTx) error { return p.run(ctx, tx, 0) })
		}()
		go func() { errs <- s.viewCheck(ctx, group1) }()
	} else {
		var e0 error
		errs <- s.viewCheck(ctx, func(tx sqlTx) error {
			if e0 = p.run(ctx, tx, 0); e0 != nil && !undecided(e0) {
				return e0
			}
			return group1(tx)
		})
		errs <- e0
	}
	rules := append(append([]struct{ label, q string }{}, ledgerChecks...), boundChecks...)
	// all: sums beyond int64 (a file far over the bounds) stopped the passes; every rule's
	// own query runs, as it did before them, and says which
	var all bool
	for _, e := range []error{<-errs, <-errs} {
		if undecided(e) {
			all = true
		} else if e != nil && err == nil {
			err = e
		}
	}
	if err != nil {
		return nil, nil, err
	}
	flagged, fk := map[string]bool{}, true
	if !all {
		flagged, fk, index = p.flagged(), p.foreignKeys(), p.indexChecks()
	}
	var report []struct{ label, q string }
	for _, c := range rules {
		if all || flagged[c.label] {
			report = append(report, c)
		}
	}
	if !fk && len(report) == 0 {
		return pay, index, nil
	}
	err = s.viewCheck(ctx, func(tx sqlTx) error {
		if fk {
			v, err := foreignKeyCheck(ctx, tx)
			out = append(out, v...)
			if err != nil {
				return err
			}
		}
		for _, c := range report {
			v, err := runChecks(ctx, tx, []struct{ label, q string }{c})
			if err != nil {
				return err
			}
			out = append(out, v...)
		}
		if all {
			var err error
			if pay, err = checkPayRecord(ctx, tx); err != nil {
				return err
			}
		}
		out = append(out, pay...)
		return nil
	})
	return out, index, err
}

// viewCheck is viewLargeCache with the file mapped into memory (PRAGMA mmap_size, up to
// SQLite's ceiling of 2 GiB; the rest is read as before) while fn runs: each page is then
// read where it lies instead of copied into the page cache by a read call, which at a
// million invoices took a quarter of check's CPU (quick_check 4.3 -> 3.8 s, the passes
// 9.7 -> 7.2 s). Not on Windows, where a file mapped by one connection cannot be truncated
// by another, nor where the address space is 32 bits; the mapping is dropped after fn.
func (s *Store) viewCheck(ctx context.Context, fn func(tx sqlTx) error) error {
	return s.viewLargeCache(ctx, func(tx sqlTx) error {
		if runtime.GOOS == "windows" || bits.UintSize < 64 {
			return fn(tx)
		}
		var was int64
		if err := tx.QueryRowContext(ctx, `PRAGMA mmap_size`).Scan(&was); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `PRAGMA mmap_size = 2147418112`); err != nil {
			return err
		}
		defer tx.ExecContext(context.Background(), fmt.Sprintf(`PRAGMA mmap_size = %d`, was))
		return fn(tx)
	})
}

// ruleOf is the rule of ledgerChecks named label.
func ruleOf(label string) []struct{ label, q string } {
	for _, c := range ledgerChecks {
		if c.label == label {
			return []struct{ label, q string }{c}
		}
	}
	panic("check: no rule " + label)
}

// foreignKeyCheck is SQLite's foreign_key_check, a line per row pointing to a missing one.
func foreignKeyCheck(ctx context.Context, tx sqlTx) ([]string, error) {
	rows, err := tx.QueryContext(ctx, `PRAGMA foreign_key_check`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var table, parent string
		var rowid, fkid any
		if err := rows.Scan(&table, &rowid, &parent, &fkid); err != nil {
			return out, err
		}
		out = append(out, fmt.Sprintf("foreign key: %s row %v points to a missing %s", table, rowid, parent))
	}
	return out, rows.Err()
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
		overflow := func(err error) bool {
			if isOverflow(err) {
				// a sum beyond int64: amounts far over the bounds (their rule lists them)
				out = append(out, c.label+": "+sumsTooLarge)
				return true
			}
			return false
		}
		rows, err := tx.QueryContext(ctx, c.q+` LIMIT 50`)
		if overflow(err) {
			continue
		}
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
		if err := rows.Err(); err != nil && !overflow(err) {
			return out, err
		}
	}
	return out, nil
}

// sumsTooLarge is what a rule says whose sums leave int64 (SQLite's sum() refuses them).
const sumsTooLarge = "its sums go beyond the largest figure Duebook keeps (amounts over the bounds)"
