package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// demo says in words why it cannot make the file where it is told to: a folder that
// does not exist (naming the first missing one), a file where a folder should be, a
// name too long for the file system, a folder as -o, another program's file. A long name
// that the file system allows works (its temporary file used to be too long).
func TestDemoTargetMessages(t *testing.T) {
	t.Setenv("DUEBOOK_CONFIG_DIR", t.TempDir())
	dir := t.TempDir()
	file := filepath.Join(dir, "notes.txt")
	os.WriteFile(file, []byte("mine\n"), 0o644)
	long := strings.Repeat("é", 100) + ".duebook" // 208 bytes: allowed
	tooLong := strings.Repeat("é", 130) + ".duebook"
	for _, tc := range []struct{ out, want string }{
		{filepath.Join(dir, "missing", "deeper", "x.duebook"), "cannot be made: the folder " + filepath.Join(dir, "missing") + " does not exist"},
		{filepath.Join(file, "x.duebook"), "cannot be made: " + file + " is a file, not a folder"},
		{filepath.Join(file, "a", "x.duebook"), "cannot be made: " + file + " is a file, not a folder"},
		{filepath.Join(dir, tooLong), "cannot be made: its name is too long for the file system"},
		{dir, dir + " is a folder; name the company file to make in it"},
		{file, file + " exists and is not replaced: " + file + " is not a Duebook company file: it is not an SQLite database"},
	} {
		before := hfState(t, dir)
		_, errs, code := run(t, hfToday, "demo", "-o", tc.out, "-customers", "2", "-invoices", "3")
		if code == 0 || !strings.Contains(errs, tc.want) || strings.Contains(errs, "duebook-tmp") || strings.Count(errs, "\n") != 1 {
			t.Errorf("demo -o %q: exit %d %q; want %q", tc.out, code, errs, tc.want)
		}
		if d := hfDiff(before, hfState(t, dir)); d != "" {
			t.Errorf("demo -o %q changed the folder: %s", tc.out, d)
		}
	}
	out := filepath.Join(dir, long)
	if o, errs, code := run(t, hfToday, "demo", "-o", out, "-customers", "2", "-invoices", "3"); code != 0 {
		t.Fatalf("demo -o with a long name: %s %s", o, errs)
	}
	hfCheck(t, out)
}
