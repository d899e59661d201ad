package inbox

import (
	"bytes"
	"context"
	"crypto/x509"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"duebook/app/inbox/inboxtest"
)

// fixtureRaws are the fixture messages in file-name order (their UIDs ascend in this order
// once appended).
func fixtureRaws(t *testing.T) ([]string, [][]byte) {
	t.Helper()
	raws := fixtureBytes(t)
	for i := range raws {
		raws[i] = toCRLF(raws[i])
	}
	return fixtureFiles(t), raws
}

// collector records what a fetch delivers.
type collector struct {
	got      []*Message
	progress [][2]int
	skipped  []Skipped
	// hooks
	onMessage func(n int, m *Message) error
}

func (c *collector) options() FetchOptions {
	return FetchOptions{
		Handle: func(ctx context.Context, m *Message) error {
			if c.onMessage != nil {
				if err := c.onMessage(len(c.got)+1, m); err != nil {
					return err
				}
			}
			c.got = append(c.got, m)
			return nil
		},
		Skip:     func(ctx context.Context, s Skipped) error { c.skipped = append(c.skipped, s); return nil },
		Progress: func(done, total int) { c.progress = append(c.progress, [2]int{done, total}) },
	}
}

func TestFetchNewMessagesOnly(t *testing.T) {
	d := startDovecot(t)
	ctx := inboxtest.Context(t)
	files, raws := fixtureRaws(t)
	d.Append(t, "Payments", raws...)
	cfg := accountFor(d, SecurityTLS, "Payments")
	st := &MemState{}

	var c collector
	res, err := Fetch(ctx, cfg, st, c.options())
	if err != nil {
		t.Fatal(err)
	}
	if res.New != len(raws) || res.Delivered != len(raws) || res.Reset || res.Skipped != 0 {
		t.Fatalf("result %+v", res)
	}
	if len(c.got) != len(raws) {
		t.Fatalf("delivered %d of %d", len(c.got), len(raws))
	}
	for i, m := range c.got {
		if !bytes.Equal(m.Raw, raws[i]) {
			t.Errorf("%s: body differs (%d vs %d bytes)", files[i], len(m.Raw), len(raws[i]))
		}
		if i > 0 && m.UID <= c.got[i-1].UID {
			t.Errorf("not in UID order: %d after %d", m.UID, c.got[i-1].UID)
		}
		if m.Mailbox != "Payments" || m.UIDValidity != res.UIDValidity || m.UIDValidity == 0 {
			t.Errorf("identity %+v", m.Identity)
		}
		p, err := Parse(m.Raw)
		if err != nil {
			t.Fatal(err)
		}
		if m.MessageID != p.MessageID {
			t.Errorf("%s: envelope Message-ID %q, parsed %q", files[i], m.MessageID, p.MessageID)
		}
		if w := fixtureWants[filepath.Base(files[i])]; p.Provider != w.provider || p.Trusted != w.trusted {
			t.Errorf("%s: fetched message reads as %s trusted=%v", files[i], p.Provider, p.Trusted)
		}
	}
	if len(c.progress) != len(raws) || c.progress[len(c.progress)-1] != [2]int{len(raws), len(raws)} {
		t.Errorf("progress %v", c.progress)
	}
	uv, last, _ := st.Get("Payments")
	if uv != res.UIDValidity || last != c.got[len(c.got)-1].UID || res.LastUID != last {
		t.Errorf("state %d/%d, result %+v", uv, last, res)
	}
	// flags untouched: nothing became \Seen
	_, flags := d.Messages(t, "Payments")
	for i, fl := range flags {
		for _, f := range fl {
			if f == `\Seen` {
				t.Errorf("message %d was marked \\Seen by the fetch", i+1)
			}
		}
	}

	// nothing new: nothing delivered
	c = collector{}
	res, err = Fetch(ctx, cfg, st, c.options())
	if err != nil || res.New != 0 || len(c.got) != 0 {
		t.Fatalf("second fetch: %+v %v %d", res, err, len(c.got))
	}
	// two new messages: only those
	d.Append(t, "Payments", raws[0], raws[1])
	res, err = Fetch(ctx, cfg, st, c.options())
	if err != nil || res.New != 2 || len(c.got) != 2 || !bytes.Equal(c.got[1].Raw, raws[1]) {
		t.Fatalf("third fetch: %+v %v %d", res, err, len(c.got))
	}
	if c.got[0].UID != uint32(len(raws)+1) {
		t.Errorf("new message UID %d", c.got[0].UID)
	}
}

// TestFetchResume: an interrupted fetch (cancelled in the callback, or a failing callback)
// resumes where it stopped: no message twice, none missed.
func TestFetchResume(t *testing.T) {
	d := startDovecot(t)
	_, raws := fixtureRaws(t)
	d.Append(t, "INBOX", raws...)
	cfg := accountFor(d, SecurityTLS, "")
	st := &MemState{}
	seen := map[uint32]int{}
	var order []uint32
	record := func(ms []*Message) {
		for _, m := range ms {
			seen[m.UID]++
			order = append(order, m.UID)
		}
	}

	// 1. cancel half way, from inside the callback (the message being handled counts)
	ctx, cancel := context.WithCancel(context.Background())
	half := len(raws) / 2
	c := collector{onMessage: func(n int, m *Message) error {
		if n == half {
			cancel()
		}
		return nil
	}}
	c.options()
	res, err := Fetch(ctx, cfg, st, c.options())
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled fetch: %v", err)
	}
	if len(c.got) != half || res.Delivered != half {
		t.Fatalf("delivered %d before the cancel took effect, want %d", len(c.got), half)
	}
	record(c.got)
	_, last, _ := st.Get("INBOX")
	if last != c.got[half-1].UID {
		t.Fatalf("state after cancel: last UID %d, want %d", last, c.got[half-1].UID)
	}

	// 2. a failing callback: that message is not recorded, so it comes again
	boom := errors.New("disk full")
	failAt := 3
	c = collector{onMessage: func(n int, m *Message) error {
		if n == failAt {
			return boom
		}
		return nil
	}}
	_, err = Fetch(context.Background(), cfg, st, c.options())
	if !errors.Is(err, boom) {
		t.Fatalf("failing callback: %v", err)
	}
	record(c.got)

	// 3. the rest
	c = collector{}
	res, err = Fetch(context.Background(), cfg, st, c.options())
	if err != nil {
		t.Fatal(err)
	}
	record(c.got)
	if len(seen) != len(raws) {
		t.Errorf("%d distinct messages delivered, want %d", len(seen), len(raws))
	}
	for uid, n := range seen {
		if n != 1 {
			t.Errorf("UID %d delivered %d times", uid, n)
		}
	}
	for i := range order {
		if order[i] != uint32(i+1) {
			t.Fatalf("delivery order %v", order)
		}
	}
}

// TestFetchUIDValidity: a folder re-created (new UIDVALIDITY) is read again from the start;
// a saved state from another UIDVALIDITY is not trusted.
func TestFetchUIDValidity(t *testing.T) {
	d := startDovecot(t)
	ctx := inboxtest.Context(t)
	_, raws := fixtureRaws(t)
	raws = raws[:5]
	d.Append(t, "Payments", raws...)
	cfg := accountFor(d, SecurityTLS, "Payments")
	st := &MemState{}
	var c collector
	first, err := Fetch(ctx, cfg, st, c.options())
	if err != nil || first.Delivered != 5 {
		t.Fatalf("%+v %v", first, err)
	}

	// re-create the folder with three messages: UIDs restart at 1 under a new UIDVALIDITY
	cl := d.Client(t)
	if err := cl.Delete("Payments"); err != nil {
		t.Fatal(err)
	}
	d.Append(t, "Payments", raws[:3]...)
	c = collector{}
	second, err := Fetch(ctx, cfg, st, c.options())
	if err != nil {
		t.Fatal(err)
	}
	if second.UIDValidity == first.UIDValidity {
		t.Fatalf("server kept UIDVALIDITY %d", first.UIDValidity)
	}
	if !second.Reset || second.Delivered != 3 || len(c.got) != 3 || c.got[0].UID != 1 {
		t.Fatalf("after re-create: %+v, delivered %d", second, len(c.got))
	}
	uv, last, _ := st.Get("Payments")
	if uv != second.UIDValidity || last != 3 {
		t.Errorf("state %d/%d", uv, last)
	}

	// a state saved under another UIDVALIDITY, with a high last UID, is ignored
	st.Put("Payments", second.UIDValidity+7, 99)
	c = collector{}
	third, err := Fetch(ctx, cfg, st, c.options())
	if err != nil || !third.Reset || len(c.got) != 3 {
		t.Fatalf("stale state: %+v %v %d", third, err, len(c.got))
	}
}

func TestFetchSkipsOversize(t *testing.T) {
	d := startDovecot(t)
	ctx := inboxtest.Context(t)
	files, raws := fixtureRaws(t)
	d.Append(t, "INBOX", raws...)
	cfg := accountFor(d, SecurityTLS, "")
	const limit = 2500 // about the median fixture size
	cfg.MaxSize = limit
	cfg.BatchBytes = 8000 // several batches
	st := &MemState{}
	var c collector
	res, err := Fetch(ctx, cfg, st, c.options())
	if err != nil {
		t.Fatal(err)
	}
	var small, big []uint32
	for i, r := range raws {
		if len(r) > limit {
			big = append(big, uint32(i+1))
		} else {
			small = append(small, uint32(i+1))
		}
	}
	if len(big) == 0 || len(small) == 0 {
		t.Fatalf("fixtures should be both sides of the limit: %d big, %d small", len(big), len(small))
	}
	if len(c.got) != len(small) || len(c.skipped) != len(big) || res.Skipped != len(big) {
		t.Fatalf("delivered %d skipped %d, want %d %d", len(c.got), len(c.skipped), len(small), len(big))
	}
	for i, s := range c.skipped {
		if s.UID != big[i] || int(s.Size) != len(raws[s.UID-1]) || s.Reason == "" || s.MessageID == "" {
			t.Errorf("skipped %+v (%s)", s, files[s.UID-1])
		}
	}
	for i, m := range c.got {
		if m.UID != small[i] {
			t.Errorf("delivered UID %d, want %d", m.UID, small[i])
		}
	}
	if _, last, _ := st.Get("INBOX"); last != uint32(len(raws)) {
		t.Errorf("last UID %d: skipped messages must not block progress", last)
	}
	for _, m := range c.got {
		if len(m.Raw) > limit {
			t.Errorf("UID %d: %d bytes delivered over the limit", m.UID, len(m.Raw))
		}
	}
	if len(c.progress) != len(raws) {
		t.Errorf("progress calls %d", len(c.progress))
	}
}

func TestConnectionSecurity(t *testing.T) {
	d := startDovecot(t)
	ctx := inboxtest.Context(t)
	d.Append(t, "INBOX", readFixture(t, "venmo_received.eml"))
	fetchOne := func(cfg Config) error {
		var c collector
		_, err := Fetch(ctx, cfg, &MemState{}, c.options())
		if err == nil && len(c.got) != 1 {
			t.Errorf("%v: delivered %d", cfg.Security, len(c.got))
		}
		return err
	}
	for _, sec := range []Security{SecurityTLS, SecuritySTARTTLS, SecurityNone} {
		if err := fetchOne(accountFor(d, sec, "")); err != nil {
			t.Errorf("%v: %v", sec, err)
		}
	}
	// the certificate is verified: without the test CA it is refused
	cfg := accountFor(d, SecurityTLS, "")
	cfg.RootCAs = x509.NewCertPool()
	if err := fetchOne(cfg); err == nil || !strings.Contains(err.Error(), "certificate") {
		t.Errorf("unverified certificate accepted: %v", err)
	}
	cfg = accountFor(d, SecuritySTARTTLS, "")
	cfg.RootCAs = x509.NewCertPool()
	if err := fetchOne(cfg); err == nil || !strings.Contains(err.Error(), "certificate") {
		t.Errorf("STARTTLS: unverified certificate accepted: %v", err)
	}
	// plaintext only to loopback; checked before dialing
	cfg = accountFor(d, SecurityNone, "")
	cfg.Host = "imap.example.com"
	if err := fetchOne(cfg); !errors.Is(err, ErrPlaintextRefused) {
		t.Errorf("plaintext to a remote host: %v", err)
	}
	cfg = accountFor(d, SecurityNone, "")
	cfg.Host = "localhost"
	if err := fetchOne(cfg); err != nil {
		t.Errorf("plaintext to localhost: %v", err)
	}
	// cancelled before connecting
	cctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Fetch(cctx, accountFor(d, SecurityTLS, ""), &MemState{}, (&collector{}).options()); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled context: %v", err)
	}
	if err := CheckLogin(ctx, accountFor(d, SecurityTLS, "")); err != nil {
		t.Errorf("check login: %v", err)
	}
	// wrong password (last: Dovecot slows down logins from an address after a failure);
	// the error does not repeat the password
	cfg = accountFor(d, SecurityTLS, "")
	cfg.Password = "wrong"
	if err := fetchOne(cfg); err == nil || !strings.Contains(err.Error(), "login") || strings.Contains(err.Error(), "wrong") {
		t.Errorf("wrong password: %v", err)
	}
}

func TestConfigValidate(t *testing.T) {
	cases := []struct {
		cfg Config
		bad string
	}{
		{Config{Host: "imap.example.com", Username: "u"}, ""},
		{Config{Host: "", Username: "u"}, "host"},
		{Config{Host: "imap.example.com"}, "username"},
		{Config{Host: "imap.example.com", Username: "u", Port: 70000}, "port"},
		{Config{Host: "imap.example.com", Username: "u", Security: SecurityNone}, "plaintext"},
		{Config{Host: "127.0.0.1", Username: "u", Security: SecurityNone}, ""},
		{Config{Host: "::1", Username: "u", Security: SecurityNone}, ""},
		{Config{Host: "[::1]", Username: "u", Security: SecurityNone}, ""},
		{Config{Host: "localhost.evil.example", Username: "u", Security: SecurityNone}, "plaintext"},
		{Config{Host: "127.0.0.1.nip.io", Username: "u", Security: SecurityNone}, "plaintext"},
	}
	for _, c := range cases {
		err := c.cfg.Validate()
		if (c.bad == "") != (err == nil) || (err != nil && !strings.Contains(err.Error(), c.bad)) {
			t.Errorf("%+v: %v, want %q", c.cfg, err, c.bad)
		}
	}
	if c := (Config{}); c.port() != 993 || c.folder() != "INBOX" {
		t.Errorf("defaults: port %d folder %s", c.port(), c.folder())
	}
	if c := (Config{Security: SecuritySTARTTLS}); c.port() != 143 {
		t.Errorf("STARTTLS port %d", c.port())
	}
	for _, s := range []string{"", "tls", "starttls", "none"} {
		if _, err := ParseSecurity(s); err != nil {
			t.Error(err)
		}
	}
	if _, err := ParseSecurity("ssl3"); err == nil {
		t.Error("ParseSecurity accepted ssl3")
	}
}

func TestAppendDraft(t *testing.T) {
	d := startDovecot(t)
	ctx := inboxtest.Context(t)
	draft := []byte("From: Brightside Studio <accounts@brightside-studio.example>\nTo: jane.cooper@cooperdesign.example\nSubject: Reminder: invoice INV-00042\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\nHello Jane,\n\ninvoice INV-00042 for $1,250.00 fell due on 10 January.\n")
	if err := AppendDraft(ctx, accountFor(d, SecurityTLS, ""), draft); err != nil {
		t.Fatal(err)
	}
	// a second one goes to the same (now existing) folder
	if err := AppendDraft(ctx, accountFor(d, SecuritySTARTTLS, ""), draft); err != nil {
		t.Fatal(err)
	}
	raws, flags := d.Messages(t, "Drafts")
	if len(raws) != 2 {
		t.Fatalf("%d drafts", len(raws))
	}
	if !bytes.Equal(raws[0], toCRLF(draft)) {
		t.Errorf("draft stored as\n%q", raws[0])
	}
	hasDraft := false
	for _, f := range flags[0] {
		hasDraft = hasDraft || f == `\Draft`
	}
	if !hasDraft {
		t.Errorf("flags %v", flags[0])
	}
	// an explicit folder
	cfg := accountFor(d, SecurityTLS, "")
	cfg.Drafts = "Drafts"
	if err := AppendDraft(ctx, cfg, draft); err != nil {
		t.Fatal(err)
	}
	if raws, _ := d.Messages(t, "Drafts"); len(raws) != 3 {
		t.Errorf("%d drafts", len(raws))
	}
}
