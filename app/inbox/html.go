package inbox

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
)

// blockTags end a line of text when they open or close, so table cells and paragraphs of
// an HTML mail come out one per line ("Amount" / "$25.00").
var blockTags = map[string]bool{
	"br": true, "p": true, "div": true, "tr": true, "td": true, "th": true, "li": true,
	"ul": true, "ol": true, "table": true, "tbody": true, "thead": true, "tfoot": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "hr": true,
	"blockquote": true, "section": true, "article": true, "header": true, "footer": true,
	"center": true, "dt": true, "dd": true, "dl": true, "pre": true, "address": true,
	"caption": true, "form": true, "main": true, "nav": true, "aside": true,
}

// skipTags hide their content (scripts, styles, the head).
var skipTags = map[string]bool{
	"script": true, "style": true, "head": true, "title": true, "noscript": true,
	"template": true, "svg": true, "object": true, "iframe": true,
}

// HTMLToText turns an HTML mail body into plain text: tags are dropped, entities decoded,
// block elements (<br>, <p>, <div>, <tr>, <td>, ...) end a line, runs of white space inside a
// line fold to one space. At most max bytes of text are produced (max <= 0: no limit).
func HTMLToText(src []byte, max int) string {
	z := html.NewTokenizer(bytes.NewReader(src))
	z.SetMaxBuf(len(src) + 1024)
	var b strings.Builder
	skip := 0 // depth inside skipTags
	lineHasText := false
	// A block tag ends the current line; <br> always ends one (two make an empty line).
	newline := func(br bool) {
		if lineHasText {
			b.WriteByte('\n')
			lineHasText = false
		} else if br && b.Len() > 0 && !strings.HasSuffix(b.String(), "\n\n") {
			b.WriteByte('\n')
		}
	}
	for {
		if max > 0 && b.Len() >= max {
			break
		}
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			// io.EOF, or a truncated/oversized token: keep what we have
			return finishText(b.String())
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			tag := string(name)
			if skipTags[tag] {
				if tt == html.StartTagToken {
					skip++
				} else if tt == html.EndTagToken && skip > 0 {
					skip--
				}
				continue
			}
			if skip > 0 {
				continue
			}
			if blockTags[tag] {
				newline(tag == "br")
			}
		case html.TextToken:
			if skip > 0 {
				continue
			}
			t := foldSpace(string(z.Text()))
			if t == "" || t == " " {
				if lineHasText && t == " " {
					b.WriteByte(' ')
				}
				continue
			}
			if !lineHasText {
				t = strings.TrimLeft(t, " ")
			}
			b.WriteString(t)
			lineHasText = true
		}
	}
	return finishText(b.String())
}

// foldSpace folds every run of white space (including no-break and thin spaces) to one space.
func foldSpace(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if isSpaceRune(r) {
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

func isSpaceRune(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\f', '\v', '\u00a0', '\u202f', '\u2007', '\u2009', '\u200a', '\u3000':
		return true
	}
	return false
}

// finishText trims every line and drops repeated empty lines.
func finishText(s string) string {
	lines := strings.Split(s, "\n")
	out := lines[:0]
	blank := true
	for _, l := range lines {
		l = strings.TrimSpace(l)
		if l == "" {
			if blank {
				continue
			}
			blank = true
			out = append(out, "")
			continue
		}
		blank = false
		out = append(out, l)
	}
	return strings.TrimSpace(strings.Join(out, "\n"))
}
