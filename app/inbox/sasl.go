package inbox

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/emersion/go-imap"
	"github.com/emersion/go-imap/client"
	"github.com/emersion/go-sasl"
)

// SASL mechanisms for OAuth bearer tokens.
const (
	MechXOAUTH2     = "XOAUTH2"     // Google's and Microsoft's (developers.google.com/gmail/imap/xoauth2-protocol)
	MechOAUTHBEARER = "OAUTHBEARER" // RFC 7628
)

// bearerError is the JSON a server sends as its challenge when it refuses a token
// (XOAUTH2: {"status":"401","schemes":"bearer","scope":"..."}; OAUTHBEARER: {"status":"invalid_token"}).
type bearerError struct {
	Status  string `json:"status"`
	Schemes string `json:"schemes"`
	Scope   string `json:"scope"`
}

// xoauth2Client is the SASL XOAUTH2 client (go-sasl dropped it): the initial response
// "user=U\x01auth=Bearer T\x01\x01"; an error challenge is answered with an empty response,
// after which the server ends the exchange with NO.
type xoauth2Client struct {
	user, token string
	refused     *bearerError
}

func (c *xoauth2Client) Start() (string, []byte, error) {
	return MechXOAUTH2, []byte("user=" + c.user + "\x01auth=Bearer " + c.token + "\x01\x01"), nil
}

func (c *xoauth2Client) Next(challenge []byte) ([]byte, error) {
	c.refused = parseBearerError(challenge)
	return []byte{}, nil
}

// oauthBearerClient is go-sasl's OAUTHBEARER client, with the user name escaped as the GS2
// header requires (RFC 5801: "," as =2C, "=" as =3D) and an error challenge answered with the
// dummy response %x01 (RFC 7628 3.2.3) instead of cancelling the exchange.
type oauthBearerClient struct {
	sasl.Client
	refused *bearerError
}

func newOAuthBearerClient(user, token, host string, port int) *oauthBearerClient {
	u := strings.NewReplacer("=", "=3D", ",", "=2C").Replace(user)
	return &oauthBearerClient{Client: sasl.NewOAuthBearerClient(&sasl.OAuthBearerOptions{Username: u, Token: token, Host: host, Port: port})}
}

func (c *oauthBearerClient) Next(challenge []byte) ([]byte, error) {
	c.refused = parseBearerError(challenge)
	return []byte{0x01}, nil
}

func parseBearerError(challenge []byte) *bearerError {
	e := &bearerError{}
	if json.Unmarshal(challenge, e) != nil || e.Status == "" {
		e.Status = "refused"
	}
	return e
}

// chooseMechanism picks the SASL mechanism from the server's CAPABILITY: OAUTHBEARER (the
// standard) when offered, else XOAUTH2 (what Outlook offers); want forces one.
func chooseMechanism(c *client.Client, want string) (string, error) {
	has := func(m string) bool { ok, _ := c.SupportAuth(m); return ok }
	if want != "" {
		want = strings.ToUpper(want)
		if !has(want) {
			return "", fmt.Errorf("the server does not offer the %s sign-in", want)
		}
		return want, nil
	}
	switch {
	case has(MechOAUTHBEARER):
		return MechOAUTHBEARER, nil
	case has(MechXOAUTH2):
		return MechXOAUTH2, nil
	}
	return "", errors.New("the server does not offer an OAuth sign-in (XOAUTH2 or OAUTHBEARER): sign in with a password or an app password instead")
}

// errTokenRefused: the server refused the access token (NO after the JSON challenge).
type errTokenRefused struct {
	mech   string
	status string
	err    error
}

func (e *errTokenRefused) Error() string {
	return fmt.Sprintf("the mail server refused the sign-in (%s, %s): %v", e.mech, e.status, e.err)
}

// authenticate signs in with the access token by mech.
func authenticate(c *client.Client, cfg Config, mech, token string) error {
	var err error
	var refused func() *bearerError
	switch mech {
	case MechXOAUTH2:
		x := &xoauth2Client{user: cfg.Username, token: token}
		err, refused = c.Authenticate(x), func() *bearerError { return x.refused }
	default:
		o := newOAuthBearerClient(cfg.Username, token, strings.Trim(cfg.Host, "[]"), cfg.port())
		err, refused = c.Authenticate(o), func() *bearerError { return o.refused }
	}
	if err == nil {
		return nil
	}
	status := "no reason given"
	if r := refused(); r != nil {
		status = "status " + r.Status
	}
	return &errTokenRefused{mech: mech, status: status, err: err}
}

// oauthLogin signs in with the session's access token. A cached token the server refuses is
// dropped and a fresh one tried once; a refused fresh token, or a grant the provider no
// longer honours, is a *SignInAgainError. After AUTHENTICATE a LIST confirms the sign-in
// really opened the mailbox (Microsoft can accept a token for another user than the one
// named, and then fail every command).
func oauthLogin(ctx context.Context, c *client.Client, cfg Config) error {
	s := cfg.OAuth
	mech, err := chooseMechanism(c, cfg.Mechanism)
	if err != nil {
		return err
	}
	for attempt := 0; ; attempt++ {
		token, fresh, err := s.AccessToken(ctx)
		if err != nil {
			return err
		}
		err = authenticate(c, cfg, mech, token)
		if err == nil {
			break
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		var tr *errTokenRefused
		if !errors.As(err, &tr) {
			return err
		}
		s.Invalidate()
		if fresh || attempt > 0 {
			return &SignInAgainError{Provider: s.Client.Provider.Name, User: cfg.Username,
				Why: "the mail server did not accept the sign-in (it may have been made with another account than " + cfg.Username + ")"}
		}
	}
	cfg.report(StepSignIn, nil)
	if err := confirmList(c); err != nil {
		s.Invalidate()
		err = &SignInAgainError{Provider: s.Client.Provider.Name, User: cfg.Username,
			Why: "the mail server accepted the sign-in but does not let it read mail (sign in with the account " + cfg.Username + ")"}
		cfg.report(StepList, err)
		return err
	}
	cfg.report(StepList, nil)
	return nil
}

// confirmList runs LIST "" "INBOX": it fails when the server accepted a token it will not
// serve mail for.
func confirmList(c *client.Client) error {
	ch := make(chan *imap.MailboxInfo, 4)
	errc := make(chan error, 1)
	go func() { errc <- c.List("", "INBOX", ch) }()
	for range ch {
	}
	return <-errc
}
