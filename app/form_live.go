package app

import (
	"sort"
	"strings"

	"duebook/data"
)

// Live makes the form check itself as the user types: after each edit, check runs (it must
// only read the fields, never save) and every field the user has touched, or that shows a
// message from an earlier save, gets the message check gives it now: a message goes as
// soon as the value is valid, and a dialog tells what is wrong before the button is pressed.
func (f *Form) Live(check func() error) {
	f.check = check
	f.touched = map[string]bool{}
	for _, fd := range f.Fields {
		fd := fd
		edited := func() {
			f.touched[fd.Name] = true
			f.recheck()
		}
		switch {
		case fd.Entry != nil:
			prev := fd.Entry.OnChanged
			fd.Entry.OnChanged = func(s string) {
				if prev != nil {
					prev(s)
				}
				edited()
			}
		case fd.Select != nil:
			prev := fd.Select.OnChanged
			fd.Select.OnChanged = func(s string) {
				if prev != nil {
					prev(s)
				}
				edited()
			}
		case fd.Check != nil:
			prev := fd.Check.OnChanged
			fd.Check.OnChanged = func(b bool) {
				if prev != nil {
					prev(b)
				}
				edited()
			}
		case fd.Picker != nil:
			prev := fd.Picker.Entry.OnChanged
			fd.Picker.Entry.OnChanged = func(s string) {
				if prev != nil {
					prev(s)
				}
				edited()
			}
		}
	}
}

// recheck shows the live messages (see Live).
func (f *Form) recheck() {
	if f.check == nil || f.checking {
		return
	}
	f.checking = true
	defer func() { f.checking = false }()
	fields := data.FieldErrors(f.check())
	changed := false
	for _, fd := range f.Fields {
		showing := fd.Error.Visible()
		if !showing && !f.touched[fd.Name] {
			continue
		}
		msg := ""
		for name, m := range fields {
			if name == fd.Name || strings.HasPrefix(name, fd.Name+".") {
				msg = m
				break
			}
		}
		if (msg != "") != showing || (showing && msg != fd.Error.Text) {
			fd.SetError(msg)
			changed = true
		}
	}
	if f.General.Visible() {
		var rest []string
		for name, m := range fields {
			if f.fieldFor(name) == nil {
				rest = append(rest, name+": "+m)
			}
		}
		sort.Strings(rest)
		if len(rest) == 0 {
			f.General.SetText("")
			f.General.Hide()
			changed = true
		}
	}
	if changed {
		f.relayout()
	}
}

// basicCheck is a Live check for the plain fields of the small dialogs: dates ("date",
// "promised_date" required; "next_follow_up" optional) and "amount" in currency.
func basicCheck(f *Form, currency string) func() error {
	return func() error {
		var v fieldErrors
		for _, fd := range f.Fields {
			switch fd.Name {
			case "date", "promised_date":
				parseDateField(&v, fd.Name, fd.Text(), true)
			case "next_follow_up":
				parseDateField(&v, fd.Name, fd.Text(), false)
			case "amount":
				if currency != "" {
					parseAmountField(&v, fd.Name, fd.Text(), currency, true)
				}
			}
		}
		return errOrNil(v)
	}
}
