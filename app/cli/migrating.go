package cli

import (
	"fmt"
	"path/filepath"

	"duebook/data"
)

// writeOptions are the options of every open for writing: the lock when asked, a safety copy
// before a file from an earlier Duebook is brought up to date, and that update's progress on
// standard error (at a million invoices it takes seconds), one line a stage and a line every
// quarter of the copy.
func (env *Env) writeOptions(path string, lock bool) data.Options {
	stage, quarter := "", int64(-1)
	return data.Options{Clock: env.clock(), BeforeMigrate: data.SnapshotBeforeMigrate, Lock: lock,
		Progress: func(p data.MigrateProgress) {
			if stage == "" {
				fmt.Fprintf(env.Stderr, "duebook: %s was written by an earlier Duebook; updating it (a safety copy goes to %s first)\n",
					filepath.Base(path), filepath.Join(filepath.Dir(path), "backups"))
			}
			q := int64(-1)
			if p.Stage == data.StageCopy && p.Total > 0 {
				q = p.Done * 4 / p.Total
			}
			if p.Stage != stage || q != quarter || p.Stage == data.StageUpdate {
				fmt.Fprintf(env.Stderr, "duebook: %s\n", p)
			}
			stage, quarter = p.Stage, q
		}}
}
