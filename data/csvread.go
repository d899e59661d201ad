package data

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// csvRow is one data row with its spreadsheet row number.
type csvRow struct {
	row   int
	cells []string
}

// readCSV decodes the file (UTF-8 with or without BOM, UTF-16 with BOM, else Windows-1252),
// guesses the separator and returns the header and the non-blank rows.
func readCSV(r io.Reader, comma rune) ([]string, []csvRow, error) {
	raw, err := io.ReadAll(r)
	if err != nil {
		return nil, nil, err
	}
	text := decodeText(raw)
	if strings.TrimSpace(text) == "" {
		return nil, nil, fieldErr("file", "is empty")
	}
	if comma == 0 {
		comma = guessComma(text)
	}
	cr := csv.NewReader(strings.NewReader(text))
	cr.Comma = comma
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = false
	var header []string
	var rows []csvRow
	embedded := 0 // newlines inside quoted cells of earlier records
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, nil, fieldErr("file", fmt.Sprintf("row %d: %v", pe.StartLine-embedded, pe.Err))
			}
			return nil, nil, err
		}
		line, _ := cr.FieldPos(0)
		row := line - embedded
		for i := range rec {
			embedded += strings.Count(rec[i], "\n")
			rec[i] = undefuse(strings.TrimSpace(rec[i]))
		}
		if header == nil {
			header = rec
			continue
		}
		blank := true
		for _, c := range rec {
			if c != "" {
				blank = false
				break
			}
		}
		if !blank {
			rows = append(rows, csvRow{row, rec})
		}
	}
	if header == nil {
		return nil, nil, fieldErr("file", "has no header row")
	}
	return header, rows, nil
}

func decodeText(b []byte) string {
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		return string(b[3:])
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}), bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		le := b[0] == 0xFF
		b = b[2:]
		u := make([]uint16, len(b)/2)
		for i := range u {
			if le {
				u[i] = uint16(b[2*i]) | uint16(b[2*i+1])<<8
			} else {
				u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
			}
		}
		return string(utf16.Decode(u))
	case utf8.Valid(b):
		return string(b)
	}
	// Windows-1252 (what older spreadsheets save as "CSV").
	var sb strings.Builder
	for _, c := range b {
		if c >= 0x80 && c < 0xA0 {
			sb.WriteRune(cp1252[c-0x80])
		} else {
			sb.WriteRune(rune(c))
		}
	}
	return sb.String()
}

var cp1252 = [32]rune{'€', '\uFFFD', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\uFFFD', 'Ž', '\uFFFD',
	'\uFFFD', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\uFFFD', 'ž', 'Ÿ'}

// guessComma picks the separator used most in the header line (outside quotes).
func guessComma(text string) rune {
	line := text
	if i := strings.IndexAny(text, "\r\n"); i >= 0 {
		line = text[:i]
	}
	counts := map[rune]int{}
	inQ := false
	for _, r := range line {
		switch {
		case r == '"':
			inQ = !inQ
		case !inQ && (r == ',' || r == ';' || r == '\t'):
			counts[r]++
		}
	}
	best := ','
	for _, r := range []rune{';', '\t'} {
		if counts[r] > counts[best] {
			best = r
		}
	}
	return best
}
