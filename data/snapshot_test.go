package data

import (
	"testing"
	"time"
)

// viewShared gives its readers one snapshot: a write committed while they run is seen by
// none of them, and it is refused (nothing run) while another connection holds the write lock.
func TestViewSharedOneSnapshot(t *testing.T) {
	s := newStore(t, "2026-06-30")
	c := mkCustomer(t, s, "Snapshot Co", 30)
	mkInvoice(t, s, c, "2026-06-01", 100)
	count := func(tx sqlTx) (n int) {
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM invoices`).Scan(&n); err != nil {
			t.Error(err)
		}
		return n
	}
	var n1, n2 int
	started := make(chan struct{})
	wrote := make(chan struct{})
	ok, err := s.viewShared(ctx,
		func(tx sqlTx) error {
			close(started)
			<-wrote
			n1 = count(tx)
			return nil
		},
		func(tx sqlTx) error {
			<-started
			mkInvoice(t, s, c, "2026-06-02", 200) // commits while both readers are open
			close(wrote)
			n2 = count(tx)
			return nil
		})
	if !ok || err != nil {
		t.Fatalf("viewShared: ok %v err %v", ok, err)
	}
	if n1 != 1 || n2 != 1 {
		t.Fatalf("the readers saw %d and %d invoices, want the snapshot's 1 for both", n1, n2)
	}
	// another connection writing: viewShared does not wait and runs nothing
	other, err := OpenWith(s.Path(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	hold := make(chan struct{})
	locked := make(chan struct{})
	done := make(chan struct{})
	go func() {
		// the writer's transactions begin IMMEDIATE: fn runs holding the write lock
		other.Update(ctx, func(tx *Tx) error { close(locked); <-hold; return nil })
		close(done)
	}()
	select {
	case <-locked:
	case <-time.After(30 * time.Second):
		t.Fatal("the other connection never took the write lock")
	}
	ran := false
	ok, _ = s.viewShared(ctx, func(tx sqlTx) error { ran = true; return nil }, func(tx sqlTx) error { ran = true; return nil })
	close(hold)
	<-done
	if ok || ran {
		t.Fatalf("viewShared ran (%v, %v) while another connection held the write lock", ok, ran)
	}
}
