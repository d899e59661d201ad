package app

import "fyne.io/fyne/v2"

// InboxScreen reads the owner's mailbox for payment confirmations and proposes matches.
// The reading and matching live in package app/inbox; this screen will show its proposals.
type InboxScreen struct {
	ui   *UI
	Root fyne.CanvasObject
}

func newInboxScreen(ui *UI) *InboxScreen {
	return &InboxScreen{ui: ui, Root: placeholder("Inbox",
		"Payment confirmations found in your mailbox (PayPal, Stripe, Square, Wise, Interac e-Transfer, Zelle, Venmo, "+
			"bank transfer notices) will be listed here with the open invoice each one matches, its confidence and why; "+
			"confirm a match to record the payment, or assign it by hand. Spoofed or untrusted messages are flagged and never applied.",
		"Until then: duebook parse-mail FILE.eml shows what the payment reader sees, and duebook reconcile fetches and matches from the command line.")}
}
