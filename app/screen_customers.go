package app

import (
	"context"
	"fmt"
	"strings"

	"duebook/data"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// CustomersScreen is the searchable customer list with a detail pane or an edit form.
type CustomersScreen struct {
	ui        *UI
	Root      fyne.CanvasObject
	Search    *widget.Entry
	NewButton *widget.Button
	List      *widget.List
	Count     *widget.Label
	Detail    *CustomerDetail
	Form      *CustomerForm // the form shown (nil when the detail is shown)

	all      []*data.Customer
	shown    []*data.Customer
	balances map[int64]data.OpenBalance
	right    *fyne.Container
	selected int64
	load     latest
}

func newCustomersScreen(ui *UI) *CustomersScreen {
	cs := &CustomersScreen{ui: ui}
	cs.Search = widget.NewEntry()
	cs.Search.SetPlaceHolder("Search name, contact, email, phone, city (Ctrl+F)")
	cs.Search.OnChanged = func(string) { cs.filter() }
	cs.NewButton = widget.NewButtonWithIcon("New customer", theme.ContentAddIcon(), func() { cs.Edit(nil) })
	cs.Count = widget.NewLabel("")
	cs.List = widget.NewList(func() int { return len(cs.shown) },
		func() fyne.CanvasObject {
			name := widget.NewLabel("Customer name")
			name.Truncation = fyne.TextTruncateEllipsis
			review := widget.NewLabel("review")
			review.Importance = widget.WarningImportance
			bal := widget.NewLabel("0.00")
			bal.Alignment = fyne.TextAlignTrailing
			h := name.MinSize().Height
			return container.NewBorder(nil, nil, nil, container.NewHBox(
				container.NewGridWrap(fyne.NewSize(64, h), review), container.NewGridWrap(fyne.NewSize(96, h), bal)), name)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= len(cs.shown) {
				return
			}
			c := cs.shown[i]
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Label).SetText(c.Name)
			right := box.Objects[1].(*fyne.Container)
			rev := right.Objects[0].(*fyne.Container).Objects[0].(*widget.Label)
			if c.ReviewDue(ui.Today()) {
				rev.SetText("review") // the record is due for review (the count above says so too)
			} else {
				rev.SetText("")
			}
			bal := right.Objects[1].(*fyne.Container).Objects[0].(*widget.Label)
			if b := cs.balances[c.ID]; b.Amount != 0 {
				bal.SetText(data.FormatAmount(b.Amount, c.Currency))
			} else {
				bal.SetText("")
			}
		})
	cs.List.OnSelected = func(i widget.ListItemID) {
		if i < len(cs.shown) {
			cs.Show(cs.shown[i].ID)
		}
	}
	cs.Detail = newCustomerDetail(cs)
	cs.right = container.NewStack(widget.NewLabel("Choose a customer on the left, or make a new one."))
	left := container.NewBorder(container.NewVBox(cs.Search, container.NewBorder(nil, nil, nil, cs.NewButton, cs.Count)), nil, nil, nil, cs.List)
	split := container.NewHSplit(left, cs.right)
	split.Offset = 0.36
	cs.Root = split
	return cs
}

// Reload re-reads the customers (and the one shown) off the UI goroutine.
func (cs *CustomersScreen) Reload() {
	s := cs.ui.Store
	cs.load.Go(cs.ui, func(ctx context.Context) func() {
		all, err := s.Customers(ctx, data.CustomerFilter{})
		if err != nil {
			return func() { cs.ui.ShowError(err) }
		}
		bal, err := s.CustomerOpenBalances(ctx)
		if err != nil {
			return func() { cs.ui.ShowError(err) }
		}
		return func() {
			cs.all, cs.balances = all, bal
			cs.filter()
			cs.ui.Invoices.setCustomers(all)
			cs.ui.Payments.setCustomers(all)
			if cs.selected == 0 && cs.Form == nil && len(cs.shown) > 0 {
				cs.selected = cs.shown[0].ID // open the first customer rather than an empty pane
			}
			if cs.selected != 0 && cs.Form == nil {
				cs.show(cs.selected)
			}
		}
	})
}

func (cs *CustomersScreen) filter() {
	t := strings.ToLower(strings.TrimSpace(cs.Search.Text))
	cs.shown = cs.shown[:0]
	for _, c := range cs.all {
		if t == "" || strings.Contains(strings.ToLower(c.Name), t) || strings.Contains(strings.ToLower(c.Contact), t) ||
			strings.Contains(strings.ToLower(strings.Join(c.Emails, " ")), t) || strings.Contains(c.Phone, t) ||
			strings.Contains(strings.ToLower(c.City), t) {
			cs.shown = append(cs.shown, c)
		}
	}
	review := 0
	for _, c := range cs.shown {
		if c.ReviewDue(cs.ui.Today()) {
			review++
		}
	}
	cs.Count.SetText(fmt.Sprintf("%s, %d due for review", count(len(cs.shown), "customer", "customers"), review))
	switch {
	case len(cs.all) == 0:
		cs.Count.SetText("No customers yet: New customer adds the first.")
	case len(cs.shown) == 0:
		cs.Count.SetText("No customer matches the search.")
	}
	cs.List.UnselectAll()
	cs.List.Refresh()
}

// Shown lists the names in the list, in order.
func (cs *CustomersScreen) Shown() []string {
	out := make([]string, len(cs.shown))
	for i, c := range cs.shown {
		out[i] = c.Name
	}
	return out
}

// Show opens a customer's detail.
func (cs *CustomersScreen) Show(id int64) {
	cs.ui.Leave("customer", func() { cs.show(id) }, cs.List.UnselectAll)
}

func (cs *CustomersScreen) show(id int64) {
	cs.selected = id
	cs.Form = nil
	cs.ui.SetGuard("customer", nil)
	cs.right.Objects = []fyne.CanvasObject{cs.Detail.Root}
	cs.right.Refresh()
	cs.Detail.Load(id)
}

// Edit shows the form for c (nil = a new customer).
func (cs *CustomersScreen) Edit(c *data.Customer) {
	cs.ui.Leave("customer", func() {
		cs.Form = newCustomerForm(cs, c)
		cs.ui.SetGuard("customer", cs.Form.guard())
		cs.right.Objects = []fyne.CanvasObject{cs.Form.Root}
		cs.right.Refresh()
		cs.ui.Win.Canvas().Focus(cs.Form.Form.Field("name").Entry)
	}, nil)
}

// ShowCustomer switches to the Customers screen with customer id open.
func (ui *UI) ShowCustomer(id int64) {
	ui.SelectTab(TabCustomers)
	ui.Customers.Show(id)
}

// CustomerDetail shows one customer: balance, aging, open invoices, payments, activity.
type CustomerDetail struct {
	cs           *CustomersScreen
	Root         fyne.CanvasObject
	Name         *widget.Label
	Review       *widget.Label
	MarkReviewed *widget.Button
	EditButton   *widget.Button
	NewInvoice   *widget.Button
	RecordPay    *widget.Button
	ApplyCredit  *widget.Button
	Statement    *widget.Button
	Hold         *widget.Check
	Info         *widget.Label
	Open         *widget.Label
	Overdue      *widget.Label
	Credit       *widget.Label
	Net          *widget.Label
	Aging        [5]*widget.Label
	Invoices     *widget.List
	Payments     *widget.List
	Activity     *widget.List
	noOpen       *widget.Label // empty-state lines of the three lists
	noPays       *widget.Label
	noActivity   *widget.Label

	Customer    *data.Customer
	Balance     data.Balance
	OpenItems   []*data.Invoice
	PaymentRows []*data.Payment
	Audit       []data.AuditEntry
	load        latest
	settingHold bool
}

func newCustomerDetail(cs *CustomersScreen) *CustomerDetail {
	d := &CustomerDetail{cs: cs}
	ui := cs.ui
	d.Name = titleLabel("")
	d.Review = widget.NewLabel("")
	d.Review.Importance = widget.WarningImportance
	d.MarkReviewed = widget.NewButtonWithIcon("Mark reviewed", theme.ConfirmIcon(), func() {
		if d.Customer == nil {
			return
		}
		if err := ui.Store.MarkReviewed(context.Background(), d.Customer.ID); err != nil {
			ui.ShowError(err)
			return
		}
		ui.Changed()
	})
	d.EditButton = widget.NewButtonWithIcon("Edit", theme.DocumentCreateIcon(), func() {
		if d.Customer != nil {
			cs.Edit(d.Customer)
		}
	})
	d.NewInvoice = widget.NewButtonWithIcon("New invoice", theme.ContentAddIcon(), func() {
		if d.Customer != nil {
			ui.NewInvoice(d.Customer.ID)
		}
	})
	d.RecordPay = widget.NewButtonWithIcon("Record payment", theme.ConfirmIcon(), func() {
		if d.Customer != nil {
			ui.SelectTab(TabPayments)
			ui.Payments.StartFor(d.Customer.ID)
		}
	})
	d.Statement = widget.NewButtonWithIcon("Statement…", theme.DocumentPrintIcon(), func() {
		if d.Customer != nil {
			ui.PrintStatement(d.Customer.ID)
		}
	})
	d.ApplyCredit = widget.NewButton("Apply credit", func() {
		if d.Customer == nil {
			return
		}
		applied, err := ui.Store.ApplyCredit(context.Background(), d.Customer.ID)
		if err != nil {
			ui.ShowError(err)
			return
		}
		ui.ShowInfo("Credit applied", fmt.Sprintf("%s of credit applied to open invoices (oldest first).", money(applied, d.Customer.Currency)))
		ui.Changed()
	})
	d.Hold = widget.NewCheck("Credit hold", func(on bool) {
		if d.Customer == nil || d.settingHold {
			return
		}
		if err := ui.Store.SetCreditHold(context.Background(), d.Customer.ID, on); err != nil {
			ui.ShowError(err)
			return
		}
		ui.Changed()
	})
	d.Info = widget.NewLabel("")
	d.Info.Wrapping = fyne.TextWrapWord
	d.Open, d.Overdue, d.Credit, d.Net = widget.NewLabel(""), widget.NewLabel(""), widget.NewLabel(""), widget.NewLabel("")
	bal := container.New(layout.NewFormLayout(),
		widget.NewLabel("Open invoices"), d.Open,
		widget.NewLabel("Overdue"), d.Overdue,
		widget.NewLabel("Credit (unallocated)"), d.Credit,
		widget.NewLabel("Net balance"), d.Net)
	ag := wrapRow()
	for i := range d.Aging {
		d.Aging[i] = widget.NewLabel("")
		t := widget.NewLabel(bucketTitles[i])
		t.TextStyle.Bold = true
		ag.Add(container.NewGridWrap(fyne.NewSize(max(100, t.MinSize().Width), t.MinSize().Height*2), container.NewVBox(t, d.Aging[i])))
	}
	d.Invoices = widget.NewList(func() int { return len(d.OpenItems) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= len(d.OpenItems) {
				return
			}
			inv := d.OpenItems[i]
			late := ""
			if n := inv.DaysOverdue(ui.Today()); n > 0 {
				late = fmt.Sprintf(" · %d days overdue", n)
			}
			o.(*widget.Label).SetText(fmt.Sprintf("%s · due %s · %s open of %s%s", inv.Number, inv.DueDate,
				data.FormatAmount(inv.OpenAmount, inv.Currency), data.FormatAmount(inv.Total, inv.Currency), late))
		})
	d.Invoices.OnSelected = func(i widget.ListItemID) {
		if i < len(d.OpenItems) {
			ui.OpenInvoice(d.OpenItems[i].ID)
		}
		d.Invoices.UnselectAll()
	}
	d.Payments = widget.NewList(func() int { return len(d.PaymentRows) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= len(d.PaymentRows) {
				return
			}
			p := d.PaymentRows[i]
			extra := ""
			if p.Unallocated > 0 {
				extra = " · credit " + data.FormatAmount(p.Unallocated, p.Currency)
			}
			o.(*widget.Label).SetText(fmt.Sprintf("%s · %s · %s %s%s", p.Date, money(p.Amount, p.Currency), p.Method, p.Reference, extra))
		})
	d.Activity = widget.NewList(func() int { return len(d.Audit) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= len(d.Audit) {
				return
			}
			a := d.Audit[i]
			at := a.At
			if len(at) > 16 {
				at = strings.Replace(at[:16], "T", " ", 1)
			}
			o.(*widget.Label).SetText(at + " · " + activityText(a.Action))
		})
	empty := func(text string) *widget.Label {
		l := widget.NewLabel(text)
		l.Wrapping = fyne.TextWrapWord
		l.Hide()
		return l
	}
	d.noOpen = empty("No open invoices: everything billed is paid. New invoice bills this customer.")
	d.noPays = empty("No payments yet: Record payment enters one.")
	d.noActivity = empty("Nothing recorded yet.")
	top2 := func(list fyne.CanvasObject, l *widget.Label) fyne.CanvasObject {
		return container.NewStack(list, container.NewVBox(l))
	}
	tabs := container.NewAppTabs(
		container.NewTabItem("Open invoices", top2(d.Invoices, d.noOpen)),
		container.NewTabItem("Payments", top2(d.Payments, d.noPays)),
		container.NewTabItem("Activity", top2(d.Activity, d.noActivity)),
	)
	top := container.NewVBox(
		d.Name,
		wrapRow(d.EditButton, d.NewInvoice, d.RecordPay, d.Statement),
		wrapRow(d.Review, d.MarkReviewed, d.Hold, d.ApplyCredit),
		d.Info,
		widget.NewCard("", "", container.NewVBox(bal, ag)),
	)
	// One scroll for the whole detail: at 900x600 the figures and the lists do not all fit.
	d.Root = container.NewVScroll(container.New(&fillLastLayout{minLast: 260}, top, tabs))
	return d
}

// Load reads customer id off the UI goroutine and shows it.
func (d *CustomerDetail) Load(id int64) {
	s := d.cs.ui.Store
	d.load.Go(d.cs.ui, func(ctx context.Context) func() {
		c, err := s.Customer(ctx, id)
		if err != nil {
			return func() { d.cs.ui.ShowError(err) }
		}
		b, err := s.CustomerBalance(ctx, id)
		if err != nil {
			return func() { d.cs.ui.ShowError(err) }
		}
		open, err := s.OpenItems(ctx, id)
		if err != nil {
			return func() { d.cs.ui.ShowError(err) }
		}
		pays, err := s.Payments(ctx, data.PaymentFilter{CustomerID: id, Limit: 200})
		if err != nil {
			return func() { d.cs.ui.ShowError(err) }
		}
		audit, err := s.AuditLog(ctx, "customer", id, 100)
		if err != nil {
			return func() { d.cs.ui.ShowError(err) }
		}
		return func() { d.show(c, b, open, pays, audit) }
	})
}

func (d *CustomerDetail) show(c *data.Customer, b data.Balance, open []*data.Invoice, pays []*data.Payment, audit []data.AuditEntry) {
	today := d.cs.ui.Today()
	d.Customer, d.Balance, d.OpenItems, d.PaymentRows, d.Audit = c, b, open, pays, audit
	for _, e := range []struct {
		l *widget.Label
		n int
	}{{d.noOpen, len(open)}, {d.noPays, len(pays)}, {d.noActivity, len(audit)}} {
		if e.n == 0 {
			e.l.Show()
		} else {
			e.l.Hide()
		}
	}
	d.Name.SetText(c.Name)
	if c.ReviewDue(today) {
		last := "never"
		if !c.LastReviewed.IsZero() {
			last = fmt.Sprintf("%s, %d days ago", c.LastReviewed, today.DaysSince(c.LastReviewed))
		}
		d.Review.SetText("Review due — details last checked " + last)
		d.Review.Importance = widget.WarningImportance
		d.MarkReviewed.Show()
	} else {
		d.Review.SetText("Reviewed " + c.LastReviewed.String())
		d.Review.Importance = widget.MediumImportance
		d.MarkReviewed.Hide()
	}
	d.Review.Refresh()
	d.settingHold = true
	d.Hold.SetChecked(c.CreditHold)
	d.settingHold = false
	var info []string
	if c.Contact != "" {
		info = append(info, "Contact: "+c.Contact)
	}
	if len(c.Emails) > 0 {
		info = append(info, "Email: "+strings.Join(c.Emails, ", "))
	}
	if c.Phone != "" {
		info = append(info, "Phone: "+c.Phone)
	}
	var addr []string
	for _, l := range c.AddressLines()[1:] {
		if !strings.HasPrefix(l, "Attn: ") {
			addr = append(addr, l)
		}
	}
	if len(addr) > 0 {
		info = append(info, "Address: "+strings.Join(addr, ", "))
	}
	limit := "none"
	if c.CreditLimit > 0 {
		limit = money(c.CreditLimit, c.Currency)
	}
	info = append(info, fmt.Sprintf("Terms: %d days · Credit limit: %s · Currency: %s · Prefers: %s", c.TermsDays, limit, c.Currency, channelWords(string(c.Channel))))
	if c.Notes != "" {
		info = append(info, "Notes: "+c.Notes)
	}
	d.Info.SetText(strings.Join(info, "\n"))
	d.Open.SetText(fmt.Sprintf("%s (%s)", money(b.Open, b.Currency), count(b.OpenCount, "invoice", "invoices")))
	d.Overdue.SetText(money(b.Overdue, b.Currency))
	d.Credit.SetText(money(b.Credit, b.Currency))
	d.Net.SetText(money(b.Net, b.Currency))
	if b.Credit > 0 && b.Open > 0 {
		d.ApplyCredit.Enable()
	} else {
		d.ApplyCredit.Disable()
	}
	var buckets [5]int64
	for _, inv := range open {
		buckets[data.BucketOf(today.DaysSince(inv.DueDate))] += inv.OpenAmount
	}
	for i, v := range buckets {
		d.Aging[i].SetText(data.FormatAmount(v, c.Currency))
	}
	d.Invoices.Refresh()
	d.Payments.Refresh()
	d.Activity.Refresh()
}
