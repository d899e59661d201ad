package app

import (
	"context"
	"fmt"
	"strings"

	"duebook/app/collect"
	"duebook/data"
)

// segmentWords says what a risk segment means (collect's rules, in words).
func segmentWords(seg string) string {
	switch seg {
	case "A":
		return "pays on time, keeps promises"
	case "C":
		return "pays over 30 days late on average, broke 2 or more promises, or owes for over 90 days"
	}
	return "pays somewhat late now and then"
}

// ShowCustomer loads the detail of one customer (open invoices, promises, disputes,
// contacts, reminders sent, payment behaviour) off the UI goroutine.
func (c *CollectionsScreen) ShowCustomer(id int64) {
	s := c.ui.Store
	beh := c.Behaviour[id]
	c.detail.Go(c.ui, func(ctx context.Context) func() {
		d, err := loadCustomerDetail(ctx, s, id)
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return func() { c.ui.ShowError(err) }
		}
		text := d.text(s.Today(), beh)
		return func() {
			c.Customer, c.Open, c.Disputes = d.customer, d.open, d.disputes
			c.Header.SetText(d.customer.Name)
			if r := c.Row(); r != nil && r.CustomerID == d.customer.ID {
				text = kindTitle(r.Kind) + ": " + r.Do + "\n\n" + text // the row's whole action, never cut
			}
			c.Detail.SetText(text)
			c.setButtons()
		}
	})
}

type customerDetail struct {
	customer  *data.Customer
	open      []*data.Invoice
	promises  []data.Promise
	disputes  []data.Dispute // open ones
	acts      []data.Activity
	reminders []data.ReminderEntry
	late      map[int64]string
}

func loadCustomerDetail(ctx context.Context, s *data.Store, id int64) (*customerDetail, error) {
	d := &customerDetail{}
	var err error
	if d.customer, err = s.Customer(ctx, id); err != nil {
		return nil, err
	}
	if d.open, err = s.OpenItems(ctx, id); err != nil {
		return nil, err
	}
	if d.promises, err = s.Promises(ctx, id, ""); err != nil {
		return nil, err
	}
	if d.disputes, err = s.CustomerDisputes(ctx, id, true); err != nil {
		return nil, err
	}
	if d.acts, err = s.Activities(ctx, id); err != nil {
		return nil, err
	}
	if d.reminders, err = s.Reminders(ctx, id); err != nil {
		return nil, err
	}
	if d.late, err = s.CustomerLateReasons(ctx, id); err != nil {
		return nil, err
	}
	return d, nil
}

// text is what the detail panel says about the customer.
func (d *customerDetail) text(today data.Date, b *collect.Behaviour) string {
	c := d.customer
	var w strings.Builder
	contact := firstText(c.Contact, c.Name)
	if c.Phone != "" {
		contact += " · " + c.Phone
	}
	if len(c.Emails) > 0 {
		contact += " · " + strings.Join(c.Emails, ", ")
	}
	fmt.Fprintf(&w, "%s\nPrefers: %s · terms %d days", contact, channelWords(string(c.Channel)), c.TermsDays)
	if c.CreditHold {
		w.WriteString(" · ON CREDIT HOLD")
	}
	w.WriteString("\n")
	if b != nil {
		fmt.Fprintf(&w, "Risk segment %s (%s) · pays %s · %s on time · promises kept %d, broken %d\n", b.Segment, segmentWords(b.Segment),
			daysToPay(b.AvgDaysToPay), bp(b.OnTimeBP), b.KeptPromises, b.BrokenPromises)
		if b.SuggestHold && !c.CreditHold {
			fmt.Fprintf(&w, "Consider a credit hold: %s\n", b.HoldReason)
		}
	}
	disputed := map[int64]string{}
	for _, x := range d.disputes {
		disputed[x.InvoiceID] = x.Reason
	}
	var total, overdue int64
	fmt.Fprintf(&w, "\nOpen invoices (%d)\n", len(d.open))
	for _, inv := range d.open {
		total += inv.OpenAmount
		days := today.DaysSince(inv.DueDate)
		state := fmt.Sprintf("due %s", inv.DueDate)
		if days > 0 {
			overdue += inv.OpenAmount
			state = fmt.Sprintf("%d days overdue", days)
		}
		fmt.Fprintf(&w, "  %s  %s  %s", inv.Number, money(inv.OpenAmount, inv.Currency), state)
		if r, ok := disputed[inv.ID]; ok {
			fmt.Fprintf(&w, "  · DISPUTED: %s", r)
		}
		if r := d.late[inv.ID]; r != "" {
			fmt.Fprintf(&w, "  · late: %s", r)
		}
		w.WriteString("\n")
	}
	if len(d.open) > 0 {
		fmt.Fprintf(&w, "  Total %s, of which overdue %s\n", money(total, c.Currency), money(overdue, c.Currency))
	}
	if len(d.promises) > 0 {
		w.WriteString("\nPromises to pay\n")
		for i, p := range d.promises {
			if i == 5 {
				break
			}
			fmt.Fprintf(&w, "  %s by %s (made %s): %s", money(p.Amount, c.Currency), p.PromisedDate, p.MadeOn, p.Status)
			if p.Note != "" {
				fmt.Fprintf(&w, " — %s", p.Note)
			}
			w.WriteString("\n")
		}
	}
	if len(d.disputes) > 0 {
		w.WriteString("\nOpen disputes (reminders paused for these invoices)\n")
		for _, x := range d.disputes {
			fmt.Fprintf(&w, "  %s since %s: %s\n", x.InvoiceNumber, x.Opened, x.Reason)
		}
	}
	if n := len(d.reminders); n > 0 {
		last := d.reminders[n-1]
		fmt.Fprintf(&w, "\nReminders sent: %d, the last %s (%s, by %s)\n", n, last.Date, last.StepName, last.Channel)
	}
	w.WriteString("\nContact log\n")
	if len(d.acts) == 0 {
		w.WriteString("  nothing logged yet\n")
	}
	for i, a := range d.acts {
		if i == 12 {
			fmt.Fprintf(&w, "  … %d older\n", len(d.acts)-12)
			break
		}
		fmt.Fprintf(&w, "  %s  %-8s %s", a.Date, a.Kind, firstText(a.Outcome, "—"))
		if a.Note != "" {
			fmt.Fprintf(&w, ": %s", strings.ReplaceAll(a.Note, "\n", " "))
		}
		if !a.NextFollowUp.IsZero() {
			fmt.Fprintf(&w, " (follow up %s)", a.NextFollowUp)
		}
		w.WriteString("\n")
	}
	return w.String()
}

func daysToPay(d int) string {
	switch {
	case d < 0:
		return fmt.Sprintf("%d days early", -d)
	case d == 0:
		return "on the due date"
	}
	return fmt.Sprintf("%d days late", d)
}
