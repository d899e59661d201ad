package app

import "testing"

func TestGroupedAndCount(t *testing.T) {
	for n, want := range map[int]string{0: "0", 7: "7", 999: "999", 1000: "1,000", 12345: "12,345", 1000000: "1,000,000", -1234567: "-1,234,567"} {
		if got := grouped(n); got != want {
			t.Errorf("grouped(%d) = %q, want %q", n, got, want)
		}
	}
	if got := count(1000000, "invoice", "invoices"); got != "1,000,000 invoices" {
		t.Errorf("count: %q", got)
	}
	if got := count(1, "invoice", "invoices"); got != "1 invoice" {
		t.Errorf("count: %q", got)
	}
}
