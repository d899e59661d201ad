package reports

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"duebook/data"
	"duebook/data/datatest"
)

// The monthly PDF is in the company currency only; when invoices in other currencies
// exist (issued by the report's day) it says under its title that they are not counted,
// as the monthly command does. Without other currencies there is no such note.
func TestMonthlyPDFSaysOtherCurrenciesAreLeftOut(t *testing.T) {
	ctx := context.Background()
	s, err := data.OpenWith(filepath.Join(t.TempDir(), "m.duebook"), data.Options{Clock: data.FixedClock{Day: data.MustDate("2026-06-30")}})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	add := func(name, cur, issue string) {
		c := &data.Customer{Name: name, Emails: []string{"a@x.example"}, TermsDays: 30, Currency: cur}
		if err := s.CreateCustomer(ctx, c); err != nil {
			t.Fatal(err)
		}
		datatest.Post(t, s, &data.Invoice{CustomerID: c.ID, Currency: cur, IssueDate: data.MustDate(issue),
			Lines: []data.InvoiceLine{{Description: "x", QtyMilli: 1000, UnitPrice: 10000}}})
	}
	text := func(month string) (string, MonthFigures) {
		figs, cur, err := Monthly(ctx, s, data.MustDate(month))
		if err != nil {
			t.Fatal(err)
		}
		comp, _ := s.Company(ctx)
		var pdf bytes.Buffer
		if err := MonthlyPDF(&pdf, comp, figs, cur, nil); err != nil {
			t.Fatal(err)
		}
		return strings.Join(strings.Fields(pdfText(t, pdf.Bytes())), " "), figs[len(figs)-1]
	}
	add("Acme", "USD", "2026-03-10")
	if got, _ := text("2026-05-01"); strings.Contains(got, "not counted") {
		t.Fatalf("a note without other currencies:\n%s", got)
	}
	add("Müller GmbH", "EUR", "2026-04-02")
	add("Smith Ltd", "GBP", "2026-06-15")
	got, last := text("2026-05-01")
	if want := "The figures are in USD only; invoices in EUR are not counted."; !strings.Contains(got, want) {
		t.Fatalf("May report does not say %q:\n%s", want, got)
	}
	if len(last.LeftOut) != 1 {
		t.Fatalf("left out in May: %v (the GBP invoice is issued in June)", last.LeftOut)
	}
	got, _ = text("2026-06-01")
	if want := "The figures are in USD only; invoices in EUR, GBP are not counted."; !strings.Contains(got, want) {
		t.Fatalf("June report does not say %q:\n%s", want, got)
	}
}
