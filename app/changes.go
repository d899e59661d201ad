package app

import (
	"context"
	"sync/atomic"

	"duebook/data"

	"fyne.io/fyne/v2"
)

// The window follows the store's change signal (data.Store.OnChange, fired after every
// committed write, whoever made it: a dialog, the inbox reader, the daily jobs): one
// refresh re-reads the lists, the dashboard, the open customer and invoice views and the
// worklist. Writes that come in a burst give one refresh.

// watch subscribes the window to s's changes (undone by unwatch, when the file closes).
func (ui *UI) watch(s *data.Store) {
	cancel := s.OnChange(ui.storeChanged)
	ui.unwatch = cancel
}

func (ui *UI) stopWatching() {
	if ui.unwatch != nil {
		ui.unwatch()
		ui.unwatch = nil
	}
}

// storeChanged schedules one refresh on the UI goroutine (any goroutine may call it).
func (ui *UI) storeChanged() {
	ui.unbacked.Store(true)
	if !ui.refreshPending.CompareAndSwap(false, true) {
		return // one is scheduled already; it will read this change too
	}
	run := func() {
		ui.refreshPending.Store(false)
		ui.refresh()
	}
	if applyOnWait {
		ui.qmu.Lock()
		ui.queue = append(ui.queue, run)
		ui.qmu.Unlock()
		return
	}
	fyne.Do(run)
}

// refresh re-reads what every screen shows.
func (ui *UI) refresh() {
	if ui.Store == nil || ui.Tabs == nil {
		return
	}
	ui.Reload()
	ui.Invoices.refreshView()
	if ui.curTab == TabCollections {
		ui.Collections.Reload()
	}
}

// refreshView re-reads the invoice shown in the view (its status, balance and buttons).
func (is *InvoicesScreen) refreshView() {
	v := is.View
	if v == nil {
		return
	}
	inv, err := is.ui.Store.Invoice(context.Background(), v.Invoice.ID)
	if err != nil {
		return // gone (a restore): the list says what there is
	}
	is.View = newInvoiceView(is, inv)
	is.showDetail(is.View.Root)
}

// refreshPending is set while a refresh is scheduled.
type refreshFlag = atomic.Bool
