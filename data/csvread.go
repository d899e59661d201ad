package data

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
)

// csvRow is one data row with its spreadsheet row number.
type csvRow struct {
	row   int
	cells []string
}

// csvFile is a spreadsheet file read for an import.
type csvFile struct {
	header   []string
	rows     []csvRow
	encoding string // one of the Enc constants
	comma    rune
}

// separatorNames say a separator in words.
var separatorNames = map[rune]string{',': "commas", ';': "semicolons", '\t': "tabs", '|': "vertical bars"}

// SeparatorName says a separator in words ("commas", "semicolons", "tabs").
func SeparatorName(r rune) string {
	if n, ok := separatorNames[r]; ok {
		return n
	}
	return fmt.Sprintf("%q", r)
}

// MaxImportBytes bounds a spreadsheet read for import: it is read whole, and /dev/zero or
// a runaway export would otherwise take all memory.
const MaxImportBytes = 256 << 20

// readCSV decodes the file (see decodeFile), reads lines ended by LF, CR LF or a lone CR
// (old Mac spreadsheets), takes the separator from the header (or comma when given) and
// returns the header and the non-blank rows. A row that does not split like the header (a
// separator other than the header's, or more cells than headers) refuses the file, naming
// the row: reading it any other way would put a whole row into one field.
func readCSV(r io.Reader, comma rune) (*csvFile, error) {
	raw, err := io.ReadAll(io.LimitReader(r, MaxImportBytes+1))
	if err != nil {
		return nil, err
	}
	if len(raw) > MaxImportBytes {
		return nil, fieldErr("file", fmt.Sprintf("is larger than %d MB, the most Duebook imports at once; split it", MaxImportBytes>>20))
	}
	text, enc, err := decodeFile(raw)
	if err != nil {
		return nil, err
	}
	if strings.TrimSpace(strings.TrimLeft(text, "\uFEFF")) == "" {
		return nil, fieldErr("file", "is empty")
	}
	text = loneCRToLF(text)
	if comma == 0 {
		comma = guessComma(text)
	}
	cr := csv.NewReader(strings.NewReader(text))
	cr.Comma = comma
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = false
	f := &csvFile{encoding: enc, comma: comma}
	embedded := 0 // newlines inside quoted cells of earlier records
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, fieldErr("file", fmt.Sprintf("row %d, column %d: %s", pe.StartLine-embedded, pe.Column, csvErrText(pe.Err)))
			}
			return nil, err
		}
		line, _ := cr.FieldPos(0)
		row := line - embedded
		for i := range rec {
			embedded += strings.Count(rec[i], "\n")
			rec[i] = undefuse(cleanText(rec[i]))
		}
		if f.header == nil {
			f.header = rec
			continue
		}
		blank := true
		for _, c := range rec {
			if c != "" {
				blank = false
				break
			}
		}
		if blank {
			continue
		}
		if err := f.checkSplit(row, rec); err != nil {
			return nil, err
		}
		f.rows = append(f.rows, csvRow{row, rec})
	}
	if f.header == nil {
		return nil, fieldErr("file", "has no header row")
	}
	return f, nil
}

// checkSplit refuses a row that is not separated like the header.
func (f *csvFile) checkSplit(row int, rec []string) error {
	h := len(f.header)
	if len(rec) > h {
		for _, c := range rec[h:] {
			if c != "" {
				return fieldErr("file", fmt.Sprintf("row %d has %d cells but the header has %d: a cell that holds %s must be in quotes",
					row, len(rec), h, SeparatorName(f.comma)))
			}
		}
	}
	if len(rec) == 1 && h > 1 {
		// The whole row in one cell: is it split by another separator?
		for _, other := range []rune{',', ';', '\t', '|'} {
			if parts := strings.Count(rec[0], string(other)) + 1; other != f.comma && parts >= min(h, 3) {
				return fieldErr("file", fmt.Sprintf("row %d is separated by %s but the header by %s, so the whole row would land in the first of its %d columns; save the file with one separator",
					row, SeparatorName(other), SeparatorName(f.comma), h))
			}
		}
	}
	return nil
}

// csvErrText says a CSV syntax error in words.
func csvErrText(err error) string {
	switch {
	case errors.Is(err, csv.ErrBareQuote):
		return `a quote (") in the middle of a cell that does not start with one; put the whole cell in quotes and write the quote twice ("")`
	case errors.Is(err, csv.ErrQuote):
		return "a quoted cell is not closed, or has text after its closing quote"
	}
	return err.Error()
}

// loneCRToLF turns line ends written as a lone carriage return into line feeds (CR LF stays).
func loneCRToLF(s string) string {
	if !strings.Contains(s, "\r") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '\r' && (i+1 >= len(s) || s[i+1] != '\n') {
			b.WriteByte('\n')
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

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
