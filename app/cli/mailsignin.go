package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"sort"
	"strings"

	"duebook/app/inbox"
	"duebook/data"
)

// mailAccountFlags are mail-account's flags for presets and OAuth sign-in.
type mailAccountFlags struct {
	preset, clientID, clientSecret *string
	signIn, device, signOut        *bool
}

func addMailAccountFlags(fs *flag.FlagSet, a *inbox.Account) mailAccountFlags {
	fs.StringVar(&a.Auth, "auth", "", "sign-in: password, oauth-google or oauth-microsoft (default: the preset's, else password)")
	fs.StringVar(&a.AuthServID, "authserv", "", "your receiving server's authserv-id (as in the Authentication-Results it adds, e.g. mx.google.com); nothing is trusted without it. Default: the preset's; kept when omitted and the host stays; -authserv= clears it")
	return mailAccountFlags{
		preset:       fs.String("preset", "", "fill host, port, security, sign-in and authserv-id for: gmail, workspace, outlook, m365, icloud, yahoo, fastmail, gmx, other"),
		clientID:     fs.String("client-id", "", "the OAuth client ID to use for this sign-in's provider (kept in the company file)"),
		clientSecret: fs.String("client-secret", "", "Google desktop clients only: the client secret Google issued with the ID"),
		signIn:       fs.Bool("sign-in", false, "sign in with Google or Microsoft in the system browser now"),
		device:       fs.Bool("device-code", false, "Microsoft: sign in with a code on any device instead of this computer's browser"),
		signOut:      fs.Bool("sign-out", false, "forget the Google or Microsoft sign-in of the saved account (removed from the OS keyring; the settings stay); give it alone, with -db"),
	}
}

// applyPreset fills what the preset says into the flags the user did not give.
func (mf mailAccountFlags) applyPreset(fs *flag.FlagSet, a *inbox.Account) error {
	if *mf.preset == "" {
		return nil
	}
	p, err := inbox.FindPreset(*mf.preset)
	if err != nil {
		return &data.FieldError{Field: "preset", Msg: err.Error()}
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	fill := func(name string, dst *string, v string) {
		if !set[name] {
			*dst = v
		}
	}
	fill("host", &a.Host, p.Host)
	fill("security", &a.Security, p.Security)
	fill("auth", &a.Auth, p.Auth)
	fill("authserv", &a.AuthServID, p.AuthServID)
	if !set["port"] {
		a.Port = p.Port
	}
	return nil
}

// checkClient refuses a bad -client-id/-client-secret before anything is saved.
func (mf mailAccountFlags) checkClient(a inbox.Account) error {
	if *mf.clientID == "" && *mf.clientSecret == "" {
		return nil
	}
	if auth, _ := inbox.ParseAuth(a.Auth); !inbox.IsOAuth(auth) {
		return &data.FieldError{Field: "client-id", Msg: "is for -auth oauth-google or oauth-microsoft"}
	}
	return (inbox.OAuthClients{GoogleID: *mf.clientID, GoogleSecret: *mf.clientSecret}).Validate()
}

// saveClient keeps -client-id/-client-secret for the account's provider.
func (mf mailAccountFlags) saveClient(ctx context.Context, s *data.Store, a inbox.Account) error {
	if *mf.clientID == "" && *mf.clientSecret == "" {
		return nil
	}
	auth, _ := inbox.ParseAuth(a.Auth)
	c := inbox.LoadOAuthClients(ctx, s)
	switch auth {
	case inbox.AuthOAuthGoogle:
		c.GoogleID, c.GoogleSecret = *mf.clientID, *mf.clientSecret
	case inbox.AuthOAuthMicrosoft:
		c.MicrosoftID = *mf.clientID
	default:
		return nil // refused by checkClient
	}
	return inbox.SaveOAuthClients(ctx, s, c)
}

// signIn runs the browser (or device-code) sign-in for the saved account and keeps the
// refresh token in the OS keyring.
func (mf mailAccountFlags) runSignIn(env *Env, s *data.Store) error {
	if !*mf.signIn && !*mf.device {
		return nil
	}
	ctx := context.Background()
	a, err := inbox.LoadAccount(ctx, s)
	if err != nil {
		return err
	}
	p, ok := inbox.ProviderFor(a.Auth)
	if !ok {
		return &data.FieldError{Field: "sign-in", Msg: "is for -auth oauth-google or oauth-microsoft; this account signs in with a password"}
	}
	oc := a.Clients().For(p)
	if *mf.device {
		t, err := oc.DeviceSignIn(ctx, func(dc inbox.DeviceCode) {
			fmt.Fprintf(env.Stdout, "On any device, open %s and enter the code %s\n", dc.VerificationURI, dc.UserCode)
		})
		if err != nil {
			return err
		}
		if err := inbox.RememberSignIn(a, oc, t); err != nil {
			return err
		}
	} else {
		t, err := oc.SignIn(ctx, inbox.SignInOptions{LoginHint: a.Username, OpenURL: func(u string) error {
			fmt.Fprintf(env.Stdout, "Sign in with %s in your browser. If it did not open, open this address:\n%s\n", p.Name, u)
			if err := inbox.OpenBrowser(u); err != nil {
				fmt.Fprintf(env.Stderr, "could not open the browser (%v): open the address above yourself\n", err)
			}
			return nil
		}})
		if err != nil {
			return err
		}
		if err := inbox.RememberSignIn(a, oc, t); err != nil {
			return err
		}
	}
	fmt.Fprintf(env.Stdout, "signed in with %s as %s; the sign-in is kept in the OS keyring\n", p.Name, a.Username)
	return nil
}

// runSignOut is mail-account -sign-out: the saved account's refresh token leaves the OS
// keyring, nothing else changes. Other settings with it are refused, not half-applied.
func (mf mailAccountFlags) runSignOut(env *Env, fs *flag.FlagSet, db string) error {
	var others []string
	fs.Visit(func(f *flag.Flag) {
		if f.Name != "sign-out" && f.Name != "db" {
			others = append(others, "-"+f.Name)
		}
	})
	sort.Strings(others)
	if len(others) > 0 || fs.NArg() > 0 {
		what := strings.Join(others, " ")
		if fs.NArg() > 0 {
			what = strings.TrimSpace(what + fmt.Sprintf(" %q", fs.Arg(0)))
		}
		return &ExitError{Code: 2, Msg: "-sign-out signs out of the saved account and changes nothing else: give it alone (with -db), not with " + what}
	}
	s, err := env.OpenReadOnly(db) // the file is only read: this works while the window has it open
	if err != nil {
		return err
	}
	defer s.Close()
	a, err := inbox.LoadAccount(context.Background(), s)
	if err != nil {
		return err
	}
	p, ok := inbox.ProviderFor(a.Auth)
	if !ok {
		return &data.FieldError{Field: "sign-out", Msg: "is for accounts that sign in with Google or Microsoft; this account signs in with a password"}
	}
	if _, err := inbox.RefreshToken(a, p); errors.Is(err, inbox.ErrSignInAgain) {
		fmt.Fprintf(env.Stdout, "not signed in with %s as %s: nothing to sign out\n", p.Name, a.Username)
		return nil
	} else if err != nil {
		return err
	}
	if err := inbox.ForgetSignIn(a, p); err != nil {
		return fmt.Errorf("sign-out: the sign-in could not be removed from the OS keyring (%v)", err)
	}
	fmt.Fprintf(env.Stdout, "signed out of %s as %s: the sign-in was removed from the OS keyring; to read mail again, sign in with mail-account -sign-in\n", p.Name, a.Username)
	return nil
}
