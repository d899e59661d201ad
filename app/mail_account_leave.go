package app

// The mail account form never loses an edit: it is the "mail account" form of dirty.go, so
// Cancel, Escape, closing the window and opening another company ask Save / Discard /
// Cancel while it holds changes not saved yet.

const accountSlot = "mail account"

// guardAccount registers the open form (a read-only file has nothing to save: no guard)
// and takes what it shows now as the saved state.
func (af *AccountForm) guardAccount() {
	ui := af.is.ui
	if ui.Store.ReadOnly() {
		ui.SetGuard(accountSlot, nil)
		return
	}
	af.markSaved()
	af.guard = &FormGuard{What: "the mail account", Tab: TabInbox, Dirty: af.Dirty,
		Save: func() bool {
			if !af.Save() {
				return false
			}
			af.close()
			return true
		},
		Discard: af.close}
	ui.SetGuard(accountSlot, af.guard)
}

// markSaved takes what the form shows as saved (after it opened, or after a sign-in saved
// the settings).
func (af *AccountForm) markSaved() { af.baseline = af.Form.Snapshot() }

// Dirty tells whether the form holds changes not saved yet (a typed password included).
func (af *AccountForm) Dirty() bool {
	return af.Modal != nil && af.Modal.Visible() && af.Form.Snapshot() != af.baseline
}

// cancel is the form's Cancel button and Escape: it closes once the changes are saved,
// discarded or there were none; the form stays otherwise.
func (af *AccountForm) cancel() bool {
	af.is.ui.Leave(accountSlot, af.close, nil)
	return false
}

// saveAndClose is the form's Save button.
func (af *AccountForm) saveAndClose() bool {
	if !af.Save() {
		return false
	}
	af.close()
	return true
}

// close takes the form away. When the question about unsaved changes is still on top (this
// runs from its button), the form goes once the question has gone, so that each dialog
// gives the keys back to the one below it.
func (af *AccountForm) close() {
	ui := af.is.ui
	if g := ui.Guard(accountSlot); g != nil && g == af.guard {
		ui.SetGuard(accountSlot, nil)
	}
	if top := ui.Modal; top != nil && top != af.Modal && top.Visible() {
		after := top.onHide
		top.onHide = func() {
			if after != nil {
				after()
			}
			af.Modal.Hide()
		}
		return
	}
	af.Modal.Hide()
}
