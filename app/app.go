// Package app is Duebook's Fyne user interface: the main window with its screens
// (dashboard, customers, invoices, payments, collections, inbox, reports, settings), the
// first-start screen and the dialogs. It holds no SQL: everything goes through package data.
package app

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"duebook/data"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// Options are what the window starts with.
type Options struct {
	DB string // company file to open ("" = the last one used)
}

// Tab names, in navigation order.
const (
	TabDashboard   = "Dashboard"
	TabCustomers   = "Customers"
	TabInvoices    = "Invoices"
	TabPayments    = "Payments"
	TabCollections = "Collections"
	TabInbox       = "Inbox"
	TabReports     = "Reports"
	TabSettings    = "Settings"
)

// UI is the main window and its screens.
type UI struct {
	App     fyne.App
	Win     fyne.Window
	Store   *data.Store
	Company data.Company

	Tabs        *container.AppTabs
	Dashboard   *Dashboard
	Customers   *CustomersScreen
	Invoices    *InvoicesScreen
	Payments    *PaymentsScreen
	Collections *CollectionsScreen
	Inbox       *InboxScreen
	Reports     *ReportsScreen
	Settings    *SettingsScreen
	Start       *StartScreen
	StatusBar   *widget.Label
	Notice      *widget.Label // the last confirmation ("Saved Bayside Café."), right of the status bar

	// Modal is the dialog shown last (tests read and tap it).
	Modal    *Modal
	keys     []*modalKey          // key handlers of the dialogs shown, top last (modal.go)
	keysBase func(*fyne.KeyEvent) // the window's own key handler while dialogs are shown
	// Paper is the print / save dialog shown last.
	Paper *PaperDialog
	// Shell opens and prints PDF files through the operating system (tests replace it).
	Shell Shell
	// ChooseSavePath asks where to save a file (name suggested) and calls done with the
	// path chosen; not called when the user cancels. Tests replace it.
	ChooseSavePath func(name string, done func(path string))

	release func()     // releases the company file's lock
	check   *openCheck // the page check of the file open, while it runs (opencheck.go)
	jobs    sync.WaitGroup
	epoch   int // bumped when the company file closes: late results of its jobs are dropped

	guards    map[string]*FormGuard // open forms that may hold unsaved changes (dirty.go)
	curTab    string                // the screen shown
	stale     map[string]bool       // lists (Invoices, Payments) to re-read when next shown
	switching bool                  // a tab switch that must not ask about forms
	closed    bool                  // the window was closed

	unwatch        func()      // ends the store's change subscription (changes.go)
	refreshPending refreshFlag // a refresh after a change is scheduled
	// unbacked: a commit since the last automatic backup (or none of today's exists); the
	// backup made as the file is closed is skipped without one (at a million invoices it
	// takes a minute).
	unbacked refreshFlag

	qmu   sync.Mutex
	queue []func() // results waiting for Wait (applyOnWait mode)
	opts  Options
}

// New makes the main window (not shown yet) and opens the company file of opt, or the
// last one used, or shows the first-start screen.
func New(a fyne.App, opt Options) *UI {
	ui := newUI(a)
	ui.opts = opt
	path := opt.DB
	if path == "" {
		if cfg, err := data.LoadConfig(); err == nil && cfg.LastFile != "" {
			if _, err := os.Stat(cfg.LastFile); err == nil {
				path = cfg.LastFile
			}
		}
	}
	if path != "" {
		ui.OpenFile(path)
	} else {
		ui.ShowStart()
	}
	return ui
}

func newUI(a fyne.App) *UI {
	ui := &UI{App: a, Shell: SystemShell()}
	ui.ChooseSavePath = ui.chooseSavePathDialog
	ui.Win = a.NewWindow("Duebook")
	ui.Win.Resize(fyne.NewSize(1280, 800))
	ui.Win.SetMaster()
	ui.Win.SetOnClosed(func() {
		ui.closed = true
		ui.closeStore()
	})
	ui.Win.SetCloseIntercept(ui.requestClose)
	ui.registerShortcuts()
	return ui
}

// NewWithStore makes the main window on an already open store (tests, embedding); the
// caller keeps ownership of closing it through UI.Close.
func NewWithStore(a fyne.App, s *data.Store) *UI {
	ui := newUI(a)
	ui.Attach(s, nil)
	return ui
}

// Run opens the main window and blocks until it is closed.
func Run(a fyne.App, opt Options) error {
	ui := New(a, opt)
	if size := os.Getenv("DUEBOOK_WINDOW_SIZE"); size != "" { // the real-window test's sizes
		var w, h float32
		if _, err := fmt.Sscanf(size, "%fx%f", &w, &h); err == nil && w > 0 && h > 0 {
			ui.Win.Resize(fyne.NewSize(w, h))
		}
	}
	if tourHook != nil && tourHook(ui) {
		// the screens tour (build tag screens) drives the window and quits
	} else if shot := os.Getenv("DUEBOOK_SCREENSHOT"); shot != "" {
		go ui.screenshotAndQuit(shot, os.Getenv("DUEBOOK_SCREENSHOT_TAB"))
	}
	ui.Win.ShowAndRun()
	return nil
}

// registerShortcuts binds Ctrl+N (new invoice), Ctrl+F (search), Ctrl+S (save) on the
// canvas and in the main menu (menu shortcuts also work while a text field has the focus).
func (ui *UI) registerShortcuts() {
	newInv := &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault}
	find := &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault}
	save := &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault}
	c := ui.Win.Canvas()
	c.AddShortcut(newInv, func(fyne.Shortcut) { ui.NewInvoice(0) })
	c.AddShortcut(find, func(fyne.Shortcut) { ui.FocusSearch() })
	c.AddShortcut(save, func(fyne.Shortcut) { ui.Save() })
	item := func(label string, sc fyne.Shortcut, f func()) *fyne.MenuItem {
		it := fyne.NewMenuItem(label, f)
		it.Shortcut = sc
		return it
	}
	file := fyne.NewMenu("File",
		item("New invoice", newInv, func() { ui.NewInvoice(0) }),
		item("Save", save, ui.Save),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Open company file…", ui.OpenFileDialog),
		fyne.NewMenuItem("New company…", ui.NewCompany),
		fyne.NewMenuItem("Open sample company", ui.OpenSample),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Import mail…", func() {
			if ui.Inbox != nil && ui.Store != nil {
				ui.SelectTab(TabInbox)
				ui.Inbox.ShowImportMail()
			}
		}),
	)
	edit := fyne.NewMenu("Edit", item("Find", find, ui.FocusSearch))
	ui.Win.SetMainMenu(fyne.NewMainMenu(file, edit))
}

// NewInvoice opens the invoice editor on a new draft (for customer id, 0 = choose).
func (ui *UI) NewInvoice(customerID int64) {
	if ui.Store == nil || ui.Invoices == nil {
		return
	}
	ui.SelectTab(TabInvoices)
	ui.Invoices.NewDraft(customerID)
}

// FocusSearch puts the cursor in the current screen's search field.
func (ui *UI) FocusSearch() {
	if ui.Tabs == nil {
		return
	}
	var e fyne.Focusable
	switch ui.Tabs.Selected().Text {
	case TabCustomers:
		e = ui.Customers.Search
	case TabInvoices:
		if ui.Invoices.Editor == nil {
			e = ui.Invoices.Text
		}
	case TabPayments:
		e = ui.Payments.Search
	default:
		ui.SelectTab(TabInvoices)
		e = ui.Invoices.Text
	}
	if e != nil {
		ui.Win.Canvas().Focus(e)
		// Select the old search so that typing replaces it.
		if en, ok := e.(*widget.Entry); ok {
			en.TypedShortcut(&fyne.ShortcutSelectAll{})
		}
	}
}

// Save saves the form being edited on the current screen.
func (ui *UI) Save() {
	if ui.Tabs == nil {
		if ui.Start != nil && ui.Start.Form != nil {
			ui.Start.Create()
		}
		return
	}
	switch ui.Tabs.Selected().Text {
	case TabCustomers:
		if ui.Customers.Form != nil {
			ui.Customers.Form.Save()
		}
	case TabInvoices:
		if ui.Invoices.Editor != nil {
			ui.Invoices.Editor.Save()
		}
	case TabPayments:
		ui.Payments.Record()
	case TabSettings:
		ui.Settings.Save()
	}
}

// SelectTab shows a screen by name.
func (ui *UI) SelectTab(name string) {
	if ui.Tabs == nil {
		return
	}
	for _, it := range ui.Tabs.Items {
		if it.Text == name {
			ui.Tabs.Select(it)
			return
		}
	}
}

// OpenFile opens a company file (taking its lock) and shows the main screens; forms with
// unsaved changes of the file open now are asked about first.
func (ui *UI) OpenFile(path string) {
	ui.LeaveAll(func() { ui.openFile(path, data.Options{}) }, nil)
}

func (ui *UI) openFile(path string, opt data.Options) {
	opt.BeforeMigrate = data.SnapshotBeforeMigrate // a copy before the schema changes
	release, err := lockFile(path, opt.ReadOnly)
	if err != nil {
		var le lockedError
		var se *data.StorageError
		switch {
		case errors.As(err, &le):
			ui.askLocked(path, err)
		case errors.As(err, &se) && se.ReadOnly():
			ui.openFile(path, data.Options{ReadOnly: true})
			ui.ShowError(fmt.Errorf("opened read-only: %w", err))
		default:
			ui.showStartWithError(err)
		}
		return
	}
	if !opt.ReadOnly && data.NeedsUpdate(path) {
		ui.openUpdating(path, opt, release)
		return
	}
	s, err := data.OpenExisting(path, opt) // never creates, never touches another program's file
	ui.opened(path, opt, release, s, err)
}

// updateStarting, when set (tests), runs on the worker before the update of a file begins.
var updateStarting func()

// openUpdating opens a file of an earlier Duebook, which is first copied and then brought
// up to date: off the UI goroutine, behind a dialog that shows each stage and can cancel
// (the file is then left as it was).
func (ui *UI) openUpdating(path string, opt data.Options, release func()) {
	var m *Modal
	m = ui.RunLong("Updating the company file",
		filepath.Base(path)+" was written by an earlier version of Duebook. It is brought up to date once; a safety copy of it goes to the backups folder first.",
		func(ctx context.Context, progress func(float64)) (func(), error) {
			opt.Context = ctx
			opt.Progress = func(p data.MigrateProgress) {
				switch {
				case p.Stage == data.StageCopy && p.Total > 0:
					progress(float64(p.Done) / float64(p.Total))
				default:
					progress(-1)
				}
				text := strings.ToUpper(p.String()[:1]) + p.String()[1:]
				ui.postProgress(func() {
					if m != nil && m.Status != nil && m.Status.Text != "Cancelling…" {
						m.Status.SetText(text)
					}
				})
			}
			if updateStarting != nil {
				updateStarting()
			}
			s, err := data.OpenExisting(path, opt)
			if ctx.Err() != nil {
				if s != nil {
					s.Close()
				}
				return nil, ctx.Err()
			}
			return func() { ui.opened(path, opt, release, s, err) }, nil
		}, func() {
			if release != nil {
				release()
			}
			if ui.Store == nil {
				ui.ShowStart()
			}
			ui.ShowInfo("Update cancelled", filepath.Base(path)+" was not changed. It opens again with the earlier version of Duebook, or is brought up to date the next time you open it here.")
		})
}

// opened shows the file just opened (s), or says why it could not be (err).
func (ui *UI) opened(path string, opt data.Options, release func(), s *data.Store, err error) {
	if err != nil {
		if release != nil {
			release()
		}
		var se *data.StorageError
		if errors.As(err, &se) && se.ReadOnly() && !opt.ReadOnly {
			// A read-only file or folder: show it read-only, and say why.
			ui.openFile(path, data.Options{ReadOnly: true})
			ui.ShowError(fmt.Errorf("opened read-only: %w", err))
			return
		}
		ui.showStartWithError(err)
		return
	}
	if !opt.ReadOnly {
		if err := data.RememberFile(path); err != nil {
			fmt.Fprintln(os.Stderr, "duebook: remembering the file:", err)
		}
	}
	ui.Attach(s, release)
}

func (ui *UI) showStartWithError(err error) {
	ui.ShowStart()
	ui.ShowError(err)
}

// askLocked offers what to do when another Duebook has the file open.
func (ui *UI) askLocked(path string, err error) {
	if ui.Tabs == nil {
		ui.ShowStart()
	}
	msg := humanError(err)
	var le *data.LockedError
	if errors.As(err, &le) {
		msg = le.Holder() + "."
	}
	ui.ShowModal("Company file in use", msg+"\n\nOpen it read-only, or break the lock if that program is no longer running.", nil,
		ModalButton{Text: "Open read-only", Main: true, Action: func() bool {
			ui.openFile(path, data.Options{ReadOnly: true})
			return true
		}},
		ModalButton{Text: "Break lock", Action: func() bool {
			if err := breakLock(path); err != nil {
				ui.ShowError(err)
				return true
			}
			ui.openFile(path, data.Options{})
			return true
		}},
		ModalButton{Text: "Cancel"},
	)
}

// Attach shows the screens of an open store (release, if set, is called on close).
func (ui *UI) Attach(s *data.Store, release func()) {
	ui.closeStore()
	ui.Store, ui.release = s, release
	comp, err := s.Company(context.Background())
	if err != nil {
		ui.ShowError(err)
	}
	ui.Company = comp
	b, ok := lastAutoBackup(s.Path())
	ui.unbacked.Store(!ok || !b.Day.Equal(data.DateOf(dailyBackupNow())))
	ui.watch(s)
	ui.build()
	ui.startOpenCheck()   // invariants now, every page in the background (before the daily backup: it keeps the status text)
	ui.startDailyBackup() // the day's automatic backup while the window stays open
}

func (ui *UI) closeStore() {
	ui.stopOpenCheck()   // cancels the page check and waits until it no longer uses the store
	ui.stopDailyBackup() // waits until it no longer uses the store
	ui.epoch++
	ui.stopWatching()
	if ui.Store != nil {
		if !ui.Store.ReadOnly() && ui.unbacked.Load() {
			// The daily backup (30 daily, 12 monthly kept), made as the file is closed
			// when something changed since the last one.
			if _, err := ui.Store.AutoBackup(context.Background(), "", dailyBackupNow()); err != nil {
				fmt.Fprintln(os.Stderr, "duebook: automatic backup:", err)
			}
		}
		ui.Store.Close()
		ui.Store = nil
	}
	if ui.release != nil {
		ui.release()
		ui.release = nil
	}
}

// Close closes the company file (tests; the window's close does it too).
func (ui *UI) Close() {
	ui.Wait()
	ui.closeStore()
}

func (ui *UI) build() {
	ui.Start = nil
	ui.guards = nil // the forms of the file closed went with it
	ui.Dashboard = newDashboard(ui)
	ui.Customers = newCustomersScreen(ui)
	ui.Invoices = newInvoicesScreen(ui)
	ui.Payments = newPaymentsScreen(ui)
	ui.Collections = newCollectionsScreen(ui)
	ui.Inbox = newInboxScreen(ui)
	ui.Reports = newReportsScreen(ui)
	ui.Settings = newSettingsScreen(ui)
	// Text-only tabs: with icons the eight tabs need about 670 px of height, and at 1024x640
	// Reports and Settings went into an overflow menu.
	ui.Tabs = container.NewAppTabs(
		container.NewTabItem(TabDashboard, ui.Dashboard.Root),
		container.NewTabItem(TabCustomers, ui.Customers.Root),
		container.NewTabItem(TabInvoices, ui.Invoices.Root),
		container.NewTabItem(TabPayments, ui.Payments.Root),
		container.NewTabItem(TabCollections, ui.Collections.Root),
		container.NewTabItem(TabInbox, ui.Inbox.Root),
		container.NewTabItem(TabReports, ui.Reports.Root),
		container.NewTabItem(TabSettings, ui.Settings.Root),
	)
	ui.Tabs.SetTabLocation(container.TabLocationLeading)
	ui.curTab = TabDashboard
	ui.stale = map[string]bool{TabInvoices: true, TabPayments: true}
	ui.guardTabs(func(it *container.TabItem) {
		switch it.Text {
		case TabCollections:
			ui.Collections.Reload()
		case TabInvoices, TabPayments:
			ui.reloadIfStale(it.Text)
		}
	})
	file := ui.Store.Path()
	mode := ""
	if ui.Store.ReadOnly() {
		mode = "  ·  READ-ONLY (another Duebook has this file open)"
	}
	ui.StatusBar = widget.NewLabel(fmt.Sprintf("%s  ·  %s  ·  today %s%s", ui.Company.Name, file, ui.Store.Today(), mode))
	ui.StatusBar.Truncation = fyne.TextTruncateEllipsis
	if ui.Store.ReadOnly() {
		ui.StatusBar.Importance = widget.WarningImportance
	}
	ui.Win.SetTitle("Duebook — " + ui.Company.Name)
	ui.Notice = widget.NewLabel("")
	ui.Notice.Importance = widget.SuccessImportance
	ui.Win.SetContent(container.NewBorder(nil, container.NewBorder(nil, nil, nil, ui.Notice, ui.StatusBar), nil, nil, ui.Tabs))
	ui.Reload()
}

// Reload re-reads the screens' data (after a change): the dashboard and the customers (the
// pickers of every form use them) at once; the invoice and payment lists, every row of the
// file, when their screen is shown (at once if it is, else when it is next selected: at a
// million invoices each takes seconds of CPU, which a change made elsewhere need not pay).
func (ui *UI) Reload() {
	if ui.Store == nil || ui.Tabs == nil {
		return
	}
	ui.Dashboard.Reload()
	ui.Customers.Reload()
	ui.stale[TabInvoices], ui.stale[TabPayments] = true, true
	ui.reloadIfStale(ui.curTab)
}

// reloadIfStale re-reads the list of screen tab if a change came since it last read it.
func (ui *UI) reloadIfStale(tab string) {
	if !ui.stale[tab] {
		return
	}
	ui.stale[tab] = false
	switch tab {
	case TabInvoices:
		ui.Invoices.Reload()
	case TabPayments:
		ui.Payments.Reload()
	}
}

// Changed asks the screens to re-read what they show (the store's change signal does it
// after every write; a change that is not a write, such as another file, calls it).
func (ui *UI) Changed() { ui.storeChanged() }

// Notify confirms what was just done in the status bar (until the next confirmation).
func (ui *UI) Notify(msg string) {
	if ui.Notice != nil {
		ui.Notice.SetText(shorten(msg, 80))
	}
}

// Today is the store's today.
func (ui *UI) Today() data.Date { return ui.Store.Today() }

// defaultDataDir is where new and sample company files go.
func defaultDataDir() (string, error) {
	dir, err := data.ConfigDir()
	if err != nil {
		return "", err
	}
	return dir, os.MkdirAll(dir, 0o700)
}

// fileNameFor makes a file name from a company name.
func fileNameFor(name string) string {
	var b strings.Builder
	for _, r := range strings.TrimSpace(name) {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_':
			b.WriteRune(r)
		case r == ' ' || r == '.':
			b.WriteRune('-')
		}
	}
	s := strings.Trim(b.String(), "-")
	if s == "" {
		s = "company"
	}
	return s + ".duebook"
}
