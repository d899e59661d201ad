package app

import (
	"bytes"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"duebook/data"
	"fyne.io/fyne/v2/test"
)

// The window opens exactly the file named, also with URI characters in its name, and
// refuses another program's SQLite file, an empty file and a missing one, untouched.
func TestOpenPathsAndForeignFiles(t *testing.T) {
	t.Setenv("DUEBOOK_CONFIG_DIR", t.TempDir())
	dir := t.TempDir()

	shop := filepath.Join(dir, "Shop #3 ?a=1&b=%41.duebook")
	s, err := data.Create(shop, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	ui := New(test.NewTempApp(t), Options{DB: shop})
	ui.Wait()
	if ui.Store == nil || ui.Store.ReadOnly() || ui.Store.Path() != shop {
		t.Fatalf("Shop #3 not opened: %v (modal %+v)", ui.Store, ui.Modal)
	}
	ui.Close()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if n := e.Name(); !strings.HasPrefix(n, "Shop #3 ?a=1&b=%41.duebook") && n != "backups" {
			t.Errorf("opening %q made %q", shop, n)
		}
	}

	foreign := filepath.Join(dir, "other.db")
	db, err := sql.Open("sqlite", foreign)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`CREATE TABLE notes(t TEXT); INSERT INTO notes VALUES ('mine')`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	empty := filepath.Join(dir, "empty.duebook")
	os.WriteFile(empty, nil, 0o644)
	for _, c := range []struct{ path, want string }{
		{foreign, "other.db is not a Duebook company file: it is an SQLite database of another program"},
		{empty, "empty.duebook is not a Duebook company file: the file is empty (0 bytes)"},
		{filepath.Join(dir, "missing.duebook"), "missing.duebook does not exist"},
	} {
		before, _ := os.ReadFile(c.path)
		ui := New(test.NewTempApp(t), Options{DB: c.path})
		ui.Wait()
		if ui.Store != nil {
			t.Errorf("%s was opened", c.path)
		}
		if ui.Start == nil || ui.Modal == nil || ui.Modal.Title != "Error" || !strings.Contains(ui.Modal.Message.Text, c.want) {
			t.Errorf("%s: start %v, modal %+v", c.path, ui.Start != nil, ui.Modal)
		} else if !strings.Contains(ui.Modal.Message.Text, c.path) {
			t.Errorf("the message does not name the path: %q", ui.Modal.Message.Text)
		}
		after, _ := os.ReadFile(c.path)
		if !bytes.Equal(before, after) {
			t.Errorf("%s changed", c.path)
		}
		if _, err := os.Stat(data.LockPath(c.path)); err == nil {
			t.Errorf("%s: a lock file was left", c.path)
		}
		ui.Close()
	}
	if _, err := os.Stat(filepath.Join(dir, "missing.duebook")); err == nil {
		t.Error("opening a missing file made it")
	}
}
