package data

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// dirNames lists the names in dir, sorted.
func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	sort.Strings(out)
	return out
}

// A path with URI characters opens exactly that file: nothing else appears in the folder,
// and what is written is read back from the same file (also by a backup of it).
func TestOpenExactPathWithURICharacters(t *testing.T) {
	for _, name := range []string{"Shop #3.duebook", "a?b=1&c=2.duebook", "100% sure.duebook", "%41%42.duebook",
		"file:x.duebook", "Bäckerei Müller ☕.duebook", "semi;colon 'quote\".duebook"} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, name)
			s, err := Create(path, Options{})
			if err != nil {
				t.Fatal(err)
			}
			mkCustomer(t, s, "Exact", 30)
			s.Close()
			if got := dirNames(t, dir); len(got) != 1 || got[0] != name {
				t.Fatalf("folder holds %q, want only %q", got, name)
			}
			ro, err := OpenExisting(path, Options{ReadOnly: true})
			if err != nil {
				t.Fatal(err)
			}
			defer ro.Close()
			cs, err := ro.Customers(ctx, CustomerFilter{})
			if err != nil || len(cs) != 1 || cs[0].Name != "Exact" {
				t.Fatalf("read back %v %v", cs, err)
			}
			dest := filepath.Join(t.TempDir(), "copy of "+name)
			if err := ro.Backup(ctx, dest); err != nil {
				t.Fatal(err)
			}
			if got := dirNames(t, filepath.Dir(dest)); len(got) != 1 || got[0] != filepath.Base(dest) {
				t.Fatalf("backup folder holds %q", got)
			}
			checkFile(t, dest)
			// Relative paths too (the working folder is the file's).
			wd, _ := os.Getwd()
			os.Chdir(dir)
			defer os.Chdir(wd)
			rel, err := OpenExisting(name, Options{})
			if err != nil {
				t.Fatal(err)
			}
			rel.Close()
		})
	}
}

// foreignFiles makes files that are not Duebook's: name -> the reason the refusal gives.
func foreignFiles(t *testing.T, dir string) map[string]string {
	t.Helper()
	mk := func(name string, stmts ...string) string {
		p := filepath.Join(dir, name)
		db, err := sql.Open("sqlite", sqliteURI(p, ""))
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		for _, q := range stmts {
			if _, err := db.Exec(q); err != nil {
				t.Fatal(q, err)
			}
		}
		return p
	}
	out := map[string]string{
		mk("other.sqlite", `CREATE TABLE notes(t TEXT)`, `INSERT INTO notes VALUES ('mine')`): "it is an SQLite database of another program",
		mk("marked.sqlite", `PRAGMA application_id = 1196444487`, `CREATE TABLE x(y)`):        "it is the database of another program (SQLite application id 0x47504B47)",
		mk("rails.sqlite3", `CREATE TABLE schema_migrations (version varchar NOT NULL PRIMARY KEY)`,
			`INSERT INTO schema_migrations VALUES ('20200101000000')`): "it is an SQLite database of another program",
		mk("migrate.db", `CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`,
			`INSERT INTO schema_migrations VALUES (1, '0001_init.up.sql', 'x')`): "it is an SQLite database of another program",
		mk("wal.sqlite", `PRAGMA journal_mode=WAL`, `CREATE TABLE t(x)`): "it is an SQLite database of another program",
		mk("blank.sqlite", `PRAGMA user_version = 1`):                    "it is an SQLite database of another program",
	}
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	out[write("empty.duebook", nil)] = "the file is empty (0 bytes)"
	out[write("notes.duebook", []byte("customer,amount\nAcme,12.00\n"))] = "it is not an SQLite database"
	out[write("short.duebook", []byte("SQLite format 3\x00"))] = "it is not an SQLite database"
	os.Mkdir(filepath.Join(dir, "folder.duebook"), 0o755)
	out[filepath.Join(dir, "folder.duebook")] = "it is a folder"
	return out
}

// Files that are not Duebook's are refused, read-only or not, with a message naming the
// file and why, and they are left byte for byte as they were, with no side files.
func TestForeignFilesRefusedUntouched(t *testing.T) {
	dir := t.TempDir()
	files := foreignFiles(t, dir)
	before := map[string][]byte{}
	for p := range files {
		before[p], _ = os.ReadFile(p)
	}
	names := dirNames(t, dir)
	for p, why := range files {
		for _, opt := range []Options{{}, {ReadOnly: true}, {Lock: true}} {
			for _, open := range []func(string, Options) (*Store, error){OpenExisting, OpenWith} {
				s, err := open(p, opt)
				if err == nil {
					s.Close()
					t.Fatalf("%s opened (%+v)", p, opt)
				}
				var nce *NotCompanyError
				want := p + " is not a Duebook company file: " + why
				if !errors.As(err, &nce) || err.Error() != want {
					t.Errorf("%s: %v\nwant %s", p, err, want)
				}
				if got, _ := os.ReadFile(p); !bytes.Equal(got, before[p]) {
					t.Fatalf("%s was changed", p)
				}
			}
		}
	}
	if got := dirNames(t, dir); strings.Join(got, "|") != strings.Join(names, "|") {
		t.Fatalf("files appeared: %q, were %q", got, names)
	}
	if _, err := OpenExisting(filepath.Join(dir, "missing.duebook"), Options{}); err == nil || !errors.Is(err, ErrNoFile) ||
		!strings.Contains(err.Error(), "missing.duebook does not exist") {
		t.Fatalf("missing file: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "missing.duebook")); err == nil {
		t.Fatal("opening a missing file made it")
	}
}

func headerAppID(t *testing.T, path string) uint32 {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil || len(b) < 100 {
		t.Fatalf("header of %s: %v", path, err)
	}
	return binary.BigEndian.Uint32(b[68:72])
}

// A new company is marked with AppID; a company of an earlier Duebook (no id) opens,
// unchanged read-only, and gets the id on its first writer open.
func TestApplicationIDMarkAndAdoption(t *testing.T) {
	path := filepath.Join(t.TempDir(), "co.duebook")
	s, err := Create(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	mkCustomer(t, s, "Old Customer", 30)
	s.Close()
	if id := headerAppID(t, path); id != AppID {
		t.Fatalf("new company id %#x", id)
	}
	// Make it look like a file of an earlier version: id 0, rollback journal.
	db, err := sql.Open("sqlite", sqliteURI(path, ""))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`PRAGMA journal_mode=DELETE; PRAGMA application_id = 0`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	old, _ := os.ReadFile(path)
	ro, err := OpenExisting(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	ro.Close()
	if now, _ := os.ReadFile(path); !bytes.Equal(now, old) {
		t.Fatal("a read-only open changed the file")
	}
	w, err := OpenExisting(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if cs, _ := w.Customers(ctx, CustomerFilter{}); len(cs) != 1 {
		t.Fatalf("adopted file lost its customers: %v", cs)
	}
	w.Close()
	if id := headerAppID(t, path); id != AppID {
		t.Fatalf("adopted id %#x", id)
	}
	// Create never replaces anything.
	if _, err := Create(path, Options{}); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Fatalf("create over a company: %v", err)
	}
	checkFile(t, path)
}

// MakeCompany leaves nothing behind when filling fails, and never replaces a file unless
// told to.
func TestMakeCompanyWholeOrNothing(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "new.duebook")
	boom := errors.New("stopped half way")
	err := MakeCompany(ctx, path, Options{}, false, func(_ context.Context, s *Store) error {
		mkCustomer(t, s, "Half", 30)
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("error %v", err)
	}
	if got := dirNames(t, dir); len(got) != 0 {
		t.Fatalf("left behind %q", got)
	}
	if err := MakeCompany(ctx, path, Options{}, false, func(_ context.Context, s *Store) error {
		mkCustomer(t, s, "Whole", 30)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if got := dirNames(t, dir); len(got) != 1 || got[0] != "new.duebook" {
		t.Fatalf("folder %q", got)
	}
	if err := MakeCompany(ctx, path, Options{}, false, nil); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Fatalf("made over an existing company: %v", err)
	}
	if c := counts(t, path); c[0] != 1 {
		t.Fatalf("counts %v", c)
	}
}

// A full disk (SQLite's own SQLITE_FULL, forced with max_page_count on the writer
// connection) is reported as a full disk naming the file, also in the middle of an import
// whose row savepoints SQLite may have rolled back, and nothing is half-saved.
func TestFullDiskIsSaidAndNothingHalfSaved(t *testing.T) {
	s := newStore(t, "2026-06-30")
	mkCustomer(t, s, "Before", 30)
	var pages int
	if err := s.WriterDB().QueryRow(`PRAGMA page_count`).Scan(&pages); err != nil {
		t.Fatal(err)
	}
	if _, err := s.WriterDB().Exec(fmt.Sprintf(`PRAGMA max_page_count = %d`, pages+2)); err != nil {
		t.Fatal(err)
	}
	var csv strings.Builder
	csv.WriteString("name,email,notes\n")
	for i := 0; i < 400; i++ {
		fmt.Fprintf(&csv, "Customer %d,c%d@example.com,%s\n", i, i, strings.Repeat("n", 300))
	}
	rep, err := s.ImportCSV(ctx, ImportCustomers, strings.NewReader(csv.String()), ImportOptions{NoSnapshot: true})
	want := "the disk holding " + s.Path() + " is full: nothing was saved; free some space and try again"
	var se *StorageError
	if err == nil || !errors.As(err, &se) || err.Error() != want {
		t.Fatalf("import on a full disk: %v (report %+v)\nwant %s", err, rep, want)
	}
	err = s.Update(ctx, func(tx *Tx) error {
		for i := 0; i < 400; i++ {
			c := &Customer{Name: fmt.Sprintf("Direct %d", i), Emails: []string{"d@example.com"}, Notes: strings.Repeat("x", 300)}
			tx.CreateCustomer(c) // errors ignored on purpose: the failure must still not commit
		}
		return nil
	})
	if err == nil || err.Error() != want {
		t.Fatalf("update that ignores the failure: %v", err)
	}
	s.WriterDB().Exec(`PRAGMA max_page_count = 1073741823`)
	cs, err := s.Customers(ctx, CustomerFilter{})
	if err != nil || len(cs) != 1 || cs[0].Name != "Before" {
		t.Fatalf("after the full disk: %d customers %v", len(cs), err)
	}
	mustCheck(t, s)
}
