package app

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"duebook/data"
)

// The mailing list the Reports screen writes beside the statements PDF says where each
// customer's statement is: first_page and pages are filled and follow each other (issue 11).
func TestReportsScreenMailingListPages(t *testing.T) {
	s := newStore(t)
	if err := s.GenerateDemo(ctx, data.DemoOptions{Customers: 12, Invoices: 200, Seed: 3, Today: data.MustDate(testToday)}); err != nil {
		t.Fatal(err)
	}
	ui := newTestUI(t, s)
	rs := ui.Reports
	dir := filepath.Join(t.TempDir(), "out")
	rs.OutDir.SetText(dir)
	tap(t, rs.Statements)
	ui.Wait()
	m, _ := filepath.Glob(filepath.Join(dir, "statements-*-mailing.csv"))
	if len(m) != 1 {
		t.Fatalf("mailing list: %v (modal %+v)", m, ui.Modal)
	}
	f, err := os.Open(m[0])
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil || len(recs) < 3 {
		t.Fatalf("%d rows %v", len(recs), err)
	}
	if recs[0][13] != "first_page" || recs[0][14] != "pages" {
		t.Fatalf("header %v", recs[0])
	}
	next := 1
	for _, r := range recs[1:] {
		first, err1 := strconv.Atoi(r[13])
		pages, err2 := strconv.Atoi(r[14])
		if err1 != nil || err2 != nil || first != next || pages < 1 {
			t.Fatalf("row %v: first_page %q, pages %q; want first page %d", r, r[13], r[14], next)
		}
		next += pages
	}
}
