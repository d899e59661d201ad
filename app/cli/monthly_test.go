package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// `monthly` without -month reports the last complete month; the running month, when asked
// for, is month to date and says so.
func TestMonthlyDefaultsToLastCompleteMonth(t *testing.T) {
	f := makeDemo(t)
	pdf := filepath.Join(t.TempDir(), "m.pdf")
	out, errs, code := run(t, "2026-07-01", "monthly", "-db", f, "-o", pdf)
	if code != 0 || !strings.HasPrefix(out, pdf+": 2026-06 closing A/R") {
		t.Fatalf("default month on 2026-07-01: %d %q %s", code, out, errs)
	}
	hnPDF(t, pdf)
	out, errs, code = run(t, "2026-07-01", "monthly", "-db", f, "-o", pdf, "-month", "2026-07")
	if code != 0 || !strings.HasPrefix(out, pdf+": 2026-07 (month to date, 2026-07-01) closing A/R") || strings.Contains(out, "WARNING") {
		t.Fatalf("running month: %d %q %s", code, out, errs)
	}
	out, errs, code = run(t, "2026-07-01", "monthly", "-db", f, "-o", pdf, "-month", "2026-08")
	if code == 0 || !strings.Contains(errs, "has not begun") {
		t.Fatalf("future month: %d %q %s", code, out, errs)
	}
}
