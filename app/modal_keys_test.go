package app

import (
	"testing"

	"fyne.io/fyne/v2"
)

// Stacked dialogs: whichever closes first, the keys go to the dialog still shown, and once
// all are closed to no dialog at all.
func TestModalKeysFollowTheDialogOnTop(t *testing.T) {
	ui := newTestUI(t, newStore(t))
	key := func(k fyne.KeyName) {
		if h := ui.Win.Canvas().OnTypedKey(); h != nil {
			h(&fyne.KeyEvent{Name: k})
		}
	}
	cancelled := map[string]int{}
	show := func(title string) *Modal {
		return ui.ShowModal(title, title+"?", nil,
			ModalButton{Text: "Go", Main: true},
			ModalButton{Text: "Cancel", Action: func() bool { cancelled[title]++; return true }})
	}
	lower := show("Lower")
	upper := show("Upper")
	lower.Hide() // the lower one closes first
	key(fyne.KeyEscape)
	if upper.Visible() || cancelled["Upper"] != 1 {
		t.Fatalf("Escape after the lower dialog closed: upper still shown %v, cancelled %v", upper.Visible(), cancelled)
	}
	key(fyne.KeyEscape)
	if cancelled["Lower"] != 0 || cancelled["Upper"] != 1 {
		t.Errorf("Escape with no dialog shown reached a closed one: %v", cancelled)
	}

	// Upper closes first: the lower one answers again, then nothing.
	lower = show("Lower")
	upper = show("Upper")
	upper.Hide()
	key(fyne.KeyReturn)
	if lower.Visible() {
		t.Error("Enter did not reach the lower dialog once the upper closed")
	}
	if ui.Win.Canvas().OnTypedKey() != nil {
		t.Error("with every dialog closed the window still sends keys to a dialog")
	}
}

// Closing the window with two unsaved forms asks about each in turn; the keys answer the
// second question too (Escape is its Cancel and the window stays open).
func TestTwoUnsavedFormsBothAnswerKeys(t *testing.T) {
	ui := newTestUI(t, newStore(t))
	key := func(k fyne.KeyName) {
		if h := ui.Win.Canvas().OnTypedKey(); h != nil {
			h(&fyne.KeyEvent{Name: k})
		}
	}
	discarded := map[string]bool{}
	for _, slot := range []string{"mail account", "settings"} {
		slot := slot
		ui.SetGuard(slot, &FormGuard{What: "the " + slot, Dirty: func() bool { return !discarded[slot] },
			Save: func() bool { return true }, Discard: func() { discarded[slot] = true }})
	}
	ui.requestClose()
	first := ui.Modal
	tap(t, first.Button("Discard"))
	second := ui.Modal
	if second == first || !second.Visible() {
		t.Fatal("the second unsaved form was not asked about")
	}
	key(fyne.KeyEscape)
	if second.Visible() {
		t.Fatal("Escape did not cancel the second question")
	}
	if ui.closed {
		t.Error("Cancel on the second question closed the window")
	}
	if first.Visible() {
		t.Error("the first question is shown again")
	}
}
