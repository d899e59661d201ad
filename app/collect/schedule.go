// Package collect is the daily collections routine: the reminder schedule, today's
// worklist, customer behaviour and risk, and reminder messages. No Fyne here.
package collect

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"duebook/data"
)

// Step is one reminder step, Offset days relative to the due date (negative: before it).
type Step struct {
	Offset int
	Name   string // friendly, reminder, firm, final, escalate
}

// Schedule is the ordered list of steps.
type Schedule []Step

// DefaultSchedule: a friendly note a week before the due date, then +3, +14 firm, +30 final
// notice and +45 escalate (phone call).
var DefaultSchedule = Schedule{{-7, "friendly"}, {3, "reminder"}, {14, "firm"}, {30, "final"}, {45, "escalate"}}

const scheduleKey = "collect.schedule"

func (sc Schedule) String() string {
	parts := make([]string, len(sc))
	for i, st := range sc {
		parts[i] = fmt.Sprintf("%d:%s", st.Offset, st.Name)
	}
	return strings.Join(parts, ",")
}

var stepNames = []string{"friendly", "reminder", "firm", "final", "escalate"}

// ParseSchedule reads "-7:friendly,3:reminder,14:firm,30:final,45:escalate".
func ParseSchedule(s string) (Schedule, error) {
	var sc Schedule
	seen := map[int]bool{}
	for _, part := range strings.Split(s, ",") {
		off, name, ok := strings.Cut(strings.TrimSpace(part), ":")
		n, err := strconv.Atoi(strings.TrimSpace(off))
		if !ok || err != nil {
			return nil, &data.FieldError{Field: "schedule", Msg: fmt.Sprintf("%q is not DAYS:NAME", part)}
		}
		name = strings.TrimSpace(name)
		found := false
		for _, k := range stepNames {
			found = found || k == name
		}
		if !found {
			return nil, &data.FieldError{Field: "schedule", Msg: fmt.Sprintf("%q: the step must be one of %s", part, strings.Join(stepNames, ", "))}
		}
		if n < -60 || n > 365 {
			return nil, &data.FieldError{Field: "schedule", Msg: fmt.Sprintf("%q: days must be between -60 and 365", part)}
		}
		if seen[n] {
			return nil, &data.FieldError{Field: "schedule", Msg: fmt.Sprintf("two steps on day %d", n)}
		}
		seen[n] = true
		sc = append(sc, Step{n, name})
	}
	if len(sc) == 0 {
		return nil, &data.FieldError{Field: "schedule", Msg: "needs at least one step"}
	}
	sort.Slice(sc, func(i, j int) bool { return sc[i].Offset < sc[j].Offset })
	return sc, nil
}

// LoadSchedule reads the company's schedule (the default when none is set).
func LoadSchedule(ctx context.Context, s *data.Store) (Schedule, error) {
	v, err := s.Setting(ctx, scheduleKey)
	if err != nil || v == "" {
		return DefaultSchedule, err
	}
	return ParseSchedule(v)
}

// SaveSchedule validates and stores the schedule.
func SaveSchedule(ctx context.Context, s *data.Store, text string) error {
	sc, err := ParseSchedule(text)
	if err != nil {
		return err
	}
	return s.SetSetting(ctx, scheduleKey, sc.String())
}

// DescribeSchedule says the schedule in words, one step a line.
func DescribeSchedule(sc Schedule) string {
	lines := make([]string, len(sc))
	for i, st := range sc {
		days := func(n int) string {
			if n == 1 {
				return "1 day"
			}
			return fmt.Sprintf("%d days", n)
		}
		when := "on the due date"
		switch {
		case st.Offset < 0:
			when = days(-st.Offset) + " before the due date"
		case st.Offset > 0:
			when = days(st.Offset) + " after the due date"
		}
		how := ""
		if st.Name == "escalate" {
			how = " (a phone call)"
		}
		lines[i] = fmt.Sprintf("%-9s %s%s", st.Name, when, how)
	}
	return strings.Join(lines, "\n")
}

// latest gives the last step due for an item daysPastDue days past due (ok=false: none yet).
func (sc Schedule) latest(daysPastDue int) (Step, bool) {
	var st Step
	ok := false
	for _, x := range sc {
		if x.Offset <= daysPastDue {
			st, ok = x, true
		}
	}
	return st, ok
}
