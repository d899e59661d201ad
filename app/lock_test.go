package app

import (
	"context"
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

// Closing the window makes the day's automatic backup beside the company file, and the
// backup opens as a healthy company file.
func TestBackupOnClose(t *testing.T) {
	t.Setenv("DUEBOOK_CONFIG_DIR", t.TempDir())
	path := filepath.Join(t.TempDir(), "co.duebook")
	s, err := data.Create(path, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	ui := New(test.NewTempApp(t), Options{DB: path})
	ui.Wait()
	if ui.Store == nil {
		t.Fatal("not opened")
	}
	c := &data.Customer{Name: "Acme", Emails: []string{"a@acme.example"}}
	if err := ui.Store.CreateCustomer(context.Background(), c); err != nil {
		t.Fatal(err)
	}
	ui.Close()                                                                         // what the window's close runs
	files, _ := filepath.Glob(filepath.Join(data.BackupDir(path), "co-*-20*.duebook")) // the first of a month is the monthly one
	if len(files) != 1 {
		all, _ := filepath.Glob(filepath.Join(filepath.Dir(path), "*", "*"))
		t.Fatalf("backups after close: %v (dir has %v)", files, all)
	}
	b, err := data.OpenWith(files[0], data.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	cs, _ := b.Customers(context.Background(), data.CustomerFilter{})
	if v, _ := b.Check(context.Background()); len(v) > 0 || len(cs) != 1 {
		t.Fatalf("backup: %d customers, check %v", len(cs), v)
	}
}
