package reports

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// reports asks the store questions through its methods; no SQL lives here (issue 14).
func TestNoSQLInReports(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	sql := regexp.MustCompile(`\.DB\(\)|\.Query(Row)?(Context)?\(|\.Exec(Context)?\(|\b(SELECT|INSERT INTO|DELETE FROM|UPDATE \w+ SET)\b`)
	n := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		n++
		for i, line := range strings.Split(string(b), "\n") {
			if sql.MatchString(line) {
				t.Errorf("%s:%d holds SQL: %s", f, i+1, strings.TrimSpace(line))
			}
		}
	}
	if n < 5 {
		t.Fatalf("only %d source files found", n)
	}
}
