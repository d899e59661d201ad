package inboxtest

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
)

// oauth2Ext is Dovecot's oauth2 passdb file: tokens are checked by POSTing them to the test's
// introspection endpoint (/work/shared/testing/dovecot-oauth2.conf.ext, checked on Dovecot
// 2.3.19).
const oauth2Ext = `introspection_mode = post
introspection_url = {{URL}}
username_attribute = username
active_attribute = active
active_value = true
`

// oauth2Conf turns the password-only configuration into one that also takes SASL XOAUTH2 and
// OAUTHBEARER tokens. The passwd-file passdb is limited to plain and login: otherwise a
// refused token would be tried as the password.
func oauth2Conf(conf string) string {
	r := strings.NewReplacer(
		"auth_mechanisms = plain login\n", "auth_mechanisms = plain login xoauth2 oauthbearer\n",
		"passdb {\n  driver = passwd-file\n", `passdb {
  driver = oauth2
  mechanisms = xoauth2 oauthbearer
  args = {{DIR}}/dovecot-oauth2.conf.ext
}
passdb {
  driver = passwd-file
  mechanisms = plain login
`)
	return r.Replace(conf)
}

// StartOAuth2 starts Dovecot that also signs in with OAuth bearer tokens (SASL XOAUTH2 and
// OAUTHBEARER), asking the token server's introspection endpoint about each token. Password
// login still works for the harness helpers (Append, Deliver, Messages).
func StartOAuth2(t testing.TB, ts *OAuthServer) *Dovecot {
	t.Helper()
	return start(t, ts.URL+"/introspect")
}

// OAuthServer is a test OAuth 2.0 provider on 127.0.0.1: authorize (authorization code with
// PKCE S256), token (code, refresh, device code), device authorization and token
// introspection (for Dovecot). Access and refresh tokens can be expired or revoked.
type OAuthServer struct {
	URL      string
	ClientID string // the only client it knows
	// User is who "signs in" at the authorize endpoint and whose name introspection gives.
	User string
	// Deny makes the authorize endpoint answer access_denied.
	Deny bool
	// Rotate issues a new refresh token with each refresh (as Microsoft does).
	Rotate bool
	// RefreshSize pads refresh tokens to this many bytes (0 = short).
	RefreshSize int
	// AutoApprove lets every device-code sign-in through as soon as it is asked for.
	AutoApprove bool

	mu       sync.Mutex
	n        int
	codes    map[string]codeGrant
	refresh  map[string]string // refresh token -> user; "" = revoked
	access   map[string]string // access token -> user; "" = expired or revoked
	accessOf map[string][]string
	devices  map[string]*deviceGrant
	// counters
	Refreshes, Introspections, Exchanges int
	// Scopes asked for at the authorize endpoint, last request.
	Scope string
}

type codeGrant struct {
	challenge, redirect string
}

type deviceGrant struct {
	userCode string
	approved bool
	denied   bool
}

// NewOAuthServer starts the provider for user (stopped at cleanup).
func NewOAuthServer(t testing.TB, user string) *OAuthServer {
	s := &OAuthServer{ClientID: "duebook-test-client", User: user, codes: map[string]codeGrant{},
		refresh: map[string]string{}, access: map[string]string{}, accessOf: map[string][]string{}, devices: map[string]*deviceGrant{}}
	mux := http.NewServeMux()
	mux.HandleFunc("/authorize", s.authorize)
	mux.HandleFunc("/token", s.token)
	mux.HandleFunc("/devicecode", s.deviceCode)
	mux.HandleFunc("/introspect", s.introspect)
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	s.URL = srv.URL
	return s
}

func (s *OAuthServer) next(prefix string) string {
	s.n++
	return fmt.Sprintf("%s-%d", prefix, s.n)
}

func (s *OAuthServer) authorize(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	redirect, err := url.Parse(q.Get("redirect_uri"))
	if err != nil || redirect.Scheme != "http" || (redirect.Hostname() != "127.0.0.1" && redirect.Hostname() != "localhost") {
		http.Error(w, "bad redirect_uri", http.StatusBadRequest)
		return
	}
	if q.Get("client_id") != s.ClientID || q.Get("response_type") != "code" {
		http.Error(w, "unknown client", http.StatusBadRequest)
		return
	}
	if q.Get("code_challenge_method") != "S256" || q.Get("code_challenge") == "" || q.Get("state") == "" {
		http.Error(w, "PKCE S256 and state are required", http.StatusBadRequest)
		return
	}
	back := url.Values{"state": {q.Get("state")}}
	s.mu.Lock()
	s.Scope = q.Get("scope")
	if s.Deny {
		back.Set("error", "access_denied")
	} else {
		code := s.next("code")
		s.codes[code] = codeGrant{challenge: q.Get("code_challenge"), redirect: q.Get("redirect_uri")}
		back.Set("code", code)
	}
	s.mu.Unlock()
	redirect.RawQuery = back.Encode()
	http.Redirect(w, r, redirect.String(), http.StatusFound)
}

func tokenErr(w http.ResponseWriter, code string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusBadRequest)
	json.NewEncoder(w).Encode(map[string]string{"error": code, "error_description": "test server: " + code})
}

// issue makes an access token (and a refresh token when refresh is ""), locked.
func (s *OAuthServer) issue(w http.ResponseWriter, refresh string) {
	user := s.User
	newRefresh := ""
	if refresh == "" || s.Rotate {
		newRefresh = s.next("refresh")
		if s.RefreshSize > len(newRefresh) {
			newRefresh += strings.Repeat("x", s.RefreshSize-len(newRefresh))
		}
		s.refresh[newRefresh] = user
		if refresh != "" {
			s.accessOf[newRefresh] = s.accessOf[refresh]
			delete(s.refresh, refresh)
		}
		refresh = newRefresh
	}
	at := s.next("access")
	s.access[at] = user
	s.accessOf[refresh] = append(s.accessOf[refresh], at)
	out := map[string]any{"access_token": at, "token_type": "Bearer", "expires_in": 3600}
	if newRefresh != "" {
		out["refresh_token"] = newRefresh
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(out)
}

func (s *OAuthServer) token(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost || r.ParseForm() != nil {
		tokenErr(w, "invalid_request")
		return
	}
	f := r.PostForm
	if f.Get("client_id") != s.ClientID {
		tokenErr(w, "invalid_client")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	switch f.Get("grant_type") {
	case "authorization_code":
		g, ok := s.codes[f.Get("code")]
		delete(s.codes, f.Get("code")) // a code is good once
		sum := sha256.Sum256([]byte(f.Get("code_verifier")))
		if !ok || g.redirect != f.Get("redirect_uri") || base64.RawURLEncoding.EncodeToString(sum[:]) != g.challenge {
			tokenErr(w, "invalid_grant")
			return
		}
		s.Exchanges++
		s.issue(w, "")
	case "refresh_token":
		rt := f.Get("refresh_token")
		if s.refresh[rt] == "" {
			tokenErr(w, "invalid_grant")
			return
		}
		s.Refreshes++
		s.issue(w, rt)
	case "urn:ietf:params:oauth:grant-type:device_code":
		d := s.devices[f.Get("device_code")]
		switch {
		case d == nil:
			tokenErr(w, "expired_token")
		case d.denied:
			tokenErr(w, "authorization_declined")
		case !d.approved:
			tokenErr(w, "authorization_pending")
		default:
			delete(s.devices, f.Get("device_code"))
			s.Exchanges++
			s.issue(w, "")
		}
	default:
		tokenErr(w, "unsupported_grant_type")
	}
}

func (s *OAuthServer) deviceCode(w http.ResponseWriter, r *http.Request) {
	if r.ParseForm() != nil || r.PostForm.Get("client_id") != s.ClientID {
		tokenErr(w, "invalid_client")
		return
	}
	s.mu.Lock()
	dc, uc := s.next("device"), fmt.Sprintf("CODE-%d", s.n)
	s.devices[dc] = &deviceGrant{userCode: uc, approved: s.AutoApprove}
	s.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]any{"device_code": dc, "user_code": uc, "verification_uri": s.URL + "/device", "expires_in": 900, "interval": 1})
}

// ApproveDevice lets the device-code sign-in with this user code through (deny: refuses it).
func (s *OAuthServer) ApproveDevice(userCode string, deny bool) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, d := range s.devices {
		if d.userCode == userCode {
			d.approved, d.denied = !deny, deny
			return true
		}
	}
	return false
}

func (s *OAuthServer) introspect(w http.ResponseWriter, r *http.Request) {
	r.ParseForm()
	s.mu.Lock()
	s.Introspections++
	user := s.access[r.PostForm.Get("token")]
	s.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	if user == "" {
		w.Write([]byte(`{"active": false}`))
		return
	}
	json.NewEncoder(w).Encode(map[string]any{"active": true, "username": user})
}

// ExpireAccess makes every access token issued so far inactive (their lifetime is over).
func (s *OAuthServer) ExpireAccess() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for k := range s.access {
		s.access[k] = ""
	}
}

// RevokeAll withdraws every grant: refresh tokens and their access tokens stop working.
func (s *OAuthServer) RevokeAll() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for k := range s.refresh {
		s.refresh[k] = ""
	}
	for k := range s.access {
		s.access[k] = ""
	}
}

// Count gives the counters under the lock: refreshes, introspections, code exchanges.
func (s *OAuthServer) Count() (refreshes, introspections, exchanges int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.Refreshes, s.Introspections, s.Exchanges
}

// Browser plays the system browser: it opens the authorize URL with an HTTP client that
// follows the redirect to the program's loopback listener.
func Browser(u string) error {
	resp, err := http.Get(u)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("browser: %s", resp.Status)
	}
	return nil
}
