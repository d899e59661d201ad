package data

import (
	"math"
	"testing"
)

func TestParseAmount(t *testing.T) {
	cases := []struct {
		in, cur string
		want    int64
		ok      bool
	}{
		{"1,234.56", "USD", 123456, true},
		{"1.234,56", "EUR", 123456, true},
		{"1 234,56", "EUR", 123456, true},
		{"1'234.50", "CHF", 123450, true},
		{"€1.234,56", "EUR", 123456, true},
		{"$ 12", "USD", 1200, true},
		{"12.5", "USD", 1250, true},
		{"0,5", "EUR", 50, true},
		{"-3.10", "USD", -310, true},
		{"(3.10)", "USD", -310, true},
		{"1,234", "USD", 123400, true}, // USD's thousands separator
		{"1.234", "EUR", 123400, true}, // EUR's thousands separator
		{"1.234", "USD", 0, false},     // USD's decimal point and 3 decimals: ambiguous
		{"1,234", "EUR", 0, false},     // EUR's decimal comma and 3 decimals: ambiguous
		{"1,234.00", "USD", 123400, true},
		{"1.234,00", "EUR", 123400, true},
		{"1,234,567", "USD", 123456700, true}, // two separators: thousands
		{"0.500", "USD", 50, true},
		{"1,234", "JPY", 1234, true}, // no decimals: thousands
		{"100,000,000,000.00", "USD", MaxAmount, true},
		{"100,000,000,000.01", "USD", 0, false}, // above MaxAmount
		{"-100,000,000,000.01", "USD", 0, false},
		{"9,999,999,999,999.99", "USD", 0, false},
		{"1.234.567,8", "EUR", 123456780, true},
		{"12.345", "KWD", 12345, true}, // 3-decimal currency
		{"1,234.567", "KWD", 1234567, true},
		{"5000", "JPY", 5000, true},
		{"¥5,000", "JPY", 5000, true},
		{"5.00", "JPY", 5, true}, // trailing zero decimals are fine
		{"5.50", "JPY", 0, false},
		{"12.345", "USD", 0, false}, // ambiguous in a 2-decimal currency (DESIGN.md)
		{"12.3456", "USD", 0, false},
		{"12,3x", "EUR", 0, false},
		{"abc", "USD", 0, false},
		{"", "USD", 0, false},
		{"1.2.3,4.5", "EUR", 0, false},
		{"10", "XXX", 0, false},
		{"99999999999999999999", "USD", 0, false},
		{"USD 25.00", "USD", 2500, true},
		{"25.00 USD", "USD", 2500, true},
	}
	for _, c := range cases {
		got, err := ParseAmount(c.in, c.cur)
		if (err == nil) != c.ok || (c.ok && got != c.want) {
			t.Errorf("ParseAmount(%q, %s) = %d, %v; want %d ok=%v", c.in, c.cur, got, err, c.want, c.ok)
		}
	}
}

func TestFormatAmount(t *testing.T) {
	cases := []struct {
		v         int64
		cur       string
		us, eu, p string
	}{
		{123456, "USD", "1,234.56", "1.234,56", "1234.56"},
		{-5, "USD", "-0.05", "-0,05", "-0.05"},
		{5000, "JPY", "5,000", "5.000", "5000"},
		{1234567, "KWD", "1,234.567", "1.234,567", "1234.567"},
		{0, "EUR", "0.00", "0,00", "0.00"},
		{100000000, "USD", "1,000,000.00", "1.000.000,00", "1000000.00"},
		{math.MinInt64, "USD", "-92,233,720,368,547,758.08", "-92.233.720.368.547.758,08", "-92233720368547758.08"},
	}
	for _, c := range cases {
		if g := FormatAmount(c.v, c.cur); g != c.us {
			t.Errorf("FormatAmount(%d,%s)=%q want %q", c.v, c.cur, g, c.us)
		}
		if g := FormatAmountEU(c.v, c.cur); g != c.eu {
			t.Errorf("FormatAmountEU(%d,%s)=%q want %q", c.v, c.cur, g, c.eu)
		}
		if g := FormatPlain(c.v, c.cur); g != c.p {
			t.Errorf("FormatPlain(%d,%s)=%q want %q", c.v, c.cur, g, c.p)
		}
	}
	// round trip both styles
	for _, v := range []int64{0, 1, 99, 100, 123456789, -42} {
		for _, cur := range []string{"USD", "JPY", "KWD"} {
			for _, f := range []func(int64, string) string{FormatAmount, FormatAmountEU, FormatPlain} {
				s := f(v, cur)
				got, err := ParseAmount(s, cur)
				if err != nil || got != v {
					t.Errorf("round trip %d %s via %q: %d %v", v, cur, s, got, err)
				}
			}
		}
	}
}

func TestMulDivRoundHalfAwayFromZero(t *testing.T) {
	cases := []struct{ a, b, c, want int64 }{
		{1000, 1999, 1000, 1999},
		{1500, 333, 1000, 500},   // 499.5 → 500
		{2500, 1, 10000, 0},      // 0.25 → 0
		{5000, 1, 10000, 1},      // 0.5 → 1
		{-5000, 1, 10000, -1},    // -0.5 → -1
		{1000, 825, 10000, 83},   // 82.5 → 83 (8.25 % of 10.00)
		{-1000, 825, 10000, -83}, // -82.5 → -83
		{333, 1, 1000, 0},
	}
	for _, c := range cases {
		got, ok := MulDivRound(c.a, c.b, c.c)
		if !ok || got != c.want {
			t.Errorf("MulDivRound(%d,%d,%d)=%d,%v want %d", c.a, c.b, c.c, got, ok, c.want)
		}
	}
	if _, ok := MulDivRound(math.MaxInt64, 10, 1); ok {
		t.Error("overflow not detected")
	}
}

func TestDates(t *testing.T) {
	d := MustDate("2024-02-28")
	if d.AddDays(1).String() != "2024-02-29" || d.AddDays(2).String() != "2024-03-01" {
		t.Fatal("leap year arithmetic")
	}
	if MustDate("2026-03-31").DaysSince(MustDate("2026-01-01")) != 89 {
		t.Fatal("DaysSince")
	}
	if MustDate("2026-11-01").DaysSince(MustDate("2026-10-01")) != 31 { // across a DST change in many zones
		t.Fatal("DaysSince across DST")
	}
	if _, err := ParseDate("2026-02-30"); err == nil {
		t.Fatal("bad date accepted")
	}
	if MustDate("2026-02-14").EndOfMonth().String() != "2026-02-28" {
		t.Fatal("EndOfMonth")
	}
}

func TestFormatNumber(t *testing.T) {
	for _, c := range []struct{ f, want string }{{"INV-{n:05}", "INV-00042"}, {"{n}", "42"}, {"2026/{n:4}", "2026/0042"}} {
		got, err := FormatNumber(c.f, 42)
		if err != nil || got != c.want {
			t.Errorf("%s: %q %v", c.f, got, err)
		}
	}
	for _, f := range []string{"INV", "INV-{x}", "{n}{n}", "{n:abc}"} {
		if _, err := FormatNumber(f, 1); err == nil {
			t.Errorf("%q accepted", f)
		}
	}
}
