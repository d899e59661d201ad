package reports

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"duebook/data"
)

// Statements come in the order asked across batches while the next batch is read ahead; an
// error or a cancel from the drawing stops the reading, and nothing is drawn after it.
func TestEachStatementAcrossBatches(t *testing.T) {
	today := data.MustDate("2026-06-30")
	s, err := data.OpenWith(filepath.Join(t.TempDir(), "co.duebook"), data.Options{Clock: data.FixedClock{Day: today}})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.GenerateDemo(ctx, data.DemoOptions{Customers: 3*statementBatch + 40, Invoices: 3000, Seed: 2, Today: today}); err != nil {
		t.Fatal(err)
	}
	opt := StatementOptions{From: today.AddDays(-30), AsOf: today}
	var ids []int64 // every customer, owing or not: several batches
	for id := int64(1); id <= 3*statementBatch+40; id++ {
		ids = append(ids, id)
	}
	var seen []int64
	if err := eachStatement(ctx, s, ids, opt, func(i int, st *data.Statement) error {
		if i != len(seen) {
			t.Fatalf("statement %d came as %d", len(seen), i)
		}
		seen = append(seen, st.Customer.ID)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	for i := range ids {
		if seen[i] != ids[i] {
			t.Fatalf("statement %d is customer %d, asked %d", i, seen[i], ids[i])
		}
	}
	stop := errors.New("the printer is out of paper")
	calls := 0
	err = eachStatement(ctx, s, ids, opt, func(i int, st *data.Statement) error {
		calls++
		if i == statementBatch+3 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || calls != statementBatch+4 {
		t.Fatalf("stopped with %v after %d statements", err, calls)
	}
	c, cancel := context.WithCancel(ctx)
	calls = 0
	err = eachStatement(c, s, ids, opt, func(i int, st *data.Statement) error {
		calls++
		if i == 10 {
			cancel()
		}
		return nil
	})
	if !errors.Is(err, context.Canceled) || calls != 11 {
		t.Fatalf("cancelled: %v after %d statements", err, calls)
	}
	// a batch that cannot be read (here the second, read by the second reader): the
	// statements before it are drawn, then its error ends the run
	bad := append([]int64{}, ids...)
	bad[statementBatch+5] = 999999
	calls = 0
	err = eachStatement(ctx, s, bad, opt, func(i int, st *data.Statement) error { calls++; return nil })
	if !errors.Is(err, data.ErrNotFound) || calls != statementBatch {
		t.Fatalf("unreadable second batch: %v after %d statements", err, calls)
	}
}
