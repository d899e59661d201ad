package inbox

import (
	"context"
	"errors"
	"io"
	"log"
	"net"
	"strings"
	"testing"

	"github.com/emersion/go-imap"
	"github.com/emersion/go-imap/backend"
	"github.com/emersion/go-imap/backend/memory"
	"github.com/emersion/go-imap/server"
	"github.com/emersion/go-sasl"
	"golang.org/x/oauth2"
)

// notConnected is a user the server let in but will not serve: every LIST fails, as
// Exchange Online does when the token belongs to another mailbox than the user named
// ("User is authenticated but not connected").
type notConnected struct{ backend.User }

func (notConnected) ListMailboxes(bool) ([]backend.Mailbox, error) {
	return nil, errors.New("User is authenticated but not connected.")
}

// anyToken is an XOAUTH2 server that accepts every token.
type anyToken struct {
	conn server.Conn
	bkd  backend.Backend
	got  *string
}

func (a *anyToken) Next(resp []byte) ([]byte, bool, error) {
	*a.got = string(resp)
	u, err := a.bkd.Login(nil, "username", "password")
	if err != nil {
		return nil, true, err
	}
	ctx := a.conn.Context()
	ctx.State, ctx.User = imap.AuthenticatedState, notConnected{u}
	return nil, true, nil
}

// A server that takes any token but then serves nothing is caught by the LIST after
// AUTHENTICATE: the fetch says to sign in again with the right account instead of failing
// later with a raw error, and the access token is dropped.
func TestOAuthListConfirmsSignIn(t *testing.T) {
	bkd := memory.New()
	var got string
	s := server.New(bkd)
	s.AllowInsecureAuth = true
	s.ErrorLog = log.New(io.Discard, "", 0)
	s.EnableAuth(MechXOAUTH2, func(c server.Conn) sasl.Server { return &anyToken{conn: c, bkd: bkd, got: &got} })
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go s.Serve(ln)
	t.Cleanup(func() { s.Close() })

	sess := NewOAuthSession(OAuthClient{Provider: OAuthMicrosoft, ClientID: "x"}, "owner@contoso.example", "")
	sess.SetToken(&oauth2.Token{AccessToken: "TOKEN-FOR-SOMEONE-ELSE"})
	cfg := Config{Host: "127.0.0.1", Port: ln.Addr().(*net.TCPAddr).Port, Security: SecurityNone, Username: "owner@contoso.example", OAuth: sess}
	var st MemState
	_, err = Fetch(context.Background(), cfg, &st, FetchOptions{Handle: func(context.Context, *Message) error { return nil }})
	if got != "user=owner@contoso.example\x01auth=Bearer TOKEN-FOR-SOMEONE-ELSE\x01\x01" {
		t.Errorf("XOAUTH2 sent %q", got)
	}
	if !errors.Is(err, ErrSignInAgain) || !strings.Contains(err.Error(), "does not let it read mail") {
		t.Fatalf("fetch: %v", err)
	}
	if sess.access != "" {
		t.Error("the refused access token was kept")
	}
	steps, err := CheckAccount(context.Background(), Config{Host: cfg.Host, Port: cfg.Port, Security: SecurityNone, Username: cfg.Username, OAuth: func() *OAuthSession {
		sess.SetToken(&oauth2.Token{AccessToken: "T2"})
		return sess
	}()})
	if err == nil || !steps[2].OK || steps[3].OK || !strings.Contains(steps[3].Say, "Sign in again") || steps[4].Tried {
		t.Errorf("check: %v\n%+v", err, steps)
	}
}
