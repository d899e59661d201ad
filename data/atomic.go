package data

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// WriteFileAtomic writes a file through a temporary file beside it that is synced and
// renamed into place, so a failed or interrupted write never leaves a half-written file
// under the name (an existing file stays as it was). fill gets a buffered writer.
//
// A path that names a device or a pipe (/dev/stdout, a named pipe) is written into
// directly: it is never replaced by a file. A document never replaces a database or a
// database's companion file: path naming an SQLite file (a company file, a backup, another
// program's database), its -wal, -shm or -journal file or a company's .lock, or a folder, is
// refused and nothing is written.
func WriteFileAtomic(path string, fill func(io.Writer) error) error {
	if st, err := os.Stat(path); err == nil && !st.Mode().IsRegular() && !st.IsDir() {
		return writeSpecial(path, fill)
	}
	if err := refuseOverwrite(path); err != nil {
		return err
	}
	dir := filepath.Dir(path)
	sweepOnce(dir) // leftovers of a write that was killed
	f, err := createTemp(dir, filepath.Base(path), "write")
	if err != nil {
		return describeOSErr(path, err)
	}
	tmp := f.Name()
	ok := false
	defer func() {
		if !ok {
			f.Close()
			os.Remove(tmp)
		}
	}()
	bw := bufio.NewWriterSize(f, 1<<16)
	if err := fill(bw); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	f.Chmod(0o644) // the files are meant to be opened by other programs; CreateTemp made 0600
	if err := f.Sync(); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		return err
	}
	ok = true
	return nil
}

// swept holds the folders WriteFileAtomic has cleaned of leftovers (removeStaleTemps) in
// this run of the program: once is enough, while a run of reminders or statements writes
// hundreds of files into one folder and each write listed the whole folder again.
var swept sync.Map

// sweepOnce removes the stale temporary files of dir on the first atomic write there.
func sweepOnce(dir string) {
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	if _, done := swept.LoadOrStore(dir, true); !done {
		removeStaleTemps(dir)
	}
}

func writeSpecial(path string, fill func(io.Writer) error) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return describeOSErr(path, err)
	}
	bw := bufio.NewWriterSize(f, 1<<16)
	err = fill(bw)
	if err == nil {
		err = bw.Flush()
	}
	return errors.Join(err, f.Close())
}

// refuseOverwrite says why a document must not be written at path, or nil.
func refuseOverwrite(path string) error {
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return &StorageError{Path: path, Msg: path + " is a folder: give the name of the file to write"}
	}
	if isSQLiteFile(path) {
		return &StorageError{Path: path, Msg: path + " is a database (a company file or a backup?): it is not replaced; choose another file name"}
	}
	for _, suffix := range []string{"-wal", "-shm", "-journal", ".lock"} {
		if base, ok := strings.CutSuffix(path, suffix); ok && isSQLiteFile(base) {
			return &StorageError{Path: path, Msg: path + " belongs to the company file " + base + ": it is not replaced; choose another file name"}
		}
	}
	return nil
}

// isSQLiteFile tells whether path is a regular file that starts with SQLite's header.
func isSQLiteFile(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 16)
	if _, err := io.ReadFull(f, head); err != nil {
		return false
	}
	return bytes.Equal(head, []byte("SQLite format 3\x00"))
}
