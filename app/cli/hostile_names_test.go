package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"duebook/app/collect"
	"duebook/data"
)

// hnNames are customer names that used to panic every PDF (emoji: gofpdf indexes its UTF-8
// font tables out of range above U+FFFF) or printed as blank boxes (CJK), plus other scripts
// and shapes no document may choke on.
var hnNames = []string{
	"Café 😀 Ltd",
	"山田商事株式会社",
	"한국상사 주식회사",
	"שלום בע\"מ · مرحبا",
	"Zoë Z\u0308\u0301\u0323 👨‍👩‍👧 Family",
	strings.Repeat("Unbreakablewordwithoutspaces", 12),
}

const hnDay = "2026-06-30"

// hnCompany is a demo company whose first customers with a reminder due on hnDay get hostile
// names and paper mail; it returns the file and those customers' due actions.
func hnCompany(t *testing.T) (string, []collect.Action) {
	t.Helper()
	f := makeDemo(t)
	ctx := context.Background()
	s, err := data.OpenWith(f, data.Options{Clock: data.FixedClock{Day: data.MustDate(hnDay)}})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	acts, err := collect.Due(ctx, s, data.MustDate(hnDay))
	if err != nil {
		t.Fatal(err)
	}
	ids := map[int64]bool{}
	for _, a := range acts {
		if len(ids) == len(hnNames) {
			break
		}
		if a.Step.Name == "escalate" || ids[a.Customer.ID] {
			continue
		}
		c := a.Customer
		c.Name, c.Channel = hnNames[len(ids)], data.ChannelMail
		c.Address1, c.City = "東京都千代田区 1-1 😀", "Zoë\u0301 City"
		if err := s.UpdateCustomer(ctx, c); err != nil {
			t.Fatalf("name %q: %v", c.Name, err)
		}
		ids[c.ID] = true
	}
	if len(ids) < 3 {
		t.Fatalf("only %d customers with a reminder due on %s", len(ids), hnDay)
	}
	acts, err = collect.Due(ctx, s, data.MustDate(hnDay))
	if err != nil {
		t.Fatal(err)
	}
	var mine []collect.Action
	for _, a := range acts {
		if ids[a.Customer.ID] && a.Channel() == string(data.ChannelMail) {
			mine = append(mine, a)
		}
	}
	if len(mine) < 3 {
		t.Fatalf("only %d letters due for the renamed customers", len(mine))
	}
	return f, mine
}

func hnPDF(t *testing.T, path string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil || !strings.HasPrefix(string(b), "%PDF-") || !strings.Contains(string(b), "%%EOF") {
		t.Fatalf("%s is not a whole PDF (%d bytes, %v)", path, len(b), err)
	}
}

func hnCheckOK(t *testing.T, f string) {
	t.Helper()
	if out, errs, code := run(t, hnDay, "check", "-db", f); code != 0 || strings.TrimSpace(out) != "ok" {
		t.Fatalf("check: %d %q %s", code, out, errs)
	}
}

// remind -letters-dir with names that used to panic: every letter is written and recorded; a
// customer whose letter cannot be written is reported, stays due, and the others still go out;
// the next run finishes it.
func TestRemindLettersHostileNames(t *testing.T) {
	f, acts := hnCompany(t)
	ldir := t.TempDir()
	// The letter of the first renamed customer cannot be written: its file names are folders.
	blocked := acts[0].Customer
	var blocks []string
	for _, step := range []string{"friendly", "reminder", "firm", "final"} {
		p := filepath.Join(ldir, fmt.Sprintf("%s-%d-%s.pdf", hnDay, blocked.ID, step))
		if err := os.Mkdir(p, 0o755); err != nil {
			t.Fatal(err)
		}
		blocks = append(blocks, p)
	}
	out, errs, code := run(t, hnDay, "remind", "-db", f, "-letters-dir", ldir)
	if code != 1 || !strings.Contains(errs, "not sent: "+blocked.Name) || !strings.Contains(errs, "stay due") {
		t.Fatalf("remind with one letter blocked: code %d\n%s\n%s", code, out, errs)
	}
	for _, a := range acts[1:] {
		if !strings.Contains(out, "sent "+a.Step.Name+" reminder to "+a.Customer.Name) {
			t.Errorf("no letter sent to %q:\n%s", a.Customer.Name, out)
		}
		hnPDF(t, filepath.Join(ldir, fmt.Sprintf("%s-%d-%s.pdf", hnDay, a.Customer.ID, a.Step.Name)))
	}
	// Only the blocked customer's reminder is still due.
	out, _, _ = run(t, hnDay, "remind", "-db", f, "-dry-run")
	if !strings.Contains(out, "reminder to "+blocked.Name) {
		t.Fatalf("the blocked reminder was recorded without its letter:\n%s", out)
	}
	for _, a := range acts[1:] {
		if strings.Contains(out, "reminder to "+a.Customer.Name+" ") {
			t.Errorf("%q is due again although its letter was written:\n%s", a.Customer.Name, out)
		}
	}
	hnCheckOK(t, f)
	for _, p := range blocks {
		os.Remove(p)
	}
	out, errs, code = run(t, hnDay, "remind", "-db", f, "-letters-dir", ldir)
	if code != 0 || !strings.Contains(out, "sent "+acts[0].Step.Name+" reminder to "+blocked.Name) {
		t.Fatalf("rerun: %d\n%s\n%s", code, out, errs)
	}
	hnPDF(t, filepath.Join(ldir, fmt.Sprintf("%s-%d-%s.pdf", hnDay, blocked.ID, acts[0].Step.Name)))
	out, _, _ = run(t, hnDay, "remind", "-db", f, "-dry-run")
	for _, a := range acts {
		if strings.Contains(out, "reminder to "+a.Customer.Name+" ") {
			t.Errorf("%q still due after the rerun:\n%s", a.Customer.Name, out)
		}
	}
	hnCheckOK(t, f)
}

// Every document command prints the hostile names without failing.
func TestDocumentsHostileNames(t *testing.T) {
	f, acts := hnCompany(t)
	dir := t.TempDir()
	cmds := [][]string{
		{"invoice", "-n", acts[0].Invoices[0].Invoice.Number, "-o", filepath.Join(dir, "inv.pdf")},
		{"invoice", "-n", acts[1].Invoices[0].Invoice.Number, "-layout", "din5008", "-o", filepath.Join(dir, "inv-din.pdf")},
		{"statements", "-o", filepath.Join(dir, "st.pdf")},
		{"statements", "-kind", "activity", "-layout", "din5008", "-o", filepath.Join(dir, "st-act.pdf")},
		{"aging-report", "-o", filepath.Join(dir, "aging.pdf")},
		{"aging-report", "-detail", "-paper", "a4", "-o", filepath.Join(dir, "aging-detail.pdf")},
		{"monthly", "-o", filepath.Join(dir, "monthly.pdf")},
	}
	for _, c := range cmds {
		args := append([]string{c[0], "-db", f}, c[1:]...)
		out, errs, code := run(t, hnDay, args...)
		if code != 0 {
			t.Fatalf("%v: %d %s %s", c, code, out, errs)
		}
		hnPDF(t, args[len(args)-1])
	}
	hnCheckOK(t, f)
}
