package inbox

import "testing"

func TestClassify(t *testing.T) {
	subjects := map[string]Kind{
		"INTERAC e-Transfer: JOHN SMITH requested money.": KindRequest,
		"You've got an invoice from Office Supplies Co.":  KindRequest,
		"Your payment to Acme Corp was declined":          KindFailed,
		"You received a refund from Acme Corp":            KindRefund,
		"Notification of payment received":                KindReceived,
		"Your monthly statement is ready":                 KindNotPayment,
		"You sent $20.00 to Pat Lopez":                    KindSent,
		"Your payout of $10.00 failed":                    KindFailed,
		"Re: lunch on Friday":                             KindNotPayment,
		"INTERAC e-Transfer: A money transfer from JOHN SMITH has been automatically deposited.": KindReceived,
		"You've got a pending eCheck payment":                                                    KindPending,
		"Your payout of $3,412.08 is on its way":                                                 KindPayout,
		// German, French, Spanish, Italian, Dutch
		"Sie haben eine Zahlung erhalten":                                  KindReceived,
		"Sie haben eine Rückzahlung gesendet":                              KindRefund,
		"Zahlung fehlgeschlagen":                                           KindFailed,
		"Ihre Auszahlung ist unterwegs":                                    KindPayout,
		"Max Bauer hat Geld angefordert":                                   KindRequest,
		"Zahlung ausstehend":                                               KindPending,
		"Gutschrift auf Ihrem Konto":                                       KindReceived,
		"Sie haben 20,00 € an Pat Lopez gesendet":                          KindSent,
		"Vous avez reçu un paiement":                                       KindReceived,
		"Virement INTERAC : Vous avez reçu un virement":                    KindReceived,
		"Votre paiement a été refusé":                                      KindFailed,
		"Remboursement de 120,00 € effectué":                               KindRefund,
		"Demande de paiement de Papeterie Lumière":                         KindRequest,
		"Paiement en attente":                                              KindPending,
		"Vous avez envoyé 20,00 € à Pat Lopez":                             KindSent,
		"Has recibido un pago":                                             KindReceived,
		"Transferencia recibida":                                           KindReceived,
		"Tu pago a Pat López se ha cancelado":                              KindFailed,
		"Reembolso enviado":                                                KindRefund,
		"Solicitud de pago de Talleres Navarro":                            KindRequest,
		"Pago pendiente":                                                   KindPending,
		"Has enviado 20,00 € a Pat López":                                  KindSent,
		"Hai ricevuto un pagamento":                                        KindReceived,
		"A credit was posted to your account":                              KindReceived,
		"A debit was posted to your account":                               KindNotPayment,
		"ACH deposit notification":                                         KindReceived,
		"Avis de crédit":                                                   KindReceived,
		"Le han realizado una transferencia":                               KindReceived,
		"Transferencia SEPA recibida":                                      KindReceived,
		"Eingang einer Überweisung":                                        KindReceived,
		"INTERAC e-Transfer: JOHN SMITH has fulfilled your money request.": kindRequestPaid,
		"Your money request to Jane Cooper was paid":                       kindRequestPaid,
		"JOHN SMITH vous a envoyé des fonds en réponse à votre demande":    kindRequestPaid,
		"Bijschrijving ontvangen":                                          KindReceived,
		"Nouveautés de février : -20 % sur les carnets":                    KindNotPayment,
		"Neu im Februar: 20 % Rabatt auf alle Notizbücher":                 KindNotPayment,
	}
	for subj, want := range subjects {
		if got, why, _ := classify(subj, splitBody("")); got != want {
			t.Errorf("%q: %s (%s), want %s", subj, got, why, want)
		}
	}
	// body: the first line that says anything decides (the headline, not the footer)
	b := splitBody("Hello\nTom Baker paid you $5.00\nIf you issued a refund by mistake, contact us.")
	if got, _, _ := classify("Venmo", b); got != KindReceived {
		t.Errorf("headline: %s", got)
	}
	b = splitBody("Hello\nYour payment has failed.\nYou received this because...")
	if got, _, _ := classify("Notice", b); got != KindFailed {
		t.Errorf("failed headline: %s", got)
	}
	// a more specific headline refines a general subject; a general one does not override
	b = splitBody("Ryan Cole sent you an eCheck payment.\nThe eCheck is pending.")
	if got, _, _ := classify("You've got money", splitBody("The eCheck payment is pending until it clears.")); got != KindPending {
		t.Errorf("pending headline: %s", got)
	}
	if got, _, _ := classify("You've got a pending eCheck payment", b); got != KindPending {
		t.Errorf("pending subject: %s", got)
	}
}

// TestSupplierCreditNote: a supplier's credit note ("Gutschrift") is not a bank notice
// of money received.
func TestSupplierCreditNote(t *testing.T) {
	raw := []byte("From: Bürobedarf Nord <rechnung@buerobedarf-nord.example>\r\nTo: accounts@brightside-studio.example\r\n" +
		"Subject: Ihre Gutschrift GS-2026-014\r\nDate: Mon, 20 Apr 2026 10:00:00 +0200\r\nMessage-ID: <g@y.example>\r\n\r\n" +
		"Sehr geehrte Damen und Herren,\r\nanbei Ihre Gutschrift über 24,90 EUR für die Rücksendung.\r\n")
	p, err := Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	if p.Provider != Unknown || p.Kind == KindReceived {
		t.Errorf("supplier credit note read as %s %s (%s)", p.Provider, p.Kind, p.Why)
	}
}

// TestParseBulkMail: bulk mail (List-Unsubscribe) is a newsletter even when its subject
// says "you received"; from no provider it is a newsletter too; and pending or requested
// money is never received.
func TestParseBulkMail(t *testing.T) {
	msg := func(from, subject, extra, body string) []byte {
		return []byte("From: " + from + "\r\nTo: accounts@brightside-studio.example\r\nSubject: " + subject +
			"\r\nDate: Mon, 02 Feb 2026 10:00:00 +0000\r\nMessage-ID: <x@y.example>\r\n" + extra + "\r\n" + body + "\r\n")
	}
	cases := []struct {
		raw  []byte
		want Kind
	}{
		{msg("PayPal <paypal@mail.paypal.com>", "You received a gift", "List-Unsubscribe: <mailto:u@paypal.com>\r\n", "You received $5 cashback"), KindNewsletter},
		{msg("Papeterie <news@papeterie.example>", "Paiement reçu ? Nos nouveautés", "List-Id: news <news.papeterie.example>\r\n", "Vous avez reçu 12,90 €"), KindNewsletter},
		{msg("Papeterie <news@papeterie.example>", "Paiement reçu", "", "Vous avez reçu 12,90 €"), KindNotPayment},
		{msg("PayPal <service@paypal.com>", "You've got money", "", "Ryan Cole sent you an eCheck payment of $2,400.00 USD.\r\nStatus: Pending"), KindPending},
		{msg("Venmo <venmo@venmo.com>", "Liam Scott requests $30.00", "", "Liam Scott requests $30.00"), KindRequest},
		// bulk by its footer: a newsletter unless it names a transaction
		{msg("Papeterie <news@papeterie.example>", "Paiement reçu ? Nos nouveautés", "", "Vous avez reçu 12,90 €\r\n\r\nSe désabonner"), KindNewsletter},
		{msg("PayPal <service@paypal.com>", "Get paid faster", "", "Businesses received $4,000 more.\r\n\r\nUnsubscribe"), KindNewsletter},
		{msg("PayPal <service@paypal.com>", "You've got money", "", "Jane Cooper sent you $5.00 USD.\r\nTransaction ID: 7GH12345AB678901C\r\n\r\nUnsubscribe"), KindReceived},
	}
	for _, c := range cases {
		p, err := Parse(c.raw)
		if err != nil {
			t.Fatal(err)
		}
		if p.Kind != c.want {
			t.Errorf("%s: %s, want %s (%s)", p.Subject, p.Kind, c.want, p.Why)
		}
		if (p.Kind == KindNewsletter) && p.HasAmount {
			t.Errorf("%s: a newsletter has no amount: %s", p.Subject, p)
		}
	}
}

// TestMoneyNotYetThere: a notice that announces money which still waits to be deposited,
// accepted or enrolled for, is on its way or can lapse is pending, never received, in
// every language; money that has arrived stays received, and the owner's own payments and
// payouts keep their kind.
func TestMoneyNotYetThere(t *testing.T) {
	cases := []struct {
		from, subject, body string
		want                Kind
	}{
		{"Interac e-Transfer <notify@payments.interac.ca>", "INTERAC e-Transfer: Ana Lima sent you money.",
			"Ana Lima has sent you $560.00 (CAD).\r\nTo deposit your money, click here:\r\nhttps://etransfer.interac.ca/x", KindPending},
		{"Interac e-Transfer <notify@payments.interac.ca>", "INTERAC e-Transfer: Ana Lima sent you money.",
			"Ana Lima sent you $560.00 (CAD).\r\nThis transfer expires on April 4, 2026.", KindPending},
		{"Interac e-Transfer <notify@payments.interac.ca>", "INTERAC e-Transfer: Ana Lima sent you money.",
			"Ana Lima sent you $560.00 (CAD).\r\nTo deposit the money into your bank account, sign in to your online banking.", KindPending},
		{"Interac e-Transfer <notify@payments.interac.ca>", "INTERAC e-Transfer: A money transfer from Ana Lima has been automatically deposited.",
			"Ana Lima sent you $560.00 (CAD) and the money has been automatically deposited into your account.", KindReceived},
		{"PayPal <service@paypal.com>", "You've got money", "Jane Cooper sent you $25.00 USD.\r\nClaim your money\r\nhttps://www.paypal.com/claim", KindPending},
		{"Wells Fargo <alerts@notify.wellsfargo.com>", "Sofia Rossi sent you $450.00 with Zelle",
			"Sofia Rossi sent you $450.00 with Zelle.\r\nTo receive your money, enroll your email address with Zelle within 14 days.", KindPending},
		{"Chase <no.reply.alerts@chase.com>", "You received money with Zelle",
			"Sofia Rossi sent you $450.00 with Zelle. The money is in your account.", KindReceived},
		{"Wise <noreply@wise.com>", "Oskar Lindqvist is sending you 1,840.00 EUR",
			"Oskar Lindqvist is sending you 1,840.00 EUR. It should arrive by March 24, 2026.", KindPending},
		{"Wise <noreply@wise.com>", "You received 1,840.00 EUR", "You received 1,840.00 EUR from Oskar. The money should arrive by Friday.", KindPending},
		// money in the provider's balance on its way to the owner's bank: received
		{"Wise <noreply@wise.com>", "You received 1,840.00 EUR", "You received 1,840.00 EUR from Oskar. It should arrive in your bank account tomorrow.", KindReceived},
		{"Square <noreply@messaging.squareup.com>", "You received a payment of $75.50", "You received $75.50 from Marcus Lee.\r\nFunds will arrive in your bank account on Monday.", KindReceived},
		{"PayPal <service@paypal.fr>", "Vous avez reçu un paiement", "Vous avez reçu 80,00 € de Paul Martin.\r\nLe montant sera versé sur votre compte bancaire demain.", KindReceived},
		{"PayPal <service@paypal.es>", "Has recibido un pago", "Has recibido 45,00 € de Íñigo.\r\nImporte retenido (IRPF): 6,75 €", KindReceived},
		{"Wise <noreply@wise.com>", "Your money is on its way", "You sent 1,840.00 EUR to Oskar. It should arrive by March 24, 2026.", KindSent},
		{"Stripe <notifications@stripe.com>", "Your payout of $3,412.08 is on its way", "A payout of $3,412.08 USD is on its way to your bank account and should arrive by Jan 24.", KindPayout},
		{"PayPal <service@paypal.com>", "You've got money", "Jane Cooper sent you $25.00 USD.\r\nThe payment is on hold until the buyer confirms delivery.", KindPending},
		// German
		{"Wise <noreply@wise.com>", "Anna Müller hat Ihnen 500,00 EUR gesendet", "Anna Müller hat Ihnen 500,00 EUR gesendet. Das Geld ist unterwegs und sollte am 24. März ankommen.", KindPending},
		{"PayPal <service@paypal.de>", "Sie haben eine Zahlung erhalten", "Sie haben 120,00 € von Max Bauer erhalten.\r\nDie Zahlung wird vorübergehend zurückgehalten.", KindPending},
		{"Sparkasse <noreply@sparkasse.de>", "Zahlungseingang", "Der Betrag von 120,00 EUR wurde Ihrem Konto gutgeschrieben.", KindReceived},
		{"PayPal <service@paypal.de>", "Sie haben eine Zahlung erhalten", "Max Bauer hat Ihnen 200,00 € per eCheck gesendet.\r\nDie Zahlung wird in der Regel innerhalb von 6 Werktagen gutgeschrieben.", KindPending},
		{"Wise <noreply@wise.com>", "Camille Durand vous envoie 300,00 EUR", "Camille Durand vous envoie 300,00 EUR.", KindPending},
		// French
		{"Virement Interac <notify@payments.interac.ca>", "Virement INTERAC : Élodie Gagnon vous a envoyé des fonds",
			"Élodie Gagnon vous a envoyé 275,00 $ (CAD).\r\nPour déposer votre argent, cliquez ici.", KindPending},
		{"Wise <noreply@wise.com>", "Vous avez reçu 500,00 EUR", "Camille Durand vous a envoyé 500,00 EUR. L'argent est en route et devrait arriver le 24 mars.", KindPending},
		{"PayPal <service@paypal.fr>", "Vous avez reçu un paiement", "Vous avez reçu 80,00 € de Paul Martin.\r\nLe paiement est retenu pendant 21 jours.", KindPending},
		{"PayPal <service@paypal.fr>", "Vous avez reçu un paiement", "Vous avez reçu 80,00 € de Paul Martin.", KindReceived},
		// Spanish
		{"Wise <noreply@wise.com>", "Has recibido 300,00 EUR", "Lucía Fernández te ha enviado 300,00 EUR. El dinero está en camino y debería llegar el 24 de marzo.", KindPending},
		{"Zelle <alertas@bankofamerica.com>", "Has recibido dinero con Zelle", "Carlos te envió $200.00. Para recibir el dinero, inscríbete en Zelle en 14 días.", KindPending},
		{"PayPal <service@paypal.es>", "Has recibido un pago", "Has recibido 45,00 € de Íñigo. El pago está pendiente de revisión.", KindPending},
		{"PayPal <service@paypal.es>", "Has recibido un pago", "Has recibido 45,00 € de Íñigo.", KindReceived},
		// Italian, Dutch, Portuguese
		{"PayPal <service@paypal.it>", "Hai ricevuto un pagamento", "Hai ricevuto 50,00 € da Giulia. Il pagamento è ancora in sospeso.", KindPending},
		{"Wise <noreply@wise.com>", "Je hebt geld ontvangen", "Sanne heeft je 50,00 EUR gestuurd. Het geld is onderweg.", KindPending},
		{"PayPal <service@paypal.pt>", "Recebeu um pagamento", "Você recebeu 50,00 € de Rui. O pagamento está retido por 21 dias.", KindPending},
		{"Intesa Sanpaolo <avvisi@intesasanpaolo.com>", "Bonifico ricevuto", "Hai ricevuto un bonifico di 50,00 EUR.", KindReceived},
	}
	for _, c := range cases {
		p, err := Parse(notice(c.from, c.subject, c.body))
		if err != nil {
			t.Fatal(err)
		}
		if p.Kind != c.want {
			t.Errorf("%q: kind %s, want %s (%s)", c.subject, p.Kind, c.want, p.Why)
		}
	}
}
