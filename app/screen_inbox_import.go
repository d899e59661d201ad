package app

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"duebook/app/inbox"
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"
)

// Mail from files: Inbox › Import mail… (and File › Import mail…) collects .eml and .mbox
// files or folders of them, and files dropped on the window are read at once. Both read in
// the background behind a progress dialog with Cancel, through the same parser, matcher and
// once-only recording as fetched mail (inbox.ReconcileFiles); nothing is recorded as a
// payment without the user.

// ImportMailDialog collects the files to read (Fyne's file dialog picks one at a time).
type ImportMailDialog struct {
	is        *InboxScreen
	Modal     *Modal
	Paths     []string
	Chosen    *widget.Label
	AddFile   *widget.Button
	AddFolder *widget.Button
}

// ShowImportMail opens the Import mail dialog.
func (is *InboxScreen) ShowImportMail() *ImportMailDialog {
	d := &ImportMailDialog{is: is}
	d.Chosen = widget.NewLabel("")
	d.Chosen.Wrapping = fyne.TextWrapWord
	d.AddFile = widget.NewButton("Add file…", d.pickFile)
	d.AddFolder = widget.NewButton("Add folder…", d.pickFolder)
	d.refresh()
	content := container.NewVBox(d.Chosen, container.NewHBox(d.AddFile, d.AddFolder))
	d.Modal = is.ui.ShowModal("Import mail",
		"Read payment confirmations from mail saved as files: .eml messages, .mbox mailboxes exported by "+
			"Thunderbird, Apple Mail, Gmail (Takeout) and other programs, or folders of them. "+
			"You can also drop the files on the window. A message already read, from a file or the mailbox, is not read twice.",
		content,
		ModalButton{Text: "Import", Main: true, Action: func() bool {
			if len(d.Paths) == 0 {
				d.Chosen.SetText("Add at least one file or folder first.")
				return false
			}
			is.ImportFiles(d.Paths)
			return true
		}},
		ModalButton{Text: "Cancel"}) // the main button first, as in every dialog
	d.Modal.Fit(560)
	is.ImportDlg = d
	return d
}

// Add adds paths to the list (no path twice).
func (d *ImportMailDialog) Add(paths ...string) {
	for _, p := range paths {
		dup := false
		for _, q := range d.Paths {
			dup = dup || q == p
		}
		if !dup && p != "" {
			d.Paths = append(d.Paths, p)
		}
	}
	d.refresh()
}

func (d *ImportMailDialog) refresh() {
	if len(d.Paths) == 0 {
		d.Chosen.SetText("No files chosen yet.")
		return
	}
	names := make([]string, len(d.Paths))
	for i, p := range d.Paths {
		names[i] = "• " + filepath.Base(p)
	}
	d.Chosen.SetText(strings.Join(names, "\n"))
}

func (d *ImportMailDialog) pickFile() {
	fd := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			d.is.ui.ShowError(err)
			return
		}
		if r == nil {
			return
		}
		p := r.URI().Path()
		r.Close()
		d.Add(p)
	}, d.is.ui.Win)
	fd.SetFilter(storage.NewExtensionFileFilter(inbox.MailFileExts))
	fd.Resize(fyne.NewSize(900, 600))
	fd.Show()
}

func (d *ImportMailDialog) pickFolder() {
	fd := dialog.NewFolderOpen(func(l fyne.ListableURI, err error) {
		if err != nil {
			d.is.ui.ShowError(err)
			return
		}
		if l != nil {
			d.Add(l.Path())
		}
	}, d.is.ui.Win)
	fd.Resize(fyne.NewSize(900, 600))
	fd.Show()
}

// Dropped reads the files dropped on the window (only local files; anything else is
// named in the message).
func (is *InboxScreen) Dropped(uris []fyne.URI) {
	var paths, other []string
	for _, u := range uris {
		if u == nil {
			continue
		}
		if u.Scheme() != "file" {
			other = append(other, u.String())
			continue
		}
		paths = append(paths, u.Path())
	}
	if len(paths) == 0 {
		if len(other) > 0 {
			is.ui.ShowInfo("Import mail", "Only files on this computer can be read: "+strings.Join(other, ", "))
		}
		return
	}
	is.ui.SelectTab(TabInbox)
	is.ImportFiles(paths)
}

// ImportFiles reads the mail files in the background with progress and Cancel, then shows
// what was read. The account's receiving server decides trust, as for fetched mail.
func (is *InboxScreen) ImportFiles(paths []string) {
	s := is.ui.Store
	if s == nil || len(paths) == 0 {
		return
	}
	if s.ReadOnly() {
		is.ui.ShowInfo("Import mail", "This company file is open read-only (another Duebook has it open): mail cannot be imported now.")
		return
	}
	what := filepath.Base(paths[0])
	if len(paths) > 1 {
		what = plural(len(paths), "file")
	}
	is.ui.RunLong("Importing mail", "Reading "+what+"…", func(ctx context.Context, progress func(float64)) (func(), error) {
		servID, err := inbox.LoadAuthServ(ctx, s)
		if err != nil {
			return nil, err
		}
		res, err := inbox.ReconcileFiles(ctx, s, servID, paths, false, func(done, total int) {
			if total > 0 {
				progress(float64(done) / float64(total))
			}
		})
		if err != nil {
			return nil, err
		}
		return func() {
			is.Reload()
			is.LastImport = importSummary(res)
			is.ui.ShowInfo("Mail imported", is.LastImport)
		}, nil
	}, func() { is.Reload() }) // cancelled: what was read is kept; show it
}

// importSummary says what an import did, in words.
func importSummary(res inbox.ReconcileResult) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s read: %d new, %d already read before, %d with a proposed match.", plural(res.Fetched, "message"),
		res.Stored, res.Duplicates, res.Proposed)
	if res.Warning != "" {
		b.WriteString("\n\n" + strings.ToUpper(res.Warning[:1]) + res.Warning[1:] + ".")
	}
	if n := len(res.Problems); n > 0 {
		fmt.Fprintf(&b, "\n\nNot read (%d):", n)
		for i, p := range res.Problems {
			if i == 8 {
				fmt.Fprintf(&b, "\n• and %d more", n-i)
				break
			}
			b.WriteString("\n• " + p)
		}
	}
	return b.String()
}
