package data

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// Spreadsheet import and export.
//
// Import reads customers or open invoices from a CSV file saved by a spreadsheet: the
// columns are matched to Duebook's fields by their header (common names are guessed:
// "Company", "E-mail", "Terms", "Invoice #", "Amount", "Due", ...; ImportOptions.Map
// overrides), amounts may be written "1,234.56" or "1.234,56", dates as YYYY-MM-DD or in
// an explicit format. Every row is checked and every problem is reported with its row
// (the spreadsheet's row number: the header is row 1) and field. Nothing is imported when
// any row is bad, unless SkipBad is set (then the good rows are imported and the report
// lists the skipped ones). The whole import is ONE transaction; a safety copy of the
// company file is taken just before it commits.
//
// Open invoices become posted invoices with one line "Opening balance — imported" for the
// open amount. They get the next numbers of Duebook's own series (invoice numbers must
// stay unique and sequential, so the old numbers cannot be reused); the original number
// is kept in the notes ("original invoice number: ...") and, when the row has no PO
// number of its own, as the PO number, which is printed on invoices and statements so
// the customer recognises the bill. Importing the same original number twice is refused.
//
// Export writes customers.csv, invoices.csv, payments.csv and allocations.csv (UTF-8 with
// a byte-order mark, as spreadsheets expect) from one consistent snapshot. A cell that
// begins with = + - @, a tab or a carriage return is prefixed with a single quote so no
// spreadsheet runs it as a formula; import removes that quote again.

// OpeningBalanceLine is the line description of an imported open invoice.
const OpeningBalanceLine = "Opening balance — imported"

const importedMarker = "original invoice number: "

// Import kinds.
const (
	ImportCustomers = "customers"
	ImportInvoices  = "invoices"
)

// ImportOptions tune an import.
type ImportOptions struct {
	// Map names the CSV header for a Duebook field (field → header); fields not named
	// are guessed from the headers.
	Map map[string]string
	// DateFormat is the format of dates that are not YYYY-MM-DD: a Go layout
	// ("01/02/2006", "02.01.2006") or letters ("MM/DD/YYYY", "DD.MM.YYYY").
	DateFormat string
	// SkipBad imports the good rows and skips the bad ones instead of importing nothing.
	SkipBad bool
	// DryRun checks everything (inside the transaction) and imports nothing.
	DryRun bool
	// NoSnapshot skips the safety copy taken before the import commits.
	NoSnapshot bool
	// Comma is the separator; 0 = guessed from the header line (',', ';' or tab).
	Comma rune
}

// RowProblem is one bad cell (or row) of an import.
type RowProblem struct {
	Row   int    // spreadsheet row (header = 1)
	Field string // Duebook field
	Msg   string
}

func (p RowProblem) String() string {
	if p.Field == "" {
		return fmt.Sprintf("row %d: %s", p.Row, p.Msg)
	}
	return fmt.Sprintf("row %d, field %s: %s", p.Row, p.Field, p.Msg)
}

// ColumnMap is one field matched to a column.
type ColumnMap struct {
	Field  string
	Header string
	Guess  bool // guessed from the header (not given in Map)
}

// ImportReport tells what an import found and did.
type ImportReport struct {
	Kind     string
	Columns  []ColumnMap // fields that were matched, in field order
	Ignored  []string    // headers not used
	Rows     int         // data rows read (blank rows are not counted)
	Imported int         // rows imported (or that would be, on a dry run)
	Skipped  []int       // rows left out because they are bad (SkipBad)
	Problems []RowProblem
	Created  []string // invoice numbers or customer names created, in order
	DryRun   bool
	Snapshot string // safety copy taken before the import
}

// BadRows lists the rows with problems, in order.
func (r *ImportReport) BadRows() []int {
	seen := map[int]bool{}
	var out []int
	for _, p := range r.Problems {
		if !seen[p.Row] {
			seen[p.Row] = true
			out = append(out, p.Row)
		}
	}
	sort.Ints(out)
	return out
}

// ImportError is returned when rows are bad and SkipBad is not set: nothing was imported.
type ImportError struct{ Report *ImportReport }

func (e *ImportError) Error() string {
	r := e.Report
	msg := fmt.Sprintf("%d of %d row(s) are bad; nothing was imported", len(r.BadRows()), r.Rows)
	if len(r.Problems) > 0 {
		msg += " (" + r.Problems[0].String() + ")"
	}
	return msg
}

type fieldSpec struct {
	name     string
	required bool
	guesses  []string // normalized header names, best first
}

var customerFields = []fieldSpec{
	{"name", true, []string{"name", "customer", "customername", "company", "companyname", "business", "businessname", "client", "clientname", "account", "accountname", "organization", "organisation", "firma", "kunde", "empresa", "cliente", "société"}},
	{"contact", false, []string{"contact", "contactname", "contactperson", "attn", "attention", "person"}},
	{"emails", false, []string{"emails", "email", "emailaddress", "emailaddresses", "mail"}},
	{"phone", false, []string{"phone", "telephone", "tel", "phonenumber", "phoneno", "mobile", "cell"}},
	{"address1", false, []string{"address1", "address", "addressline1", "street", "street1", "streetaddress", "billingaddress", "billingstreet"}},
	{"address2", false, []string{"address2", "addressline2", "street2"}},
	{"city", false, []string{"city", "town", "billingcity"}},
	{"region", false, []string{"region", "state", "province", "county", "stateprovince", "billingstate"}},
	{"postal_code", false, []string{"postalcode", "zip", "zipcode", "postcode", "postal", "zippostalcode", "billingzip"}},
	{"country", false, []string{"country", "billingcountry"}},
	{"terms_days", false, []string{"termsdays", "terms", "paymentterms", "netdays", "termsindays"}},
	{"credit_limit", false, []string{"creditlimit", "limit"}},
	{"currency", false, []string{"currency", "ccy", "cur", "currencycode"}},
	{"channel", false, []string{"channel", "preferredchannel", "contactmethod", "sendvia"}},
	{"credit_hold", false, []string{"credithold", "hold", "onhold"}},
	{"last_reviewed", false, []string{"lastreviewed", "reviewed"}},
	{"notes", false, []string{"notes", "note", "comments", "comment", "memo", "remarks"}},
}

var invoiceFields = []fieldSpec{
	{"customer", false, []string{"customer", "customername", "company", "companyname", "client", "clientname", "name", "billto", "account", "accountname"}},
	{"customer_id", false, []string{"customerid", "custid", "clientid", "accountid", "customerno", "customernumber"}},
	{"number", false, []string{"number", "invoice", "invoiceno", "invoicenumber", "invoicenum", "inv", "invno", "invnumber", "invoiceid", "documentno", "docno"}},
	{"issue_date", false, []string{"issuedate", "date", "invoicedate", "issued", "invdate", "dateissued", "documentdate"}},
	{"due_date", false, []string{"duedate", "due", "datedue", "paymentdue", "dueon"}},
	{"amount", true, []string{"open", "openamount", "openbalance", "balance", "balancedue", "amountdue", "outstanding", "amountoutstanding", "remaining", "amount", "total", "invoicetotal", "invoiceamount"}},
	{"currency", false, []string{"currency", "ccy", "cur", "currencycode"}},
	{"po_number", false, []string{"ponumber", "po", "purchaseorder", "ponum", "pono", "customerpo"}},
	{"notes", false, []string{"notes", "note", "memo", "comments", "comment", "remarks"}},
}

// ImportFields lists the Duebook fields an import of kind can fill.
func ImportFields(kind string) []string {
	specs, _ := importSpecs(kind)
	out := make([]string, len(specs))
	for i, f := range specs {
		out[i] = f.name
	}
	return out
}

func importSpecs(kind string) ([]fieldSpec, error) {
	switch kind {
	case ImportCustomers:
		return customerFields, nil
	case ImportInvoices:
		return invoiceFields, nil
	}
	return nil, fieldErr("kind", fmt.Sprintf("%q is not customers or invoices", kind))
}

// normHeader reduces a header to lower-case letters and digits ("E-mail" → "email").
func normHeader(h string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(h) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// ParseColumnMap reads "field=Header,field=Header" (a header may be quoted to hold a comma).
func ParseColumnMap(s string) (map[string]string, error) {
	m := map[string]string{}
	if strings.TrimSpace(s) == "" {
		return m, nil
	}
	r := csv.NewReader(strings.NewReader(s))
	r.LazyQuotes = true
	parts, err := r.Read()
	if err != nil {
		return nil, fieldErr("map", fmt.Sprintf("cannot read %q: %v", s, err))
	}
	for _, p := range parts {
		f, h, ok := strings.Cut(p, "=")
		f, h = strings.TrimSpace(f), strings.Trim(strings.TrimSpace(h), `"'`)
		if !ok || f == "" || h == "" {
			return nil, fieldErr("map", fmt.Sprintf("%q is not field=Header", p))
		}
		m[strings.ToLower(f)] = h
	}
	return m, nil
}

// mapColumns matches fields to header indexes.
func mapColumns(kind string, headers []string, given map[string]string) (map[string]int, *ImportReport, error) {
	specs, err := importSpecs(kind)
	if err != nil {
		return nil, nil, err
	}
	rep := &ImportReport{Kind: kind}
	cols := map[string]int{}
	claimed := map[int]bool{}
	known := map[string]bool{}
	for _, f := range specs {
		known[f.name] = true
	}
	findHeader := func(h string) int {
		for i, x := range headers {
			if strings.TrimSpace(x) == strings.TrimSpace(h) {
				return i
			}
		}
		n := normHeader(h)
		for i, x := range headers {
			if n != "" && normHeader(x) == n {
				return i
			}
		}
		return -1
	}
	var names []string
	for f := range given {
		names = append(names, f)
	}
	sort.Strings(names)
	for _, f := range names {
		if !known[f] {
			return nil, nil, fieldErr("map", fmt.Sprintf("%q is not a field of %s (fields: %s)", f, kind, strings.Join(ImportFields(kind), ", ")))
		}
		i := findHeader(given[f])
		if i < 0 {
			return nil, nil, fieldErr("map", fmt.Sprintf("%s=%s: the file has no column %q (columns: %s)", f, given[f], given[f], strings.Join(headers, ", ")))
		}
		if claimed[i] {
			return nil, nil, fieldErr("map", fmt.Sprintf("column %q is mapped to two fields", headers[i]))
		}
		cols[f], claimed[i] = i, true
	}
	for _, f := range specs {
		if _, ok := cols[f.name]; ok {
			continue
		}
	guess:
		for _, g := range f.guesses {
			for i, h := range headers {
				if !claimed[i] && normHeader(h) == g {
					cols[f.name], claimed[i] = i, true
					break guess
				}
			}
		}
	}
	for _, f := range specs {
		if i, ok := cols[f.name]; ok {
			_, given := given[f.name]
			rep.Columns = append(rep.Columns, ColumnMap{Field: f.name, Header: headers[i], Guess: !given})
		}
	}
	for i, h := range headers {
		if !claimed[i] && strings.TrimSpace(h) != "" {
			rep.Ignored = append(rep.Ignored, h)
		}
	}
	for _, f := range specs {
		if _, ok := cols[f.name]; f.required && !ok {
			return nil, rep, fieldErr(f.name, fmt.Sprintf("no column of the file is recognised as %s; name one (map %s=Header); the columns are: %s",
				f.name, f.name, strings.Join(headers, ", ")))
		}
	}
	if kind == ImportInvoices {
		_, byName := cols["customer"]
		_, byID := cols["customer_id"]
		if !byName && !byID {
			return nil, rep, fieldErr("customer", "no column of the file is recognised as the customer (map customer=Header or customer_id=Header); the columns are: "+strings.Join(headers, ", "))
		}
		_, issue := cols["issue_date"]
		_, due := cols["due_date"]
		if !issue && !due {
			return nil, rep, fieldErr("issue_date", "no column of the file is recognised as the invoice date or the due date (map issue_date=Header); the columns are: "+strings.Join(headers, ", "))
		}
	}
	return cols, rep, nil
}

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

// DateLayout turns a date format ("MM/DD/YYYY" or a Go layout "01/02/2006") into a Go layout.
func DateLayout(format string) (string, error) {
	f := strings.TrimSpace(format)
	if f == "" {
		return "", nil
	}
	layout := f
	if !strings.Contains(f, "2006") && !strings.Contains(f, "06") {
		u := strings.ToUpper(f)
		r := strings.NewReplacer("YYYY", "2006", "YY", "06", "MM", "01", "DD", "02", "M", "1", "D", "2")
		layout = r.Replace(u)
	}
	probe := NewDate(2031, time.November, 27)
	back, err := time.Parse(layout, probe.Format(layout))
	if err != nil || !DateOf(back).Equal(probe) {
		return "", fieldErr("date_format", fmt.Sprintf("%q is not a date format (examples: 01/02/2006 or MM/DD/YYYY, 02.01.2006 or DD.MM.YYYY)", format))
	}
	return layout, nil
}

// parseCellDate reads YYYY-MM-DD (also with a time after it, as spreadsheets write) or the layout.
func parseCellDate(s, layout string) (Date, error) {
	if d, err := ParseDate(s); err == nil {
		return d, nil
	}
	if len(s) > 10 && (s[10] == ' ' || s[10] == 'T') {
		if d, err := ParseDate(s[:10]); err == nil {
			return d, nil
		}
	}
	if layout != "" {
		if t, err := time.Parse(layout, s); err == nil {
			return DateOf(t), nil
		}
		return Date{}, fmt.Errorf("%q is not a date in the format %s (or YYYY-MM-DD)", s, layout)
	}
	return Date{}, fmt.Errorf("%q is not a date in the form YYYY-MM-DD (give the date format for other forms, e.g. 01/02/2006)", s)
}

// parseTerms reads payment terms: "30", "Net 30", "30 days", "2/10 net 30", "Due on receipt".
func parseTerms(s string) (int, error) {
	l := strings.ToLower(s)
	for _, w := range []string{"receipt", "cod", "c.o.d", "immediate", "cash", "prepaid"} {
		if strings.Contains(l, w) {
			return 0, nil
		}
	}
	last := -1
	for i := 0; i < len(l); {
		if l[i] < '0' || l[i] > '9' {
			i++
			continue
		}
		j := i
		for j < len(l) && l[j] >= '0' && l[j] <= '9' {
			j++
		}
		n, err := strconv.Atoi(l[i:j])
		if err == nil {
			last = n
		}
		i = j
	}
	if last < 0 {
		return 0, fmt.Errorf("%q is not payment terms (days, e.g. 30 or Net 30)", s)
	}
	return last, nil
}

func parseChannel(s string) (Channel, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "email", "e-mail", "mail (email)":
		return ChannelEmail, nil
	case "mail", "post", "letter", "postal", "postal mail":
		return ChannelMail, nil
	case "phone", "call", "telephone", "tel":
		return ChannelPhone, nil
	}
	return "", fmt.Errorf("%q is not email, mail or phone", s)
}

func parseBool(s string) (bool, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "no", "n", "false", "0", "off":
		return false, nil
	case "yes", "y", "true", "1", "x", "on", "hold":
		return true, nil
	}
	return false, fmt.Errorf("%q is not yes or no", s)
}

func splitEmails(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == ',' || unicode.IsSpace(r) })
}

// errImportRollback ends a dry run (or an import with bad rows) without committing.
var errImportRollback = errors.New("import rolled back")

// ImportCSV imports customers or open invoices (kind) from CSV text.
func (s *Store) ImportCSV(ctx context.Context, kind string, r io.Reader, opt ImportOptions) (*ImportReport, error) {
	if _, err := importSpecs(kind); err != nil {
		return nil, err
	}
	layout, err := DateLayout(opt.DateFormat)
	if err != nil {
		return nil, err
	}
	header, rows, err := readCSV(r, opt.Comma)
	if err != nil {
		return nil, err
	}
	given := map[string]string{}
	for f, h := range opt.Map {
		given[strings.ToLower(strings.TrimSpace(f))] = h
	}
	cols, rep, err := mapColumns(kind, header, given)
	if err != nil {
		return rep, err
	}
	rep.Rows, rep.DryRun = len(rows), opt.DryRun
	cell := func(row csvRow, field string) string {
		if i, ok := cols[field]; ok && i < len(row.cells) {
			return row.cells[i]
		}
		return ""
	}
	imp := &importer{s: s, rep: rep, cell: cell, layout: layout}
	err = s.Update(ctx, func(tx *Tx) error {
		imp.tx = tx
		var err error
		if kind == ImportCustomers {
			err = imp.customers(rows)
		} else {
			err = imp.invoices(rows)
		}
		if err != nil {
			return err
		}
		if len(rep.Problems) > 0 && !opt.SkipBad {
			return errImportRollback
		}
		rep.Skipped = rep.BadRows()
		if opt.DryRun || rep.Imported == 0 {
			return errImportRollback
		}
		if !opt.NoSnapshot {
			// The copy is read by its own connection: it sees the file as it was before
			// this (uncommitted) transaction.
			snap, err := s.Snapshot(ctx, "pre-import")
			if err != nil {
				return fmt.Errorf("safety copy before the import: %w", err)
			}
			rep.Snapshot = snap
		}
		return nil
	})
	if errors.Is(err, errImportRollback) {
		if len(rep.Problems) > 0 && !opt.SkipBad {
			rep.Imported, rep.Created = 0, nil
			return rep, &ImportError{Report: rep}
		}
		if !opt.DryRun {
			rep.Imported, rep.Created = 0, nil
		}
		return rep, nil
	}
	if err != nil {
		rep.Imported, rep.Created, rep.Snapshot = 0, nil, ""
		return rep, err
	}
	return rep, nil
}

type importer struct {
	s      *Store
	tx     *Tx
	rep    *ImportReport
	cell   func(csvRow, string) string
	layout string
}

func (im *importer) problem(row int, field, msg string) {
	im.rep.Problems = append(im.rep.Problems, RowProblem{Row: row, Field: field, Msg: msg})
}

// addErr files a store error of a row under its fields.
func (im *importer) addErr(row int, err error, rename map[string]string) {
	var ve ValidationErrors
	var fe *FieldError
	switch {
	case errors.As(err, &ve):
		for _, e := range ve {
			im.problem(row, renameField(e.Field, rename), e.Msg)
		}
	case errors.As(err, &fe):
		im.problem(row, renameField(fe.Field, rename), fe.Msg)
	default:
		im.problem(row, "", err.Error())
	}
}

func renameField(f string, m map[string]string) string {
	if r, ok := m[f]; ok {
		return r
	}
	return f
}

// inRow runs fn inside a savepoint: a row that fails leaves nothing behind.
func (im *importer) inRow(fn func() error) (error, error) {
	ctx := im.tx.Ctx()
	if _, err := im.tx.ExecContext(ctx, `SAVEPOINT import_row`); err != nil {
		return nil, err
	}
	rowErr := translateErr(fn())
	if rowErr != nil {
		if _, err := im.tx.ExecContext(ctx, `ROLLBACK TO import_row`); err != nil {
			return nil, err
		}
	}
	if _, err := im.tx.ExecContext(ctx, `RELEASE import_row`); err != nil {
		return nil, err
	}
	return rowErr, nil
}

// isStoreFailure tells a broken transaction (I/O, busy) from a refused row.
func isStoreFailure(err error) bool {
	var ve ValidationErrors
	var fe *FieldError
	return !errors.As(err, &ve) && !errors.As(err, &fe) && !errors.Is(err, ErrNotFound) &&
		!strings.HasPrefix(err.Error(), "refused by the company file")
}

func (im *importer) customers(rows []csvRow) error {
	ctx := im.tx.Ctx()
	comp, err := companyFrom(ctx, im.tx)
	if err != nil {
		return err
	}
	existing := map[string]bool{}
	rs, err := im.tx.QueryContext(ctx, `SELECT name FROM customers`)
	if err != nil {
		return err
	}
	for rs.Next() {
		var n string
		if err := rs.Scan(&n); err != nil {
			rs.Close()
			return err
		}
		existing[strings.ToLower(strings.TrimSpace(n))] = true
	}
	rs.Close()
	inFile := map[string]int{}
	for _, row := range rows {
		before := len(im.rep.Problems)
		c := &Customer{
			Name: im.cell(row, "name"), Contact: im.cell(row, "contact"), Phone: im.cell(row, "phone"),
			Address1: im.cell(row, "address1"), Address2: im.cell(row, "address2"), City: im.cell(row, "city"),
			Region: im.cell(row, "region"), PostalCode: im.cell(row, "postal_code"), Country: im.cell(row, "country"),
			Notes: im.cell(row, "notes"), Emails: splitEmails(im.cell(row, "emails")),
			Currency: strings.ToUpper(im.cell(row, "currency")), TermsDays: comp.DefaultTermsDays,
		}
		if c.Currency == "" {
			c.Currency = comp.Currency
		}
		if v := im.cell(row, "terms_days"); v != "" {
			if n, err := parseTerms(v); err != nil {
				im.problem(row.row, "terms_days", err.Error())
			} else {
				c.TermsDays = n
			}
		}
		if v := im.cell(row, "credit_limit"); v != "" {
			cur := c.Currency
			if !ValidCurrency(cur) {
				cur = comp.Currency
			}
			if n, err := ParseAmount(v, cur); err != nil {
				im.problem(row.row, "credit_limit", err.Error())
			} else {
				c.CreditLimit = n
			}
		}
		if v := im.cell(row, "channel"); v != "" {
			if ch, err := parseChannel(v); err != nil {
				im.problem(row.row, "channel", err.Error())
			} else {
				c.Channel = ch
			}
		} else if len(c.Emails) > 0 {
			c.Channel = ChannelEmail
		} else if c.Address1 == "" && c.Phone != "" {
			c.Channel = ChannelPhone
		} else {
			c.Channel = ChannelMail
		}
		if v := im.cell(row, "credit_hold"); v != "" {
			if b, err := parseBool(v); err != nil {
				im.problem(row.row, "credit_hold", err.Error())
			} else {
				c.CreditHold = b
			}
		}
		if v := im.cell(row, "last_reviewed"); v != "" {
			if d, err := parseCellDate(v, im.layout); err != nil {
				im.problem(row.row, "last_reviewed", err.Error())
			} else {
				c.LastReviewed = d
			}
		}
		check := *c
		if err := check.Validate(); err != nil {
			im.addErr(row.row, err, nil)
		}
		key := strings.ToLower(strings.TrimSpace(c.Name))
		if key != "" {
			if existing[key] {
				im.problem(row.row, "name", fmt.Sprintf("a customer named %q already exists", c.Name))
			} else if first, dup := inFile[key]; dup {
				im.problem(row.row, "name", fmt.Sprintf("%q is also on row %d", c.Name, first))
			} else {
				inFile[key] = row.row
			}
		}
		if len(im.rep.Problems) > before {
			continue
		}
		rowErr, err := im.inRow(func() error { return im.tx.CreateCustomer(c) })
		if err != nil {
			return err
		}
		if rowErr != nil {
			if isStoreFailure(rowErr) {
				return rowErr
			}
			im.addErr(row.row, rowErr, nil)
			continue
		}
		im.rep.Imported++
		im.rep.Created = append(im.rep.Created, c.Name)
	}
	return nil
}

// invoiceRename names the invoice's fields by the import's: the one line is the amount.
var invoiceRename = map[string]string{"lines": "amount", "lines[1].unit_price": "amount", "lines[1].quantity": "amount", "total": "amount"}

type invoiceRow struct {
	row  int
	inv  *Invoice
	orig string
}

func (im *importer) invoices(rows []csvRow) error {
	ctx := im.tx.Ctx()
	byName := map[string][]*Customer{}
	byID := map[int64]*Customer{}
	rs, err := im.tx.QueryContext(ctx, `SELECT `+customerCols+` FROM customers`)
	if err != nil {
		return err
	}
	for rs.Next() {
		c, err := scanCustomer(rs)
		if err != nil {
			rs.Close()
			return err
		}
		k := strings.ToLower(strings.TrimSpace(c.Name))
		byName[k] = append(byName[k], c)
		byID[c.ID] = c
	}
	rs.Close()
	imported := map[string]string{} // original number → Duebook number
	rs, err = im.tx.QueryContext(ctx, `SELECT number, notes FROM invoices WHERE number IS NOT NULL AND instr(notes, ?) > 0`, importedMarker)
	if err != nil {
		return err
	}
	for rs.Next() {
		var num, notes string
		if err := rs.Scan(&num, &notes); err != nil {
			rs.Close()
			return err
		}
		if o := importedNumber(notes); o != "" {
			imported[o] = num
		}
	}
	rs.Close()
	inFile := map[string]int{}
	var good []invoiceRow
	for _, row := range rows {
		before := len(im.rep.Problems)
		var cust *Customer
		name := im.cell(row, "customer")
		if v := im.cell(row, "customer_id"); v != "" {
			id, err := strconv.ParseInt(v, 10, 64)
			if err != nil || byID[id] == nil {
				im.problem(row.row, "customer_id", fmt.Sprintf("%q is not the number of a customer", v))
			} else {
				cust = byID[id]
				if name != "" && !strings.EqualFold(strings.TrimSpace(name), strings.TrimSpace(cust.Name)) {
					im.problem(row.row, "customer", fmt.Sprintf("%q does not match customer %d (%s)", name, id, cust.Name))
				}
			}
		} else if name == "" {
			im.problem(row.row, "customer", "is required")
		} else if cs := byName[strings.ToLower(name)]; len(cs) == 0 {
			im.problem(row.row, "customer", fmt.Sprintf("no customer is named %q (import the customers first)", name))
		} else if len(cs) > 1 {
			im.problem(row.row, "customer", fmt.Sprintf("%d customers are named %q; give the customer_id column instead", len(cs), name))
		} else {
			cust = cs[0]
		}
		orig := im.cell(row, "number")
		if orig != "" {
			if num, ok := imported[orig]; ok {
				im.problem(row.row, "number", fmt.Sprintf("invoice %q was already imported (as %s)", orig, num))
			} else if first, dup := inFile[orig]; dup {
				im.problem(row.row, "number", fmt.Sprintf("invoice %q is also on row %d", orig, first))
			} else {
				inFile[orig] = row.row
			}
		}
		var issue, due Date
		if v := im.cell(row, "issue_date"); v != "" {
			if d, err := parseCellDate(v, im.layout); err != nil {
				im.problem(row.row, "issue_date", err.Error())
			} else {
				issue = d
			}
		}
		if v := im.cell(row, "due_date"); v != "" {
			if d, err := parseCellDate(v, im.layout); err != nil {
				im.problem(row.row, "due_date", err.Error())
			} else {
				due = d
			}
		}
		if im.cell(row, "issue_date") == "" && im.cell(row, "due_date") == "" {
			im.problem(row.row, "issue_date", "is required (or a due date)")
		}
		cur := ""
		if cust != nil {
			cur = cust.Currency
			if v := strings.ToUpper(im.cell(row, "currency")); v != "" && v != cur {
				im.problem(row.row, "currency", fmt.Sprintf("%q is not the customer's currency (%s)", v, cur))
			}
		}
		var amount int64
		if v := im.cell(row, "amount"); v == "" {
			im.problem(row.row, "amount", "is required")
		} else if cur != "" {
			if n, err := ParseAmount(v, cur); err != nil {
				im.problem(row.row, "amount", err.Error())
			} else if n <= 0 {
				im.problem(row.row, "amount", fmt.Sprintf("%q is not an open balance (only open invoices are imported; a credit is entered as a payment)", v))
			} else {
				amount = n
			}
		}
		if len(im.rep.Problems) > before {
			continue
		}
		if issue.IsZero() {
			issue = due.AddDays(-cust.TermsDays)
		}
		if due.IsZero() {
			due = DueDateFor(issue, cust)
		}
		notes := "Imported opening balance"
		po := im.cell(row, "po_number")
		if orig != "" {
			notes += "; " + importedMarker + orig
			if po == "" && len(orig) <= 60 {
				po = orig
			}
		}
		if v := im.cell(row, "notes"); v != "" {
			notes += "\n" + v
		}
		inv := &Invoice{CustomerID: cust.ID, Currency: cur, IssueDate: issue, DueDate: due, PONumber: po, Notes: notes,
			Lines: []InvoiceLine{{Description: OpeningBalanceLine, QtyMilli: 1000, UnitPrice: amount}}}
		check := *inv
		check.Lines = append([]InvoiceLine(nil), inv.Lines...)
		if err := check.Validate(); err != nil {
			im.addErr(row.row, err, invoiceRename)
			continue
		}
		good = append(good, invoiceRow{row.row, inv, orig})
	}
	// Number them in the order of their dates.
	sort.SliceStable(good, func(i, j int) bool { return good[i].inv.IssueDate.Before(good[j].inv.IssueDate) })
	var sums ledgerSums
	if sums.invoices, err = im.tx.invoicesSum(0); err != nil {
		return err
	}
	for _, g := range good {
		var posted *Invoice
		rowErr, err := im.inRow(func() error {
			if err := im.tx.createDraft(g.inv, &sums); err != nil {
				return err
			}
			p, err := im.tx.PostInvoice(g.inv.ID)
			posted = p
			return err
		})
		if err != nil {
			return err
		}
		if rowErr != nil {
			if isStoreFailure(rowErr) {
				return rowErr
			}
			im.addErr(g.row, rowErr, invoiceRename)
			continue
		}
		sums.invoices += g.inv.Total
		im.rep.Imported++
		im.rep.Created = append(im.rep.Created, posted.Number)
	}
	sort.SliceStable(im.rep.Problems, func(i, j int) bool { return im.rep.Problems[i].Row < im.rep.Problems[j].Row })
	return nil
}

// importedNumber finds the original number in an imported invoice's notes.
func importedNumber(notes string) string {
	i := strings.Index(notes, importedMarker)
	if i < 0 {
		return ""
	}
	rest := notes[i+len(importedMarker):]
	if j := strings.IndexAny(rest, "\n"); j >= 0 {
		rest = rest[:j]
	}
	return rest
}

// ExportCSV writes customers.csv, invoices.csv, payments.csv and allocations.csv to dir
// (made if needed) from one consistent snapshot, and returns the files written. Amounts
// are plain decimals ("1234.56") in each row's currency; dates YYYY-MM-DD.
func (s *Store) ExportCSV(ctx context.Context, dir string) ([]string, error) {
	if dir == "" {
		return nil, fieldErr("dir", "a folder is needed")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	type table struct {
		file   string
		header []string
		query  string
		row    func(sc scanner) ([]string, error)
	}
	tables := []table{
		{"customers.csv", []string{"id", "name", "contact", "emails", "phone", "address1", "address2", "city", "region",
			"postal_code", "country", "terms_days", "credit_limit", "currency", "channel", "credit_hold", "last_reviewed", "notes"},
			`SELECT ` + customerCols + ` FROM customers ORDER BY id`,
			func(sc scanner) ([]string, error) {
				c, err := scanCustomer(sc)
				if err != nil {
					return nil, err
				}
				hold := "no"
				if c.CreditHold {
					hold = "yes"
				}
				return []string{itoa(c.ID), c.Name, c.Contact, strings.Join(c.Emails, "; "), c.Phone, c.Address1, c.Address2,
					c.City, c.Region, c.PostalCode, c.Country, strconv.Itoa(c.TermsDays), FormatPlain(c.CreditLimit, c.Currency),
					c.Currency, string(c.Channel), hold, c.LastReviewed.String(), c.Notes}, nil
			}},
		{"invoices.csv", []string{"id", "number", "status", "customer_id", "customer", "currency", "issue_date", "due_date",
			"po_number", "subtotal", "tax", "total", "open", "sent_date", "void_date", "void_reason", "notes"},
			`SELECT ` + invoiceCols + ` FROM invoices i JOIN customers c ON c.id = i.customer_id ORDER BY i.id`,
			func(sc scanner) ([]string, error) {
				inv, err := scanInvoice(sc)
				if err != nil {
					return nil, err
				}
				cur := inv.Currency
				return []string{itoa(inv.ID), inv.Number, string(inv.Status), itoa(inv.CustomerID), inv.CustomerName, cur,
					inv.IssueDate.String(), inv.DueDate.String(), inv.PONumber, FormatPlain(inv.Subtotal, cur),
					FormatPlain(inv.TaxTotal, cur), FormatPlain(inv.Total, cur), FormatPlain(inv.OpenAmount, cur),
					inv.SentDate.String(), inv.VoidDate.String(), inv.VoidReason, inv.Notes}, nil
			}},
		{"payments.csv", []string{"id", "date", "customer_id", "customer", "method", "reference", "currency", "amount",
			"unallocated", "source", "notes"},
			`SELECT ` + paymentCols + ` FROM payments p JOIN customers c ON c.id = p.customer_id ORDER BY p.id`,
			func(sc scanner) ([]string, error) {
				p, err := scanPayment(sc)
				if err != nil {
					return nil, err
				}
				return []string{itoa(p.ID), p.Date.String(), itoa(p.CustomerID), p.CustomerName, p.Method, p.Reference, p.Currency,
					FormatPlain(p.Amount, p.Currency), FormatPlain(p.Unallocated, p.Currency), p.Source, p.Notes}, nil
			}},
		{"allocations.csv", []string{"id", "payment_id", "invoice_id", "invoice_number", "date", "currency", "amount"},
			`SELECT a.id, a.payment_id, a.invoice_id, coalesce(i.number, ''), a.date, i.currency, a.amount
			 FROM allocations a JOIN invoices i ON i.id = a.invoice_id ORDER BY a.id`,
			func(sc scanner) ([]string, error) {
				var id, pid, iid, amt int64
				var num, cur string
				var day Date
				if err := sc.Scan(&id, &pid, &iid, &num, &day, &cur, &amt); err != nil {
					return nil, err
				}
				return []string{itoa(id), itoa(pid), itoa(iid), num, day.String(), cur, FormatPlain(amt, cur)}, nil
			}},
	}
	var written []string
	err := s.View(ctx, func(tx sqlTx) error {
		for _, t := range tables {
			path := filepath.Join(dir, t.file)
			err := WriteFileAtomic(path, func(w io.Writer) error {
				if _, err := w.Write([]byte{0xEF, 0xBB, 0xBF}); err != nil {
					return err
				}
				cw := NewCSVWriter(w)
				cw.UseCRLF()
				if err := cw.Write(t.header); err != nil {
					return err
				}
				rows, err := tx.QueryContext(ctx, t.query)
				if err != nil {
					return err
				}
				defer rows.Close()
				for rows.Next() {
					rec, err := t.row(rows)
					if err != nil {
						return err
					}
					if err := cw.Write(rec); err != nil {
						return err
					}
				}
				if err := rows.Err(); err != nil {
					return err
				}
				return cw.Flush()
			})
			if err != nil {
				return fmt.Errorf("export %s: %w", t.file, err)
			}
			written = append(written, path)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return written, syncDir(dir)
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
