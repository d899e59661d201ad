package cli

import (
	"fmt"

	"duebook/data"
)

func init() {
	Register(Command{Name: "unlock", Usage: "[-force]",
		Summary: "breaks the company file's lock left by a Duebook that is gone (refused while it still runs on this computer; -force for a lock of another computer or an unreadable one)",
		Run:     runUnlock})
}

func runUnlock(env *Env, args []string) error {
	fs, db := env.Flags("unlock")
	force := fs.Bool("force", false, "also break a lock taken on another computer, or an unreadable lock file")
	if err := Parse(fs, args); err != nil {
		return err
	}
	path, err := ResolveDB(*db)
	if err != nil {
		return err
	}
	held, err := data.BreakStaleLock(path, *force)
	if err != nil {
		return err
	}
	switch {
	case held == nil:
		fmt.Fprintf(env.Stdout, "%s is not locked\n", path)
	case held.PID == 0:
		fmt.Fprintf(env.Stdout, "removed the unreadable lock of %s\n", path)
	default:
		fmt.Fprintf(env.Stdout, "removed the lock of %s left by Duebook on %s (pid %d) since %s\n",
			path, held.Host, held.PID, held.Since.Local().Format("2006-01-02 15:04"))
	}
	return nil
}
