package collect

import (
	"strings"
	"testing"
	"time"

	"duebook/app/inbox"
	"duebook/app/inbox/inboxtest"
	"duebook/data"
)

// A composed reminder lands in the mailbox's Drafts folder of a real Dovecot, flagged \Draft.
func TestAppendToDrafts(t *testing.T) {
	d := inboxtest.Start(t)
	s := newStore(t, "2026-01-01")
	c := cust(t, s, "Acme")
	invoice(t, s, c, "2026-01-01", 5000)
	a := due(t, s, "2026-02-20")
	comp := data.DefaultCompany()
	comp.Name, comp.Email = "Northwind", "ar@northwind.example"
	raw, err := ComposeReminder(comp, a[0], data.MustDate("2026-02-20"), time.Now())
	if err != nil {
		t.Fatal(err)
	}
	cfg := inbox.Config{Host: d.Host, Port: d.TLSPort, Security: inbox.SecurityTLS, Username: d.User, Password: d.Password, RootCAs: d.CertPool}
	if err := AppendToDrafts(ctx, cfg, raw); err != nil {
		t.Fatal(err)
	}
	msgs, flags := d.Messages(t, "Drafts")
	if len(msgs) != 1 || !strings.Contains(string(msgs[0]), "INV-00001") || !strings.Contains(strings.Join(flags[0], " "), `\Draft`) {
		t.Fatalf("drafts: %d messages, flags %v", len(msgs), flags)
	}
}
