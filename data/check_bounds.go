package data

import "fmt"

// boundChecks are Check's queries for a file over the bounds of bounds.go: an old file, or one
// written outside Duebook, on which a report's sums could overflow. They never overflow
// themselves: single amounts are compared, not summed, and the company sums use SQLite's
// total(), which adds in floating point only to compare with the ceiling (a bound test,
// not an amount anyone sees).
var boundChecks = []struct{ label, q string }{
	{labelAmount, fmt.Sprintf(`
		SELECT coalesce(number, 'draft #' || id) || ' (total)' FROM invoices
		 WHERE total > %[1]d OR subtotal NOT BETWEEN -%[1]d AND %[1]d OR tax_total NOT BETWEEN -%[1]d AND %[1]d OR open_amount > %[1]d
		UNION ALL SELECT coalesce(i.number, 'draft #' || i.id) || ' line ' || l.pos FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id
		 WHERE l.unit_price NOT BETWEEN -%[1]d AND %[1]d OR l.net NOT BETWEEN -%[1]d AND %[1]d OR l.tax NOT BETWEEN -%[1]d AND %[1]d
		UNION ALL SELECT 'payment ' || id FROM payments WHERE amount > %[1]d
		UNION ALL SELECT 'credit note ' || number FROM credit_notes WHERE amount > %[1]d
		UNION ALL SELECT 'write-off ' || id FROM write_offs WHERE amount > %[1]d
		UNION ALL SELECT 'credit limit of customer ' || id FROM customers WHERE credit_limit > %[1]d
		UNION ALL SELECT 'promise ' || id FROM promises WHERE amount > %[1]d`, MaxAmount)},
	{labelManyLines, fmt.Sprintf(`
		SELECT coalesce(i.number, 'draft #' || i.id) FROM invoices i JOIN
		 (SELECT invoice_id FROM invoice_lines GROUP BY invoice_id HAVING count(*) > %d) l ON l.invoice_id = i.id`, MaxInvoiceLines)},
	{labelCompanySum, fmt.Sprintf(`
		SELECT 'the invoice totals' WHERE (SELECT total(total) FROM invoices) > %[1]d
		UNION ALL SELECT 'the payments' WHERE (SELECT total(amount) FROM payments) > %[1]d`, MaxCompanyTotal)},
}
