package data

import (
	"os"
	"testing"
)

func TestZZProfExport(t *testing.T) {
	p := os.Getenv("PROF_DB")
	if p == "" {
		t.Skip()
	}
	s, err := Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.ExportCSV(ctx, t.TempDir()); err != nil {
		t.Fatal(err)
	}
}
