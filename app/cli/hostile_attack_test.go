package cli

// The hostile tester's findings on the integrated build: each test failed before its fix.

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"duebook/data"
)

// haCount counts the rows of a table in a company file.
func haCount(t *testing.T, path, table string) int {
	t.Helper()
	s, err := data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var n int
	if err := s.DB().QueryRow(`SELECT count(*) FROM ` + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// Finding: remind without -eml-dir/-letters-dir recorded e-mail and letter reminders as sent
// with no document written (issue 11: a reminder counts as sent only with its document).
func TestAttackRemindNeedsItsFolders(t *testing.T) {
	f := makeDemo(t)
	before := haCount(t, f, "reminders")
	for _, c := range []struct {
		args []string
		want []string
	}{
		{nil, []string{"-eml-dir", "-letters-dir"}},
		{[]string{"-eml-dir", t.TempDir()}, []string{"-letters-dir"}},
		{[]string{"-letters-dir", t.TempDir()}, []string{"-eml-dir"}},
	} {
		args := append([]string{"remind", "-db", f}, c.args...)
		out, errs, code := run(t, "2026-06-30", args...)
		if code == 0 {
			t.Fatalf("%v: exit 0, want a refusal:\n%s", c.args, out)
		}
		for _, w := range c.want {
			if !strings.Contains(errs, w) || !strings.Contains(errs, "nothing was recorded") {
				t.Fatalf("%v: the message does not name %s:\n%s", c.args, w, errs)
			}
		}
		if n := haCount(t, f, "reminders"); n != before {
			t.Fatalf("%v: %d reminders recorded without their documents", c.args, n-before)
		}
	}
	// the dry run says the same and changes nothing
	out, errs, code := run(t, "2026-06-30", "remind", "-db", f, "-dry-run")
	if code != 0 || !strings.Contains(out, "-eml-dir") || !strings.Contains(out, "would send") || errs != "" {
		t.Fatalf("dry run: %d\n%s", code, out)
	}
	// with both folders every reminder is written and recorded
	out, errs, code = run(t, "2026-06-30", "remind", "-db", f, "-eml-dir", t.TempDir(), "-letters-dir", t.TempDir())
	if code != 0 || haCount(t, f, "reminders") == before {
		t.Fatalf("remind with both folders: %d\n%s%s", code, out, errs)
	}
}

// Finding: invoice/statements/aging-report/monthly -o (or -csv) naming the company file or
// its WAL replaced the company by the document.
func TestAttackDocumentOverCompanyFile(t *testing.T) {
	f := makeDemo(t)
	orig, _ := os.ReadFile(f)
	for _, args := range [][]string{
		{"invoice", "-n", "INV-00001", "-o", f},
		{"statements", "-o", f + ".pdf", "-csv", f},
		{"invoice", "-n", "INV-00002", "-o", f + "-wal"},
		{"monthly", "-o", f},
	} {
		args = append(args, "-db", f)
		_, errs, code := run(t, "2026-06-30", args...)
		if code == 0 || !strings.Contains(errs, "not replaced") {
			t.Fatalf("%v: %d %s", args, code, errs)
		}
		if now, _ := os.ReadFile(f); !bytes.Equal(now, orig) {
			t.Fatalf("%v: the company file changed", args)
		}
	}
	if out, errs, code := run(t, "2026-06-30", "check", "-db", f); code != 0 {
		t.Fatalf("check: %s%s", out, errs)
	}
}
