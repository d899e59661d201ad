package app

import (
	"context"
	"fmt"
	"os"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// The check of a file as it opens. The ledger's invariants that the indexes answer are
// checked at once (milliseconds); SQLite's quick_check reads every page (seconds at a
// million invoices), so it runs in the background while the window is used, and is
// stopped when the file closes. Damage found either way is said in the status bar, in
// red, with what to do.

// openCheck is the background page check of the file open.
type openCheck struct {
	cancel context.CancelFunc
	done   chan struct{}
}

// checkWarning is the status bar text for what a check found.
func checkWarning(found []string) string {
	more := ""
	if len(found) > 1 {
		more = fmt.Sprintf(" (and %d more)", len(found)-1)
	}
	return fmt.Sprintf("  ·  the file check found a problem: %s%s. Restore a backup, or run Check in Settings", found[0], more)
}

// warnDamage adds a check's warning to the status bar.
func warnDamage(bar *widget.Label, found []string) {
	if bar == nil || len(found) == 0 {
		return
	}
	bar.Importance = widget.DangerImportance
	bar.SetText(bar.Text + checkWarning(found))
}

// startOpenCheck checks the invariants now and starts the page check in the background.
func (ui *UI) startOpenCheck() {
	ui.stopOpenCheck()
	s, bar := ui.Store, ui.StatusBar
	if s == nil {
		return
	}
	found, err := s.InvariantCheck(context.Background())
	if err != nil {
		fmt.Fprintln(os.Stderr, "duebook: checking the file:", err)
	}
	warnDamage(bar, found)
	ctx, cancel := context.WithCancel(context.Background())
	c := &openCheck{cancel: cancel, done: make(chan struct{})}
	ui.check = c
	ui.jobs.Add(1)
	go func() {
		defer ui.jobs.Done()
		defer close(c.done)
		found, err := s.PageCheck(ctx)
		if ctx.Err() != nil {
			return // the file was closed meanwhile
		}
		if err != nil {
			found = []string{"the file could not be read to the end (" + strings.TrimSpace(err.Error()) + ")"}
		}
		if len(found) == 0 {
			return
		}
		apply := func() {
			if ctx.Err() == nil { // not after the file closed
				warnDamage(bar, found)
			}
		}
		// Queued, not waited for: stopOpenCheck waits for this goroutine on the UI goroutine.
		if applyOnWait {
			ui.post(apply)
		} else {
			fyne.Do(apply)
		}
	}()
}

// stopOpenCheck cancels the background page check and waits until it no longer uses the store.
func (ui *UI) stopOpenCheck() {
	if ui.check == nil {
		return
	}
	c := ui.check
	ui.check = nil
	c.cancel()
	<-c.done
}
