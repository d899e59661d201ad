package app

import (
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
	key    string // lower-case number + customer + PO, for text search
	reason string // overdue reason (collections)
}

// InvoiceList holds every invoice in memory and answers filters quickly: each column's
// order is sorted once (and kept), a filter is one pass over that order.
type InvoiceList struct {
	today  data.Date
	rows   []listRow
	orders [numCols][]int32
	view   []int32
	q      InvoiceQuery
}

// NewInvoiceList builds the in-memory list of rows as of today; reasons (may be nil) gives
// the overdue reason per invoice id.
func NewInvoiceList(rows []data.InvoiceRow, today data.Date, reasons map[int64]string) *InvoiceList {
	l := &InvoiceList{today: today, rows: make([]listRow, len(rows))}
	var b strings.Builder
	for i := range rows {
		r := &l.rows[i]
		r.InvoiceRow = rows[i]
		r.days = int32(rows[i].DaysOverdue(today))
		b.Reset()
		b.WriteString(strings.ToLower(r.Number))
		b.WriteByte('\x00')
		b.WriteString(strings.ToLower(r.Customer))
		if r.PONumber != "" {
			b.WriteByte('\x00')
			b.WriteString(strings.ToLower(r.PONumber))
		}
		r.key = b.String()
		r.reason = reasons[r.ID]
	}
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

// order gives (sorting once) the rows in ascending order of col.
func (l *InvoiceList) order(col int) []int32 {
	if col < 0 || col >= numCols {
		col = ColIssue
	}
	if o := l.orders[col]; o != nil {
		return o
	}
	o := make([]int32, len(l.rows))
	if col == ColCustomer {
		// sort by a lower-cased key computed once, not per comparison
		keys := make([]string, len(l.rows))
		for i := range l.rows {
			keys[i] = strings.ToLower(l.rows[i].Customer)
		}
		for i := range o {
			o[i] = int32(i)
		}
		slices.SortFunc(o, func(a, b int32) int {
			if r := strings.Compare(keys[a], keys[b]); r != 0 {
				return r
			}
			return cmpInt64(l.rows[a].ID, l.rows[b].ID)
		})
	} else {
		for i := range o {
			o[i] = int32(i)
		}
		slices.SortFunc(o, l.less(col))
	}
	l.orders[col] = o
	return o
}

// SortAll sorts every column's order now (about half a second for 100k invoices), so
// that a click on a column header is one pass over a kept order. The loader calls it off the
// UI goroutine, before the list is shown.
func (l *InvoiceList) SortAll() {
	for col := range numCols {
		l.order(col)
	}
}

// Apply filters and sorts the list.
func (l *InvoiceList) Apply(q InvoiceQuery) {
	l.q = q
	ord := l.order(q.SortCol)
	text := strings.ToLower(strings.TrimSpace(q.Text))
	from, to := q.From, q.To
	byDue := q.RangeOn == RangeDue
	view := l.view[:0]
	if cap(view) < len(ord) {
		view = make([]int32, 0, len(ord))
	}
	match := func(r *listRow) bool {
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
		if text != "" && !strings.Contains(r.key, text) {
			return false
		}
		return true
	}
	if q.Desc {
		for i := len(ord) - 1; i >= 0; i-- {
			if match(&l.rows[ord[i]]) {
				view = append(view, ord[i])
			}
		}
	} else {
		for _, i := range ord {
			if match(&l.rows[i]) {
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
