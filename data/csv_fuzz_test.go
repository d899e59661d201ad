package data

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"
)

// No bytes make the CSV reader panic; what it returns is valid UTF-8, cells start with no
// byte-order mark and no row has filled cells beyond the header.
func FuzzReadCSV(f *testing.F) {
	for _, s := range []string{"Name,Email\nA,a@b.example\n", "\xff\xfeN\x00,\x00\n\x00", "N\x00a\x00m\x00e\x00\r\x00\n\x00",
		"Name;Email\rA;b\r", "\ufeffName\tEmail\n\ufeffA\tb\n", "a,\"b\nc\",d\n1,2,3\n", "Name,Email\nM\xfcller,x\n", "\"unterminated\n",
		"Name,Email,Terms\nMix;One;30\n", "\xef\xbb\xbf\xff"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		file, err := readCSV(bytes.NewReader(b), 0)
		if err != nil {
			if !utf8.ValidString(err.Error()) {
				t.Fatalf("error is not UTF-8: %q", err)
			}
			return
		}
		for _, h := range file.header {
			if !utf8.ValidString(h) || strings.HasPrefix(h, "\uFEFF") {
				t.Fatalf("header cell %q", h)
			}
		}
		for _, r := range file.rows {
			for i, c := range r.cells {
				if !utf8.ValidString(c) || strings.HasPrefix(c, "\uFEFF") {
					t.Fatalf("row %d cell %q", r.row, c)
				}
				if i >= len(file.header) && c != "" {
					t.Fatalf("row %d has a filled cell %d beyond the header's %d", r.row, i+1, len(file.header))
				}
			}
		}
	})
}

// ParseAmount never panics and never returns more than MaxAmount; terms are 0..365.
func FuzzParseAmountAndTerms(f *testing.F) {
	for _, s := range []string{"1,234.56", "12.345", "(3.10)", "-100,000,000,000.00", "¥5,000", "9223372036854775807", "0.500", "Net 30", "2/10 net 30"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, cur := range []string{"USD", "EUR", "JPY", "KWD"} {
			if v, err := ParseAmount(s, cur); err == nil && (v > MaxAmount || v < -MaxAmount) {
				t.Fatalf("ParseAmount(%q, %s) = %d", s, cur, v)
			}
		}
		if n, err := parseTerms(s); err == nil && (n < 0 || n > 365) {
			t.Fatalf("parseTerms(%q) = %d", s, n)
		}
	})
}
