package data

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// A child process for the lock tests: the test binary re-run with DUEBOOK_LOCK_CHILD set
// to a company path. It tries the lock, prints "got" or "locked <pid>", then holds what it
// has until its stdin closes (or it is killed).
func TestLockChildHelper(t *testing.T) {
	path := os.Getenv("DUEBOOK_LOCK_CHILD")
	if path == "" {
		t.Skip("helper process for the lock tests")
	}
	l, err := AcquireLock(path)
	var le *LockedError
	switch {
	case err == nil:
		fmt.Println("got")
	case errors.As(err, &le):
		fmt.Printf("locked %d\n", le.PID)
		os.Exit(0)
	default:
		fmt.Println("error", err)
		os.Exit(1)
	}
	io.Copy(io.Discard, os.Stdin)
	if os.Getenv("DUEBOOK_LOCK_CHILD_NORELEASE") == "" {
		l.Release()
	}
	os.Exit(0)
}

type lockChild struct {
	cmd   *exec.Cmd
	stdin io.WriteCloser
	first string // first line printed
}

// startLockChild starts a child that tries the lock of path and waits for its first line.
func startLockChild(t *testing.T, path string, extraEnv ...string) *lockChild {
	t.Helper()
	c, out := spawnLockChild(t, path, extraEnv...)
	c.readFirst(t, out)
	return c
}

func spawnLockChild(t *testing.T, path string, extraEnv ...string) (*lockChild, io.Reader) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestLockChildHelper$", "-test.count=1")
	cmd.Env = append(append(os.Environ(), "DUEBOOK_LOCK_CHILD="+path), extraEnv...)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	c := &lockChild{cmd: cmd, stdin: stdin}
	t.Cleanup(func() {
		if c.cmd.ProcessState == nil {
			c.cmd.Process.Kill()
			c.cmd.Wait()
		}
	})
	return c, out
}

func (c *lockChild) readFirst(t *testing.T, out io.Reader) {
	t.Helper()
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		t.Fatalf("lock child: %v", err)
	}
	c.first = strings.TrimSpace(line)
	go io.Copy(io.Discard, out)
}

// finish lets the child release and exit.
func (c *lockChild) finish(t *testing.T) {
	t.Helper()
	c.stdin.Close()
	if err := c.cmd.Wait(); err != nil {
		t.Fatalf("lock child: %v", err)
	}
}

func (c *lockChild) kill(t *testing.T) {
	t.Helper()
	c.cmd.Process.Kill()
	c.cmd.Wait() // reaped: the pid is gone
}

func companyPath(t *testing.T) string {
	return filepath.Join(t.TempDir(), "co.duebook")
}

func TestLockAcquireRelease(t *testing.T) {
	p := companyPath(t)
	l, err := AcquireLock(p)
	if err != nil {
		t.Fatal(err)
	}
	var info LockInfo
	raw, err := os.ReadFile(p + ".lock")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, &info); err != nil {
		t.Fatalf("lock file is not JSON: %q", raw)
	}
	host, _ := os.Hostname()
	if info.PID != os.Getpid() || info.Host != host || time.Since(info.Since) > time.Minute || info.Since.After(time.Now()) {
		t.Fatalf("lock says %+v", info)
	}
	// The same program opening the file a second time is refused too.
	_, err = AcquireLock(p)
	var le *LockedError
	if !errors.As(err, &le) || le.PID != os.Getpid() || !le.Locked() {
		t.Fatalf("second acquire: %v", err)
	}
	if err := BreakLock(p); err == nil {
		t.Fatal("broke its own lock")
	}
	if err := l.Release(); err != nil {
		t.Fatal(err)
	}
	if err := l.Release(); err != nil {
		t.Fatal("second release:", err)
	}
	if _, err := os.Stat(p + ".lock"); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("lock file left after release: %v", err)
	}
	l2, err := AcquireLock(p)
	if err != nil {
		t.Fatal(err)
	}
	l2.Release()
}

func TestLockHeldByAnotherProcess(t *testing.T) {
	p := companyPath(t)
	child := startLockChild(t, p)
	if child.first != "got" {
		t.Fatalf("child: %q", child.first)
	}
	pid := child.cmd.Process.Pid
	_, err := AcquireLock(p)
	var le *LockedError
	if !errors.As(err, &le) {
		t.Fatalf("acquire while a child holds it: %v", err)
	}
	host, _ := os.Hostname()
	msg := err.Error()
	for _, want := range []string{"co.duebook is open in Duebook on " + host + " since ", fmt.Sprintf("(pid %d)", pid),
		"commands that only read still work", "if that program is gone, break the lock with: duebook unlock -db " + p} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q lacks %q", msg, want)
		}
	}
	if le.PID != pid || le.Host != host || time.Since(le.Since) > time.Minute {
		t.Fatalf("locked error %+v", le)
	}
	// The holder runs: breaking is refused.
	if err := BreakLock(p); err == nil || !strings.Contains(err.Error(), "still running") {
		t.Fatalf("break of a live lock: %v", err)
	}
	// A clean exit releases it.
	child.finish(t)
	if info, err := ReadLock(p); err != nil || info != nil {
		t.Fatalf("after the child released: %+v %v", info, err)
	}
	l, err := AcquireLock(p)
	if err != nil {
		t.Fatal(err)
	}
	if l.Recovered != nil {
		t.Fatal("a released lock counted as recovered")
	}
	l.Release()
}

func TestLockStaleAfterKill(t *testing.T) {
	p := companyPath(t)
	child := startLockChild(t, p)
	if child.first != "got" {
		t.Fatalf("child: %q", child.first)
	}
	pid := child.cmd.Process.Pid
	child.kill(t)
	// The lock is still there, but its program is gone: it is taken over.
	if info, _ := ReadLock(p); info == nil || info.PID != pid {
		t.Fatalf("lock after kill: %+v", info)
	}
	l, err := AcquireLock(p)
	if err != nil {
		t.Fatalf("stale lock not taken over: %v", err)
	}
	defer l.Release()
	if l.Recovered == nil || l.Recovered.PID != pid {
		t.Fatalf("recovered %+v, want pid %d", l.Recovered, pid)
	}
	if info, _ := ReadLock(p); info == nil || info.PID != os.Getpid() {
		t.Fatalf("lock now says %+v", info)
	}
}

func TestLockBreakStaleExplicitly(t *testing.T) {
	p := companyPath(t)
	child := startLockChild(t, p)
	child.kill(t)
	if err := BreakLock(p); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(p + ".lock"); !errors.Is(err, os.ErrNotExist) {
		t.Fatal("stale lock not removed")
	}
	if err := BreakLock(p); err != nil {
		t.Fatal("breaking no lock:", err)
	}
}

func writeLockFile(t *testing.T, p string, info LockInfo) {
	t.Helper()
	b, _ := json.Marshal(info)
	if err := os.WriteFile(p+".lock", b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestLockOtherCases(t *testing.T) {
	host, _ := os.Hostname()
	tests := []struct {
		name      string
		info      *LockInfo // nil: write raw
		raw       string
		age       time.Duration
		wantTaken bool // AcquireLock takes it over
		wantBreak bool // BreakLock removes it
	}{
		{name: "other computer", info: &LockInfo{PID: os.Getpid(), Host: "far-away-host", Since: time.Now()}, wantBreak: true},
		{name: "unreadable, fresh", raw: "", wantBreak: true},
		{name: "unreadable, old", raw: `{"pid":`, age: time.Minute, wantTaken: true, wantBreak: true},
		{name: "this computer, dead pid", info: &LockInfo{PID: deadPID(t), Host: host, Since: time.Now()}, wantTaken: true, wantBreak: true},
		{name: "this computer, pid 1 (alive, started before the lock)", info: &LockInfo{PID: 1, Host: host, Since: time.Now()}},
	}
	if runtime.GOOS == "linux" {
		// pid 1 started at boot: a lock from before it started cannot be its (a reused pid after a reboot).
		tests = append(tests, struct {
			name      string
			info      *LockInfo
			raw       string
			age       time.Duration
			wantTaken bool
			wantBreak bool
		}{name: "this computer, pid reused after reboot", info: &LockInfo{PID: 1, Host: host, Since: time.Date(2001, 1, 1, 0, 0, 0, 0, time.UTC)}, wantTaken: true, wantBreak: true})
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := companyPath(t)
			mk := func() {
				if tc.info != nil {
					writeLockFile(t, p, *tc.info)
				} else if err := os.WriteFile(p+".lock", []byte(tc.raw), 0o644); err != nil {
					t.Fatal(err)
				}
				if tc.age > 0 {
					old := time.Now().Add(-tc.age)
					os.Chtimes(p+".lock", old, old)
				}
			}
			mk()
			l, err := AcquireLock(p)
			var le *LockedError
			if tc.wantTaken {
				if err != nil {
					t.Fatalf("not taken over: %v", err)
				}
				if tc.info != nil && (l.Recovered == nil || l.Recovered.PID != tc.info.PID) {
					t.Fatalf("recovered %+v", l.Recovered)
				}
				l.Release()
			} else if !errors.As(err, &le) {
				t.Fatalf("want LockedError, got %v", err)
			} else if tc.info == nil && !le.Unreadable {
				t.Fatalf("unreadable lock reported as %+v", le)
			}
			mk()
			err = BreakLock(p)
			if tc.wantBreak != (err == nil) {
				t.Fatalf("break: %v (want success %v)", err, tc.wantBreak)
			}
			if err == nil {
				l, err := AcquireLock(p)
				if err != nil {
					t.Fatalf("after break: %v", err)
				}
				l.Release()
			}
		})
	}
}

// deadPID is the pid of a process that has ended (and been reaped).
func deadPID(t *testing.T) int {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	return cmd.Process.Pid
}

func TestLockReleaseLeavesAnotherLock(t *testing.T) {
	p := companyPath(t)
	l, err := AcquireLock(p)
	if err != nil {
		t.Fatal(err)
	}
	// Someone broke our lock and another computer took it.
	os.Remove(p + ".lock")
	writeLockFile(t, p, LockInfo{PID: 77, Host: "far-away-host", Since: time.Now()})
	if err := l.Release(); err != nil {
		t.Fatal(err)
	}
	if info, _ := ReadLock(p); info == nil || info.Host != "far-away-host" {
		t.Fatalf("release removed another program's lock: %+v", info)
	}
	if entries, _ := filepath.Glob(p + ".lock.*"); len(entries) > 0 {
		t.Fatalf("left behind: %v", entries)
	}
}

// Several processes race for the same lock: exactly one gets it, the others are told who.
func TestLockContention(t *testing.T) {
	p := companyPath(t)
	const n = 6
	children := make([]*lockChild, n)
	outs := make([]io.Reader, n)
	for i := range children {
		children[i], outs[i] = spawnLockChild(t, p)
	}
	for i, c := range children {
		c.readFirst(t, outs[i])
	}
	var holder *lockChild
	for _, c := range children {
		if c.first == "got" {
			if holder != nil {
				t.Fatal("two processes got the lock")
			}
			holder = c
		}
	}
	if holder == nil {
		t.Fatalf("nobody got the lock: %v", children)
	}
	for _, c := range children {
		if c != holder && c.first != fmt.Sprintf("locked %d", holder.cmd.Process.Pid) {
			t.Fatalf("loser said %q, holder is %d", c.first, holder.cmd.Process.Pid)
		}
	}
	for _, c := range children {
		c.finish(t)
	}
	if info, _ := ReadLock(p); info != nil {
		t.Fatalf("lock left: %+v", info)
	}
}

// A lock file is created empty and written a moment later. A program that looks in
// between must wait for the content and name the holder, not report an unreadable lock.
func TestLockReadWhileBeingWritten(t *testing.T) {
	p := companyPath(t)
	lp := LockPath(p)
	f, err := os.OpenFile(lp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	holder := LockInfo{PID: 424242, Host: "other-host", Since: time.Now().UTC().Truncate(time.Millisecond)}
	raw, _ := json.Marshal(holder)
	done := make(chan error, 1)
	go func() {
		time.Sleep(60 * time.Millisecond)
		_, err := f.Write(raw)
		done <- errors.Join(err, f.Close())
	}()
	l, err := AcquireLock(p)
	if werr := <-done; werr != nil {
		t.Fatal(werr)
	}
	var le *LockedError
	if !errors.As(err, &le) {
		l.Release()
		t.Fatalf("want LockedError, got %v", err)
	}
	if le.Unreadable || le.PID != holder.PID || le.Host != holder.Host {
		t.Fatalf("the holder was not named: %+v", le)
	}
}

// The unlock command the locked message gives can be pasted into a shell as it is, for
// any file name.
func TestLockedAdviceQuotesThePath(t *testing.T) {
	sh, err := exec.LookPath("sh")
	if err != nil || runtime.GOOS == "windows" {
		t.Skip("needs a POSIX shell")
	}
	for _, name := range []string{"co.duebook", "Shop #3.duebook", "O'Brien \"Ltd\" $HOME `x`.duebook", "a&b;c|d*?.duebook", "Bäckerei ☕.duebook"} {
		p := filepath.Join("/srv/books", name)
		e := &LockedError{Path: p, PID: 7, Host: hostname(), Since: time.Now()}
		cmd, ok := strings.CutPrefix(e.Advice()[strings.Index(e.Advice(), "duebook unlock"):], "duebook unlock -db ")
		if !ok {
			t.Fatalf("advice %q", e.Advice())
		}
		out, err := exec.Command(sh, "-c", "printf %s "+cmd).Output()
		if err != nil || string(out) != p {
			t.Errorf("%q: the shell reads %q (%v)", cmd, out, err)
		}
	}
}
