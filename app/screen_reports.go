package app

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"duebook/data"
	"duebook/reports"
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"
)

// ReportsScreen prints documents (package reports) into a folder: statements for window
// envelopes with their mailing list, the aging report and the monthly report. Long runs
// show progress and can be cancelled.
type ReportsScreen struct {
	ui         *UI
	Root       fyne.CanvasObject
	OutDir     *widget.Entry
	AsOf       *widget.Entry
	MinBalance *widget.Entry
	Layout     *widget.Select
	Kind       *widget.Select
	Detail     *widget.Check
	Statements *widget.Button
	Aging      *widget.Button
	Monthly    *widget.Button
	Last       string // the last file written
}

func newReportsScreen(ui *UI) *ReportsScreen {
	rs := &ReportsScreen{ui: ui}
	rs.OutDir = widget.NewEntry()
	if ui.Store != nil {
		rs.OutDir.SetText(filepath.Join(filepath.Dir(ui.Store.Path()), "reports"))
	}
	rs.AsOf = widget.NewEntry()
	rs.AsOf.SetPlaceHolder("YYYY-MM-DD (empty: today)")
	rs.MinBalance = widget.NewEntry()
	rs.MinBalance.SetPlaceHolder("0.00")
	rs.Layout = widget.NewSelect([]string{envelopeUS10, envelopeDIN}, nil)
	rs.Layout.SetSelected(envelopeUS10)
	rs.Kind = widget.NewSelect([]string{kindOpen, kindActivity}, nil)
	rs.Kind.SetSelected(kindOpen)
	rs.Detail = widget.NewCheck("Aging detail (each open invoice)", nil)
	rs.Statements = widget.NewButton("Statements PDF + mailing list", rs.MakeStatements)
	rs.Statements.Importance = widget.HighImportance
	rs.Aging = widget.NewButton("Aging report PDF + CSV", rs.MakeAging)
	rs.Monthly = widget.NewButton("Monthly report PDF", rs.MakeMonthly)
	// the same plain labels on the left as every other form (widget.Form draws them bold
	// and right-aligned)
	form := container.New(layout.NewFormLayout(),
		widget.NewLabel("Folder"), rs.OutDir,
		widget.NewLabel("As of"), rs.AsOf,
		widget.NewLabel("Minimum balance"), rs.MinBalance,
		widget.NewLabel("Envelope"), rs.Layout,
		widget.NewLabel("Statement kind"), rs.Kind,
	)
	intro := widget.NewLabel("Statements are laid out for window envelopes (US #10 or DIN 5008 DL), one PDF for every customer " +
		"with a balance over the minimum, page-numbered per customer, with a CSV mailing list beside it.")
	intro.Wrapping = fyne.TextWrapWord
	rs.Root = container.NewVScroll(container.NewPadded(container.NewVBox(
		heading("Reports"), intro,
		form, rs.Detail,
		container.NewHBox(rs.Statements, rs.Aging, rs.Monthly),
	)))
	return rs
}

func (rs *ReportsScreen) params() (data.Date, string, error) {
	day := rs.ui.Today()
	if t := strings.TrimSpace(rs.AsOf.Text); t != "" {
		d, err := data.ParseDate(t)
		if err != nil {
			return day, "", &data.FieldError{Field: "as of", Msg: err.Error()}
		}
		day = d
	}
	dir := strings.TrimSpace(rs.OutDir.Text)
	if dir == "" {
		return day, "", &data.FieldError{Field: "folder", Msg: "is required"}
	}
	return day, dir, os.MkdirAll(dir, 0o755)
}

// write runs make off the UI goroutine with progress and Cancel, then writes the files.
func (rs *ReportsScreen) write(title string, files func(ctx context.Context, progress func(float64)) (map[string][]byte, error)) {
	rs.ui.RunLong(title, "Preparing "+strings.ToLower(title)+"…", func(ctx context.Context, progress func(float64)) (func(), error) {
		out, err := files(ctx, progress)
		if err != nil {
			return nil, err
		}
		var names []string
		for path, b := range out {
			if err := data.WriteFileAtomic(path, func(w io.Writer) error { _, err := w.Write(b); return err }); err != nil {
				return nil, err
			}
			names = append(names, path)
		}
		// the PDF first (it is what Open opens), then the rest by name
		sort.Slice(names, func(i, j int) bool {
			pi, pj := strings.HasSuffix(names[i], ".pdf"), strings.HasSuffix(names[j], ".pdf")
			if pi != pj {
				return pi
			}
			return names[i] < names[j]
		})
		return func() {
			rs.Last = names[0]
			open := func(path string) func() bool {
				return func() bool {
					if err := rs.ui.Shell.Open(path); err != nil {
						rs.ui.ShowError(err)
					}
					return true
				}
			}
			rs.ui.ShowModal(title, "Written:\n"+strings.Join(names, "\n"), nil,
				ModalButton{Text: "Open " + filepath.Base(names[0]), Main: true, Action: open(names[0])},
				ModalButton{Text: "Show folder", Action: open(filepath.Dir(names[0]))},
				ModalButton{Text: "Close"})
		}, nil
	}, nil)
}

// MakeStatements prints the statements and their mailing list.
func (rs *ReportsScreen) MakeStatements() {
	day, dir, err := rs.params()
	if err != nil {
		rs.ui.ShowError(err)
		return
	}
	comp := rs.ui.Company
	var min int64
	if t := strings.TrimSpace(rs.MinBalance.Text); t != "" {
		if min, err = data.ParseAmount(t, comp.Currency); err != nil {
			rs.ui.ShowError(&data.FieldError{Field: "minimum balance", Msg: err.Error()})
			return
		}
	}
	layout, err := reports.ParseLayout(reportCodes[rs.Layout.Selected])
	if err != nil {
		rs.ui.ShowError(err)
		return
	}
	opt := reports.StatementOptions{AsOf: day, MinBalance: min, Layout: layout, Kind: reports.StatementKind(reportCodes[rs.Kind.Selected])}
	s := rs.ui.Store
	rs.write("Statements", func(ctx context.Context, progress func(float64)) (map[string][]byte, error) {
		opt.Progress = func(done, total int) { progress(float64(done) / float64(max(total, 1))) }
		var pdf, csv bytes.Buffer
		n, err := reports.StatementsWithList(ctx, &pdf, &csv, s, opt)
		if err != nil {
			return nil, err
		}
		if n == 0 {
			return nil, fmt.Errorf("no customer has a balance over the minimum on %s", day)
		}
		base := filepath.Join(dir, "statements-"+day.String())
		return map[string][]byte{base + ".pdf": pdf.Bytes(), base + "-mailing.csv": csv.Bytes()}, nil
	})
}

// MakeAging prints the aging report as PDF and CSV.
func (rs *ReportsScreen) MakeAging() {
	day, dir, err := rs.params()
	if err != nil {
		rs.ui.ShowError(err)
		return
	}
	s, detail := rs.ui.Store, rs.Detail.Checked
	rs.write("Aging report", func(ctx context.Context, progress func(float64)) (map[string][]byte, error) {
		opt := reports.AgingOptions{AsOf: day, Detail: detail}
		var pdf, csv bytes.Buffer
		if err := reports.AgingPDF(ctx, &pdf, s, opt); err != nil {
			return nil, err
		}
		if err := reports.AgingCSV(ctx, &csv, s, opt); err != nil {
			return nil, err
		}
		base := filepath.Join(dir, "aging-"+day.String())
		return map[string][]byte{base + ".pdf": pdf.Bytes(), base + ".csv": csv.Bytes()}, nil
	})
}

// MakeMonthly prints the monthly report for the month of the as-of date.
func (rs *ReportsScreen) MakeMonthly() {
	day, dir, err := rs.params()
	if err != nil {
		rs.ui.ShowError(err)
		return
	}
	s, comp := rs.ui.Store, rs.ui.Company
	rs.write("Monthly report", func(ctx context.Context, progress func(float64)) (map[string][]byte, error) {
		figs, cur, err := reports.Monthly(ctx, s, day)
		if err != nil {
			return nil, err
		}
		reasons, err := s.LateReasonCounts(ctx)
		if err != nil {
			return nil, err
		}
		var pdf bytes.Buffer
		if err := reports.MonthlyPDF(&pdf, comp, figs, cur, reasons); err != nil {
			return nil, err
		}
		return map[string][]byte{filepath.Join(dir, "monthly-"+day.Format("2006-01")+".pdf"): pdf.Bytes()}, nil
	})
}

// The statement choices as the user reads them, and the codes the reports take.
const (
	envelopeUS10 = "US #10 window envelope"
	envelopeDIN  = "DIN 5008 DL window envelope (Europe)"
	kindOpen     = "Open invoices only"
	kindActivity = "Activity this month, with running balance"
)

var reportCodes = map[string]string{envelopeUS10: "us10", envelopeDIN: "din5008", kindOpen: "open", kindActivity: "activity"}
