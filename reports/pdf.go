// Package reports draws Duebook's printable documents (invoices, statements, reminder
// letters, aging reports) as PDF with gofpdf and the embedded DejaVu fonts, so any Unicode
// name or currency sign (€, ü, ñ, ř) prints; Chinese and Japanese come from the embedded
// Droid Sans Fallback, and every text is sanitised first (text.go), so no text can break a
// document. No GUI code here.
//
// All coordinates are millimetres from the top-left corner of the page.
package reports

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"duebook/assets"
	"duebook/data"

	"github.com/jung-kurt/gofpdf"
)

// Paper is the sheet size.
type Paper string

const (
	PaperLetter Paper = "letter"
	PaperA4     Paper = "a4"
)

// Layout is where the recipient address goes for a window envelope.
type Layout string

const (
	// LayoutUS10: US letter tri-folded into a #10 envelope (window 7/8 in from the left,
	// 1/2 in from the bottom, 1 1/8 x 4 1/2 in).
	LayoutUS10 Layout = "us10"
	// LayoutDIN5008: A4 folded into a DL envelope, DIN 5008 form B (address field 20 mm from
	// the left, 45 mm from the top, 85 x 45 mm; fold marks at 105 and 210 mm, punch mark 148.5 mm).
	LayoutDIN5008 Layout = "din5008"
)

// ParseLayout reads "us10" or "din5008".
func ParseLayout(s string) (Layout, error) {
	switch Layout(strings.ToLower(strings.TrimSpace(s))) {
	case LayoutUS10, "":
		return LayoutUS10, nil
	case LayoutDIN5008, "din", "dl":
		return LayoutDIN5008, nil
	}
	return "", &data.FieldError{Field: "layout", Msg: fmt.Sprintf("%q is not us10 or din5008", s)}
}

// Paper gives the sheet a layout is made for: Letter for US #10, A4 for DIN 5008.
func (l Layout) Paper() Paper {
	if l == LayoutDIN5008 {
		return PaperA4
	}
	return PaperLetter
}

// Rect is a rectangle on the page in millimetres (X, Y = top-left corner).
type Rect struct{ X, Y, W, H float64 }

// Contains reports whether o lies entirely inside r.
func (r Rect) Contains(o Rect) bool {
	const eps = 0.01
	return o.X >= r.X-eps && o.Y >= r.Y-eps && o.X+o.W <= r.X+r.W+eps && o.Y+o.H <= r.Y+r.H+eps
}

const inch = 25.4

// AddressWindow gives the part of the page (mm) that shows through the envelope window.
//
// US #10 (envelope 9 1/2 x 4 1/8 in, window 4 1/2 x 1 1/8 in, 7/8 in from the left and 1/2 in
// from the bottom). The Letter sheet (8 1/2 x 11 in) is tri-folded into panels of 11/3 in
// (3.667 in); the top panel faces the window and its fold edge rests on the envelope bottom.
// So the window bottom is 3.667 − 0.5 = 3.167 in from the top of the page and its top
// 3.667 − 1.625 = 2.042 in. Horizontally the 8.5 in sheet sits centred in the 9.5 in envelope
// (1/2 in play either side), so the window starts 7/8 − 1/2 = 3/8 in from the page's left edge.
// Result: X 9.5 mm, Y 51.9 mm, 114.3 x 28.6 mm. The address itself is set 1 in from the left
// (visible even if the sheet slides the full 1/2 in) and 2 mm below the window top.
//
// DIN 5008 form B: the address field is 20 mm from the left and 45 mm from the top, 85 x 45 mm.
// Its top 17.7 mm are the return-address/remark zone; the recipient goes into the 27.3 mm
// address zone below it (from 62.7 mm).
func AddressWindow(l Layout) Rect {
	if l == LayoutDIN5008 {
		return Rect{X: 20, Y: 45, W: 85, H: 45}
	}
	panel := 11.0 / 3
	return Rect{X: (7.0/8 - 0.5) * inch, Y: (panel - 1.625) * inch, W: 4.5 * inch, H: 1.125 * inch}
}

// Placement records where a document put the recipient address, for checking it against the
// envelope window.
type Placement struct {
	Page  int  // page number in the output PDF (1-based)
	Box   Rect // the box the address text occupies
	Lines []string
}

// Options control single documents.
type Options struct {
	Layout Layout // address window layout; it also picks the paper (Letter / A4)
	// OnAddress, when set, is told where the recipient address was printed.
	OnAddress func(Placement)
}

// doc is a gofpdf document with Duebook's fonts, header and footer.
type doc struct {
	*gofpdf.Fpdf
	paper      Paper
	w, h       float64
	lm, rm     float64
	comp       data.Company
	firstPage  int    // first page of the current document within the PDF
	totalPages int    // pages of the current document; 0 = the whole PDF ({nb})
	footerNote string // left part of the footer
	onAddress  func(Placement)
	drawHeader bool
	// the font set by SetFont, and whether the fallback font is loaded (see text.go)
	family, style  string
	size           float64
	fallbackLoaded bool
}

const fontFamily = "dejavu"

func newDoc(paper Paper, comp data.Company) *doc {
	size := "Letter"
	if paper == PaperA4 {
		size = "A4"
	}
	f := gofpdf.New("P", "mm", size, "")
	f.SetCompression(true)
	f.AddUTF8FontFromBytes(fontFamily, "", assets.FontRegular)
	f.AddUTF8FontFromBytes(fontFamily, "B", assets.FontBold)
	f.AddUTF8FontFromBytes(fontFamily, "I", assets.FontItalic)
	f.AddUTF8FontFromBytes("mono", "", assets.FontMono)
	f.SetCreator("Duebook", true)
	w, h := f.GetPageSize()
	d := &doc{Fpdf: f, paper: paper, w: w, h: h, lm: 20, rm: 15, comp: comp, firstPage: 1}
	d.SetAuthor(comp.Name, true)
	f.SetMargins(d.lm, 15, d.rm)
	f.SetAutoPageBreak(false, 0)
	f.AliasNbPages("{nb}")
	f.SetFooterFunc(d.footer)
	return d
}

func (d *doc) footer() {
	// gofpdf sets the font back to the one before the footer when the next page begins; keep
	// what SetFont remembers in step with it.
	family, style, size := d.family, d.style, d.size
	defer func() { d.family, d.style, d.size = family, style, size }()
	d.SetFont(fontFamily, "", 8)
	d.SetTextColor(100, 100, 100)
	y := d.h - 10
	if d.footerNote != "" {
		d.Text(d.lm, y, d.footerNote)
	}
	total := "{nb}"
	if d.totalPages > 0 {
		total = strconv.Itoa(d.totalPages)
	}
	s := fmt.Sprintf("Page %d of %s", d.PageNo()-d.firstPage+1, total)
	d.Text(d.w-d.rm-d.GetStringWidth(s), y, s)
	if d.totalPages == 0 {
		// "{nb}" is wider than the number; keep the right edge roughly aligned is fine.
	}
	d.SetTextColor(0, 0, 0)
}

// font sets the font: style "", "B" or "I".
func (d *doc) font(style string, size float64) { d.SetFont(fontFamily, style, size) }

// text writes s with its left edge at x and baseline at y.
func (d *doc) text(x, y float64, s string) { d.Text(x, y, s) }

// right writes s right-aligned at x.
func (d *doc) right(x, y float64, s string) { d.Text(x-d.GetStringWidth(s), y, s) }

// header draws the company block (name, address, contact) at the top of the page and the
// document title on the right. It returns the y below it. No logo: the company's paper
// carries its own name, never Duebook's icon (it was printed as if it were the company's).
func (d *doc) header(title string, small bool) float64 {
	top := 12.0
	logo := 18.0 // the block's least height, as when it held a logo: the rest of the page stays put
	if small {
		logo = 10
	}
	x := d.lm
	// The title on the right; the company name stops short of it, the lines below it (under the
	// title) at the margin.
	d.font("B", 18)
	if small {
		d.font("B", 12)
	}
	titleW := d.GetStringWidth(title)
	d.font("B", 13)
	name := fitText(d, d.comp.Name, max(d.w-d.rm-x-titleW-6, 30))
	d.text(x, top+5, name)
	y := top + 5
	if !small {
		d.font("", 8.5)
		for _, l := range companyLines(d.comp) {
			y += 3.8
			d.text(x, y, fitText(d, l, d.w-d.rm-x))
		}
	}
	if small {
		d.font("B", 12)
		d.right(d.w-d.rm, top+6, fitText(d, title, d.w-d.rm-x-d.GetStringWidth(name)*13/12-8))
	} else {
		d.font("B", 18)
		d.right(d.w-d.rm, top+7, title)
	}
	if y < top+logo {
		y = top + logo
	}
	return y + 4
}

// contactLine is the company's phone and email, as one line ("" when it has neither).
func contactLine(c data.Company) string {
	var contact []string
	for _, x := range []string{c.Phone, c.Email} {
		if x != "" {
			contact = append(contact, x)
		}
	}
	return strings.Join(contact, " · ")
}

// factRows draws label/value rows (the label at x, the value right-aligned at the margin)
// from y down, and returns the y below them.
func (d *doc) factRows(x, y float64, facts [][2]string) float64 {
	for _, f := range facts {
		d.font("", 8.5)
		d.text(x, y+3.5, f[0])
		d.font("B", 9)
		d.right(d.w-d.rm, y+3.5, f[1])
		y += 5
	}
	return y
}

func companyLines(c data.Company) []string {
	var out []string
	for _, l := range strings.Split(c.Address, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	if contact := contactLine(c); contact != "" {
		out = append(out, contact)
	}
	if c.TaxID != "" {
		out = append(out, "Tax ID "+c.TaxID)
	}
	return out
}

// companyOneLine is the sender line above a DIN address ("Name · Street · City").
func companyOneLine(c data.Company) string {
	parts := []string{c.Name}
	for _, l := range strings.Split(c.Address, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			parts = append(parts, l)
		}
	}
	return strings.Join(parts, " · ")
}

// address prints the recipient for the layout's envelope window, plus the fold/punch marks,
// and records the placement.
func (d *doc) address(layout Layout, lines []string) {
	win := AddressWindow(layout)
	var x, y, lh, size float64
	var maxLines int
	switch layout {
	case LayoutDIN5008:
		// Return address in the remark zone, small and underlined.
		// One line: a long one is set smaller (down to 5.5 pt) before it is cut.
		d.font("", 7)
		one := companyOneLine(d.comp)
		if w := d.GetStringWidth(one); w > win.W-10 {
			d.font("", max(5.5, 7*(win.W-10)/w))
		}
		sender := fitText(d, one, win.W-10)
		d.text(win.X+5, win.Y+12, sender)
		d.SetLineWidth(0.1)
		d.Line(win.X+5, win.Y+12.8, win.X+5+d.GetStringWidth(sender), win.Y+12.8)
		x, y, lh, size, maxLines = win.X+5, win.Y+17.7+1, 4.3, 10, 6
		// Fold marks at 105 and 210 mm, punch mark at 148.5 mm.
		d.SetLineWidth(0.2)
		d.Line(3, 105, 8, 105)
		d.Line(3, 210, 8, 210)
		d.Line(3, 148.5, 10, 148.5)
	default:
		x, y, lh, size, maxLines = 1.0*inch, win.Y+2, 4.3, 10, 6
	}
	if len(lines) > maxLines {
		lines = lines[:maxLines]
	}
	d.font("", size)
	maxW := win.X + win.W - x - 3
	var w float64
	out := make([]string, len(lines))
	for i, l := range lines {
		l = fitText(d, l, maxW)
		out[i] = l
		if sw := d.GetStringWidth(l); sw > w {
			w = sw
		}
	}
	// The text cell of the first line starts at y; baselines sit 0.8*lh below each cell top.
	for i, l := range out {
		d.text(x, y+float64(i)*lh+0.8*lh, l)
	}
	if d.onAddress != nil {
		d.onAddress(Placement{Page: d.PageNo(), Box: Rect{X: x, Y: y, W: w, H: float64(len(out)) * lh}, Lines: out})
	}
}

// fitText shortens s with "…" until it is at most w wide in the current font.
func fitText(d *doc, s string, w float64) string {
	if d.GetStringWidth(s) <= w {
		return s
	}
	r := []rune(plainText(s))
	if len(r) == 0 {
		return ""
	}
	return string(r[:fitRunes(d, r, w, "…")]) + "…"
}

// wrap splits s into lines at most w wide in the current font.
func wrap(d *doc, s string, w float64) []string {
	var out []string
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	for _, para := range strings.Split(s, "\n") {
		lines := d.SplitText(para, w)
		if len(lines) == 0 {
			lines = []string{""}
		}
		out = append(out, lines...)
	}
	return out
}

// finish writes the PDF to w, returning the first drawing error if any.
func (d *doc) finish(w io.Writer) error {
	if err := d.Error(); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	if err := d.Output(w); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	return nil
}

// tableHeader draws a grey header row. cols are (x, width, align) with align 'L' or 'R'.
type col struct {
	x, w  float64
	align byte
	title string
}

func (d *doc) tableHeader(y float64, cols []col) float64 {
	d.SetFillColor(235, 235, 235)
	last := cols[len(cols)-1]
	d.Rect(d.lm, y, last.x+last.w-d.lm, 6, "F")
	d.font("B", 8.5)
	for _, c := range cols {
		d.cell(c, y+4.3, c.title)
	}
	return y + 6
}

func (d *doc) cell(c col, baseline float64, s string) {
	s = fitText(d, s, c.w-1)
	if c.align == 'R' {
		d.right(c.x+c.w-1, baseline, s)
	} else {
		d.text(c.x+1, baseline, s)
	}
}

// watermark prints big diagonal text (DRAFT, VOID) across the page.
func (d *doc) watermark(s string) {
	d.SetTextColor(220, 80, 80)
	d.SetAlpha(0.25, "Normal")
	d.font("B", 90)
	cx, cy := d.w/2, d.h/2
	d.TransformBegin()
	d.TransformRotate(35, cx, cy)
	d.Text(cx-d.GetStringWidth(s)/2, cy+12, s)
	d.TransformEnd()
	d.SetAlpha(1, "Normal")
	d.SetTextColor(0, 0, 0)
}

// cutLine draws a dashed scissors line across the page at y.
func (d *doc) cutLine(y float64, label string) {
	d.SetDashPattern([]float64{1.5, 1.2}, 0)
	d.SetLineWidth(0.2)
	d.Line(5, y, d.w-5, y)
	d.SetDashPattern(nil, 0)
	d.font("I", 7)
	d.text(d.lm, y-1, "✂ "+label)
}

// enclosedBox draws the "amount enclosed" box at x,y.
func (d *doc) enclosedBox(x, y float64) {
	d.font("", 8)
	d.text(x, y, "Amount enclosed")
	d.SetLineWidth(0.3)
	d.Rect(x, y+1.5, 50, 8, "D")
}
