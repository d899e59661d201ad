package cli

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"duebook/data"
)

// The hostile CSV corpus (testdata/hostile/csv): each case is a file to import and what must
// happen. A refused file names its row and field (or column) and why, and leaves the company
// file byte for byte as it was; an accepted one is read right (names exactly as written, the
// encoding named in the report). `check` passes afterwards either way, and no control
// character reaches the output.
type hcCase struct {
	File  string   `json:"file"`
	Kind  string   `json:"kind"`
	Args  []string `json:"args"`
	Exit  int      `json:"exit"`
	Want  []string `json:"want"`  // in stdout or stderr
	Names []string `json:"names"` // customers the import adds, exactly
}

const hcDir = "testdata/hostile/csv"

func hcCases(t *testing.T) []hcCase {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(hcDir, "cases.json"))
	if err != nil {
		t.Fatal(err)
	}
	var cs []hcCase
	if err := json.Unmarshal(b, &cs); err != nil {
		t.Fatal(err)
	}
	return cs
}

// hcBase is a small company with the customers the invoice cases bill and the duplicate cases
// collide with.
func hcBase(t *testing.T) string {
	t.Helper()
	f := smallCompany(t)
	in := writeFile(t, "base.csv", "Name,Email,Currency\nAcme Tools,ap@acme.example,USD\nZoë Café,ap@zoe.example,USD\n")
	if out, errs, code := run(t, "2026-06-30", "import", "customers", in, "-db", f); code != 0 {
		t.Fatalf("base customers: %s%s", out, errs)
	}
	return f
}

// hcCopy copies the company file (closed, no WAL left) to a new path.
func hcCopy(t *testing.T, src string) string {
	t.Helper()
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(t.TempDir(), "case.duebook")
	if err := os.WriteFile(dst, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return dst
}

// hcState is what must not change when an import is refused.
type hcState struct {
	sum    [32]byte
	counts map[string]int
	names  map[string]bool
}

func hcSnapshot(t *testing.T, path string) hcState {
	t.Helper()
	st := hcState{counts: map[string]int{}, names: map[string]bool{}}
	s, err := data.OpenWith(path, data.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, table := range []string{"customers", "invoices", "invoice_lines", "payments", "allocations", "audit"} {
		var n int
		if err := s.DB().QueryRow(`SELECT count(*) FROM ` + table).Scan(&n); err != nil {
			t.Fatal(err)
		}
		st.counts[table] = n
	}
	cs, err := s.Customers(context.Background(), data.CustomerFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cs {
		st.names[c.Name] = true
	}
	s.Close()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	st.sum = sha256.Sum256(b)
	return st
}

// hcNoControls fails when output holds a control character other than tab and line ends.
func hcNoControls(t *testing.T, what, out string) {
	t.Helper()
	for _, r := range out {
		if (r < 0x20 && r != '\t' && r != '\n' && r != '\r') || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			t.Errorf("%s holds the control character U+%04X:\n%q", what, r, out)
			return
		}
	}
}

func TestHostileCSVCorpus(t *testing.T) {
	base := hcBase(t)
	for _, tc := range hcCases(t) {
		t.Run(strings.TrimSuffix(tc.File, ".csv"), func(t *testing.T) {
			f := hcCopy(t, base)
			before := hcSnapshot(t, f)
			args := append([]string{"import", tc.Kind, filepath.Join(hcDir, tc.File), "-db", f}, tc.Args...)
			out, errs, code := run(t, "2026-06-30", args...)
			hcNoControls(t, "stdout", out)
			hcNoControls(t, "stderr", errs)
			if code != tc.Exit {
				t.Fatalf("exit %d, want %d\n%s%s", code, tc.Exit, out, errs)
			}
			for _, w := range tc.Want {
				if !strings.Contains(out+errs, w) {
					t.Errorf("the output does not say %q:\n%s%s", w, out, errs)
				}
			}
			if co, ce, cc := run(t, "2026-06-30", "check", "-db", f); cc != 0 || strings.TrimSpace(co) != "ok" {
				t.Fatalf("check after the import: %d %s%s", cc, co, ce)
			}
			after := hcSnapshot(t, f)
			if tc.Exit != 0 {
				if after.sum != before.sum {
					t.Errorf("a refused import changed the company file")
				}
				for table, n := range before.counts {
					if after.counts[table] != n {
						t.Errorf("%s: %d rows, %d before the refused import", table, after.counts[table], n)
					}
				}
				return
			}
			if got, want := after.counts["customers"], before.counts["customers"]+len(tc.Names); got != want {
				t.Errorf("%d customers, want %d", got, want)
			}
			for _, n := range tc.Names {
				if !after.names[n] {
					t.Errorf("no customer is named %q exactly (names: %v)", n, after.names)
				}
			}
		})
	}
}

// The same refusals on a dry run, which must not touch the file either.
func TestHostileCSVDryRun(t *testing.T) {
	base := hcBase(t)
	for _, tc := range hcCases(t) {
		if tc.Exit == 0 {
			continue
		}
		f := hcCopy(t, base)
		before := hcSnapshot(t, f)
		out, errs, code := run(t, "2026-06-30", "import", "-dry-run", tc.Kind, filepath.Join(hcDir, tc.File), "-db", f)
		if code != tc.Exit || !strings.Contains(out+errs, tc.Want[0]) {
			t.Errorf("%s dry run: exit %d\n%s%s", tc.File, code, out, errs)
		}
		if hcSnapshot(t, f).sum != before.sum {
			t.Errorf("%s: a dry run changed the company file", tc.File)
		}
	}
}

// A file written outside Duebook with formula and escape names: every CSV a command writes
// defuses the formulas, and no escape sequence reaches the terminal.
func TestHostileCSVWriters(t *testing.T) {
	f := hcCopy(t, hcBase(t))
	s, err := data.OpenWith(f, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	names := []string{`=HYPERLINK("http://evil.example","Pay here")`, "@SUM(A1:A9)", "+cmd|' /C calc'!A0", "\x1b[2J\x1b[31mRed Ltd"}
	for i, n := range names {
		// as an old file or another program would have written them
		if _, err := s.WriterDB().Exec(`INSERT INTO customers(name, emails, currency, channel, created, address1, city) VALUES (?, 'ap@x.example', 'USD', 'email', 'x', '1 Main St', 'Town')`, n); err != nil {
			t.Fatal(err)
		}
		var id int64
		if err := s.DB().QueryRow(`SELECT id FROM customers WHERE name = ?`, n).Scan(&id); err != nil {
			t.Fatal(err)
		}
		inv := &data.Invoice{CustomerID: id, IssueDate: data.MustDate("2026-04-01"), Lines: []data.InvoiceLine{{Description: "Work", QtyMilli: 1000, UnitPrice: int64(1000 * (i + 1))}}}
		if err := s.CreateDraft(context.Background(), inv); err != nil {
			t.Fatal(err)
		}
		if _, err := s.PostInvoice(context.Background(), inv.ID); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	dir := t.TempDir()
	outputs := map[string]string{}
	out, errs, code := run(t, "2026-06-30", "aging", "-db", f, "-format", "csv")
	if code != 0 {
		t.Fatalf("aging: %s", errs)
	}
	outputs["aging -format csv"] = out
	for what, args := range map[string][]string{
		"aging-report csv": {"aging-report", "-db", f, "-o", filepath.Join(dir, "aging.csv")},
		"mailing list":     {"statements", "-db", f, "-o", filepath.Join(dir, "st.pdf"), "-csv", filepath.Join(dir, "list.csv")},
		"export":           {"export", "-db", f, filepath.Join(dir, "export")},
	} {
		if out, errs, code := run(t, "2026-06-30", args...); code != 0 {
			t.Fatalf("%s: %s%s", what, out, errs)
		} else {
			hcNoControls(t, what+" output", out+errs)
		}
	}
	for what, file := range map[string]string{"aging-report csv": "aging.csv", "mailing list": "list.csv", "export": "export/customers.csv"} {
		b, err := os.ReadFile(filepath.Join(dir, file))
		if err != nil {
			t.Fatal(err)
		}
		outputs[what] = string(bytes.TrimPrefix(b, []byte("\xef\xbb\xbf")))
	}
	for what, text := range outputs {
		recs, err := csv.NewReader(strings.NewReader(text)).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		found := 0
		for _, r := range recs {
			for _, cell := range r {
				for _, n := range names[:3] {
					if strings.Contains(cell, n) {
						found++
						if cell != "'"+n {
							t.Errorf("%s: cell %q is not defused", what, cell)
						}
					}
				}
			}
		}
		if found < 3 {
			t.Errorf("%s: found %d of the formula names:\n%s", what, found, text)
		}
	}
	// Text output (the aging table) shows the escape name without its escape bytes.
	out, _, code = run(t, "2026-06-30", "aging", "-db", f)
	if code != 0 || !strings.Contains(out, "Red Ltd") {
		t.Fatalf("aging text: %d\n%s", code, out)
	}
	hcNoControls(t, "aging text", out)
	if out, _, code := run(t, "2026-06-30", "check", "-db", f); code != 0 {
		t.Fatalf("check: %s", out)
	}
}

// A file over the amount bounds (written outside Duebook, like 10,000 invoices of
// 9,999,999,999,999.99): check names the bounds and exits 1, the reports refuse in words
// instead of SQLite's "integer overflow", and an import adds nothing to it.
func TestHostileOverBoundsFile(t *testing.T) {
	f := hcCopy(t, hcBase(t))
	s, err := data.OpenWith(f, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var id int64
	if err := s.DB().QueryRow(`SELECT id FROM customers WHERE name = 'Acme Tools'`).Scan(&id); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 10; i++ {
		if _, err := s.WriterDB().Exec(`INSERT INTO invoices(number, seq, customer_id, currency, issue_date, due_date, status, subtotal, tax_total, total, open_amount, created)
			VALUES (?, ?, ?, 'USD', '2026-01-01', '2026-01-31', 'posted', 999999999999999999, 0, 999999999999999999, 999999999999999999, 'x')`,
			"BIG-"+string(rune('A'+i)), 100000+i, id); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	out, _, code := run(t, "2026-06-30", "check", "-db", f)
	if code != 1 || !strings.Contains(out, "company sum above 1000000000000000 minor units") || !strings.Contains(out, "amount above 10000000000000 minor units") {
		t.Fatalf("check: %d\n%s", code, out)
	}
	_, errs, code := run(t, "2026-06-30", "aging", "-db", f)
	if code != 1 || !strings.Contains(errs, "amounts over Duebook's bounds") || strings.Contains(errs, "integer overflow") {
		t.Fatalf("aging: %d %s", code, errs)
	}
	in := writeFile(t, "one.csv", "Customer,Invoice,Date,Amount\nAcme Tools,X-1,2026-05-01,10.00\n")
	before := hcSnapshot(t, f)
	out, errs, code = run(t, "2026-06-30", "import", "invoices", in, "-db", f)
	if code != 1 || !strings.Contains(out+errs, "row 2, field amount: would bring the company's invoices to more than") {
		t.Fatalf("import: %d\n%s%s", code, out, errs)
	}
	if hcSnapshot(t, f).sum != before.sum {
		t.Errorf("a refused import changed the file")
	}
}
