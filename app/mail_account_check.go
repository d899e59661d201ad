package app

import (
	"duebook/app/inbox"
	"duebook/data"
)

// connectionProblems is what a connection needs that the form lacks, by field.
func connectionProblems(a inbox.Account) fieldErrors {
	var v fieldErrors
	if a.Host == "" {
		addErr(&v, "host", "is required")
	}
	if a.Username == "" {
		addErr(&v, "user", "is required")
	}
	sec, err := inbox.ParseSecurity(a.Security)
	if err != nil {
		addErr(&v, "security", err.Error())
	} else if sec == inbox.SecurityNone && a.Host != "" && !inbox.IsLoopback(a.Host) {
		addErr(&v, "security", "an unencrypted (plaintext) connection is only allowed to this computer (localhost); choose SSL/TLS or STARTTLS")
	}
	return v
}

// accountProblems is every value of a that Save refuses, by field, found without saving
// or connecting.
func accountProblems(a inbox.Account) fieldErrors {
	v := connectionProblems(a)
	if a.Port < 0 || a.Port > 65535 {
		addErr(&v, "port", "must be between 1 and 65535 (empty = the default)")
	}
	if _, err := inbox.CleanAuthServID(a.AuthServID); err != nil {
		v = append(v, asFieldErrors(err)...)
	}
	if err := a.Clients().Validate(); err != nil {
		v = append(v, asFieldErrors(err)...)
	}
	return v
}

// asFieldErrors is the per-field part of a refusal.
func asFieldErrors(err error) fieldErrors {
	var v fieldErrors
	for name, msg := range data.FieldErrors(err) {
		addErr(&v, name, msg)
	}
	return v
}

// liveCheck is the form's check as the user types (Form.Live): the values' problems, plus
// the messages that are not about a typed value and stay until dealt with: why the sign-in
// does not work (until the next sign-in, sign-out or save), and a missing password (until
// one is typed).
func (af *AccountForm) liveCheck() error {
	a, err := af.read()
	v := append(asFieldErrors(err), accountProblems(a)...)
	if fd := af.Form.Field("sign-in"); fd.Error.Visible() {
		addErr(&v, "sign-in", fd.Error.Text)
	}
	if fd := af.Form.Field("password"); fd.Error.Visible() && af.Password.Text == "" {
		addErr(&v, "password", fd.Error.Text)
	}
	return errOrNil(v)
}
