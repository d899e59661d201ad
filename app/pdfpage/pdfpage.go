// Package pdfpage reads the first page of a PDF that Duebook wrote (gofpdf output: text in
// the embedded DejaVu fonts, filled and stroked rectangles, lines, images) into a list of
// positioned marks, so the window can draw a preview of the page without a PDF renderer.
//
// Why not render the PDF: the users' machines have no pdftoppm, and the pure-Go PDF
// rasterizers available are either cgo (MuPDF) or ship a WebAssembly PDFium of several MB.
// Duebook only previews its own documents, whose page content is a small, regular subset of
// PDF (BT x y Td (UTF-16) Tj ET, re f/S, m l S, cm Do, g/rg/G/RG, w, q/Q), so reading that
// subset is enough for a faithful low-resolution preview. Anything else is skipped; a file
// that is not such a PDF gives an error, never a panic.
package pdfpage

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf16"
)

// Colour is an RGB colour, each channel 0..1.
type Colour struct{ R, G, B float64 }

// Text is one run of text; X, Y is its baseline start, in points from the page's top-left.
type Text struct {
	X, Y   float64
	Size   float64
	Bold   bool
	Italic bool
	Mono   bool
	Colour Colour
	S      string
}

// Rect is a rectangle, from its top-left corner, in points.
type Rect struct {
	X, Y, W, H float64
	Fill       *Colour // nil: not filled
	Stroke     *Colour // nil: no outline
	Width      float64 // outline width
}

// Line is a straight stroke.
type Line struct {
	X1, Y1, X2, Y2 float64
	Width          float64
	Colour         Colour
}

// Image is where a picture (the company logo) goes.
type Image struct{ X, Y, W, H float64 }

// Page is the first page: its size in points and what is drawn on it.
type Page struct {
	W, H   float64
	Texts  []Text
	Rects  []Rect
	Lines  []Line
	Images []Image
}

var (
	reObj      = regexp.MustCompile(`(?s)(\d+) 0 obj(.*?)endobj`)
	reKids     = regexp.MustCompile(`(?s)/Type\s*/Pages\b.*?/Kids\s*\[\s*(\d+) 0 R`)
	reMedia    = regexp.MustCompile(`/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]`)
	reContents = regexp.MustCompile(`/Contents\s+(\d+) 0 R`)
	reRes      = regexp.MustCompile(`/Resources\s+(\d+) 0 R`)
	reFontRef  = regexp.MustCompile(`/(F[0-9A-Za-z]+)\s+(\d+) 0 R`)
	reBase     = regexp.MustCompile(`/BaseFont\s*/([^\s/<>\[\]]+)`)
)

// ErrNotOurs says the file is not a PDF whose first page can be read.
var ErrNotOurs = errors.New("the document's first page cannot be read for a preview")

// FirstPage reads page one of pdf.
func FirstPage(pdf []byte) (p *Page, err error) {
	defer func() {
		if r := recover(); r != nil { // a malformed file must never take the window down
			p, err = nil, ErrNotOurs
		}
	}()
	objs := map[string][]byte{}
	for _, m := range reObj.FindAllSubmatch(pdf, -1) {
		objs[string(m[1])] = m[2]
	}
	var pageID string
	for _, o := range objs {
		if m := reKids.FindSubmatch(o); m != nil {
			pageID = string(m[1])
			if mb := reMedia.FindSubmatch(o); mb != nil && p == nil {
				p = &Page{}
				p.W, p.H = num(mb[3])-num(mb[1]), num(mb[4])-num(mb[2])
			}
			break
		}
	}
	page := objs[pageID]
	if page == nil {
		return nil, ErrNotOurs
	}
	if mb := reMedia.FindSubmatch(page); mb != nil {
		p = &Page{W: num(mb[3]) - num(mb[1]), H: num(mb[4]) - num(mb[2])}
	}
	if p == nil || p.W <= 0 || p.H <= 0 {
		return nil, ErrNotOurs
	}
	cm := reContents.FindSubmatch(page)
	if cm == nil {
		return nil, ErrNotOurs
	}
	content, err := streamOf(objs[string(cm[1])])
	if err != nil {
		return nil, err
	}
	fonts := map[string]string{} // resource name → base font name
	if rm := reRes.FindSubmatch(page); rm != nil {
		for _, f := range reFontRef.FindAllSubmatch(objs[string(rm[1])], -1) {
			if b := reBase.FindSubmatch(objs[string(f[2])]); b != nil {
				fonts[string(f[1])] = string(b[1])
			}
		}
	}
	run(p, content, fonts)
	return p, nil
}

func num(b []byte) float64 {
	f, _ := strconv.ParseFloat(string(b), 64)
	return f
}

// streamOf gives the (inflated) data of a stream object.
func streamOf(obj []byte) ([]byte, error) {
	i := bytes.Index(obj, []byte("stream"))
	j := bytes.LastIndex(obj, []byte("endstream"))
	if i < 0 || j < i {
		return nil, ErrNotOurs
	}
	dict, raw := obj[:i], obj[i+len("stream"):j]
	raw = bytes.TrimLeft(raw, "\r\n")
	if !bytes.Contains(dict, []byte("/FlateDecode")) {
		return raw, nil
	}
	r, err := zlib.NewReader(bytes.NewReader(raw))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotOurs, err)
	}
	out, err := io.ReadAll(io.LimitReader(r, 64<<20))
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
		return nil, fmt.Errorf("%w: %v", ErrNotOurs, err)
	}
	return out, nil
}

// state is the graphics state the preview follows.
type state struct {
	fill, stroke Colour
	width        float64
}

func run(p *Page, content []byte, fonts map[string]string) {
	var (
		stack     []float64 // numeric operands
		strs      []string  // string operands
		name      string    // last name operand
		st        = state{width: 1}
		saved     []state
		font      string
		size      float64
		tx, ty    float64
		path      [][2]float64
		rects     [][4]float64
		cmMatrix  [6]float64
		haveCM    bool
		toks      = tokens(content)
		pdfY      = func(y float64) float64 { return p.H - y }
		popNumber = func(n int) []float64 {
			if len(stack) < n {
				return nil
			}
			v := stack[len(stack)-n:]
			stack = stack[:len(stack)-n]
			return v
		}
	)
	paint := func(fill, stroke bool) {
		for _, r := range rects {
			x, y, w, h := r[0], r[1], r[2], r[3]
			if h < 0 {
				y, h = y+h, -h
			}
			if w < 0 {
				x, w = x+w, -w
			}
			out := Rect{X: x, Y: pdfY(y + h), W: w, H: h, Width: st.width}
			if fill {
				c := st.fill
				out.Fill = &c
			}
			if stroke {
				c := st.stroke
				out.Stroke = &c
			}
			p.Rects = append(p.Rects, out)
		}
		if stroke {
			for i := 1; i < len(path); i++ {
				a, b := path[i-1], path[i]
				if a[0] == -1e9 || b[0] == -1e9 {
					continue
				}
				p.Lines = append(p.Lines, Line{X1: a[0], Y1: pdfY(a[1]), X2: b[0], Y2: pdfY(b[1]), Width: st.width, Colour: st.stroke})
			}
		}
		rects, path = nil, nil
	}
	for _, t := range toks {
		switch t.kind {
		case tNum:
			stack = append(stack, t.num)
			continue
		case tStr:
			strs = append(strs, t.s)
			continue
		case tName:
			name = t.s
			continue
		}
		switch t.s {
		case "q":
			saved = append(saved, st)
		case "Q":
			if n := len(saved); n > 0 {
				st, saved = saved[n-1], saved[:n-1]
			}
		case "w":
			if v := popNumber(1); v != nil {
				st.width = v[0]
			}
		case "g":
			if v := popNumber(1); v != nil {
				st.fill = Colour{v[0], v[0], v[0]}
			}
		case "G":
			if v := popNumber(1); v != nil {
				st.stroke = Colour{v[0], v[0], v[0]}
			}
		case "rg":
			if v := popNumber(3); v != nil {
				st.fill = Colour{v[0], v[1], v[2]}
			}
		case "RG":
			if v := popNumber(3); v != nil {
				st.stroke = Colour{v[0], v[1], v[2]}
			}
		case "Tf":
			if v := popNumber(1); v != nil {
				font, size = fonts[name], v[0]
			}
		case "BT":
			tx, ty = 0, 0
		case "Td":
			if v := popNumber(2); v != nil {
				tx, ty = tx+v[0], ty+v[1]
			}
		case "Tj":
			for _, s := range strs {
				p.Texts = append(p.Texts, Text{X: tx, Y: pdfY(ty), Size: size, Colour: st.fill, S: decode(s, strings.HasPrefix(font, "utf8")),
					Bold: hasSuffix(font, "B"), Italic: hasSuffix(font, "I"), Mono: font == "utf8mono"})
			}
		case "re":
			if v := popNumber(4); v != nil {
				rects = append(rects, [4]float64{v[0], v[1], v[2], v[3]})
			}
		case "m":
			if v := popNumber(2); v != nil {
				path = append(path, [2]float64{-1e9, 0}, [2]float64{v[0], v[1]})
			}
		case "l":
			if v := popNumber(2); v != nil {
				path = append(path, [2]float64{v[0], v[1]})
			}
		case "f", "f*", "F":
			paint(true, false)
		case "S":
			paint(false, true)
		case "B", "B*", "b", "b*":
			paint(true, true)
		case "n":
			rects, path = nil, nil
		case "cm":
			if v := popNumber(6); v != nil {
				copy(cmMatrix[:], v)
				haveCM = true
			}
		case "Do":
			if haveCM {
				w, h := cmMatrix[0], cmMatrix[3]
				p.Images = append(p.Images, Image{X: cmMatrix[4], Y: pdfY(cmMatrix[5] + h), W: w, H: h})
				haveCM = false
			}
		}
		stack, strs = stack[:0], strs[:0]
	}
}

func hasSuffix(font, s string) bool {
	return len(font) > len("utf8dejavu") && font[len(font)-1:] == s
}

type tokKind int

const (
	tOp tokKind = iota
	tNum
	tStr
	tName
)

type token struct {
	kind tokKind
	num  float64
	s    string
}

// tokens splits a content stream into operands and operators (strings keep their raw bytes).
func tokens(b []byte) []token {
	var out []token
	i := 0
	for i < len(b) {
		c := b[i]
		switch {
		case c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0:
			i++
		case c == '%':
			for i < len(b) && b[i] != '\n' && b[i] != '\r' {
				i++
			}
		case c == '(':
			s, n := literal(b[i:])
			out = append(out, token{kind: tStr, s: s})
			i += n
		case c == '/':
			j := i + 1
			for j < len(b) && !delim(b[j]) {
				j++
			}
			out = append(out, token{kind: tName, s: string(b[i+1 : j])})
			i = j
		case c == '[' || c == ']' || c == '<' || c == '>' || c == '{' || c == '}' || c == ')':
			i++ // arrays, dictionaries and hex strings are not used by the operators we read
		default:
			j := i
			for j < len(b) && !delim(b[j]) {
				j++
			}
			if j == i {
				j = i + 1
			}
			w := string(b[i:j])
			if f, err := strconv.ParseFloat(w, 64); err == nil {
				out = append(out, token{kind: tNum, num: f})
			} else {
				out = append(out, token{kind: tOp, s: w})
			}
			i = j
		}
	}
	return out
}

func delim(c byte) bool {
	switch c {
	case ' ', '\n', '\r', '\t', '\f', 0, '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

// literal reads a (string) at the start of b; it returns the text and the bytes used.
func literal(b []byte) (string, int) {
	var raw []byte
	depth := 0
	i := 0
	for ; i < len(b); i++ {
		c := b[i]
		switch {
		case c == '\\' && i+1 < len(b):
			i++
			switch e := b[i]; e {
			case 'n':
				raw = append(raw, '\n')
			case 'r':
				raw = append(raw, '\r')
			case 't':
				raw = append(raw, '\t')
			case 'b':
				raw = append(raw, '\b')
			case 'f':
				raw = append(raw, '\f')
			case '\r', '\n':
			default:
				if e >= '0' && e <= '7' {
					v, k := 0, 0
					for k < 3 && i+k < len(b) && b[i+k] >= '0' && b[i+k] <= '7' {
						v = v*8 + int(b[i+k]-'0')
						k++
					}
					raw = append(raw, byte(v))
					i += k - 1
				} else {
					raw = append(raw, e)
				}
			}
		case c == '(':
			depth++
			if depth > 1 {
				raw = append(raw, c)
			}
		case c == ')':
			depth--
			if depth == 0 {
				return string(raw), i + 1
			}
			raw = append(raw, c)
		default:
			raw = append(raw, c)
		}
	}
	return string(raw), i
}

// decode reads the bytes of a string operand: UTF-16BE in gofpdf's UTF-8 fonts, else Latin-1.
func decode(s string, utf16BE bool) string {
	raw := []byte(s)
	if utf16BE && len(raw)%2 == 0 {
		u := make([]uint16, len(raw)/2)
		for i := range u {
			u[i] = uint16(raw[2*i])<<8 | uint16(raw[2*i+1])
		}
		if len(u) > 0 && u[0] == 0xFEFF {
			u = u[1:]
		}
		return string(utf16.Decode(u))
	}
	r := make([]rune, len(raw))
	for i, c := range raw {
		r[i] = rune(c)
	}
	return string(r)
}
