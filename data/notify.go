package data

import (
	"context"
	"sync"
)

// Change subscribers, per store. They live here rather than in Store's fields so that the
// only change to the write path is the one call in Update after a successful commit.
var (
	subsMu sync.Mutex
	subs   = map[*Store]map[int]func(){}
	subsN  int
	// seen is the writer connection's total_changes() at the last notification: a
	// transaction that changed no row (a settle that found nothing to settle) is not news.
	seen = map[*Store]int64{}
)

// OnChange calls f after every committed write transaction of s (Update) that changed a
// row, on the goroutine
// that made the write, after the commit (a reader then sees the change). f must not block:
// hand the work to another goroutine or queue it. The returned function unsubscribes.
func (s *Store) OnChange(f func()) (cancel func()) {
	subsMu.Lock()
	defer subsMu.Unlock()
	subsN++
	id := subsN
	if subs[s] == nil {
		subs[s] = map[int]func(){}
	}
	subs[s][id] = f
	if _, ok := seen[s]; !ok && s.w != nil {
		var total int64
		if err := s.w.QueryRowContext(context.Background(), `SELECT total_changes()`).Scan(&total); err == nil {
			seen[s] = total
		}
	}
	return func() {
		subsMu.Lock()
		defer subsMu.Unlock()
		delete(subs[s], id)
		if len(subs[s]) == 0 {
			delete(subs, s)
			delete(seen, s)
		}
	}
}

// notifyChange tells the subscribers of s that a write was committed.
func (s *Store) notifyChange() {
	subsMu.Lock()
	if len(subs[s]) == 0 {
		subsMu.Unlock()
		return
	}
	// One writer connection (SetMaxOpenConns(1)): its total_changes() counts every row
	// changed through this store since it opened.
	var total int64
	if err := s.w.QueryRowContext(context.Background(), `SELECT total_changes()`).Scan(&total); err == nil {
		if prev, ok := seen[s]; ok && prev == total {
			subsMu.Unlock()
			return
		}
		seen[s] = total
	}
	fs := make([]func(), 0, len(subs[s]))
	for _, f := range subs[s] {
		fs = append(fs, f)
	}
	subsMu.Unlock()
	for _, f := range fs {
		f()
	}
}
