package inbox

import (
	"os/exec"
	"runtime"
)

// OpenBrowser opens a web address in the system browser (the sign-in page). The GUI and
// the mail-account command use it; tests replace it with an HTTP client playing the browser.
var OpenBrowser = func(url string) error {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	case "darwin":
		cmd = exec.Command("open", url)
	default:
		cmd = exec.Command("xdg-open", url)
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	go cmd.Wait() // the opener returns at once; reap it
	return nil
}
