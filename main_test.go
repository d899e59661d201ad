package main

import (
	"context"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestRealWindowScreenshot builds the real binary, makes a demo company, starts the GUI
// under Xvfb with DUEBOOK_SCREENSHOT set (the app captures its window after the first
// frames, writes the PNG and quits) and checks the picture.
func TestRealWindowScreenshot(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the GUI binary and starts Xvfb")
	}
	xvfb, err := exec.LookPath("xvfb-run")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("xvfb-run is missing (make test installs xvfb and xauth)")
		}
		t.Skip("xvfb-run is missing")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "duebook")
	build := exec.Command("go", "build", "-tags", "migrated_fynedo", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	db := filepath.Join(dir, "demo.duebook")
	if out, err := exec.Command(bin, "demo", "-o", db, "-customers", "60", "-invoices", "1500", "-seed", "3").CombinedOutput(); err != nil {
		t.Fatalf("duebook demo: %v\n%s", err, out)
	}
	type run struct {
		tab  string
		w, h int
	}
	for _, r := range []run{{"", 1280, 800}, {"Invoices", 1280, 800}, {"", 1024, 640}, {"Customers", 1024, 640}, {"Collections", 1024, 640}} {
		tab := r.tab
		name := "dashboard"
		if tab != "" {
			name = tab
		}
		size := fmt.Sprintf("%dx%d", r.w, r.h)
		name = size + "-" + name + ".png"
		shot := filepath.Join(dir, name)
		var out []byte
		for try := 1; ; try++ {
			ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
			cmd := exec.CommandContext(ctx, xvfb, "-a", "-s", "-screen 0 "+size+"x24", bin, "-db", db)
			cmd.Env = append(os.Environ(), "DUEBOOK_SCREENSHOT="+shot, "DUEBOOK_SCREENSHOT_TAB="+tab, "DUEBOOK_WINDOW_SIZE="+size,
				"DUEBOOK_CONFIG_DIR="+filepath.Join(dir, "config"), "LANG=en_US.UTF-8")
			cmd.WaitDelay = 10 * time.Second // xvfb-run's children may keep the output open
			var err error
			out, err = cmd.CombinedOutput()
			cancel()
			if err == nil {
				break
			}
			// A window that hung before its picture (once in CI, not reproduced in 32 runs)
			// printed its goroutines: kept in the log, and tried once more.
			if try == 1 && strings.Contains(string(out), "no picture after") {
				t.Logf("GUI run (%s) hung, trying again; what it printed:\n%s", name, out)
				continue
			}
			t.Fatalf("GUI run (%s): %v\n%s", name, err, out)
		}
		f, err := os.Open(shot)
		if err != nil {
			t.Fatalf("no screenshot: %v\n%s", err, out)
		}
		img, err := png.Decode(f)
		f.Close()
		if err != nil {
			t.Fatalf("screenshot is not a PNG: %v", err)
		}
		b := img.Bounds()
		// The window keeps the size it was given: no screen makes it grow.
		if b.Dx() != r.w || b.Dy() != r.h {
			t.Errorf("%s is %dx%d, want %dx%d (the window resized itself)", name, b.Dx(), b.Dy(), r.w, r.h)
		}
		if n := colours(img); n < 20 {
			t.Errorf("%s has %d colours: nothing was drawn", name, n)
		}
		if keep := os.Getenv("DUEBOOK_KEEP_SCREENSHOTS"); keep != "" {
			data, _ := os.ReadFile(shot)
			os.WriteFile(filepath.Join(keep, name), data, 0o644)
		}
	}
}

// colours counts the distinct colours of a sample of the image's pixels.
func colours(img image.Image) int {
	seen := map[[4]uint32]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 2 {
		for x := b.Min.X; x < b.Max.X; x += 2 {
			r, g, bl, a := img.At(x, y).RGBA()
			seen[[4]uint32{r, g, bl, a}] = true
		}
	}
	return len(seen)
}

// The window's own arguments: -db FILE, or nothing; anything else is refused in words.
func TestWindowArgs(t *testing.T) {
	for _, c := range []struct {
		args     []string
		db, want string
	}{
		{nil, "", ""},
		{[]string{}, "", ""}, // duebook alone: the window on the last company
		{[]string{"-db", "shop.duebook"}, "shop.duebook", ""},
		{[]string{"--db=Shop #3.duebook"}, "Shop #3.duebook", ""},
		{[]string{"-db"}, "", "-db needs a company file after it"},
		{[]string{"-db", ""}, "", "not an empty name"},
		{[]string{"-db", "a.duebook", "b.duebook"}, "", `"b.duebook" after -db a.duebook is not understood`},
		{[]string{"-db", "a.duebook", "-x"}, "", "-x is not an option of the window"},
		{[]string{"-db=a", "-db"}, "", "-db needs a company file after it"},
	} {
		db, msg := windowArgs(c.args)
		if db != c.db || (c.want == "") != (msg == "") || !strings.Contains(msg, c.want) {
			t.Errorf("%q: db %q, message %q; want db %q and %q", c.args, db, msg, c.db, c.want)
		}
		if msg != "" && (!strings.Contains(msg, "duebook help") || strings.Contains(msg, "Usage")) {
			t.Errorf("%q: %q", c.args, msg)
		}
	}
}
