package app

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"duebook/app/collect"
	"duebook/app/inbox"
	"duebook/data"
	"duebook/reports"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// EditSchedule changes the reminder schedule (days from the due date and the step sent).
func (c *CollectionsScreen) EditSchedule() {
	ctx := context.Background()
	sc, err := collect.LoadSchedule(ctx, c.ui.Store)
	if err != nil {
		c.ui.ShowError(err)
		return
	}
	f := NewForm()
	f.Entry("schedule", "Steps", "-7:friendly,3:reminder,14:firm,30:final,45:escalate").SetText(sc.String())
	now := widget.NewLabel(collect.DescribeSchedule(sc))
	f.Field("schedule").Entry.OnChanged = func(text string) {
		if sc, err := collect.ParseSchedule(text); err == nil {
			now.SetText(collect.DescribeSchedule(sc))
		}
	}
	c.ui.ShowModal("Reminder schedule", "Each step is DAYS:STEP, days counted from the due date (negative: before it). "+
		"Steps are friendly, reminder, firm, final and escalate (a phone call). Each invoice gets each step once; "+
		"after days the program was closed only the latest step due is sent.", container.NewVBox(f.Object(), now),
		ModalButton{Text: "Save", Main: true, Action: func() bool {
			if f.ShowErrors(collect.SaveSchedule(ctx, c.ui.Store, f.Field("schedule").Text())) {
				return false
			}
			c.changed()
			return true
		}},
		ModalButton{Text: "Restore default", Action: func() bool {
			f.Field("schedule").SetText(collect.DefaultSchedule.String())
			return false
		}},
		ModalButton{Text: "Cancel"}).SetForm(f)
}

// PrepareAll prepares every reminder of today's worklist that goes out by email or letter
// (phone calls stay on the list until they are made).
func (c *CollectionsScreen) PrepareAll() {
	var acts []collect.Action
	for _, r := range c.Rows {
		if r.Action != nil && r.Action.Channel() != "phone" {
			acts = append(acts, *r.Action)
		}
	}
	if len(acts) == 0 {
		c.ui.ShowInfo("Reminders", "No email or letter reminder is due today.")
		return
	}
	c.prepare(acts)
}

// letterLayout picks the window-envelope layout from the customer's country: US #10 for the
// United States and Canada (and no country), DIN 5008 elsewhere.
func letterLayout(cust *data.Customer) reports.Layout {
	switch strings.ToUpper(strings.TrimSpace(cust.Country)) {
	case "", "US", "USA", "UNITED STATES", "CA", "CANADA":
		return reports.LayoutUS10
	}
	return reports.LayoutDIN5008
}

// prepare composes the reminders (emails into Drafts or as .eml files, letters as PDFs) in
// the background and records each as sent once its file or draft exists. A reminder that
// cannot be prepared is reported and stays on the list.
func (c *CollectionsScreen) prepare(acts []collect.Action) {
	s, comp := c.ui.Store, c.ui.Company
	day := s.Today()
	dir := strings.TrimSpace(c.Folder.Text)
	if dir == "" {
		c.ui.ShowError(&data.FieldError{Field: "folder", Msg: "say where letters and .eml files go"})
		return
	}
	var cfg inbox.Config
	drafts := false
	if c.Drafts.Checked {
		acct, err := inbox.LoadAccount(context.Background(), s)
		if err == nil {
			cfg, err = acct.Config()
		}
		if err != nil {
			c.ui.ShowError(fmt.Errorf("Drafts folder: %w (untick the Drafts box to save .eml files instead)", err))
			return
		}
		drafts = true
	}
	c.ui.RunLong("Reminders", fmt.Sprintf("Preparing %d reminder(s)…", len(acts)), func(ctx context.Context, progress func(float64)) (func(), error) {
		var done, failed []string
		for i, a := range acts {
			if ctx.Err() != nil {
				break
			}
			where, err := prepareOne(ctx, comp, a, day, dir, drafts, cfg)
			if err == nil {
				err = collect.MarkSent(ctx, s, a, day)
			}
			if err != nil {
				failed = append(failed, fmt.Sprintf("%s: %v", a.Customer.Name, err))
			} else {
				done = append(done, fmt.Sprintf("%s: %s reminder for %s → %s", a.Customer.Name, a.Step.Name, strings.Join(a.Numbers(), ", "), where))
			}
			progress(float64(i+1) / float64(len(acts)))
		}
		return func() {
			msg := fmt.Sprintf("%d reminder(s) prepared and recorded as sent:\n%s", len(done), strings.Join(done, "\n"))
			if len(failed) > 0 {
				msg += fmt.Sprintf("\n\n%d could not be prepared (still on the list):\n%s", len(failed), strings.Join(failed, "\n"))
			}
			c.changed()
			c.ui.ShowInfo("Reminders", msg)
		}, nil
	}, c.changed)
}

func prepareOne(ctx context.Context, comp data.Company, a collect.Action, day data.Date, dir string, drafts bool, cfg inbox.Config) (string, error) {
	if a.Channel() == string(data.ChannelMail) {
		return collect.SaveLetter(dir, comp, a, day, letterLayout(a.Customer))
	}
	raw, err := collect.ComposeReminder(comp, a, day, time.Now())
	if err != nil {
		return "", err
	}
	if drafts {
		return "Drafts", collect.AppendToDrafts(ctx, cfg, raw)
	}
	return collect.SaveEML(dir, a, day, raw)
}

// invoiceChoices lists the customer's open invoices for a drop-down ("" first = the account).
func (c *CollectionsScreen) invoiceChoices(account string) ([]string, map[string]int64) {
	return invoiceChoices(c.Open, account)
}

// disputable is the customer's open invoices (something left to pay) without an open
// dispute: the ones the Dispute action offers. A paid, void or draft invoice is never
// open, and the store refuses a dispute on one (data.OpenDispute).
func (c *CollectionsScreen) disputable() []*data.Invoice {
	disputed := map[int64]bool{}
	for _, d := range c.Disputes {
		disputed[d.InvoiceID] = true
	}
	var out []*data.Invoice
	for _, inv := range c.Open {
		if inv.OpenAmount > 0 && !disputed[inv.ID] {
			out = append(out, inv)
		}
	}
	return out
}

func invoiceChoices(invs []*data.Invoice, account string) ([]string, map[string]int64) {
	opts := []string{}
	ids := map[string]int64{}
	if account != "" {
		opts = append(opts, account)
		ids[account] = 0
	}
	for _, inv := range invs {
		l := fmt.Sprintf("%s · %s open · due %s", inv.Number, money(inv.OpenAmount, inv.Currency), inv.DueDate)
		opts = append(opts, l)
		ids[l] = inv.ID
	}
	return opts, ids
}

// callMade records the escalate step's phone call with what it brought.
func (c *CollectionsScreen) callMade(a collect.Action) {
	f := NewForm()
	f.Entry("outcome", "Outcome", "e.g. will pay Friday; no answer; left message")
	f.MultiLine("note", "Note", "")
	f.Entry("next_follow_up", "Next follow-up", "YYYY-MM-DD (optional)")
	who := firstText(a.Customer.Contact, a.Customer.Name)
	c.formDialog("Call "+a.Customer.Name, fmt.Sprintf("Call %s at %s about %s (%s).", who, firstText(a.Customer.Phone, "(no phone on file)"),
		strings.Join(a.Numbers(), ", "), money(a.Total, a.Customer.Currency)), f, "Save call", "Call with "+a.Customer.Name+" logged.", func() error {
		var v fieldErrors
		next := parseDateField(&v, "next_follow_up", f.Field("next_follow_up").Text(), false)
		if err := errOrNil(v); err != nil {
			return err
		}
		return collect.MarkCalled(context.Background(), c.ui.Store, a, c.ui.Today(), strings.TrimSpace(f.Field("outcome").Text()),
			strings.TrimSpace(f.Field("note").Text()), next)
	})
}

// formDialog shows the form f with a main button (verb) that runs save: its errors go next
// to their fields and keep the dialog open; after a save the notice says done and the
// screens are read again.
func (c *CollectionsScreen) formDialog(title, msg string, f *Form, verb, done string, save func() error) {
	cur := ""
	if c.Customer != nil {
		cur = c.Customer.Currency
	}
	f.Live(basicCheck(f, cur)) // dates and amounts are checked as they are typed
	c.ui.ShowModal(title, msg, f.Object(),
		ModalButton{Text: verb, Main: true, Action: func() bool {
			if f.ShowErrors(save()) {
				return false
			}
			c.ui.Notify(done)
			c.changed()
			return true
		}},
		ModalButton{Text: "Cancel"}).SetForm(f)
}

// LogContact records an email, call, letter or note with its outcome and next follow-up.
func (c *CollectionsScreen) LogContact() {
	cust := c.Customer
	if cust == nil {
		return
	}
	f := NewForm()
	kinds := []string{contactCall, contactEmail, contactLetter, contactNote}
	f.Choice("kind", "Kind", kinds).Select.SetSelected(contactCall)
	opts, ids := c.invoiceChoices("the whole account")
	f.Choice("invoice", "About", opts).Select.SetSelected(opts[0])
	f.Entry("date", "Date", "YYYY-MM-DD").SetText(c.ui.Today().String())
	f.Entry("outcome", "Outcome", "e.g. left message; will pay Friday")
	f.MultiLine("note", "Note", "")
	f.Entry("next_follow_up", "Next follow-up", "YYYY-MM-DD (optional)")
	c.formDialog("Log contact with "+cust.Name, "", f, "Save", "Contact with "+cust.Name+" logged.", func() error {
		var v fieldErrors
		day := parseDateField(&v, "date", f.Field("date").Text(), true)
		next := parseDateField(&v, "next_follow_up", f.Field("next_follow_up").Text(), false)
		if err := errOrNil(v); err != nil {
			return err
		}
		return c.ui.Store.LogActivity(context.Background(), &data.Activity{CustomerID: cust.ID, InvoiceID: ids[f.Field("invoice").Text()],
			Kind: contactKinds[f.Field("kind").Text()], Date: day, Outcome: strings.TrimSpace(f.Field("outcome").Text()),
			Note: strings.TrimSpace(f.Field("note").Text()), NextFollowUp: next})
	})
}

// AddPromise records a promise to pay (with a call in the contact log, in one transaction).
func (c *CollectionsScreen) AddPromise() {
	cust := c.Customer
	if cust == nil {
		return
	}
	today := c.ui.Today()
	var overdue int64
	for _, inv := range c.Open {
		if today.After(inv.DueDate) {
			overdue += inv.OpenAmount
		}
	}
	f := NewForm()
	opts, ids := c.invoiceChoices("the account (overdue invoices)")
	f.Choice("invoice", "For", opts).Select.SetSelected(opts[0])
	f.Entry("amount", "Amount ("+cust.Currency+")", "").SetText(data.FormatAmount(overdue, cust.Currency))
	f.Entry("promised_date", "Will pay by", "YYYY-MM-DD").SetText(today.AddDays(7).String())
	f.Entry("note", "Note", "e.g. said on the phone by Jane")
	f.Field("invoice").Select.OnChanged = func(s string) {
		for _, inv := range c.Open {
			if ids[s] == inv.ID {
				f.Field("amount").SetText(data.FormatAmount(inv.OpenAmount, inv.Currency))
			}
		}
	}
	msg := fmt.Sprintf("Kept if the amount is paid by the date (%d days' grace); broken otherwise, which puts a call on the worklist.",
		data.PromiseGraceDays)
	c.formDialog("Promise to pay — "+cust.Name, msg, f, "Record promise", "Promise from "+cust.Name+" recorded.", func() error {
		var v fieldErrors
		amt := parseAmountField(&v, "amount", f.Field("amount").Text(), cust.Currency, true)
		by := parseDateField(&v, "promised_date", f.Field("promised_date").Text(), true)
		if err := errOrNil(v); err != nil {
			return err
		}
		p := &data.Promise{CustomerID: cust.ID, InvoiceID: ids[f.Field("invoice").Text()], MadeOn: today, PromisedDate: by,
			Amount: amt, Note: strings.TrimSpace(f.Field("note").Text())}
		return c.ui.Store.AddPromiseByCall(context.Background(), p)
	})
}

// OpenDispute records the customer's objection to an invoice; its reminders pause.
func (c *CollectionsScreen) OpenDispute() {
	cust := c.Customer
	if cust == nil {
		return
	}
	invs := c.disputable()
	if len(invs) == 0 {
		c.ui.ShowInfo("Dispute", cust.Name+" has no open invoice that is not disputed already.")
		return
	}
	f := NewForm()
	opts, ids := invoiceChoices(invs, "")
	f.Choice("invoice", "Invoice", opts)
	f.Entry("reason", "Reason", "e.g. goods damaged; price disagreed")
	c.formDialog("Dispute — "+cust.Name, "While the dispute is open no reminder goes out for that invoice.", f, "Record dispute", "Dispute for "+cust.Name+" recorded; its reminders pause.", func() error {
		id, ok := ids[f.Field("invoice").Text()]
		if !ok {
			return &data.FieldError{Field: "invoice", Msg: "choose the invoice disputed"}
		}
		return c.ui.Store.OpenDispute(context.Background(), &data.Dispute{InvoiceID: id, Reason: f.Field("reason").Text()})
	})
}

// ResolveDispute closes one of the customer's open disputes; reminders resume.
func (c *CollectionsScreen) ResolveDispute() {
	if c.Customer == nil || len(c.Disputes) == 0 {
		return
	}
	f := NewForm()
	var opts []string
	ids := map[string]int64{}
	for _, d := range c.Disputes {
		l := fmt.Sprintf("%s since %s: %s", d.InvoiceNumber, d.Opened, d.Reason)
		opts = append(opts, l)
		ids[l] = d.ID
	}
	f.Choice("dispute", "Dispute", opts).Select.SetSelected(opts[0])
	f.Entry("resolution", "Resolution", "e.g. credit note issued for the damaged part")
	f.Entry("date", "Resolved on", "YYYY-MM-DD").SetText(c.ui.Today().String())
	c.formDialog("Resolve dispute — "+c.Customer.Name, "", f, "Resolve", "Dispute for "+c.Customer.Name+" resolved.", func() error {
		var v fieldErrors
		day := parseDateField(&v, "date", f.Field("date").Text(), true)
		if err := errOrNil(v); err != nil {
			return err
		}
		return c.ui.Store.ResolveDispute(context.Background(), ids[f.Field("dispute").Text()], f.Field("resolution").Text(), day)
	})
}

// lateReasonTitles are the reason codes' titles in a fixed order, with the code per title.
func lateReasonTitles() ([]string, map[string]string) {
	codes := make([]string, 0, len(data.LateReasonCodes))
	for code := range data.LateReasonCodes {
		codes = append(codes, code)
	}
	sort.Slice(codes, func(i, j int) bool {
		if codes[i] == "other" || codes[j] == "other" {
			return codes[j] == "other" && codes[i] != "other"
		}
		return data.LateReasonCodes[codes[i]] < data.LateReasonCodes[codes[j]]
	})
	titles := make([]string, len(codes))
	byTitle := map[string]string{}
	for i, code := range codes {
		titles[i] = data.LateReasonCodes[code]
		byTitle[titles[i]] = code
	}
	return titles, byTitle
}

// SetLateReason records why one of the customer's invoices is paid late.
func (c *CollectionsScreen) SetLateReason() {
	cust := c.Customer
	if cust == nil {
		return
	}
	if len(c.Open) == 0 {
		c.ui.ShowInfo("Late reason", cust.Name+" has no open invoice.")
		return
	}
	f := NewForm()
	opts, ids := c.invoiceChoices("")
	today := c.ui.Today()
	f.Choice("invoice", "Invoice", opts)
	for i, inv := range c.Open { // the oldest overdue one first
		if today.After(inv.DueDate) {
			f.Field("invoice").Select.SetSelected(opts[i])
			break
		}
	}
	titles, codes := lateReasonTitles()
	f.Choice("reason", "Reason", titles)
	f.Entry("note", "Note", "required for Other")
	c.formDialog("Why is it late? — "+cust.Name, "The reasons are counted in the monthly report.", f, "Save", "Late reason for "+cust.Name+" saved.", func() error {
		var v fieldErrors
		id, ok := ids[f.Field("invoice").Text()]
		if !ok {
			addErr(&v, "invoice", "choose the invoice")
		}
		code, ok := codes[f.Field("reason").Text()]
		if !ok {
			addErr(&v, "reason", "choose a reason")
		}
		if err := errOrNil(v); err != nil {
			return err
		}
		return c.ui.Store.SetLateReason(context.Background(), id, code, f.Field("note").Text())
	})
}

// The kinds of contact as the user reads them, and the activity kinds the store keeps.
const (
	contactCall   = "Phone call"
	contactEmail  = "Email"
	contactLetter = "Letter"
	contactNote   = "Note"
)

var contactKinds = map[string]string{contactCall: "call", contactEmail: "email", contactLetter: "letter", contactNote: "note"}
