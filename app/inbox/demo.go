package inbox

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
	"time"

	"duebook/data"
)

// The sample company's Inbox: a handful of payment confirmations already read, so a
// newcomer sees matching at once. They are real messages, written for the sample's own
// customers and open invoices and read by the real parser, trust rule and matcher:
//   - a PayPal payment naming its invoice with the exact amount, already recorded;
//   - a Stripe payment naming its invoice with the exact amount, waiting for Accept;
//   - a Stripe payment without an invoice number, matched by the payer's e-mail and amount;
//   - a PayPal payment from a known customer that fits none of their invoices: the user
//     chooses (Change…);
//   - a forged PayPal mail (dmarc=fail at the company's own server, a sender-written
//     "dmarc=pass" below it) naming an invoice with its exact amount: not trusted, never
//     applied without the user;
//   - a Stripe payout notice: money leaving Stripe, not a customer payment (ignored).
// The company's receiving server is set to DemoAuthServ, the server that stamped them.

// DemoAuthServ is the sample company's receiving mail server.
const DemoAuthServ = "mx.northwind-trade.example"

const demoMailbox = "sample" // not "INBOX": a real mailbox set up later never collides

func init() { data.RegisterDemoAfter(demoInbox) }

type demoInv struct {
	id, cust      int64
	number        string
	open          int64
	name, contact string
	email         string
	openCount     int
}

type demoMail struct {
	raw  []byte
	want func(*data.MailPayment) bool // what the reading must give, else another invoice is tried
	pick func(demoInv) bool
}

func demoInbox(ctx context.Context, s *data.Store, seed uint64, today data.Date) error {
	invs, err := demoOpenInvoices(ctx, s)
	if err != nil || len(invs) == 0 {
		return err
	}
	rng := rand.New(rand.NewPCG(seed, 0x6d61696c))
	m, err := NewMatcher(ctx, s)
	if err != nil {
		return err
	}
	used := map[int64]bool{}
	var out []*data.MailPayment
	kinds := []func(i int, inv demoInv, day data.Date) demoMail{demoPayPalExact, demoStripeExact, demoStripeByEmail, demoPayPalChoice, demoPayPalSpoof}
	for k, kind := range kinds {
		day := today.AddDays(-(len(kinds) - k) - rng.IntN(2))
		// try the candidates from a seeded start until one reads as intended
		start := rng.IntN(len(invs))
		for n := 0; n < len(invs) && n < 400; n++ {
			inv := invs[(start+n)%len(invs)]
			if used[inv.cust] {
				continue
			}
			mail := kind(k, inv, day)
			if mail.pick != nil && !mail.pick(inv) {
				continue
			}
			mp := ReadMessage(m, Identity{Mailbox: demoMailbox, UIDValidity: 1, UID: uint32(k + 1)}, mail.raw, DemoAuthServ)
			if !mail.want(mp) {
				continue
			}
			used[inv.cust] = true
			out = append(out, mp)
			break
		}
	}
	payout := demoStripePayout(today.AddDays(-1), rng)
	out = append(out, ReadMessage(m, Identity{Mailbox: demoMailbox, UIDValidity: 1, UID: uint32(len(kinds) + 1)}, payout, DemoAuthServ))
	err = s.Update(ctx, func(tx *data.Tx) error {
		for _, mp := range out {
			if _, err := tx.SaveMailPayment(mp); err != nil {
				return err
			}
		}
		return tx.SetSetting("mail.authserv", DemoAuthServ)
	})
	if err != nil {
		return err
	}
	// the first one was accepted already
	if len(out) > 0 && AutoApplicable(out[0], DemoAuthServ) {
		if _, err := s.ApplyMailPayment(ctx, out[0].ID, out[0].CustomerID, out[0].Proposal); err != nil {
			return err
		}
	}
	return nil
}

func demoOpenInvoices(ctx context.Context, s *data.Store) ([]demoInv, error) {
	invs, err := s.Invoices(ctx, data.InvoiceFilter{Status: data.StatusPosted, OpenOnly: true})
	if err != nil {
		return nil, err
	}
	custs, err := s.Customers(ctx, data.CustomerFilter{})
	if err != nil {
		return nil, err
	}
	byID := make(map[int64]*data.Customer, len(custs))
	for _, c := range custs {
		byID[c.ID] = c
	}
	open := map[int64]int{}
	for _, inv := range invs {
		open[inv.CustomerID]++
	}
	sort.Slice(invs, func(i, j int) bool { return invs[i].ID < invs[j].ID })
	var out []demoInv
	for _, inv := range invs {
		c := byID[inv.CustomerID]
		if c == nil || len(c.Emails) == 0 || inv.Currency != "USD" || inv.OpenAmount <= 0 {
			continue
		}
		d := demoInv{id: inv.ID, cust: c.ID, number: inv.Number, open: inv.OpenAmount, name: c.Name, contact: c.Contact,
			email: c.Emails[0], openCount: open[c.ID]}
		if d.contact == "" {
			d.contact = d.name
		}
		out = append(out, d)
	}
	return out, nil
}

func usd(minor int64) string { return data.FormatAmount(minor, "USD") }

// demoHeader is the header of a message as the company's server delivered it.
func demoHeader(domain, from, subject, msgID string, when time.Time, authResults string) string {
	date := when.Format("Mon, 02 Jan 2006 15:04:05 -0700")
	if authResults == "" {
		authResults = "Authentication-Results: " + DemoAuthServ + ";\r\n\tdkim=pass header.d=" + domain + " header.s=s2048;\r\n" +
			"\tspf=pass (" + DemoAuthServ + ": domain of bounce@" + domain + " designates 203.0.113.25 as permitted sender) smtp.mailfrom=bounce@" + domain + ";\r\n" +
			"\tdmarc=pass (p=REJECT sp=REJECT dis=NONE) header.from=" + domain + "\r\n"
	}
	return "Return-Path: <bounce@" + domain + ">\r\n" +
		"Delivered-To: accounts@northwind-trade.example\r\n" +
		authResults +
		"Received: from mta-25." + domain + " (mta-25." + domain + " [203.0.113.25])\r\n" +
		"\tby " + DemoAuthServ + " (Postfix) with ESMTPS id 4Xk2" + strings.ToUpper(msgID[:6]) + "\r\n" +
		"\tfor <accounts@northwind-trade.example>; " + date + "\r\n" +
		"Date: " + date + "\r\n" +
		"From: " + from + "\r\n" +
		"To: Northwind Trade Supply <accounts@northwind-trade.example>\r\n" +
		"Subject: " + subject + "\r\n" +
		"Message-ID: <" + msgID + ">\r\n" +
		"MIME-Version: 1.0\r\n" +
		"Content-Type: text/plain; charset=\"utf-8\"\r\n" +
		"Content-Transfer-Encoding: 8bit\r\n\r\n"
}

func crlf(s string) []byte {
	return []byte(strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\n", "\r\n"))
}

func demoTxn(inv demoInv, k int) string {
	return fmt.Sprintf("%dNW%05d%02dX%04d", 3+k, inv.id%100000, k, inv.cust%10000)
}

func paypalBody(inv demoInv, amount int64, txn string, day data.Date, note string) string {
	fee := amount - netOf(amount, providerFees[PayPal])
	return fmt.Sprintf(`Hello Northwind Trade Supply,

You received a payment of $%s USD from %s (%s).

It may take a few moments for this transaction to appear in your account.

Transaction details
Transaction ID: %s
Transaction date: %s
Amount received: $%s USD
PayPal fee: -$%s USD
Net amount: $%s USD

Note from %s:
%s

View transaction details: https://www.paypal.com/activity/payment/%s

Don't recognise this activity? Contact us at paypal.com/help. We never ask for your password by email.
`, usd(amount), inv.contact, inv.email, txn, day.Format("Jan 2, 2006"), usd(amount), usd(fee), usd(amount-fee), inv.contact, note, txn)
}

func demoWhen(day data.Date, hour int) time.Time {
	return time.Date(day.Year(), day.Month(), day.Day(), hour, 14, 9, 0, time.FixedZone("PST", -8*3600))
}

func demoPayPalExact(k int, inv demoInv, day data.Date) demoMail {
	txn := demoTxn(inv, k)
	raw := demoHeader("paypal.com", `"service@paypal.com" <service@paypal.com>`, "You've got money", strings.ToLower(txn)+"@paypal.com", demoWhen(day, 8), "") +
		paypalBody(inv, inv.open, txn, day, "Payment for "+inv.number+", thanks!")
	return demoMail{raw: crlf(raw), want: func(mp *data.MailPayment) bool { return AutoApplicable(mp, DemoAuthServ) }}
}

func demoStripeExact(k int, inv demoInv, day data.Date) demoMail {
	return demoStripe(k, inv, day, "Invoice "+inv.number, func(mp *data.MailPayment) bool { return AutoApplicable(mp, DemoAuthServ) })
}

func demoStripeByEmail(k int, inv demoInv, day data.Date) demoMail {
	mail := demoStripe(k, inv, day, fmt.Sprintf("Order %d", 4400+inv.id%500), func(mp *data.MailPayment) bool {
		return mp.Trusted && mp.Status == "proposed" && mp.Confidence >= 70 && mp.Confidence < 100 && len(mp.Proposal) == 1
	})
	return mail
}

func demoStripe(k int, inv demoInv, day data.Date, desc string, want func(*data.MailPayment) bool) demoMail {
	pi := fmt.Sprintf("pi_3Nw%06dTrade%02d", inv.id%1000000, k)
	fee := inv.open - netOf(inv.open, providerFees[Stripe])
	raw := demoHeader("stripe.com", "Stripe <notifications@stripe.com>", "Payment of $"+usd(inv.open)+" from "+inv.email,
		"stripe-evt_"+pi+"@stripe.com", demoWhen(day, 10), "") +
		fmt.Sprintf(`Northwind Trade Supply received a payment

Amount: $%s USD
Customer: %s
Email: %s
Description: %s
Payment ID: %s
Date: %s
Fee: $%s
Net: $%s

View payment in the Dashboard: https://dashboard.stripe.com/payments/%s

Stripe, 354 Oyster Point Blvd, South San Francisco, CA 94080
`, usd(inv.open), inv.name, inv.email, desc, pi, day.Format("January 2, 2006"), usd(fee), usd(inv.open-fee), pi)
	return demoMail{raw: crlf(raw), want: want}
}

// demoPayPalChoice: a known customer pays a round sum that fits none of their invoices.
func demoPayPalChoice(k int, inv demoInv, day data.Date) demoMail {
	amount := (inv.open/2/10000 + 1) * 10000 // a round number of dollars, about half
	txn := demoTxn(inv, k)
	raw := demoHeader("paypal.com", `"service@paypal.com" <service@paypal.com>`, "You've got money", strings.ToLower(txn)+"@paypal.com", demoWhen(day, 15), "") +
		paypalBody(inv, amount, txn, day, "Part payment for the spring orders")
	return demoMail{raw: crlf(raw), pick: func(d demoInv) bool { return d.openCount >= 2 && d.open > 20000 },
		want: func(mp *data.MailPayment) bool {
			return mp.Trusted && mp.Status == "proposed" && mp.Confidence < 70 && mp.CustomerID == inv.cust
		}}
}

// demoPayPalSpoof: the company's server says dmarc=fail for paypal.com; the sender wrote
// its own "dmarc=pass" header below.
func demoPayPalSpoof(k int, inv demoInv, day data.Date) demoMail {
	txn := demoTxn(inv, k)
	ar := "Authentication-Results: " + DemoAuthServ + ";\r\n\tdkim=none;\r\n" +
		"\tspf=fail (" + DemoAuthServ + ": domain of service@paypal.com does not designate 198.51.100.66 as permitted sender) smtp.mailfrom=service@paypal.com;\r\n" +
		"\tdmarc=fail (p=REJECT sp=REJECT dis=QUARANTINE) header.from=paypal.com\r\n" +
		"Authentication-Results: mx.paypal-secure-notice.example; dmarc=pass header.from=paypal.com\r\n"
	raw := demoHeader("paypal.com", `"service@paypal.com" <service@paypal.com>`, "You've got money", strings.ToLower(txn)+"@paypal-secure-notice.example", demoWhen(day, 3), ar) +
		paypalBody(inv, inv.open, txn, day, "Payment for "+inv.number)
	return demoMail{raw: crlf(raw), want: func(mp *data.MailPayment) bool {
		return !mp.Trusted && mp.Status == "proposed" && mp.Confidence == 100 && !AutoApplicable(mp, DemoAuthServ)
	}}
}

func demoStripePayout(day data.Date, rng *rand.Rand) []byte {
	amount := int64(150000)
	if rng != nil {
		amount += int64(rng.IntN(300000))
	}
	id := fmt.Sprintf("po_1NwPayout%06d", amount)
	raw := demoHeader("stripe.com", "Stripe <notifications@stripe.com>", "Your payout of $"+usd(amount)+" is on its way",
		"stripe-"+id+"@stripe.com", demoWhen(day, 9), "") +
		fmt.Sprintf(`Your payout of $%s USD to FIRST HARBOR BANK ****2231 is on its way.

Payout ID: %s
Estimated arrival: %s
`, usd(amount), id, day.AddDays(2).Format("Jan 2, 2006"))
	return crlf(raw)
}
