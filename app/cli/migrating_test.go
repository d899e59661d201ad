package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"duebook/data"
	"duebook/data/datatest"
)

// A command that writes to a file of an earlier Duebook says that it updates the file,
// where the safety copy goes, and each stage as it comes; a read-only command says nothing
// (it does not update the file), and a second writer finds nothing left to do.
func TestCommandShowsUpdateProgress(t *testing.T) {
	f := makeDemo(t)
	datatest.AsBefore16(t, f)
	if _, errs, code := run(t, "2026-06-30", "aging", "-db", f); code != 0 || errs != "" {
		t.Fatalf("aging: %d %q", code, errs)
	}
	_, errs, code := run(t, "2026-06-30", "contact", "-db", f, "-customer", "#1", "-kind", "note", "-outcome", "called")
	if code != 0 {
		t.Fatalf("contact: %d %s", code, errs)
	}
	for _, want := range []string{
		"demo.duebook was written by an earlier Duebook; updating it (a safety copy goes to " + filepath.Join(filepath.Dir(f), "backups") + " first)",
		"duebook: making a safety copy: 100 %",
		"duebook: checking the safety copy…", fmt.Sprintf("duebook: updating the company file: step 1 of %d", data.SchemaVersion()-15),
	} {
		if !strings.Contains(errs, want+"\n") {
			t.Errorf("no %q in:\n%s", want, errs)
		}
	}
	if n := strings.Count(errs, "\n"); n > 9 {
		t.Errorf("%d lines of progress:\n%s", n, errs)
	}
	snaps, _ := filepath.Glob(filepath.Join(filepath.Dir(f), "backups", "demo-pre-migrate-*.duebook"))
	if len(snaps) != 1 {
		t.Fatalf("safety copies %v", snaps)
	}
	if _, err := os.Stat(snaps[0]); err != nil {
		t.Fatal(err)
	}
	if _, errs, code := run(t, "2026-06-30", "contact", "-db", f, "-customer", "#1", "-kind", "note", "-outcome", "again"); code != 0 || errs != "" {
		t.Fatalf("second contact: %d %q", code, errs)
	}
	if out, errs, code := run(t, "2026-06-30", "check", "-db", f); code != 0 || strings.TrimSpace(out) != "ok" {
		t.Fatalf("check: %d %q %s", code, out, errs)
	}
}
