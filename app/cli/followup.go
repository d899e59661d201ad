package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"duebook/app/collect"
	"duebook/data"
	"duebook/reports"
)

func init() {
	Register(Command{Name: "worklist", Usage: "[-as-of DATE] [-format text|json]",
		Summary: "today's collection actions, most urgent first", Run: runWorklist})
	Register(Command{Name: "remind", Usage: "[-as-of DATE] [-eml-dir DIR] [-letters-dir DIR] [-layout us10|din5008] [-dry-run]",
		Summary: "writes today's reminders (.eml files for e-mail customers, PDF letters for paper-mail customers) and records each once its file is written", Run: runRemind})
	Register(Command{Name: "monthly", Usage: "-o OUT.pdf [-month YYYY-MM]",
		Summary: "the last complete month's figures (invoiced, collected, DSO, overdue, default rate) against the 11 before, as PDF", Run: runMonthly})
}

func runMonthly(env *Env, args []string) error {
	fs, db := env.Flags("monthly")
	out := fs.String("o", "", "PDF to write")
	month := fs.String("month", "", "month YYYY-MM (default the last complete month; this month is month to date)")
	if err := Parse(fs, args); err != nil {
		return err
	}
	if *out == "" {
		return &ExitError{Code: 2, Msg: "-o: the PDF to write is required"}
	}
	today, err := env.DateFlag("month", "")
	if err != nil {
		return err
	}
	day := reports.LastCompleteMonth(today)
	if *month != "" {
		if day, err = data.ParseDate(*month + "-01"); err != nil || data.PlausibleDate(day) != nil {
			return &ExitError{Code: 2, Msg: fmt.Sprintf("-month: %q is not a month YYYY-MM from %d to %d", *month, data.MinYear, data.MaxYear)}
		}
	}
	s, err := env.OpenReadOnly(*db)
	if err != nil {
		return err
	}
	defer s.Close()
	ctx := context.Background()
	figs, cur, err := reports.Monthly(ctx, s, day)
	if err != nil {
		return fieldExit(err, nil) // "-month: January 2027 has not begun yet"
	}
	comp, err := s.Company(ctx)
	if err != nil {
		return err
	}
	reasons, err := s.LateReasonCounts(ctx)
	if err != nil {
		return err
	}
	if err := data.WriteFileAtomic(*out, func(w io.Writer) error {
		return reports.MonthlyPDF(w, comp, figs, cur, reasons)
	}); err != nil {
		return err
	}
	last := figs[len(figs)-1]
	label := last.Month.Format("2006-01")
	if last.ToDate {
		label += " (month to date, " + last.AsOf.String() + ")"
	}
	fmt.Fprintf(env.Stdout, "%s: %s closing A/R %s, DSO %d, default rate %d.%02d %%\n", *out, label,
		data.FormatAmount(last.Closing, cur), last.DSO, last.DefaultBP/100, last.DefaultBP%100)
	if last.Warning != "" {
		fmt.Fprintln(env.Stdout, "WARNING: "+last.Warning)
	}
	// The figures are in the company's currency: say which invoices they leave out (the
	// PDF says it under its title).
	if note := last.LeftOutNote(cur); note != "" {
		fmt.Fprintln(env.Stdout, "note: "+strings.ToLower(note[:1])+strings.TrimSuffix(note[1:], "."))
	}
	return nil
}

func runWorklist(env *Env, args []string) error {
	fs, db := env.Flags("worklist")
	asOf := fs.String("as-of", "", "date YYYY-MM-DD (default today)")
	format := fs.String("format", "text", "text or json")
	if err := Parse(fs, args); err != nil {
		return err
	}
	if *format != "text" && *format != "json" {
		return &ExitError{Code: 2, Msg: fmt.Sprintf("-format: %q is not text or json", *format)}
	}
	day, err := env.DateFlag("as-of", *asOf)
	if err != nil {
		return err
	}
	s, err := env.OpenRefreshing(*db) // settles promises that fell due, unless another program has the file
	if err != nil {
		return err
	}
	defer s.Close()
	rows, err := collect.Worklist(context.Background(), s, day)
	if err != nil {
		return err
	}
	if *format == "json" {
		type out struct {
			Score      int64  `json:"score"`
			CustomerID int64  `json:"customer_id"`
			Customer   string `json:"customer"`
			Kind       string `json:"kind"`
			Do         string `json:"do"`
		}
		list := make([]out, len(rows))
		for i, r := range rows {
			list[i] = out{r.Score, r.CustomerID, r.Customer, r.Kind, r.Do}
		}
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(list)
	}
	// Written in blocks of whole lines (one write a line was 35k system calls at a million
	// invoices); the terminal filter sees every line whole, as before.
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "Worklist for %s: %d actions\n\n", day, len(rows))
	for i, r := range rows {
		fmt.Fprintf(&buf, "%3d. %-11s %s — %s\n", i+1, r.Kind, r.Customer, r.Do)
		if buf.Len() >= 64<<10 {
			env.Stdout.Write(buf.Bytes())
			buf.Reset()
		}
	}
	if buf.Len() > 0 {
		env.Stdout.Write(buf.Bytes())
	}
	return nil
}

func runRemind(env *Env, args []string) error {
	fs, db := env.Flags("remind")
	asOf := fs.String("as-of", "", "date YYYY-MM-DD (default today)")
	emlDir := fs.String("eml-dir", "", "write email reminders as .eml files here")
	letters := fs.String("letters-dir", "", "print letters for customers who get paper mail as PDFs here")
	layout := fs.String("layout", "us10", "letter layout: us10 or din5008")
	dry := fs.Bool("dry-run", false, "only list what would be sent")
	if err := Parse(fs, args); err != nil {
		return err
	}
	day, err := env.DateFlag("as-of", *asOf)
	if err != nil {
		return err
	}
	lay, err := reports.ParseLayout(*layout)
	if err != nil {
		return &ExitError{Code: 2, Msg: "-layout: " + err.Error()}
	}
	s, err := env.OpenFor(!*dry, *db) // a dry run changes nothing
	if err != nil {
		return err
	}
	defer s.Close()
	ctx := context.Background()
	actions, err := collect.Due(ctx, s, day)
	if err != nil {
		return err
	}
	comp, err := s.Company(ctx)
	if err != nil {
		return err
	}
	out := collect.Outputs{EMLDir: *emlDir, LettersDir: *letters, Layout: lay, Now: time.Now()}
	// A reminder counts as sent only with its document written: when a due reminder's
	// document has nowhere to go, nothing is recorded and the message says which folder to give.
	if need := missingOutputs(actions, out); need != "" {
		if *dry {
			defer fmt.Fprintln(env.Stdout, "note: "+need)
		} else {
			return &ExitError{Code: 2, Msg: need + "; nothing was recorded"}
		}
	}
	var failed []string
	calls := 0
	for _, a := range actions {
		if a.Channel() == string(data.ChannelPhone) {
			// No document makes a call: it stays due (on the worklist) until it is made and
			// logged with what it brought, in Collections.
			calls++
			fmt.Fprintf(env.Stdout, "call due: %s reminder to %s for %v (phone; stays on the worklist until the call is logged)\n", a.Step.Name, a.Customer.Name, a.Numbers())
			continue
		}
		if *dry {
			fmt.Fprintf(env.Stdout, "would send %s reminder to %s for %v (%s)\n", a.Step.Name, a.Customer.Name, a.Numbers(), a.Channel())
			continue
		}
		// Each reminder is written and then recorded on its own: one that fails is reported
		// and stays due, and the others go on.
		where, err := collect.SendReminder(ctx, s, comp, a, day, out)
		if err != nil {
			failed = append(failed, fmt.Sprintf("%s (%s reminder for %v): %v", a.Customer.Name, a.Step.Name, a.Numbers(), err))
			continue
		}
		fmt.Fprintf(env.Stdout, "sent %s reminder to %s for %v (%s)\n", a.Step.Name, a.Customer.Name, a.Numbers(), where)
	}
	if *dry {
		fmt.Fprintf(env.Stdout, "%d reminder(s) due\n", len(actions)-calls)
		return nil
	}
	fmt.Fprintf(env.Stdout, "%d reminder(s) recorded\n", len(actions)-calls-len(failed))
	if len(failed) > 0 {
		for _, f := range failed {
			fmt.Fprintln(env.Stderr, "not sent: "+f)
		}
		return &ExitError{Code: 1, Msg: fmt.Sprintf("%d reminder(s) could not be made and stay due; run remind again once the cause is fixed", len(failed))}
	}
	return nil
}

// missingOutputs says which folders the due actions need and out lacks, or "".
func missingOutputs(actions []collect.Action, out collect.Outputs) string {
	var eml, letters int
	for _, a := range actions {
		switch out.Missing(a) { // a call needs no folder: it is not sent by remind
		case "eml":
			eml++
		case "letters":
			letters++
		}
	}
	var parts []string
	if eml > 0 {
		parts = append(parts, fmt.Sprintf("%d e-mail reminder(s) are due: give -eml-dir DIR, the folder to write their .eml files to", eml))
	}
	if letters > 0 {
		parts = append(parts, fmt.Sprintf("%d letter(s) are due: give -letters-dir DIR, the folder to write their PDFs to", letters))
	}
	return strings.Join(parts, "; ")
}
