package reports

import (
	"bytes"
	"strings"
	"testing"

	"duebook/data"
)

// overlapping returns the pairs of words on a page whose boxes overlap (shrunk by a little,
// so words merely touching do not count).
func overlapping(words []wordBox) []string {
	const e = 0.25
	var out []string
	for i, a := range words {
		for _, b := range words[i+1:] {
			if a.r.X+e < b.r.X+b.r.W-e && b.r.X+e < a.r.X+a.r.W-e && a.r.Y+e < b.r.Y+b.r.H-e && b.r.Y+e < a.r.Y+a.r.H-e {
				out = append(out, a.word+" / "+b.word)
			}
		}
	}
	return out
}

// outsidePage lists the words outside the documents' margins (20 mm left, 15 mm right, 5 mm
// top and bottom): a text that ran out of its box or off the sheet.
func outsidePage(words []wordBox, w, h float64) []string {
	const e = 0.5
	var out []string
	for _, b := range words {
		if b.r.X < 20-e || b.r.Y < 5 || b.r.X+b.r.W > w-15+e || b.r.Y+b.r.H > h-5 {
			out = append(out, b.word)
		}
	}
	return out
}

func checkLayout(t *testing.T, what string, pdf []byte, w, h float64, whole ...string) {
	t.Helper()
	for p, words := range bboxPages(t, pdf) {
		if o := overlapping(words); len(o) > 0 {
			t.Errorf("%s page %d: overlapping words: %v", what, p+1, o)
		}
		if o := outsidePage(words, w, h); len(o) > 0 {
			t.Errorf("%s page %d: words off the page: %v", what, p+1, o)
		}
	}
	// Whole phrases, not cut with "…" (pdftotext -raw keeps a line's words in order).
	txt := strings.Join(strings.Fields(pdfText(t, pdf, "-raw")), " ")
	for _, s := range whole {
		if !strings.Contains(txt, s) {
			t.Errorf("%s: %q is not printed whole:\n%s", what, s, txt)
		}
	}
}

// The monthly report: the late-payment reasons start after their label and wrap, a long
// warning stays in its box; statements: "Payments not yet applied" and the company e-mail on
// the remittance slip are whole (issue 12).
func TestPDFLayoutWholeAndApart(t *testing.T) {
	f := newFixture(t)
	figs, cur, err := Monthly(ctx, f.s, f.today)
	if err != nil {
		t.Fatal(err)
	}
	warning := "Default rate jumped to 12.50 % from an average of 3.10 % over the 3 months before"
	figs[len(figs)-1].Warning = warning
	var b bytes.Buffer
	reasons := map[string]int{"cash_flow": 12, "dispute": 3, "lost_invoice": 2, "wrong_address": 1, "forgot": 7, "other": 1}
	if err := MonthlyPDF(&b, f.comp, figs, cur, reasons); err != nil {
		t.Fatal(err)
	}
	checkLayout(t, "monthly", b.Bytes(), 215.9, 279.4, "Warning: "+warning, "Why payments were late:",
		"Cash flow 12 · Forgot 7 · Dispute 3", "Other 1", "Wrong address 1")

	comp := f.comp
	comp.Email = "accounts.receivable@northwind-trade.example"
	for _, lay := range []Layout{LayoutUS10, LayoutDIN5008} {
		st, err := f.s.StatementFor(ctx, f.reznik.ID, f.today.AddDays(-60), f.today)
		if err != nil {
			t.Fatal(err)
		}
		st.Credit = 12345
		b.Reset()
		if err := StatementPDF(&b, comp, st, KindOpenItem, Options{Layout: lay}); err != nil {
			t.Fatal(err)
		}
		w, h := 215.9, 279.4
		if lay == LayoutDIN5008 {
			w, h = 210, 297
		}
		txt := pdfText(t, b.Bytes(), "-raw")
		if n := strings.Count(txt, comp.Email); n < 2 { // header and remittance slip
			t.Errorf("%s statement: the company e-mail is whole %d times, want 2 (header, slip):\n%s", lay, n, txt)
		}
		checkLayout(t, "statement "+string(lay), b.Bytes(), w, h, "Payments not yet applied", "Make payment to")
	}
}

// Invoices, letters and the aging report of the demo company: no overlapping words, nothing
// beyond the margins.
func TestPDFLayoutOtherDocuments(t *testing.T) {
	f := newFixture(t)
	var b bytes.Buffer
	for _, lay := range []Layout{LayoutUS10, LayoutDIN5008} {
		w, h := 215.9, 279.4
		if lay == LayoutDIN5008 {
			w, h = 210, 297
		}
		b.Reset()
		if err := InvoicePDF(&b, f.comp, f.zoe, f.zoeInv, f.zoePaidPart, Options{Layout: lay}); err != nil {
			t.Fatal(err)
		}
		checkLayout(t, "invoice "+string(lay), b.Bytes(), w, h, "Make payment to")
		for _, tone := range []Tone{ToneFriendly, ToneFinal} {
			b.Reset()
			if err := ReminderLetterPDF(&b, f.comp, f.reznik, []*data.Invoice{f.rezInv1, f.rezInv2}, tone, f.today, lay); err != nil {
				t.Fatal(err)
			}
			checkLayout(t, "letter "+string(tone)+" "+string(lay), b.Bytes(), w, h)
		}
	}
	for _, detail := range []bool{false, true} {
		b.Reset()
		if err := AgingPDF(ctx, &b, f.s, AgingOptions{AsOf: f.today, Detail: detail}); err != nil {
			t.Fatal(err)
		}
		checkLayout(t, "aging", b.Bytes(), 215.9, 279.4)
	}
}
