// Package inboxtest starts a real Dovecot IMAP server on loopback for tests (inbox fetch,
// collections drafts). It is only for tests: nothing in the program imports it.
package inboxtest

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"fmt"
	"io"
	"log"
	"math/big"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/emersion/go-imap"
	"github.com/emersion/go-imap/client"
)

// Dovecot is a running test server with one user.
type Dovecot struct {
	Dir      string // temporary directory: config, certificate, run state, mail
	Host     string // 127.0.0.1
	Port     int    // plaintext / STARTTLS listener
	TLSPort  int    // implicit TLS listener
	User     string
	Password string
	// CertPool trusts the server's self-signed certificate (for 127.0.0.1 and localhost).
	CertPool *x509.CertPool

	cmd *exec.Cmd
}

const confTemplate = `base_dir = {{DIR}}/run
state_dir = {{DIR}}/run
log_path = {{DIR}}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = yes
ssl_cert = <{{DIR}}/cert.pem
ssl_key = <{{DIR}}/key.pem
ssl_min_protocol = TLSv1.2
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
default_internal_user = dovecot
default_login_user = dovenull
default_internal_group = dovecot
mail_location = maildir:{{DIR}}/mail/%u
mail_fsync = never
namespace inbox {
  inbox = yes
  separator = /
  mailbox Drafts {
    special_use = \Drafts
  }
}
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {{DIR}}/users
}
userdb {
  driver = static
  args = uid=dovecot gid=dovecot home={{DIR}}/mail/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = {{PORT}}
  }
  inet_listener imaps {
    address = 127.0.0.1
    port = {{TLSPORT}}
    ssl = yes
  }
  chroot =
}
service anvil {
  chroot =
}
first_valid_uid = 1
`

// Start starts Dovecot for the test and stops it at cleanup. When the dovecot binary is
// missing, or the test does not run as root, the test is skipped — or fails when CI=true,
// where `make test` installs it.
func Start(t testing.TB) *Dovecot {
	t.Helper()
	return start(t, "")
}

// start starts Dovecot; with introspectURL, the OAuth2 variant (see StartOAuth2).
func start(t testing.TB, introspectURL string) *Dovecot {
	t.Helper()
	bin, err := exec.LookPath("dovecot")
	if err != nil {
		if _, e := os.Stat("/usr/sbin/dovecot"); e == nil {
			bin, err = "/usr/sbin/dovecot", nil
		}
	}
	if err != nil {
		unavailable(t, "dovecot is not installed (apt-get install dovecot-imapd)")
	}
	if os.Geteuid() != 0 {
		unavailable(t, "dovecot test server needs root")
	}
	dv, err := user.Lookup("dovecot")
	if err != nil {
		unavailable(t, "no dovecot system user: "+err.Error())
	}
	uid, _ := strconv.Atoi(dv.Uid)
	gid, _ := strconv.Atoi(dv.Gid)

	// a short path: Dovecot's unix sockets live under base_dir (108-byte limit)
	dir, err := os.MkdirTemp("", "dbdove-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	d := &Dovecot{Dir: dir, Host: "127.0.0.1", User: "shop", Password: "secret"}
	certPEM, keyPEM, pool, err := selfSigned()
	if err != nil {
		t.Fatal(err)
	}
	d.CertPool = pool
	mail := filepath.Join(dir, "mail")
	for _, f := range []struct {
		name string
		data []byte
		mode os.FileMode
	}{
		{"cert.pem", certPEM, 0o644},
		{"key.pem", keyPEM, 0o600},
		{"users", []byte(d.User + ":{PLAIN}" + d.Password + "\n"), 0o644},
		{"dovecot-oauth2.conf.ext", []byte(strings.ReplaceAll(oauth2Ext, "{{URL}}", introspectURL)), 0o644},
	} {
		if err := os.WriteFile(filepath.Join(dir, f.name), f.data, f.mode); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.MkdirAll(mail, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Chown(mail, uid, gid); err != nil {
		t.Fatal(err)
	}

	var lastErr error
	for attempt := 0; attempt < 3; attempt++ {
		d.Port, d.TLSPort = freePort(t), freePort(t)
		tmpl := confTemplate
		if introspectURL != "" {
			tmpl = oauth2Conf(tmpl)
		}
		conf := strings.NewReplacer("{{DIR}}", dir, "{{PORT}}", strconv.Itoa(d.Port), "{{TLSPORT}}", strconv.Itoa(d.TLSPort)).Replace(tmpl)
		confPath := filepath.Join(dir, "dovecot.conf")
		if err := os.WriteFile(confPath, []byte(conf), 0o644); err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		cmd := exec.Command(bin, "-F", "-c", confPath)
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		exited := make(chan error, 1)
		go func() { exited <- cmd.Wait() }()
		if err := waitListening(exited, d.Port, d.TLSPort); err != nil {
			lastErr = fmt.Errorf("%v\n%s\n%s", err, out.String(), readLog(dir))
			stop(cmd, exited)
			continue
		}
		d.cmd = cmd
		t.Cleanup(func() { stop(cmd, exited) })
		return d
	}
	t.Fatalf("dovecot did not start: %v", lastErr)
	return nil
}

func unavailable(t testing.TB, why string) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatal(why)
	}
	t.Skip(why)
}

// stop ends the Dovecot master this test started (by its process id); the master stops its
// own children, which also exit when it dies.
func stop(cmd *exec.Cmd, exited chan error) {
	if cmd.Process == nil {
		return
	}
	cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-exited:
	case <-time.After(10 * time.Second):
		cmd.Process.Kill()
		<-exited
	}
}

func readLog(dir string) string {
	b, _ := os.ReadFile(filepath.Join(dir, "dovecot.log"))
	return string(b)
}

func waitListening(exited chan error, ports ...int) error {
	deadline := time.Now().Add(15 * time.Second)
	for _, p := range ports {
		for {
			select {
			case err := <-exited:
				exited <- err
				return fmt.Errorf("dovecot exited: %v", err)
			default:
			}
			c, err := net.DialTimeout("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(p)), time.Second)
			if err == nil {
				c.Close()
				break
			}
			if time.Now().After(deadline) {
				return fmt.Errorf("port %d not listening: %v", p, err)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	return nil
}

func freePort(t testing.TB) int {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// selfSigned makes a self-signed ECDSA certificate for 127.0.0.1 and localhost.
func selfSigned() (certPEM, keyPEM []byte, pool *x509.CertPool, err error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, nil, nil, err
	}
	serial, _ := rand.Int(rand.Reader, big.NewInt(1<<62))
	tmpl := &x509.Certificate{
		SerialNumber:          serial,
		Subject:               pkix.Name{CommonName: "duebook test IMAP"},
		NotBefore:             time.Now().Add(-time.Hour),
		NotAfter:              time.Now().Add(24 * time.Hour),
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		BasicConstraintsValid: true,
		IsCA:                  true,
		IPAddresses:           []net.IP{net.ParseIP("127.0.0.1")},
		DNSNames:              []string{"localhost"},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return nil, nil, nil, err
	}
	kder, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		return nil, nil, nil, err
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		return nil, nil, nil, err
	}
	pool = x509.NewCertPool()
	pool.AddCert(cert)
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}),
		pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kder}), pool, nil
}

// Client logs in over implicit TLS and returns a go-imap client, logged out at cleanup.
func (d *Dovecot) Client(t testing.TB) *client.Client {
	t.Helper()
	c, err := client.DialTLS(net.JoinHostPort(d.Host, strconv.Itoa(d.TLSPort)), &tls.Config{RootCAs: d.CertPool, ServerName: d.Host})
	if err != nil {
		t.Fatal(err)
	}
	c.ErrorLog = log.New(io.Discard, "", 0)
	c.Timeout = 30 * time.Second
	if err := c.Login(d.User, d.Password); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Logout() })
	return c
}

// Append stores raw messages in folder (created if missing), in order, so their UIDs
// ascend in the order given. LF line ends are turned into CRLF.
func (d *Dovecot) Append(t testing.TB, folder string, raws ...[]byte) {
	t.Helper()
	c := d.Client(t)
	d.CreateFolder(t, c, folder)
	for _, raw := range raws {
		raw = bytes.ReplaceAll(bytes.ReplaceAll(raw, []byte("\r\n"), []byte("\n")), []byte("\n"), []byte("\r\n"))
		if err := c.Append(folder, nil, time.Now(), bytes.NewBuffer(raw)); err != nil {
			t.Fatalf("append to %s: %v", folder, err)
		}
	}
}

// Deliver writes raw messages straight into the user's Maildir (folder "INBOX" or another
// existing folder), as a local delivery agent would: much faster than APPEND for thousands
// of messages. Dovecot gives them UIDs, in the order given, when the folder is next opened.
func (d *Dovecot) Deliver(t testing.TB, folder string, raws ...[]byte) {
	t.Helper()
	c := d.Client(t)
	d.CreateFolder(t, c, folder)
	if _, err := c.Select(folder, true); err != nil { // creates the Maildir directories
		t.Fatal(err)
	}
	dir := filepath.Join(d.Dir, "mail", d.User)
	if !strings.EqualFold(folder, "INBOX") {
		dir = filepath.Join(dir, "."+strings.ReplaceAll(folder, "/", "."))
	}
	dv, err := user.Lookup("dovecot")
	if err != nil {
		t.Fatal(err)
	}
	uid, _ := strconv.Atoi(dv.Uid)
	gid, _ := strconv.Atoi(dv.Gid)
	base := time.Now().Unix()
	for i, raw := range raws {
		raw = bytes.ReplaceAll(bytes.ReplaceAll(raw, []byte("\r\n"), []byte("\n")), []byte("\n"), []byte("\r\n"))
		// names sort in delivery order; Dovecot assigns UIDs in that order
		name := fmt.Sprintf("%d.M%08dP%d.duebook-test", base, i, os.Getpid())
		tmp := filepath.Join(dir, "tmp", name)
		if err := os.WriteFile(tmp, raw, 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Chown(tmp, uid, gid); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(tmp, filepath.Join(dir, "new", name)); err != nil {
			t.Fatal(err)
		}
	}
}

// CreateFolder creates folder unless it exists.
func (d *Dovecot) CreateFolder(t testing.TB, c *client.Client, folder string) {
	t.Helper()
	if strings.EqualFold(folder, "INBOX") {
		return
	}
	if _, err := c.Status(folder, []imap.StatusItem{imap.StatusMessages}); err == nil {
		return
	}
	if err := c.Create(folder); err != nil {
		t.Fatalf("create %s: %v", folder, err)
	}
}

// Messages returns the raw messages of folder with their flags, in UID order.
func (d *Dovecot) Messages(t testing.TB, folder string) (raws [][]byte, flags [][]string) {
	t.Helper()
	c := d.Client(t)
	st, err := c.Select(folder, true)
	if err != nil {
		t.Fatal(err)
	}
	if st.Messages == 0 {
		return nil, nil
	}
	set := new(imap.SeqSet)
	set.AddRange(1, st.Messages)
	section := &imap.BodySectionName{Peek: true}
	ch := make(chan *imap.Message, 16)
	errc := make(chan error, 1)
	go func() {
		errc <- c.Fetch(set, []imap.FetchItem{imap.FetchUid, imap.FetchFlags, section.FetchItem()}, ch)
	}()
	type rec struct {
		uid   uint32
		raw   []byte
		flags []string
	}
	var recs []rec
	for m := range ch {
		b, _ := io.ReadAll(m.GetBody(section))
		recs = append(recs, rec{m.Uid, b, m.Flags})
	}
	if err := <-errc; err != nil {
		t.Fatal(err)
	}
	for i := 1; i < len(recs); i++ {
		for j := i; j > 0 && recs[j].uid < recs[j-1].uid; j-- {
			recs[j], recs[j-1] = recs[j-1], recs[j]
		}
	}
	for _, r := range recs {
		raws = append(raws, r.raw)
		flags = append(flags, r.flags)
	}
	return raws, flags
}

// Context gives a context cancelled at test cleanup.
func Context(t testing.TB) context.Context {
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	return ctx
}
