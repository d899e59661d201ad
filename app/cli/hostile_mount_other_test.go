//go:build !linux

package cli

import "testing"

func hfMountTmpfs(t *testing.T, size int64) string {
	t.Skip("the full-disk tests mount a tmpfs (Linux)")
	return ""
}

func hfReadOnlyDir(t *testing.T, fill func(dir string)) string {
	t.Skip("the read-only tests use Linux mounts or permissions")
	return ""
}

func hfReadOnlyFolderOnly(t *testing.T, name string, fill func(dir string)) string {
	t.Skip("the read-only tests use Linux mounts or permissions")
	return ""
}

func hfFIFO(t *testing.T, dir, name string) string { return "" }
