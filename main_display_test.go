package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestNoDisplay(t *testing.T) {
	env := func(kv map[string]string) func(string) string {
		return func(k string) string { return kv[k] }
	}
	for _, c := range []struct {
		goos string
		env  map[string]string
		want bool // a message that the window cannot open
	}{
		{"linux", nil, true},
		{"linux", map[string]string{"DISPLAY": "  "}, true},
		{"freebsd", nil, true},
		{"linux", map[string]string{"DISPLAY": ":0"}, false},
		{"linux", map[string]string{"WAYLAND_DISPLAY": "wayland-0"}, false},
		{"openbsd", map[string]string{"DISPLAY": "localhost:10.0"}, false},
		{"windows", nil, false},
		{"darwin", nil, false},
	} {
		msg := noDisplay(c.goos, env(c.env))
		if (msg != "") != c.want {
			t.Errorf("%s %v: noDisplay = %q, want a message: %v", c.goos, c.env, msg, c.want)
		}
		if msg != "" && (!strings.Contains(msg, "needs a display") || !strings.Contains(msg, "duebook help")) {
			t.Errorf("%s %v: message %q does not say the window needs a display and point to duebook help", c.goos, c.env, msg)
		}
	}
}

// TestWindowWithoutDisplay starts the real binary with no display, and with a DISPLAY no
// server answers: one line saying so, exit status 2, no panic.
func TestWindowWithoutDisplay(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the GUI binary")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "duebook")
	if out, err := exec.Command("go", "build", "-tags", "migrated_fynedo", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	var base []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "DISPLAY=") && !strings.HasPrefix(kv, "WAYLAND_DISPLAY=") {
			base = append(base, kv)
		}
	}
	base = append(base, "DUEBOOK_CONFIG_DIR="+filepath.Join(dir, "config"))
	// A display number nobody serves: no socket for it on this machine.
	dead := ":4093"
	if _, err := os.Stat("/tmp/.X11-unix/X4093"); err == nil {
		t.Fatalf("display %s exists on this machine; pick another", dead)
	}
	for _, c := range []struct {
		name string
		env  []string
		want string
	}{
		{"no DISPLAY", base, "needs a display"},
		{"dead DISPLAY", append(append([]string{}, base...), "DISPLAY="+dead), "could not open the display"},
	} {
		cmd := exec.Command(bin)
		cmd.Env = c.env
		var stderr strings.Builder
		cmd.Stderr = &stderr
		err := cmd.Run()
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.ExitCode() != 2 {
			t.Errorf("%s: %v, want exit status 2\n%s", c.name, err, stderr.String())
		}
		out := stderr.String()
		if strings.Contains(out, "panic") || strings.Contains(out, "goroutine") {
			t.Errorf("%s: it panicked:\n%s", c.name, out)
		}
		var ours []string
		for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
			if strings.HasPrefix(l, "duebook:") {
				ours = append(ours, l)
			}
		}
		if len(ours) != 1 || !strings.Contains(ours[0], c.want) || !strings.Contains(ours[0], "duebook help") {
			t.Errorf("%s: want one line saying %q and naming duebook help, got:\n%s", c.name, c.want, out)
		}
	}
}
