package cli

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"duebook/data"
	"duebook/data/datatest"
)

// Hostile mail files (testdata/hostile/mail): a forged Authentication-Results, deep MIME,
// broken and truncated mboxes, an unknown charset with invalid bytes, empty and binary
// files, a message over the size limit, and the same messages in several files and line
// endings. reconcile -apply -files says what it could not read, naming file and message,
// records the one genuine exact match once, never the forged one, and check stays ok.

const hmServer = "mx.hostile-test.example"

// hmCompany makes a company where INV-00001 (1,250.00) and INV-00002 (480.00) belong to
// Cooper Design, whose e-mail the test mails carry, and names the receiving server.
func hmCompany(t *testing.T) string {
	t.Helper()
	t.Setenv("DUEBOOK_CONFIG_DIR", t.TempDir())
	f := filepath.Join(t.TempDir(), "hostile.duebook")
	s, err := data.OpenWith(f, data.Options{Clock: data.FixedClock{Day: data.MustDate("2026-01-31")}})
	if err != nil {
		t.Fatal(err)
	}
	c := &data.Customer{Name: "Cooper Design", Emails: []string{"jane.cooper@cooperdesign.example"}, TermsDays: 30}
	if err := s.CreateCustomer(context.Background(), c); err != nil {
		t.Fatal(err)
	}
	for _, amt := range []int64{125000, 48000} {
		datatest.Post(t, s, &data.Invoice{CustomerID: c.ID, IssueDate: data.MustDate("2026-01-02"),
			Lines: []data.InvoiceLine{{Description: "Work", QtyMilli: 1000, UnitPrice: amt}}})
	}
	s.Close()
	if out, errs, code := run(t, "2026-01-31", "mail-account", "-db", f, "-host", "imap.example.com", "-user", "me", "-authserv", hmServer); code != 0 {
		t.Fatalf("mail-account: %d %s %s", code, out, errs)
	}
	return f
}

func hmFiles(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "hostile", "mail", "*"))
	if err != nil || len(files) < 10 {
		t.Fatalf("hostile mail files: %v %v", files, err)
	}
	// over the 2 MiB limit: made here rather than kept in the repository
	huge := filepath.Join(t.TempDir(), "huge.eml")
	b := []byte("From: service@paypal.com\r\nSubject: huge\r\n\r\n" + strings.Repeat("You received a payment of $1.00 USD\r\n", 60000))
	if err := os.WriteFile(huge, b, 0o644); err != nil {
		t.Fatal(err)
	}
	sort.Strings(files)
	return append(files, huge)
}

func hmSetting(t *testing.T, f, key string) string {
	t.Helper()
	s, err := data.Open(f)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	v, err := s.Setting(context.Background(), key)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func hmState(t *testing.T, f string) ([]data.MailPayment, []*data.Payment) {
	t.Helper()
	s, err := data.Open(f)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	mails, err := s.MailPayments(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	pays, err := s.Payments(ctx, data.PaymentFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return mails, pays
}

func TestHostileMailFiles(t *testing.T) {
	f := hmCompany(t)
	files := hmFiles(t)
	out, errs, code := run(t, "2026-01-31", append([]string{"reconcile", "-db", f, "-apply", "-files"}, files...)...)
	if code != 1 || !strings.Contains(errs, "could not be read (listed above); the rest was read") {
		t.Fatalf("exit %d, stderr %q\n%s", code, errs, out)
	}
	for _, want := range []string{
		`not read: broken.mbox: is not an mbox file: it does not begin with a "From " line`,
		"not read: truncated.mbox, message 1: is not a mail message",
		"not read: empty.eml: the file is empty",
		"not read: picture.eml: is not a mail message",
		"not read: huge.eml, message 1: the message is larger than 2097152 bytes: not read",
		"recorded 480.00 USD from Cooper Design for INV-00002",
		`to review: paypal 1,250.00 USD "Payment for INV-00001, thanks!" from Jane Cooper (UNTRUSTED)`,
		"13 message(s) read: 6 new, 7 already seen;",
		"1 payment(s) recorded",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output does not say %q:\n%s", want, out)
		}
	}
	if !utf8.ValidString(out) || strings.ContainsAny(out, "\x1b\x00") {
		t.Errorf("output not clean text: %q", out)
	}
	mails, pays := hmState(t, f)
	if len(pays) != 1 || pays[0].Amount != 48000 {
		t.Fatalf("payments %+v", pays)
	}
	for _, m := range mails {
		for _, s := range []string{m.PayerName, m.PayerEmail, m.Reference, m.Why, m.TransactionID} {
			if !utf8.ValidString(s) {
				t.Errorf("stored text is not UTF-8: %q", s)
			}
		}
		if strings.Contains(m.Why, "mx.evil.example") && (m.Trusted || m.Status == "applied") {
			t.Errorf("forged message trusted: %+v", m)
		}
		if m.MessageID == "deep@x.example" && !strings.Contains(m.Why, "partly read") {
			t.Errorf("deep MIME not said to be read partly: %s", m.Why)
		}
	}
	if out, _, code := run(t, "2026-01-31", "check", "-db", f); code != 0 || strings.TrimSpace(out) != "ok" {
		t.Fatalf("check: %s", out)
	}

	// again: nothing new, nothing recorded twice
	out, _, _ = run(t, "2026-01-31", append([]string{"reconcile", "-db", f, "-apply", "-files"}, files...)...)
	if !strings.Contains(out, "13 message(s) read, none new (all 13 already seen);") || !strings.Contains(out, "0 payment(s) recorded") {
		t.Fatalf("second run:\n%s", out)
	}
	if mails2, pays2 := hmState(t, f); len(pays2) != 1 || len(mails2) != len(mails) {
		t.Fatalf("second run stored %d messages (was %d), %d payments", len(mails2), len(mails), len(pays2))
	}
}

// TestHostileMailNoServer: without the receiving server nothing from files is trusted or
// recorded, and the output says how to set it, proposing the one the mail carries.
func TestHostileMailNoServer(t *testing.T) {
	f := hmCompany(t)
	// omitted with the same host: kept
	if _, errs, code := run(t, "2026-01-31", "mail-account", "-db", f, "-host", "imap.example.com", "-user", "me", "-folder", "Payments"); code != 0 {
		t.Fatal(errs)
	}
	if v := hmSetting(t, f, "mail.authserv"); v != hmServer {
		t.Fatalf("receiving server %q after the account was saved again without -authserv", v)
	}
	out, errs, code := run(t, "2026-01-31", "mail-account", "-db", f, "-host", "imap.example.com", "-user", "me", "-authserv=")
	if code != 0 || !strings.Contains(out, "no receiving server set (-authserv)") || hmSetting(t, f, "mail.authserv") != "" {
		t.Fatalf("clearing: %d %s %s", code, out, errs)
	}
	dir := filepath.Join("testdata", "hostile", "mail")
	out, errs, code = run(t, "2026-01-31", "reconcile", "-db", f, "-apply", "-files", filepath.Join(dir, "genuine.eml"), filepath.Join(dir, "twice.mbox"))
	if code != 0 {
		t.Fatalf("exit %d %s", code, errs)
	}
	for _, want := range []string{"warning: no sender was trusted: the receiving server of your mailbox is not set",
		"suggest " + hmServer, "nothing was recorded: no sender can be trusted", "0 payment(s) recorded"} {
		if !strings.Contains(out, want) {
			t.Errorf("output does not say %q:\n%s", want, out)
		}
	}
	if _, pays := hmState(t, f); len(pays) != 0 {
		t.Fatalf("%d payments recorded without a receiving server", len(pays))
	}
	// flags after -files are refused, not read as files
	_, errs, code = run(t, "2026-01-31", "reconcile", "-db", f, "-files", filepath.Join(dir, "genuine.eml"), "-apply")
	if code != 2 || !strings.Contains(errs, "put the flags before -files") {
		t.Fatalf("flag after files: %d %q", code, errs)
	}
}
