package data

import (
	"database/sql/driver"
	"errors"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// The export reads the driver's values itself (no database/sql Scan) and appends each CSV
// line into one buffer. What it writes is what CSVWriter (encoding/csv with CR LF line
// ends, every cell through Defuse) writes for the cells database/sql's Scan would have
// made: the helpers here follow both, and TestAppendCellMatchesCSVWriter and
// TestExportCSVMatchesReference hold them to it.

// appendCell appends one cell as CSVWriter writes it: defused (a leading = + - @, tab or
// CR gets a single quote, a plain number does not), then quoted when it holds a quote, a
// comma, a CR or LF, starts with a space (any Unicode white space) or is `\.`. Inside
// quotes a quote is doubled, LF is written CR LF and a CR alone is left out, as
// encoding/csv does with UseCRLF.
func appendCell(b []byte, cell string) []byte {
	if cell == "" {
		return b
	}
	defused := formulaStart[cell[0]] && !plainNumber(cell)
	if !cellNeedsQuotes(cell, defused) {
		if defused {
			b = append(b, '\'')
		}
		return append(b, cell...)
	}
	b = append(b, '"')
	if defused {
		b = append(b, '\'')
	}
	for len(cell) > 0 {
		i := strings.IndexAny(cell, "\"\r\n")
		if i < 0 {
			i = len(cell)
		}
		b = append(b, cell[:i]...)
		if i == len(cell) {
			break
		}
		switch cell[i] {
		case '"':
			b = append(b, '"', '"')
		case '\n':
			b = append(b, '\r', '\n')
		}
		cell = cell[i+1:]
	}
	return append(b, '"')
}

// formulaStart marks the first bytes Defuse guards against.
var formulaStart = [256]bool{'=': true, '+': true, '-': true, '@': true, '\t': true, '\r': true}

// quoteByte marks the bytes that make encoding/csv quote a field (with comma as separator).
var quoteByte = [256]bool{'"': true, ',': true, '\r': true, '\n': true}

func cellNeedsQuotes(cell string, defused bool) bool {
	for i := 0; i < len(cell); i++ {
		if quoteByte[cell[i]] {
			return true
		}
	}
	if defused { // the cell written starts with the quote mark
		return false
	}
	if cell == `\.` {
		return true
	}
	if cell[0] < utf8.RuneSelf {
		return asciiSpace[cell[0]]
	}
	r, _ := utf8.DecodeRuneInString(cell)
	return unicode.IsSpace(r)
}

var asciiSpace = [256]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// textOf is what database/sql's Scan into a string makes of a driver value; ok is false
// for NULL.
func textOf(v driver.Value) (s string, ok bool) {
	switch x := v.(type) {
	case string:
		return x, true
	case nil:
		return "", false
	case []byte:
		return string(x), true
	case int64:
		return strconv.FormatInt(x, 10), true
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64), true
	case bool:
		return strconv.FormatBool(x), true
	case time.Time:
		return x.Format(time.RFC3339Nano), true
	}
	return fmt.Sprint(v), true
}

// intOf is what database/sql's Scan into an int64 makes of a driver value: an integer, or
// text that is one; ok is false for anything else (NULL, a fraction, words).
func intOf(v driver.Value) (int64, bool) {
	if n, ok := v.(int64); ok {
		return n, true
	}
	s, ok := textOf(v)
	if !ok {
		return 0, false
	}
	n, err := strconv.ParseInt(s, 10, 64)
	return n, err == nil
}

// exportRow reads the cells of one row for an error message that names the row and the
// column ("invoice 12: total ...").
type exportRow struct {
	what string // "invoice", "payment", ...
	id   int64
	cols []string
	vals []driver.Value
	err  error      // the first bad cell
	last []dateMemo // per column: the last date text seen and what was written for it
}

type dateMemo struct{ in, out string }

func (r *exportRow) bad(i int, why string) {
	if r.err == nil {
		r.err = fmt.Errorf("%s %d: %s %s", r.what, r.id, strings.ReplaceAll(r.cols[i], "_", " "), why)
	}
}

// text is cell i as text; NULL (which the schema does not allow) is refused.
func (r *exportRow) text(i int) string {
	s, ok := textOf(r.vals[i])
	if !ok {
		r.bad(i, "is missing (NULL)")
	}
	return s
}

// optText is cell i as text, "" for NULL.
func (r *exportRow) optText(i int) string {
	s, _ := textOf(r.vals[i])
	return s
}

// int is cell i as a whole number.
func (r *exportRow) int(i int) int64 {
	n, ok := intOf(r.vals[i])
	if !ok {
		s, isText := textOf(r.vals[i])
		if !isText {
			s = "NULL"
		}
		r.bad(i, fmt.Sprintf("is not a whole number (%q)", s))
	}
	return n
}

// date is cell i as the date text written ("" for NULL or an empty text).
func (r *exportRow) date(i int, dates dateTexts) string {
	s, ok := textOf(r.vals[i])
	if !ok {
		return ""
	}
	if r.last == nil {
		r.last = make([]dateMemo, len(r.cols))
	}
	if m := &r.last[i]; m.in == s && s != "" { // rows in id order often share their dates
		return m.out
	}
	t, err := dates.text(s)
	if err != nil {
		r.bad(i, err.Error())
		return ""
	}
	r.last[i] = dateMemo{s, t}
	return t
}

// dateTexts maps a stored date text to the text written (what Date's Scan and String make
// of it), so each distinct date is parsed once: a million rows hold a few thousand dates.
type dateTexts map[string]string

func (m dateTexts) text(s string) (string, error) {
	if t, ok := m[s]; ok {
		return t, nil
	}
	var d Date
	if err := d.Scan(s); err != nil {
		return "", err
	}
	t := d.String()
	if len(m) < 1<<16 {
		m[s] = t
	}
	return t, nil
}

// idIndex gives the place of an id among the ids added so far, which come in ascending
// order (each pass reads ORDER BY id): while they run first, first+1, ... without a gap
// (the usual case) the place is id-first and nothing is kept, else a binary search.
type idIndex struct {
	first int64
	n     int
	ids   []int64 // every id, once there was a gap
}

func (x *idIndex) add(id int64) {
	if x.n == 0 {
		x.first = id
	}
	if x.ids == nil && id != x.first+int64(x.n) {
		x.ids = make([]int64, x.n, max(2*x.n, 16))
		for i := range x.ids {
			x.ids[i] = x.first + int64(i)
		}
	}
	if x.ids != nil {
		x.ids = append(x.ids, id)
	}
	x.n++
}

func (x *idIndex) find(id int64) (int, bool) {
	// a g that wrapped around cannot pass the check: ids[g] == id, or, while dense,
	// first+g did not overflow for any g < n
	if g := id - x.first; g >= 0 && g < int64(x.n) && (x.ids == nil || x.ids[g] == id) {
		return int(g), true
	}
	if x.ids == nil {
		return 0, false
	}
	k := sort.Search(x.n, func(i int) bool { return x.ids[i] >= id })
	return k, k < x.n && x.ids[k] == id
}

// invoiceRefs keeps what allocations.csv shows of each invoice (its number and currency),
// filled by the invoices pass, so the allocations pass needs no join (a B-tree search per
// allocation, an eighth of the export's time): a million invoices take about 20 MB here.
type invoiceRefs struct {
	idx     idIndex
	numEnd  []uint32
	numbers strings.Builder // numbers[numEnd[k-1]:numEnd[k]] is the k-th number
	all     string          // numbers.String() once the invoices are read
	cur     []uint32        // index into curs
	curs    []string
	curIdx  map[string]uint32
}

func newInvoiceRefs(n int) *invoiceRefs {
	r := &invoiceRefs{curIdx: map[string]uint32{}}
	r.numEnd, r.cur = make([]uint32, 0, n), make([]uint32, 0, n)
	return r
}

// errTooManyNumbers: the invoice numbers of one file are over 4 GiB in all.
var errTooManyNumbers = errors.New("the invoice numbers are too long in all to export (over 4 GiB)")

// add records invoice id; ids come in ascending order.
func (r *invoiceRefs) add(id int64, number, currency string) error {
	if r.numbers.Len()+len(number) > math.MaxUint32 {
		return errTooManyNumbers
	}
	c, ok := r.curIdx[currency]
	if !ok {
		c = uint32(len(r.curs))
		r.curs = append(r.curs, currency)
		r.curIdx[currency] = c
	}
	r.idx.add(id)
	r.numbers.WriteString(number)
	r.numEnd = append(r.numEnd, uint32(r.numbers.Len()))
	r.cur = append(r.cur, c)
	return nil
}

// find gives the number and currency of invoice id; ok is false when there is no such
// invoice (the join left the allocation out). Call it once all invoices are added.
func (r *invoiceRefs) find(id int64) (number, currency string, ok bool) {
	k, ok := r.idx.find(id)
	if !ok {
		return "", "", false
	}
	if len(r.all) != r.numbers.Len() {
		r.all = r.numbers.String()
	}
	start := uint32(0)
	if k > 0 {
		start = r.numEnd[k-1]
	}
	return r.all[start:r.numEnd[k]], r.curs[r.cur[k]], true
}

// customerNames keeps each customer's name by id (the customers pass fills it; invoices
// and payments show it).
type customerNames struct {
	idx   idIndex
	names []string
}

func (c *customerNames) add(id int64, name string) {
	c.idx.add(id)
	c.names = append(c.names, name)
}

func (c *customerNames) find(id int64) (string, bool) {
	k, ok := c.idx.find(id)
	if !ok {
		return "", false
	}
	return c.names[k], true
}
