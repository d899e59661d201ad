package data

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	sqlite "modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// ErrNotFound is returned when a record does not exist.
var ErrNotFound = errors.New("not found")

// FieldError is bad input: it names the field and says why.
type FieldError struct {
	Field string
	Msg   string
}

func (e *FieldError) Error() string { return e.Field + ": " + e.Msg }

func fieldErr(field, msg string) *FieldError { return &FieldError{Field: field, Msg: msg} }

// ValidationErrors collects every bad field of one record.
type ValidationErrors []*FieldError

func (v ValidationErrors) Error() string {
	parts := make([]string, len(v))
	for i, e := range v {
		parts[i] = e.Error()
	}
	return strings.Join(parts, "; ")
}

// Fields maps field name to message (for forms).
func (v ValidationErrors) Fields() map[string]string {
	m := map[string]string{}
	for _, e := range v {
		if _, ok := m[e.Field]; !ok {
			m[e.Field] = e.Msg
		}
	}
	return m
}

func (v *ValidationErrors) add(field, msg string) { *v = append(*v, fieldErr(field, msg)) }

func (v ValidationErrors) err() error {
	if len(v) == 0 {
		return nil
	}
	return v
}

// FieldErrors extracts field errors from err (one FieldError or ValidationErrors).
func FieldErrors(err error) map[string]string {
	var ve ValidationErrors
	if errors.As(err, &ve) {
		return ve.Fields()
	}
	var fe *FieldError
	if errors.As(err, &fe) {
		return map[string]string{fe.Field: fe.Msg}
	}
	return nil
}

// StorageError is a failure of the company file or the disk under it (read-only, full,
// damaged, unreadable), said in words that name the file and what to do. Err is the
// underlying SQLite or system error.
type StorageError struct {
	Path string
	Msg  string // the whole sentence
	Err  error
}

func (e *StorageError) Error() string { return e.Msg }
func (e *StorageError) Unwrap() error { return e.Err }

// storageCode tells the SQLite result codes that mean the file or the disk failed (as
// opposed to a refused change): after them SQLite may have rolled the transaction back.
func storageCode(err error) (int, bool) {
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return 0, false
	}
	switch se.Code() & 0xff {
	case sqlite3.SQLITE_FULL, sqlite3.SQLITE_IOERR, sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CORRUPT,
		sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_NOMEM, sqlite3.SQLITE_PERM:
		return se.Code(), true
	}
	return se.Code(), false
}

// describeErr turns an SQLite or system error about the file at path into a sentence
// that names the file and why (read-only file or folder, full disk, damage, busy); other
// errors are returned as they are.
func describeErr(path string, err error) error {
	if err == nil {
		return nil
	}
	var (
		se  *StorageError
		nce *NotCompanyError
		le  *LockedError
		fe  *FieldError
		ve  ValidationErrors
	)
	if errors.As(err, &se) || errors.As(err, &nce) || errors.As(err, &le) || errors.As(err, &fe) || errors.As(err, &ve) {
		return err
	}
	var sqe *sqlite.Error
	if !errors.As(err, &sqe) {
		if errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EROFS) || errors.Is(err, fs.ErrPermission) {
			return describeOSErr(path, err)
		}
		return err
	}
	mk := func(format string, args ...any) error {
		return &StorageError{Path: path, Msg: fmt.Sprintf(format, args...), Err: err}
	}
	switch sqe.Code() & 0xff {
	case sqlite3.SQLITE_FULL:
		return mk("the disk holding %s is full: nothing was saved; free some space and try again", path)
	case sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM:
		return readOnlyErr(path, err)
	case sqlite3.SQLITE_CANTOPEN:
		dir := filepath.Dir(path)
		if _, serr := os.Stat(dir); serr != nil {
			return mk("%s cannot be opened: the folder %s does not exist or cannot be read", path, dir)
		}
		if !canWriteDir(dir) {
			return mk("%s cannot be opened: the folder %s is read-only, and SQLite needs to keep a journal file beside the company file; copy it to a folder you can write", path, dir)
		}
		return mk("%s cannot be opened: the file cannot be read (check its permissions)", path)
	case sqlite3.SQLITE_NOTADB:
		return &NotCompanyError{Path: path, Why: "it is not an SQLite database (or it is damaged)"}
	case sqlite3.SQLITE_CORRUPT:
		return mk("%s is damaged (SQLite finds a malformed database); restore a backup", path)
	case sqlite3.SQLITE_IOERR:
		if errors.Is(err, syscall.ENOSPC) {
			return mk("the disk holding %s is full: nothing was saved; free some space and try again", path)
		}
		return mk("%s could not be read or written (a disk or network error); nothing was saved; check the disk and try again", path)
	case sqlite3.SQLITE_NOMEM:
		return mk("not enough memory to work on %s; close other programs and try again", path)
	case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
		return mk("another program is writing to %s right now; try again in a moment", path)
	}
	return err
}

// isBusy tells an SQLite error saying that another connection holds the file (busy or
// locked).
func isBusy(err error) bool {
	code, _ := storageCode(err)
	return code&0xff == sqlite3.SQLITE_BUSY || code&0xff == sqlite3.SQLITE_LOCKED
}

// readOnlyErr says why the file at path cannot be written: the file itself, or its folder.
func readOnlyErr(path string, err error) error {
	dir := filepath.Dir(path)
	var msg string
	switch {
	case !canWriteFile(path):
		msg = fmt.Sprintf("%s cannot be changed: the file is read-only (its permissions, or a read-only disk or share); make it writable, or open it read-only", path)
	case !canWriteDir(dir):
		msg = fmt.Sprintf("%s cannot be changed: its folder %s is read-only, and SQLite needs to write a journal file beside the company file; copy the file to a folder you can write, or open it read-only", path, dir)
	default:
		msg = fmt.Sprintf("%s cannot be changed: SQLite finds it read-only (it may have been moved or replaced while open); close it and open it again", path)
	}
	return &StorageError{Path: path, Msg: msg, Err: err}
}

// FileError says in words why the system refused a file operation (a *fs.PathError names
// its file): a missing file, a file where a folder should be, a full or read-only disk,
// no permission. Other errors are returned as they are.
func FileError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		if d := describeOSErr(pe.Path, pe.Err); d != pe.Err {
			return d
		}
	}
	return err
}

// describeOSErr says in words why the system refused a file operation on path.
func describeOSErr(path string, err error) error {
	mk := func(format string, args ...any) error {
		return &StorageError{Path: path, Msg: fmt.Sprintf(format, args...), Err: err}
	}
	switch {
	case errors.Is(err, syscall.ENOSPC):
		return mk("the disk holding %s is full: nothing was saved; free some space and try again", path)
	case errors.Is(err, syscall.EROFS):
		return mk("%s cannot be written: it is on a read-only disk or share", path)
	case errors.Is(err, fs.ErrPermission):
		return mk("%s cannot be used: permission denied (check the permissions of the file and its folder)", path)
	case errors.Is(err, fs.ErrNotExist):
		return mk("%s does not exist (check the name and the folder)", path)
	case errors.Is(err, syscall.ENOTDIR):
		return mk("%s cannot be used: %s is a file, not a folder", path, fileOnTheWay(path))
	case errors.Is(err, syscall.ENAMETOOLONG):
		return mk("%s cannot be used: its name is too long for the file system (at most 255 bytes a name)", path)
	}
	return err
}

// fileOnTheWay is the first part of path (its folders, then path itself) that is a file
// where a folder is needed (a path that goes "through" a file fails with ENOTDIR); path's
// folder when none is.
func fileOnTheWay(path string) string {
	dir := filepath.Dir(path)
	var parts []string
	for d := path; ; d = filepath.Dir(d) {
		parts = append(parts, d)
		if filepath.Dir(d) == d {
			break
		}
	}
	for i := len(parts) - 1; i >= 0; i-- {
		if st, err := os.Stat(parts[i]); err == nil && !st.IsDir() {
			return parts[i]
		}
	}
	return dir
}

// canWriteFile tells whether the file at path could be opened for writing (nothing is
// written; a missing file counts as writable).
func canWriteFile(path string) bool {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return errors.Is(err, fs.ErrNotExist)
	}
	f.Close()
	return true
}

// canWriteDir tells whether a file can be made in dir (a probe file, removed at once).
func canWriteDir(dir string) bool {
	f, err := os.CreateTemp(dir, ".duebook-probe-*")
	if err != nil {
		return false
	}
	f.Close()
	os.Remove(f.Name())
	return true
}

// ReadOnly tells a file or folder that cannot be written (it may still be read).
func (e *StorageError) ReadOnly() bool {
	code, _ := storageCode(e.Err)
	return code&0xff == sqlite3.SQLITE_READONLY || code&0xff == sqlite3.SQLITE_PERM ||
		errors.Is(e.Err, syscall.EROFS) || errors.Is(e.Err, fs.ErrPermission)
}
