package data

import (
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

// AppID is the SQLite application_id (the 4 bytes at offset 68 of the file header) that
// marks a file as a Duebook company: 0x44756542, "DueB" in ASCII. A new company gets it
// when it is made; a company file of an earlier Duebook (id 0, but with Duebook's schema)
// gets it the first time it is opened for writing. Any other id, and an id-less file
// without Duebook's schema, is another program's file and is refused untouched.
const AppID = 0x44756542

// sqliteURI is the SQLite URI of the file at path with the query q ("" for none). The
// path is made absolute and every byte that means something in a URI (`?`, `#`, `%`,
// and anything not plainly safe) is %-escaped, so the name SQLite opens is exactly path.
func sqliteURI(path, q string) string {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // a Windows drive path: file:///C:/...
	}
	var b strings.Builder
	b.WriteString("file://")
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9',
			c == '/', c == '-', c == '_', c == '.', c == '~', c == ':':
			b.WriteByte(c)
		default:
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	if q != "" {
		b.WriteString("?")
		b.WriteString(q)
	}
	return b.String()
}

// NotCompanyError says that a file is not a Duebook company file (missing, empty, not an
// SQLite database, another program's database) and why. Nothing was changed in it.
type NotCompanyError struct {
	Path string
	Why  string
}

func (e *NotCompanyError) Error() string {
	return fmt.Sprintf("%s is not a Duebook company file: %s", e.Path, e.Why)
}

// NotCompany lets callers (the window, the commands) tell this refusal from other errors.
func (e *NotCompanyError) NotCompany() bool { return true }

// ErrNoFile is wrapped by the NotCompanyError of a path where no file exists.
var ErrNoFile = errors.New("no such file")

type missingFileError struct{ NotCompanyError }

func (e *missingFileError) Error() string {
	return fmt.Sprintf("%s does not exist: %s", e.Path, e.Why)
}
func (e *missingFileError) Unwrap() error { return ErrNoFile }

// inspectHeader reads the start of the file without SQLite (so nothing can change it) and
// refuses what cannot be a company file: no file, a folder, an empty file, a file that is
// not an SQLite database, an SQLite database marked by another program.
func inspectHeader(path string) error {
	st, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return &missingFileError{NotCompanyError{path, "check the name and the folder"}}
	}
	if err != nil {
		return describeOSErr(path, err)
	}
	if st.IsDir() {
		return &NotCompanyError{path, "it is a folder"}
	}
	if !st.Mode().IsRegular() {
		return &NotCompanyError{path, "it is not a regular file (a device, a pipe or a socket)"}
	}
	if st.Size() == 0 {
		return &NotCompanyError{path, "the file is empty (0 bytes)"}
	}
	f, err := os.Open(path)
	if err != nil {
		return describeOSErr(path, err)
	}
	defer f.Close()
	var h [100]byte
	if _, err := io.ReadFull(f, h[:]); err != nil || string(h[:16]) != "SQLite format 3\x00" {
		return &NotCompanyError{path, "it is not an SQLite database"}
	}
	if id := binary.BigEndian.Uint32(h[68:72]); id != 0 && id != AppID {
		return &NotCompanyError{path, fmt.Sprintf("it is the database of another program (SQLite application id 0x%08X)", id)}
	}
	return nil
}

// identity reads what marks a database as Duebook's: its application_id, and (for a file
// without one) whether it holds Duebook's schema, and refuses a file of a newer Duebook
// (*NewerVersionError). adopt is set for a company file of an earlier Duebook that has no
// id yet. The queries only read.
func identity(ctx context.Context, path string, q querier) (adopt bool, err error) {
	var id int64
	if err := q.QueryRowContext(ctx, `PRAGMA application_id`).Scan(&id); err != nil {
		return false, describeErr(path, err)
	}
	if id != 0 && id != AppID {
		return false, &NotCompanyError{path, fmt.Sprintf("it is the database of another program (SQLite application id 0x%08X)", uint32(id))}
	}
	var n int
	if err := q.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'`).Scan(&n); err != nil {
		return false, describeErr(path, err)
	}
	if n == 0 {
		if id == AppID {
			return false, &NotCompanyError{path, "it is marked as Duebook's but holds no company (it was not made to the end); restore a backup"}
		}
		return false, &NotCompanyError{path, "it is an SQLite database of another program"}
	}
	if ok, err := ourMigrationTable(ctx, q); err != nil {
		return false, describeErr(path, err)
	} else if !ok {
		// Other programs keep a "schema_migrations" table too (Rails, golang-migrate).
		if id == AppID {
			return false, &NotCompanyError{path, "it is marked as Duebook's but its tables are not Duebook's"}
		}
		return false, &NotCompanyError{path, "it is an SQLite database of another program"}
	}
	var schema int
	if err := q.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&schema); err != nil {
		return false, describeErr(path, err)
	}
	if known := SchemaVersion(); schema > known {
		return false, &NewerVersionError{Path: path, Schema: schema, Known: known}
	}
	return id == 0, nil
}

// NewerVersionError refuses a company file made (or last changed) by a newer Duebook: its
// schema has migrations this version does not know, so neither reading nor writing it can
// be trusted. Nothing was changed in it.
type NewerVersionError struct {
	Path          string
	Schema, Known int // the file's schema version, and the highest this version knows
}

func (e *NewerVersionError) Error() string {
	return fmt.Sprintf("%s was made by a newer version of Duebook (schema %d, this version knows %d); update Duebook to open it",
		e.Path, e.Schema, e.Known)
}

// ourMigrationTable tells whether schema_migrations is Duebook's: exactly the columns
// version, name, applied_at, and the names of the migrations this build knows.
func ourMigrationTable(ctx context.Context, q querier) (bool, error) {
	rows, err := q.QueryContext(ctx, `SELECT name FROM pragma_table_info('schema_migrations') ORDER BY cid`)
	if err != nil {
		return false, err
	}
	var cols []string
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			rows.Close()
			return false, err
		}
		cols = append(cols, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return false, err
	}
	if strings.Join(cols, ",") != "version,name,applied_at" {
		return false, nil
	}
	ms, err := loadMigrations()
	if err != nil {
		return false, err
	}
	for _, m := range ms {
		var name string
		err := q.QueryRowContext(ctx, `SELECT name FROM schema_migrations WHERE version = ?`, m.version).Scan(&name)
		if errors.Is(err, sql.ErrNoRows) {
			continue
		}
		if err != nil {
			return false, err
		}
		if name != m.name {
			return false, nil
		}
	}
	return true, nil
}

// Create makes a new, empty company file at path (marked with AppID, every migration
// applied) and opens it. It refuses a path where anything exists, and removes what it
// made when it fails. Only a user's explicit "new company" (the window's New company,
// the sample company, duebook demo) should call it; everything else opens existing files.
func Create(path string, opt Options) (s *Store, err error) {
	if path == "" || path == ":memory:" {
		return nil, fieldErr("file", "a company file path is needed")
	}
	if opt.ReadOnly {
		return nil, fieldErr("file", "a new company cannot be made read-only")
	}
	// Reserve the name: of two programs making the same company only one gets it.
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return nil, fieldErr("file", fmt.Sprintf("%s already exists; choose another name or open it", path))
	}
	if err != nil {
		return nil, createErr(path, err)
	}
	f.Close()
	s, err = openStore(path, opt, true) // closes what it opened when it fails
	if err != nil {
		RemoveCompanyFile(path)
		return nil, err
	}
	return s, nil
}

// OpenExisting opens the existing company file at path: it refuses, untouched, a missing
// or empty file, a file that is not an SQLite database and another program's database
// (a *NotCompanyError naming the path and why). A read-only open changes nothing; a
// writer open marks a company file of an earlier Duebook with AppID and applies pending
// migrations (after Options.BeforeMigrate).
func OpenExisting(path string, opt Options) (*Store, error) {
	if path == "" || path == ":memory:" {
		return nil, fieldErr("file", "a company file path is needed")
	}
	if err := inspectHeader(path); err != nil {
		return nil, err
	}
	return openStore(path, opt, false)
}

// RemoveCompanyFile removes a company file and its SQLite side files (a new company that
// could not be made to the end).
func RemoveCompanyFile(path string) {
	for _, suffix := range []string{"", "-journal", "-wal", "-shm"} {
		os.Remove(path + suffix)
	}
}

// writerDSN and readerDSN are the connection strings of the store's two pools.
func writerDSN(path string) string {
	q := commonPragmas()
	q.Add("_pragma", "cache_size(-65536)") // 64 MiB: the one writer keeps the hot pages of every write
	// The journal mode is set only once the file is known to be Duebook's (openStore).
	q.Set("_txlock", "immediate")
	return sqliteURI(path, q.Encode())
}

// readerCacheSize is the page cache of each reader connection, in KiB (negative).
const readerCacheSize = "-8192"

func readerDSN(path string, immutable bool) string {
	q := commonPragmas()
	q.Add("_pragma", "query_only(1)")
	// Up to four readers: 8 MiB of page cache each (SQLite's default is 2 MiB). At a
	// million invoices 64 MiB each made a worklist or an export hold 265 MiB for pages the
	// operating system caches anyway; the indexes the reads walk stay in 8 MiB.
	q.Add("_pragma", "cache_size("+readerCacheSize+")")
	if immutable {
		q.Set("mode", "ro")
		q.Set("immutable", "1")
	}
	return sqliteURI(path, q.Encode())
}

// needsImmutable tells whether a read-only open failed only because SQLite cannot make the
// side files of a WAL-mode file in a folder that cannot be written, while no write-ahead
// log exists (so the file alone is the whole company).
func needsImmutable(path string, err error) bool {
	var se *StorageError
	return errors.As(err, &se) && walUnreadable(path, se.Err)
}

// walUnreadable is needsImmutable for an SQLite error.
func walUnreadable(path string, err error) bool {
	code, _ := storageCode(err)
	if c := code & 0xff; c != 14 && c != 8 { // SQLITE_CANTOPEN, SQLITE_READONLY
		return false
	}
	if st, err := os.Stat(path + "-wal"); err == nil && st.Size() > 0 {
		return false
	}
	return !canWriteDir(filepath.Dir(path))
}

// busyTimeoutMS is how long a connection waits for another's lock (commonPragmas).
const busyTimeoutMS = "5000"

func commonPragmas() url.Values {
	q := url.Values{}
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "busy_timeout("+busyTimeoutMS+")")
	q.Add("_pragma", "synchronous(FULL)")
	q.Add("_pragma", "temp_store(MEMORY)")
	return q
}

// MakeCompany makes a new company file at path and fills it (fill may be nil): the
// company is built in a hidden temporary file beside path (Create, then fill), closed,
// and only then moved to path. A failure (a full disk, a cancelled fill) leaves nothing
// at path and removes the temporary file. With replace, an existing company file at path
// is replaced (the caller holds its lock and checked that it is a company file; it must
// not be open anywhere, which is checked); otherwise an existing path is refused.
func MakeCompany(ctx context.Context, path string, opt Options, replace bool, fill func(ctx context.Context, s *Store) error) (err error) {
	if path == "" || path == ":memory:" {
		return fieldErr("file", "a company file path is needed")
	}
	if _, err := os.Lstat(path); err == nil && !replace {
		return fieldErr("file", fmt.Sprintf("%s already exists; choose another name or open it", path))
	} else if errors.Is(err, syscall.ENAMETOOLONG) || errors.Is(err, syscall.ENOTDIR) {
		return createErr(path, err) // before the company is made in vain
	}
	dir := filepath.Dir(path)
	removeStaleTemps(dir)
	f, err := createTemp(dir, filepath.Base(path), "new")
	if err != nil {
		return createErr(path, err)
	}
	tmp := f.Name()
	f.Close()
	os.Remove(tmp) // Create reserves the name again itself
	defer func() {
		if err != nil {
			RemoveCompanyFile(tmp)
		}
	}()
	s, err := Create(tmp, opt)
	if err != nil {
		return retarget(err, tmp, path)
	}
	if fill != nil {
		err = fill(ctx, s)
	}
	if err == nil {
		err = ctx.Err()
	}
	// Close folds the write-ahead log into the file: the file alone is the company.
	if cerr := s.Close(); err == nil && cerr != nil {
		err = describeErr(path, cerr)
	}
	if err != nil {
		return retarget(err, tmp, path)
	}
	if err := syncFile(tmp); err != nil {
		return describeOSErr(path, err)
	}
	if replace {
		if _, serr := os.Stat(path); serr == nil {
			if err := settleWALFor(ctx, "replace", path); err != nil {
				return err
			}
		}
		os.Remove(path + "-journal")
		if err := os.Rename(tmp, path); err != nil {
			return describeOSErr(path, err)
		}
	} else if err := os.Link(tmp, path); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fieldErr("file", fmt.Sprintf("%s already exists; choose another name or open it", path))
		}
		// No hard links on this file system: rename, if the name is still free.
		if _, serr := os.Lstat(path); serr == nil {
			return fieldErr("file", fmt.Sprintf("%s already exists; choose another name or open it", path))
		}
		if err := os.Rename(tmp, path); err != nil {
			return describeOSErr(path, err)
		}
	} else {
		os.Remove(tmp)
	}
	return syncDir(dir)
}

// retarget says an error about the temporary file of MakeCompany in terms of the company
// file the user named.
func retarget(err error, tmp, path string) error {
	var se *StorageError
	if errors.As(err, &se) && se.Path == tmp {
		return &StorageError{Path: path, Msg: strings.ReplaceAll(se.Msg, tmp, path), Err: se.Err}
	}
	return err
}

// createErr says why a new company file cannot be made at path.
func createErr(path string, err error) error {
	if errors.Is(err, fs.ErrNotExist) {
		dir := filepath.Dir(path)
		if st, serr := os.Stat(dir); serr == nil && st.IsDir() {
			// The folder is there but takes no new files (/proc, a special file system).
			return &StorageError{Path: path, Err: err, Msg: fmt.Sprintf("%s cannot be made: the folder %s does not take new files", path, dir)}
		}
		return &StorageError{Path: path, Err: err, Msg: fmt.Sprintf("%s cannot be made: the folder %s does not exist", path, missingFolder(dir))}
	}
	if errors.Is(err, syscall.ENOTDIR) {
		return &StorageError{Path: path, Err: err, Msg: fmt.Sprintf("%s cannot be made: %s is a file, not a folder", path, fileOnTheWay(path))}
	}
	if errors.Is(err, syscall.ENAMETOOLONG) {
		return &StorageError{Path: path, Err: err, Msg: fmt.Sprintf("%s cannot be made: its name is too long for the file system (at most 255 bytes a name)", path)}
	}
	if errors.Is(err, fs.ErrPermission) {
		return &StorageError{Path: path, Err: err, Msg: fmt.Sprintf("%s cannot be made: the folder %s cannot be written (permission denied)", path, filepath.Dir(path))}
	}
	return describeOSErr(path, err)
}

// missingFolder is the first folder of dir (from the root) that does not exist.
func missingFolder(dir string) string {
	missing := dir
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(d); err == nil {
			return missing
		}
		missing = d
		if filepath.Dir(d) == d {
			return dir
		}
	}
}
