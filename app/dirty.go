package app

import (
	"sort"
	"strings"

	"fyne.io/fyne/v2/container"
)

// FormGuard is a form that may hold changes not saved yet. Every editing form of the window
// (draft invoice, customer, settings, mail account) registers one with UI.SetGuard, and
// everything that would drop the form (Back, opening another record, leaving its screen,
// opening another company file, closing the window) goes through UI.Leave first, which asks
// Save / Discard / Cancel when the form is dirty.
type FormGuard struct {
	What  string // what the question names: "the draft invoice for Bayside Café"
	Tab   string // the screen the form is on (TabInvoices, …)
	Dirty func() bool
	// Save stores the form and tells whether it was saved (false: it shows why and stays).
	Save func() bool
	// Discard, when set, forgets the changes (the form is going away anyway).
	Discard func()
}

// Snapshot is the text of every field of a form, to compare with later (dirty = changed).
func (f *Form) Snapshot() string {
	var b strings.Builder
	for _, fd := range f.Fields {
		b.WriteString(fd.Name)
		b.WriteByte('=')
		b.WriteString(fd.Text())
		b.WriteByte('\x00')
	}
	return b.String()
}

// SetGuard puts g in the slot ("invoice", "customer", "settings", "mail account"); nil
// empties it. A slot holds the one form of its kind that is open.
func (ui *UI) SetGuard(slot string, g *FormGuard) {
	if ui.guards == nil {
		ui.guards = map[string]*FormGuard{}
	}
	if g == nil {
		delete(ui.guards, slot)
		return
	}
	ui.guards[slot] = g
}

// Guard is the form in slot (nil when none).
func (ui *UI) Guard(slot string) *FormGuard { return ui.guards[slot] }

// dirtyGuards lists the dirty forms (of screen tab, or all when tab is ""), in slot order.
func (ui *UI) dirtyGuards(tab string) []*FormGuard {
	slots := make([]string, 0, len(ui.guards))
	for s := range ui.guards {
		slots = append(slots, s)
	}
	sort.Strings(slots)
	var out []*FormGuard
	for _, s := range slots {
		g := ui.guards[s]
		if (tab == "" || g.Tab == tab) && g.Dirty != nil && g.Dirty() {
			out = append(out, g)
		}
	}
	return out
}

// Leave runs then once the form in slot is saved, discarded or was not changed; Cancel
// (or a save that fails) runs cancel (may be nil) and keeps the form.
func (ui *UI) Leave(slot string, then, cancel func()) {
	g := ui.guards[slot]
	if g == nil || g.Dirty == nil || !g.Dirty() {
		then()
		return
	}
	ui.ask([]*FormGuard{g}, then, cancel)
}

// LeaveTab is Leave for every form of screen tab.
func (ui *UI) LeaveTab(tab string, then, cancel func()) { ui.ask(ui.dirtyGuards(tab), then, cancel) }

// LeaveAll is Leave for every form of the window (closing it, opening another company).
func (ui *UI) LeaveAll(then, cancel func()) { ui.ask(ui.dirtyGuards(""), then, cancel) }

// ask puts the question for each dirty form in turn, then runs then.
func (ui *UI) ask(gs []*FormGuard, then, cancel func()) {
	if len(gs) == 0 {
		then()
		return
	}
	g, rest := gs[0], gs[1:]
	stop := func() {
		if g.Tab != "" {
			ui.selectTabUnguarded(g.Tab) // show the form and its messages
		}
		if cancel != nil {
			cancel()
		}
	}
	ui.ShowModal("Unsaved changes", "You changed "+g.What+" without saving. Save the changes?", nil,
		ModalButton{Text: "Save", Main: true, Action: func() bool {
			if g.Save == nil || !g.Save() {
				stop()
				return true
			}
			ui.ask(rest, then, cancel)
			return true
		}},
		ModalButton{Text: "Discard", Action: func() bool {
			if g.Discard != nil {
				g.Discard()
			}
			ui.ask(rest, then, cancel)
			return true
		}},
		ModalButton{Text: "Cancel", Action: func() bool { stop(); return true }},
	)
}

// guardTabs asks before leaving a screen whose form has unsaved changes.
func (ui *UI) guardTabs(onSelected func(*container.TabItem)) {
	ui.Tabs.OnSelected = func(it *container.TabItem) {
		prev := ui.curTab
		if ui.switching || prev == "" || prev == it.Text {
			ui.curTab = it.Text
			onSelected(it)
			return
		}
		ui.curTab = it.Text
		onSelected(it)
		gs := ui.dirtyGuards(prev)
		if len(gs) == 0 {
			return
		}
		ui.ask(gs, func() {}, func() { ui.selectTabUnguarded(prev) })
	}
}

// selectTabUnguarded shows a screen without asking about its forms.
func (ui *UI) selectTabUnguarded(name string) {
	ui.switching = true
	defer func() { ui.switching = false }()
	ui.SelectTab(name)
}

// requestClose is the window's close button: it asks about unsaved forms first.
func (ui *UI) requestClose() {
	ui.LeaveAll(func() {
		ui.guards = nil
		ui.Win.Close()
	}, nil)
}

// NewCompany shows the new-company form (asking about unsaved forms of this file first).
func (ui *UI) NewCompany() {
	ui.LeaveAll(func() {
		ui.ShowStart()
		ui.Start.ShowNewCompany()
	}, nil)
}
