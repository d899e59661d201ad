package data

import (
	"errors"
	"strconv"
	"strings"
	"testing"
)

func wantField(t *testing.T, err error, field string) {
	t.Helper()
	if err == nil {
		t.Fatalf("expected an error naming %q, got none", field)
	}
	m := FieldErrors(err)
	if _, ok := m[field]; !ok {
		t.Fatalf("expected an error naming %q, got %v", field, err)
	}
}

// counts of rows in the money tables, to prove nothing was half-saved
func rowCounts(t *testing.T, s *Store) string {
	t.Helper()
	var b strings.Builder
	for _, tb := range []string{"customers", "invoices", "invoice_lines", "payments", "allocations", "credit_notes", "write_offs", "audit"} {
		var n int
		if err := s.DB().QueryRow(`SELECT count(*) FROM ` + tb).Scan(&n); err != nil {
			t.Fatal(err)
		}
		b.WriteString(tb + "=" + strconv.Itoa(n) + " ")
	}
	return b.String()
}

func TestBadCustomerInput(t *testing.T) {
	s := newStore(t, "2026-05-01")
	cases := []struct {
		name  string
		c     Customer
		field string
	}{
		{"empty name", Customer{Name: "  ", Emails: []string{"a@b.co"}}, "name"},
		{"bad email", Customer{Name: "X", Emails: []string{"not-an-email"}}, "emails"},
		{"email channel without email", Customer{Name: "X", Channel: ChannelEmail}, "emails"},
		{"negative terms", Customer{Name: "X", Channel: ChannelMail, TermsDays: -1}, "terms_days"},
		{"huge terms", Customer{Name: "X", Channel: ChannelMail, TermsDays: 400}, "terms_days"},
		{"negative credit limit", Customer{Name: "X", Channel: ChannelMail, CreditLimit: -5}, "credit_limit"},
		{"unknown currency", Customer{Name: "X", Channel: ChannelMail, Currency: "ABC"}, "currency"},
		{"unknown channel", Customer{Name: "X", Channel: "fax"}, "channel"},
	}
	before := rowCounts(t, s)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cust := c.c
			wantField(t, s.CreateCustomer(ctx, &cust), c.field)
		})
	}
	if after := rowCounts(t, s); after != before {
		t.Fatalf("rows changed by refused input: %s → %s", before, after)
	}
}

func TestBadInvoiceInput(t *testing.T) {
	s := newStore(t, "2026-05-01")
	c := mkCustomer(t, s, "Acme", 30)
	line := func(desc string, qty, price, tax int64) InvoiceLine {
		return InvoiceLine{Description: desc, QtyMilli: qty, UnitPrice: price, TaxRateBP: tax}
	}
	cases := []struct {
		name  string
		inv   Invoice
		field string
	}{
		{"no customer", Invoice{Lines: []InvoiceLine{line("a", 1000, 100, 0)}}, "customer"},
		{"missing customer", Invoice{CustomerID: 999, Lines: []InvoiceLine{line("a", 1000, 100, 0)}}, "customer"},
		{"negative quantity", Invoice{CustomerID: c.ID, Lines: []InvoiceLine{line("a", -1000, 100, 0)}}, "lines[1].quantity"},
		{"zero quantity", Invoice{CustomerID: c.ID, Lines: []InvoiceLine{line("a", 0, 100, 0)}}, "lines[1].quantity"},
		{"empty description", Invoice{CustomerID: c.ID, Lines: []InvoiceLine{line("ok", 1000, 1, 0), line(" ", 1000, 100, 0)}}, "lines[2].description"},
		{"tax over 100%", Invoice{CustomerID: c.ID, Lines: []InvoiceLine{line("a", 1000, 100, 10001)}}, "lines[1].tax_rate"},
		{"due before issue", Invoice{CustomerID: c.ID, IssueDate: MustDate("2026-05-10"), DueDate: MustDate("2026-05-09"), Lines: []InvoiceLine{line("a", 1000, 100, 0)}}, "due_date"},
		{"unknown currency", Invoice{CustomerID: c.ID, Currency: "QQQ", Lines: []InvoiceLine{line("a", 1000, 100, 0)}}, "currency"},
		{"other currency than customer", Invoice{CustomerID: c.ID, Currency: "EUR", Lines: []InvoiceLine{line("a", 1000, 100, 0)}}, "currency"},
		{"negative total", Invoice{CustomerID: c.ID, Lines: []InvoiceLine{line("a", 1000, -100, 0)}}, "lines"},
		{"overflow", Invoice{CustomerID: c.ID, Lines: []InvoiceLine{line("a", 1000000000, 1<<60, 0)}}, "lines[1].unit_price"},
	}
	before := rowCounts(t, s)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			inv := c.inv
			wantField(t, s.CreateDraft(ctx, &inv), c.field)
		})
	}
	if after := rowCounts(t, s); after != before {
		t.Fatalf("rows changed by refused input: %s → %s", before, after)
	}
	// an empty draft can be saved but not posted
	d := &Invoice{CustomerID: c.ID}
	if err := s.CreateDraft(ctx, d); err != nil {
		t.Fatal(err)
	}
	_, err := s.PostInvoice(ctx, d.ID)
	wantField(t, err, "lines")
}

func TestTotalsTaxRoundedPerLine(t *testing.T) {
	s := newStore(t, "2026-05-01")
	c := mkCustomer(t, s, "Acme", 14)
	inv := &Invoice{CustomerID: c.ID, Lines: []InvoiceLine{
		{Description: "Widget", QtyMilli: 3000, UnitPrice: 333, TaxRateBP: 825},  // 9.99 → tax 0.824175 → 0.82
		{Description: "Hours", QtyMilli: 1500, UnitPrice: 9999, TaxRateBP: 2000}, // 149.985 → 149.99 (half up) → tax 30.00 (29.998)
		{Description: "Discount", QtyMilli: 1000, UnitPrice: -500},               // -5.00
	}}
	if err := s.CreateDraft(ctx, inv); err != nil {
		t.Fatal(err)
	}
	got, err := s.Invoice(ctx, inv.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Lines[0].Net != 999 || got.Lines[0].Tax != 82 || got.Lines[1].Net != 14999 || got.Lines[1].Tax != 3000 || got.Lines[2].Net != -500 {
		t.Fatalf("lines %+v", got.Lines)
	}
	if got.Subtotal != 15498 || got.TaxTotal != 3082 || got.Total != 18580 {
		t.Fatalf("totals %d %d %d", got.Subtotal, got.TaxTotal, got.Total)
	}
	if got.DueDate.String() != "2026-05-15" {
		t.Fatalf("due from terms: %s", got.DueDate)
	}
}

func TestPostedInvoiceImmutable(t *testing.T) {
	s := newStore(t, "2026-05-01")
	c := mkCustomer(t, s, "Acme", 30)
	inv := mkInvoice(t, s, c, "2026-04-01", 10000)
	inv.Lines[0].UnitPrice = 1
	wantField(t, s.UpdateDraft(ctx, inv), "status")
	wantField(t, s.DeleteDraft(ctx, inv.ID), "status")
	// even raw SQL cannot change a posted invoice: the schema refuses
	for _, q := range []string{
		`UPDATE invoices SET total = 1 WHERE id = ?`,
		`UPDATE invoices SET due_date = '2030-01-01' WHERE id = ?`,
		`UPDATE invoices SET status = 'draft' WHERE id = ?`,
		`DELETE FROM invoices WHERE id = ?`,
		`UPDATE invoice_lines SET unit_price = 1 WHERE invoice_id = ?`,
		`DELETE FROM invoice_lines WHERE invoice_id = ?`,
	} {
		if _, err := s.WriterDB().Exec(q, inv.ID); err == nil {
			t.Errorf("%s: accepted", q)
		}
	}
	if _, err := s.WriterDB().Exec(`UPDATE audit SET action = 'x'`); err == nil {
		t.Error("audit log changed")
	}
	if _, err := s.WriterDB().Exec(`DELETE FROM audit`); err == nil {
		t.Error("audit log deleted")
	}
	mustCheck(t, s)
}

func TestSequentialNumbers(t *testing.T) {
	s := newStore(t, "2026-05-01")
	c := mkCustomer(t, s, "Acme", 30)
	d1 := &Invoice{CustomerID: c.ID, Lines: []InvoiceLine{{Description: "a", QtyMilli: 1000, UnitPrice: 100}}}
	if err := s.CreateDraft(ctx, d1); err != nil {
		t.Fatal(err)
	}
	a := mkInvoice(t, s, c, "2026-04-01", 100)
	// a draft deleted and a failed post leave no gaps
	if err := s.DeleteDraft(ctx, d1.ID); err != nil {
		t.Fatal(err)
	}
	empty := &Invoice{CustomerID: c.ID}
	s.CreateDraft(ctx, empty)
	if _, err := s.PostInvoice(ctx, empty.ID); err == nil {
		t.Fatal("empty invoice posted")
	}
	b := mkInvoice(t, s, c, "2026-04-02", 100)
	if a.Number != "INV-00001" || b.Number != "INV-00002" {
		t.Fatalf("numbers %s %s", a.Number, b.Number)
	}
	if _, err := s.PostInvoice(ctx, b.ID); err == nil {
		t.Fatal("posted twice")
	}
	mustCheck(t, s)
}

func TestAllocationInvariants(t *testing.T) {
	s := newStore(t, "2026-05-01")
	c := mkCustomer(t, s, "Acme", 30)
	other := mkCustomer(t, s, "Other", 30)
	i1 := mkInvoice(t, s, c, "2026-03-01", 10000)
	i2 := mkInvoice(t, s, c, "2026-03-15", 5000)
	io := mkInvoice(t, s, other, "2026-03-15", 5000)
	draft := &Invoice{CustomerID: c.ID, Lines: []InvoiceLine{{Description: "a", QtyMilli: 1000, UnitPrice: 100}}}
	s.CreateDraft(ctx, draft)

	p := &Payment{CustomerID: c.ID, Method: "check", Reference: "chk 1001", Amount: 12000}
	if err := s.RecordPayment(ctx, p, nil); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name   string
		allocs []Allocation
		field  string
	}{
		{"more than the payment", []Allocation{{InvoiceID: i1.ID, Amount: 10000}, {InvoiceID: i2.ID, Amount: 2001}}, "allocations[2].amount"},
		{"more than the invoice", []Allocation{{InvoiceID: i2.ID, Amount: 5001}}, "allocations[1].amount"},
		{"other customer's invoice", []Allocation{{InvoiceID: io.ID, Amount: 100}}, "allocations[1].invoice"},
		{"draft invoice", []Allocation{{InvoiceID: draft.ID, Amount: 100}}, "allocations[1].invoice"},
		{"zero amount", []Allocation{{InvoiceID: i1.ID, Amount: 0}}, "allocations[1].amount"},
		{"missing invoice", []Allocation{{InvoiceID: 4242, Amount: 1}}, "allocations[1].invoice"},
	}
	before := rowCounts(t, s)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { wantField(t, s.Allocate(ctx, p.ID, c.allocs), c.field) })
	}
	if after := rowCounts(t, s); after != before {
		t.Fatalf("refused allocation changed rows: %s → %s", before, after)
	}
	// the schema refuses the same things even without the Go checks
	for _, q := range []string{
		`INSERT INTO allocations(payment_id, invoice_id, amount, date, created) VALUES (?, ?, 12001, '2026-05-01', 'x')`,
	} {
		if _, err := s.WriterDB().Exec(q, p.ID, i1.ID); err == nil {
			t.Errorf("schema accepted %s", q)
		}
	}
	if _, err := s.WriterDB().Exec(`INSERT INTO allocations(payment_id, invoice_id, amount, date, created) VALUES (?, ?, 100, '2026-05-01', 'x')`, p.ID, io.ID); err == nil {
		t.Error("schema accepted a cross-customer allocation")
	}
	// oldest first suggestion and leftover as credit
	sug, left, err := s.SuggestAllocation(ctx, c.ID, 12000)
	if err != nil {
		t.Fatal(err)
	}
	if len(sug) != 2 || sug[0].InvoiceID != i1.ID || sug[0].Amount != 10000 || sug[1].Amount != 2000 || left != 0 {
		t.Fatalf("suggestion %+v left %d", sug, left)
	}
	if err := s.Allocate(ctx, p.ID, sug); err != nil {
		t.Fatal(err)
	}
	b, _ := s.CustomerBalance(ctx, c.ID)
	if b.Open != 3000 || b.Credit != 0 {
		t.Fatalf("balance %+v", b)
	}
	// overpayment: leftover is credit, applied later to a new invoice
	p2 := &Payment{CustomerID: c.ID, Method: "bank", Amount: 5000}
	if err := s.RecordPayment(ctx, p2, []Allocation{{InvoiceID: i2.ID, Amount: 3000}}); err != nil {
		t.Fatal(err)
	}
	b, _ = s.CustomerBalance(ctx, c.ID)
	if b.Open != 0 || b.Credit != 2000 || b.Net != -2000 {
		t.Fatalf("balance after overpayment %+v", b)
	}
	i3 := mkInvoice(t, s, c, "2026-04-20", 1500)
	applied, err := s.ApplyCredit(ctx, c.ID)
	if err != nil || applied != 1500 {
		t.Fatalf("apply credit %d %v", applied, err)
	}
	got, _ := s.Invoice(ctx, i3.ID)
	if got.OpenAmount != 0 {
		t.Fatalf("i3 open %d", got.OpenAmount)
	}
	// unallocate gives the money back to credit and the invoice
	allocs, _ := s.InvoiceAllocations(ctx, i1.ID)
	if err := s.Unallocate(ctx, allocs[0].ID); err != nil {
		t.Fatal(err)
	}
	got, _ = s.Invoice(ctx, i1.ID)
	b, _ = s.CustomerBalance(ctx, c.ID)
	if got.OpenAmount != 10000 || b.Credit != 10500 {
		t.Fatalf("after unallocate: open %d credit %d", got.OpenAmount, b.Credit)
	}
	mustCheck(t, s)
}

func TestVoidCreditWriteOff(t *testing.T) {
	s := newStore(t, "2026-05-01")
	c := mkCustomer(t, s, "Acme", 30)
	inv := mkInvoice(t, s, c, "2026-03-01", 10000)
	p := &Payment{CustomerID: c.ID, Method: "cash", Amount: 4000}
	if err := s.RecordPayment(ctx, p, []Allocation{{InvoiceID: inv.ID, Amount: 4000}}); err != nil {
		t.Fatal(err)
	}
	wantField(t, s.VoidInvoice(ctx, inv.ID, "  "), "reason")
	wantField(t, s.IssueCreditNote(ctx, &CreditNote{InvoiceID: inv.ID, Amount: 6001, Reason: "x"}), "amount")
	wantField(t, s.IssueCreditNote(ctx, &CreditNote{InvoiceID: inv.ID, Amount: 100}), "reason")
	wantField(t, s.WriteOffInvoice(ctx, &WriteOff{InvoiceID: inv.ID, Amount: -1, Reason: "x"}), "amount")
	cn := &CreditNote{InvoiceID: inv.ID, Amount: 1000, Reason: "damaged"}
	if err := s.IssueCreditNote(ctx, cn); err != nil {
		t.Fatal(err)
	}
	if cn.Number != "CN-00001" {
		t.Fatalf("credit note number %q", cn.Number)
	}
	if err := s.WriteOffInvoice(ctx, &WriteOff{InvoiceID: inv.ID, Amount: 5000, Reason: "bankrupt"}); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Invoice(ctx, inv.ID)
	if got.OpenAmount != 0 {
		t.Fatalf("open %d", got.OpenAmount)
	}
	wantField(t, s.VoidInvoice(ctx, inv.ID, "oops"), "status") // has credits: can't void

	// void releases allocations to credit
	inv2 := mkInvoice(t, s, c, "2026-04-01", 7000)
	p2 := &Payment{CustomerID: c.ID, Method: "cash", Amount: 7000}
	s.RecordPayment(ctx, p2, []Allocation{{InvoiceID: inv2.ID, Amount: 7000}})
	if err := s.VoidInvoice(ctx, inv2.ID, "Duplicate"); err != nil {
		t.Fatal(err)
	}
	got, _ = s.Invoice(ctx, inv2.ID)
	b, _ := s.CustomerBalance(ctx, c.ID)
	if got.Status != StatusVoid || got.VoidReason != "Duplicate" || got.OpenAmount != 0 || b.Credit != 7000 {
		t.Fatalf("void: %+v credit %d", got, b.Credit)
	}
	wantField(t, s.VoidInvoice(ctx, inv2.ID, "again"), "status")
	// every money change is in the audit log
	log, _ := s.AuditLog(ctx, "invoice", inv.ID, 0)
	actions := map[string]bool{}
	for _, a := range log {
		actions[a.Action] = true
	}
	for _, want := range []string{"invoice.post", "allocation.create", "invoice.credit", "invoice.write_off"} {
		if !actions[want] {
			t.Errorf("audit lacks %s: %v", want, actions)
		}
	}
	mustCheck(t, s)
}

func TestBadPaymentInput(t *testing.T) {
	s := newStore(t, "2026-05-01")
	c := mkCustomer(t, s, "Acme", 30)
	before := rowCounts(t, s)
	for _, tc := range []struct {
		p     Payment
		field string
	}{
		{Payment{CustomerID: c.ID, Method: "bank", Amount: 0}, "amount"},
		{Payment{CustomerID: c.ID, Method: "bank", Amount: -5}, "amount"},
		{Payment{CustomerID: c.ID, Method: "barter", Amount: 5}, "method"},
		{Payment{Method: "bank", Amount: 5}, "customer"},
		{Payment{CustomerID: 77, Method: "bank", Amount: 5}, "customer"},
		{Payment{CustomerID: c.ID, Method: "bank", Amount: 5, Currency: "EUR"}, "currency"},
		{Payment{CustomerID: c.ID, Method: "bank", Amount: 5, Currency: "ZZZ"}, "currency"},
	} {
		p := tc.p
		wantField(t, s.RecordPayment(ctx, &p, nil), tc.field)
	}
	// a payment whose allocation fails is not saved either
	p := &Payment{CustomerID: c.ID, Method: "bank", Amount: 500}
	wantField(t, s.RecordPayment(ctx, p, []Allocation{{InvoiceID: 999, Amount: 100}}), "allocations[1].invoice")
	if after := rowCounts(t, s); after != before {
		t.Fatalf("refused payment changed rows: %s → %s", before, after)
	}
}

func TestReadOnlyAndReopen(t *testing.T) {
	s := newStore(t, "2026-05-01")
	c := mkCustomer(t, s, "Acme", 30)
	mkInvoice(t, s, c, "2026-04-01", 100)
	path := s.Path()
	s.Close()
	ro, err := OpenWith(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if err := ro.CreateCustomer(ctx, &Customer{Name: "X", Channel: ChannelMail}); !errors.Is(err, ErrReadOnly) {
		t.Fatalf("read-only write: %v", err)
	}
	inv, err := ro.InvoiceByNumber(ctx, "INV-00001")
	if err != nil || inv.Total != 100 {
		t.Fatalf("%v %v", inv, err)
	}
	if _, err := OpenWith(path+".missing", Options{ReadOnly: true}); err == nil {
		t.Fatal("opened a missing file read-only")
	}
}

func TestAddressLines(t *testing.T) {
	us := Customer{Name: "Acme", Address1: "1 Main St", City: "Austin", Region: "TX", PostalCode: "78701", Country: "USA"}
	es := Customer{Name: "Peña & Hijos", Contact: "Ana", Address1: "Calle Mayor 5", City: "Madrid", PostalCode: "28014", Country: "Spain"}
	if got := strings.Join(us.AddressLines(), "|"); got != "Acme|1 Main St|Austin, TX 78701|USA" {
		t.Errorf("US: %s", got)
	}
	if got := strings.Join(es.AddressLines(), "|"); got != "Peña & Hijos|Attn: Ana|Calle Mayor 5|28014 Madrid|SPAIN" {
		t.Errorf("ES: %s", got)
	}
}

// A read-only open (a backup, a second program) must not switch the file's journal mode.
func TestReadOnlyKeepsJournalMode(t *testing.T) {
	s := newStore(t, "2026-05-01")
	mkCustomer(t, s, "Acme", 30)
	dst := s.Path() + ".copy"
	if _, err := s.WriterDB().Exec(`VACUUM INTO ?`, dst); err != nil {
		t.Fatal(err)
	}
	ro, err := OpenWith(dst, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	var mode string
	ro.DB().QueryRow(`PRAGMA journal_mode`).Scan(&mode)
	ro.Close()
	if mode == "wal" {
		t.Fatalf("read-only open switched the copy to WAL")
	}
}
