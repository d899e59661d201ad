package reports

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"duebook/data"
	"duebook/data/datatest"
)

// docSeeds are names and texts that used to break documents or easily could: emoji (above
// U+FFFF, which gofpdf's UTF-8 fonts index out of range), CJK (not in DejaVu), Hangul (in no
// embedded font), RTL, combining marks, controls, invalid and truncated UTF-8, very long words.
var docSeeds = [][2]string{
	{"", ""},
	{"Café 😀 Ltd", "Thanks 🙏🏽 for your business 👨‍👩‍👧"},
	{"山田商事株式会社", "お支払いをお願いします。東京都千代田区丸の内1-1"},
	{"北京科技有限公司", "请尽快付款"},
	{"한국상사", "서울특별시 강남구"},
	{"שלום בע\"מ", "مرحبا بكم في شركتنا"},
	{"Zoë Z\u0308\u0301\u0323\u0330", "e\u0301\u0301\u0301\u0301\u0301\u0301 à̀̀̀"},
	{"Nul\x00Esc\x1b[31mRed\x1b[0m", "bell\a tab\t cr\r lf\n vt\v ff\f del\x7f c1\u0085\u009b"},
	{"\ufeffBOM \u202eevil\u202c \u200bzero\u200dwidth", "soft\u00adhyphen \u2028line\u2029para"},
	{"bad \xff\xfe utf8 \xe0", "\xc3"},
	{strings.Repeat("W", 800), strings.Repeat("Averyveryverylongwordwithoutanyspaces", 30)},
	{strings.Repeat("名前", 150), strings.Repeat("長い文章 ", 100)},
	{"Mixed Ωmega 山田 😀 한 שלום", "\uFFFD\uFFFD private\ue000use \U0010FFFF end"},
	{"   ", "\n\n\n"},
}

// hostileFixture is a small company whose documents the fuzz target redraws with hostile texts.
type hostileFixture struct {
	comp  data.Company
	cust  *data.Customer
	invs  []*data.Invoice
	st    *data.Statement
	ag    *data.Aging
	rows  []agingDetail
	figs  []MonthFigures
	today data.Date
}

func newHostileFixture(t testing.TB) *hostileFixture {
	t.Helper()
	today := data.MustDate("2026-06-30")
	s, err := data.OpenWith(filepath.Join(t.TempDir(), "h.duebook"), data.Options{Clock: data.FixedClock{Day: today}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	c := &data.Customer{Name: "Plain Name", Address1: "1 Main St", City: "Springfield", Emails: []string{"a@b.example"}, TermsDays: 30}
	if err := s.CreateCustomer(ctx, c); err != nil {
		t.Fatal(err)
	}
	f := &hostileFixture{cust: c, today: today}
	for _, issue := range []string{"2026-02-01", "2026-05-10", "2026-06-20"} {
		inv := &data.Invoice{CustomerID: c.ID, IssueDate: data.MustDate(issue), PONumber: "PO1",
			Lines: []data.InvoiceLine{{Description: "Work", QtyMilli: 1000, UnitPrice: 12345}, {Description: "More", QtyMilli: 2500, UnitPrice: 999, TaxRateBP: 825}}}
		f.invs = append(f.invs, datatest.Post(t, s, inv))
	}
	p := &data.Payment{CustomerID: c.ID, Date: data.MustDate("2026-06-01"), Method: "bank", Reference: "REF", Amount: 20000}
	if err := s.RecordPayment(ctx, p, []data.Allocation{{InvoiceID: f.invs[0].ID, Amount: 5000}}); err != nil {
		t.Fatal(err)
	}
	if f.comp, err = s.Company(ctx); err != nil {
		t.Fatal(err)
	}
	if f.st, err = s.StatementFor(ctx, c.ID, data.MustDate("2026-01-01"), today); err != nil {
		t.Fatal(err)
	}
	if f.ag, f.rows, err = loadAging(ctx, s, AgingOptions{AsOf: today, Detail: true}); err != nil {
		t.Fatal(err)
	}
	if f.figs, _, err = Monthly(ctx, s, today); err != nil {
		t.Fatal(err)
	}
	if len(f.st.Activity) == 0 || len(f.st.Open) == 0 || len(f.rows) == 0 || len(f.rows[0].items) == 0 {
		t.Fatalf("fixture too small: %d activity, %d open, %d aging rows", len(f.st.Activity), len(f.st.Open), len(f.rows))
	}
	return f
}

// documents draws every kind of document with name and text in every field that prints, and
// returns the PDFs by kind.
func (f *hostileFixture) documents(t *testing.T, name, text string) map[string][]byte {
	t.Helper()
	comp := f.comp
	comp.Name, comp.Address, comp.Email, comp.Phone, comp.TaxID = name, text+"\n"+name, name, text, name
	comp.PaymentInstructions = text + "\n" + name
	cust := *f.cust
	cust.Name, cust.Contact, cust.Address1, cust.Address2, cust.City, cust.Region = name, text, text, name, name, text
	cust.PostalCode, cust.Country = name, text
	var invs []*data.Invoice
	for _, inv := range f.invs {
		c := *inv
		c.PONumber, c.Notes = name, text
		c.Lines = append([]data.InvoiceLine(nil), inv.Lines...)
		c.Lines[0].Description = text
		c.Lines[1].Description = name
		invs = append(invs, &c)
	}
	st := *f.st
	st.Customer = &cust
	st.Activity = append([]data.StatementEntry(nil), f.st.Activity...)
	for i := range st.Activity {
		st.Activity[i].Description, st.Activity[i].Ref = text, name
	}
	st.Open = append([]data.StatementEntry(nil), f.st.Open...)
	for i := range st.Open {
		st.Open[i].PONumber, st.Open[i].Ref = name, text
	}
	ag := *f.ag
	ag.Rows = append([]data.AgingRow(nil), f.ag.Rows...)
	ag.Rows[0].Customer = name
	rows := append([]agingDetail(nil), f.rows...)
	rows[0].row.Customer = name
	rows[0].items = append([]data.StatementEntry(nil), f.rows[0].items...)
	rows[0].items[0].Ref = text
	figs := append([]MonthFigures(nil), f.figs...)
	figs[len(figs)-1].Warning = text

	out := map[string][]byte{}
	draw := func(kind string, fn func(*bytes.Buffer) error) {
		var buf bytes.Buffer
		if err := fn(&buf); err != nil {
			t.Errorf("%s with name %q and text %q: %v", kind, name, text, err)
			return
		}
		if !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) || !bytes.Contains(buf.Bytes(), []byte("%%EOF")) {
			t.Errorf("%s with name %q: not a complete PDF (%d bytes)", kind, name, buf.Len())
		}
		out[kind] = buf.Bytes()
	}
	for _, lay := range []Layout{LayoutUS10, LayoutDIN5008} {
		draw("invoice "+string(lay), func(b *bytes.Buffer) error {
			return InvoicePDF(b, comp, &cust, invs[1], 5000, Options{Layout: lay})
		})
		for _, kind := range []StatementKind{KindOpenItem, KindActivity} {
			draw("statement "+string(kind)+" "+string(lay), func(b *bytes.Buffer) error {
				return StatementPDF(b, comp, &st, kind, Options{Layout: lay})
			})
		}
	}
	for i, tone := range []Tone{ToneFriendly, ToneFirm, ToneFinal} {
		lay := []Layout{LayoutUS10, LayoutDIN5008}[i%2]
		draw("letter "+string(tone), func(b *bytes.Buffer) error {
			return ReminderLetterPDF(b, comp, &cust, invs, tone, f.today, lay)
		})
	}
	for _, detail := range []bool{false, true} {
		draw("aging", func(b *bytes.Buffer) error {
			r := rows
			if !detail {
				r = append([]agingDetail(nil), rows...)
				for i := range r {
					r[i].items = nil
				}
			}
			return drawAging(b, comp, &ag, r, AgingOptions{AsOf: f.today, Detail: detail})
		})
	}
	draw("monthly", func(b *bytes.Buffer) error {
		return MonthlyPDF(b, comp, figs, "USD", map[string]int{text: 2, name: 1, "cash_flow": 3})
	})
	return out
}

// checkRuns asserts the sanitiser's promise for s in every style: no controls or invisible
// formatting, nothing above U+FFFF, and every character in a font that has it.
func checkRuns(t *testing.T, s string) {
	t.Helper()
	for _, style := range []string{"", "B", "I"} {
		prim := coverOf(fontFamily, style)
		for _, run := range textRuns(s, prim) {
			font := prim
			if run.fallback {
				font = coverFallback
			}
			for _, r := range run.s {
				if r > 0xFFFF || unicode.Is(unicode.Cc, r) || unicode.Is(unicode.Cf, r) || !font.has(r) {
					t.Fatalf("style %q: text %q yields rune %U (fallback %v) that cannot be drawn", style, s, r, run.fallback)
				}
			}
		}
	}
}

// FuzzDocuments draws every document kind with arbitrary names and texts: none may panic or
// fail, and the sanitised text is always drawable. `go test` runs the seeds;
// `go test -fuzz FuzzDocuments ./reports` explores further.
func FuzzDocuments(f *testing.F) {
	for _, s := range docSeeds {
		f.Add(s[0], s[1])
	}
	fx := newHostileFixture(f)
	f.Fuzz(func(t *testing.T, name, text string) {
		checkRuns(t, name)
		checkRuns(t, text)
		fx.documents(t, name, text)
	})
}

// Characters the fonts have print as themselves (CJK from the fallback font), emoji and Hangul
// as the visible replacement, controls not at all; the name is whole on every document.
func TestHostileNamesPrint(t *testing.T) {
	fx := newHostileFixture(t)
	cases := []struct{ name, want string }{
		{"山田商事株式会社", "山田商事株式会社"},
		{"Café 😀 Ltd", "Café � Ltd"},
		{"한국상사 Ltd", "� Ltd"},
		{"Nul\x00Esc\x1b[31mRed", "NulEsc[31mRed"},
		{"Zoë Brünner 北京 GmbH", "Zoë Brünner 北京 GmbH"},
	}
	for _, c := range cases {
		docs := fx.documents(t, c.name, "Plain words")
		for kind, pdf := range docs {
			if strings.HasPrefix(kind, "monthly") {
				continue // the monthly report prints the company name only in the header
			}
			txt := pdfText(t, pdf)
			if !strings.Contains(txt, c.want) {
				t.Errorf("%s for %q: %q not in the text:\n%s", kind, c.name, c.want, txt)
			}
			if strings.ContainsAny(txt, "\x00\x1b") {
				t.Errorf("%s for %q: control characters reached the PDF", kind, c.name)
			}
		}
	}
}
