package data

import (
	"io"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"
)

// Leftovers of a killed backup, restore or write are removed by the next backup; files of
// a program still running, young files and files that are not ours are kept.
func TestStaleTempFilesRemoved(t *testing.T) {
	s := sampleStore(t)
	dir := t.TempDir()
	old := time.Now().Add(-2 * time.Hour)
	dead := strconv.Itoa(deadPID(t))
	live := strconv.Itoa(os.Getpid())
	files := map[string]bool{ // name -> removed
		".co.duebook" + tempMarker + "backup-" + dead + "-123":         true,
		".co.duebook" + tempMarker + "backup-" + dead + "-123-journal": true,
		".co.duebook" + tempMarker + "restore-" + dead + "-9":          true,
		".Shop #3.duebook" + tempMarker + "write-" + dead + "-77":      true,
		".co.duebook.tmp-4242424":                                      true, // an earlier version's backup
		".co.duebook.restore-999":                                      true,
		".co.duebook" + tempMarker + "backup-" + live + "-5":           false, // this program is running
		".notes.txt.tmp-12ab":                                          false, // not one of ours
		".report.pdf.tmp-12345":                                        false, // perhaps another program's
		".co.duebook" + tempMarker + "backup-x-1":                      false,
		"co.duebook.tmp-1":                                             false,
	}
	for name := range files {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("leftover"), 0o644); err != nil {
			t.Fatal(err)
		}
		os.Chtimes(p, old, old)
	}
	young := ".co.duebook" + tempMarker + "backup-" + dead + "-8"
	os.WriteFile(filepath.Join(dir, young), nil, 0o644)
	files[young] = false // may be a backup just starting (its pid could be reused at once)
	if err := s.Backup(ctx, filepath.Join(dir, "co.duebook")); err != nil {
		t.Fatal(err)
	}
	for name, removed := range files {
		_, err := os.Stat(filepath.Join(dir, name))
		if gone := os.IsNotExist(err); gone != removed {
			t.Errorf("%s: removed %v, want %v", name, gone, removed)
		}
	}
	// A leftover kept for more than a day goes even if its pid is in use again.
	p := filepath.Join(dir, ".co.duebook"+tempMarker+"backup-"+live+"-6")
	os.WriteFile(p, nil, 0o644)
	ancient := time.Now().Add(-48 * time.Hour)
	os.Chtimes(p, ancient, ancient)
	removeStaleTemps(dir)
	if _, err := os.Stat(p); !os.IsNotExist(err) {
		t.Error("a two-day-old leftover was kept")
	}
}

// The first document written into a folder removes the leftovers of a killed write; the
// next ones in the same folder do not list it again (a run of reminders writes hundreds).
func TestWriteFileAtomicSweepsAFolderOnce(t *testing.T) {
	dir := t.TempDir()
	old := time.Now().Add(-2 * time.Hour)
	leftover := func(n string) string {
		p := filepath.Join(dir, ".a.pdf"+tempMarker+"write-"+strconv.Itoa(deadPID(t))+"-"+n)
		if err := os.WriteFile(p, []byte("leftover"), 0o644); err != nil {
			t.Fatal(err)
		}
		os.Chtimes(p, old, old)
		return p
	}
	write := func(name string) {
		if err := WriteFileAtomic(filepath.Join(dir, name), func(w io.Writer) error { _, err := io.WriteString(w, name); return err }); err != nil {
			t.Fatal(err)
		}
	}
	first := leftover("1")
	write("a.pdf")
	if _, err := os.Stat(first); !os.IsNotExist(err) {
		t.Fatal("the first write into the folder kept a killed write's leftover")
	}
	second := leftover("2")
	write("b.pdf")
	if _, err := os.Stat(second); err != nil {
		t.Fatalf("the second write listed the folder again: %v", err)
	}
	removeStaleTemps(dir) // the next backup, restore or open there
	if _, err := os.Stat(second); !os.IsNotExist(err) {
		t.Fatal("leftover kept by removeStaleTemps")
	}
}
