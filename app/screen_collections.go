package app

import (
	"context"
	"fmt"
	"image/color"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"duebook/app/collect"
	"duebook/app/inbox"
	"duebook/data"
	"duebook/reports"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

func init() {
	// The invoice list shows the reason recorded for each late invoice.
	LateReasons = func(ctx context.Context, s *data.Store) (map[int64]string, error) { return s.LateReasons(ctx) }
}

// CollectionsScreen is the daily collections routine: today's worklist (most urgent
// first) with, for the customer of the selected row, what is open, promised, disputed and
// the contact log, and the actions of the desk (prepare reminders, log a contact, record a
// promise, a dispute or a late-payment reason); and the monthly figures as charts.
type CollectionsScreen struct {
	ui   *UI
	Root fyne.CanvasObject
	Tabs *container.AppTabs

	// Worklist
	Title       *widget.Label
	List        *widget.List
	Rows        []collect.Row
	Behaviour   map[int64]*collect.Behaviour
	Selected    int // index into Rows, -1 = none
	Folder      *widget.Entry
	Drafts      *widget.Check
	SendAll     *widget.Button
	ScheduleBtn *widget.Button

	// Detail of the selected row's customer
	Customer   *data.Customer
	Open       []*data.Invoice
	Disputes   []data.Dispute
	Header     *widget.Label
	Detail     *widget.Label
	Do         *widget.Button // the row's own action (prepare reminder, call made, mark reviewed…)
	LogBtn     *widget.Button
	PromiseBtn *widget.Button
	DisputeBtn *widget.Button
	ResolveBtn *widget.Button
	LateBtn    *widget.Button
	OpenBtn    *widget.Button

	// Monthly figures
	Figures     []reports.MonthFigures
	Currency    string
	Charts      *fyne.Container
	Summary     *widget.Label
	Warning     *widget.Label
	LateSummary *widget.Label

	monthView *container.Scroll
	doRow     *fyne.Container

	load, detail, monthly latest
}

func newCollectionsScreen(ui *UI) *CollectionsScreen {
	c := &CollectionsScreen{ui: ui, Selected: -1}
	c.Title = heading("Collections")
	kindWidth := kindColumnWidth()
	c.List = widget.NewList(func() int { return len(c.Rows) },
		func() fyne.CanvasObject {
			kind := widget.NewLabel("")
			kind.TextStyle.Bold = true
			text := widget.NewLabel("")
			text.Truncation = fyne.TextTruncateEllipsis
			// The kind column is as wide as its widest title, so the texts line up and a
			// reused row never draws a long title over the text.
			column := canvas.NewRectangle(color.Transparent)
			column.SetMinSize(fyne.NewSize(kindWidth, 0))
			return container.NewBorder(nil, nil, container.NewStack(column, kind), nil, text)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id >= len(c.Rows) {
				return
			}
			r := c.Rows[id]
			box := o.(*fyne.Container)
			text, kind := box.Objects[0].(*widget.Label), box.Objects[1].(*fyne.Container).Objects[1].(*widget.Label)
			if r.Action != nil && r.Action.Channel() == "phone" {
				kind.SetText("Call")
			} else {
				kind.SetText(kindTitle(r.Kind))
			}
			kind.Importance = kindImportance(r.Kind)
			kind.Refresh()
			text.SetText(r.Customer + " — " + r.Do)
		})
	c.List.OnSelected = func(id widget.ListItemID) { c.selectRow(id) }
	c.Folder = widget.NewEntry()
	if ui.Store != nil {
		c.Folder.SetText(filepath.Join(filepath.Dir(ui.Store.Path()), "reminders"))
	}
	c.Drafts = widget.NewCheck("Email reminders into the mailbox's Drafts folder (else .eml files)", nil)
	if ui.Store != nil {
		if _, err := inbox.LoadAccount(context.Background(), ui.Store); err == nil {
			c.Drafts.SetChecked(true)
		}
	}
	c.SendAll = widget.NewButtonWithIcon("Prepare all reminders", theme.MailSendIcon(), c.PrepareAll)
	c.SendAll.Importance = widget.HighImportance
	refresh := widget.NewButtonWithIcon("", theme.ViewRefreshIcon(), c.Reload)
	c.ScheduleBtn = widget.NewButtonWithIcon("Schedule…", theme.SettingsIcon(), c.EditSchedule)
	if ui.Store == nil || ui.Store.ReadOnly() {
		c.ScheduleBtn.Disable()
	}
	folder := container.NewBorder(nil, nil, widget.NewLabel("Letters and .eml files go to"), nil, c.Folder)
	top := container.NewVBox(container.NewHBox(c.Title, layout.NewSpacer(), c.ScheduleBtn, c.SendAll, refresh), folder, c.Drafts)

	c.Header = heading("")
	c.Detail = widget.NewLabel("Select a row to see the customer's open invoices, promises, disputes and contact log.")
	c.Detail.Wrapping = fyne.TextWrapWord
	c.Do = widget.NewButton("Do it", c.DoSelected)
	c.Do.Importance = widget.HighImportance
	c.LogBtn = widget.NewButtonWithIcon("Log contact…", theme.DocumentCreateIcon(), c.LogContact)
	c.PromiseBtn = widget.NewButton("Promise to pay…", c.AddPromise)
	c.DisputeBtn = widget.NewButton("Dispute…", c.OpenDispute)
	c.ResolveBtn = widget.NewButton("Resolve dispute…", c.ResolveDispute)
	c.LateBtn = widget.NewButton("Late reason…", c.SetLateReason)
	c.OpenBtn = widget.NewButtonWithIcon("Customer", theme.AccountIcon(), func() {
		if c.Customer != nil {
			c.ui.SelectTab(TabCustomers)
			c.ui.Customers.Show(c.Customer.ID)
		}
	})
	c.doRow = container.NewHBox(c.Do, c.OpenBtn)
	c.setButtons()
	buttons := container.NewVBox(c.doRow,
		container.NewGridWithColumns(3, c.LogBtn, c.PromiseBtn, c.LateBtn, c.DisputeBtn, c.ResolveBtn))
	right := container.NewBorder(container.NewVBox(c.Header, buttons, widget.NewSeparator()), nil, nil, nil,
		container.NewVScroll(c.Detail))
	split := container.NewHSplit(c.List, right)
	split.Offset = 0.55
	work := container.NewBorder(top, nil, nil, nil, split)

	c.Summary = widget.NewLabel("")
	c.Warning = widget.NewLabel("")
	c.Warning.Importance = widget.DangerImportance
	c.Warning.Wrapping = fyne.TextWrapWord
	c.Warning.Hide()
	c.LateSummary = widget.NewLabel("")
	c.LateSummary.Wrapping = fyne.TextWrapWord
	c.Charts = container.NewGridWithColumns(2)
	pdf := widget.NewButtonWithIcon("Monthly report PDF…", theme.DocumentPrintIcon(), func() {
		c.ui.SelectTab(TabReports)
		c.ui.Reports.MakeMonthly()
	})
	c.monthView = container.NewVScroll(container.NewVBox(
		container.NewHBox(heading("The last 12 months"), layout.NewSpacer(), pdf),
		c.Warning, c.Summary, c.Charts, c.LateSummary))

	c.Tabs = container.NewAppTabs(container.NewTabItem("Today", work), container.NewTabItem("Monthly figures", c.monthView))
	c.Tabs.OnSelected = func(it *container.TabItem) {
		if it.Text == "Monthly figures" {
			c.ReloadMonthly()
		}
	}
	c.Root = c.Tabs
	return c
}

// kindColumnWidth is the width of the widest row kind title.
func kindColumnWidth() float32 {
	var w float32
	for _, k := range []string{"call", "reminder", "promise", "dispute", "follow-up", "review", "credit-hold"} {
		l := widget.NewLabelWithStyle(kindTitle(k), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		w = max(w, l.MinSize().Width)
	}
	return w
}

func kindTitle(k string) string {
	switch k {
	case "credit-hold":
		return "Credit hold"
	case "follow-up":
		return "Follow-up"
	}
	if k == "" {
		return ""
	}
	return strings.ToUpper(k[:1]) + k[1:]
}

func kindImportance(k string) widget.Importance {
	switch k {
	case "call", "credit-hold":
		return widget.DangerImportance
	case "reminder", "dispute":
		return widget.WarningImportance
	case "promise", "follow-up":
		return widget.HighImportance
	}
	return widget.MediumImportance
}

// Reload recomputes today's worklist off the UI goroutine (promises that fell due are
// settled on the way). The selected customer stays selected when still on the list.
func (c *CollectionsScreen) Reload() {
	s := c.ui.Store
	if s == nil {
		return
	}
	keep := int64(0)
	if c.Customer != nil {
		keep = c.Customer.ID
	}
	c.load.Go(c.ui, func(ctx context.Context) func() {
		day := s.Today()
		rows, beh, err := collect.WorklistAndBehaviours(ctx, s, day)
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return func() { c.ui.ShowError(err) }
		}
		return func() {
			c.Rows, c.Behaviour = rows, beh
			reminders := 0
			for _, r := range rows {
				if r.Action != nil && r.Action.Channel() != "phone" {
					reminders++
				}
			}
			customers := map[int64]bool{}
			for _, r := range rows {
				customers[r.CustomerID] = true
			}
			c.Title.SetText(fmt.Sprintf("Worklist for %s — %d to do for %s", day, len(rows), plural(len(customers), "customer")))
			c.SendAll.SetText(fmt.Sprintf("Prepare all reminders (%d)", reminders))
			if reminders == 0 || s.ReadOnly() {
				c.SendAll.Disable()
			} else {
				c.SendAll.Enable()
			}
			c.List.UnselectAll()
			c.Selected = -1
			c.List.Refresh()
			if keep == 0 {
				c.clearDetail()
				return
			}
			// The customer stays shown (selected if still on the list: after a promise or a
			// dispute, say, their reminder is off it).
			for i, r := range rows {
				if r.CustomerID == keep {
					c.List.Select(i)
					return
				}
			}
			c.ShowCustomer(keep)
		}
	})
}

func (c *CollectionsScreen) clearDetail() {
	c.Customer, c.Open, c.Disputes = nil, nil, nil
	c.Header.SetText("")
	c.Detail.SetText("Select a row to see the customer's open invoices, promises, disputes and contact log.")
	c.setButtons()
}

// Row is the selected worklist row (nil when none).
func (c *CollectionsScreen) Row() *collect.Row {
	if c.Selected < 0 || c.Selected >= len(c.Rows) {
		return nil
	}
	return &c.Rows[c.Selected]
}

func (c *CollectionsScreen) selectRow(i int) {
	if i < 0 || i >= len(c.Rows) {
		return
	}
	c.Selected = i
	c.ShowCustomer(c.Rows[i].CustomerID)
}

// ShowCustomer loads the detail of one customer (open invoices, promises, disputes,
// contacts, reminders sent, payment behaviour) off the UI goroutine.
func (c *CollectionsScreen) ShowCustomer(id int64) {
	s := c.ui.Store
	beh := c.Behaviour[id]
	c.detail.Go(c.ui, func(ctx context.Context) func() {
		d, err := loadCustomerDetail(ctx, s, id)
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return func() { c.ui.ShowError(err) }
		}
		text := d.text(s.Today(), beh)
		return func() {
			c.Customer, c.Open, c.Disputes = d.customer, d.open, d.disputes
			c.Header.SetText(d.customer.Name)
			c.Detail.SetText(text)
			c.setButtons()
		}
	})
}

type customerDetail struct {
	customer  *data.Customer
	open      []*data.Invoice
	promises  []data.Promise
	disputes  []data.Dispute // open ones
	acts      []data.Activity
	reminders []data.ReminderEntry
	late      map[int64]string
}

func loadCustomerDetail(ctx context.Context, s *data.Store, id int64) (*customerDetail, error) {
	d := &customerDetail{}
	var err error
	if d.customer, err = s.Customer(ctx, id); err != nil {
		return nil, err
	}
	if d.open, err = s.OpenItems(ctx, id); err != nil {
		return nil, err
	}
	if d.promises, err = s.Promises(ctx, id, ""); err != nil {
		return nil, err
	}
	if d.disputes, err = s.CustomerDisputes(ctx, id, true); err != nil {
		return nil, err
	}
	if d.acts, err = s.Activities(ctx, id); err != nil {
		return nil, err
	}
	if d.reminders, err = s.Reminders(ctx, id); err != nil {
		return nil, err
	}
	if d.late, err = s.CustomerLateReasons(ctx, id); err != nil {
		return nil, err
	}
	return d, nil
}

// text is what the detail panel says about the customer.
func (d *customerDetail) text(today data.Date, b *collect.Behaviour) string {
	c := d.customer
	var w strings.Builder
	contact := firstText(c.Contact, c.Name)
	if c.Phone != "" {
		contact += " · " + c.Phone
	}
	if len(c.Emails) > 0 {
		contact += " · " + strings.Join(c.Emails, ", ")
	}
	fmt.Fprintf(&w, "%s\nReminders by %s · terms %d days", contact, c.Channel, c.TermsDays)
	if c.CreditHold {
		w.WriteString(" · ON CREDIT HOLD")
	}
	w.WriteString("\n")
	if b != nil {
		fmt.Fprintf(&w, "Risk %s · pays %s · %s on time · promises kept %d, broken %d\n", b.Segment,
			daysToPay(b.AvgDaysToPay), bp(b.OnTimeBP), b.KeptPromises, b.BrokenPromises)
		if b.SuggestHold && !c.CreditHold {
			fmt.Fprintf(&w, "Consider a credit hold: %s\n", b.HoldReason)
		}
	}
	disputed := map[int64]string{}
	for _, x := range d.disputes {
		disputed[x.InvoiceID] = x.Reason
	}
	var total, overdue int64
	fmt.Fprintf(&w, "\nOpen invoices (%d)\n", len(d.open))
	for _, inv := range d.open {
		total += inv.OpenAmount
		days := today.DaysSince(inv.DueDate)
		state := fmt.Sprintf("due %s", inv.DueDate)
		if days > 0 {
			overdue += inv.OpenAmount
			state = fmt.Sprintf("%d days overdue", days)
		}
		fmt.Fprintf(&w, "  %s  %s  %s", inv.Number, money(inv.OpenAmount, inv.Currency), state)
		if r, ok := disputed[inv.ID]; ok {
			fmt.Fprintf(&w, "  · DISPUTED: %s", r)
		}
		if r := d.late[inv.ID]; r != "" {
			fmt.Fprintf(&w, "  · late: %s", r)
		}
		w.WriteString("\n")
	}
	if len(d.open) > 0 {
		fmt.Fprintf(&w, "  Total %s, of which overdue %s\n", money(total, c.Currency), money(overdue, c.Currency))
	}
	if len(d.promises) > 0 {
		w.WriteString("\nPromises to pay\n")
		for i, p := range d.promises {
			if i == 5 {
				break
			}
			fmt.Fprintf(&w, "  %s by %s (made %s): %s", money(p.Amount, c.Currency), p.PromisedDate, p.MadeOn, p.Status)
			if p.Note != "" {
				fmt.Fprintf(&w, " — %s", p.Note)
			}
			w.WriteString("\n")
		}
	}
	if len(d.disputes) > 0 {
		w.WriteString("\nOpen disputes (reminders paused for these invoices)\n")
		for _, x := range d.disputes {
			fmt.Fprintf(&w, "  %s since %s: %s\n", x.InvoiceNumber, x.Opened, x.Reason)
		}
	}
	if n := len(d.reminders); n > 0 {
		last := d.reminders[n-1]
		fmt.Fprintf(&w, "\nReminders sent: %d, the last %s (%s, by %s)\n", n, last.Date, last.StepName, last.Channel)
	}
	w.WriteString("\nContact log\n")
	if len(d.acts) == 0 {
		w.WriteString("  nothing logged yet\n")
	}
	for i, a := range d.acts {
		if i == 12 {
			fmt.Fprintf(&w, "  … %d older\n", len(d.acts)-12)
			break
		}
		fmt.Fprintf(&w, "  %s  %-8s %s", a.Date, a.Kind, firstText(a.Outcome, "—"))
		if a.Note != "" {
			fmt.Fprintf(&w, ": %s", strings.ReplaceAll(a.Note, "\n", " "))
		}
		if !a.NextFollowUp.IsZero() {
			fmt.Fprintf(&w, " (follow up %s)", a.NextFollowUp)
		}
		w.WriteString("\n")
	}
	return w.String()
}

func daysToPay(d int) string {
	switch {
	case d < 0:
		return fmt.Sprintf("%d days early", -d)
	case d == 0:
		return "on the due date"
	}
	return fmt.Sprintf("%d days late", d)
}

func (c *CollectionsScreen) setButtons() {
	ro := c.ui.Store == nil || c.ui.Store.ReadOnly()
	has := c.Customer != nil && !ro
	for _, b := range []*widget.Button{c.LogBtn, c.PromiseBtn, c.DisputeBtn, c.LateBtn} {
		if has {
			b.Enable()
		} else {
			b.Disable()
		}
	}
	if has && len(c.Disputes) > 0 {
		c.ResolveBtn.Enable()
	} else {
		c.ResolveBtn.Disable()
	}
	if c.Customer != nil {
		c.OpenBtn.Enable()
	} else {
		c.OpenBtn.Disable()
	}
	r := c.Row()
	c.Do.SetText(doText(r))
	c.doRow.Refresh()
	if r == nil || !has || r.CustomerID != c.Customer.ID {
		c.Do.Disable()
		return
	}
	c.Do.Enable()
}

// doText names the selected row's own action.
func doText(r *collect.Row) string {
	if r == nil {
		return "Do it"
	}
	switch {
	case r.Action != nil && r.Action.Channel() == "phone":
		return "Call made…"
	case r.Action != nil && r.Action.Channel() == string(data.ChannelMail):
		return "Print letter"
	case r.Action != nil:
		return "Prepare email"
	case r.Kind == "review":
		return "Mark reviewed"
	case r.Kind == "credit-hold":
		return "Put on credit hold"
	}
	return "Log contact…"
}

// DoSelected carries out the selected row's own action.
func (c *CollectionsScreen) DoSelected() {
	r := c.Row()
	if r == nil {
		return
	}
	ctx := context.Background()
	switch {
	case r.Action != nil && r.Action.Channel() == "phone":
		c.callMade(*r.Action)
	case r.Action != nil:
		c.prepare([]collect.Action{*r.Action})
	case r.Kind == "review":
		if err := c.ui.Store.MarkReviewed(ctx, r.CustomerID); err != nil {
			c.ui.ShowError(err)
			return
		}
		c.changed()
	case r.Kind == "credit-hold":
		c.ui.ShowModal("Credit hold", fmt.Sprintf("Put %s on credit hold? New invoices for them will warn before posting.", r.Customer), nil,
			ModalButton{Text: "Put on hold", Main: true, Action: func() bool {
				if err := c.ui.Store.SetCreditHold(ctx, r.CustomerID, true); err != nil {
					c.ui.ShowError(err)
					return true
				}
				c.changed()
				return true
			}}, ModalButton{Text: "Cancel"})
	default:
		c.LogContact()
	}
}

// changed re-reads the worklist and the other screens after a write.
func (c *CollectionsScreen) changed() {
	c.ui.Changed()
	c.Reload()
}

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
	opts := []string{}
	ids := map[string]int64{}
	if account != "" {
		opts = append(opts, account)
		ids[account] = 0
	}
	for _, inv := range c.Open {
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
		strings.Join(a.Numbers(), ", "), money(a.Total, a.Customer.Currency)), f, "Save call", func() error {
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
// to their fields and keep the dialog open; after a save the screens are read again.
func (c *CollectionsScreen) formDialog(title, msg string, f *Form, verb string, save func() error) {
	c.ui.ShowModal(title, msg, f.Object(),
		ModalButton{Text: verb, Main: true, Action: func() bool {
			if f.ShowErrors(save()) {
				return false
			}
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
	kinds := []string{"call", "email", "letter", "note"}
	f.Choice("kind", "Kind", kinds).Select.SetSelected("call")
	opts, ids := c.invoiceChoices("the whole account")
	f.Choice("invoice", "About", opts).Select.SetSelected(opts[0])
	f.Entry("date", "Date", "YYYY-MM-DD").SetText(c.ui.Today().String())
	f.Entry("outcome", "Outcome", "e.g. left message; will pay Friday")
	f.MultiLine("note", "Note", "")
	f.Entry("next_follow_up", "Next follow-up", "YYYY-MM-DD (optional)")
	c.formDialog("Log contact with "+cust.Name, "", f, "Save", func() error {
		var v fieldErrors
		day := parseDateField(&v, "date", f.Field("date").Text(), true)
		next := parseDateField(&v, "next_follow_up", f.Field("next_follow_up").Text(), false)
		if err := errOrNil(v); err != nil {
			return err
		}
		return c.ui.Store.LogActivity(context.Background(), &data.Activity{CustomerID: cust.ID, InvoiceID: ids[f.Field("invoice").Text()],
			Kind: f.Field("kind").Text(), Date: day, Outcome: strings.TrimSpace(f.Field("outcome").Text()),
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
	c.formDialog("Promise to pay — "+cust.Name, msg, f, "Record promise", func() error {
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
	if len(c.Open) == 0 {
		c.ui.ShowInfo("Dispute", cust.Name+" has no open invoice to dispute.")
		return
	}
	f := NewForm()
	opts, ids := c.invoiceChoices("")
	f.Choice("invoice", "Invoice", opts)
	f.Entry("reason", "Reason", "e.g. goods damaged; price disagreed")
	c.formDialog("Dispute — "+cust.Name, "While the dispute is open no reminder goes out for that invoice.", f, "Record dispute", func() error {
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
	c.formDialog("Resolve dispute — "+c.Customer.Name, "", f, "Resolve", func() error {
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
	c.formDialog("Why is it late? — "+cust.Name, "The reasons are counted in the monthly report.", f, "Save", func() error {
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

// ReloadMonthly computes the last 12 months' figures off the UI goroutine and draws them.
func (c *CollectionsScreen) ReloadMonthly() {
	s := c.ui.Store
	if s == nil {
		return
	}
	c.Summary.SetText("Computing the figures of the last 12 months…")
	c.monthly.Go(c.ui, func(ctx context.Context) func() {
		figs, cur, err := reports.Monthly(ctx, s, s.Today())
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return func() { c.ui.ShowError(err) }
		}
		late, err := s.LateReasonCounts(ctx)
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return func() { c.ui.ShowError(err) }
		}
		return func() { c.showMonthly(figs, cur, late) }
	})
}

func bp(v int) string { return fmt.Sprintf("%d.%d %%", v/100, v%100/10) }

func (c *CollectionsScreen) showMonthly(figs []reports.MonthFigures, cur string, late map[string]int) {
	c.Figures, c.Currency = figs, cur
	if len(figs) == 0 {
		return
	}
	last := figs[len(figs)-1]
	c.Summary.SetText(fmt.Sprintf("%s: opening A/R %s · invoiced %s · collected %s · written off %s · closing A/R %s\n"+
		"DSO %d days · overdue %s of A/R · default rate (over 90 days or written off) %s",
		last.Label(), money(last.Opening, cur), money(last.Invoiced, cur), money(last.Collected, cur),
		money(last.WrittenOff, cur), money(last.Closing, cur), last.DSO, bp(last.OverdueBP), bp(last.DefaultBP)))
	warn := ""
	for _, f := range figs {
		if f.Warning != "" {
			warn = f.Month.Format("Jan 2006") + ": " + f.Warning
		}
	}
	if warn != "" {
		c.Warning.SetText("⚠ " + warn)
		c.Warning.Show()
	} else {
		c.Warning.Hide()
	}
	amount := func(v int64) string { return money(v, cur) }
	c.Charts.Objects = []fyne.CanvasObject{
		newMonthChart("Closing A/R", figs, func(f reports.MonthFigures) int64 { return f.Closing }, amount, theme.Color(theme.ColorNamePrimary)),
		newMonthChart("Collected", figs, func(f reports.MonthFigures) int64 { return f.Collected }, amount, theme.Color(theme.ColorNameSuccess)),
		newMonthChart("Invoiced", figs, func(f reports.MonthFigures) int64 { return f.Invoiced }, amount, theme.Color(theme.ColorNamePrimary)),
		newMonthChart("DSO (days)", figs, func(f reports.MonthFigures) int64 { return int64(f.DSO) }, func(v int64) string { return fmt.Sprintf("%d days", v) }, theme.Color(theme.ColorNameWarning)),
		newMonthChart("Overdue share", figs, func(f reports.MonthFigures) int64 { return int64(f.OverdueBP) }, func(v int64) string { return bp(int(v)) }, theme.Color(theme.ColorNameWarning)),
		newMonthChart("Default rate", figs, func(f reports.MonthFigures) int64 { return int64(f.DefaultBP) }, func(v int64) string { return bp(int(v)) }, theme.Color(theme.ColorNameError)),
	}
	c.Charts.Refresh()
	var lines []string
	titles, codes := lateReasonTitles()
	for _, t := range titles {
		if n := late[codes[t]]; n > 0 {
			lines = append(lines, fmt.Sprintf("%s %d", t, n))
		}
	}
	if len(lines) == 0 {
		c.LateSummary.SetText("Late-payment reasons: none recorded yet (Today → Late reason…).")
	} else {
		c.LateSummary.SetText("Late-payment reasons recorded: " + strings.Join(lines, " · "))
	}
	c.monthView.Content.Refresh()
	c.monthView.Refresh()
}

// MonthChart is a bar chart of one figure over the months, the latest value in its title.
type MonthChart struct {
	widget.BaseWidget
	Title  string
	Values []int64
	Labels []string
	Text   func(int64) string
	color  color.Color
}

func newMonthChart(title string, figs []reports.MonthFigures, val func(reports.MonthFigures) int64, text func(int64) string, col color.Color) *MonthChart {
	ch := &MonthChart{Title: title, Text: text, color: col}
	for _, f := range figs {
		ch.Values = append(ch.Values, val(f))
		ch.Labels = append(ch.Labels, f.Month.Format("Jan"))
	}
	ch.ExtendBaseWidget(ch)
	return ch
}

// Caption is the chart's title with the latest value.
func (ch *MonthChart) Caption() string {
	if len(ch.Values) == 0 {
		return ch.Title
	}
	return ch.Title + ": " + ch.Text(ch.Values[len(ch.Values)-1])
}

func (ch *MonthChart) CreateRenderer() fyne.WidgetRenderer {
	title := widget.NewLabel(ch.Caption())
	title.TextStyle.Bold = true
	r := &chartRenderer{ch: ch, title: title}
	var max int64
	for _, v := range ch.Values {
		if v > max {
			max = v
		}
	}
	r.max = max
	for i := range ch.Values {
		bar := canvas.NewRectangle(ch.color)
		lbl := canvas.NewText(ch.Labels[i], theme.Color(theme.ColorNameForeground))
		lbl.TextSize = theme.CaptionTextSize()
		lbl.Alignment = fyne.TextAlignCenter
		r.bars = append(r.bars, bar)
		r.labels = append(r.labels, lbl)
	}
	r.top = canvas.NewText(ch.Text(max), theme.Color(theme.ColorNameDisabled))
	r.top.TextSize = theme.CaptionTextSize()
	r.axis = canvas.NewLine(theme.Color(theme.ColorNameDisabled))
	return r
}

type chartRenderer struct {
	ch     *MonthChart
	title  *widget.Label
	bars   []*canvas.Rectangle
	labels []*canvas.Text
	top    *canvas.Text
	axis   *canvas.Line
	max    int64
}

func (r *chartRenderer) Layout(size fyne.Size) {
	th := r.title.MinSize().Height
	r.title.Move(fyne.NewPos(0, 0))
	r.title.Resize(fyne.NewSize(size.Width, th))
	lh := theme.CaptionTextSize() + 4
	topH := lh
	r.top.Move(fyne.NewPos(theme.Padding(), th))
	area := size.Height - th - topH - lh
	base := th + topH + area
	r.axis.Position1 = fyne.NewPos(0, base)
	r.axis.Position2 = fyne.NewPos(size.Width, base)
	n := len(r.bars)
	if n == 0 || area <= 0 {
		return
	}
	w := size.Width / float32(n)
	for i, bar := range r.bars {
		h := float32(0)
		if r.max > 0 && r.ch.Values[i] > 0 {
			h = area * float32(float64(r.ch.Values[i])/float64(r.max))
			if h < 1 {
				h = 1
			}
		}
		x := float32(i) * w
		bar.Move(fyne.NewPos(x+w*0.15, base-h))
		bar.Resize(fyne.NewSize(w*0.7, h))
		r.labels[i].Move(fyne.NewPos(x, base+1))
		r.labels[i].Resize(fyne.NewSize(w, lh))
	}
}

func (r *chartRenderer) MinSize() fyne.Size {
	return fyne.NewSize(float32(len(r.bars))*26, r.title.MinSize().Height+150)
}

func (r *chartRenderer) Refresh() {
	r.title.SetText(r.ch.Caption())
	for _, b := range r.bars {
		b.FillColor = r.ch.color
		b.Refresh()
	}
	for _, l := range r.labels {
		l.Color = theme.Color(theme.ColorNameForeground)
		l.Refresh()
	}
}

func (r *chartRenderer) Objects() []fyne.CanvasObject {
	objs := []fyne.CanvasObject{r.title, r.top, r.axis}
	for i := range r.bars {
		objs = append(objs, r.bars[i], r.labels[i])
	}
	return objs
}

func (r *chartRenderer) Destroy() {}
