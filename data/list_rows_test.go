package data

import (
	"math"
	"slices"
	"testing"
)

// referenceInvoiceRows reads the list rows the plain way: every column on its own.
func referenceInvoiceRows(t *testing.T, s *Store) []InvoiceRow {
	t.Helper()
	names := map[int64]string{}
	rows, err := s.r.QueryContext(ctx, `SELECT id, name FROM customers`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id int64
		var n string
		rows.Scan(&id, &n)
		names[id] = n
	}
	rows.Close()
	rows, err = s.r.QueryContext(ctx, `SELECT id, coalesce(seq, 0), customer_id, coalesce(number, ''), currency,
		po_number, status, issue_date, due_date, coalesce(sent_date, ''), total, open_amount FROM invoices ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []InvoiceRow
	for rows.Next() {
		var r InvoiceRow
		var status, issue, due, sent string
		if err := rows.Scan(&r.ID, &r.Seq, &r.CustomerID, &r.Number, &r.Currency, &r.PONumber, &status,
			&issue, &due, &sent, &r.Total, &r.Open); err != nil {
			t.Fatal(err)
		}
		r.Status, r.Customer = InvoiceStatus(status), names[r.CustomerID]
		r.IssueDate, r.DueDate = MustDate(issue), MustDate(due)
		if sent != "" {
			r.SentDate = MustDate(sent)
		}
		out = append(out, r)
	}
	return out
}

// The list rows read the text columns as one value split at U+001F: a row whose texts
// hold that separator themselves (only a damaged or hostile file can) is read column by
// column, so every row is what the plain read gives.
func TestInvoiceRowsMatchPlainRead(t *testing.T) {
	f := newLedgerFixture(t)
	s := f.s
	if err := s.MarkSent(ctx, f.unpaid.ID, MustDate("2026-04-10")); err != nil {
		t.Fatal(err)
	}
	check := func(when string) {
		t.Helper()
		got, err := s.InvoiceRows(ctx, nil)
		if err != nil {
			t.Fatalf("%s: %v", when, err)
		}
		if want := referenceInvoiceRows(t, s); !slices.Equal(got, want) {
			t.Fatalf("%s: rows differ from the plain read\n got %+v\nwant %+v", when, got, want)
		}
	}
	check("healthy")
	f.corrupt(t,
		`UPDATE invoices SET number = 'INV'||char(31)||'7', po_number = char(31)||char(31) WHERE id = `+itoa(f.paid.ID),
		`UPDATE invoices SET po_number = 'PO'||char(31) WHERE id = `+itoa(f.unpaid.ID),
		`UPDATE invoices SET po_number = 'Ünï 😀' WHERE id = `+itoa(f.mixed.ID))
	check("separators in the texts")
}

// PaymentRows is Payments without the notes, source and creation time, in id order, also
// when a text holds the separator the read splits at.
func TestPaymentRowsMatchPayments(t *testing.T) {
	f := newLedgerFixture(t)
	s := f.s
	if err := s.RecordPayment(ctx, &Payment{CustomerID: f.c2.ID, Date: MustDate("2026-05-09"), Method: "card", Reference: "Ünï 😀 ref", Amount: 12}, nil); err != nil {
		t.Fatal(err)
	}
	check := func(when string) {
		t.Helper()
		got, err := s.PaymentRows(ctx, nil)
		if err != nil {
			t.Fatalf("%s: %v", when, err)
		}
		all, err := s.Payments(ctx, PaymentFilter{})
		if err != nil {
			t.Fatal(err)
		}
		slices.SortFunc(all, func(a, b *Payment) int { return int(a.ID - b.ID) })
		if len(got) != len(all) || len(got) < 3 {
			t.Fatalf("%s: %d rows, %d payments", when, len(got), len(all))
		}
		for i, p := range all {
			want := *p
			want.Notes, want.Source, want.Created = "", "", ""
			if got[i] != want {
				t.Fatalf("%s: row %d\n got %+v\nwant %+v", when, i, got[i], want)
			}
		}
	}
	check("healthy")
	f.corrupt(t,
		`UPDATE payments SET reference = 'A'||char(31)||'B'||char(31) WHERE id = `+itoa(f.pay.ID),
		`UPDATE payments SET method = char(31) WHERE id = `+itoa(f.credit.ID))
	check("separators in the texts")
}

// A large file's list rows are read in two halves at once: the same rows, in id order, as
// the plain read.
func TestInvoiceRowsInHalves(t *testing.T) {
	f := newLedgerFixture(t)
	s := f.s
	for i := range 7 {
		mkInvoice(t, s, f.c2, "2026-05-1"+itoa(int64(i)), 100+int64(i))
	}
	defer func(n int) { halveRowsAt = n }(halveRowsAt)
	halveRowsAt = 2
	halves := sharedViews.Load()
	got, err := s.InvoiceRows(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if sharedViews.Load() != halves+1 {
		t.Fatal("the rows were not read in two halves")
	}
	if want := referenceInvoiceRows(t, s); !slices.Equal(got, want) {
		t.Fatalf("rows differ from the plain read\n got %+v\nwant %+v", got, want)
	}
	for i := range 5 {
		if err := s.RecordPayment(ctx, &Payment{CustomerID: f.c2.ID, Date: MustDate("2026-05-2" + itoa(int64(i))), Method: "bank", Amount: 10}, nil); err != nil {
			t.Fatal(err)
		}
	}
	halves = sharedViews.Load()
	pays, err := s.PaymentRows(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if sharedViews.Load() != halves+1 {
		t.Fatal("the payments were not read in two halves")
	}
	all, err := s.Payments(ctx, PaymentFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(pays) != len(all) || len(pays) < 7 {
		t.Fatalf("%d payment rows, %d payments", len(pays), len(all))
	}
	for i := 1; i < len(pays); i++ {
		if pays[i].ID <= pays[i-1].ID {
			t.Fatal("payment rows not in id order")
		}
	}
}

// Ids at the ends of what a rowid can be (a file written outside Duebook) are halved
// without overflow: every row once, in id order.
func TestInvoiceRowsInHalvesExtremeIDs(t *testing.T) {
	f := newLedgerFixture(t)
	s := f.s
	f.corrupt(t,
		`UPDATE invoices SET id = -9223372036854775807 WHERE id = `+itoa(f.paid.ID),
		`UPDATE invoices SET id = 9223372036854775807 WHERE id = `+itoa(f.unpaid.ID),
		`UPDATE payments SET id = -9223372036854775808 WHERE id = `+itoa(f.pay.ID),
		`UPDATE payments SET id = 9223372036854775807 WHERE id = `+itoa(f.credit.ID))
	defer func(n int) { halveRowsAt = n }(halveRowsAt)
	halveRowsAt = 2
	got, err := s.InvoiceRows(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := referenceInvoiceRows(t, s); !slices.Equal(got, want) {
		t.Fatalf("rows differ from the plain read\n got %+v\nwant %+v", got, want)
	}
	pays, err := s.PaymentRows(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(pays) != 2 || pays[0].ID != math.MinInt64 || pays[1].ID != math.MaxInt64 {
		t.Fatalf("payment rows %+v", pays)
	}
	for _, c := range [][3]int64{{math.MinInt64, math.MaxInt64, -1}, {-3, 3, 0}, {1, 2, 1}, {math.MaxInt64 - 1, math.MaxInt64, math.MaxInt64 - 1}, {-7, -4, -6}} {
		if m := midID(c[0], c[1]); m < c[0] || m > c[1] || (c[2] != 0 && m != c[2] && m != c[2]+1) {
			t.Errorf("midID(%d, %d) = %d", c[0], c[1], m)
		}
	}
}
