package app

import (
	"context"
	"strings"
	"testing"

	"duebook/data"
)

func TestInboxAcceptReject(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	c := mkCustomer(t, s, "Cooper Design", 30, 0)
	inv := mkInvoice(t, s, c, "2026-05-01", 125000)
	good := &data.MailPayment{Mailbox: "INBOX", UIDValidity: 1, UID: 1, Provider: "paypal", Kind: "received", Trusted: true,
		TransactionID: "7GH1", Amount: 125000, Currency: "USD", PayerName: "Jane Cooper", Date: data.MustDate("2026-05-20"),
		Status: "proposed", CustomerID: c.ID, Confidence: 100, Reason: "invoice named, amount equals",
		Proposal: []data.Allocation{{InvoiceID: inv.ID, Amount: 125000, InvoiceNumber: inv.Number}}}
	spoof := &data.MailPayment{Mailbox: "INBOX", UIDValidity: 1, UID: 2, Provider: "paypal", Kind: "received", Trusted: false,
		TransactionID: "7GH1", Amount: 125000, Currency: "USD", Date: data.MustDate("2026-05-20"), Status: "proposed",
		CustomerID: c.ID, Confidence: 100, Proposal: good.Proposal, Why: "dmarc=fail"}
	for _, m := range []*data.MailPayment{good, spoof} {
		if ok, err := s.SaveMailPayment(ctx, m); err != nil || !ok {
			t.Fatal(ok, err)
		}
	}
	ui := newTestUI(t, s)
	is := ui.Inbox
	is.Reload()
	ui.Wait()
	if len(is.Messages) != 2 {
		t.Fatalf("messages %d", len(is.Messages))
	}
	idx := func(id int64) int {
		for i, m := range is.Messages {
			if m.ID == id {
				return i
			}
		}
		return -1
	}
	is.List.Select(idx(spoof.ID))
	if !strings.Contains(is.Detail.Text, "NOT trusted: dmarc=fail") {
		t.Fatal("untrusted sender not flagged")
	}
	tap(t, is.Reject)
	ui.Wait()
	is.List.Select(idx(good.ID))
	tap(t, is.Accept)
	ui.Wait()
	got, _ := s.Invoice(ctx, inv.ID)
	if got.OpenAmount != 0 {
		t.Fatalf("accepted payment not recorded: open %d", got.OpenAmount)
	}
	sp, _ := s.MailPaymentByID(ctx, spoof.ID)
	gp, _ := s.MailPaymentByID(ctx, good.ID)
	if sp.Status != "rejected" || gp.Status != "applied" || gp.PaymentID == 0 {
		t.Fatalf("statuses: spoof %s good %s", sp.Status, gp.Status)
	}
}
