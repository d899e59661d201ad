package app

import (
	"context"
	"slices"
	"strings"

	"duebook/data"
)

// paymentIndex answers the payments list's searches and sorts over every payment: the
// lower-cased texts searched are made once (a customer's name once per customer), and each
// column's order is sorted once and kept (sortkeys.go).
type paymentIndex struct {
	all       []*data.Payment
	custLower map[int64]string      // customer id -> lower-cased name
	refLower  []string              // lower-cased reference of all[i]
	methods   map[string]string     // method code -> its lower-cased name (methodName)
	orders    [len(payCols)][]int32 // by payCols column, ascending, ties by id
	byID      []int32
}

func newPaymentIndex(all []*data.Payment) *paymentIndex {
	x := &paymentIndex{all: all, custLower: map[int64]string{}, refLower: make([]string, len(all)), methods: map[string]string{}}
	for i, p := range all {
		if _, ok := x.custLower[p.CustomerID]; !ok {
			x.custLower[p.CustomerID] = strings.ToLower(p.CustomerName)
		}
		x.refLower[i] = strings.ToLower(p.Reference)
		if _, ok := x.methods[p.Method]; !ok {
			x.methods[p.Method] = strings.ToLower(methodName(p.Method))
		}
	}
	x.byID = idOrder(len(all), func(i int) int64 { return all[i].ID })
	return x
}

// order is the payments' order by column col, ascending, ties by id.
func (x *paymentIndex) order(col int) []int32 {
	if col < 0 || col >= len(x.orders) {
		col = 0
	}
	if o := x.orders[col]; o != nil {
		return o
	}
	o := x.sortOrder(col)
	x.orders[col] = o
	return o
}

// todo is which columns have no order yet, for prepare (call it on the UI goroutine).
func (x *paymentIndex) todo() (cols [len(payCols)]bool) {
	for col := range cols {
		cols[col] = x.orders[col] == nil
	}
	return cols
}

// prepare sorts the columns todo named. It reads only what newPaymentIndex made, never
// changed after, so it runs on any goroutine (at a million payments about a second, which
// a click on a column header would otherwise spend on the UI goroutine); nil when ctx ends.
func (x *paymentIndex) prepare(ctx context.Context, cols [len(payCols)]bool) *[len(payCols)][]int32 {
	var out [len(payCols)][]int32
	for col, need := range cols {
		if ctx.Err() != nil {
			return nil
		}
		if need {
			out[col] = x.sortOrder(col)
		}
	}
	return &out
}

// install keeps the orders prepare made that the index does not have yet (call it on the
// UI goroutine).
func (x *paymentIndex) install(orders *[len(payCols)][]int32) {
	if orders == nil {
		return
	}
	for col, o := range orders {
		if x.orders[col] == nil && o != nil {
			x.orders[col] = o
		}
	}
}

// sortOrder sorts by column col (0 to len(payCols)-1): the radix sort of one key per
// payment over the id order, so ties stay by id.
func (x *paymentIndex) sortOrder(col int) []int32 {
	all := x.all
	n := len(all)
	each := func(f func(p *data.Payment) uint64) []uint64 {
		k := make([]uint64, n)
		for i, p := range all {
			k[i] = f(p)
		}
		return k
	}
	var keys []uint64
	switch col {
	case 0:
		keys = each(func(p *data.Payment) uint64 { return dateKey(p.Date) })
	case 1:
		keys = rankKeys(n, func(i int) string { return x.custLower[all[i].CustomerID] })
	case 2:
		keys = rankKeys(n, func(i int) string { return all[i].Method })
	case 3:
		keys = rankKeys(n, func(i int) string { return x.refLower[i] })
	case 4:
		keys = each(func(p *data.Payment) uint64 { return signedKey(p.Amount) })
	case 5:
		keys = each(func(p *data.Payment) uint64 { return signedKey(p.Unallocated) })
	}
	return radixSort(x.byID, keys)
}

// shown appends to dst the payments matching text (lower-cased; "" = all) in column col's
// order, reversed when desc (ties then newest id first).
func (x *paymentIndex) shown(dst []*data.Payment, text string, col int, desc bool) []*data.Payment {
	o := x.order(col)
	match := func(i int32) bool {
		if text == "" {
			return true
		}
		p := x.all[i]
		return strings.Contains(x.custLower[p.CustomerID], text) || strings.Contains(x.refLower[i], text) ||
			strings.Contains(p.Method, text) || strings.Contains(x.methods[p.Method], text)
	}
	if desc {
		for _, i := range slices.Backward(o) {
			if match(i) {
				dst = append(dst, x.all[i])
			}
		}
	} else {
		for _, i := range o {
			if match(i) {
				dst = append(dst, x.all[i])
			}
		}
	}
	return dst
}
