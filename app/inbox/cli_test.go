package inbox_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"duebook/app/cli"
	"duebook/app/inbox"
)

// TestParseMailCommand runs `duebook parse-mail` through the command table.
func TestParseMailCommand(t *testing.T) {
	run := func(args ...string) (string, string, int) {
		var out, errb bytes.Buffer
		code := cli.Run(&cli.Env{Stdout: &out, Stderr: &errb}, args)
		return out.String(), errb.String(), code
	}
	files, _ := filepath.Glob(filepath.Join("testdata", "*.eml"))
	out, errs, code := run(append([]string{"parse-mail"}, files...)...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	if len(lines) != len(files) {
		t.Fatalf("%d lines for %d files", len(lines), len(files))
	}
	for i, l := range lines {
		var r inbox.Record
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatalf("line %d: %v", i, err)
		}
		if r.File != files[i] || r.Why == "" {
			t.Errorf("line %d: %+v", i, r)
		}
	}
	if !strings.Contains(out, `"file":"testdata/interac_received.eml","message_id":"CA1MRv7Yd9Cz.20260116142203@payments.interac.ca","provider":"interac","kind":"received","trusted":true,"amount":"350.00","currency":"CAD","payer_name":"JOHN SMITH"`) {
		t.Errorf("interac line not as documented:\n%s", out)
	}

	// no files: usage error
	if _, errs, code := run("parse-mail"); code != 2 || !strings.Contains(errs, "no files") {
		t.Errorf("no files: %d %s", code, errs)
	}
	// a missing file: still a line for it, exit 1 with the reason
	out, errs, code = run("parse-mail", files[0], "testdata/nope.eml")
	if code != 1 || strings.Count(out, "\n") != 2 || !strings.Contains(errs, "1 of 2 files") {
		t.Errorf("missing file: %d %q %s", code, out, errs)
	}
	// extra bank domains
	ubs := filepath.Join("testdata", "bank_chf_ubs.eml")
	out, _, _ = run("parse-mail", "-banks", "kantonalbank.example", ubs)
	if !strings.Contains(out, `"trusted":true`) {
		t.Errorf("-banks keeps the default list: %s", out)
	}
}

// TestParseMailAuthServ: parse-mail -authserv trusts only the named server's header; a
// bad id is refused naming the flag.
func TestParseMailAuthServ(t *testing.T) {
	run := func(args ...string) (string, string, int) {
		var out, errb bytes.Buffer
		code := cli.Run(&cli.Env{Stdout: &out, Stderr: &errb}, args)
		return out.String(), errb.String(), code
	}
	forged := filepath.Join("testdata", "trust", "forged_only_ar.eml")
	genuine := filepath.Join("testdata", "paypal_received.eml")
	trusted := func(out string) []bool {
		var got []bool
		for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
			var r inbox.Record
			if err := json.Unmarshal([]byte(l), &r); err != nil {
				t.Fatal(err)
			}
			got = append(got, r.Trusted)
		}
		return got
	}
	out, errs, code := run("parse-mail", "-authserv", "mx.brightside-mail.example", forged, genuine)
	if code != 0 || fmt.Sprint(trusted(out)) != "[false true]" || !strings.Contains(out, "mx.evil.example") {
		t.Fatalf("exit %d %s\n%s", code, errs, out)
	}
	out, _, code = run("parse-mail", forged, genuine) // as before, for scripts
	if code != 0 || fmt.Sprint(trusted(out)) != "[true true]" {
		t.Fatalf("without -authserv: %s", out)
	}
	_, errs, code = run("parse-mail", "-authserv", "mx;dmarc=pass", genuine)
	if code != 2 || !strings.Contains(errs, "-authserv") {
		t.Fatalf("bad id: exit %d %q", code, errs)
	}
}
