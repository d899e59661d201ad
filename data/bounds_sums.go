package data

import (
	"runtime"
	"sync"
	"weak"
)

// The ceiling check of every invoice and payment written must not add up the whole company
// again (that made 20,000 invoices written in a row three times slower, and a save in a
// company of a million invoices wait for a full scan). So each store keeps upper bounds of
// its two sums: set from an exact sum, raised by every invoice and payment it writes (never
// lowered: a rolled-back write or a deleted draft leaves the bound above the true sum, which
// only errs on the safe side). Before it is used the bound is checked against what could
// have changed behind it: a commit by another connection (another program; PRAGMA
// data_version tells) or a row added on this connection without a check (the demo
// generator; the largest id tells). When the bound says a write would pass the ceiling the
// sum is taken exactly before the write is refused.

const (
	sumInvoices = iota
	sumPayments
)

type sumBounds struct {
	mu      sync.Mutex
	ok      bool
	version int64    // data_version when last checked
	maxID   [2]int64 // largest invoice and payment id seen
	sum     [2]int64 // upper bounds of the sums
}

var (
	boundsMu sync.Mutex
	bounds   = map[weak.Pointer[Store]]*sumBounds{}
)

func boundsOf(s *Store) *sumBounds {
	k := weak.Make(s)
	boundsMu.Lock()
	defer boundsMu.Unlock()
	b := bounds[k]
	if b == nil {
		b = &sumBounds{}
		bounds[k] = b
		runtime.AddCleanup(s, func(k weak.Pointer[Store]) {
			boundsMu.Lock()
			delete(bounds, k)
			boundsMu.Unlock()
		}, k)
	}
	return b
}

var sumQueries = [2]struct{ sum, maxID string }{
	{`SELECT coalesce(sum(total), 0) FROM invoices`, `SELECT coalesce(max(id), 0) FROM invoices`},
	{`SELECT coalesce(sum(amount), 0) FROM payments`, `SELECT coalesce(max(id), 0) FROM payments`},
}

// exactSum adds up invoices or payments; a sum that overflows is over the ceiling.
func (tx *Tx) exactSum(kind int) (int64, error) {
	var n int64
	err := tx.QueryRowContext(tx.ctx, sumQueries[kind].sum).Scan(&n)
	if isOverflow(err) {
		return MaxCompanyTotal + 1, nil
	}
	return n, err
}

// reserve checks that replacing old with add in the invoices' or payments' sum keeps it
// within MaxCompanyTotal, and raises the bound by what the write adds. field and what name
// the refusal.
func (tx *Tx) reserve(kind int, old, add int64, field, what, currency string) error {
	b := boundsOf(tx.s)
	b.mu.Lock()
	defer b.mu.Unlock()
	var version int64
	var maxID [2]int64
	if err := tx.QueryRowContext(tx.ctx, `PRAGMA data_version`).Scan(&version); err != nil {
		return err
	}
	for k := range maxID {
		if err := tx.QueryRowContext(tx.ctx, sumQueries[k].maxID).Scan(&maxID[k]); err != nil {
			return err
		}
	}
	if !b.ok || version != b.version || maxID[0] > b.maxID[0] || maxID[1] > b.maxID[1] {
		for k := range b.sum {
			n, err := tx.exactSum(k)
			if err != nil {
				b.ok = false
				return err
			}
			b.sum[k] = n
		}
		b.ok, b.version, b.maxID = true, version, maxID
	} else if b.sum[kind]-old > MaxCompanyTotal-add {
		n, err := tx.exactSum(kind) // the bound is high: is the sum?
		if err != nil {
			return err
		}
		b.sum[kind] = n
	}
	if err := ceilingErr(field, what, b.sum[kind]-old, add, currency); err != nil {
		return err
	}
	if add > old {
		b.sum[kind] += add - old
	}
	return nil
}

// wrote tells the bounds the id of a row this store just wrote (after reserve).
func (tx *Tx) wrote(kind int, id int64) {
	b := boundsOf(tx.s)
	b.mu.Lock()
	b.maxID[kind] = max(b.maxID[kind], id)
	b.mu.Unlock()
}
