package cli

import (
	"strings"

	"duebook/app/inbox"
)

func init() {
	Register(Command{Name: "parse-mail", Usage: "[-authserv ID] [-banks DOMAIN,...] FILE.eml...",
		Summary: "what the payment reader sees in each message, one JSON object per line", Run: runParseMail})
}

func runParseMail(env *Env, args []string) error {
	fs, _ := env.Flags("parse-mail")
	banks := fs.String("banks", "", "extra bank domains whose notices are trusted, comma separated")
	authserv := fs.String("authserv", "", "the receiving server's authserv-id: only the Authentication-Results it wrote are trusted (without it: the top one, whoever wrote it)")
	if err := Parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return &ExitError{Code: 2, Msg: "no files: duebook parse-mail FILE.eml... (- reads standard input)"}
	}
	p := &inbox.Parser{}
	if *authserv != "" {
		id, err := inbox.CleanAuthServID(*authserv)
		if err != nil {
			return &ExitError{Code: 2, Msg: "-authserv: " + strings.TrimPrefix(err.Error(), "receiving server: ")}
		}
		p.AuthServID = id
	}
	if *banks != "" {
		p.BankDomains = append([]string(nil), inbox.DefaultBankDomains...)
		for _, d := range strings.Split(*banks, ",") {
			if d = strings.ToLower(strings.TrimSpace(d)); d != "" {
				p.BankDomains = append(p.BankDomains, d)
			}
		}
	}
	return p.ParseFiles(fs.Args(), env.Stdin, env.Stdout)
}
