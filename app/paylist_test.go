package app

import (
	"cmp"
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"duebook/data"
)

// The payments list's kept orders and search give what sorting and filtering every
// payment with the plain comparisons gives (the list as it was before the index).
func TestPaymentIndexMatchesPlainSortAndSearch(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 9))
	names := []string{"Anchor", "anchor", "ÅSA", "åsa", "Zoë", "", "日本"}
	methods := []string{"bank", "card", "cash", "check", "paypal"}
	refs := []string{"", "A-1", "a-1", "INV-7 ÄÖ", "x", "PayPal 55"}
	for _, n := range []int{0, 1, 2, 50, 3000} {
		for _, shuffled := range []bool{false, true} {
			all := make([]*data.Payment, n)
			for i := range all {
				c := r.IntN(len(names))
				all[i] = &data.Payment{ID: int64(i*2 + 5), CustomerID: int64(c + 1), CustomerName: names[c],
					Date: data.MustDate("2026-01-01").AddDays(r.IntN(20)), Method: methods[r.IntN(len(methods))],
					Reference: refs[r.IntN(len(refs))], Amount: int64(r.IntN(5) - 1), Unallocated: int64(r.IntN(3)), Currency: "USD"}
			}
			if shuffled {
				r.Shuffle(n, func(i, j int) { all[i], all[j] = all[j], all[i] })
			}
			x := newPaymentIndex(all)
			for _, text := range []string{"", "a", "anch", "åsa", "bank transfer", "pay", "a-1", "zz"} {
				for col := range payCols {
					for _, desc := range []bool{false, true} {
						got := x.shown(nil, text, col, desc)
						want := plainPayments(all, text, col, desc)
						if !slices.Equal(got, want) {
							t.Fatalf("n=%d shuffled=%v text=%q col=%s desc=%v: the list differs from the plain sort and search", n, shuffled, text, payCols[col], desc)
						}
					}
				}
			}
		}
	}
}

// plainPayments is the filter and sort of the payments list before paymentIndex.
func plainPayments(all []*data.Payment, t string, col int, desc bool) []*data.Payment {
	var shown []*data.Payment
	for _, p := range all {
		if t == "" || strings.Contains(strings.ToLower(p.CustomerName), t) || strings.Contains(strings.ToLower(p.Reference), t) ||
			strings.Contains(p.Method, t) || strings.Contains(strings.ToLower(methodName(p.Method)), t) {
			shown = append(shown, p)
		}
	}
	key := func(a, b *data.Payment) int {
		switch col {
		case 1:
			return strings.Compare(strings.ToLower(a.CustomerName), strings.ToLower(b.CustomerName))
		case 2:
			return strings.Compare(a.Method, b.Method)
		case 3:
			return strings.Compare(strings.ToLower(a.Reference), strings.ToLower(b.Reference))
		case 4:
			return cmp.Compare(a.Amount, b.Amount)
		case 5:
			return cmp.Compare(a.Unallocated, b.Unallocated)
		}
		return strings.Compare(a.Date.String(), b.Date.String())
	}
	slices.SortStableFunc(shown, func(a, b *data.Payment) int {
		c := key(a, b)
		if c == 0 {
			c = cmp.Compare(a.ID, b.ID)
		}
		if desc {
			return -c
		}
		return c
	})
	return shown
}

// The orders made off the UI goroutine (prepare, then install) are the ones a click would
// make; todo names only what is missing; a cancelled prepare gives nothing. After the
// payments screen is read, the background leaves every column sorted.
func TestPaymentIndexPreparesTheOtherOrders(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 11))
	all := make([]*data.Payment, 400)
	for i := range all {
		all[i] = &data.Payment{ID: int64(400 - i), CustomerID: int64(r.IntN(9) + 1), CustomerName: fmt.Sprint("C", r.IntN(9)),
			Date: data.MustDate("2026-01-01").AddDays(r.IntN(40)), Method: []string{"bank", "card", "cash"}[r.IntN(3)],
			Reference: fmt.Sprint("R", r.IntN(50)), Amount: int64(r.IntN(900) - 100), Unallocated: int64(r.IntN(4)), Currency: "USD"}
	}
	x, bg := newPaymentIndex(all), newPaymentIndex(all)
	bg.order(3)
	cols := bg.todo()
	for col, need := range cols {
		if need != (col != 3) {
			t.Fatalf("todo after sorting Reference: %v", cols)
		}
	}
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	if bg.prepare(cancelled, cols) != nil {
		t.Fatal("a cancelled prepare gave orders")
	}
	bg.install(bg.prepare(context.Background(), cols))
	if cols := bg.todo(); slices.Contains(cols[:], true) {
		t.Fatalf("todo after install: %v", cols)
	}
	for col := range payCols {
		if !slices.Equal(bg.orders[col], x.order(col)) {
			t.Fatalf("column %s: the prepared order differs from the one a click makes", payCols[col])
		}
	}

	s := newStore(t)
	c := mkCustomer(t, s, "Anchor Supply", 30, 0)
	for i := range 5 {
		if err := s.RecordPayment(ctx, &data.Payment{CustomerID: c.ID, Date: data.MustDate("2026-06-01").AddDays(i), Method: "bank",
			Reference: fmt.Sprint("B-", i), Amount: int64(100 + i)}, nil); err != nil {
			t.Fatal(err)
		}
	}
	ui := newTestUI(t, s)
	showTab(ui, TabPayments)
	ui.Wait()
	if cols := ui.Payments.index.todo(); slices.Contains(cols[:], true) {
		t.Fatalf("after the payments were read, columns still unsorted: %v", cols)
	}
}

// Before its first read the payments list says it is loading (not "No payments yet"), and
// a search typed meanwhile applies once the payments are in.
func TestPaymentsSayLoadingUntilRead(t *testing.T) {
	s := newStore(t)
	a := mkCustomer(t, s, "Anchor Supply", 30, 0)
	z := mkCustomer(t, s, "Zephyr Tools", 30, 0)
	for i, c := range []*data.Customer{a, z, z} {
		if err := s.RecordPayment(ctx, &data.Payment{CustomerID: c.ID, Date: data.MustDate("2026-06-01").AddDays(i), Method: "bank",
			Reference: fmt.Sprint("R-", i), Amount: int64(100 + i)}, nil); err != nil {
			t.Fatal(err)
		}
	}
	ui := newTestUI(t, s)
	ui.SelectTab(TabPayments) // the read is under way (applied at Wait)
	ps := ui.Payments
	if got := ps.Count.Text; got != "Loading payments…" {
		t.Fatalf("before the read the count says %q", got)
	}
	ps.Search.SetText("zephyr")
	if got := ps.Count.Text; got != "Loading payments…" || len(ps.shown) != 0 {
		t.Fatalf("a search before the read: %q, %d shown", got, len(ps.shown))
	}
	ui.Wait()
	if len(ps.shown) != 2 || ps.Count.Text != "2 of 3 payments" {
		t.Fatalf("after the read: %d shown, %q", len(ps.shown), ps.Count.Text)
	}
}
