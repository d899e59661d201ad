package app

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"duebook/app/inbox"
	"duebook/data"
)

// signInAccount reads and checks the form for a sign-in and saves the settings (so the
// sign-in belongs to the saved account); read-only files are signed in without saving.
func (af *AccountForm) signInAccount() (inbox.Account, inbox.OAuthProvider, bool) {
	a, err := af.read()
	if af.Form.ShowErrors(err) || !af.checkForm(a) {
		return a, inbox.OAuthProvider{}, false
	}
	p, ok := inbox.ProviderFor(a.Auth)
	if !ok {
		af.Form.ShowErrors(&data.FieldError{Field: "auth", Msg: "choose a Google or Microsoft account to sign in with"})
		return a, p, false
	}
	if !af.is.ui.Store.ReadOnly() {
		if a, ok = af.saveSettings(); !ok {
			return a, p, false
		}
	}
	return a, p, true
}

// StartSignIn signs in with Google or Microsoft in the system browser, in the background
// with Cancel; the refresh token goes to the OS keyring.
func (af *AccountForm) StartSignIn() {
	a, p, ok := af.signInAccount()
	if !ok {
		return
	}
	oc := a.Clients().For(p)
	ui := af.is.ui
	af.SignInResult = ""
	// where no browser opens, the address is shown to open by hand
	open := func(u string) error {
		if err := inbox.OpenBrowser(u); err != nil {
			msg := fmt.Sprintf("Duebook could not open the browser (%v). Open this address in a browser on this computer:\n%s", err, u)
			ui.post(func() {
				if af.SignIn != nil {
					af.SignIn.Message.SetText(msg)
				}
			})
		}
		return nil
	}
	af.SignIn = ui.RunLong("Sign in with "+p.Name, "Finish signing in in the browser window that opened; Duebook waits for its answer.",
		func(ctx context.Context, progress func(float64)) (func(), error) {
			progress(-1)
			tok, err := oc.SignIn(ctx, inbox.SignInOptions{LoginHint: a.Username, OpenURL: open})
			if err == nil {
				err = inbox.RememberSignIn(a, oc, tok)
			}
			if ctx.Err() != nil {
				return nil, nil
			}
			return func() { af.signInDone(p, err) }, nil
		}, func() { af.SignInResult = "cancelled" })
}

// StartDeviceSignIn signs in with a code the user enters on any device (Microsoft), for
// computers where the browser cannot reach Duebook.
func (af *AccountForm) StartDeviceSignIn() {
	a, p, ok := af.signInAccount()
	if !ok {
		return
	}
	oc := a.Clients().For(p)
	ui := af.is.ui
	af.SignInResult = ""
	af.SignIn = ui.RunLong("Sign in with "+p.Name, "Asking "+p.Name+" for a sign-in code…",
		func(ctx context.Context, progress func(float64)) (func(), error) {
			progress(-1)
			tok, err := oc.DeviceSignIn(ctx, func(dc inbox.DeviceCode) {
				msg := fmt.Sprintf("On any phone or computer, open %s and enter the code %s. Duebook waits until you have signed in.", dc.VerificationURI, dc.UserCode)
				ui.post(func() {
					if af.SignIn != nil {
						af.SignIn.Message.SetText(msg)
					}
				})
			})
			if err == nil {
				err = inbox.RememberSignIn(a, oc, tok)
			}
			if ctx.Err() != nil {
				return nil, nil
			}
			return func() { af.signInDone(p, err) }, nil
		}, func() { af.SignInResult = "cancelled" })
}

func (af *AccountForm) signInDone(p inbox.OAuthProvider, err error) {
	if err != nil {
		af.SignInResult = "failed: " + err.Error()
		af.Form.ShowErrors(&data.FieldError{Field: "sign-in", Msg: humanError(err)})
		return
	}
	af.SignInResult = "ok"
	af.Form.Clear()
	af.showSignedIn()
	af.Form.relayout()
}

// stepNames are the Test steps in words.
var stepNames = map[string]string{inbox.StepConnect: "Connect", inbox.StepTLS: "Encryption", inbox.StepSignIn: "Sign in",
	inbox.StepList: "Folder list", inbox.StepFolder: "Folder"}

// StepsText is the Test result, one line per step.
func StepsText(steps []inbox.CheckStep) string {
	var b strings.Builder
	for _, st := range steps {
		state := "works"
		switch {
		case !st.Tried:
			state = "not tried"
		case !st.OK:
			state = "did not work"
		}
		fmt.Fprintf(&b, "%s (%s): %s\n", stepNames[st.Step], state, st.Say)
	}
	return strings.TrimRight(b.String(), "\n")
}

// TestConnection connects with what the form says (the typed password, else the saved one;
// or the kept sign-in) in the background, with Cancel, and tells per step what worked:
// connect, encryption, sign in, folder list, folder.
func (af *AccountForm) TestConnection() bool {
	a, err := af.read()
	if af.Form.ShowErrors(err) || !af.checkForm(a) {
		return false
	}
	var cfg inbox.Config
	if inbox.IsOAuth(a.Auth) {
		if cfg, err = a.Config(); err != nil {
			if errors.Is(err, inbox.ErrSignInAgain) {
				err = &data.FieldError{Field: "sign-in", Msg: humanError(err)}
			}
			af.Form.ShowErrors(err)
			return false
		}
	} else {
		pw := af.Password.Text
		if pw == "" {
			if pw, err = inbox.Password(a); err != nil {
				af.Form.ShowErrors(err)
				return false
			}
		}
		sec, _ := inbox.ParseSecurity(a.Security)
		cfg = inbox.Config{Host: a.Host, Port: a.Port, Security: sec, Username: a.Username, Password: pw, Folder: a.Folder}
	}
	ui := af.is.ui
	af.Tested, af.Steps = "", nil
	af.Test = ui.RunLong("Test connection", fmt.Sprintf("Connecting to %s as %s…", a.Host, a.Username),
		func(ctx context.Context, progress func(float64)) (func(), error) {
			progress(-1)
			steps, err := inbox.CheckAccount(ctx, cfg)
			if ctx.Err() != nil {
				return nil, nil
			}
			return func() {
				af.Steps = steps
				text := StepsText(steps)
				if err != nil {
					af.Tested = "failed: " + err.Error()
					if text == "" {
						text = humanError(err)
					}
					ui.ShowModal("Connection failed", text, nil, ModalButton{Text: "OK", Main: true})
					return
				}
				af.Tested = "ok"
				ui.ShowInfo("Connection works", text)
			}, nil
		}, func() { af.Tested = "cancelled" })
	return false
}

// showSignInAgain opens the account form with why the kept sign-in no longer works, next
// to the sign-in buttons.
func (is *InboxScreen) showSignInAgain(err error) *AccountForm {
	af := is.showAccount()
	af.Form.ShowErrors(&data.FieldError{Field: "sign-in", Msg: humanError(err)})
	return af
}

// AskSignOut asks, then forgets the kept sign-in of the account the form shows: its refresh
// token leaves the OS keyring, and reading mail needs a new sign-in. The account settings
// stay.
func (af *AccountForm) AskSignOut() {
	a, _ := af.read() // the keyring entry is named by host and user only
	p, ok := inbox.ProviderFor(a.Auth)
	if !ok {
		return
	}
	who := p.Name + " account"
	if a.Username != "" {
		who = a.Username + " (" + p.Name + ")"
	}
	af.SignOutResult = ""
	af.is.ui.ShowModal("Sign out", "Sign out of "+who+"? Duebook forgets the sign-in it keeps in the OS keyring and reads no mail "+
		"from this mailbox until you sign in again. The account settings stay.", nil,
		ModalButton{Text: "Sign out", Action: func() bool { af.signOut(a, p); return true }},
		ModalButton{Text: "Cancel", Main: true, Action: func() bool { af.SignOutResult = "cancelled"; return true }})
}

func (af *AccountForm) signOut(a inbox.Account, p inbox.OAuthProvider) {
	if err := inbox.ForgetSignIn(a, p); err != nil {
		af.SignOutResult = "failed: " + err.Error()
		af.Form.ShowErrors(&data.FieldError{Field: "sign-in", Msg: "Duebook could not remove the sign-in from the OS keyring: " + humanError(err)})
		return
	}
	af.SignOutResult = "ok"
	af.Form.Clear()
	af.SignedIn.SetText("Not signed in")
	af.SignOutB.Disable()
	af.Form.relayout()
}
