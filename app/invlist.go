package app

import (
	"context"
	"math"
	"slices"
	"strings"

	"fyne.io/fyne/v2"

	"duebook/data"
)

// Invoice list columns, in display order.
const (
	ColNumber = iota
	ColCustomer
	ColIssue
	ColSent
	ColDue
	ColAmount
	ColOpen
	ColDays
	ColStatus
	ColReason
	numCols
)

var colTitles = [numCols]string{"Number", "Customer", "Issue date", "Date sent", "Due date", "Amount",
	"Outstanding", "Days late", "Status", "Overdue reason"}

var colWidths = [numCols]float32{100, 210, 95, 95, 95, 110, 110, 100, 80, 170}

// colTruncation is how each column's text is cut to its width: an ellipsis for the texts of
// any length (number, customer, amounts, reason); dates, days and status always fit their
// width and are drawn without measuring for an ellipsis, which is most of the cost of
// repainting a cell.
var colTruncation = [numCols]fyne.TextTruncation{ColNumber: fyne.TextTruncateEllipsis, ColCustomer: fyne.TextTruncateEllipsis,
	ColAmount: fyne.TextTruncateEllipsis, ColOpen: fyne.TextTruncateEllipsis, ColReason: fyne.TextTruncateEllipsis}

// Status filter values of the invoice list.
const (
	FilterAll    = "All"
	FilterOpen   = "Open"
	FilterPaid   = "Paid"
	FilterDraft  = "Draft"
	FilterPosted = "Posted"
	FilterVoid   = "Void"
)

var statusFilters = []string{FilterAll, FilterOpen, FilterPaid, FilterDraft, FilterPosted, FilterVoid}

// Which date a list date range applies to.
const (
	RangeIssue = "Issue date"
	RangeDue   = "Due date"
)

// InvoiceQuery is what the invoice list shows: the filters and the sort.
type InvoiceQuery struct {
	Status     string // one of statusFilters ("" = All)
	Overdue    bool   // only open invoices past due today
	CustomerID int64  // 0 = all
	RangeOn    string // RangeIssue (default) or RangeDue
	From, To   data.Date
	Text       string // in number, customer, PO number (case-insensitive)
	SortCol    int
	Desc       bool
}

// listRow is a data.InvoiceRow plus what the list derives once at load.
type listRow struct {
	data.InvoiceRow
	days   int32  // days overdue on the list's day
	reason string // overdue reason (collections)
}

// InvoiceList holds every invoice in memory and answers filters quickly: each column's
// order is sorted once (and kept), a filter is one pass over that order.
//
// Building it does only what the first view needs (the rows, and the order of the column
// sorted by); prepare makes the rest (the search keys and the other columns' orders) off
// the UI goroutine, and install hands it over. Until then a search or a sort makes what it
// needs itself.
type InvoiceList struct {
	today  data.Date
	rows   []listRow // never changed once built: prepare reads them on another goroutine
	ids    []int32   // the rows in id order (the load's order; sorted at build if it was not)
	keys   []string  // per row: lower-case number, customer and PO, for text search (nil: not made yet)
	orders [numCols][]int32
	view   []int32
	q      InvoiceQuery
}

// NewInvoiceList builds the in-memory list of rows as of today; reasons (may be nil) gives
// the overdue reason per invoice id.
func NewInvoiceList(rows []data.InvoiceRow, today data.Date, reasons map[int64]string) *InvoiceList {
	l := &InvoiceList{today: today, rows: make([]listRow, len(rows))}
	for i := range rows {
		r := &l.rows[i]
		r.InvoiceRow = rows[i]
		r.days = int32(rows[i].DaysOverdue(today))
		r.reason = reasons[r.ID]
	}
	l.ids = idOrder(len(l.rows), func(i int) int64 { return l.rows[i].ID })
	l.q = InvoiceQuery{SortCol: ColIssue, Desc: true}
	l.Apply(l.q)
	return l
}

// Len is the number of invoices loaded.
func (l *InvoiceList) Len() int { return len(l.rows) }

// Count is the number of invoices the filter shows.
func (l *InvoiceList) Count() int { return len(l.view) }

// Row is the i-th shown invoice.
func (l *InvoiceList) Row(i int) *listRow { return &l.rows[l.view[i]] }

// Query is the filter and sort in force.
func (l *InvoiceList) Query() InvoiceQuery { return l.q }

// Totals sums the shown invoices' amounts and open balances (in the currency of the
// first row; other currencies are counted in others).
func (l *InvoiceList) Totals() (total, open int64, currency string, others int) {
	for _, i := range l.view {
		r := &l.rows[i]
		if currency == "" {
			currency = r.Currency
		}
		if r.Currency != currency {
			others++
			continue
		}
		if r.Status != data.StatusVoid {
			total += r.Total
		}
		open += r.Open
	}
	return
}

func cmpInt64(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func cmpDate(a, b data.Date) int {
	switch {
	case a.Before(b):
		return -1
	case a.After(b):
		return 1
	}
	return 0
}

// rowStatus is the status word shown: draft, open, paid, void.
func rowStatus(r *data.InvoiceRow) string {
	switch r.Status {
	case data.StatusPosted:
		if r.Open == 0 {
			return "paid"
		}
		if r.Open < r.Total {
			return "part paid"
		}
		return "open"
	}
	return string(r.Status)
}

func (l *InvoiceList) less(col int) func(a, b int32) int {
	rs := l.rows
	var c func(x, y *listRow) int
	switch col {
	case ColNumber:
		c = func(x, y *listRow) int {
			// drafts (no number) after numbered, numbered by sequence
			if (x.Seq == 0) != (y.Seq == 0) {
				if x.Seq == 0 {
					return 1
				}
				return -1
			}
			return cmpInt64(x.Seq, y.Seq)
		}
	case ColCustomer:
		c = func(x, y *listRow) int {
			return strings.Compare(strings.ToLower(x.Customer), strings.ToLower(y.Customer))
		}
	case ColIssue:
		c = func(x, y *listRow) int { return cmpDate(x.IssueDate, y.IssueDate) }
	case ColSent:
		c = func(x, y *listRow) int { return cmpDate(x.SentDate, y.SentDate) }
	case ColDue:
		c = func(x, y *listRow) int { return cmpDate(x.DueDate, y.DueDate) }
	case ColAmount:
		c = func(x, y *listRow) int { return cmpInt64(x.Total, y.Total) }
	case ColOpen:
		c = func(x, y *listRow) int { return cmpInt64(x.Open, y.Open) }
	case ColDays:
		c = func(x, y *listRow) int { return cmpInt64(int64(x.days), int64(y.days)) }
	case ColStatus:
		c = func(x, y *listRow) int { return strings.Compare(rowStatus(&x.InvoiceRow), rowStatus(&y.InvoiceRow)) }
	case ColReason:
		c = func(x, y *listRow) int { return strings.Compare(x.reason, y.reason) }
	}
	return func(a, b int32) int {
		if r := c(&rs[a], &rs[b]); r != 0 {
			return r
		}
		return cmpInt64(rs[a].ID, rs[b].ID)
	}
}

// order gives (sorting once) the rows in ascending order of col, ties in id order: the
// comparison of less, as a stable radix sort of one 64-bit key per row (sortKeys) over the
// rows in id order (a million invoices: tens of milliseconds a column, where a comparison
// sort took a third of a second and more).
func (l *InvoiceList) order(col int) []int32 {
	if col < 0 || col >= numCols {
		col = ColIssue
	}
	if o := l.orders[col]; o != nil {
		return o
	}
	o := l.sortOrder(col)
	l.orders[col] = o
	return o
}

// sortOrder sorts the rows by col (order keeps it).
func (l *InvoiceList) sortOrder(col int) []int32 {
	if keys, ok := l.sortKeys(col); ok {
		return radixSort(l.ids, keys)
	}
	o := slices.Clone(l.ids)
	slices.SortStableFunc(o, l.less(col))
	return o
}

// searchKeys makes each row's text searched: its number, customer and PO, lower-cased.
func (l *InvoiceList) searchKeys() []string {
	keys := make([]string, len(l.rows))
	lower := map[string]string{} // a customer's name, lower-cased once
	var b strings.Builder
	for i := range l.rows {
		r := &l.rows[i]
		c, ok := lower[r.Customer]
		if !ok {
			c = strings.ToLower(r.Customer)
			lower[r.Customer] = c
		}
		b.Reset()
		b.WriteString(strings.ToLower(r.Number))
		b.WriteByte('\x00')
		b.WriteString(c)
		if r.PONumber != "" {
			b.WriteByte('\x00')
			b.WriteString(strings.ToLower(r.PONumber))
		}
		keys[i] = b.String()
	}
	return keys
}

// prepared is what prepare makes for install.
type prepared struct {
	keys   []string
	orders [numCols][]int32
}

// todo is what the list does not have yet, for prepare (call it on the UI goroutine).
func (l *InvoiceList) todo() (keys bool, cols [numCols]bool) {
	for col := range numCols {
		cols[col] = l.orders[col] == nil
	}
	return l.keys == nil, cols
}

// prepare makes what todo said is missing: the search keys and the columns' orders. It
// reads only the rows and their id order, never changed once the list is built, so it runs
// on any goroutine.
func (l *InvoiceList) prepare(ctx context.Context, keys bool, cols [numCols]bool) *prepared {
	p := &prepared{}
	if keys {
		p.keys = l.searchKeys()
	}
	for col, need := range cols {
		if ctx.Err() != nil {
			return nil
		}
		if need {
			p.orders[col] = l.sortOrder(col)
		}
	}
	return p
}

// install keeps what prepare made that the list does not have yet (call it on the UI
// goroutine, as every other method).
func (l *InvoiceList) install(p *prepared) {
	if p == nil {
		return
	}
	if l.keys == nil && p.keys != nil {
		l.keys = p.keys
	}
	for col, o := range p.orders {
		if l.orders[col] == nil && o != nil {
			l.orders[col] = o
		}
	}
}

// sortKeys gives each row a key whose order is less(col)'s without the id tie-break; ok
// is false when a column's values do not map onto one (then the comparison sort runs).
func (l *InvoiceList) sortKeys(col int) (keys []uint64, ok bool) {
	rs := l.rows
	n := len(rs)
	each := func(f func(r *listRow) uint64) []uint64 {
		k := make([]uint64, n)
		for i := range rs {
			k[i] = f(&rs[i])
		}
		return k
	}
	date := dateKey
	switch col {
	case ColNumber:
		for i := range rs {
			if rs[i].Seq == math.MaxInt64 {
				return nil, false // would tie with the drafts' key
			}
		}
		return each(func(r *listRow) uint64 {
			if r.Seq == 0 {
				return math.MaxUint64 // drafts after the numbered
			}
			return signedKey(r.Seq)
		}), true
	case ColCustomer:
		// ranked by customer (a name is read once per customer, not per invoice)
		byCustomer := map[int64]int{}
		var first []int // a row of each customer
		cust := make([]uint64, n)
		for i := range rs {
			c, ok := byCustomer[rs[i].CustomerID]
			if !ok || rs[first[c]].Customer != rs[i].Customer {
				// a customer seen for the first time (or a row whose name differs from
				// its customer's: a list made of rows of two moments), ranked on its own
				c = len(first)
				first = append(first, i)
				byCustomer[rs[i].CustomerID] = c
			}
			cust[i] = uint64(c)
		}
		ranks := rankKeys(len(first), func(c int) string { return strings.ToLower(rs[first[c]].Customer) })
		for i, c := range cust {
			cust[i] = ranks[c]
		}
		return cust, true
	case ColIssue:
		return each(func(r *listRow) uint64 { return date(r.IssueDate) }), true
	case ColSent:
		return each(func(r *listRow) uint64 { return date(r.SentDate) }), true
	case ColDue:
		return each(func(r *listRow) uint64 { return date(r.DueDate) }), true
	case ColAmount:
		return each(func(r *listRow) uint64 { return signedKey(r.Total) }), true
	case ColOpen:
		return each(func(r *listRow) uint64 { return signedKey(r.Open) }), true
	case ColDays:
		return each(func(r *listRow) uint64 { return signedKey(int64(r.days)) }), true
	case ColStatus:
		k := each(func(r *listRow) uint64 { return statusKey(&r.InvoiceRow) })
		return k, !slices.Contains(k, 0)
	case ColReason:
		return rankKeys(n, func(i int) string { return rs[i].reason }), true
	}
	return nil, false
}

// statusKey orders the status words of rowStatus as strings.Compare does, without making
// them: draft < open < paid < part paid < void; 0 for any other word (a status of a newer
// version), and then the column is sorted by the comparison.
func statusKey(r *data.InvoiceRow) uint64 {
	switch rowStatus(r) {
	case "draft":
		return 1
	case "open":
		return 2
	case "paid":
		return 3
	case "part paid":
		return 4
	case "void":
		return 5
	}
	return 0
}

// SortAll sorts every column's order and makes the search keys now, so that a click on a
// column header or a search is one pass (as install does with prepare's work).
func (l *InvoiceList) SortAll() {
	keys, cols := l.todo()
	l.install(l.prepare(context.Background(), keys, cols))
}

// Apply filters and sorts the list.
func (l *InvoiceList) Apply(q InvoiceQuery) {
	l.q = q
	ord := l.order(q.SortCol)
	text := strings.ToLower(strings.TrimSpace(q.Text))
	if text != "" && l.keys == nil {
		l.keys = l.searchKeys()
	}
	keys := l.keys
	from, to := q.From, q.To
	byDue := q.RangeOn == RangeDue
	view := l.view[:0]
	if cap(view) < len(ord) {
		view = make([]int32, 0, len(ord))
	}
	match := func(i int32) bool {
		r := &l.rows[i]
		switch q.Status {
		case FilterOpen:
			if r.Status != data.StatusPosted || r.Open == 0 {
				return false
			}
		case FilterPaid:
			if r.Status != data.StatusPosted || r.Open != 0 {
				return false
			}
		case FilterDraft:
			if r.Status != data.StatusDraft {
				return false
			}
		case FilterPosted:
			if r.Status != data.StatusPosted {
				return false
			}
		case FilterVoid:
			if r.Status != data.StatusVoid {
				return false
			}
		}
		if q.Overdue && r.days <= 0 {
			return false
		}
		if q.CustomerID != 0 && r.CustomerID != q.CustomerID {
			return false
		}
		if !from.IsZero() || !to.IsZero() {
			d := r.IssueDate
			if byDue {
				d = r.DueDate
			}
			if !from.IsZero() && d.Before(from) {
				return false
			}
			if !to.IsZero() && d.After(to) {
				return false
			}
		}
		if text != "" && !strings.Contains(keys[i], text) {
			return false
		}
		return true
	}
	if q.Desc {
		for i := len(ord) - 1; i >= 0; i-- {
			if match(ord[i]) {
				view = append(view, ord[i])
			}
		}
	} else {
		for _, i := range ord {
			if match(i) {
				view = append(view, i)
			}
		}
	}
	l.view = view
}

// Cell is the text of column col of shown row i.
func (l *InvoiceList) Cell(i, col int) string {
	r := l.Row(i)
	switch col {
	case ColNumber:
		if r.Number == "" {
			return "(draft)"
		}
		return r.Number
	case ColCustomer:
		return r.Customer
	case ColIssue:
		return r.IssueDate.String()
	case ColSent:
		return r.SentDate.String()
	case ColDue:
		return r.DueDate.String()
	case ColAmount:
		return money(r.Total, r.Currency)
	case ColOpen:
		if r.Status != data.StatusPosted {
			return ""
		}
		return data.FormatAmount(r.Open, r.Currency)
	case ColDays:
		if r.days <= 0 {
			return ""
		}
		return itoa(int(r.days))
	case ColStatus:
		return rowStatus(&r.InvoiceRow)
	case ColReason:
		return r.reason
	}
	return ""
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	if neg {
		n = -n
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}
