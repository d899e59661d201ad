package data

import (
	"math/rand/v2"
	"testing"
	"time"
)

// The day-number Date answers as time.Time does, on every day from 0000 to 9999: its text,
// its parts, the days between two dates, the order, adding days and months.
func TestDateIsTheCalendar(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	base := time.Date(0, 1, 1, 0, 0, 0, 0, time.UTC)
	days := []int{0, 1, 58, 59, 60, 365, 366, 719527, 719528, 719529, 3652058}
	for range 2000 {
		days = append(days, r.IntN(3652059))
	}
	for _, n := range days {
		tm := base.AddDate(0, 0, n)
		d := NewDate(tm.Year(), tm.Month(), tm.Day())
		if d.IsZero() {
			t.Fatalf("%v is the zero date", tm)
		}
		want := tm.Format("2006-01-02")
		if d.String() != want || d.Year() != tm.Year() || d.Month() != tm.Month() || d.Day() != tm.Day() || !d.Time().Equal(tm) {
			t.Fatalf("%s: got %s (%d-%d-%d)", want, d, d.Year(), d.Month(), d.Day())
		}
		if p, err := ParseDate(want); err != nil || p != d {
			t.Fatalf("ParseDate(%s) = %v, %v", want, p, err)
		}
		m := r.IntN(3652059)
		tm2 := base.AddDate(0, 0, m)
		e := DateOf(tm2)
		if got := e.DaysSince(d); got != m-n {
			t.Fatalf("%s - %s = %d, want %d", e, d, got, m-n)
		}
		if e.Before(d) != tm2.Before(tm) || e.After(d) != tm2.After(tm) || e.Equal(d) != tm2.Equal(tm) {
			t.Fatalf("order of %s and %s", e, d)
		}
		k := r.IntN(2000) - 1000
		if n+k >= 0 && n+k < 3652059 {
			if got := d.AddDays(k).String(); got != tm.AddDate(0, 0, k).Format("2006-01-02") {
				t.Fatalf("%s + %d days = %s", d, k, got)
			}
		}
		mo := r.IntN(40) - 20
		if tm.Year() > 1 && tm.Year() < 9998 {
			if got := d.AddMonths(mo).String(); got != tm.AddDate(0, mo, 0).Format("2006-01-02") {
				t.Fatalf("%s + %d months = %s", d, mo, got)
			}
		}
	}
	var zero Date
	if !zero.IsZero() || zero.String() != "" || zero.AddDays(3) != zero || !zero.Before(MustDate("0000-01-01")) {
		t.Fatal("the zero date")
	}
	if MustDate("0001-01-01").IsZero() {
		t.Fatal("0001-01-01 is a date, not the zero date")
	}
	// a time zone far from UTC: the calendar day of the clock, not of UTC
	tz := time.FixedZone("x", -11*3600)
	if got := DateOf(time.Date(2026, 3, 1, 23, 30, 0, 0, tz)).String(); got != "2026-03-01" {
		t.Fatalf("DateOf in -11:00 = %s", got)
	}
}
