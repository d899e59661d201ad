package app

import "duebook/data"

// The company file lock: one writer per company file. A second Duebook on the same file is
// told who holds it and may open read-only or, when that program is gone, break the lock.

// lockedError is the error of a file another program holds (*data.LockedError).
type lockedError interface {
	error
	Locked() bool
}

var _ lockedError = (*data.LockedError)(nil)

// lockFile takes the company file's lock (none for a read-only open); release frees it.
func lockFile(path string, readOnly bool) (release func(), err error) {
	if readOnly {
		return func() {}, nil
	}
	l, err := data.AcquireLock(path)
	if err != nil {
		return nil, err
	}
	return func() { l.Release() }, nil
}

// breakLock removes a lock whose program is gone.
func breakLock(path string) error { return data.BreakLock(path) }
