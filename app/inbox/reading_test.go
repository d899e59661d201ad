package inbox

import "testing"

// TestCurrencyLabel: a currency label or a code next to the amount says what a bare "$"
// is, whatever the sender's default; a "$" in French is Canadian when nothing says more.
func TestCurrencyLabel(t *testing.T) {
	cases := []struct{ from, subject, body, amount, cur string }{
		{"Square <noreply@messaging.squareup.com>", "Vous avez reçu un paiement", "Montant : 1 275,00 $\r\nDevise : CAD", "1275.00", "CAD"},
		{"Square <noreply@messaging.squareup.com>", "You received a payment", "Amount: $1,275.00\r\nCurrency: CAD", "1275.00", "CAD"},
		{"Stripe <notifications@stripe.com>", "Payment received", "Amount: $640.00\r\nCurrency: AUD - Australian dollar", "640.00", "AUD"},
		{"PayPal <service@paypal.com>", "Has recibido un pago", "Importe: $5.400,00\r\nMoneda: MXN", "5400.00", "MXN"},
		{"Wise <noreply@wise.com>", "Sie haben Geld erhalten", "Betrag: 300,00 $\r\nWährung: USD", "300.00", "USD"},
		{"Square <noreply@messaging.squareup.com>", "Vous avez reçu un paiement", "Montant : 80,00 $", "80.00", "CAD"},
		{"PayPal <service@paypal.fr>", "Vous avez reçu un paiement", "Montant : 80,00 $", "80.00", "USD"},
		// an explicit currency is not overridden; two labels that disagree are not guessed from
		{"Wise <noreply@wise.com>", "You received money", "Amount: 300.00 EUR\r\nCurrency: USD", "300.00", "EUR"},
		{"Stripe <notifications@stripe.com>", "Payment received", "Amount: $640.00\r\nCurrency: AUD\r\nPayment currency: NZD", "640.00", "USD"},
	}
	for _, c := range cases {
		p, err := Parse(notice(c.from, c.subject, c.body))
		if err != nil {
			t.Fatal(err)
		}
		if got := p.Record("").Amount; got != c.amount || p.Currency != c.cur {
			t.Errorf("%q: %s %s, want %s %s (%s)", c.body, got, p.Currency, c.amount, c.cur, p.Why)
		}
	}
}

// TestTxnLabels: the providers' and banks' names for their id of a payment, in each
// language, give the transaction id.
func TestTxnLabels(t *testing.T) {
	for _, l := range []string{"Identifiant du paiement : Kp7wR2dN5sQ8tY4u", "N° de transfert : Kp7wR2dN5sQ8tY4u", "Numéro de transaction : Kp7wR2dN5sQ8tY4u",
		"Identifiant de transaction : Kp7wR2dN5sQ8tY4u", "Transaktionscode: Kp7wR2dN5sQ8tY4u", "Transaktions-ID: Kp7wR2dN5sQ8tY4u",
		"Referenznummer: Kp7wR2dN5sQ8tY4u", "Buchungsreferenz: Kp7wR2dN5sQ8tY4u", "ID de transacción: Kp7wR2dN5sQ8tY4u",
		"Número de operación: Kp7wR2dN5sQ8tY4u", "Identificador del pago: Kp7wR2dN5sQ8tY4u", "Clave de rastreo: Kp7wR2dN5sQ8tY4u",
		"Confirmation code: Kp7wR2dN5sQ8tY4u", "Wire reference number: Kp7wR2dN5sQ8tY4u"} {
		p, err := Parse(notice("Square <noreply@messaging.squareup.com>", "Payment received", "Amount: $5.00\r\n"+l))
		if err != nil {
			t.Fatal(err)
		}
		if p.TransactionID != "Kp7wR2dN5sQ8tY4u" {
			t.Errorf("%q: transaction id %q", l, p.TransactionID)
		}
	}
}

// TestBankReference: a plain "Reference" label is the payer's text unless the notice has
// the payer's text under another label and the reference is one code: then it is the
// bank's id of the transfer.
func TestBankReference(t *testing.T) {
	cases := []struct{ from, subject, body, ref, txn string }{
		{"NBK <alerts@nbk.com>", "Credit Alert", "Remitter: AL-SAYER TRADING CO\r\nAmount: KWD 1,250.500\r\nDetails: INV-00155\r\nReference: FT26076MK9Q1", "INV-00155", "FT26076MK9Q1"},
		{"BBVA <avisos@bbva.es>", "Transferencia recibida", "Ordenante: Pérez SL\r\nImporte: 2.340,00 €\r\nConcepto: Factura 2026-061\r\nReferencia: 0182-TR-5540192", "Factura 2026-061", "0182-TR-5540192"},
		{"Sparkasse <noreply@sparkasse.de>", "Zahlungseingang", "Auftraggeber: Weber GmbH\r\nBetrag: 5,00 EUR\r\nVerwendungszweck: Rechnung 2026-142\r\nReferenz: 2026031712345678", "Rechnung 2026-142", "2026031712345678"},
		// the payer's reference alone stays the reference
		{"Barclays <alerts@barclays.co.uk>", "You've received a payment", "From: MR T HUGHES\r\nAmount: £640.00\r\nReference: INV-00141", "INV-00141", ""},
		{"Barclays <alerts@barclays.co.uk>", "You've received a payment", "From: MR T HUGHES\r\nAmount: £640.00\r\nReference: 20260317", "20260317", ""},
		// an invoice number is the payer's, and a named transaction id keeps its place
		{"NBK <alerts@nbk.com>", "Credit Alert", "Amount: KWD 1.500\r\nDetails: rent\r\nReference: INV-00155", "INV-00155", ""},
		{"NBK <alerts@nbk.com>", "Credit Alert", "Amount: KWD 1.500\r\nDetails: rent\r\nReference: FT26076MK9Q1\r\nTransaction ID: T-77881", "FT26076MK9Q1", "T-77881"},
	}
	for _, c := range cases {
		p, err := Parse(notice(c.from, c.subject, c.body))
		if err != nil {
			t.Fatal(err)
		}
		if p.Reference != c.ref || p.TransactionID != c.txn {
			t.Errorf("%q: reference %q txn %q, want %q %q", c.body, p.Reference, p.TransactionID, c.ref, c.txn)
		}
	}
}

// TestRemittanceText: the payer's remittance text ("Payment details", "Payment info")
// beats the bank's entry description, several invoice numbers are kept whole, and
// Venmo's unlabelled note under its headline is the reference.
func TestRemittanceText(t *testing.T) {
	cases := []struct{ from, subject, body, ref string }{
		{"Chase <no.reply.alerts@chase.com>", "Your ACH credit has posted", "Amount: $3,480.00\r\nFrom: GLOBEX CORP\r\nDescription: GLOBEX CORP PAYABLES PPD ID: 9100034567\r\nPayment details: INV-00150", "INV-00150"},
		{"Bank of America <onlinebanking@ealerts.bankofamerica.com>", "Direct deposit received", "Amount\r\n$12,400.00\r\nFrom\r\nINITECH LLC\r\nPayment info\r\nINV-00180 INV-00181", "INV-00180 INV-00181"},
		{"PNC <alerts@pnc.com>", "ACH credit received", "Amount: $900.00\r\nDescription: ACME AP ACH CCD\r\nRemittance details: INV-00190, INV-00191", "INV-00190, INV-00191"},
		{"Venmo <venmo@venmo.com>", "Olivia Chen paid you $48.00", "Olivia Chen paid you $48.00\r\nOlivia Chen paid you\r\n$48.00\r\nINV-00133 logo sketch\r\nTransaction ID\r\n4219908847611230012", "INV-00133 logo sketch"},
		{"Venmo <venmo@venmo.com>", "Olivia Chen paid you $48.00", "Olivia Chen paid you $48.00\r\nTransaction ID\r\n4219908847611230012", ""},
	}
	for _, c := range cases {
		p, err := Parse(notice(c.from, c.subject, c.body))
		if err != nil {
			t.Fatal(err)
		}
		if p.Reference != c.ref {
			t.Errorf("%s: reference %q, want %q (%s)", c.from, p.Reference, c.ref, p.Why)
		}
	}
}

// TestPayerInSentence: a payer named only in the sentence saying the money came in
// ("paid into your account ending 2290 by J SMITH"), in each language; a date after "by"
// is no payer.
func TestPayerInSentence(t *testing.T) {
	cases := []struct{ from, subject, body, payer string }{
		{"Lloyds Bank <alerts@service.lloydsbank.co.uk>", "You've been paid £640.00", "£640.00 has been paid into your account ending 2290 by J SMITH.\r\nReference: INV-00176", "J SMITH"},
		{"Barclays <alerts@barclays.co.uk>", "Money in", "£75.00 was credited to your account on behalf of Alderton Joinery Ltd.", "Alderton Joinery Ltd"},
		{"N26 <noreply@n26.com>", "Zahlungseingang", "Sie haben 75,00 € von Paul Becker erhalten.", "Paul Becker"},
		{"Société Générale <info@societegenerale.fr>", "Virement reçu", "Un virement de 75,00 € a été crédité sur votre compte de la part de M. JULIEN MOREAU.", "M. JULIEN MOREAU"},
		{"Santander <avisos@gruposantander.es>", "Transferencia recibida", "Has recibido una transferencia de 75,00 € de parte de MARIA JOSE RUIZ GARCIA.", "MARIA JOSE RUIZ GARCIA"},
		{"Wise <noreply@wise.com>", "Money is on its way to you", "A payment of 1,840.00 EUR is on its way to you and should arrive by March 24, 2026.", ""},
		{"Square <noreply@messaging.squareup.com>", "Payment received", "A payment of $75.00 was received and processed by Square.", ""},
		{"NatWest <alerts@natwest.com>", "Payment received", "£200.00 has been paid into your account by MRS A PATEL.", "MRS A PATEL"},
		{"BNP Paribas <info@bnpparibas.fr>", "Virement reçu", "Vous avez reçu un virement de 300,00 € de la part de M A DUPONT le 3 mai.", "M A DUPONT"},
		{"Wise <noreply@wise.com>", "Camille Durand vous envoie 300,00 EUR", "Camille Durand vous envoie 300,00 EUR.", "Camille Durand"},
		{"Wise <noreply@wise.com>", "Lena Schulz sendet Ihnen 950,00 EUR", "Lena Schulz sendet Ihnen 950,00 EUR.", "Lena Schulz"},
		{"Wise <noreply@wise.com>", "Diego Morales te está enviando 1.200,00 EUR", "Diego Morales te está enviando 1.200,00 EUR.", "Diego Morales"},
		{"Chase <no.reply.alerts@chase.com>", "Deposit received", "A deposit of $75.00 was paid into your account by Visa.", ""},
	}
	for _, c := range cases {
		p, err := Parse(notice(c.from, c.subject, c.body))
		if err != nil {
			t.Fatal(err)
		}
		if p.PayerName != c.payer {
			t.Errorf("%q: payer %q, want %q (%s)", c.body, p.PayerName, c.payer, p.Why)
		}
	}
}

// TestSectionHeading: a label word alone that heads a section ("Payment details" over
// "Amount paid $50.00") holds no value; the payer's message below is the reference.
func TestSectionHeading(t *testing.T) {
	p, err := Parse(notice("PayPal <service@paypal.com>", "You've got money", "Jane Cooper sent you $50.00 USD.\r\nPayment details\r\nAmount paid $50.00 USD\r\nTransaction ID 7GH12345AB678901C\r\nMessage: INV-00042 thanks"))
	if err != nil {
		t.Fatal(err)
	}
	if p.Reference != "INV-00042 thanks" || p.TransactionID != "7GH12345AB678901C" {
		t.Errorf("reference %q txn %q (%s)", p.Reference, p.TransactionID, p.Why)
	}
}
