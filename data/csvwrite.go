package data

import (
	"encoding/csv"
	"io"
	"strings"
)

// CSVWriter writes CSV that is safe to open in a spreadsheet: every cell goes through
// Defuse, so a name or note beginning with = + - @, a tab or a carriage return is never run
// as a formula. Every CSV Duebook writes (export, aging, mailing lists) uses it.
type CSVWriter struct {
	cw  *csv.Writer
	out []string // the defused cells, reused from record to record
	err error
}

// NewCSVWriter starts a defusing CSV writer on w (LF line ends, like encoding/csv).
func NewCSVWriter(w io.Writer) *CSVWriter { return &CSVWriter{cw: csv.NewWriter(w)} }

// UseCRLF ends lines with CR LF (what spreadsheets on Windows write).
func (w *CSVWriter) UseCRLF() { w.cw.UseCRLF = true }

// Write writes one record, defusing each cell; the first error is kept (see Error).
func (w *CSVWriter) Write(rec []string) error {
	if w.err != nil {
		return w.err
	}
	w.out = w.out[:0]
	for _, c := range rec {
		w.out = append(w.out, Defuse(c))
	}
	w.err = w.cw.Write(w.out)
	return w.err
}

// Flush writes what is buffered and returns the first error of any Write or of the flush.
func (w *CSVWriter) Flush() error {
	w.cw.Flush()
	if w.err != nil {
		return w.err
	}
	return w.cw.Error()
}

// Defuse makes a cell safe to open in a spreadsheet: text starting with = + - @, a tab
// or a carriage return is prefixed with a single quote, so it is not run as a formula.
// A plain number ("-5", "-1234.56") is left as it is: it cannot be a formula.
func Defuse(cell string) string {
	if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) && !plainNumber(cell) {
		return "'" + cell
	}
	return cell
}

// plainNumber is an optional minus, digits and at most one decimal point with digits after it.
func plainNumber(s string) bool {
	s = strings.TrimPrefix(s, "-")
	ip, fp, dot := strings.Cut(s, ".")
	return allDigits(ip) && (!dot || allDigits(fp))
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// undefuse removes the quote Defuse added.
func undefuse(cell string) string {
	if len(cell) >= 2 && cell[0] == '\'' && strings.ContainsRune("=+-@\t\r", rune(cell[1])) {
		return cell[1:]
	}
	return cell
}
