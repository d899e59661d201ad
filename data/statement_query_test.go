package data

import (
	"context"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"testing"
)

// StatementsFor (a batch of customers read together) gives exactly StatementFor's
// statements, and CustomersOwing exactly statementCustomersRef's list, on random sample
// companies, days and minimum balances.
func TestStatementsForMatchesStatementFor(t *testing.T) {
	today := MustDate("2026-06-30")
	// by hand: a payment applied days after it arrived, credit notes and write-offs on
	// the same day on two invoices, a void after a past day, a customer with credit only
	h := newStore(t, "2026-06-30")
	a, b := mkCustomer(t, h, "Alpha", 30), mkCustomer(t, h, "Bravo", 30)
	mkCustomer(t, h, "Charlie", 30)
	i1, i2 := mkInvoice(t, h, a, "2026-04-01", 10000), mkInvoice(t, h, a, "2026-04-01", 20000)
	i3 := mkInvoice(t, h, b, "2026-05-01", 5000)
	p := &Payment{CustomerID: a.ID, Date: MustDate("2026-05-01"), Method: "bank", Amount: 9000}
	if err := h.RecordPayment(ctx, p, nil); err != nil {
		t.Fatal(err)
	}
	if err := h.Allocate(ctx, p.ID, []Allocation{{InvoiceID: i1.ID, Amount: 4000, Date: MustDate("2026-06-10")}}); err != nil {
		t.Fatal(err)
	}
	for _, inv := range []*Invoice{i2, i1} {
		if err := h.IssueCreditNote(ctx, &CreditNote{InvoiceID: inv.ID, Date: MustDate("2026-06-12"), Amount: 300, Reason: "discount"}); err != nil {
			t.Fatal(err)
		}
		if err := h.WriteOffInvoice(ctx, &WriteOff{InvoiceID: inv.ID, Date: MustDate("2026-06-12"), Amount: 100, Reason: "small"}); err != nil {
			t.Fatal(err)
		}
	}
	if err := h.VoidInvoice(ctx, i3.ID, "wrong customer"); err != nil {
		t.Fatal(err)
	}
	stores := []*Store{h}
	for seed := uint64(1); seed <= 3; seed++ {
		s, err := OpenWith(filepath.Join(t.TempDir(), "co.duebook"), Options{Clock: FixedClock{today}})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		if err := s.GenerateDemo(ctx, DemoOptions{Customers: 30 + int(seed)*10, Invoices: 1200, Seed: seed, Today: today}); err != nil {
			t.Fatal(err)
		}
		stores = append(stores, s)
	}
	for seed, s := range stores {
		rng := rand.New(rand.NewPCG(uint64(seed), 3))
		days := []Date{today, today.AddDays(-rng.IntN(30)), today.AddDays(-60 - rng.IntN(300)), today.AddDays(-700)}
		if seed == 0 {
			days = []Date{today, MustDate("2026-06-12"), MustDate("2026-06-11"), MustDate("2026-06-09"), MustDate("2026-05-02")}
		}
		for _, day := range days {
			mins := []int64{0, 1, int64(rng.IntN(500_000))}
			if seed == 0 {
				mins = append(mins, 22000, 25001, 29000) // Alpha owes 21,000 on 06-09 (the credit came before)
			}
			for _, minBal := range mins {
				want, err := s.statementCustomersRef(ctx, day, minBal)
				if err != nil {
					t.Fatal(err)
				}
				got, err := s.CustomersOwing(ctx, day, minBal)
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("seed %d, %s, min %d: customers owing %v, want %v", seed, day, minBal, got, want)
				}
				if seed > 0 && day == today && minBal == 0 && len(want) < 5 {
					t.Fatalf("seed %d: only %d customers owe anything; the comparison says little", seed, len(want))
				}
			}
			var all []int64
			cs, err := s.Customers(ctx, CustomerFilter{})
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range cs {
				all = append(all, c.ID)
			}
			from := day.AddDays(-rng.IntN(120))
			got, err := s.StatementsFor(ctx, all, from, day)
			if err != nil {
				t.Fatal(err)
			}
			for i, id := range all {
				want, err := s.StatementFor(ctx, id, from, day)
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(got[i], want) {
					t.Fatalf("seed %d, %s..%s, customer %d: batch statement\n%+v\nwant\n%+v", seed, from, day, id, got[i], want)
				}
			}
		}
	}
	s := newStore(t, "2026-06-30")
	if _, err := s.StatementsFor(ctx, []int64{42}, Date{}, Date{}); err == nil {
		t.Fatal("a customer that does not exist gave a statement")
	}
}

// statementCustomersRef is CustomersOwing's reference: the ids of customers whose amount
// due on asOf (open invoices less unapplied payments, in the customer's currency) is at
// least minBalance and above zero, ordered by name, from every invoice and payment rebuilt
// as StatementFor reads them.
func (s *Store) statementCustomersRef(ctx context.Context, asOf Date, minBalance int64) ([]int64, error) {
	if asOf.IsZero() {
		asOf = s.Today()
	}
	d := asOf.String()
	if minBalance < 1 {
		minBalance = 1
	}
	return queryAll(ctx, s.r, `SELECT id FROM (SELECT c.id, c.name,
		coalesce((SELECT sum(i.total
			- coalesce((SELECT sum(amount) FROM allocations a WHERE a.invoice_id = i.id AND a.date <= ?1), 0)
			- coalesce((SELECT sum(amount) FROM credit_notes n WHERE n.invoice_id = i.id AND n.date <= ?1), 0)
			- coalesce((SELECT sum(amount) FROM write_offs w WHERE w.invoice_id = i.id AND w.date <= ?1), 0))
			FROM invoices i WHERE i.customer_id = c.id AND i.currency = c.currency AND i.issue_date <= ?1
			  AND (i.status = 'posted' OR (i.status = 'void' AND i.void_date > ?1))), 0)
		- coalesce((SELECT sum(p.amount - coalesce((SELECT sum(a.amount) FROM allocations a WHERE a.payment_id = p.id AND a.date <= ?1), 0))
			FROM payments p WHERE p.customer_id = c.id AND p.currency = c.currency AND p.date <= ?1), 0) AS due
		FROM customers c) WHERE due >= ?2 ORDER BY lower(name), id`,
		func(sc scanner) (id int64, err error) { err = sc.Scan(&id); return id, err }, d, minBalance)
}
