package app

import (
	"testing"

	"duebook/app/inbox"

	"fyne.io/fyne/v2"
)

// The mail account dialog, with its buttons, fits a 900x600 window in every state: signed
// in with Microsoft (the longest sign-in row), a password account, and with messages under
// the fields.
func TestMailAccountDialogFits900x600(t *testing.T) {
	s, ui := accountUI(t)
	ui.Win.Resize(fyne.NewSize(900, 600))
	a := inbox.Account{Host: "outlook.office365.com", Port: 993, Security: "tls", Username: "accounts.receivable@contoso.example", Auth: inbox.AuthOAuthMicrosoft}
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
	fits := func(what string, af *AccountForm) {
		t.Helper()
		if m := af.Modal.D.MinSize(); m.Width > 900 || m.Height > 600 {
			t.Errorf("%s: the dialog needs %.0fx%.0f, more than the 900x600 window", what, m.Width, m.Height)
		}
	}
	tap(t, ui.Inbox.AccountB)
	af := ui.Inbox.AccountForm
	if af.SignOutB.Disabled() {
		t.Fatal("not shown signed in")
	}
	fits("signed in with Microsoft", af)
	af.Form.Field("preset").Select.SetSelected("Gmail")
	fits("Gmail", af)
	af.Form.Field("preset").Select.SetSelected("iCloud")
	fits("iCloud", af)
	typeInto(af.Form.Field("host").Entry, "")
	typeInto(af.Form.Field("port").Entry, "seventy")
	tap(t, af.Modal.Button("Save"))
	if !af.Form.Field("port").Error.Visible() {
		t.Fatal("no message under the port")
	}
	fits("with messages", af)
}
