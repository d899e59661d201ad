//go:build unix

package data

import (
	"io"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// Writing "atomically" to a named pipe (or a device such as /dev/stdout) writes into it;
// it is not replaced by a regular file.
func TestWriteFileAtomicIntoAPipe(t *testing.T) {
	p := filepath.Join(t.TempDir(), "out.pdf")
	if err := syscall.Mkfifo(p, 0o644); err != nil {
		t.Skip(err)
	}
	got := make(chan []byte)
	go func() {
		f, err := os.Open(p)
		if err != nil {
			got <- nil
			return
		}
		b, _ := io.ReadAll(f)
		f.Close()
		got <- b
	}()
	if err := WriteFileAtomic(p, func(w io.Writer) error { _, err := io.WriteString(w, "%PDF-1.4 ..."); return err }); err != nil {
		t.Fatal(err)
	}
	if b := <-got; string(b) != "%PDF-1.4 ..." {
		t.Fatalf("read from the pipe %q", b)
	}
	if st, err := os.Lstat(p); err != nil || st.Mode()&os.ModeNamedPipe == 0 {
		t.Fatalf("the pipe was replaced: %v %v", st.Mode(), err)
	}
}
