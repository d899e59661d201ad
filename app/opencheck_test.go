package app

import (
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"duebook/data"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// sampleFile makes a closed company file with a small sample history.
func sampleFile(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "co.duebook")
	today := data.MustDate(testToday)
	s, err := data.OpenWith(path, data.Options{Clock: data.FixedClock{Day: today}})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.GenerateDemo(ctx, data.DemoOptions{Customers: 20, Invoices: 600, Seed: 3, Today: today}); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// openUI opens path in a window with the test driver, without waiting for its background work.
func openUI(t *testing.T, path string) *UI {
	t.Helper()
	t.Setenv("DUEBOOK_CONFIG_DIR", t.TempDir())
	s, err := data.OpenWith(path, data.Options{Clock: data.FixedClock{Day: data.MustDate(testToday)}})
	if err != nil {
		t.Fatal(err)
	}
	a := test.NewTempApp(t)
	ui := NewWithStore(a, s)
	ui.Win.Resize(fyne.NewSize(1280, 800))
	t.Cleanup(func() {
		ui.Wait()
		if !ui.closed {
			ui.Win.Close()
		}
		s.Close()
	})
	return ui
}

func damaged(ui *UI) bool {
	return strings.Contains(ui.StatusBar.Text, "the file check found a problem") && ui.StatusBar.Importance == widget.DangerImportance
}

// A healthy file opens with no warning, once the background page check is done too.
func TestOpenCheckHealthy(t *testing.T) {
	ui := openUI(t, sampleFile(t))
	ui.Wait()
	if damaged(ui) {
		t.Fatalf("healthy file: status bar %q", ui.StatusBar.Text)
	}
}

// A broken ledger invariant (an open balance above the invoice's total) is in the status
// bar as soon as the window shows the file: the invariants are checked as it opens.
func TestOpenCheckInvariantsAtOnce(t *testing.T) {
	path := sampleFile(t)
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	var trigger string // put back after: the rows are damaged, the schema whole
	if err := db.QueryRow(`SELECT sql FROM sqlite_master WHERE name = 'invoice_posted_immutable'`).Scan(&trigger); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{`PRAGMA ignore_check_constraints = ON`, `DROP TRIGGER invoice_posted_immutable`,
		`UPDATE invoices SET open_amount = total + 1 WHERE id = (SELECT min(id) FROM invoices WHERE status = 'posted')`, trigger} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(q, err)
		}
	}
	db.Close()
	ui := openUI(t, path)
	if !damaged(ui) || !strings.Contains(ui.StatusBar.Text, "open balance is negative or above its total") {
		t.Fatalf("status bar as the file opens: %q", ui.StatusBar.Text)
	}
}

// Damaged pages are found by the background page check and said in the status bar.
func TestOpenCheckPagesInBackground(t *testing.T) {
	path := sampleFile(t)
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	const page = 4096
	if len(b) < 20*page || len(b)%page != 0 {
		t.Fatalf("file of %d bytes", len(b))
	}
	// the cells of a page in the second half of the file (table or index records) garbled
	at := (len(b)/page*3/4)*page + 200
	for i := at; i < at+3000; i++ {
		b[i] = 0xA5
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	ui := openUI(t, path)
	ui.Wait()
	if !damaged(ui) || !strings.Contains(ui.StatusBar.Text, "integrity:") {
		t.Fatalf("status bar after the page check: %q", ui.StatusBar.Text)
	}
}

// Closing the file stops the page check: nothing of it is left running or applied later.
func TestOpenCheckStopsOnClose(t *testing.T) {
	ui := openUI(t, sampleFile(t))
	ui.closeStore()
	if ui.check != nil {
		t.Fatal("the page check is still recorded after the file closed")
	}
}
