package inbox

import (
	"context"
	"testing"

	"duebook/data"
)

// mail-account saved "h ex", "imap.example.com:993" and a host with a line break as the
// server, and a user name or folder holding CR LF (which would end the IMAP command they are
// sent in); each is refused naming the field, and nothing is saved.
func TestSaveAccountRefusesBadServerAndControls(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	for _, c := range []struct {
		a     Account
		field string
	}{
		{Account{Host: "h ex", Username: "u"}, "host"},
		{Account{Host: "imap.example.com:993", Username: "u"}, "host"},
		{Account{Host: "imap.example.com\nx", Username: "u"}, "host"},
		{Account{Host: "😀.example", Username: "u"}, "host"},
		{Account{Host: "imap.example.com", Username: "u\r\nA1 LOGOUT"}, "user"},
		{Account{Host: "imap.example.com", Username: "u", Folder: "INBOX\r\nA1 LOGOUT"}, "folder"},
		{Account{Host: "imap.example.com", Username: "u", Folder: "\u202eXOBNI"}, "folder"},
	} {
		err := SaveAccount(ctx, s, c.a)
		if data.FieldErrors(err)[c.field] == "" {
			t.Errorf("%+v: %v", c.a, err)
		}
	}
	if h, _ := s.Setting(ctx, "mail.host"); h != "" {
		t.Fatalf("saved host %q", h)
	}
	for _, host := range []string{"imap.gmail.com", "bücher.example", "127.0.0.1", "::1"} {
		if err := SaveAccount(ctx, s, Account{Host: host, Username: "me@example.com"}); err != nil {
			t.Errorf("%s: %v", host, err)
		}
	}
}
