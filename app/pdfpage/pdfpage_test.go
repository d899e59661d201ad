package pdfpage

import (
	"bytes"
	"strings"
	"testing"

	"duebook/data"
	"duebook/reports"
)

func invoicePDF(t *testing.T, layout reports.Layout) []byte {
	t.Helper()
	comp := data.Company{Name: "Zoë's Bakery (Köln)", Address: "Hauptstraße 1\n50667 Köln", Currency: "EUR"}
	cust := &data.Customer{ID: 7, Name: "Çelik & Söhne", Address1: "Ring 5", City: "Berlin", PostalCode: "10115", Country: "DE", Currency: "EUR"}
	d := func(s string) data.Date { v, _ := data.ParseDate(s); return v }
	inv := &data.Invoice{ID: 1, Number: "INV-00042", CustomerID: 7, CustomerName: cust.Name, Currency: "EUR",
		IssueDate: d("2026-11-02"), DueDate: d("2026-12-02"), Status: data.StatusPosted,
		Lines:    []data.InvoiceLine{{Description: "Brot (groß) \\ 2", QtyMilli: 2000, UnitPrice: 12345, Net: 24690}},
		Subtotal: 24690, Total: 24690, OpenAmount: 24690}
	var b bytes.Buffer
	if err := reports.InvoicePDF(&b, comp, cust, inv, 0, reports.Options{Layout: layout}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestFirstPageReadsAnInvoice(t *testing.T) {
	for _, lay := range []reports.Layout{reports.LayoutUS10, reports.LayoutDIN5008} {
		p, err := FirstPage(invoicePDF(t, lay))
		if err != nil {
			t.Fatal(lay, err)
		}
		wantW := 612.0 // Letter
		if lay == reports.LayoutDIN5008 {
			wantW = 595.28 // A4
		}
		if p.W < wantW-1 || p.W > wantW+1 {
			t.Errorf("%s: page width %.2f pt, want %.2f", lay, p.W, wantW)
		}
		var all []string
		bold := false
		for _, tx := range p.Texts {
			all = append(all, tx.S)
			if tx.X < 0 || tx.X > p.W || tx.Y < 0 || tx.Y > p.H {
				t.Errorf("%s: text %q at %.1f,%.1f is off the page", lay, tx.S, tx.X, tx.Y)
			}
			if tx.S == "INV-00042" && tx.Bold {
				bold = true
			}
		}
		joined := strings.Join(all, "|")
		for _, want := range []string{"INVOICE", "INV-00042", "Çelik & Söhne", "Brot (groß) \\ 2", "Zoë's Bakery (Köln)"} {
			if !strings.Contains(joined, want) {
				t.Errorf("%s: preview text lacks %q:\n%s", lay, want, joined)
			}
		}
		if !bold {
			t.Errorf("%s: the invoice number is not read as bold", lay)
		}
		if len(p.Rects) == 0 {
			t.Errorf("%s: no rectangles read (the lines table has a shaded header)", lay)
		}
	}
}

func TestFirstPageRefusesOtherInput(t *testing.T) {
	for name, in := range map[string][]byte{
		"empty":      nil,
		"text":       []byte("hello"),
		"no content": []byte("1 0 obj <</Type /Pages /Kids [2 0 R] /MediaBox [0 0 10 10]>> endobj 2 0 obj <</Type /Page>> endobj"),
		"garbage":    bytes.Repeat([]byte("1 0 obj << /Type /Pages /Kids [1 0 R] >> stream \xff\xfe endstream endobj "), 3),
	} {
		if _, err := FirstPage(in); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func FuzzFirstPage(f *testing.F) {
	f.Add([]byte("1 0 obj <</Type /Pages /Kids [2 0 R] /MediaBox [0 0 10 10]>> endobj 2 0 obj <</Contents 3 0 R>> endobj 3 0 obj <<>> stream\nBT 1 2 Td (\\050x) Tj ET q 1 2 3 4 re f Q endstream endobj"))
	f.Fuzz(func(t *testing.T, b []byte) { _, _ = FirstPage(b) })
}
