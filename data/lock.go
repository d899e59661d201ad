package data

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"time"
)

// The single-user lock of a company file: a small JSON file "<company>.lock" beside it
// that says which program has the file open for writing (pid, host, since when). It is
// created with O_EXCL, so of two programs opening the file at the same time only one
// gets it. A program that died without releasing the lock leaves it behind: on the same
// computer that is detected (the pid is gone, or now belongs to a process started after
// the lock was taken) and the lock is taken over; a lock of another computer (a shared
// folder) cannot be checked and is only broken by the user (BreakLock).

// LockInfo is what a lock file says.
type LockInfo struct {
	PID     int       `json:"pid"`
	Host    string    `json:"host"`
	Since   time.Time `json:"since"`
	Program string    `json:"program,omitempty"`
}

// LockedError is returned by AcquireLock when another program holds the company file.
type LockedError struct {
	Path  string // the company file
	PID   int
	Host  string
	Since time.Time
	// Unreadable: the lock file exists but holds no valid lock (a program died while
	// writing it, or it is being written right now).
	Unreadable bool
}

func (e *LockedError) Error() string {
	return e.Holder() + "; commands that only read still work. " + e.Advice()
}

// Holder says who has the file: "co.duebook is open in Duebook on HOST since ... (pid N)".
func (e *LockedError) Holder() string {
	name := filepath.Base(e.Path)
	if e.Unreadable {
		return fmt.Sprintf("%s is locked by another program (the lock file %s cannot be read)", name, filepath.Base(LockPath(e.Path)))
	}
	return fmt.Sprintf("%s is open in Duebook on %s since %s (pid %d)",
		name, e.Host, e.Since.Local().Format("2006-01-02 15:04"), e.PID)
}

// Advice says what to do at the command line: wait, or break the lock of a program that
// is gone with the unlock command (the window offers its own buttons).
func (e *LockedError) Advice() string {
	cmd := fmt.Sprintf("duebook unlock -db %s", shellQuote(e.Path))
	if e.Unreadable || e.Host != hostname() {
		cmd += " -force"
	}
	return "To change it, close it there first; if that program is gone, break the lock with: " + cmd
}

// shellQuote quotes a path for a command line when it needs it.
func shellQuote(p string) string {
	if p != "" && strings.IndexFunc(p, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("/._-+:,@\\", r))
	}) < 0 {
		return p
	}
	if runtime.GOOS == "windows" {
		return `"` + p + `"`
	}
	return "'" + strings.ReplaceAll(p, "'", `'\''`) + "'"
}

// Locked marks the error as "the file is in use" (the GUI offers read-only or break).
func (e *LockedError) Locked() bool { return true }

// Lock is a held company-file lock.
type Lock struct {
	path string // the lock file
	info LockInfo
	raw  []byte
	// Recovered is the stale lock of a program that ended without closing the file
	// (it crashed or was killed) and that this lock took over; nil normally.
	Recovered *LockInfo

	mu       sync.Mutex
	released bool
}

// LockPath is the lock file of a company file: beside the file itself when companyPath
// is a symbolic link (ResolveLinks), so two programs that reach one company by two names
// share one lock.
func LockPath(companyPath string) string {
	if real, err := ResolveLinks(companyPath); err == nil {
		companyPath = real
	}
	return companyPath + ".lock"
}

// Info is what this lock says.
func (l *Lock) Info() LockInfo { return l.info }

// staleUnreadable is how old an unreadable lock file must be before it is taken as
// abandoned (a program writes its lock within microseconds of creating it).
const staleUnreadable = 10 * time.Second

// unreadableWait is how long AcquireLock reads a young unreadable lock again before it
// reports it as unreadable (the holder is normally done writing within a millisecond).
const unreadableWait = 500 * time.Millisecond

var hostname = func() string {
	h, err := os.Hostname()
	if err != nil || h == "" {
		return "unknown-host"
	}
	return h
}

// AcquireLock takes the single-user lock of the company file at companyPath. When a live
// program holds it, the error is a *LockedError. A stale lock left on this computer by a
// program that is gone is taken over (Lock.Recovered tells).
func AcquireLock(companyPath string) (*Lock, error) {
	lp := LockPath(companyPath)
	info := LockInfo{PID: os.Getpid(), Host: hostname(), Since: time.Now().UTC().Truncate(time.Millisecond), Program: "duebook"}
	raw, err := json.Marshal(info)
	if err != nil {
		return nil, err
	}
	var recovered *LockInfo
	// A lock file is created empty and written just after: another program that reads
	// it in between sees no valid lock. Such a young unreadable lock is read again for
	// a moment before it is reported, so the message can name the holder.
	waitUntil := time.Now().Add(unreadableWait)
	for attempt := 0; attempt < 5; attempt++ {
		err := createExclusive(lp, raw)
		if err == nil {
			return &Lock{path: lp, info: info, raw: raw, Recovered: recovered}, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return nil, lockFileErr(companyPath, err)
		}
		held, heldRaw, err := readLock(lp)
		if errors.Is(err, fs.ErrNotExist) {
			continue // released in between: try again
		}
		if err != nil {
			return nil, fmt.Errorf("lock %s: %w", companyPath, err)
		}
		if held == nil { // unreadable
			st, serr := os.Stat(lp)
			if errors.Is(serr, fs.ErrNotExist) {
				continue // released in between: try again
			}
			if serr == nil && time.Since(st.ModTime()) < staleUnreadable && time.Now().Before(waitUntil) {
				time.Sleep(5 * time.Millisecond)
				attempt--
				continue
			}
			if serr != nil || time.Since(st.ModTime()) < staleUnreadable {
				return nil, &LockedError{Path: companyPath, Unreadable: true}
			}
		} else if !staleHere(*held) {
			return nil, &LockedError{Path: companyPath, PID: held.PID, Host: held.Host, Since: held.Since}
		}
		// Stale: take it away, but only if it is still the lock we judged.
		if err := removeIfSame(lp, heldRaw); err != nil {
			if errors.Is(err, errLockChanged) {
				continue
			}
			return nil, fmt.Errorf("lock %s: %w", companyPath, err)
		}
		recovered = held
	}
	return nil, fmt.Errorf("lock %s: the lock file keeps changing; another program is opening the file", companyPath)
}

// ReadLock tells who holds the company file's lock (nil when nobody does). An
// unreadable lock file gives a LockInfo with PID 0.
func ReadLock(companyPath string) (*LockInfo, error) {
	held, _, err := readLock(LockPath(companyPath))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if held == nil {
		return &LockInfo{}, nil
	}
	return held, nil
}

// BreakLock removes the company file's lock after the user said its program is gone. It
// refuses while the holder is a program still running on this computer.
func BreakLock(companyPath string) error { return breakLock(companyPath) }

// BreakStaleLock removes the company file's lock only when its program is known to be
// gone (this computer; no program is running under its pid). A lock of another computer,
// which cannot be checked, and an unreadable lock need force; a program still running
// here is never overruled (close it, or end it, first). It tells what it removed (nil:
// there was no lock).
func BreakStaleLock(companyPath string, force bool) (*LockInfo, error) {
	held, _, err := readLock(LockPath(companyPath))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("break lock of %s: %w", companyPath, describeOSErr(LockPath(companyPath), err))
	}
	name := filepath.Base(companyPath)
	switch {
	case held == nil && !force:
		return nil, fmt.Errorf("the lock of %s cannot be read (a program may be writing it right now); if no Duebook has the file open, pass -force", name)
	case held != nil && held.Host != hostname() && !force:
		return nil, fmt.Errorf("%s was locked by Duebook on %s (pid %d) since %s; this computer cannot tell whether it still runs there: close it there, or if it is gone, pass -force",
			name, held.Host, held.PID, held.Since.Local().Format("2006-01-02 15:04"))
	}
	if err := breakLock(companyPath); err != nil {
		return nil, err
	}
	if held == nil {
		held = &LockInfo{}
	}
	return held, nil
}

func breakLock(companyPath string) error {
	lp := LockPath(companyPath)
	held, raw, err := readLock(lp)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("break lock of %s: %w", companyPath, err)
	}
	if held != nil && held.Host == hostname() && held.PID == os.Getpid() {
		return fmt.Errorf("break lock of %s: this program holds it; close the file instead", filepath.Base(companyPath))
	}
	if held != nil && held.Host == hostname() && !staleHere(*held) {
		return fmt.Errorf("break lock of %s: Duebook (pid %d) is still running on this computer; close it there first",
			filepath.Base(companyPath), held.PID)
	}
	if err := removeIfSame(lp, raw); err != nil && !errors.Is(err, fs.ErrNotExist) {
		if errors.Is(err, errLockChanged) {
			return fmt.Errorf("break lock of %s: another program has just taken the lock", filepath.Base(companyPath))
		}
		return fmt.Errorf("break lock of %s: %w", companyPath, err)
	}
	return nil
}

// Release frees the lock; releasing twice is harmless. A lock that was broken and taken
// by another program meanwhile is left alone.
func (l *Lock) Release() error {
	if l == nil {
		return nil
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.released {
		return nil
	}
	l.released = true
	err := removeIfSame(l.path, l.raw)
	if errors.Is(err, fs.ErrNotExist) || errors.Is(err, errLockChanged) {
		return nil
	}
	return err
}

// staleHere tells whether a readable lock was left by a program of this computer that is
// no longer running. Locks of other computers are never judged stale.
func staleHere(held LockInfo) bool {
	if held.Host != hostname() || held.PID <= 0 {
		return false
	}
	if held.PID == os.Getpid() {
		return false // this very program (another Store of the same process)
	}
	return !processAlive(held.PID, held.Since)
}

func createExclusive(path string, content []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, werr := f.Write(content)
	serr := f.Sync()
	cerr := f.Close()
	if err := errors.Join(werr, serr, cerr); err != nil {
		os.Remove(path)
		return err
	}
	return nil
}

// readLock reads a lock file: info is nil when the content is not a valid lock.
func readLock(path string) (*LockInfo, []byte, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	var info LockInfo
	if err := json.Unmarshal(raw, &info); err != nil || info.PID <= 0 || strings.TrimSpace(info.Host) == "" {
		return nil, raw, nil
	}
	return &info, raw, nil
}

var errLockChanged = errors.New("the lock file changed")

// removeIfSame removes the lock file only if it still holds raw: it is first renamed to a
// private name (atomic), then compared; a lock that changed meanwhile is put back.
func removeIfSame(path string, raw []byte) error {
	aside := fmt.Sprintf("%s.%d-%d.breaking", path, os.Getpid(), time.Now().UnixNano())
	if err := os.Rename(path, aside); err != nil {
		return err
	}
	got, err := os.ReadFile(aside)
	if err == nil && bytes.Equal(got, raw) {
		return os.Remove(aside)
	}
	// Someone replaced the lock between our read and the rename: give it back unless a
	// newer one already exists (os.Link does not replace).
	if lerr := os.Link(aside, path); lerr != nil && !errors.Is(lerr, fs.ErrExist) {
		// No hard links on this file system: fall back to a rename when the name is free.
		if _, serr := os.Stat(path); errors.Is(serr, fs.ErrNotExist) {
			if rerr := os.Rename(aside, path); rerr == nil {
				return errLockChanged
			}
		}
	}
	os.Remove(aside)
	return errLockChanged
}

// lockFileErr says why the lock file beside the company file cannot be made.
func lockFileErr(companyPath string, err error) error {
	if errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS) {
		if !canWriteFile(companyPath) {
			return readOnlyErr(companyPath, err)
		}
		return &StorageError{Path: companyPath, Err: err, Msg: fmt.Sprintf(
			"%s cannot be changed: its folder %s is read-only, and Duebook keeps the lock file %s beside the company file; copy the file to a folder you can write, or open it read-only",
			companyPath, filepath.Dir(companyPath), filepath.Base(LockPath(companyPath)))}
	}
	if errors.Is(err, syscall.ENOSPC) {
		return describeOSErr(companyPath, err)
	}
	return fmt.Errorf("lock %s: %w", companyPath, err)
}
