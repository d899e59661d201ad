package app

import (
	"slices"
	"strings"

	"duebook/data"
)

// The lists' column orders (invoices, payments): each row gets one 64-bit key whose order
// is the column's, and a stable radix sort of the rows in id order gives the column's order
// with ties in id order: tens of milliseconds for a million rows, where a comparison sort
// took a third of a second and more.

// idOrder is 0..n-1 in the order of id(i) (the rows' order when they were read in id order).
func idOrder(n int, id func(i int) int64) []int32 {
	o := make([]int32, n)
	for i := range o {
		o[i] = int32(i)
	}
	by := func(a, b int32) int { return cmpInt64(id(int(a)), id(int(b))) }
	if !slices.IsSortedFunc(o, by) {
		slices.SortFunc(o, by)
	}
	return o
}

// dateKey maps date order onto uint64 order, the zero date (none) first.
func dateKey(d data.Date) uint64 {
	if d.IsZero() {
		return 0
	}
	return signedKey(int64(d.DaysSince(keyEpoch))) + 1
}

// keyEpoch is the day dateKey counts from (any day would do).
var keyEpoch = data.MustDate("2000-01-01")

// signedKey maps int64 order onto uint64 order.
func signedKey(v int64) uint64 { return uint64(v) ^ (1 << 63) }

// rankKeys gives each row the rank of its text among the distinct texts, by strings.Compare.
func rankKeys(n int, text func(i int) string) []uint64 {
	ranks := map[string]uint64{}
	keys := make([]uint64, n)
	var distinct []string
	for i := range n {
		t := text(i)
		r, ok := ranks[t]
		if !ok {
			r = uint64(len(distinct))
			ranks[t] = r
			distinct = append(distinct, t)
		}
		keys[i] = r
	}
	// the distinct texts in order of first use -> their ranks in sorted order
	byText := make([]uint64, len(distinct))
	for i := range byText {
		byText[i] = uint64(i)
	}
	slices.SortFunc(byText, func(a, b uint64) int { return strings.Compare(distinct[a], distinct[b]) })
	rank := make([]uint64, len(distinct))
	for r, d := range byText {
		rank[d] = uint64(r)
	}
	for i, k := range keys {
		keys[i] = rank[k]
	}
	return keys
}

// radixSort orders the row indexes o (a permutation of the rows) by keys[row], stably: an
// LSD radix sort a byte at a time on (key, row) pairs, skipping the bytes every key shares.
func radixSort(o []int32, keys []uint64) []int32 {
	if len(o) < 2 {
		return slices.Clone(o)
	}
	type pair struct {
		key uint64
		row int32
	}
	var counts [8][256]int
	src := make([]pair, len(o))
	for i, r := range o {
		k := keys[r]
		src[i] = pair{k, r}
		for b := range 8 {
			counts[b][byte(k>>(8*b))]++
		}
	}
	dst := make([]pair, len(o))
	for b := range 8 {
		c := &counts[b]
		if c[byte(src[0].key>>(8*b))] == len(src) {
			continue // every key has this byte
		}
		var pos [256]int
		sum := 0
		for v := range 256 {
			pos[v] = sum
			sum += c[v]
		}
		shift := 8 * b
		for _, p := range src {
			v := byte(p.key >> shift)
			dst[pos[v]] = p
			pos[v]++
		}
		src, dst = dst, src
	}
	out := make([]int32, len(src))
	for i, p := range src {
		out[i] = p.row
	}
	return out
}
