package cli

// The hostile tester's findings on the integrated build: each test failed before its fix.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"duebook/data"
)

// haCount counts the rows of a table in a company file.
func haCount(t *testing.T, path, table string) int {
	t.Helper()
	s, err := data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var n int
	if err := s.DB().QueryRow(`SELECT count(*) FROM ` + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// Finding: remind without -eml-dir/-letters-dir recorded e-mail and letter reminders as sent
// with no document written (issue 11: a reminder counts as sent only with its document).
func TestAttackRemindNeedsItsFolders(t *testing.T) {
	f := makeDemo(t)
	before := haCount(t, f, "reminders")
	for _, c := range []struct {
		args []string
		want []string
	}{
		{nil, []string{"-eml-dir", "-letters-dir"}},
		{[]string{"-eml-dir", t.TempDir()}, []string{"-letters-dir"}},
		{[]string{"-letters-dir", t.TempDir()}, []string{"-eml-dir"}},
	} {
		args := append([]string{"remind", "-db", f}, c.args...)
		out, errs, code := run(t, "2026-06-30", args...)
		if code == 0 {
			t.Fatalf("%v: exit 0, want a refusal:\n%s", c.args, out)
		}
		for _, w := range c.want {
			if !strings.Contains(errs, w) || !strings.Contains(errs, "nothing was recorded") {
				t.Fatalf("%v: the message does not name %s:\n%s", c.args, w, errs)
			}
		}
		if n := haCount(t, f, "reminders"); n != before {
			t.Fatalf("%v: %d reminders recorded without their documents", c.args, n-before)
		}
	}
	// the dry run says the same and changes nothing
	out, errs, code := run(t, "2026-06-30", "remind", "-db", f, "-dry-run")
	if code != 0 || !strings.Contains(out, "-eml-dir") || !strings.Contains(out, "would send") || errs != "" {
		t.Fatalf("dry run: %d\n%s", code, out)
	}
	// with both folders every reminder is written and recorded
	out, errs, code = run(t, "2026-06-30", "remind", "-db", f, "-eml-dir", t.TempDir(), "-letters-dir", t.TempDir())
	if code != 0 || haCount(t, f, "reminders") == before {
		t.Fatalf("remind with both folders: %d\n%s%s", code, out, errs)
	}
}

// Finding: invoice/statements/aging-report/monthly -o (or -csv) naming the company file or
// its WAL replaced the company by the document.
func TestAttackDocumentOverCompanyFile(t *testing.T) {
	f := makeDemo(t)
	orig, _ := os.ReadFile(f)
	for _, args := range [][]string{
		{"invoice", "-n", "INV-00001", "-o", f},
		{"statements", "-o", f + ".pdf", "-csv", f},
		{"invoice", "-n", "INV-00002", "-o", f + "-wal"},
		{"monthly", "-o", f},
	} {
		args = append(args, "-db", f)
		_, errs, code := run(t, "2026-06-30", args...)
		if code == 0 || !strings.Contains(errs, "not replaced") {
			t.Fatalf("%v: %d %s", args, code, errs)
		}
		if now, _ := os.ReadFile(f); !bytes.Equal(now, orig) {
			t.Fatalf("%v: the company file changed", args)
		}
	}
	if out, errs, code := run(t, "2026-06-30", "check", "-db", f); code != 0 {
		t.Fatalf("check: %s%s", out, errs)
	}
}

// Finding: -as-of 0001-01-01 was read as "no date" and reported today's figures labelled
// "as of " (empty); 1800-01-01 and 9999-12-31 were taken too. A date outside 1900..2200 in
// any date flag is refused naming the flag.
func TestAttackImplausibleDateFlags(t *testing.T) {
	f := makeDemo(t)
	for _, d := range []string{"0001-01-01", "1899-12-30", "9999-12-31"} {
		for _, args := range [][]string{
			{"aging", "-as-of", d},
			{"worklist", "-as-of", d},
			{"aging-report", "-o", filepath.Join(t.TempDir(), "a.pdf"), "-as-of", d},
			{"statements", "-o", filepath.Join(t.TempDir(), "s.pdf"), "-as-of", d},
			{"remind", "-dry-run", "-as-of", d},
			{"promise", "-customer", "1", "-amount", "5", "-by", d},
			{"contact", "-customer", "1", "-kind", "call", "-outcome", "ok", "-next", d},
			{"monthly", "-o", filepath.Join(t.TempDir(), "m.pdf"), "-month", d[:7]},
		} {
			args = append(args, "-db", f)
			out, errs, code := run(t, "2026-06-30", args...)
			if code != 2 || !strings.Contains(errs, "1900") {
				t.Errorf("%v: %d %s%s", args, code, out, errs)
			}
		}
	}
	if out, _, code := run(t, "2026-06-30", "history", "-customer", "1", "-db", f); code != 0 || strings.Contains(out, "9999") {
		t.Fatalf("history: %s", out)
	}
}

// haFixture is a file of the attack corpus.
func haFixture(name string) string { return filepath.Join("testdata", "hostile", "attack", name) }

// haImport runs an import that must succeed.
func haImport(t *testing.T, db, kind, file string) {
	t.Helper()
	if out, errs, code := run(t, "2026-06-30", "import", kind, haFixture(file), "-db", db); code != 0 {
		t.Fatalf("import %s: %s%s", file, out, errs)
	}
}

// Finding: in a company billing in USD, KWD and JPY, aging, aging-report and monthly showed
// USD figures and left the KWD and JPY receivables out without a word; -currency XYZ printed an empty
// report in a currency that does not exist.
func TestAttackAgingOtherCurrencies(t *testing.T) {
	f := makeDemo(t)
	haImport(t, f, "customers", "currencies_customers.csv")
	haImport(t, f, "invoices", "currencies_invoices.csv")
	out, errs, code := run(t, "2026-06-30", "aging", "-db", f)
	if code != 0 || !strings.Contains(out, "(KWD)") || !strings.Contains(out, "1,250.500") || !strings.Contains(out, "(JPY)") {
		t.Fatalf("aging text leaves out the other currencies:\n%s%s", out, errs)
	}
	_, errs, code = run(t, "2026-06-30", "aging", "-db", f, "-format", "csv")
	if code != 0 || !strings.Contains(errs, "1,250.500 KWD") || !strings.Contains(errs, "1,000 JPY") {
		t.Fatalf("aging csv says nothing of the other currencies: %s", errs)
	}
	out, _, code = run(t, "2026-06-30", "aging-report", "-db", f, "-o", filepath.Join(t.TempDir(), "a.csv"))
	if code != 0 || !strings.Contains(out, "1,250.500 KWD") {
		t.Fatalf("aging-report: %s", out)
	}
	out, _, code = run(t, "2026-06-30", "aging", "-db", f, "-currency", "kwd", "-format", "csv")
	if code != 0 || !strings.Contains(out, "1250.500") || strings.Contains(out, "USD") {
		t.Fatalf("-currency kwd: %s", out)
	}
	out, _, code = run(t, "2026-06-30", "monthly", "-db", f, "-o", filepath.Join(t.TempDir(), "m.pdf"), "-month", "2026-05")
	if code != 0 || !strings.Contains(out, "invoices in JPY, KWD are not counted") {
		t.Fatalf("monthly says nothing of the other currencies: %s", out)
	}
	for _, bad := range []string{"XYZ", "€", "US$"} {
		for _, cmd := range [][]string{{"aging"}, {"aging-report", "-o", filepath.Join(t.TempDir(), "a.pdf")}} {
			_, errs, code := run(t, "2026-06-30", append(cmd, "-db", f, "-currency", bad)...)
			if code != 2 || !strings.Contains(errs, "-currency") {
				t.Errorf("%v -currency %s: %d %s", cmd, bad, code, errs)
			}
		}
	}
}

// haCalls lists the worklist's reminder calls ("Call ... overdue on ...") of a day.
func haCalls(t *testing.T, db, day string) []string {
	t.Helper()
	out, errs, code := run(t, day, "worklist", "-db", db, "-format", "json")
	if code != 0 {
		t.Fatalf("worklist: %s", errs)
	}
	var rows []struct{ Kind, Do string }
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatal(err)
	}
	var calls []string
	for _, r := range rows {
		if r.Kind == "reminder" && strings.HasPrefix(r.Do, "Call ") {
			calls = append(calls, r.Do)
		}
	}
	return calls
}

// Finding: remind recorded the escalate step (a phone call) as sent, so the call vanished
// from the worklist though nobody called.
func TestAttackRemindLeavesCallsDue(t *testing.T) {
	f := makeDemo(t)
	calls := haCalls(t, f, "2026-06-30")
	if len(calls) == 0 {
		t.Fatal("the demo has no reminder call due: the case is not exercised")
	}
	out, errs, code := run(t, "2026-06-30", "remind", "-db", f, "-eml-dir", t.TempDir(), "-letters-dir", t.TempDir())
	if code != 0 || !strings.Contains(out, "call due: escalate") {
		t.Fatalf("remind: %d\n%s%s", code, out, errs)
	}
	if after := haCalls(t, f, "2026-06-30"); strings.Join(after, "\n") != strings.Join(calls, "\n") {
		t.Fatalf("calls before remind:\n%s\nafter:\n%s", strings.Join(calls, "\n"), strings.Join(after, "\n"))
	}
	if n := haCount(t, f, "reminders WHERE step_name = 'escalate'"); n != 0 {
		t.Fatalf("%d escalate steps recorded without a call", n)
	}
}

// Finding: five customers that all show as "Acme" imported: "Ac\u200bme" (zero-width
// space), "Acme\u200e" (direction mark) and "Ac\u00adme" (soft hyphen) got past the
// duplicate-name check, and "\u202eemcA" (a right-to-left override) shows as "Acme".
func TestAttackInvisibleNames(t *testing.T) {
	f := makeDemo(t)
	before := haCount(t, f, "customers")
	_, errs, code := run(t, "2026-06-30", "import", "customers", haFixture("invisible_names.csv"), "-db", f)
	if code != 1 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	out, _, _ := run(t, "2026-06-30", "import", "customers", haFixture("invisible_names.csv"), "-db", f, "-dry-run")
	for _, want := range []string{`row 3, field name: "Ac\u200bme" is also on row 2`, `row 4, field name: "Acme\u200e" is also`, `row 6, field name: "Ac\u00adme" is also`,
		"row 5, field name: contains a direction override (U+202E)"} {
		if !strings.Contains(out+errs, want) {
			t.Errorf("no %q in:\n%s%s", want, out, errs)
		}
	}
	if n := haCount(t, f, "customers"); n != before {
		t.Fatalf("%d customers imported", n-before)
	}
	// a contact note with an override is refused too
	_, errs, code = run(t, "2026-06-30", "contact", "-db", f, "-customer", "1", "-kind", "note", "-outcome", "paid \u202e001\u202c")
	if code != 2 || !strings.Contains(errs, "direction override") {
		t.Fatalf("contact: %d %s", code, errs)
	}
}

// Finding: a file with two columns of the same heading ("E-mail" and "email") was read from
// the first without a word, the other listed as ignored.
func TestAttackTwoColumnsOneField(t *testing.T) {
	f := makeDemo(t)
	before := haCount(t, f, "customers")
	_, errs, code := run(t, "2026-06-30", "import", "customers", haFixture("two_email_columns.csv"), "-db", f)
	if code == 0 || !strings.Contains(errs, `columns 2 ("E-mail") and 4 ("email") could both be emails`) {
		t.Fatalf("%d %s", code, errs)
	}
	if n := haCount(t, f, "customers"); n != before {
		t.Fatalf("%d customers imported", n-before)
	}
	// naming the one to use reads it
	out, errs, code := run(t, "2026-06-30", "import", "customers", haFixture("two_email_columns.csv"), "-db", f, "-map", "emails=email", "-dry-run")
	if code != 0 || !strings.Contains(out, `emails="email"`) {
		t.Fatalf("-map: %d %s%s", code, out, errs)
	}
}

// Finding: parse-mail on a zip or a PDF saved as .eml put go-message's error, with the
// file's binary first line quoted, into "why": "not a mail message: message: malformed MIME
// header line: PK\x03\x04...".
func TestAttackParseMailBinaryFile(t *testing.T) {
	for _, name := range []string{"zip_named.eml", "pdf_named.eml"} {
		out, _, code := run(t, "", "parse-mail", haFixture(name))
		var p struct{ Why, Kind string }
		if err := json.Unmarshal([]byte(out), &p); err != nil || code != 1 {
			t.Fatalf("%s: %d %v %s", name, code, err, out)
		}
		if !strings.Contains(p.Why, "not a mail message") || strings.Contains(p.Why, "malformed") || strings.Contains(p.Why, "PK") || strings.Contains(p.Why, "%PDF") {
			t.Errorf("%s: why %q", name, p.Why)
		}
	}
}

// Finding: demo -customers 99999999999 (a typo) ran until it was killed, eating memory.
func TestAttackDemoSizeBounded(t *testing.T) {
	t.Setenv("DUEBOOK_CONFIG_DIR", t.TempDir())
	out := filepath.Join(t.TempDir(), "big.duebook")
	for _, c := range []struct{ args, want string }{
		{"-customers 99999999999", "-customers: must be at most 1000000"},
		{"-customers 2 -invoices 99999999999", "-invoices: must be at most 10000000"},
	} {
		_, errs, code := run(t, "", append([]string{"demo", "-o", out}, strings.Fields(c.args)...)...)
		if code != 2 || !strings.Contains(errs, c.want) {
			t.Fatalf("%s: %d %s", c.args, code, errs)
		}
		if _, err := os.Stat(out); err == nil {
			t.Fatalf("%s: a company was made", c.args)
		}
	}
}

// Finding: -customer 7 took customer 7 although another customer is named "7", and a
// customer named "9999" could not be reached by its name at all.
func TestAttackNumericCustomerName(t *testing.T) {
	f := makeDemo(t)
	haImport(t, f, "customers", "numeric_names.csv")
	_, errs, code := run(t, "2026-06-30", "history", "-db", f, "-customer", "7")
	if code != 2 || !strings.Contains(errs, `"7" is customer 7`) || !strings.Contains(errs, "give #7 or #31") {
		t.Fatalf("ambiguous -customer 7: %d %s", code, errs)
	}
	out, errs, code := run(t, "2026-06-30", "history", "-db", f, "-customer", "#31")
	if code != 0 || !strings.HasPrefix(out, "7 (customer 31)") {
		t.Fatalf("#31: %d %s%s", code, out, errs)
	}
	out, errs, code = run(t, "2026-06-30", "history", "-db", f, "-customer", "9999")
	if code != 0 || !strings.HasPrefix(out, "9999 (customer 32)") {
		t.Fatalf("9999: %d %s%s", code, out, errs)
	}
	if _, errs, code = run(t, "2026-06-30", "history", "-db", f, "-customer", "#999"); code != 2 || !strings.Contains(errs, "no customer with id 999") {
		t.Fatalf("#999: %d %s", code, errs)
	}
}

// Finding: invoice -n and statements gave doubled or internal messages ("invoice inv-1:
// invoice inv-1: not found", "customer 99999: customer 99999: not found", "-kind: kind: ...",
// "min_balance: no customer has ..."), -customer abc printed Go's flag usage, and
// -min-balance -5 was taken.
func TestAttackDocumentFlagMessages(t *testing.T) {
	f := makeDemo(t)
	pdf := filepath.Join(t.TempDir(), "x.pdf")
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"invoice", "-n", "inv-00001", "-o", pdf}, 2, `-n: no invoice numbered "inv-00001"`},
		{[]string{"statements", "-o", pdf, "-customer", "99999"}, 2, "-customer: no customer with id 99999"},
		{[]string{"statements", "-o", pdf, "-customer", "abc"}, 2, `-customer: no customer is called "abc"`},
		{[]string{"statements", "-o", pdf, "-kind", "foo"}, 2, `-kind: "foo" is not open or activity`},
		{[]string{"statements", "-o", pdf, "-min-balance", "-5"}, 2, "-min-balance: must be 0 or more"},
		{[]string{"statements", "-o", pdf, "-as-of", "1950-01-01"}, 1, "no customer has a balance to put on a statement on 1950-01-01; no statement was written"},
	} {
		_, errs, code := run(t, "2026-06-30", append(c.args, "-db", f)...)
		if code != c.code || strings.TrimSpace(errs) != "duebook "+c.args[0]+": "+c.want {
			t.Errorf("%v: %d %q", c.args, code, errs)
		}
	}
	out, errs, code := run(t, "2026-06-30", "statements", "-db", f, "-o", pdf, "-customer", "#1")
	if code != 0 || !strings.Contains(out, "1 statements") {
		t.Fatalf("-customer #1: %d %s%s", code, out, errs)
	}
}

// Finding: a promise of 99,999,999.00 on a paid invoice (and more than a customer owes) was
// recorded, and its reminders waited for it.
func TestAttackPromiseAboveWhatIsOwed(t *testing.T) {
	f := makeDemo(t)
	before := haCount(t, f, "promises")
	s, err := data.Open(f)
	if err != nil {
		t.Fatal(err)
	}
	var cust, owing int64
	var paid string
	err = s.DB().QueryRow(`SELECT customer_id, number FROM invoices WHERE status = 'posted' AND open_amount = 0 ORDER BY id LIMIT 1`).Scan(&cust, &paid)
	if err == nil {
		err = s.DB().QueryRow(`SELECT customer_id FROM invoices WHERE status = 'posted' AND open_amount > 0 ORDER BY id LIMIT 1`).Scan(&owing)
	}
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	id := fmt.Sprintf("#%d", cust)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"-customer", id, "-amount", "99999999", "-invoice", paid}, "-amount: nothing is open on " + paid + " to promise"},
		{[]string{"-customer", fmt.Sprintf("#%d", owing), "-amount", "99999999"}, "-amount: is more than the"},
	} {
		_, errs, code := run(t, "2026-06-30", append([]string{"promise", "-db", f, "-by", "2026-07-20"}, c.args...)...)
		if code != 2 || !strings.Contains(errs, c.want) {
			t.Errorf("%v: %d %s", c.args, code, errs)
		}
	}
	if n := haCount(t, f, "promises"); n != before {
		t.Fatalf("%d promises recorded", n-before)
	}
}
