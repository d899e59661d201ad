package inbox_test

// The blind held-out set (issue 13): real-format payment mails written by an author who
// did not read the parser or its corpus, each with a sidecar NAME.eml.json holding what a
// careful human reads in it. A sidecar field set to null is not scored.
//
// Misses are logged field by field and fail the test only with DUEBOOK_BLIND_STRICT=1,
// so CI stays green while the reader is improved. A spoof (or any message whose sidecar
// says untrusted) read as trusted always fails: that is a security bug, not a miss.
//
//	go test -tags migrated_fynedo ./app/inbox -run TestBlindSet -v
//	DUEBOOK_BLIND_STRICT=1 go test -tags migrated_fynedo ./app/inbox -run TestBlindSet

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"duebook/app/inbox"
)

var blindFields = []string{"provider", "kind", "trusted", "amount", "currency", "payer_name",
	"payer_email", "reference", "transaction_id", "date"}

type blindTally struct{ right, total int }

func (t *blindTally) add(ok bool) {
	t.total++
	if ok {
		t.right++
	}
}

func (t blindTally) String() string {
	if t.total == 0 {
		return "0/0"
	}
	return fmt.Sprintf("%d/%d (%.0f %%)", t.right, t.total, 100*float64(t.right)/float64(t.total))
}

// blindNorm makes the comparison blind to spacing only (and to case for names and
// addresses, which banks write in capitals); everything else must match exactly.
func blindNorm(field string, v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case bool:
		return fmt.Sprint(x)
	case string:
		s := strings.Join(strings.Fields(x), " ")
		if field == "payer_name" || field == "payer_email" {
			s = strings.ToLower(s)
		}
		return s
	default:
		return fmt.Sprint(x)
	}
}

func TestBlindSet(t *testing.T) {
	dir := filepath.Join("testdata", "blind")
	files, err := filepath.Glob(filepath.Join(dir, "*.eml"))
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(files)
	if len(files) < 45 {
		t.Fatalf("blind set has %d messages, want at least 45", len(files))
	}
	sidecars, _ := filepath.Glob(filepath.Join(dir, "*.eml.json"))
	if len(sidecars) != len(files) {
		t.Fatalf("%d messages but %d sidecars", len(files), len(sidecars))
	}

	var out bytes.Buffer
	p := &inbox.Parser{AuthServID: "mx.google.com"}
	if err := p.ParseFiles(files, nil, &out); err != nil {
		t.Fatalf("ParseFiles: %v", err)
	}
	got := map[string]map[string]any{}
	sc := bufio.NewScanner(&out)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var row map[string]any
		if err := json.Unmarshal(sc.Bytes(), &row); err != nil {
			t.Fatalf("parse-mail line is not JSON: %v: %s", err, sc.Text())
		}
		name, _ := row["file"].(string)
		got[filepath.Base(name)] = row
	}

	var all blindTally
	perField := map[string]*blindTally{}
	perProvider := map[string]*blindTally{}
	perLang := map[string]*blindTally{}
	tally := func(m map[string]*blindTally, k string) *blindTally {
		if m[k] == nil {
			m[k] = &blindTally{}
		}
		return m[k]
	}
	var misses []string
	spoofs, spoofsTrusted := 0, 0
	for _, f := range files {
		base := filepath.Base(f)
		raw, err := os.ReadFile(f + ".json")
		if err != nil {
			t.Fatalf("%s: no sidecar: %v", base, err)
		}
		var want map[string]any
		if err := json.Unmarshal(raw, &want); err != nil {
			t.Fatalf("%s.json: %v", base, err)
		}
		row, ok := got[base]
		if !ok {
			t.Errorf("%s: parse-mail printed nothing for it", base)
			continue
		}
		spoof, _ := want["spoof"].(bool)
		group, _ := want["provider"].(string)
		if spoof {
			group = "spoof"
			spoofs++
		} else if group == "" {
			group = "(unscored)"
		}
		lang, _ := want["lang"].(string)
		// Security: a message a careful reader does not trust must never be trusted.
		if wt, ok := want["trusted"].(bool); ok && !wt {
			if gt, _ := row["trusted"].(bool); gt {
				if spoof {
					spoofsTrusted++
				}
				t.Errorf("SECURITY: %s is trusted but must not be (why: %v)", base, row["why"])
			}
		}
		for _, field := range blindFields {
			w, present := want[field]
			if !present {
				t.Fatalf("%s.json lacks %q (use null for not scored)", base, field)
			}
			if w == nil {
				continue
			}
			g := row[field]
			ok := blindNorm(field, w) == blindNorm(field, g)
			all.add(ok)
			tally(perField, field).add(ok)
			tally(perProvider, group).add(ok)
			tally(perLang, lang).add(ok)
			if !ok {
				misses = append(misses, fmt.Sprintf("MISS %s %s: want %q, got %q (why: %v)",
					base, field, blindNorm(field, w), blindNorm(field, g), row["why"]))
			}
		}
	}

	keys := func(m map[string]*blindTally) []string {
		var ks []string
		for k := range m {
			ks = append(ks, k)
		}
		sort.Strings(ks)
		return ks
	}
	t.Logf("blind set: %d messages, %d fields right of %d; spoofs trusted: %d of %d",
		len(files), all.right, all.total, spoofsTrusted, spoofs)
	for _, k := range keys(perProvider) {
		t.Logf("  provider %-9s %s", k, perProvider[k])
	}
	for _, k := range keys(perLang) {
		t.Logf("  language %-9s %s", k, perLang[k])
	}
	for _, k := range keys(perField) {
		t.Logf("  field    %-14s %s", k, perField[k])
	}
	for _, m := range misses {
		t.Log(m)
	}
	if len(misses) > 0 && os.Getenv("DUEBOOK_BLIND_STRICT") == "1" {
		t.Errorf("%d blind-set fields wrong (DUEBOOK_BLIND_STRICT=1)", len(misses))
	}
}
