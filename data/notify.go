package data

import (
	"context"
	"database/sql"
)

// changeSubs are a store's change subscribers (OnChange).
type changeSubs struct {
	n int
	f map[int]func()
}

// OnChange calls f after every committed write transaction of s (Update) that changed a
// row, on the goroutine that made the write, after the commit (a reader then sees the
// change). f must not block: hand the work to another goroutine or queue it. The returned
// function unsubscribes.
func (s *Store) OnChange(f func()) (cancel func()) {
	s.subsMu.Lock()
	defer s.subsMu.Unlock()
	s.subs.n++
	id := s.subs.n
	if s.subs.f == nil {
		s.subs.f = map[int]func(){}
	}
	s.subs.f[id] = f
	return func() {
		s.subsMu.Lock()
		defer s.subsMu.Unlock()
		delete(s.subs.f, id)
	}
}

// changeMark reads, inside a write transaction, the writer connection's total_changes():
// Update reads it when the transaction begins and again before it commits, and the two
// differ exactly when this transaction changed a row (the connection runs one transaction
// at a time, so no other transaction's rows are counted). ok is false when nobody listens
// (nothing to read) or the read failed.
func (s *Store) changeMark(ctx context.Context, tx *sql.Tx) (mark int64, ok bool) {
	s.subsMu.Lock()
	listened := len(s.subs.f) > 0
	s.subsMu.Unlock()
	if !listened {
		return 0, false
	}
	if err := tx.QueryRowContext(ctx, `SELECT total_changes()`).Scan(&mark); err != nil {
		return 0, false
	}
	return mark, true
}

// changedSince says whether tx changed a row since begin (a mark from changeMark). When
// the mark could not be read and someone listens, it says yes: a notification too many
// is harmless, one too few leaves a screen stale.
func (s *Store) changedSince(ctx context.Context, tx *sql.Tx, begin int64, beginOK bool) bool {
	end, ok := s.changeMark(ctx, tx)
	if !ok {
		s.subsMu.Lock()
		defer s.subsMu.Unlock()
		return len(s.subs.f) > 0
	}
	return !beginOK || end != begin
}

// notifyChange tells the subscribers of s that a write was committed.
func (s *Store) notifyChange() {
	s.subsMu.Lock()
	fs := make([]func(), 0, len(s.subs.f))
	for _, f := range s.subs.f {
		fs = append(fs, f)
	}
	s.subsMu.Unlock()
	for _, f := range fs {
		f()
	}
}
