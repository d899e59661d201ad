package inbox

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"duebook/app/inbox/inboxtest"
	"duebook/data"
)

func writeFile(t *testing.T, dir, name string, b []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func readAll(t *testing.T, path string, max int) ([]FileMessage, []FileProblem) {
	t.Helper()
	var got []FileMessage
	probs, err := ReadMailFile(context.Background(), path, max, func(m FileMessage) error {
		got = append(got, m)
		return nil
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return got, probs
}

// TestReadMbox: messages split at "From " lines after an empty line, the separating empty
// line dropped, >From unescaped one level (mboxrd), LF and CRLF alike.
func TestReadMbox(t *testing.T) {
	for _, eol := range []string{"\n", "\r\n"} {
		name := map[string]string{"\n": "LF", "\r\n": "CRLF"}[eol]
		t.Run(name, func(t *testing.T) {
			mbox := strings.ReplaceAll("From alice@example.com Tue Jan 13 10:00:00 2026\n"+
				"From: a@example.com\nSubject: one\n\nFirst.\n>From the start\n>>From quoted\n\n"+
				"From bob@example.com Tue Jan 13 11:00:00 2026\n"+
				"From: b@example.com\nSubject: two\n\nSecond.\nFrom the middle of a line is not a separator\n\n"+
				"From - Tue Jan 13 12:00:00 2026\n"+
				"From: c@example.com\nSubject: three\n\nThird, no final empty line.\n", "\n", eol)
			p := writeFile(t, t.TempDir(), "export.mbox", []byte(mbox))
			got, probs := readAll(t, p, 0)
			if len(probs) != 0 || len(got) != 3 {
				t.Fatalf("%d messages, problems %v", len(got), probs)
			}
			want := []string{
				"From: a@example.com\nSubject: one\n\nFirst.\nFrom the start\n>From quoted\n",
				"From: b@example.com\nSubject: two\n\nSecond.\nFrom the middle of a line is not a separator\n",
				"From: c@example.com\nSubject: three\n\nThird, no final empty line.\n",
			}
			for i, m := range got {
				if w := strings.ReplaceAll(want[i], "\n", eol); string(m.Raw) != w || m.Index != i+1 {
					t.Errorf("message %d:\n%q\nwant\n%q", m.Index, m.Raw, w)
				}
			}
		})
	}
}

// TestReadMailFileProblems: what cannot be read is said, with the file and message, and
// the rest of the file is still read.
func TestReadMailFileProblems(t *testing.T) {
	dir := t.TempDir()
	big := "From x Tue Jan 13 10:00:00 2026\nFrom: a@example.com\n\n" + strings.Repeat("long line of text\n", 200) + "\n" +
		"From y Tue Jan 13 10:00:00 2026\nnot a header line at all\n\n" +
		"From z Tue Jan 13 10:00:00 2026\nFrom: ok@example.com\nSubject: fine\n\nok\n"
	cases := []struct {
		name, content string
		max           int
		msgs          int
		want          []string
	}{
		{"empty.eml", "", 0, 0, []string{"empty.eml: the file is empty"}},
		{"broken.mbox", "Subject: no From line\n\nbody\n", 0, 0, []string{`broken.mbox: is not an mbox file: it does not begin with a "From " line`}},
		{"picture.eml", "\x89PNG\r\n\x1a\n\x00\x00", 0, 0, []string{"picture.eml: is not a mail message"}},
		{"mixed.mbox", big, 1000, 1, []string{"mixed.mbox, message 1: the message is larger than 1000 bytes: not read", "mixed.mbox, message 2: is not a mail message"}},
		{"huge.eml", "From: a@example.com\n\n" + strings.Repeat("x", 2000), 1000, 0, []string{"huge.eml, message 1: the message is larger than 1000 bytes"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := writeFile(t, dir, c.name, []byte(c.content))
			got, probs := readAll(t, p, c.max)
			if len(got) != c.msgs || len(probs) != len(c.want) {
				t.Fatalf("%d messages, problems %v", len(got), probs)
			}
			for i, w := range c.want {
				if !strings.HasPrefix(probs[i].String(), w) {
					t.Errorf("problem %q, want %q", probs[i], w)
				}
			}
		})
	}
	if _, probs := ExpandMailPaths([]string{filepath.Join(dir, "missing.eml")}); len(probs) != 1 || !strings.Contains(probs[0].String(), "there is no such file") {
		t.Fatalf("missing file: %v", probs)
	}
}

// TestReadMboxCancel: a cancelled read stops at the next message.
func TestReadMboxCancel(t *testing.T) {
	var b bytes.Buffer
	for i := 0; i < 100; i++ {
		fmt.Fprintf(&b, "From x Tue Jan 13 10:00:00 2026\nFrom: a@example.com\nSubject: %d\n\nbody\n\n", i)
	}
	p := writeFile(t, t.TempDir(), "many.mbox", b.Bytes())
	ctx, cancel := context.WithCancel(context.Background())
	n := 0
	_, err := ReadMailFile(ctx, p, 0, func(m FileMessage) error {
		n++
		if n == 10 {
			cancel()
		}
		return nil
	}, nil)
	if !errors.Is(err, context.Canceled) || n != 10 {
		t.Fatalf("err %v after %d messages", err, n)
	}
}

// TestMessageIdent: with a Message-ID it is the id; without, the same message saved by
// two programs (CRLF or LF, an added X-Mozilla-Status, trailing spaces) is one identity,
// and a different body is another.
func TestMessageIdent(t *testing.T) {
	if id := messageIdent("<a.b@paypal.com>", nil); id != "a.b@paypal.com" {
		t.Fatalf("id %q", id)
	}
	a := "From: bank@bank.example\r\nTo: me@shop.example\r\nDate: Tue, 13 Jan 2026 10:00:00 +0000\r\nSubject: Credit\r\n\r\nYou received 10.00 EUR\r\n"
	b := "X-Mozilla-Status: 0001\nFrom: bank@bank.example\nTo: me@shop.example\nDate: Tue, 13 Jan 2026 10:00:00 +0000\nSubject: Credit\n\nYou received 10.00 EUR  \n\n"
	c := strings.Replace(a, "10.00", "99.00", 1)
	ia, ib, ic := messageIdent("", []byte(a)), messageIdent("", []byte(b)), messageIdent("", []byte(c))
	if !strings.HasPrefix(ia, "sha256:") || ia != ib || ia == ic {
		t.Fatalf("idents %s %s %s", ia, ib, ic)
	}
}

// TestReconcileFilesOnce: the genuine PayPal message as an .eml, twice in an mbox (with
// >From escaping and LF line ends) and in a folder is stored once and recorded once; the
// forged one is not trusted; then the same messages fetched over IMAP add nothing.
func TestReconcileFilesOnce(t *testing.T) {
	s, invs := ledger(t)
	ctx := context.Background()
	dir := t.TempDir()
	genuine := fixture(t, "paypal_received.eml")
	lf := bytes.ReplaceAll(genuine, []byte("\r\n"), []byte("\n"))
	var mbox bytes.Buffer
	for _, m := range [][]byte{lf, bytes.ReplaceAll(fixture(t, "stripe_payment.eml"), []byte("\r\n"), []byte("\n")), lf,
		bytes.ReplaceAll(fixture(t, "trust/forged_only_ar.eml"), []byte("\r\n"), []byte("\n"))} {
		mbox.WriteString("From MAILER-DAEMON Wed Jan 14 16:02:09 2026\n")
		mbox.Write(bytes.ReplaceAll(m, []byte("\nFrom "), []byte("\n>From ")))
		mbox.WriteString("\n")
	}
	eml := writeFile(t, dir, "paypal.eml", genuine)
	mb := writeFile(t, dir, "Payments.mbox", mbox.Bytes())
	writeFile(t, dir, "Apple/Inbox.mbox/mbox", mbox.Bytes())
	var last, total int
	res, err := ReconcileFiles(ctx, s, ownServer, []string{eml, mb, filepath.Join(dir, "Apple")}, true, func(d, tot int) { last, total = d, tot })
	if err != nil {
		t.Fatal(err)
	}
	if res.Fetched != 9 || res.Stored != 3 || res.Duplicates != 6 || res.Applied != 2 || len(res.Problems) != 0 {
		t.Fatalf("files: %+v", res)
	}
	if total == 0 || last != total {
		t.Fatalf("progress %d of %d", last, total)
	}
	i42, _ := s.Invoice(ctx, invs["INV-00042"].ID)
	if i42.OpenAmount != 0 {
		t.Fatalf("INV-00042 open %d", i42.OpenAmount)
	}
	// again: nothing new
	res, err = ReconcileFiles(ctx, s, ownServer, []string{mb}, true, nil)
	if err != nil || res.Stored != 0 || res.Applied != 0 {
		t.Fatalf("again: %+v %v", res, err)
	}
	all, _ := s.MailPayments(ctx, "")
	for _, m := range all {
		if m.Provider == "paypal" && strings.Contains(m.Why, "mx.evil.example") && (m.Trusted || m.Status == "applied") {
			t.Fatalf("forged message trusted: %+v", m)
		}
	}

	// the same messages over IMAP later: seen already
	d := inboxtest.Start(t)
	d.Deliver(t, "INBOX", genuine, fixture(t, "stripe_payment.eml"))
	cfg := Config{Host: d.Host, Port: d.TLSPort, Security: SecurityTLS, Username: d.User, Password: d.Password, RootCAs: d.CertPool, AuthServID: ownServer}
	res, err = Reconcile(ctx, s, cfg, true, nil)
	if err != nil || res.Fetched != 2 || res.Stored != 0 || res.Duplicates != 2 || res.Applied != 0 {
		t.Fatalf("IMAP after files: %+v %v", res, err)
	}
	if pays, _ := s.Payments(ctx, data.PaymentFilter{}); len(pays) != 2 {
		t.Fatalf("payments %d", len(pays))
	}
	if v, _ := s.Check(ctx); len(v) > 0 {
		t.Fatal(v)
	}
}

// FuzzReadMbox: any bytes read as an mbox give messages within the size limit, problems
// that name a message, and no panic.
func FuzzReadMbox(f *testing.F) {
	f.Add([]byte("From x\nFrom: a@b\n\nbody\n\nFrom y\nSubject: s\n\n>From z\n"))
	f.Add([]byte("From \r\n\r\nFrom \r\n"))
	f.Add([]byte("From x\n" + strings.Repeat("a", 300) + "\n\nFrom y\nA: b\n"))
	f.Add([]byte("From x\n\n\n\n"))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, b []byte) {
		p := filepath.Join(dir, "f.mbox")
		if err := os.WriteFile(p, append([]byte("From "), b...), 0o644); err != nil {
			t.Fatal(err)
		}
		probs, err := ReadMailFile(context.Background(), p, 200, func(m FileMessage) error {
			if len(m.Raw) > 200 || m.Index < 1 {
				t.Fatalf("message %d of %d bytes", m.Index, len(m.Raw))
			}
			return nil
		}, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, pr := range probs {
			if pr.Why == "" {
				t.Fatalf("problem without a reason: %+v", pr)
			}
		}
	})
}
