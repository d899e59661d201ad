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
// Each entry is a registrable domain (its subdomains match too: ealerts.bankofamerica.com);
// a look-alike (bankofamerica-alerts.com, chase.com.evil.example) matches none.
//
// An entry with a "*" in its first label stands for a family of banks that each have their
// own domain: "sparkasse-*.de" is every sparkasse-NAME.de. It matches only a domain
// registered directly under the suffix whose name is the prefix then letters, digits and
// hyphens (mail.sparkasse-koelnbonn.de too; not sparkasse-koelnbonn.example,
// sparkasse-x.de.evil.example or a punycode name). The default list holds no family entry:
// anyone who registers an unused sparkasse-NAME.de and publishes DMARC for it would be
// trusted as a bank, and a forged payment is worse than a notice the owner accepts by hand.
// It names the largest Sparkassen exactly instead; an owner whose bank is missing adds its
// domain (Parser.BankDomains, parse-mail -banks).
var DefaultBankDomains = []string{
	// United States
	"chase.com", "bankofamerica.com", "wellsfargo.com", "citi.com", "citibank.com", "usbank.com",
	"capitalone.com", "pnc.com", "truist.com", "tdbank.com", "ally.com", "schwab.com",
	"navyfederal.org", "usaa.com", "fifththird.com", "key.com", "citizensbank.com", "mercury.com",
	"regions.com", "huntington.com", "mtb.com", "santanderbank.com", "comerica.com", "zionsbank.com",
	"discover.com", "firstcitizens.com", "penfed.org", "becu.org", "axosbank.com",
	// Canada
	"rbc.com", "td.com", "scotiabank.com", "bmo.com", "cibc.com", "desjardins.com", "nbc.ca", "bnc.ca", "tangerine.ca",
	"atb.com", "laurentianbank.ca", "banquelaurentienne.ca", "hsbc.ca", "eqbank.ca", "simplii.com", "vancity.com",
	// United Kingdom and Ireland
	"hsbc.com", "hsbc.co.uk", "barclays.co.uk", "barclays.com", "lloydsbank.co.uk", "natwest.com",
	"santander.co.uk", "nationwide.co.uk", "monzo.com", "starlingbank.com", "metrobankonline.co.uk", "tsb.co.uk", "rbs.co.uk",
	"halifax.co.uk", "bankofscotland.co.uk", "firstdirect.com", "virginmoney.com", "co-operativebank.co.uk", "tide.co",
	"coutts.com", "ulsterbank.co.uk", "aib.ie", "bankofireland.com", "ptsb.ie",
	// Germany and Austria
	"ing.com", "ing.de", "db.com", "deutsche-bank.de", "commerzbank.de", "commerzbank.com",
	"sparkasse.de", "haspa.de", "berliner-sparkasse.de", "sparkasse-koelnbonn.de", "ksk-koeln.de", "sparkasse-hannover.de",
	"sskm.de", "frankfurter-sparkasse.de", "naspa.de", "sparkasse-bremen.de", "sparkasse-nuernberg.de", "sparkasse-aachen.de",
	"sparkasse-dortmund.de", "sparkasse-essen.de", "sparkasse-leipzig.de", "sparkasse-duisburg.de", "sskduesseldorf.de",
	"kreissparkasse-ludwigsburg.de", "ksk-ludwigsburg.de", "sparkasse-heidelberg.de", "sparkasse-bochum.de",
	"dkb.de", "postbank.de", "comdirect.de", "hypovereinsbank.de", "volksbank.de", "vr.de", "targobank.de", "consorsbank.de",
	"norisbank.de", "santander.de", "gls.de", "apobank.de", "lbbw.de", "bw-bank.de",
	"ing.at", "erstebank.at", "sparkasse.at", "bawag.at", "raiffeisen.at", "bankaustria.at", "oberbank.at",
	// France, Belgium, the Netherlands, Switzerland, Italy, Portugal
	"bnpparibas", "bnpparibas.com", "bnpparibas.fr", "mabanque.bnpparibas", "credit-agricole.fr", "societegenerale.fr", "societegenerale.com", "lcl.fr",
	"labanquepostale.fr", "creditmutuel.fr", "banquepopulaire.fr", "caisse-epargne.fr", "boursorama.fr",
	"cic.fr", "bred.fr", "hsbc.fr", "hellobank.fr", "fortuneo.fr", "shine.fr", "qonto.com",
	"abnamro.nl", "abnamro.com", "rabobank.nl", "rabobank.com", "ing.nl", "bunq.com", "triodos.nl", "asnbank.nl", "snsbank.nl", "knab.nl",
	"ing.be", "kbc.be", "cbc.be", "belfius.be", "bnpparibasfortis.be", "argenta.be", "keytradebank.be",
	"ubs.com", "credit-suisse.com", "postfinance.ch", "raiffeisen.ch", "zkb.ch", "bcv.ch", "bcge.ch", "lukb.ch", "migrosbank.ch", "valiant.ch",
	"intesasanpaolo.com", "unicredit.it", "bancobpm.it", "mps.it", "bper.it", "finecobank.com", "bnl.it", "credem.it", "posteitaliane.it",
	"cgd.pt", "millenniumbcp.pt", "novobanco.pt", "santander.pt", "bancobpi.pt",
	// Spain and Mexico
	"bancosantander.es", "santander.es", "gruposantander.es", "santander.com", "bbva.es", "bbva.com", "caixabank.es", "caixabank.com",
	"bankinter.com", "bancsabadell.com", "unicaja.es", "ing.es", "openbank.es", "kutxabank.es", "abanca.com", "ibercaja.es",
	"cajamar.es", "evobanco.com", "ruralvia.com", "bancamarch.es",
	"bbva.mx", "banorte.com", "santander.com.mx", "banamex.com", "hsbc.com.mx", "scotiabank.com.mx",
	// Australia and New Zealand
	"commbank.com.au", "westpac.com.au", "anz.com", "anz.com.au", "nab.com.au", "stgeorge.com.au", "bankwest.com.au",
	"macquarie.com.au", "ing.com.au", "suncorp.com.au", "bendigobank.com.au",
	"anz.co.nz", "asb.co.nz", "westpac.co.nz", "bnz.co.nz", "kiwibank.co.nz",
	// the Gulf
	"nbk.com", "kfh.com", "emiratesnbd.com", "adcb.com", "bankfab.com", "mashreqbank.com", "alrajhibank.com.sa",
	// banks and e-money institutions in several countries
	"revolut.com", "n26.com",
}

// withBankFamily adds to the bank list the registrable domain of fromDomain when it
// belongs to a family entry ("sparkasse-*.de"), so that the exact-domain rules (provider,
// trust, the payer's address not being the bank's) then hold for it.
func withBankFamily(fromDomain string, banks []string) []string {
	for _, e := range banks {
		if d, ok := familyDomain(fromDomain, e); ok {
			return append(banks[:len(banks):len(banks)], d)
		}
	}
	return banks
}

// familyDomain: domain is entry's family ("sparkasse-*.de": a label sparkasse-NAME directly
// under .de, NAME of letters, digits and inner hyphens, or a subdomain of it); it gives the
// registrable domain ("sparkasse-koelnbonn.de").
func familyDomain(domain, entry string) (string, bool) {
	entry = strings.ToLower(strings.TrimSpace(entry))
	star := strings.IndexByte(entry, '*')
	if star <= 0 {
		return "", false
	}
	pre, suf := entry[:star], entry[star+1:]
	if strings.Contains(pre, ".") || !strings.HasPrefix(suf, ".") || strings.Contains(suf, "*") || len(suf) < 3 {
		return "", false
	}
	domain = strings.TrimSuffix(strings.ToLower(domain), ".")
	rest, ok := strings.CutSuffix(domain, suf)
	if !ok {
		return "", false
	}
	label := rest[strings.LastIndexByte(rest, '.')+1:]
	name, ok := strings.CutPrefix(label, pre)
	if !ok || name == "" || strings.HasPrefix(label, "xn--") || strings.HasPrefix(name, "-") || strings.HasSuffix(name, "-") {
		return "", false
	}
	for i := 0; i < len(name); i++ {
		if c := name[i]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return "", false
		}
	}
	return label + suf, true
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

// europeanFrench: the sender is in a French-speaking country of Europe, where a "$" is
// not the Canadian dollar.
func europeanFrench(fromDomain string) bool {
	for _, tld := range []string{".fr", ".be", ".ch", ".lu", ".mc"} {
		if strings.HasSuffix(fromDomain, tld) {
			return true
		}
	}
	return false
}

func prefix(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n]
}
