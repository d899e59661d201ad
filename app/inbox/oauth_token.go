package inbox

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"time"

	"github.com/zalando/go-keyring"
	"golang.org/x/oauth2"
)

// ErrSignInAgain is what every expired, revoked or refused OAuth grant is (errors.Is): the
// user has to sign in with the provider again. Its text is plain words for the Inbox.
var ErrSignInAgain = errors.New("sign in again: the saved sign-in to your mailbox no longer works. Open Inbox → Account and sign in")

// SignInAgainError says which sign-in stopped working and why; errors.Is(err, ErrSignInAgain).
type SignInAgainError struct {
	Provider string // "Google", "Microsoft"
	User     string // the account's user name ("" = not known here)
	Why      string // plain words
	// Never: there was no sign-in yet (the message says "Sign in", not "again").
	Never bool
}

func (e *SignInAgainError) Error() string {
	who := e.Provider + " account"
	if e.User != "" {
		who = e.User + " (" + e.Provider + ")"
	}
	if e.Never {
		return fmt.Sprintf("Sign in: Duebook is not signed in to %s yet. Open Inbox → Account and press \"Sign in with %s\".", who, e.Provider)
	}
	return fmt.Sprintf("Sign in again: %s. Mailbox: %s. Open Inbox → Account and press \"Sign in with %s\".", e.Why, who, e.Provider)
}

// Is makes errors.Is(err, ErrSignInAgain) true.
func (e *SignInAgainError) Is(target error) bool { return target == ErrSignInAgain }

const oauthKeyringService = "duebook-oauth"

// keyringMaxSecret is the longest secret the OS keyring keeps: Windows Credential Manager
// stores at most 2560 bytes per credential (CRED_MAX_CREDENTIAL_BLOB_SIZE); 0 = no limit
// known (Secret Service, macOS Keychain).
var keyringMaxSecret = func() int {
	if runtime.GOOS == "windows" {
		return 2560
	}
	return 0
}()

func oauthKeyringUser(a Account, p OAuthProvider) string {
	return p.Key + ":" + a.Username + "@" + a.Host
}

// SaveRefreshToken keeps the refresh token of the account in the OS keyring: the only part of
// a sign-in that is kept (access tokens live in memory only).
func SaveRefreshToken(a Account, p OAuthProvider, refresh string) error {
	if refresh == "" {
		return errors.New("no refresh token to keep")
	}
	if keyringMaxSecret > 0 && len(refresh) > keyringMaxSecret {
		return fmt.Errorf("the sign-in %s gave is %d bytes long, more than the %d bytes the Windows Credential Manager can keep, so it could not be saved",
			p.Name, len(refresh), keyringMaxSecret)
	}
	err := keyring.Set(oauthKeyringService, oauthKeyringUser(a, p), refresh)
	if errors.Is(err, keyring.ErrSetDataTooBig) {
		return fmt.Errorf("the sign-in %s gave is %d bytes long, more than this computer's keyring can keep, so it could not be saved", p.Name, len(refresh))
	}
	if err != nil {
		return fmt.Errorf("no usable OS keyring here (%v): the sign-in cannot be kept", err)
	}
	return nil
}

// RefreshToken reads the account's saved refresh token; a *SignInAgainError ("not signed in
// yet") when there is none.
func RefreshToken(a Account, p OAuthProvider) (string, error) {
	rt, err := keyring.Get(oauthKeyringService, oauthKeyringUser(a, p))
	if errors.Is(err, keyring.ErrNotFound) || (err == nil && rt == "") {
		return "", &SignInAgainError{Provider: p.Name, User: a.Username, Never: true}
	}
	if err != nil {
		return "", fmt.Errorf("sign-in: no usable OS keyring here (%v)", err)
	}
	return rt, nil
}

// ForgetSignIn removes the account's saved refresh token (sign out).
func ForgetSignIn(a Account, p OAuthProvider) error {
	sessionsMu.Lock()
	delete(sessions, sessionKey(a, p))
	sessionsMu.Unlock()
	err := keyring.Delete(oauthKeyringService, oauthKeyringUser(a, p))
	if err != nil && !errors.Is(err, keyring.ErrNotFound) {
		return err
	}
	return nil
}

// OAuthSession gives access tokens for one signed-in account: it refreshes them with the
// refresh token when they expire (by its clock) or are refused, and keeps them in memory only.
type OAuthSession struct {
	Client OAuthClient
	User   string
	// Now is the clock (nil = time.Now).
	Now func() time.Time
	// Save keeps a new refresh token when the provider rotates it (nil = not kept).
	Save func(refresh string) error

	mu      sync.Mutex
	refresh string
	access  string
	expiry  time.Time // zero: valid until refused
}

// NewOAuthSession starts a session from a saved refresh token.
func NewOAuthSession(oc OAuthClient, user, refresh string) *OAuthSession {
	return &OAuthSession{Client: oc, User: user, refresh: refresh}
}

// SetToken starts the session with a just-obtained token (access token and its lifetime
// kept in memory; the caller saves the refresh token).
func (s *OAuthSession) SetToken(t *oauth2.Token) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if t.RefreshToken != "" {
		s.refresh = t.RefreshToken
	}
	s.access, s.expiry = t.AccessToken, s.expiryOf(t)
}

func (s *OAuthSession) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

// expiryOf is when a token is treated as expired: a minute before its lifetime ends.
func (s *OAuthSession) expiryOf(t *oauth2.Token) time.Time {
	if t.ExpiresIn > 0 {
		return s.now().Add(time.Duration(t.ExpiresIn)*time.Second - time.Minute)
	}
	if !t.Expiry.IsZero() {
		return t.Expiry.Add(-time.Minute)
	}
	return time.Time{}
}

// AccessToken gives a valid access token: the one in memory, or a new one from the refresh
// token. fresh says it was just issued (a refused fresh token is not worth refreshing again).
// An expired or revoked grant is a *SignInAgainError.
func (s *OAuthSession) AccessToken(ctx context.Context) (token string, fresh bool, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.access != "" && (s.expiry.IsZero() || s.now().Before(s.expiry)) {
		return s.access, false, nil
	}
	if s.refresh == "" {
		return "", false, &SignInAgainError{Provider: s.Client.Provider.Name, User: s.User, Never: true}
	}
	conf := s.Client.config("")
	t, err := conf.TokenSource(s.Client.ctx(ctx), &oauth2.Token{RefreshToken: s.refresh}).Token()
	if err != nil {
		err = ctxErr(ctx, tokenError(s.Client.Provider, err))
		var sa *SignInAgainError
		if errors.As(err, &sa) {
			sa.User = s.User
			s.access = ""
		}
		return "", false, err
	}
	if t.AccessToken == "" {
		return "", false, fmt.Errorf("%s's sign-in server gave no access token", s.Client.Provider.Name)
	}
	if t.RefreshToken != "" && t.RefreshToken != s.refresh {
		s.refresh = t.RefreshToken
		if s.Save != nil {
			if err := s.Save(t.RefreshToken); err != nil {
				return "", false, err
			}
		}
	}
	s.access, s.expiry = t.AccessToken, s.expiryOf(t)
	return s.access, true, nil
}

// Invalidate drops the access token in memory (the server refused it): the next
// AccessToken refreshes.
func (s *OAuthSession) Invalidate() {
	s.mu.Lock()
	s.access = ""
	s.mu.Unlock()
}

// sessions keeps one session per signed-in account for the life of the program, so access
// tokens are reused between fetches instead of refreshed for each.
var (
	sessionsMu sync.Mutex
	sessions   = map[string]*OAuthSession{}
)

func sessionKey(a Account, p OAuthProvider) string { return oauthKeyringUser(a, p) }

// sessionFor gives the account's session, made from the saved refresh token (again when
// that changed, after a new sign-in).
func sessionFor(a Account, oc OAuthClient) (*OAuthSession, error) {
	p := oc.Provider
	rt, err := RefreshToken(a, p)
	if err != nil {
		return nil, err
	}
	key := sessionKey(a, p)
	sessionsMu.Lock()
	defer sessionsMu.Unlock()
	if s := sessions[key]; s != nil && s.Client.ClientID == oc.ClientID {
		s.mu.Lock()
		same := s.refresh == rt
		s.mu.Unlock()
		if same {
			return s, nil
		}
	}
	s := NewOAuthSession(oc, a.Username, rt)
	s.Save = func(refresh string) error { return SaveRefreshToken(a, p, refresh) }
	sessions[key] = s
	return s, nil
}

// RememberSignIn keeps a just-obtained token for the account: the refresh token in the OS
// keyring, the access token in this program's memory.
func RememberSignIn(a Account, oc OAuthClient, t *oauth2.Token) error {
	if err := SaveRefreshToken(a, oc.Provider, t.RefreshToken); err != nil {
		return err
	}
	s := NewOAuthSession(oc, a.Username, t.RefreshToken)
	s.Save = func(refresh string) error { return SaveRefreshToken(a, oc.Provider, refresh) }
	s.SetToken(t)
	sessionsMu.Lock()
	sessions[sessionKey(a, oc.Provider)] = s
	sessionsMu.Unlock()
	return nil
}
