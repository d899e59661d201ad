//go:build screens

package app

import (
	"context"
	"fmt"
	"image"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"duebook/data"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/software"
	"fyne.io/fyne/v2/widget"
)

// The screens tour (build tag "screens", `make screens`): with DUEBOOK_SCREENS=DIR the real
// window visits every screen and main dialog on the open company, saves each as
// DIR/WxH-NN-name.png at the size DUEBOOK_SCREENS_SIZE (default 1280x800), and quits.
func init() { tourHook = runTour }

type tourStep struct {
	name string
	do   func(ui *UI)
}

func tourSteps() []tourStep {
	closeModal := func(ui *UI) {
		if ui.Modal != nil {
			ui.Modal.Hide()
		}
	}
	firstInvoice := func(ui *UI, open bool) int64 {
		rows, err := ui.Store.InvoiceRows(context.Background(), nil)
		if err != nil {
			return 0
		}
		for _, r := range rows {
			if r.Status == data.StatusPosted && open == (r.Open > 0) {
				return r.ID
			}
		}
		return 0
	}
	return []tourStep{
		{"dashboard", func(ui *UI) { ui.SelectTab(TabDashboard) }},
		{"customers", func(ui *UI) { ui.SelectTab(TabCustomers) }},
		{"customer-edit", func(ui *UI) {
			if c := ui.Customers.Detail.Customer; c != nil {
				ui.Customers.Edit(c)
			}
		}},
		{"customer-unsaved-question", func(ui *UI) {
			if f := ui.Customers.Form; f != nil {
				f.Form.Field("phone").SetText("+1 555 0199")
				ui.SelectTab(TabInvoices)
			}
		}},
		{"customer-statement-dialog", func(ui *UI) {
			closeModal(ui)
			if f := ui.Customers.Form; f != nil {
				f.close()
			}
			ui.selectTabUnguarded(TabCustomers)
			if c := ui.Customers.Detail.Customer; c != nil {
				ui.PrintStatement(c.ID)
			}
		}},
		{"invoices", func(ui *UI) { closeModal(ui); ui.SelectTab(TabInvoices) }},
		{"invoice-view", func(ui *UI) {
			if id := firstInvoice(ui, true); id != 0 {
				ui.OpenInvoice(id)
			}
		}},
		{"invoice-print-dialog", func(ui *UI) {
			if v := ui.Invoices.View; v != nil {
				ui.PrintInvoice(v.Invoice.ID)
			}
		}},
		{"invoice-new-draft", func(ui *UI) {
			closeModal(ui)
			ui.NewInvoice(0)
			if e := ui.Invoices.Editor; e != nil {
				e.Lines[0].Desc.SetText("Copper fittings (box)")
				e.Lines[0].Qty.SetText("-2")
				e.Lines[0].Price.SetText("12.50")
				e.Save()
			}
		}},
		{"payments", func(ui *UI) {
			if e := ui.Invoices.Editor; e != nil {
				e.baseline = e.snapshot()
				ui.Invoices.CloseDetail()
			}
			ui.SelectTab(TabPayments)
		}},
		{"payments-selected", func(ui *UI) {
			if len(ui.Payments.shown) > 0 {
				ui.Payments.Table.Select(widget.TableCellID{Row: 0, Col: 1})
			}
		}},
		{"collections", func(ui *UI) {
			ui.SelectTab(TabCollections)
		}},
		{"collections-row", func(ui *UI) {
			if len(ui.Collections.Rows) > 0 {
				ui.Collections.List.Select(0)
			}
		}},
		{"collections-log-contact", func(ui *UI) { ui.Collections.LogContact() }},
		{"collections-letter-dialog", func(ui *UI) { closeModal(ui); ui.Collections.PrintLetter() }},
		{"collections-monthly", func(ui *UI) {
			closeModal(ui)
			ui.Collections.Tabs.SelectIndex(1)
		}},
		{"inbox", func(ui *UI) { ui.Collections.Tabs.SelectIndex(0); ui.SelectTab(TabInbox) }},
		{"inbox-message", func(ui *UI) {
			// the sample company's message that needs a choice, else the first one
			pick := 0
			for i, m := range ui.Inbox.Messages {
				if m.Status == "proposed" {
					pick = i
					break
				}
			}
			if len(ui.Inbox.Messages) > 0 {
				ui.Inbox.List.Select(pick)
			}
		}},
		{"inbox-change-dialog", func(ui *UI) {
			if ui.Inbox.Selected >= 0 {
				ui.Inbox.ChangeSelected()
			}
		}},
		{"mail-account-dialog", func(ui *UI) { closeModal(ui); ui.Inbox.ShowAccount() }},
		{"mail-account-unsaved-question", func(ui *UI) {
			if af := ui.Inbox.AccountForm; af != nil {
				af.Form.Field("host").SetText("imap.example.com")
				af.Form.Field("user").SetText("accounts@example.com")
				tapCancel(ui)
			}
		}},
		{"reports", func(ui *UI) {
			if af := ui.Inbox.AccountForm; af != nil && ui.Modal != nil {
				if b := ui.Modal.Button("Discard"); b != nil {
					b.OnTapped()
				}
			}
			closeModal(ui)
			ui.SelectTab(TabReports)
		}},
		{"settings", func(ui *UI) { ui.SelectTab(TabSettings) }},
	}
}

// tapCancel presses the Cancel button of the dialog shown (as the user would).
func tapCancel(ui *UI) {
	if ui.Modal != nil {
		if b := ui.Modal.Button("Cancel"); b != nil && b.OnTapped != nil {
			b.OnTapped()
		}
	}
}

func runTour(ui *UI) bool {
	dir := os.Getenv("DUEBOOK_SCREENS")
	if dir == "" {
		return false
	}
	size := fyne.NewSize(1280, 800)
	name := os.Getenv("DUEBOOK_SCREENS_SIZE")
	if w, h, ok := strings.Cut(name, "x"); ok {
		wi, err1 := strconv.Atoi(w)
		hi, err2 := strconv.Atoi(h)
		if err1 == nil && err2 == nil && wi > 0 && hi > 0 {
			size = fyne.NewSize(float32(wi), float32(hi))
		}
	}
	label := fmt.Sprintf("%dx%d", int(size.Width), int(size.Height))
	go func() {
		defer fyne.Do(ui.App.Quit)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			fmt.Fprintln(os.Stderr, "duebook: screens:", err)
			return
		}
		fyne.DoAndWait(func() { ui.Win.Resize(size) })
		time.Sleep(1500 * time.Millisecond)
		ui.Wait()
		for i, st := range tourSteps() {
			fyne.DoAndWait(func() { st.do(ui) })
			time.Sleep(900 * time.Millisecond)
			ui.Wait()
			time.Sleep(300 * time.Millisecond)
			img := capture(ui)
			p := filepath.Join(dir, fmt.Sprintf("%s-%02d-%s.png", label, i+1, st.name))
			if err := writePNG(p, img); err != nil {
				fmt.Fprintln(os.Stderr, "duebook: screens:", err)
				return
			}
			b := img.Bounds()
			var grew string
			fyne.DoAndWait(func() {
				s := ui.Win.Canvas().Size()
				if m := ui.Win.Content().MinSize(); m.Width > s.Width || m.Height > s.Height {
					s = s.Max(m)
				}
				if s.Width > size.Width+1 || s.Height > size.Height+1 {
					grew = fmt.Sprintf(" (TOO SMALL: the screen needs %.0fx%.0f)", s.Width, s.Height)
				}
			})
			fmt.Printf("%s %dx%d%s\n", p, b.Dx(), b.Dy(), grew)
		}
		fyne.DoAndWait(func() { ui.guards = nil })
	}()
	return true
}

// capture reads the window's pixels; when the GL read-back gives nothing (Mesa under Xvfb)
// they are read from the X server (displayImage), and failing that the same widget tree,
// dialogs included, is painted by Fyne's software painter.
func capture(ui *UI) image.Image {
	var img image.Image
	for try := 0; try < 4; try++ {
		fyne.DoAndWait(func() { img = ui.Win.Canvas().Capture() })
		if !flatImage(img) {
			return img
		}
		time.Sleep(300 * time.Millisecond)
	}
	if img := displayImage(ui); !flatImage(img) {
		return img
	}
	fyne.DoAndWait(func() {
		size := ui.Win.Canvas().Size()
		c := software.NewCanvas()
		c.SetPadded(false)
		content := ui.Win.Content()
		overlays := ui.Win.Canvas().Overlays().List()
		c.SetContent(content)
		c.Resize(size)
		for _, o := range overlays {
			c.Overlays().Add(o)
		}
		img = c.Capture()
		for range overlays {
			c.Overlays().Remove(c.Overlays().Top())
		}
		ui.Win.SetContent(content)
	})
	return img
}
