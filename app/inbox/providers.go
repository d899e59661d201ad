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

// ProviderDomains lists the domains each provider sends its notices from. A From domain
// matches a listed domain exactly or as a subdomain (messaging.squareup.com).
// Zelle notices come from the customer's bank: Zelle's list is the bank list plus these.
var ProviderDomains = map[Provider][]string{
	PayPal: {"paypal.com", "paypal.co.uk", "paypal.ca", "paypal.de", "paypal.fr", "paypal.com.au", "paypal.es", "paypal.it", "paypal.nl",
		"paypal.at", "paypal.ch", "paypal.be", "paypal.ie", "paypal.pt", "paypal.pl", "paypal.com.mx", "paypal.com.br"},
	Stripe:  {"stripe.com"},
	Square:  {"squareup.com", "square.com", "squareup.ca", "squareup.co.uk", "squareup.com.au", "squareup.ie", "squareup.fr", "squareup.es", "squareup.jp"},
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
	"nationwide.co.uk", "monzo.com", "starlingbank.com", "metrobankonline.co.uk", "tsb.co.uk", "rbs.co.uk",
	"sparkasse.de", "dkb.de", "postbank.de", "comdirect.de", "hypovereinsbank.de", "volksbank.de", "ing.at", "erstebank.at",
	"bnpparibas", "bnpparibas.fr", "mabanque.bnpparibas", "credit-agricole.fr", "societegenerale.fr", "lcl.fr",
	"labanquepostale.fr", "creditmutuel.fr", "banquepopulaire.fr", "caisse-epargne.fr", "boursorama.fr",
	"bancosantander.es", "santander.es", "bbva.es", "bbva.com", "caixabank.es", "caixabank.com", "bankinter.com",
	"bancsabadell.com", "unicaja.es", "ing.es",
	"abnamro.nl", "rabobank.nl", "bunq.com", "ing.be", "kbc.be", "belfius.be",
	"postfinance.ch", "raiffeisen.ch", "credit-suisse.com", "zkb.ch",
	"intesasanpaolo.com", "unicredit.it", "bancobpm.it",
	"commbank.com.au", "westpac.com.au", "anz.com", "nab.com.au",
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
// It is matched against folded text (lower case, no accents).
var bankPattern = regexp.MustCompile(`\bincoming (?:wire|credit|payment|transfer|sepa|ach)\b|\bcredit transfer\b|\bwire transfer\b|\bach credit\b|\bdirect deposit\b|\bremittance information\b|\bordering party\b|\boriginator\b|\bhas been credited\b|\bcredited to your account\b|\bfaster payments?\b|\bpaid into your account\b|` +
	`\bgutschrift auf (?:ihr|dein)(?:em)? konto\b|\bkontogutschrift\b|\buberweisung eingegangen\b|\bzahlungseingang\b|\bauftraggeber\b|\bverwendungszweck\b|\bvirement (?:recu|entrant|sepa)\b|\bdonneur d'ordre\b|\bcredite sur votre compte\b|` +
	`\btransferencia recibida\b|\bhas recibido una transferencia\b|\bordenante\b|\bbonifico (?:ricevuto|in entrata)\b|\bordinante\b|\bbijschrijving\b|\bbijgeschreven\b`)

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
	if bankPattern.MatchString(fold(head)) {
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

func prefix(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n]
}
