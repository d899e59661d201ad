package app

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
)

// Shell is how Duebook hands a finished PDF to the operating system: Open shows it in the
// system's PDF viewer, Print sends it to the printer. Tests replace UI.Shell to see the
// calls without starting programs.
//
//   - Windows: Open is the file's default verb ("rundll32 url.dll,FileProtocolHandler");
//     Print is the file type's "Print" verb (PowerShell Start-Process -Verb Print), which the
//     installed PDF viewer (Edge, Acrobat, SumatraPDF) registers: it prints to the default
//     printer.
//   - macOS: Open is `open FILE` (Preview, or the user's PDF app); Print is `lp FILE` (CUPS,
//     part of every macOS), to the default printer.
//   - Linux and the BSDs: Open is `xdg-open FILE`; Print is `lp FILE` (CUPS) when lp is
//     installed, else the file opens in the viewer so the user prints from there.
type Shell struct {
	Open  func(path string) error
	Print func(path string) error
}

// SystemShell is the Shell of the machine Duebook runs on.
func SystemShell() Shell {
	return Shell{Open: openWithSystem, Print: printWithSystem}
}

func start(name string, args ...string) error {
	cmd := exec.Command(name, args...)
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("could not start %s: %w", name, err)
	}
	go cmd.Wait() // reap it; the viewer lives on its own
	return nil
}

func openWithSystem(path string) error {
	switch runtime.GOOS {
	case "windows":
		return start("rundll32", "url.dll,FileProtocolHandler", path)
	case "darwin":
		return start("open", path)
	}
	if _, err := exec.LookPath("xdg-open"); err != nil {
		return fmt.Errorf("no program to show PDF files was found (xdg-open is missing); the file is %s", path)
	}
	return start("xdg-open", path)
}

func printWithSystem(path string) error {
	switch runtime.GOOS {
	case "windows":
		quoted := "'" + strings.ReplaceAll(path, "'", "''") + "'"
		return start("powershell", "-NoProfile", "-NonInteractive", "-Command", "Start-Process -FilePath "+quoted+" -Verb Print")
	case "darwin":
		return runLP(path)
	}
	if _, err := exec.LookPath("lp"); err != nil {
		return openWithSystem(path) // no CUPS: print from the viewer
	}
	return runLP(path)
}

func runLP(path string) error {
	out, err := exec.Command("lp", path).CombinedOutput()
	if err != nil {
		msg := strings.TrimSpace(string(out))
		if msg == "" {
			msg = err.Error()
		}
		return fmt.Errorf("the printer did not take the document: %s", msg)
	}
	return nil
}

// tempPDF is where a document goes that is opened or printed without being saved: one
// folder under the system's temporary folder, the file named after the document.
func tempPDF(name string) (string, error) {
	dir := filepath.Join(os.TempDir(), "duebook-print")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("could not make a folder for the document: %w", err)
	}
	return filepath.Join(dir, name), nil
}
