package data

import "testing"

func TestSmokeFlow(t *testing.T) {
	s := newStore(t, "2026-03-31")
	c := mkCustomer(t, s, "Acme", 30)
	inv := mkInvoice(t, s, c, "2026-01-10", 10000)
	if inv.Number != "INV-00001" || inv.OpenAmount != 10000 {
		t.Fatalf("got %+v", inv)
	}
	p := &Payment{CustomerID: c.ID, Method: "bank", Amount: 15000}
	if err := s.RecordPayment(ctx, p, []Allocation{{InvoiceID: inv.ID, Amount: 10000}}); err != nil {
		t.Fatal(err)
	}
	b, err := s.CustomerBalance(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if b.Open != 0 || b.Credit != 5000 {
		t.Fatalf("balance %+v", b)
	}
	mustCheck(t, s)
	err = s.Allocate(ctx, p.ID, []Allocation{{InvoiceID: inv.ID, Amount: 1}})
	t.Logf("over-allocate: %v", err)
	if err == nil {
		t.Fatal("expected error")
	}
	_, err = s.WriterDB().Exec(`UPDATE invoices SET total = 5 WHERE id = ?`, inv.ID)
	t.Logf("direct update: %v -> %v", err, translateErr(err))
}
