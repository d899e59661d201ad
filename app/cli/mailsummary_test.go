package cli

import (
	"testing"

	"duebook/app/inbox"
)

// The reconcile summary's counts mean what they say: a rerun on the same mailbox reads
// its messages and finds none new (it used to say "5000 new message(s), 0 stored").
func TestReconcileSummaryWords(t *testing.T) {
	for _, tc := range []struct {
		res  inbox.ReconcileResult
		want string
	}{
		{inbox.ReconcileResult{Fetched: 5000, Duplicates: 5000}, "5000 message(s) read, none new (all 5000 already seen); 0 with a proposed match, 0 payment(s) recorded"},
		{inbox.ReconcileResult{Fetched: 13, Stored: 6, Duplicates: 7, Proposed: 2, Applied: 1}, "13 message(s) read: 6 new, 7 already seen; 2 with a proposed match, 1 payment(s) recorded"},
		{inbox.ReconcileResult{Fetched: 10, Stored: 4, Duplicates: 1}, "10 message(s) read: 4 new, 1 already seen, 5 not stored; 0 with a proposed match, 0 payment(s) recorded"},
		{inbox.ReconcileResult{}, "0 message(s) read; 0 with a proposed match, 0 payment(s) recorded"},
	} {
		if got := readSummary(tc.res); got != tc.want {
			t.Errorf("%+v:\n got %q\nwant %q", tc.res, got, tc.want)
		}
	}
}
