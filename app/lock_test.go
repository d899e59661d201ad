package app

import (
	"path/filepath"
	"testing"

	"duebook/data"
	"fyne.io/fyne/v2/test"
)

// Opening a company file another Duebook holds asks what to do; "Open read-only" opens it
// without writes, and closing the window releases our own lock for the next program.
func TestOpenLockedFile(t *testing.T) {
	t.Setenv("DUEBOOK_CONFIG_DIR", t.TempDir())
	path := filepath.Join(t.TempDir(), "co.duebook")
	s, err := data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	held, err := data.AcquireLock(path) // this process is alive: the lock is not stale
	if err != nil {
		t.Fatal(err)
	}
	ui := New(test.NewTempApp(t), Options{DB: path})
	ui.Wait()
	if ui.Modal == nil || ui.Modal.Title != "Company file in use" || ui.Store != nil {
		t.Fatalf("expected the lock question, got modal %+v store %v", ui.Modal, ui.Store)
	}
	tap(t, ui.Modal.Buttons[0]) // Open read-only
	ui.Wait()
	if ui.Store == nil || !ui.Store.ReadOnly() {
		t.Fatalf("not opened read-only: %v", ui.Store)
	}
	ui.Win.Close()
	held.Release()

	// Now nobody holds it: we take the lock, and a second program is refused until we close.
	ui2 := New(test.NewTempApp(t), Options{DB: path})
	ui2.Wait()
	if ui2.Store == nil || ui2.Store.ReadOnly() {
		t.Fatalf("free file not opened for writing")
	}
	if _, err := data.AcquireLock(path); err == nil {
		t.Fatal("a second program got the lock of an open file")
	}
	ui2.Win.Close()
	l, err := data.AcquireLock(path)
	if err != nil {
		t.Fatalf("lock not released on close: %v", err)
	}
	l.Release()
}
