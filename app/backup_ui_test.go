package app

import (
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"duebook/data"

	"fyne.io/fyne/v2/widget"
)

func customerNames(t *testing.T, s *data.Store) []string {
	t.Helper()
	cs, err := s.Customers(ctx, data.CustomerFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, c := range cs {
		out = append(out, c.Name)
	}
	return out
}

// "Back up now…" writes a checked copy through its dialog; the copy opens as a company
// file with the same customers. The company file itself is refused as a destination.
func TestBackupNowFromSettings(t *testing.T) {
	s := newStore(t)
	mkCustomer(t, s, "Acme", 30, 0)
	mkCustomer(t, s, "Globex", 30, 0)
	ui := newTestUI(t, s)
	st := ui.Settings
	if !strings.Contains(st.BackupFolder.Text, data.BackupDir(s.Path())) {
		t.Fatalf("backup folder label: %q", st.BackupFolder.Text)
	}
	if !strings.Contains(st.LastBackup.Text, "none yet") {
		t.Fatalf("last backup label on a new file: %q", st.LastBackup.Text)
	}

	// The company file itself: refused, and the file is intact.
	tap(t, st.BackupNowBtn)
	if ui.Modal == nil || ui.Modal.Title != "Back up now" {
		t.Fatalf("no backup dialog: %+v", ui.Modal)
	}
	if got := ui.Modal.Form.Field("file").Text(); !strings.HasPrefix(got, data.BackupDir(s.Path())) || !strings.HasSuffix(got, data.BackupExt) {
		t.Fatalf("suggested file %q", got)
	}
	ui.Modal.Form.Field("file").SetText(s.Path())
	tap(t, ui.Modal.Button("Back up"))
	ui.Wait()
	if ui.Modal.Title != "Error" || !strings.Contains(ui.Modal.Message.Text, "company file itself") {
		t.Fatalf("backing up over the company file: %s %q", ui.Modal.Title, ui.Modal.Message.Text)
	}
	if got := customerNames(t, ui.Store); len(got) != 2 {
		t.Fatalf("company file after the refused backup: %v", got)
	}
	tap(t, ui.Modal.Button("OK"))

	dest := filepath.Join(t.TempDir(), "sub", "copy") // folder made, extension added
	tap(t, st.BackupNowBtn)
	ui.Modal.Form.Field("file").SetText(dest)
	tap(t, ui.Modal.Button("Back up"))
	ui.Wait()
	dest += data.BackupExt
	if ui.Modal.Title != "Backup made" || !strings.Contains(ui.Modal.Message.Text, dest) {
		t.Fatalf("after backup: %s %q", ui.Modal.Title, ui.Modal.Message.Text)
	}
	b, err := data.OpenWith(dest, data.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if got := strings.Join(customerNames(t, b), ","); got != "Acme,Globex" {
		t.Fatalf("customers in the backup: %s", got)
	}
}

// Restore through the Settings screen: the backup replaces the company file, which is
// opened again with the screens rebuilt; a safety copy of the replaced state is kept.
func TestRestoreFromSettings(t *testing.T) {
	s := newStore(t)
	mkCustomer(t, s, "Acme", 30, 0)
	ui := newTestUI(t, s)
	company := s.Path()
	backup := filepath.Join(t.TempDir(), "acme-only.duebook")
	ui.Settings.BackupTo(backup)
	ui.Wait()
	if ui.Modal.Title != "Backup made" {
		t.Fatalf("backup: %s %q", ui.Modal.Title, ui.Modal.Message.Text)
	}
	tap(t, ui.Modal.Button("OK"))
	mkCustomer(t, s, "Later Ltd", 30, 0)
	ui.Changed()
	ui.Wait()
	if n := len(customerNames(t, ui.Store)); n != 2 {
		t.Fatalf("customers before restore: %d", n)
	}

	oldSettings, oldCustomers := ui.Settings, ui.Customers
	var asked int
	ui.Settings.ChooseRestoreFile = func(cb func(string)) { asked++; cb(backup) }
	tap(t, ui.Settings.RestoreBtn)
	if asked != 1 || ui.Modal == nil || ui.Modal.Title != "Restore from backup?" {
		t.Fatalf("no confirmation: %d %+v", asked, ui.Modal)
	}
	msg := ui.Modal.Message.Text
	for _, want := range []string{company, backup, "will be replaced", "taken at", "safety copy"} {
		if !strings.Contains(msg, want) {
			t.Fatalf("confirmation lacks %q:\n%s", want, msg)
		}
	}
	// Cancel changes nothing.
	tap(t, ui.Modal.Button("Cancel"))
	ui.Wait()
	if ui.Store != s || len(customerNames(t, s)) != 2 {
		t.Fatal("cancelled restore changed the company")
	}

	tap(t, ui.Settings.RestoreBtn)
	tap(t, ui.Modal.Button("Replace with backup"))
	ui.Wait()
	if ui.Modal.Title != "Backup restored" {
		t.Fatalf("after restore: %s %q", ui.Modal.Title, ui.Modal.Message.Text)
	}
	if ui.Store == nil || ui.Store == s || ui.Store.Path() != company {
		t.Fatalf("company not reopened: %v", ui.Store)
	}
	if got := strings.Join(customerNames(t, ui.Store), ","); got != "Acme" {
		t.Fatalf("customers after restore: %s", got)
	}
	if ui.Settings == oldSettings || ui.Customers == oldCustomers || ui.Tabs == nil {
		t.Fatal("screens not rebuilt")
	}
	if ui.Tabs.Selected().Text != TabSettings {
		t.Fatalf("tab after restore: %s", ui.Tabs.Selected().Text)
	}
	if !strings.Contains(ui.Modal.Message.Text, "1 customer") || !strings.Contains(ui.Modal.Message.Text, "pre-restore") {
		t.Fatalf("restore report: %q", ui.Modal.Message.Text)
	}
	// The safety copy holds the state that was replaced.
	snaps, _ := filepath.Glob(filepath.Join(data.BackupDir(company), "co-pre-restore-*"+data.BackupExt))
	if len(snaps) != 1 {
		t.Fatalf("safety copies: %v", snaps)
	}
	sc, err := data.OpenWith(snaps[0], data.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer sc.Close()
	if n := len(customerNames(t, sc)); n != 2 {
		t.Fatalf("safety copy has %d customers", n)
	}
	// The reopened file works and gets its daily backup again.
	if ui.Settings.daily == nil {
		t.Fatal("no daily backup on the reopened file")
	}
	mkCustomer(t, ui.Store, "After Restore", 30, 0)
}

// A file that is not a Duebook backup is refused; the company stays open with its data.
func TestRestoreRefusesBadFiles(t *testing.T) {
	s := newStore(t)
	mkCustomer(t, s, "Acme", 30, 0)
	mkCustomer(t, s, "Globex", 30, 0)
	ui := newTestUI(t, s)
	dir := t.TempDir()

	junk := filepath.Join(dir, "junk.duebook")
	if err := os.WriteFile(junk, []byte(strings.Repeat("not a database\n", 100)), 0o644); err != nil {
		t.Fatal(err)
	}
	ui.Settings.ChooseRestoreFile = func(cb func(string)) { cb(junk) }
	tap(t, ui.Settings.RestoreBtn)
	ui.Wait()
	if ui.Modal == nil || ui.Modal.Title != "Error" || !strings.Contains(ui.Modal.Message.Text, "not a Duebook") {
		t.Fatalf("junk file: %+v", ui.Modal)
	}
	if ui.Store != s || len(customerNames(t, s)) != 2 {
		t.Fatal("company changed by a refused restore")
	}
	tap(t, ui.Modal.Button("OK"))

	// An SQLite database of another program passes the quick look; data.Restore's check
	// refuses it after the confirmation, and the company file is opened again unchanged.
	other := filepath.Join(dir, "other.duebook")
	db, err := sql.Open("sqlite", other)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('x')`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	ui.Settings.ChooseRestoreFile = func(cb func(string)) { cb(other) }
	tap(t, ui.Settings.RestoreBtn)
	tap(t, ui.Modal.Button("Replace with backup"))
	ui.Wait()
	if ui.Modal.Title != "Error" || !strings.Contains(ui.Modal.Message.Text, "not a Duebook company file") ||
		!strings.Contains(ui.Modal.Message.Text, "open again") {
		t.Fatalf("foreign database: %s %q", ui.Modal.Title, ui.Modal.Message.Text)
	}
	if ui.Store == nil || ui.Store.Path() != s.Path() || ui.Tabs == nil {
		t.Fatal("company not open after the refused restore")
	}
	if got := strings.Join(customerNames(t, ui.Store), ","); got != "Acme,Globex" {
		t.Fatalf("customers after the refused restore: %s", got)
	}
	if _, err := os.Stat(s.Path() + data.BeforeRestoreSuffix); err == nil {
		t.Fatal("a refused restore moved the company file aside")
	}
}

// Read-only: a backup can be made, restore cannot, and no daily backup runs.
func TestBackupsReadOnly(t *testing.T) {
	s := newStore(t)
	mkCustomer(t, s, "Acme", 30, 0)
	path := s.Path()
	s.Close()
	ro, err := data.OpenWith(path, data.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ro.Close() })
	ui := newTestUI(t, ro)
	st := ui.Settings
	if !st.RestoreBtn.Disabled() {
		t.Fatal("restore enabled in read-only mode")
	}
	if st.BackupNowBtn.Disabled() {
		t.Fatal("backup disabled in read-only mode")
	}
	ui.SelectTab(TabSettings)
	if !shows(ui.Win, "restoring needs the file open for writing") {
		t.Fatal("read-only note missing")
	}
	called := false
	st.ChooseRestoreFile = func(func(string)) { called = true }
	st.Restore()
	st.ConfirmRestore(path)
	if called || (ui.Modal != nil && ui.Modal.Visible()) {
		t.Fatal("restore offered in read-only mode")
	}
	if st.daily != nil {
		t.Fatal("daily backup started on a read-only file")
	}
	dest := filepath.Join(t.TempDir(), "ro.duebook")
	st.BackupTo(dest)
	ui.Wait()
	if ui.Modal == nil || ui.Modal.Title != "Backup made" {
		t.Fatalf("backup of a read-only file: %+v", ui.Modal)
	}
}

// testClock is a settable clock for the daily backup.
type testClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *testClock) Now() time.Time  { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *testClock) Set(t time.Time) { c.mu.Lock(); c.t = t; c.mu.Unlock() }

// backupsOn lists the automatic backups of the company made for day.
func backupsOn(path, day string) []data.AutoBackupFile {
	var out []data.AutoBackupFile
	all, _ := data.AutoBackups(path)
	for _, b := range all {
		if b.Day.String() == day {
			out = append(out, b)
		}
	}
	return out
}

func waitFor(t *testing.T, what string, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(2 * time.Millisecond)
	}
}

// While the window stays open, one automatic backup is made per new day, and none after
// the file is closed.
func TestDailyBackupTicker(t *testing.T) {
	clock := &testClock{t: time.Date(2031, 3, 4, 10, 0, 0, 0, time.Local)}
	oldEvery, oldNow := dailyBackupEvery, dailyBackupNow
	dailyBackupEvery, dailyBackupNow = 2*time.Millisecond, clock.Now
	t.Cleanup(func() { dailyBackupEvery, dailyBackupNow = oldEvery, oldNow })

	s := newStore(t)
	mkCustomer(t, s, "Acme", 30, 0)
	ui := newTestUI(t, s)
	d := ui.Settings.daily
	if d == nil {
		t.Fatal("daily backup not started")
	}
	path := s.Path()
	waitFor(t, "the first day's backup", func() bool { return len(backupsOn(path, "2031-03-04")) == 1 })
	first := backupsOn(path, "2031-03-04")[0]
	if !strings.HasSuffix(first.Path, "co-monthly-2031-03-04.duebook") {
		t.Fatalf("first backup of the month: %s", first.Path)
	}
	// the file is renamed into place before the run has finished (rotation, the status line)
	waitFor(t, "the first day's backup run to finish", func() bool { return d.runs.Load() >= 1 })
	clock.Set(time.Date(2031, 3, 4, 23, 59, 0, 0, time.Local)) // same day: nothing more
	time.Sleep(100 * time.Millisecond)
	if n := d.runs.Load(); n != 1 {
		t.Fatalf("%d backups on the first day", n)
	}
	if again := backupsOn(path, "2031-03-04"); len(again) != 1 || !again[0].Written.Equal(first.Written) {
		t.Fatalf("the day's backup was rewritten: %+v %+v", first, again)
	}

	// Changes of the next day are in the next day's backup.
	mkCustomer(t, s, "Globex", 30, 0)
	clock.Set(time.Date(2031, 3, 5, 0, 1, 0, 0, time.Local))
	waitFor(t, "the second day's backup", func() bool { return len(backupsOn(path, "2031-03-05")) == 1 })
	time.Sleep(100 * time.Millisecond)
	if n := d.runs.Load(); n != 2 {
		t.Fatalf("%d backups after two days", n)
	}
	second := backupsOn(path, "2031-03-05")[0]
	if !strings.HasSuffix(second.Path, "co-daily-2031-03-05.duebook") {
		t.Fatalf("second backup: %s", second.Path)
	}
	b, err := data.OpenWith(second.Path, data.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(customerNames(t, b)); n != 2 {
		t.Fatalf("second day's backup has %d customers", n)
	}
	b.Close()
	ui.Wait() // applies the posted label updates
	if !strings.Contains(ui.Settings.LastBackup.Text, "co-daily-2031-03-05") {
		t.Fatalf("last backup label: %q", ui.Settings.LastBackup.Text)
	}

	// Closing stops it before the store closes; no backup is made afterwards.
	ui.Close()
	select {
	case <-d.done:
	default:
		t.Fatal("daily backup still running after close")
	}
	if ui.Settings.daily != nil {
		t.Fatal("daily backup still attached after close")
	}
	clock.Set(time.Date(2031, 3, 6, 9, 0, 0, 0, time.Local))
	time.Sleep(50 * time.Millisecond)
	if n := d.runs.Load(); n != 2 || len(backupsOn(path, "2031-03-06")) != 0 {
		t.Fatalf("backups after close: runs %d, files %v", n, backupsOn(path, "2031-03-06"))
	}
}

// A failing daily backup is reported in the status bar (no dialog) and tried again at
// the next check; once it works the status bar is back to normal.
func TestDailyBackupErrorInStatusBar(t *testing.T) {
	clock := &testClock{t: time.Date(2031, 3, 4, 10, 0, 0, 0, time.Local)}
	oldEvery, oldNow := dailyBackupEvery, dailyBackupNow
	dailyBackupEvery, dailyBackupNow = time.Hour, clock.Now // started idle; restarted below
	t.Cleanup(func() { dailyBackupEvery, dailyBackupNow = oldEvery, oldNow })

	s := newStore(t)
	ui := newTestUI(t, s)
	normal := ui.StatusBar.Text
	// Neither the folder beside the company file nor the fallback can be made.
	blocker := filepath.Join(filepath.Dir(s.Path()), "backups")
	if err := os.WriteFile(blocker, []byte("a file in the way"), 0o644); err != nil {
		t.Fatal(err)
	}
	notDir := filepath.Join(t.TempDir(), "file")
	os.WriteFile(notDir, nil, 0o644)
	t.Setenv("DUEBOOK_CONFIG_DIR", filepath.Join(notDir, "cfg"))
	dailyBackupEvery = 2 * time.Millisecond
	ui.startDailyBackup()
	d := ui.Settings.daily
	waitFor(t, "a failed attempt", func() bool { return d.runs.Load() >= 1 })
	ui.Wait()
	if !strings.Contains(ui.StatusBar.Text, "automatic backup failed") || ui.StatusBar.Importance != widget.DangerImportance {
		t.Fatalf("status bar after a failed backup: %q", ui.StatusBar.Text)
	}
	if ui.Modal != nil && ui.Modal.Visible() {
		t.Fatalf("a dialog for a background backup error: %s", ui.Modal.Title)
	}
	os.Remove(blocker)
	waitFor(t, "the retried backup", func() bool { return len(backupsOn(s.Path(), "2031-03-04")) == 1 })
	time.Sleep(200 * time.Millisecond) // the run that wrote it has finished
	n := d.runs.Load()
	time.Sleep(50 * time.Millisecond)
	if d.runs.Load() != n {
		t.Fatal("backups go on after the day's one worked")
	}
	ui.Wait()
	if ui.StatusBar.Text != normal || ui.StatusBar.Importance == widget.DangerImportance {
		t.Fatalf("status bar after the retry: %q", ui.StatusBar.Text)
	}
}

// Closing the file makes the day's backup only when something changed since the last one
// (at a million invoices a backup takes a minute): opened to look and closed, today's
// backup is left as it is; after a change it is refreshed with that change.
func TestCloseBacksUpOnlyAfterAChange(t *testing.T) {
	clock := &testClock{t: time.Date(2031, 3, 4, 10, 0, 0, 0, time.Local)}
	oldEvery, oldNow := dailyBackupEvery, dailyBackupNow
	dailyBackupEvery, dailyBackupNow = time.Hour, clock.Now
	t.Cleanup(func() { dailyBackupEvery, dailyBackupNow = oldEvery, oldNow })
	s := newStore(t)
	mkCustomer(t, s, "Acme", 30, 0)
	path := s.Path()
	ui := newTestUI(t, s)
	ui.Close() // the first close of the day: no backup of today yet, so one is made
	today := backupsOn(path, "2031-03-04")
	if len(today) != 1 {
		t.Fatalf("backups after the first close: %+v", today)
	}
	// opened again, nothing changed, closed: the backup is not rewritten
	s2, err := data.OpenWith(path, data.Options{Clock: data.FixedClock{Day: data.MustDate("2031-03-04")}})
	if err != nil {
		t.Fatal(err)
	}
	ui2 := newTestUI(t, s2)
	ui2.Close()
	if again := backupsOn(path, "2031-03-04"); len(again) != 1 || !again[0].Written.Equal(today[0].Written) {
		t.Fatalf("closing without a change rewrote the backup: %+v then %+v", today, again)
	}
	// opened, changed, closed: the backup holds the change
	s3, err := data.OpenWith(path, data.Options{Clock: data.FixedClock{Day: data.MustDate("2031-03-04")}})
	if err != nil {
		t.Fatal(err)
	}
	ui3 := newTestUI(t, s3)
	mkCustomer(t, s3, "Globex", 30, 0)
	ui3.Wait()
	ui3.Close()
	after := backupsOn(path, "2031-03-04")
	if len(after) != 1 {
		t.Fatalf("backups %+v", after)
	}
	b, err := data.OpenWith(after[0].Path, data.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if n := len(customerNames(t, b)); n != 2 {
		t.Fatalf("the backup after the change has %d customers", n)
	}
}
