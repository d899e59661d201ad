package data

import (
	"context"
	"database/sql/driver"
	"fmt"
	"strings"
)

// The passes of check: which rules of ledgerChecks and boundChecks have anything to report,
// and whether any foreign key is broken, found by reading each large table once or twice in
// the order SQLite stores it (issue 14: at a million invoices the rules' own queries, each
// scanning invoices, lines and allocations again, took 16 s of CPU; these passes take
// a fraction of that). Each pass is one aggregate query returning one row of counts:
//
//   invoices       one scan (rowid order) counting the rows that break each per-invoice rule,
//                  and the figures the other passes are compared with;
//   invoice_lines  one plain scan for the bounds of each line, which carries each line's
//                  invoice, net and tax to Go, summed by invoice and compared there with
//                  the invoice scan's rows (check_lines.go); the SQL pass it stands for,
//                  grouped along the (invoice_id, pos) index and joined to the invoice by
//                  rowid, runs only for a file whose values Go might read otherwise;
//   allocations    a plain count, summed by invoice in Go the same way, and one plain scan
//                  joined to both parties, whose rows go to Go (allocScan): it counts
//                  there, sums each payment's allocations for the payment scan, and sums
//                  the payment record of each customer for checkPayRecord, which would
//                  read them all again; the SQL passes grouped by invoice and by payment
//                  are the fallback as for the lines;
//   payments       one scan; credit notes and write-offs (small) grouped by invoice;
//   seq            the sequence rule along the index of the numbers.
//
// The SQL passes read the rows the way their rules' own queries do (a table in its order,
// or along the index the query's plan uses). The sums in Go read the tables; an index
// that differs from its table is found by the comparison of their entries (indexChecks),
// as it was, and row by row by check -full.
//
// Within a condition the integer comparisons come before the text ones (status), which
// they mostly spare, SQLite stopping at the first false term of an AND: the invoice scan
// at a million invoices 1.0 -> 0.8 s.
//
// A rule whose rows are spread over two passes is decided by counting: an invoice without
// lines must have a zero subtotal and tax, so the invoices with a zero subtotal and tax
// (counted in the invoice scan) less those among the invoices with lines (counted in the
// line pass) must be all the invoices without lines. Every count is exact, so a rule is
// flagged if and only if its query would return a row. The rows themselves (the text
// check prints) come from the rule's own query, run only when flagged.
//
// The same passes count the entries of the indexes they walk, which the invoice and
// payment scans count in the tables; those counts, and the open balances through the
// invoices_open index, are the quick check's comparison of indexes with their tables
// (indexChecks).

// passes holds the counts of the passes: what each pass found, named by the rule.
type passes struct {
	// invoices scan
	invoices, zeroLines, postedPaid, openRange, notPostedOpen, totalsSum, noNumber, dueDate, amountInv int64
	invoiceTotal                                                                                       float64
	openCount                                                                                          int64
	openSum                                                                                            float64
	seqCount                                                                                           int64
	// invoice_lines grouped by invoice
	withLines, lineOrphans, zeroWithLines, lineSums, manyLines, linesByIndex, lineKeysByIndex int64
	// invoice_lines scan
	lines, amountLines, lineKeys int64
	// allocations grouped by invoice, by payment, and scanned
	allocNotPosted, allocPostedPaid, allocOpenBalance, allocsByInvoice, allocInvoiceKeys             int64
	payOrphans, payUnallocated, payWithAllocPaid, allocsByPayment, allocPaymentKeys                  int64
	allocs, allocOrphans, allocParties, allocPaymentKeysTable                                        int64
	allocsA, allocInvoiceKeysTable                                                                   int64
	eventOrphans, eventOnDraft, eventOpenBalance, eventPostedPaidNoAlloc, amountSmall                int64
	payments, paymentNegative, paymentsPaid, amountPayments                                          int64
	paymentTotal                                                                                     float64
	customerOrphansInv, customerOrphansPay, invoicesByCustomerIndex, paymentsByCustomerIndex         int64
	invoiceCustomerKeys, invoiceCustomerKeysByIndex, paymentCustomerKeys, paymentCustomerKeysByIndex int64
	seqByIndex, seqNumbers, seqGap, seqDistinct, otherFK, bigFKs                                     int64
	openByIndex                                                                                      int64
	openSumByIndex                                                                                   float64
	// the payment record's sums per customer, from allocScan (nil: checkPayRecord sums)
	pay map[int64]payFigs
	// the sums of the lines and the allocations by invoice, and of the allocations by
	// payment, from the scans (nil or not ok: the SQL pass decides; check_lines.go)
	lineFigs, allocFigs, payFigs *groupSums
	byInvoice                    struct {
		notPosted, postedPaid int64
		unexplained           [][2]int64 // posted invoices: id, paid less allocated
	}
	byPayment struct{ unallocated, paid int64 }
}

// pass is one query of the passes: its group (see run), and the fields its one row fills.
type pass struct {
	group int
	q     string
	dest  []any
	// folded is q with a fold column after dest's (the bounds pass of the lines and the
	// invoice scan, see check_lines.go)
	folded string
}

// queries are the passes. Group 0 reads invoices, their lines, and the allocations, credit
// notes and write-offs of each invoice; group 1 payments, the allocations of each payment
// and of each customer. Every rule is decided by the counts of one group only, so the
// groups can run in two read transactions at once (run), each on its own snapshot, without
// a rule ever comparing rows of two moments.
func (p *passes) queries() []pass {
	x := MaxAmount
	inv := `SELECT count(*),
			count(*) FILTER (WHERE subtotal = 0 AND tax_total = 0),
			count(*) FILTER (WHERE total - open_amount <> 0 AND status = 'posted'),
			count(*) FILTER (WHERE open_amount < 0 OR open_amount > total),
			count(*) FILTER (WHERE open_amount <> 0 AND status <> 'posted'),
			count(*) FILTER (WHERE total <> subtotal + tax_total),
			count(*) FILTER (WHERE (number IS NULL OR seq IS NULL) AND status <> 'draft'),
			count(*) FILTER (WHERE due_date < issue_date),
			count(*) FILTER (WHERE total > %[1]d OR subtotal NOT BETWEEN -%[1]d AND %[1]d OR tax_total NOT BETWEEN -%[1]d AND %[1]d OR open_amount > %[1]d),
			total(total),
			count(*) FILTER (WHERE open_amount > 0 AND status = 'posted'),
			total(open_amount) FILTER (WHERE open_amount > 0 AND status = 'posted'),
			count(seq), coalesce(sum(customer_id %% 1000003), 0)%[2]s
			FROM invoices NOT INDEXED`
	payments := `SELECT count(*), count(*) FILTER (WHERE unallocated < 0),
			count(*) FILTER (WHERE amount - unallocated <> 0),
			count(*) FILTER (WHERE amount > %[1]d), total(amount), coalesce(sum(customer_id %% 1000003), 0)%[2]s
			FROM payments NOT INDEXED`
	lines := `SELECT count(*),
			count(*) FILTER (WHERE unit_price NOT BETWEEN -%[1]d AND %[1]d OR net NOT BETWEEN -%[1]d AND %[1]d OR tax NOT BETWEEN -%[1]d AND %[1]d),
			coalesce(sum(invoice_id %% 1000003), 0)%[2]s
			FROM invoice_lines NOT INDEXED`
	return []pass{
		// first the lines' bounds, carrying their sums to the invoice scan (check_lines.go)
		{0, fmt.Sprintf(lines, x, ""),
			[]any{&p.lines, &p.amountLines, &p.lineKeys},
			fmt.Sprintf(lines, x, ", "+lineScanFold)},
		{0, `SELECT count(*), coalesce(sum(invoice_id % 1000003), 0) FROM allocations NOT INDEXED`,
			[]any{&p.allocsA, &p.allocInvoiceKeysTable},
			`SELECT count(*), coalesce(sum(invoice_id % 1000003), 0), ` + allocInvoiceFold + ` FROM allocations NOT INDEXED`},
		{0, fmt.Sprintf(inv, x, ""),
			[]any{&p.invoices, &p.zeroLines, &p.postedPaid, &p.openRange, &p.notPostedOpen, &p.totalsSum, &p.noNumber, &p.dueDate, &p.amountInv,
				&p.invoiceTotal, &p.openCount, &p.openSum, &p.seqCount, &p.invoiceCustomerKeys},
			fmt.Sprintf(inv, x, ", "+invoiceScanFold)},
		// answered by decideLines, unless it cannot tell
		{0, `SELECT count(i.id), count(*) FILTER (WHERE i.id IS NULL),
			count(*) FILTER (WHERE i.subtotal = 0 AND i.tax_total = 0),
			count(*) FILTER (WHERE i.subtotal <> l.n OR i.tax_total <> l.t),
			count(*) FILTER (WHERE l.c > ` + fmt.Sprint(MaxInvoiceLines) + `),
			coalesce(sum(l.c), 0), coalesce(sum(l.invoice_id % 1000003 * l.c), 0)
			FROM (SELECT invoice_id, sum(net) n, sum(tax) t, count(*) c FROM invoice_lines INDEXED BY sqlite_autoindex_invoice_lines_1
			      GROUP BY invoice_id) l
			LEFT JOIN invoices i ON i.id = l.invoice_id`,
			[]any{&p.withLines, &p.lineOrphans, &p.zeroWithLines, &p.lineSums, &p.manyLines, &p.linesByIndex, &p.lineKeysByIndex}, ""},
		// answered by decideAllocInvoices, unless it cannot tell
		{0, `SELECT count(*) FILTER (WHERE i.status <> 'posted'),
			count(*) FILTER (WHERE i.total - i.open_amount <> 0 AND i.status = 'posted'),
			count(*) FILTER (WHERE i.total - i.open_amount <> a.s AND i.status = 'posted'
				AND i.total - i.open_amount - a.s <> coalesce((SELECT sum(amount) FROM credit_notes n WHERE n.invoice_id = a.invoice_id), 0)
					+ coalesce((SELECT sum(amount) FROM write_offs w WHERE w.invoice_id = a.invoice_id), 0)),
			coalesce(sum(a.c), 0), coalesce(sum(a.invoice_id % 1000003 * a.c), 0)
			FROM (SELECT invoice_id, sum(amount) s, count(*) c FROM allocations INDEXED BY allocations_invoice GROUP BY invoice_id) a
			LEFT JOIN invoices i ON i.id = a.invoice_id`,
			[]any{&p.allocNotPosted, &p.allocPostedPaid, &p.allocOpenBalance, &p.allocsByInvoice, &p.allocInvoiceKeys}, ""},
		// answered by allocScan, with the payment record's sums, unless it cannot tell
		{1, `SELECT count(*), count(*) FILTER (WHERE p.id IS NULL OR i.id IS NULL),
			count(*) FILTER (WHERE p.customer_id <> i.customer_id OR p.currency <> i.currency),
			coalesce(sum(a.payment_id % 1000003), 0)
			FROM allocations a NOT INDEXED LEFT JOIN payments p ON p.id = a.payment_id LEFT JOIN invoices i ON i.id = a.invoice_id`,
			[]any{&p.allocs, &p.allocOrphans, &p.allocParties, &p.allocPaymentKeysTable}, ""},
		{0, `SELECT count(*) FILTER (WHERE i.id IS NULL),
			count(*) FILTER (WHERE i.status = 'draft'),
			count(*) FILTER (WHERE i.status = 'posted'
				AND i.open_amount <> i.total - coalesce((SELECT sum(amount) FROM allocations a WHERE a.invoice_id = e.invoice_id), 0) - e.s),
			count(*) FILTER (WHERE i.status = 'posted' AND i.total - i.open_amount <> 0
				AND NOT EXISTS (SELECT 1 FROM allocations a WHERE a.invoice_id = e.invoice_id))
			FROM (SELECT invoice_id, sum(amount) s FROM (SELECT invoice_id, amount FROM credit_notes UNION ALL SELECT invoice_id, amount FROM write_offs)
			      GROUP BY invoice_id) e
			LEFT JOIN invoices i ON i.id = e.invoice_id`,
			[]any{&p.eventOrphans, &p.eventOnDraft, &p.eventOpenBalance, &p.eventPostedPaidNoAlloc}, ""},
		{1, fmt.Sprintf(`SELECT (SELECT count(*) FROM credit_notes WHERE amount > %[1]d) + (SELECT count(*) FROM write_offs WHERE amount > %[1]d)
			+ (SELECT count(*) FROM customers WHERE credit_limit > %[1]d) + (SELECT count(*) FROM promises WHERE amount > %[1]d)`, x),
			[]any{&p.amountSmall}, ""},
		{1, fmt.Sprintf(payments, x, ""),
			[]any{&p.payments, &p.paymentNegative, &p.paymentsPaid, &p.amountPayments, &p.paymentTotal, &p.paymentCustomerKeys},
			fmt.Sprintf(payments, x, ", "+paymentScanFold)},
		// answered by decideAllocPayments, unless it cannot tell
		{1, `SELECT count(*) FILTER (WHERE p.id IS NULL),
			count(*) FILTER (WHERE p.unallocated <> p.amount - a.s),
			count(*) FILTER (WHERE p.amount - p.unallocated <> 0),
			coalesce(sum(a.c), 0), coalesce(sum(a.payment_id % 1000003 * a.c), 0)
			FROM (SELECT payment_id, sum(amount) s, count(*) c FROM allocations INDEXED BY allocations_payment GROUP BY payment_id) a
			LEFT JOIN payments p ON p.id = a.payment_id`,
			[]any{&p.payOrphans, &p.payUnallocated, &p.payWithAllocPaid, &p.allocsByPayment, &p.allocPaymentKeys}, ""},
		// The customers of the invoices and of the payments, each once, through the
		// customer indexes, whose entries are counted and their keys summed there (a
		// count(*) of its own would be answered by the smallest index, not the one named);
		// the entries of the other indexes read above.
		{0, `SELECT g.orphans, g.n, g.keys,
			(SELECT count(*) FROM invoices INDEXED BY sqlite_autoindex_invoices_2 WHERE seq IS NOT NULL),
			(SELECT count(*) FROM invoices INDEXED BY invoices_open WHERE status = 'posted' AND open_amount > 0),
			(SELECT total(open_amount) FROM invoices INDEXED BY invoices_open WHERE status = 'posted' AND open_amount > 0)
			FROM (SELECT count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM customers c WHERE c.id = k.customer_id)) orphans,
			        coalesce(sum(k.n), 0) n, coalesce(sum(k.customer_id % 1000003 * k.n), 0) keys
			      FROM (SELECT customer_id, count(*) n FROM invoices INDEXED BY invoices_customer GROUP BY customer_id) k) g`,
			[]any{&p.customerOrphansInv, &p.invoicesByCustomerIndex, &p.invoiceCustomerKeysByIndex, &p.seqByIndex, &p.openByIndex, &p.openSumByIndex}, ""},
		// The sequence rule through the index its own query reads: the numbers, whether
		// the largest is their count, and the distinct numbers, as groups of the index in
		// its order (count(DISTINCT seq) builds a b-tree of them all: 0.37 s at a million
		// invoices, this 0.2 s). Decided by this pass alone, it runs with the group that
		// would otherwise finish first.
		{1, `SELECT count(*), count(*) <> coalesce(max(seq), 0),
			(SELECT count(*) FROM (SELECT seq FROM invoices INDEXED BY sqlite_autoindex_invoices_2 WHERE seq IS NOT NULL GROUP BY seq))
			FROM invoices INDEXED BY sqlite_autoindex_invoices_2 WHERE seq IS NOT NULL`,
			[]any{&p.seqNumbers, &p.seqGap, &p.seqDistinct}, ""},
		{1, `SELECT count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM customers c WHERE c.id = g.customer_id)),
			  coalesce(sum(g.n), 0), coalesce(sum(g.customer_id % 1000003 * g.n), 0)
			FROM (SELECT customer_id, count(*) n FROM payments INDEXED BY payments_customer GROUP BY customer_id) g`,
			[]any{&p.customerOrphansPay, &p.paymentsByCustomerIndex, &p.paymentCustomerKeysByIndex}, ""},
		// The foreign keys of every other table (all small beside these four).
		{1, `SELECT count(*) FROM sqlite_master m, pragma_foreign_key_check(m.name) f
			WHERE m.type = 'table' AND m.name NOT IN ('invoices', 'invoice_lines', 'allocations', 'payments')`,
			[]any{&p.otherFK}, ""},
		// The foreign keys of the four large tables that the passes above check (a schema
		// with others is checked by PRAGMA foreign_key_check).
		{1, `SELECT count(*) FROM sqlite_master m, pragma_foreign_key_list(m.name) f
			WHERE m.type = 'table' AND m.name IN ('invoices', 'invoice_lines', 'allocations', 'payments')`,
			[]any{&p.bigFKs}, ""},
	}
}

// run fills the fields of group's passes, one query a pass, within tx (one snapshot: the
// group's counts are compared with each other).
func (p *passes) run(ctx context.Context, tx sqlTx, group int) error {
	for _, q := range p.queries() {
		if q.group != group {
			continue
		}
		var ok bool
		var err error
		switch q.dest[0] {
		case any(&p.lines): // the lines' bounds, and their sums
			p.lineFigs, err = sumScan(ctx, tx, q.folded, q.dest)
			ok = p.lineFigs != nil
		case any(&p.allocsA): // the allocations counted, and summed by invoice
			p.allocFigs, err = sumScan(ctx, tx, q.folded, q.dest)
			ok = p.allocFigs != nil
		case any(&p.invoices): // the invoices, compared with those sums
			if p.lineFigs != nil || p.allocFigs != nil {
				ok, err = true, p.invoiceScan(ctx, tx, q.folded, q.dest)
			}
		case any(&p.withLines): // the lines grouped by invoice
			ok, err = p.decideLines(ctx, tx)
		case any(&p.allocNotPosted): // the allocations grouped by invoice
			ok, err = p.decideAllocInvoices(ctx, tx)
		case any(&p.allocs): // the allocations joined to both parties, and summed by payment
			ok, err = p.allocScan(ctx, tx)
		case any(&p.payments): // the payments, compared with their allocations' sums
			if p.payFigs != nil {
				ok, err = true, p.paymentScan(ctx, tx, q.folded, q.dest)
			}
		case any(&p.payOrphans): // the allocations grouped by payment
			ok, err = p.decideAllocPayments(ctx, tx)
		}
		if err != nil {
			return err
		}
		if ok {
			continue
		}
		if err := tx.QueryRowContext(ctx, q.q).Scan(q.dest...); err != nil {
			return fmt.Errorf("check: %w", err)
		}
	}
	return nil
}

// allocScanQuery reads the allocations in table order (as the rule of the parties and
// the payment record's sum do), each joined to its payment and its invoice, for allocScan:
// the payment, the amount, the invoice's customer, the allocation's date and the invoice's
// due date, and bits: 1 no invoice, 2 no payment, 4 the parties differ.
const allocScanQuery = `SELECT ` + checkFoldFunc + `(?, a.payment_id, a.amount, i.customer_id, a.date, i.due_date,
	(i.id IS NULL) + 2 * (p.id IS NULL) + 4 * coalesce(p.customer_id <> i.customer_id OR p.currency <> i.currency, 0))
	FROM allocations a NOT INDEXED LEFT JOIN payments p ON p.id = a.payment_id LEFT JOIN invoices i ON i.id = a.invoice_id`

// allocScan is one pass over the allocations for two things: the counts of the pass of the
// allocations joined to both parties (allocs, allocOrphans, allocParties,
// allocPaymentKeysTable), and the payment record's sums per customer (p.pay, what
// sumPayRecord gives), in Go: the days between the dates (as SQLite's julianday counts
// them, for dates written YYYY-MM-DD), clamped, multiplied and summed. ok is false when a
// payment id is not an integer (the counts are then the SQL pass's, which says what SQLite
// makes of it); a figure that is not an integer, a date in another form, or a sum beyond
// int64 leaves p.pay nil (checkPayRecord then sums in SQL, as before).
func (p *passes) allocScan(ctx context.Context, tx sqlTx) (ok bool, err error) {
	var n, orphans, parties, keys int64
	pay := byID[payFigs]{limit: 1 << 17}
	payOK, idsOK := true, true
	byPayment := newGroupSums()
	add := func(a, b int64) int64 {
		s := a + b
		if (b > 0 && s < a) || (b < 0 && s > a) {
			payOK = false
		}
		return s
	}
	n, err = fold(ctx, tx, allocScanQuery, func(v []driver.Value) {
		byPayment.add(v[0], v[1], int64(0))
		pid, ok1 := v[0].(int64)
		bits, _ := v[5].(int64) // always an integer
		if !ok1 {
			idsOK = false
		}
		keys += pid % 1000003
		if bits&3 != 0 {
			orphans++
		}
		if bits&4 != 0 {
			parties++
		}
		if bits&1 != 0 || !payOK {
			return // no invoice: not in the record's sum (it joins the invoices)
		}
		cust, ok1 := v[2].(int64)
		amount, ok2 := v[1].(int64)
		date, ok3 := v[3].(string)
		due, ok4 := v[4].(string)
		d1, ok5 := dayNumber(date)
		d2, ok6 := dayNumber(due)
		if !ok1 || !ok2 || !ok3 || !ok4 || !ok5 || !ok6 || amount > maxFoldAmount || amount < -maxFoldAmount {
			payOK = false // not an integer, a date SQLite may read otherwise, or amount * days beyond int64
			return
		}
		days := max(-3650, min(3650, d1-d2))
		var onTime int64
		if date <= due {
			onTime = amount
		}
		f := pay.at(cust)
		f.paid, f.wd, f.ot = add(f.paid, amount), add(f.wd, amount*days), add(f.ot, onTime)
	})
	if err != nil {
		return false, err
	}
	if payOK {
		p.pay = map[int64]payFigs{}
		pay.each(func(id int64, f *payFigs) { p.pay[id] = *f })
	}
	if !idsOK {
		return false, nil
	}
	p.payFigs = byPayment
	p.allocs, p.allocOrphans, p.allocParties, p.allocPaymentKeysTable = n, orphans, parties, keys
	return true, nil
}

// maxFoldAmount is the largest amount allocScan multiplies by a number of days (at most
// 3650) within int64.
const maxFoldAmount = (1<<63 - 1) / 3650

// dayNumber is the day of a date written YYYY-MM-DD (a year from 1000 to 9999, a day that
// its month has) counted from 1970-01-01: julianday(s) - 2440587.5, exactly, for those
// dates. ok is false for any other text, which SQLite may read otherwise.
func dayNumber(s string) (day int64, ok bool) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return 0, false
	}
	num := func(t string) int64 {
		var v int64
		for i := 0; i < len(t); i++ {
			c := t[i]
			if c < '0' || c > '9' {
				return -1
			}
			v = v*10 + int64(c-'0')
		}
		return v
	}
	y, m, d := num(s[:4]), num(s[5:7]), num(s[8:])
	if y < 1000 || m < 1 || m > 12 || d < 1 || d > int64(daysIn(m, y)) {
		return 0, false
	}
	// days from civil (proleptic Gregorian), with March the first month of the year
	if m <= 2 {
		y--
	}
	era := y / 400
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468, true
}

// daysIn is the number of days of month m (1-12) of year y.
func daysIn(m, y int64) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// flagged tells, for each label of ledgerChecks and boundChecks, whether its query has a
// row to show (see the comment at the top for why each sum is exact).
func (p *passes) flagged() map[string]bool {
	withoutLines := p.invoices - p.withLines
	zeroWithout := p.zeroLines - p.zeroWithLines
	// posted invoices with something paid, credited or written off that have no
	// allocations, credit notes or write-offs to account for it
	unexplained := p.postedPaid - p.allocPostedPaid - p.eventPostedPaidNoAlloc
	return map[string]bool{
		labelOpenBalance:  p.allocOpenBalance+p.eventOpenBalance > 0 || unexplained != 0,
		labelOpenRange:    p.openRange > 0,
		labelNotPosted:    p.notPostedOpen+p.allocNotPosted+p.eventOnDraft > 0,
		labelLines:        p.totalsSum+p.lineSums > 0 || withoutLines != zeroWithout,
		labelUnallocated:  p.paymentNegative+p.payUnallocated > 0 || p.paymentsPaid != p.payWithAllocPaid,
		labelAllocParties: p.allocParties > 0,
		labelSequence:     p.seqGap != 0 || p.seqDistinct != p.seqNumbers,
		labelNoNumber:     p.noNumber > 0,
		labelDueDate:      p.dueDate > 0,
		labelAmount:       p.amountInv+p.amountLines+p.amountPayments+p.amountSmall > 0,
		labelManyLines:    p.manyLines > 0,
		labelCompanySum:   p.invoiceTotal > float64(MaxCompanyTotal) || p.paymentTotal > float64(MaxCompanyTotal),
	}
}

// foreignKeys tells whether any foreign key is broken (then PRAGMA foreign_key_check
// lists them).
func (p *passes) foreignKeys() bool {
	return p.bigFKs != checkedFKs || p.lineOrphans+p.allocOrphans+p.payOrphans+p.eventOrphans+p.customerOrphansInv+p.customerOrphansPay+p.otherFK > 0
}

// checkedFKs is the number of foreign keys of invoices, invoice_lines, allocations and
// payments, which the passes check: an invoice's customer, a line's invoice, an
// allocation's payment and invoice, a payment's customer.
const checkedFKs = 5

// indexChecks are the quick check's comparisons of the indexes that the reports and these
// passes read with their tables (integrity_check compares every index row by row; check
// -full runs it): the number of entries, and for the indexes grouped by a key the sum of
// the keys (modulo a prime, so that it never overflows), read through the index and from
// the table; for invoices_open, the partial index of open invoices, the number and the sum
// of their open balances.
func (p *passes) indexChecks() []string {
	var out []string
	bad := func(index, table string, ok bool) {
		if !ok {
			out = append(out, fmt.Sprintf("integrity: the index %s does not match the table %s (check -full lists what differs)", index, table))
		}
	}
	bad("invoices_open", "invoices", p.openByIndex == p.openCount && p.openSumByIndex == p.openSum)
	bad("invoices_customer", "invoices", p.invoicesByCustomerIndex == p.invoices && p.invoiceCustomerKeysByIndex == p.invoiceCustomerKeys)
	bad("sqlite_autoindex_invoices_2 (invoice numbers)", "invoices", p.seqByIndex == p.seqCount)
	bad("sqlite_autoindex_invoice_lines_1 (lines of each invoice)", "invoice_lines", p.linesByIndex == p.lines && p.lineKeysByIndex == p.lineKeys)
	bad("allocations_invoice", "allocations", p.allocsByInvoice == p.allocsA && p.allocInvoiceKeys == p.allocInvoiceKeysTable)
	bad("allocations_payment", "allocations", p.allocsByPayment == p.allocs && p.allocPaymentKeys == p.allocPaymentKeysTable)
	bad("payments_customer", "payments", p.paymentsByCustomerIndex == p.payments && p.paymentCustomerKeysByIndex == p.paymentCustomerKeys)
	return out
}

// undecided tells whether err is SQLite's integer overflow in sum() (a file far over the
// bounds), or an index the passes read is missing (a file whose schema was changed outside
// Duebook): the passes then cannot tell, and every rule's own query runs.
func undecided(err error) bool {
	return isOverflow(err) || (err != nil && strings.Contains(err.Error(), "no such index"))
}
