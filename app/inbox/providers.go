package inbox

import (
	"regexp"
	"strings"
)

// Provider is who sent a payment notice.
type Provider string

// The providers the reader knows.
const (
	PayPal  Provider = "paypal"
	Stripe  Provider = "stripe"
	Square  Provider = "square"
	Wise    Provider = "wise"
	Interac Provider = "interac"
	Zelle   Provider = "zelle"
	Venmo   Provider = "venmo"
	Bank    Provider = "bank"
	Unknown Provider = "unknown"
)

// Name is the provider's name as people write it.
func (p Provider) Name() string {
	switch p {
	case PayPal:
		return "PayPal"
	case Stripe:
		return "Stripe"
	case Square:
		return "Square"
	case Wise:
		return "Wise"
	case Interac:
		return "Interac"
	case Zelle:
		return "Zelle"
	case Venmo:
		return "Venmo"
	case Bank:
		return "the bank"
	}
	return "unknown"
}

// Kind is what a message says happened to money.
type Kind string

// Kinds of message. Only KindReceived is money coming in.
const (
	KindReceived   Kind = "received"
	KindSent       Kind = "sent"
	KindRefund     Kind = "refund"
	KindFailed     Kind = "failed"
	KindNotPayment Kind = "not_payment"
)

// ProviderDomains lists the domains each provider sends its notices from. A From domain
// matches a listed domain exactly or as a subdomain (messaging.squareup.com).
// Zelle notices come from the customer's bank: Zelle's list is the bank list plus these.
var ProviderDomains = map[Provider][]string{
	PayPal:  {"paypal.com", "paypal.co.uk", "paypal.ca", "paypal.de", "paypal.fr", "paypal.com.au", "paypal.es", "paypal.it", "paypal.nl"},
	Stripe:  {"stripe.com"},
	Square:  {"squareup.com", "square.com", "squareup.ca", "squareup.co.uk"},
	Wise:    {"wise.com", "transferwise.com"},
	Interac: {"payments.interac.ca", "interac.ca"},
	Zelle:   {"zellepay.com"},
	Venmo:   {"venmo.com"},
}

// DefaultBankDomains is the default list of bank domains whose notices (incoming
// transfers, Zelle alerts) are trusted when DMARC passes. Parser.BankDomains replaces it.
var DefaultBankDomains = []string{
	// United States
	"chase.com", "bankofamerica.com", "wellsfargo.com", "citi.com", "citibank.com", "usbank.com",
	"capitalone.com", "pnc.com", "truist.com", "tdbank.com", "ally.com", "schwab.com",
	"navyfederal.org", "usaa.com", "fifththird.com", "key.com", "citizensbank.com", "mercury.com",
	// Canada
	"rbc.com", "td.com", "scotiabank.com", "bmo.com", "cibc.com", "desjardins.com", "nbc.ca", "tangerine.ca",
	// Europe
	"hsbc.com", "hsbc.co.uk", "barclays.co.uk", "barclays.com", "lloydsbank.co.uk", "natwest.com",
	"santander.co.uk", "ing.com", "ing.de", "ing.nl", "db.com", "deutsche-bank.de", "commerzbank.de",
	"bnpparibas.com", "ubs.com", "revolut.com", "n26.com",
}

// canadianBanks: a bare "$" in their notices means CAD.
var canadianBanks = []string{"rbc.com", "td.com", "scotiabank.com", "bmo.com", "cibc.com", "desjardins.com", "nbc.ca", "tangerine.ca", "interac.ca"}

// brand patterns recognise a provider from the text (subject, display name, body) when the
// From domain is not one of its domains: that is how look-alikes are named and flagged.
var brandPatterns = []struct {
	p  Provider
	re *regexp.Regexp
}{
	{Interac, regexp.MustCompile(`(?i)\binterac\b`)},
	{Zelle, zelleRE},
	{Venmo, regexp.MustCompile(`(?i)\bvenmo\b`)},
	{PayPal, regexp.MustCompile(`(?i)\bpay ?pal\b`)},
	{Stripe, regexp.MustCompile(`(?i)\bstripe\b`)},
	{Square, regexp.MustCompile(`(?i)\bsquareup\b|\bsquare,? inc\b|\bsquare (?:seller|dashboard|point of sale|payments?)\b`)},
	{Wise, regexp.MustCompile(`(?i)\btransferwise\b|\bwise\.com\b|\bwise payments\b|\bthe wise team\b`)},
}

var zelleRE = regexp.MustCompile(`(?i)\bzelle\b`)

// displayBrand recognises a provider from the From display name alone ("Square", "Wise").
var displayBrand = []struct {
	p  Provider
	re *regexp.Regexp
}{
	{Square, regexp.MustCompile(`(?i)^square\b`)},
	{Wise, regexp.MustCompile(`(?i)^wise\b`)},
}

// bankPattern: text that reads like a bank's notice of an incoming transfer.
var bankPattern = regexp.MustCompile(`(?i)\bincoming (?:wire|credit|payment|transfer|sepa|ach)\b|\bcredit transfer\b|\bwire transfer\b|\bach credit\b|\bdirect deposit\b|\bremittance information\b|\bordering party\b|\boriginator\b|\bhas been credited\b|\bcredited to your account\b`)

// detectProvider decides the provider: by the From domain when it is on a list, else by
// what the message says. It also returns how it decided.
func detectProvider(fromDomain, display, subject, body string, banks []string) (Provider, string) {
	head := subject + "\n" + display + "\n" + prefix(body, 4000)
	if fromDomain != "" {
		for _, p := range []Provider{PayPal, Stripe, Square, Wise, Interac, Zelle, Venmo} {
			if d, ok := domainOnList(fromDomain, ProviderDomains[p]); ok {
				return p, "From domain " + fromDomain + " is " + p.Name() + "'s (" + d + ")"
			}
		}
		if _, ok := domainOnList(fromDomain, banks); ok {
			if zelleRE.MatchString(head) {
				return Zelle, "From domain " + fromDomain + " is a bank and the message is about Zelle"
			}
			return Bank, "From domain " + fromDomain + " is a bank"
		}
	}
	for _, b := range displayBrand {
		if b.re.MatchString(strings.TrimSpace(display)) {
			return b.p, "the sender calls itself " + b.p.Name()
		}
	}
	for _, b := range brandPatterns {
		if b.re.MatchString(head) {
			return b.p, "the message names " + b.p.Name()
		}
	}
	if bankPattern.MatchString(head) {
		return Bank, "the message reads like a bank transfer notice"
	}
	return Unknown, "no provider recognised"
}

// trustedDomains is the provider's domain list for the trust decision.
func trustedDomains(p Provider, banks []string) []string {
	switch p {
	case Bank:
		return banks
	case Zelle:
		return append(append([]string(nil), ProviderDomains[Zelle]...), banks...)
	}
	return ProviderDomains[p]
}

// defaultDollar gives the currency a bare "$" stands for.
func defaultDollar(p Provider, fromDomain string) string {
	if p == Interac {
		return "CAD"
	}
	if _, ok := domainOnList(fromDomain, canadianBanks); ok || strings.HasSuffix(fromDomain, ".ca") {
		return "CAD"
	}
	if strings.HasSuffix(fromDomain, ".com.au") {
		return "AUD"
	}
	return "USD"
}

// kindRule is a pattern saying what kind of message this is.
type kindRule struct {
	kind  Kind
	stems []string // every phrase of re contains one of these (lower case): a cheap pre-check
	re    *regexp.Regexp
	note  string // extra words for Why
}

var (
	failedStems   = []string{"fail", "declin", "could", "unsuccessful", "return", "revers", "cancel", "reject", "insufficient"}
	refundStems   = []string{"refund", "chargeback"}
	notPayStems   = []string{"payout", "statement", "request", "invoice"}
	sentStems     = []string{"sent", "paid", "payment", "transfer", "receipt", "authori"}
	receivedStems = []string{"got", "receiv", "sent", "paid", "money", "payment", "deposit", "credit", "incoming"}
)

func (r kindRule) find(s, lower string) string {
	if !containsAny(lower, r.stems) {
		return ""
	}
	return r.re.FindString(s)
}

// Kind rules, in priority order: a failed refund is failed, a refund "you sent" is a refund,
// a payout is not a customer payment, and only then sent before received ("your transfer to
// X was deposited" is money going out).
var subjectRules = []kindRule{
	{KindFailed, failedStems, regexp.MustCompile(`(?i)\bpayment (?:has )?failed\b|\bfailed\b|\bdeclined\b|\bunsuccessful\b|\bcould ?n[o']?t be (?:completed|processed|sent|delivered)\b|\b(?:was|has been|were) (?:returned|reversed|cancell?ed|rejected)\b|\b(?:payment|transfer) (?:was )?cancell?ed\b|\binsufficient funds\b`), ""},
	{KindRefund, refundStems, regexp.MustCompile(`(?i)\brefund(?:ed|s)?\b|\bchargeback\b`), ""},
	{KindNotPayment, notPayStems, regexp.MustCompile(`(?i)\bpayouts?\b|\bstatement is (?:ready|available)\b|\bmonthly statement\b|\bmoney request\b|\brequest(?:ed|s|ing)? (?:money|a payment|payment)\b|\bpayment request\b|\brequest for (?:money|payment)\b|\binvoice from\b|\bsent you an invoice\b`), "a payout, statement, request or bill, not a customer payment"},
	{KindSent, sentStems, regexp.MustCompile(`(?i)\byou(?:'ve| have)? (?:just )?sent\b|\byou(?:'ve| have)? paid\b|\bpayment sent\b|\bmoney sent\b|\byou made a payment\b|\byour (?:\S+ )?(?:payment|money transfer|transfer|e-transfer) (?:to|of)\b|\breceipt for your payment\b|\byou(?:'ve)? authori[sz]ed a payment\b`), ""},
	{KindReceived, receivedStems, regexp.MustCompile(`(?i)\byou(?:'ve| have)? got (?:money|paid)\b|\byou(?:'ve| have)? received\b|\breceived (?:a |your )?(?:payment|money)\b|\bpayment received\b|\bmoney received\b|\bfunds received\b|\bsent you\b|\bpaid you\b|\bmoney is in your account\b|\bpayment of .{1,40}? from\b|\bnew payment\b|\bpayment (?:succeeded|successful|complete[d]?)\b|\bdeposited\b|\bhas been credited\b|\bincoming (?:wire|credit|payment|transfer|sepa|ach)\b|\bcredit transfer\b|\bdirect deposit\b|\bpayment from\b`), ""},
}

// bodyRules are the same kinds with phrases safe to look for in a body, where footers say
// things like "refund policy" or "if you did not make this payment".
var bodyRules = []kindRule{
	{KindFailed, failedStems, regexp.MustCompile(`(?i)\bpayment (?:has )?failed\b|\b(?:was|has been) declined\b|\bcould ?n[o']?t be (?:completed|processed)\b|\bwas unsuccessful\b|\b(?:was|has been) (?:returned|reversed|cancell?ed|rejected)\b|\binsufficient funds\b`), ""},
	{KindRefund, refundStems, regexp.MustCompile(`(?i)\b(?:issued|sent|processed) a refund\b|\brefund (?:of|issued|for|to|processed|amount)\b|\bhas been refunded\b|\bwas refunded\b|\byou refunded\b`), ""},
	{KindNotPayment, notPayStems, regexp.MustCompile(`(?i)\byour payout\b|\bpayout (?:of|amount|to)\b|\bmoney request\b|\brequested (?:money|a payment)\b|\bsent you an invoice\b`), "a payout, request or bill, not a customer payment"},
	{KindSent, sentStems, regexp.MustCompile(`(?i)\byou(?:'ve| have)? (?:just )?sent\b|\byou(?:'ve| have)? paid\b|\bpayment sent\b|\byou made a payment\b|\byour (?:\S+ )?(?:payment|money transfer|transfer|e-transfer) (?:to|of)\b`), ""},
	{KindReceived, receivedStems, subjectRules[4].re, ""},
}

// classify decides the kind: from the subject if it says, else from the first line of the
// body that says anything (headline first, footers last).
func classify(subject string, b body, bulk bool) (Kind, string) {
	lowerSubject := asciiLower(subject)
	for _, r := range subjectRules {
		if m := r.find(subject, lowerSubject); m != "" {
			return r.kind, whyKind(r, "subject", m)
		}
	}
	if bulk {
		return KindNotPayment, "bulk mail (List-Unsubscribe/Precedence) whose subject names no payment"
	}
	for i, l := range b.lines {
		if !containsAny(b.lower[i], kindStems) {
			continue // no rule can match: skip the regexps
		}
		for _, r := range bodyRules {
			if m := r.find(l, b.lower[i]); m != "" {
				return r.kind, whyKind(r, "body", m)
			}
		}
	}
	return KindNotPayment, "no payment wording in subject or body"
}

// kindStems: every bodyRules phrase contains one of these (lower case).
var kindStems = []string{"fail", "declin", "could", "unsuccessful", "return", "revers", "cancel", "reject",
	"insufficient", "refund", "payout", "sent", "paid", "payment", "transfer", "receiv", "money", "deposit",
	"credit", "incoming"}

func whyKind(r kindRule, where, m string) string {
	s := where + " says \"" + strings.ToLower(m) + "\""
	if r.note != "" {
		s += " (" + r.note + ")"
	}
	return s
}

func prefix(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n]
}
