// Package data holds Duebook's domain types and the SQLite store of one company file.
package data

import (
	"context"
	"database/sql"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	sqlite "modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// Options tune Open.
type Options struct {
	// Clock gives "today"; nil means the system clock.
	Clock Clock
	// ReadOnly opens the file without allowing writes (a second instance, a backup check).
	ReadOnly bool
	// BeforeMigrate runs before pending migrations are applied to an existing file that
	// already holds data (a safety snapshot: SnapshotBeforeMigrate). pending lists the
	// migration names; progress is Progress (never nil).
	BeforeMigrate func(ctx context.Context, path string, pending []string, progress func(MigrateProgress)) error
	// Context, when set, cancels bringing an earlier Duebook's file up to date (the safety
	// copy or the schema change, which is rolled back): Open then returns
	// ErrMigrateCancelled and the file is as it was. nil: never cancelled.
	Context context.Context
	// Progress, when set, hears how far that update has come (on the opening goroutine).
	Progress func(MigrateProgress)
	// Lock takes the company file's single-writer lock (AcquireLock) for as long as the
	// store is open; another program holding it gives a *LockedError. Ignored read-only.
	Lock bool
}

// Store is one open company file: one writer connection and a small pool of readers.
type Store struct {
	path  string
	w     *sql.DB // the single writer
	r     *sql.DB // readers (query_only)
	clock Clock
	ro    bool
	lock  *Lock // held while open (Options.Lock)
	// immutable: the readers read the file as immutable (a read-only folder, openReaders)
	immutable bool

	subsMu sync.Mutex
	subs   changeSubs // OnChange (notify.go)
}

// Open opens the company file at path, creating a new company when nothing exists there
// (OpenWith with no options). The program itself never creates by accident: the window
// and the commands call OpenExisting or Create.
func Open(path string) (*Store, error) { return OpenWith(path, Options{}) }

// OpenWith opens the existing company file at path (OpenExisting) or, when no file exists
// there, makes a new company (Create). Tests and tools that want a fresh company use it.
func OpenWith(path string, opt Options) (*Store, error) {
	if path != "" && path != ":memory:" && !opt.ReadOnly {
		if _, err := os.Lstat(path); errors.Is(err, fs.ErrNotExist) {
			return Create(path, opt)
		}
	}
	return OpenExisting(path, opt)
}

// openStore opens the pools of a file whose header was checked (or that was just
// reserved empty, fresh). Nothing is written before the file is known to be Duebook's.
func openStore(path string, opt Options, fresh bool) (_ *Store, err error) {
	s := &Store{path: path, clock: opt.Clock, ro: opt.ReadOnly}
	if s.clock == nil {
		s.clock = SystemClock{}
	}
	defer func() {
		if err != nil {
			s.Close()
		}
	}()
	if opt.Lock && !opt.ReadOnly {
		if s.lock, err = AcquireLock(path); err != nil {
			return nil, err
		}
	}
	ctx := context.Background()
	if !opt.ReadOnly {
		removeStaleTemps(filepath.Dir(path))
		if s.w, err = sql.Open("sqlite", writerDSN(path)); err != nil {
			return nil, err
		}
		s.w.SetMaxOpenConns(1)
		s.w.SetConnMaxIdleTime(0)
		if err = s.w.PingContext(ctx); err != nil {
			return nil, describeErr(path, err)
		}
		adopt := fresh
		if !fresh {
			if adopt, err = identity(ctx, path, s.w); err != nil {
				return nil, err
			}
		}
		if adopt {
			// Mark the file before anything else is written to it (a new company: while it
			// is still in rollback-journal mode, so the header on disk says it at once).
			if _, err = s.w.ExecContext(ctx, fmt.Sprintf(`PRAGMA application_id = %d`, AppID)); err != nil {
				return nil, describeErr(path, err)
			}
		}
		var mode string
		if err = s.w.QueryRowContext(ctx, `PRAGMA journal_mode = WAL`).Scan(&mode); err != nil {
			return nil, describeErr(path, err)
		}
		if err = s.migrate(opt); err != nil {
			return nil, describeErr(path, err)
		}
	}
	err = s.openReaders(ctx, false, opt.ReadOnly)
	if err != nil && opt.ReadOnly && needsImmutable(path, err) {
		// A company file (WAL mode) in a folder that cannot be written: SQLite cannot
		// make the shared-memory file that readers of a WAL file need. With no write-ahead
		// log beside it the file alone is the whole company, and no program can start
		// one in that folder: it is read as an immutable file.
		err = s.openReaders(ctx, true, true)
	}
	if err != nil {
		return nil, err
	}
	return s, nil
}

// openReaders opens the reader pool; check also checks that the file is Duebook's.
func (s *Store) openReaders(ctx context.Context, immutable, check bool) (err error) {
	if s.r != nil {
		s.r.Close()
	}
	if s.r, err = sql.Open("sqlite", readerDSN(s.path, immutable)); err != nil {
		return err
	}
	s.immutable = immutable
	s.r.SetMaxOpenConns(4)
	if err = s.r.PingContext(ctx); err != nil {
		return describeErr(s.path, err)
	}
	if check {
		_, err = identity(ctx, s.path, s.r)
	}
	return err
}

// Close closes the file.
func (s *Store) Close() error {
	var errs []error
	if s.r != nil {
		errs = append(errs, s.r.Close())
	}
	if s.w != nil {
		errs = append(errs, s.w.Close())
	}
	if s.lock != nil {
		errs = append(errs, s.lock.Release())
	}
	return errors.Join(errs...)
}

// Path is the company file.
func (s *Store) Path() string { return s.path }

// Clock is the store's clock.
func (s *Store) Clock() Clock { return s.clock }

// SetClock replaces the clock (e.g. a command run "as of" a date).
func (s *Store) SetClock(c Clock) { s.clock = c }

// Today is the clock's date.
func (s *Store) Today() Date { return s.clock.Today() }

// ReadOnly tells whether writes are refused.
func (s *Store) ReadOnly() bool { return s.ro }

// DB is the reader pool, for queries of other packages (reports, collections).
func (s *Store) DB() *sql.DB { return s.r }

// WriterDB is the single writer connection pool; prefer Update.
func (s *Store) WriterDB() *sql.DB { return s.w }

func (s *Store) nowText() string { return s.clock.Now().UTC().Format(time.RFC3339Nano) }

// ErrReadOnly is returned for writes to a store opened read-only.
var ErrReadOnly = errors.New("the company file is open read-only")

// Tx is one write transaction.
type Tx struct {
	*sql.Tx
	s   *Store
	ctx context.Context
	// failed is the first failure of the file or the disk (full, read-only, I/O) seen by
	// a statement of the transaction. SQLite may have rolled the transaction back on it
	// (later statements then fail with symptoms such as "no such savepoint"), so it is
	// what Update reports, and no statement runs after it.
	failed error
}

// ExecContext runs a statement of the transaction (see Tx.failed).
func (tx *Tx) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	if tx.failed != nil {
		return nil, tx.failed
	}
	r, err := tx.Tx.ExecContext(ctx, query, args...)
	tx.note(err)
	return r, err
}

// QueryContext runs a query of the transaction (see Tx.failed).
func (tx *Tx) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if tx.failed != nil {
		return nil, tx.failed
	}
	r, err := tx.Tx.QueryContext(ctx, query, args...)
	tx.note(err)
	return r, err
}

func (tx *Tx) note(err error) {
	if _, bad := storageCode(err); bad && tx.failed == nil {
		tx.failed = err
	}
}

// Ctx is the transaction's context.
func (tx *Tx) Ctx() context.Context { return tx.ctx }

// Store gives the store the transaction belongs to.
func (tx *Tx) Store() *Store { return tx.s }

// Update runs fn in one immediate write transaction; it commits when fn returns nil and
// rolls back otherwise (including on panic).
func (s *Store) Update(ctx context.Context, fn func(tx *Tx) error) (err error) {
	if s.ro || s.w == nil {
		return ErrReadOnly
	}
	sqlTx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return describeErr(s.path, err)
	}
	tx := &Tx{Tx: sqlTx, s: s, ctx: ctx}
	begin, beginOK := s.changeMark(ctx, sqlTx)
	defer func() {
		if p := recover(); p != nil {
			sqlTx.Rollback()
			panic(p)
		}
		if err != nil {
			sqlTx.Rollback()
			return
		}
		changed := s.changedSince(ctx, sqlTx, begin, beginOK)
		if err = describeErr(s.path, sqlTx.Commit()); err == nil && changed {
			s.notifyChange() // change subscribers (notify.go)
		}
	}()
	fnErr := fn(tx)
	if tx.failed != nil { // even when fn went on as if nothing happened: never commit then
		return describeErr(s.path, tx.failed)
	}
	if _, bad := storageCode(fnErr); bad {
		return describeErr(s.path, fnErr)
	}
	return translateErr(fnErr)
}

// View runs fn in one read transaction (a consistent snapshot).
func (s *Store) View(ctx context.Context, fn func(tx sqlTx) error) error {
	tx, err := s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return err
	}
	defer tx.Rollback()
	return fn(tx)
}

// viewLargeCache is View with a 64 MiB page cache on the connection while fn runs (the
// readers keep 8 MiB, readerDSN): check's integrity_check and joins over every invoice
// re-read pages far more than the worklist or an export, and ran 1.7 times as long at a
// million invoices with the small cache.
func (s *Store) viewLargeCache(ctx context.Context, fn func(tx sqlTx) error) error {
	return s.View(ctx, func(tx sqlTx) error {
		if _, err := tx.ExecContext(ctx, `PRAGMA cache_size = -65536`); err != nil {
			return err
		}
		defer tx.ExecContext(context.Background(), `PRAGMA cache_size = `+readerCacheSize)
		return fn(tx)
	})
}

// Audit appends one line to the audit log inside tx.
func (tx *Tx) Audit(action, entity string, id int64, before, after any) error {
	enc := func(v any) (string, error) {
		if v == nil {
			return "", nil
		}
		b, err := json.Marshal(v)
		return string(b), err
	}
	b, err := enc(before)
	if err != nil {
		return err
	}
	a, err := enc(after)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(tx.ctx, `INSERT INTO audit(at, action, entity, entity_id, before, after) VALUES (?,?,?,?,?,?)`,
		tx.s.nowText(), action, entity, id, b, a)
	return err
}

// translateErr turns constraint failures raised by the schema into readable errors: a
// RAISE(ABORT, 'field: message') of a trigger becomes a *FieldError.
func translateErr(err error) error {
	if err == nil {
		return nil
	}
	var se *sqlite.Error
	if !errors.As(err, &se) || se.Code()&0xff != sqlite3.SQLITE_CONSTRAINT {
		return err
	}
	msg := raiseCode.ReplaceAllString(se.Error(), "")
	msg = strings.TrimPrefix(msg, "constraint failed: ")
	if f, m, ok := strings.Cut(msg, ": "); ok && !strings.Contains(f, "constraint") {
		return &FieldError{Field: f, Msg: m}
	}
	return fmt.Errorf("refused by the company file: %s", msg)
}

var raiseCode = regexp.MustCompile(` \(\d+\)$`)

// migrations

type migration struct {
	version int
	name    string
	sql     string
}

func loadMigrations() ([]migration, error) {
	entries, err := fs.ReadDir(migrationFS, "migrations")
	if err != nil {
		return nil, err
	}
	var ms []migration
	seen := map[int]string{}
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".sql") {
			continue
		}
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			return nil, fmt.Errorf("migration %s: name must start with a number and _", e.Name())
		}
		if other, dup := seen[v]; dup {
			return nil, fmt.Errorf("migrations %s and %s share version %d", other, e.Name(), v)
		}
		seen[v] = e.Name()
		b, err := migrationFS.ReadFile("migrations/" + e.Name())
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{v, e.Name(), string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	return ms, nil
}

// SchemaVersion is the highest migration this build knows.
func SchemaVersion() int {
	ms, _ := loadMigrations()
	if len(ms) == 0 {
		return 0
	}
	return ms[len(ms)-1].version
}

func (s *Store) migrate(opt Options) error {
	ctx := context.Background()
	mctx := opt.Context
	if mctx == nil {
		mctx = ctx
	}
	progress := opt.Progress
	if progress == nil {
		progress = func(MigrateProgress) {}
	}
	if _, err := s.w.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`); err != nil {
		return fmt.Errorf("open %s: not a usable company file: %w", s.path, err)
	}
	ms, err := loadMigrations()
	if err != nil {
		return err
	}
	applied := map[int]bool{}
	rows, err := s.w.QueryContext(ctx, `SELECT version FROM schema_migrations`)
	if err != nil {
		return err
	}
	maxApplied := 0
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			rows.Close()
			return err
		}
		applied[v] = true
		maxApplied = max(maxApplied, v)
	}
	rows.Close()
	if len(ms) > 0 && maxApplied > ms[len(ms)-1].version {
		return &NewerVersionError{Path: s.path, Schema: maxApplied, Known: ms[len(ms)-1].version} // identity refuses it first
	}
	var pending []migration
	for _, m := range ms {
		if !applied[m.version] {
			pending = append(pending, m)
		}
	}
	if len(pending) == 0 {
		return nil
	}
	if opt.BeforeMigrate != nil && len(applied) > 0 {
		names := make([]string, len(pending))
		for i, m := range pending {
			names[i] = m.name
		}
		if err := opt.BeforeMigrate(mctx, s.path, names, progress); err != nil {
			if errors.Is(err, ErrMigrateCancelled) || mctx.Err() != nil {
				return ErrMigrateCancelled
			}
			return fmt.Errorf("before migrating %s: %w", s.path, err)
		}
	}
	// Every pending change in one transaction: a crash or a cancel leaves the file as the
	// earlier version wrote it.
	err = s.Update(mctx, func(tx *Tx) error {
		for i, m := range pending {
			if len(applied) > 0 {
				progress(MigrateProgress{Stage: StageUpdate, Done: int64(i), Total: int64(len(pending))})
			}
			if _, err := tx.ExecContext(mctx, m.sql); err != nil {
				if strings.Contains(err.Error(), "already exists") {
					// schema_migrations emptied or cut outside Duebook (check says so too)
					return fmt.Errorf("%s: its record of schema updates does not match its tables (the update %s makes what the file already holds: it was changed outside Duebook); restore a backup", s.path, m.name)
				}
				return fmt.Errorf("migration %s: %w", m.name, err)
			}
			if _, err := tx.ExecContext(mctx, `INSERT INTO schema_migrations(version, name, applied_at) VALUES (?,?,?)`,
				m.version, m.name, s.nowText()); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil && mctx.Err() != nil {
		return ErrMigrateCancelled
	}
	return err
}

type sqlTx = *sql.Tx

// queryAll runs a query and scans every row with scan.
func queryAll[T any](ctx context.Context, q querier, query string, scan func(scanner) (T, error), args ...any) ([]T, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}
