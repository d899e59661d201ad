package collect

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"

	"duebook/data"
)

// ActionInvoice is one invoice a reminder covers, with the step it is at.
type ActionInvoice struct {
	Invoice data.DueInvoice
	Step    Step
	Days    int // days past due (negative: not yet due)
}

// Action is the one consolidated reminder for a customer today.
type Action struct {
	Customer *data.Customer
	Step     Step // the highest step among its invoices: sets the tone
	Invoices []ActionInvoice
	Total    int64 // open amount of the invoices listed
}

// Channel is how the reminder goes out: by the customer's preferred channel, except that
// the escalate step is always a phone call.
func (a *Action) Channel() string {
	if a.Step.Name == "escalate" {
		return "phone"
	}
	return string(a.Customer.Channel)
}

// Numbers lists the invoice numbers covered.
func (a *Action) Numbers() []string {
	out := make([]string, len(a.Invoices))
	for i, x := range a.Invoices {
		out[i] = x.Invoice.Number
	}
	return out
}

// Due computes today's reminders: for each open invoice the latest step whose day has come
// and that was not sent yet (steps missed while the program was closed are not sent late:
// only the latest one is), skipping invoices with an open dispute or covered by an open
// promise whose date has not passed; one consolidated action per customer.
func Due(ctx context.Context, s *data.Store, asOf data.Date) ([]Action, error) {
	if err := settle(ctx, s, asOf); err != nil {
		return nil, err
	}
	disputes, err := s.Disputes(ctx, true)
	if err != nil {
		return nil, err
	}
	return dueFor(ctx, s, asOf, disputes)
}

// settle decides the promises that fell due before anything is read (a file opened
// read-only is read as it is).
func settle(ctx context.Context, s *data.Store, asOf data.Date) error {
	if _, err := s.SettlePromises(ctx, asOf); err != nil && !s.ReadOnly() {
		return err
	}
	return nil
}

// dueFor is Due after settle, with the open disputes already read. It keeps only the
// invoices that go into a reminder, and reads the customers of those reminders alone.
func dueFor(ctx context.Context, s *data.Store, asOf data.Date, disputes []data.Dispute) ([]Action, error) {
	sc, err := LoadSchedule(ctx, s)
	if err != nil {
		return nil, err
	}
	if len(sc) == 0 {
		return []Action{}, nil
	}
	first := sc[0].Offset
	for _, st := range sc {
		first = min(first, st.Offset)
	}
	sent, err := s.OpenRemindersSent(ctx)
	if err != nil {
		return nil, err
	}
	disputed := make(map[int64]bool, len(disputes))
	for _, d := range disputes {
		disputed[d.InvoiceID] = true
	}
	promises, err := s.Promises(ctx, 0, "open")
	if err != nil {
		return nil, err
	}
	promisedInv, promisedCust := map[int64]bool{}, map[int64]bool{}
	for _, p := range promises {
		if p.MadeOn.After(asOf) || p.PromisedDate.AddDays(data.PromiseGraceDays).Before(asOf) {
			continue
		}
		if p.InvoiceID > 0 {
			promisedInv[p.InvoiceID] = true
		} else {
			promisedCust[p.CustomerID] = true
		}
	}
	// The invoices come by customer (the open-invoice index of migration 0017; a file opened
	// read-only before it may give a customer's invoices in more than one run): each run is
	// gathered in scratch and kept in an array of its own size.
	byCust := map[int64]*Action{}
	var ids []int64 // customers with an action
	var scratch []ActionInvoice
	flush := func() {
		if len(scratch) == 0 {
			return
		}
		cid := scratch[0].Invoice.CustomerID
		if a := byCust[cid]; a != nil {
			a.Invoices = append(a.Invoices, scratch...)
		} else {
			byCust[cid] = &Action{Invoices: slices.Clone(scratch)}
			ids = append(ids, cid)
		}
		scratch = scratch[:0]
	}
	// Only invoices whose first step's day has come can have a step due.
	err = s.EachOpenInvoiceDueBy(ctx, asOf, asOf.AddDays(-first), func(inv data.DueInvoice) error {
		if inv.IssueDate.After(asOf) || disputed[inv.ID] || promisedInv[inv.ID] || promisedCust[inv.CustomerID] {
			return nil
		}
		days := asOf.DaysSince(inv.DueDate)
		st, ok := sc.latest(days)
		if !ok {
			return nil
		}
		if last, was := sent[inv.ID]; was && last >= st.Offset {
			return nil
		}
		if len(scratch) > 0 && scratch[0].Invoice.CustomerID != inv.CustomerID {
			flush()
		}
		scratch = append(scratch, ActionInvoice{Invoice: inv, Step: st, Days: days})
		return nil
	})
	if err != nil {
		return nil, err
	}
	flush()
	slices.Sort(ids)
	custs, err := s.CustomersByID(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make([]Action, 0, len(ids))
	for _, cid := range ids {
		a := byCust[cid]
		c := custs[cid]
		if c == nil {
			return nil, fmt.Errorf("reminders: customer %d does not exist", cid)
		}
		a.Customer = c
		for _, x := range a.Invoices {
			a.Total += x.Invoice.OpenAmount
			if x.Step.Offset > a.Step.Offset || a.Step.Name == "" {
				a.Step = x.Step
			}
		}
		sortByDue(a.Invoices)
		out = append(out, *a)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Step.Offset != out[j].Step.Offset {
			return out[i].Step.Offset > out[j].Step.Offset
		}
		return out[i].Customer.Name < out[j].Customer.Name
	})
	return out, nil
}

// sortByDue puts a reminder's invoices in due-date order exactly as the reminders have
// always listed them: from newest issued first (then the highest id), sorted by due date
// with the same (not stable) sort, so that invoices due on one day keep their old order.
func sortByDue(xs []ActionInvoice) {
	slices.SortFunc(xs, func(x, y ActionInvoice) int {
		switch a, b := x.Invoice.IssueDate, y.Invoice.IssueDate; {
		case b.Before(a):
			return -1
		case a.Before(b):
			return 1
		}
		return cmp.Compare(y.Invoice.ID, x.Invoice.ID)
	})
	sort.Slice(xs, func(i, j int) bool { return xs[i].Invoice.DueDate.Before(xs[j].Invoice.DueDate) })
}

// MarkSent records that the action's reminder went out on day (one transaction; a step is
// never recorded twice for an invoice).
func MarkSent(ctx context.Context, s *data.Store, a Action, day data.Date) error {
	return s.LogReminders(ctx, a.entries(day), a.Note())
}

// MarkCalled records a phone reminder (the escalate step) with what the call brought: its
// outcome, a note and the next follow-up date, in the same transaction as the step.
func MarkCalled(ctx context.Context, s *data.Store, a Action, day data.Date, outcome, note string, next data.Date) error {
	if strings.TrimSpace(outcome) == "" && strings.TrimSpace(note) == "" {
		return &data.FieldError{Field: "outcome", Msg: "say what the call brought"}
	}
	note = strings.TrimSpace(a.Note() + "\n" + note)
	return s.LogRemindersWith(ctx, a.entries(day), &data.Activity{Kind: "call", Outcome: outcome, Note: note, NextFollowUp: next})
}

// Note is the line the contact log keeps for the reminder.
func (a *Action) Note() string {
	return fmt.Sprintf("%s reminder for %s", a.Step.Name, strings.Join(a.Numbers(), ", "))
}

func (a *Action) entries(day data.Date) []data.ReminderEntry {
	entries := make([]data.ReminderEntry, len(a.Invoices))
	for i, x := range a.Invoices {
		entries[i] = data.ReminderEntry{CustomerID: a.Customer.ID, InvoiceID: x.Invoice.ID, Step: x.Step.Offset,
			StepName: x.Step.Name, Date: day, Channel: a.Channel()}
	}
	return entries
}
