package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"duebook/data"
)

func init() {
	Register(Command{Name: "aging", Usage: "[-as-of DATE] [-format text|csv|json] [-currency CODE]",
		Summary: "aging per customer: current, 1-30, 31-60, 61-90, over 90, total", Run: runAging})
	Register(Command{Name: "check", Usage: "[-full]",
		Summary: "the file's pages, its ledger's invariants and the indexes reports read (-full: every index row by row): prints ok, or one line per violation and exits 1", Run: runCheck})
}

func runAging(env *Env, args []string) error {
	fs, db := env.Flags("aging")
	asOf := fs.String("as-of", "", "date YYYY-MM-DD (default today)")
	format := fs.String("format", "text", "text, csv or json")
	currency := fs.String("currency", "", "currency (default the company's)")
	if err := Parse(fs, args); err != nil {
		return err
	}
	switch *format {
	case "text", "csv", "json":
	default:
		return &ExitError{Code: 2, Msg: fmt.Sprintf("-format: %q is not text, csv or json", *format)}
	}
	day, err := env.DateFlag("as-of", *asOf)
	if err != nil {
		return err
	}
	cur, err := currencyFlag(*currency)
	if err != nil {
		return err
	}
	s, err := env.OpenReadOnly(*db)
	if err != nil {
		return err
	}
	defer s.Close()
	ctx := context.Background()
	ag, err := s.Aging(ctx, day, cur)
	if err != nil {
		return err
	}
	if err := WriteAging(env.Stdout, ag, *format); err != nil {
		return err
	}
	if cur != "" {
		return nil
	}
	// A company billing in several currencies: the text report shows each after the
	// company's; CSV and JSON hold one currency, and stderr says which others have receivables.
	others, err := otherCurrencyAgings(ctx, s, day, ag.Currency)
	if err != nil || len(others) == 0 {
		return err
	}
	if *format != "text" {
		fmt.Fprintln(env.Stderr, otherCurrenciesNote(others))
		return nil
	}
	for _, o := range others {
		fmt.Fprintln(env.Stdout)
		if err := WriteAging(env.Stdout, o, "text"); err != nil {
			return err
		}
	}
	return nil
}

// currencyFlag reads a -currency flag: "" (the company's) or a known ISO 4217 code.
func currencyFlag(v string) (string, error) {
	cur := strings.ToUpper(strings.TrimSpace(v))
	if cur != "" && !data.ValidCurrency(cur) {
		return "", &ExitError{Code: 2, Msg: fmt.Sprintf("-currency: %q is not an ISO 4217 currency code (such as USD, EUR, JPY)", v)}
	}
	return cur, nil
}

// otherCurrencyAgings is the aging of every currency but cur that has an open balance on day.
func otherCurrencyAgings(ctx context.Context, s *data.Store, day data.Date, cur string) ([]*data.Aging, error) {
	curs, err := s.InvoiceCurrencies(ctx, day)
	if err != nil {
		return nil, err
	}
	var out []*data.Aging
	for _, c := range curs {
		if c == cur {
			continue
		}
		ag, err := s.Aging(ctx, day, c)
		if err != nil {
			return nil, err
		}
		if ag.Total.Total != 0 {
			out = append(out, ag)
		}
	}
	return out, nil
}

// otherCurrenciesNote says which other currencies hold receivables left out of a report.
func otherCurrenciesNote(others []*data.Aging) string {
	parts := make([]string, len(others))
	for i, o := range others {
		parts[i] = data.Money{Amount: o.Total.Total, Currency: o.Currency}.String()
	}
	return "note: this report is in one currency; also open: " + strings.Join(parts, ", ") + " (give -currency CODE for each)"
}

// WriteAging writes an aging report as text, csv or json.
func WriteAging(w io.Writer, ag *data.Aging, format string) error {
	cur := ag.Currency
	amounts := func(r data.AgingRow, f func(int64, string) string) []string {
		out := make([]string, 0, 6)
		for _, b := range r.Buckets {
			out = append(out, f(b, cur))
		}
		return append(out, f(r.Total, cur))
	}
	switch format {
	case "csv":
		cw := data.NewCSVWriter(w)
		cw.Write([]string{"customer_id", "customer", "current", "1-30", "31-60", "61-90", "over_90", "total"})
		for _, r := range ag.Rows {
			cw.Write(append([]string{fmt.Sprint(r.CustomerID), r.Customer}, amounts(r, data.FormatPlain)...))
		}
		cw.Write(append([]string{"", "TOTAL"}, amounts(ag.Total, data.FormatPlain)...))
		return cw.Flush()
	case "json":
		type row struct {
			CustomerID int64  `json:"customer_id,omitempty"`
			Customer   string `json:"customer"`
			Current    string `json:"current"`
			D1_30      string `json:"1-30"`
			D31_60     string `json:"31-60"`
			D61_90     string `json:"61-90"`
			Over90     string `json:"over_90"`
			Total      string `json:"total"`
		}
		mk := func(r data.AgingRow) row {
			a := amounts(r, data.FormatPlain)
			return row{r.CustomerID, r.Customer, a[0], a[1], a[2], a[3], a[4], a[5]}
		}
		out := struct {
			AsOf      string `json:"as_of"`
			Currency  string `json:"currency"`
			Customers []row  `json:"customers"`
			Total     row    `json:"total"`
		}{ag.AsOf.String(), cur, make([]row, 0, len(ag.Rows)), mk(ag.Total)}
		for _, r := range ag.Rows {
			out.Customers = append(out.Customers, mk(r))
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	fmt.Fprintf(w, "Aging as of %s (%s)\n\n", ag.AsOf, cur)
	table := [][]string{{"Customer", "Current", "1-30", "31-60", "61-90", "Over 90", "Total"}}
	for _, r := range append(ag.Rows, ag.Total) {
		name := []rune(r.Customer)
		if len(name) > 32 {
			name = append(name[:31], '…')
		}
		table = append(table, append([]string{string(name)}, amounts(r, data.FormatAmount)...))
	}
	widths := make([]int, len(table[0]))
	for _, row := range table {
		for i, c := range row {
			widths[i] = max(widths[i], len([]rune(c)))
		}
	}
	for _, row := range table {
		var b strings.Builder
		for i, c := range row {
			pad := strings.Repeat(" ", widths[i]-len([]rune(c)))
			if i == 0 {
				b.WriteString(c + pad)
			} else {
				b.WriteString("  " + pad + c)
			}
		}
		if _, err := fmt.Fprintln(w, b.String()); err != nil {
			return err
		}
	}
	return nil
}

func runCheck(env *Env, args []string) error {
	fs, db := env.Flags("check")
	full := fs.Bool("full", false, "SQLite's integrity_check: every index compared with its table, row by row (at a million invoices about ten times as long)")
	if err := Parse(fs, args); err != nil {
		return err
	}
	s, err := env.OpenReadOnly(*db)
	if err != nil {
		return err
	}
	defer s.Close()
	check := s.CheckFast
	if *full {
		check = s.Check
	}
	v, err := check(context.Background())
	if err != nil {
		return err
	}
	if len(v) == 0 {
		fmt.Fprintln(env.Stdout, "ok")
		return nil
	}
	for _, l := range v {
		fmt.Fprintln(env.Stdout, l)
	}
	return &ExitError{Code: 1, Msg: fmt.Sprintf("%d violation(s)", len(v))}
}
