package app

import (
	"slices"
	"strings"

	"duebook/data"
)

// paymentIndex answers the payments list's searches and sorts over every payment: the
// lower-cased texts searched are made once (a customer's name once per customer), and each
// column's order is sorted once and kept (sortkeys.go).
type paymentIndex struct {
	all       []*data.Payment
	custLower map[int64]string  // customer id -> lower-cased name
	refLower  []string          // lower-cased reference of all[i]
	methods   map[string]string // method code -> its lower-cased name (methodName)
	orders    [6][]int32        // by payCols column, ascending, ties by id
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
	o := radixSort(x.byID, keys)
	x.orders[col] = o
	return o
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
