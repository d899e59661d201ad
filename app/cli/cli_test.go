package cli

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"duebook/data"
)

func run(t *testing.T, today string, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	env := &Env{Stdout: &out, Stderr: &errb}
	if today != "" {
		env.Clock = data.FixedClock{Day: data.MustDate(today)}
	}
	code := Run(env, args)
	return out.String(), errb.String(), code
}

func TestDemoAgingCheck(t *testing.T) {
	t.Setenv("DUEBOOK_CONFIG_DIR", t.TempDir())
	f := filepath.Join(t.TempDir(), "demo.duebook")
	out, errs, code := run(t, "", "demo", "-o", f, "-customers", "30", "-invoices", "800", "-seed", "7", "-today", "2026-06-30")
	if code != 0 {
		t.Fatalf("demo: %d %s", code, errs)
	}
	t.Log(out)
	out, errs, code = run(t, "2026-06-30", "check", "-db", f)
	if code != 0 || strings.TrimSpace(out) != "ok" {
		t.Fatalf("check: %d %q %s", code, out, errs)
	}
	out, errs, code = run(t, "2026-06-30", "aging", "-db", f, "-format", "csv")
	if code != 0 {
		t.Fatalf("aging: %s", errs)
	}
	t.Log(out)
	out, _, _ = run(t, "2026-06-30", "aging", "-db", f)
	t.Log(out)
}
