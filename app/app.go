// Package app is Duebook's Fyne user interface.
package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Options are what the window starts with.
type Options struct {
	DB string // company file to open ("" = the last one used)
}

// Run opens the main window and blocks until it is closed.
func Run(a fyne.App, opt Options) error {
	w := a.NewWindow("Duebook")
	w.SetContent(widget.NewLabel("Duebook"))
	w.ShowAndRun()
	return nil
}
