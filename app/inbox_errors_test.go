package app

import (
	"errors"
	"fmt"
	"io/fs"
	"net"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"duebook/app/inbox"
)

// rawNetwork tells whether s shows Go's network error text instead of words.
func rawNetwork(s string) bool {
	for _, w := range []string{"dial tcp", "connect:", "i/o timeout", "no such host", "read tcp"} {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// Fetching mail from a server that refuses the connection says so in plain words.
func TestInboxFetchRefusedInPlainWords(t *testing.T) {
	s, ui := accountUI(t)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Skip(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close() // nothing listens there now
	t.Setenv("DUEBOOK_IMAP_PASSWORD", "s3cret")
	a := inbox.Account{Host: "127.0.0.1", Port: port, Security: "none", Username: "owner", Folder: "INBOX"}
	if err := inbox.SaveAccount(ctx, s, a); err != nil {
		t.Fatal(err)
	}
	ui.Inbox.FetchMail()
	ui.Wait()
	m := ui.Modal
	if m == nil || !m.Visible() {
		t.Fatal("a refused connection showed nothing")
	}
	msg := m.Message.Text
	if rawNetwork(msg) || !strings.Contains(msg, "refused the connection") || !strings.Contains(msg, strconv.Itoa(port)) {
		t.Errorf("a refused connection is shown as %q", msg)
	}
}

// A network failure that reaches the Inbox only as text ("dial tcp …", as some libraries
// format it) is said in words too: in the account form, in an error dialog, in the status.
func TestDialErrorTextInPlainWords(t *testing.T) {
	_, ui := accountUI(t)
	for _, raw := range []string{
		"imap: dial tcp 10.0.0.7:993: connect: connection refused",
		"dial tcp 10.0.0.7:993: i/o timeout",
		"dial tcp: lookup imap.exmaple.com: no such host",
		"dial tcp 10.0.0.7:993: connect: network is unreachable",
	} {
		err := errors.New(raw)
		if got := humanError(err); rawNetwork(got) {
			t.Errorf("%q said as %q", raw, got)
		}
		if m := ui.ShowError(err); rawNetwork(m.Message.Text) {
			t.Errorf("error dialog for %q shows %q", raw, m.Message.Text)
		} else {
			m.Hide()
		}
		tap(t, ui.Inbox.AccountB)
		af := ui.Inbox.AccountForm
		af.Form.ShowErrors(err)
		if g := af.Form.General.Text; rawNetwork(g) || g == "" {
			t.Errorf("account form for %q shows %q", raw, g)
		}
		af.Modal.Hide()
	}
	if got := humanError(errors.New("dial tcp 10.0.0.7:993: connect: connection refused")); !strings.Contains(got, "10.0.0.7:993") {
		t.Errorf("the address is lost: %q", got)
	}
	if got := humanError(errors.New("the amount is too large")); got != "the amount is too large" {
		t.Errorf("a plain message changed to %q", got)
	}
}

// A file system refusal is said in words, and the context around it is kept.
func TestFileErrorsInPlainWords(t *testing.T) {
	pe := &fs.PathError{Op: "mkdir", Path: "/srv/books", Err: syscall.EACCES}
	got := humanError(pe)
	if strings.Contains(got, "mkdir") || !strings.Contains(got, "/srv/books") || !strings.Contains(got, "not allowed") {
		t.Errorf("permission denied said as %q", got)
	}
	got = humanError(fmt.Errorf("backup: %w", pe))
	if !strings.HasPrefix(got, "backup: ") || strings.Contains(got, "mkdir /srv") {
		t.Errorf("wrapped: %q", got)
	}
}
