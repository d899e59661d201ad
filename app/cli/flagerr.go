package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"
)

// Parse parses a command's flags. -h prints the command's usage; a bad flag becomes a
// usage error (exit 2) that says in words which option is unknown or which value is wrong
// and why, and points to `duebook help CMD`, instead of the flag package's own text and
// its list of every flag.
func Parse(fs *flag.FlagSet, args []string) error {
	out := fs.Output()
	usage := fs.Usage
	fs.SetOutput(io.Discard) // the flag package prints its error and the usage there
	fs.Usage = func() {}
	err := fs.Parse(args)
	fs.SetOutput(out)
	fs.Usage = usage
	if err == nil {
		return nil
	}
	if errors.Is(err, flag.ErrHelp) {
		fs.Usage()
		return err
	}
	return &ExitError{Code: 2, Msg: flagProblem(fs, err) + "; " + helpHint(fs)}
}

// helpHint points to the command's help.
func helpHint(fs *flag.FlagSet) string {
	name := strings.TrimPrefix(fs.Name(), "duebook ")
	return "duebook help " + name + " lists its options"
}

// flagProblem says what is wrong with the flags in words. The flag package's errors are
// read by their fixed wording; anything else is passed on as it is.
func flagProblem(fs *flag.FlagSet, err error) string {
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: "); ok {
		return fmt.Sprintf("%s is not an option of %s", name, fs.Name())
	}
	if name, ok := strings.CutPrefix(msg, "flag needs an argument: "); ok {
		return fmt.Sprintf("%s needs a value after it: %s", name, valueKind(fs, strings.TrimLeft(name, "-")))
	}
	if arg, ok := strings.CutPrefix(msg, "bad flag syntax: "); ok {
		return fmt.Sprintf("%q is not an option: options are written -name or -name=value", arg)
	}
	// invalid value "abc" for flag -customers: parse error
	// invalid boolean value "x" for -apply: parse error
	for _, p := range []string{"invalid value ", "invalid boolean value "} {
		rest, ok := strings.CutPrefix(msg, p)
		if !ok {
			continue
		}
		val, rest, ok := cutQuoted(rest)
		if !ok {
			break
		}
		rest = strings.TrimPrefix(strings.TrimPrefix(rest, " for "), "flag ")
		name, why, _ := strings.Cut(rest, ": ")
		name = strings.TrimLeft(name, "-")
		kind := valueKind(fs, name)
		switch {
		case strings.Contains(why, "out of range"):
			return fmt.Sprintf("-%s: %s is too large for a number here", name, val)
		case kind != "":
			return fmt.Sprintf("-%s: %s is not %s", name, val, kind)
		}
		return fmt.Sprintf("-%s: %s is not a valid value (%s)", name, val, why)
	}
	return msg
}

// cutQuoted reads the Go-quoted string at the start of s.
func cutQuoted(s string) (val, rest string, ok bool) {
	if !strings.HasPrefix(s, `"`) {
		return "", s, false
	}
	for i := 1; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '"':
			return s[:i+1], s[i+1:], true
		}
	}
	return "", s, false
}

// valueKind says what a flag takes, from the type of its value.
func valueKind(fs *flag.FlagSet, name string) string {
	f := fs.Lookup(name)
	if f == nil {
		return "a value"
	}
	g, ok := f.Value.(flag.Getter)
	if !ok {
		return "a value"
	}
	switch g.Get().(type) {
	case bool:
		return "true or false"
	case int, int64:
		return "a whole number"
	case uint, uint64:
		return "a whole number, 0 or more"
	case float64:
		return "a number"
	case time.Duration:
		return "a duration such as 30s or 5m"
	}
	if f.Usage != "" {
		return f.Usage // a string flag: what it is, in its own words
	}
	return "a value"
}
