package data

import (
	"math/rand/v2"
	"testing"
)

// TestPropertyRandomLedger runs 10,000 random post/pay/overpay/allocate/unallocate/void/
// credit/write-off operations (valid and invalid) against the store and a simple model.
// After every operation the store must agree with the model; Check must find nothing.
func TestPropertyRandomLedger(t *testing.T) {
	const ops = 10000
	s := newStore(t, "2026-01-01")
	rng := rand.New(rand.NewPCG(42, 7))
	type minv struct {
		id, total, open int64
		status          InvoiceStatus
		credited        bool
		cust            int
	}
	type mpay struct {
		id, amount, unalloc int64
		cust                int
	}
	type malloc struct {
		id, pay, inv, amount int64
	}
	var custs []*Customer
	for i := 0; i < 3; i++ {
		custs = append(custs, mkCustomer(t, s, "Customer "+string(rune('A'+i)), 30))
	}
	var invs []*minv
	var pays []*mpay
	invByID := map[int64]*minv{}
	payByID := map[int64]*mpay{}
	refreshAllocs := func() []malloc {
		rows, err := s.DB().Query(`SELECT id, payment_id, invoice_id, amount FROM allocations`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var out []malloc
		for rows.Next() {
			var a malloc
			rows.Scan(&a.id, &a.pay, &a.inv, &a.amount)
			out = append(out, a)
		}
		return out
	}
	verify := func(op string, i int) {
		type row struct {
			open, total int64
			st          string
		}
		got := map[int64]row{}
		rows, err := s.DB().Query(`SELECT id, open_amount, total, status FROM invoices`)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var id int64
			var r row
			rows.Scan(&id, &r.open, &r.total, &r.st)
			got[id] = r
		}
		rows.Close()
		for _, m := range invs {
			r := got[m.id]
			if r.open != m.open || r.total != m.total || InvoiceStatus(r.st) != m.status {
				t.Fatalf("op %d (%s): invoice %d store %+v, model %+v", i, op, m.id, r, *m)
			}
		}
		un := map[int64]int64{}
		rows, err = s.DB().Query(`SELECT id, unallocated FROM payments`)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var id, u int64
			rows.Scan(&id, &u)
			un[id] = u
		}
		rows.Close()
		for _, m := range pays {
			if un[m.id] != m.unalloc {
				t.Fatalf("op %d (%s): payment %d unallocated %d, model %d", i, op, m.id, un[m.id], m.unalloc)
			}
		}
	}
	day := MustDate("2026-01-01")
	pickInv := func(cust int, pred func(*minv) bool) *minv {
		var c []*minv
		for _, m := range invs {
			if (cust < 0 || m.cust == cust) && pred(m) {
				c = append(c, m)
			}
		}
		if len(c) == 0 {
			return nil
		}
		return c[rng.IntN(len(c))]
	}
	counts := map[string]int{}
	for i := 0; i < ops; i++ {
		if i%50 == 0 {
			day = day.AddDays(1)
			s.SetClock(FixedClock{day})
		}
		ci := rng.IntN(len(custs))
		c := custs[ci]
		var op string
		switch r := rng.IntN(100); {
		case r < 25:
			op = "post"
			amt := int64(1 + rng.IntN(100000))
			inv := &Invoice{CustomerID: c.ID, Lines: []InvoiceLine{{Description: "x", QtyMilli: 1000, UnitPrice: amt, TaxRateBP: int64(rng.IntN(3)) * 500}}}
			if err := s.CreateDraft(ctx, inv); err != nil {
				t.Fatal(err)
			}
			p, err := s.PostInvoice(ctx, inv.ID)
			if err != nil {
				t.Fatal(err)
			}
			m := &minv{id: p.ID, total: p.Total, open: p.Total, status: StatusPosted, cust: ci}
			invs = append(invs, m)
			invByID[m.id] = m
		case r < 50:
			op = "pay"
			// pay a random amount; allocate oldest first, maybe overpay (rest is credit)
			amt := int64(1 + rng.IntN(150000))
			sug, _, err := s.SuggestAllocation(ctx, c.ID, amt)
			if err != nil {
				t.Fatal(err)
			}
			if rng.IntN(4) == 0 && len(sug) > 0 { // allocate only part
				sug = sug[:1]
				sug[0].Amount = max(1, sug[0].Amount/2)
			}
			p := &Payment{CustomerID: c.ID, Method: "bank", Amount: amt}
			if err := s.RecordPayment(ctx, p, sug); err != nil {
				t.Fatal(err)
			}
			mp := &mpay{id: p.ID, amount: amt, unalloc: amt, cust: ci}
			for _, a := range sug {
				mp.unalloc -= a.Amount
				invByID[a.InvoiceID].open -= a.Amount
			}
			pays = append(pays, mp)
			payByID[mp.id] = mp
		case r < 58:
			op = "apply-credit"
			applied, err := s.ApplyCredit(ctx, c.ID)
			if err != nil {
				t.Fatal(err)
			}
			// model: recompute from the store's allocations is circular; instead check sums
			var credit, open int64
			for _, p := range pays {
				if p.cust == ci {
					credit += p.unalloc
				}
			}
			for _, m := range invs {
				if m.cust == ci && m.status == StatusPosted {
					open += m.open
				}
			}
			if applied != min(credit, open) {
				t.Fatalf("op %d: applied %d, model credit %d open %d", i, applied, credit, open)
			}
			// sync the model from the allocations table for this customer
			for _, p := range pays {
				if p.cust == ci {
					p.unalloc = p.amount
				}
			}
			for _, m := range invs {
				if m.cust == ci && m.status == StatusPosted {
					m.open = m.total
				}
			}
			var cn, wo map[int64]int64 = sumBy(t, s, "credit_notes"), sumBy(t, s, "write_offs")
			for _, m := range invs {
				if m.cust == ci && m.status == StatusPosted {
					m.open -= cn[m.id] + wo[m.id]
				}
			}
			for _, a := range refreshAllocs() {
				if p := payByID[a.pay]; p.cust == ci {
					p.unalloc -= a.amount
					invByID[a.inv].open -= a.amount
				}
			}
		case r < 66:
			op = "unallocate"
			as := refreshAllocs()
			if len(as) == 0 {
				continue
			}
			a := as[rng.IntN(len(as))]
			if err := s.Unallocate(ctx, a.id); err != nil {
				t.Fatal(err)
			}
			payByID[a.pay].unalloc += a.amount
			invByID[a.inv].open += a.amount
		case r < 72:
			op = "void"
			m := pickInv(-1, func(m *minv) bool { return m.status == StatusPosted })
			if m == nil {
				continue
			}
			err := s.VoidInvoice(ctx, m.id, "random void")
			if m.credited {
				if err == nil {
					t.Fatalf("op %d: voided a credited invoice", i)
				}
				break
			}
			if err != nil {
				t.Fatal(err)
			}
			for _, a := range refreshAllocsOf(t, s, m.id) {
				_ = a // allocations are gone already
			}
			// give allocations back: recompute payments of this invoice from the model diff
			m.status, m.open = StatusVoid, 0
			un := map[int64]int64{}
			rows, _ := s.DB().Query(`SELECT id, unallocated FROM payments`)
			for rows.Next() {
				var id, u int64
				rows.Scan(&id, &u)
				un[id] = u
			}
			rows.Close()
			for _, p := range pays {
				if un[p.id] < p.unalloc {
					t.Fatalf("op %d: void reduced a payment's credit", i)
				}
				p.unalloc = un[p.id]
			}
		case r < 80:
			op = "credit"
			m := pickInv(-1, func(m *minv) bool { return m.status == StatusPosted })
			if m == nil {
				continue
			}
			amt := int64(1 + rng.IntN(int(m.total)+10))
			err := s.IssueCreditNote(ctx, &CreditNote{InvoiceID: m.id, Amount: amt, Reason: "adj"})
			if amt > m.open {
				if err == nil {
					t.Fatalf("op %d: credit above open accepted", i)
				}
				break
			}
			if err != nil {
				t.Fatal(err)
			}
			m.open -= amt
			m.credited = true
		case r < 86:
			op = "write-off"
			m := pickInv(-1, func(m *minv) bool { return m.status == StatusPosted && m.open > 0 })
			if m == nil {
				continue
			}
			amt := m.open
			if rng.IntN(2) == 0 {
				amt = 1 + rng.Int64N(m.open)
			}
			if err := s.WriteOffInvoice(ctx, &WriteOff{InvoiceID: m.id, Amount: amt, Reason: "uncollectable"}); err != nil {
				t.Fatal(err)
			}
			m.open -= amt
			m.credited = true
		default:
			op = "over-allocate"
			// invalid: allocate more than the payment has or the invoice is open; must change nothing
			var p *mpay
			for _, x := range pays {
				if x.cust == ci {
					p = x
				}
			}
			m := pickInv(ci, func(m *minv) bool { return m.status == StatusPosted })
			if p == nil || m == nil {
				continue
			}
			amt := max(p.unalloc, m.open) + 1 + int64(rng.IntN(100))
			if err := s.Allocate(ctx, p.id, []Allocation{{InvoiceID: m.id, Amount: amt}}); err == nil {
				t.Fatalf("op %d: over-allocation accepted", i)
			}
		}
		counts[op]++
		if i%25 == 0 || op == "void" || op == "apply-credit" {
			verify(op, i)
		}
		if i%1000 == 999 {
			mustCheck(t, s)
		}
	}
	verify("end", ops)
	mustCheck(t, s)
	t.Logf("operations: %v; invoices %d, payments %d", counts, len(invs), len(pays))
}

func sumBy(t *testing.T, s *Store, table string) map[int64]int64 {
	rows, err := s.DB().Query(`SELECT invoice_id, sum(amount) FROM ` + table + ` GROUP BY invoice_id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	m := map[int64]int64{}
	for rows.Next() {
		var id, s int64
		rows.Scan(&id, &s)
		m[id] = s
	}
	return m
}

func refreshAllocsOf(t *testing.T, s *Store, inv int64) []int64 {
	rows, err := s.DB().Query(`SELECT id FROM allocations WHERE invoice_id = ?`, inv)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		rows.Scan(&id)
		out = append(out, id)
	}
	if len(out) > 0 {
		t.Fatalf("void invoice %d still has allocations %v", inv, out)
	}
	return out
}
