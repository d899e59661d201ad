package data

import (
	"errors"
	"fmt"
	"strings"
)

// Bounds on amounts, so that no sum Duebook computes over a company can overflow int64
// (2^63 − 1 ≈ 9.2 × 10^18 minor units):
//
//   - MaxAmount (10^13 minor units: 100,000,000,000.00 in a 2-decimal currency) is the most
//     any one amount may be: a unit price, a line's net and tax, an invoice's subtotal, tax
//     and total, a payment, a credit note, a write-off, a credit limit. Credit notes,
//     write-offs and allocations are already bounded by the invoice or payment they touch.
//   - MaxInvoiceLines (10,000) lines an invoice may have, so the sum of its lines in any
//     order stays below 10^17.
//   - MaxCompanyTotal (10^15 minor units: 10,000,000,000,000.00) is the ceiling of the sum
//     of the totals of all the company's invoices (drafts and void ones included: their rows
//     stay in the file), and separately of the sum of all its payments. Every open balance,
//     allocation, credit, write-off, aging bucket and monthly figure is a part of one of
//     these two sums, so every SUM over the ledger, and invoiced + collected together, stays
//     below 2 × 10^15; a sum weighted by at most 3,650 days stays below 7.3 × 10^18. Ratios
//     (× 10,000 basis points, × 90 days) are taken with MulDivRound, which is exact in 128 bits.
//
// Writes that would pass a bound are refused in their own transaction with a message naming
// the field; Check reports a file that is over them (an old file, or one edited outside).
const (
	MaxAmount       int64 = 10_000_000_000_000
	MaxCompanyTotal int64 = 1_000_000_000_000_000
	MaxInvoiceLines       = 10_000
)

// MinYear and MaxYear bound the dates Duebook accepts: a year outside them is a typo or a
// spreadsheet's empty date ("0001-01-01", "1899-12-30"), never a real invoice.
const (
	MinYear = 1900
	MaxYear = 2200
)

// tooLarge is the message for an amount above MaxAmount.
func tooLarge(currency string) string {
	return fmt.Sprintf("is more than %s, the largest amount Duebook records", FormatAmount(MaxAmount, currency))
}

// checkAmount refuses an amount whose size is above MaxAmount.
func checkAmount(v *ValidationErrors, field string, amount int64, currency string) {
	if amount > MaxAmount || amount < -MaxAmount {
		v.add(field, tooLarge(currency))
	}
}

// checkYear refuses a date outside MinYear..MaxYear (the zero date is left to "is required").
func checkYear(v *ValidationErrors, field string, d Date) {
	if err := PlausibleDate(d); err != nil && !d.IsZero() {
		v.add(field, err.Error())
	}
}

// PlausibleDate refuses the zero date and a date outside the years MinYear..MaxYear.
func PlausibleDate(d Date) error {
	if d.IsZero() || d.Year() < MinYear || d.Year() > MaxYear {
		return fmt.Errorf("%s is not a plausible date (the year must be between %d and %d)", dateText(d), MinYear, MaxYear)
	}
	return nil
}

func dateText(d Date) string {
	if d.IsZero() {
		return "0001-01-01"
	}
	return d.String()
}

// isOverflow tells a SUM that overflowed (a file over the bounds, written outside Duebook).
func isOverflow(err error) bool {
	return err != nil && strings.Contains(err.Error(), "integer overflow")
}

// ErrOverBounds is what a report says instead of SQLite's "integer overflow": the file holds
// amounts no Duebook writes (see MaxCompanyTotal).
var ErrOverBounds = errors.New("the company file holds amounts over Duebook's bounds, so their sum cannot be computed; run duebook check to see which")

// ExplainOverflow turns an integer overflow from a sum into ErrOverBounds; other errors pass.
func ExplainOverflow(err error) error {
	if isOverflow(err) {
		return ErrOverBounds
	}
	return err
}

// ceilingErr says that adding would take a company sum (invoices or payments) over MaxCompanyTotal.
func ceilingErr(field, what string, sum, adding int64, currency string) error {
	if adding <= 0 || sum <= MaxCompanyTotal-adding {
		return nil
	}
	return fieldErr(field, fmt.Sprintf("would bring the company's %s to more than %s in all, the most one company file holds",
		what, FormatAmount(MaxCompanyTotal, currency)))
}
