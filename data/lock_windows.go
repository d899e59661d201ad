//go:build windows

package data

import (
	"syscall"
	"time"
)

const (
	processQueryLimitedInformation = 0x1000
	stillActive                    = 259
)

// processAlive tells whether process pid is running and may be the one that took a lock
// at since: a pid now used by a process created after the lock was taken is not alive.
func processAlive(pid int, since time.Time) bool {
	if pid <= 0 {
		return false
	}
	h, err := syscall.OpenProcess(processQueryLimitedInformation, false, uint32(pid))
	if err != nil {
		// ERROR_ACCESS_DENIED: it exists but is not ours to query; anything else: gone.
		return err == syscall.ERROR_ACCESS_DENIED
	}
	defer syscall.CloseHandle(h)
	var code uint32
	if err := syscall.GetExitCodeProcess(h, &code); err == nil && code != stillActive {
		return false
	}
	var created, exited, kernel, user syscall.Filetime
	if err := syscall.GetProcessTimes(h, &created, &exited, &kernel, &user); err == nil && !since.IsZero() {
		if time.Unix(0, created.Nanoseconds()).After(since.Add(5 * time.Second)) {
			return false
		}
	}
	return true
}
