package app

import (
	"os"
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"duebook/data"
)

// benchUI opens the main window (test driver) on the 100k-invoice company (DUEBOOK_BENCH_100K,
// as make bench caches it, or the sample the list tests make) on the Invoices tab with the
// list loaded.
func benchUI(b *testing.B) *UI {
	b.Helper()
	path := os.Getenv("DUEBOOK_BENCH_100K")
	if path == "" {
		path = bigFile(b)
	}
	s, err := data.OpenWith(path, data.Options{Clock: data.FixedClock{Day: data.MustDate(testToday)}, ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	b.Setenv("DUEBOOK_CONFIG_DIR", b.TempDir())
	a := test.NewTempApp(b)
	ui := NewWithStore(a, s)
	ui.Win.Resize(fyne.NewSize(1280, 800))
	b.Cleanup(func() { ui.Wait(); ui.Win.Close(); s.Close() })
	ui.Wait()
	showTab(ui, TabInvoices)
	for deadline := time.Now().Add(time.Minute); ui.Invoices.List == nil; {
		if time.Now().After(deadline) {
			b.Fatal("the invoice list did not load")
		}
		time.Sleep(10 * time.Millisecond)
		ui.Wait()
	}
	ui.Win.Canvas().Capture() // first paint
	return ui
}

// shown checks that the table's cells show the list's first row, after painting the
// window as the driver would for the next frame when paint is set (the test driver's
// software painter: far slower than the GL window's, and the same for any list).
func shown(b *testing.B, ui *UI, paint bool) {
	if paint {
		ui.Win.Canvas().Capture()
	}
	is := ui.Invoices
	if is.List.Count() == 0 {
		return
	}
	want := is.List.Cell(0, ColNumber)
	if !slices.Contains(tableTexts(is.Table), want) {
		b.Fatalf("the table does not show the first row %s", want)
	}
}

// tableTexts are the texts of the table's cell labels (the cells sit in the table's
// scroller, which test.LaidOutObjects does not enter).
func tableTexts(t fyne.CanvasObject) []string {
	var out []string
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if !o.Visible() {
			return
		}
		switch x := o.(type) {
		case *widget.Label:
			out = append(out, x.Text)
			return
		case *container.Scroll:
			walk(x.Content)
			return
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
			return
		}
		if w, ok := o.(fyne.Widget); ok {
			for _, c := range test.WidgetRenderer(w).Objects() {
				walk(c)
			}
		}
	}
	walk(t)
	return out
}

// BenchmarkWindowSort100k measures, in the window (fyne test driver), a click on a column
// header of the 100k-invoice list until the table's cells hold the new first rows (target
// < 100 ms); "painted" adds the test driver's software paint of the whole window.
func BenchmarkWindowSort100k(b *testing.B) {
	ui := benchUI(b)
	is := ui.Invoices
	cols := []int{ColCustomer, ColDue, ColOpen, ColDays, ColNumber, ColAmount, ColStatus}
	for _, paint := range []bool{false, true} {
		b.Run(map[bool]string{false: "cells", true: "painted"}[paint], func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				is.SortBy(cols[i%len(cols)])
				shown(b, ui, paint)
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/click")
		})
	}
}

// BenchmarkWindowSearch100k measures typing in the search box of the 100k-invoice list until
// the table's cells hold the matching rows (target < 100 ms per keystroke); "painted" as
// above.
func BenchmarkWindowSearch100k(b *testing.B) {
	ui := benchUI(b)
	is := ui.Invoices
	texts := []string{"h", "ha", "har", "harb", "", "inv-00", "inv-001", ""}
	for _, paint := range []bool{false, true} {
		b.Run(map[bool]string{false: "cells", true: "painted"}[paint], func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				is.Text.SetText(texts[i%len(texts)])
				shown(b, ui, paint)
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/keystroke")
		})
	}
}

// BenchmarkWindowWorklist100k measures the Collections worklist of the 100k-invoice company
// from the reload to the list holding its rows (target < 300 ms for ~3.4k actions).
func BenchmarkWindowWorklist100k(b *testing.B) {
	ui := benchUI(b)
	ui.SelectTab(TabCollections)
	ui.Wait()
	c := ui.Collections
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c.Rows = nil
		c.Reload()
		ui.Wait()
		if len(c.Rows) == 0 || c.List.Length() != len(c.Rows) {
			b.Fatalf("worklist shows %d rows of %d", c.List.Length(), len(c.Rows))
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/load")
	b.ReportMetric(float64(len(c.Rows)), "actions")
}
