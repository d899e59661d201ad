package data

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
)

// scratchCopy copies the company's committed state to a temporary file in the system's
// temporary folder (the company's own folder may be read-only) and opens the copy for
// writing, without a lock and without a safety copy: a dry run's throwaway. done closes
// and removes it. The company file is only read.
func (s *Store) scratchCopy(ctx context.Context) (scratch *Store, done func(), err error) {
	tmp, err := createTemp(os.TempDir(), filepath.Base(s.path), "dryrun")
	if err != nil {
		return nil, nil, fmt.Errorf("a dry run needs a scratch copy of the company: %w", describeOSErr(os.TempDir(), err))
	}
	tmpPath := tmp.Name()
	tmp.Close()
	if err := vacuumInto(ctx, s.path, tmpPath); err != nil {
		removeDB(tmpPath)
		return nil, nil, fmt.Errorf("a dry run needs a scratch copy of the company: %w", err)
	}
	scratch, err = openStore(tmpPath, Options{Clock: s.clock}, false)
	if err != nil {
		removeDB(tmpPath)
		return nil, nil, fmt.Errorf("a dry run needs a scratch copy of the company: %w", err)
	}
	return scratch, func() { scratch.Close(); removeDB(tmpPath) }, nil
}
