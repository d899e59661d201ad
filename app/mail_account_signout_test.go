package app

import (
	"strings"
	"testing"

	"duebook/app/inbox"
)

// Sign out asks first, then removes the kept sign-in from the OS keyring: the form says
// "Not signed in" and Fetch says to sign in. The account settings stay.
func TestMailAccountSignOut(t *testing.T) {
	s, ui := accountUI(t)
	a := inbox.Account{Host: "outlook.office365.com", Port: 993, Security: "tls", Username: "shop@contoso.example", Auth: inbox.AuthOAuthMicrosoft}
	a = a.WithClients(inbox.OAuthClients{MicrosoftID: "test-client"})
	if err := inbox.SaveAccount(ctx, s, a); err != nil {
		t.Fatal(err)
	}
	if err := inbox.SaveOAuthClients(ctx, s, a.Clients()); err != nil {
		t.Fatal(err)
	}
	if err := inbox.SaveRefreshToken(a, inbox.OAuthMicrosoft, "refresh-1"); err != nil {
		t.Fatal(err)
	}

	tap(t, ui.Inbox.AccountB)
	af := ui.Inbox.AccountForm
	if af.SignedIn.Text != "Signed in (kept in the OS keyring)" || af.SignOutB.Disabled() {
		t.Fatalf("signed in: %q, Sign out disabled %v", af.SignedIn.Text, af.SignOutB.Disabled())
	}
	// Cancel keeps the sign-in
	tap(t, af.SignOutB)
	q := ui.Modal
	if q == af.Modal || !q.Visible() || !strings.Contains(q.Message.Text, "shop@contoso.example (Microsoft)") {
		t.Fatalf("no question before signing out: %q", q.Message.Text)
	}
	tap(t, q.Button("Cancel"))
	if _, err := inbox.RefreshToken(a, inbox.OAuthMicrosoft); err != nil || af.SignOutResult != "cancelled" {
		t.Fatalf("Cancel signed out: %v %q", err, af.SignOutResult)
	}
	tap(t, af.SignOutB)
	tap(t, ui.Modal.Button("Sign out"))
	if _, err := inbox.RefreshToken(a, inbox.OAuthMicrosoft); err == nil {
		t.Fatal("the refresh token is still in the keyring")
	}
	if af.SignedIn.Text != "Not signed in" || !af.SignOutB.Disabled() || af.SignInB.Disabled() || !af.Modal.Visible() {
		t.Fatalf("after sign-out: %q, Sign out disabled %v", af.SignedIn.Text, af.SignOutB.Disabled())
	}
	// signing out changed no setting: the form closes without asking, the account stays
	tap(t, af.Modal.Button("Cancel"))
	noQuestion(t, ui)
	if got, err := inbox.LoadAccount(ctx, s); err != nil || got.Host != a.Host || got.Auth != a.Auth {
		t.Fatalf("account after sign-out %+v %v", got, err)
	}

	tap(t, ui.Inbox.Fetch)
	ui.Wait()
	af = ui.Inbox.AccountForm
	if ui.Modal != af.Modal || !strings.HasPrefix(af.Form.Field("sign-in").Error.Text, "Sign in: Duebook is not signed in") {
		t.Fatalf("Fetch after sign-out: modal %q, sign-in message %q", ui.Modal.Title, af.Form.Field("sign-in").Error.Text)
	}
	if af.SignedIn.Text != "Not signed in yet" || !af.SignOutB.Disabled() {
		t.Errorf("reopened: %q, Sign out disabled %v", af.SignedIn.Text, af.SignOutB.Disabled())
	}

	// a password account shows no Sign out
	af.Form.Field("preset").Select.SetSelected("iCloud")
	if !af.SignOutB.Disabled() {
		t.Error("Sign out offered for a password account")
	}
}
