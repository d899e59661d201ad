package reports

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"duebook/assets"

	"golang.org/x/image/font/sfnt"
)

// Every text that goes into a PDF passes through the sanitiser below, so no name, address or
// note can break a document:
//
//   - control characters (C0, C1) and invisible format characters (bidi controls, zero-width
//     joiners, BOM, soft hyphen, variation selectors) are removed; tabs, line breaks and
//     Unicode line/paragraph separators become spaces (wrap splits paragraphs at "\n" before);
//   - a character the current DejaVu font has is drawn from it;
//   - else a character Droid Sans Fallback has (Chinese, Japanese and more) is drawn from that
//     font, loaded into the document only when a text needs it;
//   - anything else (emoji and every other character above U+FFFF, which gofpdf cannot draw,
//     Hangul, scripts neither font has) prints as the visible replacement mark U+FFFD "�",
//     one mark for a run of such characters;
//   - invalid UTF-8 is read as U+FFFD too, so gofpdf only ever sees valid BMP text.
//
// Which font has which character is read from the fonts' cmap tables (golang.org/x/image/font/sfnt),
// so the choice is exact.

// replacement is printed for characters no embedded font can draw.
const replacement = '\uFFFD'

// fallbackFamily is the gofpdf family name of Droid Sans Fallback.
const fallbackFamily = "fallback"

// fontCover is the set of BMP characters one embedded font has a glyph for.
type fontCover struct {
	once sync.Once
	ttf  []byte
	bits [0x10000 / 64]uint64
}

func (c *fontCover) has(r rune) bool {
	if r < 0 || r > 0xFFFF {
		return false
	}
	c.once.Do(c.load)
	return c.bits[r>>6]&(1<<(uint(r)&63)) != 0
}

func (c *fontCover) load() {
	f, err := sfnt.Parse(c.ttf)
	if err != nil {
		return // a font we cannot read covers nothing: its characters print as the replacement
	}
	var buf sfnt.Buffer
	for r := rune(0x20); r <= 0xFFFF; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue // surrogates are not characters
		}
		if g, err := f.GlyphIndex(&buf, r); err == nil && g != 0 {
			c.bits[r>>6] |= 1 << (uint(r) & 63)
		}
	}
}

var (
	coverRegular  = &fontCover{ttf: assets.FontRegular}
	coverBold     = &fontCover{ttf: assets.FontBold}
	coverItalic   = &fontCover{ttf: assets.FontItalic}
	coverMono     = &fontCover{ttf: assets.FontMono}
	coverFallback = &fontCover{ttf: assets.FontFallback}
)

// coverOf is the coverage of a gofpdf family and style as registered in newDoc.
func coverOf(family, style string) *fontCover {
	if family == "mono" {
		return coverMono
	}
	switch {
	case strings.Contains(style, "B"):
		return coverBold
	case strings.Contains(style, "I"):
		return coverItalic
	}
	return coverRegular
}

// dropped reports whether r is removed from document text: controls and invisible formatting.
func dropped(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return false // become spaces
	case unicode.Is(unicode.Cc, r), unicode.Is(unicode.Cf, r):
		return true
	case r >= 0xFE00 && r <= 0xFE0F, r >= 0xE0100 && r <= 0xE01EF: // variation selectors
		return true
	}
	return false
}

// spaceLike reports whether r becomes a plain space.
func spaceLike(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' || r == 0x2028 || r == 0x2029
}

// textRun is a piece of text drawn from one font.
type textRun struct {
	s        string
	fallback bool
}

// textRuns cleans s and splits it into runs by the font that draws them: prim (the current
// font) or the fallback font.
func textRuns(s string, prim *fontCover) []textRun {
	var out []textRun
	var b strings.Builder
	inFallback, lastRepl := false, false
	for _, r := range s { // invalid UTF-8 arrives here as U+FFFD
		if dropped(r) {
			continue
		}
		if spaceLike(r) {
			r = ' '
		}
		fb, repl := false, r == replacement
		if repl && lastRepl {
			continue
		}
		switch {
		case prim.has(r):
		case coverFallback.has(r):
			fb = true
		default:
			if lastRepl {
				continue
			}
			r, repl = replacement, true
			if !prim.has(r) {
				r = '?'
			}
		}
		lastRepl = repl
		if fb != inFallback && b.Len() > 0 {
			out = append(out, textRun{s: b.String(), fallback: inFallback})
			b.Reset()
		}
		inFallback = fb
		b.WriteRune(r)
	}
	if b.Len() > 0 {
		out = append(out, textRun{s: b.String(), fallback: inFallback})
	}
	return out
}

// plainText is s cleaned for places that take a single font and no layout, such as the PDF's
// title and author: controls removed, line breaks as spaces, runes above U+FFFF replaced, valid
// UTF-8 guaranteed.
func plainText(s string) string {
	var b strings.Builder
	lastRepl := false
	for _, r := range s {
		if dropped(r) {
			continue
		}
		if spaceLike(r) {
			r = ' '
		}
		if r > 0xFFFF || r == utf8.RuneError {
			if lastRepl {
				continue
			}
			r = replacement
		}
		lastRepl = r == replacement
		b.WriteRune(r)
	}
	return b.String()
}

// SetFont sets the font and remembers it, so that text can fall back to another font and back.
func (d *doc) SetFont(family, style string, size float64) {
	d.family, d.style = strings.ToLower(family), strings.ToUpper(style)
	if size > 0 {
		d.size = size
	}
	d.Fpdf.SetFont(family, style, size)
}

// useFallback switches to the fallback font at the current size, loading it on first use.
func (d *doc) useFallback() {
	if !d.fallbackLoaded {
		d.Fpdf.AddUTF8FontFromBytes(fallbackFamily, "", assets.FontFallback)
		d.fallbackLoaded = true
	}
	d.Fpdf.SetFont(fallbackFamily, "", d.size)
}

// restoreFont goes back to the font set by SetFont.
func (d *doc) restoreFont() { d.Fpdf.SetFont(d.family, d.style, d.size) }

// Text draws s (sanitised, mixing fonts as needed) with its left edge at x and baseline at y.
func (d *doc) Text(x, y float64, s string) {
	for _, r := range textRuns(s, coverOf(d.family, d.style)) {
		if r.fallback {
			d.useFallback()
			d.Fpdf.Text(x, y, r.s)
			x += d.Fpdf.GetStringWidth(r.s)
			d.restoreFont()
			continue
		}
		d.Fpdf.Text(x, y, r.s)
		x += d.Fpdf.GetStringWidth(r.s)
	}
}

// GetStringWidth is the width of s as Text draws it.
func (d *doc) GetStringWidth(s string) float64 {
	w := 0.0
	for _, r := range textRuns(s, coverOf(d.family, d.style)) {
		if r.fallback {
			d.useFallback()
			w += d.Fpdf.GetStringWidth(r.s)
			d.restoreFont()
			continue
		}
		w += d.Fpdf.GetStringWidth(r.s)
	}
	return w
}

// SplitText breaks s into lines at most w wide as Text draws them: at spaces, and inside a word
// that is wider than a line by itself.
func (d *doc) SplitText(s string, w float64) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(plainText(s)) {
		for word != "" && d.GetStringWidth(word) > w {
			if line != "" {
				lines = append(lines, line)
				line = ""
			}
			n := fitRunes(d, []rune(word), w, "")
			lines = append(lines, string([]rune(word)[:n]))
			word = string([]rune(word)[n:])
		}
		if word == "" {
			continue
		}
		try := word
		if line != "" {
			try = line + " " + word
		}
		if line == "" || d.GetStringWidth(try) <= w {
			line = try
			continue
		}
		lines = append(lines, line)
		line = word
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// fitRunes is the largest n ≥ 1 such that string(r[:n])+suffix is at most w wide (1 when
// even one rune is wider).
func fitRunes(d *doc, r []rune, w float64, suffix string) int {
	lo, hi := 1, len(r) // invariant: the answer is in [lo, hi]
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if d.GetStringWidth(string(r[:mid])+suffix) <= w {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo
}

// SetTitle sets the PDF's title, sanitised.
func (d *doc) SetTitle(s string, isUTF8 bool) { d.Fpdf.SetTitle(plainText(s), isUTF8) }

// SetAuthor sets the PDF's author, sanitised.
func (d *doc) SetAuthor(s string, isUTF8 bool) { d.Fpdf.SetAuthor(plainText(s), isUTF8) }

// SetSubject sets the PDF's subject, sanitised.
func (d *doc) SetSubject(s string, isUTF8 bool) { d.Fpdf.SetSubject(plainText(s), isUTF8) }
