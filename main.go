// Command duebook is a desktop accounts-receivable program for small businesses. With no
// arguments (or only -db FILE) it opens the window; otherwise it runs a headless command.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"

	"duebook/app"
	"duebook/app/cli"
	_ "duebook/app/fynelocale" // before Fyne reads the locale
	"duebook/assets"
	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
)

func main() {
	args := os.Args[1:]
	if len(args) > 0 && args[0] != "-db" && args[0] != "--db" {
		os.Exit(cli.Run(&cli.Env{}, args))
	}
	db, msg := windowArgs(args)
	if msg != "" {
		fmt.Fprintln(os.Stderr, "duebook:", msg)
		os.Exit(2)
	}
	if msg := noDisplay(runtime.GOOS, os.Getenv); msg != "" {
		fmt.Fprintln(os.Stderr, "duebook:", msg)
		os.Exit(2)
	}
	defer displayFailed()
	a := fyneapp.NewWithID("com.duebook.app")
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	if err := app.Run(a, app.Options{DB: db}); err != nil {
		fmt.Fprintln(os.Stderr, "duebook:", err)
		os.Exit(1)
	}
}

// windowArgs reads the window's own arguments (only -db FILE); msg says in words what is
// wrong with them, instead of the flag package's text and its list of options.
func windowArgs(args []string) (db, msg string) {
	fs := flag.NewFlagSet("duebook", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&db, "db", "", "company file to open")
	const how = "duebook -db FILE opens the window on a company file; duebook help lists the commands"
	if err := fs.Parse(args); err != nil {
		if strings.HasPrefix(err.Error(), "flag needs an argument") {
			return "", "-db needs a company file after it (" + how + ")"
		}
		return "", strings.TrimPrefix(err.Error(), "flag provided but not defined: ") + " is not an option of the window (" + how + ")"
	}
	if fs.NArg() > 0 {
		return "", fmt.Sprintf("%q after -db %s is not understood (%s)", fs.Arg(0), db, how)
	}
	set := false
	fs.Visit(func(*flag.Flag) { set = true })
	if set && strings.TrimSpace(db) == "" {
		return "", "-db needs a company file after it, not an empty name (" + how + ")"
	}
	return db, ""
}

// withoutDisplay is the second half of every no-display message.
const withoutDisplay = "the commands work without one (see duebook help)"

// noDisplay says why the window cannot open on this system, or "" when it can try: on
// Linux and the BSDs the window is an X11 or Wayland client, and with neither DISPLAY nor
// WAYLAND_DISPLAY set GLFW fails to start (and panics inside Fyne). Windows and macOS
// always have a display.
func noDisplay(goos string, getenv func(string) string) string {
	switch goos {
	case "windows", "darwin", "android", "ios", "js", "wasip1":
		return ""
	}
	if strings.TrimSpace(getenv("DISPLAY")) != "" || strings.TrimSpace(getenv("WAYLAND_DISPLAY")) != "" {
		return ""
	}
	return "the window needs a display, and neither DISPLAY nor WAYLAND_DISPLAY is set; " + withoutDisplay
}

// displayFailed turns GLFW's panic when the display named in DISPLAY cannot be opened
// (Fyne logs "PlatformError: X11: Failed to open display :N", then GLFW panics with
// "NotInitialized") into the same one-line message and exit status 2. Any other panic
// goes on as it was.
func displayFailed() {
	r := recover()
	if r == nil {
		return
	}
	if err, ok := r.(error); ok && strings.HasPrefix(err.Error(), "NotInitialized:") {
		fmt.Fprintf(os.Stderr, "duebook: the window could not open the display %q; %s\n", os.Getenv("DISPLAY"), withoutDisplay)
		os.Exit(2)
	}
	panic(r)
}
