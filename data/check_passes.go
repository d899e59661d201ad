package data

import (
	"context"
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
//   invoice_lines  grouped by invoice along its (invoice_id, pos) index, joined to the
//                  invoice by rowid: sums and counts per invoice; and one plain scan for the
//                  bounds of each line (cheaper than carrying them through the grouping);
//   allocations    grouped by invoice (allocations_invoice), grouped by payment
//                  (allocations_payment), and one plain scan joined to both parties;
//   payments       one scan; credit notes and write-offs (small) grouped by invoice.
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
	seqByIndex, otherFK, bigFKs                                                                      int64
	openByIndex                                                                                      int64
	openSumByIndex                                                                                   float64
}

// pass is one query of the passes: its group (see run), and the fields its one row fills.
type pass struct {
	group int
	q     string
	dest  []any
}

// queries are the passes. Group 0 reads invoices, their lines, and the allocations, credit
// notes and write-offs of each invoice; group 1 payments, the allocations of each payment
// and of each customer. Every rule is decided by the counts of one group only, so the
// groups can run in two read transactions at once (run), each on its own snapshot, without
// a rule ever comparing rows of two moments.
func (p *passes) queries() []pass {
	x := MaxAmount
	return []pass{
		{0, fmt.Sprintf(`SELECT count(*),
			count(*) FILTER (WHERE subtotal = 0 AND tax_total = 0),
			count(*) FILTER (WHERE status = 'posted' AND total - open_amount <> 0),
			count(*) FILTER (WHERE open_amount < 0 OR open_amount > total),
			count(*) FILTER (WHERE status <> 'posted' AND open_amount <> 0),
			count(*) FILTER (WHERE total <> subtotal + tax_total),
			count(*) FILTER (WHERE status <> 'draft' AND (number IS NULL OR seq IS NULL)),
			count(*) FILTER (WHERE due_date < issue_date),
			count(*) FILTER (WHERE total > %[1]d OR subtotal NOT BETWEEN -%[1]d AND %[1]d OR tax_total NOT BETWEEN -%[1]d AND %[1]d OR open_amount > %[1]d),
			total(total),
			count(*) FILTER (WHERE status = 'posted' AND open_amount > 0),
			total(open_amount) FILTER (WHERE status = 'posted' AND open_amount > 0),
			count(seq), coalesce(sum(customer_id %% 1000003), 0)
			FROM invoices NOT INDEXED`, x),
			[]any{&p.invoices, &p.zeroLines, &p.postedPaid, &p.openRange, &p.notPostedOpen, &p.totalsSum, &p.noNumber, &p.dueDate, &p.amountInv,
				&p.invoiceTotal, &p.openCount, &p.openSum, &p.seqCount, &p.invoiceCustomerKeys}},
		{0, `SELECT count(i.id), count(*) FILTER (WHERE i.id IS NULL),
			count(*) FILTER (WHERE i.subtotal = 0 AND i.tax_total = 0),
			count(*) FILTER (WHERE i.subtotal <> l.n OR i.tax_total <> l.t),
			count(*) FILTER (WHERE l.c > ` + fmt.Sprint(MaxInvoiceLines) + `),
			coalesce(sum(l.c), 0), coalesce(sum(l.invoice_id % 1000003 * l.c), 0)
			FROM (SELECT invoice_id, sum(net) n, sum(tax) t, count(*) c FROM invoice_lines INDEXED BY sqlite_autoindex_invoice_lines_1
			      GROUP BY invoice_id) l
			LEFT JOIN invoices i ON i.id = l.invoice_id`,
			[]any{&p.withLines, &p.lineOrphans, &p.zeroWithLines, &p.lineSums, &p.manyLines, &p.linesByIndex, &p.lineKeysByIndex}},
		{0, fmt.Sprintf(`SELECT count(*),
			count(*) FILTER (WHERE unit_price NOT BETWEEN -%[1]d AND %[1]d OR net NOT BETWEEN -%[1]d AND %[1]d OR tax NOT BETWEEN -%[1]d AND %[1]d),
			coalesce(sum(invoice_id %% 1000003), 0)
			FROM invoice_lines NOT INDEXED`, x),
			[]any{&p.lines, &p.amountLines, &p.lineKeys}},
		{0, `SELECT count(*) FILTER (WHERE i.status <> 'posted'),
			count(*) FILTER (WHERE i.status = 'posted' AND i.total - i.open_amount <> 0),
			count(*) FILTER (WHERE i.status = 'posted' AND i.total - i.open_amount <> a.s
				AND i.total - i.open_amount - a.s <> coalesce((SELECT sum(amount) FROM credit_notes n WHERE n.invoice_id = a.invoice_id), 0)
					+ coalesce((SELECT sum(amount) FROM write_offs w WHERE w.invoice_id = a.invoice_id), 0)),
			coalesce(sum(a.c), 0), coalesce(sum(a.invoice_id % 1000003 * a.c), 0)
			FROM (SELECT invoice_id, sum(amount) s, count(*) c FROM allocations INDEXED BY allocations_invoice GROUP BY invoice_id) a
			LEFT JOIN invoices i ON i.id = a.invoice_id`,
			[]any{&p.allocNotPosted, &p.allocPostedPaid, &p.allocOpenBalance, &p.allocsByInvoice, &p.allocInvoiceKeys}},
		{1, `SELECT count(*) FILTER (WHERE p.id IS NULL),
			count(*) FILTER (WHERE p.unallocated <> p.amount - a.s),
			count(*) FILTER (WHERE p.amount - p.unallocated <> 0),
			coalesce(sum(a.c), 0), coalesce(sum(a.payment_id % 1000003 * a.c), 0)
			FROM (SELECT payment_id, sum(amount) s, count(*) c FROM allocations INDEXED BY allocations_payment GROUP BY payment_id) a
			LEFT JOIN payments p ON p.id = a.payment_id`,
			[]any{&p.payOrphans, &p.payUnallocated, &p.payWithAllocPaid, &p.allocsByPayment, &p.allocPaymentKeys}},
		{0, `SELECT count(*), coalesce(sum(invoice_id % 1000003), 0) FROM allocations NOT INDEXED`,
			[]any{&p.allocsA, &p.allocInvoiceKeysTable}},
		{1, `SELECT count(*), count(*) FILTER (WHERE p.id IS NULL OR i.id IS NULL),
			count(*) FILTER (WHERE p.customer_id <> i.customer_id OR p.currency <> i.currency),
			coalesce(sum(a.payment_id % 1000003), 0)
			FROM allocations a NOT INDEXED LEFT JOIN payments p ON p.id = a.payment_id LEFT JOIN invoices i ON i.id = a.invoice_id`,
			[]any{&p.allocs, &p.allocOrphans, &p.allocParties, &p.allocPaymentKeysTable}},
		{0, `SELECT count(*) FILTER (WHERE i.id IS NULL),
			count(*) FILTER (WHERE i.status = 'draft'),
			count(*) FILTER (WHERE i.status = 'posted'
				AND i.open_amount <> i.total - coalesce((SELECT sum(amount) FROM allocations a WHERE a.invoice_id = e.invoice_id), 0) - e.s),
			count(*) FILTER (WHERE i.status = 'posted' AND i.total - i.open_amount <> 0
				AND NOT EXISTS (SELECT 1 FROM allocations a WHERE a.invoice_id = e.invoice_id))
			FROM (SELECT invoice_id, sum(amount) s FROM (SELECT invoice_id, amount FROM credit_notes UNION ALL SELECT invoice_id, amount FROM write_offs)
			      GROUP BY invoice_id) e
			LEFT JOIN invoices i ON i.id = e.invoice_id`,
			[]any{&p.eventOrphans, &p.eventOnDraft, &p.eventOpenBalance, &p.eventPostedPaidNoAlloc}},
		{1, fmt.Sprintf(`SELECT (SELECT count(*) FROM credit_notes WHERE amount > %[1]d) + (SELECT count(*) FROM write_offs WHERE amount > %[1]d)
			+ (SELECT count(*) FROM customers WHERE credit_limit > %[1]d) + (SELECT count(*) FROM promises WHERE amount > %[1]d)`, x),
			[]any{&p.amountSmall}},
		{1, fmt.Sprintf(`SELECT count(*), count(*) FILTER (WHERE unallocated < 0),
			count(*) FILTER (WHERE amount - unallocated <> 0),
			count(*) FILTER (WHERE amount > %[1]d), total(amount), coalesce(sum(customer_id %% 1000003), 0)
			FROM payments NOT INDEXED`, x),
			[]any{&p.payments, &p.paymentNegative, &p.paymentsPaid, &p.amountPayments, &p.paymentTotal, &p.paymentCustomerKeys}},
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
			[]any{&p.customerOrphansInv, &p.invoicesByCustomerIndex, &p.invoiceCustomerKeysByIndex, &p.seqByIndex, &p.openByIndex, &p.openSumByIndex}},
		{1, `SELECT count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM customers c WHERE c.id = g.customer_id)),
			  coalesce(sum(g.n), 0), coalesce(sum(g.customer_id % 1000003 * g.n), 0)
			FROM (SELECT customer_id, count(*) n FROM payments INDEXED BY payments_customer GROUP BY customer_id) g`,
			[]any{&p.customerOrphansPay, &p.paymentsByCustomerIndex, &p.paymentCustomerKeysByIndex}},
		// The foreign keys of every other table (all small beside these four).
		{1, `SELECT count(*) FROM sqlite_master m, pragma_foreign_key_check(m.name) f
			WHERE m.type = 'table' AND m.name NOT IN ('invoices', 'invoice_lines', 'allocations', 'payments')`,
			[]any{&p.otherFK}},
		// The foreign keys of the four large tables that the passes above check (a schema
		// with others is checked by PRAGMA foreign_key_check).
		{1, `SELECT count(*) FROM sqlite_master m, pragma_foreign_key_list(m.name) f
			WHERE m.type = 'table' AND m.name IN ('invoices', 'invoice_lines', 'allocations', 'payments')`,
			[]any{&p.bigFKs}},
	}
}

// run fills the fields of group's passes, one query a pass, within tx (one snapshot: the
// group's counts are compared with each other).
func (p *passes) run(ctx context.Context, tx sqlTx, group int) error {
	for _, q := range p.queries() {
		if q.group != group {
			continue
		}
		if err := tx.QueryRowContext(ctx, q.q).Scan(q.dest...); err != nil {
			return fmt.Errorf("check: %w", err)
		}
	}
	return nil
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
		labelSequence:     true, // one row at most, from the seq index: its own query is the pass
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
	return err != nil && (strings.Contains(err.Error(), "integer overflow") || strings.Contains(err.Error(), "no such index"))
}
