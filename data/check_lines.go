package data

import (
	"context"
	"database/sql/driver"
	"fmt"
	"strconv"
)

// Three rules of check decided in Go from plain scans the passes make anyway (issue 14).
// Their SQL passes grouped a large table along an index, each entry a lookup of its row,
// and looked up each group's invoice or payment by rowid: at a million invoices the lines
// by invoice 3.8 s, the allocations by invoice 1.9 s and by payment 1.7 s, of about 10 s.
// Here the scans in table order carry each row's key and amounts to Go:
//
//   - the lines' bounds pass sums each invoice's lines (net, tax, count);
//   - the allocations' count pass (group 0) sums each invoice's allocations, and allocScan
//     (group 1) each payment's;
//   - the invoice scan and the payment scan compare each invoice and payment with its sums,
//     counting what the SQL passes count (decideLines, decideAllocInvoices,
//     decideAllocPayments), and the entries of the indexes those walked are counted by a
//     scan of each index alone, for the quick check's comparison of the indexes.
//
// Where Go might judge a row otherwise than SQLite (a key, an amount or a figure that is
// not an integer, an amount over the bounds, whose sums SQLite's sum() may refuse, a
// difference beyond int64 that SQLite would take as a real), that rule's SQL pass runs
// instead, as before.

// groupSum is what the rows of one key (an invoice, a payment) sum to, and what the
// comparison with its invoice or payment found.
type groupSum struct {
	a, b    int64 // lines: net and tax; allocations: amount
	count   uint32
	seen    bool // the invoice or payment was met
	zero    bool // lines: the invoice's subtotal and tax are 0
	differs bool // lines: they are not the lines' sums
}

// byID keeps a T for each id met: in a slice for the small ids Duebook gives (below
// limit: one lookup per row, where a map took a sixth of a pass), in a map beyond.
type byID[T any] struct {
	limit int64
	dense []T
	seen  []bool
	other map[int64]*T
}

func (c *byID[T]) at(id int64) *T {
	if id >= 0 && id < c.limit {
		if id >= int64(len(c.dense)) {
			n := int(min(max(2*int64(len(c.dense)), id+1, 1024), c.limit))
			c.dense = append(c.dense, make([]T, n-len(c.dense))...)
			c.seen = append(c.seen, make([]bool, n-len(c.seen))...)
		}
		c.seen[id] = true
		return &c.dense[id]
	}
	if c.other == nil {
		c.other = map[int64]*T{}
	}
	f := c.other[id]
	if f == nil {
		f = new(T)
		c.other[id] = f
	}
	return f
}

// lookup is id's T, nil if id was not met.
func (c *byID[T]) lookup(id int64) *T {
	if id >= 0 && id < int64(len(c.dense)) {
		if c.seen[id] {
			return &c.dense[id]
		}
		return nil
	}
	return c.other[id]
}

// each calls fn with every id met and its T.
func (c *byID[T]) each(fn func(int64, *T)) {
	for id, seen := range c.seen {
		if seen {
			fn(int64(id), &c.dense[id])
		}
	}
	for id, f := range c.other {
		fn(id, f)
	}
}

// groupSums are the sums by key (at most 64 MiB for the first two million ids).
type groupSums struct {
	byID[groupSum]
	ok bool // every value was an integer within the bounds
}

const groupSumsDense = 1 << 21

func newGroupSums() *groupSums {
	return &groupSums{byID: byID[groupSum]{limit: groupSumsDense}, ok: true}
}

// add adds one row of key id and amounts a and b (any value: one that is not an integer
// within MaxAmount makes the sums unusable).
func (g *groupSums) add(id, a, b driver.Value) {
	if !g.ok {
		return
	}
	k, ok1 := id.(int64)
	x, ok2 := bounded(a)
	y, ok3 := bounded(b)
	if !ok1 || !ok2 || !ok3 {
		g.ok = false
		return
	}
	f := g.at(k)
	f.a, f.b = f.a+x, f.b+y
	if f.count++; int64(f.count) > maxGroupRows {
		g.ok = false
	}
}

// bounded is v as an integer within ±MaxAmount (NULL is not: sum() skips it).
func bounded(v driver.Value) (int64, bool) {
	x, ok := v.(int64)
	return x, ok && x >= -MaxAmount && x <= MaxAmount
}

// maxGroupRows is the most rows of one key whose sums, each amount within MaxAmount,
// cannot pass int64 in any order: beyond it SQLite's sum() may refuse (it adds in the
// order of the index, these in the table's), and the SQL pass says so.
const maxGroupRows = (1<<63 - 1) / MaxAmount

// sub is a - b, and whether it is within int64 (SQLite takes it as a real beyond).
func sub(a, b int64) (int64, bool) {
	d := a - b
	return d, (b >= 0) == (d <= a)
}

// The fold columns the scans carry: each line's invoice, net and tax; each allocation's
// invoice and amount; each invoice's id, subtotal, tax, whether posted, total and open
// balance; each payment's id, amount and unallocated amount.
const (
	lineScanFold     = checkFoldFunc + `(?, invoice_id, net, tax)`
	allocInvoiceFold = checkFoldFunc + `(?, invoice_id, amount)`
	invoiceScanFold  = checkFoldFunc + `(?, id, subtotal, tax_total, status = 'posted', total, open_amount)`
	paymentScanFold  = checkFoldFunc + `(?, id, amount, unallocated)`
)

// sumScan runs folded (a pass whose counts go into dest, with a fold column of a key and
// one or two amounts), and gives each key's sums; nil when there is no fold (the pass then
// runs as it is).
func sumScan(ctx context.Context, tx sqlTx, folded string, dest []any) (*groupSums, error) {
	if foldUnavailable != nil {
		return nil, nil
	}
	g := newGroupSums()
	err := foldRow(ctx, tx, folded, func(v []driver.Value) {
		if len(v) == 2 {
			g.add(v[0], v[1], int64(0))
		} else {
			g.add(v[0], v[1], v[2])
		}
	}, append(dest[:len(dest):len(dest)], new(int64)))
	if err != nil {
		return nil, err
	}
	return g, nil
}

// invoiceScan runs folded, the invoice scan (its counts into dest) with the fold column,
// comparing each invoice that has lines or allocations with their sums.
func (p *passes) invoiceScan(ctx context.Context, tx sqlTx, folded string, dest []any) error {
	lines, allocs := p.lineFigs, p.allocFigs
	return foldRow(ctx, tx, folded, func(v []driver.Value) {
		id, _ := v[0].(int64) // the rowid: always an integer
		if lines != nil && lines.ok {
			if f := lines.lookup(id); f != nil {
				subtotal, ok1 := v[1].(int64)
				tax, ok2 := v[2].(int64)
				if !ok1 || !ok2 {
					lines.ok = false // SQLite compares other types by its own rules
				} else {
					f.seen, f.zero, f.differs = true, subtotal == 0 && tax == 0, subtotal != f.a || tax != f.b
				}
			}
		}
		if allocs != nil && allocs.ok {
			if f := allocs.lookup(id); f != nil {
				posted, ok1 := v[3].(int64)
				total, ok2 := bounded(v[4])
				open, ok3 := bounded(v[5])
				if !ok1 || !ok2 || !ok3 {
					allocs.ok = false
					return
				}
				if posted == 0 {
					p.byInvoice.notPosted++
					return
				}
				paid := total - open
				if paid != 0 {
					p.byInvoice.postedPaid++
				}
				if d, ok := sub(paid, f.a); !ok {
					allocs.ok = false
				} else if d != 0 {
					p.byInvoice.unexplained = append(p.byInvoice.unexplained, [2]int64{id, d})
				}
			}
		}
	}, append(dest[:len(dest):len(dest)], new(int64)))
}

// paymentScan runs folded, the payment scan (its counts into dest) with the fold column,
// comparing each payment that has allocations with their sum.
func (p *passes) paymentScan(ctx context.Context, tx sqlTx, folded string, dest []any) error {
	allocs := p.payFigs
	return foldRow(ctx, tx, folded, func(v []driver.Value) {
		if !allocs.ok {
			return
		}
		id, _ := v[0].(int64)
		f := allocs.lookup(id)
		if f == nil {
			return
		}
		amount, ok1 := bounded(v[1])
		unallocated, ok2 := bounded(v[2])
		if !ok1 || !ok2 {
			allocs.ok = false
			return
		}
		f.seen = true
		if d, ok := sub(amount, f.a); !ok {
			allocs.ok = false
		} else if unallocated != d {
			p.byPayment.unallocated++
		}
		if amount != unallocated {
			p.byPayment.paid++
		}
	}, append(dest[:len(dest):len(dest)], new(int64)))
}

// indexEntries is the number of entries of index and the sum of their column modulo
// 1000003, read from the index alone.
func indexEntries(ctx context.Context, tx sqlTx, table, index, column string) (n, keys int64, err error) {
	err = tx.QueryRowContext(ctx, fmt.Sprintf(`SELECT count(*), coalesce(sum(%s %% 1000003), 0) FROM %s INDEXED BY %s`, column, table, index)).Scan(&n, &keys)
	if err != nil {
		err = fmt.Errorf("check: %w", err)
	}
	return
}

// decideLines fills the counts of the grouped pass of the lines from p.lineFigs, and
// counts the entries of the lines' index; false (nothing filled) when the sums cannot stand
// for the SQL pass.
func (p *passes) decideLines(ctx context.Context, tx sqlTx) (bool, error) {
	l := p.lineFigs
	if l == nil || !l.ok {
		return false, nil
	}
	var with, orphans, zero, differs, many int64
	l.each(func(_ int64, f *groupSum) {
		if f.seen {
			with++
			if f.zero {
				zero++
			}
			if f.differs {
				differs++
			}
		} else {
			orphans++
		}
		if f.count > MaxInvoiceLines {
			many++
		}
	})
	n, keys, err := indexEntries(ctx, tx, "invoice_lines", "sqlite_autoindex_invoice_lines_1", "invoice_id")
	if err != nil {
		return false, err
	}
	p.withLines, p.lineOrphans, p.zeroWithLines, p.lineSums, p.manyLines = with, orphans, zero, differs, many
	p.linesByIndex, p.lineKeysByIndex = n, keys
	return true, nil
}

// decideAllocInvoices fills the counts of the pass of the allocations grouped by invoice
// from p.allocFigs and the invoice scan: of the posted invoices whose allocations do not
// account for what was paid, those whose credit notes and write-offs do not either are
// counted in SQL (on a healthy file the invoices with both an allocation and a credit or a
// write-off).
func (p *passes) decideAllocInvoices(ctx context.Context, tx sqlTx) (bool, error) {
	a := p.allocFigs
	if a == nil || !a.ok {
		return false, nil
	}
	buf := []byte{'['}
	for i, u := range p.byInvoice.unexplained {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = append(buf, '[')
		buf = strconv.AppendInt(buf, u[0], 10)
		buf = append(buf, ',')
		buf = strconv.AppendInt(buf, u[1], 10)
		buf = append(buf, ']')
	}
	buf = append(buf, ']')
	var open int64
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM json_each(?) j
		WHERE j.value->>1 <> coalesce((SELECT sum(amount) FROM credit_notes n WHERE n.invoice_id = j.value->>0), 0)
			+ coalesce((SELECT sum(amount) FROM write_offs w WHERE w.invoice_id = j.value->>0), 0)`, string(buf)).Scan(&open); err != nil {
		return false, fmt.Errorf("check: %w", err)
	}
	n, keys, err := indexEntries(ctx, tx, "allocations", "allocations_invoice", "invoice_id")
	if err != nil {
		return false, err
	}
	p.allocNotPosted, p.allocPostedPaid, p.allocOpenBalance = p.byInvoice.notPosted, p.byInvoice.postedPaid, open
	p.allocsByInvoice, p.allocInvoiceKeys = n, keys
	return true, nil
}

// decideAllocPayments fills the counts of the pass of the allocations grouped by payment
// from p.payFigs and the payment scan.
func (p *passes) decideAllocPayments(ctx context.Context, tx sqlTx) (bool, error) {
	a := p.payFigs
	if a == nil || !a.ok {
		return false, nil
	}
	var orphans int64
	a.each(func(_ int64, f *groupSum) {
		if !f.seen {
			orphans++
		}
	})
	n, keys, err := indexEntries(ctx, tx, "allocations", "allocations_payment", "payment_id")
	if err != nil {
		return false, err
	}
	p.payOrphans, p.payUnallocated, p.payWithAllocPaid = orphans, p.byPayment.unallocated, p.byPayment.paid
	p.allocsByPayment, p.allocPaymentKeys = n, keys
	return true, nil
}
