package data

import (
	"bufio"
	"context"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// ExportCSV writes customers.csv, invoices.csv, payments.csv and allocations.csv to dir
// (made if needed) from one consistent snapshot, and returns the files written. Amounts
// are plain decimals ("1234.56") in each row's currency; dates YYYY-MM-DD.
//
// A million invoices are a few hundred megabytes of CSV. Every table is read in one read
// transaction on one connection, with one query each that reads only the columns written,
// straight from the driver (database/sql's Scan costs as much again); the customer names
// come from the customers pass and the invoice numbers of allocations.csv from the
// invoices pass (no joins), and each distinct date text is checked once. One goroutine
// reads the rows while another writes the lines (exportWriter): the reading is the
// engine's work and cannot be split, the writing overlaps it.
func (s *Store) ExportCSV(ctx context.Context, dir string) ([]string, error) {
	if dir == "" {
		return nil, fieldErr("dir", "a folder is needed")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	conn, err := s.r.Conn(ctx)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	var written []string
	err = conn.Raw(func(dc any) error {
		written, err = exportFrom(ctx, dc, dir)
		return err
	})
	if err != nil {
		return nil, err
	}
	return written, syncDir(dir)
}

// exportTable is one CSV file: its header, its query (the columns cols, in order), and
// line, which appends the CSV line of one row (vals) to b, or leaves b as it is when
// the row is not written.
type exportTable struct {
	file   string
	header []string
	what   string // one row, in messages: "invoice"
	cols   []string
	from   string // the rest of the query after the columns
	line   func(r *exportRow, b []byte) ([]byte, error)
}

func (t *exportTable) query() string {
	q := "SELECT "
	for i, c := range t.cols {
		if i > 0 {
			q += ", "
		}
		q += c
	}
	return q + " " + t.from
}

// exportBatch is up to exportBatchRows rows of one table as the driver gave them.
type exportBatch struct {
	vals []driver.Value // rows × columns
	rows int
	err  error // the read failed here; the batch holds no rows
}

const exportBatchRows = 256

// exportFrom runs the export on the driver connection dc (inside sql.Conn.Raw): this
// goroutine reads, exportWriter writes.
func exportFrom(ctx context.Context, dc any, dir string) ([]string, error) {
	q, ok := dc.(driver.QueryerContext)
	b, ok2 := dc.(driver.ConnBeginTx)
	if !ok || !ok2 {
		return nil, errors.New("the database driver cannot read an export")
	}
	tx, err := b.BeginTx(ctx, driver.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	n, err := countInvoices(ctx, q)
	if err != nil {
		return nil, err
	}
	tables := newExporter(n).tables()
	w := &exportWriter{dir: dir, tables: tables, free: make(chan *exportBatch, 8), stop: make(chan struct{})}
	w.in = make([]chan *exportBatch, len(tables))
	for i := range w.in {
		w.in[i] = make(chan *exportBatch, 4)
	}
	done := make(chan error, 1)
	go func() { done <- w.run() }()
	reading := true
	for i, t := range tables {
		if reading {
			reading = readTable(ctx, q, t, w.in[i], w.free, w.stop)
		}
		close(w.in[i])
	}
	err = <-done
	return w.written, err
}

// readTable sends the rows of t to out in batches, or the error; false when the export
// stops (a read or the writer failed).
func readTable(ctx context.Context, q driver.QueryerContext, t *exportTable, out chan<- *exportBatch,
	free chan *exportBatch, stop <-chan struct{}) bool {
	send := func(bt *exportBatch) bool {
		select {
		case out <- bt:
			return bt.err == nil
		case <-stop:
			return false
		}
	}
	rows, err := q.QueryContext(ctx, t.query(), nil)
	if err != nil {
		return send(&exportBatch{err: err})
	}
	defer rows.Close()
	n := len(t.cols)
	for {
		var bt *exportBatch
		select {
		case bt = <-free:
		default:
			bt = &exportBatch{}
		}
		if cap(bt.vals) < n*exportBatchRows {
			bt.vals = make([]driver.Value, n*exportBatchRows)
		}
		bt.vals, bt.rows = bt.vals[:n*exportBatchRows], 0
		var err error
		for bt.rows < exportBatchRows {
			if err = rows.Next(bt.vals[bt.rows*n : (bt.rows+1)*n]); err != nil {
				break
			}
			bt.rows++
		}
		if bt.rows > 0 && !send(bt) {
			return false
		}
		if err == io.EOF {
			return true
		}
		if err != nil {
			return send(&exportBatch{err: err})
		}
	}
}

// exportWriter writes the tables' files from the batches the reader sends, one file after
// the other (each through WriteFileAtomic), and closes stop when it ends.
type exportWriter struct {
	dir     string
	tables  []*exportTable
	in      []chan *exportBatch
	free    chan *exportBatch
	stop    chan struct{}
	written []string
}

func (w *exportWriter) run() error {
	defer close(w.stop)
	for i, t := range w.tables {
		path := filepath.Join(w.dir, t.file)
		if err := WriteFileAtomic(path, func(f io.Writer) error { return w.write(f, t, w.in[i]) }); err != nil {
			return fmt.Errorf("export %s: %w", t.file, err)
		}
		w.written = append(w.written, path)
	}
	return nil
}

func (w *exportWriter) write(f io.Writer, t *exportTable, in <-chan *exportBatch) error {
	bw, ok := f.(*bufio.Writer)
	if !ok {
		bw = bufio.NewWriterSize(f, 1<<16)
	}
	line := []byte{0xEF, 0xBB, 0xBF}
	for i, h := range t.header {
		if i > 0 {
			line = append(line, ',')
		}
		line = appendCell(line, h)
	}
	line = append(line, '\r', '\n')
	if _, err := bw.Write(line); err != nil {
		return err
	}
	n := len(t.cols)
	r := &exportRow{what: t.what, cols: t.cols}
	for bt := range in {
		if bt.err != nil {
			return bt.err
		}
		for k := 0; k < bt.rows; k++ {
			r.vals = bt.vals[k*n : (k+1)*n]
			var err error
			if line, err = t.line(r, bw.AvailableBuffer()); err != nil {
				return err
			}
			if _, err := bw.Write(line); err != nil {
				return err
			}
		}
		clear(bt.vals)
		select {
		case w.free <- bt:
		default:
		}
	}
	return bw.Flush()
}

// countInvoices counts the invoices (an index answers it), to size what the export keeps
// of each.
func countInvoices(ctx context.Context, q driver.QueryerContext) (int, error) {
	rows, err := q.QueryContext(ctx, `SELECT count(*) FROM invoices`, nil)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	v := make([]driver.Value, 1)
	if err := rows.Next(v); err != nil {
		return 0, err
	}
	n, _ := v[0].(int64)
	return int(min(n, 1<<30)), nil
}
