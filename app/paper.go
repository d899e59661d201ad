package app

import (
	"bytes"
	"fmt"
	"image/color"
	"io"
	"os"
	"path/filepath"
	"strings"

	"duebook/app/pdfpage"
	"duebook/data"
	"duebook/reports"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"
)

// Paper is one document the window can print, save or open: an invoice, a customer's
// statement or a reminder letter. Make draws it (package reports) for a layout.
type Paper struct {
	Title    string // "Invoice INV-00002"
	FileName string // suggested file name, "INV-00002.pdf"
	Layout   reports.Layout
	Make     func(w io.Writer, layout reports.Layout) error
	// Done, when set, is called after the document was printed ("print") or saved ("save").
	Done func(how string)
}

// PaperDialog is the dialog of a Paper: the envelope layout, a preview of page one, and
// Print / Save PDF… / Open / Close.
type PaperDialog struct {
	Paper   *Paper
	Modal   *Modal
	Layout  *widget.RadioGroup
	Preview *PagePreview
	Status  *widget.Label
	pdf     []byte
}

var layoutTitles = map[reports.Layout]string{
	reports.LayoutUS10:    "US Letter, #10 window envelope",
	reports.LayoutDIN5008: "A4, DIN 5008 window envelope",
}

// ShowPaper shows the document's dialog (UI.Paper is the last one shown; tests drive it).
func (ui *UI) ShowPaper(p *Paper) *PaperDialog {
	d := &PaperDialog{Paper: p, Status: widget.NewLabel("")}
	d.Status.Wrapping = fyne.TextWrapWord
	d.Preview = newPagePreview(340)
	opts := []string{layoutTitles[reports.LayoutUS10], layoutTitles[reports.LayoutDIN5008]}
	d.Layout = widget.NewRadioGroup(opts, func(s string) {
		for l, t := range layoutTitles {
			if t == s {
				p.Layout = l
			}
		}
		d.render()
	})
	d.Layout.Required = true
	if p.Layout == "" {
		p.Layout = reports.LayoutUS10
	}
	scroll := container.NewVScroll(d.Preview)
	h := float32(440)
	if wh := ui.Win.Canvas().Size().Height - 260; wh > 200 && wh < h {
		h = wh
	}
	scroll.SetMinSize(fyne.NewSize(360, h))
	side := container.NewVBox(widget.NewLabel("Paper and envelope"), d.Layout, d.Status)
	body := container.NewBorder(nil, nil, nil, side, scroll)
	d.Modal = ui.ShowModal(p.Title, "", body,
		ModalButton{Text: "Print", Main: true, Action: func() bool { return d.finish(ui, "print") }},
		ModalButton{Text: "Save PDF…", Action: func() bool { return d.finish(ui, "save") }},
		ModalButton{Text: "Open", Action: func() bool { return d.finish(ui, "open") }},
		ModalButton{Text: "Close"})
	d.Layout.SetSelected(layoutTitles[p.Layout]) // renders
	ui.Paper = d
	return d
}

// render draws the document for the chosen layout and shows page one.
func (d *PaperDialog) render() {
	var b bytes.Buffer
	if err := d.Paper.Make(&b, d.Paper.Layout); err != nil {
		d.pdf = nil
		d.Status.SetText("This document cannot be made: " + humanError(err))
		d.Status.Importance = widget.DangerImportance
		d.Status.Refresh()
		d.Preview.SetPage(nil)
		d.setButtons(false)
		return
	}
	d.pdf = b.Bytes()
	d.Status.Importance = widget.MediumImportance
	page, err := pdfpage.FirstPage(d.pdf)
	if err != nil {
		d.Status.SetText("No preview: " + humanError(err) + ". Print, Save and Open still work.")
	} else {
		d.Status.SetText("Page one shown; Open shows every page.")
	}
	d.Preview.SetPage(page)
	d.setButtons(true)
}

func (d *PaperDialog) setButtons(ok bool) {
	if d.Modal == nil {
		return
	}
	for _, t := range []string{"Print", "Save PDF…", "Open"} {
		if b := d.Modal.Button(t); b != nil {
			if ok {
				b.Enable()
			} else {
				b.Disable()
			}
		}
	}
}

// finish prints, saves or opens the document; it tells whether the dialog may close.
func (d *PaperDialog) finish(ui *UI, how string) bool {
	if d.pdf == nil {
		return false
	}
	fail := func(err error) bool {
		d.Status.SetText(humanError(err))
		d.Status.Importance = widget.DangerImportance
		d.Status.Refresh()
		return false
	}
	write := func(path string) error {
		return data.WriteFileAtomic(path, func(w io.Writer) error { _, err := w.Write(d.pdf); return err })
	}
	switch how {
	case "save":
		ui.ChooseSavePath(d.Paper.FileName, func(path string) {
			if err := write(path); err != nil {
				fail(fmt.Errorf("could not save %s: %w", filepath.Base(path), err))
				return
			}
			d.Modal.Hide()
			ui.Notify(fmt.Sprintf("Saved %s in %s", filepath.Base(path), filepath.Dir(path)))
			if d.Paper.Done != nil {
				d.Paper.Done("save")
			}
		})
		return false // closes once a file was chosen and written
	case "print", "open":
		path, err := tempPDF(d.Paper.FileName)
		if err == nil {
			err = write(path)
		}
		if err != nil {
			return fail(fmt.Errorf("could not write the document: %w", err))
		}
		run := ui.Shell.Open
		if how == "print" {
			run = ui.Shell.Print
		}
		if err := run(path); err != nil {
			return fail(err)
		}
		if how == "print" && d.Paper.Done != nil {
			d.Modal.Hide()
			d.Paper.Done("print")
		}
	}
	return true
}

// chooseSavePathDialog asks where to save with Fyne's file dialog.
func (ui *UI) chooseSavePathDialog(name string, done func(path string)) {
	fd := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			ui.ShowError(err)
			return
		}
		if w == nil {
			return // cancelled
		}
		path := w.URI().Path()
		w.Close()
		done(path)
	}, ui.Win)
	fd.SetFileName(name)
	if home, err := os.UserHomeDir(); err == nil {
		dir := filepath.Join(home, "Documents")
		if st, err := os.Stat(dir); err != nil || !st.IsDir() {
			dir = home
		}
		if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
			fd.SetLocation(l)
		}
	}
	fd.Resize(fyne.NewSize(760, 520).Min(ui.Win.Canvas().Size()))
	fd.Show()
}

// safeFileName keeps a document's file name free of path separators and odd characters.
func safeFileName(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '/' || r == '\\' || r == ':' || r == '*' || r == '?' || r == '"' || r == '<' || r == '>' || r == '|' || r < ' ':
			b.WriteRune('-')
		default:
			b.WriteRune(r)
		}
	}
	out := strings.TrimSpace(b.String())
	if out == "" {
		out = "document"
	}
	return out + ".pdf"
}

// PagePreview draws page one of a PDF (as read by pdfpage) scaled to a fixed width.
type PagePreview struct {
	widget.BaseWidget
	width float32
	page  *pdfpage.Page
	box   *fyne.Container
}

func newPagePreview(width float32) *PagePreview {
	p := &PagePreview{width: width, box: container.NewWithoutLayout()}
	p.ExtendBaseWidget(p)
	return p
}

// SetPage draws page (nil: an empty sheet).
func (p *PagePreview) SetPage(page *pdfpage.Page) {
	p.page = page
	p.box.Objects = nil
	h := p.width * 11 / 8.5
	if page != nil {
		h = p.width * float32(page.H/page.W)
	}
	sheet := canvas.NewRectangle(color.White)
	sheet.StrokeColor = color.Gray{Y: 150}
	sheet.StrokeWidth = 1
	sheet.Resize(fyne.NewSize(p.width, h))
	p.box.Objects = append(p.box.Objects, sheet)
	if page != nil {
		s := float32(float64(p.width) / page.W)
		col := func(c pdfpage.Colour) color.Color {
			return color.NRGBA{R: uint8(c.R*255 + .5), G: uint8(c.G*255 + .5), B: uint8(c.B*255 + .5), A: 255}
		}
		for _, r := range page.Rects {
			o := canvas.NewRectangle(color.Transparent)
			if r.Fill != nil {
				o.FillColor = col(*r.Fill)
			}
			if r.Stroke != nil {
				o.StrokeColor = col(*r.Stroke)
				o.StrokeWidth = max(1, float32(r.Width)*s)
			}
			o.Move(fyne.NewPos(float32(r.X)*s, float32(r.Y)*s))
			o.Resize(fyne.NewSize(float32(r.W)*s, float32(r.H)*s))
			p.box.Objects = append(p.box.Objects, o)
		}
		for _, im := range page.Images {
			o := canvas.NewRectangle(color.Gray{Y: 220})
			o.Move(fyne.NewPos(float32(im.X)*s, float32(im.Y)*s))
			o.Resize(fyne.NewSize(float32(im.W)*s, float32(im.H)*s))
			p.box.Objects = append(p.box.Objects, o)
		}
		for _, l := range page.Lines {
			o := canvas.NewLine(col(l.Colour))
			o.StrokeWidth = max(1, float32(l.Width)*s)
			o.Position1 = fyne.NewPos(float32(l.X1)*s, float32(l.Y1)*s)
			o.Position2 = fyne.NewPos(float32(l.X2)*s, float32(l.Y2)*s)
			p.box.Objects = append(p.box.Objects, o)
		}
		for _, t := range page.Texts {
			o := canvas.NewText(t.S, col(t.Colour))
			o.TextSize = max(3, float32(t.Size)*s)
			o.TextStyle = fyne.TextStyle{Bold: t.Bold, Italic: t.Italic, Monospace: t.Mono}
			o.Move(fyne.NewPos(float32(t.X)*s, (float32(t.Y)-float32(t.Size)*0.93)*s))
			o.Resize(o.MinSize())
			p.box.Objects = append(p.box.Objects, o)
		}
	}
	p.box.Resize(fyne.NewSize(p.width, h))
	p.Refresh()
}

// Texts is the text drawn on the preview, in page order (tests read it).
func (p *PagePreview) Texts() []string {
	if p.page == nil {
		return nil
	}
	out := make([]string, len(p.page.Texts))
	for i, t := range p.page.Texts {
		out[i] = t.S
	}
	return out
}

func (p *PagePreview) CreateRenderer() fyne.WidgetRenderer { return &previewRenderer{p: p} }

type previewRenderer struct{ p *PagePreview }

func (r *previewRenderer) Layout(fyne.Size) {}
func (r *previewRenderer) MinSize() fyne.Size {
	return r.p.box.Size().Max(fyne.NewSize(r.p.width, r.p.width*11/8.5))
}
func (r *previewRenderer) Refresh()                     { canvas.Refresh(r.p.box) }
func (r *previewRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.p.box} }
func (r *previewRenderer) Destroy()                     {}
