package app

import (
	"strings"
	"testing"

	"duebook/data"
	"duebook/data/datatest"
)

// Opening a company file of an earlier Duebook shows a dialog while it is copied and
// brought up to date (not a frozen window), then the company; the file is up to date.
func TestOpenEarlierVersionShowsUpdate(t *testing.T) {
	s := newStore(t)
	mkInvoice(t, s, mkCustomer(t, s, "Harbor Bakery", 30, 0), "2026-06-01", 12000)
	ui := newTestUI(t, newStore(t))
	path := s.Path()
	s.Close()
	datatest.AsBefore16(t, path)
	if !data.NeedsUpdate(path) {
		t.Fatal("the earlier file does not need an update")
	}
	ui.OpenFile(path)
	if ui.Modal == nil || ui.Modal.Title != "Updating the company file" || ui.Modal.Button("Cancel") == nil {
		t.Fatalf("no update dialog with Cancel: %+v", ui.Modal)
	}
	if !strings.Contains(ui.Modal.Message.Text, "earlier version of Duebook") {
		t.Fatalf("message %q", ui.Modal.Message.Text)
	}
	ui.Wait()
	if ui.Store == nil || ui.Store.Path() != path {
		t.Fatal("the company did not open after its update")
	}
	if data.NeedsUpdate(path) {
		t.Fatal("still needs an update")
	}
	if !ui.Modal.hidden && ui.Modal.Title == "Updating the company file" {
		t.Fatal("the update dialog stayed")
	}
}

// Cancel during the update leaves the file as it was and the window as it was.
func TestOpenEarlierVersionCancel(t *testing.T) {
	s := newStore(t)
	mkInvoice(t, s, mkCustomer(t, s, "Harbor Bakery", 30, 0), "2026-06-01", 12000)
	first := newStore(t)
	ui := newTestUI(t, first)
	path := s.Path()
	s.Close()
	datatest.AsBefore16(t, path)
	tapped := make(chan struct{})
	updateStarting = func() { <-tapped }
	defer func() { updateStarting = nil }()
	ui.OpenFile(path)
	tap(t, ui.Modal.Button("Cancel"))
	close(tapped)
	ui.Wait()
	if ui.Store == nil || ui.Store.Path() != first.Path() {
		t.Fatalf("the window no longer shows the first company: %v", ui.Store)
	}
	if !data.NeedsUpdate(path) {
		t.Fatal("cancelled, yet the file was updated")
	}
	if ui.Modal == nil || ui.Modal.Title != "Update cancelled" {
		t.Fatalf("no word of the cancel: %+v", ui.Modal)
	}
	// the lock was let go: the file opens (and is brought up to date) afterwards
	ui.OpenFile(path)
	ui.Wait()
	if ui.Store == nil || ui.Store.Path() != path || data.NeedsUpdate(path) {
		t.Fatal("the file did not open after a cancelled update")
	}
}
