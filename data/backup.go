package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"time"
)

// Backups. Every copy is made the same way: SQLite's VACUUM INTO writes the committed
// state of the company file (WAL included, a consistent snapshot even while others write)
// to a temporary file in the destination folder; the file is fsynced, opened read-only
// and checked (for a ledger Store.CheckFast: quick_check, foreign keys, the invariants and
// the indexes the reports read; for another file integrity_check); only then is it renamed over the destination and the folder fsynced. A
// reader never sees a half-written backup, and a failed check leaves no file.
//
// Backup files are ordinary company files in rollback-journal mode (one self-contained
// file; Duebook switches a file to WAL when it opens it for writing).

// Automatic backup rotation: the most recent AutoKeepDaily daily backups and
// AutoKeepMonthly monthly ones are kept; snapshots (before a migration, an import or a
// restore) keep the most recent SnapshotKeep of each kind.
const (
	AutoKeepDaily   = 30
	AutoKeepMonthly = 12
	SnapshotKeep    = 10
)

// BackupExt is the extension of backup files (they are company files).
const BackupExt = ".duebook"

// LedgerCheckError reports that a backup was written but the company data it copies
// fails the ledger checks (the same lines as `duebook check`). The copy is faithful and
// kept: a backup matters most when something is wrong.
type LedgerCheckError struct {
	Path     string
	Problems []string
}

func (e *LedgerCheckError) Error() string {
	first := ""
	if len(e.Problems) > 0 {
		first = ": " + e.Problems[0]
	}
	return fmt.Sprintf("backup %s was written, but the company data fails %d check(s)%s; run duebook check",
		e.Path, len(e.Problems), first)
}

// Backup writes a consistent, verified copy of the company file to dest (replacing dest
// atomically if it exists). It works on a store opened read-only too, and does not hold
// up writers (the copy reads one snapshot through its own connection).
func (s *Store) Backup(ctx context.Context, dest string) error {
	return backupFile(ctx, s.path, dest, true)
}

// backupFile copies src to dest through a verified temporary file; ledger also runs the
// invariant checks (a file before migration only gets the integrity check, as the checks
// expect the current schema).
func backupFile(ctx context.Context, src, dest string, ledger bool) error {
	if dest == "" {
		return fieldErr("file", "a backup file name is needed")
	}
	if same, err := samePath(src, dest); err != nil {
		return err
	} else if same {
		return fieldErr("file", "the backup cannot replace the company file itself")
	}
	if st, err := os.Stat(dest); err == nil && st.IsDir() {
		return fieldErr("file", fmt.Sprintf("%s is a folder; name a file", dest))
	} else if err == nil && !st.Mode().IsRegular() {
		return fieldErr("file", fmt.Sprintf("%s exists and is not a Duebook file, so it is not replaced (it is not a regular file (a device, a pipe or a socket)); name another file", dest))
	} else if err == nil && st.Size() > 0 {
		// A backup replaces an older backup (a company file), never another file.
		if err := inspectHeader(dest); err != nil {
			return fieldErr("file", fmt.Sprintf("%s exists and is not a Duebook file, so it is not replaced (%v); name another file", dest, whyNot(err)))
		}
		if b, err := OpenExisting(dest, Options{ReadOnly: true}); err != nil {
			var nce *NotCompanyError
			if errors.As(err, &nce) {
				return fieldErr("file", fmt.Sprintf("%s exists and is not a Duebook file, so it is not replaced (%s); name another file", dest, nce.Why))
			}
		} else {
			b.Close()
		}
	}
	// An existing company file is replaced only while no program has it open for writing
	// (its lock is taken for the swap); its WAL and shared-memory files go with it, as the
	// old WAL would otherwise be replayed onto the new file and damage it.
	if _, err := os.Lstat(dest); err == nil {
		lock, err := AcquireLock(dest)
		if err != nil {
			return fmt.Errorf("%s is not replaced: %w", dest, err)
		}
		defer lock.Release()
	}
	dir := filepath.Dir(dest)
	removeStaleTemps(dir) // leftovers of a backup that was killed
	tmp, err := createTemp(dir, filepath.Base(dest), "backup")
	if err != nil {
		return fmt.Errorf("backup: %w", describeOSErr(dest, err))
	}
	tmpPath := tmp.Name()
	tmp.Close() // VACUUM INTO accepts an empty file: the name stays reserved
	ok := false
	defer func() {
		if !ok {
			removeDB(tmpPath)
		}
	}()
	if err := vacuumInto(ctx, src, tmpPath); err != nil {
		return fmt.Errorf("backup of %s to %s: %w", src, dest, err)
	}
	if err := syncFile(tmpPath); err != nil {
		return fmt.Errorf("backup: %w", describeOSErr(dest, err))
	}
	integrity, problems, err := verifyCopy(ctx, tmpPath, ledger)
	if err != nil {
		return fmt.Errorf("backup: checking the copy: %w", err)
	}
	if len(integrity) > 0 {
		return fmt.Errorf("backup: the copy of %s is damaged (%s); the company file may be corrupt, run duebook check", src, integrity[0])
	}
	for _, side := range []string{"-wal", "-shm", "-journal"} {
		if err := os.Remove(dest + side); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("backup: %w", describeOSErr(dest+side, err))
		}
	}
	if err := os.Rename(tmpPath, dest); err != nil {
		return fmt.Errorf("backup: %w", describeOSErr(dest, err))
	}
	ok = true
	if err := syncDir(dir); err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	if len(problems) > 0 {
		return &LedgerCheckError{Path: dest, Problems: problems}
	}
	return nil
}

// whyNot is the reason of a NotCompanyError (the whole error otherwise).
func whyNot(err error) string {
	var nce *NotCompanyError
	if errors.As(err, &nce) {
		return nce.Why
	}
	return err.Error()
}

// vacuumInto copies the committed state of the database at src into dest (missing or
// empty) through a short-lived read-only connection of its own. An error names the file
// that failed (a full or read-only disk is the destination's).
func vacuumInto(ctx context.Context, src, dest string) error {
	err := vacuumOnce(ctx, src, dest, false)
	if err != nil && walUnreadable(src, err) {
		// A WAL-mode file in a folder that cannot be written (see needsImmutable).
		os.Truncate(dest, 0)
		err = vacuumOnce(ctx, src, dest, true)
	}
	return err
}

func vacuumOnce(ctx context.Context, src, dest string, immutable bool) error {
	q := url.Values{}
	q.Set("mode", "ro")
	q.Add("_pragma", "busy_timeout(10000)")
	if immutable {
		q.Set("immutable", "1")
	}
	db, err := sql.Open("sqlite", sqliteURI(src, q.Encode()))
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	// The destination as a URI too (the connection takes URIs), so no character of its
	// name can be read as part of one.
	if _, err := db.ExecContext(ctx, `VACUUM INTO ?`, sqliteURI(dest, "")); err != nil {
		if walUnreadable(src, err) {
			return err
		}
		if _, serr := os.Stat(src); serr != nil {
			return describeOSErr(src, serr)
		}
		if code, _ := storageCode(err); code&0xff == 13 || code&0xff == 8 || code&0xff == 10 || code&0xff == 14 {
			return describeErr(dest, err) // full, read-only, I/O, cannot open: the copy
		}
		return describeErr(src, err)
	}
	return nil
}

// verifyCopy opens a copy read-only (without changing its journal mode, unlike Open) and
// checks it: integrity lists damage (integrity and foreign-key lines), problems the
// ledger invariants (only when ledger is set).
func verifyCopy(ctx context.Context, path string, ledger bool) (integrity, problems []string, err error) {
	q := url.Values{}
	q.Set("mode", "ro")
	q.Add("_pragma", "query_only(1)")
	q.Add("_pragma", "busy_timeout(5000)")
	q.Add("_pragma", "temp_store(MEMORY)")
	q.Add("_pragma", "cache_size(-131072)")
	db, err := sql.Open("sqlite", sqliteURI(path, q.Encode()))
	if err != nil {
		return nil, nil, err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	if _, err := identity(ctx, path, db); err != nil {
		var nce *NotCompanyError
		var nve *NewerVersionError
		if errors.As(err, &nve) {
			return nil, nil, err
		}
		if errors.As(err, &nce) {
			return []string{nce.Why}, nil, nil
		}
		return []string{"integrity: " + err.Error()}, nil, nil
	}
	if !ledger {
		integrity, err = sqliteCheck(ctx, db, `PRAGMA integrity_check`)
		if err != nil {
			return nil, nil, err
		}
		return integrity, nil, nil
	}
	// The copy's indexes were just built from its tables (VACUUM INTO writes every table and
	// then creates each index from its rows), so comparing each index with its table row by
	// row (integrity_check, most of a full check: half a minute at a million invoices) would
	// find nothing quick_check and the ledger check do not: CheckFast reads every page and
	// record, and checks every rule and the indexes the reports read.
	st := &Store{path: path, r: db, ro: true, clock: SystemClock{}}
	lines, err := st.CheckFast(ctx)
	if err != nil {
		return nil, nil, err
	}
	for _, l := range lines {
		if strings.HasPrefix(l, "integrity: ") || strings.HasPrefix(l, "foreign key: ") {
			integrity = append(integrity, l)
		} else {
			problems = append(problems, l)
		}
	}
	return integrity, problems, nil
}

// schemaOf reads the highest migration applied to a (verified) copy.
func schemaOf(ctx context.Context, path string) (int, error) {
	db, err := sql.Open("sqlite", sqliteURI(path, "mode=ro"))
	if err != nil {
		return 0, err
	}
	defer db.Close()
	var v int
	err = db.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&v)
	return v, err
}

func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	err = f.Sync()
	return errors.Join(err, f.Close())
}

// syncDir makes a rename in dir durable. Windows cannot fsync a folder (NTFS journals
// the rename itself), so there it does nothing.
func syncDir(dir string) error {
	if runtime.GOOS == "windows" {
		return nil
	}
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	err = d.Sync()
	if errors.Is(err, fs.ErrInvalid) || errors.Is(err, errors.ErrUnsupported) {
		err = nil // some file systems do not sync folders
	}
	return errors.Join(err, d.Close())
}

// removeDB removes a database file and its journal side files.
func removeDB(path string) {
	for _, suffix := range []string{"", "-journal", "-wal", "-shm"} {
		os.Remove(path + suffix)
	}
}

func samePath(a, b string) (bool, error) {
	aa, err := filepath.Abs(a)
	if err != nil {
		return false, err
	}
	bb, err := filepath.Abs(b)
	if err != nil {
		return false, err
	}
	for _, suffix := range []string{"", "-wal", "-shm", "-journal", ".lock"} {
		if bb == aa+suffix {
			return true, nil
		}
	}
	sa, err1 := os.Stat(aa)
	sb, err2 := os.Stat(bb)
	return err1 == nil && err2 == nil && os.SameFile(sa, sb), nil
}

// BackupDir is where the automatic backups and snapshots of a company file go: a
// "backups" folder beside it.
func BackupDir(companyPath string) string {
	abs, err := filepath.Abs(companyPath)
	if err != nil {
		abs = companyPath
	}
	return filepath.Join(filepath.Dir(abs), "backups")
}

// ensureBackupDir makes the backup folder: beside the company file, or, when that folder
// cannot be written (a read-only share), in the user's Duebook folder.
func ensureBackupDir(companyPath string) (string, error) {
	dir := BackupDir(companyPath)
	if err := os.MkdirAll(dir, 0o755); err == nil {
		if f, err := os.CreateTemp(dir, ".probe-*"); err == nil {
			f.Close()
			os.Remove(f.Name())
			return dir, nil
		}
	}
	cfg, err := ConfigDir()
	if err != nil {
		return "", fmt.Errorf("no folder for backups: %s is not writable and %w", dir, err)
	}
	alt := filepath.Join(cfg, "backups")
	if err := os.MkdirAll(alt, 0o700); err != nil {
		return "", fmt.Errorf("no folder for backups: %s and %s are not writable: %w", dir, alt, err)
	}
	return alt, nil
}

// companyBase names a company's backups: the file name without its extension.
func companyBase(companyPath string) string {
	b := filepath.Base(companyPath)
	if ext := filepath.Ext(b); ext != "" && ext != b {
		b = strings.TrimSuffix(b, ext)
	}
	return b
}

// AutoBackup writes the day's automatic backup of the company to dir ("" = BackupDir,
// made if needed) and rotates the old ones. Files are named by date:
// "<company>-daily-YYYY-MM-DD.duebook", and the first backup of each month is the
// monthly one: "<company>-monthly-YYYY-MM-DD.duebook". There is at most one backup a day:
// a later run on the same day replaces that day's file with the newer state (so the
// backup made on close holds the day's last work). Rotation keeps the AutoKeepDaily most
// recent daily and AutoKeepMonthly most recent monthly backups. now is injected.
func (s *Store) AutoBackup(ctx context.Context, dir string, now time.Time) (path string, err error) {
	if dir == "" {
		if dir, err = ensureBackupDir(s.path); err != nil {
			return "", err
		}
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("backup folder: %w", err)
	}
	base := companyBase(s.path)
	day := DateOf(now)
	files, err := listAutoBackups(dir, base)
	if err != nil {
		return "", err
	}
	monthly := true
	for _, f := range files {
		if f.Day.Equal(day) {
			path = f.Path // today's backup exists: refresh it
		}
		if f.Monthly && f.Day.Year() == day.Year() && f.Day.Month() == day.Month() && !f.Day.After(day) {
			monthly = false
			if f.Day.Equal(day) {
				monthly = true // today's monthly one is being refreshed
			}
		}
	}
	if path == "" {
		kind := "daily"
		if monthly {
			kind = "monthly"
		}
		path = filepath.Join(dir, fmt.Sprintf("%s-%s-%s%s", base, kind, day, BackupExt))
	}
	berr := s.Backup(ctx, path)
	var lce *LedgerCheckError
	if berr != nil && !errors.As(berr, &lce) {
		return "", berr
	}
	if err := rotateAutoBackups(dir, base); err != nil {
		return path, errors.Join(berr, err)
	}
	return path, berr
}

// AutoBackupFile is one automatic (daily or monthly) backup of a company file.
type AutoBackupFile struct {
	Path    string
	Day     Date // the day in its name
	Monthly bool
	Written time.Time // when the file was last written (a day's backup is refreshed on close)
}

// AutoBackups lists the automatic backups of a company file, newest first: those in its
// backup folder and, where that folder could not be written, those in the user's Duebook
// folder (see AutoBackup).
func AutoBackups(companyPath string) ([]AutoBackupFile, error) {
	base := companyBase(companyPath)
	out, err := listAutoBackups(BackupDir(companyPath), base)
	if err != nil {
		return nil, err
	}
	if cfg, err := ConfigDir(); err == nil {
		// the fallback folder may not exist or not be readable: then it holds nothing
		if alt, err := listAutoBackups(filepath.Join(cfg, "backups"), base); err == nil {
			out = append(out, alt...)
		}
	}
	sortAutoBackups(out)
	return out, nil
}

func sortAutoBackups(files []AutoBackupFile) {
	sort.Slice(files, func(i, j int) bool {
		if !files[i].Day.Equal(files[j].Day) {
			return files[i].Day.After(files[j].Day)
		}
		return files[i].Written.After(files[j].Written)
	})
}

// listAutoBackups finds the automatic backups of company base in dir, newest first.
func listAutoBackups(dir, base string) ([]AutoBackupFile, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []AutoBackupFile
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, BackupExt) {
			continue
		}
		rest := strings.TrimSuffix(name, BackupExt)
		for _, kind := range []string{"daily", "monthly"} {
			d, ok := strings.CutPrefix(rest, base+"-"+kind+"-")
			if !ok {
				continue
			}
			day, err := ParseDate(d)
			if err != nil {
				continue
			}
			f := AutoBackupFile{Path: filepath.Join(dir, name), Day: day, Monthly: kind == "monthly"}
			if info, err := e.Info(); err == nil {
				f.Written = info.ModTime()
			}
			out = append(out, f)
		}
	}
	sortAutoBackups(out)
	return out, nil
}

func rotateAutoBackups(dir, base string) error {
	files, err := listAutoBackups(dir, base)
	if err != nil {
		return err
	}
	var daily, monthly int
	var errs []error
	for _, f := range files {
		keep := false
		if f.Monthly {
			monthly++
			keep = monthly <= AutoKeepMonthly
		} else {
			daily++
			keep = daily <= AutoKeepDaily
		}
		if !keep {
			if err := os.Remove(f.Path); err != nil && !errors.Is(err, fs.ErrNotExist) {
				errs = append(errs, err)
			}
		}
	}
	return errors.Join(errs...)
}

// snapshotName gives a new file name "<company>-<kind>-YYYYMMDD-HHMMSS.duebook" in dir.
func snapshotName(dir, companyPath, kind string, now time.Time) string {
	stem := fmt.Sprintf("%s-%s-%s", companyBase(companyPath), kind, now.Format("20060102-150405"))
	p := filepath.Join(dir, stem+BackupExt)
	for i := 2; ; i++ {
		if _, err := os.Lstat(p); errors.Is(err, fs.ErrNotExist) {
			return p
		}
		p = filepath.Join(dir, fmt.Sprintf("%s-%d%s", stem, i, BackupExt))
	}
}

// rotateSnapshots keeps the SnapshotKeep most recent snapshots of one kind.
func rotateSnapshots(dir, companyPath, kind string) error {
	prefix := companyBase(companyPath) + "-" + kind + "-"
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	type snap struct {
		path string
		mod  time.Time
	}
	var snaps []snap
	for _, e := range entries {
		name := e.Name()
		rest, ok := strings.CutPrefix(name, prefix)
		if !ok || !strings.HasSuffix(rest, BackupExt) || len(rest) < len("20060102-150405") {
			continue
		}
		if _, err := time.Parse("20060102-150405", rest[:len("20060102-150405")]); err != nil {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		snaps = append(snaps, snap{filepath.Join(dir, name), info.ModTime()})
	}
	sort.Slice(snaps, func(i, j int) bool { return snaps[i].mod.After(snaps[j].mod) })
	var errs []error
	for i := SnapshotKeep; i < len(snaps); i++ {
		if err := os.Remove(snaps[i].path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// Snapshot writes a verified copy "<backups>/<company>-<kind>-<timestamp>.duebook" before
// a risky change (kind e.g. "pre-import") and returns its path.
func (s *Store) Snapshot(ctx context.Context, kind string) (string, error) {
	dir, err := ensureBackupDir(s.path)
	if err != nil {
		return "", err
	}
	dest := snapshotName(dir, s.path, kind, s.clock.Now())
	if err := s.Backup(ctx, dest); err != nil {
		return "", err
	}
	return dest, rotateSnapshots(dir, s.path, kind)
}
