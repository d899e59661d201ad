package inbox

import (
	"fmt"
	"testing"

	"duebook/data"
)

// BenchmarkParseAndMatch10k parses 10,000 payment mails and matches each against 100,000 open
// invoices held by the matcher (target with fetching: < 10 s; fetch+parse alone is
// BenchmarkFetchParse10k).
func BenchmarkParseAndMatch10k(b *testing.B) {
	raws := fixtureBytes(b)
	m := &Matcher{byNumber: map[string]*openInv{}, byCust: map[int64][]*openInv{}, byEmail: map[string]int64{},
		byName: map[string]int64{}, names: map[int64]string{}}
	for i := 0; i < 100_000; i++ {
		o := &openInv{id: int64(i + 1), cust: int64(i%2000 + 1), number: fmt.Sprintf("INV-%05d", i+1),
			open: int64(1000 + i%50000), currency: "USD", due: data.MustDate("2026-01-01").AddDays(i % 365)}
		m.byNumber[o.number] = o
		m.byCust[o.cust] = append(m.byCust[o.cust], o)
	}
	for c := int64(1); c <= 2000; c++ {
		m.names[c] = fmt.Sprintf("Customer %d", c)
		m.byEmail[fmt.Sprintf("ap%d@example.com", c)] = c
	}
	m.byEmail["jane.cooper@cooperdesign.example"] = 7
	b.ResetTimer()
	matched := 0
	for n := 0; n < b.N; n++ {
		for i := 0; i < 10_000; i++ {
			p, err := Parse(raws[i%len(raws)])
			if err != nil {
				continue
			}
			if _, ok := m.Match(p); ok {
				matched++
			}
		}
	}
	b.ReportMetric(float64(matched)/float64(b.N), "matched/op")
}
