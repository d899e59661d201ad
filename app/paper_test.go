package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"duebook/app/pdfpage"
	"duebook/reports"
)

// fakeShell records what would be handed to the operating system.
type fakeShell struct{ opened, printed []string }

func (f *fakeShell) install(ui *UI) {
	ui.Shell = Shell{
		Open:  func(p string) error { f.opened = append(f.opened, p); return nil },
		Print: func(p string) error { f.printed = append(f.printed, p); return nil },
	}
}

func previewHas(d *PaperDialog, s string) bool {
	for _, t := range d.Preview.Texts() {
		if strings.Contains(t, s) {
			return true
		}
	}
	return false
}

func TestInvoiceViewPrintsSavesAndOpensBothLayouts(t *testing.T) {
	s := newStore(t)
	c := mkCustomer(t, s, "Bayside Café", 30, 0)
	inv := mkInvoice(t, s, c, "2026-06-01", 12345)
	ui := newTestUI(t, s)
	var sh fakeShell
	sh.install(ui)
	saveTo := filepath.Join(t.TempDir(), "saved.pdf")
	var suggested string
	ui.ChooseSavePath = func(name string, done func(string)) { suggested = name; done(saveTo) }

	ui.OpenInvoice(inv.ID)
	v := ui.Invoices.View
	tap(t, v.Print)
	d := ui.Paper
	if d == nil || !d.Modal.Visible() {
		t.Fatal("no print dialog")
	}
	if !previewHas(d, inv.Number) || !previewHas(d, "Bayside Café") {
		t.Fatalf("page-one preview lacks the number or customer: %q", d.Preview.Texts())
	}
	letterW := d.Preview.page.W
	d.Layout.SetSelected(layoutTitles[reports.LayoutDIN5008])
	if d.Paper.Layout != reports.LayoutDIN5008 || d.Preview.page.W >= letterW {
		t.Fatalf("DIN 5008 not drawn on A4: layout %s, width %.1f vs Letter %.1f", d.Paper.Layout, d.Preview.page.W, letterW)
	}

	// Save PDF…: the file is the A4 invoice, then the window offers to mark it sent.
	status := ui.StatusBar.Text
	tap(t, d.Modal.Button("Save PDF…"))
	// the confirmation goes where every confirmation goes; the status line keeps the company
	if ui.StatusBar.Text != status || !strings.Contains(ui.Notice.Text, "Saved saved.pdf") {
		t.Errorf("after saving: status bar %q (was %q), notice %q", ui.StatusBar.Text, status, ui.Notice.Text)
	}
	if !strings.HasSuffix(suggested, ".pdf") || !strings.Contains(suggested, inv.Number) {
		t.Errorf("suggested file name %q", suggested)
	}
	b, err := os.ReadFile(saveTo)
	if err != nil {
		t.Fatal(err)
	}
	pg, err := pdfpage.FirstPage(b)
	if err != nil || pg.W > 600 {
		t.Fatalf("saved file is not the A4 invoice: %v %+v", err, pg)
	}
	if d.Modal.Visible() {
		t.Error("print dialog still open after saving")
	}
	m := ui.Modal
	if m.Title != "Mark as sent" || !strings.Contains(m.Message.Text, "saved") {
		t.Fatalf("no offer to mark sent after saving: %q %q", m.Title, m.Message.Text)
	}
	tap(t, m.Button("Mark sent"))
	ui.Wait()
	got, _ := s.Invoice(ctx, inv.ID)
	if got.SentDate.String() != testToday {
		t.Errorf("sent date %q, want %s", got.SentDate, testToday)
	}

	// Open and Print go to the system with a written PDF; printing a sent invoice asks nothing more.
	tap(t, ui.Invoices.View.Print)
	tap(t, ui.Paper.Modal.Button("Open"))
	tap(t, ui.Invoices.View.Print)
	tap(t, ui.Paper.Modal.Button("Print"))
	if len(sh.opened) != 1 || len(sh.printed) != 1 {
		t.Fatalf("opened %v printed %v", sh.opened, sh.printed)
	}
	for _, p := range append(sh.opened, sh.printed...) {
		if b, err := os.ReadFile(p); err != nil || !strings.HasPrefix(string(b), "%PDF") {
			t.Errorf("%s is not a PDF: %v", p, err)
		}
	}
	if ui.Modal.Title == "Mark as sent" && ui.Modal.Visible() {
		t.Error("offered to mark sent an invoice already sent")
	}
}

func TestStatementAndLetterFromTheWindow(t *testing.T) {
	s := newStore(t)
	c := mkCustomer(t, s, "Hillcrest Print", 30, 0)
	mkInvoice(t, s, c, "2026-04-01", 50000)
	ui := newTestUI(t, s)
	var sh fakeShell
	sh.install(ui)

	ui.ShowCustomer(c.ID)
	ui.Wait()
	tap(t, ui.Customers.Detail.Statement)
	if !previewHas(ui.Paper, "Hillcrest Print") {
		t.Fatalf("statement preview: %q", ui.Paper.Preview.Texts())
	}
	tap(t, ui.Paper.Modal.Button("Print"))
	if len(sh.printed) != 1 {
		t.Fatalf("statement not printed: %v", sh.printed)
	}

	ui.SelectTab(TabCollections)
	ui.Wait()
	col := ui.Collections
	if len(col.Rows) == 0 {
		t.Fatal("empty worklist")
	}
	col.List.Select(0)
	ui.Wait()
	tap(t, col.LetterBtn)
	if ui.Paper == nil || !previewHas(ui.Paper, "Hillcrest Print") {
		t.Fatal("no letter preview")
	}
}
