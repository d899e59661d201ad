package inbox

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/emersion/go-imap"
	"github.com/emersion/go-imap/client"
)

// Security is how the IMAP connection is protected.
type Security int

const (
	// SecurityTLS is implicit TLS (port 993), the default.
	SecurityTLS Security = iota
	// SecuritySTARTTLS upgrades a plain connection (port 143); used only when chosen.
	SecuritySTARTTLS
	// SecurityNone is plaintext, refused unless the host is loopback (tests, local bridges).
	SecurityNone
)

func (s Security) String() string {
	switch s {
	case SecurityTLS:
		return "tls"
	case SecuritySTARTTLS:
		return "starttls"
	case SecurityNone:
		return "none"
	}
	return "security(" + strconv.Itoa(int(s)) + ")"
}

// ParseSecurity reads "tls", "starttls" or "none" ("" = tls).
func ParseSecurity(s string) (Security, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "tls", "ssl", "implicit":
		return SecurityTLS, nil
	case "starttls":
		return SecuritySTARTTLS, nil
	case "none", "plain", "plaintext":
		return SecurityNone, nil
	}
	return SecurityTLS, fmt.Errorf("security %q is not tls, starttls or none", s)
}

// Config is one mail account. The password is given by the caller (from the OS keyring);
// it is never stored or logged here.
type Config struct {
	Host     string
	Port     int // 0: 993 for TLS, 143 otherwise
	Security Security
	Username string
	Password string
	Folder   string // mailbox to read; "" = INBOX
	// AuthServID is the account's receiving server (Account.AuthServID): only its
	// Authentication-Results are trusted; "" = nothing read is trusted.
	AuthServID string
	Drafts     string // mailbox for AppendDraft; "" = the \Drafts special-use mailbox, else "Drafts"
	// MaxSize: messages larger than this (RFC822.SIZE) are skipped and reported, not fetched.
	// 0 = DefaultMaxSize.
	MaxSize int
	// RootCAs verifies the server certificate; nil = the system roots. Certificates are
	// always verified.
	RootCAs *x509.CertPool
	// Timeout bounds dialing and each IMAP command; 0 = two minutes.
	Timeout time.Duration
	// BatchBytes is about how many message bytes one UID FETCH asks for; 0 = 4 MiB.
	BatchBytes int
	// OAuth, when set, signs in with its access tokens (SASL OAUTHBEARER or XOAUTH2, by the
	// server's CAPABILITY) instead of the password.
	OAuth *OAuthSession
	// Mechanism forces the SASL mechanism of an OAuth sign-in ("" = by CAPABILITY).
	Mechanism string
	// step (CheckAccount) is told how each step of Dial went.
	step func(step string, err error)
}

// ErrPlaintextRefused: SecurityNone to a host that is not loopback.
var ErrPlaintextRefused = errors.New("plaintext IMAP is refused except to this computer (loopback): choose TLS or STARTTLS")

func (c Config) port() int {
	if c.Port > 0 {
		return c.Port
	}
	if c.Security == SecurityTLS {
		return 993
	}
	return 143
}

func (c Config) folder() string {
	if c.Folder == "" {
		return "INBOX"
	}
	return c.Folder
}

func (c Config) maxSize() int {
	if c.MaxSize > 0 {
		return c.MaxSize
	}
	return DefaultMaxSize
}

func (c Config) timeout() time.Duration {
	if c.Timeout > 0 {
		return c.Timeout
	}
	return 2 * time.Minute
}

func (c Config) batchBytes() int {
	if c.BatchBytes > 0 {
		return c.BatchBytes
	}
	return 4 << 20
}

// Validate checks the settings without connecting. Errors name the field.
func (c Config) Validate() error {
	switch {
	case strings.TrimSpace(c.Host) == "":
		return errors.New("host: is empty")
	case c.Port < 0 || c.Port > 65535:
		return fmt.Errorf("port: %d is not a port number", c.Port)
	case c.Security < SecurityTLS || c.Security > SecurityNone:
		return fmt.Errorf("security: %v is not tls, starttls or none", c.Security)
	case c.Username == "":
		return errors.New("username: is empty")
	case c.Security == SecurityNone && !IsLoopback(c.Host):
		return ErrPlaintextRefused
	}
	return nil
}

// IsLoopback reports whether host is this computer: "localhost" or a loopback address.
// Names are not resolved (a name could be made to point anywhere).
func IsLoopback(host string) bool {
	h := strings.TrimSuffix(strings.Trim(host, "[]"), ".")
	if strings.EqualFold(h, "localhost") {
		return true
	}
	ip := net.ParseIP(h)
	return ip != nil && ip.IsLoopback()
}

// State keeps, per folder, the UIDVALIDITY and the highest UID already handled. The data
// layer implements it; MemState is an in-memory one.
type State interface {
	Get(folder string) (uidValidity, lastUID uint32, err error)
	Put(folder string, uidValidity, lastUID uint32) error
}

// MemState is an in-memory State (tests, one-off runs).
type MemState struct {
	mu sync.Mutex
	m  map[string][2]uint32
}

// Get implements State.
func (s *MemState) Get(folder string) (uint32, uint32, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	v := s.m[folder]
	return v[0], v[1], nil
}

// Put implements State.
func (s *MemState) Put(folder string, uidValidity, lastUID uint32) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.m == nil {
		s.m = map[string][2]uint32{}
	}
	s.m[folder] = [2]uint32{uidValidity, lastUID}
	return nil
}

// Identity is what makes a fetched message unique: a payment imported from it is recorded
// once (mailbox, UIDVALIDITY, UID; and Message-ID).
type Identity struct {
	Mailbox     string
	UIDValidity uint32
	UID         uint32
	MessageID   string // without angle brackets; "" when the message has none
}

func (id Identity) String() string {
	return fmt.Sprintf("%s/%d/%d", id.Mailbox, id.UIDValidity, id.UID)
}

// Message is one fetched message.
type Message struct {
	Identity
	Size         uint32
	InternalDate time.Time
	Raw          []byte
}

// Skipped is a message not fetched (too large), reported instead.
type Skipped struct {
	Identity
	Size   uint32
	Reason string
}

// FetchOptions are the callbacks of Fetch.
type FetchOptions struct {
	// Handle receives each new message in UID order. When it returns nil the folder's last
	// UID moves past the message; an error stops the fetch there, and the next fetch starts
	// with this message again.
	Handle func(ctx context.Context, m *Message) error
	// Skip (optional) is told about each message over the size limit; like Handle, the last
	// UID moves past it only when Skip returns nil.
	Skip func(ctx context.Context, s Skipped) error
	// Progress (optional) is called after each message: done of total new messages.
	Progress func(done, total int)
}

// FetchResult sums up a fetch.
type FetchResult struct {
	Mailbox     string
	UIDValidity uint32
	Reset       bool // UIDVALIDITY changed: the folder was read again from the start
	New         int  // new messages found
	Delivered   int  // handed to Handle
	Skipped     int  // too large, handed to Skip
	Vanished    int  // expunged between search and fetch
	LastUID     uint32
}

// Dial connects and logs in. The connection is closed when ctx is cancelled.
func Dial(ctx context.Context, cfg Config) (*client.Client, func(), error) {
	if err := cfg.Validate(); err != nil {
		return nil, nil, err
	}
	addr := net.JoinHostPort(strings.Trim(cfg.Host, "[]"), strconv.Itoa(cfg.port()))
	tlsCfg := &tls.Config{
		ServerName: strings.Trim(cfg.Host, "[]"),
		RootCAs:    cfg.RootCAs,
		MinVersion: tls.VersionTLS12,
	}
	d := &ctxDialer{ctx: ctx, timeout: cfg.timeout()}
	var c *client.Client
	var err error
	if cfg.Security == SecurityTLS {
		c, err = client.DialWithDialerTLS(d, addr, tlsCfg)
	} else {
		c, err = client.DialWithDialer(d, addr)
	}
	closeConn := func() {
		d.mu.Lock()
		defer d.mu.Unlock()
		if d.stop != nil {
			d.stop()
		}
		if d.conn != nil {
			d.conn.Close()
		}
	}
	if err != nil {
		closeConn()
		d.mu.Lock()
		connected := d.conn != nil
		d.mu.Unlock()
		if connected && cfg.Security == SecurityTLS {
			cfg.report(StepConnect, nil)
			cfg.report(StepTLS, err)
		} else {
			cfg.report(StepConnect, err)
		}
		return nil, nil, ctxErr(ctx, fmt.Errorf("connect to %s: %w", addr, err))
	}
	cfg.report(StepConnect, nil)
	c.ErrorLog = log.New(io.Discard, "", 0)
	c.Timeout = cfg.timeout()
	if cfg.Security == SecuritySTARTTLS {
		ok, err := c.SupportStartTLS()
		if err == nil && !ok {
			err = errors.New("the server does not offer STARTTLS")
		}
		if err == nil {
			err = c.StartTLS(tlsCfg)
		}
		if err != nil {
			closeConn()
			cfg.report(StepTLS, err)
			return nil, nil, ctxErr(ctx, fmt.Errorf("STARTTLS with %s: %w", addr, err))
		}
	}
	if cfg.Security != SecurityNone {
		cfg.report(StepTLS, nil)
	}
	if cfg.OAuth != nil {
		if err := oauthLogin(ctx, c, cfg); err != nil {
			closeConn()
			cfg.report(StepSignIn, err)
			return nil, nil, ctxErr(ctx, err)
		}
	} else if err := c.Login(cfg.Username, cfg.Password); err != nil {
		closeConn()
		cfg.report(StepSignIn, err)
		return nil, nil, ctxErr(ctx, fmt.Errorf("login as %s: %w", cfg.Username, err))
	}
	cfg.report(StepSignIn, nil)
	done := func() {
		lo := make(chan struct{})
		go func() { c.Logout(); close(lo) }()
		select {
		case <-lo:
		case <-time.After(2 * time.Second):
		}
		closeConn()
	}
	return c, done, nil
}

// ctxDialer dials with the context and a timeout, and closes the connection when the
// context is cancelled (which aborts whatever IMAP command is running).
type ctxDialer struct {
	ctx     context.Context
	timeout time.Duration
	mu      sync.Mutex
	conn    net.Conn
	stop    func() bool
}

func (d *ctxDialer) Dial(network, addr string) (net.Conn, error) {
	nd := net.Dialer{Timeout: d.timeout}
	conn, err := nd.DialContext(d.ctx, network, addr)
	if err != nil {
		return nil, err
	}
	// bounds the TLS handshake and the greeting; each command then sets its own deadline
	conn.SetDeadline(time.Now().Add(d.timeout))
	d.mu.Lock()
	d.conn = conn
	d.stop = context.AfterFunc(d.ctx, func() { conn.Close() })
	d.mu.Unlock()
	return conn, nil
}

func ctxErr(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return ctx.Err()
	}
	return err
}

// CheckLogin connects, logs in and out: the settings screen's "Test" button.
func CheckLogin(ctx context.Context, cfg Config) error {
	_, done, err := Dial(ctx, cfg)
	if err != nil {
		return err
	}
	done()
	return nil
}

// Fetch reads the messages of cfg's folder that are newer than the state's last UID,
// without changing their flags (read-only EXAMINE and BODY.PEEK[]), and hands each to
// opt.Handle in UID order, saving the folder's progress after each one. When the folder's
// UIDVALIDITY differs from the saved one, it starts over from the first message. Messages
// over the size limit are not downloaded; they go to opt.Skip. Cancelling ctx stops it;
// the next Fetch resumes after the last message handled, so none is handled twice or
// missed.
func Fetch(ctx context.Context, cfg Config, st State, opt FetchOptions) (FetchResult, error) {
	mbox := cfg.folder()
	res := FetchResult{Mailbox: mbox}
	if opt.Handle == nil {
		return res, errors.New("fetch: no message handler")
	}
	c, done, err := Dial(ctx, cfg)
	if err != nil {
		return res, err
	}
	defer done()

	status, err := c.Select(mbox, true)
	if err != nil {
		return res, ctxErr(ctx, fmt.Errorf("open folder %s: %w", mbox, err))
	}
	uv := status.UidValidity
	res.UIDValidity = uv
	savedUV, last, err := st.Get(mbox)
	if err != nil {
		return res, fmt.Errorf("read fetch state of %s: %w", mbox, err)
	}
	if savedUV != uv {
		res.Reset = savedUV != 0 || last != 0
		last = 0
		if err := st.Put(mbox, uv, 0); err != nil {
			return res, fmt.Errorf("save fetch state of %s: %w", mbox, err)
		}
	}
	res.LastUID = last
	if status.Messages == 0 || (status.UidNext != 0 && status.UidNext <= last+1) {
		return res, nil
	}

	// which UIDs are new
	crit := imap.NewSearchCriteria()
	crit.Uid = new(imap.SeqSet)
	crit.Uid.AddRange(last+1, 0) // last+1:*
	found, err := c.UidSearch(crit)
	if err != nil {
		return res, ctxErr(ctx, fmt.Errorf("search %s: %w", mbox, err))
	}
	var uids []uint32
	for _, u := range found {
		if u > last { // "n:*" includes the highest UID even when it is below n
			uids = append(uids, u)
		}
	}
	sort.Slice(uids, func(i, j int) bool { return uids[i] < uids[j] })
	res.New = len(uids)
	if len(uids) == 0 {
		return res, nil
	}

	// sizes and Message-IDs first: large messages are never downloaded
	meta := make(map[uint32]*imap.Message, len(uids))
	for i := 0; i < len(uids); i += 500 {
		j := min(i+500, len(uids))
		set := new(imap.SeqSet)
		set.AddNum(uids[i:j]...)
		if err := uidFetch(c, set, []imap.FetchItem{imap.FetchUid, imap.FetchRFC822Size, imap.FetchEnvelope, imap.FetchInternalDate}, func(m *imap.Message) {
			meta[m.Uid] = m
		}); err != nil {
			return res, ctxErr(ctx, fmt.Errorf("fetch sizes in %s: %w", mbox, err))
		}
	}

	processed := 0
	advance := func(uid uint32) error {
		if err := st.Put(mbox, uv, uid); err != nil {
			return fmt.Errorf("save fetch state of %s: %w", mbox, err)
		}
		res.LastUID = uid
		processed++
		if opt.Progress != nil {
			opt.Progress(processed, len(uids))
		}
		return nil
	}
	identity := func(uid uint32) Identity {
		id := Identity{Mailbox: mbox, UIDValidity: uv, UID: uid}
		if m := meta[uid]; m != nil && m.Envelope != nil {
			id.MessageID = strings.Trim(strings.TrimSpace(m.Envelope.MessageId), "<>")
		}
		return id
	}
	skip := func(uid uint32, size uint32, why string) error {
		if opt.Skip != nil {
			if err := opt.Skip(ctx, Skipped{Identity: identity(uid), Size: size, Reason: why}); err != nil {
				return err
			}
		}
		res.Skipped++
		return advance(uid)
	}
	max := cfg.maxSize()
	section := &imap.BodySectionName{Peek: true}

	// deliver fetches one batch of bodies and hands them on in UID order.
	deliver := func(batch []uint32) error {
		if len(batch) == 0 {
			return nil
		}
		set := new(imap.SeqSet)
		set.AddNum(batch...)
		bodies := make(map[uint32][]byte, len(batch))
		tooBig := map[uint32]bool{}
		var readErr error
		err := uidFetch(c, set, []imap.FetchItem{imap.FetchUid, section.FetchItem()}, func(m *imap.Message) {
			lit := m.GetBody(section)
			if lit == nil {
				return
			}
			b, err := io.ReadAll(io.LimitReader(lit, int64(max)+1))
			if err != nil && readErr == nil {
				readErr = err
			}
			if len(b) > max {
				tooBig[m.Uid] = true // the server understated RFC822.SIZE
				return
			}
			bodies[m.Uid] = b
		})
		if err == nil {
			err = readErr
		}
		if err != nil {
			return ctxErr(ctx, fmt.Errorf("fetch messages in %s: %w", mbox, err))
		}
		for _, uid := range batch {
			if err := ctx.Err(); err != nil {
				return err
			}
			if tooBig[uid] {
				if err := skip(uid, uint32(max)+1, fmt.Sprintf("larger than %d bytes", max)); err != nil {
					return err
				}
				continue
			}
			raw, ok := bodies[uid]
			if !ok {
				res.Vanished++ // expunged since the search
				if err := advance(uid); err != nil {
					return err
				}
				continue
			}
			m := &Message{Identity: identity(uid), Size: uint32(len(raw)), Raw: raw}
			if md := meta[uid]; md != nil {
				m.InternalDate = md.InternalDate
			}
			if err := opt.Handle(ctx, m); err != nil {
				return err
			}
			res.Delivered++
			if err := advance(uid); err != nil {
				return err
			}
		}
		return nil
	}

	var batch []uint32
	batchBytes := 0
	for _, uid := range uids {
		if err := ctx.Err(); err != nil {
			return res, err
		}
		md := meta[uid]
		if md == nil {
			// gone before we could even read its size: flush what is pending, then pass it
			if err := deliver(batch); err != nil {
				return res, err
			}
			batch, batchBytes = nil, 0
			res.Vanished++
			if err := advance(uid); err != nil {
				return res, err
			}
			continue
		}
		if int(md.Size) > max {
			if err := deliver(batch); err != nil {
				return res, err
			}
			batch, batchBytes = nil, 0
			if err := skip(uid, md.Size, fmt.Sprintf("%d bytes, over the %d-byte limit", md.Size, max)); err != nil {
				return res, err
			}
			continue
		}
		if len(batch) > 0 && (batchBytes+int(md.Size) > cfg.batchBytes() || len(batch) >= 200) {
			if err := deliver(batch); err != nil {
				return res, err
			}
			batch, batchBytes = nil, 0
		}
		batch = append(batch, uid)
		batchBytes += int(md.Size)
	}
	if err := deliver(batch); err != nil {
		return res, err
	}
	return res, nil
}

// uidFetch runs UID FETCH, passing each message to f as it arrives.
func uidFetch(c *client.Client, set *imap.SeqSet, items []imap.FetchItem, f func(*imap.Message)) error {
	ch := make(chan *imap.Message, 16)
	errc := make(chan error, 1)
	go func() { errc <- c.UidFetch(set, items, ch) }()
	for m := range ch {
		if m != nil {
			f(m)
		}
	}
	return <-errc
}

// AppendDraft stores raw (an RFC 5322 message) in the account's drafts folder with the
// \Draft and \Seen flags, for the user to review and send from their mail program.
func AppendDraft(ctx context.Context, cfg Config, raw []byte) error {
	c, done, err := Dial(ctx, cfg)
	if err != nil {
		return err
	}
	defer done()
	mbox := cfg.Drafts
	if mbox == "" {
		mbox, err = findDrafts(c)
		if err != nil {
			return ctxErr(ctx, err)
		}
	}
	raw = toCRLF(raw)
	if err := c.Append(mbox, []string{imap.DraftFlag, imap.SeenFlag}, time.Now(), bytes.NewBuffer(raw)); err != nil {
		return ctxErr(ctx, fmt.Errorf("save draft in %s: %w", mbox, err))
	}
	return nil
}

// findDrafts finds the \Drafts special-use mailbox, else "Drafts" (created if missing).
func findDrafts(c *client.Client) (string, error) {
	ch := make(chan *imap.MailboxInfo, 16)
	errc := make(chan error, 1)
	go func() { errc <- c.List("", "*", ch) }()
	special, plain := "", ""
	for m := range ch {
		for _, a := range m.Attributes {
			if strings.EqualFold(a, imap.DraftsAttr) && special == "" {
				special = m.Name
			}
		}
		if strings.EqualFold(m.Name, "Drafts") && plain == "" {
			plain = m.Name
		}
	}
	if err := <-errc; err != nil {
		return "", fmt.Errorf("list folders: %w", err)
	}
	switch {
	case special != "":
		return special, nil
	case plain != "":
		return plain, nil
	}
	if err := c.Create("Drafts"); err != nil {
		return "", fmt.Errorf("create Drafts: %w", err)
	}
	return "Drafts", nil
}

// toCRLF gives raw with CRLF line ends, as IMAP requires.
func toCRLF(raw []byte) []byte {
	if !bytes.Contains(raw, []byte("\n")) {
		return raw
	}
	lf := bytes.ReplaceAll(raw, []byte("\r\n"), []byte("\n"))
	return bytes.ReplaceAll(lf, []byte("\n"), []byte("\r\n"))
}
