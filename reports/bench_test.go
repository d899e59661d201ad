package reports

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"testing"

	"duebook/data"
)

// BenchmarkStatements1000 draws 1000 one-page open-item statements (each customer has three
// open invoices) into one PDF. Target: under 5 s per op.
func BenchmarkStatements1000(b *testing.B) {
	today := data.MustDate("2026-06-30")
	s, err := data.OpenWith(filepath.Join(b.TempDir(), "bench.duebook"), data.Options{Clock: data.FixedClock{Day: today}})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	err = s.Update(ctx, func(tx *data.Tx) error {
		for i := 0; i < 1000; i++ {
			c := &data.Customer{Name: fmt.Sprintf("Kunde %04d Müller & Söhne", i), Contact: "Zoë Peña", Address1: fmt.Sprintf("%d Main St", i+1),
				City: "Springfield", Region: "IL", PostalCode: "62701", Country: "USA", TermsDays: 30, Currency: "USD", Channel: data.ChannelMail}
			if err := tx.CreateCustomer(c); err != nil {
				return err
			}
			for j := 0; j < 3; j++ {
				inv := &data.Invoice{CustomerID: c.ID, IssueDate: today.AddDays(-30 * j), PONumber: fmt.Sprintf("PO-%d-%d", i, j),
					Lines: []data.InvoiceLine{{Description: "Service", QtyMilli: 1000, UnitPrice: int64(10000 + i*7 + j)}}}
				if err := tx.CreateDraft(inv); err != nil {
					return err
				}
				if _, err := tx.PostInvoice(inv.ID); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		pages := 0
		n, err := Statements(ctx, io.Discard, s, StatementOptions{AsOf: today, Layout: LayoutUS10,
			OnStatement: func(_ *data.Statement, _, p int) { pages += p }})
		if err != nil {
			b.Fatal(err)
		}
		if n != 1000 || pages != 1000 {
			b.Fatalf("%d statements on %d pages", n, pages)
		}
	}
}

// BenchmarkLetterFallbackFont draws one reminder letter for a Latin and for a Japanese name:
// the second loads Droid Sans Fallback into the document (its cost per document, and the
// size of the PDF with the font subset, are reported).
func BenchmarkLetterFallbackFont(b *testing.B) {
	fx := newHostileFixture(b)
	for _, name := range []string{"Müller & Söhne GmbH", "山田商事株式会社"} {
		b.Run(map[bool]string{true: "latin", false: "cjk"}[name[0] == 'M'], func(b *testing.B) {
			cust := *fx.cust
			cust.Name = name
			var size int
			for i := 0; i < b.N; i++ {
				var buf bytes.Buffer
				if err := ReminderLetterPDF(&buf, fx.comp, &cust, fx.invs, ToneFirm, fx.today, LayoutUS10); err != nil {
					b.Fatal(err)
				}
				size = buf.Len()
			}
			b.ReportMetric(float64(size), "bytes/pdf")
		})
	}
}
