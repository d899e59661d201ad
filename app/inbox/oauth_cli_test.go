package inbox_test

import (
	"bytes"
	"context"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"duebook/app/cli"
	"duebook/app/inbox"
	"duebook/app/inbox/inboxtest"
	"duebook/data"

	"github.com/zalando/go-keyring"
)

// `duebook mail-account -preset outlook ... -sign-in` signs in through the "browser", then
// `duebook reconcile` reads the mailbox with the kept sign-in; once the grant is revoked,
// reconcile says to sign in again, in words.
func TestOAuthMailAccountCommand(t *testing.T) {
	ts := inboxtest.NewOAuthServer(t, "shop")
	d := inboxtest.StartOAuth2(t, ts)
	d.Append(t, "INBOX", []byte("From: a@example.com\nSubject: hello\nMessage-ID: <c1@example.com>\n\nhi\n"))
	keyring.MockInit()
	saved, open := inbox.OAuthMicrosoft, inbox.OpenBrowser
	t.Cleanup(func() { inbox.OAuthMicrosoft, inbox.OpenBrowser = saved, open })
	inbox.OAuthMicrosoft.AuthURL, inbox.OAuthMicrosoft.TokenURL = ts.URL+"/authorize", ts.URL+"/token"
	inbox.OpenBrowser = inboxtest.Browser
	t.Setenv("DUEBOOK_CONFIG_DIR", t.TempDir())
	db := filepath.Join(t.TempDir(), "co.duebook")
	s, err := data.OpenWith(db, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	run := func(args ...string) (string, string, int) {
		var out, errb bytes.Buffer
		code := cli.Run(&cli.Env{Stdout: &out, Stderr: &errb}, args)
		return out.String(), errb.String(), code
	}
	out, errs, code := run("mail-account", "-db", db, "-preset", "outlook", "-host", d.Host, "-port", strconv.Itoa(d.Port),
		"-security", "none", "-user", d.User, "-client-id", ts.ClientID, "-sign-in")
	if code != 0 || !strings.Contains(out, "signed in with Microsoft as shop") {
		t.Fatalf("mail-account: %d %s %s", code, out, errs)
	}
	s, err = data.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	a, err := inbox.LoadAccount(context.Background(), s)
	s.Close()
	if err != nil || a.Auth != inbox.AuthOAuthMicrosoft || a.AuthServID != "" || a.Host != d.Host {
		t.Fatalf("saved account %+v %v", a, err)
	}
	out, errs, code = run("reconcile", "-db", db)
	if code != 0 || !strings.Contains(out, "1 message(s) read: 1 new, 0 already seen") || !strings.Contains(out, "no sender was trusted") {
		t.Fatalf("reconcile: %d %s %s", code, out, errs)
	}
	ts.RevokeAll()
	out, errs, code = run("reconcile", "-db", db)
	if code == 0 || !strings.Contains(errs, "Sign in again") || strings.Contains(errs, "oauth2:") {
		t.Errorf("reconcile after revoke: %d %s %s", code, out, errs)
	}
	// a bad client ID, or one for a password account, is refused before anything is saved
	db2 := filepath.Join(t.TempDir(), "co2.duebook")
	if s, err := data.OpenWith(db2, data.Options{}); err == nil {
		s.Close()
	}
	for _, args := range [][]string{{"-preset", "gmail", "-client-id", "a b"}, {"-preset", "icloud", "-client-id", "x"}} {
		_, errs, code := run(append([]string{"mail-account", "-db", db2, "-user", "me"}, args...)...)
		if code == 0 || !strings.Contains(errs, "client") {
			t.Errorf("%v: %d %s", args, code, errs)
		}
	}
	s, err = data.Open(db2)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := inbox.LoadAccount(context.Background(), s); err == nil {
		t.Error("refused client ID: the account was saved anyway")
	}
	s.Close()
	// a bad preset names the flag
	if _, errs, code := run("mail-account", "-db", db, "-preset", "aol", "-user", "x"); code == 0 || !strings.Contains(errs, "preset") {
		t.Errorf("bad preset: %d %s", code, errs)
	}
}
