package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// Real read-only and full file systems for the hostile file tests. As root (where file
// permissions do not stop writes) a small tmpfs is mounted and remounted read-only; as
// another user the permissions are used. Where neither works the test is skipped.

// hfMountTmpfs mounts a tmpfs of size bytes on a new folder (root only), unmounted when
// the test ends.
func hfMountTmpfs(t *testing.T, size int64) string {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("mounting a tmpfs needs root")
	}
	dir := filepath.Join(t.TempDir(), "disk")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, fmt.Sprintf("size=%d", size)); err != nil {
		t.Skipf("cannot mount a tmpfs here: %v", err)
	}
	t.Cleanup(func() { syscall.Unmount(dir, syscall.MNT_DETACH) })
	return dir
}

// hfReadOnlyDir gives a folder holding what fill put there that cannot be written, nor
// can the files in it.
func hfReadOnlyDir(t *testing.T, fill func(dir string)) string {
	t.Helper()
	if os.Geteuid() != 0 {
		dir := t.TempDir()
		fill(dir)
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			os.Chmod(filepath.Join(dir, e.Name()), 0o444)
		}
		os.Chmod(dir, 0o555)
		t.Cleanup(func() { os.Chmod(dir, 0o755) })
		return dir
	}
	dir := hfMountTmpfs(t, 64<<20)
	fill(dir)
	if err := syscall.Mount("", dir, "", syscall.MS_REMOUNT|syscall.MS_RDONLY, ""); err != nil {
		t.Skipf("cannot remount read-only: %v", err)
	}
	return dir
}

// hfReadOnlyFolderOnly gives a read-only folder in which the company file fill made
// (name) can still be written.
func hfReadOnlyFolderOnly(t *testing.T, name string, fill func(dir string)) string {
	t.Helper()
	if os.Geteuid() != 0 {
		dir := t.TempDir()
		fill(dir)
		os.Chmod(dir, 0o555)
		t.Cleanup(func() { os.Chmod(dir, 0o755) })
		return dir
	}
	// A read-only tmpfs with a writable file bind-mounted over the company file's name.
	rw := t.TempDir()
	fill(rw)
	dir := hfReadOnlyDir(t, func(dir string) {
		os.WriteFile(filepath.Join(dir, name), nil, 0o644)
	})
	if err := syscall.Mount(filepath.Join(rw, name), filepath.Join(dir, name), "", syscall.MS_BIND, ""); err != nil {
		t.Skipf("cannot bind-mount a file: %v", err)
	}
	t.Cleanup(func() { syscall.Unmount(filepath.Join(dir, name), syscall.MNT_DETACH) })
	return dir
}

// hfFIFO makes a named pipe in dir ("" where that is not possible).
func hfFIFO(t *testing.T, dir, name string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := syscall.Mkfifo(p, 0o644); err != nil {
		return ""
	}
	return p
}
