package cli

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"duebook/app/collect"
	"duebook/data"
)

// The collections desk without the window: log a contact, a promise to pay, a dispute (and
// its resolution), the reason an invoice is late, and read a customer's history.
func init() {
	Register(Command{Name: "contact", Usage: "-customer ID|#ID|NAME -kind call|email|letter|note -outcome TEXT [-note TEXT] [-invoice NUMBER] [-date D] [-next D]",
		Summary: "logs a contact with a customer (with its outcome and next follow-up date)", Run: runContact})
	Register(Command{Name: "promise", Usage: "-customer ID|#ID|NAME -amount AMOUNT -by DATE [-invoice NUMBER] [-note TEXT]",
		Summary: "records a promise to pay (kept or broken is decided when the date has passed)", Run: runPromise})
	Register(Command{Name: "dispute", Usage: "-invoice NUMBER (-reason TEXT | -resolve TEXT)",
		Summary: "opens a dispute on an invoice (its reminders pause) or resolves the open one", Run: runDispute})
	Register(Command{Name: "late-reason", Usage: "-invoice NUMBER -reason cash_flow|dispute|lost_invoice|wrong_address|forgot|other [-note TEXT]",
		Summary: "records why an invoice is paid late (counted in the monthly report)", Run: runLateReason})
	Register(Command{Name: "schedule", Usage: "[-set DAYS:STEP,...]",
		Summary: "shows or sets the reminder schedule (days from the due date: -7:friendly,3:reminder,14:firm,30:final,45:escalate)", Run: runSchedule})
	Register(Command{Name: "history", Usage: "-customer ID|#ID|NAME",
		Summary: "a customer's contact log, promises, disputes and reminders sent", Run: runHistory})
}

// findCustomer finds a customer by id, exact name (any case) or a name prefix that only one
// customer has.
func findCustomer(ctx context.Context, s *data.Store, ref string) (*data.Customer, error) {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return nil, &ExitError{Code: 2, Msg: "-customer: the customer id or name is required"}
	}
	// "#7" is customer 7; "7" is customer 7 unless a customer is named "7" too, which is
	// refused as ambiguous rather than read one way.
	explicit := strings.HasPrefix(ref, "#")
	if id, err := strconv.ParseInt(strings.TrimPrefix(ref, "#"), 10, 64); err == nil {
		byID, err := s.Customer(ctx, id)
		if explicit {
			if err != nil {
				return nil, &ExitError{Code: 2, Msg: fmt.Sprintf("-customer: no customer with id %d", id)}
			}
			return byID, nil
		}
		all, lerr := s.Customers(ctx, data.CustomerFilter{})
		if lerr != nil {
			return nil, lerr
		}
		for _, c := range all {
			if strings.EqualFold(strings.TrimSpace(c.Name), ref) && (err != nil || c.ID != byID.ID) {
				if err != nil {
					return c, nil // no customer has that id: the name is meant
				}
				return nil, &ExitError{Code: 2, Msg: fmt.Sprintf("-customer: %q is customer %d (%s) and also the name of customer %d; give #%d or #%d",
					ref, byID.ID, byID.Name, c.ID, byID.ID, c.ID)}
			}
		}
		if err != nil {
			return nil, &ExitError{Code: 2, Msg: fmt.Sprintf("-customer: no customer with id %d", id)}
		}
		return byID, nil
	}
	all, err := s.Customers(ctx, data.CustomerFilter{})
	if err != nil {
		return nil, err
	}
	var prefix []*data.Customer
	for _, c := range all {
		if strings.EqualFold(c.Name, ref) {
			return c, nil
		}
		if strings.HasPrefix(strings.ToLower(c.Name), strings.ToLower(ref)) {
			prefix = append(prefix, c)
		}
	}
	switch len(prefix) {
	case 1:
		return prefix[0], nil
	case 0:
		return nil, &ExitError{Code: 2, Msg: fmt.Sprintf("-customer: no customer is called %q", ref)}
	}
	names := make([]string, 0, 5)
	for i, c := range prefix {
		if i == 5 {
			names = append(names, "…")
			break
		}
		names = append(names, c.Name)
	}
	return nil, &ExitError{Code: 2, Msg: fmt.Sprintf("-customer: %q fits %d customers (%s): give more of the name or the id", ref, len(prefix), strings.Join(names, ", "))}
}

// findInvoice finds an invoice by its number ("" = none, 0).
func findInvoice(ctx context.Context, s *data.Store, number string, required bool) (*data.Invoice, error) {
	number = strings.TrimSpace(number)
	if number == "" {
		if required {
			return nil, &ExitError{Code: 2, Msg: "-invoice: the invoice number is required"}
		}
		return nil, nil
	}
	inv, err := s.InvoiceByNumber(ctx, number)
	if err != nil {
		return nil, &ExitError{Code: 2, Msg: fmt.Sprintf("-invoice: no invoice numbered %q", number)}
	}
	return inv, nil
}

// optDate parses an optional date flag.
func optDate(name, v string) (data.Date, error) {
	if strings.TrimSpace(v) == "" {
		return data.Date{}, nil
	}
	d, err := data.ParseDate(strings.TrimSpace(v))
	if err == nil {
		err = data.PlausibleDate(d)
	}
	if err != nil {
		return d, &ExitError{Code: 2, Msg: "-" + name + ": " + err.Error()}
	}
	return d, nil
}

// fieldExit turns the store's field errors into a usage error naming the flag.
func fieldExit(err error, flags map[string]string) error {
	fields := data.FieldErrors(err)
	if len(fields) == 0 {
		return err
	}
	var parts []string
	for f, msg := range fields {
		name := f
		if fl, ok := flags[f]; ok {
			name = fl
		}
		parts = append(parts, "-"+name+": "+msg)
	}
	sort.Strings(parts) // the same message every run (fields is a map)
	return &ExitError{Code: 2, Msg: strings.Join(parts, "; ")}
}

func invoiceID(inv *data.Invoice) int64 {
	if inv == nil {
		return 0
	}
	return inv.ID
}

// openFor opens the company file and finds the customer and the (optional) invoice named.
func openFor(env *Env, db, cust, invoice string) (*data.Store, *data.Customer, *data.Invoice, error) {
	s, err := env.Open(db)
	if err != nil {
		return nil, nil, nil, err
	}
	ctx := context.Background()
	c, err := findCustomer(ctx, s, cust)
	if err == nil {
		var inv *data.Invoice
		if inv, err = findInvoice(ctx, s, invoice, false); err == nil {
			return s, c, inv, nil
		}
	}
	s.Close()
	return nil, nil, nil, err
}

// openInvoice opens the company file and finds the invoice numbered (required).
func openInvoice(env *Env, db, number string) (*data.Store, *data.Invoice, error) {
	s, err := env.Open(db)
	if err != nil {
		return nil, nil, err
	}
	inv, err := findInvoice(context.Background(), s, number, true)
	if err != nil {
		s.Close()
		return nil, nil, err
	}
	return s, inv, nil
}

func runContact(env *Env, args []string) error {
	fs, db := env.Flags("contact")
	cust := fs.String("customer", "", "customer id or name")
	kind := fs.String("kind", "call", "call, email, letter or note")
	outcome := fs.String("outcome", "", "what came of it")
	note := fs.String("note", "", "note")
	invoice := fs.String("invoice", "", "the invoice it was about (default: the account)")
	date := fs.String("date", "", "day of the contact (default today)")
	next := fs.String("next", "", "next follow-up date")
	if err := Parse(fs, args); err != nil {
		return err
	}
	day, err := optDate("date", *date)
	if err != nil {
		return err
	}
	nextDay, err := optDate("next", *next)
	if err != nil {
		return err
	}
	s, c, inv, err := openFor(env, *db, *cust, *invoice)
	if err != nil {
		return err
	}
	defer s.Close()
	ctx := context.Background()
	a := &data.Activity{CustomerID: c.ID, InvoiceID: invoiceID(inv), Kind: *kind, Date: day, Outcome: strings.TrimSpace(*outcome),
		Note: strings.TrimSpace(*note), NextFollowUp: nextDay}
	if err := s.LogActivity(ctx, a); err != nil {
		return fieldExit(err, map[string]string{"next_follow_up": "next", "note": "outcome"})
	}
	fmt.Fprintf(env.Stdout, "logged %s with %s on %s", a.Kind, c.Name, a.Date)
	if !a.NextFollowUp.IsZero() {
		fmt.Fprintf(env.Stdout, "; follow up %s", a.NextFollowUp)
	}
	fmt.Fprintln(env.Stdout)
	return nil
}

func runPromise(env *Env, args []string) error {
	fs, db := env.Flags("promise")
	cust := fs.String("customer", "", "customer id or name")
	amount := fs.String("amount", "", "amount promised (in the customer's currency)")
	by := fs.String("by", "", "date the customer will pay by")
	invoice := fs.String("invoice", "", "the invoice promised (default: the account)")
	note := fs.String("note", "", "note")
	if err := Parse(fs, args); err != nil {
		return err
	}
	byDay, err := optDate("by", *by)
	if err != nil {
		return err
	}
	if byDay.IsZero() {
		return &ExitError{Code: 2, Msg: "-by: the date promised is required"}
	}
	s, c, inv, err := openFor(env, *db, *cust, *invoice)
	if err != nil {
		return err
	}
	defer s.Close()
	ctx := context.Background()
	amt, err := data.ParseAmount(*amount, c.Currency)
	if err != nil {
		return &ExitError{Code: 2, Msg: "-amount: " + err.Error()}
	}
	today := s.Today()
	p := &data.Promise{CustomerID: c.ID, InvoiceID: invoiceID(inv), MadeOn: today, PromisedDate: byDay, Amount: amt, Note: strings.TrimSpace(*note)}
	if err := s.AddPromiseByCall(ctx, p); err != nil {
		return fieldExit(err, map[string]string{"promised_date": "by"})
	}
	fmt.Fprintf(env.Stdout, "%s promised %s by %s\n", c.Name, data.Money{Amount: amt, Currency: c.Currency}, byDay)
	return nil
}

func runDispute(env *Env, args []string) error {
	fs, db := env.Flags("dispute")
	invoice := fs.String("invoice", "", "invoice number")
	reason := fs.String("reason", "", "what the customer objects to (opens a dispute)")
	resolve := fs.String("resolve", "", "how it was resolved (closes the open dispute)")
	if err := Parse(fs, args); err != nil {
		return err
	}
	if (*reason == "") == (*resolve == "") {
		return &ExitError{Code: 2, Msg: "give either -reason (to open a dispute) or -resolve (to close it)"}
	}
	s, inv, err := openInvoice(env, *db, *invoice)
	if err != nil {
		return err
	}
	defer s.Close()
	ctx := context.Background()
	if *reason != "" {
		d := &data.Dispute{InvoiceID: inv.ID, Reason: *reason}
		if err := s.OpenDispute(ctx, d); err != nil {
			return fieldExit(err, nil)
		}
		fmt.Fprintf(env.Stdout, "dispute %d opened on %s: reminders for it pause until it is resolved\n", d.ID, inv.Number)
		return nil
	}
	open, err := s.CustomerDisputes(ctx, inv.CustomerID, true)
	if err != nil {
		return err
	}
	for _, d := range open {
		if d.InvoiceID == inv.ID {
			if err := s.ResolveDispute(ctx, d.ID, *resolve, data.Date{}); err != nil {
				return fieldExit(err, map[string]string{"resolution": "resolve"})
			}
			fmt.Fprintf(env.Stdout, "dispute on %s resolved: reminders resume\n", inv.Number)
			return nil
		}
	}
	return &ExitError{Code: 2, Msg: fmt.Sprintf("-invoice: %s has no open dispute", inv.Number)}
}

func runLateReason(env *Env, args []string) error {
	fs, db := env.Flags("late-reason")
	invoice := fs.String("invoice", "", "invoice number")
	reason := fs.String("reason", "", "cash_flow, dispute, lost_invoice, wrong_address, forgot or other")
	note := fs.String("note", "", "note (required with other)")
	if err := Parse(fs, args); err != nil {
		return err
	}
	s, inv, err := openInvoice(env, *db, *invoice)
	if err != nil {
		return err
	}
	defer s.Close()
	ctx := context.Background()
	if err := s.SetLateReason(ctx, inv.ID, strings.TrimSpace(*reason), *note); err != nil {
		return fieldExit(err, nil)
	}
	fmt.Fprintf(env.Stdout, "%s: late because %s\n", inv.Number, strings.ToLower(data.LateReasonCodes[strings.TrimSpace(*reason)]))
	return nil
}

func runHistory(env *Env, args []string) error {
	fs, db := env.Flags("history")
	cust := fs.String("customer", "", "customer id or name")
	if err := Parse(fs, args); err != nil {
		return err
	}
	s, err := env.OpenRefreshing(*db)
	if err != nil {
		return err
	}
	defer s.Close()
	ctx := context.Background()
	c, err := findCustomer(ctx, s, *cust)
	if err != nil {
		return err
	}
	if _, err := s.SettlePromises(ctx, s.Today()); err != nil && !s.ReadOnly() { // kept or broken as of today
		return err
	}
	w := env.Stdout
	fmt.Fprintf(w, "%s (customer %d)\n", c.Name, c.ID)
	ps, err := s.Promises(ctx, c.ID, "")
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "\nPromises (%d)\n", len(ps))
	for _, p := range ps {
		fmt.Fprintf(w, "  %s  %s %s by %s: %s\n", p.MadeOn, data.FormatAmount(p.Amount, c.Currency), c.Currency, p.PromisedDate, p.Status)
	}
	ds, err := s.CustomerDisputes(ctx, c.ID, false)
	if err != nil {
		return err
	}
	fmt.Fprintln(w, "\nDisputes")
	for _, d := range ds {
		fmt.Fprintf(w, "  %s  %s: %s [%s]", d.Opened, d.InvoiceNumber, d.Reason, d.Status)
		if d.Status == "resolved" {
			fmt.Fprintf(w, " %s: %s", d.Resolved, d.Resolution)
		}
		fmt.Fprintln(w)
	}
	rs, err := s.Reminders(ctx, c.ID)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "\nReminders sent (%d)\n", len(rs))
	for _, r := range rs {
		fmt.Fprintf(w, "  %s  %-8s invoice %d by %s\n", r.Date, r.StepName, r.InvoiceID, r.Channel)
	}
	acts, err := s.Activities(ctx, c.ID)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "\nContact log (%d)\n", len(acts))
	for _, a := range acts {
		fmt.Fprintf(w, "  %s  %-8s %s", a.Date, a.Kind, a.Outcome)
		if a.Note != "" {
			fmt.Fprintf(w, " — %s", strings.ReplaceAll(a.Note, "\n", " "))
		}
		if !a.NextFollowUp.IsZero() {
			fmt.Fprintf(w, " (follow up %s)", a.NextFollowUp)
		}
		fmt.Fprintln(w)
	}
	return nil
}

func runSchedule(env *Env, args []string) error {
	fs, db := env.Flags("schedule")
	set := fs.String("set", "", "the new schedule, e.g. -7:friendly,3:reminder,14:firm,30:final,45:escalate")
	if err := Parse(fs, args); err != nil {
		return err
	}
	s, err := env.OpenFor(*set != "", *db) // only -set writes
	if err != nil {
		return err
	}
	defer s.Close()
	ctx := context.Background()
	if *set != "" {
		if err := collect.SaveSchedule(ctx, s, *set); err != nil {
			return fieldExit(err, map[string]string{"schedule": "set"})
		}
	}
	sc, err := collect.LoadSchedule(ctx, s)
	if err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, collect.DescribeSchedule(sc))
	return nil
}
