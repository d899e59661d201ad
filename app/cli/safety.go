package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"duebook/data"
)

func init() {
	Register(Command{Name: "backup", Usage: "-o FILE | -auto [-dir DIR]",
		Summary: "a consistent, checked copy of the company file; -auto: today's automatic backup, keeping 30 daily and 12 monthly", Run: runBackup})
	Register(Command{Name: "restore", Usage: "-from FILE",
		Summary: "replaces the company file by a checked backup; the current file is kept as FILE.before-restore", Run: runRestore})
	Register(Command{Name: "import", Usage: "customers|invoices FILE.csv [-map 'field=Header,...'] [-date-format F] [-skip-bad] [-dry-run]",
		Summary: "imports customers or open invoices from a spreadsheet CSV; nothing is imported while any row is bad, unless -skip-bad", Run: runImport})
	Register(Command{Name: "export", Usage: "DIR",
		Summary: "writes customers.csv, invoices.csv, payments.csv and allocations.csv to DIR", Run: runExport})
}

// parseMixed parses flags that may come before, between or after the positional arguments.
func parseMixed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := Parse(fs, args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// openForWrite opens an existing company file for writing, with a safety copy before any
// migration of an older file, holding the company's lock while it is open.
func (env *Env) openForWrite(path string) (*data.Store, error) {
	return data.OpenExisting(path, env.writeOptions(path, true))
}

func sizeText(path string) string {
	st, err := os.Stat(path)
	if err != nil {
		return "?"
	}
	n := float64(st.Size())
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", n/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", n/(1<<20))
	}
	return fmt.Sprintf("%.0f kB", n/(1<<10))
}

func runBackup(env *Env, args []string) error {
	fs, db := env.Flags("backup")
	out := fs.String("o", "", "backup file to write (replaced if it exists)")
	auto := fs.Bool("auto", false, "today's automatic backup with rotation (30 daily, 12 monthly)")
	dir := fs.String("dir", "", "folder of the automatic backups (default: backups beside the company file)")
	if err := Parse(fs, args); err != nil {
		return err
	}
	if (*out == "") == !*auto {
		return &ExitError{Code: 2, Msg: "-o: name the backup file (or pass -auto)"}
	}
	if *dir != "" && !*auto {
		return &ExitError{Code: 2, Msg: "-dir: only with -auto"}
	}
	s, err := env.OpenReadOnly(*db)
	if err != nil {
		return err
	}
	defer s.Close()
	ctx := context.Background()
	start := time.Now()
	dest := *out
	if *auto {
		dest, err = s.AutoBackup(ctx, *dir, env.clock().Now())
	} else {
		err = s.Backup(ctx, dest)
	}
	var lce *data.LedgerCheckError
	if errors.As(err, &lce) {
		for _, p := range lce.Problems {
			fmt.Fprintln(env.Stdout, p)
		}
		return &ExitError{Code: 1, Msg: err.Error()}
	}
	if err != nil {
		if msg, ok := strings.CutPrefix(err.Error(), "backup: "); ok {
			return &ExitError{Code: 1, Msg: oneLine(msg)} // "duebook backup: …" once
		}
		return err
	}
	fmt.Fprintf(env.Stdout, "backup %s: %s, checked, %.2f s\n", dest, sizeText(dest), time.Since(start).Seconds())
	return nil
}

func runRestore(env *Env, args []string) error {
	fs, db := env.Flags("restore")
	from := fs.String("from", "", "backup file to restore")
	if err := Parse(fs, args); err != nil {
		return err
	}
	if *from == "" {
		return &ExitError{Code: 2, Msg: "-from: name the backup file to restore"}
	}
	path, err := ResolveDB(*db)
	if err != nil {
		return err
	}
	real, err := data.ResolveLinks(path)
	if err != nil {
		return err
	}
	_, statErr := os.Stat(real)
	if err := data.Restore(*from, path); err != nil {
		if fe := data.FieldErrors(err); len(fe) > 0 {
			return fieldExit(err, map[string]string{"file": "db"})
		}
		// "duebook restore: …", not "duebook restore: restore: …"
		if msg, ok := strings.CutPrefix(err.Error(), "restore: "); ok {
			return &ExitError{Code: 1, Msg: oneLine(data.ExplainOverflow(errors.New(msg)).Error())}
		}
		return err
	}
	if real != path {
		fmt.Fprintf(env.Stdout, "restored %s (the file the link %s points to) from %s\n", real, path, *from)
	} else {
		fmt.Fprintf(env.Stdout, "restored %s from %s\n", path, *from)
	}
	if statErr == nil {
		fmt.Fprintf(env.Stdout, "the file as it was before is kept as %s\n", real+data.BeforeRestoreSuffix)
	}
	return nil
}

func runImport(env *Env, args []string) error {
	fs, db := env.Flags("import")
	mapping := fs.String("map", "", "columns for fields: 'field=Header,...' (fields: see below)")
	dateFormat := fs.String("date-format", "", "format of dates that are not YYYY-MM-DD, e.g. 01/02/2006 or DD.MM.YYYY")
	skipBad := fs.Bool("skip-bad", false, "import the good rows and skip the bad ones")
	dryRun := fs.Bool("dry-run", false, "check the file and report, import nothing")
	fs.Usage = func() {
		fmt.Fprintln(env.Stderr, "usage: duebook import customers|invoices FILE.csv [flags]")
		fs.PrintDefaults()
		fmt.Fprintln(env.Stderr, "customer fields:", strings.Join(data.ImportFields(data.ImportCustomers), ", "))
		fmt.Fprintln(env.Stderr, "invoice fields:", strings.Join(data.ImportFields(data.ImportInvoices), ", "))
	}
	pos, err := parseMixed(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 || (pos[0] != data.ImportCustomers && pos[0] != data.ImportInvoices) {
		return &ExitError{Code: 2, Msg: "usage: duebook import customers|invoices FILE.csv [-map 'field=Header,...'] [-date-format F] [-skip-bad] [-dry-run]"}
	}
	kind, file := pos[0], pos[1]
	m, err := data.ParseColumnMap(*mapping)
	if err != nil {
		return &ExitError{Code: 2, Msg: "-" + err.Error()}
	}
	if _, err := data.DateLayout(*dateFormat); err != nil {
		return &ExitError{Code: 2, Msg: "-date-format: " + strings.TrimPrefix(err.Error(), "date_format: ")}
	}
	// Only a regular file: opening a pipe waits for a writer, a device (/dev/zero) never ends.
	if st, err := os.Stat(file); err == nil && !st.Mode().IsRegular() {
		return &ExitError{Code: 2, Msg: fmt.Sprintf("%s is not a regular file (a folder, device or pipe); name the CSV file", file)}
	}
	f, err := os.Open(file)
	if err != nil {
		return data.FileError(err)
	}
	defer f.Close()
	path, err := ResolveDB(*db)
	if err != nil {
		return err
	}
	// A dry run only reads the company (it runs on a scratch copy): it needs no lock and
	// works on a read-only file; an import holds the lock.
	var s *data.Store
	if *dryRun {
		s, err = env.OpenReadOnly(path)
	} else {
		s, err = env.openForWrite(path)
	}
	if err != nil {
		return err
	}
	defer s.Close()
	rep, err := s.ImportCSV(context.Background(), kind, f, data.ImportOptions{
		Map: m, DateFormat: *dateFormat, SkipBad: *skipBad, DryRun: *dryRun})
	if rep != nil {
		writeImportReport(env.Stdout, rep)
	}
	var ie *data.ImportError
	if errors.As(err, &ie) {
		return &ExitError{Code: 1, Msg: fmt.Sprintf("%d of %d row(s) are bad; nothing was imported (correct them, or pass -skip-bad to import the %d good one(s))",
			len(rep.BadRows()), rep.Rows, rep.Rows-len(rep.BadRows()))}
	}
	if msg, ok := data.FieldErrors(err)["file"]; ok {
		return &ExitError{Code: 1, Msg: file + " " + msg} // "x.csv is empty", not "file: is empty"
	}
	if err != nil {
		return err
	}
	return nil
}

// writeImportReport prints the column mapping, the problems and the outcome.
func writeImportReport(w io.Writer, rep *data.ImportReport) {
	var cols []string
	for _, c := range rep.Columns {
		s := fmt.Sprintf("%s=%q", c.Field, c.Header)
		cols = append(cols, s)
	}
	if rep.Encoding != "" {
		fmt.Fprintf(w, "read as %s, separated by %s\n", rep.Encoding, rep.Separator)
	}
	fmt.Fprintf(w, "columns: %s\n", strings.Join(cols, ", "))
	if len(rep.Ignored) > 0 {
		fmt.Fprintf(w, "ignored columns: %s\n", strings.Join(rep.Ignored, ", "))
	}
	dateHint := false
	for _, p := range rep.Problems {
		fmt.Fprintln(w, p.String())
		dateHint = dateHint || strings.Contains(p.Msg, "is not a date in the form YYYY-MM-DD")
	}
	if dateHint {
		fmt.Fprintln(w, "hint: for dates like 03/15/2026 pass -date-format MM/DD/YYYY (or DD/MM/YYYY, DD.MM.YYYY, ...)")
	}
	if rep.Rows == 0 && len(rep.Columns) > 0 {
		fmt.Fprintln(w, "the file has no data rows")
		return
	}
	if len(rep.Columns) == 0 {
		return
	}
	what := rep.Kind
	if rep.Imported == 1 {
		what = strings.TrimSuffix(what, "s")
	}
	if len(rep.Problems) > 0 && len(rep.Skipped) == 0 {
		return // refused: the caller says so
	}
	switch {
	case rep.DryRun:
		fmt.Fprintf(w, "dry run: %d of %d row(s) would be imported as %s", rep.Imported, rep.Rows, what)
		if len(rep.Skipped) > 0 {
			fmt.Fprintf(w, ", %d skipped", len(rep.Skipped))
		}
		fmt.Fprintln(w, "; nothing was changed")
	default:
		fmt.Fprintf(w, "imported %d %s", rep.Imported, what)
		if rep.Kind == data.ImportInvoices && len(rep.Created) > 0 {
			fmt.Fprintf(w, " (%s to %s)", rep.Created[0], rep.Created[len(rep.Created)-1])
		}
		if len(rep.Skipped) > 0 {
			fmt.Fprintf(w, "; skipped %d bad row(s): %s", len(rep.Skipped), joinInts(rep.Skipped))
		}
		fmt.Fprintln(w)
		if rep.Snapshot != "" {
			fmt.Fprintf(w, "safety copy from before the import: %s\n", rep.Snapshot)
		}
	}
}

func joinInts(xs []int) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = fmt.Sprint(x)
	}
	return strings.Join(parts, ", ")
}

func runExport(env *Env, args []string) error {
	fs, db := env.Flags("export")
	out := fs.String("o", "", "folder to write (same as DIR)")
	pos, err := parseMixed(fs, args)
	if err != nil {
		return err
	}
	dir := *out
	if len(pos) == 1 && dir == "" {
		dir = pos[0]
	} else if len(pos) > 0 || dir == "" {
		return &ExitError{Code: 2, Msg: "usage: duebook export DIR"}
	}
	s, err := env.OpenReadOnly(*db)
	if err != nil {
		return err
	}
	defer s.Close()
	files, err := s.ExportCSV(context.Background(), dir)
	if err != nil {
		return data.FileError(err)
	}
	for _, f := range files {
		fmt.Fprintf(env.Stdout, "wrote %s\n", filepath.ToSlash(f))
	}
	return nil
}
