package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// BeforeRestoreSuffix is appended to the company file kept by Restore.
const BeforeRestoreSuffix = ".before-restore"

// Restore replaces the company file at companyPath by the backup at backupPath. The backup
// is copied beside the company file and verified first (integrity and every ledger check;
// a backup of a newer Duebook is refused); the current file is kept as
// "<company>.before-restore" (replacing an older one) and the copy is renamed over the
// company file atomically. It refuses while another program holds the company's lock
// (*LockedError) or still has the file open. The caller must have closed its own Store.
// A companyPath that is a symbolic link is restored into the file it points to
// (ResolveLinks), whose name the kept file takes.
func Restore(backupPath, companyPath string) (err error) {
	ctx := context.Background()
	if backupPath == "" || companyPath == "" {
		return fieldErr("file", "the backup and the company file are needed")
	}
	// A company reached through a symbolic link is restored into the file the link
	// points to; the link stays (renaming over it would replace the link by a file).
	if companyPath, err = ResolveLinks(companyPath); err != nil {
		return fmt.Errorf("restore: %w", err)
	}
	if err := inspectHeader(backupPath); err != nil {
		return fmt.Errorf("restore: %w", err)
	}
	if b, err := OpenExisting(backupPath, Options{ReadOnly: true}); err != nil {
		return fmt.Errorf("restore: %w", err) // another program's database, say
	} else {
		b.Close()
	}
	if same, err := samePath(companyPath, backupPath); err != nil {
		return err
	} else if same {
		return fieldErr("from", "the backup is the company file itself")
	}
	if _, err := os.Lstat(companyPath); err == nil {
		// Only a company file is replaced, never another program's file.
		cur, err := OpenExisting(companyPath, Options{ReadOnly: true})
		var nce *NotCompanyError
		if errors.As(err, &nce) {
			return fmt.Errorf("restore: %w; it is not replaced", err)
		}
		if cur != nil {
			cur.Close()
		}
	}
	lock, err := AcquireLock(companyPath)
	if err != nil {
		return err
	}
	defer func() { err = errors.Join(err, lock.Release()) }()

	dir := filepath.Dir(companyPath)
	removeStaleTemps(dir) // leftovers of a restore or backup that was killed
	tmp, err := createTemp(dir, filepath.Base(companyPath), "restore")
	if err != nil {
		return fmt.Errorf("restore: %w", describeOSErr(companyPath, err))
	}
	tmpPath := tmp.Name()
	tmp.Close()
	done := false
	defer func() {
		if !done {
			removeDB(tmpPath)
		}
	}()
	if err := vacuumInto(ctx, backupPath, tmpPath); err != nil {
		return fmt.Errorf("restore: %s cannot be read as a company file: %w", backupPath, err)
	}
	integrity, problems, err := verifyCopy(ctx, tmpPath, true)
	if err != nil {
		return fmt.Errorf("restore: checking %s: %w", backupPath, err)
	}
	if bad := append(integrity, problems...); len(bad) > 0 {
		return fmt.Errorf("restore: %s fails its check (%d problem(s): %s); nothing was changed", backupPath, len(bad), bad[0])
	}
	if v, err := schemaOf(ctx, tmpPath); err != nil {
		return fmt.Errorf("restore: %w", err)
	} else if v > SchemaVersion() {
		return fmt.Errorf("restore: %w", &NewerVersionError{Path: backupPath, Schema: v, Known: SchemaVersion()})
	}
	if err := syncFile(tmpPath); err != nil {
		return fmt.Errorf("restore: %w", err)
	}
	if st, err := os.Stat(companyPath); err == nil {
		os.Chmod(tmpPath, st.Mode().Perm())
		if err := settleWAL(ctx, companyPath); err != nil {
			return err
		}
		keep := companyPath + BeforeRestoreSuffix
		removeDB(keep)
		if err := os.Link(companyPath, keep); err != nil {
			if err := copyFile(companyPath, keep); err != nil {
				return fmt.Errorf("restore: keeping the current file: %w", err)
			}
		}
	} else if errors.Is(err, fs.ErrNotExist) {
		os.Chmod(tmpPath, 0o644)
	} else {
		return fmt.Errorf("restore: %w", err)
	}
	if err := os.Rename(tmpPath, companyPath); err != nil {
		return fmt.Errorf("restore: %w", err)
	}
	done = true
	return syncDir(dir)
}

// settleWAL folds the company file's write-ahead log into the file and switches it to
// rollback-journal mode, so that the file alone is the whole company and no stale log
// could be applied to the restored file. SQLite refuses that switch while any other
// connection has the file open, which is how a program still using it is detected.
func settleWAL(ctx context.Context, path string) error { return settleWALFor(ctx, "restore", path) }

func settleWALFor(ctx context.Context, what, path string) error {
	db, err := sql.Open("sqlite", sqliteURI(path, "mode=rw&_pragma=busy_timeout(3000)"))
	if err != nil {
		return err
	}
	db.SetMaxOpenConns(1)
	var mode string
	err = db.QueryRowContext(ctx, `PRAGMA journal_mode=DELETE`).Scan(&mode)
	cerr := db.Close()
	if err != nil {
		if isBusy(err) {
			return fmt.Errorf("%s: another program has %s open; close it first", what, filepath.Base(path))
		}
		return fmt.Errorf("%s: the current company file cannot be read: %w", what, describeErr(path, err))
	}
	if cerr != nil {
		return cerr
	}
	if mode != "delete" {
		return fmt.Errorf("%s: another program has %s open; close it first", what, filepath.Base(path))
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		if st, err := os.Stat(path + suffix); err == nil && st.Size() > 0 && suffix == "-wal" {
			return fmt.Errorf("%s: another program has %s open; close it first", what, filepath.Base(path))
		}
		os.Remove(path + suffix)
	}
	return nil
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	_, err = io.Copy(out, in)
	if err == nil {
		err = out.Sync()
	}
	return errors.Join(err, out.Close())
}
