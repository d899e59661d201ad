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
