package app

import (
	"context"
	"fmt"
	"image/color"
	"path/filepath"
	"strings"

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
	Busy        *widget.Activity // turns while the worklist is read

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
	LetterBtn  *widget.Button

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
	c.Title.Wrapping = fyne.TextWrapWord
	c.Busy = widget.NewActivity()
	c.Busy.Hide()
	top := container.NewVBox(container.NewBorder(nil, nil, nil, container.NewHBox(c.Busy, c.ScheduleBtn, c.SendAll, refresh), c.Title), folder, c.Drafts)

	c.Header = titleLabel("")
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
	c.LetterBtn = widget.NewButtonWithIcon("Letter…", theme.DocumentPrintIcon(), func() { c.PrintLetter() })
	c.doRow = container.NewHBox(c.Do, c.OpenBtn, c.LetterBtn)
	c.setButtons()
	buttons := container.NewVBox(c.doRow,
		container.NewGridWithColumns(3, c.LogBtn, c.PromiseBtn, c.LateBtn, c.DisputeBtn, c.ResolveBtn))
	right := container.NewBorder(container.NewVBox(c.Header, buttons, widget.NewSeparator()), nil, nil, nil,
		container.NewVScroll(c.Detail))
	split := container.NewHSplit(c.List, right)
	split.Offset = 0.55
	work := container.NewBorder(top, nil, nil, nil, split)

	c.Summary = widget.NewLabel("")
	c.Summary.Wrapping = fyne.TextWrapWord
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
	// A large file takes a moment: say so rather than show an empty list.
	c.Busy.Show()
	c.Busy.Start()
	if c.Rows == nil {
		c.Title.SetText("Worklist — reading today's work…")
	}
	c.load.Go(c.ui, func(ctx context.Context) func() {
		day := s.Today()
		rows, beh, err := collect.WorklistAndBehaviours(ctx, s, day)
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return func() {
				c.Busy.Stop()
				c.Busy.Hide()
				c.ui.ShowError(err)
			}
		}
		return func() {
			c.Busy.Stop()
			c.Busy.Hide()
			if rows == nil {
				rows = []collect.Row{}
			}
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
			if len(rows) == 0 {
				c.Title.SetText(fmt.Sprintf("Worklist for %s — nothing to do today", day))
			}
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
	if c.Rows != nil && len(c.Rows) == 0 {
		c.Detail.SetText("Nothing to do today: no reminder falls due, no promise fell due, no dispute or follow-up is waiting. " +
			"New invoices and payments bring the work back here.")
	}
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
	if len(c.disputable()) == 0 {
		c.DisputeBtn.Disable() // nothing open that is not disputed already (paid invoices are not open)
	}
	if has && len(c.Disputes) > 0 {
		c.ResolveBtn.Enable()
	} else {
		c.ResolveBtn.Disable()
	}
	if c.Customer != nil {
		c.OpenBtn.Enable()
		c.LetterBtn.Enable()
	} else {
		c.OpenBtn.Disable()
		c.LetterBtn.Disable()
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
	case r.Kind == "promise": // a broken promise: call them
		return "Call made…"
	case r.Kind == "follow-up":
		return "Follow-up done…"
	case r.Kind == "dispute":
		return "Dispute follow-up…"
	}
	return "Log contact…" // the same as the Log contact button beside it
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
