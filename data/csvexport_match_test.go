package data

import (
	"bytes"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
)

// The streaming export writes the same bytes as the reference (the export before it
// streamed) on random sample companies, with names and notes that need quoting, defusing
// or are not ASCII, void invoices, credit notes and unallocated payments.
func TestExportCSVMatchesReference(t *testing.T) {
	today := MustDate("2026-06-30")
	odd := []string{`=HYPERLINK("x")`, "+1 555", "-minus", "@at", "\ttab", "line\nbreak", `say "hi", then`, "Ünïcödé Ltd 😀",
		"crlf\r\nend", "", " spaced ", "-12.50", "a;b", "日本語の会社"}
	for seed := uint64(1); seed <= 3; seed++ {
		s := newStore(t, "2026-06-30")
		if err := s.GenerateDemo(ctx, DemoOptions{Customers: 30 + int(seed)*10, Invoices: 800, Seed: seed, Today: today}); err != nil {
			t.Fatal(err)
		}
		rng := rand.New(rand.NewPCG(seed, 99))
		pick := func() string { return odd[rng.IntN(len(odd))] }
		for i := 0; i < 40; i++ {
			stmts := []struct {
				q string
				a []any
			}{
				{`UPDATE customers SET name = ?, notes = ?, contact = ? WHERE id = (SELECT id FROM customers ORDER BY random() LIMIT 1)`,
					[]any{pick() + itoa(int64(i)), pick(), pick()}},
				{`UPDATE invoices SET notes = ?, po_number = ? WHERE id = (SELECT id FROM invoices WHERE status = 'draft' ORDER BY random() LIMIT 1)`,
					[]any{pick(), pick()}},
				{`UPDATE payments SET notes = ?, reference = ? WHERE id = (SELECT id FROM payments ORDER BY random() LIMIT 1)`,
					[]any{pick(), pick()}},
			}
			for _, st := range stmts {
				if _, err := s.w.ExecContext(ctx, st.q, st.a...); err != nil {
					t.Fatal(err)
				}
			}
		}
		sameExport(t, s, fmt.Sprintf("seed %d", seed))
	}
}

// sameExport exports s with ExportCSV and with the reference and fails unless the four
// files are byte-identical (and hold at least a few rows each).
func sameExport(t *testing.T, s *Store, label string) {
	t.Helper()
	got, want := filepath.Join(t.TempDir(), "got"), filepath.Join(t.TempDir(), "want")
	gf, err := s.ExportCSV(ctx, got)
	if err != nil {
		t.Fatalf("%s: %v", label, err)
	}
	wf, err := exportCSVReference(ctx, s, want)
	if err != nil {
		t.Fatalf("%s: reference: %v", label, err)
	}
	if len(gf) != len(wf) || len(gf) != 4 {
		t.Fatalf("%s: files %v, want %v", label, gf, wf)
	}
	for i := range gf {
		g, err := os.ReadFile(gf[i])
		if err != nil {
			t.Fatal(err)
		}
		w, err := os.ReadFile(wf[i])
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Count(w, []byte("\n")) < 30 {
			t.Fatalf("%s: %s has too few rows to compare", label, filepath.Base(wf[i]))
		}
		if !bytes.Equal(g, w) {
			n := 0
			for n < len(g) && n < len(w) && g[n] == w[n] {
				n++
			}
			t.Fatalf("%s: %s differs from the reference at byte %d:\n got %q\nwant %q", label,
				filepath.Base(gf[i]), n, g[max(0, n-60):min(len(g), n+60)], w[max(0, n-60):min(len(w), n+60)])
		}
	}
}

// formatAmount (strconv into one buffer) writes what the fmt version wrote, for every
// currency's decimals, grouping or not, at the edges of int64 and at random.
func TestFormatAmountMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	vals := []int64{0, 1, -1, 9, 10, 99, 100, 999, 1000, 1001, -1000, 123456, -123456789, 1e12, math.MaxInt64, math.MinInt64, math.MinInt64 + 1}
	for i := 0; i < 5000; i++ {
		v := rng.Int64() >> rng.IntN(64)
		if rng.IntN(2) == 0 {
			v = -v
		}
		vals = append(vals, v)
	}
	for _, cur := range []string{"USD", "JPY", "BHD", "CLF", "XXX", ""} {
		for _, v := range vals {
			for _, sep := range [][2]string{{"", "."}, {",", "."}, {".", ","}, {"'", "."}} {
				if g, w := formatAmount(v, cur, sep[0], sep[1]), refFormatAmount(v, cur, sep[0], sep[1]); g != w {
					t.Fatalf("formatAmount(%d, %q, %q, %q) = %q, want %q", v, cur, sep[0], sep[1], g, w)
				}
			}
		}
	}
}
