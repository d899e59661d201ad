package inbox

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"duebook/app/inbox/inboxtest"
	"duebook/data"

	"github.com/zalando/go-keyring"
)

// useTestProviders points both providers at the test token server and gives an empty
// in-memory keyring and no cached sessions, restored at cleanup.
func useTestProviders(t *testing.T, ts *inboxtest.OAuthServer) {
	t.Helper()
	g, m, limit := OAuthGoogle, OAuthMicrosoft, keyringMaxSecret
	t.Cleanup(func() {
		OAuthGoogle, OAuthMicrosoft, keyringMaxSecret = g, m, limit
		sessionsMu.Lock()
		sessions = map[string]*OAuthSession{}
		sessionsMu.Unlock()
	})
	for _, p := range []*OAuthProvider{&OAuthGoogle, &OAuthMicrosoft} {
		p.AuthURL, p.TokenURL = ts.URL+"/authorize", ts.URL+"/token"
		if p.DeviceAuthURL != "" {
			p.DeviceAuthURL = ts.URL + "/devicecode"
		}
	}
	keyring.MockInit()
	sessionsMu.Lock()
	sessions = map[string]*OAuthSession{}
	sessionsMu.Unlock()
}

func TestOAuthSignInLoopbackPKCE(t *testing.T) {
	ts := inboxtest.NewOAuthServer(t, "shop")
	useTestProviders(t, ts)
	for _, p := range []OAuthProvider{OAuthGoogle, OAuthMicrosoft} {
		oc := OAuthClient{Provider: p, ClientID: ts.ClientID}
		var opened string
		tok, err := oc.SignIn(context.Background(), SignInOptions{LoginHint: "shop@example.com", OpenURL: func(u string) error {
			opened = u
			return inboxtest.Browser(u)
		}})
		if err != nil {
			t.Fatalf("%s: %v", p.Name, err)
		}
		if tok.AccessToken == "" || tok.RefreshToken == "" {
			t.Fatalf("%s: token %+v", p.Name, tok)
		}
		u, _ := url.Parse(opened)
		q := u.Query()
		if q.Get("code_challenge_method") != "S256" || q.Get("login_hint") != "shop@example.com" || q.Get("scope") != strings.Join(p.Scopes, " ") {
			t.Errorf("%s: authorize URL %s", p.Name, opened)
		}
		ru, _ := url.Parse(q.Get("redirect_uri"))
		if ru.Hostname() != p.RedirectHost || ru.Port() == "" {
			t.Errorf("%s: redirect %s, want http://%s:PORT/", p.Name, ru, p.RedirectHost)
		}
	}
	if _, _, ex := ts.Count(); ex != 2 {
		t.Errorf("%d code exchanges, want 2", ex)
	}
}

// A request to the loopback listener without the sign-in's state (another page, a forged
// redirect) is refused and does not end the sign-in; the real answer still does.
func TestOAuthSignInIgnoresWrongState(t *testing.T) {
	ts := inboxtest.NewOAuthServer(t, "shop")
	useTestProviders(t, ts)
	oc := OAuthClient{Provider: OAuthGoogle, ClientID: ts.ClientID}
	_, err := oc.SignIn(context.Background(), SignInOptions{OpenURL: func(u string) error {
		au, _ := url.Parse(u)
		redirect := au.Query().Get("redirect_uri")
		resp, err := http.Get(redirect + "?code=forged&state=wrong")
		if err != nil {
			return err
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusBadRequest {
			t.Errorf("forged answer got %s", resp.Status)
		}
		return inboxtest.Browser(u)
	}})
	if err != nil {
		t.Fatal(err)
	}
}

func TestOAuthSignInDeniedCancelledNoClient(t *testing.T) {
	ts := inboxtest.NewOAuthServer(t, "shop")
	useTestProviders(t, ts)
	oc := OAuthClient{Provider: OAuthMicrosoft, ClientID: ts.ClientID}
	ts.Deny = true
	_, err := oc.SignIn(context.Background(), SignInOptions{OpenURL: inboxtest.Browser})
	if !errors.Is(err, ErrSignInCancelled) || !strings.Contains(err.Error(), "refused in the browser") {
		t.Errorf("denied: %v", err)
	}
	ts.Deny = false

	// the user never finishes in the browser and presses Cancel
	ctx, cancel := context.WithCancel(context.Background())
	_, err = oc.SignIn(ctx, SignInOptions{OpenURL: func(string) error { cancel(); return nil }})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}

	_, err = OAuthClient{Provider: OAuthGoogle}.SignIn(context.Background(), SignInOptions{OpenURL: inboxtest.Browser})
	if err == nil || !strings.Contains(err.Error(), "mail.oauth_google_client_id") {
		t.Errorf("no client ID: %v", err)
	}
	// a code exchanged with the wrong PKCE verifier is refused by the server: the test server
	// checks S256(verifier) == challenge, which the sign-ins above passed
	_, err = OAuthClient{Provider: OAuthGoogle, ClientID: "someone-else"}.SignIn(context.Background(), SignInOptions{OpenURL: inboxtest.Browser})
	if err == nil {
		t.Error("unknown client signed in")
	}
}

func TestOAuthDeviceCode(t *testing.T) {
	ts := inboxtest.NewOAuthServer(t, "shop")
	useTestProviders(t, ts)
	oc := OAuthClient{Provider: OAuthMicrosoft, ClientID: ts.ClientID}
	var shown DeviceCode
	tok, err := oc.DeviceSignIn(context.Background(), func(dc DeviceCode) {
		shown = dc
		if !ts.ApproveDevice(dc.UserCode, false) {
			t.Errorf("unknown user code %q", dc.UserCode)
		}
	})
	if err != nil || tok.RefreshToken == "" {
		t.Fatalf("device sign-in: %v %+v", err, tok)
	}
	if shown.VerificationURI == "" {
		t.Error("no address shown")
	}
	_, err = oc.DeviceSignIn(context.Background(), func(dc DeviceCode) { ts.ApproveDevice(dc.UserCode, true) })
	if !errors.Is(err, ErrSignInCancelled) {
		t.Errorf("declined device sign-in: %v", err)
	}
	if _, err := (OAuthClient{Provider: OAuthGoogle, ClientID: ts.ClientID}).DeviceSignIn(context.Background(), func(DeviceCode) {}); err == nil {
		t.Error("Google has no device-code sign-in here")
	}
}

func TestOAuthRefreshRotateRevoke(t *testing.T) {
	ts := inboxtest.NewOAuthServer(t, "shop")
	useTestProviders(t, ts)
	ts.Rotate = true
	a := Account{Host: "imap.example.com", Username: "shop@example.com", Auth: AuthOAuthMicrosoft,
		clients: OAuthClients{MicrosoftID: ts.ClientID}}
	if _, err := a.Config(); !errors.Is(err, ErrSignInAgain) || !strings.HasPrefix(err.Error(), "Sign in: Duebook is not signed in to shop@example.com (Microsoft) yet.") {
		t.Fatalf("before sign-in: %v", err)
	}
	oc := a.clients.For(OAuthMicrosoft)
	tok, err := oc.SignIn(context.Background(), SignInOptions{OpenURL: inboxtest.Browser})
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
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	cfg.OAuth.Now = func() time.Time { return now }
	cfg.OAuth.SetToken(tok) // lifetime counted from the test clock
	at, fresh, err := cfg.OAuth.AccessToken(context.Background())
	if err != nil || at != tok.AccessToken || fresh {
		t.Fatalf("kept token: %q %v %v", at, fresh, err)
	}
	now = now.Add(59*time.Minute + time.Second) // within the last minute of its hour: refreshed
	at2, fresh, err := cfg.OAuth.AccessToken(context.Background())
	if err != nil || at2 == at || !fresh {
		t.Fatalf("after expiry: %q %v %v", at2, fresh, err)
	}
	saved, _ := RefreshToken(a, OAuthMicrosoft)
	if saved == tok.RefreshToken || saved == "" {
		t.Errorf("rotated refresh token not kept: %q", saved)
	}
	// the same session serves the next fetch
	cfg2, err := a.Config()
	if err != nil || cfg2.OAuth != cfg.OAuth {
		t.Errorf("session not reused: %v", err)
	}

	ts.RevokeAll()
	now = now.Add(2 * time.Hour)
	_, _, err = cfg.OAuth.AccessToken(context.Background())
	var sa *SignInAgainError
	if !errors.As(err, &sa) || !errors.Is(err, ErrSignInAgain) || sa.User != "shop@example.com" {
		t.Fatalf("revoked: %v", err)
	}
	if msg := err.Error(); !strings.HasPrefix(msg, "Sign in again") || strings.Contains(msg, "oauth2") || strings.Contains(msg, "invalid_grant") {
		t.Errorf("revoked grant message: %q", msg)
	}
}

func TestOAuthRefreshTokenKeyringLimit(t *testing.T) {
	ts := inboxtest.NewOAuthServer(t, "shop")
	useTestProviders(t, ts)
	keyringMaxSecret = 2560 // as on Windows
	a := Account{Host: "outlook.office365.com", Username: "shop@outlook.com"}
	if err := SaveRefreshToken(a, OAuthMicrosoft, strings.Repeat("r", 2560)); err != nil {
		t.Errorf("2560 bytes: %v", err)
	}
	err := SaveRefreshToken(a, OAuthMicrosoft, strings.Repeat("r", 2561))
	if err == nil || !strings.Contains(err.Error(), "2561 bytes") || !strings.Contains(err.Error(), "Windows Credential Manager") {
		t.Errorf("2561 bytes: %v", err)
	}
	// a sign-in whose refresh token is too long is refused before anything is kept
	ts.RefreshSize = 3000
	oc := OAuthClient{Provider: OAuthMicrosoft, ClientID: ts.ClientID}
	tok, err := oc.SignIn(context.Background(), SignInOptions{OpenURL: inboxtest.Browser})
	if err != nil {
		t.Fatal(err)
	}
	if err := RememberSignIn(a, oc, tok); err == nil {
		t.Error("a 3000-byte refresh token was accepted")
	}
	if rt, _ := RefreshToken(a, OAuthMicrosoft); rt != strings.Repeat("r", 2560) {
		t.Error("the saved sign-in was replaced by a failed one")
	}
}

func TestAccountAuthSettings(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	a := Account{Host: "imap.gmail.com", Username: "shop@gmail.com", Auth: "oauth-google", AuthServID: " MX.Google.com "}
	if err := SaveAccount(ctx, s, a); err != nil {
		t.Fatal(err)
	}
	got, err := LoadAccount(ctx, s)
	if err != nil || got.Auth != AuthOAuthGoogle || got.AuthServID != "mx.google.com" {
		t.Fatalf("loaded %+v %v", got, err)
	}
	for _, c := range []struct{ field, auth, authserv string }{
		{"auth", "kerberos", ""},
		{"receiving server", "", "mx..google.com"},
		{"receiving server", "", "mx.gооgle.com"}, // Cyrillic о
	} {
		b := a
		b.Auth, b.AuthServID = c.auth, c.authserv
		err := SaveAccount(ctx, s, b)
		var fe *data.FieldError
		if !errors.As(err, &fe) || fe.Field != c.field {
			t.Errorf("%+v: %v, want an error on %s", c, err, c.field)
		}
	}
	// unchanged by the refused saves
	if got, _ := LoadAccount(ctx, s); got.AuthServID != "mx.google.com" {
		t.Errorf("half-saved: %+v", got)
	}
	// no client ID anywhere: the account cannot sign in, and says where to set one
	keyring.MockInit()
	_, err = got.Config()
	var fe *data.FieldError
	if !errors.As(err, &fe) || fe.Field != "auth" || !strings.Contains(err.Error(), "README") {
		t.Errorf("no client ID: %v", err)
	}
	if err := SaveOAuthClients(ctx, s, OAuthClients{GoogleID: "id.apps.googleusercontent.com", GoogleSecret: "sec"}); err != nil {
		t.Fatal(err)
	}
	got, _ = LoadAccount(ctx, s)
	if oc := got.Clients().For(OAuthGoogle); oc.ClientID != "id.apps.googleusercontent.com" || oc.ClientSecret != "sec" {
		t.Errorf("client from settings: %+v", oc)
	}
	if err := SaveOAuthClients(ctx, s, OAuthClients{MicrosoftID: "has space"}); err == nil {
		t.Error("client ID with a space saved")
	}
}

func TestAccountPresets(t *testing.T) {
	want := map[string]string{"gmail": "imap.gmail.com", "workspace": "imap.gmail.com", "outlook": "outlook.office365.com",
		"m365": "outlook.office365.com", "icloud": "imap.mail.me.com", "yahoo": "imap.mail.yahoo.com",
		"fastmail": "imap.fastmail.com", "gmx": "imap.gmx.net", "other": ""}
	for key, host := range want {
		p, err := FindPreset(strings.ToUpper(key))
		if err != nil || p.Host != host {
			t.Errorf("%s: %+v %v", key, p, err)
		}
		if _, err := ParseAuth(p.Auth); err != nil {
			t.Errorf("%s: auth %q", key, p.Auth)
		}
		if id, err := CleanAuthServID(p.AuthServID); err != nil || id != p.AuthServID {
			t.Errorf("%s: authserv %q: %v", key, p.AuthServID, err)
		}
	}
	if len(Presets) != len(want) {
		t.Errorf("%d presets, want %d", len(Presets), len(want))
	}
	if p, _ := FindPreset("Outlook.com / Hotmail"); p.Auth != AuthOAuthMicrosoft {
		t.Errorf("Outlook preset signs in with %q", p.Auth)
	}
	// a wildcard over a whole top-level domain would believe any server under it
	for _, bad := range []string{"*.com", "*.", "mx..google.com", "mx google.com", "mx.gооgle.com"} {
		if _, err := CleanAuthServID(bad); err == nil {
			t.Errorf("authserv-id %q accepted", bad)
		}
	}
	if _, err := FindPreset("aol"); err == nil || !strings.Contains(err.Error(), "gmail") {
		t.Errorf("unknown preset: %v", err)
	}
	if p := PresetFor("IMAP.gmail.com", ""); p.Key != "gmail" {
		t.Errorf("preset for imap.gmail.com: %s", p.Key)
	}
	if p := PresetFor("mail.example.org", ""); p.Key != "other" {
		t.Errorf("preset for an unknown host: %s", p.Key)
	}
}

func TestSASLXOAUTH2AndOAuthBearerMessages(t *testing.T) {
	x := &xoauth2Client{user: "shop@example.com", token: "T0K"}
	mech, ir, err := x.Start()
	if mech != "XOAUTH2" || string(ir) != "user=shop@example.com\x01auth=Bearer T0K\x01\x01" || err != nil {
		t.Errorf("XOAUTH2 start: %s %q %v", mech, ir, err)
	}
	resp, err := x.Next([]byte(`{"status":"401","schemes":"bearer","scope":"https://mail.google.com/"}`))
	if err != nil || len(resp) != 0 || x.refused == nil || x.refused.Status != "401" {
		t.Errorf("XOAUTH2 error challenge: %q %v %+v", resp, err, x.refused)
	}
	o := newOAuthBearerClient("a,b=c", "T0K", "imap.example.com", 993)
	mech, ir, _ = o.Start()
	if mech != "OAUTHBEARER" || string(ir) != "n,a=a=2Cb=3Dc,\x01host=imap.example.com\x01port=993\x01auth=Bearer T0K\x01\x01" {
		t.Errorf("OAUTHBEARER start: %s %q", mech, ir)
	}
	resp, err = o.Next([]byte("not json"))
	if err != nil || string(resp) != "\x01" || o.refused == nil {
		t.Errorf("OAUTHBEARER error challenge: %q %v", resp, err)
	}
}

func openStore(t *testing.T) *data.Store {
	t.Helper()
	s, err := data.OpenWith(filepath.Join(t.TempDir(), "co.duebook"), data.Options{Clock: data.FixedClock{Day: data.MustDate("2026-03-31")}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// An unreachable sign-in server is said in words, not as the HTTP client's error, and is
// not "sign in again" (the sign-in is still good).
func TestOAuthRefreshServerUnreachable(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	p := OAuthMicrosoft
	p.TokenURL = "http://" + addr + "/token"
	s := NewOAuthSession(OAuthClient{Provider: p, ClientID: "x"}, "shop", "refresh-1")
	_, _, err = s.AccessToken(context.Background())
	if err == nil || errors.Is(err, ErrSignInAgain) || !strings.HasPrefix(err.Error(), "could not reach Microsoft's sign-in server") || strings.Contains(err.Error(), "Post ") {
		t.Errorf("unreachable: %v", err)
	}
}
