package data

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Text that people type or import: a leading byte-order mark or zero-width no-break space
// (U+FEFF, left over from a spreadsheet's encoding) is removed with the surrounding spaces,
// and names are kept in Unicode normal form C, so the same name always has the same
// letters. Control characters (NUL, ESC, the other C0 and C1 controls, DEL) are refused with
// the field: they are never part of a name or a note, and an ESC would reach terminals.

// cleanText trims spaces and any U+FEFF at the start of s.
func cleanText(s string) string {
	for {
		t := strings.TrimLeftFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '\uFEFF' })
		t = strings.TrimRightFunc(t, unicode.IsSpace)
		if t == s {
			return s
		}
		s = t
	}
}

// cleanName is cleanText in normal form C.
func cleanName(s string) string { return norm.NFC.String(cleanText(s)) }

// NameKey is how two customer names are compared for duplicates: cleaned, normal form C,
// invisible formatting characters (zero-width spaces and joiners, direction marks, soft
// hyphens: Unicode category Cf) left out, runs of spaces as one, case folded. "Ac\u200bme"
// looks like "Acme" everywhere, so it is the same name.
func NameKey(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Cf, r) {
			return -1
		}
		return r
	}, cleanName(s))
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// isBidiControl: the embeddings, overrides and isolates (U+202A..U+202E, U+2066..U+2069)
// that make text show in another order than it is written ("\u202eemcA" shows as "Acme").
func isBidiControl(r rune) bool {
	return (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069)
}

// IsControl reports whether r is a character that text never holds: a C0 control, DEL, a
// C1 control, or a bidi embedding, override or isolate. Names and notes are refused with
// it (checkText), the mail account's fields too, and a reminder's texts are cleaned of it.
func IsControl(r rune) bool {
	return r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || isBidiControl(r)
}

// controlChar finds the first control character of s that text may not hold: every C0
// control, DEL, the C1 controls and the bidi embeddings, overrides and isolates; multiline
// text may hold tabs and line breaks.
func controlChar(s string, multiline bool) (rune, int, bool) {
	pos := 0
	for _, r := range s {
		pos++
		if multiline && (r == '\n' || r == '\r' || r == '\t') {
			continue
		}
		if IsControl(r) {
			return r, pos, true
		}
	}
	return 0, 0, false
}

var controlNames = map[rune]string{0: "a NUL", '\t': "a tab", '\n': "a line break", '\r': "a carriage return", 0x1b: "an ESC",
	0x7f: "a DEL", 0x08: "a backspace", 0x07: "a bell"}

// MaxLineText and MaxNoteText are the most characters one text field holds: a name, a
// reference (one line), a note, a reason, a description (several lines). More is a paste
// gone wrong or an attack, and would be carried into every document and list.
const (
	MaxLineText = 1000
	MaxNoteText = 20000
)

// lengthError refuses a text longer than its field holds.
func lengthError(field, s string, multiline bool) *FieldError {
	limit := MaxLineText
	if multiline {
		limit = MaxNoteText
	}
	if len(s) <= limit { // bytes ≥ characters: most texts are decided here
		return nil
	}
	if n := utf8.RuneCountInString(s); n > limit {
		return fieldErr(field, fmt.Sprintf("is longer than %d characters (it has %d)", limit, n))
	}
	return nil
}

// checkText refuses control characters in a text field, and a text that is too long.
func checkText(v *ValidationErrors, field, s string, multiline bool) {
	if e := TextError(field, s, multiline); e != nil {
		*v = append(*v, e)
	}
}

// TextError refuses a control character (IsControl) in the text s of field, naming the
// character and where it stands; multiline text may hold tabs and line breaks. It is nil
// when s is fine.
func TextError(field, s string, multiline bool) *FieldError {
	r, pos, bad := controlChar(s, multiline)
	if !bad {
		return lengthError(field, s, multiline)
	}
	name := controlNames[r]
	if isBidiControl(r) {
		name = "a direction override"
	}
	if name == "" {
		name = "a control character"
	}
	return fieldErr(field, fmt.Sprintf("contains %s (U+%04X) at character %d; remove it", name, r, pos))
}
