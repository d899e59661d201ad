package app

import (
	"errors"
	"os"
	"os/exec"
	"strings"
	"testing"

	"duebook/app/inbox"
	"duebook/app/inbox/inboxtest"
	"duebook/data"
)

// useTestOAuth points the providers at the test token server and the browser at an HTTP
// client, restored at cleanup.
func useTestOAuth(t *testing.T, ts *inboxtest.OAuthServer) {
	t.Helper()
	g, m, open := inbox.OAuthGoogle, inbox.OAuthMicrosoft, inbox.OpenBrowser
	t.Cleanup(func() { inbox.OAuthGoogle, inbox.OAuthMicrosoft, inbox.OpenBrowser = g, m, open })
	for _, p := range []*inbox.OAuthProvider{&inbox.OAuthGoogle, &inbox.OAuthMicrosoft} {
		p.AuthURL, p.TokenURL = ts.URL+"/authorize", ts.URL+"/token"
		if p.DeviceAuthURL != "" {
			p.DeviceAuthURL = ts.URL + "/devicecode"
		}
	}
	inbox.OpenBrowser = inboxtest.Browser
}

func TestMailAccountPresets(t *testing.T) {
	s, ui := accountUI(t)
	tap(t, ui.Inbox.AccountB)
	af := ui.Inbox.AccountForm
	f := af.Form
	if f.Field("preset").Text() != "Other" || !af.SignInB.Disabled() || af.Password.Disabled() {
		t.Fatalf("new account: preset %q, sign-in disabled %v", f.Field("preset").Text(), af.SignInB.Disabled())
	}
	f.Field("preset").Select.SetSelected("Gmail")
	if f.Field("host").Text() != "imap.gmail.com" || f.Field("port").Text() != "993" || f.Field("security").Text() != "tls" ||
		f.Field("auth").Text() != "Google account" || f.Field("receiving server").Text() != "mx.google.com" {
		t.Fatalf("Gmail preset: %q %q %q %q %q", f.Field("host").Text(), f.Field("port").Text(), f.Field("security").Text(), f.Field("auth").Text(), f.Field("receiving server").Text())
	}
	if af.SignInB.Disabled() || af.SignInB.Text != "Sign in with Google" || !af.Password.Disabled() || !af.DeviceB.Disabled() {
		t.Fatal("Gmail: the Google sign-in is not offered (or the password still is)")
	}
	if af.Form.Field("client secret").Entry.Disabled() {
		t.Error("Google: no client secret field")
	}
	if !strings.Contains(af.Note.Text, "app password") || af.SignedIn.Text != "Not signed in yet" {
		t.Errorf("note %q, signed in %q", af.Note.Text, af.SignedIn.Text)
	}
	f.Field("preset").Select.SetSelected("Microsoft 365")
	if f.Field("host").Text() != "outlook.office365.com" || af.SignInB.Text != "Sign in with Microsoft" || af.DeviceB.Disabled() ||
		f.Field("receiving server").Text() != "" {
		t.Fatal("Microsoft 365 preset not filled")
	}
	if !f.Field("client secret").Entry.Disabled() {
		t.Error("Microsoft: a client secret is asked for")
	}
	f.Field("preset").Select.SetSelected("iCloud")
	if f.Field("host").Text() != "imap.mail.me.com" || f.Field("auth").Text() != "Password or app password" || af.Password.Disabled() || !af.SignInB.Disabled() {
		t.Fatal("iCloud preset: password sign-in not back")
	}
	// "Other" keeps what is typed
	f.Field("preset").Select.SetSelected("Other")
	if f.Field("host").Text() != "imap.mail.me.com" {
		t.Error("Other cleared the host")
	}
	typeInto(f.Field("user").Entry, "me@icloud.com")
	tap(t, af.Modal.Button("Save"))
	a, err := inbox.LoadAccount(ctx, s)
	if err != nil || a.AuthServID != "*.icloud.com" || a.Auth != inbox.AuthPassword {
		t.Fatalf("saved %+v %v", a, err)
	}
	// a bad authserv-id is refused beside its field, nothing saved
	tap(t, ui.Inbox.AccountB)
	af = ui.Inbox.AccountForm
	if af.Form.Field("preset").Text() != "iCloud" {
		t.Errorf("reopened with preset %q", af.Form.Field("preset").Text())
	}
	typeInto(af.Form.Field("receiving server").Entry, "mx..google.com")
	tap(t, af.Modal.Button("Save"))
	if fd := af.Form.Field("receiving server"); !af.Modal.Visible() || !strings.Contains(fd.Error.Text, "not a server name") {
		t.Fatalf("bad authserv: %q", fd.Error.Text)
	}
	if a, _ := inbox.LoadAccount(ctx, s); a.AuthServID != "*.icloud.com" {
		t.Errorf("half-saved: %q", a.AuthServID)
	}
}

func TestMailAccountProposedAuthServ(t *testing.T) {
	s, ui := accountUI(t)
	if err := s.Update(ctx, func(tx *data.Tx) error { return tx.SetSetting("mail.authserv_proposed", "mx.example.net") }); err != nil {
		t.Fatal(err)
	}
	tap(t, ui.Inbox.AccountB)
	af := ui.Inbox.AccountForm
	if !af.UseProposed.Visible() || !strings.Contains(af.Form.Field("receiving server").Entry.PlaceHolder, "mx.example.net") {
		t.Fatal("proposal not shown")
	}
	if af.Form.Field("receiving server").Text() != "" {
		t.Fatal("the proposal was taken without the user")
	}
	tap(t, af.UseProposed)
	if af.Form.Field("receiving server").Text() != "mx.example.net" {
		t.Fatal("Use did not fill the proposal")
	}
}

// The whole sign-in from the form against the oauth2 Dovecot: Sign in with Microsoft (an
// HTTP client plays the browser), Test shows every step working, Fetch reads mail; after the
// grant is revoked, Fetch opens the form saying to sign in again.
func TestMailAccountSignInDovecot(t *testing.T) {
	if _, err := exec.LookPath("dovecot"); err != nil {
		if _, err := os.Stat("/usr/sbin/dovecot"); err != nil {
			t.Skip("dovecot is not installed")
		}
	}
	if os.Geteuid() != 0 {
		t.Skip("the dovecot test server needs root")
	}
	ts := inboxtest.NewOAuthServer(t, "shop")
	d := inboxtest.StartOAuth2(t, ts)
	d.Append(t, "INBOX", []byte("From: a@example.com\nSubject: hello\nMessage-ID: <g1@example.com>\n\nhi\n"))
	useTestOAuth(t, ts)
	s, ui := accountUI(t)
	tap(t, ui.Inbox.AccountB)
	af := ui.Inbox.AccountForm
	f := af.Form
	f.Field("preset").Select.SetSelected("Outlook.com / Hotmail")
	fillAccount(af, d.Host, itoa(d.Port), "none", d.User, "", "")
	typeInto(f.Field("client id").Entry, ts.ClientID)

	tap(t, af.SignInB)
	ui.Wait()
	if af.SignInResult != "ok" || af.SignedIn.Text != "Signed in (kept in the OS keyring)" {
		t.Fatalf("sign-in: %q %q (sign-in error %q)", af.SignInResult, af.SignedIn.Text, f.Field("sign-in").Error.Text)
	}
	a, err := inbox.LoadAccount(ctx, s)
	if err != nil || a.Auth != inbox.AuthOAuthMicrosoft || a.Clients().MicrosoftID != ts.ClientID {
		t.Fatalf("sign-in did not save the account: %+v %v", a, err)
	}

	tap(t, af.Modal.Button("Test connection"))
	ui.Wait()
	if af.Tested != "ok" || ui.Modal.Title != "Connection works" || len(af.Steps) != 5 {
		t.Fatalf("test: %q %q\n%s", af.Tested, ui.Modal.Title, StepsText(af.Steps))
	}
	if txt := StepsText(af.Steps); !strings.Contains(txt, "Sign in (works): Signed in as shop with Microsoft.") || !strings.Contains(txt, "Encryption (not tried): Not encrypted") {
		t.Errorf("steps:\n%s", txt)
	}
	ui.Modal.Hide()
	tap(t, af.Modal.Button("Save"))

	tap(t, ui.Inbox.Fetch)
	ui.Wait()
	if ui.Modal.Title != "Mail read" || !strings.Contains(ui.Modal.Message.Text, "1 new messages") {
		t.Fatalf("fetch: %q %q", ui.Modal.Title, ui.Modal.Message.Text)
	}
	ui.Modal.Hide()

	ts.RevokeAll()
	tap(t, ui.Inbox.Fetch)
	ui.Wait()
	af = ui.Inbox.AccountForm
	if ui.Modal != af.Modal || !strings.HasPrefix(af.Form.Field("sign-in").Error.Text, "Sign in again") {
		t.Fatalf("revoked: modal %q, sign-in message %q", ui.Modal.Title, af.Form.Field("sign-in").Error.Text)
	}
}

func TestMailAccountDeviceSignInAndCancel(t *testing.T) {
	ts := inboxtest.NewOAuthServer(t, "shop")
	useTestOAuth(t, ts)
	_, ui := accountUI(t)
	tap(t, ui.Inbox.AccountB)
	af := ui.Inbox.AccountForm
	af.Form.Field("preset").Select.SetSelected("Microsoft 365")
	typeInto(af.Form.Field("user").Entry, "shop@contoso.example")
	typeInto(af.Form.Field("client id").Entry, ts.ClientID)
	ts.AutoApprove = true
	tap(t, af.DeviceB)
	ui.Wait()
	if af.SignInResult != "ok" || !strings.Contains(af.SignIn.Message.Text, "enter the code CODE-") {
		t.Fatalf("device sign-in: %q, message %q", af.SignInResult, af.SignIn.Message.Text)
	}
	// the sign-in saved the settings it signed in with: nothing left unsaved, Sign out offered
	if af.Dirty() || af.SignOutB.Disabled() || af.SignedIn.Text != "Signed in (kept in the OS keyring)" {
		t.Fatalf("after sign-in: dirty %v, Sign out disabled %v, %q", af.Dirty(), af.SignOutB.Disabled(), af.SignedIn.Text)
	}

	// no browser opens, and nobody answers: the address is shown, and Cancel stops the wait
	opened := make(chan struct{})
	inbox.OpenBrowser = func(string) error { close(opened); return errors.New("no xdg-open") }
	tap(t, af.SignInB)
	<-opened
	tap(t, af.SignIn.Button("Cancel"))
	ui.Wait()
	if af.SignInResult != "cancelled" || !strings.Contains(af.SignIn.Message.Text, "Open this address in a browser on this computer:\n"+ts.URL+"/authorize?") {
		t.Fatalf("cancel: %q, message %q", af.SignInResult, af.SignIn.Message.Text)
	}
	// refused in the browser: said beside the sign-in
	inbox.OpenBrowser = inboxtest.Browser
	ts.Deny = true
	tap(t, af.SignInB)
	ui.Wait()
	if !strings.HasPrefix(af.SignInResult, "failed: ") || !strings.Contains(af.Form.Field("sign-in").Error.Text, "refused in the browser") {
		t.Fatalf("denied: %q %q", af.SignInResult, af.Form.Field("sign-in").Error.Text)
	}
	// no client ID: said beside the sign-in method before anything starts
	typeInto(af.Form.Field("client id").Entry, "")
	tap(t, af.Modal.Button("Test connection"))
	if !strings.Contains(af.Form.Field("sign-in").Error.Text+af.Form.Field("auth").Error.Text, "client ID") {
		t.Errorf("no client ID: %q / %q", af.Form.Field("auth").Error.Text, af.Form.Field("sign-in").Error.Text)
	}
}

// The Google client ID and secret typed in the form are kept in the company file's settings
// and shown again; a client ID with a space is refused beside its field.
func TestMailAccountClientSettings(t *testing.T) {
	s, ui := accountUI(t)
	tap(t, ui.Inbox.AccountB)
	af := ui.Inbox.AccountForm
	af.Form.Field("preset").Select.SetSelected("Gmail")
	typeInto(af.Form.Field("user").Entry, "shop@gmail.com")
	typeInto(af.Form.Field("client id").Entry, "has space")
	tap(t, af.Modal.Button("Save"))
	if fd := af.Form.Field("client id"); !af.Modal.Visible() || !strings.Contains(fd.Error.Text, "spaces") {
		t.Fatalf("bad client ID: %q (general %q)", fd.Error.Text, af.Form.General.Text)
	}
	if _, err := inbox.LoadAccount(ctx, s); err == nil {
		t.Fatal("the account was saved with a refused client ID")
	}
	typeInto(af.Form.Field("client id").Entry, "123.apps.googleusercontent.com")
	typeInto(af.Form.Field("client secret").Entry, "GOCSPX-test")
	tap(t, af.Modal.Button("Save"))
	if af.Modal.Visible() {
		t.Fatalf("not saved: %q", af.Form.General.Text)
	}
	if c := inbox.LoadOAuthClients(ctx, s); c.GoogleID != "123.apps.googleusercontent.com" || c.GoogleSecret != "GOCSPX-test" || c.MicrosoftID != "" {
		t.Fatalf("saved clients %+v", c)
	}
	tap(t, ui.Inbox.AccountB)
	af = ui.Inbox.AccountForm
	if af.Form.Field("client id").Text() != "123.apps.googleusercontent.com" || af.Form.Field("client secret").Text() != "GOCSPX-test" {
		t.Fatal("saved client not shown")
	}
}
