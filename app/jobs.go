// Package app is Duebook's Fyne user interface: the main window with its screens
// (dashboard, customers, invoices, payments, collections, inbox, reports, settings), the
// first-start screen and the dialogs. It holds no SQL: everything goes through package data.
package app

import (
	"context"
	"errors"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// applyOnWait makes background results wait in a queue until Wait runs them on the
// caller's goroutine. Tests set it: the test driver runs fyne.Do inline on the worker
// goroutine, which would race with the test's own widget calls; the real driver runs
// fyne.Do on the UI goroutine between events, which is what the queue models.
var applyOnWait bool

// post runs f on the UI goroutine (fyne.DoAndWait), or queues it for Wait in tests.
func (ui *UI) post(f func()) {
	if applyOnWait {
		ui.qmu.Lock()
		ui.queue = append(ui.queue, f)
		ui.qmu.Unlock()
		return
	}
	fyne.DoAndWait(f)
}

// Wait blocks until the background work started so far (and the work it started) is done
// and applied. Never call it on the UI goroutine of the real driver (the workers wait for it).
func (ui *UI) Wait() {
	for {
		ui.jobs.Wait()
		ui.qmu.Lock()
		q := ui.queue
		ui.queue = nil
		ui.qmu.Unlock()
		if len(q) == 0 {
			return
		}
		for _, f := range q {
			f()
		}
	}
}

// Go runs work off the UI goroutine; the function it returns (if any) is applied on the UI
// goroutine with fyne.Do, unless ctx was cancelled or the company file was closed meanwhile.
func (ui *UI) Go(ctx context.Context, work func(ctx context.Context) func()) {
	epoch := ui.epoch
	ui.jobs.Add(1)
	go func() {
		defer ui.jobs.Done()
		apply := work(ctx)
		if apply == nil || ctx.Err() != nil {
			return
		}
		ui.post(func() {
			if ctx.Err() == nil && epoch == ui.epoch {
				apply()
			}
		})
	}()
}

// postProgress shows progress from a worker: fyne.Do (it does not wait for the UI
// goroutine), or the test queue of post.
func (ui *UI) postProgress(f func()) {
	if applyOnWait {
		ui.post(f)
		return
	}
	fyne.Do(f)
}

// RunLong runs long work off the UI goroutine behind a progress dialog with Cancel.
// work reports progress (0..1, or <0 for "unknown") and returns what to apply on the UI
// goroutine. A cancelled run applies nothing; onCancel (may be nil) cleans up.
func (ui *UI) RunLong(title, message string, work func(ctx context.Context, progress func(float64)) (func(), error), onCancel func()) *Modal {
	ctx, cancel := context.WithCancel(context.Background())
	bar := widget.NewProgressBar()
	inf := widget.NewProgressBarInfinite()
	bar.Hide()
	status := widget.NewLabel("")
	m := ui.ShowModal(title, message, container.NewVBox(container.NewStack(bar, inf), status),
		ModalButton{Text: "Cancel", Action: func() bool {
			cancel()
			status.SetText("Cancelling…")
			return false
		}})
	m.Status = status
	var last time.Time
	var mu sync.Mutex
	progress := func(f float64) {
		mu.Lock()
		defer mu.Unlock()
		if time.Since(last) < 50*time.Millisecond && f < 1 {
			return
		}
		last = time.Now()
		ui.postProgress(func() {
			if f < 0 {
				return
			}
			inf.Stop()
			inf.Hide()
			bar.Show()
			bar.SetValue(f)
		})
	}
	ui.jobs.Add(1)
	go func() {
		defer ui.jobs.Done()
		defer cancel()
		apply, err := work(ctx, progress)
		cancelled := ctx.Err() != nil && (err == nil || errors.Is(err, context.Canceled) || errors.Is(err, ctx.Err()))
		ui.post(func() {
			inf.Stop()
			m.Hide()
			switch {
			case cancelled:
				if onCancel != nil {
					onCancel()
				}
			case err != nil:
				ui.ShowError(err)
			case apply != nil:
				apply()
			}
		})
	}()
	return m
}
