package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"duebook/data"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

func TestCreateCustomerShowsFieldErrors(t *testing.T) {
	s := newStore(t)
	ui := newTestUI(t, s)
	ui.SelectTab(TabCustomers)
	cs := ui.Customers
	tap(t, cs.NewButton)
	if cs.Form == nil {
		t.Fatal("the customer form did not open")
	}
	f := cs.Form.Form
	typeInto(f.Field("emails").Entry, "not-an-email")
	typeInto(f.Field("terms_days").Entry, "thirty")
	tap(t, cs.Form.SaveBtn)

	if got := f.Field("name").Error; !got.Visible() || got.Text != "is required" {
		t.Errorf("name error = %q (visible %v), want %q", got.Text, got.Visible(), "is required")
	}
	if got := f.Field("emails").Error.Text; !strings.Contains(got, "not an email address") {
		t.Errorf("emails error = %q", got)
	}
	if got := f.Field("terms_days").Error.Text; !strings.Contains(got, "not a whole number") {
		t.Errorf("terms error = %q", got)
	}
	if !shows(ui.Win, "is required") {
		t.Error("the name error is not on the window")
	}
	if got := f.Field("city").Error; got.Visible() {
		t.Errorf("city shows an error %q", got.Text)
	}
	if cs, _ := s.Customers(ctx, data.CustomerFilter{}); len(cs) != 0 {
		t.Fatalf("a refused customer was saved: %v", cs)
	}

	typeInto(f.Field("name").Entry, "Acme Hardware")
	typeInto(f.Field("emails").Entry, "ap@acme.example, boss@acme.example")
	typeInto(f.Field("terms_days").Entry, "45")
	typeInto(f.Field("credit_limit").Entry, "2,500.00")
	typeInto(f.Field("city").Entry, "Tacoma")
	shortcut(ui.Win, fyne.KeyS) // Ctrl+S saves the form
	ui.Wait()

	all, err := s.Customers(ctx, data.CustomerFilter{})
	if err != nil || len(all) != 1 {
		t.Fatalf("customers = %v, %v", all, err)
	}
	c := all[0]
	if c.Name != "Acme Hardware" || c.TermsDays != 45 || c.CreditLimit != 250000 || len(c.Emails) != 2 || c.City != "Tacoma" {
		t.Errorf("saved %+v", c)
	}
	if cs.Form != nil {
		t.Error("the form is still open after saving")
	}
	if got := cs.Detail.Name.Text; got != "Acme Hardware" {
		t.Errorf("detail shows %q", got)
	}
	if got := cs.Shown(); len(got) != 1 || got[0] != "Acme Hardware" {
		t.Errorf("list shows %v", got)
	}
	// search
	typeInto(cs.Search, "zzz")
	if n := len(cs.Shown()); n != 0 {
		t.Errorf("search zzz shows %d", n)
	}
	typeInto(cs.Search, "tacoma")
	if n := len(cs.Shown()); n != 1 {
		t.Errorf("search tacoma shows %d", n)
	}
}

func TestCustomerReviewDue(t *testing.T) {
	s := newStore(t)
	c := &data.Customer{Name: "Old Record Co", Emails: []string{"a@old.example"}, LastReviewed: data.MustDate("2026-03-01")}
	if err := s.CreateCustomer(ctx, c); err != nil {
		t.Fatal(err)
	}
	fresh := mkCustomer(t, s, "Fresh Record Co", 30, 0)
	ui := newTestUI(t, s)
	ui.ShowCustomer(c.ID)
	ui.Wait()
	d := ui.Customers.Detail
	if !strings.Contains(d.Review.Text, "Review due") || !d.MarkReviewed.Visible() {
		t.Fatalf("review marker = %q, button visible %v", d.Review.Text, d.MarkReviewed.Visible())
	}
	if !strings.Contains(d.Review.Text, "121 days ago") {
		t.Errorf("review text %q", d.Review.Text)
	}
	tap(t, d.MarkReviewed)
	ui.Wait()
	got, _ := s.Customer(ctx, c.ID)
	if got.LastReviewed.String() != testToday {
		t.Errorf("last reviewed = %s", got.LastReviewed)
	}
	if strings.Contains(d.Review.Text, "Review due") || d.MarkReviewed.Visible() {
		t.Errorf("after review: %q, button visible %v", d.Review.Text, d.MarkReviewed.Visible())
	}
	ui.ShowCustomer(fresh.ID)
	ui.Wait()
	if strings.Contains(d.Review.Text, "Review due") {
		t.Errorf("fresh customer marked for review: %q", d.Review.Text)
	}
}

func TestCreateAndPostInvoice(t *testing.T) {
	s := newStore(t)
	c := mkCustomer(t, s, "Harbor Bakery", 30, 0)
	ui := newTestUI(t, s)
	showTab(ui, TabInvoices)
	shortcut(ui.Win, fyne.KeyN) // Ctrl+N: new invoice
	e := ui.Invoices.Editor
	if e == nil || ui.Tabs.Selected().Text != TabInvoices {
		t.Fatal("Ctrl+N did not open the invoice editor")
	}
	// nothing filled in: errors beside the fields, nothing saved
	typeInto(e.Lines[0].Qty, "-1")
	tap(t, e.SaveBtn)
	if got := e.Form.Field("customer").Error.Text; got != "is required" {
		t.Errorf("customer error %q", got)
	}
	if got := e.Lines[0].Error.Text; !strings.Contains(got, "Line 1") || !strings.Contains(got, "quantity") {
		t.Errorf("line error %q", got)
	}
	if invs, _ := s.Invoices(ctx, data.InvoiceFilter{}); len(invs) != 0 {
		t.Fatalf("refused draft saved: %d", len(invs))
	}

	test_type(e.Customer.Entry, "Harbor Bakery")
	if got := e.Form.Field("due_date").Text(); got != "2026-07-30" {
		t.Errorf("due date from terms = %q", got)
	}
	l := e.Lines[0]
	typeInto(l.Desc, "Sourdough loaves")
	typeInto(l.Qty, "2.5")
	typeInto(l.Price, "12.00")
	typeInto(l.Tax, "10")
	if got := l.Net.Text; got != "30.00" {
		t.Errorf("line net %q", got)
	}
	if got := e.Total.Text; got != "33.00 USD" {
		t.Errorf("live total %q", got)
	}
	tap(t, e.AddLine)
	l2 := e.Lines[1]
	typeInto(l2.Desc, "Delivery")
	typeInto(l2.Qty, "1")
	typeInto(l2.Price, "7.50")
	typeInto(l2.Tax, "0")
	if got := e.Total.Text; got != "40.50 USD" {
		t.Errorf("live total after second line %q", got)
	}
	typeInto(e.Form.Field("po_number").Entry, "PO-778")
	tap(t, e.SaveBtn)
	ui.Wait()
	if e.Invoice == nil || e.Invoice.ID == 0 {
		t.Fatalf("draft not saved; errors: %v", texts(ui.Win))
	}
	draft, err := s.Invoice(ctx, e.Invoice.ID)
	if err != nil || draft.Status != data.StatusDraft || draft.Total != 4050 || len(draft.Lines) != 2 || draft.PONumber != "PO-778" {
		t.Fatalf("draft %+v, %v", draft, err)
	}
	tap(t, e.PostBtn)
	ui.Wait()
	posted, _ := s.Invoice(ctx, draft.ID)
	if posted.Status != data.StatusPosted || posted.Number != "INV-00001" || posted.OpenAmount != 4050 {
		t.Fatalf("posted %+v", posted)
	}
	if ui.Invoices.View == nil || !strings.Contains(ui.Invoices.View.Header.Text, "INV-00001") {
		t.Fatal("the posted invoice is not shown")
	}
	// the notice says what happened last: posted, not "Draft saved."
	if !strings.Contains(ui.Notice.Text, "Posted INV-00001") {
		t.Errorf("after posting the notice says %q", ui.Notice.Text)
	}
	ui.Invoices.CloseDetail()
	l0 := ui.Invoices.List
	if l0.Count() != 1 || l0.Cell(0, ColNumber) != "INV-00001" || l0.Cell(0, ColStatus) != "open" || l0.Cell(0, ColCustomer) != c.Name {
		t.Errorf("list row: %q %q %q", l0.Cell(0, ColNumber), l0.Cell(0, ColStatus), l0.Cell(0, ColCustomer))
	}
}

// test_type types into a select entry (its Entry part).
func test_type(e *widget.SelectEntry, s string) {
	e.SetText("")
	for _, r := range s {
		e.TypedRune(r)
	}
}

func TestCreditLimitWarning(t *testing.T) {
	s := newStore(t)
	c := mkCustomer(t, s, "Tight Budget LLC", 30, 100000) // limit 1,000.00
	mkInvoice(t, s, c, "2026-06-01", 80000)
	ui := newTestUI(t, s)
	ui.NewInvoice(c.ID)
	e := ui.Invoices.Editor
	typeInto(e.Lines[0].Desc, "Big order")
	typeInto(e.Lines[0].Price, "300")
	tap(t, e.SaveBtn)
	m := ui.Modal
	if m == nil || m.Title != "Over the credit limit" || !strings.Contains(m.Message.Text, "1,100.00 USD") || !strings.Contains(m.Message.Text, "1,000.00 USD") {
		t.Fatalf("no credit warning: %+v", m)
	}
	if invs, _ := s.Invoices(ctx, data.InvoiceFilter{Status: data.StatusDraft}); len(invs) != 0 {
		t.Fatal("saved before the user answered the warning")
	}
	tap(t, m.Button("Save anyway"))
	ui.Wait()
	if invs, _ := s.Invoices(ctx, data.InvoiceFilter{Status: data.StatusDraft}); len(invs) != 1 {
		t.Fatalf("drafts after 'Save anyway': %d", len(invs))
	}
	// posting warns again; Cancel leaves it a draft
	tap(t, e.PostBtn)
	ui.Wait()
	if ui.Modal.Title != "Over the credit limit" {
		t.Fatalf("posting gave %q", ui.Modal.Title)
	}
	tap(t, ui.Modal.Button("Cancel"))
	if inv, _ := s.Invoice(ctx, e.Invoice.ID); inv.Status != data.StatusDraft {
		t.Fatalf("cancelled post posted the invoice")
	}
}

func TestRecordAndAllocatePayment(t *testing.T) {
	s := newStore(t)
	c := mkCustomer(t, s, "Maple Dental Clinic", 30, 0)
	old := mkInvoice(t, s, c, "2026-04-01", 10000) // 100.00, oldest
	mid := mkInvoice(t, s, c, "2026-05-01", 5000)  // 50.00
	ui := newTestUI(t, s)
	ui.ShowCustomer(c.ID)
	ui.Wait()
	tap(t, ui.Customers.Detail.RecordPay)
	ui.Wait()
	ps := ui.Payments
	if ps.Customer.ID() != c.ID {
		t.Fatalf("payment form customer = %d", ps.Customer.ID())
	}
	f := ps.Form
	typeInto(f.Field("amount").Entry, "abc")
	tap(t, ps.AllocateBtn)
	if got := f.Field("amount").Error.Text; !strings.Contains(got, "not an amount") {
		t.Errorf("amount error %q", got)
	}
	typeInto(f.Field("amount").Entry, "200.00")
	typeInto(f.Field("reference").Entry, "CHK 1042")
	f.Field("method").SetText("check")
	tap(t, ps.AllocateBtn)
	d := ps.Alloc
	if d == nil || len(d.Rows) != 2 {
		t.Fatalf("allocation dialog: %+v", d)
	}
	if d.Rows[0].Invoice.ID != old.ID || d.Rows[0].Amount.Text != "100.00" || d.Rows[1].Amount.Text != "50.00" {
		t.Errorf("suggestion: %s=%q %s=%q", d.Rows[0].Invoice.Number, d.Rows[0].Amount.Text, d.Rows[1].Invoice.Number, d.Rows[1].Amount.Text)
	}
	if !strings.Contains(d.Left.Text, "left as credit 50.00 USD") {
		t.Errorf("leftover label %q", d.Left.Text)
	}
	// partial on the second invoice: more credit left
	typeInto(d.Rows[1].Amount, "20")
	if !strings.Contains(d.Left.Text, "left as credit 80.00 USD") {
		t.Errorf("leftover after edit %q", d.Left.Text)
	}
	// too much on one invoice is refused in the dialog
	typeInto(d.Rows[0].Amount, "150")
	tap(t, d.Modal.Button("Record payment"))
	if !d.Modal.Visible() || !strings.Contains(d.Error.Text, "more than its open balance") {
		t.Fatalf("over-allocation accepted; error %q", d.Error.Text)
	}
	typeInto(d.Rows[0].Amount, "100")
	tap(t, d.Modal.Button("Record payment"))
	ui.Wait()
	if d.Modal.Visible() {
		t.Fatalf("dialog still open: %q", d.Error.Text)
	}
	b, _ := s.CustomerBalance(ctx, c.ID)
	if b.Open != 3000 || b.Credit != 8000 {
		t.Fatalf("balance open %d credit %d, want 3000 and 8000", b.Open, b.Credit)
	}
	if p := ps.LastRecorded; p == nil || p.Method != "check" || p.Reference != "CHK 1042" || p.Amount != 20000 {
		t.Errorf("recorded %+v", p)
	}
	inv, _ := s.Invoice(ctx, mid.ID)
	if inv.OpenAmount != 3000 {
		t.Errorf("second invoice open %d", inv.OpenAmount)
	}
	// the customer's detail shows the lower balance and the credit; Apply credit uses it
	ui.ShowCustomer(c.ID)
	ui.Wait()
	cd := ui.Customers.Detail
	if cd.Open.Text != "30.00 USD (1 invoice)" || cd.Credit.Text != "80.00 USD" {
		t.Errorf("detail open %q credit %q", cd.Open.Text, cd.Credit.Text)
	}
	// and so does the payment form's balance line for this customer
	tap(t, cd.RecordPay)
	ui.Wait()
	if got := ui.Payments.CustBalance.Text; !strings.Contains(got, "Open 30.00 USD in 1 invoice ·") {
		t.Errorf("payment form balance %q", got)
	}
	ui.ShowCustomer(c.ID)
	ui.Wait()
	cd = ui.Customers.Detail
	tap(t, cd.ApplyCredit)
	ui.Wait()
	b, _ = s.CustomerBalance(ctx, c.ID)
	if b.Open != 0 || b.Credit != 5000 {
		t.Fatalf("after apply credit: open %d credit %d", b.Open, b.Credit)
	}
	if cd.Credit.Text != "50.00 USD" || !strings.HasPrefix(cd.Open.Text, "0.00 USD") {
		t.Errorf("detail after apply: open %q credit %q", cd.Open.Text, cd.Credit.Text)
	}
	if v, _ := s.Check(ctx); len(v) > 0 {
		t.Fatalf("invariants: %v", v)
	}
}

func TestAllocateExistingCredit(t *testing.T) {
	s := newStore(t)
	c := mkCustomer(t, s, "Cedar Print Shop", 30, 0)
	p := &data.Payment{CustomerID: c.ID, Date: data.MustDate("2026-06-01"), Method: "bank", Amount: 7000}
	if err := s.RecordPayment(ctx, p, nil); err != nil {
		t.Fatal(err)
	}
	inv := mkInvoice(t, s, c, "2026-06-10", 5000)
	ui := newTestUI(t, s)
	showTab(ui, TabPayments)
	ps := ui.Payments
	if len(ps.shown) != 1 {
		t.Fatalf("payments shown %d", len(ps.shown))
	}
	ps.Table.Select(widget.TableCellID{Row: 0, Col: 0})
	tap(t, ps.AllocCredit)
	d := ps.Alloc
	if d.Amount != 7000 || d.Rows[0].Amount.Text != "50.00" || !strings.Contains(d.Left.Text, "left as credit 20.00 USD") {
		t.Fatalf("dialog amount %d row %q left %q", d.Amount, d.Rows[0].Amount.Text, d.Left.Text)
	}
	tap(t, d.Modal.Button("Allocate"))
	ui.Wait()
	got, _ := s.Invoice(ctx, inv.ID)
	if got.OpenAmount != 0 {
		t.Errorf("invoice open %d", got.OpenAmount)
	}
	if !strings.Contains(ps.SelectedInfo.Text, "Credit left: 20.00 USD") {
		t.Errorf("selected info %q", ps.SelectedInfo.Text)
	}
}

func TestVoidWithReason(t *testing.T) {
	s := newStore(t)
	c := mkCustomer(t, s, "Willow Florist", 30, 0)
	mkInvoice(t, s, c, "2026-06-01", 12000)
	inv := mkInvoice(t, s, c, "2026-06-02", 3400)
	ui := newTestUI(t, s)
	showTab(ui, TabInvoices)
	is := ui.Invoices
	typeInto(is.Text, "00002")
	if is.List.Count() != 1 {
		t.Fatalf("search shows %d", is.List.Count())
	}
	if is.VoidButton.Disabled() == false {
		t.Error("void enabled with nothing selected")
	}
	is.Table.Select(widget.TableCellID{Row: 0, Col: 0})
	tap(t, is.VoidButton)
	m := ui.Modal
	if m == nil || !strings.HasPrefix(m.Title, "Void INV-00002") {
		t.Fatalf("void dialog %+v", m)
	}
	tap(t, m.Button("Void invoice"))
	if !m.Visible() || !strings.Contains(m.Form.Field("reason").Error.Text, "a reason is required") {
		t.Fatalf("empty reason accepted; error %q", m.Form.Field("reason").Error.Text)
	}
	typeInto(m.Form.Field("reason").Entry, "Duplicate of INV-00001")
	tap(t, m.Button("Void invoice"))
	ui.Wait()
	got, _ := s.Invoice(ctx, inv.ID)
	if got.Status != data.StatusVoid || got.VoidReason != "Duplicate of INV-00001" {
		t.Fatalf("after void: %s %q", got.Status, got.VoidReason)
	}
	if is.List.Count() != 1 || is.List.Cell(0, ColStatus) != "void" || is.List.Cell(0, ColOpen) != "" {
		t.Errorf("list after void: %q %q", is.List.Cell(0, ColStatus), is.List.Cell(0, ColOpen))
	}
	ui.OpenInvoice(inv.ID)
	if v := ui.Invoices.View; !strings.Contains(v.Status.Text, "Duplicate of INV-00001") || !v.Void.Disabled() {
		t.Errorf("void view: %q", v.Status.Text)
	}
}

func TestCreditNoteAndWriteOff(t *testing.T) {
	s := newStore(t)
	c := mkCustomer(t, s, "Granite Builders", 30, 0)
	inv := mkInvoice(t, s, c, "2026-03-01", 50000)
	ui := newTestUI(t, s)
	ui.OpenInvoice(inv.ID)
	v := ui.Invoices.View
	tap(t, v.Credit)
	m := ui.Modal
	typeInto(m.Form.Field("amount").Entry, "600.00")
	typeInto(m.Form.Field("reason").Entry, "Damaged goods")
	tap(t, m.Button("Issue credit note"))
	if !m.Visible() || !strings.Contains(m.Form.Field("amount").Error.Text, "more than the open balance") {
		t.Fatalf("too large credit accepted: %q", m.Form.Field("amount").Error.Text)
	}
	typeInto(m.Form.Field("amount").Entry, "100.00")
	tap(t, m.Button("Issue credit note"))
	ui.Wait()
	got, _ := s.Invoice(ctx, inv.ID)
	if got.OpenAmount != 40000 {
		t.Fatalf("open after credit %d", got.OpenAmount)
	}
	v = ui.Invoices.View
	if !strings.Contains(v.Body.Text, "CN-00001") {
		t.Errorf("view misses the credit note: %q", v.Body.Text)
	}
	tap(t, v.Write)
	m = ui.Modal
	if m.Form.Field("amount").Text() != "400.00" {
		t.Errorf("write-off prefilled %q", m.Form.Field("amount").Text())
	}
	typeInto(m.Form.Field("reason").Entry, "Customer closed")
	tap(t, m.Button("Write off"))
	ui.Wait()
	got, _ = s.Invoice(ctx, inv.ID)
	if got.OpenAmount != 0 {
		t.Fatalf("open after write-off %d", got.OpenAmount)
	}
}

func TestDashboardFiguresOpenFilteredList(t *testing.T) {
	s := newStore(t)
	c := mkCustomer(t, s, "Summit Landscaping", 30, 0)
	mkInvoice(t, s, c, "2026-03-01", 10000) // due 03-31: 91 days → over 90
	mkInvoice(t, s, c, "2026-05-10", 20000) // due 06-09: 21 days → 1-30
	mkInvoice(t, s, c, "2026-06-05", 40000) // due 07-05: due this week
	mkInvoice(t, s, c, "2026-06-25", 80000) // due 07-25: current
	ui := newTestUI(t, s)
	d := ui.Dashboard
	if d.Receivable.Text != "1,500.00 USD" || d.Overdue.Text != "300.00 USD" || d.DueWeek.Text != "400.00 USD" {
		t.Fatalf("figures %q %q %q", d.Receivable.Text, d.Overdue.Text, d.DueWeek.Text)
	}
	want := []string{"1,200.00 USD", "200.00 USD", "0.00 USD", "0.00 USD", "100.00 USD"}
	for i, w := range want {
		if d.Buckets[i].Text != w {
			t.Errorf("bucket %d = %q, want %q", i, d.Buckets[i].Text, w)
		}
	}
	if d.Bars[0].Fraction() != 1 || d.Bars[2].Fraction() != 0 || d.Bars[4].Fraction() <= 0 {
		t.Errorf("bars %v %v %v", d.Bars[0].Fraction(), d.Bars[2].Fraction(), d.Bars[4].Fraction())
	}
	tap(t, d.Overdue)
	ui.Wait() // the list is read when its screen is first shown
	if ui.Tabs.Selected().Text != TabInvoices || !ui.Invoices.Overdue.Checked {
		t.Fatal("overdue figure did not open the overdue list")
	}
	if n := ui.Invoices.List.Count(); n != 2 {
		t.Errorf("overdue list has %d", n)
	}
	tap(t, d.DueWeek)
	if n := ui.Invoices.List.Count(); n != 1 || ui.Invoices.List.Cell(0, ColDue) != "2026-07-05" {
		t.Errorf("due-this-week list: %d", n)
	}
	tap(t, d.Buckets[4])
	if n := ui.Invoices.List.Count(); n != 1 || ui.Invoices.List.Cell(0, ColDays) != "91" {
		t.Errorf("over-90 list: %d", n)
	}
	tap(t, d.Receivable)
	if n := ui.Invoices.List.Count(); n != 4 {
		t.Errorf("receivable list: %d", n)
	}
}

func TestInvoiceTableSortAndFilterWidgets(t *testing.T) {
	s := newStore(t)
	a := mkCustomer(t, s, "Alpha Cafe", 30, 0)
	b := mkCustomer(t, s, "Beta Bicycles", 15, 0)
	mkInvoice(t, s, a, "2026-01-10", 30000)
	mkInvoice(t, s, b, "2026-02-10", 10000)
	mkInvoice(t, s, a, "2026-06-20", 20000)
	ui := newTestUI(t, s)
	showTab(ui, TabInvoices)
	is := ui.Invoices
	if is.List.Count() != 3 || is.List.Cell(0, ColIssue) != "2026-06-20" {
		t.Fatalf("default sort: first %q", is.List.Cell(0, ColIssue))
	}
	is.SortBy(ColAmount) // amounts sort largest first
	if is.List.Cell(0, ColAmount) != "300.00 USD" {
		t.Errorf("amount sort first %q", is.List.Cell(0, ColAmount))
	}
	is.SortBy(ColAmount)
	if is.List.Cell(0, ColAmount) != "100.00 USD" {
		t.Errorf("amount sort flipped first %q", is.List.Cell(0, ColAmount))
	}
	test_type(is.Customer.Entry, "Beta Bicycles")
	if is.List.Count() != 1 || is.List.Cell(0, ColCustomer) != "Beta Bicycles" {
		t.Errorf("customer filter %d", is.List.Count())
	}
	test_type(is.Customer.Entry, "")
	typeInto(is.From, "2026-02-01")
	typeInto(is.To, "2026-06-01")
	if is.List.Count() != 1 || is.List.Cell(0, ColIssue) != "2026-02-10" {
		t.Errorf("date range %d", is.List.Count())
	}
	typeInto(is.To, "June")
	if !strings.Contains(is.Summary.Text, "to: \"June\" is not a date") || is.List.Count() != 2 {
		t.Errorf("bad date: %q (%d rows)", is.Summary.Text, is.List.Count())
	}
	tap(t, is.Clear)
	is.Status.SetSelected(FilterPaid)
	if is.List.Count() != 0 {
		t.Errorf("paid filter %d", is.List.Count())
	}
}

func TestFirstStartNewCompany(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("DUEBOOK_CONFIG_DIR", dir)
	a := testApp(t)
	ui := New(a, Options{})
	t.Cleanup(func() { ui.Close() })
	if ui.Start == nil || ui.Tabs != nil {
		t.Fatal("no first-start screen without a last file")
	}
	tap(t, ui.Start.NewButton)
	f := ui.Start.Form
	typeInto(f.Field("currency").Entry, "XYZ")
	typeInto(f.Field("invoice_format").Entry, "INV-")
	tap(t, ui.Start.CreateButton)
	if f.Field("name").Error.Text != "is required" || !strings.Contains(f.Field("currency").Error.Text, "not a known ISO 4217") ||
		!strings.Contains(f.Field("invoice_format").Error.Text, "{n}") {
		t.Fatalf("errors: name %q currency %q format %q", f.Field("name").Error.Text, f.Field("currency").Error.Text, f.Field("invoice_format").Error.Text)
	}
	typeInto(f.Field("name").Entry, "Copper Electric")
	typeInto(f.Field("currency").Entry, "eur")
	typeInto(f.Field("invoice_format").Entry, "CE-{n:04}")
	typeInto(f.Field("default_terms").Entry, "14")
	if got := f.Field("file").Text(); !strings.HasSuffix(got, "Copper-Electric.duebook") {
		t.Errorf("file name %q", got)
	}
	tap(t, ui.Start.CreateButton)
	ui.Wait()
	if ui.Store == nil || ui.Tabs == nil {
		t.Fatalf("company not opened: %v", texts(ui.Win))
	}
	if ui.Company.Name != "Copper Electric" || ui.Company.Currency != "EUR" || ui.Company.DefaultTermsDays != 14 || ui.Company.InvoiceFormat != "CE-{n:04}" {
		t.Errorf("company %+v", ui.Company)
	}
	cfg, _ := data.LoadConfig()
	if cfg.LastFile != ui.Store.Path() {
		t.Errorf("last file %q, store %q", cfg.LastFile, ui.Store.Path())
	}
	path := ui.Store.Path()
	ui.Close()
	// next start opens the last file
	ui2 := New(testApp(t), Options{})
	t.Cleanup(func() { ui2.Close() })
	ui2.Wait()
	if ui2.Store == nil || ui2.Store.Path() != path {
		t.Fatalf("second start did not reopen %s", path)
	}
}

func TestOpenSampleCompany(t *testing.T) {
	if testing.Short() {
		t.Skip("makes a 3000-invoice sample")
	}
	t.Setenv("DUEBOOK_CONFIG_DIR", t.TempDir())
	ui := New(testApp(t), Options{})
	t.Cleanup(func() { ui.Close() })
	tap(t, ui.Start.SampleButton)
	if ui.Modal == nil || ui.Modal.Title != "Sample company" || ui.Modal.Button("Cancel") == nil {
		t.Fatal("no progress dialog with Cancel")
	}
	ui.Wait()
	if ui.Store == nil {
		t.Fatalf("sample not opened: %v", texts(ui.Win))
	}
	showTab(ui, TabInvoices)
	if n := ui.Invoices.List.Len(); n != 3000 {
		t.Errorf("sample has %d invoices", n)
	}
	if ui.Dashboard.Receivable.Text == "…" || ui.Dashboard.Receivable.Text == "0.00 USD" {
		t.Errorf("dashboard receivable %q", ui.Dashboard.Receivable.Text)
	}
}

func TestSettingsSave(t *testing.T) {
	s := newStore(t)
	ui := newTestUI(t, s)
	ui.SelectTab(TabSettings)
	st := ui.Settings
	typeInto(st.Form.Field("default_terms").Entry, "400")
	typeInto(st.Form.Field("default_tax_rate").Entry, "8.25")
	tap(t, st.SaveBtn)
	if !strings.Contains(st.Form.Field("default_terms").Error.Text, "between 0 and 365") {
		t.Fatalf("terms error %q", st.Form.Field("default_terms").Error.Text)
	}
	typeInto(st.Form.Field("default_terms").Entry, "21")
	typeInto(st.Form.Field("name").Entry, "Iron Roofing")
	shortcut(ui.Win, fyne.KeyS)
	c, _ := s.Company(ctx)
	if c.Name != "Iron Roofing" || c.DefaultTermsDays != 21 || c.DefaultTaxRateBP != 825 {
		t.Errorf("saved %+v (%v)", c, texts(ui.Win))
	}
}

func TestShortcutFindFocusesSearch(t *testing.T) {
	s := newStore(t)
	ui := newTestUI(t, s)
	ui.SelectTab(TabCustomers)
	shortcut(ui.Win, fyne.KeyF)
	if ui.Win.Canvas().Focused() != ui.Customers.Search {
		t.Errorf("Ctrl+F on Customers focused %v", ui.Win.Canvas().Focused())
	}
	showTab(ui, TabInvoices)
	shortcut(ui.Win, fyne.KeyF)
	if ui.Win.Canvas().Focused() != ui.Invoices.Text {
		t.Errorf("Ctrl+F on Invoices focused %v", ui.Win.Canvas().Focused())
	}
	ui.SelectTab(TabDashboard)
	shortcut(ui.Win, fyne.KeyF)
	if ui.Tabs.Selected().Text != TabInvoices || ui.Win.Canvas().Focused() != ui.Invoices.Text {
		t.Error("Ctrl+F on the dashboard did not go to the invoice search")
	}
}

func TestSampleCompanyCancel(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("DUEBOOK_CONFIG_DIR", dir)
	ui := New(testApp(t), Options{})
	t.Cleanup(func() { ui.Close() })
	tap(t, ui.Start.SampleButton)
	tap(t, ui.Modal.Button("Cancel"))
	ui.Wait()
	if ui.Store != nil {
		t.Fatal("a cancelled sample was opened")
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), "duebook") {
			t.Errorf("left behind %s", e.Name())
		}
	}
	if ui.Start == nil {
		t.Error("the start screen is gone")
	}
}

// A new company is proposed in Documents/Duebook, where the user finds it and the reports
// and letters written beside it, not in the hidden application data folder.
func TestNewCompanyIsProposedInDocuments(t *testing.T) {
	home := t.TempDir()
	if err := os.Mkdir(filepath.Join(home, "Documents"), 0o700); err != nil {
		t.Fatal(err)
	}
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, ".config"))
	t.Setenv("DUEBOOK_CONFIG_DIR", "")
	a := testApp(t)
	ui := New(a, Options{})
	t.Cleanup(func() { ui.Close() })
	tap(t, ui.Start.NewButton)
	f := ui.Start.Form
	typeInto(f.Field("name").Entry, "Copper Electric")
	want := filepath.Join(home, "Documents", "Duebook", "Copper-Electric.duebook")
	if got := f.Field("file").Text(); got != want {
		t.Fatalf("proposed file %q, want %q", got, want)
	}
	tap(t, ui.Start.CreateButton)
	ui.Wait()
	if ui.Store == nil || ui.Store.Path() != want {
		t.Fatalf("company not created at %s: %v", want, texts(ui.Win))
	}
}
