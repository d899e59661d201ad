package app

import (
	"context"
	"fmt"

	_ "duebook/app/fynelocale" // quiet Fyne about a C locale in tests and CI
	"duebook/app/inbox"
	"duebook/data"
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
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
	Messages []data.MailPayment
	Selected int // index into Messages, -1 = none
}

func newInboxScreen(ui *UI) *InboxScreen {
	is := &InboxScreen{ui: ui, Selected: -1}
	is.Detail = widget.NewLabel("Select a message to see what was read and the match proposed.")
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
			trust := ""
			if !m.Trusted {
				trust = "  ⚠ untrusted"
			}
			o.(*widget.Label).SetText(fmt.Sprintf("%s  %-8s %14s  %s  [%s]%s", m.Date, m.Provider, money(m.Amount, m.Currency),
				firstText(m.PayerName, m.PayerEmail, "?"), m.Status, trust))
		})
	is.List.OnSelected = func(id widget.ListItemID) { is.selectMsg(id) }
	is.Fetch = widget.NewButton("Fetch new mail", is.FetchMail)
	is.Accept = widget.NewButton("Accept match", is.AcceptSelected)
	is.Accept.Importance = widget.HighImportance
	is.Reject = widget.NewButton("Reject", is.RejectSelected)
	is.Accept.Disable()
	is.Reject.Disable()
	refresh := widget.NewButton("Refresh", is.Reload)
	top := container.NewHBox(is.Fetch, refresh, is.Count)
	detail := container.NewBorder(nil, container.NewHBox(is.Accept, is.Reject), nil, nil, container.NewVScroll(is.Detail))
	split := container.NewHSplit(is.List, detail)
	split.Offset = 0.6
	is.Root = container.NewBorder(top, nil, nil, nil, split)
	is.Reload()
	return is
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
		return func() {
			is.Messages = msgs
			proposed := 0
			for _, m := range msgs {
				if m.Status == "proposed" {
					proposed++
				}
			}
			is.Count.SetText(fmt.Sprintf("%d messages, %d waiting for you", len(msgs), proposed))
			is.List.UnselectAll()
			is.Selected = -1
			is.Accept.Disable()
			is.Reject.Disable()
			is.List.Refresh()
		}
	})
}

func (is *InboxScreen) selectMsg(i int) {
	if i < 0 || i >= len(is.Messages) {
		return
	}
	is.Selected = i
	m := is.Messages[i]
	trust := "trusted sender (domain on the provider's list, DMARC pass)"
	if !m.Trusted {
		trust = "NOT trusted: " + m.Why
	}
	text := fmt.Sprintf("%s %s — %s\nFrom %s %s\nReference: %s\nTransaction: %s\nSender: %s\n\n", m.Provider, m.Kind,
		money(m.Amount, m.Currency), m.PayerName, m.PayerEmail, m.Reference, m.TransactionID, trust)
	switch {
	case m.Status == "applied":
		text += fmt.Sprintf("Recorded as payment %d.", m.PaymentID)
	case m.Status == "proposed":
		cust := ""
		if c, err := is.ui.Store.Customer(context.Background(), m.CustomerID); err == nil {
			cust = c.Name
		}
		text += fmt.Sprintf("Proposed: %s (%d %% sure)\n%s\n", cust, m.Confidence, m.Reason)
		for _, a := range m.Proposal {
			text += fmt.Sprintf("  apply %s to %s\n", money(a.Amount, m.Currency), a.InvoiceNumber)
		}
	default:
		text += "No match proposed (" + m.Status + ")."
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
		is.ui.ShowError(err)
		return
	}
	cfg, err := acct.Config()
	if err != nil {
		is.ui.ShowError(err)
		return
	}
	is.ui.RunLong("Reading mail", "Fetching new messages from "+acct.Host+"…", func(ctx context.Context, progress func(float64)) (func(), error) {
		res, err := inbox.Reconcile(ctx, s, cfg, false, func(done, total int) {
			if total > 0 {
				progress(float64(done) / float64(total))
			}
		})
		if err != nil {
			return nil, err
		}
		return func() {
			is.Reload()
			is.ui.ShowInfo("Mail read", fmt.Sprintf("%d new messages, %d with a proposed match.", res.Stored, res.Proposed))
		}, nil
	}, nil)
}
