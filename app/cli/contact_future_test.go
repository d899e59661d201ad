package cli

import (
	"strings"
	"testing"
)

// `contact -date` after today is refused naming the option; today and earlier work.
func TestContactDateNotInTheFuture(t *testing.T) {
	t.Setenv("DUEBOOK_CONFIG_DIR", t.TempDir())
	db := t.TempDir() + "/co.duebook"
	hfCompany(t, db)
	for _, tc := range []struct{ date, want string }{
		{"2026-07-01", "-date: 2026-07-01 is after today (2026-06-30)"},
		{"2999-01-01", "-date: 2999-01-01 is not a plausible date"},
		{"2100-01-01", "-date: 2100-01-01 is after today (2026-06-30)"},
		{"2026-02-30", `-date: "2026-02-30" is not a date`},
		{"0000-00-00", `-date: "0000-00-00" is not a date`},
	} {
		_, errs, code := run(t, hfToday, "contact", "-db", db, "-customer", "Hostile Test Co", "-kind", "call", "-outcome", "rang", "-date", tc.date)
		if code != 2 || !strings.Contains(errs, tc.want) {
			t.Errorf("-date %s: exit %d %q; want %q", tc.date, code, errs, tc.want)
		}
	}
	if out, errs, code := run(t, hfToday, "contact", "-db", db, "-customer", "Hostile Test Co", "-kind", "call", "-outcome", "rang", "-date", hfToday); code != 0 {
		t.Fatalf("today: %s %s", out, errs)
	}
	hfCheck(t, db)
}
