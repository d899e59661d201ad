package cli

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"duebook/app/inbox"
	"duebook/data"

	"github.com/zalando/go-keyring"
)

// signOutCompany is an empty company file, with an in-memory keyring.
func signOutCompany(t *testing.T) string {
	t.Helper()
	keyring.MockInit()
	t.Setenv("DUEBOOK_CONFIG_DIR", t.TempDir())
	t.Setenv("DUEBOOK_IMAP_PASSWORD", "")
	db := filepath.Join(t.TempDir(), "co.duebook")
	s, err := data.OpenWith(db, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	return db
}

func savedAccount(t *testing.T, db string) inbox.Account {
	t.Helper()
	s, err := data.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	a, err := inbox.LoadAccount(context.Background(), s)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// `mail-account -sign-out` forgets the saved account's Google or Microsoft sign-in (the OS
// keyring entry) and changes nothing else; reconcile then says to sign in.
func TestMailAccountSignOutCommand(t *testing.T) {
	db := signOutCompany(t)
	// no account yet: said, and how to set one up
	_, errs, code := run(t, "", "mail-account", "-db", db, "-sign-out")
	if code == 0 || !strings.Contains(errs, "not set up") {
		t.Fatalf("sign-out without an account: %d %s", code, errs)
	}

	if _, errs, code := run(t, "", "mail-account", "-db", db, "-preset", "m365", "-user", "shop@contoso.example", "-client-id", "test-client"); code != 0 {
		t.Fatalf("mail-account: %s", errs)
	}
	a := savedAccount(t, db)
	if err := inbox.SaveRefreshToken(a, inbox.OAuthMicrosoft, "refresh-1"); err != nil {
		t.Fatal(err)
	}
	// with other settings: refused, nothing done
	_, errs, code = run(t, "", "mail-account", "-db", db, "-sign-out", "-user", "other@contoso.example")
	if code != 2 || !strings.Contains(errs, "give it alone") || !strings.Contains(errs, "-user") {
		t.Fatalf("sign-out with -user: %d %s", code, errs)
	}
	if _, err := inbox.RefreshToken(a, inbox.OAuthMicrosoft); err != nil {
		t.Fatal("a refused sign-out removed the sign-in")
	}

	// the window holds the file: signing out still works (it writes only the keyring)
	held, err := data.OpenExisting(db, data.Options{Lock: true})
	if err != nil {
		t.Fatal(err)
	}
	out, errs, code := run(t, "", "mail-account", "-db", db, "-sign-out")
	held.Close()
	if code != 0 || !strings.Contains(out, "signed out of Microsoft as shop@contoso.example") {
		t.Fatalf("sign-out: %d %s %s", code, out, errs)
	}
	if _, err := inbox.RefreshToken(a, inbox.OAuthMicrosoft); err == nil {
		t.Fatal("the refresh token is still in the keyring")
	}
	if got := savedAccount(t, db); got != a {
		t.Fatalf("sign-out changed the account: %+v, was %+v", got, a)
	}
	out, _, code = run(t, "", "mail-account", "-db", db, "-sign-out")
	if code != 0 || !strings.Contains(out, "nothing to sign out") {
		t.Fatalf("second sign-out: %d %s", code, out)
	}
	_, errs, code = run(t, "", "reconcile", "-db", db)
	if code == 0 || !strings.Contains(errs, "not signed in to shop@contoso.example (Microsoft)") {
		t.Fatalf("reconcile after sign-out: %d %s", code, errs)
	}

	// a password account has no sign-in to forget
	if _, errs, code := run(t, "", "mail-account", "-db", db, "-host", "imap.example.com", "-user", "me"); code != 0 {
		t.Fatal(errs)
	}
	_, errs, code = run(t, "", "mail-account", "-db", db, "-sign-out")
	if code == 0 || !strings.Contains(errs, "signs in with a password") {
		t.Fatalf("password account: %d %s", code, errs)
	}
}
