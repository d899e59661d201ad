package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"duebook/data"
	"duebook/reports"
)

func init() {
	Register(Command{Name: "invoice", Usage: "-n NUMBER -o OUT.pdf [-layout us10|din5008]",
		Summary: "print one invoice as PDF (with remittance stub)", Run: runInvoicePDF})
	Register(Command{Name: "statements", Usage: "-o OUT.pdf [-as-of DATE] [-min-balance AMOUNT] [-customer ID|#ID|NAME] [-layout us10|din5008] [-kind open|activity] [-csv LIST.csv]",
		Summary: "customer statements for window envelopes, one PDF, plus a mailing list", Run: runStatements})
}

func runInvoicePDF(env *Env, args []string) error {
	fs, db := env.Flags("invoice")
	num := fs.String("n", "", "invoice number")
	out := fs.String("o", "", "output PDF file")
	lay := fs.String("layout", "us10", "us10 (Letter) or din5008 (A4)")
	if err := Parse(fs, args); err != nil {
		return err
	}
	if strings.TrimSpace(*num) == "" {
		return &ExitError{Code: 2, Msg: "-n: the invoice number is required"}
	}
	if *out == "" {
		return &ExitError{Code: 2, Msg: "-o: the output file is required"}
	}
	layout, err := reports.ParseLayout(*lay)
	if err != nil {
		return &ExitError{Code: 2, Msg: "-layout: " + err.Error()}
	}
	s, err := env.OpenReadOnly(*db)
	if err != nil {
		return err
	}
	defer s.Close()
	ctx := context.Background()
	inv, err := s.InvoiceByNumber(ctx, strings.TrimSpace(*num))
	if errors.Is(err, data.ErrNotFound) {
		return &ExitError{Code: 2, Msg: fmt.Sprintf("-n: no invoice numbered %q", strings.TrimSpace(*num))}
	} else if err != nil {
		return err
	}
	cust, err := s.Customer(ctx, inv.CustomerID)
	if err != nil {
		return err
	}
	comp, err := s.Company(ctx)
	if err != nil {
		return err
	}
	paid := inv.Total - inv.OpenAmount
	if inv.Status == data.StatusDraft {
		paid = 0
	}
	if err := data.WriteFileAtomic(*out, func(w io.Writer) error {
		return reports.InvoicePDF(w, comp, cust, inv, paid, reports.Options{Layout: layout})
	}); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "wrote %s (invoice %s, balance due %s)\n", *out, inv.Number, reports.Money(inv.Total-paid, inv.Currency))
	return nil
}

func runStatements(env *Env, args []string) error {
	fs, db := env.Flags("statements")
	out := fs.String("o", "", "output PDF file")
	asOf := fs.String("as-of", "", "statement date YYYY-MM-DD (default today)")
	from := fs.String("from", "", "activity period start YYYY-MM-DD (default first of the month)")
	minBal := fs.String("min-balance", "", "only customers owing at least this amount (company currency units)")
	custRef := fs.String("customer", "", "only this customer (id, #id or name)")
	lay := fs.String("layout", "us10", "us10 (Letter, #10 window) or din5008 (A4, DL window)")
	kind := fs.String("kind", "open", "open (open items) or activity (balance forward and running balance)")
	csvOut := fs.String("csv", "", "also write the mailing list to this CSV file")
	if err := Parse(fs, args); err != nil {
		return err
	}
	if *out == "" {
		return &ExitError{Code: 2, Msg: "-o: the output file is required"}
	}
	layout, err := reports.ParseLayout(*lay)
	if err != nil {
		return &ExitError{Code: 2, Msg: "-layout: " + err.Error()}
	}
	k, err := reports.ParseKind(*kind)
	if err != nil {
		return &ExitError{Code: 2, Msg: fmt.Sprintf("-kind: %q is not open or activity", *kind)}
	}
	day, err := env.DateFlag("as-of", *asOf)
	if err != nil {
		return err
	}
	var fromDay data.Date
	if *from != "" {
		if fromDay, err = env.DateFlag("from", *from); err != nil {
			return err
		}
		if fromDay.After(day) {
			return &ExitError{Code: 2, Msg: "-from: the period start is after -as-of"}
		}
	}
	s, err := env.OpenReadOnly(*db)
	if err != nil {
		return err
	}
	defer s.Close()
	ctx := context.Background()
	var min int64
	if *minBal != "" {
		comp, err := s.Company(ctx)
		if err != nil {
			return err
		}
		if min, err = data.ParseAmount(*minBal, comp.Currency); err != nil {
			return &ExitError{Code: 2, Msg: "-min-balance: " + err.Error()}
		}
		if min < 0 {
			return &ExitError{Code: 2, Msg: "-min-balance: must be 0 or more"}
		}
	}
	var custID int64
	if *custRef != "" {
		c, err := findCustomer(ctx, s, *custRef)
		if err != nil {
			return err
		}
		custID = c.ID
	}
	var list strings.Builder
	opt := reports.StatementOptions{AsOf: day, From: fromDay, MinBalance: min, CustomerID: custID, Layout: layout, Kind: k}
	var n int
	if err := data.WriteFileAtomic(*out, func(w io.Writer) error {
		n, err = reports.StatementsWithList(ctx, w, &list, s, opt)
		return err
	}); err != nil {
		if fe := data.FieldErrors(err); fe["min_balance"] != "" {
			return &ExitError{Code: 1, Msg: fe["min_balance"] + " on " + day.String() + "; no statement was written"}
		}
		return err
	}
	if *csvOut != "" {
		if err := data.WriteFileAtomic(*csvOut, func(w io.Writer) error {
			_, err := io.WriteString(w, list.String())
			return err
		}); err != nil {
			return err
		}
	}
	fmt.Fprintf(env.Stdout, "wrote %s: %d statements as of %s\n", *out, n, day)
	if *csvOut != "" {
		fmt.Fprintf(env.Stdout, "wrote %s: mailing list, %d rows\n", *csvOut, n)
	}
	return nil
}

func init() {
	Register(Command{Name: "aging-report", Usage: "-o OUT.pdf|OUT.csv [-detail] [-as-of DATE] [-currency CODE] [-paper letter|a4]",
		Summary: "aging report (summary or detail) as PDF or CSV", Run: runAgingReport})
}

func runAgingReport(env *Env, args []string) error {
	fs, db := env.Flags("aging-report")
	out := fs.String("o", "", "output file: .pdf or .csv")
	detail := fs.Bool("detail", false, "list every open invoice under its customer")
	asOf := fs.String("as-of", "", "date YYYY-MM-DD (default today)")
	currency := fs.String("currency", "", "currency (default the company's)")
	paper := fs.String("paper", "letter", "letter or a4")
	if err := Parse(fs, args); err != nil {
		return err
	}
	if *out == "" {
		return &ExitError{Code: 2, Msg: "-o: the output file is required"}
	}
	ext := strings.ToLower(filepath.Ext(*out))
	if ext != ".pdf" && ext != ".csv" {
		return &ExitError{Code: 2, Msg: "-o: the file must end in .pdf or .csv"}
	}
	var p reports.Paper
	switch strings.ToLower(*paper) {
	case "letter":
		p = reports.PaperLetter
	case "a4":
		p = reports.PaperA4
	default:
		return &ExitError{Code: 2, Msg: fmt.Sprintf("-paper: %q is not letter or a4", *paper)}
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
	opt := reports.AgingOptions{AsOf: day, Currency: cur, Detail: *detail, Paper: p}
	if err := data.WriteFileAtomic(*out, func(w io.Writer) error {
		if ext == ".csv" {
			return reports.AgingCSV(ctx, w, s, opt)
		}
		return reports.AgingPDF(ctx, w, s, opt)
	}); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "wrote %s (aging as of %s)\n", *out, day)
	if cur == "" {
		comp, err := s.Company(ctx)
		if err != nil {
			return err
		}
		others, err := otherCurrencyAgings(ctx, s, day, comp.Currency)
		if err != nil {
			return err
		}
		if len(others) > 0 {
			fmt.Fprintln(env.Stdout, otherCurrenciesNote(others))
		}
	}
	return nil
}
