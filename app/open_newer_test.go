package app

import (
	"bytes"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"duebook/data"
	"fyne.io/fyne/v2/test"
)

// The window refuses a company file made by a newer Duebook, writable or read-only,
// saying so, and leaves it as it was.
func TestOpenNewerVersionFile(t *testing.T) {
	t.Setenv("DUEBOOK_CONFIG_DIR", t.TempDir())
	path := filepath.Join(t.TempDir(), "newer.duebook")
	s, err := data.Create(path, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	v := data.SchemaVersion() + 1
	if _, err := raw.Exec(`PRAGMA journal_mode=DELETE; INSERT INTO schema_migrations(version, name, applied_at) VALUES (?, ?, 'x')`, v, fmt.Sprintf("%04d_next.sql", v)); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	before, _ := os.ReadFile(path)
	want := fmt.Sprintf("made by a newer version of Duebook (schema %d, this version knows %d); update Duebook to open it", v, data.SchemaVersion())
	for _, ro := range []bool{false, true} {
		ui := New(test.NewTempApp(t), Options{DB: path})
		ui.Wait()
		if ro { // as the window opens a file another Duebook has, or on a read-only disk
			ui.Modal = nil
			ui.openFile(path, data.Options{ReadOnly: true})
			ui.Wait()
		}
		if ui.Store != nil {
			t.Fatalf("read-only %v: the newer file was opened", ro)
		}
		if ui.Modal == nil || !strings.Contains(ui.Modal.Message.Text, want) {
			t.Fatalf("read-only %v: modal %+v", ro, ui.Modal)
		}
		ui.Close()
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Fatal("the newer file changed")
	}
	if _, err := os.Stat(data.LockPath(path)); err == nil {
		t.Fatal("a lock file was left")
	}
}
