package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"duebook/data"
)

func TestWorklistAndRemind(t *testing.T) {
	f := makeDemo(t)
	s, err := data.Open(f)
	if err != nil {
		t.Fatal(err)
	}
	var promises, disputes int
	s.DB().QueryRow(`SELECT count(*) FROM promises`).Scan(&promises)
	s.DB().QueryRow(`SELECT count(*) FROM disputes`).Scan(&disputes)
	s.Close()
	if promises == 0 || disputes == 0 {
		t.Fatalf("demo has %d promises, %d disputes", promises, disputes)
	}
	out, errs, code := run(t, "2026-06-30", "worklist", "-db", f, "-format", "json")
	if code != 0 {
		t.Fatalf("worklist: %s", errs)
	}
	var rows []struct {
		Score      int64  `json:"score"`
		CustomerID int64  `json:"customer_id"`
		Kind       string `json:"kind"`
		Do         string `json:"do"`
	}
	if err := json.Unmarshal([]byte(out), &rows); err != nil || len(rows) < 5 {
		t.Fatalf("worklist json: %v %s", err, out)
	}
	// Most urgent first, a customer's rows together after their most urgent one.
	kinds := map[string]bool{}
	seen := map[int64]bool{}
	lead := int64(-1) // the score of the previous customer's first row
	grouped := false
	for i, r := range rows {
		kinds[r.Kind] = true
		if r.Do == "" {
			t.Fatalf("row %d: %+v says nothing to do", i, r)
		}
		if i > 0 && r.CustomerID == rows[i-1].CustomerID {
			grouped = true
			if r.Score > rows[i-1].Score {
				t.Fatalf("row %d: %+v more urgent than the customer's row before it", i, r)
			}
			continue
		}
		if seen[r.CustomerID] {
			t.Fatalf("row %d: %+v: the customer's rows are not together", i, r)
		}
		seen[r.CustomerID] = true
		if lead >= 0 && r.Score > lead {
			t.Fatalf("row %d: %+v (customers not ordered by urgency)", i, r)
		}
		lead = r.Score
	}
	if !grouped {
		t.Fatal("no customer has two rows: the grouping is not exercised")
	}
	if !kinds["reminder"] {
		t.Fatalf("no reminders in the worklist: %v", kinds)
	}
	dir := t.TempDir()
	ldir := t.TempDir()
	out, errs, code = run(t, "2026-06-30", "remind", "-db", f, "-eml-dir", dir, "-letters-dir", ldir)
	if code != 0 || !strings.Contains(out, "recorded") {
		t.Fatalf("remind: %d %s %s", code, out, errs)
	}
	emls, _ := filepath.Glob(filepath.Join(dir, "*.eml"))
	if len(emls) == 0 {
		t.Fatalf("no .eml written:\n%s", out)
	}
	pdfs, _ := filepath.Glob(filepath.Join(ldir, "*.pdf"))
	if len(pdfs) == 0 {
		t.Fatalf("no letters printed for mail customers:\n%s", out)
	}
	if b, _ := os.ReadFile(pdfs[0]); !strings.HasPrefix(string(b), "%PDF") {
		t.Fatalf("letter is not a PDF")
	}
	raw, _ := os.ReadFile(emls[0])
	if !strings.Contains(string(raw), "Subject: ") || !strings.Contains(string(raw), "INV-") {
		t.Fatalf("eml:\n%s", raw)
	}
	// run again the same day: nothing more is due, nothing is sent twice
	out, _, code = run(t, "2026-06-30", "remind", "-db", f, "-dry-run")
	if code != 0 || !strings.Contains(out, "0 reminder(s) due") {
		t.Fatalf("second run:\n%s", out)
	}
	out, _, _ = run(t, "2026-06-30", "worklist", "-db", f)
	if !strings.HasPrefix(out, "Worklist for 2026-06-30") {
		t.Fatalf("text worklist:\n%s", out)
	}
}
