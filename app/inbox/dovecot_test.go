package inbox

import (
	"testing"

	"duebook/app/inbox/inboxtest"
)

// startDovecot starts a real Dovecot on loopback for this test (see inboxtest.Start: skipped
// when dovecot is absent, a failure when CI=true).
func startDovecot(t *testing.T) *inboxtest.Dovecot {
	t.Helper()
	return inboxtest.Start(t)
}

// accountFor is the account settings for the test server.
func accountFor(d *inboxtest.Dovecot, sec Security, folder string) Config {
	cfg := Config{Host: d.Host, Security: sec, Username: d.User, Password: d.Password, Folder: folder, RootCAs: d.CertPool}
	if sec == SecurityTLS {
		cfg.Port = d.TLSPort
	} else {
		cfg.Port = d.Port
	}
	return cfg
}
