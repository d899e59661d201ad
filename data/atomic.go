package data

import (
	"bufio"
	"errors"
	"io"
	"os"
	"path/filepath"
)

// WriteFileAtomic writes a file through a temporary file beside it that is synced and
// renamed into place, so a failed or interrupted write never leaves a half-written file
// under the name (an existing file stays as it was). fill gets a buffered writer.
//
// A path that names a device or a pipe (/dev/stdout, a named pipe) is written into
// directly: it is never replaced by a file.
func WriteFileAtomic(path string, fill func(io.Writer) error) error {
	if st, err := os.Stat(path); err == nil && !st.Mode().IsRegular() && !st.IsDir() {
		return writeSpecial(path, fill)
	}
	dir := filepath.Dir(path)
	removeStaleTemps(dir) // leftovers of a write that was killed
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
