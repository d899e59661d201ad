package data

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// backup -o other.duebook replaced another company's file while a program was writing it,
// and the file was left damaged. The destination's lock is taken for the swap; a WAL left
// beside the replaced file goes with it and never gets into the new copy.
func TestBackupOverAnotherCompany(t *testing.T) {
	dir := t.TempDir()
	src := newStore(t, "2026-03-01")
	mkCustomer(t, src, "Source Co", 30)
	other := filepath.Join(dir, "other.duebook")
	o, err := Open(other)
	if err != nil {
		t.Fatal(err)
	}
	mkCustomer(t, o, "Other Co", 30)
	// another program holds the other company: it is not replaced
	lock, err := AcquireLock(other)
	if err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(other)
	if err := src.Backup(ctx, other); err == nil {
		t.Fatal("the backup replaced a company file another program has open")
	}
	if now, _ := os.ReadFile(other); !bytes.Equal(now, before) {
		t.Fatal("the other company changed")
	}
	lock.Release()
	// a WAL with frames for the old file, left behind by a program that was killed
	mkCustomer(t, o, "Written Late", 30)
	wal, err := os.ReadFile(other + "-wal")
	if err != nil || len(wal) == 0 {
		t.Fatalf("no WAL to leave behind: %v", err)
	}
	o.Close()
	if err := os.WriteFile(other+"-wal", wal, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := src.Backup(ctx, other); err != nil {
		t.Fatal(err)
	}
	b, err := Open(other) // for writing: WAL mode, where a stale WAL would be replayed
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	mustCheck(t, b)
	cs, err := b.Customers(ctx, CustomerFilter{})
	if err != nil || len(cs) != 1 || cs[0].Name != "Source Co" {
		t.Fatalf("the copy holds %+v (%v)", cs, err)
	}
}
