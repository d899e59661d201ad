package data

import (
	"context"
	"sort"
)

// InvoiceCurrencies lists the currencies of the invoices posted on or before asOf (the zero
// date: all), sorted. A company may bill in several; a report in one currency uses it to say
// which others hold receivables instead of leaving them out without a word.
func (s *Store) InvoiceCurrencies(ctx context.Context, asOf Date) ([]string, error) {
	q := `SELECT DISTINCT currency FROM invoices WHERE status <> 'draft'`
	var args []any
	if !asOf.IsZero() {
		q += ` AND issue_date <= ?`
		args = append(args, asOf)
	}
	out, err := queryAll(ctx, s.r, q, func(sc scanner) (c string, err error) {
		err = sc.Scan(&c)
		return c, err
	}, args...)
	sort.Strings(out)
	return out, err
}
