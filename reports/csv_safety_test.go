package reports

import (
	"bytes"
	"encoding/csv"
	"path/filepath"
	"strconv"
	"testing"

	"duebook/data"
	"duebook/data/datatest"
)

// csvFormulaStore is a company whose customers' names would run as spreadsheet formulas.
func csvFormulaStore(t *testing.T) *data.Store {
	t.Helper()
	today := data.MustDate("2026-06-30")
	s, err := data.OpenWith(filepath.Join(t.TempDir(), "co.duebook"), data.Options{Clock: data.FixedClock{Day: today}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	for i, name := range []string{`=HYPERLINK("http://evil.example","x")`, "@SUM(A1:A9)", "+1 Plumbing", "-Dash Ltd"} {
		c := &data.Customer{Name: name, Currency: "USD", Emails: []string{"ap@x.example"}, Address1: "1 Main St", City: "Town", TermsDays: 30}
		if err := s.CreateCustomer(ctx, c); err != nil {
			t.Fatal(err)
		}
		n := 1
		if i == 0 {
			n = 60 // enough open items for more than one statement page
		}
		for j := 0; j < n; j++ {
			lines := []data.InvoiceLine{{Description: "Work", QtyMilli: 1000, UnitPrice: int64(10000 * (i + 1))}}
			datatest.Post(t, s, &data.Invoice{CustomerID: c.ID, IssueDate: data.MustDate("2026-04-01"), Lines: lines})
		}
	}
	return s
}

func csvRecords(t *testing.T, b []byte) [][]string {
	t.Helper()
	recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		t.Fatalf("csv: %v\n%s", err, b)
	}
	return recs
}

// Every CSV the reports write defuses formula cells: the aging report CSV and the mailing list.
func TestReportCSVsDefuseFormulas(t *testing.T) {
	s := csvFormulaStore(t)
	check := func(what string, recs [][]string, col int) {
		t.Helper()
		seen := 0
		for _, r := range recs[1:] {
			if r[col] == "" || r[col] == "TOTAL" {
				continue
			}
			seen++
			if r[col][0] != '\'' {
				t.Errorf("%s: cell %q is not defused", what, r[col])
			}
		}
		if seen == 0 {
			t.Fatalf("%s: no customer rows", what)
		}
	}
	for _, detail := range []bool{false, true} {
		var b bytes.Buffer
		if err := AgingCSV(ctx, &b, s, AgingOptions{AsOf: data.MustDate("2026-06-30"), Detail: detail}); err != nil {
			t.Fatal(err)
		}
		check("aging-report csv", csvRecords(t, b.Bytes()), 1)
	}
	var b bytes.Buffer
	if _, err := MailingListCSV(ctx, &b, s, StatementOptions{AsOf: data.MustDate("2026-06-30")}); err != nil {
		t.Fatal(err)
	}
	check("mailing list", csvRecords(t, b.Bytes()), 1)
}

// The mailing list says where each statement is in the PDF drawn with the same options, both
// from MailingListCSV (the Reports screen before) and StatementsWithList (command and screen).
func TestMailingListHasPages(t *testing.T) {
	s := csvFormulaStore(t)
	opt := StatementOptions{AsOf: data.MustDate("2026-06-30")}
	var pdf, list, alone bytes.Buffer
	n, err := StatementsWithList(ctx, &pdf, &list, s, opt)
	if err != nil || n != 4 {
		t.Fatalf("statements: %d %v", n, err)
	}
	if _, err := MailingListCSV(ctx, &alone, s, opt); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(list.Bytes(), alone.Bytes()) {
		t.Errorf("MailingListCSV differs from the list written with the PDF:\n%s\n---\n%s", alone.Bytes(), list.Bytes())
	}
	recs := csvRecords(t, list.Bytes())
	if recs[0][13] != "first_page" || recs[0][14] != "pages" || len(recs) != n+1 {
		t.Fatalf("header %v, %d rows", recs[0], len(recs))
	}
	next, multi := 1, false
	for _, r := range recs[1:] {
		first, err1 := strconv.Atoi(r[13])
		pages, err2 := strconv.Atoi(r[14])
		if err1 != nil || err2 != nil || pages < 1 || first != next {
			t.Fatalf("row %v: first_page %q pages %q, want first page %d", r, r[13], r[14], next)
		}
		multi = multi || pages > 1
		next += pages
	}
	if !multi {
		t.Errorf("no statement took more than one page; the test does not cover page counting")
	}
	if got := bytes.Count(pdf.Bytes(), []byte("/Type /Page\n")); got != 0 && got != next-1 {
		t.Errorf("the PDF has %d pages, the list counts %d", got, next-1)
	}
}
