package data

import (
	"bytes"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// MakeNewerVersionFile turns the company at path into one a newer Duebook made: a
// migration this version does not know is recorded as applied.
func makeNewerVersionFile(t *testing.T, path string) int {
	t.Helper()
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	v := SchemaVersion() + 7
	if _, err := raw.Exec(`PRAGMA journal_mode=DELETE; INSERT INTO schema_migrations(version, name, applied_at) VALUES (?, ?, '2027-01-01T00:00:00Z')`,
		v, fmt.Sprintf("%04d_from_the_future.sql", v)); err != nil {
		t.Fatal(err)
	}
	return v
}

// A company file of a newer Duebook is refused at every open, read-only included, with
// a message naming the file and both schema versions, and the file is left as it was.
func TestNewerVersionRefusedAtOpen(t *testing.T) {
	s := sampleStore(t)
	path := s.Path()
	s.Close()
	v := makeNewerVersionFile(t, path)
	before, _ := os.ReadFile(path)
	want := fmt.Sprintf("%s was made by a newer version of Duebook (schema %d, this version knows %d); update Duebook to open it", path, v, SchemaVersion())
	for _, opt := range []Options{{ReadOnly: true}, {}, {Lock: true, BeforeMigrate: SnapshotBeforeMigrate}} {
		st, err := OpenExisting(path, opt)
		var nve *NewerVersionError
		if !errors.As(err, &nve) || err.Error() != want {
			if st != nil {
				st.Close()
			}
			t.Fatalf("open %+v: %v", opt, err)
		}
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Fatal("the newer file changed")
	}
	for _, side := range []string{"-wal", "-shm", "-journal", ".lock"} {
		if _, err := os.Stat(path + side); err == nil {
			t.Errorf("%s left beside the newer file", side)
		}
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(path), "backups")); err == nil {
		t.Error("a safety copy was made of a file that is not migrated")
	}
	// restore refuses it as a backup, naming it
	dest := filepath.Join(t.TempDir(), "co.duebook")
	if err := Restore(path, dest); err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("restore from a newer backup: %v", err)
	}
}
