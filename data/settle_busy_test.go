package data

import (
	"database/sql"
	"path/filepath"
	"strings"
	"testing"
)

// A company file with a write in progress in another connection is not switched out of WAL
// mode for a restore: the refusal names the file as open elsewhere.
func TestSettleWALRefusesAFileBeingWritten(t *testing.T) {
	p := filepath.Join(t.TempDir(), "co.duebook")
	s, err := OpenWith(p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `UPDATE settings SET value = value WHERE key = 'x'`); err != nil {
		t.Fatal(err)
	}
	err = settleWALFor(ctx, "restore", p)
	if err == nil || !strings.Contains(err.Error(), "another program has co.duebook open; close it first") {
		t.Fatalf("settle during a write: %v", err)
	}
}

// isBusy knows SQLite's busy answer by its code (a held lock), not by the words of the
// message, and does not take another error for it.
func TestIsBusy(t *testing.T) {
	p := filepath.Join(t.TempDir(), "plain.db")
	a, err := sql.Open("sqlite", sqliteURI(p, "_pragma=busy_timeout(0)"))
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	a.SetMaxOpenConns(1)
	if _, err := a.ExecContext(ctx, `CREATE TABLE t(x UNIQUE); INSERT INTO t VALUES (1)`); err != nil {
		t.Fatal(err)
	}
	_, dup := a.ExecContext(ctx, `INSERT INTO t VALUES (1)`)
	if dup == nil || isBusy(dup) {
		t.Fatalf("a UNIQUE failure taken for busy: %v", dup)
	}
	tx, err := a.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `INSERT INTO t VALUES (2)`); err != nil {
		t.Fatal(err)
	}
	b, err := sql.Open("sqlite", sqliteURI(p, "_pragma=busy_timeout(0)"))
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	_, err = b.ExecContext(ctx, `INSERT INTO t VALUES (3)`)
	if !isBusy(err) {
		t.Fatalf("a write while another connection writes: %v, not busy", err)
	}
}
