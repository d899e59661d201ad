package inbox

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
)

// The corpus (testdata/corpus/<provider>/*.eml) holds real-format payment and non-payment
// messages; each has a sidecar NAME.eml.json with the parse-mail fields a bookkeeper would
// write down (every field but "why"). mkmail.py there writes both from set_a.py / set_b.py.

type corpusCase struct {
	path string
	want Record
}

func corpusCases(t testing.TB) []corpusCase {
	t.Helper()
	var out []corpusCase
	err := filepath.WalkDir(filepath.Join("testdata", "corpus"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".eml") {
			return err
		}
		b, err := os.ReadFile(p + ".json")
		if err != nil {
			t.Errorf("%s has no sidecar: %v", p, err)
			return nil
		}
		var c corpusCase
		c.path = p
		dec := json.NewDecoder(strings.NewReader(string(b)))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&c.want); err != nil {
			t.Errorf("%s.json: %v", p, err)
			return nil
		}
		out = append(out, c)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].path < out[j].path })
	return out
}

// corpusFields are the compared Record fields (all but Why).
var corpusFields = []string{"File", "MessageID", "Provider", "Kind", "Trusted", "Amount", "Currency",
	"PayerName", "PayerEmail", "Reference", "TransactionID", "Date"}

// TestCorpus reads every corpus message and reports each field that differs from its
// sidecar, then the score.
func TestCorpus(t *testing.T) {
	cases := corpusCases(t)
	if len(cases) < 80 {
		t.Errorf("the corpus has %d messages; it should have at least 80", len(cases))
	}
	right, total := 0, 0
	for _, c := range cases {
		raw, err := os.ReadFile(c.path)
		if err != nil {
			t.Fatal(err)
		}
		p, err := Parse(raw)
		if err != nil {
			t.Errorf("%s: %v", c.path, err)
			continue
		}
		if strings.Contains(filepath.ToSlash(c.path), "/spoof/") && (c.want.Trusted || p.Trusted) {
			t.Errorf("%s: a spoof must never be trusted (sidecar %v, read %v: %s)", c.path, c.want.Trusted, p.Trusted, p.Why)
		}
		got := p.Record(filepath.Base(c.path))
		gv, wv := reflect.ValueOf(got), reflect.ValueOf(c.want)
		for _, f := range corpusFields {
			total++
			g, w := gv.FieldByName(f).Interface(), wv.FieldByName(f).Interface()
			if g == w {
				right++
				continue
			}
			t.Errorf("%s: %s = %q, want %q (why: %s)", c.path, f, g, w, p.Why)
		}
	}
	t.Logf("corpus: %d messages, %d of %d fields right", len(cases), right, total)
}
