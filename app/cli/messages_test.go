package cli

import (
	"os"
	"path/filepath"
	"testing"
)

// Refusals of the file commands name the file and say why in words, once prefixed:
// "x.csv is empty" (was "file: is empty"), a missing CSV (was "open …: no such file or
// directory"), a month not begun (named as -month), an export or a backup through a file
// (was "mkdir …: not a directory", "backup: backup: …").
func TestFileCommandMessages(t *testing.T) {
	t.Setenv("DUEBOOK_CONFIG_DIR", t.TempDir())
	dir := t.TempDir()
	db := filepath.Join(dir, "co.duebook")
	hfCompany(t, db)
	work := t.TempDir()
	empty := hfCSV(work, "empty.csv", "")
	header := hfCSV(work, "header.csv", "name,email\n")
	missing := filepath.Join(work, "missing.csv")
	file := hfCSV(work, "notes.txt", "mine\n")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"import", "customers", empty, "-db", db}, "duebook import: " + empty + " is empty\n"},
		{[]string{"import", "customers", empty, "-db", db, "-dry-run"}, "duebook import: " + empty + " is empty\n"},
		{[]string{"import", "customers", header, "-db", db}, "duebook import: " + header + " has a header row but no data rows; nothing was imported\n"},
		{[]string{"import", "customers", missing, "-db", db}, "duebook import: " + missing + " does not exist (check the name and the folder)\n"},
		{[]string{"monthly", "-db", db, "-o", filepath.Join(work, "m.pdf"), "-month", "2026-08"}, "duebook monthly: -month: August 2026 has not begun yet (today is 30 Jun 2026)\n"},
		{[]string{"export", "-db", db, filepath.Join(file, "out")}, "duebook export: " + file + " cannot be used: " + file + " is a file, not a folder\n"},
		{[]string{"backup", "-db", db, "-o", filepath.Join(file, "b.duebook")}, "duebook backup: " + filepath.Join(file, "b.duebook") + " cannot be used: " + file + " is a file, not a folder\n"},
	} {
		before := hfState(t, dir)
		if _, errs, code := run(t, hfToday, tc.args...); code == 0 || errs != tc.want {
			t.Errorf("%q: exit %d\n got %q\nwant %q", tc.args[:2], code, errs, tc.want)
		}
		if d := hfDiff(before, hfState(t, dir)); d != "" {
			t.Errorf("%q changed the company's folder: %s", tc.args[:2], d)
		}
	}
	if _, err := os.Stat(filepath.Join(work, "m.pdf")); err == nil {
		t.Error("a monthly report of a month not begun was written")
	}
}
