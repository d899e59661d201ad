package app

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"duebook/data"
)

// randomRows are invoice rows with every kind of value a column sorts: drafts without a
// number, unsent invoices, ties, negative and extreme amounts, customer names that differ
// only in case or are not ASCII, and ids not in load order when shuffled.
func randomRows(r *rand.Rand, n int, shuffled bool) []data.InvoiceRow {
	names := []string{"Acme", "acme", "ACME Ltd", "Åsa Berg", "åsa berg", "Zoë", "zoe", "", "Müller GmbH", "MÜLLER GMBH", "日本商事"}
	statuses := []data.InvoiceStatus{data.StatusDraft, data.StatusPosted, data.StatusPosted, data.StatusVoid}
	day := func() data.Date { return data.MustDate("2020-01-01").AddDays(r.IntN(40)) }
	amounts := []int64{0, 1, -1, 999, math.MaxInt64 / 4, -math.MaxInt64 / 4, 12345}
	rows := make([]data.InvoiceRow, n)
	for i := range rows {
		st := statuses[r.IntN(len(statuses))]
		row := data.InvoiceRow{ID: int64(i*3 + 1), CustomerID: int64(r.IntN(len(names)) + 1), Status: st,
			IssueDate: day(), DueDate: day(), Currency: "USD", Total: amounts[r.IntN(len(amounts))]}
		row.Customer = names[row.CustomerID-1]
		if st != data.StatusDraft {
			row.Seq = int64(r.IntN(n) + 1)
			row.Number = "INV-" + itoa(int(row.Seq))
		}
		if r.IntN(3) > 0 {
			row.SentDate = day()
		}
		if st == data.StatusPosted {
			row.Open = row.Total / int64(r.IntN(3)+1)
		}
		rows[i] = row
	}
	if shuffled {
		r.Shuffle(n, func(i, j int) { rows[i], rows[j] = rows[j], rows[i] })
	}
	return rows
}

// Every column's kept order (the radix sort) is the comparison sort's, ties by id, both
// ways, on rows loaded in id order and out of it.
func TestInvoiceListOrderMatchesComparison(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 14))
	reasonsOf := []string{"", "", "cash flow", "Dispute", "awaiting PO", "ävenemang"}
	for _, n := range []int{0, 1, 2, 7, 300, 5000} {
		for _, shuffled := range []bool{false, true} {
			rows := randomRows(r, n, shuffled)
			reasons := map[int64]string{}
			for _, row := range rows {
				reasons[row.ID] = reasonsOf[r.IntN(len(reasonsOf))]
			}
			l := NewInvoiceList(rows, data.MustDate("2020-01-20"), reasons)
			// the background's work (prepare, install) makes the same orders, and leaves
			// out only what the list has
			bg := NewInvoiceList(rows, data.MustDate("2020-01-20"), reasons)
			if keys, cols := bg.todo(); !keys || cols[ColIssue] || !cols[ColCustomer] {
				t.Fatalf("todo of a new list: keys %v, columns %v", keys, cols)
			}
			bg.SortAll()
			if keys, cols := bg.todo(); keys || slices.Contains(cols[:], true) {
				t.Fatalf("todo after SortAll: keys %v, columns %v", keys, cols)
			}
			for col := range numCols {
				want := make([]int32, n)
				for i := range want {
					want[i] = int32(i)
				}
				slices.SortFunc(want, l.less(col))
				if got := l.order(col); !slices.Equal(got, want) {
					t.Fatalf("n=%d shuffled=%v column %s: the kept order differs from the comparison sort", n, shuffled, colTitles[col])
				}
				if !slices.Equal(bg.orders[col], want) {
					t.Fatalf("n=%d shuffled=%v column %s: the background's order differs from the comparison sort", n, shuffled, colTitles[col])
				}
			}
		}
	}
}

// A sequence number no key can hold apart from the drafts falls back to the comparison.
func TestInvoiceListOrderExtremeSeq(t *testing.T) {
	rows := []data.InvoiceRow{{ID: 1, Seq: math.MaxInt64, Number: "X", Status: data.StatusPosted}, {ID: 2, Status: data.StatusDraft}, {ID: 3, Seq: 5, Number: "Y", Status: data.StatusPosted}}
	l := NewInvoiceList(rows, data.MustDate("2020-01-20"), nil)
	if got := l.order(ColNumber); !slices.Equal(got, []int32{2, 0, 1}) {
		t.Fatalf("order by number: %v", got)
	}
}
