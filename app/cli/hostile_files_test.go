package cli

import (
	"bufio"
	"context"
	"crypto/sha256"
	"database/sql"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"

	"duebook/data"
	"duebook/data/datatest"
)

// The hostile company-file corpus (testdata/hostile/files, see its README): names with
// URI characters, other programs' files, a held lock, read-only and full disks, leftovers
// of killed backups. Every case runs the real command through Run.

const hfToday = "2026-06-30"

func hfCorpus(name string) string { return filepath.Join("testdata", "hostile", "files", name) }

// hfCompany makes a small company at path with `demo`, plus one customer with an overdue
// invoice the commands can name; it returns that invoice's number.
func hfCompany(t *testing.T, path string) string {
	t.Helper()
	if out, errs, code := run(t, "", "demo", "-o", path, "-customers", "6", "-invoices", "60", "-seed", "3", "-today", hfToday); code != 0 {
		t.Fatalf("demo -o %q: %s %s", path, out, errs)
	}
	s, err := data.OpenExisting(path, data.Options{Clock: data.FixedClock{Day: data.MustDate(hfToday)}})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	c := &data.Customer{Name: "Hostile Test Co", Emails: []string{"ap@hostile.example"}, TermsDays: 30}
	if err := s.CreateCustomer(context.Background(), c); err != nil {
		t.Fatal(err)
	}
	inv := datatest.Post(t, s, &data.Invoice{CustomerID: c.ID, IssueDate: data.MustDate("2026-04-01"),
		Lines: []data.InvoiceLine{{Description: "Work", QtyMilli: 1000, UnitPrice: 123456}}})
	return inv.Number
}

// hfState is what a folder holds: each file's name (one level of sub-folders) and a hash of
// its content.
func hfState(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || p == dir {
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		if d.IsDir() {
			out[rel+"/"] = "dir"
			return nil
		}
		if !d.Type().IsRegular() {
			out[rel] = "special " + d.Type().String() // a pipe: never read it
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			out[rel] = "unreadable: " + err.Error()
			return nil
		}
		out[rel] = fmt.Sprintf("%x", sha256.Sum256(b))
		return nil
	})
	return out
}

func hfDiff(before, after map[string]string) string {
	var d []string
	for k, v := range before {
		if w, ok := after[k]; !ok {
			d = append(d, "removed "+k)
		} else if w != v {
			d = append(d, "changed "+k)
		}
	}
	for k := range after {
		if _, ok := before[k]; !ok {
			d = append(d, "added "+k)
		}
	}
	sort.Strings(d)
	return strings.Join(d, ", ")
}

// hfCheck runs `check` on the company and fails unless it says ok.
func hfCheck(t *testing.T, path string) {
	t.Helper()
	out, errs, code := run(t, hfToday, "check", "-db", path)
	if code != 0 || strings.TrimSpace(out) != "ok" {
		t.Fatalf("check %s: exit %d %q %s", path, code, out, errs)
	}
}

// hfAgingTotal is the TOTAL row of `aging -format csv`.
func hfAgingTotal(t *testing.T, path string) string {
	t.Helper()
	out, errs, code := run(t, hfToday, "aging", "-db", path, "-format", "csv")
	if code != 0 {
		t.Fatalf("aging %s: %s", path, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	return lines[len(lines)-1]
}

// hfWriters are the commands that change the company file, as run on db (inv: an open
// invoice number; dir: a folder for their other files).
func hfWriters(db, inv, dir string) [][]string {
	csvFile := hfCSV(dir, "new customers.csv", "name,email,terms\nNew Hostile One,one@hostile.example,30\n")
	return [][]string{
		{"contact", "-db", db, "-customer", "Hostile Test Co", "-kind", "call", "-outcome", "left a message"},
		{"promise", "-db", db, "-customer", "Hostile Test Co", "-amount", "100.00", "-by", "2026-07-10"},
		{"dispute", "-db", db, "-invoice", inv, "-reason", "wrong quantity"},
		{"late-reason", "-db", db, "-invoice", inv, "-reason", "forgot"},
		{"schedule", "-db", db, "-set", "-7:friendly,3:reminder,14:firm,30:final"},
		{"remind", "-db", db, "-as-of", hfToday, "-eml-dir", filepath.Join(dir, "eml")},
		{"mail-account", "-db", db, "-host", "imap.hostile.example", "-user", "ap@hostile.example"},
		{"import", "customers", csvFile, "-db", db},
	}
}

func hfCSV(dir, name, text string) string {
	p := filepath.Join(dir, name)
	os.WriteFile(p, []byte(text), 0o644)
	return p
}

// hfReaders only read the company file (they may write files of their own in dir).
func hfReaders(db, inv, dir string) [][]string {
	return [][]string{
		{"check", "-db", db},
		{"aging", "-db", db, "-format", "csv"},
		{"worklist", "-db", db, "-as-of", hfToday},
		{"history", "-db", db, "-customer", "Hostile Test Co"},
		{"schedule", "-db", db},
		{"remind", "-db", db, "-dry-run", "-as-of", hfToday},
		{"import", "customers", hfCSV(dir, "dry run.csv", "name,email\nDry Run Only,dry@hostile.example\n"), "-db", db, "-dry-run"},
		{"invoice", "-db", db, "-n", inv, "-o", filepath.Join(dir, "invoice.pdf")},
		{"statements", "-db", db, "-o", filepath.Join(dir, "statements.pdf")},
		{"aging-report", "-db", db, "-o", filepath.Join(dir, "aging.pdf")},
		{"monthly", "-db", db, "-o", filepath.Join(dir, "monthly.pdf"), "-month", "2026-06"},
		{"export", "-db", db, filepath.Join(dir, "export")},
		{"backup", "-db", db, "-o", filepath.Join(dir, "copy.duebook")},
	}
}

func hfNames(t *testing.T) []string {
	t.Helper()
	f, err := os.Open(hfCorpus("names.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var names []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if n := strings.TrimSpace(sc.Text()); n != "" {
			if runtime.GOOS == "windows" && strings.ContainsAny(n, `?:"`) {
				continue // not a legal file name there
			}
			names = append(names, n)
		}
	}
	return names
}

// Every command opens exactly the file named, whatever characters its name holds: what the
// writers save is what the readers and a backup show, and nothing appears beside the file
// but its backups folder (issue 11: `Shop #3.duebook` used to open `Shop `).
func TestHostileFileNames(t *testing.T) {
	t.Setenv("DUEBOOK_CONFIG_DIR", t.TempDir())
	for _, name := range hfNames(t) {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			work := t.TempDir()
			db := filepath.Join(dir, name)
			inv := hfCompany(t, db)
			for _, args := range append(hfWriters(db, inv, work), hfReaders(db, inv, work)...) {
				if out, errs, code := run(t, hfToday, args...); code != 0 {
					t.Fatalf("%q: exit %d\n%s%s", args, code, out, errs)
				}
			}
			if out, errs, code := run(t, hfToday, "backup", "-db", db, "-auto"); code != 0 {
				t.Fatalf("backup -auto: %s %s", out, errs)
			}
			if out, errs, code := run(t, hfToday, "unlock", "-db", db); code != 0 || out != db+" is not locked\n" {
				t.Fatalf("unlock: %q %s", out, errs)
			}
			for n := range hfState(t, dir) {
				if n != name && n != "backups/" && !strings.HasPrefix(n, "backups"+string(filepath.Separator)) {
					t.Errorf("%q appeared beside %q", n, name)
				}
			}
			// What was written is in the file: the schedule, the contact, the import.
			out, _, _ := run(t, hfToday, "schedule", "-db", db)
			if !strings.Contains(out, "final") || strings.Contains(out, "escalate") {
				t.Errorf("schedule as read back: %q", out)
			}
			out, _, _ = run(t, hfToday, "history", "-db", db, "-customer", "Hostile Test Co")
			if !strings.Contains(out, "left a message") || !strings.Contains(out, "wrong quantity") {
				t.Errorf("history as read back: %q", out)
			}
			total := hfAgingTotal(t, db)
			if strings.HasSuffix(total, ",0.00") {
				t.Errorf("aging of %q is empty: %s", name, total)
			}
			copyPath := filepath.Join(work, "copy.duebook")
			if got := hfAgingTotal(t, copyPath); got != total {
				t.Errorf("the backup shows %s, the company %s", got, total)
			}
			// A restore into the odd name, and a demo replacing it.
			if out, errs, code := run(t, hfToday, "restore", "-db", db, "-from", copyPath); code != 0 {
				t.Fatalf("restore: %s %s", out, errs)
			}
			if out, errs, code := run(t, hfToday, "demo", "-o", db, "-force", "-customers", "3", "-invoices", "10"); code != 0 {
				t.Fatalf("demo -force: %s %s", out, errs)
			}
			hfCheck(t, db)
		})
	}
}

type hfForeignFile struct {
	path, why string
}

// hfForeignFiles builds the corpus of files that are not Duebook's in dir.
func hfForeignFiles(t *testing.T, dir string) []hfForeignFile {
	t.Helper()
	var out []hfForeignFile
	scripts, _ := filepath.Glob(hfCorpus("*.sql"))
	for _, sc := range scripts {
		b, err := os.ReadFile(sc)
		if err != nil {
			t.Fatal(err)
		}
		first, _, _ := strings.Cut(string(b), "\n")
		why, ok := strings.CutPrefix(first, "-- why: ")
		if !ok {
			t.Fatalf("%s: first line must be -- why: ...", sc)
		}
		p := filepath.Join(dir, strings.TrimSuffix(filepath.Base(sc), ".sql")+".db")
		db, err := sql.Open("sqlite", p)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Exec(string(b)); err != nil {
			t.Fatalf("%s: %v", sc, err)
		}
		db.Close()
		out = append(out, hfForeignFile{p, why})
	}
	whys, err := os.ReadFile(hfCorpus("why.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(whys)), "\n") {
		name, why, _ := strings.Cut(line, ": ")
		b, err := os.ReadFile(hfCorpus(name))
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, name)
		os.WriteFile(p, b, 0o644)
		out = append(out, hfForeignFile{p, why})
	}
	folder := filepath.Join(dir, "a folder.duebook")
	os.Mkdir(folder, 0o755)
	out = append(out, hfForeignFile{folder, "it is a folder"})
	if fifo := hfFIFO(t, dir, "pipe.duebook"); fifo != "" {
		// Opening a pipe to read would wait forever: refused on sight, never replaced.
		out = append(out, hfForeignFile{fifo, "it is not a regular file (a device, a pipe or a socket)"})
	}
	return out
}

// Another program's file (or an empty or broken one) is refused by every command, readers
// and dry runs included, with a message naming it and why; it stays byte for byte as it
// was and nothing is added beside it. The real company is untouched (check passes).
func TestHostileForeignFiles(t *testing.T) {
	t.Setenv("DUEBOOK_CONFIG_DIR", t.TempDir())
	realDir := t.TempDir()
	company := filepath.Join(realDir, "real.duebook")
	inv := hfCompany(t, company)
	good := filepath.Join(t.TempDir(), "good.duebook")
	if _, errs, code := run(t, hfToday, "backup", "-db", company, "-o", good); code != 0 {
		t.Fatal(errs)
	}
	realBefore := hfState(t, realDir)
	dir := t.TempDir()
	work := t.TempDir()
	files := hfForeignFiles(t, dir)
	before := hfState(t, dir)
	for _, f := range files {
		want := f.path + " is not a Duebook company file: " + f.why
		cmds := append(hfWriters(f.path, inv, work), hfReaders(f.path, inv, work)...)
		cmds = append(cmds,
			[]string{"backup", "-db", f.path, "-auto", "-dir", filepath.Join(work, "auto")},
			[]string{"restore", "-db", company, "-from", f.path},
			[]string{"restore", "-db", f.path, "-from", good},
			[]string{"backup", "-db", company, "-o", f.path},
			[]string{"demo", "-o", f.path, "-force", "-customers", "2", "-invoices", "2"},
			[]string{"unlock", "-db", f.path},
		)
		for _, args := range cmds {
			if args[0] == "backup" && args[2] == company && (f.why == "the file is empty (0 bytes)" || f.why == "it is a folder") {
				continue // an empty file may be replaced by a backup; a folder is refused on its own
			}
			out, errs, code := run(t, hfToday, args...)
			if args[0] == "unlock" {
				// unlock only looks at the lock file: there is none.
				if code != 0 || !strings.Contains(out, "is not locked") {
					t.Errorf("%q: exit %d %q %s", args, code, out, errs)
				}
				continue
			}
			want := want
			if args[0] == "backup" && args[2] == company {
				// the foreign file is the destination: it is not replaced
				want = f.path + " exists and is not a Duebook file, so it is not replaced (" + f.why + ")"
			}
			if args[0] == "demo" && f.why == "it is a folder" {
				want = f.path + " is a folder; name the company file to make in it"
			}
			if code != 1 || !strings.Contains(errs, want) || strings.Count(strings.TrimSpace(errs), "\n") > 0 {
				t.Errorf("%q: exit %d\nstderr %q\nwant one line containing %q", args, code, errs, want)
			}
			if strings.Contains(out, "nothing was changed") {
				t.Errorf("%q claims a dry run: %q", args, out)
			}
		}
	}
	if d := hfDiff(before, hfState(t, dir)); d != "" {
		t.Fatalf("the foreign files changed: %s", d)
	}
	if d := hfDiff(realBefore, hfState(t, realDir)); d != "" {
		t.Fatalf("the real company changed: %s", d)
	}
	hfCheck(t, company)
}

// A company file of an earlier Duebook (no application_id yet) is not taken for another
// program's: readers leave it as it is, the first writer marks it.
func TestHostileOldVersionFileAdopted(t *testing.T) {
	t.Setenv("DUEBOOK_CONFIG_DIR", t.TempDir())
	dir := t.TempDir()
	db := filepath.Join(dir, "old.duebook")
	hfCompany(t, db)
	raw, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(`PRAGMA journal_mode=DELETE; PRAGMA application_id = 0`); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	appID := func() uint32 {
		b, err := os.ReadFile(db)
		if err != nil || len(b) < 72 {
			t.Fatal(err)
		}
		return uint32(b[68])<<24 | uint32(b[69])<<16 | uint32(b[70])<<8 | uint32(b[71])
	}
	before := hfState(t, dir)
	for _, args := range [][]string{{"aging", "-db", db}, {"check", "-db", db}, {"schedule", "-db", db}, {"remind", "-db", db, "-dry-run"},
		{"import", "customers", hfCSV(t.TempDir(), "dry.csv", "name\nDry Run Only\n"), "-db", db, "-dry-run"}} {
		if out, errs, code := run(t, hfToday, args...); code != 0 {
			t.Fatalf("%q on an old file: %s %s", args, out, errs)
		}
	}
	if d := hfDiff(before, hfState(t, dir)); d != "" || appID() != 0 {
		t.Fatalf("readers changed the old file: %s, id %#x", d, appID())
	}
	if out, errs, code := run(t, hfToday, "contact", "-db", db, "-customer", "Hostile Test Co", "-kind", "note", "-outcome", "first write"); code != 0 {
		t.Fatalf("writer on an old file: %s %s", out, errs)
	}
	if id := appID(); id != data.AppID {
		t.Fatalf("the first writer did not mark the file: %#x", id)
	}
	hfCheck(t, db)
}

// demo makes a company only where it is told to, and says why it cannot.
func TestHostileDemoTargets(t *testing.T) {
	t.Setenv("DUEBOOK_CONFIG_DIR", t.TempDir())
	dir := t.TempDir()
	nowhere := filepath.Join(dir, "no such folder", "co.duebook")
	if _, errs, code := run(t, hfToday, "demo", "-o", nowhere); code != 1 ||
		!strings.Contains(errs, nowhere+" cannot be made: the folder "+filepath.Dir(nowhere)+" does not exist") {
		t.Fatalf("demo into a missing folder: %d %q", code, errs)
	}
	db := filepath.Join(dir, "co.duebook")
	hfCompany(t, db)
	before := hfState(t, dir)
	if _, errs, code := run(t, hfToday, "demo", "-o", db); code != 1 || !strings.Contains(errs, db+" exists (pass -force to replace it)") {
		t.Fatalf("demo over a company without -force: %d %q", code, errs)
	}
	if d := hfDiff(before, hfState(t, dir)); d != "" {
		t.Fatalf("changed: %s", d)
	}
	hfCheck(t, db)
}
