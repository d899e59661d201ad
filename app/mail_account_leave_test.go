package app

import (
	"reflect"
	"strings"
	"testing"

	"duebook/app/inbox"
	"duebook/data"

	"fyne.io/fyne/v2"
	"github.com/zalando/go-keyring"
)

// pressKey types a key on the window as the user would (the dialogs listen on the canvas).
func pressKey(ui *UI, k fyne.KeyName) {
	if h := ui.Win.Canvas().OnTypedKey(); h != nil {
		h(&fyne.KeyEvent{Name: k})
	}
}

// sameHandler tells whether the window's key handler is still the one it had before.
func sameHandler(ui *UI, before func(*fyne.KeyEvent)) bool {
	now := ui.Win.Canvas().OnTypedKey()
	if before == nil || now == nil {
		return before == nil && now == nil
	}
	return reflect.ValueOf(now).Pointer() == reflect.ValueOf(before).Pointer()
}

// Cancel or Escape on a changed mail account form asks Save / Discard / Cancel; an
// unchanged form closes without asking.
func TestMailAccountUnsavedChangesAsk(t *testing.T) {
	s, ui := accountUI(t)
	is := ui.Inbox
	keys := ui.Win.Canvas().OnTypedKey()

	// unchanged: Cancel closes at once, and so does Escape
	tap(t, is.AccountB)
	af := is.AccountForm
	tap(t, af.Modal.Button("Cancel"))
	noQuestion(t, ui)
	if af.Modal.Visible() {
		t.Fatal("Cancel did not close an unchanged form")
	}
	tap(t, is.AccountB)
	af = is.AccountForm
	pressKey(ui, fyne.KeyEscape)
	noQuestion(t, ui)
	if af.Modal.Visible() {
		t.Fatal("Escape did not close an unchanged form")
	}
	if !sameHandler(ui, keys) {
		t.Fatal("the closed form still takes the keys")
	}

	// changed: Cancel asks; Cancel of the question keeps the form with what was typed
	tap(t, is.AccountB)
	af = is.AccountForm
	fillAccount(af, "imap.example.com", "993", "tls", "owner@example.com", "s3cret", "Payments")
	tap(t, af.Modal.Button("Cancel"))
	q := unsavedQuestion(t, ui)
	if !strings.Contains(q.Message.Text, "mail account") {
		t.Errorf("the question does not name the mail account: %q", q.Message.Text)
	}
	tap(t, q.Button("Cancel"))
	if !af.Modal.Visible() || af.Form.Field("host").Text() != "imap.example.com" || af.Password.Text != "s3cret" {
		t.Fatal("Cancel of the question did not keep the form with the typed values")
	}
	if _, err := inbox.LoadAccount(ctx, s); err == nil {
		t.Fatal("saved without the user saying so")
	}

	// Escape asks too; Discard closes without saving
	pressKey(ui, fyne.KeyEscape)
	tap(t, unsavedQuestion(t, ui).Button("Discard"))
	if af.Modal.Visible() {
		t.Fatal("Discard did not close the form")
	}
	if _, err := inbox.LoadAccount(ctx, s); err == nil {
		t.Fatal("Discard saved the account")
	}
	if !sameHandler(ui, keys) {
		t.Fatal("after Discard the closed form still takes the keys")
	}
	pressKey(ui, fyne.KeyEscape) // nothing left to answer
	if m := ui.Modal; m != nil && m.Visible() {
		t.Fatalf("Escape after closing showed %q", m.Title)
	}

	// the form opens again as saved (nothing); a refused value is not dropped by Save
	tap(t, is.AccountB)
	af = is.AccountForm
	if af.Form.Field("host").Text() != "" {
		t.Fatalf("discarded host %q came back", af.Form.Field("host").Text())
	}
	fillAccount(af, "imap.example.com", "abc", "tls", "owner@example.com", "s3cret", "Payments")
	tap(t, af.Modal.Button("Cancel"))
	tap(t, unsavedQuestion(t, ui).Button("Save"))
	if !af.Modal.Visible() || !af.Form.Field("port").Error.Visible() {
		t.Fatal("a form that could not be saved was closed")
	}

	// Save stores the settings and the password, and closes
	typeInto(af.Form.Field("port").Entry, "993")
	tap(t, af.Modal.Button("Cancel"))
	tap(t, unsavedQuestion(t, ui).Button("Save"))
	if af.Modal.Visible() {
		t.Fatalf("Save did not close the form: %q", af.Form.General.Text)
	}
	a, err := inbox.LoadAccount(ctx, s)
	if err != nil || a.Host != "imap.example.com" || a.Port != 993 || a.Folder != "Payments" {
		t.Fatalf("saved %+v %v", a, err)
	}
	if pw, err := inbox.Password(a); err != nil || pw != "s3cret" {
		t.Fatalf("password %q %v", pw, err)
	}
	if !sameHandler(ui, keys) {
		t.Fatal("after Save the closed form still takes the keys")
	}

	// saved and unchanged: the form closes without asking; so does one saved with its Save button
	tap(t, is.AccountB)
	af = is.AccountForm
	tap(t, af.Modal.Button("Cancel"))
	noQuestion(t, ui)
	tap(t, is.AccountB)
	af = is.AccountForm
	typeInto(af.Form.Field("folder").Entry, "INBOX")
	tap(t, af.Modal.Button("Save"))
	if af.Modal.Visible() || ui.Guard("mail account") != nil {
		t.Fatal("the saved form stayed open or guarded")
	}
	// typing a value and typing it back is no change
	tap(t, is.AccountB)
	af = is.AccountForm
	typeInto(af.Form.Field("folder").Entry, "Other")
	typeInto(af.Form.Field("folder").Entry, "INBOX")
	pressKey(ui, fyne.KeyEscape)
	noQuestion(t, ui)
	if af.Modal.Visible() {
		t.Fatal("a form typed back to what was saved did not close")
	}
}

// Closing the window (or opening another company) with a changed mail account form asks
// first; Cancel keeps the window and the form, Save stores the account and closes.
func TestMailAccountWindowCloseAsks(t *testing.T) {
	s, ui := accountUI(t)
	tap(t, ui.Inbox.AccountB)
	af := ui.Inbox.AccountForm
	fillAccount(af, "imap.example.com", "", "starttls", "owner@example.com", "", "")

	ui.OpenFile(s.Path()) // another company (the same file will do: it is asked about first)
	tap(t, unsavedQuestion(t, ui).Button("Cancel"))
	ui.requestClose()
	tap(t, unsavedQuestion(t, ui).Button("Cancel"))
	if ui.Store == nil || !af.Modal.Visible() || af.Form.Field("user").Text() != "owner@example.com" {
		t.Fatal("Cancel did not keep the window and the form with its values")
	}
	ui.requestClose()
	tap(t, unsavedQuestion(t, ui).Button("Save"))
	if ui.Store != nil {
		t.Fatal("the window did not close after saving")
	}
	s2, err := data.Open(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if a, err := inbox.LoadAccount(ctx, s2); err != nil || a.Host != "imap.example.com" || a.Security != "starttls" {
		t.Fatalf("closing the window did not save the account: %+v %v", a, err)
	}
}

// Opening another company with a changed mail account form asks; Discard drops the form
// (nothing saved in the first file) and the other company opens.
func TestMailAccountOpenAnotherCompanyAsks(t *testing.T) {
	s, ui := accountUI(t)
	other := newStore(t)
	otherPath := other.Path()
	other.Close()
	tap(t, ui.Inbox.AccountB)
	af := ui.Inbox.AccountForm
	typeInto(af.Form.Field("host").Entry, "imap.example.com")
	typeInto(af.Form.Field("user").Entry, "owner@example.com")
	ui.OpenFile(otherPath)
	tap(t, unsavedQuestion(t, ui).Button("Discard"))
	ui.Wait()
	if af.Modal.Visible() || ui.Guard("mail account") != nil {
		t.Fatal("Discard left the form open")
	}
	if ui.Store == nil || ui.Store.Path() != otherPath {
		t.Fatal("the other company did not open")
	}
	s1, err := data.Open(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer s1.Close()
	if a, err := inbox.LoadAccount(ctx, s1); err == nil {
		t.Fatalf("Discard saved the account: %+v", a)
	}
}

// A read-only company file cannot take the changes: Close closes without asking.
func TestMailAccountReadOnlyClosesWithoutAsking(t *testing.T) {
	keyring.MockInit()
	s := newStore(t)
	path := s.Path()
	s.Close()
	ro, err := data.OpenWith(path, data.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ro.Close() })
	ui := newTestUI(t, ro)
	tap(t, ui.Inbox.AccountB)
	af := ui.Inbox.AccountForm
	typeInto(af.Form.Field("host").Entry, "imap.example.com")
	tap(t, af.Modal.Button("Close"))
	noQuestion(t, ui)
	if af.Modal.Visible() {
		t.Fatal("Close did not close the read-only form")
	}
}
