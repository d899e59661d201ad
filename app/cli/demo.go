package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"duebook/data"
)

func init() {
	Register(Command{Name: "demo", Usage: "-o FILE [-customers N] [-invoices N] [-seed S] [-today DATE]",
		Summary: "makes a sample company (deterministic per seed)", Run: runDemo})
}

func runDemo(env *Env, args []string) error {
	fs, _ := env.Flags("demo")
	out := fs.String("o", "", "company file to create")
	customers := fs.Int("customers", 120, "number of customers")
	invoices := fs.Int("invoices", 3000, "number of invoices")
	seed := fs.Uint64("seed", 1, "random seed")
	today := fs.String("today", "", "last day of the sample's history (default today)")
	force := fs.Bool("force", false, "replace FILE if it exists")
	if err := Parse(fs, args); err != nil {
		return err
	}
	if *out == "" {
		return &ExitError{Code: 2, Msg: "-o: the company file to create is required"}
	}
	if err := data.CheckDemoSize(*customers, *invoices); err != nil {
		var fe *data.FieldError
		if errors.As(err, &fe) {
			return &ExitError{Code: 2, Msg: "-" + fe.Field + ": " + fe.Msg}
		}
		return err
	}
	day, err := env.DateFlag("today", *today)
	if err != nil {
		return err
	}
	replace := false
	if st, err := os.Stat(*out); err == nil && st.IsDir() {
		return fmt.Errorf("-o: %s is a folder; name the company file to make in it (e.g. %s)", *out, filepath.Join(*out, "sample.duebook"))
	}
	if _, err := os.Lstat(*out); err == nil {
		if !*force {
			if old, err := data.OpenExisting(*out, data.Options{ReadOnly: true}); err != nil {
				return fmt.Errorf("-o: %s exists and is not replaced: %w", *out, err)
			} else {
				old.Close()
			}
			return fmt.Errorf("-o: %s exists (pass -force to replace it)", *out)
		}
		// Only a company file is replaced, and only while no other program has it.
		lock, err := data.AcquireLock(*out)
		if err != nil {
			return err
		}
		defer lock.Release()
		old, err := data.OpenExisting(*out, data.Options{ReadOnly: true})
		if err != nil {
			return fmt.Errorf("-o: not replaced: %w", err)
		}
		old.Close()
		replace = true
	}
	// The company is made beside the file and moved into place only when it is whole: a
	// failure (a full disk) leaves nothing half-made.
	err = data.MakeCompany(context.Background(), *out, data.Options{Clock: data.FixedClock{Day: day}}, replace,
		func(ctx context.Context, s *data.Store) error {
			return s.GenerateDemo(ctx, data.DemoOptions{Customers: *customers, Invoices: *invoices, Seed: *seed, Today: day})
		})
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "%s: %d customers, %d invoices, as of %s\n", *out, *customers, *invoices, day)
	return nil
}
