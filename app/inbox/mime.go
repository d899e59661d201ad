package inbox

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/emersion/go-message"
	_ "github.com/emersion/go-message/charset" // ISO-8859-x, Windows-125x, ... for bodies and headers
	"golang.org/x/text/encoding/charmap"
)

// Default limits on one message. A payment notice is a few kilobytes; these bound the work
// (time and memory) that a hostile or broken message can cause.
const (
	DefaultMaxSize  = 2 << 20   // raw message bytes; larger messages are refused (ErrTooLarge)
	DefaultMaxDepth = 10        // MIME nesting; deeper parts are skipped (Truncated)
	DefaultMaxParts = 100       // MIME entities; further parts are skipped (Truncated)
	DefaultMaxText  = 256 << 10 // decoded text kept from one text part
	// DefaultMaxHeaderFields bounds the header fields of the whole message (top header and
	// part headers together). Each parsed field costs a few hundred bytes, so a message of
	// nothing but short header lines would otherwise cost ~60x its size.
	DefaultMaxHeaderFields = 5000
	// maxTopHeaderBytes bounds the top header block.
	maxTopHeaderBytes = 512 << 10
)

// Limits bound the work done on one message. Zero fields take the defaults.
type Limits struct {
	MaxSize  int
	MaxDepth int
	MaxParts int
	MaxText  int
	// MaxHeaderFields bounds header fields over all header blocks: over it in the top header
	// the message is refused (ErrTooLarge); in a part header the message is read up to that part.
	MaxHeaderFields int
}

func (l Limits) withDefaults() Limits {
	if l.MaxSize <= 0 {
		l.MaxSize = DefaultMaxSize
	}
	if l.MaxDepth <= 0 {
		l.MaxDepth = DefaultMaxDepth
	}
	if l.MaxParts <= 0 {
		l.MaxParts = DefaultMaxParts
	}
	if l.MaxText <= 0 {
		l.MaxText = DefaultMaxText
	}
	if l.MaxHeaderFields <= 0 {
		l.MaxHeaderFields = DefaultMaxHeaderFields
	}
	return l
}

// ErrTooLarge is returned (wrapped) for a message over Limits.MaxSize.
var ErrTooLarge = errors.New("message too large")

// ErrNotMail is returned (wrapped) when the header block cannot be read at all.
var ErrNotMail = errors.New("not a mail message")

// content is what the MIME walk found.
type content struct {
	header    message.Header
	plain     string // first inline text/plain part, UTF-8, lines trimmed
	html      string // first inline text/html part converted to text
	parts     int
	truncated []string // why parts were skipped
}

// text gives the body text to read: the plain part, or the HTML part when there is no
// plain part or the plain part is only a stub ("view this message in a browser").
func (c *content) text() (string, string) {
	if c.plain != "" && (c.html == "" || len(strings.TrimSpace(c.plain)) >= 60) {
		return c.plain, "text/plain"
	}
	if c.html != "" {
		return c.html, "text/html"
	}
	return c.plain, "text/plain"
}

func readContent(raw []byte, lim Limits) (*content, error) {
	if len(raw) > lim.MaxSize {
		return nil, fmt.Errorf("%w: %d bytes, the limit is %d", ErrTooLarge, len(raw), lim.MaxSize)
	}
	var cutWhy string
	if cut, top := scanHeaderFields(raw, lim.MaxHeaderFields); cut >= 0 {
		if top {
			return nil, fmt.Errorf("%w: the header has more than %d fields", ErrTooLarge, lim.MaxHeaderFields)
		}
		raw = raw[:cut]
		cutWhy = fmt.Sprintf("more than %d header fields", lim.MaxHeaderFields)
	}
	e, err := message.ReadWithOptions(bytes.NewReader(raw), &message.ReadOptions{MaxHeaderBytes: maxTopHeaderBytes})
	if e == nil {
		if err == nil {
			err = errors.New("empty")
		}
		if strings.Contains(err.Error(), "header exceeds maximum size") {
			return nil, fmt.Errorf("%w: the header is over %d bytes", ErrTooLarge, maxTopHeaderBytes)
		}
		// go-message's text quotes the offending line, which for a zip or a PDF is binary
		return nil, fmt.Errorf("%w: its first lines are not mail headers (such as From: or Subject:)", ErrNotMail)
	}
	c := &content{header: e.Header}
	w := walker{c: c, lim: lim}
	if cutWhy != "" {
		w.truncate(cutWhy)
	}
	w.walk(e, 0, true)
	return c, nil
}

// scanHeaderFields counts header fields in the top header block and in every block that
// follows a line starting with "--" (a MIME boundary; sometimes plain text, which only
// overcounts). When the count passes max it returns the offset to cut the message at (the
// start of that block's boundary line) and whether it was the top header; else -1.
func scanHeaderFields(raw []byte, max int) (cut int, top bool) {
	inHeader, isTop := true, true
	blockStart := 0
	count := 0
	for pos := 0; pos < len(raw); {
		end := bytes.IndexByte(raw[pos:], '\n')
		if end < 0 {
			end = len(raw)
		} else {
			end += pos
		}
		line := bytes.TrimSuffix(raw[pos:end], []byte("\r"))
		switch {
		case inHeader && len(line) == 0:
			inHeader, isTop = false, false
		case inHeader:
			if line[0] != ' ' && line[0] != '\t' {
				count++
				if count > max {
					return blockStart, isTop
				}
			}
		case bytes.HasPrefix(line, []byte("--")):
			inHeader = true
			blockStart = pos
		}
		pos = end + 1
	}
	return -1, false
}

type walker struct {
	c    *content
	lim  Limits
	stop bool
}

func (w *walker) truncate(why string) {
	for _, t := range w.c.truncated {
		if t == why {
			return
		}
	}
	w.c.truncated = append(w.c.truncated, why)
}

func (w *walker) walk(e *message.Entity, depth int, top bool) {
	if w.c.parts >= w.lim.MaxParts {
		w.truncate(fmt.Sprintf("more than %d MIME parts", w.lim.MaxParts))
		w.stop = true
		return
	}
	w.c.parts++
	if depth > w.lim.MaxDepth {
		w.truncate(fmt.Sprintf("MIME nesting deeper than %d", w.lim.MaxDepth))
		return
	}
	if mr := e.MultipartReader(); mr != nil {
		for !w.stop {
			p, err := mr.NextPart()
			if err == io.EOF {
				return
			}
			if err != nil && !message.IsUnknownCharset(err) && !message.IsUnknownEncoding(err) {
				w.truncate("broken MIME structure: " + oneLine(err.Error()))
				return
			}
			if p == nil {
				return
			}
			w.walk(p, depth+1, false)
		}
		return
	}
	mt, _, _ := e.Header.ContentType()
	if mt == "" && top {
		mt = "text/plain"
	}
	disp, _, _ := e.Header.ContentDisposition()
	if disp == "attachment" {
		return
	}
	switch mt {
	case "text/plain":
		if w.c.plain == "" {
			w.c.plain = normalizeText(w.readText(e))
		}
	case "text/html":
		if w.c.html == "" {
			w.c.html = HTMLToText(w.readText(e), w.lim.MaxText)
		}
	}
}

// readText reads at most MaxText bytes of a decoded text part, as valid UTF-8. A part with
// no (or a wrong) charset that is not UTF-8 is read as Windows-1252, the usual culprit.
func (w *walker) readText(e *message.Entity) []byte {
	b, err := io.ReadAll(io.LimitReader(e.Body, int64(w.lim.MaxText)))
	if err != nil {
		w.truncate("body unreadable: " + oneLine(err.Error()))
	}
	if !utf8.Valid(b) {
		if d, err := charmap.Windows1252.NewDecoder().Bytes(b); err == nil {
			b = d
		} else {
			b = bytes.ToValidUTF8(b, []byte("\uFFFD"))
		}
	}
	return b
}

// normalizeText gives plain text with LF line ends, each line's white space folded and
// trimmed, and runs of empty lines reduced to one.
func normalizeText(b []byte) string {
	s := strings.ReplaceAll(string(b), "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = foldSpace(l)
	}
	return finishText(strings.Join(lines, "\n"))
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
