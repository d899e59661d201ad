package cli

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
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

func makeDemo(t *testing.T) string {
	t.Helper()
	t.Setenv("DUEBOOK_CONFIG_DIR", t.TempDir())
	f := filepath.Join(t.TempDir(), "demo.duebook")
	out, errs, code := run(t, "", "demo", "-o", f, "-customers", "30", "-invoices", "800", "-seed", "7", "-today", "2026-06-30")
	if code != 0 || !strings.Contains(out, "30 customers, 800 invoices") {
		t.Fatalf("demo: %d %q %s", code, out, errs)
	}
	return f
}

func TestAgingFormats(t *testing.T) {
	f := makeDemo(t)
	out, errs, code := run(t, "2026-06-30", "aging", "-db", f, "-format", "csv")
	if code != 0 {
		t.Fatalf("aging: %s", errs)
	}
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(recs[0], ",") != "customer_id,customer,current,1-30,31-60,61-90,over_90,total" {
		t.Fatalf("header %v", recs[0])
	}
	last := recs[len(recs)-1]
	if last[0] != "" || last[1] != "TOTAL" {
		t.Fatalf("last row %v", last)
	}
	// the TOTAL row is the column sum; each row's total is the sum of its buckets
	var sums [6]int64
	for _, r := range recs[1 : len(recs)-1] {
		var rowSum int64
		for i := 0; i < 6; i++ {
			v, err := data.ParseAmount(r[2+i], "USD")
			if err != nil || strings.Contains(r[2+i], ",") {
				t.Fatalf("amount %q: %v", r[2+i], err)
			}
			sums[i] += v
			if i < 5 {
				rowSum += v
			}
		}
		if got, _ := data.ParseAmount(r[7], "USD"); got != rowSum || rowSum <= 0 {
			t.Fatalf("row %v: total %d, buckets sum %d", r, got, rowSum)
		}
	}
	for i := 0; i < 6; i++ {
		if got, _ := data.ParseAmount(last[2+i], "USD"); got != sums[i] {
			t.Fatalf("TOTAL column %d = %d, sum %d", i, got, sums[i])
		}
	}
	// the same figures as the store computes
	s, err := data.OpenWith(f, data.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	ag, err := s.Aging(context.Background(), data.MustDate("2026-06-30"), "")
	s.Close()
	if err != nil || ag.Total.Total != sums[5] || len(ag.Rows) != len(recs)-2 {
		t.Fatalf("store aging %d rows total %d vs csv %d rows %d", len(ag.Rows), ag.Total.Total, len(recs)-2, sums[5])
	}
	// json has the same fields and figures
	out, _, code = run(t, "2026-06-30", "aging", "-db", f, "-format", "json")
	var j struct {
		AsOf      string           `json:"as_of"`
		Customers []map[string]any `json:"customers"`
		Total     map[string]any   `json:"total"`
	}
	if code != 0 || json.Unmarshal([]byte(out), &j) != nil {
		t.Fatalf("json: %d %s", code, out)
	}
	if j.AsOf != "2026-06-30" || len(j.Customers) != len(recs)-2 || j.Total["total"] != last[7] || j.Customers[0]["1-30"] != recs[1][3] {
		t.Fatalf("json differs from csv: %+v", j.Total)
	}
	// as of an earlier date the report changes and still adds up
	out, _, _ = run(t, "2026-06-30", "aging", "-db", f, "-format", "csv", "-as-of", "2026-01-31")
	if out == "" || strings.Contains(out, last[7]) && len(strings.Split(out, "\n")) == len(recs)+1 {
		t.Fatalf("as-of report identical to today's")
	}
	// text output lists every customer and the total
	out, _, _ = run(t, "2026-06-30", "aging", "-db", f)
	if !strings.Contains(out, "Aging as of 2026-06-30 (USD)") || !strings.Contains(out, "TOTAL") || strings.Count(out, "\n") != len(recs)+2 {
		t.Fatalf("text:\n%s", out)
	}
}

func TestCheckCommand(t *testing.T) {
	f := makeDemo(t)
	out, errs, code := run(t, "2026-06-30", "check", "-db", f)
	if code != 0 || strings.TrimSpace(out) != "ok" {
		t.Fatalf("check: %d %q %s", code, out, errs)
	}
	// break an invariant behind the store's back: check must say so and exit 1
	s, err := data.Open(f)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.WriterDB().Exec(`UPDATE payments SET unallocated = unallocated - 1 WHERE id = (SELECT min(id) FROM payments WHERE unallocated > 0)`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	out, _, code = run(t, "2026-06-30", "check", "-db", f)
	if code != 1 || !strings.Contains(out, "payment unallocated amount does not match") {
		t.Fatalf("check after corruption: %d %q", code, out)
	}
}

func TestCommandErrors(t *testing.T) {
	t.Setenv("DUEBOOK_CONFIG_DIR", t.TempDir())
	for _, c := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"nope"}, 2, "unknown command"},
		{[]string{"aging"}, 1, "no company file"},
		{[]string{"aging", "-db", "/nonexistent/x.duebook"}, 1, "x.duebook"},
		{[]string{"aging", "-db", "x", "-format", "xml"}, 2, "-format"},
		{[]string{"aging", "-db", "x", "-as-of", "2026-13-01"}, 2, "-as-of"},
		{[]string{"aging", "-bogus"}, 2, "bogus"},
		{[]string{"demo"}, 2, "-o"},
		{[]string{"demo", "-o", filepath.Join(t.TempDir(), "d"), "-customers", "0"}, 2, "-customers"},
	} {
		_, errs, code := run(t, "", c.args...)
		if code != c.code || !strings.Contains(errs, c.msg) {
			t.Errorf("%v: exit %d %q; want %d containing %q", c.args, code, errs, c.code, c.msg)
		}
		if strings.Count(strings.TrimSpace(errs), "\n") > 0 && c.code == 1 {
			t.Errorf("%v: reason is not one line: %q", c.args, errs)
		}
	}
}

func TestDemoDeterministic(t *testing.T) {
	t.Setenv("DUEBOOK_CONFIG_DIR", t.TempDir())
	dir := t.TempDir()
	var outs []string
	for _, name := range []string{"a", "b"} {
		f := filepath.Join(dir, name)
		if _, errs, code := run(t, "", "demo", "-o", f, "-customers", "10", "-invoices", "200", "-seed", "3", "-today", "2026-06-30"); code != 0 {
			t.Fatal(errs)
		}
		out, _, _ := run(t, "", "aging", "-db", f, "-as-of", "2026-06-30", "-format", "csv")
		outs = append(outs, out)
	}
	if outs[0] != outs[1] || len(outs[0]) < 100 {
		t.Fatalf("same seed, different companies:\n%s\n%s", outs[0], outs[1])
	}
	f := filepath.Join(dir, "c")
	run(t, "", "demo", "-o", f, "-customers", "10", "-invoices", "200", "-seed", "4", "-today", "2026-06-30")
	out, _, _ := run(t, "", "aging", "-db", f, "-as-of", "2026-06-30", "-format", "csv")
	if out == outs[0] {
		t.Fatal("different seeds gave the same company")
	}
}
