package data

import (
	"encoding/csv"
	"fmt"
	"sort"
	"strings"
	"unicode"
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
	Kind      string
	Encoding  string      // how the file was read: "UTF-8", "UTF-16 LE (no byte-order mark)", "Windows-1252", ...
	Separator string      // "commas", "semicolons", "tabs"
	Columns   []ColumnMap // fields that were matched, in field order
	Ignored   []string    // headers not used
	Rows      int         // data rows read (blank rows are not counted)
	Imported  int         // rows imported (or that would be, on a dry run)
	Skipped   []int       // rows left out because they are bad (SkipBad)
	Problems  []RowProblem
	Created   []string // invoice numbers or customer names created, in order
	DryRun    bool
	Snapshot  string // safety copy taken before the import
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
					// two columns of the same heading: which one holds the field is a guess
					for j := i + 1; j < len(headers); j++ {
						if !claimed[j] && normHeader(headers[j]) == g {
							return nil, rep, fieldErr(f.name, fmt.Sprintf("columns %d (%q) and %d (%q) could both be %s; rename one, or name the one to use (map %s=Header)",
								i+1, h, j+1, headers[j], f.name, f.name))
						}
					}
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
