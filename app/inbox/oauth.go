package inbox

import (
	"cmp"
	"context"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"html"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"duebook/data"
	"golang.org/x/oauth2"
)

// Sign-in methods of an account (Account.Auth, setting "mail.auth").
const (
	AuthPassword       = "password"
	AuthOAuthGoogle    = "oauth-google"
	AuthOAuthMicrosoft = "oauth-microsoft"
)

// AuthMethods are the sign-in methods the account form offers, in its order.
var AuthMethods = []string{AuthPassword, AuthOAuthGoogle, AuthOAuthMicrosoft}

// ParseAuth reads a sign-in method ("" = password).
func ParseAuth(s string) (string, error) {
	switch v := strings.ToLower(strings.TrimSpace(s)); v {
	case "", AuthPassword:
		return AuthPassword, nil
	case AuthOAuthGoogle, AuthOAuthMicrosoft:
		return v, nil
	case "google", "oauth2-google":
		return AuthOAuthGoogle, nil
	case "microsoft", "oauth2-microsoft", "outlook":
		return AuthOAuthMicrosoft, nil
	}
	return "", fmt.Errorf("%q is not a sign-in method: use password, oauth-google or oauth-microsoft", s)
}

// IsOAuth reports whether the sign-in method is a browser sign-in (not a password).
func IsOAuth(auth string) bool { return auth == AuthOAuthGoogle || auth == AuthOAuthMicrosoft }

// OAuthProvider is an OAuth 2.0 authorization server that issues IMAP access tokens.
type OAuthProvider struct {
	Key  string // "google", "microsoft": names the settings and the keyring entry
	Name string // "Google", "Microsoft": for messages
	Auth string // AuthOAuthGoogle, AuthOAuthMicrosoft
	AuthURL,
	TokenURL string
	DeviceAuthURL string // "" = no device-code sign-in
	Scopes        []string
	// RedirectHost is the loopback name in the redirect URI (the listener is always on
	// 127.0.0.1): the one the provider lets a desktop client register.
	RedirectHost string
	// AuthParams are extra parameters of the authorize URL (offline access, consent).
	AuthParams map[string]string
}

// Build-time default OAuth client IDs (and Google's desktop "secret", which Google issues to
// installed apps and documents as not secret). Set them with
//
//	go build -ldflags "-X duebook/app/inbox.DefaultGoogleClientID=... -X duebook/app/inbox.DefaultMicrosoftClientID=..."
//
// The company file's settings mail.oauth_google_client_id, mail.oauth_google_client_secret and
// mail.oauth_microsoft_client_id override them. See the README ("Signing in with Google or
// Microsoft") for how an owner registers a client.
var (
	DefaultGoogleClientID     = ""
	DefaultGoogleClientSecret = ""
	DefaultMicrosoftClientID  = ""
)

// OAuthGoogle: OAuth 2.0 for installed (desktop) apps, loopback redirect with PKCE; IMAP needs the
// full-mail scope https://mail.google.com/ (developers.google.com/identity/protocols/oauth2/native-app,
// developers.google.com/gmail/imap/xoauth2-protocol). access_type=offline asks for a refresh token.
var OAuthGoogle = OAuthProvider{
	Key: "google", Name: "Google", Auth: AuthOAuthGoogle,
	AuthURL:      "https://accounts.google.com/o/oauth2/v2/auth",
	TokenURL:     "https://oauth2.googleapis.com/token",
	Scopes:       []string{"https://mail.google.com/"},
	RedirectHost: "127.0.0.1",
	AuthParams:   map[string]string{"access_type": "offline", "prompt": "consent"},
}

// OAuthMicrosoft: the identity platform's common (personal and work accounts) v2.0 endpoints, the
// IMAP scope of Exchange Online and offline_access for a refresh token; the device-code
// endpoint for computers without a usable browser (learn.microsoft.com: "Authenticate an IMAP,
// POP or SMTP connection using OAuth", "OAuth 2.0 device authorization grant"). A public client
// registers the redirect URI http://localhost; any port is accepted for it.
var OAuthMicrosoft = OAuthProvider{
	Key: "microsoft", Name: "Microsoft", Auth: AuthOAuthMicrosoft,
	AuthURL:       "https://login.microsoftonline.com/common/oauth2/v2.0/authorize",
	TokenURL:      "https://login.microsoftonline.com/common/oauth2/v2.0/token",
	DeviceAuthURL: "https://login.microsoftonline.com/common/oauth2/v2.0/devicecode",
	Scopes:        []string{"https://outlook.office.com/IMAP.AccessAsUser.All", "offline_access"},
	RedirectHost:  "localhost",
}

// ProviderFor gives the provider of a sign-in method.
func ProviderFor(auth string) (OAuthProvider, bool) {
	switch auth {
	case AuthOAuthGoogle:
		return OAuthGoogle, true
	case AuthOAuthMicrosoft:
		return OAuthMicrosoft, true
	}
	return OAuthProvider{}, false
}

// OAuthClient is a registered OAuth client of a provider: what a sign-in and a token refresh
// need.
type OAuthClient struct {
	Provider     OAuthProvider
	ClientID     string
	ClientSecret string // Google desktop clients only; "" otherwise
	// HTTPClient talks to the provider; nil = http.DefaultClient.
	HTTPClient *http.Client
}

func (oc OAuthClient) config(redirect string) *oauth2.Config {
	return &oauth2.Config{
		ClientID:     oc.ClientID,
		ClientSecret: oc.ClientSecret,
		Endpoint: oauth2.Endpoint{AuthURL: oc.Provider.AuthURL, TokenURL: oc.Provider.TokenURL,
			DeviceAuthURL: oc.Provider.DeviceAuthURL, AuthStyle: oauth2.AuthStyleInParams},
		RedirectURL: redirect,
		Scopes:      oc.Provider.Scopes,
	}
}

func (oc OAuthClient) ctx(ctx context.Context) context.Context {
	if oc.HTTPClient != nil {
		return context.WithValue(ctx, oauth2.HTTPClient, oc.HTTPClient)
	}
	return ctx
}

func (oc OAuthClient) check() error {
	if strings.TrimSpace(oc.ClientID) == "" {
		return fmt.Errorf("no OAuth client ID for %s is set: register one (see the README, \"Signing in with Google or Microsoft\") and put it in the setting mail.oauth_%s_client_id",
			oc.Provider.Name, oc.Provider.Key)
	}
	return nil
}

// ErrSignInCancelled: the user closed the sign-in, or refused access in the browser.
var ErrSignInCancelled = errors.New("the sign-in was not completed")

// SignInOptions drive a browser sign-in.
type SignInOptions struct {
	// OpenURL opens the authorize URL in the system browser (tests pass an HTTP client
	// that plays the browser).
	OpenURL func(url string) error
	// LoginHint proposes the account to sign in with (the user name); "" = none.
	LoginHint string
	// Timeout bounds the wait for the browser; 0 = ten minutes.
	Timeout time.Duration
}

// SignIn runs the authorization-code flow with PKCE (S256) through the system browser and a
// redirect to a listener on 127.0.0.1 that takes one answer carrying the right state. It
// returns the token (with its refresh token). Cancelling ctx stops the wait.
func (oc OAuthClient) SignIn(ctx context.Context, opt SignInOptions) (*oauth2.Token, error) {
	if err := oc.check(); err != nil {
		return nil, err
	}
	if opt.OpenURL == nil {
		return nil, errors.New("no way to open a browser here: use the device-code sign-in")
	}
	timeout := opt.Timeout
	if timeout <= 0 {
		timeout = 10 * time.Minute
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("could not wait for the browser's answer on this computer: %w", err)
	}
	defer ln.Close()
	host := oc.Provider.RedirectHost
	if host == "" {
		host = "127.0.0.1"
	}
	redirect := "http://" + net.JoinHostPort(host, strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)) + "/"
	conf := oc.config(redirect)
	state := randomString()
	verifier := oauth2.GenerateVerifier()
	opts := []oauth2.AuthCodeOption{oauth2.S256ChallengeOption(verifier)}
	for k, v := range oc.Provider.AuthParams {
		opts = append(opts, oauth2.SetAuthURLParam(k, v))
	}
	if opt.LoginHint != "" {
		opts = append(opts, oauth2.SetAuthURLParam("login_hint", opt.LoginHint))
	}
	authURL := conf.AuthCodeURL(state, opts...)

	type answer struct {
		code string
		err  error
	}
	got := make(chan answer, 1)
	srv := &http.Server{ReadHeaderTimeout: 10 * time.Second, Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		if r.URL.Path != "/" || q.Get("state") != state {
			// not the answer to this sign-in (a stray request, or a forged one): ignored
			http.Error(w, "This is not the answer Duebook is waiting for.", http.StatusBadRequest)
			return
		}
		var a answer
		switch {
		case q.Get("error") == "access_denied":
			a.err = fmt.Errorf("%w: access was refused in the browser", ErrSignInCancelled)
		case q.Get("error") != "":
			a.err = fmt.Errorf("%s refused the sign-in: %s", oc.Provider.Name, oneLine(cmp.Or(q.Get("error_description"), q.Get("error"))))
		case q.Get("code") == "":
			a.err = fmt.Errorf("%s sent no authorization code back", oc.Provider.Name)
		default:
			a.code = q.Get("code")
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		msg := "Duebook is signed in. You can close this tab and go back to Duebook."
		if a.err != nil {
			msg = "Duebook is not signed in: " + a.err.Error()
		}
		fmt.Fprintf(w, "<!doctype html><title>Duebook</title><p>%s</p>", html.EscapeString(msg))
		select {
		case got <- a:
		default:
		}
	})}
	go srv.Serve(ln)
	defer srv.Close()

	if err := opt.OpenURL(authURL); err != nil {
		return nil, fmt.Errorf("could not open the browser: %w", err)
	}
	var a answer
	select {
	case <-ctx.Done():
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return nil, fmt.Errorf("%w: no answer from the browser within %v", ErrSignInCancelled, timeout)
		}
		return nil, ctx.Err()
	case a = <-got:
	}
	if a.err != nil {
		return nil, a.err
	}
	tok, err := conf.Exchange(oc.ctx(ctx), a.code, oauth2.VerifierOption(verifier))
	if err != nil {
		return nil, ctxErr(ctx, exchangeError(oc.Provider, err))
	}
	if tok.RefreshToken == "" {
		return nil, fmt.Errorf("%s signed in but gave no refresh token, so Duebook could not stay signed in", oc.Provider.Name)
	}
	return tok, nil
}

// DeviceCode is what the user types, and where, in a device-code sign-in.
type DeviceCode struct {
	UserCode        string
	VerificationURI string
}

// DeviceSignIn runs the device authorization grant (Microsoft): show is told the code and
// the address where the user enters it on any device; it then waits (polling) until the
// user has signed in, refused, the code expired, or ctx is cancelled.
func (oc OAuthClient) DeviceSignIn(ctx context.Context, show func(DeviceCode)) (*oauth2.Token, error) {
	if err := oc.check(); err != nil {
		return nil, err
	}
	if oc.Provider.DeviceAuthURL == "" {
		return nil, fmt.Errorf("%s has no sign-in with a code; use the browser sign-in", oc.Provider.Name)
	}
	conf := oc.config("")
	hctx := oc.ctx(ctx)
	da, err := conf.DeviceAuth(hctx)
	if err != nil {
		return nil, ctxErr(ctx, tokenError(oc.Provider, err))
	}
	show(DeviceCode{UserCode: da.UserCode, VerificationURI: cmp.Or(da.VerificationURIComplete, da.VerificationURI)})
	tok, err := conf.DeviceAccessToken(hctx, da)
	if err != nil {
		var re *oauth2.RetrieveError
		if errors.As(err, &re) && (re.ErrorCode == "authorization_declined" || re.ErrorCode == "access_denied") {
			return nil, fmt.Errorf("%w: access was refused", ErrSignInCancelled)
		}
		if errors.As(err, &re) && re.ErrorCode == "expired_token" {
			return nil, fmt.Errorf("%w: the code expired before it was entered", ErrSignInCancelled)
		}
		return nil, ctxErr(ctx, exchangeError(oc.Provider, err))
	}
	if tok.RefreshToken == "" {
		return nil, fmt.Errorf("%s signed in but gave no refresh token, so Duebook could not stay signed in", oc.Provider.Name)
	}
	return tok, nil
}

// exchangeError is tokenError for a new sign-in, where a refused grant is this sign-in's
// answer, not a saved sign-in.
func exchangeError(p OAuthProvider, err error) error {
	var re *oauth2.RetrieveError
	if errors.As(err, &re) && re.ErrorCode == "invalid_grant" {
		return fmt.Errorf("%s did not accept the sign-in's answer (it may have taken too long): sign in again", p.Name)
	}
	return tokenError(p, err)
}

// tokenError says in words what went wrong talking to the token endpoint.
func tokenError(p OAuthProvider, err error) error {
	var re *oauth2.RetrieveError
	if errors.As(err, &re) {
		switch re.ErrorCode {
		case "invalid_grant":
			return &SignInAgainError{Provider: p.Name, Why: "the saved sign-in has expired or was withdrawn"}
		case "invalid_client", "unauthorized_client":
			return fmt.Errorf("%s does not know Duebook's OAuth client ID (setting mail.oauth_%s_client_id): %s", p.Name, p.Key, oneLine(cmp.Or(re.ErrorDescription, re.ErrorCode)))
		}
		if re.ErrorCode != "" {
			return fmt.Errorf("%s refused the sign-in: %s", p.Name, oneLine(cmp.Or(re.ErrorDescription, re.ErrorCode)))
		}
		if re.Response != nil {
			return fmt.Errorf("%s's sign-in server answered %s", p.Name, re.Response.Status)
		}
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err // without the method and address
	}
	return fmt.Errorf("could not reach %s's sign-in server (is this computer online?): %w", p.Name, err)
}

func randomString() string {
	b := make([]byte, 24)
	rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

// OAuthClients are the OAuth client IDs the company file names (settings
// mail.oauth_google_client_id, mail.oauth_google_client_secret, mail.oauth_microsoft_client_id);
// empty ones fall back to the build-time defaults.
type OAuthClients struct {
	GoogleID, GoogleSecret, MicrosoftID string
}

// The settings keys of the OAuth clients.
const (
	SettingGoogleClientID     = "mail.oauth_google_client_id"
	SettingGoogleClientSecret = "mail.oauth_google_client_secret"
	SettingMicrosoftClientID  = "mail.oauth_microsoft_client_id"
)

// LoadOAuthClients reads the OAuth client settings (missing ones are empty).
func LoadOAuthClients(ctx context.Context, s *data.Store) OAuthClients {
	get := func(k string) string { v, _ := s.Setting(ctx, k); return strings.TrimSpace(v) }
	return OAuthClients{GoogleID: get(SettingGoogleClientID), GoogleSecret: get(SettingGoogleClientSecret), MicrosoftID: get(SettingMicrosoftClientID)}
}

// Validate checks the client settings (before anything is saved): no spaces or control
// characters.
func (c OAuthClients) Validate() error {
	for _, f := range []struct{ name, v string }{{"client id", c.GoogleID}, {"client id", c.MicrosoftID}, {"client secret", c.GoogleSecret}} {
		if strings.ContainsFunc(f.v, func(r rune) bool {
			return r <= ' ' || r == 0x7f || r == 0x85 || r == 0xa0 || r == 0x2028 || r == 0x2029
		}) {
			return &data.FieldError{Field: f.name, Msg: "must not contain spaces or control characters"}
		}
	}
	return nil
}

// SaveOAuthClients stores the OAuth client settings in one transaction.
func SaveOAuthClients(ctx context.Context, s *data.Store, c OAuthClients) error {
	if err := c.Validate(); err != nil {
		return err
	}
	return s.Update(ctx, func(tx *data.Tx) error {
		for k, v := range map[string]string{SettingGoogleClientID: c.GoogleID, SettingGoogleClientSecret: c.GoogleSecret, SettingMicrosoftClientID: c.MicrosoftID} {
			if err := tx.SetSetting(k, v); err != nil {
				return err
			}
		}
		return nil
	})
}

// For gives the registered client for a provider: the setting, else the build-time default.
func (c OAuthClients) For(p OAuthProvider) OAuthClient {
	oc := OAuthClient{Provider: p}
	switch p.Key {
	case OAuthGoogle.Key:
		oc.ClientID, oc.ClientSecret = cmp.Or(c.GoogleID, DefaultGoogleClientID), cmp.Or(c.GoogleSecret, DefaultGoogleClientSecret)
	case OAuthMicrosoft.Key:
		oc.ClientID = cmp.Or(c.MicrosoftID, DefaultMicrosoftClientID)
	}
	return oc
}
