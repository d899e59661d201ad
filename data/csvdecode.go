package data

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// Encodings an import reads, decided for the whole file and named in the import report.
const (
	EncUTF8       = "UTF-8"
	EncUTF8BOM    = "UTF-8 (with byte-order mark)"
	EncUTF16LE    = "UTF-16 LE (with byte-order mark)"
	EncUTF16BE    = "UTF-16 BE (with byte-order mark)"
	EncUTF16LEraw = "UTF-16 LE (no byte-order mark)"
	EncUTF16BEraw = "UTF-16 BE (no byte-order mark)"
	EncCP1252     = "Windows-1252"
)

// decodeFile decides the encoding of the whole file and decodes it: UTF-8 with or without a
// byte-order mark, UTF-16 LE or BE with or without one, and Windows-1252 only when the file
// is not UTF-8 and reads as Windows-1252 text (no byte undefined there, no NUL, and no valid
// UTF-8 sequence beside invalid bytes, which is a damaged UTF-8 file). Anything else is
// refused with the row of the first bad byte.
func decodeFile(b []byte) (text, enc string, err error) {
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		b, enc = b[3:], EncUTF8BOM
		if i := firstInvalidUTF8(b); i >= 0 {
			return "", "", badByteErr(string(b[:i]), "is not valid UTF-8, although the file starts with UTF-8's byte-order mark")
		}
		return string(b), enc, nil
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		return decodeUTF16(b[2:], true, EncUTF16LE)
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		return decodeUTF16(b[2:], false, EncUTF16BE)
	}
	if le, ok := looksUTF16(b); ok {
		if le {
			return decodeUTF16(b, true, EncUTF16LEraw)
		}
		return decodeUTF16(b, false, EncUTF16BEraw)
	}
	bad := firstInvalidUTF8(b)
	if bad < 0 {
		return string(b), EncUTF8, nil
	}
	if hasUTF8Sequence(b) {
		return "", "", badByteErr(string(b[:bad]), "is not valid UTF-8, and the rest of the file is UTF-8 (a damaged file?); save it again as UTF-8")
	}
	for i, c := range b {
		switch {
		case c == 0:
			return "", "", badByteErr(decodeCP1252(b[:i]), "holds a NUL byte: the file is not text in UTF-8, UTF-16 or Windows-1252")
		case c >= 0x80 && c < 0xA0 && cp1252[c-0x80] == 0:
			return "", "", badByteErr(decodeCP1252(b[:i]), fmt.Sprintf("holds the byte 0x%02X, which is neither UTF-8 nor Windows-1252; save the file as UTF-8", c))
		}
	}
	return decodeCP1252(b), EncCP1252, nil
}

func decodeCP1252(b []byte) string {
	var sb strings.Builder
	for _, c := range b {
		if c >= 0x80 && c < 0xA0 && cp1252[c-0x80] != 0 {
			sb.WriteRune(cp1252[c-0x80])
		} else {
			sb.WriteRune(rune(c))
		}
	}
	return sb.String()
}

// cp1252 maps 0x80..0x9F; 0 marks the five bytes Windows-1252 leaves undefined.
var cp1252 = [32]rune{'€', 0, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0, 'Ž', 0,
	0, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0, 'ž', 'Ÿ'}

func firstInvalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return -1
}

// hasUTF8Sequence tells whether b holds at least one valid multi-byte UTF-8 sequence.
func hasUTF8Sequence(b []byte) bool {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if n > 1 && r != utf8.RuneError {
			return true
		}
		i += n
	}
	return false
}

// looksUTF16 recognises UTF-16 without a byte-order mark by its zero bytes: a CSV file is
// mostly ASCII, so in UTF-16 nearly every other byte is zero.
func looksUTF16(b []byte) (le, ok bool) {
	n := min(len(b), 4096) &^ 1
	if n < 4 {
		return false, false
	}
	var even, odd int
	for i := 0; i < n; i += 2 {
		if b[i] == 0 {
			even++
		}
		if b[i+1] == 0 {
			odd++
		}
	}
	units := n / 2
	switch {
	case odd*10 >= units*3 && even*20 <= units:
		return true, true
	case even*10 >= units*3 && odd*20 <= units:
		return false, true
	}
	return false, false
}

func decodeUTF16(b []byte, le bool, enc string) (string, string, error) {
	u := make([]uint16, len(b)/2)
	for i := range u {
		if le {
			u[i] = uint16(b[2*i]) | uint16(b[2*i+1])<<8
		} else {
			u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		}
	}
	var sb strings.Builder
	for i := 0; i < len(u); i++ {
		c := u[i]
		switch {
		case c >= 0xD800 && c < 0xDC00 && i+1 < len(u) && u[i+1] >= 0xDC00 && u[i+1] < 0xE000:
			sb.WriteRune(utf16.DecodeRune(rune(c), rune(u[i+1])))
			i++
		case c >= 0xD800 && c < 0xE000:
			return "", "", badByteErr(sb.String(), "holds a broken UTF-16 character (an unpaired surrogate)")
		default:
			sb.WriteRune(rune(c))
		}
	}
	if len(b)%2 == 1 {
		return "", "", badByteErr(sb.String(), "ends in half a UTF-16 character: the file is cut short")
	}
	return sb.String(), enc, nil
}

// badByteErr names the spreadsheet row where the text before a bad byte ends.
func badByteErr(before, why string) error {
	return fieldErr("file", fmt.Sprintf("row %d %s", rowAt(before), why))
}

// rowAt is the spreadsheet row (1 = the header) at the end of text: line breaks inside
// quoted cells do not count, a lone carriage return ends a row like a line feed.
func rowAt(text string) int {
	row, inQ := 1, false
	for i := 0; i < len(text); i++ {
		switch c := text[i]; {
		case c == '"':
			inQ = !inQ
		case inQ:
		case c == '\n':
			row++
		case c == '\r' && (i+1 >= len(text) || text[i+1] != '\n'):
			row++
		}
	}
	return row
}
