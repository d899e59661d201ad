package data

import (
	"context"
	"database/sql"
	"runtime"
	"sync/atomic"
	"time"
)

// viewShared runs fns at once, each in its own read transaction on its own connection, all
// on one snapshot of the file: for a read that two cores answer sooner in parts (the
// invoice and payment list rows of a large file). SQLite gives no way to hand one snapshot
// to another connection here, so the readers start while a connection holds the write lock
// (BEGIN IMMEDIATE): no commit can come between their starts, and each sees the same last
// commit. The lock is held only while they start (microseconds) and never waited for: when
// another connection is writing, the file is immutable, or the machine has one core, ok is
// false and nothing ran (the caller reads in one transaction instead).
func (s *Store) viewShared(ctx context.Context, fns ...func(tx sqlTx) error) (ok bool, err error) {
	if runtime.NumCPU() < 2 || len(fns) < 2 || s.immutable {
		return false, nil // an immutable file: one transaction (it is read as it is anyway)
	}
	// the reader connections first, before the lock (a pool busy with other reads is not
	// waited for long)
	actx, cancel := context.WithTimeout(ctx, 100*time.Millisecond)
	defer cancel()
	conns := make([]*sql.Conn, 0, len(fns))
	defer func() {
		for _, c := range conns {
			c.Close()
		}
	}()
	for range fns {
		c, err := s.r.Conn(actx)
		if err != nil {
			return false, nil
		}
		conns = append(conns, c)
	}
	txs := make([]*sql.Tx, 0, len(fns))
	defer func() {
		for _, tx := range txs {
			tx.Rollback()
		}
	}()
	if !s.startTogether(ctx, actx, conns, &txs) {
		return false, nil
	}
	sharedViews.Add(1)
	errs := make(chan error, len(fns))
	for i, fn := range fns {
		go func() { errs <- fn(txs[i]) }()
	}
	for range fns {
		if e := <-errs; e != nil && err == nil {
			err = e
		}
	}
	return true, err
}

// sharedViews counts the reads viewShared ran (for the tests).
var sharedViews atomic.Int64

// startTogether begins a read transaction on each of conns while the writer connection
// holds the write lock, and gives the writer connection back before it returns (a write
// of this process waits for it, not for the readers).
func (s *Store) startTogether(ctx, actx context.Context, conns []*sql.Conn, txs *[]*sql.Tx) bool {
	// the writer; a read-only store has none (and its readers are query_only, which refuses
	// the lock too): a connection of its own, opened for this and closed after, takes it
	// (the lock changes nothing in the file)
	pool := s.w
	if s.ro || pool == nil {
		db, err := sql.Open("sqlite", sqliteURI(s.path, commonPragmas().Encode()))
		if err != nil {
			return false
		}
		defer db.Close()
		db.SetMaxOpenConns(1)
		pool = db
	}
	w, err := pool.Conn(actx)
	if err != nil {
		return false
	}
	defer w.Close()
	if _, err := w.ExecContext(ctx, `PRAGMA busy_timeout = 0`); err != nil {
		return false
	}
	defer w.ExecContext(context.Background(), `PRAGMA busy_timeout = `+busyTimeoutMS)
	if _, err := w.ExecContext(ctx, `BEGIN IMMEDIATE`); err != nil {
		return false // someone is writing: not worth waiting for
	}
	defer w.ExecContext(context.Background(), `ROLLBACK`)
	for _, c := range conns {
		tx, err := c.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
		if err != nil {
			return false
		}
		*txs = append(*txs, tx)
		// the first read takes the snapshot (BEGIN alone does not)
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master`).Scan(&n); err != nil {
			return false
		}
	}
	return true
}
