package inbox

import "testing"

// TestParseSentenceFields: fields written in sentences or headers rather than labels.
func TestParseSentenceFields(t *testing.T) {
	msg := func(from, to, subject, extra, body string) []byte {
		return []byte("From: " + from + "\r\nTo: " + to + "\r\nSubject: " + subject + "\r\nDelivered-To: accounts@brightside-studio.example" +
			"\r\nDate: Mon, 20 Apr 2026 10:00:00 +0000\r\nMessage-ID: <s@y.example>\r\n" + extra + "\r\n" + body + "\r\n")
	}
	own := "Brightside Studio <accounts@brightside-studio.example>"

	// a Zelle confirmation number in a sentence
	p, _ := Parse(msg("Chase <no.reply.alerts@chase.com>", own, "You received money with Zelle", "",
		"Maria Garcia sent you $600.00 with Zelle.\r\nYour confirmation number is 24681357902."))
	if p.TransactionID != "24681357902" || p.Kind != KindReceived {
		t.Errorf("zelle: %s", p)
	}
	// a French Interac reference number in a sentence; the sender's address from Reply-To
	p, _ = Parse(msg(`"Virement INTERAC" <notify@payments.interac.ca>`, own, "Virement INTERAC : ÉLODIE GAGNON vous a envoyé des fonds",
		"Reply-To: ELODIE GAGNON <elodie.gagnon@gagnon-design.example>\r\n",
		"ÉLODIE GAGNON vous a envoyé 1 275,00 $ (CAD).\r\nVotre numéro de référence est CA4Fr9Tq1Wz0."))
	if p.TransactionID != "CA4Fr9Tq1Wz0" || p.PayerEmail != "elodie.gagnon@gagnon-design.example" || p.PayerName != "ÉLODIE GAGNON" || p.Amount != 127500 || p.Currency != "CAD" {
		t.Errorf("interac fr: %s", p)
	}
	// a request of the owner's that was paid is money received
	p, _ = Parse(msg(`"INTERAC e-Transfer" <notify@payments.interac.ca>`, own, "INTERAC e-Transfer: JOHN SMITH has fulfilled your money request.", "",
		"JOHN SMITH has sent you $350.00 (CAD) in response to your money request.\r\nReference Number: CA1MRv7Yd9Cz"))
	if p.Kind != KindReceived || p.PayerName != "JOHN SMITH" || p.Amount != 35000 {
		t.Errorf("request paid: %s (%s)", p, p.Why)
	}
	// a word after "confirmation number" is not an id
	p, _ = Parse(msg("Chase <no.reply.alerts@chase.com>", own, "You received money with Zelle", "",
		"Maria Garcia sent you $600.00 with Zelle.\r\nKeep the confirmation number for your records."))
	if p.TransactionID != "" {
		t.Errorf("word as id: %q", p.TransactionID)
	}
	// a receipt from the addressee's own business, sent to the owner: money received
	p, _ = Parse(msg("Brightside Studio <receipts+acct_1M@stripe.com>", own, "Your receipt from Brightside Studio #2291-4417", "",
		"Amount paid: $725.00\r\nReceipt number: 2291-4417"))
	if p.Kind != KindReceived {
		t.Errorf("own receipt: %s (%s)", p.Kind, p.Why)
	}
	p, _ = Parse(msg("Brightside Studio <receipts+acct_1M@stripe.com>", own, "Your Brightside Studio receipt [#2291-4417]", "",
		"Amount paid: $725.00\r\nReceipt number: 2291-4417"))
	if p.Kind != KindReceived {
		t.Errorf("own receipt, other subject: %s (%s)", p.Kind, p.Why)
	}
	// a receipt from another business: the owner paid
	p, _ = Parse(msg("Figma <invoice+statements@stripe.com>", own, "Your receipt from Figma, Inc. #1830-2241", "",
		"Amount paid: $45.00\r\nReceipt number: 1830-2241"))
	if p.Kind != KindSent {
		t.Errorf("bought: %s (%s)", p.Kind, p.Why)
	}
	// Square: "your invoice to X has been paid"
	p, _ = Parse(msg("Square <noreply@messaging.squareup.com>", own, "Your invoice to Harbor Cafe has been paid", "",
		"Harbor Cafe paid $2,000.00 for invoice #000214."))
	if p.Kind != KindReceived || p.Amount != 200000 {
		t.Errorf("square: %s (%s)", p, p.Why)
	}
}
