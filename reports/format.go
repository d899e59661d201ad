package reports

import (
	"fmt"
	"strconv"
	"strings"

	"duebook/data"
)

// How amounts, dates, quantities, rates and terms read on documents.

// Money formats an amount with its currency sign: "$1,234.56", "€1,234.56", "1,234 JPY"...
func Money(minor int64, currency string) string {
	s := data.FormatAmount(minor, currency)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	sign := ""
	if neg {
		sign = "-"
	}
	switch currency {
	case "USD":
		return sign + "$" + s
	case "EUR":
		return sign + "€" + s
	case "GBP":
		return sign + "£" + s
	}
	return sign + s + " " + currency
}

// DateText formats a date for documents: "30 Jun 2026" (unambiguous everywhere).
func DateText(d data.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.Format("02 Jan 2006")
}

// qtyText prints a quantity in thousandths without trailing zeros: 1500 → "1.5".
func qtyText(milli int64) string {
	s := strconv.FormatInt(milli/1000, 10)
	frac := milli % 1000
	if frac < 0 {
		frac = -frac
	}
	if frac != 0 {
		f := strings.TrimRight(fmt.Sprintf("%03d", frac), "0")
		s += "." + f
	}
	if milli < 0 && milli > -1000 {
		s = "-" + s
	}
	return s
}

// rateText prints a tax rate in hundredths of a percent: 825 → "8.25%".
func rateText(bp int64) string {
	s := strconv.FormatInt(bp/100, 10)
	if r := bp % 100; r != 0 {
		s += "." + strings.TrimRight(fmt.Sprintf("%02d", r), "0")
	}
	return s + "%"
}

// termsText is "Net 30" for 30 days, "Due on receipt" for 0.
func termsText(days int) string {
	if days <= 0 {
		return "Due on receipt"
	}
	return fmt.Sprintf("Net %d", days)
}
