package app

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"time"

	"duebook/data"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Backups on the Settings screen: where the automatic backups go and when the last one
// was made, "Back up now…", "Restore from backup…", and the daily backup made while the
// window stays open (the file's close makes one too, see UI.closeStore).

// The daily backup checks every dailyBackupEvery whether the day (by dailyBackupNow) has
// changed since the last automatic backup. Tests shorten the interval and drive the clock;
// both are read when a company file is attached.
var (
	dailyBackupEvery = 30 * time.Minute
	dailyBackupNow   = time.Now
)

// backupTimeLayout shows when a backup was made.
const backupTimeLayout = "2006-01-02 15:04"

// newBackupsCard makes the Backups card of the Settings screen.
func (st *SettingsScreen) newBackupsCard() fyne.CanvasObject {
	ui := st.ui
	st.ChooseBackupFile = st.askBackupFile
	st.ChooseRestoreFile = st.openRestoreDialog
	st.BackupFolder = widget.NewLabel("")
	st.BackupFolder.Wrapping = fyne.TextWrapBreak
	st.LastBackup = widget.NewLabel("")
	st.LastBackup.Wrapping = fyne.TextWrapWord
	st.BackupNowBtn = widget.NewButtonWithIcon("Back up now…", theme.DocumentSaveIcon(), st.BackupNow)
	st.RestoreBtn = widget.NewButtonWithIcon("Restore from backup…", theme.HistoryIcon(), st.Restore)
	st.OpenFolderBtn = widget.NewButtonWithIcon("Open backup folder", theme.FolderOpenIcon(), st.openBackupFolder)
	box := container.NewVBox(st.BackupFolder, st.LastBackup,
		container.NewHBox(st.BackupNowBtn, st.RestoreBtn, st.OpenFolderBtn))
	if ui.Store.ReadOnly() {
		st.RestoreBtn.Disable()
		note := widget.NewLabel("Read-only: a backup can be made, but restoring needs the file open for writing (close the other Duebook first).")
		note.Wrapping = fyne.TextWrapWord
		note.Importance = widget.WarningImportance
		box.Add(note)
	}
	st.refreshBackupInfo()
	return widget.NewCard("Backups",
		fmt.Sprintf("a checked copy every day while Duebook is open and when the file is closed (%d daily and %d monthly kept)",
			data.AutoKeepDaily, data.AutoKeepMonthly), box)
}

// refreshBackupInfo shows the backup folder and the last automatic backup.
func (st *SettingsScreen) refreshBackupInfo() {
	if st.ui.Store == nil || st.BackupFolder == nil {
		return
	}
	path := st.ui.Store.Path()
	st.BackupFolder.SetText("Backup folder: " + data.BackupDir(path))
	if b, ok := lastAutoBackup(path); ok {
		st.LastBackup.SetText(fmt.Sprintf("Last automatic backup: %s  (%s)", b.Written.Format(backupTimeLayout), filepath.Base(b.Path)))
	} else {
		st.LastBackup.SetText("Last automatic backup: none yet")
	}
}

func (st *SettingsScreen) openBackupFolder() {
	dir := data.BackupDir(st.ui.Store.Path())
	if err := os.MkdirAll(dir, 0o755); err != nil {
		st.ui.ShowError(err)
		return
	}
	// The system's file manager where there is one; the path otherwise.
	u, err := url.Parse(storage.NewFileURI(dir).String())
	if err == nil {
		err = st.ui.App.OpenURL(u)
	}
	if err != nil {
		st.ui.ShowInfo("Backup folder", dir)
	}
}

// lastAutoBackup is the newest automatic backup of the company file.
func lastAutoBackup(companyPath string) (data.AutoBackupFile, bool) {
	all, _ := data.AutoBackups(companyPath)
	if len(all) == 0 {
		return data.AutoBackupFile{}, false
	}
	return all[0], true
}

// BackupNow asks where to write a backup and writes it in the background.
func (st *SettingsScreen) BackupNow() {
	if st.ui.Store == nil {
		return
	}
	path := st.ui.Store.Path()
	name := fmt.Sprintf("%s-backup-%s%s", strings.TrimSuffix(filepath.Base(path), filepath.Ext(path)),
		dailyBackupNow().Format("20060102-1504"), data.BackupExt)
	st.ChooseBackupFile(filepath.Join(data.BackupDir(path), name), st.BackupTo)
}

// askBackupFile is the default ChooseBackupFile: a dialog with the file to write, and a
// folder chooser. (Fyne's save dialog truncates the chosen file before answering, which
// would destroy the company file if it were chosen by mistake; Store.Backup refuses it
// and replaces the destination only once the copy is checked.)
func (st *SettingsScreen) askBackupFile(suggested string, cb func(path string)) {
	ui := st.ui
	f := NewForm()
	file := f.Entry("file", "Back up to", "a new .duebook file")
	file.SetText(suggested)
	choose := widget.NewButtonWithIcon("Choose folder…", theme.FolderOpenIcon(), func() {
		d := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
			if err != nil || dir == nil {
				return
			}
			name := filepath.Base(strings.TrimSpace(file.Text()))
			if name == "." || name == string(filepath.Separator) || name == "" {
				name = filepath.Base(suggested)
			}
			file.SetText(filepath.Join(dir.Path(), name))
		}, ui.Win)
		if l, err := storage.ListerForURI(storage.NewFileURI(filepath.Dir(file.Text()))); err == nil {
			d.SetLocation(l)
		}
		d.Resize(fyne.NewSize(900, 600))
		d.Show()
	})
	m := ui.ShowModal("Back up now", "A checked copy of the company file is written to this file (an existing file is replaced).",
		container.NewVBox(f.Object(), container.NewHBox(choose)),
		ModalButton{Text: "Back up", Main: true, Action: func() bool {
			p := strings.TrimSpace(file.Text())
			if p == "" {
				var v fieldErrors
				addErr(&v, "file", "name the backup file")
				f.ShowErrors(v)
				return false
			}
			if filepath.Ext(p) == "" {
				p += data.BackupExt
			}
			cb(p)
			return true
		}},
		ModalButton{Text: "Cancel"})
	m.SetForm(f)
	m.Fit(640)
}

// BackupTo writes a checked backup to path in the background, then says where it is.
func (st *SettingsScreen) BackupTo(path string) {
	ui := st.ui
	s := ui.Store
	if s == nil {
		return
	}
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	ui.RunLong("Backing up", "Writing a checked copy of the company file to\n"+path,
		func(ctx context.Context, progress func(float64)) (func(), error) {
			progress(-1)
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				return nil, err
			}
			err := s.Backup(ctx, path)
			var lce *data.LedgerCheckError
			if err != nil && !errors.As(err, &lce) {
				return nil, err
			}
			return func() {
				if lce != nil {
					ui.ShowModal("Backup written, with warnings", lce.Error(), nil, ModalButton{Text: "OK", Main: true})
				} else {
					ui.ShowInfo("Backup made", "The company file was copied and checked:\n"+path)
				}
				st.refreshBackupInfo()
			}, nil
		}, nil)
}

// Restore asks for a backup file and, after a confirmation, replaces the company file by it.
func (st *SettingsScreen) Restore() {
	if st.ui.Store == nil || st.ui.Store.ReadOnly() {
		return
	}
	st.ChooseRestoreFile(st.ConfirmRestore)
}

// openRestoreDialog is the default ChooseRestoreFile: the file-open dialog in the backup folder.
func (st *SettingsScreen) openRestoreDialog(cb func(path string)) {
	dir := ""
	if st.ui.Store != nil {
		dir = data.BackupDir(st.ui.Store.Path())
	}
	st.ui.pickFile("Restore…", dir, []string{data.BackupExt, ".db", ".sqlite"}, cb)
}

// sqliteHeader starts every SQLite database file.
var sqliteHeader = []byte("SQLite format 3\x00")

// checkBackupFile is a quick look at a file chosen for a restore (the full check is
// data.Restore's): it must exist, be a file and be an SQLite database.
func checkBackupFile(path string) (os.FileInfo, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if info.IsDir() {
		return nil, fmt.Errorf("%s is a folder; choose a backup file", path)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	head := make([]byte, len(sqliteHeader))
	if _, err := io.ReadFull(f, head); err != nil || !bytes.Equal(head, sqliteHeader) {
		return nil, fmt.Errorf("%s is not a Duebook company file or backup; nothing was changed", filepath.Base(path))
	}
	return info, nil
}

// ConfirmRestore checks the chosen backup briefly and asks before replacing the company file.
func (st *SettingsScreen) ConfirmRestore(backup string) {
	ui := st.ui
	if ui.Store == nil || ui.Store.ReadOnly() {
		return
	}
	company := ui.Store.Path()
	info, err := checkBackupFile(backup)
	if err != nil {
		ui.ShowError(err)
		return
	}
	if ci, err := os.Stat(company); err == nil && os.SameFile(ci, info) {
		ui.ShowError(errors.New("that is the company file itself; choose one of its backups"))
		return
	}
	taken := info.ModTime().Format(backupTimeLayout)
	msg := fmt.Sprintf("The current company file\n    %s\nwill be replaced by the backup\n    %s\ntaken at %s.\n\n"+
		"Everything entered since then will no longer be in the company file. "+
		"A safety copy of the current file is saved first in %s, so this can be undone by restoring that copy.",
		company, backup, taken, data.BackupDir(company))
	m := ui.ShowModal("Restore from backup?", msg, nil,
		ModalButton{Text: "Replace with backup", Main: true, Action: func() bool {
			st.restoreFrom(backup, taken)
			return true
		}},
		ModalButton{Text: "Cancel"})
	m.Fit(640)
}

// restoreFrom makes the safety copy in the background, then closes the company file,
// restores the backup over it and opens it again.
func (st *SettingsScreen) restoreFrom(backup, taken string) {
	ui := st.ui
	s := ui.Store
	company := s.Path()
	ui.RunLong("Restoring", "Saving a safety copy of the current company file…",
		func(ctx context.Context, progress func(float64)) (func(), error) {
			progress(-1)
			snap, err := s.Snapshot(ctx, "pre-restore")
			if snap == "" && err != nil {
				return nil, fmt.Errorf("the safety copy of the current company file failed, so nothing was restored: %w", err)
			}
			return func() { ui.replaceWithBackup(backup, company, snap, taken) }, nil
		}, nil)
}

// replaceWithBackup runs on the UI goroutine once the safety copy is made.
func (ui *UI) replaceWithBackup(backup, company, snap, taken string) {
	ui.closeStore() // also refreshes the day's automatic backup
	ui.Tabs = nil   // no screen works on the closed file meanwhile
	wait := widget.NewProgressBarInfinite()
	ui.Win.SetContent(container.NewCenter(container.NewVBox(heading("Restoring…"), wait)))
	m := ui.ShowModal("Restoring", "Replacing the company file by the backup and checking it…", nil)
	ui.Go(context.Background(), func(context.Context) func() {
		err := data.Restore(backup, company)
		return func() {
			wait.Stop()
			m.Hide()
			ui.openFile(company, data.Options{})
			if ui.Store == nil {
				return // openFile showed the start screen and the error
			}
			ui.SelectTab(TabSettings)
			if err != nil {
				ui.ShowError(fmt.Errorf("%w\n\nThe company file was not changed and is open again.", err))
				return
			}
			n := "?"
			if cs, err := ui.Store.Customers(context.Background(), data.CustomerFilter{}); err == nil {
				n = fmt.Sprint(len(cs))
			}
			msg := fmt.Sprintf("%s was restored from the backup taken at %s\n    %s\n\nIt now has %s customer(s).",
				ui.Company.Name, taken, backup, n)
			if snap != "" {
				msg += "\n\nThe file as it was before the restore is saved as\n    " + snap
			}
			ui.ShowInfo("Backup restored", msg)
		}
	})
}

// dailyBackup is the goroutine making the day's automatic backup while the window is open.
type dailyBackup struct {
	cancel context.CancelFunc
	done   chan struct{}
	runs   atomic.Int32 // automatic backups made (tests)
}

// startDailyBackup starts the daily backup of the attached store (not for a read-only
// one: the Duebook that has the file open for writing makes them).
func (ui *UI) startDailyBackup() {
	ui.stopDailyBackup()
	if ui.Store == nil || ui.Store.ReadOnly() || ui.Settings == nil {
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	d := &dailyBackup{cancel: cancel, done: make(chan struct{})}
	ui.Settings.daily = d
	s, st := ui.Store, ui.Settings
	var last data.Date
	if b, ok := lastAutoBackup(s.Path()); ok {
		last = b.Day
	}
	statusText, statusImp := "", widget.MediumImportance
	if ui.StatusBar != nil {
		statusText, statusImp = ui.StatusBar.Text, ui.StatusBar.Importance
	}
	bar := ui.StatusBar
	every, now := dailyBackupEvery, dailyBackupNow
	// post applies a result on the UI goroutine without waiting for it (stopDailyBackup
	// waits for this goroutine on the UI goroutine), unless the file was closed meanwhile.
	post := func(f func()) {
		g := func() {
			if ctx.Err() == nil {
				f()
			}
		}
		if applyOnWait {
			ui.post(g)
		} else {
			fyne.Do(g)
		}
	}
	go func() {
		defer close(d.done)
		t := time.NewTicker(every)
		defer t.Stop()
		shown := "" // the error the status bar shows
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			}
			at := now()
			day := data.DateOf(at)
			if !last.IsZero() && !day.After(last) {
				continue
			}
			wasUnbacked := ui.unbacked.Swap(false) // a change from now on counts as after this backup
			_, err := s.AutoBackup(ctx, "", at)
			var lce *data.LedgerCheckError
			written := err == nil || errors.As(err, &lce)
			if !written && wasUnbacked {
				ui.unbacked.Store(true)
			}
			if ctx.Err() != nil {
				return
			}
			if written {
				last = day
			}
			// A failed one is tried again at the next check; the status bar is only
			// updated when what it says changes.
			msg := ""
			if err != nil {
				msg = humanError(err)
			}
			if written || msg != shown {
				shown = msg
				post(func() {
					if written {
						st.refreshBackupInfo()
					}
					if bar == nil {
						return
					}
					if msg != "" {
						bar.Importance = widget.DangerImportance
						bar.SetText(statusText + "  ·  automatic backup failed: " + msg)
					} else if bar.Text != statusText {
						bar.Importance = statusImp
						bar.SetText(statusText)
					}
				})
			}
			// Counted once the result is posted, so a test that saw the count finds the
			// status bar update queued.
			d.runs.Add(1)
		}
	}()
}

// stopDailyBackup stops the daily backup and waits until it no longer uses the store.
func (ui *UI) stopDailyBackup() {
	if ui.Settings == nil || ui.Settings.daily == nil {
		return
	}
	d := ui.Settings.daily
	ui.Settings.daily = nil
	d.cancel()
	<-d.done
}
