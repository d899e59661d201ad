package app

import (
	"strings"
	"testing"

	"duebook/app/inbox"
)

// The account form checks itself as the user types: a message under a field goes as soon as
// the value is right, and a wrong value is told before Save. Messages about the sign-in or
// a missing password stay until they are dealt with.
func TestMailAccountMessagesFollowTyping(t *testing.T) {
	s, ui := accountUI(t)
	tap(t, ui.Inbox.AccountB)
	af := ui.Inbox.AccountForm
	f := af.Form
	fillAccount(af, "imap.example.com", "abc", "tls", "owner@example.com", "", "")
	tap(t, af.Modal.Button("Save"))
	port := f.Field("port")
	if !port.Error.Visible() {
		t.Fatal("no message under the port")
	}
	typeInto(port.Entry, "993")
	if port.Error.Visible() {
		t.Fatalf("the port message stayed after the port was corrected: %q", port.Error.Text)
	}
	typeInto(port.Entry, "70000")
	if !strings.Contains(port.Error.Text, "between 1 and 65535") {
		t.Fatalf("port 70000 not told while typing: %q", port.Error.Text)
	}
	typeInto(port.Entry, "")
	asv := f.Field("receiving server")
	typeInto(asv.Entry, "mx..google.com")
	if !strings.Contains(asv.Error.Text, "not a server name") {
		t.Fatalf("bad receiving server not told while typing: %q", asv.Error.Text)
	}
	typeInto(asv.Entry, "mx.google.com")
	if asv.Error.Visible() {
		t.Fatal("the receiving server message stayed after it was corrected")
	}
	typeInto(f.Field("user").Entry, "")
	if !strings.Contains(f.Field("user").Error.Text, "is required") {
		t.Fatalf("emptied user not told: %q", f.Field("user").Error.Text)
	}
	typeInto(f.Field("user").Entry, "owner@example.com")
	tap(t, af.Modal.Button("Save"))
	if af.Modal.Visible() {
		t.Fatalf("not saved: %q", f.General.Text)
	}

	// no password kept: Fetch opens the form saying so; typing elsewhere keeps the message,
	// typing the password clears it
	tap(t, ui.Inbox.Fetch)
	af = ui.Inbox.AccountForm
	pw := af.Form.Field("password")
	if !strings.Contains(pw.Error.Text, "not saved") {
		t.Fatalf("missing password not told: %q", pw.Error.Text)
	}
	typeInto(af.Form.Field("folder").Entry, "Payments")
	if !pw.Error.Visible() {
		t.Fatal("the missing-password message went while the password is still missing")
	}
	typeInto(af.Password, "s3cret")
	if pw.Error.Visible() {
		t.Fatal("the missing-password message stayed after a password was typed")
	}
	tap(t, af.Modal.Button("Save"))

	// a sign-in that no longer works: the reason stays beside the sign-in while typing
	a := inbox.Account{Host: "outlook.office365.com", Port: 993, Security: "tls", Username: "shop@contoso.example", Auth: inbox.AuthOAuthMicrosoft}
	a = a.WithClients(inbox.OAuthClients{MicrosoftID: "test-client"})
	if err := inbox.SaveAccount(ctx, s, a); err != nil {
		t.Fatal(err)
	}
	if err := inbox.SaveOAuthClients(ctx, s, a.Clients()); err != nil {
		t.Fatal(err)
	}
	tap(t, ui.Inbox.Fetch)
	af = ui.Inbox.AccountForm
	si := af.Form.Field("sign-in")
	if !strings.HasPrefix(si.Error.Text, "Sign in:") {
		t.Fatalf("not-signed-in not told: %q", si.Error.Text)
	}
	typeInto(af.Form.Field("folder").Entry, "INBOX")
	if !strings.HasPrefix(si.Error.Text, "Sign in:") {
		t.Fatal("the sign-in message went on typing in another field")
	}
}
