package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// `import -dry-run` reports what the import would do and never writes a byte of the
// company: the file is unchanged and no -wal, -shm or lock file appears beside it, on a
// writable file as on a read-only one (TestHostileReadOnly runs it on a read-only disk).
func TestImportDryRunWritesNothing(t *testing.T) {
	t.Setenv("DUEBOOK_CONFIG_DIR", t.TempDir())
	dir := t.TempDir()
	db := filepath.Join(dir, "co.duebook")
	hfCompany(t, db)
	for _, side := range []string{"-wal", "-shm", ".lock"} {
		if _, err := os.Lstat(db + side); err == nil {
			t.Fatalf("%s exists before the dry run", side)
		}
	}
	csvFile := hfCSV(t.TempDir(), "new.csv", "name,email,terms\nDry Run Ünïcode 株式会社,dry@example.com,30\n")
	before := hfState(t, dir)
	out, errs, code := run(t, hfToday, "import", "customers", csvFile, "-db", db, "-dry-run")
	if code != 0 || !strings.Contains(out, "dry run: 1 of 1 row(s) would be imported as customer; nothing was changed") {
		t.Fatalf("dry run: exit %d %q %s", code, out, errs)
	}
	if d := hfDiff(before, hfState(t, dir)); d != "" {
		t.Fatalf("the dry run wrote to the company's folder: %s", d)
	}
	// a bad row is reported the same way as by the import itself
	bad := hfCSV(t.TempDir(), "bad.csv", "name,email,terms\nHostile Test Co,x@example.com,abc\n")
	out, _, code = run(t, hfToday, "import", "customers", bad, "-db", db, "-dry-run")
	if code != 1 || !strings.Contains(out, "row 2") {
		t.Fatalf("bad dry run: exit %d %q", code, out)
	}
	if d := hfDiff(before, hfState(t, dir)); d != "" {
		t.Fatalf("the dry run wrote to the company's folder: %s", d)
	}
	// no scratch copy is left behind
	left, _ := filepath.Glob(filepath.Join(os.TempDir(), ".co.duebook.duebook-tmp-dryrun-*"))
	if len(left) > 0 {
		t.Fatalf("scratch copies left: %v", left)
	}
}
