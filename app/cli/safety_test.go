package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"duebook/data"
)

func smallCompany(t *testing.T) string {
	t.Helper()
	t.Setenv("DUEBOOK_CONFIG_DIR", t.TempDir())
	f := filepath.Join(t.TempDir(), "co.duebook")
	if _, errs, code := run(t, "", "demo", "-o", f, "-customers", "8", "-invoices", "120", "-seed", "5", "-today", "2026-06-30"); code != 0 {
		t.Fatal(errs)
	}
	return f
}

func TestBackupAndRestoreCommands(t *testing.T) {
	f := smallCompany(t)
	b := filepath.Join(t.TempDir(), "copy.duebook")
	out, errs, code := run(t, "2026-06-30", "backup", "-db", f, "-o", b)
	if code != 0 || !strings.HasPrefix(out, "backup "+b+": ") || !strings.Contains(out, "checked") {
		t.Fatalf("backup: %d %q %s", code, out, errs)
	}
	if out, _, code := run(t, "2026-06-30", "check", "-db", b); code != 0 || strings.TrimSpace(out) != "ok" {
		t.Fatalf("check of the backup: %d %q", code, out)
	}
	aging := func(db string) string {
		out, errs, code := run(t, "2026-06-30", "aging", "-db", db, "-format", "csv")
		if code != 0 {
			t.Fatal(errs)
		}
		return out
	}
	want := aging(f)
	if aging(b) != want {
		t.Fatal("the backup's aging differs from the company's")
	}
	// Change the company, then restore the backup.
	s, err := data.Open(f)
	if err != nil {
		t.Fatal(err)
	}
	c := &data.Customer{Name: "After Backup", Emails: []string{"a@b.example"}}
	if err := s.CreateCustomer(context.Background(), c); err != nil {
		t.Fatal(err)
	}
	inv := &data.Invoice{CustomerID: c.ID, IssueDate: data.MustDate("2026-06-20"), Lines: []data.InvoiceLine{{Description: "x", QtyMilli: 1000, UnitPrice: 99900}}}
	if err := s.CreateDraft(context.Background(), inv); err != nil {
		t.Fatal(err)
	}
	if _, err := s.PostInvoice(context.Background(), inv.ID); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if aging(f) == want {
		t.Fatal("the change did not show")
	}
	out, errs, code = run(t, "2026-06-30", "restore", "-db", f, "-from", b)
	if code != 0 || !strings.Contains(out, "restored "+f+" from "+b) || !strings.Contains(out, f+".before-restore") {
		t.Fatalf("restore: %d %q %s", code, out, errs)
	}
	if aging(f) != want {
		t.Fatal("the restored company differs from the backup")
	}
	if aging(f+".before-restore") == want {
		t.Fatal("the kept file is not the one from before the restore")
	}
	// Refused while the company is locked by a running Duebook.
	lock, err := data.AcquireLock(f)
	if err != nil {
		t.Fatal(err)
	}
	_, errs, code = run(t, "2026-06-30", "restore", "-db", f, "-from", b)
	lock.Release()
	if code != 1 || !strings.Contains(errs, "is open in Duebook on") || strings.Count(strings.TrimSpace(errs), "\n") > 0 {
		t.Fatalf("restore while locked: %d %q", code, errs)
	}
}

func TestBackupAuto(t *testing.T) {
	f := smallCompany(t)
	dir := t.TempDir()
	for _, day := range []string{"2026-06-29", "2026-06-30", "2026-07-01"} {
		if _, errs, code := run(t, day, "backup", "-db", f, "-auto", "-dir", dir); code != 0 {
			t.Fatal(errs)
		}
	}
	got, _ := filepath.Glob(filepath.Join(dir, "*.duebook"))
	var names []string
	for _, g := range got {
		names = append(names, filepath.Base(g))
	}
	if strings.Join(names, " ") != "co-daily-2026-06-30.duebook co-monthly-2026-06-29.duebook co-monthly-2026-07-01.duebook" {
		t.Fatalf("automatic backups: %v", names)
	}
}

func TestBackupCommandErrors(t *testing.T) {
	f := smallCompany(t)
	for _, c := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"backup", "-db", f}, 2, "-o"},
		{[]string{"backup", "-db", f, "-o", "x", "-auto"}, 2, "-o"},
		{[]string{"backup", "-db", f, "-o", f}, 1, "cannot replace the company file"},
		{[]string{"restore", "-db", f}, 2, "-from"},
		{[]string{"restore", "-db", f, "-from", filepath.Join(t.TempDir(), "none")}, 1, "none does not exist: check the name and the folder"},
		{[]string{"import", "-db", f, "people", "x.csv"}, 2, "customers|invoices"},
		{[]string{"import", "-db", f, "customers"}, 2, "customers|invoices"},
		{[]string{"import", "-db", f, "customers", "x.csv", "-date-format", "soon"}, 2, "-date-format"},
		{[]string{"import", "-db", f, "customers", "x.csv", "-map", "name"}, 2, "-map"},
		{[]string{"export", "-db", f}, 2, "export DIR"},
	} {
		_, errs, code := run(t, "2026-06-30", c.args...)
		if code != c.code || !strings.Contains(errs, c.msg) {
			t.Errorf("%v: exit %d %q; want %d containing %q", c.args, code, errs, c.code, c.msg)
		}
	}
}

func writeFile(t *testing.T, name, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestImportCommand(t *testing.T) {
	f := smallCompany(t)
	customers := writeFile(t, "customers.csv", "Company,E-mail,Terms,Fax\n"+
		"Zephyr Bikes,ap@zephyr.example,Net 15,\n"+
		"Quill & Ink,billing@quill.example,30,\n"+
		"Broken Row,not-an-address,30,\n")
	// A bad row: nothing imported, exit 1, the report names row and field.
	out, errs, code := run(t, "2026-06-30", "import", "customers", customers, "-db", f)
	if code != 1 || !strings.Contains(out, `row 4, field emails: "not-an-address" is not an email address`) ||
		!strings.Contains(out, `name="Company", emails="E-mail", terms_days="Terms"`) || !strings.Contains(out, "ignored columns: Fax") ||
		!strings.Contains(errs, "1 of 3 row(s) are bad; nothing was imported") {
		t.Fatalf("import with a bad row: %d\n%s%s", code, out, errs)
	}
	// Dry run with -skip-bad.
	out, _, code = run(t, "2026-06-30", "import", "-db", f, "-skip-bad", "-dry-run", "customers", customers)
	if code != 0 || !strings.Contains(out, "dry run: 2 of 3 row(s) would be imported as customers, 1 skipped; nothing was changed") {
		t.Fatalf("dry run: %d\n%s", code, out)
	}
	out, errs, code = run(t, "2026-06-30", "import", "-db", f, "customers", customers, "-skip-bad")
	if code != 0 || !strings.Contains(out, "imported 2 customers; skipped 1 bad row(s): 4") || !strings.Contains(out, "safety copy from before the import: ") {
		t.Fatalf("skip-bad: %d\n%s%s", code, out, errs)
	}
	// Open invoices, with a map and a date format.
	invoices := writeFile(t, "open.csv", "Ref;Kunde;Datum;Betrag\n"+
		"R-100;Zephyr Bikes;31.05.2026;1.250,00\n"+
		"R-101;Quill & Ink;02.06.2026;99,95\n")
	out, _, code = run(t, "2026-06-30", "import", "invoices", invoices, "-db", f,
		"-map", "number=Ref,customer=Kunde,issue_date=Datum,amount=Betrag")
	if code != 1 || !strings.Contains(out, `row 2, field issue_date: "31.05.2026" is not a date`) || !strings.Contains(out, "hint: for dates like 03/15/2026 pass -date-format") {
		t.Fatalf("invoices without -date-format: %d\n%s", code, out)
	}
	out, errs, code = run(t, "2026-06-30", "import", "invoices", invoices, "-db", f,
		"-map", "number=Ref,customer=Kunde,issue_date=Datum,amount=Betrag", "-date-format", "DD.MM.YYYY")
	if code != 0 || !strings.Contains(out, "imported 2 invoices (INV-00121 to INV-00122)") {
		t.Fatalf("invoices: %d\n%s%s", code, out, errs)
	}
	s, err := data.OpenWith(f, data.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	inv, err := s.InvoiceByNumber(context.Background(), "INV-00121")
	if err != nil || inv.Total != 125000 || inv.PONumber != "R-100" || inv.CustomerName != "Zephyr Bikes" || inv.DueDate.String() != "2026-06-15" {
		t.Fatalf("imported invoice: %+v %v", inv, err)
	}
	if out, _, code := run(t, "2026-06-30", "check", "-db", f); code != 0 {
		t.Fatalf("check after import: %s", out)
	}
	// Refused while another Duebook holds the file.
	lock, err := data.AcquireLock(f)
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Release()
	_, errs, code = run(t, "2026-06-30", "import", "-db", f, "customers", customers, "-skip-bad")
	if code != 1 || !strings.Contains(errs, "is open in Duebook") {
		t.Fatalf("import while locked: %d %q", code, errs)
	}
}

func TestExportCommand(t *testing.T) {
	f := smallCompany(t)
	dir := filepath.Join(t.TempDir(), "export")
	out, errs, code := run(t, "2026-06-30", "export", dir, "-db", f)
	if code != 0 {
		t.Fatal(errs)
	}
	for _, name := range []string{"customers.csv", "invoices.csv", "payments.csv", "allocations.csv"} {
		if !strings.Contains(out, "wrote "+filepath.ToSlash(filepath.Join(dir, name))) {
			t.Errorf("output lacks %s: %q", name, out)
		}
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil || len(b) < 100 {
			t.Errorf("%s: %d bytes, %v", name, len(b), err)
		}
	}
	b, _ := os.ReadFile(filepath.Join(dir, "invoices.csv"))
	if n := strings.Count(string(b), "\r\n"); n != 121 {
		t.Fatalf("invoices.csv has %d lines, want 121 (header + 120)", n)
	}
}
