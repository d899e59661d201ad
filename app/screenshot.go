// Package app is Duebook's Fyne user interface: the main window with its screens
// (dashboard, customers, invoices, payments, collections, inbox, reports, settings), the
// first-start screen and the dialogs. It holds no SQL: everything goes through package data.
package app

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/draw"
	"image/png"
	"os"
	"os/exec"
	"runtime"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/software"
)

// screenshotPatience is how long the screenshot mode waits for its picture before it gives up.
const screenshotPatience = 60 * time.Second

// tourHook, set by the screens tour (screens_tour.go, build tag screens), takes over the
// window when it returns true.
var tourHook func(*UI) bool

// screenshotAndQuit waits for the first frames and the first data, captures the window
// into a PNG file and quits (used by the real-window test under Xvfb). A capture that
// comes back one flat colour (the frame not painted yet) is retried a few times.
func (ui *UI) screenshotAndQuit(path, tab string) {
	// A window that never gets there (seen once in CI, not reproduced) says where each
	// goroutine waits and exits, instead of hanging the test run.
	go func() {
		time.Sleep(screenshotPatience)
		buf := make([]byte, 4<<20)
		n := runtime.Stack(buf, true)
		fmt.Fprintf(os.Stderr, "duebook: screenshot: no picture after %v; the goroutines:\n%s\n", screenshotPatience, buf[:n])
		os.Exit(3)
	}()
	if tab != "" {
		time.Sleep(500 * time.Millisecond)
		fyne.Do(func() { ui.SelectTab(tab) })
	}
	time.Sleep(2 * time.Second)
	ui.Wait()
	var img image.Image
	for try := 0; try < 10; try++ {
		fyne.DoAndWait(func() { ui.Win.Canvas().Refresh(ui.Win.Content()) })
		time.Sleep(500 * time.Millisecond)
		fyne.DoAndWait(func() { img = ui.Win.Canvas().Capture() })
		if !flatImage(img) {
			break
		}
	}
	if flatImage(img) {
		img = displayImage(ui)
	}
	if flatImage(img) {
		// Some GL stacks (Mesa's software rasterizer under Xvfb) give no pixels when the
		// front buffer is read back: render the same widget tree with Fyne's software
		// painter instead.
		fyne.DoAndWait(func() {
			size := ui.Win.Canvas().Size()
			content := ui.Win.Content()
			c := software.NewCanvas()
			c.SetPadded(false)
			c.SetContent(content)
			c.Resize(size)
			img = c.Capture()
		})
		fmt.Fprintln(os.Stderr, "duebook: screenshot: the GL capture was empty; used the software renderer")
	}
	if err := writePNG(path, img); err != nil {
		fmt.Fprintln(os.Stderr, "duebook: screenshot:", err)
	}
	fyne.Do(ui.App.Quit)
}

// displayImage reads the window's pixels from the X server (ImageMagick's import of the
// root window: under Xvfb with no window manager the window sits at 0,0), for when the GL
// read-back is empty. It is nil when import is missing or fails. It is preferred to
// Fyne's software painter, which draws what is typed in a field of a scrolled form even
// where the scroll has cut the field off (it does not intersect nested clips), so a
// dialog's fields seemed drawn outside it.
func displayImage(ui *UI) image.Image {
	if os.Getenv("DISPLAY") == "" {
		return nil
	}
	bin, err := exec.LookPath("import")
	if err != nil {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, bin, "-window", "root", "png:-").Output()
	if err != nil {
		return nil
	}
	root, err := png.Decode(bytes.NewReader(out))
	if err != nil {
		return nil
	}
	var w, h int
	fyne.DoAndWait(func() {
		c := ui.Win.Canvas()
		w, h = int(c.Size().Width*c.Scale()+0.5), int(c.Size().Height*c.Scale()+0.5)
	})
	r := image.Rect(0, 0, w, h).Intersect(root.Bounds())
	img := image.NewNRGBA(image.Rect(0, 0, r.Dx(), r.Dy()))
	draw.Draw(img, img.Bounds(), root, r.Min, draw.Src)
	return img
}

// flatImage tells whether every pixel of img has the same colour.
func flatImage(img image.Image) bool {
	if img == nil {
		return true
	}
	b := img.Bounds()
	first := img.At(b.Min.X, b.Min.Y)
	r0, g0, b0, a0 := first.RGBA()
	for y := b.Min.Y; y < b.Max.Y; y += 3 {
		for x := b.Min.X; x < b.Max.X; x += 3 {
			r, g, bb, a := img.At(x, y).RGBA()
			if r != r0 || g != g0 || bb != b0 || a != a0 {
				return false
			}
		}
	}
	return true
}

// writePNG saves img as a PNG file at path.
func writePNG(path string, img image.Image) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := png.Encode(f, img); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
