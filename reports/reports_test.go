package reports

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"duebook/data"
	"duebook/data/datatest"
)

var ctx = context.Background()

// needTool fails under CI and skips elsewhere when an external tool is missing.
func needTool(t testing.TB, name string) {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is required in CI (apt-get install poppler-utils)", name)
		}
		t.Skipf("%s not installed", name)
	}
}

// pdfText runs pdftotext -layout on the PDF and returns its text.
func pdfText(t testing.TB, pdf []byte, args ...string) string {
	t.Helper()
	needTool(t, "pdftotext")
	f := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(f, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("pdftotext", append(append([]string{"-layout"}, args...), f, "-")...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v: %s", err, out)
	}
	return string(out)
}

// pages splits pdftotext output into pages (form feed separated).
func pages(text string) []string {
	p := strings.Split(text, "\f")
	if len(p) > 0 && strings.TrimSpace(p[len(p)-1]) == "" {
		p = p[:len(p)-1]
	}
	return p
}

func wantAll(t *testing.T, what, text string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("%s: %q not found in:\n%s", what, w, text)
		}
	}
}

type fixture struct {
	s                     *data.Store
	comp                  data.Company
	zoe, pena, reznik     *data.Customer
	zoeInv, penaInv       *data.Invoice
	rezInv1, rezInv2      *data.Invoice
	draft, void           *data.Invoice
	today                 data.Date
	penaPaid, zoePaidPart int64
}

func eur(t testing.TB, s string) int64 {
	t.Helper()
	v, err := data.ParseAmount(s, "EUR")
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// newFixture makes a demo company (30 customers, 800 invoices as of 2026-06-30) plus three
// hand-made EUR customers with accented names.
func newFixture(t testing.TB) *fixture {
	t.Helper()
	today := data.MustDate("2026-06-30")
	s, err := data.OpenWith(filepath.Join(t.TempDir(), "co.duebook"), data.Options{Clock: data.FixedClock{Day: today}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := s.GenerateDemo(ctx, data.DemoOptions{Customers: 30, Invoices: 800, Seed: 7, Today: today}); err != nil {
		t.Fatal(err)
	}
	f := &fixture{s: s, today: today}
	comp, err := s.Company(ctx)
	if err != nil {
		t.Fatal(err)
	}
	comp.PaymentInstructions = "IBAN DE89 3704 0044 0532 0130 00 · BIC COBADEFFXXX\nPlease quote the invoice number."
	if err := s.SaveCompany(ctx, comp); err != nil {
		t.Fatal(err)
	}
	f.comp = comp
	mk := func(c *data.Customer) *data.Customer {
		c.Currency, c.Emails = "EUR", []string{"buchhaltung@example.eu"}
		if err := s.CreateCustomer(ctx, c); err != nil {
			t.Fatal(err)
		}
		return c
	}
	f.zoe = mk(&data.Customer{Name: "Zoë Brünner GmbH", Contact: "Jürgen Weiß", Address1: "Königsallee 12", City: "Düsseldorf",
		PostalCode: "40212", Country: "Deutschland", TermsDays: 14})
	f.pena = mk(&data.Customer{Name: "Peña & Hijos", Contact: "Begoña Muñoz", Address1: "Calle de Alcalá 45, 3º", City: "Madrid",
		PostalCode: "28014", Country: "España", TermsDays: 30})
	f.reznik = mk(&data.Customer{Name: "Řezník s.r.o.", Contact: "Jiří Dvořák", Address1: "Náměstí Míru 7", City: "Brno",
		PostalCode: "602 00", Country: "Česko", TermsDays: 30})
	post := func(c *data.Customer, issue, po string, lines ...data.InvoiceLine) *data.Invoice {
		inv := &data.Invoice{CustomerID: c.ID, IssueDate: data.MustDate(issue), PONumber: po, Lines: lines}
		return datatest.Post(t, s, inv)
	}
	f.zoeInv = post(f.zoe, "2026-05-04", "PO-Ü-4711",
		data.InvoiceLine{Description: "Beratung – Größenänderung (Stunden)", QtyMilli: 12500, UnitPrice: eur(t, "95.00"), TaxRateBP: 1900},
		data.InvoiceLine{Description: "Straßenschild „Zoë“", QtyMilli: 2000, UnitPrice: eur(t, "1234.56"), TaxRateBP: 700})
	f.penaInv = post(f.pena, "2026-04-10", "",
		data.InvoiceLine{Description: "Diseño de señalética", QtyMilli: 1000, UnitPrice: eur(t, "2500.00"), TaxRateBP: 2100})
	f.rezInv1 = post(f.reznik, "2026-03-02", "OBJ-ř-1", data.InvoiceLine{Description: "Údržba", QtyMilli: 1000, UnitPrice: eur(t, "1000.00")})
	f.rezInv2 = post(f.reznik, "2026-06-05", "", data.InvoiceLine{Description: "Čištění", QtyMilli: 1000, UnitPrice: eur(t, "500.00")})
	// Zoë paid part; Peña paid part; Řezník: payment, credit note and write-off in June.
	f.zoePaidPart = eur(t, "1000.00")
	pay := func(c *data.Customer, day, ref string, amount int64, allocs ...data.Allocation) {
		p := &data.Payment{CustomerID: c.ID, Date: data.MustDate(day), Method: "bank", Reference: ref, Amount: amount}
		if err := s.RecordPayment(ctx, p, allocs); err != nil {
			t.Fatal(err)
		}
	}
	pay(f.zoe, "2026-05-20", "SEPA-ZB-1", f.zoePaidPart, data.Allocation{InvoiceID: f.zoeInv.ID, Amount: f.zoePaidPart})
	f.penaPaid = eur(t, "25.00")
	pay(f.pena, "2026-06-01", "TRF-ñ-9", f.penaPaid, data.Allocation{InvoiceID: f.penaInv.ID, Amount: f.penaPaid})
	pay(f.reznik, "2026-06-10", "PLATBA-1", eur(t, "300.00"), data.Allocation{InvoiceID: f.rezInv1.ID, Amount: eur(t, "300.00")})
	if err := s.IssueCreditNote(ctx, &data.CreditNote{InvoiceID: f.rezInv1.ID, Date: data.MustDate("2026-06-12"), Amount: eur(t, "100.00"), Reason: "Sleva"}); err != nil {
		t.Fatal(err)
	}
	if err := s.WriteOffInvoice(ctx, &data.WriteOff{InvoiceID: f.rezInv1.ID, Date: data.MustDate("2026-06-15"), Amount: eur(t, "50.00"), Reason: "Haléřové vyrovnání"}); err != nil {
		t.Fatal(err)
	}
	// A draft and a voided invoice for the watermarks.
	f.draft = &data.Invoice{CustomerID: f.pena.ID, IssueDate: today, Lines: []data.InvoiceLine{{Description: "Borrador", QtyMilli: 1000, UnitPrice: eur(t, "10.00")}}}
	if err := s.CreateDraft(ctx, f.draft); err != nil {
		t.Fatal(err)
	}
	v := post(f.pena, "2026-06-20", "", data.InvoiceLine{Description: "Anulada", QtyMilli: 1000, UnitPrice: eur(t, "77.00")})
	if err := s.VoidInvoice(ctx, v.ID, "Pedido duplicado"); err != nil {
		t.Fatal(err)
	}
	f.void, err = s.Invoice(ctx, v.ID)
	if err != nil {
		t.Fatal(err)
	}
	f.zoeInv, _ = s.Invoice(ctx, f.zoeInv.ID)
	f.penaInv, _ = s.Invoice(ctx, f.penaInv.ID)
	return f
}

func TestInvoicePDF(t *testing.T) {
	f := newFixture(t)
	inv := f.zoeInv
	for _, layout := range []Layout{LayoutUS10, LayoutDIN5008} {
		t.Run(string(layout), func(t *testing.T) {
			var placed []Placement
			var buf bytes.Buffer
			paid := inv.Total - inv.OpenAmount
			if paid != f.zoePaidPart {
				t.Fatalf("paid %d, want %d", paid, f.zoePaidPart)
			}
			if err := InvoicePDF(&buf, f.comp, f.zoe, inv, paid, Options{Layout: layout, OnAddress: func(p Placement) { placed = append(placed, p) }}); err != nil {
				t.Fatal(err)
			}
			text := pdfText(t, buf.Bytes())
			want := []string{"INVOICE", f.comp.Name, "Zoë Brünner GmbH", "Attn: Jürgen Weiß", "Königsallee 12", "Düsseldorf",
				"DEUTSCHLAND", inv.Number, "PO-Ü-4711", DateText(inv.IssueDate), DateText(inv.DueDate), "Net 14",
				"Beratung – Größenänderung (Stunden)", "12.5", "€95.00", "19%", "€1,187.50", "Straßenschild „Zoë“", "€1,234.56",
				"7%", "€2,469.12", "Subtotal", Money(inv.Subtotal, "EUR"), Money(inv.TaxTotal, "EUR"), Money(inv.Total, "EUR"),
				"€1,000.00", "Balance due EUR", Money(inv.OpenAmount, "EUR"), "IBAN DE89 3704 0044 0532 0130 00",
				"REMITTANCE", "Amount enclosed", "Amount due", "Page 1 of 1", "Customer: Zoë Brünner GmbH"}
			wantAll(t, "invoice", text, want...)
			// Hand-computed: 12.5 × 95.00 = 1,187.50 (+19 % = 225.63 rounded half up from 225.625);
			// 2 × 1,234.56 = 2,469.12 (+7 % = 172.84); total 4,055.09.
			if inv.Subtotal != eur(t, "3656.62") || inv.TaxTotal != eur(t, "398.47") || inv.Total != eur(t, "4055.09") {
				t.Errorf("totals %d %d %d", inv.Subtotal, inv.TaxTotal, inv.Total)
			}
			wantAll(t, "invoice", text, "€3,656.62", "€398.47", "€4,055.09", "€3,055.09")
			if strings.Contains(text, "DRAFT") || strings.Contains(text, "VOID") {
				t.Error("posted invoice carries a watermark")
			}
			checkPlacements(t, buf.Bytes(), layout, placed, 1)
		})
	}
}

func TestInvoiceWatermarks(t *testing.T) {
	f := newFixture(t)
	var buf bytes.Buffer
	if err := InvoicePDF(&buf, f.comp, f.pena, f.draft, 0, Options{}); err != nil {
		t.Fatal(err)
	}
	wantAll(t, "draft", pdfText(t, buf.Bytes()), "DRAFT", "Borrador", "€10.00", "Peña & Hijos")
	buf.Reset()
	if err := InvoicePDF(&buf, f.comp, f.pena, f.void, f.void.Total, Options{}); err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, buf.Bytes())
	wantAll(t, "void", text, "VOID", "Pedido duplicado", f.void.Number, "€77.00")
	if err := InvoicePDF(&buf, f.comp, nil, f.void, 0, Options{}); err == nil {
		t.Error("nil customer accepted")
	}
}

func TestInvoiceManyLinesPaginates(t *testing.T) {
	f := newFixture(t)
	inv := *f.zoeInv
	inv.Lines = nil
	for i := 1; i <= 70; i++ {
		inv.Lines = append(inv.Lines, data.InvoiceLine{Description: fmt.Sprintf("Position %d – Überstunden", i), QtyMilli: 1000, UnitPrice: int64(i * 100), Net: int64(i * 100)})
	}
	var buf bytes.Buffer
	if err := InvoicePDF(&buf, f.comp, f.zoe, &inv, 0, Options{Layout: LayoutDIN5008}); err != nil {
		t.Fatal(err)
	}
	ps := pages(pdfText(t, buf.Bytes()))
	if len(ps) < 2 {
		t.Fatalf("70 lines on %d page(s)", len(ps))
	}
	for i, p := range ps {
		wantAll(t, "page", p, fmt.Sprintf("Page %d of %d", i+1, len(ps)))
	}
	all := strings.Join(ps, "")
	wantAll(t, "lines", all, "Position 1 – Überstunden", "Position 70 – Überstunden", "REMITTANCE")
}

// wordBoxes parses pdftotext -bbox output: words with their boxes in mm.
var wordRe = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)

type wordBox struct {
	r    Rect
	word string
}

func bboxPages(t testing.TB, pdf []byte) [][]wordBox {
	t.Helper()
	needTool(t, "pdftotext")
	f := filepath.Join(t.TempDir(), "doc.pdf")
	os.WriteFile(f, pdf, 0o644)
	out, err := exec.Command("pdftotext", "-bbox", f, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	var res [][]wordBox
	for _, pg := range strings.Split(string(out), "<page ")[1:] {
		var ws []wordBox
		for _, m := range wordRe.FindAllStringSubmatch(pg, -1) {
			v := func(i int) float64 { x, _ := strconv.ParseFloat(m[i], 64); return x * inch / 72 }
			ws = append(ws, wordBox{r: Rect{X: v(1), Y: v(2), W: v(3) - v(1), H: v(4) - v(2)}, word: htmlUnescape(m[5])})
		}
		res = append(res, ws)
	}
	return res
}

func htmlUnescape(s string) string {
	return strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&quot;", `"`, "&apos;", "'").Replace(s)
}

// checkPlacements checks the recorded address boxes lie inside the window, and that pdftotext
// finds every word of each address line inside the window too.
func checkPlacements(t *testing.T, pdf []byte, layout Layout, placed []Placement, wantN int) {
	t.Helper()
	if len(placed) != wantN {
		t.Fatalf("%d addresses placed, want %d", len(placed), wantN)
	}
	win := AddressWindow(layout)
	bp := bboxPages(t, pdf)
	for _, p := range placed {
		if !win.Contains(p.Box) {
			t.Errorf("page %d: address box %+v outside window %+v", p.Page, p.Box, win)
		}
		if p.Page < 1 || p.Page > len(bp) {
			t.Fatalf("placement on page %d of %d", p.Page, len(bp))
		}
		words := bp[p.Page-1]
		for _, line := range p.Lines {
			for _, w := range strings.Fields(line) {
				found := false
				for _, wb := range words {
					if wb.word == w && win.Contains(wb.r) && p.Box.Contains(Rect{X: wb.r.X + 0.3, Y: wb.r.Y + 0.3, W: wb.r.W - 0.6, H: wb.r.H - 0.6}) {
						found = true
						break
					}
				}
				if !found {
					t.Errorf("page %d: word %q of %q not found inside the window by pdftotext -bbox", p.Page, w, line)
				}
			}
		}
	}
}

func TestAddressWindowGeometry(t *testing.T) {
	us := AddressWindow(LayoutUS10)
	// 7/8 in from the envelope's left edge less the 1/2 in the centred letter is inset: 3/8 in.
	if d := us.X - 0.375*inch; d > 0.01 || d < -0.01 {
		t.Errorf("us10 window x %.2f mm", us.X)
	}
	// Bottom edge: top panel (11/3 in) less the 1/2 in from the envelope bottom.
	if d := us.Y + us.H - (11.0/3-0.5)*inch; d > 0.01 || d < -0.01 {
		t.Errorf("us10 window bottom %.2f mm", us.Y+us.H)
	}
	if us.W != 4.5*inch || us.H != 1.125*inch {
		t.Errorf("us10 window size %.2f x %.2f", us.W, us.H)
	}
	din := AddressWindow(LayoutDIN5008)
	if din != (Rect{X: 20, Y: 45, W: 85, H: 45}) {
		t.Errorf("din window %+v", din)
	}
	if _, err := ParseLayout("c5"); err == nil {
		t.Error("bad layout accepted")
	}
}

func TestStatementsBatch(t *testing.T) {
	f := newFixture(t)
	ids, err := f.s.CustomersOwing(ctx, f.today, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(ids) < 10 {
		t.Fatalf("only %d customers with a balance", len(ids))
	}
	for _, kind := range []StatementKind{KindOpenItem, KindActivity} {
		for _, layout := range []Layout{LayoutUS10, LayoutDIN5008} {
			t.Run(string(kind)+"/"+string(layout), func(t *testing.T) {
				var buf bytes.Buffer
				var placed []Placement
				type rec struct {
					st           *data.Statement
					first, pages int
				}
				var recs []rec
				var progress []int
				n, err := Statements(ctx, &buf, f.s, StatementOptions{AsOf: f.today, Layout: layout, Kind: kind,
					OnAddress:   func(p Placement) { placed = append(placed, p) },
					OnStatement: func(st *data.Statement, first, pages int) { recs = append(recs, rec{st, first, pages}) },
					Progress:    func(done, total int) { progress = append(progress, done*1000+total) }})
				if err != nil {
					t.Fatal(err)
				}
				if n != len(ids) || len(recs) != n || len(progress) != n || progress[n-1] != n*1000+n {
					t.Fatalf("n=%d ids=%d recs=%d progress=%v", n, len(ids), len(recs), progress)
				}
				ps := pages(pdfText(t, buf.Bytes()))
				total := 0
				for _, r := range recs {
					total += r.pages
					if r.first != total-r.pages+1 {
						t.Errorf("%s: first page %d, want %d", r.st.Customer.Name, r.first, total-r.pages+1)
					}
					// The amount due as the activity's closing balance and as open items less credit agree.
					closing := r.st.Opening
					if len(r.st.Activity) > 0 {
						closing = r.st.Activity[len(r.st.Activity)-1].Balance
					}
					if closing != r.st.Balance {
						t.Errorf("%s: activity closes at %d, open items say %d", r.st.Customer.Name, closing, r.st.Balance)
					}
					var aging int64
					for _, b := range r.st.Aging {
						aging += b
					}
					if aging != r.st.OpenSum {
						t.Errorf("%s: aging %d != open %d", r.st.Customer.Name, aging, r.st.OpenSum)
					}
					for p := 0; p < r.pages; p++ {
						pg := ps[r.first-1+p]
						wantAll(t, "statement page", pg, fmt.Sprintf("Page %d of %d", p+1, r.pages), r.st.Customer.Name)
					}
					first, last := ps[r.first-1], ps[r.first-1+r.pages-1]
					wantAll(t, "statement", first, DateText(f.today), fmt.Sprintf("C%05d", r.st.Customer.ID))
					wantAll(t, "statement", last, "REMITTANCE", "Amount enclosed", "Current", "1–30 days", "Over 90 days",
						Money(r.st.Balance, r.st.Currency))
					for _, b := range r.st.Aging {
						wantAll(t, "aging row", last, Money(b, r.st.Currency))
					}
					all := strings.Join(ps[r.first-1:r.first-1+r.pages], "")
					if kind == KindOpenItem {
						for _, e := range r.st.Open {
							wantAll(t, "open item", all, e.Ref, Money(e.Open, r.st.Currency))
						}
					} else {
						wantAll(t, "activity", all, "Balance forward", Money(r.st.Opening, r.st.Currency))
						for _, e := range r.st.Activity {
							wantAll(t, "activity", all, Money(e.Balance, r.st.Currency))
						}
					}
				}
				if total != len(ps) {
					t.Errorf("statements claim %d pages, PDF has %d", total, len(ps))
				}
				checkPlacements(t, buf.Bytes(), layout, placed, n)
			})
		}
	}
}

func TestStatementHandMadeEUR(t *testing.T) {
	f := newFixture(t)
	st, err := f.s.StatementFor(ctx, f.reznik.ID, data.MustDate("2026-06-01"), f.today)
	if err != nil {
		t.Fatal(err)
	}
	// Balance forward 1,000.00 (March invoice); June: +500.00 invoice, −300 payment, −100 credit
	// note, −50 write-off → 1,050.00. Open: 550.00 (61-90 days: due 1 Apr → 90 days) + 500.00 current.
	if st.Opening != eur(t, "1000.00") || st.Balance != eur(t, "1050.00") || len(st.Activity) != 4 {
		t.Fatalf("opening %d balance %d activity %+v", st.Opening, st.Balance, st.Activity)
	}
	if st.Aging != [5]int64{eur(t, "500.00"), 0, 0, eur(t, "550.00"), 0} {
		t.Errorf("aging %v", st.Aging)
	}
	var buf bytes.Buffer
	if err := StatementPDF(&buf, f.comp, st, KindActivity, Options{Layout: LayoutDIN5008}); err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, buf.Bytes())
	wantAll(t, "activity", text, "Řezník s.r.o.", "Attn: Jiří Dvořák", "Náměstí Míru 7", "602 00", "ČESKO", "ACCOUNT ACTIVITY",
		"Balance forward", "€1,000.00", f.rezInv2.Number, "€500.00", "€1,500.00", "PLATBA-1", "€300.00", "€1,200.00",
		"Credit note on "+f.rezInv1.Number, "€100.00", "€1,100.00", "Written off: Haléřové vyrovnání", "€50.00", "€1,050.00",
		"€550.00", "01 Jun 2026 – 30 Jun 2026")
	// As of a past date, the June events are not there yet.
	past, err := f.s.StatementFor(ctx, f.reznik.ID, time0(), data.MustDate("2026-05-31"))
	if err != nil {
		t.Fatal(err)
	}
	if past.Balance != eur(t, "1000.00") || len(past.Open) != 1 || past.Open[0].Open != eur(t, "1000.00") {
		t.Errorf("as of May: %+v", past)
	}
	// Open-item kind for Peña (partly paid): the open amount and the partial payment show.
	st, err = f.s.StatementFor(ctx, f.pena.ID, data.Date{}, f.today)
	if err != nil {
		t.Fatal(err)
	}
	buf.Reset()
	if err := StatementPDF(&buf, f.comp, st, KindOpenItem, Options{}); err != nil {
		t.Fatal(err)
	}
	wantAll(t, "open items", pdfText(t, buf.Bytes()), "Peña & Hijos", "Begoña Muñoz", "Calle de Alcalá 45, 3º", f.penaInv.Number,
		"€3,025.00", "€3,000.00", "STATEMENT")
	if strings.Contains(pdfText(t, buf.Bytes()), f.void.Number) {
		t.Error("voided invoice listed as open")
	}
}

func time0() data.Date { return data.MustDate("2026-05-01") }

func TestStatementsSelectionAndCancel(t *testing.T) {
	f := newFixture(t)
	var buf bytes.Buffer
	n, err := Statements(ctx, &buf, f.s, StatementOptions{AsOf: f.today, CustomerID: f.zoe.ID})
	if err != nil || n != 1 {
		t.Fatalf("one customer: %d %v", n, err)
	}
	wantAll(t, "zoe", pdfText(t, buf.Bytes()), "Zoë Brünner GmbH", "€3,055.09", "Page 1 of 1")
	// A minimum balance drops the small ones: each printed amount due is at least the minimum.
	min := int64(500000)
	all, _ := f.s.CustomersOwing(ctx, f.today, 0)
	big, _ := f.s.CustomersOwing(ctx, f.today, min)
	if len(big) == 0 || len(big) >= len(all) {
		t.Fatalf("min balance: %d of %d", len(big), len(all))
	}
	for _, id := range big {
		st, _ := f.s.StatementFor(ctx, id, data.Date{}, f.today)
		if st.Balance < min {
			t.Errorf("%s owes %d < %d", st.Customer.Name, st.Balance, min)
		}
	}
	// Cancel after the third statement.
	cctx, cancel := context.WithCancel(ctx)
	buf.Reset()
	n, err = Statements(cctx, &buf, f.s, StatementOptions{AsOf: f.today, Progress: func(done, total int) {
		if done == 3 {
			cancel()
		}
	}})
	if !errors.Is(err, context.Canceled) || n != 3 || buf.Len() != 0 {
		t.Fatalf("cancel: n=%d err=%v wrote %d bytes", n, err, buf.Len())
	}
	// Mailing list: one row per statement, amounts match.
	var csvb bytes.Buffer
	rows, err := MailingListCSV(ctx, &csvb, f.s, StatementOptions{AsOf: f.today})
	if err != nil || rows != len(all) {
		t.Fatalf("mailing list: %d %v", rows, err)
	}
	recs, err := csv.NewReader(&csvb).ReadAll()
	if err != nil || len(recs) != rows+1 {
		t.Fatalf("csv: %d %v", len(recs), err)
	}
	for _, r := range recs[1:] {
		if r[1] == "Řezník s.r.o." && (r[10] != "1050.00" || r[11] != "EUR" || r[5] != "Brno") {
			t.Errorf("Řezník row %v", r)
		}
	}
}

func TestReminderLetters(t *testing.T) {
	f := newFixture(t)
	invs, err := f.s.Invoices(ctx, data.InvoiceFilter{CustomerID: f.reznik.ID, OverdueOn: f.today})
	if err != nil || len(invs) != 1 {
		t.Fatalf("overdue: %d %v", len(invs), err)
	}
	invs = append(invs, f.penaInv)
	subjects := map[Tone]string{ToneFriendly: "Friendly reminder", ToneFirm: "Second reminder", ToneFinal: "FINAL NOTICE"}
	for tone, subject := range subjects {
		for _, layout := range []Layout{LayoutUS10, LayoutDIN5008} {
			var buf bytes.Buffer
			var placed []Placement
			if err := ReminderLetterPDFWith(&buf, f.comp, f.reznik, invs, tone, f.today, Options{Layout: layout, OnAddress: func(p Placement) { placed = append(placed, p) }}); err != nil {
				t.Fatal(err)
			}
			text := pdfText(t, buf.Bytes())
			wantAll(t, string(tone), text, subject, "Dear Jiří Dvořák,", "Řezník s.r.o.", f.rezInv1.Number, f.penaInv.Number,
				DateText(f.rezInv1.DueDate), strconv.Itoa(f.rezInv1.DaysOverdue(f.today)), "€550.00", "€3,000.00",
				strconv.Itoa(f.penaInv.DaysOverdue(f.today)), "Total due EUR", "€3,550.00", f.comp.Name, "IBAN DE89")
			t.Run(string(tone)+"/"+string(layout), func(t *testing.T) { checkPlacements(t, buf.Bytes(), layout, placed, 1) })
		}
	}
	var buf bytes.Buffer
	if err := ReminderLetterPDF(&buf, f.comp, f.reznik, nil, ToneFirm, f.today, LayoutUS10); err == nil {
		t.Error("letter without invoices accepted")
	}
	if err := ReminderLetterPDF(&buf, f.comp, f.reznik, invs, Tone("rude"), f.today, LayoutUS10); err == nil {
		t.Error("unknown tone accepted")
	}
}

func TestAgingReport(t *testing.T) {
	f := newFixture(t)
	ag, err := f.s.Aging(ctx, f.today, "")
	if err != nil {
		t.Fatal(err)
	}
	for _, detail := range []bool{false, true} {
		var csvb bytes.Buffer
		if err := AgingCSV(ctx, &csvb, f.s, AgingOptions{AsOf: f.today, Detail: detail}); err != nil {
			t.Fatal(err)
		}
		recs, err := csv.NewReader(&csvb).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		off := 2
		if detail {
			off = 5
		}
		last := recs[len(recs)-1]
		if last[1] != "TOTAL" || last[off+5] != data.FormatPlain(ag.Total.Total, ag.Currency) {
			t.Errorf("total row %v, want %d", last, ag.Total.Total)
		}
		// Detail rows of each customer add up to its summary row, bucket by bucket.
		if detail {
			var sum [6]int64
			items := 0
			for _, r := range recs[1 : len(recs)-1] {
				var v [6]int64
				for i := range v {
					v[i], _ = data.ParseAmount(r[off+i], ag.Currency)
				}
				if r[2] != "" {
					items++
					for i := range v {
						sum[i] += v[i]
					}
					continue
				}
				if sum != v {
					t.Errorf("customer %s: items %v, summary %v", r[1], sum, v)
				}
				sum = [6]int64{}
			}
			if items == 0 {
				t.Error("no detail rows")
			}
		} else if len(recs) != len(ag.Rows)+2 {
			t.Errorf("%d rows for %d customers", len(recs), len(ag.Rows))
		}
		var pdf bytes.Buffer
		if err := AgingPDF(ctx, &pdf, f.s, AgingOptions{AsOf: f.today, Detail: detail}); err != nil {
			t.Fatal(err)
		}
		text := pdfText(t, pdf.Bytes())
		wantAll(t, "aging pdf", text, "Total", data.FormatAmount(ag.Total.Total, ag.Currency), "Over 90")
		for _, r := range ag.Rows {
			wantAll(t, "aging pdf", text, data.FormatAmount(r.Total, ag.Currency))
		}
	}
	// EUR aging lists the hand-made customers.
	var pdf bytes.Buffer
	if err := AgingPDF(ctx, &pdf, f.s, AgingOptions{AsOf: f.today, Currency: "EUR", Detail: true, Paper: PaperA4}); err != nil {
		t.Fatal(err)
	}
	wantAll(t, "eur aging", pdfText(t, pdf.Bytes()), "Zoë Brünner GmbH", "Peña & Hijos", "Řezník s.r.o.", "1,050.00", "3,055.09", f.rezInv1.Number)
}

// TestRenderPages renders a few pages to PNG with pdftoppm (kept under $DUEBOOK_RENDER_DIR when
// set, for looking at) and checks they are not blank.
func TestRenderPages(t *testing.T) {
	needTool(t, "pdftoppm")
	f := newFixture(t)
	dir := os.Getenv("DUEBOOK_RENDER_DIR")
	if dir == "" {
		dir = t.TempDir()
	}
	docs := map[string]func(*bytes.Buffer) error{
		"invoice": func(b *bytes.Buffer) error {
			return InvoicePDF(b, f.comp, f.zoe, f.zoeInv, f.zoeInv.Total-f.zoeInv.OpenAmount, Options{Layout: LayoutDIN5008})
		},
		"statement": func(b *bytes.Buffer) error {
			_, err := Statements(ctx, b, f.s, StatementOptions{AsOf: f.today, CustomerID: f.reznik.ID, Kind: KindActivity})
			return err
		},
		"letter": func(b *bytes.Buffer) error {
			return ReminderLetterPDF(b, f.comp, f.pena, []*data.Invoice{f.penaInv}, ToneFinal, f.today, LayoutUS10)
		},
	}
	for name, mk := range docs {
		var b bytes.Buffer
		if err := mk(&b); err != nil {
			t.Fatal(err)
		}
		pdf := filepath.Join(dir, name+".pdf")
		os.WriteFile(pdf, b.Bytes(), 0o644)
		if out, err := exec.Command("pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "1", pdf, filepath.Join(dir, name)).CombinedOutput(); err != nil {
			t.Fatalf("pdftoppm: %v %s", err, out)
		}
		m, _ := filepath.Glob(filepath.Join(dir, name+"-*.png"))
		if len(m) == 0 {
			t.Fatalf("%s: no page rendered", name)
		}
		st, _ := os.Stat(m[0])
		if st.Size() < 5000 {
			t.Errorf("%s: page image only %d bytes", name, st.Size())
		}
	}
}

func TestPaginate(t *testing.T) {
	for _, c := range []struct {
		n    int
		want []int
	}{
		{0, []int{0}}, {5, []int{5}}, {19, []int{19}}, {20, []int{19, 1}}, {27, []int{26, 1}},
		{30, []int{26, 4}}, {80, []int{26, 40, 14}}, {67, []int{26, 40, 1}},
	} {
		got := paginate(c.n, 26, 40, 19, 30)
		if fmt.Sprint(got) != fmt.Sprint(c.want) {
			t.Errorf("paginate(%d) = %v, want %v", c.n, got, c.want)
		}
		sum := 0
		for _, p := range got {
			sum += p
		}
		if sum != c.n {
			t.Errorf("paginate(%d) loses rows: %v", c.n, got)
		}
	}
}

func TestStatementsMultiPageNumbering(t *testing.T) {
	f := newFixture(t)
	var buf bytes.Buffer
	type rec struct {
		name         string
		first, pages int
	}
	var recs []rec
	n, err := Statements(ctx, &buf, f.s, StatementOptions{AsOf: f.today, From: data.MustDate("2025-01-01"), Kind: KindActivity,
		OnStatement: func(st *data.Statement, first, pages int) { recs = append(recs, rec{st.Customer.Name, first, pages}) }})
	if err != nil {
		t.Fatal(err)
	}
	ps := pages(pdfText(t, buf.Bytes()))
	multi := 0
	for _, r := range recs {
		if r.pages > 1 {
			multi++
		}
		for p := 1; p <= r.pages; p++ {
			pg := ps[r.first-2+p]
			wantAll(t, "page", pg, fmt.Sprintf("Page %d of %d", p, r.pages), r.name)
			if p < r.pages && strings.Contains(pg, "REMITTANCE") {
				t.Errorf("%s: slip on page %d of %d", r.name, p, r.pages)
			}
		}
		wantAll(t, "last page", ps[r.first-2+r.pages], "REMITTANCE")
	}
	if multi == 0 || n != len(recs) {
		t.Fatalf("no multi-page statement among %d", n)
	}
	t.Logf("%d statements, %d over several pages, %d pages", n, multi, len(ps))
}
