package data

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
)

// TestMailIdentMigration: migration 0011 applies to a file made before it that holds the
// same message twice (read from two IMAP folders): the first keeps the identity, both rows
// stay, and from then on a message is stored once per identity, from any mailbox or file.
func TestMailIdentMigration(t *testing.T) {
	path := filepath.Join(t.TempDir(), "co.duebook")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`DELETE FROM schema_migrations WHERE version = 11`,
		`DROP INDEX mail_payments_ident`,
		`ALTER TABLE mail_payments DROP COLUMN ident`,
		`ALTER TABLE mail_payments DROP COLUMN authserv`,
		`INSERT INTO mail_payments(mailbox, uidvalidity, uid, message_id, provider, kind, trusted, created) VALUES
			('INBOX', 1, 5, 'abc@paypal.com', 'paypal', 'received', 1, '2026-01-01T00:00:00Z'),
			('Payments', 7, 2, 'abc@paypal.com', 'paypal', 'received', 1, '2026-01-01T00:00:00Z'),
			('INBOX', 1, 6, '', 'unknown', 'not_payment', 0, '2026-01-01T00:00:00Z')`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	db.Close()
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	all, err := s.MailPayments(ctx, "")
	if err != nil || len(all) != 3 {
		t.Fatalf("%d rows, %v", len(all), err)
	}
	idents := map[string]int{}
	for _, m := range all {
		idents[m.Ident]++
		if m.AuthServ != "" {
			t.Fatalf("old row has a receiving server: %+v", m)
		}
	}
	if idents["abc@paypal.com"] != 1 || idents[""] != 2 {
		t.Fatalf("idents %v", idents)
	}
	for _, m := range []*MailPayment{
		{Mailbox: "Archive", UIDValidity: 3, UID: 1, MessageID: "abc@paypal.com", Provider: "paypal", Kind: "received"},
		{Mailbox: "file:abc@paypal.com", MessageID: "abc@paypal.com", Provider: "paypal", Kind: "received"},
	} {
		if ok, err := s.SaveMailPayment(ctx, m); err != nil || ok {
			t.Fatalf("same Message-ID stored again from %s: %v %v", m.Mailbox, ok, err)
		}
	}
	m := &MailPayment{Mailbox: "file:sha256:00", Ident: "sha256:00", Provider: "bank", Kind: "received", AuthServ: "mx.example"}
	if ok, err := s.SaveMailPayment(ctx, m); err != nil || !ok {
		t.Fatalf("new message not stored: %v %v", ok, err)
	}
	if got, _ := s.MailPaymentByID(ctx, m.ID); got.Ident != "sha256:00" || got.AuthServ != "mx.example" {
		t.Fatalf("read back %+v", got)
	}
	if v, _ := s.Check(ctx); len(v) > 0 {
		t.Fatal(v)
	}
}
