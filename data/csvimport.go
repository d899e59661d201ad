package data

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
)

// errImportRollback ends a dry run (or an import with bad rows) without committing.
var errImportRollback = errors.New("import rolled back")

// ImportCSV imports customers or open invoices (kind) from CSV text.
func (s *Store) ImportCSV(ctx context.Context, kind string, r io.Reader, opt ImportOptions) (*ImportReport, error) {
	if _, err := importSpecs(kind); err != nil {
		return nil, err
	}
	layout, err := DateLayout(opt.DateFormat)
	if err != nil {
		return nil, err
	}
	file, err := readCSV(r, opt.Comma)
	if err != nil {
		return nil, err
	}
	header, rows := file.header, file.rows
	given := map[string]string{}
	for f, h := range opt.Map {
		given[strings.ToLower(strings.TrimSpace(f))] = h
	}
	cols, rep, err := mapColumns(kind, header, given)
	if rep != nil {
		rep.Encoding, rep.Separator = file.encoding, SeparatorName(file.comma)
	}
	if err != nil {
		return rep, err
	}
	rep.Rows, rep.DryRun = len(rows), opt.DryRun
	if len(rows) == 0 {
		return rep, fieldErr("file", "has a header row but no data rows; nothing was imported")
	}
	cell := func(row csvRow, field string) string {
		if i, ok := cols[field]; ok && i < len(row.cells) {
			return row.cells[i]
		}
		return ""
	}
	if opt.DryRun && s.ro {
		// A dry run on a store opened read-only (the file, or its folder, may not be
		// writable; a dry run never writes a byte of the company anyway) runs the same
		// import on a scratch copy of it, rolled back and removed.
		scratch, done, err := s.scratchCopy(ctx)
		if err != nil {
			return rep, err
		}
		defer done()
		s = scratch
	}
	imp := &importer{s: s, rep: rep, cell: cell, layout: layout}
	err = s.Update(ctx, func(tx *Tx) error {
		imp.tx = tx
		var err error
		if kind == ImportCustomers {
			err = imp.customers(rows)
		} else {
			err = imp.invoices(rows)
		}
		if err != nil {
			return err
		}
		if len(rep.Problems) > 0 && !opt.SkipBad {
			return errImportRollback
		}
		rep.Skipped = rep.BadRows()
		if opt.DryRun || rep.Imported == 0 {
			return errImportRollback
		}
		if !opt.NoSnapshot {
			// The copy is read by its own connection: it sees the file as it was before
			// this (uncommitted) transaction.
			snap, err := s.Snapshot(ctx, "pre-import")
			if err != nil {
				return fmt.Errorf("safety copy before the import: %w", err)
			}
			rep.Snapshot = snap
		}
		return nil
	})
	if errors.Is(err, errImportRollback) {
		if len(rep.Problems) > 0 && !opt.SkipBad {
			rep.Imported, rep.Created = 0, nil
			return rep, &ImportError{Report: rep}
		}
		if !opt.DryRun {
			rep.Imported, rep.Created = 0, nil
		}
		return rep, nil
	}
	if err != nil {
		rep.Imported, rep.Created, rep.Snapshot = 0, nil, ""
		return rep, err
	}
	return rep, nil
}

type importer struct {
	s      *Store
	tx     *Tx
	rep    *ImportReport
	cell   func(csvRow, string) string
	layout string
}

func (im *importer) problem(row int, field, msg string) {
	im.rep.Problems = append(im.rep.Problems, RowProblem{Row: row, Field: field, Msg: msg})
}

// addErr files a store error of a row under its fields.
func (im *importer) addErr(row int, err error, rename map[string]string) {
	var ve ValidationErrors
	var fe *FieldError
	switch {
	case errors.As(err, &ve):
		for _, e := range ve {
			im.problem(row, renameField(e.Field, rename), e.Msg)
		}
	case errors.As(err, &fe):
		im.problem(row, renameField(fe.Field, rename), fe.Msg)
	default:
		im.problem(row, "", err.Error())
	}
}

func renameField(f string, m map[string]string) string {
	if r, ok := m[f]; ok {
		return r
	}
	return f
}

// inRow runs fn inside a savepoint: a row that fails leaves nothing behind.
func (im *importer) inRow(fn func() error) (error, error) {
	ctx := im.tx.Ctx()
	if _, err := im.tx.ExecContext(ctx, `SAVEPOINT import_row`); err != nil {
		return nil, err
	}
	rowErr := translateErr(fn())
	if rowErr != nil {
		if _, err := im.tx.ExecContext(ctx, `ROLLBACK TO import_row`); err != nil {
			return nil, err
		}
	}
	if _, err := im.tx.ExecContext(ctx, `RELEASE import_row`); err != nil {
		return nil, err
	}
	return rowErr, nil
}

// isStoreFailure tells a broken transaction (I/O, busy) from a refused row.
func isStoreFailure(err error) bool {
	var ve ValidationErrors
	var fe *FieldError
	return !errors.As(err, &ve) && !errors.As(err, &fe) && !errors.Is(err, ErrNotFound) &&
		!strings.HasPrefix(err.Error(), "refused by the company file")
}

func (im *importer) customers(rows []csvRow) error {
	ctx := im.tx.Ctx()
	comp, err := companyFrom(ctx, im.tx)
	if err != nil {
		return err
	}
	existing := map[string]bool{}
	rs, err := im.tx.QueryContext(ctx, `SELECT name FROM customers`)
	if err != nil {
		return err
	}
	for rs.Next() {
		var n string
		if err := rs.Scan(&n); err != nil {
			rs.Close()
			return err
		}
		existing[NameKey(n)] = true
	}
	rs.Close()
	inFile := map[string]int{}
	for _, row := range rows {
		before := len(im.rep.Problems)
		c := &Customer{
			Name: im.cell(row, "name"), Contact: im.cell(row, "contact"), Phone: im.cell(row, "phone"),
			Address1: im.cell(row, "address1"), Address2: im.cell(row, "address2"), City: im.cell(row, "city"),
			Region: im.cell(row, "region"), PostalCode: im.cell(row, "postal_code"), Country: im.cell(row, "country"),
			Notes: im.cell(row, "notes"), Emails: splitEmails(im.cell(row, "emails")),
			Currency: strings.ToUpper(im.cell(row, "currency")), TermsDays: comp.DefaultTermsDays,
		}
		if c.Currency == "" {
			c.Currency = comp.Currency
		}
		if v := im.cell(row, "terms_days"); v != "" {
			if n, err := parseTerms(v); err != nil {
				im.problem(row.row, "terms_days", err.Error())
			} else {
				c.TermsDays = n
			}
		}
		if v := im.cell(row, "credit_limit"); v != "" {
			cur := c.Currency
			if !ValidCurrency(cur) {
				cur = comp.Currency
			}
			if n, err := ParseAmount(v, cur); err != nil {
				im.problem(row.row, "credit_limit", err.Error())
			} else {
				c.CreditLimit = n
			}
		}
		if v := im.cell(row, "channel"); v != "" {
			if ch, err := parseChannel(v); err != nil {
				im.problem(row.row, "channel", err.Error())
			} else {
				c.Channel = ch
			}
		} else if len(c.Emails) > 0 {
			c.Channel = ChannelEmail
		} else if c.Address1 == "" && c.Phone != "" {
			c.Channel = ChannelPhone
		} else {
			c.Channel = ChannelMail
		}
		if v := im.cell(row, "credit_hold"); v != "" {
			if b, err := parseBool(v); err != nil {
				im.problem(row.row, "credit_hold", err.Error())
			} else {
				c.CreditHold = b
			}
		}
		if v := im.cell(row, "last_reviewed"); v != "" {
			if d, err := parseCellDate(v, im.layout); err != nil {
				im.problem(row.row, "last_reviewed", err.Error())
			} else {
				c.LastReviewed = d
			}
		}
		check := *c
		if err := check.Validate(); err != nil {
			im.addErr(row.row, err, nil)
		}
		key := NameKey(c.Name)
		if key != "" {
			if existing[key] {
				im.problem(row.row, "name", fmt.Sprintf("a customer named %q already exists", check.Name))
			} else if first, dup := inFile[key]; dup {
				im.problem(row.row, "name", fmt.Sprintf("%q is also on row %d", check.Name, first))
			} else {
				inFile[key] = row.row
			}
		}
		if len(im.rep.Problems) > before {
			continue
		}
		rowErr, err := im.inRow(func() error { return im.tx.CreateCustomer(c) })
		if err != nil {
			return err
		}
		if rowErr != nil {
			if isStoreFailure(rowErr) {
				return rowErr
			}
			im.addErr(row.row, rowErr, nil)
			continue
		}
		im.rep.Imported++
		im.rep.Created = append(im.rep.Created, c.Name)
	}
	return nil
}

// invoiceRename names the invoice's fields by the import's: the one line is the amount.
var invoiceRename = map[string]string{"lines": "amount", "lines[1].unit_price": "amount", "lines[1].quantity": "amount", "total": "amount"}

type invoiceRow struct {
	row  int
	inv  *Invoice
	orig string
}

func (im *importer) invoices(rows []csvRow) error {
	ctx := im.tx.Ctx()
	byName := map[string][]*Customer{}
	byID := map[int64]*Customer{}
	rs, err := im.tx.QueryContext(ctx, `SELECT `+customerCols+` FROM customers`)
	if err != nil {
		return err
	}
	for rs.Next() {
		c, err := scanCustomer(rs)
		if err != nil {
			rs.Close()
			return err
		}
		k := NameKey(c.Name)
		byName[k] = append(byName[k], c)
		byID[c.ID] = c
	}
	rs.Close()
	imported := map[string]string{} // original number → Duebook number
	rs, err = im.tx.QueryContext(ctx, `SELECT number, notes FROM invoices WHERE number IS NOT NULL AND instr(notes, ?) > 0`, importedMarker)
	if err != nil {
		return err
	}
	for rs.Next() {
		var num, notes string
		if err := rs.Scan(&num, &notes); err != nil {
			rs.Close()
			return err
		}
		if o := importedNumber(notes); o != "" {
			imported[o] = num
		}
	}
	rs.Close()
	inFile := map[string]int{}
	var good []invoiceRow
	for _, row := range rows {
		before := len(im.rep.Problems)
		var cust *Customer
		name := im.cell(row, "customer")
		if v := im.cell(row, "customer_id"); v != "" {
			id, err := strconv.ParseInt(v, 10, 64)
			if err != nil || byID[id] == nil {
				im.problem(row.row, "customer_id", fmt.Sprintf("%q is not the number of a customer", v))
			} else {
				cust = byID[id]
				if name != "" && NameKey(name) != NameKey(cust.Name) {
					im.problem(row.row, "customer", fmt.Sprintf("%q does not match customer %d (%s)", name, id, cust.Name))
				}
			}
		} else if name == "" {
			im.problem(row.row, "customer", "is required")
		} else if cs := byName[NameKey(name)]; len(cs) == 0 {
			im.problem(row.row, "customer", fmt.Sprintf("no customer is named %q (import the customers first)", name))
		} else if len(cs) > 1 {
			im.problem(row.row, "customer", fmt.Sprintf("%d customers are named %q; give the customer_id column instead", len(cs), name))
		} else {
			cust = cs[0]
		}
		orig := im.cell(row, "number")
		if orig != "" {
			if num, ok := imported[orig]; ok {
				im.problem(row.row, "number", fmt.Sprintf("invoice %q was already imported (as %s)", orig, num))
			} else if first, dup := inFile[orig]; dup {
				im.problem(row.row, "number", fmt.Sprintf("invoice %q is also on row %d", orig, first))
			} else {
				inFile[orig] = row.row
			}
		}
		var issue, due Date
		if v := im.cell(row, "issue_date"); v != "" {
			if d, err := parseCellDate(v, im.layout); err != nil {
				im.problem(row.row, "issue_date", err.Error())
			} else {
				issue = d
			}
		}
		if v := im.cell(row, "due_date"); v != "" {
			if d, err := parseCellDate(v, im.layout); err != nil {
				im.problem(row.row, "due_date", err.Error())
			} else {
				due = d
			}
		}
		if im.cell(row, "issue_date") == "" && im.cell(row, "due_date") == "" {
			im.problem(row.row, "issue_date", "is required (or a due date)")
		}
		cur := ""
		if cust != nil {
			cur = cust.Currency
			if v := strings.ToUpper(im.cell(row, "currency")); v != "" && v != cur {
				im.problem(row.row, "currency", fmt.Sprintf("%q is not the customer's currency (%s)", v, cur))
			}
		}
		var amount int64
		if v := im.cell(row, "amount"); v == "" {
			im.problem(row.row, "amount", "is required")
		} else if cur != "" {
			if n, err := ParseAmount(v, cur); err != nil {
				im.problem(row.row, "amount", err.Error())
			} else if n <= 0 {
				im.problem(row.row, "amount", fmt.Sprintf("%q is not an open balance (only open invoices are imported; a credit is entered as a payment)", v))
			} else {
				amount = n
			}
		}
		if len(im.rep.Problems) > before {
			continue
		}
		if issue.IsZero() {
			issue = due.AddDays(-cust.TermsDays)
		}
		if due.IsZero() {
			due = DueDateFor(issue, cust)
		}
		notes := "Imported opening balance"
		po := im.cell(row, "po_number")
		if orig != "" {
			notes += "; " + importedMarker + orig
			if po == "" && len(orig) <= 60 {
				po = orig
			}
		}
		if v := im.cell(row, "notes"); v != "" {
			notes += "\n" + v
		}
		inv := &Invoice{CustomerID: cust.ID, Currency: cur, IssueDate: issue, DueDate: due, PONumber: po, Notes: notes,
			Lines: []InvoiceLine{{Description: OpeningBalanceLine, QtyMilli: 1000, UnitPrice: amount}}}
		check := *inv
		check.Lines = append([]InvoiceLine(nil), inv.Lines...)
		if err := check.Validate(); err != nil {
			im.addErr(row.row, err, invoiceRename)
			continue
		}
		good = append(good, invoiceRow{row.row, inv, orig})
	}
	// Number them in the order of their dates.
	sort.SliceStable(good, func(i, j int) bool { return good[i].inv.IssueDate.Before(good[j].inv.IssueDate) })
	for _, g := range good {
		var posted *Invoice
		rowErr, err := im.inRow(func() error {
			if err := im.tx.CreateDraft(g.inv); err != nil {
				return err
			}
			p, err := im.tx.PostInvoice(g.inv.ID)
			posted = p
			return err
		})
		if err != nil {
			return err
		}
		if rowErr != nil {
			if isStoreFailure(rowErr) {
				return rowErr
			}
			im.addErr(g.row, rowErr, invoiceRename)
			continue
		}
		im.rep.Imported++
		im.rep.Created = append(im.rep.Created, posted.Number)
	}
	sort.SliceStable(im.rep.Problems, func(i, j int) bool { return im.rep.Problems[i].Row < im.rep.Problems[j].Row })
	return nil
}

// importedNumber finds the original number in an imported invoice's notes.
func importedNumber(notes string) string {
	i := strings.Index(notes, importedMarker)
	if i < 0 {
		return ""
	}
	rest := notes[i+len(importedMarker):]
	if j := strings.IndexAny(rest, "\n"); j >= 0 {
		rest = rest[:j]
	}
	return rest
}
