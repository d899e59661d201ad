package data

import (
	"bytes"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// hostileCells are cells that need defusing, quoting or both, or look as if they did.
var hostileCells = []string{"", "plain", `=HYPERLINK("x")`, "+1 555", "-minus", "-5", "-12.50", "-1.", "-.5", "--5", "@at",
	"\ttab", "\rcr", "\r\n", "line\nbreak", "crlf\r\nend", "cr\ronly", `say "hi", then`, `"`, `""`, ",", "a,b", `\.`, `\..`,
	" spaced ", "\u00a0nbsp", "\u0085nel", "\u2000en", "\u3000ideo", "\u200bzwsp", "\v vt", "\f ff", "Ünïcödé Ltd 😀",
	"日本語の会社", "\xff\xfe bad utf-8", "\xe0\x82\x85 overlong", "\xc2", "nul\x00byte", "'quoted", "'=already", "=", "+", "-", "@",
	"1e5", "12.345.6", "٣٤٥", "a;b", "tab\tinside", "\ufeffbom"}

// appendCell writes each cell exactly as CSVWriter (encoding/csv with CRLF after Defuse)
// does, alone and beside others, for the hostile cells and for random ones made of the
// bytes that matter.
func TestAppendCellMatchesCSVWriter(t *testing.T) {
	cells := append([]string(nil), hostileCells...)
	rng := rand.New(rand.NewPCG(7, 8))
	parts := []string{"=", "+", "-", "@", "\t", "\r", "\n", `"`, ",", " ", ".", "0", "9", "a", "\\", "'", "\u00a0", "\u2028",
		"\xff", "\xe2\x80", "é", "😀"}
	for i := 0; i < 20000; i++ {
		var b strings.Builder
		for n := rng.IntN(6); n >= 0; n-- {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		cells = append(cells, b.String())
	}
	for i, c := range cells {
		rec := []string{c, cells[(i+1)%len(cells)], c}
		if got, want := string(appendLine(rec)), csvWriterLine(t, rec); got != want {
			t.Fatalf("cells %q: got %q, want %q", rec, got, want)
		}
	}
}

// FuzzAppendCell holds appendCell to CSVWriter on any text.
func FuzzAppendCell(f *testing.F) {
	for _, c := range hostileCells {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, c string) {
		rec := []string{c, "x", c}
		if got, want := string(appendLine(rec)), csvWriterLine(t, rec); got != want {
			t.Fatalf("cell %q: got %q, want %q", c, got, want)
		}
	})
}

func appendLine(rec []string) []byte {
	var b []byte
	for i, c := range rec {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendCell(b, c)
	}
	return append(b, '\r', '\n')
}

func csvWriterLine(t *testing.T, rec []string) string {
	var buf bytes.Buffer
	w := NewCSVWriter(&buf)
	w.UseCRLF()
	if err := w.Write(rec); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// idIndex finds what a map finds, for ids without gaps, with gaps, negative ones and ids at
// the ends of int64 (where id-first wraps around).
func TestIDIndex(t *testing.T) {
	cases := [][]int64{
		{}, {1}, {5, 6, 7, 8}, {1, 2, 4, 5, 9}, {-3, -2, -1, 0, 1}, {math.MinInt64, 0, math.MaxInt64},
		{math.MinInt64, math.MinInt64 + 1}, {math.MaxInt64 - 1, math.MaxInt64}, {10, 11, 12, 1000},
	}
	rng := rand.New(rand.NewPCG(1, 2))
	var random []int64
	for id := int64(-50); len(random) < 3000; id += 1 + int64(rng.IntN(3)/2)*rng.Int64N(5) {
		random = append(random, id)
	}
	cases = append(cases, random)
	probe := []int64{math.MinInt64, math.MinInt64 + 1, -1, 0, 1, 2, 3, 999, 1000, 1001, math.MaxInt64 - 1, math.MaxInt64}
	for _, ids := range cases {
		var x idIndex
		at := map[int64]int{}
		for k, id := range ids {
			x.add(id)
			at[id] = k
		}
		ps := append(append([]int64(nil), probe...), ids...)
		for _, id := range ids {
			ps = append(ps, id-1, id+1, id-math.MaxInt64, id+math.MaxInt64)
		}
		for _, id := range ps {
			k, ok := x.find(id)
			wk, wok := at[id]
			if ok != wok || (ok && k != wk) {
				t.Fatalf("ids %v: find(%d) = %d, %v; want %d, %v", ids[:min(len(ids), 8)], id, k, ok, wk, wok)
			}
		}
	}
}

// A company file changed behind Duebook's back (triggers and foreign keys off): text of
// every kind in every text column, blobs, the largest and most negative amounts, NULL
// dates, currencies of 0, 2, 3 and 4 decimals and unknown ones, gaps in every id series,
// invoices and payments of deleted customers and allocations of deleted invoices. The
// export still writes what the reference (the export before it read the driver itself)
// writes, byte for byte.
func TestExportCSVMatchesReferenceTampered(t *testing.T) {
	s := newStore(t, "2026-06-30")
	if err := s.GenerateDemo(ctx, DemoOptions{Customers: 40, Invoices: 600, Seed: 4, Today: MustDate("2026-06-30")}); err != nil {
		t.Fatal(err)
	}
	exec := func(q string, args ...any) {
		t.Helper()
		if _, err := s.w.ExecContext(ctx, q, args...); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	exec(`PRAGMA foreign_keys = OFF`)
	exec(`PRAGMA ignore_check_constraints = ON`)
	for _, tr := range []string{"invoice_posted_immutable", "invoice_posted_no_delete", "invoice_lines_del", "payment_immutable",
		"allocation_no_update"} {
		exec(`DROP TRIGGER IF EXISTS ` + tr)
	}
	rng := rand.New(rand.NewPCG(4, 5))
	pick := func() any {
		if rng.IntN(8) == 0 { // a blob in a text column: the driver gives bytes
			return []byte(hostileCells[rng.IntN(len(hostileCells))])
		}
		return hostileCells[rng.IntN(len(hostileCells))]
	}
	some := func(table string) string {
		return `(SELECT id FROM ` + table + ` ORDER BY random() LIMIT 1)`
	}
	for i := 0; i < 60; i++ {
		exec(`UPDATE customers SET name = ?, contact = ?, emails = ?, phone = ?, address1 = ?, address2 = ?, city = ?, region = ?,
			postal_code = ?, country = ?, notes = ?, channel = channel WHERE id = `+some("customers"),
			pick(), pick(), pick(), pick(), pick(), pick(), pick(), pick(), pick(), pick(), pick())
		exec(`UPDATE invoices SET number = ?, po_number = ?, void_reason = ?, notes = ? WHERE id = `+some("invoices"),
			hostileCells[rng.IntN(len(hostileCells))]+itoa(int64(i)), pick(), pick(), pick())
		exec(`UPDATE payments SET method = ?, reference = ?, source = ?, notes = ? WHERE id = `+some("payments"),
			pick(), pick(), pick(), pick())
	}
	exec(`UPDATE customers SET emails = 'a@x.example' || char(10) || '=b@x.example' || char(10) || char(10) WHERE id = ` + some("customers"))
	exec(`UPDATE customers SET last_reviewed = NULL WHERE id IN (SELECT id FROM customers ORDER BY random() LIMIT 5)`)
	exec(`UPDATE customers SET credit_limit = 9223372036854775807, currency = 'BHD' WHERE id = ` + some("customers"))
	for _, a := range [][2]any{{int64(math.MaxInt64), "JPY"}, {int64(math.MinInt64), "CLF"}, {int64(-1), "BHD"}, {int64(10_000_000_000_000), "ZZZ"},
		{int64(-999), `=,"`}, {int64(0), "USD"}} {
		exec(`UPDATE invoices SET subtotal = ?, tax_total = ?, currency = ? WHERE id = `+some("invoices"), a[0], a[0], a[1])
		exec(`UPDATE payments SET amount = ?, unallocated = 0, currency = ? WHERE id = `+some("payments"), a[0], a[1])
	}
	exec(`UPDATE invoices SET sent_date = NULL, void_date = NULL WHERE id IN (SELECT id FROM invoices ORDER BY random() LIMIT 20)`)
	exec(`UPDATE invoices SET sent_date = '' WHERE id = ` + some("invoices"))
	// gaps, and rows whose customer or invoice is gone
	exec(`DELETE FROM customers WHERE id IN (SELECT id FROM customers ORDER BY random() LIMIT 4)`)
	exec(`DELETE FROM invoices WHERE id IN (SELECT id FROM invoices ORDER BY random() LIMIT 30)`)
	exec(`DELETE FROM invoices WHERE id = (SELECT invoice_id FROM allocations ORDER BY random() LIMIT 1)`)
	exec(`DELETE FROM payments WHERE id IN (SELECT id FROM payments ORDER BY random() LIMIT 10)`)
	exec(`DELETE FROM allocations WHERE id IN (SELECT id FROM allocations ORDER BY random() LIMIT 10)`)
	exec(`UPDATE invoices SET id = id + 1000000 WHERE id = (SELECT max(id) FROM invoices)`)
	exec(`UPDATE invoices SET id = -7 WHERE id = (SELECT min(id) FROM invoices WHERE id NOT IN (SELECT invoice_id FROM allocations))`)
	sameExport(t, s, "tampered")
}

// A value the schema's types do not allow (words in an amount, a date that is no date) is
// refused with the row and the column named, and leaves no half-written file under the
// name.
func TestExportCSVRefusesBadCells(t *testing.T) {
	for _, c := range []struct{ set, file, want string }{
		{`UPDATE invoices SET subtotal = 'abc' WHERE id = 3`, "invoices.csv", `invoice 3: subtotal is not a whole number ("abc")`},
		{`UPDATE invoices SET total = 1.5, open_amount = 0 WHERE id = 4`, "invoices.csv", `invoice 4: total is not a whole number ("1.5")`},
		{`UPDATE invoices SET due_date = '2026-02-30' WHERE id = 5`, "invoices.csv", `invoice 5: due date "2026-02-30" is not a date (YYYY-MM-DD)`},
		{`UPDATE payments SET date = 'soon' WHERE id = 2`, "payments.csv", `payment 2: date "soon" is not a date (YYYY-MM-DD)`},
		{`UPDATE customers SET terms_days = 'x' WHERE id = 1`, "customers.csv", `customer 1: terms days is not a whole number ("x")`},
		{`UPDATE allocations SET amount = x'00' WHERE id = 1`, "allocations.csv", `allocation 1: amount is not a whole number ("\x00")`},
	} {
		s := newStore(t, "2026-06-30")
		if err := s.GenerateDemo(ctx, DemoOptions{Customers: 10, Invoices: 50, Seed: 1, Today: MustDate("2026-06-30")}); err != nil {
			t.Fatal(err)
		}
		for _, q := range []string{`PRAGMA ignore_check_constraints = ON`, `DROP TRIGGER invoice_posted_immutable`,
			`DROP TRIGGER payment_immutable`, `DROP TRIGGER allocation_no_update`, c.set} {
			if _, err := s.w.ExecContext(ctx, q); err != nil {
				t.Fatalf("%s: %v", q, err)
			}
		}
		dir := t.TempDir()
		_, err := s.ExportCSV(ctx, dir)
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), c.file) {
			t.Fatalf("%s: got %v, want an error about %s with %q", c.set, err, c.file, c.want)
		}
		left, _ := os.ReadDir(dir)
		for _, f := range left {
			if n := f.Name(); n == c.file || !strings.HasSuffix(n, ".csv") {
				t.Fatalf("%s: %s left behind", c.set, n)
			}
		}
	}
}

// When a file cannot be written the export stops there (the reader does not wait for a
// writer that is gone) and says why; the files before it are written whole.
func TestExportCSVStopsWhenAFileCannotBeWritten(t *testing.T) {
	s := newStore(t, "2026-06-30")
	if err := s.GenerateDemo(ctx, DemoOptions{Customers: 20, Invoices: 3000, Seed: 2, Today: MustDate("2026-06-30")}); err != nil {
		t.Fatal(err)
	}
	for _, file := range []string{"customers.csv", "invoices.csv", "allocations.csv"} {
		dir := t.TempDir()
		if err := os.Mkdir(filepath.Join(dir, file), 0o755); err != nil {
			t.Fatal(err)
		}
		_, err := s.ExportCSV(ctx, dir)
		if err == nil || !strings.Contains(err.Error(), "is a folder") {
			t.Fatalf("%s is a folder: got %v", file, err)
		}
		for _, f := range []string{"customers.csv", "invoices.csv", "payments.csv"} {
			if f == file {
				break
			}
			if b, err := os.ReadFile(filepath.Join(dir, f)); err != nil || !bytes.HasSuffix(b, []byte("\r\n")) {
				t.Fatalf("%s is a folder: %s not written whole (%v)", file, f, err)
			}
		}
	}
}
