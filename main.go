// Command duebook is a desktop accounts-receivable program for small businesses. With no
// arguments (or only -db FILE) it opens the window; otherwise it runs a headless command.
package main

import (
	"flag"
	"fmt"
	"os"

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
	fs := flag.NewFlagSet("duebook", flag.ContinueOnError)
	db := fs.String("db", "", "company file to open")
	if err := fs.Parse(args); err != nil {
		os.Exit(2)
	}
	a := fyneapp.NewWithID("com.duebook.app")
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	if err := app.Run(a, app.Options{DB: *db}); err != nil {
		fmt.Fprintln(os.Stderr, "duebook:", err)
		os.Exit(1)
	}
}
