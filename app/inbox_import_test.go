package app

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"duebook/data"
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"
)

func mailFixture(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("inbox", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestInboxImportMail: Import mail… reads an mbox holding the same payment mail twice (one
// message stored), says that no sender could be trusted without the receiving server, and
// the same message dropped on the window later as an .eml is not read again.
func TestInboxImportMail(t *testing.T) {
	s := newStore(t)
	ui := newTestUI(t, s)
	is := ui.Inbox
	dir := t.TempDir()
	msg := bytes.ReplaceAll(mailFixture(t, "paypal_received.eml"), []byte("\r\n"), []byte("\n"))
	var mbox bytes.Buffer
	for i := 0; i < 2; i++ {
		mbox.WriteString("From - Wed Jan 14 16:02:09 2026\n")
		mbox.Write(msg)
		mbox.WriteString("\n")
	}
	mb := filepath.Join(dir, "Payments.mbox")
	eml := filepath.Join(dir, "paypal.eml")
	junk := filepath.Join(dir, "notes.eml")
	for p, b := range map[string][]byte{mb: mbox.Bytes(), eml: msg, junk: []byte("just some notes\n")} {
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	tap(t, is.ImportB)
	d := is.ImportDlg
	if d == nil || !strings.Contains(d.Chosen.Text, "No files chosen") {
		t.Fatal("import dialog not shown")
	}
	tap(t, d.Modal.Button("Import")) // nothing chosen: says so, stays open
	if !strings.Contains(d.Chosen.Text, "Add at least one file") {
		t.Fatalf("empty import: %q", d.Chosen.Text)
	}
	d.Add(mb, junk, mb)
	if len(d.Paths) != 2 || !strings.Contains(d.Chosen.Text, "Payments.mbox") {
		t.Fatalf("chosen %v %q", d.Paths, d.Chosen.Text)
	}
	tap(t, d.Modal.Button("Import"))
	ui.Wait()
	if len(is.Messages) != 1 || is.Messages[0].Provider != "paypal" || is.Messages[0].Trusted {
		t.Fatalf("messages %+v", is.Messages)
	}
	for _, want := range []string{"2 messages read: 1 new, 1 already read before", "receiving server", "notes.eml: is not a mail message"} {
		if !strings.Contains(is.LastImport, want) {
			t.Errorf("summary %q does not say %q", is.LastImport, want)
		}
	}
	if ui.Modal == nil || ui.Modal.Title != "Mail imported" {
		t.Fatal("no summary shown")
	}
	// no receiving server yet: the Inbox says so and offers the one the mail was received by
	if !is.TrustBar.Visible() || !strings.Contains(is.TrustText.Text, "No sender is trusted yet") || !is.UseServer.Visible() ||
		is.UseServer.Text != "Use mx.brightside-mail.example" {
		t.Fatalf("trust bar: visible=%v %q / %q", is.TrustBar.Visible(), is.TrustText.Text, is.UseServer.Text)
	}
	tap(t, is.UseServer)
	ui.Wait()
	if v, _ := s.Setting(ctx, "mail.authserv"); v != "mx.brightside-mail.example" || is.TrustBar.Visible() {
		t.Fatalf("after Use: server %q, bar visible %v", v, is.TrustBar.Visible())
	}

	// the same message dropped on the window: already read
	ui.SelectTab(TabDashboard)
	is.Dropped([]fyne.URI{storage.NewFileURI(eml)})
	ui.Wait()
	if ui.Tabs.Selected().Text != TabInbox || len(is.Messages) != 1 || !strings.Contains(is.LastImport, "1 message read: 0 new, 1 already read before") {
		t.Fatalf("drop: tab %s, %d messages, %q", ui.Tabs.Selected().Text, len(is.Messages), is.LastImport)
	}
	if v, _ := s.Check(ctx); len(v) > 0 {
		t.Fatal(v)
	}
}

// TestSampleInbox: the sample company opens with payment mails already read — matched,
// waiting, needing a choice, and a spoof flagged as not trusted.
func TestSampleInbox(t *testing.T) {
	s := newStore(t)
	if err := s.GenerateDemo(ctx, data.DemoOptions{Customers: 25, Invoices: 300, Seed: 3, Today: s.Today()}); err != nil {
		t.Fatal(err)
	}
	ui := newTestUI(t, s)
	showTab(ui, TabInvoices)
	is := ui.Inbox
	is.Reload()
	ui.Wait()
	if len(is.Messages) < 5 || !strings.Contains(is.Count.Text, "waiting for you") || strings.HasPrefix(is.Count.Text, "0 messages") {
		t.Fatalf("sample inbox: %d messages, %q", len(is.Messages), is.Count.Text)
	}
	seen := map[string]bool{}
	for i, m := range is.Messages {
		is.List.Select(i)
		switch {
		case m.Status == "applied":
			seen["applied"] = strings.Contains(is.Detail.Text, "Recorded as a payment")
		case !m.Trusted && m.Status == "proposed":
			seen["spoof"] = strings.Contains(is.Detail.Text, "NOT trusted") && strings.Contains(is.Detail.Text, "dmarc=fail")
		case m.Status == "proposed" && m.Confidence == 100:
			seen["exact"] = !is.Accept.Disabled()
		case m.Status == "proposed" && m.Confidence < 70:
			seen["choice"] = !is.Change.Disabled()
		}
	}
	for _, k := range []string{"applied", "spoof", "exact", "choice"} {
		if !seen[k] {
			t.Errorf("sample inbox has no %s message shown right (%v)", k, seen)
		}
	}
}

// The sample company's Inbox speaks plain words: provider names as written, what became of
// each message, why a sender is not trusted, without the reader's trace or internal codes.
func TestSampleInboxInPlainWords(t *testing.T) {
	s := newStore(t)
	if err := s.GenerateDemo(ctx, data.DemoOptions{Customers: 25, Invoices: 300, Seed: 3, Today: s.Today()}); err != nil {
		t.Fatal(err)
	}
	ui := newTestUI(t, s)
	showTab(ui, TabInvoices)
	is := ui.Inbox
	is.Reload()
	ui.Wait()
	if len(is.Messages) == 0 {
		t.Fatal("the sample inbox is empty")
	}
	internal := []string{"[proposed]", "[applied]", "[ignored]", "[new]", "received:", "provider paypal", "provider stripe",
		"language en", "untrusted:", "paypal ", "stripe ", "not_payment", "payment #", "Recorded as payment "}
	row := is.List.CreateItem()
	for i := range is.Messages {
		is.List.UpdateItem(i, row)
		is.List.Select(i)
		for _, w := range internal {
			if txt := row.(*widget.Label).Text; strings.Contains(txt, w) {
				t.Errorf("row %d shows %q: %q", i, w, txt)
			}
			if strings.Contains(is.Detail.Text, w) {
				t.Errorf("message %d's detail shows %q:\n%s", i, w, is.Detail.Text)
			}
		}
	}
}

// The Change dialog of an untrusted message says why in words, without the reader's trace.
func TestChangeDialogInPlainWords(t *testing.T) {
	s := newStore(t)
	if err := s.GenerateDemo(ctx, data.DemoOptions{Customers: 25, Invoices: 300, Seed: 3, Today: s.Today()}); err != nil {
		t.Fatal(err)
	}
	ui := newTestUI(t, s)
	is := ui.Inbox
	is.Reload()
	ui.Wait()
	shown := 0
	for _, m := range is.Messages {
		if !changeable(m) {
			continue
		}
		d := is.ShowChange(m)
		shown++
		txt := d.Modal.Message.Text
		for _, w := range []string{"received:", "provider paypal", "provider stripe", "language en", "untrusted:", "paypal ", "stripe "} {
			if strings.Contains(txt, w) {
				t.Errorf("the Change dialog shows %q:\n%s", w, txt)
			}
		}
		d.Modal.Hide()
	}
	if shown == 0 {
		t.Fatal("no message of the sample inbox can be changed")
	}
}
