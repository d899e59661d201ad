package app

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"duebook/data"
)

// The 100k-invoice sample company is made once per test binary (about 25 s).
var big struct {
	once sync.Once
	dir  string
	path string
	err  error
}

func TestMain(m *testing.M) {
	applyOnWait = true
	code := m.Run()
	if big.dir != "" {
		os.RemoveAll(big.dir)
	}
	os.Exit(code)
}

func bigFile(tb testing.TB) string {
	big.once.Do(func() {
		big.dir, big.err = os.MkdirTemp("", "duebook-app-100k-")
		if big.err != nil {
			return
		}
		big.path = filepath.Join(big.dir, "100k.duebook")
		s, err := data.OpenWith(big.path, data.Options{Clock: data.FixedClock{Day: data.MustDate(testToday)}})
		if err != nil {
			big.err = err
			return
		}
		defer s.Close()
		big.err = s.GenerateDemo(ctx, data.DemoOptions{Customers: 500, Invoices: 100_000, Seed: 11, Today: data.MustDate(testToday)})
	})
	if big.err != nil {
		tb.Fatal(big.err)
	}
	return big.path
}

func openBig(tb testing.TB) *data.Store {
	s, err := data.OpenWith(bigFile(tb), data.Options{Clock: data.FixedClock{Day: data.MustDate(testToday)}, ReadOnly: true})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

func ids(l *InvoiceList) []int64 {
	out := make([]int64, l.Count())
	for i := range out {
		out[i] = l.Row(i).ID
	}
	return out
}

func storeIDs(t *testing.T, s *data.Store, f data.InvoiceFilter) []int64 {
	invs, err := s.Invoices(ctx, f)
	if err != nil {
		t.Fatal(err)
	}
	out := make([]int64, len(invs))
	for i, inv := range invs {
		out[i] = inv.ID
	}
	return out
}

func sameSet(a, b []int64) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

func TestInvoiceList100kOpensAndFilters(t *testing.T) {
	if testing.Short() {
		t.Skip("makes a 100k-invoice company")
	}
	s := openBig(t)
	today := s.Today()
	start := time.Now()
	rows, err := s.InvoiceRows(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	read := time.Since(start)
	l := NewInvoiceList(rows, today, nil)
	t.Logf("100k invoices: read %v, list built %v", read.Round(time.Millisecond), time.Since(start).Round(time.Millisecond))
	if l.Len() != 100_000 || l.Count() != 100_000 {
		t.Fatalf("list has %d/%d", l.Count(), l.Len())
	}
	var cust int64 = rows[len(rows)/2].CustomerID
	from, to := data.MustDate("2025-03-01"), data.MustDate("2025-05-31")
	cases := []struct {
		name   string
		q      InvoiceQuery
		oracle data.InvoiceFilter
	}{
		{"overdue", InvoiceQuery{Status: FilterOpen, Overdue: true}, data.InvoiceFilter{OverdueOn: today}},
		{"open", InvoiceQuery{Status: FilterOpen}, data.InvoiceFilter{OpenOnly: true}},
		{"void", InvoiceQuery{Status: FilterVoid}, data.InvoiceFilter{Status: data.StatusVoid}},
		{"customer", InvoiceQuery{CustomerID: cust}, data.InvoiceFilter{CustomerID: cust}},
		{"text", InvoiceQuery{Text: "HARBOR"}, data.InvoiceFilter{Text: "harbor"}},
		{"issue range", InvoiceQuery{From: from, To: to}, data.InvoiceFilter{From: from, To: to}},
		{"customer+range+posted", InvoiceQuery{CustomerID: cust, Status: FilterPosted, From: from, To: to},
			data.InvoiceFilter{CustomerID: cust, Status: data.StatusPosted, From: from, To: to}},
	}
	for _, c := range cases {
		t0 := time.Now()
		l.Apply(c.q)
		took := time.Since(t0)
		want := storeIDs(t, s, c.oracle)
		if len(want) == 0 {
			t.Errorf("%s: the sample has no such invoices; pick another filter", c.name)
		}
		if !sameSet(ids(l), want) {
			t.Errorf("%s: list shows %d invoices, the store has %d", c.name, l.Count(), len(want))
		}
		t.Logf("%s: %d invoices in %v", c.name, l.Count(), took.Round(time.Microsecond))
	}
	// due-date range: every shown invoice is due in the range, and none missed
	l.Apply(InvoiceQuery{RangeOn: RangeDue, From: from, To: to})
	n := 0
	for _, r := range rows {
		if !r.DueDate.Before(from) && !r.DueDate.After(to) {
			n++
		}
	}
	if l.Count() != n {
		t.Errorf("due range: %d, want %d", l.Count(), n)
	}
	// sorting: each column's order holds, both ways
	for col := range numCols {
		for _, desc := range []bool{false, true} {
			l.Apply(InvoiceQuery{Status: FilterOpen, SortCol: col, Desc: desc})
			cmp := l.less(col)
			for i := 1; i < l.Count(); i++ {
				a, b := l.view[i-1], l.view[i]
				c := cmp(a, b)
				if desc {
					c = -c
				}
				if c > 0 {
					t.Fatalf("column %s desc=%v out of order at %d", colTitles[col], desc, i)
				}
			}
		}
	}
}

func TestInvoiceScreen100k(t *testing.T) {
	if testing.Short() {
		t.Skip("makes a 100k-invoice company")
	}
	s := openBig(t)
	ui := newTestUI(t, s)
	showTab(ui, TabInvoices)
	is := ui.Invoices
	if is.List == nil || is.List.Len() != 100_000 {
		t.Fatalf("invoice screen did not load the 100k invoices")
	}
	if r, _ := is.Table.Length(); r != 100_000 {
		t.Errorf("table has %d rows", r)
	}
	t.Logf("invoice screen load (read + index + first sort): %v", is.LoadTime.Round(time.Millisecond))
	want := storeIDs(t, s, data.InvoiceFilter{OverdueOn: s.Today()})
	start := time.Now()
	is.Overdue.SetChecked(true)
	if !sameSet(ids(is.List), want) {
		t.Errorf("overdue filter shows %d, store has %d", is.List.Count(), len(want))
	}
	typeInto(is.Text, "inv-0004")
	t.Logf("two filter changes through the widgets: %v", time.Since(start).Round(time.Millisecond))
	for i := 0; i < is.List.Count(); i++ {
		if r := is.List.Row(i); r.days <= 0 || !containsFold(r.Number, "inv-0004") {
			t.Fatalf("row %s (days %d) should not be shown", r.Number, r.days)
		}
	}
	if is.List.Count() == 0 {
		t.Error("no overdue invoice numbered INV-0004xxxx in the sample")
	}
	if r, _ := is.Table.Length(); r != is.List.Count() {
		t.Errorf("table rows %d, list %d", r, is.List.Count())
	}
}

func containsFold(s, sub string) bool {
	return strings.Contains(strings.ToLower(s), strings.ToLower(sub))
}

// BenchmarkInvoiceFilter100k measures one filter of the 100k-invoice list (target < 50 ms).
func BenchmarkInvoiceFilter100k(b *testing.B) {
	s := openBig(b)
	rows, err := s.InvoiceRows(ctx, nil)
	if err != nil {
		b.Fatal(err)
	}
	l := NewInvoiceList(rows, s.Today(), nil)
	cust := rows[len(rows)/3].CustomerID
	qs := []InvoiceQuery{
		{Text: "harbor", SortCol: ColIssue, Desc: true},
		{Status: FilterOpen, Overdue: true, SortCol: ColIssue, Desc: true},
		{CustomerID: cust, SortCol: ColIssue, Desc: true},
		{From: data.MustDate("2025-01-01"), To: data.MustDate("2025-12-31"), Text: "inv-00", SortCol: ColIssue, Desc: true},
		{SortCol: ColIssue, Desc: true},
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		l.Apply(qs[i%len(qs)])
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/filter")
}

// BenchmarkInvoiceSort100k measures sorting the 100k list by a new column (done once per
// column, then kept).
func BenchmarkInvoiceSort100k(b *testing.B) {
	s := openBig(b)
	rows, err := s.InvoiceRows(ctx, nil)
	if err != nil {
		b.Fatal(err)
	}
	l := NewInvoiceList(rows, s.Today(), nil)
	cols := []int{ColCustomer, ColDue, ColOpen, ColDays, ColNumber}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		col := cols[i%len(cols)]
		l.orders[col] = nil
		l.Apply(InvoiceQuery{SortCol: col})
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/sort")
}

// BenchmarkInvoiceLoad100k measures reading the 100k invoices and building the list.
func BenchmarkInvoiceLoad100k(b *testing.B) {
	s := openBig(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		rows, err := s.InvoiceRows(ctx, nil)
		if err != nil {
			b.Fatal(err)
		}
		l := NewInvoiceList(rows, s.Today(), nil)
		if l.Len() != 100_000 {
			b.Fatal(fmt.Sprint(l.Len()))
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/load")
}
