package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// `restore` over a company reached through a symbolic link restores the real file, keeps
// the link, and names the kept file beside the real one.
func TestRestoreCommandThroughLink(t *testing.T) {
	t.Setenv("DUEBOOK_CONFIG_DIR", t.TempDir())
	dir := t.TempDir()
	real := filepath.Join(dir, "shop ü.duebook")
	hfCompany(t, real)
	backup := filepath.Join(t.TempDir(), "copy.duebook")
	if _, errs, code := run(t, hfToday, "backup", "-db", real, "-o", backup); code != 0 {
		t.Fatal(errs)
	}
	link := filepath.Join(t.TempDir(), "current.duebook")
	if err := os.Symlink(real, link); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	out, errs, code := run(t, hfToday, "restore", "-db", link, "-from", backup)
	if code != 0 {
		t.Fatalf("restore: %d %s", code, errs)
	}
	if !strings.Contains(out, "restored "+real+" (the file the link "+link+" points to)") ||
		!strings.Contains(out, "kept as "+real+".before-restore") {
		t.Fatalf("restore said %q", out)
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the link was replaced: %v", err)
	}
	hfCheck(t, link)
}

// restore's refusals read "duebook restore: …" once, a wrong option is named as the
// option (-from), and a message of several fields reads the same on every run.
func TestRestoreAndFieldMessages(t *testing.T) {
	t.Setenv("DUEBOOK_CONFIG_DIR", t.TempDir())
	db := filepath.Join(t.TempDir(), "co.duebook")
	hfCompany(t, db)
	missing := filepath.Join(t.TempDir(), "missing.duebook")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"restore", "-db", db, "-from", missing}, "duebook restore: " + missing + " does not exist: check the name and the folder\n"},
		{[]string{"restore", "-db", db, "-from", db}, "duebook restore: -from: the backup is the company file itself\n"},
	} {
		if _, errs, code := run(t, hfToday, tc.args...); code == 0 || errs != tc.want {
			t.Errorf("%q: exit %d %q, want %q", tc.args, code, errs, tc.want)
		}
	}
	var first string
	for i := 0; i < 20; i++ {
		_, errs, _ := run(t, hfToday, "promise", "-db", db, "-customer", "Hostile Test Co", "-amount", "-1", "-by", "2026-06-01")
		if i == 0 {
			first = errs
		} else if errs != first {
			t.Fatalf("the message changes between runs: %q, then %q", first, errs)
		}
	}
	if !strings.Contains(first, "-amount: must be greater than zero; -by: is before the day the promise was made") {
		t.Fatalf("promise: %q", first)
	}
}
