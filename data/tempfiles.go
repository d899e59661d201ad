package data

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Temporary files. A backup, a restore and every atomic write go through a hidden file
// beside the destination, named ".<name>.duebook-tmp-<kind>-<pid>-<random>", so that a
// leftover of a program that was killed is recognisable and can be told from one being
// written right now: removeStaleTemps, run by the next backup, restore or writer open in
// that folder (and by a run's first document written there), removes leftovers whose
// program is gone.

const tempMarker = ".duebook-tmp-"

// staleTempAge is how old a leftover must be before it may be removed even though its
// program's pid is still in use (another program got the pid), and the least age of a
// leftover of an earlier Duebook (no pid in its name).
const (
	staleTempAge = 24 * time.Hour
	oldTempAge   = time.Hour
	minTempAge   = 10 * time.Second // a file this young may be just being made
)

// createTemp makes a new temporary file in dir for a file named base, of a kind
// ("backup", "restore", "write").
func createTemp(dir, base, kind string) (*os.File, error) {
	return os.CreateTemp(dir, "."+shortBase(base)+tempMarker+kind+"-"+strconv.Itoa(os.Getpid())+"-*")
}

// maxTempBase is how much of the destination's name a temporary file's name repeats: the
// rest of its name takes up to about 50 bytes, and file systems allow 255 bytes a name,
// so a destination with a long (but allowed) name still gets a temporary file.
const maxTempBase = 120

// shortBase is base cut to at most maxTempBase bytes, at a character boundary.
func shortBase(base string) string {
	if len(base) <= maxTempBase {
		return base
	}
	cut := maxTempBase
	for cut > 0 && !utf8.RuneStart(base[cut]) {
		cut--
	}
	return base[:cut]
}

// oldTempName matches the temporary files that earlier Duebook versions made for backups
// and restores of company files: ".<name>.duebook.tmp-<digits>" and
// ".<name>.duebook.restore-<digits>", with SQLite's side files. Other programs' hidden
// temporary files do not match.
var oldTempName = regexp.MustCompile(`^\..+\.duebook\.(tmp|restore)-[0-9]+(-journal|-wal|-shm)?$`)

// removeStaleTemps removes, in dir, the temporary files of backups, restores and atomic
// writes whose program ended without removing them (killed, or the computer stopped). A
// file of a program still running is left alone. Errors are ignored: it is housekeeping.
func removeStaleTemps(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	now := time.Now()
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasPrefix(name, ".") {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		age := now.Sub(info.ModTime())
		if age < minTempAge {
			continue
		}
		if i := strings.LastIndex(name, tempMarker); i > 0 {
			parts := strings.Split(name[i+len(tempMarker):], "-")
			if len(parts) < 3 {
				continue
			}
			pid, err := strconv.Atoi(parts[1])
			if err != nil || pid <= 0 {
				continue
			}
			if age < staleTempAge && (pid == os.Getpid() || processAlive(pid, info.ModTime())) {
				continue
			}
			os.Remove(filepath.Join(dir, name))
			continue
		}
		if oldTempName.MatchString(name) && age > oldTempAge {
			os.Remove(filepath.Join(dir, name))
		}
	}
}
