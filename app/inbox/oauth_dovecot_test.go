package inbox

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"duebook/app/inbox/inboxtest"
)

func testMail(n int) []byte {
	return fmt.Appendf(nil, "From: payer@example.com\nTo: shop@example.com\nSubject: payment %d\nMessage-ID: <m%d@example.com>\nDate: Tue, 1 Dec 2026 09:00:00 +0000\n\nPaid invoice %d.\n", n, n, n)
}

// The whole OAuth path against a real Dovecot whose oauth2 passdb asks the test's token
// server: browser sign-in (an HTTP client plays the browser), fetch with XOAUTH2 and with
// OAUTHBEARER, the access token reused, refreshed when the clock says it expired, refreshed
// when the server refuses it before that, and a revoked grant saying "sign in again".
func TestOAuthDovecotSignInFetchRefreshRevoke(t *testing.T) {
	ts := inboxtest.NewOAuthServer(t, "shop")
	d := inboxtest.StartOAuth2(t, ts)
	useTestProviders(t, ts)
	ctx := inboxtest.Context(t)
	d.Append(t, "INBOX", testMail(1))

	a := Account{Host: d.Host, Port: d.TLSPort, Security: "tls", Username: d.User, Auth: AuthOAuthGoogle,
		clients: OAuthClients{GoogleID: ts.ClientID}}
	oc := a.clients.For(OAuthGoogle)
	tok, err := oc.SignIn(ctx, SignInOptions{OpenURL: inboxtest.Browser, LoginHint: a.Username})
	if err != nil {
		t.Fatal(err)
	}
	if err := RememberSignIn(a, oc, tok); err != nil {
		t.Fatal(err)
	}
	cfg, err := a.Config()
	if err != nil {
		t.Fatal(err)
	}
	cfg.RootCAs = d.CertPool
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	cfg.OAuth.Now = func() time.Time { return now }
	cfg.OAuth.SetToken(tok)

	fetch := func(mech string) (FetchResult, error) {
		c := cfg
		c.Mechanism = mech
		var st MemState
		return Fetch(ctx, c, &st, FetchOptions{Handle: func(context.Context, *Message) error { return nil }})
	}
	for _, mech := range []string{MechXOAUTH2, MechOAUTHBEARER, ""} {
		res, err := fetch(mech)
		if err != nil || res.Delivered != 1 {
			t.Fatalf("%s fetch: %+v %v", mech, res, err)
		}
	}
	if r, intro, _ := ts.Count(); r != 0 || intro < 3 {
		t.Errorf("one token for three sign-ins: %d refreshes, %d introspections", r, intro)
	}

	// the hour is over by the clock: refreshed before signing in
	ts.ExpireAccess()
	now = now.Add(2 * time.Hour)
	if res, err := fetch(""); err != nil || res.Delivered != 1 {
		t.Fatalf("after expiry: %+v %v", res, err)
	}
	if r, _, _ := ts.Count(); r != 1 {
		t.Errorf("%d refreshes after expiry, want 1", r)
	}

	// a check of every step on the signed-in account
	steps, err := CheckAccount(ctx, cfg)
	if err != nil {
		t.Fatalf("check: %v %+v", err, steps)
	}
	for _, st := range steps {
		if !st.OK {
			t.Errorf("step %s: %s", st.Step, st.Say)
		}
	}
	if steps[2].Say != "Signed in as shop with Google." {
		t.Errorf("sign-in step says %q", steps[2].Say)
	}

	// revoked: the refresh fails, and the error says to sign in again, in words
	ts.RevokeAll()
	now = now.Add(2 * time.Hour)
	_, err = fetch("")
	if !errors.Is(err, ErrSignInAgain) || !strings.HasPrefix(err.Error(), "Sign in again") {
		t.Fatalf("revoked: %v", err)
	}
	steps, err = CheckAccount(ctx, cfg)
	if err == nil || steps[0].OK != true || steps[2].OK || !strings.Contains(steps[2].Say, "Sign in again") || steps[3].Tried {
		t.Errorf("check after revoke: %v %+v", err, steps)
	}

	// signed in again; then the server stops taking the access token before its time is up
	// (revoked at the provider, say): refused once, refreshed, signed in (Dovecot delays the
	// attempt after a failure by a few seconds)
	tok, err = oc.SignIn(ctx, SignInOptions{OpenURL: inboxtest.Browser})
	if err != nil {
		t.Fatal(err)
	}
	if err := RememberSignIn(a, oc, tok); err != nil {
		t.Fatal(err)
	}
	if cfg, err = a.Config(); err != nil {
		t.Fatal(err)
	}
	cfg.RootCAs = d.CertPool
	r0, _, _ := ts.Count()
	ts.ExpireAccess()
	if res, err := fetch(MechXOAUTH2); err != nil || res.Delivered != 1 {
		t.Fatalf("after a refused token: %+v %v", res, err)
	}
	if r, _, _ := ts.Count(); r != r0+1 {
		t.Errorf("%d refreshes after a refused token, want 1", r-r0)
	}
}

// A password account on the oauth2 Dovecot still logs in (the passdbs do not mix), and the
// Test steps name what fails: the folder that does not exist, the port nobody listens on.
func TestAccountCheckStepsDovecot(t *testing.T) {
	d := startDovecot(t)
	ctx := inboxtest.Context(t)
	cfg := accountFor(d, SecurityTLS, "")
	steps, err := CheckAccount(ctx, cfg)
	if err != nil {
		t.Fatalf("%v %+v", err, steps)
	}
	var says []string
	for _, st := range steps {
		says = append(says, st.Say)
	}
	if got := strings.Join(says, " | "); got != fmt.Sprintf("Reached 127.0.0.1 on port %d. | The connection is encrypted and the server's certificate is valid. | Signed in as shop with the password. | The server lists the mailbox's folders. | The folder INBOX opens.", d.TLSPort) {
		t.Errorf("steps: %s", got)
	}
	cfg.Folder = "Nope"
	steps, err = CheckAccount(ctx, cfg)
	if err == nil || !steps[3].OK || steps[4].OK || !strings.Contains(steps[4].Say, "The folder Nope does not open") {
		t.Errorf("missing folder: %v %+v", err, steps)
	}
	cfg = accountFor(d, SecurityTLS, "")
	cfg.Port = d.Port // plaintext port with TLS
	steps, err = CheckAccount(ctx, cfg)
	if err == nil || !steps[0].OK || steps[1].OK || steps[2].Tried {
		t.Errorf("TLS to the plain port: %v %+v", err, steps)
	}
	cfg.Port = 1 // nothing listens
	steps, _ = CheckAccount(ctx, cfg)
	if steps[0].OK || !strings.Contains(steps[0].Say, "nothing answers on that port") || steps[1].Tried {
		t.Errorf("closed port: %+v", steps)
	}
	cfg = accountFor(d, SecurityTLS, "")
	cfg.RootCAs = nil // the self-signed certificate is not trusted
	steps, _ = CheckAccount(ctx, cfg)
	if !steps[0].OK || steps[1].OK || !strings.Contains(steps[1].Say, "not signed by an authority") {
		t.Errorf("untrusted certificate: %+v", steps)
	}
}
