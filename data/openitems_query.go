package data

import "context"

// OpenItemsAsOf lists, per customer, the invoices in currency that were open on asOf, as
// the open items of the customer's statement on that day (StatementsFor's Open: only for
// customers billed in that currency; Ref, Date, DueDate, Amount and Open filled), in the
// statement's order (due date, then issue date, then number sequence). It reads what as-of
// aging reads (the open-invoice and event-date indexes), not every customer's history as a
// statement does: the detailed aging report at a million invoices.
func (s *Store) OpenItemsAsOf(ctx context.Context, asOf Date, currency string) (map[int64][]StatementEntry, error) {
	out := map[int64][]StatementEntry{}
	err := s.View(ctx, func(tx sqlTx) error {
		rows, err := tx.QueryContext(ctx, openItemsAsOfQuery, asOf.String(), currency)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var cid int64
			e := StatementEntry{Kind: "invoice"}
			if err := rows.Scan(&cid, &e.InvoiceID, &e.Ref, &e.Date, &e.DueDate, &e.Amount, &e.Open); err != nil {
				return err
			}
			out[cid] = append(out[cid], e)
		}
		return rows.Err()
	})
	return out, err
}

// openItemsAsOfQuery is agingAsOfItems per invoice: each invoice's rows (today's open amount,
// what came off after ?1, or a void invoice's rebuilt balance) summed by invoice.
const openItemsAsOfQuery = `WITH later(invoice_id, amount) AS (
		SELECT invoice_id, amount FROM allocations WHERE date > ?1
		UNION ALL SELECT invoice_id, amount FROM credit_notes WHERE date > ?1
		UNION ALL SELECT invoice_id, amount FROM write_offs WHERE date > ?1),
	back AS MATERIALIZED (SELECT invoice_id, sum(amount) AS amount FROM later GROUP BY invoice_id),
	items(id, open) AS (
		SELECT id, open_amount FROM invoices WHERE status = 'posted' AND open_amount > 0 AND currency = ?2 AND issue_date <= ?1
		UNION ALL
		SELECT i.id, b.amount FROM back b CROSS JOIN invoices i ON i.id = b.invoice_id
			WHERE i.status = 'posted' AND i.currency = ?2 AND i.issue_date <= ?1
		UNION ALL
		SELECT id, open FROM (` + voidBalancesQuery + `) WHERE open > 0),
	per AS (SELECT id, sum(open) AS open FROM items GROUP BY id)
	SELECT i.customer_id, i.id, i.number, i.issue_date, i.due_date, i.total, per.open
	FROM per CROSS JOIN invoices i ON i.id = per.id JOIN customers c ON c.id = i.customer_id
	WHERE c.currency = i.currency AND per.open > 0
	ORDER BY i.customer_id, i.due_date, i.issue_date, i.seq`
