package fynelocale

import (
	"os"
	"testing"
)

func TestFix(t *testing.T) {
	for in, want := range map[string]string{"C": "en_US.UTF-8", "C.UTF-8": "en_US.UTF-8", "POSIX": "en_US.UTF-8", "de_DE.UTF-8": "de_DE.UTF-8", "": ""} {
		t.Setenv("LANG", in)
		t.Setenv("LC_ALL", "")
		t.Setenv("LC_MESSAGES", "")
		Fix()
		if got := os.Getenv("LANG"); got != want {
			t.Errorf("LANG=%q → %q, want %q", in, got, want)
		}
	}
}
