//go:build unix

package cli

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// Finding: import, parse-mail and reconcile -files given a named pipe waited forever for a
// writer (and import /dev/zero read until memory ran out). A file that is not a regular
// file is refused at once, naming it.
func TestAttackNotARegularFile(t *testing.T) {
	f := makeDemo(t)
	fifo := filepath.Join(t.TempDir(), "pipe.csv")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no named pipes here:", err)
	}
	// before the fix each of these waited on the pipe (the test hung until go test's timeout)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"import", "customers", fifo, "-db", f}, "is not a regular file"},
		{[]string{"import", "customers", "/dev/zero", "-db", f, "-dry-run"}, "is not a regular file"},
		{[]string{"parse-mail", fifo}, "is not a regular file"},
		{[]string{"reconcile", "-db", f, "-files", fifo}, "is not a regular file"},
	} {
		out, errs, code := run(t, "2026-06-30", c.args...)
		if code == 0 || !strings.Contains(out+errs, c.want) {
			t.Errorf("%v: %d %s%s", c.args, code, out, errs)
		}
	}
}
