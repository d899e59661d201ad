package data

import (
	"database/sql/driver"
	"fmt"
	"time"
)

// Date is a calendar date with no time zone. The zero Date is "no date".
//
// It is a day number (4 bytes, no pointer), not a time.Time (24 bytes with a location
// pointer): lists keep a million invoices with three dates each, and comparing two dates
// or counting the days between them is one subtraction.
type Date struct {
	n int32 // the day's number, 0000-01-01 being day 1 (dayOffset); 0 = no date
}

// dayOffset makes 0000-01-01 (the earliest date time.Parse reads) day 1: the days from it
// to 1970-01-01, plus one.
const dayOffset = 719528 + 1

// dateOfUTC is the Date of t's calendar day in UTC (t is midnight UTC for every caller).
func dateOfUTC(t time.Time) Date {
	days := t.Unix() / 86400
	if t.Unix() < 0 && t.Unix()%86400 != 0 {
		days-- // floor
	}
	return dateOfDays(days + dayOffset)
}

func dateOfDays(n int64) Date {
	if n < 1 {
		n = 1 // before 0000-01-01: never read, never reached from a plausible date
	}
	if n > 1<<31-1 {
		n = 1<<31 - 1
	}
	return Date{int32(n)}
}

// t is the date as midnight UTC.
func (d Date) t() time.Time {
	if d.n == 0 {
		return time.Time{}
	}
	return time.Unix((int64(d.n)-dayOffset)*86400, 0).UTC()
}

// NewDate builds a calendar date.
func NewDate(y int, m time.Month, d int) Date {
	return dateOfUTC(time.Date(y, m, d, 0, 0, 0, 0, time.UTC))
}

// DateOf takes the calendar date of t in t's own location.
func DateOf(t time.Time) Date { return NewDate(t.Year(), t.Month(), t.Day()) }

// ParseDate reads YYYY-MM-DD.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return Date{}, fmt.Errorf("%q is not a date (YYYY-MM-DD)", s)
	}
	return dateOfUTC(t), nil
}

// MustDate is ParseDate for literals in tests and fixtures; it panics on bad input.
func MustDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func (d Date) IsZero() bool    { return d.n == 0 }
func (d Date) Time() time.Time { return d.t() }

// civil is the date's year, month and day (Howard Hinnant's days-to-civil algorithm, on
// the proleptic Gregorian calendar time uses); the zero date gives 0001-01-01 as
// time.Time{} does.
func (d Date) civil() (y int, m time.Month, day int) {
	if d.n == 0 {
		return 1, time.January, 1
	}
	z := int64(d.n) - dayOffset + 719468 // days since 0000-03-01
	era := z / 146097
	if z < 0 && z%146097 != 0 {
		era--
	}
	doe := z - era*146097                                  // [0, 146096]
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365 // [0, 399]
	doy := doe - (365*yoe + yoe/4 - yoe/100)               // [0, 365]
	mp := (5*doy + 2) / 153                                // [0, 11], March first
	day = int(doy - (153*mp+2)/5 + 1)
	if mp < 10 {
		m = time.Month(mp + 3)
	} else {
		m = time.Month(mp - 9)
	}
	y = int(yoe + era*400)
	if m <= time.February {
		y++
	}
	return y, m, day
}

func (d Date) Year() int         { y, _, _ := d.civil(); return y }
func (d Date) Month() time.Month { _, m, _ := d.civil(); return m }
func (d Date) Day() int          { _, _, day := d.civil(); return day }

// String gives YYYY-MM-DD, or "" for the zero date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	y, m, day := d.civil()
	if y < 0 || y > 9999 {
		return d.t().Format("2006-01-02")
	}
	b := [10]byte{byte('0' + y/1000), byte('0' + y/100%10), byte('0' + y/10%10), byte('0' + y%10), '-',
		byte('0' + int(m)/10), byte('0' + int(m)%10), '-', byte('0' + day/10), byte('0' + day%10)}
	return string(b[:])
}

// AddDays moves the date n days (the zero date stays the zero date).
func (d Date) AddDays(n int) Date {
	if d.IsZero() {
		return d
	}
	return dateOfDays(int64(d.n) + int64(n))
}

// AddMonths moves the date n months as time.AddDate does (Jan 31 + 1 month is Mar 3 or 2).
func (d Date) AddMonths(n int) Date {
	if d.IsZero() {
		return d
	}
	return dateOfUTC(d.t().AddDate(0, n, 0))
}

func (d Date) Before(o Date) bool          { return d.n < o.n }
func (d Date) After(o Date) bool           { return d.n > o.n }
func (d Date) Equal(o Date) bool           { return d.n == o.n }
func (d Date) FirstOfMonth() Date          { return NewDate(d.Year(), d.Month(), 1) }
func (d Date) EndOfMonth() Date            { return d.FirstOfMonth().AddMonths(1).AddDays(-1) }
func (d Date) Format(layout string) string { return d.t().Format(layout) }

// DaysSince returns d − o in whole days.
func (d Date) DaysSince(o Date) int { return int(d.n) - int(o.n) }

// Value stores a Date as ISO text (NULL for the zero date).
func (d Date) Value() (driver.Value, error) {
	if d.IsZero() {
		return nil, nil
	}
	return d.String(), nil
}

// Scan reads ISO text (or NULL) into a Date.
func (d *Date) Scan(v any) error {
	switch x := v.(type) {
	case nil:
		*d = Date{}
		return nil
	case string:
		if x == "" {
			*d = Date{}
			return nil
		}
		p, err := ParseDate(x)
		*d = p
		return err
	case []byte:
		return d.Scan(string(x))
	case time.Time:
		*d = DateOf(x)
		return nil
	}
	return fmt.Errorf("cannot scan %T into Date", v)
}

func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	p, err := ParseDate(string(b))
	*d = p
	return err
}

// Clock tells what day it is; it is injected so that everything can run "as of" a date.
type Clock interface {
	Today() Date
	Now() time.Time
}

// SystemClock is the real clock in the local time zone.
type SystemClock struct{}

func (SystemClock) Today() Date    { return DateOf(time.Now()) }
func (SystemClock) Now() time.Time { return time.Now() }

// FixedClock always answers the same day (tests, "as of" runs).
type FixedClock struct{ Day Date }

func (c FixedClock) Today() Date { return c.Day }
func (c FixedClock) Now() time.Time {
	return c.Day.t().Add(12 * time.Hour)
}
