package data

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// currencyDecimals lists the ISO 4217 currencies Duebook knows, with their minor-unit digits.
var currencyDecimals = map[string]int{
	"USD": 2, "EUR": 2, "GBP": 2, "CAD": 2, "AUD": 2, "NZD": 2, "CHF": 2, "SEK": 2, "NOK": 2,
	"DKK": 2, "PLN": 2, "CZK": 2, "HUF": 2, "RON": 2, "BGN": 2, "MXN": 2, "BRL": 2, "ZAR": 2,
	"INR": 2, "SGD": 2, "HKD": 2, "CNY": 2, "ILS": 2, "TRY": 2, "AED": 2, "SAR": 2, "PHP": 2,
	"THB": 2, "MYR": 2, "IDR": 2, "COP": 2, "ARS": 2, "PEN": 2, "EGP": 2, "NGN": 2, "KES": 2,
	"JPY": 0, "KRW": 0, "ISK": 0, "CLP": 0, "VND": 0, "XAF": 0, "XOF": 0, "PYG": 0, "UGX": 0,
	"KWD": 3, "BHD": 3, "OMR": 3, "JOD": 3, "TND": 3, "LYD": 3, "IQD": 3,
}

// CurrencyDecimals returns the number of minor-unit digits of an ISO 4217 code.
func CurrencyDecimals(code string) (int, bool) {
	d, ok := currencyDecimals[code]
	return d, ok
}

// ValidCurrency reports whether code is a known ISO 4217 currency.
func ValidCurrency(code string) bool {
	_, ok := currencyDecimals[code]
	return ok
}

// Money is an amount in minor units of a currency.
type Money struct {
	Amount   int64
	Currency string
}

func (m Money) String() string { return FormatAmount(m.Amount, m.Currency) + " " + m.Currency }

var pow10 = [...]int64{1, 10, 100, 1000, 10000}

// decimalCommaCurrencies are the 2-decimal currencies usually written "1.234,56".
var decimalCommaCurrencies = map[string]bool{
	"EUR": true, "SEK": true, "NOK": true, "DKK": true, "PLN": true, "CZK": true, "HUF": true, "RON": true,
	"BGN": true, "BRL": true, "ARS": true, "COP": true, "IDR": true, "TRY": true,
}

// decimalMark is the usual decimal separator of a currency's amounts.
func decimalMark(currency string) byte {
	if decimalCommaCurrencies[currency] {
		return ','
	}
	return '.'
}

// ParseAmount reads a decimal amount in either "1,234.56" or "1.234,56" style (also
// "1 234,56", "1'234.56", a leading sign, a currency symbol or code) into minor units of
// currency. Text, too many decimals, an ambiguous separator and an amount above MaxAmount
// are refused. A lone separator followed by three digits groups thousands ("1,234" USD,
// "1.234" EUR, "¥5,000"), is the decimal point in a 3-decimal currency ("12.345" KWD), and
// is ambiguous when it is the usual decimal mark of a 2-decimal currency ("12.345" USD,
// "1,234" EUR: three decimals typed by mistake, or thousands in the other style?).
func ParseAmount(s, currency string) (int64, error) {
	dec, ok := CurrencyDecimals(currency)
	if !ok {
		return 0, fmt.Errorf("unknown currency %q", currency)
	}
	t := strings.TrimSpace(s)
	if t == "" {
		return 0, fmt.Errorf("is empty")
	}
	neg := false
	// strip currency code or symbol around the number
	t = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(t, currency), currency))
	for _, sym := range []string{"US$", "CA$", "A$", "$", "€", "£", "¥", "₹", "₩", "kr", "Fr."} {
		t = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(t, sym), sym))
	}
	if strings.HasPrefix(t, "(") && strings.HasSuffix(t, ")") {
		neg, t = true, t[1:len(t)-1]
	}
	if strings.HasPrefix(t, "-") {
		neg, t = !neg, strings.TrimSpace(t[1:])
	} else if strings.HasPrefix(t, "+") {
		t = strings.TrimSpace(t[1:])
	}
	for _, sym := range []string{"$", "€", "£", "¥"} {
		t = strings.TrimSpace(strings.TrimPrefix(t, sym))
	}
	if t == "" {
		return 0, fmt.Errorf("%q is not an amount", s)
	}
	for _, r := range t {
		if !(r >= '0' && r <= '9' || r == '.' || r == ',' || r == ' ' || r == '\'' || r == '\u00a0' || r == '\u202f') {
			return 0, fmt.Errorf("%q is not an amount", s)
		}
	}
	// Decide which of '.' and ',' is the decimal separator.
	lastDot, lastComma := strings.LastIndex(t, "."), strings.LastIndex(t, ",")
	decSep := byte(0)
	switch {
	case lastDot >= 0 && lastComma >= 0:
		if lastDot > lastComma {
			decSep = '.'
		} else {
			decSep = ','
		}
	case lastDot >= 0 || lastComma >= 0:
		sep := byte('.')
		idx := lastDot
		if lastComma >= 0 {
			sep, idx = ',', lastComma
		}
		count := strings.Count(t, string(sep))
		digitsAfter := len(t) - idx - 1
		lead := strings.TrimSpace(t[:idx])
		switch {
		case count > 1: // "1.234.567": thousands separators
			decSep = 0
		case digitsAfter == 3 && dec != 3 && (lead == "" || lead == "0"):
			decSep = sep // "0.500": decimals (trailing zeros are dropped below)
		case digitsAfter == 3 && dec == 0:
			decSep = 0 // "¥5,000": a currency without decimals groups thousands
		case digitsAfter == 3 && dec == 2 && sep != decimalMark(currency):
			decSep = 0 // "1,234" in USD, "1.234" in EUR: the currency's own grouping
		case digitsAfter == 3 && dec == 2:
			// "12.345" in USD, "1,234" in EUR: the currency's decimal mark followed by three
			// digits is three decimals typed by mistake, or a thousands separator in the other
			// style. Both happen; refuse rather than guess.
			whole := strings.Map(func(r rune) rune {
				if r >= '0' && r <= '9' {
					return r
				}
				return -1
			}, t)
			return 0, fmt.Errorf("%q is ambiguous: %s has 2 decimals and %q may be the decimal point or separate thousands; write %s for the thousands, or at most 2 decimals",
				s, currency, string(sep), whole)
		default:
			decSep = sep
		}
	}
	var intPart, fracPart string
	if decSep != 0 {
		i := strings.LastIndexByte(t, decSep)
		intPart, fracPart = t[:i], t[i+1:]
	} else {
		intPart = t
	}
	if !validGrouping(intPart) {
		return 0, fmt.Errorf("%q is not an amount", s)
	}
	intDigits := strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		if r == '.' || r == ',' || r == ' ' || r == '\'' || r == '\u00a0' || r == '\u202f' {
			return -1
		}
		return r
	}, intPart)
	if strings.ContainsAny(fracPart, ".,' \u00a0") {
		return 0, fmt.Errorf("%q is not an amount", s)
	}
	if intDigits == "" && fracPart == "" {
		return 0, fmt.Errorf("%q is not an amount", s)
	}
	if len(fracPart) > dec {
		// allow trailing zeros beyond the currency precision ("5.00" JPY)
		if strings.Trim(fracPart[dec:], "0") != "" {
			return 0, fmt.Errorf("%q has more than %d decimals for %s", s, dec, currency)
		}
		fracPart = fracPart[:dec]
	}
	for len(fracPart) < dec {
		fracPart += "0"
	}
	var v int64
	for _, r := range intDigits + fracPart {
		d := int64(r - '0')
		if v > (math.MaxInt64-d)/10 {
			return 0, fmt.Errorf("%q is too large", s)
		}
		v = v*10 + d
	}
	if v > MaxAmount {
		return 0, fmt.Errorf("%q %s", s, tooLarge(currency))
	}
	if neg {
		v = -v
	}
	return v, nil
}

// FormatAmount writes minor units as "1,234.56" (grouped, the currency's decimals).
func FormatAmount(minor int64, currency string) string {
	return formatAmount(minor, currency, ",", ".")
}

// FormatAmountEU writes minor units as "1.234,56".
func FormatAmountEU(minor int64, currency string) string {
	return formatAmount(minor, currency, ".", ",")
}

// FormatPlain writes minor units as a plain decimal without grouping: "1234.56", "-5", "12.345".
func FormatPlain(minor int64, currency string) string {
	return formatAmount(minor, currency, "", ".")
}

func formatAmount(minor int64, currency, group, decimal string) string {
	dec, ok := CurrencyDecimals(currency)
	if !ok {
		dec = 2
	}
	var buf [48]byte
	return string(appendAmount(buf[:0], minor, dec, group, decimal))
}

// appendAmount appends minor units with dec decimals to b, built with strconv (an export
// formats millions of amounts straight into its line buffer).
func appendAmount(b []byte, minor int64, dec int, group, decimal string) []byte {
	neg := minor < 0
	u := uint64(minor)
	if neg {
		u = uint64(-(minor + 1)) + 1 // safe for MinInt64
	}
	p := uint64(pow10[dec])
	ip, fp := u/p, u%p
	var digits [20]byte
	is := strconv.AppendUint(digits[:0], ip, 10)
	if neg {
		b = append(b, '-')
	}
	if group != "" && len(is) > 3 {
		pre := len(is) % 3
		b = append(b, is[:pre]...)
		for i := pre; i < len(is); i += 3 {
			if i > 0 {
				b = append(b, group...)
			}
			b = append(b, is[i:i+3]...)
		}
	} else {
		b = append(b, is...)
	}
	if dec > 0 {
		b = append(b, decimal...)
		var fd [20]byte
		fs := strconv.AppendUint(fd[:0], fp, 10)
		for i := len(fs); i < dec; i++ {
			b = append(b, '0')
		}
		b = append(b, fs...)
	}
	return b
}

// MulDivRound returns a*b/c rounded half away from zero (c > 0). It is used for line totals
// (quantity in thousandths × unit price) and tax (net × rate in hundredths of a percent).
// ok is false on overflow.
func MulDivRound(a, b, c int64) (int64, bool) {
	if c <= 0 {
		return 0, false
	}
	neg := (a < 0) != (b < 0)
	ua, ub := abs64(a), abs64(b)
	hi, lo := mul64(ua, ub)
	if hi >= uint64(c) {
		return 0, false
	}
	q, r := div128(hi, lo, uint64(c))
	if 2*r >= uint64(c) {
		q++
	}
	if q > math.MaxInt64 {
		return 0, false
	}
	if neg {
		return -int64(q), true
	}
	return int64(q), true
}

func abs64(a int64) uint64 {
	if a < 0 {
		return uint64(-(a + 1)) + 1
	}
	return uint64(a)
}

// validGrouping accepts "1234", "1,234", "12 345 678": one kind of group separator, groups of three.
func validGrouping(s string) bool {
	var sep rune
	groups := []int{0}
	for _, r := range s {
		if r >= '0' && r <= '9' {
			groups[len(groups)-1]++
			continue
		}
		if sep != 0 && r != sep {
			return false
		}
		sep = r
		groups = append(groups, 0)
	}
	if len(groups) == 1 {
		return true
	}
	if groups[0] < 1 || groups[0] > 3 {
		return false
	}
	for _, g := range groups[1:] {
		if g != 3 {
			return false
		}
	}
	return true
}
