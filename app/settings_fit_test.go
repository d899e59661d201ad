package app

import (
	"testing"

	"fyne.io/fyne/v2"
)

// Save settings is in sight at 1024x640 without scrolling (it was below the company
// fields, under the fold).
func TestSettingsSaveInSight(t *testing.T) {
	s := newStore(t)
	ui := newTestUI(t, s)
	ui.Win.Resize(fyne.NewSize(1024, 640))
	ui.SelectTab(TabSettings)
	ui.Wait()
	b := ui.Settings.SaveBtn
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(b)
	if h := ui.Win.Canvas().Size().Height; !b.Visible() || pos.Y < 0 || pos.Y+b.Size().Height > h {
		t.Fatalf("Save settings is at y %.0f (height %.0f) in a window %.0f high", pos.Y, b.Size().Height, h)
	}
}
