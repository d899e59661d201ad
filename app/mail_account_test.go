package app

import (
	"errors"
	"net"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"duebook/app/inbox"
	"duebook/app/inbox/inboxtest"
	"duebook/data"

	"github.com/zalando/go-keyring"
)

// fillAccount types the account form as a user would.
func fillAccount(af *AccountForm, host, port, sec, user, pw, folder string) {
	f := af.Form
	typeInto(f.Field("host").Entry, host)
	typeInto(f.Field("port").Entry, port)
	f.Field("security").Select.SetSelected(securityWords(sec)) // the user picks the words shown
	typeInto(f.Field("user").Entry, user)
	typeInto(af.Password, pw)
	typeInto(f.Field("folder").Entry, folder)
}

// accountUI opens the window on an empty company with an in-memory keyring (there is no OS
// keyring under CI) and no password in the environment.
func accountUI(t *testing.T) (*data.Store, *UI) {
	t.Helper()
	keyring.MockInit()
	t.Setenv("DUEBOOK_IMAP_PASSWORD", "")
	s := newStore(t)
	return s, newTestUI(t, s)
}

func TestMailAccountFormRoundTrip(t *testing.T) {
	s, ui := accountUI(t)
	is := ui.Inbox
	tap(t, is.AccountB)
	af := is.AccountForm
	if af == nil || ui.Modal != af.Modal {
		t.Fatal("account form not shown")
	}
	if af.Form.Field("security").Text() != "tls" {
		t.Fatalf("default security %q", af.Form.Field("security").Text())
	}
	fillAccount(af, "imap.example.com", "993", "tls", "owner@example.com", "s3cret", "Payments")
	tap(t, af.Modal.Button("Save"))
	if af.Modal.Visible() {
		t.Fatalf("form still open: %q", af.Form.General.Text)
	}
	a, err := inbox.LoadAccount(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	want := inbox.Account{Host: "imap.example.com", Port: 993, Security: "tls", Username: "owner@example.com", Folder: "Payments", Auth: inbox.AuthPassword}
	if a != want {
		t.Fatalf("loaded %+v, want %+v", a, want)
	}
	if pw, err := inbox.Password(a); err != nil || pw != "s3cret" {
		t.Fatalf("password from keyring %q %v", pw, err)
	}
	// the password is nowhere in the company file
	for _, k := range []string{"host", "user", "folder", "security", "port", "password", "pass"} {
		if v, _ := s.Setting(ctx, "mail."+k); strings.Contains(v, "s3cret") {
			t.Fatalf("password stored in setting mail.%s", k)
		}
	}
	// the form opens with what was saved; an empty password keeps the saved one
	tap(t, is.AccountB)
	af = is.AccountForm
	if af.Form.Field("host").Text() != "imap.example.com" || af.Form.Field("port").Text() != "993" ||
		af.Form.Field("user").Text() != "owner@example.com" || af.Form.Field("folder").Text() != "Payments" || af.Password.Text != "" {
		t.Fatal("saved settings not shown")
	}
	typeInto(af.Form.Field("folder").Entry, "INBOX")
	tap(t, af.Modal.Button("Save"))
	if a, _ := inbox.LoadAccount(ctx, s); a.Folder != "INBOX" {
		t.Fatalf("folder %q", a.Folder)
	}
	if pw, _ := inbox.Password(a); pw != "s3cret" {
		t.Fatal("saved password lost")
	}
}

func TestMailAccountFormRefuses(t *testing.T) {
	s, ui := accountUI(t)
	is := ui.Inbox
	tap(t, is.AccountB)
	af := is.AccountForm
	cases := []struct {
		host, port, sec, user, field, want string
	}{
		{"imap.example.com", "143", "none", "me", "security", "plaintext is only allowed to this computer"},
		{"", "", "tls", "me", "host", "is required"},
		{"imap.example.com", "", "tls", "", "user", "is required"},
		{"imap.example.com", "abc", "tls", "me", "port", `"abc" is not a whole number`},
		{"imap.example.com", "70000", "tls", "me", "port", "between 1 and 65535"},
	}
	for _, c := range cases {
		fillAccount(af, c.host, c.port, c.sec, c.user, "pw", "")
		tap(t, af.Modal.Button("Save"))
		fd := af.Form.Field(c.field)
		if !af.Modal.Visible() || !fd.Error.Visible() || !strings.Contains(fd.Error.Text, c.want) {
			t.Fatalf("%+v: %s error %q (general %q)", c, c.field, fd.Error.Text, af.Form.General.Text)
		}
		if _, err := inbox.LoadAccount(ctx, s); err == nil {
			t.Fatalf("%+v: saved", c)
		}
	}
	// plaintext to this computer is fine
	fillAccount(af, "127.0.0.1", "1143", "none", "me", "pw", "")
	tap(t, af.Modal.Button("Save"))
	if a, err := inbox.LoadAccount(ctx, s); err != nil || a.Security != "none" || a.Port != 1143 {
		t.Fatalf("loopback plaintext %+v %v", a, err)
	}
}

func TestMailAccountNoKeyring(t *testing.T) {
	keyring.MockInitWithError(errors.New("no secret service"))
	t.Cleanup(keyring.MockInit)
	t.Setenv("DUEBOOK_IMAP_PASSWORD", "")
	s := newStore(t)
	ui := newTestUI(t, s)
	tap(t, ui.Inbox.AccountB)
	af := ui.Inbox.AccountForm
	fillAccount(af, "imap.example.com", "", "starttls", "me", "pw", "")
	tap(t, af.Modal.Button("Save"))
	fd := af.Form.Field("password")
	if !af.Modal.Visible() || !strings.Contains(fd.Error.Text, "set DUEBOOK_IMAP_PASSWORD") {
		t.Fatalf("keyring fallback not told: %q", fd.Error.Text)
	}
	if a, err := inbox.LoadAccount(ctx, s); err != nil || a.Security != "starttls" {
		t.Fatalf("settings not kept without a keyring: %+v %v", a, err)
	}
}

func TestFetchWithoutAccountOpensForm(t *testing.T) {
	_, ui := accountUI(t)
	tap(t, ui.Inbox.Fetch)
	af := ui.Inbox.AccountForm
	if af == nil || ui.Modal != af.Modal || !strings.Contains(af.Form.General.Text, "No mail account") {
		t.Fatal("Fetch without an account did not open the account form")
	}
	// an account without a saved password: the form again, the reason next to the password
	fillAccount(af, "imap.example.com", "", "tls", "me", "", "")
	tap(t, af.Modal.Button("Save"))
	tap(t, ui.Inbox.Fetch)
	af = ui.Inbox.AccountForm
	if fd := af.Form.Field("password"); ui.Modal != af.Modal || !strings.Contains(fd.Error.Text, "not saved") {
		t.Fatalf("missing password not shown: %q", fd.Error.Text)
	}
}

func TestMailAccountTestConnection(t *testing.T) {
	_, ui := accountUI(t)
	// nothing listens: the check fails and says so
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closedPort := l.Addr().(*net.TCPAddr).Port
	l.Close()
	tap(t, ui.Inbox.AccountB)
	af := ui.Inbox.AccountForm
	fillAccount(af, "127.0.0.1", itoa(closedPort), "none", "me", "pw", "")
	tap(t, af.Modal.Button("Test connection"))
	ui.Wait()
	if !strings.HasPrefix(af.Tested, "failed: ") || ui.Modal.Title != "Connection failed" {
		t.Fatalf("refused connection: tested %q, modal %q", af.Tested, ui.Modal.Title)
	}
	ui.Modal.Hide()
	// a server that never answers: Cancel stops the check
	silent, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer silent.Close()
	go func() {
		for {
			c, err := silent.Accept()
			if err != nil {
				return
			}
			defer c.Close()
		}
	}()
	typeInto(af.Form.Field("port").Entry, itoa(silent.Addr().(*net.TCPAddr).Port))
	tap(t, af.Modal.Button("Test connection"))
	time.Sleep(100 * time.Millisecond)
	start := time.Now()
	tap(t, af.Test.Button("Cancel"))
	ui.Wait()
	if af.Tested != "cancelled" || time.Since(start) > 5*time.Second {
		t.Fatalf("cancel: tested %q after %v", af.Tested, time.Since(start))
	}
	// plaintext to another computer is refused before connecting
	typeInto(af.Form.Field("host").Entry, "imap.example.com")
	tap(t, af.Modal.Button("Test connection"))
	if fd := af.Form.Field("security"); !strings.Contains(fd.Error.Text, "plaintext") {
		t.Fatalf("security error %q", fd.Error.Text)
	}
}

// Against a real Dovecot on loopback (skipped where there is none, or not as root): the
// saved password logs in, a wrong one is told.
func TestMailAccountTestConnectionDovecot(t *testing.T) {
	if _, err := exec.LookPath("dovecot"); err != nil {
		if _, err := os.Stat("/usr/sbin/dovecot"); err != nil {
			t.Skip("dovecot is not installed")
		}
	}
	if os.Geteuid() != 0 {
		t.Skip("the dovecot test server needs root")
	}
	d := inboxtest.Start(t)
	_, ui := accountUI(t)
	tap(t, ui.Inbox.AccountB)
	af := ui.Inbox.AccountForm
	fillAccount(af, d.Host, itoa(d.Port), "none", d.User, d.Password, "")
	tap(t, af.Modal.Button("Save"))
	tap(t, ui.Inbox.AccountB)
	af = ui.Inbox.AccountForm
	tap(t, af.Modal.Button("Test connection")) // the saved password, from the keyring
	ui.Wait()
	if af.Tested != "ok" || ui.Modal.Title != "Connection works" {
		t.Fatalf("tested %q, modal %q", af.Tested, ui.Modal.Title)
	}
	ui.Modal.Hide()
	typeInto(af.Password, "wrong")
	tap(t, af.Modal.Button("Test connection"))
	ui.Wait()
	if !strings.HasPrefix(af.Tested, "failed: ") {
		t.Fatalf("wrong password: tested %q", af.Tested)
	}
}

// Changing Security moves a standard port with it (STARTTLS on 993 cannot connect); a port
// the user typed that is neither standard one stays.
func TestMailAccountSecurityMovesTheStandardPort(t *testing.T) {
	_, ui := accountUI(t)
	tap(t, ui.Inbox.AccountB)
	f := ui.Inbox.AccountForm.Form
	port, sec := f.Field("port"), f.Field("security")
	typeInto(port.Entry, "993")
	for _, c := range []struct{ pick, port string }{{"STARTTLS", "143"}, {"SSL/TLS", "993"}, {"None (only to this computer)", "143"}, {"STARTTLS", "143"}} {
		sec.Select.SetSelected(c.pick)
		if port.Text() != c.port {
			t.Errorf("after choosing %s the port is %q, want %s", c.pick, port.Text(), c.port)
		}
	}
	typeInto(port.Entry, "1143")
	sec.Select.SetSelected("SSL/TLS")
	if port.Text() != "1143" {
		t.Errorf("a port of the user's own became %q", port.Text())
	}
}
