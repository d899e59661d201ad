package inbox

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"unicode"

	"duebook/data"
)

// Proposal is what the reader suggests doing with a received payment.
type Proposal struct {
	CustomerID int64
	Customer   string
	Allocs     []data.Allocation
	Confidence int    // 0–100
	Reason     string // one line
	// Exact: the invoice reference and the amount both match. Only exact proposals from
	// trusted senders are applied without asking.
	Exact bool
}

type openInv struct {
	id, cust int64
	number   string
	open     int64
	currency string
	due      data.Date
}

// Matcher holds the open invoices and customers in memory, indexed for matching.
type Matcher struct {
	byNumber map[string]*openInv
	byCust   map[int64][]*openInv
	byEmail  map[string]int64
	byName   map[string]int64
	names    map[int64]string
}

// NewMatcher loads the open invoices and customers of the store.
func NewMatcher(ctx context.Context, s *data.Store) (*Matcher, error) {
	m := &Matcher{byNumber: map[string]*openInv{}, byCust: map[int64][]*openInv{}, byEmail: map[string]int64{},
		byName: map[string]int64{}, names: map[int64]string{}}
	open, err := s.OpenInvoiceRefs(ctx)
	if err != nil {
		return nil, err
	}
	for _, r := range open {
		o := &openInv{id: r.ID, cust: r.CustomerID, number: r.Number, open: r.Open, currency: r.Currency, due: r.DueDate}
		m.byNumber[strings.ToUpper(o.number)] = o
		m.byCust[o.cust] = append(m.byCust[o.cust], o)
	}
	custs, err := s.Customers(ctx, data.CustomerFilter{})
	if err != nil {
		return nil, err
	}
	for _, c := range custs {
		m.names[c.ID] = c.Name
		for _, e := range c.Emails {
			m.byEmail[strings.ToLower(e)] = c.ID
		}
		m.byName[normName(c.Name)] = c.ID
		if c.Contact != "" {
			if _, taken := m.byName[normName(c.Contact)]; !taken {
				m.byName[normName(c.Contact)] = c.ID
			}
		}
	}
	return m, nil
}

var nameNoise = map[string]bool{"inc": true, "llc": true, "ltd": true, "co": true, "gmbh": true, "the": true, "and": true, "sons": true, "group": true, "sarl": true, "sro": true}

// normName folds case, accents-free punctuation and legal suffixes: "Cooper Design, LLC" → "cooper design".
func normName(s string) string {
	f := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	var out []string
	for _, w := range f {
		if !nameNoise[w] {
			out = append(out, w)
		}
	}
	return strings.Join(out, " ")
}

// Provider fees as (rate in basis points, fixed minor units): what is left after the fee is
// amount − round(amount × rate) − fixed.
var providerFees = map[Provider][2]int64{PayPal: {349, 49}, Stripe: {290, 30}, Square: {260, 15}}

func netOf(gross int64, fee [2]int64) int64 {
	f, _ := data.MulDivRound(gross, fee[0], 10000)
	return gross - f - fee[1]
}

func near(a, b int64) bool { return a-b <= 1 && b-a <= 1 }

// Match proposes customer and allocations for a received payment: (1) an invoice number in the
// memo with the exact open amount; (2) the payer's email or name to a customer with one open
// invoice of exactly the amount; (3) a set of the customer's open invoices adding up to the
// amount; (4) the amount after the provider's fee (gross paid, net received). ok=false: no idea.
func (m *Matcher) Match(p Parsed) (Proposal, bool) {
	if p.Kind != KindReceived || !p.HasAmount || p.Amount <= 0 {
		return Proposal{}, false
	}
	amounts := []int64{p.Amount}
	if p.Net > 0 && p.Net != p.Amount {
		amounts = append(amounts, p.Net)
	}
	// 1: invoice reference
	for _, ref := range p.InvoiceRefs {
		o := m.byNumber[strings.ToUpper(ref)]
		if o == nil || o.currency != p.Currency || o.open <= 0 {
			continue
		}
		if o.open == p.Amount {
			return m.prop(o.cust, []*openInv{o}, []int64{p.Amount}, 95, fmt.Sprintf("invoice %s named in the message, amount equals its open balance", o.number), true), true
		}
		if p.Amount < o.open {
			return m.prop(o.cust, []*openInv{o}, []int64{p.Amount}, 70, fmt.Sprintf("invoice %s named in the message; a partial payment (%s of %s open)",
				o.number, data.FormatAmount(p.Amount, p.Currency), data.FormatAmount(o.open, p.Currency)), false), true
		}
		// more than the open balance: the rest becomes credit
		return m.prop(o.cust, []*openInv{o}, []int64{o.open}, 60, fmt.Sprintf("invoice %s named in the message; %s more than its open balance stays as credit",
			o.number, data.FormatAmount(p.Amount-o.open, p.Currency)), false), true
	}
	// 2: payer → customer
	cust, how := m.customerOf(p)
	if cust == 0 {
		return Proposal{}, false
	}
	var invs []*openInv
	for _, o := range m.byCust[cust] {
		if o.currency == p.Currency && o.open > 0 {
			invs = append(invs, o)
		}
	}
	var same []*openInv
	for _, o := range invs {
		if o.open == p.Amount {
			same = append(same, o)
		}
	}
	switch {
	case len(same) == 1:
		o := same[0]
		return m.prop(cust, []*openInv{o}, []int64{o.open}, 80, fmt.Sprintf("payer matches %s by %s; %s has exactly this amount open", m.names[cust], how, o.number), false), true
	case len(same) > 1:
		// not a guess: the user is told that the payment fits several invoices
		sort.SliceStable(same, func(i, j int) bool { return same[i].due.Before(same[j].due) })
		nums := make([]string, len(same))
		for i, o := range same {
			nums[i] = o.number
		}
		return m.prop(cust, same[:1], []int64{p.Amount}, 50, fmt.Sprintf("payer matches %s by %s; %s all have exactly this amount open: the oldest is proposed, choose the one it pays",
			m.names[cust], how, strings.Join(nums, ", ")), false), true
	}
	// 3: several invoices summing to the amount (oldest first, at most 12 invoices)
	if set := subsetSum(invs, p.Amount); set != nil {
		nums := make([]string, len(set))
		amts := make([]int64, len(set))
		for i, o := range set {
			nums[i], amts[i] = o.number, o.open
		}
		return m.prop(cust, set, amts, 70, fmt.Sprintf("payer matches %s by %s; invoices %s add up to the amount", m.names[cust], how, strings.Join(nums, ", ")), false), true
	}
	// 4: fee-adjusted: the payer paid the open amount, the provider kept its fee
	if fee, ok := providerFees[p.Provider]; ok {
		for _, o := range invs {
			if near(netOf(o.open, fee), p.Amount) {
				return m.prop(cust, []*openInv{o}, []int64{p.Amount}, 55, fmt.Sprintf("payer matches %s by %s; %s received is %s less the %s fee (fee to be written off)",
					m.names[cust], how, data.FormatAmount(p.Amount, p.Currency), o.number, p.Provider), false), true
			}
		}
	}
	// Known customer, nothing fits: everything as credit.
	return m.prop(cust, nil, nil, 40, fmt.Sprintf("payer matches %s by %s; no open invoice fits the amount, it would stay as credit", m.names[cust], how), false), true
}

func (m *Matcher) customerOf(p Parsed) (int64, string) {
	if id, ok := m.byEmail[strings.ToLower(p.PayerEmail)]; ok && p.PayerEmail != "" {
		return id, "email"
	}
	if n := normName(p.PayerName); n != "" {
		if id, ok := m.byName[n]; ok {
			return id, "name"
		}
	}
	return 0, ""
}

func (m *Matcher) prop(cust int64, invs []*openInv, amts []int64, conf int, reason string, exact bool) Proposal {
	p := Proposal{CustomerID: cust, Customer: m.names[cust], Confidence: conf, Reason: reason, Exact: exact}
	for i, o := range invs {
		p.Allocs = append(p.Allocs, data.Allocation{InvoiceID: o.id, Amount: amts[i], InvoiceNumber: o.number})
	}
	return p
}

// Applied tells the matcher that allocations were made, so later matches see what is left.
func (m *Matcher) Applied(allocs []data.Allocation) {
	for _, a := range allocs {
		if o := m.byNumber[strings.ToUpper(a.InvoiceNumber)]; o != nil && o.id == a.InvoiceID {
			o.open -= a.Amount
		}
	}
}

// subsetSum finds a set of 2+ invoices (from the oldest 12) whose open amounts add up to amount.
func subsetSum(invs []*openInv, amount int64) []*openInv {
	if len(invs) > 12 {
		invs = invs[:12]
	}
	sort.SliceStable(invs, func(i, j int) bool { return invs[i].due.Before(invs[j].due) })
	n := len(invs)
	for mask := 1; mask < 1<<n; mask++ {
		var sum int64
		count := 0
		for i := 0; i < n; i++ {
			if mask&(1<<i) != 0 {
				sum += invs[i].open
				count++
			}
		}
		if count >= 2 && sum == amount {
			var out []*openInv
			for i := 0; i < n; i++ {
				if mask&(1<<i) != 0 {
					out = append(out, invs[i])
				}
			}
			return out
		}
	}
	return nil
}
