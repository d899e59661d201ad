package app

import (
	"context"
	"errors"
	"fmt"
	"image/color"
	"os"
	"path/filepath"
	"strings"

	"duebook/data"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"
)

// SampleName is the file name of the sample company in the user's data dir.
const SampleName = "Sample Company.duebook"

// StartScreen is shown when no company file is open: open the sample, make a new
// company, or open a file.
type StartScreen struct {
	ui           *UI
	Root         *fyne.Container
	SampleButton *widget.Button
	NewButton    *widget.Button
	OpenButton   *widget.Button

	// the new-company form (nil until shown)
	Form         *Form
	CreateButton *widget.Button
	fileEdited   bool
}

// ShowStart closes the open company (if any) and shows the first-start screen.
func (ui *UI) ShowStart() {
	ui.closeStore()
	ui.Tabs = nil
	st := &StartScreen{ui: ui}
	ui.Start = st
	st.SampleButton = widget.NewButton("Open sample company", ui.OpenSample)
	st.SampleButton.Importance = widget.HighImportance
	st.NewButton = widget.NewButton("New company…", st.ShowNewCompany)
	st.OpenButton = widget.NewButton("Open file…", ui.OpenFileDialog)
	intro := widget.NewLabel("Duebook keeps your customers, invoices and payments in one company file.\n" +
		"Try it with a sample company, start your own, or open an existing file.")
	intro.Alignment = fyne.TextAlignCenter
	title := heading("Welcome to Duebook")
	title.Alignment = fyne.TextAlignCenter
	box := container.NewVBox(title, intro,
		container.NewGridWithColumns(3, st.SampleButton, st.NewButton, st.OpenButton))
	if cfg, err := data.LoadConfig(); err == nil && len(cfg.RecentFiles) > 0 {
		box.Add(widget.NewLabel("Recent company files:"))
		for _, f := range cfg.RecentFiles {
			f := f
			if _, err := os.Stat(f); err != nil {
				continue
			}
			b := widget.NewButton(f, func() { ui.OpenFile(f) })
			b.Alignment = widget.ButtonAlignLeading
			box.Add(b)
		}
	}
	st.Root = container.NewCenter(container.NewPadded(box))
	ui.Win.SetTitle("Duebook")
	ui.Win.SetContent(st.Root)
}

// ShowNewCompany shows the new-company form.
func (st *StartScreen) ShowNewCompany() {
	f := NewForm()
	st.Form = f
	name := f.Entry("name", "Company name", "as it heads your invoices") // not a sample name that looks filled in
	f.MultiLine("address", "Address", "Street\nCity, Region Postcode\nCountry")
	f.Entry("currency", "Currency", "USD").SetText("USD")
	f.Entry("default_terms", "Default terms (days)", "30").SetText("30")
	f.Entry("invoice_format", "Invoice number format", "INV-{n:05}").SetText("INV-{n:05}")
	file := f.Entry("file", "Company file", "")
	dir := newCompanyDir()
	file.SetText(filepath.Join(dir, "company.duebook"))
	name.Entry.OnChanged = func(s string) {
		if !st.fileEdited {
			file.Entry.OnChanged = nil
			file.SetText(filepath.Join(dir, fileNameFor(s)))
			file.Entry.OnChanged = func(string) { st.fileEdited = true }
		}
	}
	file.Entry.OnChanged = func(string) { st.fileEdited = true }
	st.CreateButton = widget.NewButton("Create company", st.Create)
	st.CreateButton.Importance = widget.HighImportance
	back := widget.NewButton("Back", st.ui.ShowStart)
	form := container.NewVBox(heading("New company"), f.Object(), container.NewHBox(back, st.CreateButton))
	width := canvas.NewRectangle(color.Transparent)
	width.SetMinSize(fyne.NewSize(640, 0))
	st.Root.Objects = []fyne.CanvasObject{container.NewStack(width, container.NewPadded(form))}
	st.Root.Refresh()
	st.ui.Win.Canvas().Focus(name.Entry)
}

// newCompanyDir is the folder a new company file is proposed in: Documents/Duebook in the
// user's home, where they look for their files (the company's statements, reports and
// letters are written beside it), rather than the hidden application data folder. That
// folder is used when there is no Documents folder, or when DUEBOOK_CONFIG_DIR puts
// Duebook's files elsewhere.
func newCompanyDir() string {
	if os.Getenv("DUEBOOK_CONFIG_DIR") == "" {
		if home, err := os.UserHomeDir(); err == nil {
			if st, err := os.Stat(filepath.Join(home, "Documents")); err == nil && st.IsDir() {
				return filepath.Join(home, "Documents", "Duebook")
			}
		}
	}
	dir, _ := defaultDataDir()
	return dir
}

// Create validates the new-company form, makes the file and opens it.
func (st *StartScreen) Create() {
	f := st.Form
	var v fieldErrors
	c := data.DefaultCompany()
	c.Name = f.Field("name").Text()
	c.Address = strings.TrimSpace(f.Field("address").Text())
	c.Currency = strings.ToUpper(strings.TrimSpace(f.Field("currency").Text()))
	c.DefaultTermsDays = parseIntField(&v, "default_terms", f.Field("default_terms").Text())
	c.InvoiceFormat = strings.TrimSpace(f.Field("invoice_format").Text())
	if err := c.Validate(); err != nil {
		var ve data.ValidationErrors
		if errors.As(err, &ve) {
			for _, e := range ve {
				if v.Fields()[e.Field] == "" {
					v = append(v, e)
				}
			}
		}
	}
	path := strings.TrimSpace(f.Field("file").Text())
	if path == "" {
		addErr(&v, "file", "is required")
	} else if _, err := os.Stat(path); err == nil {
		addErr(&v, "file", "already exists; choose another name or open it with Open file…")
	} else if d := filepath.Dir(path); d != "" {
		if err := os.MkdirAll(d, 0o700); err != nil {
			addErr(&v, "file", humanError(err))
		}
	}
	if f.ShowErrors(errOrNil(v)) {
		return
	}
	if err := createCompany(path, c); err != nil {
		f.ShowErrors(err)
		return
	}
	st.ui.OpenFile(path)
}

// createCompany makes the new company file (whole, or nothing: data.MakeCompany).
func createCompany(path string, c data.Company) error {
	err := data.MakeCompany(context.Background(), path, data.Options{}, false, func(ctx context.Context, s *data.Store) error {
		return s.SaveCompany(ctx, c)
	})
	if err != nil && data.FieldErrors(err) == nil {
		return &data.FieldError{Field: "file", Msg: humanError(err)}
	}
	return err
}

// OpenSample opens the sample company in the user's data dir, making it first (with a
// progress dialog) when it does not exist yet.
func (ui *UI) OpenSample() {
	dir, err := defaultDataDir()
	if err != nil {
		ui.ShowError(err)
		return
	}
	path := filepath.Join(dir, SampleName)
	if _, err := os.Stat(path); err == nil {
		ui.OpenFile(path)
		return
	}
	ui.RunLong("Sample company", "Making a sample company with two years of invoices and payments…",
		func(ctx context.Context, progress func(float64)) (func(), error) {
			// Built beside the file and moved into place only when whole (a cancel or a
			// full disk leaves nothing).
			err := data.MakeCompany(ctx, path, data.Options{}, false, func(ctx context.Context, s *data.Store) error {
				return s.GenerateDemo(ctx, data.DemoOptions{Customers: 120, Invoices: 3000, Seed: 1, Today: s.Today(),
					Progress: func(done, total int) {
						if total > 0 {
							progress(float64(done) / float64(total))
						}
					}})
			})
			if err != nil {
				return nil, fmt.Errorf("making the sample company: %w", err)
			}
			return func() { ui.OpenFile(path) }, nil
		}, func() {})
}

// OpenFileDialog lets the user pick a company file.
func (ui *UI) OpenFileDialog() {
	dir, _ := defaultDataDir()
	ui.pickFile("", dir, []string{".duebook", ".db", ".sqlite"}, ui.OpenFile)
}

// pickFile shows the file-open dialog in dir ("" = the dialog's default) for files with the
// extensions and passes the chosen path to cb (nothing when cancelled).
func (ui *UI) pickFile(confirm, dir string, exts []string, cb func(path string)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			ui.ShowError(err)
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		cb(path)
	}, ui.Win)
	d.SetFilter(storage.NewExtensionFileFilter(exts))
	if confirm != "" {
		d.SetConfirmText(confirm)
	}
	if dir != "" {
		if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
			d.SetLocation(l)
		}
	}
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}
