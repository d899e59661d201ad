package data

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// Restoring over a company reached through a symbolic link restores the file the link
// points to and leaves the link (it used to replace the link by a file, so the real
// company kept the old data).
func TestRestoreThroughSymlink(t *testing.T) {
	s := sampleStore(t)
	real := s.Path()
	backup := filepath.Join(t.TempDir(), "monday.duebook")
	if err := s.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	mkCustomer(t, s, "Added After The Backup", 30)
	s.Close()
	links := t.TempDir()
	for _, tc := range []struct{ name, target string }{
		{"absolute", real},
		{"relative", mustRel(t, links, real)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			link := filepath.Join(links, tc.name+" link.duebook")
			if err := os.Symlink(tc.target, link); err != nil {
				t.Skipf("no symbolic links here: %v", err)
			}
			// a link to the link: the chain is followed to the file
			link2 := filepath.Join(links, tc.name+" link2.duebook")
			if err := os.Symlink(filepath.Base(link), link2); err != nil {
				t.Fatal(err)
			}
			if err := Restore(backup, link2); err != nil {
				t.Fatal(err)
			}
			for _, l := range []string{link, link2} {
				if st, err := os.Lstat(l); err != nil || st.Mode()&os.ModeSymlink == 0 {
					t.Fatalf("%s is no longer a link: %v %v", l, st, err)
				}
			}
			if got := counts(t, real); got != [3]int{2, 3, 1} {
				t.Fatalf("the real file holds %v, not the backup", got)
			}
			if _, err := os.Stat(real + BeforeRestoreSuffix); err != nil {
				t.Fatalf("the previous file is not kept beside the real file: %v", err)
			}
			for _, l := range []string{link, link2} {
				if _, err := os.Lstat(l + BeforeRestoreSuffix); err == nil {
					t.Fatalf("%s kept beside the link", l+BeforeRestoreSuffix)
				}
			}
			// back to the state with 3 customers for the next case
			if err := os.Rename(real+BeforeRestoreSuffix, real); err != nil {
				t.Fatal(err)
			}
		})
	}
}

func mustRel(t *testing.T, from, to string) string {
	t.Helper()
	r, err := filepath.Rel(from, to)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// One company reached by two names (a link and the file) has one lock.
func TestLockThroughSymlink(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "co.duebook")
	os.WriteFile(real, nil, 0o644)
	link := filepath.Join(t.TempDir(), "link.duebook")
	if err := os.Symlink(real, link); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	l, err := AcquireLock(link)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Release()
	var le *LockedError
	if _, err := AcquireLock(real); !errors.As(err, &le) {
		t.Fatalf("the file is locked through its link, but locking it by its name gives %v", err)
	}
	if LockPath(link) != real+".lock" {
		t.Fatalf("lock path %s", LockPath(link))
	}
}

// ResolveLinks: a dangling link names the missing file; a loop is refused.
func TestResolveLinks(t *testing.T) {
	dir := t.TempDir()
	dangling := filepath.Join(dir, "d.duebook")
	if err := os.Symlink("missing/ünïcode.duebook", dangling); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	if got, err := ResolveLinks(dangling); err != nil || got != filepath.Join(dir, "missing/ünïcode.duebook") {
		t.Fatalf("dangling: %q %v", got, err)
	}
	a, b := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	os.Symlink(b, a)
	os.Symlink(a, b)
	if _, err := ResolveLinks(a); err == nil {
		t.Fatal("a loop of links resolved")
	}
	plain := filepath.Join(dir, "plain")
	if got, err := ResolveLinks(plain); err != nil || got != plain {
		t.Fatalf("plain: %q %v", got, err)
	}
}
