package cli

import (
	"bytes"
	"testing"
)

// A lone carriage return in a note printed the rest of the note over its own line on a
// terminal; CR LF line ends stay as they are.
func TestTermSafeCarriageReturn(t *testing.T) {
	for in, want := range map[string]string{
		"will pay\r  PAID IN FULL\n": "will pay\uFFFD  PAID IN FULL\n",
		"a\r\nb\n":                   "a\r\nb\n",
		"end\r":                      "end\uFFFD",
		"x\x1b[2Jy\u009b\n":          "x\uFFFD[2Jy\uFFFD\n",
	} {
		var b bytes.Buffer
		n, err := safeOutput(&b).Write([]byte(in))
		if err != nil || n != len(in) || b.String() != want {
			t.Errorf("%q: wrote %q (%d, %v), want %q", in, b.String(), n, err, want)
		}
	}
}
