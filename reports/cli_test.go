package reports_test

import (
	"bytes"
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"duebook/app/cli"
	"duebook/data"
)

func runCLI(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	env := &cli.Env{Stdout: &out, Stderr: &errb, Clock: data.FixedClock{Day: data.MustDate("2026-06-30")}}
	code := cli.Run(env, args)
	return out.String(), errb.String(), code
}

func pdftotext(t *testing.T, file string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("pdftotext is required in CI")
		}
		t.Skip("pdftotext not installed")
	}
	out, err := exec.Command("pdftotext", "-layout", file, "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext %s: %v %s", file, err, out)
	}
	return string(out)
}

func TestCommands(t *testing.T) {
	t.Setenv("DUEBOOK_CONFIG_DIR", t.TempDir())
	dir := t.TempDir()
	db := filepath.Join(dir, "demo.duebook")
	if out, errs, code := runCLI(t, "demo", "-o", db, "-customers", "30", "-invoices", "800", "-seed", "7", "-today", "2026-06-30"); code != 0 {
		t.Fatalf("demo: %d %s %s", code, out, errs)
	}
	s, err := data.OpenWith(db, data.Options{ReadOnly: true, Clock: data.FixedClock{Day: data.MustDate("2026-06-30")}})
	if err != nil {
		t.Fatal(err)
	}
	invs, err := s.Invoices(t.Context(), data.InvoiceFilter{OpenOnly: true, Limit: 1})
	if err != nil || len(invs) != 1 {
		t.Fatalf("open invoice: %v", err)
	}
	ids, _ := s.CustomersOwing(t.Context(), data.MustDate("2026-06-30"), 0)
	ag, _ := s.Aging(t.Context(), data.MustDate("2026-06-30"), "")
	s.Close()
	inv := invs[0]

	pdf := filepath.Join(dir, "inv.pdf")
	out, errs, code := runCLI(t, "invoice", "-db", db, "-n", inv.Number, "-o", pdf)
	if code != 0 || !strings.Contains(out, inv.Number) {
		t.Fatalf("invoice: %d %s %s", code, out, errs)
	}
	text := pdftotext(t, pdf)
	for _, w := range []string{inv.Number, inv.CustomerName, data.FormatAmount(inv.OpenAmount, inv.Currency), "REMITTANCE"} {
		if !strings.Contains(text, w) {
			t.Errorf("invoice pdf lacks %q", w)
		}
	}
	if _, errs, code := runCLI(t, "invoice", "-db", db, "-n", "NOPE-1", "-o", filepath.Join(dir, "x.pdf")); code != 2 || !strings.Contains(errs, `-n: no invoice numbered "NOPE-1"`) {
		t.Errorf("unknown invoice: %d %s", code, errs)
	}
	if _, err := os.Stat(filepath.Join(dir, "x.pdf")); err == nil {
		t.Error("a failed run left a file behind")
	}

	st := filepath.Join(dir, "st.pdf")
	list := filepath.Join(dir, "list.csv")
	out, errs, code = runCLI(t, "statements", "-db", db, "-o", st, "-csv", list, "-layout", "din5008", "-kind", "activity")
	if code != 0 {
		t.Fatalf("statements: %d %s %s", code, out, errs)
	}
	f, _ := os.Open(list)
	recs, err := csv.NewReader(f).ReadAll()
	f.Close()
	if err != nil || len(recs) != len(ids)+1 {
		t.Fatalf("mailing list %d rows for %d customers: %v", len(recs), len(ids), err)
	}
	text = pdftotext(t, st)
	pagesInPDF := strings.Count(text, "\f")
	if last := recs[len(recs)-1]; last[13] == "" || last[14] == "" {
		t.Errorf("mailing list lacks page numbers: %v", last)
	}
	sum := 0
	for _, r := range recs[1:] {
		n := 0
		for _, c := range r[14] {
			n = n*10 + int(c-'0')
		}
		sum += n
		if !strings.Contains(text, r[1]) {
			t.Errorf("statement for %s missing", r[1])
		}
	}
	if sum != pagesInPDF {
		t.Errorf("mailing list says %d pages, PDF has %d", sum, pagesInPDF)
	}
	for _, bad := range [][]string{{"-layout", "c4"}, {"-kind", "weird"}, {"-as-of", "2026-13-01"}, {"-min-balance", "abc"}} {
		args := append([]string{"statements", "-db", db, "-o", filepath.Join(dir, "bad.pdf")}, bad...)
		if _, errs, code := runCLI(t, args...); code != 2 || !strings.Contains(errs, bad[0]) {
			t.Errorf("%v: code %d %s", bad, code, errs)
		}
	}
	if _, errs, code := runCLI(t, "statements", "-db", db, "-o", filepath.Join(dir, "none.pdf"), "-min-balance", "99999999"); code != 1 || !strings.Contains(errs, "no customer has a balance") {
		t.Errorf("nobody owes that much: %d %s", code, errs)
	}

	agCSV := filepath.Join(dir, "aging.csv")
	if out, errs, code := runCLI(t, "aging-report", "-db", db, "-o", agCSV); code != 0 {
		t.Fatalf("aging csv: %d %s %s", code, out, errs)
	}
	b, _ := os.ReadFile(agCSV)
	if !strings.Contains(string(b), "TOTAL") || !strings.Contains(string(b), data.FormatPlain(ag.Total.Total, ag.Currency)) {
		t.Errorf("aging csv: %s", b)
	}
	agPDF := filepath.Join(dir, "aging.pdf")
	if out, errs, code := runCLI(t, "aging-report", "-db", db, "-o", agPDF, "-detail", "-paper", "a4"); code != 0 {
		t.Fatalf("aging pdf: %d %s %s", code, out, errs)
	}
	if text := pdftotext(t, agPDF); !strings.Contains(text, data.FormatAmount(ag.Total.Total, ag.Currency)) || !strings.Contains(text, "AGING DETAIL") {
		t.Errorf("aging pdf: %s", text)
	}
}
