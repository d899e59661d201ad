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
