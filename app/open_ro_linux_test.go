package app

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"duebook/data"
	"fyne.io/fyne/v2/test"
)

// readOnlyCompanyDir gives a folder that cannot be written holding a company file
// co.duebook: a tmpfs remounted read-only as root (where permissions do not stop writes),
// permissions otherwise.
func readOnlyCompanyDir(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "disk")
	os.Mkdir(dir, 0o755)
	root := os.Geteuid() == 0
	if root {
		if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, fmt.Sprintf("size=%d", 16<<20)); err != nil {
			t.Skipf("cannot mount a tmpfs: %v", err)
		}
		t.Cleanup(func() { syscall.Unmount(dir, syscall.MNT_DETACH) })
	}
	s, err := data.Create(filepath.Join(dir, "co.duebook"), data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if root {
		if err := syscall.Mount("", dir, "", syscall.MS_REMOUNT|syscall.MS_RDONLY, ""); err != nil {
			t.Skipf("cannot remount read-only: %v", err)
		}
	} else {
		os.Chmod(filepath.Join(dir, "co.duebook"), 0o444)
		os.Chmod(dir, 0o555)
		t.Cleanup(func() { os.Chmod(dir, 0o755) })
	}
	return dir
}

// A company on a read-only disk opens read-only in the window, which says which file
// cannot be changed and why (issue 11: "attempt to write a readonly database (8)").
func TestOpenReadOnlyDisk(t *testing.T) {
	t.Setenv("DUEBOOK_CONFIG_DIR", t.TempDir())
	path := filepath.Join(readOnlyCompanyDir(t), "co.duebook")
	ui := New(test.NewTempApp(t), Options{DB: path})
	ui.Wait()
	defer ui.Close()
	if ui.Store == nil || !ui.Store.ReadOnly() {
		t.Fatalf("not opened read-only: %v", ui.Store)
	}
	if ui.Modal == nil || !strings.Contains(ui.Modal.Message.Text, "opened read-only: "+path+" cannot be changed: the file is read-only") {
		t.Fatalf("message %+v", ui.Modal)
	}
	for _, raw := range []string{"(8)", "(1544)", "readonly database"} {
		if strings.Contains(ui.Modal.Message.Text, raw) {
			t.Errorf("raw SQLite text %q in %q", raw, ui.Modal.Message.Text)
		}
	}
}
