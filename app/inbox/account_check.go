package inbox

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"strings"
	"syscall"
)

// The steps of a connection check, in order.
const (
	StepConnect = "connect"
	StepTLS     = "TLS"
	StepSignIn  = "sign in"
	StepList    = "LIST"
	StepFolder  = "folder"
)

// CheckSteps are the steps CheckAccount reports, in order.
var CheckSteps = []string{StepConnect, StepTLS, StepSignIn, StepList, StepFolder}

// CheckStep is how one step of a connection check went, in plain words.
type CheckStep struct {
	Step  string // StepConnect …
	OK    bool
	Tried bool // false: not reached (an earlier step failed), or not needed (no TLS)
	Say   string
}

func (c Config) report(step string, err error) {
	if c.step != nil {
		c.step(step, err)
	}
}

// CheckAccount connects, secures, signs in, lists and opens the folder read-only, and says
// per step what worked and what did not (the account form's Test button). The error is the
// first step's that failed.
func CheckAccount(ctx context.Context, cfg Config) ([]CheckStep, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	got := map[string]error{}
	seen := map[string]bool{}
	cfg.step = func(step string, err error) {
		if !seen[step] { // the first word on a step stands
			seen[step], got[step] = true, err
		}
	}
	c, done, err := Dial(ctx, cfg)
	if err == nil {
		if !seen[StepList] {
			cfg.report(StepList, confirmList(c))
		}
		if got[StepList] == nil {
			_, ferr := c.Select(cfg.folder(), true)
			cfg.report(StepFolder, ferr)
		}
		done()
	}
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	var steps []CheckStep
	var first error
	for _, name := range CheckSteps {
		st := CheckStep{Step: name, Tried: seen[name]}
		e := got[name]
		st.OK = st.Tried && e == nil
		st.Say = cfg.say(name, st.Tried, e)
		if st.Tried && e != nil && first == nil {
			first = errors.New(st.Say)
		}
		steps = append(steps, st)
	}
	if first == nil && err != nil {
		first = err
	}
	return steps, first
}

// say words one step's outcome.
func (c Config) say(step string, tried bool, err error) string {
	addr := fmt.Sprintf("%s on port %d", c.Host, c.port())
	if !tried {
		if step == StepTLS && c.Security == SecurityNone {
			return "Not encrypted (plaintext, allowed only to this computer)."
		}
		return "Not tried."
	}
	switch step {
	case StepConnect:
		if err == nil {
			return "Reached " + addr + "."
		}
		var dns *net.DNSError
		switch {
		case errors.As(err, &dns) && dns.IsNotFound:
			return "Could not reach " + c.Host + ": there is no server by that name (check the IMAP server)."
		case errors.Is(err, syscall.ECONNREFUSED) || strings.Contains(err.Error(), "connection refused"):
			return "Could not reach " + addr + ": nothing answers on that port (check the port and security)."
		case isTimeout(err):
			return "Could not reach " + addr + ": no answer in time (a firewall, or the wrong server?)."
		}
		return "Could not reach " + addr + ": " + reason(err) + "."
	case StepTLS:
		if err == nil {
			return "The connection is encrypted and the server's certificate is valid."
		}
		var unknown x509.UnknownAuthorityError
		var host x509.HostnameError
		var inv x509.CertificateInvalidError
		var rec tls.RecordHeaderError
		switch {
		case errors.As(err, &unknown):
			return "The server's certificate is not signed by an authority this computer trusts: the connection was not used."
		case errors.As(err, &host):
			return "The server's certificate is for another name than " + c.Host + ": the connection was not used."
		case errors.As(err, &inv):
			return "The server's certificate is not valid (expired or not yet valid): the connection was not used."
		case errors.As(err, &rec):
			return "The server does not speak TLS on port " + fmt.Sprint(c.port()) + " (try STARTTLS on port 143, or TLS on port 993)."
		case strings.Contains(err.Error(), "does not offer STARTTLS"):
			return "The server does not offer STARTTLS: choose TLS (port 993)."
		}
		return "The encrypted connection could not be set up: " + reason(err) + "."
	case StepSignIn:
		how := "with the password"
		if c.OAuth != nil {
			how = "with " + c.OAuth.Client.Provider.Name
		}
		if err == nil {
			return "Signed in as " + c.Username + " " + how + "."
		}
		if errors.Is(err, ErrSignInAgain) || c.OAuth != nil {
			return oneLine(err.Error())
		}
		return "The server refused the user name or password for " + c.Username + ": " + reason(err) + " (Gmail, Yahoo and iCloud want an app password; Outlook and Microsoft 365 want the Microsoft sign-in)."
	case StepList:
		if err == nil {
			return "The server lists the mailbox's folders."
		}
		if errors.Is(err, ErrSignInAgain) {
			return oneLine(err.Error())
		}
		return "Signed in, but the server would not list the folders: " + reason(err) + "."
	case StepFolder:
		if err == nil {
			return "The folder " + c.folder() + " opens."
		}
		return "The folder " + c.folder() + " does not open (does it exist?): " + reason(err) + "."
	}
	return ""
}

// reason is an error's text as the end of a sentence (no doubled full stop).
func reason(err error) string { return strings.TrimRight(oneLine(err.Error()), ".") }

func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}
