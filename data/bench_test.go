package data

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

var benchSizes = []int{10_000, 100_000, 1_000_000}

var (
	benchMu    sync.Mutex
	benchFiles = map[int]string{}
	benchDir   string
)

var benchToday = MustDate("2026-06-30")

// demoFile makes (once per process) a demo company with n invoices for the benchmarks.
func demoFile(b *testing.B, n int) string {
	benchMu.Lock()
	defer benchMu.Unlock()
	if p, ok := benchFiles[n]; ok {
		return p
	}
	if benchDir == "" {
		d, err := os.MkdirTemp("", "duebook-bench-")
		if err != nil {
			b.Fatal(err)
		}
		benchDir = d
	}
	p := filepath.Join(benchDir, fmt.Sprintf("demo-%d.duebook", n))
	s, err := OpenWith(p, Options{Clock: FixedClock{benchToday}})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	if err := s.GenerateDemo(ctx, DemoOptions{Customers: max(50, n/200), Invoices: n, Seed: 1, Today: benchToday}); err != nil {
		b.Fatal(err)
	}
	benchFiles[n] = p
	return p
}

func TestMain(m *testing.M) {
	code := m.Run()
	if benchDir != "" {
		os.RemoveAll(benchDir)
	}
	os.Exit(code)
}

// BenchmarkDemo measures sample-company generation: one line per size.
func BenchmarkDemo(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("invoices=%d", n), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				dir := b.TempDir()
				s, err := OpenWith(filepath.Join(dir, "d.duebook"), Options{Clock: FixedClock{benchToday}})
				if err != nil {
					b.Fatal(err)
				}
				if err := s.GenerateDemo(ctx, DemoOptions{Customers: max(50, n/200), Invoices: n, Seed: uint64(i + 1), Today: benchToday}); err != nil {
					b.Fatal(err)
				}
				s.Close()
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "invoices/s")
		})
	}
}

// BenchmarkAging measures the aging report as of today over a demo company: one line per size.
// Target: under 1 s at 1M invoices.
func BenchmarkAging(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("invoices=%d", n), func(b *testing.B) {
			p := demoFile(b, n)
			s, err := OpenWith(p, Options{Clock: FixedClock{benchToday}, ReadOnly: true})
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			b.ResetTimer()
			var rows int
			for i := 0; i < b.N; i++ {
				ag, err := s.Aging(ctx, benchToday, "")
				if err != nil {
					b.Fatal(err)
				}
				rows = len(ag.Rows)
			}
			b.ReportMetric(float64(rows), "customers")
		})
	}
}

// BenchmarkAgingPast measures aging as of a past date (rebuilt from events).
func BenchmarkAgingPast(b *testing.B) {
	for _, n := range benchSizes[:2] {
		b.Run(fmt.Sprintf("invoices=%d", n), func(b *testing.B) {
			p := demoFile(b, n)
			s, err := OpenWith(p, Options{Clock: FixedClock{benchToday}, ReadOnly: true})
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, err := s.Aging(ctx, benchToday.AddDays(-180), ""); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkCheck measures `duebook check` (CheckFast: quick_check, the ledger and the index
// comparisons) and `duebook check -full` (Check: integrity_check and the ledger).
func BenchmarkCheck(b *testing.B) {
	for _, n := range benchSizes[:2] {
		for _, c := range []struct {
			name  string
			check func(*Store, context.Context) ([]string, error)
		}{{"check", (*Store).CheckFast}, {"full", (*Store).Check}} {
			b.Run(fmt.Sprintf("invoices=%d/%s", n, c.name), func(b *testing.B) {
				s, err := OpenWith(demoFile(b, n), Options{ReadOnly: true})
				if err != nil {
					b.Fatal(err)
				}
				defer s.Close()
				b.ResetTimer() // demoFile may have made the company
				for i := 0; i < b.N; i++ {
					v, err := c.check(s, ctx)
					if err != nil || len(v) > 0 {
						b.Fatal(err, v)
					}
				}
			})
		}
	}
}

// BenchmarkQuickCheck measures the whole quick check (PageCheck, then InvariantCheck).
// DUEBOOK_BENCH_FILE names a company file to use instead of the sample ones.
func BenchmarkQuickCheck(b *testing.B) { benchCheck(b, (*Store).QuickCheck) }

// BenchmarkInvariantCheck measures the check a window runs as a file opens (target < 0.5 s
// at 1M invoices; the page check runs in the background).
func BenchmarkInvariantCheck(b *testing.B) { benchCheck(b, (*Store).InvariantCheck) }

func benchCheck(b *testing.B, check func(*Store, context.Context) ([]string, error)) {
	files := map[string]string{}
	if p := os.Getenv("DUEBOOK_BENCH_FILE"); p != "" {
		files["file"] = p
	} else {
		for _, n := range benchSizes[:2] {
			files[fmt.Sprintf("invoices=%d", n)] = demoFile(b, n)
		}
	}
	for name, p := range files {
		b.Run(name, func(b *testing.B) {
			s, err := OpenWith(p, Options{ReadOnly: true})
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			for i := 0; i < b.N; i++ {
				v, err := check(s, ctx)
				if err != nil || len(v) > 0 {
					b.Fatal(err, v)
				}
			}
		})
	}
}
