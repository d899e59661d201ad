package data

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// maxLinks is how many symbolic links ResolveLinks follows (as the kernel does) before it
// takes them for a loop.
const maxLinks = 40

// ResolveLinks gives the file a path names when it is a symbolic link (or a chain of
// them): the file that is really read and written. A link to a file that does not exist
// (yet) gives that file's path. Any other path is returned as it is. Restore and the lock
// work on the real file, so a company reached through a link stays a link.
func ResolveLinks(path string) (string, error) {
	for i := 0; i <= maxLinks; i++ {
		st, err := os.Lstat(path)
		if err != nil || st.Mode()&fs.ModeSymlink == 0 {
			return path, nil
		}
		if real, err := filepath.EvalSymlinks(path); err == nil {
			return real, nil
		}
		// A dangling link: follow it by hand to the missing file it names.
		target, err := os.Readlink(path)
		if err != nil {
			return "", describeOSErr(path, err)
		}
		if !filepath.IsAbs(target) {
			target = filepath.Join(filepath.Dir(path), target)
		}
		path = target
	}
	return "", &NotCompanyError{path, fmt.Sprintf("it is a symbolic link in a loop of more than %d links", maxLinks)}
}
