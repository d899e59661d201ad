package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// CollectionsScreen is the daily collections routine (worklist, promises, disputes,
// contact log). The rules live in package app/collect; until that package offers its API
// this screen says what will be here.
type CollectionsScreen struct {
	ui   *UI
	Root fyne.CanvasObject
}

func newCollectionsScreen(ui *UI) *CollectionsScreen {
	c := &CollectionsScreen{ui: ui}
	c.Root = placeholder("Collections",
		"Every morning's worklist will be here: who to chase today, most urgent first; promises to pay that fell due; "+
			"open disputes (which stop reminders for their invoice); the contact log of every call, email, letter and note "+
			"with its outcome; and the reason recorded for each late payment.",
		"Until then: the Dashboard's Overdue figure and the Invoices screen's \"Overdue only\" filter (sorted by days overdue) "+
			"show what is late. Headless: duebook worklist.")
	return c
}

// Reload re-reads the worklist (nothing yet).
func (c *CollectionsScreen) Reload() {}

// placeholder is a screen that says what it will hold.
func placeholder(title, what, meanwhile string) fyne.CanvasObject {
	w := widget.NewLabel(what)
	w.Wrapping = fyne.TextWrapWord
	m := widget.NewLabel(meanwhile)
	m.Wrapping = fyne.TextWrapWord
	m.Importance = widget.LowImportance
	return container.NewPadded(container.NewVBox(heading(title), w, m))
}
