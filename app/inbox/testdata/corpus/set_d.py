# Set D: the kinds not yet covered per language (French, Spanish and German payouts,
# failures, pending money, payments sent, refunds and newsletters), written without
# changing the reader first.
from mkmail import table, ar_pass, ar_fail

W = dict

MSGS = [
dict(path="stripe/fr_paiement_echoue.eml", frm='Stripe <notifications@stripe.com>',
     subject="Échec du paiement de 450,00 € de compta@menuiserie-dubois.example", date="Wed, 22 Apr 2026 10:00:00 +0200",
     text="""Un paiement a échoué.

Montant : 450,00 €
Client : SARL Dubois Menuiserie
E-mail : compta@menuiserie-dubois.example
Description : Facture INV-00180
Motif du refus : Carte refusée
ID du paiement : pi_3QduboisEchec450
Date : 22/04/2026
""",
     want=W(provider="stripe", kind="failed", amount="450.00", currency="EUR", payer_name="SARL Dubois Menuiserie",
            payer_email="compta@menuiserie-dubois.example", reference="Facture INV-00180",
            transaction_id="pi_3QduboisEchec450", date="2026-04-22")),

dict(path="paypal/fr_en_attente.eml", frm='PayPal <service@paypal.fr>',
     subject="Paiement en attente de Lucas Bernard", date="Thu, 23 Apr 2026 10:00:00 +0200",
     text="""Bonjour Brightside Studio,

Lucas Bernard vous a envoyé un paiement de 980,00 € EUR. Ce paiement est en attente.

Numéro de transaction : 2PA66778BB990011C
Date de la transaction : 23 avril 2026
Statut : En attente
""",
     want=W(provider="paypal", kind="pending", amount="980.00", currency="EUR", payer_name="Lucas Bernard",
            transaction_id="2PA66778BB990011C", date="2026-04-23")),

dict(path="paypal/fr_envoye.eml", frm='PayPal <service@paypal.fr>',
     subject="Vous avez envoyé un paiement de 64,90 € EUR à Imprimerie Morel", date="Fri, 24 Apr 2026 10:00:00 +0200",
     html=table([("Numéro de transaction", "5EN44332CC110099D"), ("Date de la transaction", "24 avril 2026"), ("Montant", "64,90 € EUR"),
                 ("Objet", "Cartes de visite")],
                title="Reçu pour votre paiement", intro=["Vous avez envoyé 64,90 € EUR à Imprimerie Morel."], lang="fr"),
     want=W(provider="paypal", kind="sent", amount="64.90", currency="EUR", reference="Cartes de visite",
            transaction_id="5EN44332CC110099D", date="2026-04-24")),

dict(path="paypal/es_enviado.eml", frm='PayPal <service@paypal.es>',
     subject="Has enviado un pago a Papelería Sol", date="Sat, 25 Apr 2026 10:00:00 +0200",
     text="""Hola, Brightside Studio:

Has enviado 42,00 € EUR a Papelería Sol.

Id. de transacción: 6EV22113DD445566E
Fecha de la transacción: 25 de abril de 2026
Importe: 42,00 € EUR
""",
     want=W(provider="paypal", kind="sent", amount="42.00", currency="EUR", transaction_id="6EV22113DD445566E", date="2026-04-25")),

dict(path="paypal/es_reembolso.eml", frm='PayPal <service@paypal.es>',
     subject="Has enviado un reembolso a Lucía Fernández", date="Sun, 26 Apr 2026 10:00:00 +0200",
     text="""Hola, Brightside Studio:

Has reembolsado 35,00 € EUR a Lucía Fernández.

Id. de transacción: 7RE99887EE665544F
Fecha: 26 de abril de 2026
Importe reembolsado: 35,00 € EUR
""",
     want=W(provider="paypal", kind="refund", amount="35.00", currency="EUR", transaction_id="7RE99887EE665544F", date="2026-04-26")),

dict(path="stripe/es_pago_fallido.eml", frm='Stripe <notifications@stripe.com>',
     subject="Pago fallido: 220,00 €", date="Mon, 27 Apr 2026 10:00:00 +0200",
     text="""Un pago no se ha podido completar.

Importe: 220,00 €
Cliente: Talleres Navarro S.A.
Correo electrónico: admin@talleres-navarro.example
ID del pago: pi_3QnavarroFallo220
Fecha: 27/04/2026
""",
     want=W(provider="stripe", kind="failed", amount="220.00", currency="EUR", payer_name="Talleres Navarro S.A.",
            payer_email="admin@talleres-navarro.example", transaction_id="pi_3QnavarroFallo220", date="2026-04-27")),

dict(path="paypal/es_retiro.eml", frm='PayPal <service@paypal.es>',
     subject="Has retirado dinero a tu cuenta bancaria", date="Tue, 28 Apr 2026 10:00:00 +0200",
     text="""Hola, Brightside Studio:

Has solicitado una retirada de 500,00 € EUR a tu cuenta bancaria.

Id. de transacción: 8RT11009FF887766G
Fecha: 28 de abril de 2026
Importe: 500,00 € EUR
""",
     want=W(provider="paypal", kind="payout", amount="500.00", currency="EUR", transaction_id="8RT11009FF887766G", date="2026-04-28")),

dict(path="stripe/de_auszahlung.eml", frm='Stripe <notifications@stripe.com>',
     subject="Ihre Auszahlung über 3.120,45 € ist unterwegs", date="Wed, 29 Apr 2026 06:00:00 +0200",
     text="""Eine Auszahlung über 3.120,45 € ist auf dem Weg zu Ihrem Bankkonto.

Betrag: 3.120,45 €
Auszahlungs-ID: po_1QauszahlungDe3120
Bankkonto: DEUTSCHE BANK ••••3000
Voraussichtliche Ankunft: 30.04.2026
""",
     want=W(provider="stripe", kind="payout", amount="3120.45", currency="EUR", transaction_id="po_1QauszahlungDe3120", date="2026-04-29")),

dict(path="nonpay/es_newsletter_banco.eml", frm='BBVA <novedades@bbva.es>',
     subject="Has recibido una oferta: hipoteca fija al 2,5 %", date="Thu, 30 Apr 2026 10:00:00 +0200",
     headers=["List-Unsubscribe: <mailto:baja@bbva.es>"],
     html=table([], title="Novedades de abril", intro=["Descubre nuestras nuevas cuentas para autónomos.", "Sin comisiones de mantenimiento."],
                outro=["Si no deseas recibir más comunicaciones, darse de baja."], lang="es"),
     want=W(provider="bank", kind="newsletter", date="2026-04-30")),

dict(path="wise/de_gesendet.eml", frm='Wise <noreply@wise.com>',
     subject="Ihre Überweisung an Studio Kanda ist unterwegs", date="Fri, 01 May 2026 10:00:00 +0200",
     text="""Hallo Brightside Studio,

Sie haben 1.150,00 EUR an Studio Kanda gesendet.

Überweisungsnummer: 1102938555
Referenz: Illustrationen April
""",
     want=W(provider="wise", kind="sent", amount="1150.00", currency="EUR", reference="Illustrationen April",
            transaction_id="1102938555", date="2026-05-01")),

dict(path="bank/it_intesa_bonifico.eml", frm='Intesa Sanpaolo <notifiche@intesasanpaolo.com>',
     subject="Bonifico ricevuto", date="Sat, 02 May 2026 10:00:00 +0200",
     text="""Gentile cliente,

hai ricevuto un bonifico sul tuo conto.

Ordinante: Rossi Design S.r.l.
Importo: 1.386,50 EUR
Causale: Fattura INV-00181
Data: 02/05/2026
""",
     want=W(provider="bank", kind="received", amount="1386.50", currency="EUR", payer_name="Rossi Design S.r.l.",
            reference="Fattura INV-00181", date="2026-05-02")),

dict(path="spoof/paypal_fr_subdomain_trick.eml", frm='PayPal <service@paypal.fr.verification-compte.example>',
     subject="Vous avez reçu un paiement", date="Sun, 03 May 2026 10:00:00 +0200",
     text="""Vous avez reçu un paiement de 3 400,00 € EUR de la part de Camille Lefèvre (camille.lefevre@atelier-lefevre.example).

Numéro de transaction : 0FRSPOOF77AA8899
Date de la transaction : 3 mai 2026
""",
     want=W(provider="paypal", kind="received", trusted=False, amount="3400.00", currency="EUR", payer_name="Camille Lefèvre",
            payer_email="camille.lefevre@atelier-lefevre.example", transaction_id="0FRSPOOF77AA8899", date="2026-05-03")),

dict(path="spoof/chase_zelle_dmarc_other_domain.eml", frm='Chase <no.reply.alerts@chase.com>',
     ar_top=[ar_pass("chase-alerts-secure.example")],
     subject="You received money with Zelle®", date="Mon, 04 May 2026 10:00:00 -0400",
     text="""Ethan Brooks sent you $2,900.00 with Zelle®.

Memo: INV-00118
Confirmation number: 4819273000
""",
     want=W(provider="zelle", kind="received", trusted=False, amount="2900.00", currency="USD", payer_name="Ethan Brooks",
            reference="INV-00118", transaction_id="4819273000", date="2026-05-04")),

dict(path="spoof/sparkasse_no_auth_results.eml", frm='Sparkasse <noreply@sparkasse.de>', ar_top=[],
     subject="Gutschrift auf Ihrem Konto", date="Tue, 05 May 2026 10:00:00 +0200",
     text="""Auftraggeber: Weber Zahntechnik GmbH
Betrag: 8.600,00 EUR
Verwendungszweck: INV-00171
Buchungstag: 05.05.2026
""",
     want=W(provider="bank", kind="received", trusted=False, amount="8600.00", currency="EUR", payer_name="Weber Zahntechnik GmbH",
            reference="INV-00171", date="2026-05-05")),
]
