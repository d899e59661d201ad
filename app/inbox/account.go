package inbox

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"strconv"
	"strings"
	"unicode"

	"duebook/data"
	"github.com/zalando/go-keyring"
)

// Account is the mailbox Duebook reads, kept in the company file's settings. The password
// is never stored there: it lives in the OS keyring (or, where there is none, comes from
// the DUEBOOK_IMAP_PASSWORD environment variable).
type Account struct {
	Host     string
	Port     int
	Security string // tls (default), starttls, none (loopback only)
	Username string
	Folder   string
	// Auth is the sign-in method: AuthPassword ("" reads as it), AuthOAuthGoogle or
	// AuthOAuthMicrosoft (setting "mail.auth").
	Auth string
	// AuthServID is the receiving server's authserv-id, the name its Authentication-Results
	// headers start with, which the trust rule believes (setting "mail.authserv").
	// Only that server's verdict is trusted (see ownResults); with none set nothing is.
	// Several ids may be given separated by commas, and "*.example.com" matches the names
	// under example.com.
	AuthServID string

	clients OAuthClients // the company file's OAuth client IDs (LoadAccount)
}

const keyringService = "duebook-imap"

// LoadAccount reads the account settings of the company file.
func LoadAccount(ctx context.Context, s *data.Store) (Account, error) {
	var a Account
	get := func(k string) string { v, _ := s.Setting(ctx, "mail."+k); return v }
	a.Host, a.Username, a.Folder, a.Security = get("host"), get("user"), get("folder"), get("security")
	a.Port, _ = strconv.Atoi(get("port"))
	a.Auth, a.AuthServID = get("auth"), get("authserv")
	a.clients = LoadOAuthClients(ctx, s)
	if a.Host == "" || a.Username == "" {
		return a, &data.FieldError{Field: "mail account", Msg: "not set up: run duebook mail-account -host HOST -user USER (or Inbox → Account)"}
	}
	return a, nil
}

// LoadAuthServ reads the account's receiving server (authserv-id) alone: reading mail files
// needs no mailbox, only it ("" when not set).
func LoadAuthServ(ctx context.Context, s *data.Store) (string, error) {
	return s.Setting(ctx, "mail.authserv")
}

// SaveAccount validates and stores the account settings (not the password).
func SaveAccount(ctx context.Context, s *data.Store, a Account) error {
	a.Host, a.Username = strings.TrimSpace(a.Host), strings.TrimSpace(a.Username)
	if a.Host == "" {
		return &data.FieldError{Field: "host", Msg: "is required"}
	}
	if a.Username == "" {
		return &data.FieldError{Field: "user", Msg: "is required"}
	}
	if err := checkHost(a.Host); err != nil {
		return err
	}
	for _, f := range []struct{ name, v string }{{"user", a.Username}, {"folder", a.Folder}} {
		if err := data.TextError(f.name, f.v, false); err != nil {
			return err
		}
	}
	if a.Port < 0 || a.Port > 65535 {
		return &data.FieldError{Field: "port", Msg: "must be between 1 and 65535 (0 = the default)"}
	}
	sec, err := ParseSecurity(a.Security)
	if err != nil {
		return &data.FieldError{Field: "security", Msg: err.Error()}
	}
	servID, err := CleanAuthServID(a.AuthServID)
	if err != nil {
		return err
	}
	if sec == SecurityNone && !isLoopback(a.Host) {
		return &data.FieldError{Field: "security", Msg: "plaintext is only allowed to this computer (localhost); use tls or starttls"}
	}
	if a.Auth, err = ParseAuth(a.Auth); err != nil {
		return &data.FieldError{Field: "auth", Msg: err.Error()}
	}
	return s.Update(ctx, func(tx *data.Tx) error {
		for k, v := range map[string]string{"host": a.Host, "user": a.Username, "folder": a.Folder, "security": a.Security, "port": strconv.Itoa(a.Port),
			"auth": a.Auth, "authserv": servID} {
			if err := tx.SetSetting("mail."+k, v); err != nil {
				return err
			}
		}
		if servID != "" { // the user has chosen: a pending proposal is answered
			return tx.SetSetting(proposedKey, "")
		}
		return nil
	})
}

// checkHost accepts a server name (letters, digits, "-" and ".", such as imap.gmail.com or
// an IDN name) or an IP address, and refuses anything else naming the field: "h ex",
// "imap.example.com:993" (the port has its own field), a line break.
func checkHost(h string) error {
	if ip := net.ParseIP(strings.Trim(h, "[]")); ip != nil {
		return nil
	}
	if host, port, err := net.SplitHostPort(h); err == nil && host != "" {
		return &data.FieldError{Field: "host", Msg: fmt.Sprintf("%q holds a port: give the server name %q and the port %s separately (-port)", h, host, port)}
	}
	ok := !strings.HasPrefix(h, ".") && !strings.HasPrefix(h, "-") && !strings.Contains(h, "..")
	for _, r := range h {
		if !(r == '.' || r == '-' || unicode.IsLetter(r) || unicode.IsDigit(r)) {
			ok = false
		}
	}
	if !ok {
		return &data.FieldError{Field: "host", Msg: fmt.Sprintf("%q is not a server name such as imap.gmail.com (letters, digits, \"-\" and \".\")", h)}
	}
	return nil
}

func isLoopback(host string) bool {
	return host == "localhost" || host == "::1" || strings.HasPrefix(host, "127.")
}

// WithClients gives the account with these OAuth clients (the account form's, before saving).
func (a Account) WithClients(c OAuthClients) Account { a.clients = c; return a }

// Clients are the account's OAuth clients.
func (a Account) Clients() OAuthClients { return a.clients }

// SetPassword keeps the password in the OS keyring.
func SetPassword(a Account, password string) error {
	if err := keyring.Set(keyringService, a.Username+"@"+a.Host, password); err != nil {
		return fmt.Errorf("no usable OS keyring here (%v); set DUEBOOK_IMAP_PASSWORD in the environment instead", err)
	}
	return nil
}

// Password finds the account's password: DUEBOOK_IMAP_PASSWORD first, then the OS keyring.
func Password(a Account) (string, error) {
	if p := os.Getenv("DUEBOOK_IMAP_PASSWORD"); p != "" {
		return p, nil
	}
	p, err := keyring.Get(keyringService, a.Username+"@"+a.Host)
	if errors.Is(err, keyring.ErrNotFound) {
		return "", &data.FieldError{Field: "password", Msg: "not saved: run duebook mail-account -password-stdin, or set DUEBOOK_IMAP_PASSWORD"}
	}
	if err != nil {
		return "", fmt.Errorf("password: no usable OS keyring here (%v); set DUEBOOK_IMAP_PASSWORD in the environment", err)
	}
	return p, nil
}

// Config turns the account into a fetch configuration: with the password, or with the
// OAuth session of the saved sign-in (a *SignInAgainError when there is none).
func (a Account) Config() (Config, error) {
	sec, err := ParseSecurity(a.Security)
	if err != nil {
		return Config{}, &data.FieldError{Field: "security", Msg: err.Error()}
	}
	auth, err := ParseAuth(a.Auth)
	if err != nil {
		return Config{}, &data.FieldError{Field: "auth", Msg: err.Error()}
	}
	if p, ok := ProviderFor(auth); ok {
		oc := a.clients.For(p)
		if err := oc.check(); err != nil {
			return Config{}, &data.FieldError{Field: "auth", Msg: err.Error()}
		}
		sess, err := sessionFor(a, oc)
		if err != nil {
			return Config{}, err
		}
		return a.config(sec, "", sess), nil
	}
	pw, err := Password(a)
	if err != nil {
		return Config{}, err
	}
	return a.config(sec, pw, nil), nil
}

// config is the fetch configuration with the password or the OAuth session.
func (a Account) config(sec Security, password string, oauth *OAuthSession) Config {
	return Config{Host: a.Host, Port: a.Port, Security: sec, Username: a.Username, Password: password, Folder: a.Folder, AuthServID: a.AuthServID, OAuth: oauth}
}
