package data

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
)

func TestOnChangeFiresAfterCommitOnly(t *testing.T) {
	s, err := OpenWith(filepath.Join(t.TempDir(), "n.duebook"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	n := 0
	var seen string
	cancel := s.OnChange(func() {
		n++
		// The write is committed: a reader sees it.
		if c, err := s.Customer(ctx, 1); err == nil {
			seen = c.Name
		}
	})
	if err := s.CreateCustomer(ctx, &Customer{Name: "Anchor Supply", Currency: "USD", TermsDays: 30, Emails: []string{"ap@example.com"}}); err != nil {
		t.Fatal(err)
	}
	if n != 1 || seen != "Anchor Supply" {
		t.Fatalf("after a commit: %d calls, reader saw %q", n, seen)
	}
	boom := errors.New("boom")
	if err := s.Update(ctx, func(tx *Tx) error { return boom }); !errors.Is(err, boom) {
		t.Fatal(err)
	}
	if err := s.CreateCustomer(ctx, &Customer{Name: ""}); err == nil {
		t.Fatal("empty name accepted")
	}
	if _, err := s.SettlePromises(ctx, s.Today()); err != nil { // a write that changes nothing
		t.Fatal(err)
	}
	if n != 1 {
		t.Fatalf("a rolled-back, refused or empty write notified: %d calls", n)
	}
	cancel()
	if err := s.CreateCustomer(ctx, &Customer{Name: "Bay Tools", Currency: "USD", TermsDays: 30, Emails: []string{"ap@example.com"}}); err != nil {
		t.Fatal(err)
	}
	if n != 1 {
		t.Fatalf("notified after unsubscribing: %d calls", n)
	}
}

// A transaction that changed rows and was rolled back, or another transaction on the
// connection, does not make a later write that changed nothing look like news.
func TestOnChangeCountsOnlyTheCommittedTransaction(t *testing.T) {
	s, err := OpenWith(filepath.Join(t.TempDir(), "n.duebook"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	n := 0
	defer s.OnChange(func() { n++ })()
	boom := errors.New("boom")
	err = s.Update(ctx, func(tx *Tx) error {
		if err := tx.CreateCustomer(&Customer{Name: "Anchor Supply", Currency: "USD", TermsDays: 30, Emails: []string{"ap@example.com"}}); err != nil {
			return err
		}
		return boom // rows were written, then rolled back
	})
	if !errors.Is(err, boom) {
		t.Fatal(err)
	}
	if _, err := s.SettlePromises(ctx, s.Today()); err != nil { // a write that changes nothing
		t.Fatal(err)
	}
	if n != 0 {
		t.Fatalf("an empty write after a rolled-back one notified: %d calls", n)
	}
	if err := s.CreateCustomer(ctx, &Customer{Name: "Bay Tools", Currency: "USD", TermsDays: 30, Emails: []string{"ap@example.com"}}); err != nil {
		t.Fatal(err)
	}
	if n != 1 {
		t.Fatalf("a committed write: %d calls", n)
	}
}
