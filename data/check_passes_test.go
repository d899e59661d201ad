package data

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// ledgerFixture is a small healthy company with one invoice of every kind the passes tell
// apart: part paid (an allocation), unpaid, credited only, paid + credited + written off,
// a draft with lines and a void; a payment with allocations and one without.
type ledgerFixture struct {
	s                                   *Store
	c, c2                               *Customer
	paid, unpaid, credited, mixed, void *Invoice
	draft                               *Invoice
	pay, credit                         *Payment
	payAlloc                            int64 // an allocation of pay
	creditNote                          *CreditNote
	writeOff                            *WriteOff
	activity                            *Activity
}

func newLedgerFixture(t *testing.T) *ledgerFixture {
	t.Helper()
	f := &ledgerFixture{s: newStore(t, "2026-06-30")}
	s := f.s
	f.c, f.c2 = mkCustomer(t, s, "Alpha", 30), mkCustomer(t, s, "Beta", 30)
	f.paid = mkInvoice(t, s, f.c, "2026-04-01", 10000)
	f.unpaid = mkInvoice(t, s, f.c, "2026-04-02", 20000)
	f.credited = mkInvoice(t, s, f.c, "2026-04-03", 30000)
	f.mixed = mkInvoice(t, s, f.c, "2026-04-04", 1000)
	f.void = mkInvoice(t, s, f.c, "2026-04-05", 500)
	if err := s.VoidInvoice(ctx, f.void.ID, "typo"); err != nil {
		t.Fatal(err)
	}
	f.draft = &Invoice{CustomerID: f.c.ID, IssueDate: MustDate("2026-06-01"),
		Lines: []InvoiceLine{{Description: "Draft work", QtyMilli: 2000, UnitPrice: 1500, TaxRateBP: 1000}}}
	if err := s.CreateDraft(ctx, f.draft); err != nil {
		t.Fatal(err)
	}
	f.pay = &Payment{CustomerID: f.c.ID, Date: MustDate("2026-05-01"), Method: "bank", Amount: 5000}
	if err := s.RecordPayment(ctx, f.pay, []Allocation{{InvoiceID: f.paid.ID, Amount: 4000, Date: MustDate("2026-05-01")},
		{InvoiceID: f.mixed.ID, Amount: 300, Date: MustDate("2026-05-02")}}); err != nil {
		t.Fatal(err)
	}
	f.credit = &Payment{CustomerID: f.c.ID, Date: MustDate("2026-05-03"), Method: "bank", Amount: 700}
	if err := s.RecordPayment(ctx, f.credit, nil); err != nil {
		t.Fatal(err)
	}
	f.creditNote = &CreditNote{InvoiceID: f.credited.ID, Date: MustDate("2026-05-04"), Amount: 1000, Reason: "damaged"}
	if err := s.IssueCreditNote(ctx, f.creditNote); err != nil {
		t.Fatal(err)
	}
	if err := s.IssueCreditNote(ctx, &CreditNote{InvoiceID: f.mixed.ID, Date: MustDate("2026-05-05"), Amount: 200, Reason: "late"}); err != nil {
		t.Fatal(err)
	}
	f.writeOff = &WriteOff{InvoiceID: f.mixed.ID, Date: MustDate("2026-05-06"), Amount: 100, Reason: "rounding"}
	if err := s.WriteOffInvoice(ctx, f.writeOff); err != nil {
		t.Fatal(err)
	}
	f.activity = &Activity{CustomerID: f.c.ID, Kind: "call", Date: MustDate("2026-05-07"), Note: "called"}
	if err := s.LogActivity(ctx, f.activity); err != nil {
		t.Fatal(err)
	}
	if err := s.w.QueryRowContext(ctx, `SELECT min(id) FROM allocations WHERE payment_id = ?`, f.pay.ID).Scan(&f.payAlloc); err != nil {
		t.Fatal(err)
	}
	return f
}

// corrupt writes behind the schema's back: no CHECK constraints, no foreign keys, no triggers
// (put back afterwards: the schema stays whole, the rows are damaged).
func (f *ledgerFixture) corrupt(t *testing.T, stmts ...string) {
	t.Helper()
	var triggers, defs []string
	rows, err := f.s.w.QueryContext(ctx, `SELECT name, sql FROM sqlite_master WHERE type = 'trigger'`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var n, def string
		rows.Scan(&n, &def)
		triggers, defs = append(triggers, n), append(defs, def)
	}
	rows.Close()
	pre := []string{`PRAGMA ignore_check_constraints = ON`, `PRAGMA foreign_keys = OFF`}
	for _, n := range triggers {
		pre = append(pre, `DROP TRIGGER `+n)
	}
	stmts = append(append(pre, stmts...), defs...)
	for _, q := range stmts {
		if _, err := f.s.w.ExecContext(ctx, q); err != nil {
			t.Fatal(q, err)
		}
	}
}

// referenceCheck is the ledger part of check as it was before the passes: every rule's
// own query, foreign_key_check and the payment record, whatever the passes say.
func referenceCheck(t *testing.T, s *Store) []string {
	t.Helper()
	var out []string
	err := s.View(ctx, func(tx sqlTx) error {
		v, err := foreignKeyCheck(ctx, tx)
		out = append(out, v...)
		if err != nil {
			return err
		}
		v, err = runChecks(ctx, tx, append(ledgerChecks, boundChecks...))
		out = append(out, v...)
		if err != nil {
			return err
		}
		v, err = checkPayRecord(ctx, tx)
		out = append(out, v...)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// On a healthy file the passes flag nothing (so no rule's own query runs over the whole
// file), and every index matches.
func TestCheckPassesHealthy(t *testing.T) {
	f := newLedgerFixture(t)
	mustCheck(t, f.s)
	err := f.s.View(ctx, func(tx sqlTx) error {
		var p passes
		for group := 0; group < 2; group++ {
			if err := p.run(ctx, tx, group); err != nil {
				return err
			}
		}
		for label, on := range p.flagged() {
			if on {
				t.Errorf("healthy file: %q flagged %v", label, on)
			}
		}
		if p.foreignKeys() || len(p.indexChecks()) > 0 {
			t.Errorf("healthy file: foreign keys %v, indexes %q; %+v", p.foreignKeys(), p.indexChecks(), p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if v, err := f.s.CheckFast(ctx); err != nil || len(v) != 0 {
		t.Fatalf("CheckFast: %q %v", v, err)
	}
}

// Every rule, broken in each way the passes see it (a part that only one pass reads, or
// one decided by counting across two), is reported by check exactly as by the rule's own
// query: the same lines, label and text, in the same order, by CheckFast and by Check.
func TestCheckPassesEachRule(t *testing.T) {
	num := func(inv *Invoice) string { return inv.Number }
	for _, tc := range []struct {
		name  string
		stmts func(f *ledgerFixture) []string
		want  func(f *ledgerFixture) string
	}{
		{"open balance, part paid", func(f *ledgerFixture) []string {
			return []string{fmt.Sprintf(`UPDATE invoices SET open_amount = open_amount - 1 WHERE id = %d`, f.paid.ID)}
		}, func(f *ledgerFixture) string { return labelOpenBalance + ": " + num(f.paid) }},
		{"open balance, nothing paid", func(f *ledgerFixture) []string {
			return []string{fmt.Sprintf(`UPDATE invoices SET open_amount = open_amount - 1 WHERE id = %d`, f.unpaid.ID)}
		}, func(f *ledgerFixture) string { return labelOpenBalance + ": " + num(f.unpaid) }},
		{"open balance, credited only", func(f *ledgerFixture) []string {
			return []string{fmt.Sprintf(`UPDATE invoices SET open_amount = open_amount - 7 WHERE id = %d`, f.credited.ID)}
		}, func(f *ledgerFixture) string { return labelOpenBalance + ": " + num(f.credited) }},
		{"open balance matching the allocations but not the credits", func(f *ledgerFixture) []string {
			return []string{fmt.Sprintf(`UPDATE invoices SET open_amount = total - 300 WHERE id = %d`, f.mixed.ID)}
		}, func(f *ledgerFixture) string { return labelOpenBalance + ": " + num(f.mixed) }},
		{"open balance, allocation removed", func(f *ledgerFixture) []string {
			return []string{fmt.Sprintf(`DELETE FROM allocations WHERE id = %d`, f.payAlloc)}
		}, func(f *ledgerFixture) string { return labelOpenBalance + ": " + num(f.paid) }},
		{"open balance above the total", func(f *ledgerFixture) []string {
			return []string{fmt.Sprintf(`UPDATE invoices SET open_amount = total + 5 WHERE id = %d`, f.unpaid.ID)}
		}, func(f *ledgerFixture) string { return labelOpenRange + ": " + num(f.unpaid) }},
		{"open balance negative", func(f *ledgerFixture) []string {
			return []string{fmt.Sprintf(`UPDATE invoices SET open_amount = -1 WHERE id = %d`, f.paid.ID)}
		}, func(f *ledgerFixture) string { return labelOpenRange + ": " + num(f.paid) }},
		{"void invoice with an allocation", func(f *ledgerFixture) []string {
			return []string{fmt.Sprintf(`INSERT INTO allocations(payment_id, invoice_id, amount, date, created) VALUES (%d, %d, 1, '2026-06-01', 'x')`, f.credit.ID, f.void.ID)}
		}, func(f *ledgerFixture) string { return labelNotPosted + ": " + num(f.void) }},
		{"void invoice with an open balance", func(f *ledgerFixture) []string {
			return []string{fmt.Sprintf(`UPDATE invoices SET open_amount = 5 WHERE id = %d`, f.void.ID)}
		}, func(f *ledgerFixture) string { return labelNotPosted + ": " + num(f.void) }},
		{"draft with a credit note", func(f *ledgerFixture) []string {
			return []string{fmt.Sprintf(`INSERT INTO credit_notes(number, seq, invoice_id, date, amount, reason, created) VALUES ('CN-X', 99, %d, '2026-06-01', 5, 'x', 'x')`, f.draft.ID)}
		}, func(f *ledgerFixture) string { return labelNotPosted + ": draft #" + fmt.Sprint(f.draft.ID) }},
		{"draft with a write-off", func(f *ledgerFixture) []string {
			return []string{fmt.Sprintf(`INSERT INTO write_offs(invoice_id, date, amount, reason, created) VALUES (%d, '2026-06-01', 5, 'x', 'x')`, f.draft.ID)}
		}, func(f *ledgerFixture) string { return labelNotPosted + ": draft #" + fmt.Sprint(f.draft.ID) }},
		{"a line changed", func(f *ledgerFixture) []string {
			return []string{fmt.Sprintf(`UPDATE invoice_lines SET tax = tax + 1 WHERE invoice_id = %d`, f.paid.ID)}
		}, func(f *ledgerFixture) string { return labelLines + ": " + num(f.paid) }},
		{"lines removed, subtotal kept", func(f *ledgerFixture) []string {
			return []string{fmt.Sprintf(`DELETE FROM invoice_lines WHERE invoice_id = %d`, f.draft.ID)}
		}, func(f *ledgerFixture) string { return labelLines + ": draft #" + fmt.Sprint(f.draft.ID) }},
		{"total is not subtotal + tax", func(f *ledgerFixture) []string {
			return []string{fmt.Sprintf(`UPDATE invoices SET total = total + 1, open_amount = open_amount + 1 WHERE id = %d`, f.unpaid.ID)}
		}, func(f *ledgerFixture) string { return labelLines + ": " + num(f.unpaid) }},
		{"unallocated, payment with allocations", func(f *ledgerFixture) []string {
			return []string{fmt.Sprintf(`UPDATE payments SET unallocated = unallocated + 1 WHERE id = %d`, f.pay.ID)}
		}, func(f *ledgerFixture) string { return labelUnallocated + ": payment " + fmt.Sprint(f.pay.ID) }},
		{"unallocated, payment without allocations", func(f *ledgerFixture) []string {
			return []string{fmt.Sprintf(`UPDATE payments SET unallocated = unallocated - 1 WHERE id = %d`, f.credit.ID)}
		}, func(f *ledgerFixture) string { return labelUnallocated + ": payment " + fmt.Sprint(f.credit.ID) }},
		{"unallocated negative", func(f *ledgerFixture) []string {
			return []string{fmt.Sprintf(`UPDATE payments SET unallocated = -1, amount = amount - 701 WHERE id = %d`, f.credit.ID)}
		}, func(f *ledgerFixture) string { return labelUnallocated + ": payment " + fmt.Sprint(f.credit.ID) }},
		{"allocation between customers", func(f *ledgerFixture) []string {
			return []string{fmt.Sprintf(`UPDATE payments SET customer_id = %d WHERE id = %d`, f.c2.ID, f.pay.ID)}
		}, func(f *ledgerFixture) string { return labelAllocParties + ": allocation " + fmt.Sprint(f.payAlloc) }},
		{"allocation between currencies", func(f *ledgerFixture) []string {
			return []string{fmt.Sprintf(`UPDATE payments SET currency = 'EUR' WHERE id = %d`, f.pay.ID)}
		}, func(f *ledgerFixture) string { return labelAllocParties + ": allocation " + fmt.Sprint(f.payAlloc) }},
		{"a gap in the numbers", func(f *ledgerFixture) []string {
			return []string{fmt.Sprintf(`UPDATE invoices SET seq = seq + 10 WHERE id = %d`, f.void.ID)}
		}, func(f *ledgerFixture) string { return labelSequence + ": expected 5 numbers up to 15" }},
		{"posted without a number", func(f *ledgerFixture) []string {
			return []string{fmt.Sprintf(`UPDATE invoices SET number = NULL WHERE id = %d`, f.unpaid.ID)}
		}, func(f *ledgerFixture) string { return labelNoNumber + ": invoice #" + fmt.Sprint(f.unpaid.ID) }},
		{"due before issue", func(f *ledgerFixture) []string {
			return []string{fmt.Sprintf(`UPDATE invoices SET due_date = '2000-01-01' WHERE id = %d`, f.unpaid.ID)}
		}, func(f *ledgerFixture) string { return labelDueDate + ": " + num(f.unpaid) }},
		{"invoice amount above the bound", func(f *ledgerFixture) []string {
			return []string{fmt.Sprintf(`UPDATE invoices SET tax_total = %d WHERE id = %d`, -MaxAmount-1, f.unpaid.ID)}
		}, func(f *ledgerFixture) string { return labelAmount + ": " + num(f.unpaid) + " (total)" }},
		{"line amount above the bound", func(f *ledgerFixture) []string {
			return []string{fmt.Sprintf(`UPDATE invoice_lines SET unit_price = %d WHERE invoice_id = %d`, MaxAmount+1, f.unpaid.ID)}
		}, func(f *ledgerFixture) string { return labelAmount + ": " + num(f.unpaid) + " line 1" }},
		{"payment amount above the bound", func(f *ledgerFixture) []string {
			return []string{fmt.Sprintf(`UPDATE payments SET amount = %d WHERE id = %d`, MaxAmount+1, f.credit.ID)}
		}, func(f *ledgerFixture) string { return labelAmount + ": payment " + fmt.Sprint(f.credit.ID) }},
		{"credit note above the bound", func(f *ledgerFixture) []string {
			return []string{fmt.Sprintf(`UPDATE credit_notes SET amount = %d WHERE id = %d`, MaxAmount+1, f.creditNote.ID)}
		}, func(f *ledgerFixture) string { return labelAmount + ": credit note " + f.creditNote.Number }},
		{"write-off above the bound", func(f *ledgerFixture) []string {
			return []string{fmt.Sprintf(`UPDATE write_offs SET amount = %d WHERE id = %d`, MaxAmount+1, f.writeOff.ID)}
		}, func(f *ledgerFixture) string { return labelAmount + ": write-off " + fmt.Sprint(f.writeOff.ID) }},
		{"credit limit above the bound", func(f *ledgerFixture) []string {
			return []string{fmt.Sprintf(`UPDATE customers SET credit_limit = %d WHERE id = %d`, MaxAmount+1, f.c2.ID)}
		}, func(f *ledgerFixture) string {
			return labelAmount + ": credit limit of customer " + fmt.Sprint(f.c2.ID)
		}},
		{"too many lines", func(f *ledgerFixture) []string {
			return []string{fmt.Sprintf(`WITH RECURSIVE n(i) AS (SELECT 2 UNION ALL SELECT i + 1 FROM n WHERE i < %d)
				INSERT INTO invoice_lines(invoice_id, pos, description, qty_milli, unit_price, tax_rate_bp, net, tax)
				SELECT %d, i, 'x', 1000, 0, 0, 0, 0 FROM n`, MaxInvoiceLines+1, f.draft.ID)}
		}, func(f *ledgerFixture) string { return labelManyLines + ": draft #" + fmt.Sprint(f.draft.ID) }},
		{"company sum above the bound", func(f *ledgerFixture) []string {
			return []string{fmt.Sprintf(`UPDATE payments SET amount = %d, unallocated = %d WHERE id = %d`, MaxCompanyTotal, MaxCompanyTotal, f.credit.ID)}
		}, func(f *ledgerFixture) string { return labelCompanySum + ": the payments" }},
		{"a line of a missing invoice", func(f *ledgerFixture) []string {
			return []string{`INSERT INTO invoice_lines(id, invoice_id, pos, description, qty_milli, unit_price, tax_rate_bp, net, tax) VALUES (777, 9999, 1, 'x', 1000, 5, 0, 5, 0)`}
		}, func(f *ledgerFixture) string {
			return "foreign key: invoice_lines row 777 points to a missing invoices"
		}},
		{"an allocation of a missing payment", func(f *ledgerFixture) []string {
			return []string{fmt.Sprintf(`UPDATE allocations SET payment_id = 9999 WHERE id = %d`, f.payAlloc)}
		}, func(f *ledgerFixture) string {
			return fmt.Sprintf("foreign key: allocations row %d points to a missing payments", f.payAlloc)
		}},
		{"an allocation of a missing invoice", func(f *ledgerFixture) []string {
			return []string{fmt.Sprintf(`UPDATE allocations SET invoice_id = 9999 WHERE id = %d`, f.payAlloc)}
		}, func(f *ledgerFixture) string {
			return fmt.Sprintf("foreign key: allocations row %d points to a missing invoices", f.payAlloc)
		}},
		{"an invoice of a missing customer", func(f *ledgerFixture) []string {
			return []string{fmt.Sprintf(`UPDATE invoices SET customer_id = 9999 WHERE id = %d`, f.unpaid.ID)}
		}, func(f *ledgerFixture) string {
			return fmt.Sprintf("foreign key: invoices row %d points to a missing customers", f.unpaid.ID)
		}},
		{"a payment of a missing customer", func(f *ledgerFixture) []string {
			return []string{fmt.Sprintf(`UPDATE payments SET customer_id = 9999 WHERE id = %d`, f.credit.ID)}
		}, func(f *ledgerFixture) string {
			return fmt.Sprintf("foreign key: payments row %d points to a missing customers", f.credit.ID)
		}},
		{"a credit note of a missing invoice", func(f *ledgerFixture) []string {
			return []string{fmt.Sprintf(`UPDATE credit_notes SET invoice_id = 9999 WHERE id = %d`, f.creditNote.ID)}
		}, func(f *ledgerFixture) string {
			return fmt.Sprintf("foreign key: credit_notes row %d points to a missing invoices", f.creditNote.ID)
		}},
		{"an activity of a missing customer", func(f *ledgerFixture) []string {
			return []string{fmt.Sprintf(`UPDATE activities SET customer_id = 9999 WHERE id = %d`, f.activity.ID)}
		}, func(f *ledgerFixture) string {
			return fmt.Sprintf("foreign key: activities row %d points to a missing customers", f.activity.ID)
		}},
		{"payment record off", func(f *ledgerFixture) []string {
			return []string{`UPDATE payment_record SET on_time = on_time + 1`}
		}, func(f *ledgerFixture) string {
			return "customer payment record does not match the allocations: customer " + fmt.Sprint(f.c.ID)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newLedgerFixture(t)
			f.corrupt(t, tc.stmts(f)...)
			ref := referenceCheck(t, f.s)
			want := tc.want(f)
			if !hasLine(ref, want) {
				t.Fatalf("the rule's own query does not say %q: %q", want, ref)
			}
			for name, check := range map[string]func(*Store) ([]string, error){
				"PRAGMA quick_check":     func(s *Store) ([]string, error) { return s.CheckFast(ctx) },
				"PRAGMA integrity_check": func(s *Store) ([]string, error) { return s.Check(ctx) },
			} {
				got, err := check(f.s)
				if err != nil {
					t.Fatal(name, err)
				}
				// SQLite's own lines first (a CHECK constraint that the rows break)
				pages, err := sqliteCheck(ctx, f.s.r, name)
				if err != nil {
					t.Fatal(err)
				}
				if want := append(pages, ref...); !reflect.DeepEqual(got, want) {
					t.Errorf("%s:\n%s\nwant (each rule's own query):\n%s", name, strings.Join(got, "\n"), strings.Join(want, "\n"))
				}
			}
		})
	}
}

func hasLine(lines []string, s string) bool {
	for _, l := range lines {
		if l == s {
			return true
		}
	}
	return false
}

// An index that does not match its table (made as SQLite's own tests do: the index's
// definition changed through writable_schema while rows are written, then put back) is
// reported by check's comparisons (for invoices_open, the index Aging and the worklist read
// open balances from, and the indexes the passes walk), and by integrity_check (Check) row
// by row; SQLite's quick_check alone does not see it.
func TestCheckFindsIndexMismatch(t *testing.T) {
	for _, tc := range []struct{ index, table, from, to string }{
		{"invoices_open", "invoices", "open_amount > 0", "open_amount > 1000000000"},
		{"invoices_customer", "invoices", "invoices(customer_id, issue_date)", "invoices(currency, issue_date)"},
		{"payments_customer", "payments", "payments(customer_id, date)", "payments(currency, date)"},
		{"allocations_invoice", "allocations", "allocations(invoice_id)", "allocations(amount)"},
		{"allocations_payment", "allocations", "allocations(payment_id)", "allocations(amount)"},
	} {
		t.Run(tc.index, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "co.duebook")
			open := func() *Store {
				s, err := OpenWith(path, Options{Clock: FixedClock{MustDate("2026-06-30")}})
				if err != nil {
					t.Fatal(err)
				}
				return s
			}
			schema := func(s *Store, from, to string) {
				var n int
				for _, q := range []string{`PRAGMA writable_schema = ON`,
					fmt.Sprintf(`UPDATE sqlite_master SET sql = replace(sql, '%s', '%s') WHERE name = '%s'`, from, to, tc.index),
					`PRAGMA writable_schema = OFF`} {
					r, err := s.w.ExecContext(ctx, q)
					if err != nil {
						t.Fatal(q, err)
					}
					if c, _ := r.RowsAffected(); strings.HasPrefix(q, "UPDATE") {
						n = int(c)
					}
				}
				if n != 1 {
					t.Fatalf("%s: the definition holds no %q", tc.index, from)
				}
				s.Close()
			}
			s := open()
			c := mkCustomer(t, s, "Alpha", 30)
			mkInvoice(t, s, c, "2026-05-01", 10000)
			mustCheck(t, s)
			schema(s, tc.from, tc.to)
			s = open()
			inv := mkInvoice(t, s, c, "2026-05-02", 5000) // written while the index is defined otherwise
			if err := s.RecordPayment(ctx, &Payment{CustomerID: c.ID, Date: MustDate("2026-06-01"), Method: "bank", Amount: 3000},
				[]Allocation{{InvoiceID: inv.ID, Amount: 3000, Date: MustDate("2026-06-01")}}); err != nil {
				t.Fatal(err)
			}
			schema(s, tc.to, tc.from)
			s = open()
			defer s.Close()

			if v, err := s.PageCheck(ctx); err != nil || len(v) != 0 {
				t.Fatalf("quick_check: %q %v", v, err)
			}
			v, err := s.CheckFast(ctx)
			if err != nil {
				t.Fatal(err)
			}
			want := fmt.Sprintf("integrity: the index %s does not match the table %s (check -full lists what differs)", tc.index, tc.table)
			if !hasLine(v, want) {
				t.Errorf("CheckFast: %q, want %q", v, want)
			}
			v, err = s.Check(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if len(v) == 0 || !strings.Contains(strings.Join(v, "\n"), "index "+tc.index) {
				t.Errorf("Check (integrity_check) does not name %s: %q", tc.index, v)
			}
		})
	}
}

// A file without an index the passes read (dropped outside Duebook) is still checked, by
// every rule's own query.
func TestCheckWithoutAnIndex(t *testing.T) {
	f := newLedgerFixture(t)
	f.corrupt(t, `DROP INDEX allocations_payment`, fmt.Sprintf(`UPDATE payments SET unallocated = unallocated + 1 WHERE id = %d`, f.pay.ID))
	v, err := f.s.CheckFast(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := append([]string{"schema: the index allocations_payment is missing (the file was changed outside Duebook)"}, referenceCheck(t, f.s)...)
	if !reflect.DeepEqual(v, want) || len(v) != 2 {
		t.Fatalf("CheckFast %q, want %q", v, want)
	}
}

// A file changed outside Duebook so that a table, a trigger (one guarding posted invoices)
// or an index of its schema is gone, or is something else, is reported by check; the
// objects it has beyond Duebook's are not.
func TestCheckFindsAMissingSchemaObject(t *testing.T) {
	for _, tc := range []struct {
		name  string
		stmts []string
		want  []string
	}{
		{"a trigger dropped", []string{`DROP TRIGGER invoice_posted_immutable`},
			[]string{"schema: the trigger invoice_posted_immutable is missing (the file was changed outside Duebook)"}},
		{"a table dropped", []string{`DROP TABLE payment_record`},
			[]string{"schema: the table payment_record is missing (the file was changed outside Duebook)"}},
		{"an index made a table", []string{`DROP INDEX invoices_open`, `CREATE TABLE invoices_open (x)`},
			[]string{"schema: invoices_open is a table, not the index Duebook made (the file was changed outside Duebook)"}},
		{"an object of the user's own", []string{`CREATE INDEX my_own ON customers(name)`}, nil},
		{"the record of the schema's updates emptied", []string{`DELETE FROM schema_migrations`},
			[]string{"schema: the file holds the table activities of a schema update it does not record as made (schema_migrations was changed outside Duebook); restore a backup"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := newStore(t, "2026-06-30")
			c := mkCustomer(t, s, "Alpha", 30)
			mkInvoice(t, s, c, "2026-05-01", 10000)
			for _, q := range tc.stmts {
				if _, err := s.w.ExecContext(ctx, q); err != nil {
					t.Fatal(q, err)
				}
			}
			for name, check := range map[string]func(context.Context) ([]string, error){"CheckFast": s.CheckFast, "Check": s.Check,
				"InvariantCheck (as a file opens)": s.InvariantCheck} {
				v, err := check(ctx)
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				var schema []string
				for _, l := range v {
					if strings.HasPrefix(l, "schema: ") {
						schema = append(schema, l)
					}
				}
				if !reflect.DeepEqual(schema, tc.want) {
					t.Errorf("%s: %q, want the schema lines %q", name, v, tc.want)
				}
			}
		})
	}
}

// A backup made by the previous version (its last migration not applied) is checked
// against the schema of the migrations it records, not this build's: it restores, and
// the restored file is brought up to date; one of its own objects gone is still found.
func TestSchemaCheckOfAnEarlierVersion(t *testing.T) {
	dir := t.TempDir()
	old := filepath.Join(dir, "old.duebook")
	s, err := OpenWith(old, Options{Clock: FixedClock{MustDate("2026-06-30")}})
	if err != nil {
		t.Fatal(err)
	}
	c := mkCustomer(t, s, "Alpha", 30)
	mkInvoice(t, s, c, "2026-05-01", 10000)
	last := SchemaVersion()
	// as the previous version left it: 0017 not applied (its new index absent, the
	// index it replaced as it was)
	for _, q := range []string{`DROP INDEX invoices_owed`, `DROP INDEX payments_credit`,
		`CREATE INDEX payments_credit ON payments(customer_id) WHERE unallocated > 0`,
		fmt.Sprintf(`DELETE FROM schema_migrations WHERE version = %d`, last)} {
		if _, err := s.w.ExecContext(ctx, q); err != nil {
			t.Fatal(q, err)
		}
	}
	s.Close()
	integrity, problems, err := verifyCopy(ctx, old, true)
	if err != nil || len(integrity)+len(problems) != 0 {
		t.Fatalf("the earlier version's file: %q %q %v", integrity, problems, err)
	}
	company := filepath.Join(dir, "co.duebook")
	if err := Restore(old, company); err != nil {
		t.Fatal(err)
	}
	s, err = OpenWith(company, Options{Clock: FixedClock{MustDate("2026-06-30")}})
	if err != nil {
		t.Fatal(err)
	}
	mustCheck(t, s)
	s.Close()

	// the earlier version's own trigger gone is found all the same
	db, err := sql.Open("sqlite", old)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`DROP TRIGGER invoice_posted_immutable`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	_, problems, err = verifyCopy(ctx, old, true)
	if want := "schema: the trigger invoice_posted_immutable is missing (the file was changed outside Duebook)"; err != nil || !hasLine(problems, want) {
		t.Fatalf("%q %v, want %q", problems, err, want)
	}
}

// Opening a file whose record of schema updates was emptied outside Duebook says what is
// wrong and what to do, and changes nothing.
func TestOpenEmptiedSchemaRecord(t *testing.T) {
	path := filepath.Join(t.TempDir(), "co.duebook")
	s, err := OpenWith(path, Options{Clock: FixedClock{MustDate("2026-06-30")}})
	if err != nil {
		t.Fatal(err)
	}
	mkCustomer(t, s, "Alpha", 30)
	if _, err := s.w.ExecContext(ctx, `DELETE FROM schema_migrations`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	_, err = OpenWith(path, Options{Clock: FixedClock{MustDate("2026-06-30")}})
	if err == nil || !strings.Contains(err.Error(), "its record of schema updates does not match its tables") || !strings.Contains(err.Error(), "restore a backup") {
		t.Fatalf("open: %v", err)
	}
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM customers`).Scan(&n); err != nil || n != 1 {
		t.Fatalf("customers %d %v", n, err)
	}
}
