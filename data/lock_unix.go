//go:build unix

package data

import (
	"errors"
	"os"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// processAlive tells whether process pid is running and may be the one that took a lock
// at since. Signal 0 probes existence (EPERM: it exists but belongs to another user). On
// Linux /proc also tells a zombie (dead, not yet reaped) and a pid reused by a process
// started after the lock was taken (after a reboot, say): both count as not alive.
func processAlive(pid int, since time.Time) bool {
	if pid <= 0 {
		return false
	}
	err := syscall.Kill(pid, 0)
	if err != nil && !errors.Is(err, syscall.EPERM) {
		return false // ESRCH: no such process
	}
	if runtime.GOOS == "linux" {
		state, started, ok := linuxProcStart(pid)
		if ok {
			if state == "Z" || state == "X" {
				return false
			}
			// btime and the tick count are whole seconds / 10 ms: allow some slack.
			if !since.IsZero() && started.After(since.Add(5*time.Second)) {
				return false
			}
		}
	}
	return true
}

// linuxProcStart reads the state and start time of a process from /proc.
func linuxProcStart(pid int) (state string, started time.Time, ok bool) {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return "", time.Time{}, false
	}
	// "pid (comm) state ppid ...": comm may contain spaces and parentheses.
	s := string(b)
	i := strings.LastIndexByte(s, ')')
	if i < 0 {
		return "", time.Time{}, false
	}
	f := strings.Fields(s[i+1:])
	if len(f) < 20 {
		return "", time.Time{}, false
	}
	state = f[0]
	ticks, err := strconv.ParseInt(f[19], 10, 64) // field 22 of stat: starttime in clock ticks
	if err != nil {
		return state, time.Time{}, false
	}
	bt, err := os.ReadFile("/proc/stat")
	if err != nil {
		return state, time.Time{}, false
	}
	for _, line := range strings.Split(string(bt), "\n") {
		if v, found := strings.CutPrefix(line, "btime "); found {
			boot, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
			if err != nil {
				break
			}
			const clkTck = 100 // USER_HZ: 100 on every Linux architecture Go supports
			return state, time.Unix(boot, 0).Add(time.Duration(ticks) * time.Second / clkTck), true
		}
	}
	return state, time.Time{}, false
}
