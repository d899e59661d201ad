package data

import (
	"context"
	"database/sql"
)

func prepareDemo(ctx context.Context, tx *Tx) (*demoStmts, error) {
	d := &demoStmts{}
	qs := []struct {
		dst **sql.Stmt
		q   string
	}{
		{&d.inv, `INSERT INTO invoices(customer_id, currency, issue_date, due_date, po_number, status, subtotal, tax_total, total, open_amount, created)
			VALUES (?,?,?,?,?,'draft',?,?,?,0,?)`},
		{&d.line, `INSERT INTO invoice_lines(invoice_id, pos, description, qty_milli, unit_price, tax_rate_bp, net, tax) VALUES (?,?,?,?,?,?,?,?)`},
		{&d.post, `UPDATE invoices SET status='posted', number=?, seq=?, open_amount=total, sent_date=?, posted_at=? WHERE id = ?`},
		{&d.pay, `INSERT INTO payments(customer_id, date, method, reference, amount, currency, unallocated, source, created) VALUES (?,?,?,?,?,?,?,?,?)`},
		{&d.alloc, `INSERT INTO allocations(payment_id, invoice_id, amount, date, created) VALUES (?,?,?,?,?)`},
		{&d.cn, `INSERT INTO credit_notes(number, seq, invoice_id, date, amount, reason, created) VALUES (?,?,?,?,?,?,?)`},
		{&d.wo, `INSERT INTO write_offs(invoice_id, date, amount, reason, created) VALUES (?,?,?,?,?)`},
		{&d.void, `UPDATE invoices SET status='void', open_amount=0, void_reason=?, void_date=? WHERE id = ?`},
	}
	for _, q := range qs {
		s, err := tx.PrepareContext(ctx, q.q)
		if err != nil {
			d.close()
			return nil, err
		}
		*q.dst = s
	}
	return d, nil
}
