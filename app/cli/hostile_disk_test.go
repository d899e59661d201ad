package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"duebook/data"
)

// TestHFLockHolderHelper is a helper process: it holds the lock of $DUEBOOK_HF_LOCK (as a
// window would) until its stdin closes or it is killed.
func TestHFLockHolderHelper(t *testing.T) {
	path := os.Getenv("DUEBOOK_HF_LOCK")
	if path == "" {
		t.Skip("helper process for the lock tests")
	}
	l, err := data.AcquireLock(path)
	if err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	fmt.Println("got")
	io.Copy(io.Discard, os.Stdin)
	l.Release()
	os.Exit(0)
}

// hfHoldLock starts another process that holds the company's lock.
func hfHoldLock(t *testing.T, path string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHFLockHolderHelper$", "-test.count=1")
	cmd.Env = append(os.Environ(), "DUEBOOK_HF_LOCK="+path)
	if _, err := cmd.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
			cmd.Wait()
		}
	})
	line := make([]byte, 4)
	if _, err := io.ReadFull(out, line); err != nil || string(line) != "got\n" {
		t.Fatalf("lock holder: %q %v", line, err)
	}
	return cmd
}

// While another Duebook holds the company file, every writer is refused with who holds it
// and the exact command that breaks a stale lock, and changes nothing; every reader runs.
// A lock left by a program that is gone is broken by `unlock`, one of another computer by
// `unlock -force`, and writing works again.
func TestHostileLockHeld(t *testing.T) {
	t.Setenv("DUEBOOK_CONFIG_DIR", t.TempDir())
	dir := t.TempDir()
	work := t.TempDir()
	db := filepath.Join(dir, "co.duebook")
	inv := hfCompany(t, db)
	backup := filepath.Join(work, "before.duebook")
	if _, errs, code := run(t, hfToday, "backup", "-db", db, "-o", backup); code != 0 {
		t.Fatal(errs)
	}
	holder := hfHoldLock(t, db)
	host, _ := os.Hostname()
	before := hfState(t, dir)
	writers := append(hfWriters(db, inv, work),
		[]string{"restore", "-db", db, "-from", backup},
		[]string{"demo", "-o", db, "-force", "-customers", "2", "-invoices", "2"})
	for _, args := range writers {
		_, errs, code := run(t, hfToday, args...)
		for _, want := range []string{fmt.Sprintf("co.duebook is open in Duebook on %s since ", host), fmt.Sprintf("(pid %d)", holder.Process.Pid),
			"commands that only read still work", "if that program is gone, break the lock with: duebook unlock -db " + db + "\n"} {
			if code != 1 || !strings.Contains(errs, want) {
				t.Errorf("%q while locked: exit %d %q; want %q", args[:2], code, errs, want)
			}
		}
	}
	for _, args := range hfReaders(db, inv, work) {
		if out, errs, code := run(t, hfToday, args...); code != 0 {
			t.Errorf("reader %q while locked: exit %d %s %s", args[:2], code, out, errs)
		}
	}
	if d := hfDiff(before, hfState(t, dir)); d != "" {
		t.Fatalf("the company folder changed while locked: %s", d)
	}
	// The holder runs: unlock refuses.
	if _, errs, code := run(t, hfToday, "unlock", "-db", db); code != 1 ||
		!strings.Contains(errs, fmt.Sprintf("Duebook (pid %d) is still running on this computer", holder.Process.Pid)) {
		t.Fatalf("unlock of a live lock: %d %q", code, errs)
	}
	holder.Process.Kill()
	holder.Wait()
	if out, errs, code := run(t, hfToday, "unlock", "-db", db); code != 0 ||
		!strings.Contains(out, fmt.Sprintf("removed the lock of %s left by Duebook on %s (pid %d)", db, host, holder.Process.Pid)) {
		t.Fatalf("unlock of a stale lock: %d %q %s", code, out, errs)
	}
	if _, err := os.Stat(data.LockPath(db)); !os.IsNotExist(err) {
		t.Fatal("the stale lock is still there")
	}
	// A lock of another computer (a shared folder): unlock needs -force, as the message says.
	other, _ := json.Marshal(data.LockInfo{PID: 4242, Host: "front-desk-pc", Since: time.Now().Add(-time.Hour)})
	os.WriteFile(data.LockPath(db), other, 0o644)
	_, errs, code := run(t, hfToday, writers[0]...)
	if code != 1 || !strings.Contains(errs, "on front-desk-pc since") || !strings.Contains(errs, "duebook unlock -db "+db+" -force") {
		t.Fatalf("writer while another computer holds it: %d %q", code, errs)
	}
	if _, errs, code := run(t, hfToday, "unlock", "-db", db); code != 1 || !strings.Contains(errs, "pass -force") {
		t.Fatalf("unlock of another computer's lock without -force: %d %q", code, errs)
	}
	if out, errs, code := run(t, hfToday, "unlock", "-db", db, "-force"); code != 0 || !strings.Contains(out, "front-desk-pc (pid 4242)") {
		t.Fatalf("unlock -force: %d %q %s", code, out, errs)
	}
	if out, errs, code := run(t, hfToday, writers[0]...); code != 0 {
		t.Fatalf("writer after unlock: %s %s", out, errs)
	}
	if out, _, code := run(t, hfToday, "unlock", "-db", db); code != 0 || !strings.Contains(out, "is not locked") {
		t.Fatalf("unlock of a free file: %q", out)
	}
	hfCheck(t, db)
}

// hfNoRawSQLite fails when a message shows SQLite's own codes or words instead of a sentence.
func hfNoRawSQLite(t *testing.T, args []string, msg string) {
	t.Helper()
	for _, raw := range []string{"(8)", "(1544)", "(13)", "(14)", "readonly database", "no such savepoint", "disk I/O error", "unable to open"} {
		if strings.Contains(msg, raw) {
			t.Errorf("%q: raw SQLite text %q in %q", args[:2], raw, msg)
		}
	}
}

// A company on a read-only disk, or in a read-only folder: every writer says which path
// cannot be written and why, in words; the readers still run; nothing changes.
func TestHostileReadOnly(t *testing.T) {
	t.Setenv("DUEBOOK_CONFIG_DIR", t.TempDir())
	var inv string
	made := func(dir string) { inv = hfCompany(t, filepath.Join(dir, "co.duebook")) }
	for _, c := range []struct {
		name string
		dir  func() string
		want string
	}{
		{"read-only disk", func() string { return hfReadOnlyDir(t, made) }, "co.duebook cannot be changed: the file is read-only"},
		{"read-only folder", func() string { return hfReadOnlyFolderOnly(t, "co.duebook", made) }, "co.duebook cannot be changed: its folder "},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := c.dir()
			db := filepath.Join(dir, "co.duebook")
			work := t.TempDir()
			before := hfState(t, dir)
			for _, args := range hfWriters(db, inv, work) {
				_, errs, code := run(t, hfToday, args...)
				if code != 1 || !strings.Contains(errs, db) || !strings.Contains(errs, c.want) || !strings.Contains(errs, "read-only") {
					t.Errorf("%q: exit %d %q; want %q", args[:2], code, errs, c.want)
				}
				hfNoRawSQLite(t, args, errs)
			}
			for _, args := range hfReaders(db, inv, work) {
				if out, errs, code := run(t, hfToday, args...); code != 0 {
					t.Errorf("reader %q: exit %d %s %s", args[:2], code, out, errs)
				}
			}
			if d := hfDiff(before, hfState(t, dir)); d != "" {
				t.Errorf("the read-only folder changed: %s", d)
			}
			hfCheck(t, db)
		})
	}
}

// A full disk: `demo` says so and leaves nothing half-made; an import says so, saves
// nothing and the company passes check (issue 11: "no such savepoint: import_row").
func TestHostileFullDisk(t *testing.T) {
	t.Setenv("DUEBOOK_CONFIG_DIR", t.TempDir())
	disk := hfMountTmpfs(t, 1<<20)
	db := filepath.Join(disk, "big.duebook")
	_, errs, code := run(t, hfToday, "demo", "-o", db, "-customers", "40", "-invoices", "3000")
	if code != 1 || !strings.Contains(errs, "the disk holding "+db+" is full") {
		t.Fatalf("demo on a full disk: %d %q", code, errs)
	}
	hfNoRawSQLite(t, []string{"demo", db}, errs)
	if st := hfState(t, disk); len(st) != 0 {
		t.Fatalf("demo left %v on the full disk", st)
	}

	// A company that fits, then a disk filled up to a few pages.
	db = filepath.Join(disk, "co.duebook")
	inv := hfCompany(t, db)
	total := hfAgingTotal(t, db)
	fill, err := os.Create(filepath.Join(disk, "filler"))
	if err != nil {
		t.Fatal(err)
	}
	chunk := make([]byte, 4096)
	for {
		if _, err := fill.Write(chunk); err != nil {
			break
		}
	}
	fill.Close()
	var csv strings.Builder
	csv.WriteString("name,email,notes\n")
	for i := 0; i < 500; i++ {
		fmt.Fprintf(&csv, "Full Disk %d,fd%d@hostile.example,%s\n", i, i, strings.Repeat("note ", 80))
	}
	work := t.TempDir()
	before := hfState(t, disk)
	for _, args := range [][]string{
		{"import", "customers", hfCSV(work, "many.csv", csv.String()), "-db", db},
		{"contact", "-db", db, "-customer", "Hostile Test Co", "-kind", "note", "-outcome", strings.Repeat("long note ", 2000)},
	} {
		_, errs, code := run(t, hfToday, args...)
		if code != 1 || !strings.Contains(errs, "the disk holding "+db+" is full: nothing was saved") {
			t.Errorf("%q on a full disk: %d %q", args[:2], code, errs)
		}
		hfNoRawSQLite(t, args, errs)
	}
	os.Remove(filepath.Join(disk, "filler"))
	if d := hfDiff(before, hfState(t, disk)); d != "filler" && d != "removed filler" {
		t.Errorf("the company changed on the full disk: %s", d)
	}
	if got := hfAgingTotal(t, db); got != total {
		t.Errorf("aging after the full disk %s, before %s", got, total)
	}
	_ = inv
	hfCheck(t, db)
}

// A backup or restore that was killed left its hidden temporary file: the next backup or
// restore in that folder removes it (an earlier version's leftovers too), and keeps the
// files of a backup still running.
func TestHostileLeftoverTempFiles(t *testing.T) {
	t.Setenv("DUEBOOK_CONFIG_DIR", t.TempDir())
	dir := t.TempDir()
	db := filepath.Join(dir, "co.duebook")
	hfCompany(t, db)
	// A real leftover: a backup process killed while copying.
	dead := exec.Command(os.Args[0], "-test.run=^$")
	if err := dead.Run(); err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-2 * time.Hour)
	leftovers := []string{
		fmt.Sprintf(".copy.duebook.duebook-tmp-backup-%d-4711", dead.Process.Pid),
		fmt.Sprintf(".co.duebook.duebook-tmp-restore-%d-4712", dead.Process.Pid),
		".co.duebook.tmp-2718281828", ".co.duebook.restore-3141592",
	}
	running := fmt.Sprintf(".other.duebook.duebook-tmp-backup-%d-1", os.Getpid())
	for _, n := range append(leftovers, running) {
		p := filepath.Join(dir, n)
		os.WriteFile(p, make([]byte, 1<<20), 0o600)
		os.Chtimes(p, old, old)
	}
	if out, errs, code := run(t, hfToday, "backup", "-db", db, "-o", filepath.Join(dir, "copy.duebook")); code != 0 {
		t.Fatal(out, errs)
	}
	if out, errs, code := run(t, hfToday, "restore", "-db", db, "-from", filepath.Join(dir, "copy.duebook")); code != 0 {
		t.Fatal(out, errs)
	}
	for _, n := range leftovers {
		if _, err := os.Stat(filepath.Join(dir, n)); !os.IsNotExist(err) {
			t.Errorf("leftover %s kept", n)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, running)); err != nil {
		t.Errorf("the file of a running backup was removed: %v", err)
	}
	hfCheck(t, db)
}
