package data

import (
	"fmt"
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

// parseCellDate reads YYYY-MM-DD (also with a time after it, as spreadsheets write) or the layout.
func parseCellDate(s, layout string) (Date, error) {
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

// parseTerms reads payment terms: "30", "Net 30", "30 days", "2/10 net 30", "Due on receipt".
func parseTerms(s string) (int, error) {
	l := strings.ToLower(s)
	for _, w := range []string{"receipt", "cod", "c.o.d", "immediate", "cash", "prepaid"} {
		if strings.Contains(l, w) {
			return 0, nil
		}
	}
	last := -1
	for i := 0; i < len(l); {
		if l[i] < '0' || l[i] > '9' {
			i++
			continue
		}
		j := i
		for j < len(l) && l[j] >= '0' && l[j] <= '9' {
			j++
		}
		n, err := strconv.Atoi(l[i:j])
		if err == nil {
			last = n
		}
		i = j
	}
	if last < 0 {
		return 0, fmt.Errorf("%q is not payment terms (days, e.g. 30 or Net 30)", s)
	}
	return last, nil
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
