package app

import "fyne.io/fyne/v2"

// ReportsScreen prints documents and shows the month's figures (package reports).
type ReportsScreen struct {
	ui   *UI
	Root fyne.CanvasObject
}

func newReportsScreen(ui *UI) *ReportsScreen {
	return &ReportsScreen{ui: ui, Root: placeholder("Reports",
		"Invoice PDFs, customer statements for window envelopes, reminder letters, the aging report and the monthly "+
			"figures (invoiced, collected, DSO, share overdue, default rate) against the months before will be made here.",
		"Until then: duebook aging, duebook invoice -n NUMBER -o FILE.pdf and duebook statements -o FILE.pdf from the command line.")}
}
