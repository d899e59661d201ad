package cli

import (
	"strings"
	"testing"
)

// A bad option says in words which option is unknown or which value is wrong and why,
// on one line, and points to `duebook help CMD` (it used to be the flag package's
// "flag provided but not defined: -x" or `invalid value "abc" for flag -customers: parse
// error`, followed by the list of every option).
func TestFlagErrorsInWords(t *testing.T) {
	t.Setenv("DUEBOOK_CONFIG_DIR", t.TempDir())
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"demo", "-x"}, "-x is not an option of duebook demo; duebook help demo lists its options"},
		{[]string{"demo", "-customers", "abc"}, `-customers: "abc" is not a whole number; duebook help demo lists its options`},
		{[]string{"demo", "-customers", "99999999999999999999"}, `-customers: "99999999999999999999" is too large for a number here`},
		{[]string{"demo", "-seed", "-1"}, `-seed: "-1" is not a whole number, 0 or more`},
		{[]string{"demo", "-customers", "١٢"}, `-customers: "١٢" is not a whole number`},
		{[]string{"reconcile", "-apply=maybe"}, `-apply: "maybe" is not true or false; duebook help reconcile lists its options`},
		{[]string{"aging", "-format"}, "-format needs a value after it: text, csv or json; duebook help aging lists its options"},
		{[]string{"aging", "---x"}, `"---x" is not an option: options are written -name or -name=value`},
		{[]string{"import", "customers", "x.csv", "-zz"}, "-zz is not an option of duebook import; duebook help import lists its options"},
		{[]string{"monthly", "-ü"}, "-ü is not an option of duebook monthly"},
		{[]string{"contact", "-customer"}, "-customer needs a value after it: customer id or name"},
	} {
		out, errs, code := run(t, "2026-06-30", tc.args...)
		if code != 2 || !strings.Contains(errs, tc.want) || strings.Count(errs, "\n") != 1 || out != "" {
			t.Errorf("%q: exit %d %q %q; want %q", tc.args, code, out, errs, tc.want)
		}
		for _, raw := range []string{"flag provided", "parse error", "invalid value", "Usage of", "-db string"} {
			if strings.Contains(errs, raw) {
				t.Errorf("%q: the flag package's own words %q in %q", tc.args, raw, errs)
			}
		}
	}
	// duebook help CMD lists the command's usage and options on standard output
	out, _, code := run(t, "", "help", "demo")
	if code != 0 || !strings.HasPrefix(out, "usage: duebook demo -o FILE") || !strings.Contains(out, "-customers int") {
		t.Fatalf("help demo: %d %q", code, out)
	}
	if _, errs, code := run(t, "", "help", "nope"); code != 2 || !strings.Contains(errs, `unknown command "nope"`) {
		t.Fatalf("help nope: %d %q", code, errs)
	}
}
