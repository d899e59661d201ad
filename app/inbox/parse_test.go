package inbox

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// want is what a bookkeeper reading the fixture would write down.
type want struct {
	provider Provider
	kind     Kind
	trusted  bool
	amount   string // decimal in the currency's digits, "" = none
	currency string
	payer    string
	email    string
	ref      string
	txn      string
	date     string
}

// fixtureWants covers every testdata/*.eml (TestEveryFixtureHasExpectations checks).
var fixtureWants = map[string]want{
	"paypal_received.eml":         {PayPal, KindReceived, true, "1250.00", "USD", "Jane Cooper", "jane.cooper@cooperdesign.example", "Payment for INV-00042, thanks!", "7GH12345AB678901C", "2026-01-14"},
	"paypal_received_html_qp.eml": {PayPal, KindReceived, true, "2150.00", "EUR", "Lukas Becker", "l.becker@becker-bau.example", "Rechnung INV-00043 – Fliesenarbeiten", "3FA98765KL4321098", "2026-01-16"},
	"paypal_gbp_latin1.eml":       {PayPal, KindReceived, true, "120.00", "GBP", "Siân O'Brien", "sian@obrien-consulting.example", "Invoice INV-00044 - cheers", "9KD55512XY0034425", "2026-01-20"},
	"paypal_jpy_base64.eml":       {PayPal, KindReceived, true, "5000", "JPY", "山田 太郎", "taro.yamada@yamada-shoji.example", "INV-00045", "1AB23456CD7890123", "2026-01-22"},
	"paypal_sent.eml":             {PayPal, KindSent, true, "89.99", "USD", "", "", "OS-778812", "5TY87654QW3210987", "2026-01-12"},
	"paypal_refund.eml":           {PayPal, KindRefund, true, "25.00", "USD", "", "", "Overcharge on INV-00042", "2RF11223AA4455667", "2026-01-15"},
	"paypal_newsletter.eml":       {PayPal, KindNewsletter, true, "", "", "", "", "", "", "2026-01-13"},
	"stripe_payment.eml":          {Stripe, KindReceived, true, "480.00", "USD", "Northwind Traders", "billing@northwind.example", "Invoice INV-00051", "pi_3QxYz2EaBcDeFgHi1JkLmNoP", "2026-01-20"},
	"stripe_cad.eml":              {Stripe, KindReceived, true, "50.00", "CAD", "", "accounts@maple-leaf.example", "BRIGHTSIDE INV-00057", "ch_3QabCDefGH12ijKL", "2026-01-21"},
	"stripe_payout.eml":           {Stripe, KindPayout, true, "2310.55", "USD", "", "", "", "po_1QzPayoutAbCdEf12", "2026-01-22"},
	"stripe_failed.eml":           {Stripe, KindFailed, true, "99.00", "USD", "", "billing@contoso.example", "Invoice INV-00058", "pi_3QfailEdPaymentXyZ12", "2026-01-23"},
	"stripe_refund.eml":           {Stripe, KindRefund, true, "480.00", "USD", "", "", "", "re_3QrefundAbCdEf1234", "2026-01-26"},
	"square_received_base64.eml":  {Square, KindReceived, true, "75.50", "USD", "Marcus Lee", "", "INV-00046 fall cleanup", "8xQ2kL9mNp3RtV7wYz1A", "2026-01-23"},
	"square_invoice_nested.eml":   {Square, KindReceived, true, "2000.00", "USD", "Harbor Cafe", "owner@harborcafe.example", "INV-00056", "sq0pay_H4rb0rC4f3", "2026-01-27"},
	"wise_received_latin1.eml":    {Wise, KindReceived, true, "3480.00", "EUR", "Müller Technik GmbH", "", "INV-00047", "987654321", "2026-01-24"},
	"wise_kwd.eml":                {Wise, KindReceived, true, "12.345", "KWD", "Al Noor Trading", "", "INV-00053", "123456789", "2026-01-25"},
	"interac_received.eml":        {Interac, KindReceived, true, "350.00", "CAD", "JOHN SMITH", "", "INV-00048 March bookkeeping", "CA1MRv7Yd9Cz", "2026-01-16"},
	"interac_sent.eml":            {Interac, KindSent, true, "212.40", "CAD", "", "", "", "CA1MRx8Ze0Da", "2026-01-17"},
	"zelle_chase.eml":             {Zelle, KindReceived, true, "600.00", "USD", "MARIA GARCIA", "", "INV-00049", "24681357902", "2026-01-18"},
	"zelle_sent_bofa.eml":         {Zelle, KindSent, true, "150.00", "USD", "", "", "", "BAC7781234", "2026-01-19"},
	"venmo_received.eml":          {Venmo, KindReceived, true, "45.00", "USD", "Tom Baker", "", "INV-00050 spring planters", "3912345678901234567", "2026-01-19"},
	"venmo_sent.eml":              {Venmo, KindSent, true, "20.00", "USD", "", "", "", "3912345678901239999", "2026-01-20"},
	"bank_wire_wellsfargo.eml":    {Bank, KindReceived, true, "12400.00", "USD", "NORTHWIND TRADERS LLC", "", "INV-00052 INV-00053", "20260121B1QGC01C000123", "2026-01-21"},
	"bank_sepa_eur_cp1252.eml":    {Bank, KindReceived, true, "1234.56", "EUR", "Schmidt & Söhne KG", "", "RE INV-00054 Schmidt & Söhne", "E2E-2026-0115-8842", "2026-01-21"},
	"bank_chf_ubs.eml":            {Bank, KindReceived, true, "1234.50", "CHF", "Alpenblick AG", "", "INV-00055", "", "2026-01-22"},
	"customer_reply.eml":          {Unknown, KindNotPayment, false, "1250.00", "USD", "", "", "INV-00042", "", "2026-01-12"},
	// look-alikes: read the same, never trusted
	"spoof_paypal_lookalike.eml":   {PayPal, KindReceived, false, "1250.00", "USD", "Jane Cooper", "jane.cooper@cooperdesign.example", "Payment for INV-00042, thanks!", "7GH12345AB678901C", "2026-01-14"},
	"spoof_paypal_dmarc_fail.eml":  {PayPal, KindReceived, false, "1250.00", "USD", "Jane Cooper", "jane.cooper@cooperdesign.example", "Payment for INV-00042, thanks!", "7GH12345AB678901C", "2026-01-14"},
	"spoof_paypal_dmarc_other.eml": {PayPal, KindReceived, false, "1250.00", "USD", "Jane Cooper", "jane.cooper@cooperdesign.example", "Payment for INV-00042, thanks!", "7GH12345AB678901C", "2026-01-14"},
	"spoof_paypal_second_ar.eml":   {PayPal, KindReceived, false, "1250.00", "USD", "Jane Cooper", "jane.cooper@cooperdesign.example", "Payment for INV-00042, thanks!", "7GH12345AB678901C", "2026-01-14"},
	"spoof_two_from.eml":           {PayPal, KindReceived, false, "1250.00", "USD", "Jane Cooper", "jane.cooper@cooperdesign.example", "Payment for INV-00042, thanks!", "7GH12345AB678901C", "2026-01-14"},
	"spoof_interac_lookalike.eml":  {Interac, KindPending, false, "3500.00", "CAD", "JOHN SMITH", "", "INV-00048", "CA1FAKE0001", "2026-01-16"},
	"spoof_chase_zelle.eml":        {Zelle, KindReceived, false, "6000.00", "USD", "MARIA GARCIA", "", "INV-00049", "24681357902", "2026-01-18"},
	"spoof_venmo_no_ar.eml":        {Venmo, KindReceived, false, "450.00", "USD", "Tom Baker", "", "INV-00050 spring planters", "3912345678901234567", "2026-01-19"},
}

func fixtureFiles(t testing.TB) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "*.eml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	sort.Strings(files)
	return files
}

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestEveryFixtureHasExpectations(t *testing.T) {
	for _, f := range fixtureFiles(t) {
		if _, ok := fixtureWants[filepath.Base(f)]; !ok {
			t.Errorf("%s has no entry in fixtureWants", f)
		}
	}
	for name := range fixtureWants {
		if _, err := os.Stat(filepath.Join("testdata", name)); err != nil {
			t.Errorf("fixtureWants names %s: %v", name, err)
		}
	}
}

func TestParseFixtures(t *testing.T) {
	for name, w := range fixtureWants {
		t.Run(name, func(t *testing.T) {
			p, err := Parse(readFixture(t, name))
			if err != nil {
				t.Fatal(err)
			}
			r := p.Record(name)
			got := want{p.Provider, p.Kind, p.Trusted, r.Amount, r.Currency, p.PayerName, p.PayerEmail, p.Reference, p.TransactionID, r.Date}
			if got != w {
				t.Errorf("\n got %+v\nwant %+v\nwhy: %s", got, w, p.Why)
			}
			if p.MessageID == "" || strings.ContainsAny(p.MessageID, "<> ") {
				t.Errorf("message id %q", p.MessageID)
			}
			if p.Why == "" || strings.ContainsAny(p.Why, "\r\n") {
				t.Errorf("why must be one line: %q", p.Why)
			}
			if len(p.Truncated) > 0 {
				t.Errorf("fixture read partly: %v", p.Truncated)
			}
			if p.Trusted != strings.Contains(p.Why, "; trusted:") {
				t.Errorf("why does not state the trust decision: %s", p.Why)
			}
		})
	}
}

// TestParseLineEnds: the same message with LF line ends (as saved by many mail programs)
// reads the same as with CRLF.
func TestParseLineEnds(t *testing.T) {
	for _, f := range fixtureFiles(t) {
		raw, _ := os.ReadFile(f)
		if !bytes.Contains(raw, []byte("\r\n")) {
			t.Fatalf("%s: fixtures are stored with CRLF line ends", f)
		}
		a, err1 := Parse(raw)
		b, err2 := Parse(bytes.ReplaceAll(raw, []byte("\r\n"), []byte("\n")))
		if err1 != nil || err2 != nil {
			t.Fatalf("%s: %v %v", f, err1, err2)
		}
		if !reflect.DeepEqual(a.Record(f), b.Record(f)) {
			t.Errorf("%s:\nCRLF %s\n  LF %s", f, a.JSON(f), b.JSON(f))
		}
	}
}

func TestFeeNetAndInvoiceRefs(t *testing.T) {
	cases := []struct {
		file     string
		fee, net int64
		refs     []string
	}{
		{"paypal_received.eml", 4390, 120610, []string{"INV-00042"}},
		{"stripe_payment.eml", 1422, 46578, []string{"INV-00051"}},
		{"bank_wire_wellsfargo.eml", 0, 0, []string{"INV-00052", "INV-00053"}},
		{"bank_sepa_eur_cp1252.eml", 0, 0, []string{"INV-00054"}},
		{"stripe_payout.eml", 0, 0, nil},
	}
	for _, c := range cases {
		p, err := Parse(readFixture(t, c.file))
		if err != nil {
			t.Fatal(err)
		}
		if p.Fee != c.fee || p.Net != c.net {
			t.Errorf("%s: fee %d net %d, want %d %d", c.file, p.Fee, p.Net, c.fee, c.net)
		}
		if !reflect.DeepEqual(p.InvoiceRefs, c.refs) {
			t.Errorf("%s: invoice refs %q, want %q", c.file, p.InvoiceRefs, c.refs)
		}
	}
}

// TestSpoofsNeverTrusted: every spoof fixture, and header tricks applied to a genuine
// message, give an untrusted result; the genuine message and harmless variants stay trusted
// (so the check is not simply "never trust").
func TestSpoofsNeverTrusted(t *testing.T) {
	for _, f := range fixtureFiles(t) {
		if !strings.HasPrefix(filepath.Base(f), "spoof_") {
			continue
		}
		raw, _ := os.ReadFile(f)
		p, err := Parse(raw)
		if err != nil || p.Trusted {
			t.Errorf("%s: trusted=%v err=%v why=%s", f, p.Trusted, err, p.Why)
		}
		if !strings.Contains(p.Why, "untrusted:") {
			t.Errorf("%s: why does not say untrusted: %s", f, p.Why)
		}
	}

	genuine := string(readFixture(t, "paypal_received.eml"))
	topAR := "Authentication-Results: mx.brightside-mail.example;\r\n\tdkim=pass header.d=paypal.com header.s=s2048 header.b=Qm9vVx2L;\r\n\tspf=pass (mx.brightside-mail.example: domain of bounce@paypal.com designates 203.0.113.25 as permitted sender) smtp.mailfrom=bounce@paypal.com;\r\n\tdmarc=pass (p=REJECT sp=REJECT dis=NONE) header.from=paypal.com\r\n"
	if !strings.Contains(genuine, topAR) {
		t.Fatal("fixture changed: top Authentication-Results not found")
	}
	from := "From: \"service@paypal.com\" <service@paypal.com>\r\n"
	if !strings.Contains(genuine, from) {
		t.Fatal("fixture changed: From not found")
	}
	withAR := func(ar string) string { return strings.Replace(genuine, topAR, ar, 1) }
	withFrom := func(f string) string { return strings.Replace(genuine, from, f, 1) }
	cases := []struct {
		name    string
		msg     string
		p       Parser
		trusted bool
	}{
		{"genuine", genuine, Parser{}, true},
		{"header.from in capitals", withAR("Authentication-Results: mx.brightside-mail.example; dmarc=pass header.from=PayPal.COM\r\n"), Parser{}, true},
		{"header.from quoted", withAR("Authentication-Results: mx.brightside-mail.example; dmarc=pass header.from=\"paypal.com\"\r\n"), Parser{}, true},
		{"spaces around =", withAR("Authentication-Results: mx.brightside-mail.example; dmarc = pass header.from = paypal.com\r\n"), Parser{}, true},
		{"authserv-id required and right", genuine, Parser{AuthServID: "mx.brightside-mail.example"}, true},
		{"authserv-id required and wrong", genuine, Parser{AuthServID: "mx.google.com"}, false},
		{"fail above the pass", "Authentication-Results: mx.brightside-mail.example; dmarc=fail header.from=paypal.com\r\n" + genuine, Parser{}, false},
		{"forged pass below a top without dmarc", "Authentication-Results: mx.brightside-mail.example; spf=pass smtp.mailfrom=evil.example\r\n" + genuine, Parser{}, false},
		{"pass only in a comment", withAR("Authentication-Results: mx.brightside-mail.example; dmarc=fail (dmarc=pass header.from=paypal.com) header.from=paypal.com\r\n"), Parser{}, false},
		{"header.from only in a comment", withAR("Authentication-Results: mx.brightside-mail.example; dmarc=pass header.from=evil.example (header.from=paypal.com)\r\n"), Parser{}, false},
		{"dmarc none", withAR("Authentication-Results: mx.brightside-mail.example; dmarc=none header.from=paypal.com\r\n"), Parser{}, false},
		{"dmarc pass and fail", withAR("Authentication-Results: mx.brightside-mail.example; dmarc=pass header.from=paypal.com; dmarc=fail header.from=paypal.com\r\n"), Parser{}, false},
		{"no dmarc header.from", withAR("Authentication-Results: mx.brightside-mail.example; dmarc=pass\r\n"), Parser{}, false},
		{"parent domain pass for subdomain From", withFrom("From: service@intl.paypal.com\r\n"), Parser{}, false},
		{"subdomain From with its own pass", strings.Replace(withFrom("From: service@intl.paypal.com\r\n"), "header.from=paypal.com", "header.from=intl.paypal.com", 1), Parser{}, true},
		{"look-alike suffix", withFrom("From: service@paypal.com.evil.example\r\n"), Parser{}, false},
		{"look-alike prefix", withFrom("From: service@evilpaypal.com\r\n"), Parser{}, false},
		{"display name only", withFrom("From: \"service@paypal.com\" <attacker@evil.example>\r\n"), Parser{}, false},
		{"encoded display name", withFrom("From: =?UTF-8?B?UGF5UGFs?= <service@paypa1.example>\r\n"), Parser{}, false},
		{"two addresses", withFrom("From: service@paypal.com, attacker@evil.example\r\n"), Parser{}, false},
		{"no From", withFrom(""), Parser{}, false},
		{"bank not on list", strings.ReplaceAll(string(readFixture(t, "bank_chf_ubs.eml")), "ubs.com", "ubs-bank.example"), Parser{}, false},
		{"bank list replaced", string(readFixture(t, "bank_chf_ubs.eml")), Parser{BankDomains: []string{"chase.com"}}, false},
		{"bank added to list", strings.ReplaceAll(string(readFixture(t, "bank_chf_ubs.eml")), "ubs.com", "kantonalbank.example"), Parser{BankDomains: []string{"kantonalbank.example"}}, true},
	}
	for _, c := range cases {
		p, err := c.p.Parse([]byte(c.msg))
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if p.Trusted != c.trusted {
			t.Errorf("%s: trusted=%v, want %v; why: %s", c.name, p.Trusted, c.trusted, p.Why)
		}
	}
}

func TestParseAuthResults(t *testing.T) {
	ar := ParseAuthResults("mx.example.com 1; dkim=pass (2048-bit key; unprotected) header.d=paypal.com header.s=\"pp;1\";\r\n\tspf=softfail smtp.mailfrom=x@y.example;\r\n\tDMARC=Pass (p=REJECT) header.from=PayPal.com; arc=none")
	if ar.ServID != "mx.example.com" {
		t.Errorf("servid %q", ar.ServID)
	}
	if len(ar.Results) != 4 {
		t.Fatalf("results %+v", ar.Results)
	}
	if r := ar.Results[0]; r.Method != "dkim" || r.Result != "pass" || r.Props["header.s"] != "pp;1" || r.Props["header.d"] != "paypal.com" {
		t.Errorf("dkim %+v", r)
	}
	if r := ar.Results[2]; r.Method != "dmarc" || r.Result != "pass" || r.Props["header.from"] != "PayPal.com" {
		t.Errorf("dmarc %+v", r)
	}
	if ar := ParseAuthResults("mx.example.com; none"); ar.ServID != "mx.example.com" || len(ar.Results) != 0 {
		t.Errorf("none: %+v", ar)
	}
	for _, junk := range []string{"", ";;;", "(((", "a; =; b=; =c", "\"unterminated; dmarc=pass", `x; dmarc=pass header.from="a\"b"`} {
		ParseAuthResults(junk) // must not panic
	}
}

func TestFindAmounts(t *testing.T) {
	cases := []struct {
		text, dollar string
		minor        int64
		currency     string
	}{
		{"You received $1,234.56", "USD", 123456, "USD"},
		{"Amount: 1,234.56 USD", "USD", 123456, "USD"},
		{"Betrag: 1.234,56 €", "USD", 123456, "EUR"},
		{"Betrag 1.234,56 EUR", "USD", 123456, "EUR"},
		{"€1.234,56", "USD", 123456, "EUR"},
		{"CA$ 50.00", "USD", 5000, "CAD"},
		{"C$50", "USD", 5000, "CAD"},
		{"¥5,000", "USD", 5000, "JPY"},
		{"KWD 12.345", "USD", 12345, "KWD"},
		{"£120.00", "USD", 12000, "GBP"},
		{"CHF 1'234.50", "USD", 123450, "CHF"},
		{"$350.00 (CAD)", "USD", 35000, "CAD"},
		{"$25.00 USD", "CAD", 2500, "USD"},
		{"sent you $350.00", "CAD", 35000, "CAD"},
		{"1 234,56 €", "USD", 123456, "EUR"},
		{"fee -$43.90 USD", "USD", 4390, "USD"},
		{"US$ 9.99", "CAD", 999, "USD"},
		{"JPY 5000", "USD", 5000, "JPY"},
		{"$0.50", "USD", 50, "USD"},
		{"Erhaltener Betrag: 1.386,50 € EUR", "USD", 138650, "EUR"},
		{"Montant : 1 275,00 $", "CAD", 127500, "CAD"},
		{"1\u00a0275,00\u00a0$ (CAD)", "USD", 127500, "CAD"},            // no-break spaces
		{"Paiement de 2\u202f450,00\u00a0€ reçu", "USD", 245000, "EUR"}, // narrow no-break space
		{"KWD 1,250.500", "USD", 1250500, "KWD"},
		{"¥1,000", "USD", 1000, "JPY"},
		{"+2.150,00 €", "USD", 215000, "EUR"},
		{"€ 1.050,00", "USD", 105000, "EUR"},
	}
	for _, c := range cases {
		hs := findAmounts(c.text, c.dollar)
		if len(hs) == 0 {
			t.Errorf("%q: no amount", c.text)
			continue
		}
		if hs[0].minor != c.minor || hs[0].currency != c.currency {
			t.Errorf("%q: %d %s, want %d %s", c.text, hs[0].minor, hs[0].currency, c.minor, c.currency)
		}
	}
	for _, s := range []string{"Invoice 1234", "Call 555-1234", "on Jan 14, 2026", "Transfer #987654321", "12.5%", "THE 25 ways", "account ****6789", "IBAN DE89 3704 0044 0532 0130 00"} {
		if hs := findAmounts(s, "USD"); len(hs) != 0 {
			t.Errorf("%q: found %+v", s, hs)
		}
	}
}

func TestInvoiceRefs(t *testing.T) {
	cases := map[string][]string{
		"Payment for INV-00042, thanks!":         {"INV-00042"},
		"INV-00052 INV-00053":                    {"INV-00052", "INV-00053"},
		"Invoice #1042 and invoice no. 2026-017": {"1042", "2026-017"},
		"RE INV00049 inv-00049":                  {"INV00049", "inv-00049"},
		"Send invoices.\n3. Save $50":            nil,
		"po_1QzPayoutAbCdEf12 re_3Qrefund":       nil,
		"invoice due on January 10":              nil,
	}
	for in, want := range cases {
		if got := InvoiceRefs(in); !reflect.DeepEqual(got, want) {
			t.Errorf("%q: %q, want %q", in, got, want)
		}
	}
}

func TestFindDate(t *testing.T) {
	cases := []struct {
		s     string
		order dateOrder
		want  string
	}{
		{"Jan 14, 2026", orderUnknown, "2026-01-14"},
		{"January 20, 2026", orderUnknown, "2026-01-20"},
		{"16 January 2026", orderUnknown, "2026-01-16"},
		{"2026-01-16", orderUnknown, "2026-01-16"},
		{"21.01.2026", orderUnknown, "2026-01-21"},
		{"01/21/2026", orderUnknown, "2026-01-21"},
		{"03/04/2026", orderDayFirst, "2026-04-03"},
		{"03/04/2026", orderMonthFirst, "2026-03-04"},
		{"03/04/2026", orderUnknown, ""}, // two readings, no cue: not guessed
		{"04/04/2026", orderUnknown, "2026-04-04"},
		{"23-02-2026", orderUnknown, "2026-02-23"},
		{"21/01/2026", orderMonthFirst, "2026-01-21"},
		{"Jan 19, 2026 PST · + $45.00", orderUnknown, "2026-01-19"},
		{"Sept. 3rd, 2026", orderUnknown, "2026-09-03"},
		{"Feb 30, 2026", orderUnknown, ""},
		{"no date", orderUnknown, ""},
		{"14. Januar 2026", orderUnknown, "2026-01-14"},
		{"1er février 2026", orderUnknown, "2026-02-01"},
		{"28 janv. 2026", orderUnknown, "2026-01-28"},
		{"11 de enero de 2026", orderUnknown, "2026-01-11"},
		{"18 gennaio 2026", orderUnknown, "2026-01-18"},
		{"3. März 2026", orderUnknown, "2026-03-03"},
		{"le 5 décembre 2026 à 10:00", orderUnknown, "2026-12-05"},
	}
	for _, c := range cases {
		d, ok := findDate(c.s, c.order)
		if d.String() != c.want || ok != (c.want != "") {
			t.Errorf("%q: %q %v, want %q", c.s, d.String(), ok, c.want)
		}
	}
}

func TestHTMLToText(t *testing.T) {
	in := `<html><head><title>T</title><style>p{color:red}</style><script>var x="<td>no</td>";</script></head>
<body><p>Hello&nbsp;<b>Jane</b>,</p><table><tr><td>Amount</td><td>&euro;1.234,56</td></tr>
<tr><td>Note</td><td>INV&#45;00042 &amp; more</td></tr></table>line one<br>line two<br/><br>after blank<div>x</div></body></html>`
	got := HTMLToText([]byte(in), 0)
	want := "Hello Jane,\nAmount\n€1.234,56\nNote\nINV-00042 & more\nline one\nline two\n\nafter blank\nx"
	if got != want {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
	if got := HTMLToText([]byte(strings.Repeat("<p>abc</p>", 1000)), 100); len(got) > 110 {
		t.Errorf("limit not applied: %d bytes", len(got))
	}
}

func TestLimits(t *testing.T) {
	genuine := readFixture(t, "paypal_received.eml")

	// over the size limit: refused, not read
	big := append(append([]byte(nil), genuine...), bytes.Repeat([]byte("x"), DefaultMaxSize)...)
	if _, err := Parse(big); !errors.Is(err, ErrTooLarge) {
		t.Errorf("oversize: %v", err)
	}
	small := Parser{Limits: Limits{MaxSize: 1000}}
	if _, err := small.Parse(genuine); !errors.Is(err, ErrTooLarge) {
		t.Errorf("configured size limit: %v", err)
	}

	// deep nesting: header still read, body parts beyond the depth skipped
	var b strings.Builder
	b.WriteString("From: PayPal <service@paypal.com>\r\nSubject: You've got money\r\nMIME-Version: 1.0\r\n")
	depth := 40
	for i := 0; i < depth; i++ {
		b.WriteString("Content-Type: multipart/mixed; boundary=\"b" + strconv.Itoa(i) + "\"\r\n\r\n--b" + strconv.Itoa(i) + "\r\n")
	}
	b.WriteString("Content-Type: text/plain\r\n\r\nYou received $5.00 USD from Deep Diver.\r\n")
	for i := depth - 1; i >= 0; i-- {
		b.WriteString("--b" + strconv.Itoa(i) + "--\r\n")
	}
	p, err := Parse([]byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Truncated) == 0 || !strings.Contains(p.Why, "partly read") || p.Subject != "You've got money" {
		t.Errorf("deep nesting: %+v", p)
	}
	if p.HasAmount {
		t.Errorf("text below the depth limit was read: %s", p)
	}
	// the same nesting within the limit is read
	lim := Parser{Limits: Limits{MaxDepth: 50}}
	if p, err := lim.Parse([]byte(b.String())); err != nil || !p.HasAmount || p.Amount != 500 || len(p.Truncated) != 0 {
		t.Errorf("within limit: %v %s %v", err, p, p.Truncated)
	}

	// many parts: stops at MaxParts
	b.Reset()
	b.WriteString("From: a@b.example\r\nSubject: parts\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=zz\r\n\r\n")
	for i := 0; i < 500; i++ {
		b.WriteString("--zz\r\nContent-Type: application/octet-stream\r\n\r\nxx\r\n")
	}
	b.WriteString("--zz\r\nContent-Type: text/plain\r\n\r\nYou received $7.00\r\n--zz--\r\n")
	p, err = Parse([]byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Truncated) == 0 || p.HasAmount {
		t.Errorf("many parts: truncated=%v amount=%v", p.Truncated, p.HasAmount)
	}

	// not a message at all
	if _, err := Parse([]byte("\x00\x01 not: a\r\n mail\r\n\x7f: header")); err == nil {
		// acceptable only if it produced a harmless result
		t.Log("binary junk was read as a header-less message")
	}
}

// TestParseFiles checks the parse-mail output: one JSON object per file and per line, keys
// in the documented order, a failed file still reported.
func TestParseFiles(t *testing.T) {
	files := []string{filepath.Join("testdata", "paypal_received.eml"), filepath.Join("testdata", "wise_kwd.eml"), filepath.Join("testdata", "missing.eml")}
	var out bytes.Buffer
	err := (&Parser{}).ParseFiles(files, nil, &out)
	if err == nil || !strings.Contains(err.Error(), "1 of 3") {
		t.Errorf("err = %v", err)
	}
	lines := strings.Split(strings.TrimRight(out.String(), "\n"), "\n")
	if len(lines) != 3 {
		t.Fatalf("%d lines:\n%s", len(lines), out.String())
	}
	keys := []string{"file", "message_id", "provider", "kind", "trusted", "amount", "currency", "payer_name", "payer_email", "reference", "transaction_id", "date", "why"}
	for i, l := range lines {
		dec := json.NewDecoder(strings.NewReader(l))
		var got []string
		tok, _ := dec.Token()
		if tok != json.Delim('{') {
			t.Fatalf("line %d: %s", i, l)
		}
		for dec.More() {
			k, _ := dec.Token()
			got = append(got, k.(string))
			if _, err := dec.Token(); err != nil {
				t.Fatal(err)
			}
		}
		if !reflect.DeepEqual(got, keys) {
			t.Errorf("line %d keys %v", i, got)
		}
	}
	var r Record
	if err := json.Unmarshal([]byte(lines[1]), &r); err != nil {
		t.Fatal(err)
	}
	if r.Amount != "12.345" || r.Currency != "KWD" || r.Provider != "wise" || r.Kind != "received" || !r.Trusted || r.File != files[1] {
		t.Errorf("record %+v", r)
	}
	if err := json.Unmarshal([]byte(lines[2]), &r); err != nil {
		t.Fatal(err)
	}
	if r.Provider != "unknown" || r.Kind != "not_payment" || r.Trusted || !strings.HasPrefix(r.Why, "not read:") || r.Amount != "" {
		t.Errorf("missing file record %+v", r)
	}
	// standard input
	out.Reset()
	if err := (&Parser{}).ParseFiles([]string{"-"}, bytes.NewReader(readFixture(t, "venmo_received.eml")), &out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), `"amount":"45.00"`) || !strings.Contains(out.String(), `"file":"-"`) {
		t.Errorf("stdin: %s", out.String())
	}
}
