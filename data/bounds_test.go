package data

import (
	"errors"
	"strings"
	"testing"
)

// wantBound asserts err is a field error on field whose message contains part.
func wantBound(t *testing.T, err error, field, part string) {
	t.Helper()
	msg, ok := FieldErrors(err)[field]
	if !ok || !strings.Contains(msg, part) {
		t.Fatalf("want a %s error containing %q, got %v", field, part, err)
	}
}

func TestAmountBounds(t *testing.T) {
	s := newStore(t, "2026-06-30")
	c := mkCustomer(t, s, "Big Spender", 30)
	line := func(qty, price int64) *Invoice {
		return &Invoice{CustomerID: c.ID, IssueDate: MustDate("2026-06-01"), Lines: []InvoiceLine{{Description: "x", QtyMilli: qty, UnitPrice: price}}}
	}
	// Exactly MaxAmount is fine; one more minor unit is refused on the field that passed it.
	if err := s.CreateDraft(ctx, line(1000, MaxAmount)); err != nil {
		t.Fatal(err)
	}
	wantBound(t, s.CreateDraft(ctx, line(1000, MaxAmount+1)), "lines[1].unit_price", "100,000,000,000.00")
	wantBound(t, s.CreateDraft(ctx, line(2000, MaxAmount)), "lines[1].quantity", "largest amount")
	tax := line(1000, MaxAmount)
	tax.Lines[0].TaxRateBP = 100
	wantBound(t, s.CreateDraft(ctx, tax), "lines", "invoice total")
	two := line(1000, MaxAmount)
	two.Lines = append(two.Lines, InvoiceLine{Description: "y", QtyMilli: 1000, UnitPrice: 1})
	wantBound(t, s.CreateDraft(ctx, two), "lines", "invoice total")
	many := line(1000, 1)
	for len(many.Lines) <= MaxInvoiceLines {
		many.Lines = append(many.Lines, InvoiceLine{Description: "y", QtyMilli: 1000, UnitPrice: 1})
	}
	wantBound(t, s.CreateDraft(ctx, many), "lines", "at most")
	// An enormous quantity no longer overflows silently or wraps.
	wantBound(t, s.CreateDraft(ctx, line(1<<62, 1<<40)), "lines[1].quantity", "largest amount")

	wantBound(t, s.RecordPayment(ctx, &Payment{CustomerID: c.ID, Method: "bank", Amount: MaxAmount + 1}, nil), "amount", "largest amount")
	wantBound(t, s.CreateCustomer(ctx, &Customer{Name: "Limit", Emails: []string{"a@b.example"}, CreditLimit: MaxAmount + 1}), "credit_limit", "largest amount")
	mustCheck(t, s)
}

func TestDatesMustBePlausible(t *testing.T) {
	s := newStore(t, "2026-06-30")
	c := mkCustomer(t, s, "Old Timer", 30)
	for _, d := range []string{"1899-12-30", "2201-01-01", "0002-01-01"} {
		inv := &Invoice{CustomerID: c.ID, IssueDate: MustDate(d), DueDate: MustDate("2202-01-01"), Lines: []InvoiceLine{{Description: "x", QtyMilli: 1000, UnitPrice: 100}}}
		wantBound(t, s.CreateDraft(ctx, inv), "issue_date", "plausible")
		p := &Payment{CustomerID: c.ID, Method: "bank", Amount: 100, Date: MustDate(d)}
		wantBound(t, s.RecordPayment(ctx, p, nil), "date", "plausible")
	}
}

// The sum of a company's invoice totals, and of its payments, stays within MaxCompanyTotal:
// the write that would pass it is refused, and the reports' sums at the ceiling do not overflow.
func TestCompanyCeiling(t *testing.T) {
	s := newStore(t, "2026-06-30")
	a := mkCustomer(t, s, "A", 30)
	b := mkCustomer(t, s, "B", 30)
	n := int(MaxCompanyTotal / MaxAmount)
	for i := 0; i < n; i++ {
		c := a
		if i%2 == 1 {
			c = b
		}
		mkInvoice(t, s, c, "2026-01-05", MaxAmount)
	}
	over := &Invoice{CustomerID: a.ID, IssueDate: MustDate("2026-01-05"), Lines: []InvoiceLine{{Description: "x", QtyMilli: 1000, UnitPrice: 1}}}
	wantBound(t, s.CreateDraft(ctx, over), "total", "10,000,000,000,000.00")
	for i := 0; i < n; i++ {
		c := a
		if i%2 == 1 {
			c = b
		}
		p := &Payment{CustomerID: c.ID, Method: "bank", Amount: MaxAmount}
		if err := s.RecordPayment(ctx, p, nil); err != nil {
			t.Fatalf("payment %d: %v", i, err)
		}
	}
	wantBound(t, s.RecordPayment(ctx, &Payment{CustomerID: a.ID, Method: "bank", Amount: 1}, nil), "amount", "payments")
	ag, err := s.Aging(ctx, MustDate("2026-06-30"), "")
	if err != nil {
		t.Fatalf("aging at the ceiling: %v", err)
	}
	if ag.Total.Total != MaxCompanyTotal {
		t.Errorf("aging total %d, want %d", ag.Total.Total, MaxCompanyTotal)
	}
	if _, err := s.StatementFor(ctx, a.ID, Date{}, MustDate("2026-06-30")); err != nil {
		t.Fatalf("statement at the ceiling: %v", err)
	}
	if _, err := s.CustomersOwing(ctx, MustDate("2026-06-30"), 0); err != nil {
		t.Fatalf("statement customers at the ceiling: %v", err)
	}
	mustCheck(t, s)
}

// A file over the bounds (written outside Duebook) is reported by Check, whose own queries do
// not overflow; the writes that read the sums refuse to add to it.
func TestCheckReportsOverBounds(t *testing.T) {
	s := newStore(t, "2026-06-30")
	c := mkCustomer(t, s, "Forged", 30)
	// 20 invoices of 9,999,999,999,999,999.99-ish: each alone is over MaxAmount and their sum
	// overflows int64.
	for i := 0; i < 20; i++ {
		if _, err := s.w.ExecContext(ctx, `INSERT INTO invoices(customer_id, currency, issue_date, due_date, status, subtotal, tax_total, total, open_amount, created)
			VALUES (?, 'USD', '2026-01-01', '2026-01-31', 'draft', 999999999999999999, 0, 999999999999999999, 0, 'x')`, c.ID); err != nil {
			t.Fatal(err)
		}
	}
	v, err := s.Check(ctx)
	if err != nil {
		t.Fatalf("check: %v", err)
	}
	joined := strings.Join(v, "\n")
	for _, want := range []string{"amount above 10000000000000 minor units", "company sum above", "the invoice totals"} {
		if !strings.Contains(joined, want) {
			t.Errorf("check does not say %q:\n%s", want, joined)
		}
	}
	err = s.CreateDraft(ctx, &Invoice{CustomerID: c.ID, IssueDate: MustDate("2026-06-01"), Lines: []InvoiceLine{{Description: "x", QtyMilli: 1000, UnitPrice: 1}}})
	var fe *FieldError
	if !errors.As(err, &fe) || fe.Field != "total" {
		t.Fatalf("a new invoice on an overflowing file: %v", err)
	}
}

func TestParseTermsStrict(t *testing.T) {
	for in, want := range map[string]int{"30": 30, "Net 30": 30, "net30": 30, "N30": 30, "30 days": 30, "Net 45 days": 45,
		"2/10 net 30": 30, "2/10, Net 30": 30, "2% 10 net 30": 30, "Due on receipt": 0, "COD": 0, "0": 0, "365": 365} {
		if got, err := parseTerms(in); err != nil || got != want {
			t.Errorf("parseTerms(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"-30", "Net 30 (was 2/10)", "30.5", "soon", "366", "Net 30 or 60", "99999999999999999999", "30 days after receipt"} {
		if got, err := parseTerms(in); err == nil {
			t.Errorf("parseTerms(%q) = %d, want refused", in, got)
		}
	}
}

// The ceiling check keeps a bound of the company sums instead of adding them up for every
// write; the bound must never let a write pass the ceiling, whoever changed the file.
func TestCompanyCeilingBoundSeesOtherWriters(t *testing.T) {
	s := newStore(t, "2026-06-30")
	c := mkCustomer(t, s, "A", 30)
	n := int(MaxCompanyTotal / MaxAmount)
	one := func(amount int64) *Invoice {
		return &Invoice{CustomerID: c.ID, IssueDate: MustDate("2026-01-05"), Lines: []InvoiceLine{{Description: "x", QtyMilli: 1000, UnitPrice: amount}}}
	}
	for i := 0; i < n-1; i++ {
		mkInvoice(t, s, c, "2026-01-05", MaxAmount)
	}
	d := one(1)
	if err := s.CreateDraft(ctx, d); err != nil {
		t.Fatal(err)
	}
	// Another program (another connection) raises the draft to MaxAmount: the company is at
	// the ceiling, although this store wrote nothing and no row was added.
	other, err := OpenWith(s.Path(), Options{Clock: FixedClock{MustDate("2026-06-30")}})
	if err != nil {
		t.Fatal(err)
	}
	d2, err := other.Invoice(ctx, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	d2.Lines[0].UnitPrice = MaxAmount
	if err := other.UpdateDraft(ctx, d2); err != nil {
		t.Fatal(err)
	}
	other.Close()
	wantBound(t, s.CreateDraft(ctx, one(1)), "total", "more than")
	// Room for one more after the draft is deleted; then a row added on this connection
	// without the check (as the demo generator does) fills it.
	if err := s.DeleteDraft(ctx, d.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.CreateDraft(ctx, one(1)); err != nil {
		t.Fatalf("after deleting the draft: %v", err)
	}
	if _, err := s.w.ExecContext(ctx, `INSERT INTO invoices(customer_id, currency, issue_date, due_date, status, subtotal, tax_total, total, open_amount, created)
		VALUES (?, 'USD', '2026-01-01', '2026-01-31', 'draft', ?, 0, ?, 0, 'x')`, c.ID, MaxAmount-1, MaxAmount-1); err != nil {
		t.Fatal(err)
	}
	wantBound(t, s.CreateDraft(ctx, one(1)), "total", "more than")
	// The same for payments, from another connection.
	for i := 0; i < n-1; i++ {
		if err := s.RecordPayment(ctx, &Payment{CustomerID: c.ID, Method: "bank", Amount: MaxAmount}, nil); err != nil {
			t.Fatal(err)
		}
	}
	other, err = OpenWith(s.Path(), Options{Clock: FixedClock{MustDate("2026-06-30")}})
	if err != nil {
		t.Fatal(err)
	}
	if err := other.RecordPayment(ctx, &Payment{CustomerID: c.ID, Method: "bank", Amount: MaxAmount}, nil); err != nil {
		t.Fatal(err)
	}
	other.Close()
	wantBound(t, s.RecordPayment(ctx, &Payment{CustomerID: c.ID, Method: "bank", Amount: 1}, nil), "amount", "payments")
}

// The bound only rises, so a write that fits is refused only after the exact sum says so:
// a rolled-back write, a deleted draft and a changed draft do not block what fits.
func TestCompanyCeilingBoundLetsWhatFits(t *testing.T) {
	s := newStore(t, "2026-06-30")
	c := mkCustomer(t, s, "A", 30)
	n := int(MaxCompanyTotal / MaxAmount)
	one := func(amount int64) *Invoice {
		return &Invoice{CustomerID: c.ID, IssueDate: MustDate("2026-01-05"), Lines: []InvoiceLine{{Description: "x", QtyMilli: 1000, UnitPrice: amount}}}
	}
	for i := 0; i < n-1; i++ {
		mkInvoice(t, s, c, "2026-01-05", MaxAmount)
	}
	errStop := errors.New("stop")
	if err := s.Update(ctx, func(tx *Tx) error {
		if err := tx.CreateDraft(one(MaxAmount)); err != nil {
			return err
		}
		return errStop
	}); !errors.Is(err, errStop) {
		t.Fatal(err)
	}
	draft := one(MaxAmount)
	if err := s.CreateDraft(ctx, draft); err != nil {
		t.Fatalf("after a rolled-back write, the last one fits: %v", err)
	}
	wantBound(t, s.CreateDraft(ctx, one(1)), "total", "more than")
	if err := s.DeleteDraft(ctx, draft.ID); err != nil {
		t.Fatal(err)
	}
	small := one(1)
	if err := s.CreateDraft(ctx, small); err != nil {
		t.Fatalf("after deleting a draft: %v", err)
	}
	small.Lines[0].UnitPrice = MaxAmount
	if err := s.UpdateDraft(ctx, small); err != nil {
		t.Fatalf("updating the draft to exactly the ceiling: %v", err)
	}
	small.Lines[0].UnitPrice = MaxAmount - 1
	if err := s.UpdateDraft(ctx, small); err != nil {
		t.Fatalf("lowering the draft: %v", err)
	}
	small.Lines[0].UnitPrice = MaxAmount
	if err := s.UpdateDraft(ctx, small); err != nil {
		t.Fatalf("raising it back to the ceiling: %v", err)
	}
	wantBound(t, s.CreateDraft(ctx, one(1)), "total", "more than")
	var sum int64
	if err := s.r.QueryRowContext(ctx, `SELECT sum(total) FROM invoices`).Scan(&sum); err != nil || sum != MaxCompanyTotal {
		t.Fatalf("sum %d (%v), want exactly the ceiling %d", sum, err, MaxCompanyTotal)
	}
}
