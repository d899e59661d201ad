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
}

func newSettingsScreen(ui *UI) *SettingsScreen {
	st := &SettingsScreen{ui: ui}
	f := NewForm()
	st.Form = f
	c := ui.Company
	f.Entry("name", "Company name", "").SetText(c.Name)
	f.MultiLine("address", "Address", "").SetText(c.Address)
	f.Entry("email", "Email", "").SetText(c.Email)
	f.Entry("phone", "Phone", "").SetText(c.Phone)
	f.Entry("tax_id", "Tax ID", "").SetText(c.TaxID)
	f.Entry("currency", "Currency", "USD").SetText(c.Currency)
	f.Entry("default_terms", "Default terms (days)", "30").SetText(fmt.Sprint(c.DefaultTermsDays))
	f.Entry("default_tax_rate", "Default tax rate (%)", "0").SetText(formatDecimal(c.DefaultTaxRateBP, 2))
	f.Entry("invoice_format", "Invoice number format", "INV-{n:05}").SetText(c.InvoiceFormat)
	f.Entry("credit_note_format", "Credit note number format", "CN-{n:05}").SetText(c.CreditNoteFormat)
	f.MultiLine("payment_instructions", "Payment instructions", "printed on invoices and statements").SetText(c.PaymentInstructions)
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
		widget.NewButton("New company…", func() { ui.ShowStart(); ui.Start.ShowNewCompany() }),
		widget.NewButton("Open sample company", ui.OpenSample),
	)))
	theme := widget.NewLabel("Light or dark follows your system's setting.")
	st.Root = container.NewVScroll(container.NewPadded(container.NewVBox(
		heading("Settings"),
		widget.NewCard("Company", "heads every invoice, statement and letter", container.NewVBox(f.Object(),
			container.NewHBox(layout.NewSpacer(), st.Saved, st.SaveBtn))),
		files, st.newBackupsCard(), theme,
	)))
	return st
}

// Save validates and stores the company settings.
func (st *SettingsScreen) Save() {
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
	if err := c.Validate(); err != nil {
		for name, msg := range data.FieldErrors(err) {
			if v.Fields()[name] == "" {
				addErr(&v, name, msg)
			}
		}
	}
	st.Saved.SetText("")
	if f.ShowErrors(errOrNil(v)) {
		return
	}
	if f.ShowErrors(st.ui.Store.SaveCompany(context.Background(), c)) {
		return
	}
	st.ui.Company = c
	st.ui.Win.SetTitle("Duebook — " + c.Name)
	st.Saved.SetText("Saved.")
	st.ui.Changed()
}
