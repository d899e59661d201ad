package app

import (
	"context"
	"fmt"
	"strings"
	"time"

	"duebook/data"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// LateReasons, when set (by the collections screen), gives the recorded reason per
// overdue invoice id; the invoice list shows it in the "Overdue reason" column.
var LateReasons func(ctx context.Context, s *data.Store) (map[int64]string, error)

// InvoicesScreen is the invoice list (virtualized table with filters and sorting) and,
// in its place while open, the draft editor or the view of a posted invoice.
type InvoicesScreen struct {
	ui   *UI
	Root *fyne.Container

	Status   *widget.Select
	Overdue  *widget.Check
	Customer *CustomerPicker
	RangeOn  *widget.Select
	From     *widget.Entry
	To       *widget.Entry
	Text     *widget.Entry
	Clear    *widget.Button
	Summary  *widget.Label
	Loading  *widget.ProgressBarInfinite
	Table    *OpenTable
	// Columns are the invoice columns the table shows (ColNumber…), in order, and
	// ColWidths their widths: they follow the table's width (invlist_columns.go).
	Columns   []int
	ColWidths []float32

	NewButton      *widget.Button
	OpenButton     *widget.Button
	PostButton     *widget.Button
	VoidButton     *widget.Button
	CreditButton   *widget.Button
	WriteOffButton *widget.Button
	SentButton     *widget.Button
	DeleteButton   *widget.Button

	List     *InvoiceList
	Selected *data.InvoiceRow // the row picked in the table
	Editor   *InvoiceEditor   // open draft editor (nil when none)
	View     *InvoiceView     // open posted/void invoice (nil when none)
	LoadTime time.Duration    // how long the last full load took (read + index)

	customers   map[int64]*data.Customer
	listView    fyne.CanvasObject
	setting     bool
	pendingSort *InvoiceQuery // the sort asked for before the list was loaded
	tableRows   int           // rows the table was last laid out for (refreshTable)
	load        latest
	prepare     latest // the list's search keys and other orders (InvoiceList.prepare)
}

func newInvoicesScreen(ui *UI) *InvoicesScreen {
	is := &InvoicesScreen{ui: ui, customers: map[int64]*data.Customer{}}
	apply := func() {
		if !is.setting {
			is.applyFilter()
		}
	}
	is.Status = widget.NewSelect(statusFilters, func(string) { apply() })
	is.Status.SetSelected(FilterAll)
	is.Overdue = widget.NewCheck("Overdue only", func(bool) { apply() })
	is.Customer = newCustomerPicker()
	is.Customer.Entry.SetPlaceHolder("All customers")
	is.Customer.OnPicked = func(int64) { apply() }
	prevCust := is.Customer.Entry.OnChanged
	is.Customer.Entry.OnChanged = func(s string) {
		prevCust(s)
		if strings.TrimSpace(s) == "" {
			apply()
		}
	}
	is.RangeOn = widget.NewSelect([]string{RangeIssue, RangeDue}, func(string) { apply() })
	is.RangeOn.SetSelected(RangeIssue)
	is.From = widget.NewEntry()
	is.From.SetPlaceHolder("from YYYY-MM-DD")
	is.From.OnChanged = func(string) { apply() }
	is.To = widget.NewEntry()
	is.To.SetPlaceHolder("to YYYY-MM-DD")
	is.To.OnChanged = func(string) { apply() }
	is.Text = widget.NewEntry()
	is.Text.SetPlaceHolder("Search number, customer, PO (Ctrl+F)")
	is.Text.OnChanged = func(string) { apply() }
	is.Clear = widget.NewButton("Clear filters", func() { is.SetQuery(InvoiceQuery{SortCol: ColIssue, Desc: true}) })
	is.Summary = widget.NewLabel("Loading invoices…")
	is.Loading = widget.NewProgressBarInfinite()
	is.Loading.Hide()

	is.Table = newOpenTable(
		func() (int, int) {
			if is.List == nil {
				return 0, len(is.Columns)
			}
			return is.List.Count(), len(is.Columns)
		},
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		// (UpdateCell sets each cell's truncation by column: measuring for an ellipsis is
		// most of a cell's repaint, and only the free-text columns need it.)
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			col := is.colAt(id.Col)
			if is.List == nil || id.Row >= is.List.Count() || col < 0 {
				l.SetText("")
				return
			}
			switch col {
			case ColAmount, ColOpen, ColDays:
				l.Alignment = fyne.TextAlignTrailing
			default:
				l.Alignment = fyne.TextAlignLeading
			}
			l.Truncation = colTruncation[col]
			imp := widget.MediumImportance
			if col == ColDays || col == ColStatus {
				r := is.List.Row(id.Row)
				switch {
				case r.days > 60:
					imp = widget.DangerImportance
				case r.days > 0:
					imp = widget.WarningImportance
				case r.Status == data.StatusVoid || r.Status == data.StatusDraft:
					imp = widget.LowImportance
				}
			}
			l.Importance = imp
			l.SetText(is.List.Cell(id.Row, col))
		})
	is.Table.ShowHeaderColumn = false
	is.Table.CreateHeader = func() fyne.CanvasObject {
		b := widget.NewButton("", nil)
		b.Importance = widget.LowImportance
		b.Alignment = widget.ButtonAlignLeading
		return b
	}
	is.Table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		b := o.(*widget.Button)
		col := is.colAt(id.Col)
		if col < 0 {
			b.SetText("")
			b.OnTapped = nil
			return
		}
		t := colTitles[col]
		q := is.query()
		if q.SortCol == col {
			if q.Desc {
				t += " ▼"
			} else {
				t += " ▲"
			}
		}
		b.SetText(t)
		b.OnTapped = func() { is.SortBy(col) }
	}
	is.setColumns(fitColumns(1280))
	is.Table.SetOnSelected(func(id widget.TableCellID) {
		if is.List == nil || id.Row < 0 || id.Row >= is.List.Count() {
			return
		}
		r := is.List.Row(id.Row).InvoiceRow
		is.Selected = &r
		is.updateActions()
	})
	is.Table.OnOpen = func(row int) { // double-click or Enter
		if is.List != nil && row >= 0 && row < is.List.Count() {
			ui.OpenInvoice(is.List.Row(row).ID)
		}
	}

	is.NewButton = widget.NewButtonWithIcon("New invoice", theme.ContentAddIcon(), func() { is.NewDraft(0) })
	is.NewButton.Importance = widget.HighImportance
	is.OpenButton = widget.NewButtonWithIcon("Open", theme.DocumentIcon(), func() {
		if is.Selected != nil {
			ui.OpenInvoice(is.Selected.ID)
		}
	})
	is.PostButton = widget.NewButton("Post", func() { is.withSelected(ui.PostInvoice) })
	is.VoidButton = widget.NewButton("Void…", func() { is.withSelected(ui.VoidInvoice) })
	is.CreditButton = widget.NewButton("Credit note…", func() { is.withSelected(ui.CreditInvoice) })
	is.WriteOffButton = widget.NewButton("Write off…", func() { is.withSelected(ui.WriteOffInvoice) })
	is.SentButton = widget.NewButton("Mark sent…", func() { is.withSelected(ui.MarkInvoiceSent) })
	is.DeleteButton = widget.NewButton("Delete draft", func() { is.withSelected(ui.DeleteDraft) })
	is.updateActions()

	dates := container.NewHBox(is.RangeOn, container.NewGridWrap(fyne.NewSize(150, is.From.MinSize().Height), is.From),
		container.NewGridWrap(fyne.NewSize(150, is.To.MinSize().Height), is.To))
	filters := container.NewVBox(
		container.NewBorder(nil, nil, container.NewHBox(is.Status, is.Overdue), is.Clear, is.Text),
		container.NewBorder(nil, nil, nil, dates, is.Customer.Entry),
	)
	actions := container.NewHBox(is.NewButton, is.OpenButton, is.PostButton, is.SentButton, is.VoidButton,
		is.CreditButton, is.WriteOffButton, is.DeleteButton, layout.NewSpacer())
	top := container.NewVBox(filters, container.NewBorder(nil, nil, nil, is.Loading, is.Summary))
	is.listView = container.NewBorder(top, actions, nil, nil, container.New(&columnsLayout{is: is}, is.Table))
	is.Root = container.NewStack(is.listView)
	return is
}

func (is *InvoicesScreen) withSelected(f func(id int64)) {
	if is.Selected != nil {
		f(is.Selected.ID)
	}
}

func (is *InvoicesScreen) updateActions() {
	all := []*widget.Button{is.OpenButton, is.PostButton, is.VoidButton, is.CreditButton, is.WriteOffButton, is.SentButton, is.DeleteButton}
	for _, b := range all {
		b.Disable()
	}
	r := is.Selected
	if r == nil {
		return
	}
	is.OpenButton.Enable()
	switch r.Status {
	case data.StatusDraft:
		is.PostButton.Enable()
		is.DeleteButton.Enable()
	case data.StatusPosted:
		is.SentButton.Enable()
		if r.Open > 0 {
			is.VoidButton.Enable() // not on a paid invoice
			is.CreditButton.Enable()
			is.WriteOffButton.Enable()
		}
	}
}

func (is *InvoicesScreen) setCustomers(cs []*data.Customer) {
	is.customers = map[int64]*data.Customer{}
	for _, c := range cs {
		is.customers[c.ID] = c
	}
	is.Customer.SetCustomers(cs)
	if is.Editor != nil {
		is.Editor.Customer.SetCustomers(cs)
	}
}

// query reads the filter widgets.
func (is *InvoicesScreen) query() InvoiceQuery {
	q := InvoiceQuery{SortCol: ColIssue, Desc: true}
	if is.List != nil {
		q.SortCol, q.Desc = is.List.Query().SortCol, is.List.Query().Desc
	}
	q.Status = is.Status.Selected
	q.Overdue = is.Overdue.Checked
	q.CustomerID = is.Customer.ID()
	q.RangeOn = is.RangeOn.Selected
	q.From, _ = data.ParseDate(strings.TrimSpace(is.From.Text))
	q.To, _ = data.ParseDate(strings.TrimSpace(is.To.Text))
	q.Text = is.Text.Text
	return q
}

// SetQuery puts q into the filter widgets and applies it.
func (is *InvoicesScreen) SetQuery(q InvoiceQuery) {
	is.setting = true
	if q.Status == "" {
		q.Status = FilterAll
	}
	if q.RangeOn == "" {
		q.RangeOn = RangeIssue
	}
	is.Status.SetSelected(q.Status)
	is.Overdue.SetChecked(q.Overdue)
	if q.CustomerID != 0 {
		is.Customer.Set(q.CustomerID)
	} else {
		is.Customer.Entry.SetText("")
	}
	is.RangeOn.SetSelected(q.RangeOn)
	is.From.SetText(q.From.String())
	is.To.SetText(q.To.String())
	is.Text.SetText(q.Text)
	is.setting = false
	if is.List != nil {
		is.List.Apply(q)
		is.refreshTable()
	} else {
		is.pendingSort = &q
	}
}

// SortBy sorts by a column (again on the same column flips the direction).
func (is *InvoicesScreen) SortBy(col int) {
	if is.List == nil {
		return
	}
	q := is.query()
	if q.SortCol == col {
		q.Desc = !q.Desc
	} else {
		q.SortCol, q.Desc = col, col == ColDays || col == ColAmount || col == ColOpen
	}
	is.List.Apply(q)
	is.refreshTable()
}

func (is *InvoicesScreen) applyFilter() {
	if is.List == nil {
		return
	}
	is.List.Apply(is.query())
	is.refreshTable()
}

func (is *InvoicesScreen) refreshTable() {
	is.Selected = nil
	is.Table.UnselectAll()
	is.updateActions()
	l := is.List
	// ScrollToTop repaints the visible cells (and the header's sort mark); a full Refresh
	// (header and cell templates measured again, the cells repainted a second time) only
	// when the number of rows changed and the scroller must be laid out again.
	is.Table.ScrollToTop()
	if n := l.Count(); n != is.tableRows {
		is.tableRows = n
		is.Table.Refresh()
	}
	total, open, cur, others := l.Totals()
	s := fmt.Sprintf("%s of %s invoices", grouped(l.Count()), grouped(l.Len()))
	if cur != "" {
		s += fmt.Sprintf(" · amount %s · outstanding %s", money(total, cur), money(open, cur))
		if others > 0 {
			s += fmt.Sprintf(" (%d in other currencies not summed)", others)
		}
	}
	var bad []string
	if t := strings.TrimSpace(is.From.Text); t != "" {
		if _, err := data.ParseDate(t); err != nil {
			bad = append(bad, "from: "+err.Error())
		}
	}
	if t := strings.TrimSpace(is.To.Text); t != "" {
		if _, err := data.ParseDate(t); err != nil {
			bad = append(bad, "to: "+err.Error())
		}
	}
	if t := strings.TrimSpace(is.Customer.Entry.Text); t != "" && is.Customer.ID() == 0 {
		bad = append(bad, fmt.Sprintf("customer: no customer is called %q (pick one from the list)", t))
	}
	if len(bad) > 0 {
		s += " · ignored " + strings.Join(bad, "; ")
		is.Summary.Importance = widget.WarningImportance
	} else {
		is.Summary.Importance = widget.MediumImportance
	}
	is.Summary.SetText(s)
}

// Reload re-reads every invoice off the UI goroutine; the list keeps its filter.
func (is *InvoicesScreen) Reload() {
	s := is.ui.Store
	q := is.query()
	if is.pendingSort != nil {
		q = *is.pendingSort
	}
	is.Loading.Show()
	is.Loading.Start()
	start := time.Now()
	first := is.List == nil // nothing shown yet: the summary tells how far the read is
	is.load.Go(is.ui, func(ctx context.Context) func() {
		rows, err := s.InvoiceRows(ctx, func(done, total int) {
			if first && total >= 100_000 { // a second or more: say how far it is
				is.ui.postProgress(func() {
					if is.List == nil && ctx.Err() == nil {
						is.Summary.SetText(fmt.Sprintf("Loading invoices… %s of %s", grouped(done), grouped(total)))
					}
				})
			}
		})
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return func() { is.Loading.Stop(); is.Loading.Hide(); is.ui.ShowError(err) }
		}
		var reasons map[int64]string
		if LateReasons != nil {
			if reasons, err = LateReasons(ctx, s); err != nil {
				reasons = nil
			}
		}
		list := NewInvoiceList(rows, s.Today(), reasons)
		list.Apply(q) // the first view: its column's order (and search keys if searched)
		return func() {
			is.Loading.Stop()
			is.Loading.Hide()
			want := is.query()
			want.SortCol, want.Desc = q.SortCol, q.Desc
			if p := is.pendingSort; p != nil {
				want.SortCol, want.Desc = p.SortCol, p.Desc
			}
			is.pendingSort = nil
			if want != q {
				list.Apply(want)
			}
			is.List = list
			is.LoadTime = time.Since(start)
			is.refreshTable()
			// the other columns' orders and the search keys, off the UI goroutine (at a
			// million invoices about a second), so that a click or a search is one pass
			keys, cols := list.todo()
			is.prepare.Go(is.ui, func(ctx context.Context) func() {
				p := list.prepare(ctx, keys, cols)
				return func() { list.install(p) }
			})
		}
	})
}

// ShowInvoices switches to the invoice list with a filter.
func (ui *UI) ShowInvoices(q InvoiceQuery) {
	ui.SelectTab(TabInvoices)
	ui.Leave("invoice", func() {
		ui.Invoices.CloseDetail()
		ui.Invoices.SetQuery(q)
	}, nil)
}

// CloseDetail goes back from the editor or view to the list.
func (is *InvoicesScreen) CloseDetail() {
	is.Editor, is.View = nil, nil
	is.ui.SetGuard("invoice", nil)
	is.Root.Objects = []fyne.CanvasObject{is.listView}
	is.Root.Refresh()
}

func (is *InvoicesScreen) showDetail(o fyne.CanvasObject) {
	is.Root.Objects = []fyne.CanvasObject{o}
	is.Root.Refresh()
}

// NewDraft opens the editor on a new invoice (customerID 0 = choose).
func (is *InvoicesScreen) NewDraft(customerID int64) {
	is.ui.Leave("invoice", func() {
		is.View = nil
		is.Editor = newInvoiceEditor(is, nil)
		if customerID != 0 {
			is.Editor.Customer.Set(customerID)
			is.Editor.baseline = is.Editor.snapshot()
		}
		is.ui.SetGuard("invoice", is.Editor.guard())
		is.showDetail(is.Editor.Root)
		is.ui.Win.Canvas().Focus(is.Editor.Customer.Entry)
	}, nil)
}

// OpenInvoice shows an invoice: the editor for a draft, the view otherwise.
func (ui *UI) OpenInvoice(id int64) {
	inv, err := ui.Store.Invoice(context.Background(), id)
	if err != nil {
		ui.ShowError(err)
		return
	}
	ui.SelectTab(TabInvoices)
	is := ui.Invoices
	ui.Leave("invoice", func() {
		if inv.Status == data.StatusDraft {
			is.View = nil
			is.Editor = newInvoiceEditor(is, inv)
			ui.SetGuard("invoice", is.Editor.guard())
			is.showDetail(is.Editor.Root)
			return
		}
		is.Editor = nil
		ui.SetGuard("invoice", nil)
		is.View = newInvoiceView(is, inv)
		is.showDetail(is.View.Root)
	}, nil)
}
