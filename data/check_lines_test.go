package data

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// The sums carried by the scans (check_lines.go) give the counts of the SQL passes they
// stand for (the lines grouped by invoice, the allocations by invoice and by payment), on a
// healthy file and on files damaged where they read; where Go might judge a value otherwise
// than SQLite, they leave the counts to the SQL pass. Either way every count of the passes
// is what the SQL passes count, and check says what the rules' own queries say.
func TestSumScansAreTheSQLPasses(t *testing.T) {
	manyLines := func(id int64) string {
		return fmt.Sprintf(`INSERT INTO invoice_lines (invoice_id, pos, description, qty_milli, unit_price, net, tax)
			SELECT %d, 1000 + x, 'more', 1000, 0, 0, 0 FROM (WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < %d) SELECT x FROM c)`,
			id, MaxInvoiceLines+1)
	}
	all, noLines := [3]bool{true, true, true}, [3]bool{false, true, true}
	for _, tc := range []struct {
		name    string
		stmts   func(f *ledgerFixture) []string
		decided [3]bool // the Go sums stand for the SQL pass of the lines, of the allocations by invoice, by payment
	}{
		{"healthy", func(f *ledgerFixture) []string { return nil }, all},
		{"a line's net changed", func(f *ledgerFixture) []string {
			return []string{fmt.Sprintf(`UPDATE invoice_lines SET net = net + 1 WHERE invoice_id = %d`, f.paid.ID)}
		}, all},
		{"a line's tax changed", func(f *ledgerFixture) []string {
			return []string{fmt.Sprintf(`UPDATE invoice_lines SET tax = tax - 7 WHERE invoice_id = %d`, f.unpaid.ID)}
		}, all},
		{"lines of a missing invoice", func(f *ledgerFixture) []string {
			return []string{fmt.Sprintf(`UPDATE invoice_lines SET invoice_id = 9999 WHERE invoice_id = %d`, f.paid.ID)}
		}, all},
		{"lines of a negative invoice id", func(f *ledgerFixture) []string {
			return []string{fmt.Sprintf(`UPDATE invoice_lines SET invoice_id = -5 WHERE invoice_id = %d`, f.paid.ID)}
		}, all},
		{"lines of an invoice id beyond the slice", func(f *ledgerFixture) []string {
			return []string{fmt.Sprintf(`UPDATE invoice_lines SET invoice_id = %d WHERE invoice_id = %d`, int64(1)<<40, f.paid.ID)}
		}, all},
		{"an invoice beyond the slice with its lines", func(f *ledgerFixture) []string {
			return []string{
				fmt.Sprintf(`UPDATE invoice_lines SET invoice_id = %d WHERE invoice_id = %d`, groupSumsDense+3, f.unpaid.ID),
				fmt.Sprintf(`UPDATE allocations SET invoice_id = %d WHERE invoice_id = %d`, groupSumsDense+3, f.unpaid.ID),
				fmt.Sprintf(`UPDATE invoices SET id = %d WHERE id = %d`, groupSumsDense+3, f.unpaid.ID)}
		}, all},
		{"lines moved to another invoice", func(f *ledgerFixture) []string {
			return []string{fmt.Sprintf(`UPDATE invoice_lines SET invoice_id = %d, pos = pos + 100 WHERE invoice_id = %d`, f.paid.ID, f.unpaid.ID)}
		}, all},
		{"subtotal and tax zeroed", func(f *ledgerFixture) []string {
			return []string{fmt.Sprintf(`UPDATE invoices SET subtotal = 0, tax_total = 0, total = 0, open_amount = 0 WHERE id = %d`, f.unpaid.ID)}
		}, all},
		{"lines and totals zeroed", func(f *ledgerFixture) []string {
			return []string{fmt.Sprintf(`UPDATE invoice_lines SET net = 0, tax = 0 WHERE invoice_id = %d`, f.unpaid.ID),
				fmt.Sprintf(`UPDATE invoices SET subtotal = 0, tax_total = 0, total = 0, open_amount = 0 WHERE id = %d`, f.unpaid.ID)}
		}, all},
		{"lines deleted", func(f *ledgerFixture) []string {
			return []string{fmt.Sprintf(`DELETE FROM invoice_lines WHERE invoice_id = %d`, f.credited.ID)}
		}, all},
		{"more lines than an invoice may have", func(f *ledgerFixture) []string {
			return []string{manyLines(f.void.ID)}
		}, all},
		{"invoice id of a line not an integer", func(f *ledgerFixture) []string {
			return []string{fmt.Sprintf(`UPDATE invoice_lines SET invoice_id = '%dx' WHERE invoice_id = %d`, f.paid.ID, f.paid.ID)}
		}, noLines},
		{"net not an integer", func(f *ledgerFixture) []string {
			return []string{fmt.Sprintf(`UPDATE invoice_lines SET net = net + 0.5 WHERE invoice_id = %d`, f.paid.ID)}
		}, noLines},
		{"tax a text", func(f *ledgerFixture) []string {
			return []string{fmt.Sprintf(`UPDATE invoice_lines SET tax = 'none' WHERE invoice_id = %d`, f.paid.ID)}
		}, noLines},
		{"subtotal not an integer", func(f *ledgerFixture) []string {
			return []string{fmt.Sprintf(`UPDATE invoices SET subtotal = subtotal + 0.25 WHERE id = %d`, f.mixed.ID)}
		}, noLines},
		{"subtotal of an invoice without lines not an integer", func(f *ledgerFixture) []string {
			return []string{fmt.Sprintf(`DELETE FROM invoice_lines WHERE invoice_id = %d`, f.mixed.ID),
				fmt.Sprintf(`UPDATE invoices SET subtotal = 'x' WHERE id = %d`, f.mixed.ID)}
		}, all},
		{"net over the bounds", func(f *ledgerFixture) []string {
			return []string{fmt.Sprintf(`UPDATE invoice_lines SET net = %d WHERE invoice_id = %d`, MaxAmount+1, f.paid.ID)}
		}, noLines},
		{"an allocation's amount changed", func(f *ledgerFixture) []string {
			return []string{fmt.Sprintf(`UPDATE allocations SET amount = amount + 1 WHERE id = %d`, f.payAlloc)}
		}, all},
		{"an allocation of a missing invoice", func(f *ledgerFixture) []string {
			return []string{fmt.Sprintf(`UPDATE allocations SET invoice_id = 9999 WHERE id = %d`, f.payAlloc)}
		}, all},
		{"an allocation of a missing payment", func(f *ledgerFixture) []string {
			return []string{fmt.Sprintf(`UPDATE allocations SET payment_id = 9999 WHERE id = %d`, f.payAlloc)}
		}, all},
		{"an allocation of a draft", func(f *ledgerFixture) []string {
			return []string{fmt.Sprintf(`UPDATE allocations SET invoice_id = %d WHERE id = %d`, f.draft.ID, f.payAlloc)}
		}, all},
		{"an allocation of a void invoice", func(f *ledgerFixture) []string {
			return []string{fmt.Sprintf(`UPDATE allocations SET invoice_id = %d WHERE id = %d`, f.void.ID, f.payAlloc)}
		}, all},
		{"an allocation moved to an invoice with a credit note", func(f *ledgerFixture) []string {
			return []string{fmt.Sprintf(`UPDATE allocations SET invoice_id = %d WHERE id = %d`, f.credited.ID, f.payAlloc)}
		}, all},
		{"a paid invoice's open balance changed", func(f *ledgerFixture) []string {
			return []string{fmt.Sprintf(`UPDATE invoices SET open_amount = open_amount - 1 WHERE id = %d`, f.paid.ID)}
		}, all},
		{"a paid invoice's open balance restored", func(f *ledgerFixture) []string {
			return []string{fmt.Sprintf(`UPDATE invoices SET open_amount = total WHERE id = %d`, f.paid.ID)}
		}, all},
		{"a credit note changed beside an allocation", func(f *ledgerFixture) []string {
			return []string{fmt.Sprintf(`UPDATE credit_notes SET amount = amount + 1 WHERE invoice_id = %d`, f.mixed.ID)}
		}, all},
		{"a write-off removed beside an allocation", func(f *ledgerFixture) []string {
			return []string{fmt.Sprintf(`DELETE FROM write_offs WHERE invoice_id = %d`, f.mixed.ID)}
		}, all},
		{"a payment's unallocated amount changed", func(f *ledgerFixture) []string {
			return []string{fmt.Sprintf(`UPDATE payments SET unallocated = unallocated + 1 WHERE id = %d`, f.pay.ID)}
		}, all},
		{"a payment's amount changed", func(f *ledgerFixture) []string {
			return []string{fmt.Sprintf(`UPDATE payments SET amount = amount - 1 WHERE id = %d`, f.pay.ID)}
		}, all},
		{"a payment fully allocated on the record", func(f *ledgerFixture) []string {
			return []string{fmt.Sprintf(`UPDATE payments SET unallocated = amount WHERE id = %d`, f.pay.ID)}
		}, all},
		{"an invoice's total not an integer", func(f *ledgerFixture) []string {
			return []string{fmt.Sprintf(`UPDATE invoices SET total = total + 0.5 WHERE id = %d`, f.paid.ID)}
		}, [3]bool{true, false, true}},
		{"an invoice's open balance a text", func(f *ledgerFixture) []string {
			return []string{fmt.Sprintf(`UPDATE invoices SET open_amount = 'some' WHERE id = %d`, f.mixed.ID)}
		}, [3]bool{true, false, true}},
		{"an open balance of an invoice without allocations a text", func(f *ledgerFixture) []string {
			return []string{fmt.Sprintf(`UPDATE invoices SET open_amount = 'some' WHERE id = %d`, f.unpaid.ID)}
		}, all},
		{"an allocation's amount not an integer", func(f *ledgerFixture) []string {
			return []string{fmt.Sprintf(`UPDATE allocations SET amount = amount + 0.5 WHERE id = %d`, f.payAlloc)}
		}, [3]bool{true, false, false}},
		{"an allocation's amount over the bounds", func(f *ledgerFixture) []string {
			return []string{fmt.Sprintf(`UPDATE allocations SET amount = %d WHERE id = %d`, MaxAmount+1, f.payAlloc)}
		}, [3]bool{true, false, false}},
		{"an allocation's invoice not an integer", func(f *ledgerFixture) []string {
			return []string{fmt.Sprintf(`UPDATE allocations SET invoice_id = 'x' WHERE id = %d`, f.payAlloc)}
		}, [3]bool{true, false, true}},
		{"an allocation's payment not an integer", func(f *ledgerFixture) []string {
			return []string{fmt.Sprintf(`UPDATE allocations SET payment_id = 'x' WHERE id = %d`, f.payAlloc)}
		}, [3]bool{true, true, false}},
		{"a payment's amount not an integer", func(f *ledgerFixture) []string {
			return []string{fmt.Sprintf(`UPDATE payments SET amount = amount + 0.5 WHERE id = %d`, f.pay.ID)}
		}, [3]bool{true, true, false}},
		{"the unallocated amount of a payment without allocations a text", func(f *ledgerFixture) []string {
			return []string{fmt.Sprintf(`UPDATE payments SET unallocated = 'x' WHERE id = %d`, f.credit.ID)}
		}, all},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newLedgerFixture(t)
			f.corrupt(t, tc.stmts(f)...)
			err := f.s.viewCheck(ctx, func(tx sqlTx) error {
				var fast, slow passes
				for g := 0; g < 2; g++ {
					if err := fast.run(ctx, tx, g); err != nil {
						return err
					}
				}
				for _, q := range slow.queries() {
					if err := tx.QueryRowContext(ctx, q.q).Scan(q.dest...); err != nil {
						return err
					}
				}
				decided := func(g *groupSums) bool { return g != nil && g.ok }
				if got := [3]bool{decided(fast.lineFigs), decided(fast.allocFigs), decided(fast.payFigs)}; got != tc.decided {
					t.Errorf("decided %v, want %v", got, tc.decided)
				}
				counts := func(p *passes) (v []any) {
					for _, q := range p.queries() {
						for _, d := range q.dest {
							v = append(v, reflect.ValueOf(d).Elem().Interface())
						}
					}
					return v
				}
				if got, want := counts(&fast), counts(&slow); !reflect.DeepEqual(got, want) {
					t.Errorf("the passes count\n%v, the SQL passes\n%v", got, want)
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			got, err := f.s.CheckFast(ctx)
			if err != nil {
				// as it did before the passes: the payment record cannot be summed
				if errRef := f.s.View(ctx, func(tx sqlTx) error { _, err := checkPayRecord(ctx, tx); return err }); errRef == nil {
					t.Fatalf("CheckFast: %v; the payment record sums", err)
				}
				return
			}
			pages, err := sqliteCheck(ctx, f.s.r, `PRAGMA quick_check`)
			if err != nil {
				t.Fatal(err)
			}
			want := append(pages, referenceCheck(t, f.s)...)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("CheckFast %q, want %q", got, want)
			}
			consistent := map[string]bool{"healthy": true, "an invoice beyond the slice with its lines": true, "lines and totals zeroed": true}
			if !consistent[tc.name] && len(want) == 0 {
				t.Errorf("the damage is not one check reports")
			}
		})
	}
}

// A file whose allocations cannot be summed in whole numbers (an amount of 4000.5, amounts
// far over the bounds, an invoice's customer that is not an id) is reported by check, line
// by line, not answered with an error.
func TestCheckReportsAnOddPaymentRecord(t *testing.T) {
	for _, tc := range []struct {
		name, stmt, want string
	}{
		{"amount not a whole number", `UPDATE allocations SET amount = amount + 0.5 WHERE id = %[1]d`,
			"customer payment record does not match the allocations: customer %[2]d"},
		{"an invoice's customer not an id", `UPDATE invoices SET customer_id = 'x' WHERE id = (SELECT invoice_id FROM allocations WHERE id = %[1]d)`,
			`customer payment record does not match the allocations: customer "x"`},
		{"amounts whose sum leaves int64", `UPDATE allocations SET amount = 5000000000000000000 WHERE id > %[1]d - 100`,
			"customer payment record does not match the allocations: " + sumsTooLarge},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newLedgerFixture(t)
			f.corrupt(t, fmt.Sprintf(tc.stmt, f.payAlloc))
			for name, check := range map[string]func(context.Context) ([]string, error){"CheckFast": f.s.CheckFast, "Check": f.s.Check} {
				v, err := check(ctx)
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				want := tc.want
				if strings.Contains(want, "%") {
					want = fmt.Sprintf(want, f.payAlloc, f.c.ID)
				}
				if !hasLine(v, want) {
					t.Errorf("%s: %q, want the line %q", name, v, want)
				}
			}
		})
	}
}
