package data

import "fmt"

// ledgerChecks are the ledger's invariants, each a query returning one text column that
// names what breaks it (at most 50 rows are shown, "label: what"). They are what a
// violation is reported by, and the plain definition of each rule: checkInvariants finds
// first, with the few passes of check_passes.go, which of them has anything to report, and
// runs only those (on a healthy file none).
var ledgerChecks = []struct{ label, q string }{
	{labelOpenBalance, `
		SELECT coalesce(i.number, 'draft #' || i.id) FROM invoices i
		LEFT JOIN (SELECT invoice_id, sum(amount) s FROM allocations GROUP BY invoice_id) a ON a.invoice_id = i.id
		LEFT JOIN (SELECT invoice_id, sum(amount) s FROM credit_notes GROUP BY invoice_id) n ON n.invoice_id = i.id
		LEFT JOIN (SELECT invoice_id, sum(amount) s FROM write_offs GROUP BY invoice_id) w ON w.invoice_id = i.id
		WHERE i.status = 'posted' AND i.open_amount <> i.total - coalesce(a.s,0) - coalesce(n.s,0) - coalesce(w.s,0)`},
	{labelOpenRange, `
		SELECT coalesce(number, 'draft #' || id) FROM invoices WHERE open_amount < 0 OR open_amount > total`},
	{labelNotPosted, `
		SELECT coalesce(i.number, 'draft #' || i.id) FROM invoices i WHERE i.status <> 'posted' AND (i.open_amount <> 0
		OR EXISTS (SELECT 1 FROM allocations a WHERE a.invoice_id = i.id)
		OR (i.status = 'draft' AND EXISTS (SELECT 1 FROM credit_notes n WHERE n.invoice_id = i.id))
		OR (i.status = 'draft' AND EXISTS (SELECT 1 FROM write_offs w WHERE w.invoice_id = i.id)))`},
	{labelLines, `
		SELECT coalesce(i.number, 'draft #' || i.id) FROM invoices i
		LEFT JOIN (SELECT invoice_id, sum(net) n, sum(tax) t FROM invoice_lines GROUP BY invoice_id) l ON l.invoice_id = i.id
		WHERE i.subtotal <> coalesce(l.n,0) OR i.tax_total <> coalesce(l.t,0) OR i.total <> i.subtotal + i.tax_total`},
	{labelUnallocated, `
		SELECT 'payment ' || p.id FROM payments p WHERE p.unallocated < 0
		OR p.unallocated <> p.amount - coalesce((SELECT sum(amount) FROM allocations a WHERE a.payment_id = p.id), 0)`},
	{labelAllocParties, `
		SELECT 'allocation ' || a.id FROM allocations a JOIN payments p ON p.id = a.payment_id JOIN invoices i ON i.id = a.invoice_id
		WHERE p.customer_id <> i.customer_id OR p.currency <> i.currency`},
	{labelSequence, `
		SELECT 'expected ' || count(*) || ' numbers up to ' || coalesce(max(seq),0) FROM invoices WHERE seq IS NOT NULL
		HAVING count(*) <> coalesce(max(seq),0) OR count(DISTINCT seq) <> count(*)`},
	{labelNoNumber, `
		SELECT 'invoice #' || id FROM invoices WHERE status <> 'draft' AND (number IS NULL OR seq IS NULL)`},
	{labelDueDate, `
		SELECT coalesce(number, 'draft #' || id) FROM invoices WHERE due_date < issue_date`},
}

const (
	labelOpenBalance  = "invoice open balance does not match total − allocations − credits − write-offs"
	labelOpenRange    = "invoice open balance is negative or above its total"
	labelNotPosted    = "draft or void invoice has allocations, credits or write-offs or an open balance"
	labelLines        = "invoice totals do not match its lines"
	labelUnallocated  = "payment unallocated amount does not match amount − allocations"
	labelAllocParties = "allocation joins a payment and an invoice of different customers or currencies"
	labelSequence     = "invoice numbers are not sequential (a gap or a duplicate)"
	labelNoNumber     = "posted invoice without a number"
	labelDueDate      = "due date before issue date"
)

var (
	labelAmount     = fmt.Sprintf("amount above %s minor units, the largest Duebook records", FormatPlain(MaxAmount, "JPY"))
	labelManyLines  = fmt.Sprintf("invoice with more than %d lines", MaxInvoiceLines)
	labelCompanySum = fmt.Sprintf("company sum above %s minor units, the most one company file holds (reports would overflow)", FormatPlain(MaxCompanyTotal, "JPY"))
)
