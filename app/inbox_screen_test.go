package app

import (
	"context"
	"strings"
	"testing"

	"duebook/data"
)

// inboxWith stores the messages and opens the window on the Inbox screen with them listed.
func inboxWith(t *testing.T, s *data.Store, msgs ...*data.MailPayment) *UI {
	t.Helper()
	for _, m := range msgs {
		if ok, err := s.SaveMailPayment(ctx, m); err != nil || !ok {
			t.Fatal(ok, err)
		}
	}
	ui := newTestUI(t, s)
	ui.Inbox.Reload()
	ui.Wait()
	if len(ui.Inbox.Messages) != len(msgs) {
		t.Fatalf("messages %d, want %d", len(ui.Inbox.Messages), len(msgs))
	}
	return ui
}

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
	ui := inboxWith(t, s, good, spoof)
	is := ui.Inbox
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

// changeSetup stores a 1,500.00 PayPal payment proposed for Alpha's invoice; Beta has two
// open invoices (1,000.00 older, 800.00 newer). It returns the UI with the message selected.
func changeSetup(t *testing.T, trusted bool) (*data.Store, *UI, *data.MailPayment, *data.Invoice, [2]*data.Invoice) {
	t.Helper()
	s := newStore(t)
	alpha := mkCustomer(t, s, "Alpha Works", 30, 0)
	beta := mkCustomer(t, s, "Beta Bicycles", 30, 0)
	ai := mkInvoice(t, s, alpha, "2026-04-01", 150000)
	b1 := mkInvoice(t, s, beta, "2026-03-01", 100000)
	b2 := mkInvoice(t, s, beta, "2026-05-01", 80000)
	m := &data.MailPayment{Mailbox: "INBOX", UIDValidity: 1, UID: 7, Provider: "paypal", Kind: "received", Trusted: trusted,
		TransactionID: "9XY", Amount: 150000, Currency: "USD", PayerName: "B. Bicycles", Date: data.MustDate("2026-06-10"),
		Status: "proposed", CustomerID: alpha.ID, Confidence: 60, Reason: "payer+amount",
		Proposal: []data.Allocation{{InvoiceID: ai.ID, Amount: 150000, InvoiceNumber: ai.Number}}}
	if !trusted {
		m.Why = "dmarc=fail"
	}
	ui := inboxWith(t, s, m)
	is := ui.Inbox
	is.List.Select(0)
	return s, ui, m, ai, [2]*data.Invoice{b1, b2}
}

func TestInboxChangeProposal(t *testing.T) {
	s, ui, m, ai, b := changeSetup(t, false) // an untrusted sender: the user may still record it
	is := ui.Inbox
	tap(t, is.Change)
	d := is.ChangeDlg
	if d == nil || ui.Modal != d.Modal || d.Customer.ID() != m.CustomerID {
		t.Fatal("change dialog not shown with the proposed customer")
	}
	if len(d.Rows) != 1 || d.Rows[0].Amount.Text != "1,500.00" || !d.Rows[0].Check.Checked {
		t.Fatalf("proposal not pre-filled: %d rows", len(d.Rows))
	}
	test_type(d.Customer.Entry, "Beta Bicycles")
	if len(d.Rows) != 2 || d.Rows[0].Invoice.ID != b[0].ID {
		t.Fatalf("rows for Beta: %d", len(d.Rows))
	}
	// oldest first: all of the older invoice, the rest on the newer one
	if d.Rows[0].Amount.Text != "1,000.00" || d.Rows[1].Amount.Text != "500.00" || !d.Rows[1].Check.Checked {
		t.Fatalf("defaults %q %q", d.Rows[0].Amount.Text, d.Rows[1].Amount.Text)
	}
	typeInto(d.Rows[1].Amount, "300")
	if !strings.Contains(d.Left.Text, "200.00 USD") {
		t.Fatalf("credit shown: %q", d.Left.Text)
	}
	tap(t, d.Modal.Button("Record payment"))
	ui.Wait()
	if d.Modal.Visible() {
		t.Fatalf("dialog still open: %q", d.Form.General.Text)
	}
	g1, _ := s.Invoice(ctx, b[0].ID)
	g2, _ := s.Invoice(ctx, b[1].ID)
	ga, _ := s.Invoice(ctx, ai.ID)
	if g1.OpenAmount != 0 || g2.OpenAmount != 50000 || ga.OpenAmount != 150000 {
		t.Fatalf("open after change: %d %d alpha %d", g1.OpenAmount, g2.OpenAmount, ga.OpenAmount)
	}
	mp, _ := s.MailPaymentByID(ctx, m.ID)
	if mp.Status != "applied" || mp.CustomerID != b[0].CustomerID || mp.PaymentID == 0 {
		t.Fatalf("message after change: %+v", mp)
	}
	p, _ := s.Payment(ctx, mp.PaymentID)
	if p.CustomerID != b[0].CustomerID || p.Amount != 150000 || p.Unallocated != 20000 {
		t.Fatalf("payment %+v", p)
	}
	// applied: no more changes
	is.List.Select(0)
	if !is.Change.Disabled() || !is.Accept.Disabled() {
		t.Fatal("an applied message can still be changed")
	}
}

func TestInboxChangeRefusesBadAmounts(t *testing.T) {
	s, ui, m, _, b := changeSetup(t, true)
	is := ui.Inbox
	tap(t, is.Change)
	d := is.ChangeDlg
	test_type(d.Customer.Entry, "Beta Bicycles")
	ui.Wait()
	record := d.Modal.Button("Record payment")
	cases := []struct{ a0, a1, want string }{
		{"1,000.01", "", "amount for " + b[0].Number + ": more than is open"},
		{"abc", "", "amount for " + b[0].Number + ":"},
		{"-5", "", "amount for " + b[0].Number + ":"},
		{"1000", "800", "amount: the invoices ticked add up to 1,800.00 USD, more than the payment of 1,500.00 USD"},
	}
	for _, c := range cases {
		typeInto(d.Rows[0].Amount, c.a0)
		typeInto(d.Rows[1].Amount, c.a1)
		tap(t, record)
		ui.Wait()
		if !d.Modal.Visible() || !d.Form.General.Visible() || !strings.Contains(d.Form.General.Text, c.want) {
			t.Fatalf("%q/%q: message %q, want %q", c.a0, c.a1, d.Form.General.Text, c.want)
		}
	}
	// a ticked invoice without an amount
	typeInto(d.Rows[0].Amount, "")
	typeInto(d.Rows[1].Amount, "")
	d.Rows[0].syncing = true
	d.Rows[0].Check.SetChecked(true)
	d.Rows[0].syncing = false
	tap(t, record)
	if !strings.Contains(d.Form.General.Text, "amount for "+b[0].Number+": is required") {
		t.Fatalf("ticked without amount: %q", d.Form.General.Text)
	}
	// a customer name that is nobody
	test_type(d.Customer.Entry, "Nobody Ltd")
	tap(t, record)
	if f := d.Form.Field("customer"); !f.Error.Visible() || !strings.Contains(f.Error.Text, `no customer is called "Nobody Ltd"`) {
		t.Fatalf("customer error %q", f.Error.Text)
	}
	// nothing was saved
	mp, _ := s.MailPaymentByID(ctx, m.ID)
	pays, _ := s.Payments(ctx, data.PaymentFilter{})
	g1, _ := s.Invoice(ctx, b[0].ID)
	if mp.Status != "proposed" || len(pays) != 0 || g1.OpenAmount != 100000 {
		t.Fatalf("saved after refusals: status %s, %d payments, open %d", mp.Status, len(pays), g1.OpenAmount)
	}
	tap(t, d.Modal.Button("Cancel"))
}

func TestInboxChangeDisabledRejected(t *testing.T) {
	s, ui, m, _, _ := changeSetup(t, true)
	is := ui.Inbox
	if is.Change.Disabled() {
		t.Fatal("Change disabled for a proposed message")
	}
	if err := s.SetMailStatus(ctx, m.ID, "rejected"); err != nil {
		t.Fatal(err)
	}
	is.Reload()
	ui.Wait()
	is.List.Select(0)
	if !is.Change.Disabled() {
		t.Fatal("Change enabled for a rejected message")
	}
}

func TestInboxChangeDisabledReadOnly(t *testing.T) {
	s := newStore(t)
	m := &data.MailPayment{Mailbox: "INBOX", UIDValidity: 1, UID: 1, Provider: "paypal", Kind: "received", Trusted: true,
		TransactionID: "1", Amount: 1000, Currency: "USD", Date: data.MustDate("2026-06-10"), Status: "new"}
	if _, err := s.SaveMailPayment(ctx, m); err != nil {
		t.Fatal(err)
	}
	path := s.Path()
	s.Close()
	ro, err := data.OpenWith(path, data.Options{ReadOnly: true, Clock: data.FixedClock{Day: data.MustDate(testToday)}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ro.Close() })
	ui := newTestUI(t, ro)
	ui.Inbox.Reload()
	ui.Wait()
	ui.Inbox.List.Select(0)
	if !ui.Inbox.Change.Disabled() || !ui.Inbox.Reject.Disabled() {
		t.Fatal("Change enabled on a read-only company file")
	}
}

// With no messages the Inbox says how to start.
func TestInboxEmptyHint(t *testing.T) {
	s := newStore(t)
	ui := newTestUI(t, s)
	ui.Inbox.Reload()
	ui.Wait()
	if !strings.Contains(ui.Inbox.Detail.Text, "No payment confirmations read yet") || ui.Inbox.Count.Text != "0 messages, 0 waiting for you" {
		t.Fatalf("empty inbox: %q / %q", ui.Inbox.Detail.Text, ui.Inbox.Count.Text)
	}
}

// A message no invoice matched says so once and what can be done with it (it said "No match
// proposed: no match yet.").
func TestInboxUnmatchedSaysWhatToDo(t *testing.T) {
	s := newStore(t)
	m := &data.MailPayment{Mailbox: "INBOX", UIDValidity: 1, UID: 3, Provider: "interac", Kind: "received", Trusted: true,
		TransactionID: "CA1M", Amount: 35000, Currency: "USD", PayerName: "JOHN SMITH", Date: data.MustDate("2026-06-10"), Status: "new"}
	r := &data.MailPayment{Mailbox: "INBOX", UIDValidity: 1, UID: 4, Provider: "paypal", Kind: "received", Trusted: true,
		TransactionID: "7GH2", Amount: 1000, Currency: "USD", Date: data.MustDate("2026-06-11"), Status: "rejected"}
	ui := inboxWith(t, s, m, r)
	is := ui.Inbox
	for i, msg := range is.Messages {
		is.List.Select(i)
		switch msg.ID {
		case m.ID:
			if !strings.Contains(is.Detail.Text, "No open invoice matched it. Change… records it") || strings.Contains(is.Detail.Text, "no match yet") {
				t.Errorf("unmatched message says %q", is.Detail.Text)
			}
			if is.Change.Disabled() || is.Reject.Disabled() {
				t.Error("Change… or Reject is disabled for an unmatched message")
			}
		case r.ID:
			if !strings.HasSuffix(strings.TrimSpace(is.Detail.Text), "Rejected.") {
				t.Errorf("rejected message says %q", is.Detail.Text)
			}
		}
	}
}
