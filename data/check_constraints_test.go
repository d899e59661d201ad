package data

import (
	"context"
	"fmt"
	"reflect"
	"testing"
)

// tableChecks finds the CHECK constraints of a definition as written, column ones and
// table ones, past comments and strings that hold parentheses or the word; and gives up on
// what it does not read.
func TestTableChecks(t *testing.T) {
	for _, tc := range []struct {
		def  string
		want []string
		ok   bool
	}{
		{`CREATE TABLE t (a INTEGER CHECK (a > 0), b TEXT)`, []string{"a > 0"}, true},
		{"CREATE TABLE t (\n a TEXT NOT NULL DEFAULT '(' CHECK (a <> ')' AND length(a) >= 1), -- a (comment) CHECK (x)\n" +
			" b INTEGER /* CHECK (b) ( */ CHECK ((b BETWEEN 0 AND 10) OR b IN (20, 30)),\n" +
			` "check" TEXT, [c)] INTEGER, CONSTRAINT pos CHECK (b <> 'it''s (' || "we""ird(")` + "\n)",
			[]string{"a <> ')' AND length(a) >= 1", "(b BETWEEN 0 AND 10) OR b IN (20, 30)", `b <> 'it''s (' || "we""ird("`}, true},
		{`create table t (a check(a<=1))`, []string{"a<=1"}, true},
		{`CREATE TABLE t (a, b)`, nil, true},
		{`CREATE VIRTUAL TABLE t USING fts5(a)`, nil, false},
		{`CREATE TABLE t (a CHECK (a > (0)`, nil, false},
		{`CREATE TABLE t (a TEXT DEFAULT 'x)`, nil, false},
		{`CREATE TABLE t (a /* open`, nil, false},
		{`CREATE TABLE t (a CHECK a > 0)`, nil, false},
	} {
		got, ok := tableChecks(tc.def)
		if ok != tc.ok || !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s:\n got %q %v\nwant %q %v", tc.def, got, ok, tc.want, tc.ok)
		}
	}
}

// pageCheck gives the lines of the pragma itself, on a healthy file (reading the
// constraints of every table: the fast way is taken) and on files each breaking a CHECK
// constraint of one table (the pragma then runs again as it is), for quick_check and
// integrity_check, and PageCheck too.
func TestPageCheckIsThePragma(t *testing.T) {
	for _, tc := range constraintDamages {
		t.Run(tc.name, func(t *testing.T) {
			f := newLedgerFixture(t)
			f.corrupt(t, tc.stmts(f)...)
			err := f.s.viewCheck(ctx, func(tx sqlTx) error {
				for _, pragma := range []string{`PRAGMA quick_check`, `PRAGMA integrity_check`} {
					want, err := sqliteCheck(ctx, tx, pragma)
					if err != nil {
						return err
					}
					got, err := pageCheck(ctx, tx, pragma)
					if err != nil {
						return err
					}
					if !reflect.DeepEqual(got, want) {
						t.Errorf("%s: %q, want %q", pragma, got, want)
					}
					if _, fast, err := pageCheckWithout(ctx, tx, pragma); err != nil || fast != (len(want) == 0) {
						t.Errorf("%s: the fast way %v %v on %q", pragma, fast, err, want)
					}
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			want, err := sqliteCheck(ctx, f.s.r, `PRAGMA quick_check`)
			if err != nil {
				t.Fatal(err)
			}
			if got, err := f.s.PageCheck(ctx); err != nil || !reflect.DeepEqual(got, want) {
				t.Errorf("PageCheck %q %v, want %q", got, err, want)
			}
		})
	}
}

// The CHECK constraints of every table of a new file are read (none is left to the pragma).
func TestCheckConstraintsOfTheSchema(t *testing.T) {
	s := newStore(t, "2026-06-30")
	err := s.View(ctx, func(tx sqlTx) error {
		q, ok, err := checkConstraints(ctx, tx)
		if err != nil || !ok {
			t.Fatalf("checkConstraints: %v %v", ok, err)
		}
		var tables int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE type = 'table' AND sql LIKE '%CHECK%'`).Scan(&tables); err != nil {
			return err
		}
		if len(q) != tables || tables < 12 {
			t.Errorf("%d queries for %d tables with constraints: %q", len(q), tables, q)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// constraintDamages are files each breaking a CHECK constraint of one table (or two).
var constraintDamages = []struct {
	name  string
	stmts func(f *ledgerFixture) []string
}{
	{"healthy", func(f *ledgerFixture) []string { return nil }},
	{"customer currency", func(f *ledgerFixture) []string {
		return []string{fmt.Sprintf(`UPDATE customers SET currency = 'EURO' WHERE id = %d`, f.c2.ID)}
	}},
	{"customer channel", func(f *ledgerFixture) []string {
		return []string{fmt.Sprintf(`UPDATE customers SET channel = 'fax' WHERE id = %d`, f.c2.ID)}
	}},
	{"invoice status", func(f *ledgerFixture) []string {
		return []string{fmt.Sprintf(`UPDATE invoices SET status = 'gone' WHERE id = %d`, f.void.ID)}
	}},
	{"invoice open above total", func(f *ledgerFixture) []string {
		return []string{fmt.Sprintf(`UPDATE invoices SET open_amount = total + 1 WHERE id = %d`, f.unpaid.ID)}
	}},
	{"invoice due before issue", func(f *ledgerFixture) []string {
		return []string{fmt.Sprintf(`UPDATE invoices SET due_date = '2000-01-01' WHERE id = %d`, f.unpaid.ID)}
	}},
	{"void without reason", func(f *ledgerFixture) []string {
		return []string{fmt.Sprintf(`UPDATE invoices SET void_reason = '' WHERE id = %d`, f.void.ID)}
	}},
	{"line description blank", func(f *ledgerFixture) []string {
		return []string{fmt.Sprintf(`UPDATE invoice_lines SET description = '  ' WHERE invoice_id = %d`, f.paid.ID)}
	}},
	{"line tax rate", func(f *ledgerFixture) []string {
		return []string{fmt.Sprintf(`UPDATE invoice_lines SET tax_rate_bp = 10001 WHERE invoice_id = %d`, f.paid.ID)}
	}},
	{"payment unallocated above amount", func(f *ledgerFixture) []string {
		return []string{fmt.Sprintf(`UPDATE payments SET unallocated = amount + 1 WHERE id = %d`, f.credit.ID)}
	}},
	{"allocation amount", func(f *ledgerFixture) []string {
		return []string{fmt.Sprintf(`UPDATE allocations SET amount = 0 WHERE id = %d`, f.payAlloc)}
	}},
	{"credit note reason", func(f *ledgerFixture) []string {
		return []string{fmt.Sprintf(`UPDATE credit_notes SET reason = '' WHERE id = %d`, f.creditNote.ID)}
	}},
	{"write-off amount", func(f *ledgerFixture) []string {
		return []string{fmt.Sprintf(`UPDATE write_offs SET amount = -5 WHERE id = %d`, f.writeOff.ID)}
	}},
	{"activity kind", func(f *ledgerFixture) []string {
		return []string{fmt.Sprintf(`UPDATE activities SET kind = 'visit' WHERE id = %d`, f.activity.ID)}
	}},
	{"promise dated before it was made", func(f *ledgerFixture) []string {
		return []string{fmt.Sprintf(`INSERT INTO promises(customer_id, made_on, promised_date, amount, created) VALUES (%d, '2026-06-02', '2026-06-01', 5, 'x')`, f.c.ID)}
	}},
	{"dispute resolved without resolution", func(f *ledgerFixture) []string {
		return []string{fmt.Sprintf(`INSERT INTO disputes(invoice_id, reason, status, opened, resolved, created) VALUES (%d, 'x', 'resolved', '2026-06-01', '2026-06-02', 'x')`, f.unpaid.ID)}
	}},
	{"late reason code", func(f *ledgerFixture) []string {
		return []string{fmt.Sprintf(`INSERT INTO late_reasons(invoice_id, code, recorded) VALUES (%d, 'moon', 'x')`, f.unpaid.ID)}
	}},
	{"mail payment applied without payment", func(f *ledgerFixture) []string {
		return []string{`INSERT INTO mail_payments(mailbox, uidvalidity, uid, provider, kind, trusted, status, created) VALUES ('in', 1, 1, 'p', 'k', 1, 'applied', 'x')`}
	}},
	{"two tables", func(f *ledgerFixture) []string {
		return []string{fmt.Sprintf(`UPDATE allocations SET amount = 0 WHERE id = %d`, f.payAlloc),
			fmt.Sprintf(`UPDATE invoices SET total = -1 WHERE id = %d`, f.draft.ID)}
	}},
}

// check tests the constraints of the large tables in the passes' scans, not in the page
// check: on a file breaking any constraint its lines are still the pragma's own, then the
// rules' (for quick_check and integrity_check alike).
func TestCheckSaysWhatThePragmaSays(t *testing.T) {
	for _, tc := range constraintDamages {
		t.Run(tc.name, func(t *testing.T) {
			f := newLedgerFixture(t)
			f.corrupt(t, tc.stmts(f)...)
			rules := referenceCheck(t, f.s)
			for _, c := range []struct {
				pragma string
				check  func(context.Context) ([]string, error)
			}{{`PRAGMA quick_check`, f.s.CheckFast}, {`PRAGMA integrity_check`, f.s.Check}} {
				pages, err := sqliteCheck(ctx, f.s.r, c.pragma)
				if err != nil {
					t.Fatal(err)
				}
				got, err := c.check(ctx)
				if err != nil {
					t.Fatal(err)
				}
				if want := append(pages, rules...); !reflect.DeepEqual(got, want) {
					t.Errorf("%s: %q, want %q", c.pragma, got, want)
				}
				if tc.name != "healthy" && reflect.DeepEqual(pages, []string(nil)) {
					t.Errorf("%s finds nothing", c.pragma)
				}
			}
		})
	}
}
