package app

import (
	"context"
	"fmt"
	"strings"

	"duebook/app/inbox"
	"duebook/data"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// AccountForm is the mail account dialog: the mailbox Duebook reads. The settings go to the
// company file; the password goes to the OS keyring only (never the company file).
type AccountForm struct {
	is       *InboxScreen
	Modal    *Modal
	Form     *Form
	Password *widget.Entry
	// Tested is the last "Test connection" outcome shown ("" until one finished).
	Tested string
	// Test is the background check's dialog while it runs (Cancel stops it).
	Test *Modal
}

var securityChoices = []string{"tls", "starttls", "none"}

// ShowAccount opens the mail account form, filled with the saved settings (it becomes
// is.AccountForm).
func (is *InboxScreen) ShowAccount() { is.showAccount() }

func (is *InboxScreen) showAccount() *AccountForm {
	ctx := context.Background()
	a, _ := inbox.LoadAccount(ctx, is.ui.Store) // not set up yet: what there is (maybe nothing)
	af := &AccountForm{is: is, Form: NewForm()}
	f := af.Form
	f.Entry("host", "IMAP server", "imap.example.com").SetText(a.Host)
	port := ""
	if a.Port > 0 {
		port = fmt.Sprint(a.Port)
	}
	f.Entry("port", "Port", "empty: 993 for tls, 143 otherwise").SetText(port)
	sec := strings.ToLower(strings.TrimSpace(a.Security))
	if sec == "" {
		sec = "tls"
	}
	f.Choice("security", "Security", securityChoices).SetText(sec)
	f.Entry("user", "Username", "you@example.com").SetText(a.Username)
	af.Password = widget.NewPasswordEntry()
	pwHint := "kept in the OS keyring"
	if a.Host != "" && a.Username != "" {
		if _, err := inbox.Password(a); err == nil {
			pwHint = "saved; leave empty to keep it"
		}
	}
	af.Password.SetPlaceHolder(pwHint)
	f.add(&Field{Name: "password", Label: "Password", Entry: af.Password, input: af.Password})
	f.Entry("folder", "Folder", "INBOX").SetText(a.Folder)
	if is.ui.Store.ReadOnly() {
		af.Modal = is.ui.ShowModal("Mail account", "The company file is open read-only: the account cannot be changed here.",
			f.Object(), ModalButton{Text: "Test connection", Action: af.TestConnection}, ModalButton{Text: "Close", Main: true})
	} else {
		af.Modal = is.ui.ShowModal("Mail account", "The mailbox where your payment confirmations arrive. Duebook only reads it.",
			f.Object(),
			ModalButton{Text: "Save", Main: true, Action: af.Save},
			ModalButton{Text: "Test connection", Action: af.TestConnection},
			ModalButton{Text: "Cancel"})
	}
	af.Modal.SetForm(f)
	af.Modal.D.Resize(af.Modal.D.MinSize().Max(fyne.NewSize(520, 0)))
	is.AccountForm = af
	return af
}

// read turns the form into account settings; port errors name the port field.
func (af *AccountForm) read() (inbox.Account, error) {
	f := af.Form
	var v fieldErrors
	a := inbox.Account{Host: strings.TrimSpace(f.Field("host").Text()), Security: f.Field("security").Text(),
		Username: strings.TrimSpace(f.Field("user").Text()), Folder: strings.TrimSpace(f.Field("folder").Text())}
	a.Port = parseIntField(&v, "port", f.Field("port").Text())
	return a, errOrNil(v)
}

// Save validates and stores the settings, and the password (when typed) in the OS keyring.
// Where there is no keyring, the settings are kept and the form says how to give the
// password instead (DUEBOOK_IMAP_PASSWORD).
func (af *AccountForm) Save() bool {
	a, err := af.read()
	if af.Form.ShowErrors(err) {
		return false
	}
	if af.Form.ShowErrors(inbox.SaveAccount(context.Background(), af.is.ui.Store, a)) {
		return false
	}
	if pw := af.Password.Text; pw != "" {
		if err := inbox.SetPassword(a, pw); err != nil {
			af.Password.SetText("")
			af.Form.ShowErrors(&data.FieldError{Field: "password", Msg: "the account was saved, but not the password: " + err.Error()})
			return false
		}
	}
	return true
}

// TestConnection logs in with what the form says (the typed password, else the saved one)
// in the background, with Cancel, and tells the outcome.
func (af *AccountForm) TestConnection() bool {
	a, err := af.read()
	if af.Form.ShowErrors(err) {
		return false
	}
	var v fieldErrors
	if a.Host == "" {
		addErr(&v, "host", "is required")
	}
	if a.Username == "" {
		addErr(&v, "user", "is required")
	}
	sec, err := inbox.ParseSecurity(a.Security)
	if err != nil {
		addErr(&v, "security", err.Error())
	} else if sec == inbox.SecurityNone && a.Host != "" && !inbox.IsLoopback(a.Host) {
		addErr(&v, "security", "plaintext is only allowed to this computer (localhost); use tls or starttls")
	}
	if af.Form.ShowErrors(errOrNil(v)) {
		return false
	}
	pw := af.Password.Text
	if pw == "" {
		if pw, err = inbox.Password(a); err != nil {
			af.Form.ShowErrors(err)
			return false
		}
	}
	cfg := inbox.Config{Host: a.Host, Port: a.Port, Security: sec, Username: a.Username, Password: pw, Folder: a.Folder}
	ui := af.is.ui
	af.Tested = ""
	af.Test = ui.RunLong("Test connection", fmt.Sprintf("Logging in to %s as %s…", a.Host, a.Username),
		func(ctx context.Context, progress func(float64)) (func(), error) {
			progress(-1)
			err := inbox.CheckLogin(ctx, cfg)
			return func() {
				if err != nil {
					af.Tested = "failed: " + err.Error()
					ui.ShowModal("Connection failed", fmt.Sprintf("Could not log in to %s: %v", a.Host, err), nil, ModalButton{Text: "OK", Main: true})
					return
				}
				af.Tested = "ok"
				ui.ShowInfo("Connection works", fmt.Sprintf("Logged in to %s as %s.", a.Host, a.Username))
			}, nil
		}, func() { af.Tested = "cancelled" })
	return false
}
