package collect

// The worklist as it was computed before issue 14 (every allocation joined to its invoice,
// a credit check per customer, every promise, activity and open invoice read), kept as the
// reference the fast path is compared with: TestWorklistMatchesReference.

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"duebook/data"
)

// Behaviours computes every customer's payment behaviour as of asOf.
func behavioursRef(ctx context.Context, s *data.Store, asOf data.Date) (map[int64]*Behaviour, error) {
	out := map[int64]*Behaviour{}
	get := func(id int64) *Behaviour {
		b := out[id]
		if b == nil {
			b = &Behaviour{CustomerID: id}
			out[id] = b
		}
		return b
	}
	// Weighted days late and the on-time share from allocations (money applied to invoices).
	rows, err := s.DB().QueryContext(ctx, `SELECT i.customer_id,
		sum(a.amount * CAST(julianday(a.date) - julianday(i.due_date) AS INTEGER)), sum(a.amount),
		sum(CASE WHEN a.date <= i.due_date THEN a.amount ELSE 0 END)
		FROM allocations a JOIN invoices i ON i.id = a.invoice_id WHERE a.date <= ? GROUP BY i.customer_id`, asOf)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var id, wdays, paid, ontime int64
		if err := rows.Scan(&id, &wdays, &paid, &ontime); err != nil {
			rows.Close()
			return nil, err
		}
		b := get(id)
		b.PaidAmount = paid
		if paid > 0 {
			avg, _ := data.MulDivRound(wdays, 1, paid)
			b.AvgDaysToPay = int(avg)
			bp, _ := data.MulDivRound(ontime, 10000, paid)
			b.OnTimeBP = int(bp)
		}
	}
	rows.Close()
	ps, err := s.Promises(ctx, 0, "")
	if err != nil {
		return nil, err
	}
	for _, p := range ps {
		switch p.Status {
		case "broken":
			get(p.CustomerID).BrokenPromises++
		case "kept":
			get(p.CustomerID).KeptPromises++
		}
	}
	rows, err = s.DB().QueryContext(ctx, `SELECT customer_id, sum(open_amount) FROM invoices
		WHERE status = 'posted' AND open_amount > 0 AND due_date < ? GROUP BY customer_id`, asOf.AddDays(-90))
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var id, amt int64
		if err := rows.Scan(&id, &amt); err != nil {
			rows.Close()
			return nil, err
		}
		get(id).Over90 = amt
	}
	rows.Close()
	custs, err := s.Customers(ctx, data.CustomerFilter{})
	if err != nil {
		return nil, err
	}
	for _, c := range custs {
		b := get(c.ID)
		b.Segment = segment(*b)
		if c.CreditLimit > 0 {
			over, _, _, err := s.CreditCheck(ctx, c.ID, 0)
			if err != nil {
				return nil, err
			}
			b.OverLimit = over
		}
		switch {
		case b.Segment == "C":
			b.SuggestHold, b.HoldReason = true, "risk segment C"
		case b.OverLimit:
			b.SuggestHold, b.HoldReason = true, "over the credit limit"
		case b.BrokenPromises >= 2:
			b.SuggestHold, b.HoldReason = true, "two or more broken promises"
		}
	}
	return out, nil
}

// Due computes today's reminders: for each open invoice the latest step whose day has come
// and that was not sent yet (steps missed while the program was closed are not sent late:
// only the latest one is), skipping invoices with an open dispute or covered by an open
// promise whose date has not passed; one consolidated action per customer.
func dueRef(ctx context.Context, s *data.Store, asOf data.Date) ([]Action, error) {
	sc, err := LoadSchedule(ctx, s)
	if err != nil {
		return nil, err
	}
	if _, err := s.SettlePromises(ctx, asOf); err != nil && !s.ReadOnly() {
		return nil, err
	}
	open, err := s.Invoices(ctx, data.InvoiceFilter{OpenOnly: true})
	if err != nil {
		return nil, err
	}
	sent, err := s.RemindersSent(ctx)
	if err != nil {
		return nil, err
	}
	disputes, err := s.Disputes(ctx, true)
	if err != nil {
		return nil, err
	}
	disputed := map[int64]bool{}
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
	byCust := map[int64]*Action{}
	for _, inv := range open {
		if inv.IssueDate.After(asOf) || disputed[inv.ID] || promisedInv[inv.ID] || promisedCust[inv.CustomerID] {
			continue
		}
		days := asOf.DaysSince(inv.DueDate)
		st, ok := sc.latest(days)
		if !ok {
			continue
		}
		if last, was := sent[inv.ID]; was && last >= st.Offset {
			continue
		}
		a := byCust[inv.CustomerID]
		if a == nil {
			a = &Action{}
			byCust[inv.CustomerID] = a
		}
		a.Invoices = append(a.Invoices, ActionInvoice{Invoice: data.DueInvoice{ID: inv.ID, CustomerID: inv.CustomerID, Number: inv.Number,
			IssueDate: inv.IssueDate, DueDate: inv.DueDate, OpenAmount: inv.OpenAmount, Currency: inv.Currency}, Step: st, Days: days})
		a.Total += inv.OpenAmount
		if st.Offset > a.Step.Offset || a.Step.Name == "" {
			a.Step = st
		}
	}
	out := make([]Action, 0, len(byCust))
	for cid, a := range byCust {
		c, err := s.Customer(ctx, cid)
		if err != nil {
			return nil, err
		}
		a.Customer = c
		sort.Slice(a.Invoices, func(i, j int) bool { return a.Invoices[i].Invoice.DueDate.Before(a.Invoices[j].Invoice.DueDate) })
		out = append(out, *a)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Step.Offset != out[j].Step.Offset {
			return out[i].Step.Offset > out[j].Step.Offset
		}
		return out[i].Customer.Name < out[j].Customer.Name
	})
	return out, nil
}

// WorklistAndBehaviours is Worklist with the customers' behaviour it was ranked by (the
// Collections screen shows both).
func worklistRef(ctx context.Context, s *data.Store, asOf data.Date) ([]Row, map[int64]*Behaviour, error) {
	actions, err := dueRef(ctx, s, asOf)
	if err != nil {
		return nil, nil, err
	}
	beh, err := behavioursRef(ctx, s, asOf)
	if err != nil {
		return nil, nil, err
	}
	var rows []Row
	for i := range actions {
		a := &actions[i]
		c := a.Customer
		var score int64
		for _, x := range a.Invoices {
			if x.Days > 0 {
				score += x.Invoice.OpenAmount / 100 * int64(x.Days)
			}
		}
		if b := beh[c.ID]; b != nil {
			score += segmentWeight[b.Segment]
		}
		nums := strings.Join(a.Numbers(), ", ")
		step := a.Step.Name + " reminder"
		if a.Step.Name == "reminder" {
			step = "a reminder"
		}
		do := fmt.Sprintf("Send %s for %s (total %s) by %s", step, nums, money(a.Total, c.Currency), a.Channel())
		if a.Step.Name == "friendly" {
			do = fmt.Sprintf("Send friendly note: %s falls due soon (total %s)", nums, money(a.Total, c.Currency))
		}
		if a.Channel() == "phone" {
			who := c.Contact
			if who == "" {
				who = c.Name
			}
			do = fmt.Sprintf("Call %s at %s: %s overdue on %s", who, c.Phone, money(a.Total, c.Currency), nums)
			if a.Step.Name != "escalate" {
				do += fmt.Sprintf(" (%s step)", a.Step.Name) // a customer reminded by phone
			}
		}
		rows = append(rows, Row{Score: score, CustomerID: c.ID, Customer: c.Name, Kind: "reminder", Do: do, Action: a})
	}
	custs, err := s.Customers(ctx, data.CustomerFilter{})
	if err != nil {
		return nil, nil, err
	}
	byID := make(map[int64]*data.Customer, len(custs))
	for _, c := range custs {
		byID[c.ID] = c
	}
	cust := func(id int64) (*data.Customer, error) {
		if c, ok := byID[id]; ok {
			return c, nil
		}
		return nil, fmt.Errorf("worklist: customer %d does not exist", id)
	}
	// Promises: broken in the last 30 days, or due today.
	ps, err := s.Promises(ctx, 0, "")
	if err != nil {
		return nil, nil, err
	}
	for _, p := range ps {
		c, err := cust(p.CustomerID)
		if err != nil {
			return nil, nil, err
		}
		switch {
		case p.Status == "broken" && !p.SettledOn.After(asOf) && asOf.DaysSince(p.SettledOn) <= 30:
			who := c.Contact
			if who == "" {
				who = c.Name
			}
			rows = append(rows, Row{Score: 300_000 + p.Amount/100, CustomerID: c.ID, Customer: c.Name, Kind: "call",
				Do: fmt.Sprintf("Call %s at %s: promise of %s due %s broken", who, c.Phone, money(p.Amount, c.Currency), p.PromisedDate)})
		case p.Status == "open" && p.PromisedDate.Equal(asOf):
			rows = append(rows, Row{Score: 100_000 + p.Amount/100, CustomerID: c.ID, Customer: c.Name, Kind: "promise",
				Do: fmt.Sprintf("Promise of %s due today: check the payment arrived", money(p.Amount, c.Currency))})
		}
	}
	ds, err := s.Disputes(ctx, true)
	if err != nil {
		return nil, nil, err
	}
	for _, d := range ds {
		age := asOf.DaysSince(d.Opened)
		if age < 7 {
			continue
		}
		c, err := cust(d.CustomerID)
		if err != nil {
			return nil, nil, err
		}
		rows = append(rows, Row{Score: 80_000 + int64(age)*1000, CustomerID: c.ID, Customer: c.Name, Kind: "dispute",
			Do: fmt.Sprintf("Dispute on %s open %d days (%s): follow up", d.InvoiceNumber, age, d.Reason)})
	}
	acts, err := s.Activities(ctx, 0)
	if err != nil {
		return nil, nil, err
	}
	latest := map[int64]data.Date{}
	for _, a := range acts { // newest first
		if _, ok := latest[a.CustomerID]; !ok {
			latest[a.CustomerID] = a.Date
		}
		if !a.NextFollowUp.IsZero() && !a.NextFollowUp.After(asOf) && !latest[a.CustomerID].After(a.Date) {
			c, err := cust(a.CustomerID)
			if err != nil {
				return nil, nil, err
			}
			rows = append(rows, Row{Score: 60_000, CustomerID: c.ID, Customer: c.Name, Kind: "follow-up",
				Do: fmt.Sprintf("Follow up (planned %s): %s", a.NextFollowUp, firstNonEmpty(a.Note, a.Outcome))})
		}
	}
	for _, c := range custs {
		b := beh[c.ID]
		if c.ReviewDue(asOf) && b != nil && (b.PaidAmount > 0 || b.Over90 > 0) {
			last := "never"
			if !c.LastReviewed.IsZero() {
				last = c.LastReviewed.String()
			}
			rows = append(rows, Row{Score: 1_000, CustomerID: c.ID, Customer: c.Name, Kind: "review",
				Do: fmt.Sprintf("Review customer record (last reviewed %s)", last)})
		}
		if b != nil && b.SuggestHold && !c.CreditHold {
			rows = append(rows, Row{Score: 40_000, CustomerID: c.ID, Customer: c.Name, Kind: "credit-hold",
				Do: fmt.Sprintf("Consider credit hold: %s", b.HoldReason)})
		}
	}
	return groupByCustomer(rows), beh, nil
}
