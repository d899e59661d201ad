package collect

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"duebook/data"
)

// Row is one thing to do today.
type Row struct {
	Score      int64
	CustomerID int64
	Customer   string
	Kind       string // reminder, call, promise, dispute, follow-up, review, credit-hold
	Do         string // what to do, in words
	Action     *Action
}

var segmentWeight = map[string]int64{"A": 0, "B": 50_000, "C": 200_000}

func money(v int64, cur string) string { return data.Money{Amount: v, Currency: cur}.String() }

// Worklist lists today's collection work, most urgent first; a customer's rows come
// together, after their most urgent one. The score is the overdue amount
// (in major units) × days overdue, plus fixed weights for broken promises, the customer's risk
// segment and open disputes, so that big old debts and broken promises come first.
func Worklist(ctx context.Context, s *data.Store, asOf data.Date) ([]Row, error) {
	rows, _, err := WorklistAndBehaviours(ctx, s, asOf)
	return rows, err
}

// WorklistAndBehaviours is Worklist with the customers' behaviour it was ranked by (the
// Collections screen shows both).
func WorklistAndBehaviours(ctx context.Context, s *data.Store, asOf data.Date) ([]Row, map[int64]*Behaviour, error) {
	if err := settle(ctx, s, asOf); err != nil {
		return nil, nil, err
	}
	custs, err := s.CustomerBriefs(ctx) // by id
	if err != nil {
		return nil, nil, err
	}
	recs, err := s.PayRecords(ctx, asOf)
	if err != nil {
		return nil, nil, err
	}
	beh := behaviours(recs, custs)
	ds, err := s.Disputes(ctx, true)
	if err != nil {
		return nil, nil, err
	}
	ps, err := s.PromisesToChase(ctx, asOf) // broken in the last 30 days, or due today
	if err != nil {
		return nil, nil, err
	}
	acts, err := s.FollowUpsDue(ctx, asOf) // each customer's latest contact, when its follow-up has come
	if err != nil {
		return nil, nil, err
	}
	actions, err := dueFor(ctx, s, asOf, ds)
	if err != nil {
		return nil, nil, err
	}
	review := func(c *data.CustomerBrief, b *Behaviour) bool {
		return c.ReviewDue(asOf) && b != nil && (b.PaidAmount > 0 || b.Over90 > 0)
	}
	hold := func(c *data.CustomerBrief, b *Behaviour) bool { return b != nil && b.SuggestHold && !c.CreditHold }
	n := len(actions) + len(ps) + len(ds) + len(acts) // at most this many rows
	for i := range custs {
		c, b := &custs[i], beh[custs[i].ID]
		if review(c, b) {
			n++
		}
		if hold(c, b) {
			n++
		}
	}
	rows := make([]Row, 0, n)
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
	cust := func(id int64) (*data.CustomerBrief, error) { // custs is by id
		if i, ok := slices.BinarySearchFunc(custs, id, func(c data.CustomerBrief, id int64) int { return cmp.Compare(c.ID, id) }); ok {
			return &custs[i], nil
		}
		return nil, fmt.Errorf("worklist: customer %d does not exist", id)
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
	for _, a := range acts {
		c, err := cust(a.CustomerID)
		if err != nil {
			return nil, nil, err
		}
		rows = append(rows, Row{Score: 60_000, CustomerID: c.ID, Customer: c.Name, Kind: "follow-up",
			Do: fmt.Sprintf("Follow up (planned %s): %s", a.NextFollowUp, firstNonEmpty(a.Note, a.Outcome))})
	}
	for i := range custs {
		c := &custs[i]
		b := beh[c.ID]
		if review(c, b) {
			last := "never"
			if !c.LastReviewed.IsZero() {
				last = c.LastReviewed.String()
			}
			rows = append(rows, Row{Score: 1_000, CustomerID: c.ID, Customer: c.Name, Kind: "review",
				Do: fmt.Sprintf("Review customer record (last reviewed %s)", last)})
		}
		if hold(c, b) {
			rows = append(rows, Row{Score: 40_000, CustomerID: c.ID, Customer: c.Name, Kind: "credit-hold",
				Do: fmt.Sprintf("Consider credit hold: %s", b.HoldReason)})
		}
	}
	return groupByCustomer(rows), beh, nil
}

// groupByCustomer orders rows most urgent first, with each customer's other rows right
// after their most urgent one: whoever calls or writes to a customer sees everything to
// raise with them together.
func groupByCustomer(rows []Row) []Row {
	// by lists the rows' positions in rank order: by score, then customer name, then as they
	// came (a stable sort, done on 4-byte positions instead of the rows)
	by := make([]int32, len(rows))
	for i := range by {
		by[i] = int32(i)
	}
	slices.SortFunc(by, func(i, j int32) int {
		a, b := &rows[i], &rows[j]
		if a.Score != b.Score {
			return cmp.Compare(b.Score, a.Score)
		}
		if c := strings.Compare(a.Customer, b.Customer); c != 0 {
			return c
		}
		return cmp.Compare(i, j)
	})
	// Each rank's key is the rank of its customer's most urgent row; a counting sort by that
	// key keeps the rank order within a customer.
	first := make(map[int64]int32, len(rows)/2)
	key := make([]int32, len(rows))
	for r, i := range by {
		k, ok := first[rows[i].CustomerID]
		if !ok {
			k = int32(r)
			first[rows[i].CustomerID] = k
		}
		key[r] = k
	}
	next := make([]int32, len(rows)+1) // where the next row of each key goes
	for _, k := range key {
		next[k+1]++
	}
	for i := 1; i < len(next); i++ {
		next[i] += next[i-1]
	}
	dest := make([]int32, len(rows)) // where each row goes, by its position
	for r, i := range by {
		dest[i] = next[key[r]]
		next[key[r]]++
	}
	for i := range rows { // put the rows there in place, cycle by cycle
		for int(dest[i]) != i {
			j := dest[i]
			rows[i], rows[j] = rows[j], rows[i]
			dest[i], dest[j] = dest[j], dest[i]
		}
	}
	return rows
}

func firstNonEmpty(xs ...string) string {
	for _, x := range xs {
		if strings.TrimSpace(x) != "" {
			return x
		}
	}
	return ""
}
