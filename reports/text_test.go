package reports

import (
	"reflect"
	"testing"
)

func TestTextRuns(t *testing.T) {
	cases := []struct {
		in   string
		want []textRun
	}{
		{"Zoë Brünner", []textRun{{s: "Zoë Brünner"}}},
		{"山田 Ltd", []textRun{{s: "山田", fallback: true}, {s: " Ltd"}}},
		{"Café 😀😀 Ltd", []textRun{{s: "Café \uFFFD Ltd"}}},                 // one mark for a run
		{"👨\u200d👩\u200d👧", []textRun{{s: "\uFFFD"}}},                      // ZWJ removed, one mark
		{"a\x00b\x1b[0mc\u202ed\u200be\ufeff", []textRun{{s: "ab[0mcde"}}}, // controls, bidi, ZW, BOM
		{"tab\there\nline\r\u2028x", []textRun{{s: "tab here line  x"}}},   // spaces
		{"bad\xff\xfeend", []textRun{{s: "bad\uFFFDend"}}},                 // invalid UTF-8
		{"한국 ok", []textRun{{s: "\uFFFD ok"}}},                             // Hangul: no font
		{"\u2764\ufe0f", []textRun{{s: "\u2764"}}},                         // variation selector dropped
		{"", nil},
	}
	for _, c := range cases {
		if got := textRuns(c.in, coverRegular); !reflect.DeepEqual(got, c.want) {
			t.Errorf("textRuns(%q) = %+v, want %+v", c.in, got, c.want)
		}
	}
	if got := plainText("T\x00i\ttle 😀\xff"); got != "Ti tle \uFFFD" {
		t.Errorf("plainText = %q", got)
	}
}

// After a page break (whose footer sets its own small font) the text goes on in the font set
// before it, also where it falls back to another font.
func TestFontKeptAcrossPageBreak(t *testing.T) {
	d := newDoc(PaperLetter, newHostileFixture(t).comp)
	d.AddPage()
	d.font("B", 14)
	d.AddPage() // runs the footer of page 1 at 8 pt
	d.Text(20, 30, "山田 Bold")
	if pt, _ := d.GetFontSize(); pt != 14 || d.size != 14 || d.style != "B" {
		t.Fatalf("after the page break: gofpdf at %v pt, remembered %v pt %q", pt, d.size, d.style)
	}
}
