package app

import (
	"context"
	"errors"
	"fmt"
	"strings"

	_ "duebook/app/fynelocale" // quiet Fyne about a C locale in tests and CI
	"duebook/app/inbox"
	"duebook/data"
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// InboxScreen lists the payment confirmations read from the owner's mailbox with the match
// proposed for each; the user accepts (records the payment) or rejects. Untrusted senders are
// marked and are never applied without the user.
type InboxScreen struct {
	ui       *UI
	Root     fyne.CanvasObject
	List     *widget.List
	Detail   *widget.Label
	Count    *widget.Label
	Fetch    *widget.Button
	Accept   *widget.Button
	Reject   *widget.Button
	Change   *widget.Button
	AccountB *widget.Button
	ImportB  *widget.Button
	// TrustBar shows while the account names no receiving server: nothing is trusted then.
	// UseServer confirms the server learned from the mail read (Proposed).
	TrustBar  *fyne.Container
	TrustText *widget.Label
	UseServer *widget.Button
	Proposed  inbox.AuthServProposal
	// ImportDlg is the Import mail dialog shown last; LastImport what the last import said.
	ImportDlg  *ImportMailDialog
	LastImport string
	// ChangeDlg is the "Change…" dialog shown last; AccountForm the account form shown last
	// (tests drive them).
	ChangeDlg   *ChangeDialog
	AccountForm *AccountForm
	Messages    []data.MailPayment
	Selected    int // index into Messages, -1 = none
}

func newInboxScreen(ui *UI) *InboxScreen {
	is := &InboxScreen{ui: ui, Selected: -1}
	is.Detail = widget.NewLabel(inboxHint(1))
	is.Detail.Wrapping = fyne.TextWrapWord
	is.Count = widget.NewLabel("")
	is.List = widget.NewList(func() int { return len(is.Messages) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id >= len(is.Messages) {
				return
			}
			m := is.Messages[id]
			warn, trust := "", ""
			if !m.Trusted { // the sign first, so a narrow list still shows it
				warn, trust = "⚠ ", " · sender not trusted"
			}
			o.(*widget.Label).SetText(fmt.Sprintf("%s%s  %-8s %14s  %s  · %s%s", warn, m.Date, providerName(m.Provider), money(m.Amount, m.Currency),
				firstText(m.PayerName, m.PayerEmail, "payer not named"), mailStatus(m.Status), trust))
		})
	is.List.OnSelected = func(id widget.ListItemID) { is.selectMsg(id) }
	is.Fetch = widget.NewButtonWithIcon("Fetch new mail", theme.DownloadIcon(), is.FetchMail)
	is.Fetch.Importance = widget.HighImportance
	is.Accept = widget.NewButton("Accept match", is.AcceptSelected)
	is.Accept.Importance = widget.HighImportance
	is.Reject = widget.NewButton("Reject", is.RejectSelected)
	is.Change = widget.NewButton("Change…", is.ChangeSelected)
	is.Accept.Disable()
	is.Reject.Disable()
	is.Change.Disable()
	refresh := widget.NewButtonWithIcon("", theme.ViewRefreshIcon(), is.Reload)
	is.AccountB = widget.NewButtonWithIcon("Account…", theme.SettingsIcon(), is.ShowAccount)
	is.ImportB = widget.NewButtonWithIcon("Import mail…", theme.FolderOpenIcon(), func() { is.ShowImportMail() })
	if ui.Win != nil {
		ui.Win.SetOnDropped(func(_ fyne.Position, uris []fyne.URI) { is.Dropped(uris) })
	}
	top := container.NewHBox(heading("Inbox"), is.Count, layout.NewSpacer(), is.AccountB, is.ImportB, is.Fetch, refresh)
	is.TrustText = widget.NewLabel("")
	is.TrustText.Wrapping = fyne.TextWrapWord
	is.TrustText.Importance = widget.WarningImportance
	is.UseServer = widget.NewButton("Use it", is.UseProposedServer)
	is.TrustBar = container.NewBorder(nil, nil, nil, is.UseServer, is.TrustText)
	is.TrustBar.Hide()
	detail := container.NewBorder(nil, container.NewHBox(is.Accept, is.Change, is.Reject), nil, nil, container.NewVScroll(is.Detail))
	split := container.NewHSplit(is.List, detail)
	split.Offset = 0.6
	is.Root = container.NewBorder(container.NewVBox(top, is.TrustBar), nil, nil, nil, split)
	is.Reload()
	return is
}

// inboxHint is what the detail panel says while no message is selected.
func inboxHint(messages int) string {
	if messages == 0 {
		return "No payment confirmations read yet.\n\nSet up the owner's mailbox with Account…, then " +
			"Fetch new mail — or Import mail… saved as .eml or .mbox files (or drop them on the window). Duebook reads the confirmations of PayPal, Stripe, Square, Wise, " +
			"Interac, Zelle, Venmo and bank transfer notices, and proposes which open invoices " +
			"each one pays. Nothing is recorded until you accept it."
	}
	return "Select a message to see what was read and the match proposed."
}

func firstText(xs ...string) string {
	for _, x := range xs {
		if x != "" {
			return x
		}
	}
	return ""
}

// Reload re-reads the stored messages.
func (is *InboxScreen) Reload() {
	s := is.ui.Store
	if s == nil {
		return
	}
	is.ui.Go(context.Background(), func(ctx context.Context) func() {
		msgs, err := s.MailPayments(ctx, "")
		if err != nil {
			return func() { is.ui.ShowError(err) }
		}
		servID, err := inbox.LoadAuthServ(ctx, s)
		if err != nil {
			return func() { is.ui.ShowError(err) }
		}
		prop, _ := inbox.ProposedAuthServ(ctx, s)
		return func() {
			is.showTrust(servID, prop)
			is.Messages = msgs
			proposed := 0
			for _, m := range msgs {
				if m.Status == "proposed" {
					proposed++
				}
			}
			is.Count.SetText(fmt.Sprintf("%s, %d waiting for you", plural(len(msgs), "message"), proposed))
			is.Detail.SetText(inboxHint(len(msgs)))
			is.List.UnselectAll()
			is.Selected = -1
			is.Accept.Disable()
			is.Reject.Disable()
			is.Change.Disable()
			is.List.Refresh()
		}
	})
}

// showTrust shows the trust bar while no receiving server is set.
func (is *InboxScreen) showTrust(servID string, prop inbox.AuthServProposal) {
	is.Proposed = prop
	if servID != "" {
		is.TrustBar.Hide()
		return
	}
	text := "No sender is trusted yet: the receiving server of your mailbox is not set, so no payment is recorded " +
		"without you. Set it in Account…"
	if prop.ID != "" {
		text = "No sender is trusted yet: the receiving server of your mailbox is not set. The mail read so far was received by " +
			prop.String() + ". If that is your mail provider's server, use it."
		is.UseServer.SetText("Use " + prop.ID)
		is.UseServer.Show()
	} else {
		is.UseServer.Hide()
	}
	if is.ui.Store.ReadOnly() {
		is.UseServer.Disable()
	}
	is.TrustText.SetText(text)
	is.TrustBar.Show()
}

// UseProposedServer confirms the learned receiving server.
func (is *InboxScreen) UseProposedServer() {
	if is.Proposed.ID == "" {
		return
	}
	if err := inbox.ConfirmAuthServ(context.Background(), is.ui.Store, is.Proposed.ID); err != nil {
		is.ui.ShowError(err)
		return
	}
	is.Reload()
}

func (is *InboxScreen) selectMsg(i int) {
	if i < 0 || i >= len(is.Messages) {
		return
	}
	is.Selected = i
	m := is.Messages[i]
	prov := providerName(m.Provider)
	trust := "trusted: the message comes from " + prov + "'s own mail domain (DMARC pass)"
	if m.AuthServ != "" {
		trust = "trusted: your receiving server " + m.AuthServ + " checked that it comes from " + prov + " (DMARC pass)"
	}
	if !m.Trusted {
		trust = "NOT trusted: " + untrustedWhy(m.Why)
	}
	text := fmt.Sprintf("%s: %s — %s\nFrom %s %s\nReference: %s\nTransaction: %s\nSender: %s\n\n", prov, mailKind(m.Kind),
		money(m.Amount, m.Currency), firstText(m.PayerName, "(payer not named)"), m.PayerEmail, firstText(m.Reference, "none"), firstText(m.TransactionID, "none"), trust)
	switch {
	case m.Status == "applied":
		text += "Recorded as a payment"
		if p, err := is.ui.Store.Payment(context.Background(), m.PaymentID); err == nil {
			text += " of " + p.Date.String()
			if p.Reference != "" {
				text += ", reference " + p.Reference
			}
		}
		text += "."
	case m.Status == "proposed":
		cust := ""
		if c, err := is.ui.Store.Customer(context.Background(), m.CustomerID); err == nil {
			cust = c.Name
		}
		text += fmt.Sprintf("Proposed: %s (%d %% sure)\n%s\n", cust, m.Confidence, m.Reason)
		for _, a := range m.Proposal {
			text += fmt.Sprintf("  apply %s to %s\n", money(a.Amount, m.Currency), a.InvoiceNumber)
		}
	case m.Status == "new" && !is.ui.Store.ReadOnly():
		text += "No open invoice matched it. Change… records it against the invoices you choose; Reject sets it aside."
	case m.Status == "new":
		text += "No open invoice matched it."
	default:
		w := mailStatus(m.Status)
		text += strings.ToUpper(w[:1]) + w[1:] + "."
	}
	is.Detail.SetText(text)
	if m.Status == "proposed" && !is.ui.Store.ReadOnly() {
		is.Accept.Enable()
	} else {
		is.Accept.Disable()
	}
	if m.Status != "applied" && m.Status != "rejected" && !is.ui.Store.ReadOnly() {
		is.Reject.Enable()
	} else {
		is.Reject.Disable()
	}
	if changeable(m) && !is.ui.Store.ReadOnly() {
		is.Change.Enable()
	} else {
		is.Change.Disable()
	}
}

// changeable tells whether the user may record the message's payment to a customer and
// invoices of their choosing: money received, not yet recorded nor rejected. Untrusted
// senders are allowed: the user is the one acting.
func changeable(m data.MailPayment) bool {
	return m.Status != "applied" && m.Status != "rejected" && m.Kind == string(inbox.KindReceived) && m.Amount > 0
}

// AcceptSelected records the selected message's payment as proposed.
func (is *InboxScreen) AcceptSelected() {
	if is.Selected < 0 {
		return
	}
	m := is.Messages[is.Selected]
	if _, err := is.ui.Store.ApplyMailPayment(context.Background(), m.ID, m.CustomerID, m.Proposal); err != nil {
		is.ui.ShowError(err)
		return
	}
	is.ui.Changed()
	is.Reload()
}

// RejectSelected marks the selected message as not a payment to record.
func (is *InboxScreen) RejectSelected() {
	if is.Selected < 0 {
		return
	}
	if err := is.ui.Store.SetMailStatus(context.Background(), is.Messages[is.Selected].ID, "rejected"); err != nil {
		is.ui.ShowError(err)
		return
	}
	is.Reload()
}

// FetchMail reads new mail in the background with progress and Cancel; nothing is applied
// without the user.
func (is *InboxScreen) FetchMail() {
	s := is.ui.Store
	acct, err := inbox.LoadAccount(context.Background(), s)
	if err != nil {
		// no account yet: the form to set it up, with why it opened
		af := is.showAccount()
		af.Form.General.SetText("No mail account is set up yet: fill it in and save, then fetch again.")
		af.Form.General.Show()
		af.Modal.Form.Relayout()
		return
	}
	cfg, err := acct.Config()
	if err != nil {
		// no password saved (or no keyring), not signed in: the form, with the reason next to its field
		if errors.Is(err, inbox.ErrSignInAgain) {
			is.showSignInAgain(err)
			return
		}
		af := is.showAccount()
		af.Form.ShowErrors(err)
		return
	}
	is.ui.RunLong("Reading mail", "Fetching new messages from "+acct.Host+"…", func(ctx context.Context, progress func(float64)) (func(), error) {
		res, err := inbox.Reconcile(ctx, s, cfg, false, func(done, total int) {
			if total > 0 {
				progress(float64(done) / float64(total))
			}
		})
		if errors.Is(err, inbox.ErrSignInAgain) {
			// an expired or withdrawn sign-in: the account form, saying to sign in again
			return func() { is.Reload(); is.showSignInAgain(err) }, nil
		}
		if err != nil {
			return nil, err
		}
		return func() {
			is.Reload()
			msg := fmt.Sprintf("%d new messages, %d with a proposed match.", res.Stored, res.Proposed)
			if res.Warning != "" {
				msg += "\n\n" + strings.ToUpper(res.Warning[:1]) + res.Warning[1:] + "."
			}
			is.ui.ShowInfo("Mail read", msg)
		}, nil
	}, nil)
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
