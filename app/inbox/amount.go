package inbox

import (
	"regexp"
	"strings"

	"duebook/data"
)

// An amount in text is a number next to a currency marker: "$1,234.56", "1,234.56 USD",
// "1.234,56 €", "€1.234,56", "CA$ 50.00", "¥5,000", "KWD 12.345", "CHF 1'234.50",
// "$350.00 (CAD)". A bare number is never an amount. The number itself is read by
// data.ParseAmount (integer minor units; no floats anywhere).

// prefix symbols, longest first; "" currency means "the provider's dollar".
var prefixSymbols = []struct{ sym, cur string }{
	{"US$", "USD"}, {"CA$", "CAD"}, {"AU$", "AUD"}, {"NZ$", "NZD"}, {"HK$", "HKD"}, {"MX$", "MXN"},
	{"C$", "CAD"}, {"A$", "AUD"}, {"S$", "SGD"}, {"R$", "BRL"}, {"$", ""},
	{"€", "EUR"}, {"£", "GBP"}, {"¥", "JPY"}, {"￥", "JPY"}, {"₹", "INR"}, {"₩", "KRW"}, {"Fr.", "CHF"},
}

// suffix symbols: "1.386,50 €", "1 275,00 $" (French Canadian: the provider's dollar).
var suffixSymbols = map[string]string{"€": "EUR", "£": "GBP", "¥": "JPY", "円": "JPY", "₹": "INR", "zł": "PLN", "Kč": "CZK", "$": ""}

const (
	reNumTight = `\d{1,3}(?:[,.'’]\d{3})+(?:[.,]\d{1,3})?|\d+(?:[.,]\d{1,3})?`
	reNumLoose = `\d{1,3}(?:[,.'’ \x{a0}\x{202f}]\d{3})+(?:[.,]\d{1,3})?|\d+(?:[.,]\d{1,3})?`
	reSign     = `[-−–]?`
)

var (
	rePrefixSym = func() string {
		var alts []string
		for _, s := range prefixSymbols {
			alts = append(alts, regexp.QuoteMeta(s.sym))
		}
		return strings.Join(alts, "|")
	}()
	// 1: prefix symbol or code  2: number  3: code after
	amountPrefixRE = regexp.MustCompile(`(?:` + reSign + `(` + rePrefixSym + `|\b[A-Z]{3}\b)\s?` + reSign + `(` + reNumTight + `)(?:\s?\(?\b([A-Z]{3})\b\)?)?)`)
	// 1: number  2: suffix symbol or code  3: code after a symbol ("1 275,00 $ (CAD)")
	amountSuffixRE = regexp.MustCompile(`(?:\b(` + reNumLoose + `)[\s\x{a0}\x{202f}]?(€|£|¥|円|₹|zł|Kč|\$|\b[A-Z]{3}\b)(?:[\s\x{a0}\x{202f}]?\(?\b([A-Z]{3})\b\)?)?)`)
)

// amountHit is an amount found in text.
type amountHit struct {
	start, end int // byte offsets in the text searched
	minor      int64
	currency   string
	explicit   bool // the currency was written (code or unambiguous symbol), not guessed from "$"
	raw        string
}

// findAmounts finds every amount in s. dollar is the currency a bare "$" stands for.
func findAmounts(s, dollar string) []amountHit {
	if !hasDigit(s) || !mayHaveCurrency(s) {
		return nil
	}
	var hits []amountHit
	taken := func(a, b int) bool {
		for _, h := range hits {
			if a < h.end && b > h.start {
				return true
			}
		}
		return false
	}
	for _, m := range amountPrefixRE.FindAllStringSubmatchIndex(s, -1) {
		sym, num := s[m[2]:m[3]], s[m[4]:m[5]]
		code := ""
		if m[6] >= 0 {
			code = s[m[6]:m[7]]
		}
		cur, explicit := "", false
		for _, p := range prefixSymbols {
			if p.sym == sym {
				cur, explicit = p.cur, p.cur != ""
				break
			}
		}
		if cur == "" && !explicit && len(sym) == 3 && sym != "$" && isUpperCode(sym) {
			cur, explicit = sym, true
		}
		if code != "" && validCurrency(code) {
			if cur == "" || !explicit || cur == code {
				cur, explicit = code, true
			} else if sym != "" {
				// "$25.00 EUR": trust the code
				cur = code
			}
		}
		if cur == "" {
			cur = dollar
		}
		if !validCurrency(cur) || !digitBoundary(s, m[4], m[5]) {
			continue
		}
		v, err := data.ParseAmount(num, cur)
		if err != nil || v < 0 {
			continue
		}
		hits = append(hits, amountHit{start: m[0], end: m[1], minor: v, currency: cur, explicit: explicit, raw: s[m[0]:m[1]]})
	}
	for _, m := range amountSuffixRE.FindAllStringSubmatchIndex(s, -1) {
		if taken(m[0], m[1]) {
			continue
		}
		num, mark := s[m[2]:m[3]], s[m[4]:m[5]]
		cur, isSym := suffixSymbols[mark]
		explicit := true
		switch {
		case !isSym:
			cur = mark
		case m[6] >= 0 && validCurrency(s[m[6]:m[7]]) && (cur == "" || cur == s[m[6]:m[7]]):
			cur = s[m[6]:m[7]] // "1 275,00 $ (CAD)", "1.386,50 € EUR"
		case cur == "":
			cur, explicit = dollar, false
		}
		if !validCurrency(cur) || !digitBoundary(s, m[2], m[3]) {
			continue
		}
		v, err := data.ParseAmount(num, cur)
		if err != nil || v < 0 {
			continue
		}
		hits = append(hits, amountHit{start: m[0], end: m[1], minor: v, currency: cur, explicit: explicit, raw: s[m[0]:m[1]]})
	}
	// order by position
	for i := 1; i < len(hits); i++ {
		for j := i; j > 0 && hits[j].start < hits[j-1].start; j-- {
			hits[j], hits[j-1] = hits[j-1], hits[j]
		}
	}
	return hits
}

// mayHaveCurrency: s has a currency symbol ($, or any non-ASCII byte: €, £, ¥, ...), "Fr."
// or three capital letters in a row (an ISO code). Lines without are not searched.
func mayHaveCurrency(s string) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '$' || c >= 0x80:
			return true
		case c >= 'A' && c <= 'Z':
			run++
			if run == 3 {
				return true
			}
		default:
			run = 0
		}
	}
	return strings.Contains(s, "Fr.")
}

// digitBoundary: the number is not glued to more digits or letters ("A123", "12.345.6").
func digitBoundary(s string, a, b int) bool {
	if a > 0 {
		c := s[a-1]
		if c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c == '_' {
			return false
		}
	}
	if b < len(s) {
		c := s[b]
		if c >= '0' && c <= '9' || c == '_' {
			return false
		}
		if (c == '.' || c == ',') && b+1 < len(s) && s[b+1] >= '0' && s[b+1] <= '9' {
			return false
		}
	}
	return true
}

func isUpperCode(s string) bool {
	if len(s) != 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

func validCurrency(c string) bool {
	_, ok := data.CurrencyDecimals(c)
	return ok
}

// readAmounts picks the payment amount (subject first, then a labelled amount, then the
// first amount that is not a fee, balance or net), and fee and net when itemised.
func readAmounts(p *Parsed, lines []string, labels []label, dollar string) {
	explicit := false // the currency was written, not a "$" read as the default dollar
	set := func(h amountHit) {
		p.Amount, p.Currency, p.HasAmount, explicit = h.minor, h.currency, true, h.explicit
	}
	// a currency label ("Currency: CAD", "Devise : CAD", "Währung: EUR") says what a bare
	// "$" is, whatever the sender's default
	defer func() {
		if !p.HasAmount || explicit {
			return
		}
		if cur := labelledCurrency(labels); cur != "" {
			if v, err := data.ParseAmount(data.FormatPlain(p.Amount, p.Currency), cur); err == nil {
				p.Amount, p.Currency = v, cur
			}
		}
	}()
	if hs := findAmounts(p.Subject, dollar); len(hs) > 0 {
		set(hs[0])
	}
	for _, l := range labels {
		if l.kind != "amount" && l.kind != "fee" && l.kind != "net" {
			continue
		}
		hs := findAmounts(l.value, dollar)
		if len(hs) == 0 {
			continue
		}
		switch {
		case l.kind == "fee":
			if p.Fee == 0 {
				p.Fee = hs[0].minor
			}
		case l.kind == "net":
			if p.Net == 0 {
				p.Net = hs[0].minor
			}
		case l.kind == "amount":
			if !p.HasAmount {
				set(hs[0])
			} else if hs[0].explicit && hs[0].minor == p.Amount && !strings.EqualFold(hs[0].currency, p.Currency) {
				// subject "$25.00", body "25.00 CAD": the body names the currency
				p.Currency, explicit = hs[0].currency, true
			}
		}
	}
	if p.HasAmount {
		return
	}
	for i, l := range lines {
		if i > 200 {
			break
		}
		if !hasDigit(l) {
			continue
		}
		hs := findAmounts(l, dollar)
		if len(hs) == 0 {
			continue
		}
		ctx := strings.ToLower(l[:hs[0].start])
		if strings.TrimSpace(ctx) == "" && i > 0 {
			ctx = strings.ToLower(lines[i-1])
		}
		if skipAmountContext.MatchString(ctx) {
			continue
		}
		set(hs[0])
		return
	}
}

// labelledCurrency gives the ISO code a currency label names ("Currency: CAD", "Devise :
// dollar canadien (CAD)"), or "" when none does or two labels disagree.
func labelledCurrency(ls []label) string {
	cur := ""
	for _, l := range ls {
		if l.kind != "currency" {
			continue
		}
		c := ""
		for _, w := range strings.FieldsFunc(l.value, func(r rune) bool { return !(r >= 'A' && r <= 'Z') }) {
			if len(w) == 3 && validCurrency(w) {
				c = w
				break
			}
		}
		switch {
		case c == "":
		case cur == "":
			cur = c
		case cur != c:
			return "" // two currencies named: not guessed
		}
	}
	return cur
}

var skipAmountContext = regexp.MustCompile(`\bfees?\b|\bnet\b|\bbalance\b|\bavailable\b|\blimit\b|\bsave\b|\bup to\b|\bminimum\b|\bprevious\b`)
