package collect

import (
	"errors"
	"testing"
	"time"

	"duebook/data"
)

// A reminder whose document has nowhere to go is refused and stays due (issue 11: a reminder
// counts as sent only with its document written).
func TestSendReminderNeedsItsDocument(t *testing.T) {
	s := newStore(t, "2026-01-01")
	comp := data.DefaultCompany()
	comp.Name, comp.Email = "Shop", "ar@shop.example"
	c := cust(t, s, "Acme")
	invoice(t, s, c, "2026-01-01", 10000)
	day := data.MustDate("2026-02-20")
	a := due(t, s, "2026-02-20")
	if len(a) != 1 {
		t.Fatalf("due: %+v", a)
	}
	_, err := SendReminder(ctx, s, comp, a[0], day, Outputs{Now: time.Now()})
	var no *NoOutputError
	if !errors.As(err, &no) || no.Need != "eml" {
		t.Fatalf("sent without a folder for the .eml: %v", err)
	}
	if again := due(t, s, "2026-02-20"); len(again) != 1 {
		t.Fatalf("the refused reminder was recorded: %+v", again)
	}
	if _, err := SendReminder(ctx, s, comp, a[0], day, Outputs{EMLDir: t.TempDir(), Now: time.Now()}); err != nil {
		t.Fatal(err)
	}
	if again := due(t, s, "2026-02-20"); len(again) != 0 {
		t.Fatalf("still due after it was sent: %+v", again)
	}
}

// A phone reminder has no document: SendReminder refuses it, and it stays due for the call.
func TestSendReminderRefusesCalls(t *testing.T) {
	s := newStore(t, "2026-01-01")
	comp := data.DefaultCompany()
	comp.Name, comp.Email = "Shop", "ar@shop.example"
	c := &data.Customer{Name: "Phoney", Phone: "+1 555 0100", Channel: data.ChannelPhone, TermsDays: 30}
	if err := s.CreateCustomer(ctx, c); err != nil {
		t.Fatal(err)
	}
	invoice(t, s, c, "2026-01-01", 10000)
	a := due(t, s, "2026-02-20")
	if len(a) != 1 || a[0].Channel() != "phone" {
		t.Fatalf("due: %+v", a)
	}
	_, err := SendReminder(ctx, s, comp, a[0], data.MustDate("2026-02-20"), Outputs{EMLDir: t.TempDir(), LettersDir: t.TempDir(), Now: time.Now()})
	var no *NoOutputError
	if !errors.As(err, &no) || no.Need != "call" {
		t.Fatalf("a call recorded as sent: %v", err)
	}
	if len(due(t, s, "2026-02-20")) != 1 {
		t.Fatal("the call is no longer due")
	}
}
