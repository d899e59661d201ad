package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"duebook/data"
	"duebook/reports"

	"fyne.io/fyne/v2/widget"
)

// Statements, aging and monthly reports are made from the Reports screen into a folder.
func TestReportsScreen(t *testing.T) {
	s := newStore(t)
	if err := s.GenerateDemo(ctx, data.DemoOptions{Customers: 12, Invoices: 200, Seed: 3, Today: data.MustDate(testToday)}); err != nil {
		t.Fatal(err)
	}
	ui := newTestUI(t, s)
	rs := ui.Reports
	dir := filepath.Join(t.TempDir(), "out")
	rs.OutDir.SetText(dir)
	rs.MinBalance.SetText("12x")
	tap(t, rs.Statements)
	ui.Wait()
	if ui.Modal == nil || !strings.Contains(ui.Modal.Message.Text, "minimum balance") {
		t.Fatalf("bad minimum balance not named: %+v", ui.Modal)
	}
	rs.MinBalance.SetText("")
	rs.Layout.SetSelected(envelopeDIN)
	if rs.Layout.Selected != envelopeDIN {
		t.Fatal("no DIN 5008 envelope to choose")
	}
	var sh fakeShell
	sh.install(ui)
	tap(t, rs.Statements)
	ui.Wait()
	// the written files can be opened from the message: the PDF, or their folder
	m := ui.Modal
	if m == nil || len(m.Buttons) != 3 || !strings.HasPrefix(m.Buttons[0].Text, "Open statements-") || !strings.HasSuffix(m.Buttons[0].Text, ".pdf") {
		t.Fatalf("after writing the statements: %+v", m)
	}
	tap(t, m.Buttons[0])
	tap(t, rs.Statements)
	ui.Wait()
	tap(t, ui.Modal.Button("Show folder"))
	if len(sh.opened) != 2 || !strings.HasSuffix(sh.opened[0], ".pdf") || filepath.Dir(sh.opened[0]) != dir || sh.opened[1] != dir {
		t.Fatalf("opened %q, want the statements PDF, then %s", sh.opened, dir)
	}
	tap(t, rs.Aging)
	ui.Wait()
	tap(t, rs.Monthly)
	ui.Wait()
	for _, pat := range []string{"statements-*.pdf", "statements-*-mailing.csv", "aging-*.pdf", "aging-*.csv", "monthly-*.pdf"} {
		m, _ := filepath.Glob(filepath.Join(dir, pat))
		if len(m) != 1 {
			t.Fatalf("%s: %v", pat, m)
		}
		b, _ := os.ReadFile(m[0])
		if strings.HasSuffix(pat, ".pdf") && !strings.HasPrefix(string(b), "%PDF") {
			t.Fatalf("%s is not a PDF", m[0])
		}
		if strings.HasSuffix(pat, ".csv") && strings.Count(string(b), "\n") < 3 {
			t.Fatalf("%s has too few rows:\n%s", m[0], b)
		}
	}
}

// The statement choices read as words, each standing for a layout and kind the reports take.
func TestStatementChoicesInWords(t *testing.T) {
	ui := newTestUI(t, newStore(t))
	rs := ui.Reports
	for _, sel := range []*widget.Select{rs.Layout, rs.Kind} {
		for _, o := range sel.Options {
			if o == "us10" || o == "din5008" || o == "open" || o == "activity" {
				t.Errorf("choice shown as its code %q", o)
			}
			if reportCodes[o] == "" {
				t.Errorf("choice %q stands for nothing", o)
			}
		}
	}
	if _, err := reports.ParseLayout(reportCodes[rs.Layout.Selected]); err != nil {
		t.Error(err)
	}
	if _, err := reports.ParseKind(reportCodes[rs.Kind.Selected]); err != nil {
		t.Error(err)
	}
}
