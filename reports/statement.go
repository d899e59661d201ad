package reports

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"

	"duebook/data"
)

// StatementKind is open-item (the invoices still open) or activity (balance forward and every
// movement of the period with a running balance).
type StatementKind string

const (
	KindOpenItem StatementKind = "open"
	KindActivity StatementKind = "activity"
)

// ParseKind reads "open" or "activity".
func ParseKind(s string) (StatementKind, error) {
	switch StatementKind(strings.ToLower(strings.TrimSpace(s))) {
	case KindOpenItem, "", "open-item", "openitem":
		return KindOpenItem, nil
	case KindActivity:
		return KindActivity, nil
	}
	return "", &data.FieldError{Field: "kind", Msg: fmt.Sprintf("%q is not open or activity", s)}
}

// StatementOptions select and shape a batch of statements.
type StatementOptions struct {
	AsOf       data.Date // statement date (zero = the store's today)
	From       data.Date // activity period start (zero = first of AsOf's month)
	MinBalance int64     // only customers owing at least this (minor units); 0 = any positive balance
	CustomerID int64     // non-zero: only this customer (printed whatever the balance)
	Layout     Layout
	Kind       StatementKind
	// Progress, when set, is called after each statement with (done, total).
	Progress func(done, total int)
	// OnAddress, when set, is told where each recipient address was printed.
	OnAddress func(Placement)
	// OnStatement, when set, is called for each statement drawn with its first page in the PDF
	// and its page count.
	OnStatement func(st *data.Statement, firstPage, pages int)
}

// Statements draws the statements of every customer selected by opt into one PDF on w, each
// numbered "Page x of y" on its own, and returns how many it drew. Cancelling ctx stops it
// (nothing is written then).
func Statements(ctx context.Context, w io.Writer, s *data.Store, opt StatementOptions) (int, error) {
	if opt.AsOf.IsZero() {
		opt.AsOf = s.Today()
	}
	if opt.Layout == "" {
		opt.Layout = LayoutUS10
	}
	comp, err := s.Company(ctx)
	if err != nil {
		return 0, err
	}
	ids, err := statementIDs(ctx, s, opt)
	if err != nil {
		return 0, err
	}
	d := newDoc(opt.Layout.Paper(), comp)
	d.onAddress = opt.OnAddress
	d.SetTitle("Statements "+opt.AsOf.String(), true)
	n := 0
	err = eachStatement(ctx, s, ids, opt, func(i int, st *data.Statement) error {
		first := d.PageNo() + 1
		pages := drawStatement(d, st, opt.Kind, opt.Layout)
		if opt.OnStatement != nil {
			opt.OnStatement(st, first, pages)
		}
		n++
		if opt.Progress != nil {
			opt.Progress(i+1, len(ids))
		}
		if err := d.Error(); err != nil {
			return fmt.Errorf("pdf: %w", err)
		}
		return nil
	})
	if err != nil {
		return n, err
	}
	if n == 0 {
		// An empty PDF is not a valid file; say why instead.
		return 0, &data.FieldError{Field: "min_balance", Msg: "no customer has a balance to put on a statement"}
	}
	if err := ctx.Err(); err != nil {
		return n, err
	}
	return n, d.finish(w)
}

// statementBatch is how many customers' statements are read together: a few queries per
// batch instead of four per customer, and only one batch in memory.
const statementBatch = 200

// eachStatement reads the statements of ids in batches and calls fn with each in order.
func eachStatement(ctx context.Context, s *data.Store, ids []int64, opt StatementOptions, fn func(i int, st *data.Statement) error) error {
	// Two readers read the batches by turns (each batch one read, as before) while the
	// batch before is drawn: at 100k invoices reading is about two thirds of the work, so
	// one reader kept the drawing waiting; two keep both cores busy.
	ctx, cancel := context.WithCancel(ctx)
	type batch struct {
		start int
		sts   []*data.Statement
		err   error
	}
	const readers = 2
	var next [readers]chan batch
	for r := range next {
		next[r] = make(chan batch, 1)
	}
	defer func() { // the readers are done with the store before this returns
		cancel()
		for _, ch := range next {
			for range ch {
			}
		}
	}()
	for r := range next {
		go func(out chan<- batch, first int) {
			defer close(out)
			for start := first; start < len(ids); start += readers * statementBatch {
				if ctx.Err() != nil {
					return
				}
				sts, err := s.StatementsFor(ctx, ids[start:min(start+statementBatch, len(ids))], opt.From, opt.AsOf)
				select {
				case out <- batch{start, sts, err}:
				case <-ctx.Done():
					return
				}
				if err != nil {
					return
				}
			}
		}(next[r], r*statementBatch)
	}
	for k := 0; k*statementBatch < len(ids); k++ {
		b, ok := <-next[k%readers]
		if !ok { // the reader stopped: cancelled
			break
		}
		if b.err != nil {
			return b.err
		}
		for j, st := range b.sts {
			if err := ctx.Err(); err != nil {
				return err
			}
			if err := fn(b.start+j, st); err != nil {
				return err
			}
		}
	}
	return ctx.Err()
}

func statementIDs(ctx context.Context, s *data.Store, opt StatementOptions) ([]int64, error) {
	if opt.CustomerID > 0 {
		if _, err := s.Customer(ctx, opt.CustomerID); err != nil {
			return nil, fmt.Errorf("customer %d: %w", opt.CustomerID, err)
		}
		return []int64{opt.CustomerID}, nil
	}
	return s.CustomersOwing(ctx, opt.AsOf, opt.MinBalance)
}

// StatementPDF draws the statement of one customer.
func StatementPDF(w io.Writer, comp data.Company, st *data.Statement, kind StatementKind, opt Options) error {
	d := newDoc(opt.Layout.Paper(), comp)
	d.onAddress = opt.OnAddress
	drawStatement(d, st, kind, opt.Layout)
	return d.finish(w)
}

const stmtRowH = 5.0

// statement geometry: where the table starts on the first and later pages, where rows must stop
// on a page that continues and on the last page (which carries the aging block and the slip).
func stmtGeometry(d *doc, layout Layout) (top1, topN, limitFull, limitLast float64) {
	win := AddressWindow(layout)
	top1 = win.Y + win.H + 12 + 6 // table header 6 mm
	topN = 12 + 10 + 4 + 2 + 6
	limitFull = d.h - 20
	stub := d.h - 64
	limitLast = stub - 31
	return
}

// paginate splits n rows into pages: every page but the last holds as many as fit; the last
// page must also hold the aging block and remittance slip.
func paginate(n int, cap1Full, capNFull, cap1Last, capNLast int) []int {
	var pages []int
	first := true
	for {
		capLast, capFull := capNLast, capNFull
		if first {
			capLast, capFull = cap1Last, cap1Full
		}
		if n <= capLast {
			return append(pages, n)
		}
		take := capFull
		if take >= n {
			take = n - 1 // carry at least one row over to the page with the totals
		}
		if take < 1 {
			take = 1 // never loop forever on a page too small for a row
		}
		pages = append(pages, take)
		n -= take
		first = false
	}
}

// drawStatement draws one customer's statement and returns its number of pages.
func drawStatement(d *doc, st *data.Statement, kind StatementKind, layout Layout) int {
	cur := st.Currency
	cust := st.Customer
	cw := d.w - d.lm - d.rm
	var cols []col
	type row struct {
		cells []string
		bold  bool
		span  bool // cells[2] is a note across the columns from the second to the amount
	}
	var rows []row
	title := "STATEMENT"
	if kind == KindActivity {
		title = "ACCOUNT ACTIVITY"
		cols = []col{{w: 22, title: "Date"}, {w: 28, title: "Reference"}, {w: 0, title: "Description"},
			{w: 24, align: 'R', title: "Charges"}, {w: 24, align: 'R', title: "Credits"}, {w: 27, align: 'R', title: "Balance"}}
		rows = append(rows, row{cells: []string{DateText(st.From), "", "Balance forward", "", "", Money(st.Opening, cur)}, bold: true})
		for _, e := range st.Activity {
			ch, cr := "", ""
			if e.Amount >= 0 {
				ch = Money(e.Amount, cur)
			} else {
				cr = Money(-e.Amount, cur)
			}
			desc := e.Description
			if e.Kind == "invoice" {
				desc += ", due " + DateText(e.DueDate)
			}
			rows = append(rows, row{cells: []string{DateText(e.Date), e.Ref, desc, ch, cr, Money(e.Balance, cur)}})
		}
	} else {
		cols = []col{{w: 22, title: "Date"}, {w: 26, title: "Invoice"}, {w: 0, title: "PO no."}, {w: 22, title: "Due date"},
			{w: 18, align: 'R', title: "Days late"}, {w: 28, align: 'R', title: "Amount"}, {w: 28, align: 'R', title: "Open"}}
		for _, e := range st.Open {
			late := ""
			if days := st.AsOf.DaysSince(e.DueDate); days > 0 {
				late = strconv.Itoa(days)
			}
			rows = append(rows, row{cells: []string{DateText(e.Date), e.Ref, e.PONumber, DateText(e.DueDate), late,
				Money(e.Amount, cur), Money(e.Open, cur)}})
		}
		if st.Credit != 0 {
			rows = append(rows, row{cells: []string{"", "", "Payments not yet applied", "", "", "", Money(-st.Credit, cur)}, span: true})
		}
		if len(rows) == 0 {
			rows = append(rows, row{cells: []string{"", "", "No open invoices", "", "", "", ""}, span: true})
		}
	}
	// The zero-width column takes what is left.
	fixed := 0.0
	for _, c := range cols {
		fixed += c.w
	}
	x := d.lm
	for i := range cols {
		if cols[i].w == 0 {
			cols[i].w = cw - fixed
		}
		if cols[i].align == 0 {
			cols[i].align = 'L'
		}
		cols[i].x = x
		x += cols[i].w
	}

	top1, topN, limitFull, limitLast := stmtGeometry(d, layout)
	fit := func(top, limit float64) int { return int((limit - top) / stmtRowH) }
	plan := paginate(len(rows), fit(top1, limitFull), fit(topN, limitFull), fit(top1, limitLast), fit(topN, limitLast))

	r := 0
	for p, count := range plan {
		d.AddPage() // closes the previous page, whose footer uses the previous settings
		if p == 0 {
			d.firstPage = d.PageNo()
			d.totalPages = len(plan)
			d.footerNote = fmt.Sprintf("Statement %s · %s", DateText(st.AsOf), cust.Name)
		}
		var y float64
		if p == 0 {
			d.header(title, false)
			d.address(layout, cust.AddressLines())
			win := AddressWindow(layout)
			fx := d.w - d.rm - 62
			fy := win.Y + 2
			facts := [][2]string{
				{"Statement date", DateText(st.AsOf)},
				{"Customer no.", fmt.Sprintf("C%05d", cust.ID)},
				{"Currency", cur},
			}
			if kind == KindActivity {
				facts = append(facts, [2]string{"Period", DateText(st.From) + " – " + DateText(st.AsOf)})
			}
			fy = d.factRows(fx, fy, facts)
			d.SetFillColor(235, 235, 235)
			d.Rect(fx-2, fy+1, 64, 8, "F")
			d.font("B", 10)
			d.text(fx, fy+6.5, "Amount due")
			d.right(d.w-d.rm, fy+6.5, Money(st.Balance, cur))
			y = d.tableHeader(top1-6, cols)
		} else {
			d.header(title+" (continued)", true)
			d.font("", 9)
			d.text(d.lm, topN-8, fitText(d, cust.Name, cw))
			y = d.tableHeader(topN-6, cols)
		}
		for i := 0; i < count; i++ {
			rw := rows[r]
			r++
			style := ""
			if rw.bold {
				style = "B"
			}
			d.font(style, 8.5)
			for j, c := range cols {
				if rw.span && j >= 1 && j < len(cols)-1 {
					if j == 2 {
						last := cols[len(cols)-2]
						d.cell(col{x: cols[1].x, w: last.x + last.w - cols[1].x, align: 'L'}, y+3.6, rw.cells[j])
					}
					continue
				}
				d.cell(c, y+3.6, rw.cells[j])
			}
			y += stmtRowH
			d.SetDrawColor(220, 220, 220)
			d.SetLineWidth(0.1)
			d.Line(d.lm, y, d.w-d.rm, y)
			d.SetDrawColor(0, 0, 0)
		}
	}
	// Aging row and totals on the last page.
	_, _, _, limitLast = stmtGeometry(d, layout)
	y := limitLast + 3
	aw := cw / 6
	d.font("B", 8)
	labels := []string{"Current", "1–30 days", "31–60 days", "61–90 days", "Over 90 days", "Amount due"}
	d.SetFillColor(235, 235, 235)
	d.Rect(d.lm, y, cw, 5.5, "F")
	for i, l := range labels {
		d.right(d.lm+aw*float64(i+1)-1, y+4, l)
	}
	d.font("", 9)
	for i, v := range st.Aging {
		d.right(d.lm+aw*float64(i+1)-1, y+10, Money(v, cur))
	}
	d.font("B", 9)
	d.right(d.lm+cw-1, y+10, Money(st.Balance, cur))
	d.SetLineWidth(0.2)
	d.Rect(d.lm, y, cw, 12.5, "D")
	if st.Credit != 0 {
		d.font("I", 7.5)
		d.text(d.lm, y+16.5, fmt.Sprintf("Open invoices %s less payments not yet applied %s.", Money(st.OpenSum, cur), Money(st.Credit, cur)))
	}
	if instr := strings.TrimSpace(d.comp.PaymentInstructions); instr != "" {
		d.font("", 7.5)
		lines := wrap(d, strings.ReplaceAll(instr, "\n", " · "), cw)
		for i, l := range lines {
			if i == 2 {
				break
			}
			if i == 1 && len(lines) > 2 {
				l = fitText(d, l+" "+lines[2], cw)
			}
			d.text(d.lm, y+20+3.3*float64(i), l)
		}
	}
	due := st.Balance
	if due < 0 {
		due = 0
	}
	remittance(d, d.h-64, cust, [][2]string{{"Statement date", DateText(st.AsOf)}}, due, cur)
	return len(plan)
}

func kindText(k string) string {
	switch k {
	case "invoice":
		return "Invoice"
	case "payment":
		return "Payment"
	case "credit":
		return "Credit note"
	case "write_off":
		return "Write-off"
	case "void":
		return "Void"
	}
	return k
}

// MailingListCSV writes the mailing list of the statements opt selects: one row per customer
// with the postal address, e-mail, amount due and where its statement sits in the PDF
// (first_page, pages) that Statements draws with the same options. It returns the number
// of rows.
func MailingListCSV(ctx context.Context, w io.Writer, s *data.Store, opt StatementOptions) (int, error) {
	opt.Progress = nil
	return StatementsWithList(ctx, io.Discard, w, s, opt)
}

// StatementsWithList draws the statements like Statements into pdf and writes their mailing
// list to list, each row with the first page and the page count of its statement. The
// statements command and the Reports screen both make their pair of files with it.
func StatementsWithList(ctx context.Context, pdf, list io.Writer, s *data.Store, opt StatementOptions) (int, error) {
	ml := NewMailingList(list)
	on := opt.OnStatement
	opt.OnStatement = func(st *data.Statement, first, pages int) {
		ml.Add(st, first, pages)
		if on != nil {
			on(st, first, pages)
		}
	}
	n, err := Statements(ctx, pdf, s, opt)
	if err != nil {
		return n, err
	}
	return n, ml.Flush()
}

// MailingList writes mailing list rows as statements are drawn.
type MailingList struct {
	cw     *data.CSVWriter
	header bool
}

// NewMailingList starts a mailing list CSV on w.
func NewMailingList(w io.Writer) *MailingList { return &MailingList{cw: data.NewCSVWriter(w)} }

// Add writes one customer's row; firstPage/pages (0 = unknown) locate its statement in the PDF.
func (m *MailingList) Add(st *data.Statement, firstPage, pages int) {
	if !m.header {
		m.cw.Write([]string{"customer_id", "name", "contact", "address1", "address2", "city", "region", "postal_code",
			"country", "email", "amount_due", "currency", "statement_date", "first_page", "pages"})
		m.header = true
	}
	c := st.Customer
	fp, np := "", ""
	if pages > 0 {
		fp, np = strconv.Itoa(firstPage), strconv.Itoa(pages)
	}
	m.cw.Write([]string{strconv.FormatInt(c.ID, 10), c.Name, c.Contact, c.Address1, c.Address2, c.City, c.Region,
		c.PostalCode, c.Country, strings.Join(c.Emails, "; "), data.FormatPlain(st.Balance, st.Currency), st.Currency,
		st.AsOf.String(), fp, np})
}

// Flush ends the CSV.
func (m *MailingList) Flush() error { return m.cw.Flush() }
