package inbox

import (
	"context"
	"strings"
	"testing"

	"duebook/app/inbox/inboxtest"
	"duebook/data"
)

const ownServer = "mx.brightside-mail.example"

// withHeaders puts hdrs (CRLF-ended lines) in place of the Authentication-Results header of
// the genuine PayPal fixture.
func withHeaders(t *testing.T, hdrs ...string) []byte {
	t.Helper()
	raw := string(fixture(t, "paypal_received.eml"))
	i := strings.Index(raw, "Authentication-Results:")
	j := strings.Index(raw, "Received:")
	if i < 0 || j < i {
		t.Fatal("fixture changed: Authentication-Results not found before Received")
	}
	return []byte(raw[:i] + strings.Join(hdrs, "") + raw[j:])
}

// TestOwnServerTrust: with the receiving server named, only its Authentication-Results
// count, wherever it stands; headers from other servers neither help nor hurt.
func TestOwnServerTrust(t *testing.T) {
	own := "Authentication-Results: " + ownServer + "; dkim=pass header.d=paypal.com; dmarc=pass (p=REJECT) header.from=paypal.com\r\n"
	ownFail := "Authentication-Results: " + ownServer + "; dmarc=fail header.from=paypal.com\r\n"
	forged := "Authentication-Results: mx.evil.example; dmarc=pass header.from=paypal.com\r\n"
	filter := "Authentication-Results: imap.brightside-mail.example; spamassassin=pass\r\n"
	microsoft := "Authentication-Results: spf=pass (sender IP is 203.0.113.25) smtp.mailfrom=paypal.com; dkim=pass header.d=paypal.com;dmarc=pass action=none header.from=paypal.com;compauth=pass reason=100\r\n"
	cases := []struct {
		name    string
		servID  string
		raw     []byte
		trusted bool
		why     string
	}{
		{"forged only header, server named", ownServer, fixture(t, "trust/forged_only_ar.eml"), false, "no Authentication-Results header was written by your receiving server " + ownServer + " (only by mx.evil.example)"},
		{"own header on top", ownServer, withHeaders(t, own, forged), true, "trusted:"},
		{"own header alone", ownServer, withHeaders(t, own), true, "trusted:"},
		{"own header below a local filter's", ownServer, withHeaders(t, filter, own), true, "trusted:"},
		{"own header below a forged one", ownServer, withHeaders(t, forged, own), true, "trusted:"},
		{"own says fail, forged pass below", ownServer, withHeaders(t, ownFail, forged), false, "says dmarc=fail"},
		{"own says fail, forged own-id pass below", ownServer, withHeaders(t, ownFail, own), false, "says dmarc=fail"},
		{"own pass on top, forged own-id fail below", ownServer, withHeaders(t, own, ownFail), true, "trusted:"},
		{"no header at all", ownServer, withHeaders(t), false, "there is no Authentication-Results header"},
		{"other server only", "mx.google.com", withHeaders(t, own), false, "receiving server mx.google.com"},
		{"case and trailing dot", "MX.Brightside-Mail.Example.", withHeaders(t, own), true, "trusted:"},
		{"wildcard for numbered servers", "*.brightside-mail.example", withHeaders(t, own), true, "trusted:"},
		{"wildcard is not a suffix match", "*.side-mail.example", withHeaders(t, own), false, "receiving server"},
		{"one of several ids", "mx.google.com, " + ownServer, withHeaders(t, own), true, "trusted:"},
		{"header without authserv-id never matches", ownServer, withHeaders(t, microsoft), false, "a server that gave no name"},
		// without a server (parse-mail for scripts) the top header decides, as before
		{"no server named: top header", "", fixture(t, "trust/forged_only_ar.eml"), true, "trusted:"},
		{"no server named: top fail", "", withHeaders(t, ownFail, own), false, "says dmarc=fail"},
		{"no server named: Microsoft header read", "", withHeaders(t, microsoft), true, "trusted:"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p, err := (&Parser{AuthServID: c.servID}).Parse(c.raw)
			if err != nil {
				t.Fatal(err)
			}
			if p.Trusted != c.trusted || !strings.Contains(p.Why, c.why) {
				t.Fatalf("trusted=%v, want %v; why: %s (want it to say %q)", p.Trusted, c.trusted, p.Why, c.why)
			}
		})
	}
}

func TestServIDMatchesAndClean(t *testing.T) {
	for _, c := range []struct {
		conf, found string
		ok          bool
	}{
		{"mx.google.com", "mx.google.com", true},
		{"mx.google.com", "mx.google.com.evil.example", false},
		{"mx.google.com", "", false},
		{"", "mx.google.com", false},
		{"*.messagingengine.com", "mx6.messagingengine.com", true},
		{"*.messagingengine.com", "messagingengine.com", true},
		{"*.messagingengine.com", "evilmessagingengine.com", false},
		{"*.", "anything", false},
	} {
		if got := ServIDMatches(c.conf, c.found); got != c.ok {
			t.Errorf("ServIDMatches(%q, %q) = %v", c.conf, c.found, got)
		}
	}
	if v, err := CleanAuthServID(" MX.Google.com ,*.messagingengine.com. "); err != nil || v != "mx.google.com,*.messagingengine.com" {
		t.Errorf("clean: %q %v", v, err)
	}
	for _, bad := range []string{"mx google;dmarc=pass", "mx.évil.example", "a..b", "*.", "x/y"} {
		if _, err := CleanAuthServID(bad); err == nil || !strings.Contains(err.Error(), "receiving server") {
			t.Errorf("CleanAuthServID(%q) = %v, want an error naming the field", bad, err)
		}
	}
}

// TestLearnAuthServ: the id on top of most messages is proposed, not set; a minority id is
// not proposed; confirming it in the account clears the proposal.
func TestLearnAuthServ(t *testing.T) {
	s, _ := ledger(t)
	ctx := context.Background()
	var l servLearner
	for i := 0; i < 3; i++ {
		l.add(withHeaders(t, "Authentication-Results: "+ownServer+"; dmarc=pass header.from=paypal.com\r\n"))
	}
	l.add(fixture(t, "trust/forged_only_ar.eml"))
	if p, ok := l.best(); !ok || p.ID != ownServer || p.Seen != 3 || p.Of != 4 {
		t.Fatalf("best %+v %v", p, ok)
	}
	if err := l.save(ctx, s); err != nil {
		t.Fatal(err)
	}
	p, err := ProposedAuthServ(ctx, s)
	if err != nil || p.ID != ownServer || p.Seen != 3 || p.Of != 4 || !strings.Contains(p.String(), "3 of the 4") {
		t.Fatalf("proposal %+v %v", p, err)
	}
	if v, _ := s.Setting(ctx, "mail.authserv"); v != "" {
		t.Fatalf("a proposal was set as the account's server: %q", v)
	}
	// a later run of one message from elsewhere does not overturn a proposal from more
	var one servLearner
	one.add(withHeaders(t, "Authentication-Results: filter.example; dmarc=pass header.from=paypal.com\r\n"))
	if err := one.save(ctx, s); err != nil {
		t.Fatal(err)
	}
	if p, _ := ProposedAuthServ(ctx, s); p.ID != ownServer {
		t.Fatalf("proposal overturned by one message: %+v", p)
	}
	if err := SaveAccount(ctx, s, Account{Host: "imap.example.com", Username: "me", AuthServID: ownServer}); err != nil {
		t.Fatal(err)
	}
	if p, _ := ProposedAuthServ(ctx, s); p.ID != "" {
		t.Fatalf("proposal not cleared after confirming: %+v", p)
	}
	if a, _ := LoadAccount(ctx, s); a.AuthServID != ownServer {
		t.Fatalf("account server %q", a.AuthServID)
	}
	// a minority is not proposed
	var m servLearner
	m.add(withHeaders(t, "Authentication-Results: a.example; dmarc=pass\r\n"))
	m.add(withHeaders(t, "Authentication-Results: b.example; dmarc=pass\r\n"))
	if p, ok := m.best(); ok {
		t.Fatalf("half is not most: %+v", p)
	}
	if err := SaveAccount(ctx, s, Account{Host: "imap.example.com", Username: "me", AuthServID: "mx;evil"}); err == nil || !strings.Contains(err.Error(), "receiving server") {
		t.Fatalf("bad id saved: %v", err)
	}
}

// End to end against Dovecot: a PayPal mail whose only Authentication-Results was written
// by the sender (mx.evil.example; dmarc=pass header.from=paypal.com) and an exact match
// for INV-00042, next to a genuine Stripe receipt stamped by the owner's server for
// INV-00051. With the receiving server named, reconcile -apply records only the Stripe
// payment; with none named it records nothing, says why, and proposes the server.
func TestForgedHeaderAgainstDovecot(t *testing.T) {
	d := inboxtest.Start(t)
	d.Deliver(t, "INBOX", fixture(t, "trust/forged_only_ar.eml"), fixture(t, "stripe_payment.eml"), fixture(t, "paypal_refund.eml"))
	ctx := context.Background()
	cfg := Config{Host: d.Host, Port: d.TLSPort, Security: SecurityTLS, Username: d.User, Password: d.Password, RootCAs: d.CertPool}

	// no receiving server set: nothing trusted, nothing applied, the server proposed
	s, _ := ledger(t)
	res, err := Reconcile(ctx, s, cfg, true, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Fetched != 3 || res.Applied != 0 || !strings.Contains(res.Warning, "receiving server") ||
		len(res.Applications) != 1 || res.Applications[0] != NoAuthServApply {
		t.Fatalf("without a server: %+v", res)
	}
	all, _ := s.MailPayments(ctx, "")
	for _, m := range all {
		if m.Trusted {
			t.Fatalf("trusted without a receiving server: %+v", m)
		}
	}
	if p, _ := ProposedAuthServ(ctx, s); p.ID != ownServer || p.Seen != 2 || p.Of != 3 {
		t.Fatalf("proposal %+v", p)
	}
	if pays, _ := s.Payments(ctx, data.PaymentFilter{}); len(pays) != 0 {
		t.Fatalf("payments recorded without a receiving server: %d", len(pays))
	}

	// the server named: only the genuine message is recorded
	s2, invs2 := ledger(t)
	cfg.AuthServID = ownServer
	res, err = Reconcile(ctx, s2, cfg, true, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Applied != 1 || res.Warning != "" {
		t.Fatalf("with the server: %+v", res)
	}
	i42, _ := s2.Invoice(ctx, invs2["INV-00042"].ID)
	i51, _ := s2.Invoice(ctx, invs2["INV-00051"].ID)
	if i42.OpenAmount != i42.Total || i51.OpenAmount != 0 {
		t.Fatalf("forged payment recorded: INV-00042 open %d of %d, INV-00051 open %d", i42.OpenAmount, i42.Total, i51.OpenAmount)
	}
	forged := 0
	all, _ = s2.MailPayments(ctx, "")
	for _, m := range all {
		if m.Provider == "paypal" && m.Kind == "received" {
			forged++
			if m.Trusted || m.Status != "proposed" || !strings.Contains(m.Why, "mx.evil.example") {
				t.Fatalf("forged message: %+v", m)
			}
		}
	}
	if forged != 1 {
		t.Fatalf("forged message stored %d times", forged)
	}
	if v, _ := s2.Check(ctx); len(v) > 0 {
		t.Fatal(v)
	}
}

// TestTrustWhyCounts: the reason for distrusting a message with several From headers or
// addresses counts them in plain words ("2 From headers", not "1 addresses").
func TestTrustWhyCounts(t *testing.T) {
	p, err := Parse(fixture(t, "spoof_two_from.eml"))
	if err != nil {
		t.Fatal(err)
	}
	if p.Trusted || !strings.Contains(p.Why, "untrusted: the message has 2 From headers (exactly one expected)") {
		t.Errorf("two From headers: %s", p.Why)
	}
	raw := strings.Replace(string(fixture(t, "paypal_received.eml")), "From: \"service@paypal.com\" <service@paypal.com>",
		"From: \"service@paypal.com\" <service@paypal.com>, Other <other@evil.example>", 1)
	if p, _ = Parse([]byte(raw)); p.Trusted || !strings.Contains(p.Why, "untrusted: From holds 2 addresses (exactly one expected)") {
		t.Errorf("two From addresses: %s", p.Why)
	}
	for n, w := range map[int]string{0: "no address", 1: "1 address", 3: "3 addresses"} {
		if got := countOf(n, "address", "addresses"); got != w {
			t.Errorf("countOf(%d) = %q, want %q", n, got, w)
		}
	}
}

// TestBankFamilyDomains: a family entry ("sparkasse-*.de") trusts each member's own
// registered domain and its subdomains, never a look-alike under another name or suffix;
// the default list names banks exactly, so an unlisted sparkasse-NAME.de (anyone can
// register one) is not trusted by default.
func TestBankFamilyDomains(t *testing.T) {
	for dom, want := range map[string]bool{"sparkasse-koelnbonn.de": true, "mail.sparkasse-hannover.de": true,
		"sparkasse-neu-gegruendet.de": false, "kreissparkasse-irgendwo.de": false} {
		raw := "Authentication-Results: mx.google.com; dmarc=pass header.from=" + dom + "\r\nFrom: Sparkasse <noreply@" + dom + ">\r\n" +
			"Subject: Zahlungseingang\r\n\r\nAuftraggeber: Weber GmbH\r\nBetrag: 5,00 EUR\r\n"
		if p, _ := Parse([]byte(raw)); p.Trusted != want {
			t.Errorf("default list, %s: trusted %v, want %v (%s)", dom, p.Trusted, want, p.Why)
		}
	}
	family := &Parser{BankDomains: append([]string{"sparkasse-*.de", "kreissparkasse-*.de"}, DefaultBankDomains...)}
	bank := func(dom string) Parsed {
		raw := "Authentication-Results: mx.google.com; dkim=pass header.d=" + dom + "; dmarc=pass (p=REJECT) header.from=" + dom + "\r\n" +
			"From: Sparkasse <noreply@" + dom + ">\r\nTo: accounts@brightside-studio.example\r\nSubject: Zahlungseingang auf Ihrem Konto\r\n" +
			"Date: Mon, 20 Apr 2026 10:00:00 +0200\r\nMessage-ID: <f@y.example>\r\n\r\nAuftraggeber: Weber GmbH\r\nBetrag: 860,00 EUR\r\n"
		p, err := family.Parse([]byte(raw))
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	for dom, want := range map[string]bool{
		"sparkasse-koelnbonn.de":         true,
		"mail.sparkasse-hannover.de":     true,
		"kreissparkasse-ludwigsburg.de":  true,
		"sparkasse-neu-gegruendet.de":    true,
		"sparkasse.de":                   true,
		"gruposantander.es":              true,
		"commerzbank.com":                true,
		"sparkasse-evil.example":         false,
		"sparkasse-koelnbonn.de.evil.de": false,
		"sparkasse-.de":                  false,
		"sparkasse--x-.de":               false,
		"my-sparkasse-koelnbonn.de":      false,
		"sparkasse-koelnbonn.com":        false,
		"xn--sparkasse-k9a.de":           false,
		"sparkassekoelnbonn.de":          false,
	} {
		if p := bank(dom); p.Trusted != want {
			t.Errorf("%s: trusted %v, want %v (%s)", dom, p.Trusted, want, p.Why)
		}
	}
	if d, ok := familyDomain("Mail.Sparkasse-KoelnBonn.de.", "sparkasse-*.de"); !ok || d != "sparkasse-koelnbonn.de" {
		t.Errorf("familyDomain: %q %v", d, ok)
	}
	// a list without the family entry trusts no member
	p, _ := (&Parser{BankDomains: []string{"sparkasse.de"}}).Parse([]byte("Authentication-Results: mx.google.com; dmarc=pass header.from=sparkasse-koelnbonn.de\r\n" +
		"From: noreply@sparkasse-koelnbonn.de\r\nSubject: Zahlungseingang\r\n\r\nBetrag: 5,00 EUR\r\n"))
	if p.Trusted {
		t.Errorf("family trusted without its entry: %s", p.Why)
	}
}
