package data

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// DateLayout turns a date format ("MM/DD/YYYY" or a Go layout "01/02/2006") into a Go layout.
func DateLayout(format string) (string, error) {
	f := strings.TrimSpace(format)
	if f == "" {
		return "", nil
	}
	layout := f
	if !strings.Contains(f, "2006") && !strings.Contains(f, "06") {
		u := strings.ToUpper(f)
		r := strings.NewReplacer("YYYY", "2006", "YY", "06", "MM", "01", "DD", "02", "M", "1", "D", "2")
		layout = r.Replace(u)
	}
	probe := NewDate(2031, time.November, 27)
	back, err := time.Parse(layout, probe.Format(layout))
	if err != nil || !DateOf(back).Equal(probe) {
		return "", fieldErr("date_format", fmt.Sprintf("%q is not a date format (examples: 01/02/2006 or MM/DD/YYYY, 02.01.2006 or DD.MM.YYYY)", format))
	}
	return layout, nil
}

// parseCellDate reads YYYY-MM-DD (also with a time after it, as spreadsheets write) or the
// layout. A date outside the years MinYear..MaxYear is refused, never replaced.
func parseCellDate(s, layout string) (Date, error) {
	d, err := parseCellDateAny(s, layout)
	if err != nil {
		return d, err
	}
	if d.Year() < MinYear || d.Year() > MaxYear {
		return Date{}, fmt.Errorf("%q is not a plausible date (the year must be between %d and %d)", s, MinYear, MaxYear)
	}
	return d, nil
}

func parseCellDateAny(s, layout string) (Date, error) {
	if d, err := ParseDate(s); err == nil {
		return d, nil
	}
	if len(s) > 10 && (s[10] == ' ' || s[10] == 'T') {
		if d, err := ParseDate(s[:10]); err == nil {
			return d, nil
		}
	}
	if layout != "" {
		if t, err := time.Parse(layout, s); err == nil {
			return DateOf(t), nil
		}
		return Date{}, fmt.Errorf("%q is not a date in the format %s (or YYYY-MM-DD)", s, layout)
	}
	return Date{}, fmt.Errorf("%q is not a date in the form YYYY-MM-DD (give the date format for other forms, e.g. 01/02/2006)", s)
}

// termsRE is "30", "30 days", "Net 30", "N30", "net 30 days", "2/10 net 30", "2% 10 Net 30".
var termsRE = regexp.MustCompile(`^(?:\d{1,2}(?:[.,]\d+)?\s*%?\s*[/ ]\s*\d{1,3}\s*,?\s*)?(?:net\s*|n)?(\d{1,6})(?:\s*days?)?(?:\s+net)?$`)

// receiptTerms are the words for terms of 0 days.
var receiptTerms = map[string]bool{"due on receipt": true, "on receipt": true, "receipt": true, "upon receipt": true,
	"due upon receipt": true, "cod": true, "c.o.d.": true, "c.o.d": true, "immediate": true, "immediately": true,
	"due immediately": true, "cash": true, "prepaid": true}

// parseTerms reads payment terms: a whole number of days from 0 to 365 ("30", "Net 30",
// "30 days", "2/10 net 30") or "Due on receipt". Anything else, a negative number and text
// around the terms ("Net 30 (was 2/10)") are refused: which number was meant is a guess.
func parseTerms(s string) (int, error) {
	l := strings.Join(strings.Fields(strings.ToLower(s)), " ")
	if receiptTerms[l] {
		return 0, nil
	}
	if strings.HasPrefix(l, "-") {
		return 0, fmt.Errorf("%q is negative; payment terms are 0 to 365 days", s)
	}
	m := termsRE.FindStringSubmatch(l)
	if m == nil {
		return 0, fmt.Errorf("%q is not payment terms (days, e.g. 30 or Net 30; also 2/10 net 30 or due on receipt)", s)
	}
	n, err := strconv.Atoi(m[1])
	if err != nil || n > 365 {
		return 0, fmt.Errorf("%q is more than 365 days", s)
	}
	return n, nil
}

func parseChannel(s string) (Channel, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "email", "e-mail", "mail (email)":
		return ChannelEmail, nil
	case "mail", "post", "letter", "postal", "postal mail":
		return ChannelMail, nil
	case "phone", "call", "telephone", "tel":
		return ChannelPhone, nil
	}
	return "", fmt.Errorf("%q is not email, mail or phone", s)
}

func parseBool(s string) (bool, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "no", "n", "false", "0", "off":
		return false, nil
	case "yes", "y", "true", "1", "x", "on", "hold":
		return true, nil
	}
	return false, fmt.Errorf("%q is not yes or no", s)
}

func splitEmails(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == ',' || unicode.IsSpace(r) })
}
