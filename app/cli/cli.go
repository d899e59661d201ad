// Package cli holds Duebook's headless commands. They call the same functions as the GUI.
// Each command registers itself from its own file with Register.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"duebook/data"
)

// Env is what a command runs with.
type Env struct {
	Stdout io.Writer
	Stderr io.Writer
	Stdin  io.Reader
	// Clock gives "today"; nil means the system clock.
	Clock data.Clock
}

// Command is one headless command.
type Command struct {
	Name    string
	Summary string // one line for the command list
	Usage   string // e.g. "-o FILE [-customers N]"
	Run     func(env *Env, args []string) error
}

var commands = map[string]Command{}

// Register adds a command; it panics on a duplicate name (a programming error at init).
func Register(c Command) {
	if _, dup := commands[c.Name]; dup {
		panic("duplicate command " + c.Name)
	}
	commands[c.Name] = c
}

// Lookup finds a command.
func Lookup(name string) (Command, bool) {
	c, ok := commands[name]
	return c, ok
}

// ExitError ends a command with a code; Msg (if any) is printed as the one-line reason.
type ExitError struct {
	Code int
	Msg  string
}

func (e *ExitError) Error() string { return e.Msg }

// Run runs the command named by args[0] and returns the process exit code.
func Run(env *Env, args []string) int {
	if env.Stdout == nil {
		env.Stdout = os.Stdout
	}
	if env.Stderr == nil {
		env.Stderr = os.Stderr
	}
	if env.Stdin == nil {
		env.Stdin = os.Stdin
	}
	env.Stdout, env.Stderr = safeOutput(env.Stdout), safeOutput(env.Stderr)
	if len(args) == 2 && args[0] == "help" {
		// duebook help CMD: the command's usage line and its options
		c, ok := commands[args[1]]
		if !ok {
			fmt.Fprintf(env.Stderr, "duebook: unknown command %q (duebook help lists them)\n", args[1])
			return 2
		}
		c.Run(&Env{Stdout: env.Stdout, Stderr: env.Stdout, Stdin: env.Stdin, Clock: env.Clock}, []string{"-h"})
		return 0
	}
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(env.Stdout)
		return 0
	}
	c, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(env.Stderr, "duebook: unknown command %q (duebook help lists them)\n", args[0])
		return 2
	}
	err := c.Run(env, args[1:])
	if err == nil {
		return 0
	}
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	var ee *ExitError
	if errors.As(err, &ee) {
		if ee.Msg != "" {
			fmt.Fprintf(env.Stderr, "duebook %s: %s\n", c.Name, ee.Msg)
		}
		return ee.Code
	}
	fmt.Fprintf(env.Stderr, "duebook %s: %s\n", c.Name, oneLine(data.ExplainOverflow(err).Error()))
	return 1
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func usage(w io.Writer) {
	fmt.Fprintln(w, "duebook — accounts receivable for a small business")
	fmt.Fprintln(w, "\nWith no command it opens the window. Commands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		c := commands[n]
		fmt.Fprintf(w, "  duebook %s %s\n      %s\n", n, c.Usage, c.Summary)
	}
	fmt.Fprintln(w, "\nEvery command takes -db FILE (default: the last company file used); duebook help COMMAND lists a command's options.")
}

// Flags makes a flag set for a command that reports errors instead of exiting, with -db.
func (env *Env) Flags(c string) (*flag.FlagSet, *string) {
	fs := flag.NewFlagSet("duebook "+c, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "usage: duebook %s %s\n", c, commands[c].Usage)
		if s := commands[c].Summary; s != "" {
			fmt.Fprintf(fs.Output(), "%s\n", s)
		}
		fmt.Fprintln(fs.Output(), "options:")
		fs.PrintDefaults()
	}
	db := fs.String("db", "", "company file (default: the last one used)")
	return fs, db
}

// Clock is the env's clock (system clock when unset).
func (env *Env) clock() data.Clock {
	if env.Clock != nil {
		return env.Clock
	}
	return data.SystemClock{}
}

// ResolveDB gives the company file to use: the -db flag or the last file used.
func ResolveDB(db string) (string, error) {
	if db != "" {
		return db, nil
	}
	c, err := data.LoadConfig()
	if err != nil || c.LastFile == "" {
		return "", errors.New("no company file: pass -db FILE")
	}
	return c.LastFile, nil
}

// Open opens the company file named by -db (or the last one used) for writing: an
// existing Duebook company file is required (commands never create a company by
// accident, nor touch another program's file), and the company file's lock is held until
// the store is closed, so a command never writes while the window or another command has
// the file (a *data.LockedError says who has it).
func (env *Env) Open(db string) (*data.Store, error) {
	path, err := ResolveDB(db)
	if err != nil {
		return nil, err
	}
	return data.OpenExisting(path, env.writeOptions(path, true))
}

// OpenReadOnly opens the company file for reading only. It needs no lock (it runs while
// the window has the file open) and changes nothing in the file.
func (env *Env) OpenReadOnly(db string) (*data.Store, error) {
	path, err := ResolveDB(db)
	if err != nil {
		return nil, err
	}
	return data.OpenExisting(path, data.Options{Clock: env.clock(), ReadOnly: true})
}

// OpenRefreshing opens the company file for a command that reads but brings the states of
// promises up to date when it can (worklist, history): for writing when no other program
// holds the file and it can be written, read-only otherwise (the program holding the file
// keeps them up to date).
func (env *Env) OpenRefreshing(db string) (*data.Store, error) {
	s, err := env.Open(db)
	var le *data.LockedError
	var se *data.StorageError
	if errors.As(err, &le) || (errors.As(err, &se) && se.ReadOnly()) {
		return env.OpenReadOnly(db)
	}
	return s, err
}

// DateFlag parses an optional -as-of style date ("" = the clock's today).
func (env *Env) DateFlag(name, v string) (data.Date, error) {
	if v == "" {
		return env.clock().Today(), nil
	}
	d, err := data.ParseDate(v)
	if err == nil {
		err = data.PlausibleDate(d) // 0001-01-01 would read as "no date", that is today
	}
	if err != nil {
		return d, &ExitError{Code: 2, Msg: "-" + name + ": " + err.Error()}
	}
	return d, nil
}

// OpenFor opens the company file for writing (Open, with the lock) when write is set, and
// read-only otherwise (a dry run, a command that only shows).
func (env *Env) OpenFor(write bool, db string) (*data.Store, error) {
	if write {
		return env.Open(db)
	}
	return env.OpenReadOnly(db)
}
