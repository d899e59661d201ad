package inbox

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"duebook/data"
)

// dateOrder says how to read an all-numeric date such as 03/04/2026.
type dateOrder int

const (
	orderUnknown    dateOrder = iota // no cue: 03/04/2026 is refused, 13/04/2026 is read
	orderDayFirst                    // 03/04/2026 is 3 April
	orderMonthFirst                  // 03/04/2026 is 4 March
)

// dayFirstCurrencies are written day first when the message is in English (British,
// Irish, Australian, ... notices). US dollars are month first; Canadian dollars either.
var dayFirstCurrencies = set("GBP", "EUR", "AUD", "NZD", "INR", "ZAR", "CHF", "SGD", "HKD", "IEP", "KWD", "AED", "SAR", "NOK", "SEK", "DKK", "PLN", "CZK", "BRL", "MXN", "JPY")

// numericDateOrder decides the order from the language (every language but English writes
// day first), then for English from the sender's country and the currency.
func numericDateOrder(lang *lexicon, currency, fromDomain string) dateOrder {
	lexiconsReady()
	if lang != nil && lang.code != "en" {
		return orderDayFirst
	}
	for _, tld := range []string{".uk", ".ie", ".au", ".nz", ".in", ".za"} {
		if strings.HasSuffix(fromDomain, tld) {
			return orderDayFirst
		}
	}
	switch {
	case currency == "USD":
		return orderMonthFirst
	case dayFirstCurrencies[currency]:
		return orderDayFirst
	}
	return orderUnknown
}

var (
	dateISORE = regexp.MustCompile(`\b(\d{4})-(\d{1,2})-(\d{1,2})\b`)
	// "Jan 14, 2026", "January 14th 2026"
	dateMDYRE *regexp.Regexp
	// "14 Jan 2026", "14. Januar 2026", "9 janvier 2026", "11 de enero de 2026", "1er février 2026"
	dateDMYRE *regexp.Regexp
	dateDotRE = regexp.MustCompile(`\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b`)
	// 02/09/2026, 23-02-2026, 2/9/26
	dateNumRE = regexp.MustCompile(`\b(\d{1,2})([/-])(\d{1,2})([/-])(\d{4}|\d{2})\b`)
)

// initDateREs is called by the lexicons' init (the month names come from them).
func initDateREs() {
	dateMDYRE = regexp.MustCompile(`\b` + monthAlt + `\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`)
	dateDMYRE = regexp.MustCompile(`\b(\d{1,2})(?:st|nd|rd|th|er|º|°)?\.?\s+(?:de\s+)?` + monthAlt + `\.?,?\s+(?:de\s+)?(\d{4})\b`)
}

// findDate reads the first date in s. An all-numeric date whose order is unknown and that
// reads two ways (03/04/2026) is not read.
func findDate(s string, order dateOrder) (data.Date, bool) {
	lexiconsReady()
	type cand struct {
		pos     int
		y, m, d int
	}
	if !mayHaveDate(s) {
		return data.Date{}, false
	}
	var best *cand
	consider := func(pos, y, m, d int) {
		if m < 1 || m > 12 || d < 1 || d > 31 || y < 1970 || y > 2200 {
			return
		}
		t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
		if t.Day() != d {
			return
		}
		if best == nil || pos < best.pos {
			best = &cand{pos, y, m, d}
		}
	}
	atoi := func(x string) int { n, _ := strconv.Atoi(x); return n }
	if m := dateISORE.FindStringSubmatchIndex(s); m != nil {
		consider(m[0], atoi(s[m[2]:m[3]]), atoi(s[m[4]:m[5]]), atoi(s[m[6]:m[7]]))
	}
	if f := fold(s); hasMonthWord(f) {
		if len(f) == len(s) { // positions agree (ASCII or same-length folding)
			if m := dateMDYRE.FindStringSubmatchIndex(f); m != nil {
				consider(m[0], atoi(f[m[6]:m[7]]), monthIndex[f[m[2]:m[3]]], atoi(f[m[4]:m[5]]))
			}
			if m := dateDMYRE.FindStringSubmatchIndex(f); m != nil {
				consider(m[0], atoi(f[m[6]:m[7]]), monthIndex[f[m[4]:m[5]]], atoi(f[m[2]:m[3]]))
			}
		} else {
			// folding changed the length: positions are only compared within f
			if m := dateMDYRE.FindStringSubmatchIndex(f); m != nil {
				consider(0, atoi(f[m[6]:m[7]]), monthIndex[f[m[2]:m[3]]], atoi(f[m[4]:m[5]]))
			} else if m := dateDMYRE.FindStringSubmatchIndex(f); m != nil {
				consider(0, atoi(f[m[6]:m[7]]), monthIndex[f[m[4]:m[5]]], atoi(f[m[2]:m[3]]))
			}
		}
	}
	if m := dateDotRE.FindStringSubmatchIndex(s); m != nil {
		consider(m[0], atoi(s[m[6]:m[7]]), atoi(s[m[4]:m[5]]), atoi(s[m[2]:m[3]]))
	}
	if m := dateNumRE.FindStringSubmatchIndex(s); m != nil && s[m[4]:m[5]] == s[m[8]:m[9]] {
		a, b, y := atoi(s[m[2]:m[3]]), atoi(s[m[6]:m[7]]), atoi(s[m[10]:m[11]])
		if y < 100 {
			y += 2000
		}
		switch {
		case a > 12 && b <= 12: // only day first reads
			a, b = b, a
		case b > 12 && a <= 12: // only month first reads
		case a == b:
		case order == orderDayFirst:
			a, b = b, a
		case order == orderMonthFirst:
		default:
			a = 0 // two readings and no cue: refused
		}
		consider(m[0], y, a, b)
	}
	if best == nil {
		return data.Date{}, false
	}
	return data.NewDate(best.y, time.Month(best.m), best.d), true
}

// hasMonthWord: the folded text has a word that is a month name or abbreviation.
func hasMonthWord(f string) bool {
	lexiconsReady()
	start := -1
	for i := 0; i <= len(f); i++ {
		letter := i < len(f) && (f[i] >= 'a' && f[i] <= 'z' || f[i] >= 0x80)
		switch {
		case letter && start < 0:
			start = i
		case !letter && start >= 0:
			if _, ok := monthIndex[f[start:i]]; ok {
				return true
			}
			start = -1
		}
	}
	return false
}

// dateIsAmbiguous: s holds an all-numeric date that reads two ways under order.
func dateIsAmbiguous(s string, order dateOrder) bool {
	if order != orderUnknown {
		return false
	}
	m := dateNumRE.FindStringSubmatch(s)
	if m == nil {
		return false
	}
	a, b := atoiSafe(m[1]), atoiSafe(m[3])
	return a != b && a >= 1 && a <= 12 && b >= 1 && b <= 12
}

func atoiSafe(s string) int { n, _ := strconv.Atoi(s); return n }

// paymentDate reads the payment date: the first labelled date that reads ("Transaction
// date:", "Buchungsdatum:", "Fecha valor:"), else the first date in a line that says what
// happened ("An ACH credit was posted on 02/13/2026", "crédité sur votre compte le
// 20/02/2026"). A date that reads two ways with no cue is not guessed: the result is zero
// and why says so (the caller then leaves the date empty).
func paymentDate(subject string, b body, ls []label, kindLines map[int]bool, order dateOrder) (data.Date, string) {
	ambiguous := ""
	for _, l := range ls {
		if l.kind != "date" {
			continue
		}
		if d, ok := findDate(l.value, order); ok {
			return d, ""
		}
		if dateIsAmbiguous(l.value, order) && ambiguous == "" {
			ambiguous = l.value
		}
	}
	if ambiguous != "" {
		return data.Date{}, "date \"" + clip(ambiguous, 40) + "\" reads two ways (day or month first): left empty"
	}
	for i := -1; i < len(b.lines) && i < 400; i++ {
		if !kindLines[i] {
			continue
		}
		s := subject
		if i >= 0 {
			s = b.lines[i]
		}
		if !hasDigit(s) {
			continue
		}
		s = beforeNotYet(s)
		if d, ok := findDate(s, order); ok {
			return d, ""
		}
		if dateIsAmbiguous(s, order) {
			return data.Date{}, "date in \"" + clip(s, 60) + "\" reads two ways (day or month first): left empty"
		}
	}
	return data.Date{}, ""
}

// beforeNotYet cuts a line at words saying the money is still to come ("It should arrive
// by March 24", "expire le 4 avril"): a date after them is when it may arrive or lapse,
// not when it was paid.
func beforeNotYet(s string) string {
	lexiconsReady()
	f := fold(s)
	loc := notYetRE.FindStringIndex(f)
	if a := arrivingRE.FindStringIndex(f); a != nil && (loc == nil || a[0] < loc[0]) {
		loc = a
	}
	switch {
	case loc == nil:
		return s
	case len(f) == len(s):
		return s[:loc[0]]
	}
	return "" // positions differ after folding: read nothing from this line
}

// mayHaveDate: s has four digits in a row (a year) or a digit, a / or - and a digit (a
// two-digit year): without, no date expression can match.
func mayHaveDate(s string) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= '0' && c <= '9' {
			run++
			if run == 4 {
				return true
			}
			continue
		}
		run = 0
		if (c == '/' || c == '-') && i > 0 && i+1 < len(s) && s[i-1] >= '0' && s[i-1] <= '9' && s[i+1] >= '0' && s[i+1] <= '9' {
			return true
		}
	}
	return false
}
