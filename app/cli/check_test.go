package cli

import (
	"strings"
	"testing"

	"duebook/data"
)

// check -full (integrity_check) and check (quick_check) agree on a healthy and on a broken
// company, print one line per violation and exit 1 on the broken one.
func TestCheckFull(t *testing.T) {
	f := makeDemo(t)
	for _, args := range [][]string{{"check", "-db", f}, {"check", "-full", "-db", f}} {
		if out, errs, code := run(t, "2026-06-30", args...); code != 0 || strings.TrimSpace(out) != "ok" {
			t.Fatalf("%v: %d %q %s", args, code, out, errs)
		}
	}
	s, err := data.Open(f)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.WriterDB().Exec(`UPDATE invoices SET open_amount = open_amount - 1 WHERE id = (SELECT min(id) FROM invoices WHERE status = 'posted' AND open_amount > 0)`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	var outs []string
	for _, args := range [][]string{{"check", "-db", f}, {"check", "-full", "-db", f}} {
		out, errs, code := run(t, "2026-06-30", args...)
		if code != 1 || !strings.HasPrefix(out, "invoice open balance does not match total − allocations − credits − write-offs: INV-") ||
			!strings.Contains(errs, "violation") {
			t.Fatalf("%v after corruption: %d %q %q", args, code, out, errs)
		}
		outs = append(outs, out)
	}
	if outs[0] != outs[1] {
		t.Errorf("check and check -full differ:\n%s\n%s", outs[0], outs[1])
	}
}
