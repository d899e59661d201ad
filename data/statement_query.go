package data

import (
	"context"
	"fmt"
)

// StatementsFor builds the statements of many customers (as StatementFor does for one, with
// the same entries in the same order) from a few queries per batch of customers instead of
// four per customer, in one snapshot. The statements come back in the order of ids.
func (s *Store) StatementsFor(ctx context.Context, ids []int64, from, asOf Date) ([]*Statement, error) {
	if asOf.IsZero() {
		asOf = s.Today()
	}
	if from.IsZero() {
		from = asOf.FirstOfMonth()
	}
	out := make([]*Statement, 0, len(ids))
	err := s.View(ctx, func(tx sqlTx) error {
		for start := 0; start < len(ids); start += 500 {
			chunk := ids[start:min(start+500, len(ids))]
			sts, err := statementsChunk(ctx, tx, chunk, from, asOf)
			if err != nil {
				return err
			}
			out = append(out, sts...)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// statementsChunk reads one batch. Each query names ?1 (the day) before its id list, so
// that the list's bare ? are numbered after it.
func statementsChunk(ctx context.Context, tx sqlTx, ids []int64, from, asOf Date) ([]*Statement, error) {
	d := asOf.String()
	in := `(` + placeholders(len(ids)) + `)`
	idArgs := make([]any, len(ids))
	for i, id := range ids {
		idArgs[i] = id
	}
	args := func(before ...any) []any { return append(append([]any{}, before...), idArgs...) }
	byID := map[int64]*Statement{}
	events := map[int64][]StatementEntry{}
	cs, err := queryAll(ctx, tx, `SELECT `+customerCols+` FROM customers WHERE id IN `+in, scanCustomer, idArgs...)
	if err != nil {
		return nil, err
	}
	for _, c := range cs {
		byID[c.ID] = &Statement{Customer: c, Currency: c.Currency, From: from, AsOf: asOf}
	}
	for _, id := range ids {
		if byID[id] == nil {
			return nil, fmt.Errorf("customer %d: %w", id, ErrNotFound)
		}
	}
	// Invoices posted (issued) on or before asOf, with what was open on asOf: today's open
	// amount plus what came off after asOf (as Aging's agingAsOfItems); a void invoice's
	// events are summed.
	rows, err := tx.QueryContext(ctx, `WITH later(invoice_id, amount) AS (
			SELECT invoice_id, amount FROM allocations WHERE date > ?1
			UNION ALL SELECT invoice_id, amount FROM credit_notes WHERE date > ?1
			UNION ALL SELECT invoice_id, amount FROM write_offs WHERE date > ?1),
		back AS MATERIALIZED (SELECT invoice_id, sum(amount) AS amount FROM later GROUP BY invoice_id)
		SELECT i.customer_id, i.id, i.number, i.issue_date, i.due_date, i.total, i.status,
		coalesce(i.void_date, ''), i.po_number,
		CASE WHEN i.status = 'posted' THEN i.open_amount + coalesce(b.amount, 0) ELSE i.total
			- coalesce((SELECT sum(amount) FROM allocations a WHERE a.invoice_id = i.id AND a.date <= ?1), 0)
			- coalesce((SELECT sum(amount) FROM credit_notes n WHERE n.invoice_id = i.id AND n.date <= ?1), 0)
			- coalesce((SELECT sum(amount) FROM write_offs w WHERE w.invoice_id = i.id AND w.date <= ?1), 0) END
		FROM invoices i JOIN customers c ON c.id = i.customer_id LEFT JOIN back b ON b.invoice_id = i.id
		WHERE i.customer_id IN `+in+` AND i.currency = c.currency AND i.status <> 'draft' AND i.issue_date <= ?1
		ORDER BY i.customer_id, i.issue_date, i.seq`, args(d)...)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var e StatementEntry
		var cid int64
		var status, voidDate, po string
		if err := rows.Scan(&cid, &e.InvoiceID, &e.Ref, &e.Date, &e.DueDate, &e.Amount, &status, &voidDate, &po, &e.Open); err != nil {
			rows.Close()
			return nil, err
		}
		events[cid] = byID[cid].addInvoice(events[cid], e, status, voidDate, po, d)
	}
	if err := rows.Close(); err != nil {
		return nil, err
	}
	// Payments, with what was still unapplied on asOf (today's plus what was applied after).
	// GROUP BY +payment_id: read the allocations after asOf through allocations_date, not
	// every allocation in payment order.
	rows, err = tx.QueryContext(ctx, `WITH paid_later AS MATERIALIZED (
			SELECT payment_id, sum(amount) AS amount FROM allocations WHERE date > ?1 GROUP BY +payment_id)
		SELECT p.customer_id, p.date, p.method, p.reference, p.amount, p.unallocated + coalesce(l.amount, 0)
		FROM payments p JOIN customers c ON c.id = p.customer_id LEFT JOIN paid_later l ON l.payment_id = p.id
		WHERE p.customer_id IN `+in+` AND p.currency = c.currency AND p.date <= ?1 ORDER BY p.customer_id, p.date, p.id`, args(d)...)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var e StatementEntry
		var cid, unapplied int64
		var method string
		if err := rows.Scan(&cid, &e.Date, &method, &e.Ref, &e.Amount, &unapplied); err != nil {
			rows.Close()
			return nil, err
		}
		e.Kind = "payment"
		e.Description = "Payment (" + method + ")"
		e.Amount = -e.Amount
		byID[cid].Credit += unapplied
		events[cid] = append(events[cid], e)
	}
	if err := rows.Close(); err != nil {
		return nil, err
	}
	// Credit notes, then write-offs, each in invoice order (issue date, id) as StatementFor
	// reads them through invoices_customer. CROSS JOIN: from the few events to their invoice,
	// not from every invoice of the customers to its events (at 100k invoices, 200,000
	// invoice reads per batch for 3,700 events).
	rows, err = tx.QueryContext(ctx, `SELECT * FROM (
		SELECT i.customer_id AS cid, 0 AS part, i.issue_date AS idate, i.id AS iid, n.id AS eid,
			'credit' AS kind, n.date, n.number, n.amount, n.reason, i.number FROM credit_notes n
		CROSS JOIN invoices i ON i.id = n.invoice_id JOIN customers c ON c.id = i.customer_id
		WHERE n.date <= ?1 AND i.customer_id IN `+in+` AND i.currency = c.currency
		UNION ALL SELECT i.customer_id, 1, i.issue_date, i.id, w.id, 'write_off', w.date, '', w.amount, w.reason, i.number FROM write_offs w
		CROSS JOIN invoices i ON i.id = w.invoice_id JOIN customers c ON c.id = i.customer_id
		WHERE w.date <= ?1 AND i.customer_id IN `+in+` AND i.currency = c.currency)
		ORDER BY cid, part, idate, iid, eid`, args(append([]any{d}, idArgs...)...)...)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var e StatementEntry
		var cid, part, iid, eid int64
		var idate, reason, invNo string
		if err := rows.Scan(&cid, &part, &idate, &iid, &eid, &e.Kind, &e.Date, &e.Ref, &e.Amount, &reason, &invNo); err != nil {
			rows.Close()
			return nil, err
		}
		events[cid] = append(events[cid], adjustmentEntry(e, reason, invNo))
	}
	if err := rows.Close(); err != nil {
		return nil, err
	}
	out := make([]*Statement, len(ids))
	done := map[int64]bool{}
	for i, id := range ids {
		st := byID[id]
		out[i] = st
		if done[id] {
			continue // the same customer twice: one statement
		}
		done[id] = true
		st.finish(events[id])
	}
	return out, nil
}

// CustomersOwing lists the ids of customers whose amount due on asOf (open invoices less
// unapplied payments, in the customer's currency) is at least minBalance and above zero,
// ordered by name. It is read as the as-of aging is (today's open amounts and credit plus
// what was applied, credited or written off after asOf, through the open-invoice, credit and
// event-date indexes) instead of rebuilding every invoice and payment of every customer (a
// test compares it with that rebuilt answer).
func (s *Store) CustomersOwing(ctx context.Context, asOf Date, minBalance int64) ([]int64, error) {
	if asOf.IsZero() {
		asOf = s.Today()
	}
	if minBalance < 1 {
		minBalance = 1
	}
	return queryAll(ctx, s.r, `WITH later(invoice_id, amount) AS (
			SELECT invoice_id, amount FROM allocations WHERE date > ?1
			UNION ALL SELECT invoice_id, amount FROM credit_notes WHERE date > ?1
			UNION ALL SELECT invoice_id, amount FROM write_offs WHERE date > ?1),
		back AS MATERIALIZED (SELECT invoice_id, sum(amount) AS amount FROM later GROUP BY invoice_id),
		paid_later AS MATERIALIZED (SELECT payment_id, sum(amount) AS amount FROM allocations WHERE date > ?1 GROUP BY +payment_id),
		owed(customer_id, currency, amount) AS (
			SELECT i.customer_id, i.currency, i.open_amount + coalesce(b.amount, 0)
				FROM invoices i LEFT JOIN back b ON b.invoice_id = i.id
				WHERE i.status = 'posted' AND i.open_amount > 0 AND i.issue_date <= ?1
			UNION ALL
			SELECT i.customer_id, i.currency, b.amount FROM back b CROSS JOIN invoices i ON i.id = b.invoice_id
				WHERE i.status = 'posted' AND i.open_amount = 0 AND i.issue_date <= ?1
			UNION ALL
			SELECT i.customer_id, i.currency, i.total
				- coalesce((SELECT sum(amount) FROM allocations a WHERE a.invoice_id = i.id AND a.date <= ?1), 0)
				- coalesce((SELECT sum(amount) FROM credit_notes n WHERE n.invoice_id = i.id AND n.date <= ?1), 0)
				- coalesce((SELECT sum(amount) FROM write_offs w WHERE w.invoice_id = i.id AND w.date <= ?1), 0)
				FROM invoices i WHERE i.void_date > ?1 AND i.void_date IS NOT NULL AND i.status = 'void' AND i.issue_date <= ?1
			UNION ALL
			SELECT p.customer_id, p.currency, -(p.unallocated + coalesce(l.amount, 0))
				FROM payments p LEFT JOIN paid_later l ON l.payment_id = p.id WHERE p.unallocated > 0 AND p.date <= ?1
			UNION ALL
			SELECT p.customer_id, p.currency, -l.amount FROM paid_later l CROSS JOIN payments p ON p.id = l.payment_id
				WHERE p.unallocated = 0 AND p.date <= ?1)
		SELECT c.id FROM (SELECT customer_id, currency, sum(amount) AS due FROM owed GROUP BY customer_id, currency) o
			JOIN customers c ON c.id = o.customer_id AND c.currency = o.currency
		WHERE o.due >= ?2 ORDER BY lower(c.name), c.id`,
		func(sc scanner) (id int64, err error) { err = sc.Scan(&id); return id, err }, asOf.String(), minBalance)
}
