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

// SettingsScreen edits the company settings and switches company files.
type SettingsScreen struct {
	ui      *UI
	Root    fyne.CanvasObject
	Form    *Form
	SaveBtn *widget.Button
	Saved   *widget.Label

	// Backups card (backup_ui.go).
	BackupFolder  *widget.Label
	LastBackup    *widget.Label
	BackupNowBtn  *widget.Button
	RestoreBtn    *widget.Button
	OpenFolderBtn *widget.Button
	// ChooseBackupFile asks where to write a backup (suggesting a file) and calls cb with
	// it; ChooseRestoreFile asks for the backup to restore. Tests replace them.
	ChooseBackupFile  func(suggested string, cb func(path string))
	ChooseRestoreFile func(cb func(path string))
	daily             *dailyBackup // the daily backup while the file is open
	baseline          string       // the form's text as saved
}

func newSettingsScreen(ui *UI) *SettingsScreen {
	st := &SettingsScreen{ui: ui}
	f := NewForm()
	st.Form = f
	f.Entry("name", "Company name", "")
	f.MultiLine("address", "Address", "")
	f.Entry("email", "Email", "")
	f.Entry("phone", "Phone", "")
	f.Entry("tax_id", "Tax ID", "")
	f.Entry("currency", "Currency", "USD")
	f.Entry("default_terms", "Default terms (days)", "30")
	f.Entry("default_tax_rate", "Default tax rate (%)", "0")
	f.Entry("invoice_format", "Invoice number format", "INV-{n:05}")
	f.Entry("credit_note_format", "Credit note number format", "CN-{n:05}")
	numbers := widget.NewLabel("In a number format, {n} is the running number and {n:05} the same with 5 digits: INV-{n:05} gives INV-00042.")
	numbers.Wrapping = fyne.TextWrapWord
	numbers.TextStyle.Italic = true
	f.MultiLine("payment_instructions", "Payment instructions", "printed on invoices and statements")
	st.fill(ui.Company)
	f.Live(func() error { _, err := st.read(); return err })
	ui.SetGuard("settings", &FormGuard{What: "the company settings", Tab: TabSettings,
		Dirty: func() bool { return f.Snapshot() != st.baseline },
		Save:  st.save,
		Discard: func() {
			st.fill(st.ui.Company)
			f.Clear()
		}})
	st.SaveBtn = widget.NewButtonWithIcon("Save settings (Ctrl+S)", theme.DocumentSaveIcon(), st.Save)
	st.SaveBtn.Importance = widget.HighImportance
	st.Saved = widget.NewLabel("")
	if ui.Store.ReadOnly() {
		st.SaveBtn.Disable()
	}
	file := widget.NewLabel("Company file: " + ui.Store.Path())
	file.Wrapping = fyne.TextWrapBreak
	files := widget.NewCard("Company file", "", container.NewVBox(file, container.NewHBox(
		widget.NewButton("Open another…", ui.OpenFileDialog),
		widget.NewButton("New company…", ui.NewCompany),
		widget.NewButton("Open sample company", ui.OpenSample),
	)))
	theme := widget.NewLabel("Light or dark follows your system's setting.")
	page := container.NewVScroll(container.NewPadded(container.NewVBox(
		heading("Settings"),
		widget.NewCard("Company", "heads every invoice, statement and letter", container.NewVBox(f.Object(), numbers)),
		files, st.newBackupsCard(), theme,
	)))
	f.PageScroll = page
	// Save stays in sight below the page, as in the customer form and the invoice editor: at
	// 1024x640 it was below the fold, under the company fields
	st.Root = container.NewBorder(nil, container.NewPadded(container.NewHBox(layout.NewSpacer(), st.Saved, st.SaveBtn)), nil, nil, page)
	return st
}

// fill shows the settings of c in the form (they are then the saved state).
func (st *SettingsScreen) fill(c data.Company) {
	f := st.Form
	f.Field("name").SetText(c.Name)
	f.Field("address").SetText(c.Address)
	f.Field("email").SetText(c.Email)
	f.Field("phone").SetText(c.Phone)
	f.Field("tax_id").SetText(c.TaxID)
	f.Field("currency").SetText(c.Currency)
	f.Field("default_terms").SetText(fmt.Sprint(c.DefaultTermsDays))
	f.Field("default_tax_rate").SetText(formatDecimal(c.DefaultTaxRateBP, 2))
	f.Field("invoice_format").SetText(c.InvoiceFormat)
	f.Field("credit_note_format").SetText(c.CreditNoteFormat)
	f.Field("payment_instructions").SetText(c.PaymentInstructions)
	st.baseline = f.Snapshot()
}

// Save validates and stores the company settings.
func (st *SettingsScreen) Save() { st.save() }

// save is Save telling whether the settings were stored.
func (st *SettingsScreen) save() bool {
	f := st.Form
	c, err := st.read()
	st.Saved.SetText("")
	if f.ShowErrors(err) {
		return false
	}
	if f.ShowErrors(st.ui.Store.SaveCompany(context.Background(), c)) {
		return false
	}
	st.ui.Company = c
	st.baseline = f.Snapshot()
	st.ui.Win.SetTitle("Duebook — " + c.Name)
	st.Saved.SetText("Saved.")
	st.ui.Notify("Company settings saved.")
	st.ui.Changed()
	return true
}

// read gives the settings the form says, with every reason they would be refused.
func (st *SettingsScreen) read() (data.Company, error) {
	f := st.Form
	var v fieldErrors
	c := st.ui.Company
	c.Name = f.Field("name").Text()
	c.Address = strings.TrimSpace(f.Field("address").Text())
	c.Email = strings.TrimSpace(f.Field("email").Text())
	c.Phone = strings.TrimSpace(f.Field("phone").Text())
	c.TaxID = strings.TrimSpace(f.Field("tax_id").Text())
	c.Currency = strings.ToUpper(strings.TrimSpace(f.Field("currency").Text()))
	c.DefaultTermsDays = parseIntField(&v, "default_terms", f.Field("default_terms").Text())
	if t := f.Field("default_tax_rate").Text(); strings.TrimSpace(t) != "" {
		bp, err := parseDecimal(t, 2)
		if err != nil {
			addErr(&v, "default_tax_rate", err.Error())
		}
		c.DefaultTaxRateBP = bp
	} else {
		c.DefaultTaxRateBP = 0
	}
	c.InvoiceFormat = strings.TrimSpace(f.Field("invoice_format").Text())
	c.CreditNoteFormat = strings.TrimSpace(f.Field("credit_note_format").Text())
	c.PaymentInstructions = strings.TrimSpace(f.Field("payment_instructions").Text())
	addStoreErrs(&v, c.Validate())
	return c, errOrNil(v)
}
