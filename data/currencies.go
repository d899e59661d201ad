package data

import (
	"context"
	"sort"
)

// InvoiceCurrencies lists the currencies of the invoices posted on or before asOf (the zero
// date: all), sorted. A company may bill in several; a report in one currency uses it to say
// which others hold receivables instead of leaving them out without a word.
//
// It seeks invoices_currency (currency, issue_date) once per currency rather than reading
// every invoice: within a currency the earliest issue date comes first, so each step stops
// at that currency's first invoice issued by asOf.
func (s *Store) InvoiceCurrencies(ctx context.Context, asOf Date) ([]string, error) {
	last := "9999-12-31"
	if !asOf.IsZero() {
		last = asOf.String()
	}
	out, err := queryAll(ctx, s.r, invoiceCurrenciesQuery, func(sc scanner) (c string, err error) {
		err = sc.Scan(&c)
		return c, err
	}, last)
	sort.Strings(out)
	return out, err
}

// invoiceCurrenciesQuery lists the currencies of non-draft invoices issued on or before ?1.
const invoiceCurrenciesQuery = `WITH RECURSIVE c(cur) AS (
		SELECT (SELECT min(currency) FROM invoices WHERE status <> 'draft' AND issue_date <= ?1)
		UNION ALL
		SELECT (SELECT min(currency) FROM invoices WHERE status <> 'draft' AND currency > c.cur AND issue_date <= ?1)
		  FROM c WHERE c.cur IS NOT NULL)
		SELECT cur FROM c WHERE cur IS NOT NULL`
