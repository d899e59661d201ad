// Package fynelocale must be imported (blank) by main before anything that imports Fyne:
// Fyne's lang package reads the locale in its init and logs an error for the "C"/"POSIX"
// locale of servers and CI machines, on every run of every headless command. Mapping a C
// locale to en_US for this process keeps stderr for real errors. It imports nothing of Fyne,
// and Go initialises it first because its import path sorts before fyne.io.
package fynelocale

import (
	"os"
	"strings"
)

func init() { Fix() }

// Fix replaces a C/POSIX locale in LC_ALL, LC_MESSAGES and LANG with en_US.UTF-8.
func Fix() {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := os.Getenv(k)
		base, _, _ := strings.Cut(v, ".")
		if base == "C" || base == "POSIX" {
			os.Setenv(k, "en_US.UTF-8")
		}
	}
}
