package cli

import (
	"bufio"
	"cmp"
	"context"
	"flag"
	"fmt"
	"os"
	"strings"

	"duebook/app/inbox"
	"duebook/data"
)

func init() {
	Register(Command{Name: "reconcile", Usage: "[-apply] [-files PATH...]",
		Summary: "fetches new mail over IMAP (or reads .eml/.mbox files with -files), reads payment confirmations, proposes matches; -apply records exact matches from trusted senders", Run: runReconcile})
	Register(Command{Name: "mail-account", Usage: "[-preset NAME] -host HOST -user USER [-port N] [-security tls|starttls|none] [-folder F] [-auth password|oauth-google|oauth-microsoft] [-authserv ID] [-client-id ID] [-password-stdin | -sign-in | -device-code] | -sign-out",
		Summary: "sets the mailbox to read (the password goes to the OS keyring, never the company file)", Run: runMailAccount})
}

func runReconcile(env *Env, args []string) error {
	fs, db := env.Flags("reconcile")
	apply := fs.Bool("apply", false, "record exact reference+amount matches from trusted senders")
	files := fs.Bool("files", false, "read the .eml and .mbox files (or folders of them) named after the flags instead of the mailbox")
	if err := Parse(fs, args); err != nil {
		return err
	}
	if *files {
		return runReconcileFiles(env, *db, fs.Args(), *apply)
	}
	if fs.NArg() > 0 {
		return &ExitError{Code: 2, Msg: fmt.Sprintf("unexpected %q: to read mail files use duebook reconcile -files PATH...", fs.Arg(0))}
	}
	s, err := env.Open(*db)
	if err != nil {
		return err
	}
	defer s.Close()
	ctx := context.Background()
	acct, err := inbox.LoadAccount(ctx, s)
	if err != nil {
		return err
	}
	cfg, err := acct.Config()
	if err != nil {
		return err
	}
	res, err := inbox.Reconcile(ctx, s, cfg, *apply, nil)
	return reconcileReport(ctx, env, s, res, err)
}

// runReconcileFiles is reconcile -files: the same reading, matching and once-only
// recording, from exported mail files. Trust uses the account's receiving server.
func runReconcileFiles(env *Env, db string, paths []string, apply bool) error {
	if len(paths) == 0 {
		return &ExitError{Code: 2, Msg: "-files: no files named: duebook reconcile [-apply] -files FILE.eml|FILE.mbox|FOLDER..."}
	}
	for _, p := range paths {
		if strings.HasPrefix(p, "-") {
			if _, err := os.Stat(p); err != nil {
				return &ExitError{Code: 2, Msg: fmt.Sprintf("-files: %q looks like a flag: put the flags before -files and the files after it", p)}
			}
		}
	}
	s, err := env.Open(db)
	if err != nil {
		return err
	}
	defer s.Close()
	ctx := context.Background()
	servID, err := inbox.LoadAuthServ(ctx, s)
	if err != nil {
		return err
	}
	res, err := inbox.ReconcileFiles(ctx, s, servID, paths, apply, nil)
	for _, p := range res.Problems {
		fmt.Fprintln(env.Stdout, "not read: "+p)
	}
	if rerr := reconcileReport(ctx, env, s, res, err); rerr != nil {
		return rerr
	}
	if len(res.Problems) > 0 {
		return fmt.Errorf("%d file(s) or message(s) could not be read (listed above); the rest was read", len(res.Problems))
	}
	return nil
}

// reconcileReport prints what a reconcile run (IMAP or files) did and what waits for review.
func reconcileReport(ctx context.Context, env *Env, s *data.Store, res inbox.ReconcileResult, err error) error {
	if res.Warning != "" {
		fmt.Fprintln(env.Stdout, "warning: "+res.Warning)
	}
	for _, l := range res.Applications {
		fmt.Fprintln(env.Stdout, l)
	}
	fmt.Fprintln(env.Stdout, readSummary(res))
	if err != nil {
		return err
	}
	list, err := s.MailPayments(ctx, "proposed")
	if err != nil {
		return err
	}
	for _, m := range list {
		trust := "UNTRUSTED"
		if m.Trusted {
			trust = "trusted"
		}
		fmt.Fprintf(env.Stdout, "to review: %s %s %s %q from %s (%s), %d%%: %s\n", m.Provider, data.FormatAmount(m.Amount, m.Currency), m.Currency,
			m.Reference, cmp.Or(m.PayerName, m.PayerEmail, "unknown payer"), trust, m.Confidence, m.Reason)
	}
	return nil
}

// readSummary says what a run read: how many messages, how many of them were new (and
// stored) and how many were already seen (by an earlier run, or as a copy of another
// message of this run), then what was proposed and recorded.
func readSummary(res inbox.ReconcileResult) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d message(s) read", res.Fetched)
	switch {
	case res.Fetched == 0:
	case res.Stored == 0 && res.Duplicates == res.Fetched:
		fmt.Fprintf(&b, ", none new (all %d already seen)", res.Fetched)
	default:
		fmt.Fprintf(&b, ": %d new, %d already seen", res.Stored, res.Duplicates)
		if rest := res.Fetched - res.Stored - res.Duplicates; rest > 0 {
			fmt.Fprintf(&b, ", %d not stored", rest)
		}
	}
	fmt.Fprintf(&b, "; %d with a proposed match, %d payment(s) recorded", res.Proposed, res.Applied)
	return b.String()
}

func runMailAccount(env *Env, args []string) error {
	fs, db := env.Flags("mail-account")
	var a inbox.Account
	fs.StringVar(&a.Host, "host", "", "IMAP server")
	fs.IntVar(&a.Port, "port", 0, "port (default 993 for tls, 143 for starttls)")
	fs.StringVar(&a.Security, "security", "tls", "tls, starttls or none (loopback only)")
	fs.StringVar(&a.Username, "user", "", "user name")
	fs.StringVar(&a.Folder, "folder", "", "folder to read (default INBOX)")
	pwStdin := fs.Bool("password-stdin", false, "read the password from standard input and keep it in the OS keyring")
	mf := addMailAccountFlags(fs, &a)
	if err := Parse(fs, args); err != nil {
		return err
	}
	if *mf.signOut {
		return mf.runSignOut(env, fs, *db)
	}
	if err := mf.applyPreset(fs, &a); err != nil {
		return err
	}
	if err := mf.checkClient(a); err != nil {
		return err
	}
	s, err := env.Open(*db)
	if err != nil {
		return err
	}
	defer s.Close()
	// -authserv not given (nor a preset that names one): the receiving server stays while
	// the host does (it is the same mailbox); a new host is another provider, whose server
	// must be named again
	given := false
	fs.Visit(func(f *flag.Flag) { given = given || f.Name == "authserv" || f.Name == "preset" })
	if old, err := inbox.LoadAccount(context.Background(), s); !given && err == nil && strings.EqualFold(old.Host, strings.TrimSpace(a.Host)) {
		a.AuthServID = old.AuthServID
	}
	if err := inbox.SaveAccount(context.Background(), s, a); err != nil {
		return err
	}
	if err := mf.saveClient(context.Background(), s, a); err != nil {
		return err
	}
	if *pwStdin {
		line, err := bufio.NewReader(env.Stdin).ReadString('\n')
		if err != nil && line == "" {
			return fmt.Errorf("-password-stdin: no password on standard input")
		}
		if err := inbox.SetPassword(a, strings.TrimRight(line, "\r\n")); err != nil {
			return err
		}
	}
	fmt.Fprintf(env.Stdout, "mail account %s@%s saved\n", a.Username, a.Host)
	if a.AuthServID == "" {
		msg := "no receiving server set (-authserv): no payment mail will be trusted or recorded without you"
		if p, _ := inbox.ProposedAuthServ(context.Background(), s); p.ID != "" {
			msg += "; the mail read so far suggests -authserv " + p.ID
		}
		fmt.Fprintln(env.Stdout, msg)
	}
	return mf.runSignIn(env, s)
}
