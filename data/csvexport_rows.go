package data

import (
	"strconv"
	"strings"
)

// exporter holds what the passes share: customer names by id (the customers pass fills
// it), each invoice's number and currency (the invoices pass fills it, allocations.csv
// shows them), the date texts seen, and the decimals of the last currency.
type exporter struct {
	names    customerNames
	invoices *invoiceRefs
	dates    dateTexts
	lastCur  string
	lastDec  int
}

// newExporter starts an export of a file with about invoices invoices.
func newExporter(invoices int) *exporter {
	return &exporter{invoices: newInvoiceRefs(invoices), dates: dateTexts{}, lastDec: -1}
}

func (e *exporter) tables() []*exportTable {
	return []*exportTable{
		{file: "customers.csv", what: "customer",
			header: []string{"id", "name", "contact", "emails", "phone", "address1", "address2", "city", "region",
				"postal_code", "country", "terms_days", "credit_limit", "currency", "channel", "credit_hold", "last_reviewed", "notes"},
			cols: []string{"id", "name", "contact", "emails", "phone", "address1", "address2", "city", "region",
				"postal_code", "country", "terms_days", "credit_limit", "currency", "channel", "credit_hold", "last_reviewed", "notes"},
			from: "FROM customers ORDER BY id", line: e.customer},
		{file: "invoices.csv", what: "invoice",
			header: []string{"id", "number", "status", "customer_id", "customer", "currency", "issue_date", "due_date",
				"po_number", "subtotal", "tax", "total", "open", "sent_date", "void_date", "void_reason", "notes"},
			cols: []string{"id", "number", "status", "customer_id", "currency", "issue_date", "due_date", "po_number",
				"subtotal", "tax_total", "total", "open_amount", "sent_date", "void_date", "void_reason", "notes"},
			from: "FROM invoices ORDER BY id", line: e.invoice},
		{file: "payments.csv", what: "payment",
			header: []string{"id", "date", "customer_id", "customer", "method", "reference", "currency", "amount",
				"unallocated", "source", "notes"},
			cols: []string{"id", "date", "customer_id", "method", "reference", "currency", "amount", "unallocated", "source", "notes"},
			from: "FROM payments ORDER BY id", line: e.payment},
		{file: "allocations.csv", what: "allocation",
			header: []string{"id", "payment_id", "invoice_id", "invoice_number", "date", "currency", "amount"},
			cols:   []string{"id", "payment_id", "invoice_id", "date", "amount"},
			from:   "FROM allocations ORDER BY id", line: e.allocation},
	}
}

// decimals of currency, as FormatPlain takes them (2 for a code it does not know).
func (e *exporter) decimals(currency string) int {
	if e.lastDec < 0 || currency != e.lastCur {
		d, ok := CurrencyDecimals(currency)
		if !ok {
			d = 2
		}
		e.lastCur, e.lastDec = currency, d
	}
	return e.lastDec
}

func (e *exporter) amount(b []byte, minor int64, currency string) []byte {
	return appendAmount(b, minor, e.decimals(currency), "", ".")
}

// rowID starts a row: its id (column 0) for the messages.
func rowID(r *exportRow) int64 {
	r.err = nil
	r.id = r.int(0)
	return r.id
}

func (e *exporter) customer(r *exportRow, b []byte) ([]byte, error) {
	id := rowID(r)
	name := r.text(1)
	terms, limit, cur := r.int(11), r.int(12), r.text(13)
	hold := "no"
	if r.int(15) != 0 {
		hold = "yes"
	}
	reviewed := r.date(16, e.dates)
	if r.err != nil {
		return b, r.err
	}
	e.names.add(id, name)
	b = strconv.AppendInt(b, id, 10)
	for i := 1; i <= 10; i++ {
		b = append(b, ',')
		if i == 3 { // one address a line in the store, "; " between them in the file
			b = appendCell(b, strings.ReplaceAll(r.text(3), "\n", "; "))
		} else {
			b = appendCell(b, r.text(i))
		}
	}
	b = append(b, ',')
	b = strconv.AppendInt(b, terms, 10)
	b = append(b, ',')
	b = e.amount(b, limit, cur)
	b = append(b, ',')
	b = appendCell(b, cur)
	b = append(b, ',')
	b = appendCell(b, r.text(14))
	b = append(b, ',')
	b = append(b, hold...)
	b = append(b, ',')
	b = append(b, reviewed...)
	b = append(b, ',')
	b = appendCell(b, r.text(17))
	return append(b, '\r', '\n'), r.err
}

func (e *exporter) invoice(r *exportRow, b []byte) ([]byte, error) {
	id := rowID(r)
	number, status, cust, cur := r.optText(1), r.text(2), r.int(3), r.text(4)
	issue, due := r.date(5, e.dates), r.date(6, e.dates)
	sub, tax, total, open := r.int(8), r.int(9), r.int(10), r.int(11)
	sent, void := r.date(12, e.dates), r.date(13, e.dates)
	if r.err != nil {
		return b, r.err
	}
	if err := e.invoices.add(id, number, cur); err != nil {
		return b, err
	}
	name, ok := e.names.find(cust)
	if !ok { // what the join with customers left out
		return b, nil
	}
	b = strconv.AppendInt(b, id, 10)
	b = append(b, ',')
	b = appendCell(b, number)
	b = append(b, ',')
	b = appendCell(b, status)
	b = append(b, ',')
	b = strconv.AppendInt(b, cust, 10)
	b = append(b, ',')
	b = appendCell(b, name)
	b = append(b, ',')
	b = appendCell(b, cur)
	b = append(b, ',')
	b = append(b, issue...)
	b = append(b, ',')
	b = append(b, due...)
	b = append(b, ',')
	b = appendCell(b, r.text(7))
	for _, v := range [...]int64{sub, tax, total, open} {
		b = append(b, ',')
		b = e.amount(b, v, cur)
	}
	b = append(b, ',')
	b = append(b, sent...)
	b = append(b, ',')
	b = append(b, void...)
	b = append(b, ',')
	b = appendCell(b, r.text(14))
	b = append(b, ',')
	b = appendCell(b, r.text(15))
	return append(b, '\r', '\n'), r.err
}

func (e *exporter) payment(r *exportRow, b []byte) ([]byte, error) {
	id := rowID(r)
	day, cust, cur := r.date(1, e.dates), r.int(2), r.text(5)
	amount, unalloc := r.int(6), r.int(7)
	if r.err != nil {
		return b, r.err
	}
	name, ok := e.names.find(cust)
	if !ok {
		return b, nil
	}
	b = strconv.AppendInt(b, id, 10)
	b = append(b, ',')
	b = append(b, day...)
	b = append(b, ',')
	b = strconv.AppendInt(b, cust, 10)
	b = append(b, ',')
	b = appendCell(b, name)
	b = append(b, ',')
	b = appendCell(b, r.text(3))
	b = append(b, ',')
	b = appendCell(b, r.text(4))
	b = append(b, ',')
	b = appendCell(b, cur)
	b = append(b, ',')
	b = e.amount(b, amount, cur)
	b = append(b, ',')
	b = e.amount(b, unalloc, cur)
	b = append(b, ',')
	b = appendCell(b, r.text(8))
	b = append(b, ',')
	b = appendCell(b, r.text(9))
	return append(b, '\r', '\n'), r.err
}

func (e *exporter) allocation(r *exportRow, b []byte) ([]byte, error) {
	id := rowID(r)
	pid, iid, day, amt := r.int(1), r.int(2), r.date(3, e.dates), r.int(4)
	if r.err != nil {
		return b, r.err
	}
	number, cur, ok := e.invoices.find(iid)
	if !ok { // what the join with invoices left out
		return b, nil
	}
	b = strconv.AppendInt(b, id, 10)
	b = append(b, ',')
	b = strconv.AppendInt(b, pid, 10)
	b = append(b, ',')
	b = strconv.AppendInt(b, iid, 10)
	b = append(b, ',')
	b = appendCell(b, number)
	b = append(b, ',')
	b = append(b, day...)
	b = append(b, ',')
	b = appendCell(b, cur)
	b = append(b, ',')
	b = e.amount(b, amt, cur)
	return append(b, '\r', '\n'), nil
}
