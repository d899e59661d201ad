package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	sqlite "modernc.org/sqlite"
)

// MigrateProgress says how far opening a file from an earlier Duebook has come: the safety
// copy (Done and Total in pages), its check, then each schema change (Done/Total in steps).
// Options.Progress receives it on the opening goroutine.
type MigrateProgress struct {
	Stage       string // StageCopy, StageVerify or StageUpdate
	Done, Total int64
}

// The stages of MigrateProgress.
const (
	StageCopy   = "making a safety copy"
	StageVerify = "checking the safety copy"
	StageUpdate = "updating the company file"
)

// ErrMigrateCancelled is returned by Open when Options.Context was cancelled while an
// earlier Duebook's file was being brought up to date: nothing was changed.
var ErrMigrateCancelled = errors.New("the update of the company file was cancelled; the file is unchanged (it can be opened by the earlier version)")

// String is the progress in words, e.g. "making a safety copy: 40 %".
func (p MigrateProgress) String() string {
	if p.Total <= 0 {
		return p.Stage + "…"
	}
	if p.Stage == StageUpdate {
		return fmt.Sprintf("%s: step %d of %d", p.Stage, min(p.Done+1, p.Total), p.Total)
	}
	return fmt.Sprintf("%s: %d %%", p.Stage, p.Done*100/p.Total)
}

// SnapshotBeforeMigrate copies a company file about to be migrated to
// "<backups>/<company>-pre-migrate-<timestamp>.duebook" and checks the copy. Use it as
// Options.BeforeMigrate: an error stops the migration, so an old file is never changed
// without a copy.
//
// The copy is SQLite's online backup, page by page, taken while this program holds the
// file's lock (no other writer): at a million invoices it takes seconds where a VACUUM INTO
// and integrity_check took half a minute. It is then read back whole (quick_check: every
// page and record) before the schema changes; progress and ctx's cancellation are honoured
// between steps of 4 MiB.
func SnapshotBeforeMigrate(ctx context.Context, path string, pending []string, progress func(MigrateProgress)) error {
	dir, err := ensureBackupDir(path)
	if err != nil {
		return err
	}
	dest := snapshotName(dir, path, "pre-migrate", time.Now())
	if err := pageCopy(ctx, path, dest, progress); err != nil {
		if ctx.Err() != nil {
			return ErrMigrateCancelled
		}
		return fmt.Errorf("safety copy before applying %s: %w", strings.Join(pending, ", "), err)
	}
	return rotateSnapshots(dir, path, "pre-migrate")
}

// pageCopy writes a checked page-by-page copy of the SQLite file src to dest (through a
// temporary file renamed into place).
func pageCopy(ctx context.Context, src, dest string, progress func(MigrateProgress)) error {
	if progress == nil {
		progress = func(MigrateProgress) {}
	}
	dir := filepath.Dir(dest)
	removeStaleTemps(dir)
	tmp, err := createTemp(dir, filepath.Base(dest), "backup")
	if err != nil {
		return describeOSErr(dest, err)
	}
	tmpPath := tmp.Name()
	tmp.Close()
	ok := false
	defer func() {
		if !ok {
			removeDB(tmpPath)
		}
	}()
	q := url.Values{}
	q.Set("mode", "ro")
	q.Add("_pragma", "busy_timeout(10000)")
	db, err := sql.Open("sqlite", sqliteURI(src, q.Encode()))
	if err != nil {
		return err
	}
	defer db.Close()
	conn, err := db.Conn(ctx)
	if err != nil {
		return describeErr(src, err)
	}
	defer conn.Close()
	err = conn.Raw(func(dc any) error {
		b, ok := dc.(interface {
			NewBackup(string) (*sqlite.Backup, error)
		})
		if !ok {
			return errors.New("the SQLite driver cannot copy a file page by page")
		}
		bk, err := b.NewBackup(sqliteURI(tmpPath, ""))
		if err != nil {
			return err
		}
		for {
			if err := ctx.Err(); err != nil {
				bk.Finish()
				return err
			}
			more, err := bk.Step(1024) // 4 MiB of 4 KiB pages
			if err != nil {
				bk.Finish()
				return err
			}
			total := int64(bk.PageCount())
			progress(MigrateProgress{Stage: StageCopy, Done: total - int64(bk.Remaining()), Total: total})
			if !more {
				break
			}
		}
		return bk.Finish()
	})
	if err != nil {
		return err
	}
	conn.Close()
	db.Close()
	if err := syncFile(tmpPath); err != nil {
		return describeOSErr(dest, err)
	}
	progress(MigrateProgress{Stage: StageVerify})
	if problems, err := quickCheckFile(ctx, tmpPath); err != nil {
		return fmt.Errorf("checking the copy: %w", err)
	} else if len(problems) > 0 {
		return fmt.Errorf("the copy of %s is damaged (%s); the company file may be corrupt, run duebook check", src, problems[0])
	}
	// Reading the copy (a WAL-mode file, as its source) left an empty write-ahead log and
	// shared-memory file beside it; they are not part of the copy.
	for _, side := range []string{"-wal", "-shm"} {
		if st, err := os.Stat(tmpPath + side); err == nil && (side == "-shm" || st.Size() == 0) {
			os.Remove(tmpPath + side)
		} else if err == nil {
			return fmt.Errorf("the copy of %s has a write-ahead log of %d bytes after it was checked", src, st.Size())
		}
	}
	if err := os.Rename(tmpPath, dest); err != nil {
		return describeOSErr(dest, err)
	}
	ok = true
	return syncDir(dir)
}

// quickCheckFile reads every page and record of the SQLite file at path (quick_check) and
// checks that it is a Duebook company file.
func quickCheckFile(ctx context.Context, path string) ([]string, error) {
	q := url.Values{}
	q.Set("mode", "ro")
	q.Add("_pragma", "query_only(1)")
	q.Add("_pragma", "cache_size(-65536)")
	db, err := sql.Open("sqlite", sqliteURI(path, q.Encode()))
	if err != nil {
		return nil, err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	if _, err := identity(ctx, path, db); err != nil {
		var nce *NotCompanyError
		if errors.As(err, &nce) {
			return []string{nce.Why}, nil
		}
		return []string{"integrity: " + err.Error()}, nil
	}
	return sqliteCheck(ctx, db, `PRAGMA quick_check`)
}

// NeedsUpdate tells whether the company file at path was written by an earlier Duebook and
// will be brought up to date when opened for writing (which takes a while for a big file:
// a safety copy, then the schema change). Any file it cannot read says false: opening it
// explains why.
func NeedsUpdate(path string) bool {
	q := url.Values{}
	q.Set("mode", "ro")
	db, err := sql.Open("sqlite", sqliteURI(path, q.Encode()))
	if err != nil {
		return false
	}
	defer db.Close()
	var v int
	if err := db.QueryRow(`SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&v); err != nil {
		return false
	}
	return v > 0 && v < SchemaVersion()
}
