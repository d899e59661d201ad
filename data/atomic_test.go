package data

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// A document written over the company file (invoice -o shop.duebook), its WAL or its lock
// replaced the company by a PDF; such a name is refused and nothing changes.
func TestWriteFileAtomicSparesDatabases(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "shop.duebook")
	s, err := Open(db)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	orig, _ := os.ReadFile(db)
	os.WriteFile(db+"-wal", []byte("wal"), 0o644)
	os.WriteFile(db+".lock", []byte("lock"), 0o644)
	pdf := func(w io.Writer) error { _, err := w.Write([]byte("%PDF-1.4")); return err }
	for _, p := range []string{db, db + "-wal", db + "-shm", db + ".lock", dir} {
		if err := WriteFileAtomic(p, pdf); err == nil {
			t.Errorf("%s: replaced by a document", p)
		} else if _, ok := err.(*StorageError); !ok {
			t.Errorf("%s: %T %v", p, err, err)
		}
	}
	if now, _ := os.ReadFile(db); !bytes.Equal(now, orig) {
		t.Fatal("the company file changed")
	}
	if b, _ := os.ReadFile(db + "-wal"); string(b) != "wal" {
		t.Fatal("the WAL changed")
	}
	// an ordinary file is replaced as before
	out := filepath.Join(dir, "out.pdf")
	os.WriteFile(out, []byte("old"), 0o644)
	if err := WriteFileAtomic(out, pdf); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(out); string(b) != "%PDF-1.4" {
		t.Fatalf("out.pdf: %q", b)
	}
}
