package cli

import (
	"bufio"
	"context"
	"fmt"
	"strings"

	"duebook/app/inbox"
)

func init() {
	Register(Command{Name: "reconcile", Usage: "[-apply]",
		Summary: "fetches new mail over IMAP, reads payment confirmations, proposes matches; -apply records exact matches from trusted senders", Run: runReconcile})
	Register(Command{Name: "mail-account", Usage: "[-preset NAME] -host HOST -user USER [-port N] [-security tls|starttls|none] [-folder F] [-auth password|oauth-google|oauth-microsoft] [-authserv ID] [-client-id ID] [-password-stdin | -sign-in | -device-code]",
		Summary: "sets the mailbox to read (the password goes to the OS keyring, never the company file)", Run: runMailAccount})
}

func runReconcile(env *Env, args []string) error {
	fs, db := env.Flags("reconcile")
	apply := fs.Bool("apply", false, "record exact reference+amount matches from trusted senders")
	if err := Parse(fs, args); err != nil {
		return err
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
	for _, l := range res.Applications {
		fmt.Fprintln(env.Stdout, l)
	}
	fmt.Fprintf(env.Stdout, "%d new message(s), %d stored, %d already seen, %d with a proposed match, %d payment(s) recorded\n",
		res.Fetched, res.Stored, res.Duplicates, res.Proposed, res.Applied)
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
		fmt.Fprintf(env.Stdout, "to review: %s %s %s from %s (%s), %d%%: %s\n", m.Provider, m.Currency, m.Reference, m.PayerName, trust, m.Confidence, m.Reason)
	}
	return nil
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
	return mf.runSignIn(env, s)
}
