package data

import (
	"strings"
	"testing"
)

// endless is a reader that never ends, as /dev/zero.
type endless struct{}

func (endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'a'
	}
	return len(p), nil
}

// An import read its file whole without a bound: /dev/zero (or a runaway export) took all
// memory. It stops past MaxImportBytes with a message naming the file.
func TestImportCSVBoundedRead(t *testing.T) {
	s := newStore(t, "2026-03-01")
	_, err := s.ImportCSV(ctx, ImportCustomers, endless{}, ImportOptions{DryRun: true})
	if fe := FieldErrors(err); !strings.Contains(fe["file"], "larger than 256 MB") {
		t.Fatalf("%v", err)
	}
}
