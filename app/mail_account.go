package app

import (
	"context"
	"fmt"
	"strings"

	"duebook/app/inbox"
	"duebook/data"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// AccountForm is the mail account dialog: the mailbox Duebook reads. The settings go to the
// company file; the password, or the sign-in's refresh token, to the OS keyring only (never
// the company file).
type AccountForm struct {
	is       *InboxScreen
	Modal    *Modal
	Form     *Form
	Password *widget.Entry
	// Note says what the chosen provider wants for signing in.
	Note *widget.Label
	// SignInB signs in with Google or Microsoft in the system browser; DeviceB with a code
	// (Microsoft); SignedIn says whether a sign-in is kept; SignOutB forgets it.
	SignInB, DeviceB, SignOutB *widget.Button
	SignedIn                   *widget.Label
	// UseProposed fills the authserv-id the store proposes from the mail it read (hidden
	// when there is no proposal).
	UseProposed *widget.Button
	// Tested is the last "Test connection" outcome shown ("" until one finished); Steps
	// what each step did.
	Tested string
	Steps  []inbox.CheckStep
	// Test is the background check's dialog while it runs (Cancel stops it); SignIn the
	// sign-in's, while it waits for the browser.
	Test, SignIn *Modal
	// SignInResult is the last sign-in's outcome: "ok", "failed: …", "cancelled";
	// SignOutResult the last sign-out's.
	SignInResult, SignOutResult string

	clients  inbox.OAuthClients
	security string // the Security chosen last (securityChanged)
	pwHint   string
	// baseline is the form as saved (Dirty compares with it); guard is its FormGuard.
	baseline string
	guard    *FormGuard
}

type disabler interface {
	Enable()
	Disable()
}

func enable(w disabler, on bool) {
	if on {
		w.Enable()
	} else {
		w.Disable()
	}
}

var securityChoices = []string{"tls", "starttls", "none"}

// securityWords is how a stored security code reads in the form: the names mail
// providers' help pages use.
func securityWords(code string) string {
	switch code {
	case "tls":
		return "SSL/TLS"
	case "starttls":
		return "STARTTLS"
	case "none":
		return "None (only to this computer)"
	}
	return code
}

// authChoices are the sign-in methods in words, in the order of inbox.AuthMethods.
var authChoices = []string{"Password or app password", "Google account", "Microsoft account"}

func authChoice(auth string) string {
	for i, m := range inbox.AuthMethods {
		if m == auth {
			return authChoices[i]
		}
	}
	return authChoices[0]
}

func authFromChoice(s string) string {
	for i, c := range authChoices {
		if c == s {
			return inbox.AuthMethods[i]
		}
	}
	return inbox.AuthPassword
}

// ShowAccount opens the mail account form, filled with the saved settings (it becomes
// is.AccountForm).
func (is *InboxScreen) ShowAccount() { is.showAccount() }

func (is *InboxScreen) showAccount() *AccountForm {
	ctx := context.Background()
	s := is.ui.Store
	a, _ := inbox.LoadAccount(ctx, s) // not set up yet: what there is (maybe nothing)
	af := &AccountForm{is: is, Form: NewForm(), clients: a.Clients()}
	f := af.Form
	auth, _ := inbox.ParseAuth(a.Auth)
	preset := f.Choice("preset", "Provider", inbox.PresetNames())
	f.Entry("host", "IMAP server", "imap.example.com").SetText(a.Host)
	port := ""
	if a.Port > 0 {
		port = fmt.Sprint(a.Port)
	}
	f.Entry("port", "Port", "empty: 993 for SSL/TLS, 143 otherwise").SetText(port)
	sec := strings.ToLower(strings.TrimSpace(a.Security))
	if sec == "" {
		sec = "tls"
	}
	secF := f.Coded("security", "Security", securityChoices, securityWords)
	secF.SetText(sec)
	secF.Select.OnChanged = func(string) { af.securityChanged() }
	af.security = secF.Text()
	f.Entry("user", "Username", "you@example.com").SetText(a.Username)
	authF := f.Choice("auth", "Sign in with", authChoices)
	authF.SetText(authChoice(auth))
	af.Password = widget.NewPasswordEntry()
	pwHint := "kept in the OS keyring"
	if a.Host != "" && a.Username != "" && auth == inbox.AuthPassword {
		if _, err := inbox.Password(a); err == nil {
			pwHint = "saved; leave empty to keep it"
		}
	}
	af.pwHint = pwHint
	f.add(&Field{Name: "password", Label: "Password", Entry: af.Password, input: af.Password})
	af.SignInB = widget.NewButton("Sign in", af.StartSignIn)
	af.DeviceB = widget.NewButton("Use a code instead", af.StartDeviceSignIn)
	af.SignedIn = widget.NewLabel("")
	af.SignOutB = widget.NewButton("Sign out", af.AskSignOut)
	af.SignOutB.Disable()
	f.add(&Field{Name: "sign-in", Label: "Sign-in", input: container.NewVBox(container.NewHBox(af.SignInB, af.DeviceB),
		container.NewHBox(af.SignedIn, af.SignOutB))})
	f.Entry("client id", "OAuth client ID", "")
	f.Entry("client secret", "Client secret", "Google desktop clients only")
	asv := widget.NewEntry()
	asv.SetPlaceHolder("authserv-id, e.g. mx.google.com")
	asv.SetText(a.AuthServID)
	af.UseProposed = widget.NewButton("", nil)
	af.UseProposed.Hide()
	if p, _ := s.Setting(ctx, "mail.authserv_proposed"); p != "" && p != a.AuthServID {
		af.UseProposed.SetText("Use " + p + " (seen in your mail)")
		af.UseProposed.OnTapped = func() { asv.SetText(p) }
		af.UseProposed.Show()
		asv.SetPlaceHolder("proposed from your mail: " + p)
	}
	f.add(&Field{Name: "receiving server", Label: "Receiving server ID", Entry: asv, input: container.NewVBox(asv, af.UseProposed)})
	f.Entry("folder", "Folder", "INBOX").SetText(a.Folder)
	af.Note = widget.NewLabel("")
	af.Note.Wrapping = fyne.TextWrapWord
	preset.SetText(inbox.PresetFor(a.Host, auth).Name)
	preset.Select.OnChanged = func(name string) { af.applyPreset(name) }
	authF.Select.OnChanged = func(string) { af.showAuth() }
	af.showAuth()
	f.Live(af.liveCheck)

	// the form scrolls, so that the dialog and its buttons fit a 1024x640 window (and 900x600)
	content := container.NewVScroll(container.NewVBox(af.Note, f.Object()))
	content.SetMinSize(fyne.NewSize(540, 380))
	f.PageScroll = content // the wheel over a field scrolls the form too
	if s.ReadOnly() {
		af.Modal = is.ui.ShowModal("Mail account", "The company file is open read-only: the account cannot be changed here.",
			content, ModalButton{Text: "Test connection", Action: af.TestConnection}, ModalButton{Text: "Close", Main: true})
	} else {
		af.Modal = is.ui.ShowModal("Mail account", "The mailbox where your payment confirmations arrive. Duebook only reads it.",
			content,
			ModalButton{Text: "Save", Main: true, Action: af.saveAndClose},
			ModalButton{Text: "Test connection", Action: af.TestConnection},
			ModalButton{Text: "Cancel", Action: af.cancel})
	}
	af.Modal.SetForm(f)
	af.Modal.Fit(560)
	af.guardAccount()
	is.AccountForm = af
	return af
}

// applyPreset fills host, port, security, sign-in method and authserv-id from a provider.
func (af *AccountForm) applyPreset(name string) {
	p, err := inbox.FindPreset(name)
	if err != nil {
		return
	}
	f := af.Form
	if p.Key != "other" {
		f.Field("host").SetText(p.Host)
		f.Field("port").SetText(fmt.Sprint(p.Port))
		f.Field("security").SetText(p.Security)
		f.Field("auth").SetText(authChoice(p.Auth))
		f.Field("receiving server").SetText(p.AuthServID)
	}
	af.showAuth()
}

// securityChanged moves the port along with the security when it is the standard port
// of the security chosen before (993 for SSL/TLS, 143 for STARTTLS or none): STARTTLS on
// port 993 cannot connect. A port typed that is neither is left as it is.
func (af *AccountForm) securityChanged() {
	port := af.Form.Field("port")
	sec := af.Form.Field("security").Text()
	if strings.TrimSpace(port.Text()) == fmt.Sprint(standardPort(af.security)) && sec != af.security {
		port.SetText(fmt.Sprint(standardPort(sec)))
	}
	af.security = sec
}

// standardPort is the IMAP port a security code uses by default.
func standardPort(security string) int {
	if security == "tls" {
		return 993
	}
	return 143
}

// showAuth shows the fields of the chosen sign-in method: the password, or the sign-in
// buttons and the client ID.
func (af *AccountForm) showAuth() {
	f := af.Form
	auth := authFromChoice(f.Field("auth").Text())
	p, oauth := inbox.ProviderFor(auth)
	note := ""
	if pr, err := inbox.FindPreset(f.Field("preset").Text()); err == nil {
		note = pr.Note
	}
	af.Note.SetText(note)
	enable(af.Password, !oauth)
	enable(af.SignInB, oauth)
	enable(af.DeviceB, oauth && p.DeviceAuthURL != "")
	ci, cs := f.Field("client id"), f.Field("client secret")
	enable(ci.Entry, oauth)
	enable(cs.Entry, oauth && p.Key == inbox.OAuthGoogle.Key)
	cs.SetText("")
	af.SignedIn.SetText("")
	af.SignOutB.Disable()
	if !oauth {
		// said in words; the sign-in buttons have nothing to do with a password
		af.SignedIn.SetText("Only for a Google or Microsoft account")
		af.SignInB.Hide()
		af.DeviceB.Hide()
		af.SignOutB.Hide()
		af.SignInB.SetText("Sign in")
		af.Password.SetPlaceHolder(af.pwHint)
		ci.SetText("")
	} else {
		af.SignInB.Show()
		af.DeviceB.Show()
		af.SignOutB.Show()
		af.Password.SetPlaceHolder("not needed: you sign in with " + p.Name)
		af.SignInB.SetText("Sign in with " + p.Name)
		if (inbox.OAuthClients{}).For(p).ClientID != "" {
			ci.Entry.SetPlaceHolder("built in; put yours here to use it instead")
		} else {
			ci.Entry.SetPlaceHolder("needed: register one with " + p.Name + " (see the README)")
		}
		switch p.Key {
		case inbox.OAuthGoogle.Key:
			ci.SetText(af.clients.GoogleID)
			cs.SetText(af.clients.GoogleSecret)
		case inbox.OAuthMicrosoft.Key:
			ci.SetText(af.clients.MicrosoftID)
		}
		af.showSignedIn()
	}
	f.relayout()
}

// showSignedIn says whether a sign-in for the typed host and user is kept.
func (af *AccountForm) showSignedIn() {
	a, _ := af.read()
	p, ok := inbox.ProviderFor(a.Auth)
	if !ok {
		return
	}
	if _, err := inbox.RefreshToken(a, p); err == nil {
		af.SignedIn.SetText("Signed in (kept in the OS keyring)")
		af.SignOutB.Enable()
	} else {
		af.SignedIn.SetText("Not signed in yet")
		af.SignOutB.Disable()
	}
}

// read turns the form into account settings (with the form's client ID); port errors name
// the port field.
func (af *AccountForm) read() (inbox.Account, error) {
	f := af.Form
	var v fieldErrors
	a := inbox.Account{Host: strings.TrimSpace(f.Field("host").Text()), Security: f.Field("security").Text(),
		Username: strings.TrimSpace(f.Field("user").Text()), Folder: strings.TrimSpace(f.Field("folder").Text()),
		Auth: authFromChoice(f.Field("auth").Text()), AuthServID: strings.TrimSpace(f.Field("receiving server").Text())}
	a.Port = parseIntField(&v, "port", f.Field("port").Text())
	c := af.clients
	id := strings.TrimSpace(f.Field("client id").Text())
	switch a.Auth {
	case inbox.AuthOAuthGoogle:
		c.GoogleID, c.GoogleSecret = id, strings.TrimSpace(f.Field("client secret").Text())
	case inbox.AuthOAuthMicrosoft:
		c.MicrosoftID = id
	}
	return a.WithClients(c), errOrNil(v)
}

// Save validates and stores the settings, and the password (when typed) in the OS keyring.
// Where there is no keyring, the settings are kept and the form says how to give the
// password instead (DUEBOOK_IMAP_PASSWORD).
func (af *AccountForm) Save() bool {
	a, ok := af.saveSettings()
	if !ok {
		return false
	}
	if pw := af.Password.Text; pw != "" && a.Auth == inbox.AuthPassword {
		if err := inbox.SetPassword(a, pw); err != nil {
			af.Password.SetText("")
			af.markSaved() // the settings are saved; the password is not kept anywhere
			af.Form.ShowErrors(&data.FieldError{Field: "password", Msg: "the account was saved, but not the password: " + humanError(err)})
			return false
		}
	}
	return true
}

// saveSettings stores the account and its OAuth client IDs, showing what is refused.
func (af *AccountForm) saveSettings() (inbox.Account, bool) {
	a, err := af.read()
	if af.Form.ShowErrors(err) {
		return a, false
	}
	ctx := context.Background()
	s := af.is.ui.Store
	if af.Form.ShowErrors(a.Clients().Validate()) { // before anything is saved
		return a, false
	}
	if af.Form.ShowErrors(inbox.SaveAccount(ctx, s, a)) {
		return a, false
	}
	if a.Clients() != af.clients {
		if af.Form.ShowErrors(inbox.SaveOAuthClients(ctx, s, a.Clients())) {
			return a, false
		}
		af.clients = a.Clients()
	}
	af.markSaved()
	return a, true
}

// checkForm checks what a connection needs, naming the fields.
func (af *AccountForm) checkForm(a inbox.Account) bool {
	return !af.Form.ShowErrors(errOrNil(connectionProblems(a)))
}
