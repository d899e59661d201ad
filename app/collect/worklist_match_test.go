package collect

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"

	"duebook/data"
)

// worklistText renders rows as `duebook worklist` prints them, text then JSON.
func worklistText(t *testing.T, rows []Row) string {
	t.Helper()
	var b strings.Builder
	type out struct {
		Score      int64  `json:"score"`
		CustomerID int64  `json:"customer_id"`
		Customer   string `json:"customer"`
		Kind       string `json:"kind"`
		Do         string `json:"do"`
	}
	list := make([]out, len(rows))
	for i, r := range rows {
		fmt.Fprintf(&b, "%3d. %-11s %s — %s\n", i+1, r.Kind, r.Customer, r.Do)
		list[i] = out{r.Score, r.CustomerID, r.Customer, r.Kind, r.Do}
	}
	j, err := json.MarshalIndent(list, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	b.Write(j)
	return b.String()
}

// The worklist read from the pay records and only what can produce an action is
// byte-identical (text and JSON, and the behaviours behind it) to the reference that reads
// every allocation, promise, activity and open invoice, on random sample companies, on
// several days, with reminders sent in between.
func TestWorklistMatchesReference(t *testing.T) {
	today := data.MustDate("2026-06-30")
	for seed := uint64(1); seed <= 3; seed++ {
		s, err := data.OpenWith(filepath.Join(t.TempDir(), "co.duebook"), data.Options{Clock: data.FixedClock{Day: today}})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		if err := s.GenerateDemo(ctx, data.DemoOptions{Customers: 40 + int(seed)*20, Invoices: 1500, Seed: seed, Today: today}); err != nil {
			t.Fatal(err)
		}
		rng := rand.New(rand.NewPCG(seed, 7))
		days := []data.Date{today.AddDays(-200 - rng.IntN(100)), today.AddDays(-30 - rng.IntN(60)), today.AddDays(-rng.IntN(10)), today}
		for _, day := range days {
			want, wantBeh, err := worklistRef(ctx, s, day)
			if err != nil {
				t.Fatal(err)
			}
			got, gotBeh, err := WorklistAndBehaviours(ctx, s, day)
			if err != nil {
				t.Fatal(err)
			}
			if g, w := worklistText(t, got), worklistText(t, want); g != w {
				t.Fatalf("seed %d, %s: worklist differs from the reference\n got:\n%s\nwant:\n%s", seed, day, g, w)
			}
			if len(want) < 10 {
				t.Fatalf("seed %d, %s: only %d rows; the comparison says little", seed, day, len(want))
			}
			if len(gotBeh) != len(wantBeh) {
				t.Fatalf("seed %d, %s: %d behaviours, want %d", seed, day, len(gotBeh), len(wantBeh))
			}
			for id, w := range wantBeh {
				if g := gotBeh[id]; g == nil || *g != *w {
					t.Fatalf("seed %d, %s: customer %d behaviour %+v, want %+v", seed, day, id, g, w)
				}
			}
			// send some of the day's reminders: the next day must skip them alike
			actions, err := Due(ctx, s, day)
			if err != nil {
				t.Fatal(err)
			}
			for i := range actions {
				if rng.IntN(3) == 0 {
					if err := MarkSent(ctx, s, actions[i], day); err != nil {
						t.Fatal(err)
					}
				}
			}
		}
	}
}

// The worklist does not depend on the order the open invoices come in: with the index it
// reads them from (by customer) and the older open-invoice index dropped, SQLite walks the
// invoices table in id order, every customer's invoices interleaved with the others', and
// the reminders, their invoices and every row come out the same.
func TestWorklistSameInAnyInvoiceOrder(t *testing.T) {
	today := data.MustDate("2026-06-30")
	s, err := data.OpenWith(filepath.Join(t.TempDir(), "co.duebook"), data.Options{Clock: data.FixedClock{Day: today}})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.GenerateDemo(ctx, data.DemoOptions{Customers: 60, Invoices: 3000, Seed: 5, Today: today}); err != nil {
		t.Fatal(err)
	}
	days := []data.Date{today.AddDays(-120), today}
	var want []string
	for _, day := range days {
		rows, err := Worklist(ctx, s, day)
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) < 10 {
			t.Fatalf("%s: only %d rows; the comparison says little", day, len(rows))
		}
		want = append(want, worklistText(t, rows)+actionsText(t, rows))
	}
	for _, q := range []string{`DROP INDEX invoices_owed`, `DROP INDEX invoices_open`} {
		if _, err := s.WriterDB().ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	for i, day := range days {
		rows, err := Worklist(ctx, s, day)
		if err != nil {
			t.Fatal(err)
		}
		if got := worklistText(t, rows) + actionsText(t, rows); got != want[i] {
			t.Fatalf("%s: the worklist differs when the invoices come in id order\n got:\n%s\nwant:\n%s", day, got, want[i])
		}
	}
}

// actionsText lists each reminder row's invoices as the reminder holds them.
func actionsText(t *testing.T, rows []Row) string {
	t.Helper()
	var b strings.Builder
	for _, r := range rows {
		if r.Action == nil {
			continue
		}
		fmt.Fprintf(&b, "%d %s %s %d:", r.Action.Customer.ID, r.Action.Step.Name, r.Action.Channel(), r.Action.Total)
		for _, x := range r.Action.Invoices {
			fmt.Fprintf(&b, " %+v/%s/%d", x.Invoice, x.Step.Name, x.Days)
		}
		b.WriteString("\n")
	}
	return b.String()
}
