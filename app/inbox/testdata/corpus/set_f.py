# Set F: the classes of the blind set's misses (issue 13), in other wordings, languages and
# layouts than the blind messages: a payer written "Name (email)" or "Name <email>" on one
# line; money announced but not there yet (to accept, to enrol, on its way, on hold); banks
# of the Sparkassen family and other banks' own domains; a currency label beside a bare
# "$"; the providers' and banks' names for a transaction id; the payer's remittance text
# against the bank's description and the bank's own reference; a payer named only in the
# sentence. Names, amounts and ids are made up.
from mkmail import table

W = dict

MSGS = [
dict(path="paypal/it_mittente_email.eml", frm='PayPal <service@paypal.it>', cte="quoted-printable",
     subject="Hai ricevuto un pagamento", date="Tue, 12 May 2026 10:00:00 +0200",
     text="""Ciao Brightside Studio,

hai ricevuto un pagamento di € 320,00 EUR.

Mittente: Giulia Bianchi (giulia.bianchi@bianchi-arredi.example)
ID transazione: 7IT30112KK556677Q
Data della transazione: 12 maggio 2026
Messaggio: Fattura INV-00201
""",
     want=W(provider="paypal", kind="received", amount="320.00", currency="EUR", payer_name="Giulia Bianchi",
            payer_email="giulia.bianchi@bianchi-arredi.example", reference="Fattura INV-00201",
            transaction_id="7IT30112KK556677Q", date="2026-05-12")),

dict(path="square/en_customer_angle_currency.eml", frm='Square <noreply@messaging.squareup.com>',
     subject="You received a payment of $410.00", date="Wed, 13 May 2026 10:00:00 -0400",
     text="""You received a payment

Amount: $410.00
Currency: CAD
Customer: Ravi Patel <ravi@patel-dental.example>
Payment ID: Hn4bV8cX2zL6kJ0m
Note: INV-00216 cleaning contract
Date: May 13, 2026
""",
     want=W(provider="square", kind="received", amount="410.00", currency="CAD", payer_name="Ravi Patel",
            payer_email="ravi@patel-dental.example", reference="INV-00216 cleaning contract",
            transaction_id="Hn4bV8cX2zL6kJ0m", date="2026-05-13")),

dict(path="interac/fr_accepter_pending.eml", frm='"Virement INTERAC" <notify@payments.interac.ca>', charset="iso-8859-1",
     subject="Virement INTERAC : CHLOÉ ROY vous a envoyé des fonds.", date="Fri, 15 May 2026 09:30:00 -0400",
     text="""Bonjour Brightside Studio,

CHLOÉ ROY vous a envoyé 640,00 $ (CAD).

Message : Facture INV-00202

Pour accepter ce virement, cliquez ici :
https://etransfer.interac.ca/fr/?id=CA5pQr8Lm2Tz

Numéro de référence : CA5pQr8Lm2Tz
Ce virement expire le 14 juin 2026.
""",
     want=W(provider="interac", kind="pending", amount="640.00", currency="CAD", payer_name="CHLOÉ ROY",
            reference="Facture INV-00202", transaction_id="CA5pQr8Lm2Tz", date="2026-05-15")),

dict(path="zelle/bofa_es_inscribase_pending.eml", frm='Bank of America <alertas@ealerts.bankofamerica.com>',
     subject="Carlos Ortega le envió $380.00 con Zelle®", date="Sat, 16 May 2026 11:00:00 -0500",
     text="""Carlos Ortega le envió $380.00 con Zelle®.

Para recibir el dinero, inscríbase en Zelle® con su correo electrónico antes de 14 días.

Monto: $380.00
Nota: INV-00217
""",
     want=W(provider="zelle", kind="pending", amount="380.00", currency="USD", payer_name="Carlos Ortega",
            reference="INV-00217", date="2026-05-16")),

dict(path="wise/de_unterwegs_pending.eml", frm='Wise <noreply@wise.com>', charset="iso-8859-1",
     subject="Lena Schulz sendet Ihnen 950,00 EUR", date="Sun, 17 May 2026 08:00:00 +0000",
     text="""Ihr Geld ist unterwegs

Hallo Brightside Studio,

Lena Schulz sendet Ihnen 950,00 EUR. Das Geld sollte bis zum 20. Mai 2026 auf Ihrem Konto ankommen.

Von: Lena Schulz
Betrag: 950,00 EUR
Referenz: Rechnung INV-00203
Überweisungsnummer: 1060012345
""",
     want=W(provider="wise", kind="pending", amount="950.00", currency="EUR", payer_name="Lena Schulz",
            reference="Rechnung INV-00203", transaction_id="1060012345", date="2026-05-17")),

dict(path="wise/es_en_camino_pending.eml", frm='Wise <noreply@wise.com>',
     subject="Diego Morales te está enviando 1.200,00 EUR", date="Mon, 18 May 2026 08:00:00 +0000",
     html=table([("Remitente", "Diego Morales"), ("Importe", "1.200,00 EUR"), ("Referencia", "Factura INV-00204"),
                 ("Número de transferencia", "1060023456")],
                title="Tu dinero está en camino",
                intro=["Hola, Brightside Studio:", "Diego Morales te está enviando 1.200,00 EUR. Debería llegar el 21 de mayo de 2026."],
                lang="es"),
     want=W(provider="wise", kind="pending", amount="1200.00", currency="EUR", payer_name="Diego Morales",
            reference="Factura INV-00204", transaction_id="1060023456", date="2026-05-18")),

dict(path="paypal/es_retenido_pending.eml", frm='PayPal <service@paypal.es>', charset="windows-1252",
     subject="Has recibido un pago", date="Tue, 19 May 2026 10:00:00 +0200",
     text="""Hola, Brightside Studio:

Has recibido 85,00 EUR de Marta Gil (marta.gil@gil-estudio.example).

El pago está retenido hasta que confirmes el envío del pedido.

Id. de transacción: 8ES55661ZZ990011R
Fecha de la transacción: 19 de mayo de 2026
Mensaje: Factura INV-00205
""",
     want=W(provider="paypal", kind="pending", amount="85.00", currency="EUR", payer_name="Marta Gil",
            payer_email="marta.gil@gil-estudio.example", reference="Factura INV-00205",
            transaction_id="8ES55661ZZ990011R", date="2026-05-19")),

dict(path="bank/de_sparkasse_hannover.eml", frm='Sparkasse Hannover <kontoinfo@sparkasse-hannover.de>', charset="windows-1252",
     cte="quoted-printable", subject="Kontoinformation: Zahlungseingang", date="Thu, 14 May 2026 07:15:00 +0200",
     text="""Sehr geehrte Damen und Herren,

auf Ihrem Konto DE12 2505 0180 0000 0000 00 ist ein Zahlungseingang gebucht worden.

Auftraggeber: Bäckerei Lindner GmbH
Betrag: 1.386,50 €
Verwendungszweck: Rechnung INV-00206
Buchungsreferenz: 2026051412345678
Buchungstag: 14.05.2026

Ihre Sparkasse Hannover
""",
     want=W(provider="bank", kind="received", amount="1386.50", currency="EUR", payer_name="Bäckerei Lindner GmbH",
            reference="Rechnung INV-00206", transaction_id="2026051412345678", date="2026-05-14")),

dict(path="bank/de_kreissparkasse_satz.eml", frm='Kreissparkasse <service@kreissparkasse-boeblingen.de>', charset="iso-8859-1",
     subject="Gutschrift auf Ihrem Konto", date="Fri, 15 May 2026 07:15:00 +0200",
     text="""Guten Tag,

eine Überweisung von Paul Becker über 420,00 EUR wurde Ihrem Konto gutgeschrieben.

Verwendungszweck: INV-00207
Buchungstag: 15.05.2026
""",
     # an unlisted Sparkasse domain (anyone can register a kreissparkasse-NAME.de): read, not trusted
     want=W(provider="bank", kind="received", trusted=False, amount="420.00", currency="EUR", payer_name="Paul Becker",
            reference="INV-00207", date="2026-05-15")),

dict(path="bank/uk_halifax_credited_by.eml", frm='Halifax <alerts@halifax.co.uk>',
     subject="Money has been paid into your account", date="Mon, 18 May 2026 12:00:00 +0100",
     text="""Halifax

£1,150.00 has been credited to your account ending 4471 by ALDERTON JOINERY LTD.

Reference: INV-00208 INV-00209
Date: 18 May 2026
""",
     want=W(provider="bank", kind="received", amount="1150.00", currency="GBP", payer_name="ALDERTON JOINERY LTD",
            reference="INV-00208 INV-00209", date="2026-05-18")),

dict(path="bank/us_pnc_ach_payment_info.eml", frm='PNC Alerts <pncalerts@pnc.com>',
     subject="ACH credit posted to your account", date="Tue, 19 May 2026 13:00:00 -0400",
     html=table([("Amount", "$2,750.00"), ("Company name", "HOOLI INC"), ("Description", "HOOLI INC AP PMT CCD"),
                 ("Payment information", "INV-00210"), ("Effective date", "05/19/2026")],
                title="ACH credit posted", intro=["An ACH credit was posted to your account ending in 0932."]),
     want=W(provider="bank", kind="received", amount="2750.00", currency="USD", payer_name="HOOLI INC",
            reference="INV-00210", date="2026-05-19")),

dict(path="bank/ae_emiratesnbd_reference.eml", frm='Emirates NBD <alerts@emiratesnbd.com>',
     subject="Credit to your account", date="Wed, 20 May 2026 09:00:00 +0400",
     text="""Dear Customer,

Your account XXXX5512 has been credited with AED 18,500.00 on 20/05/2026.

Remitter: GULF LINE TRADING LLC
Payment details: INV-00211
Reference: FT26140ZX8M2
""",
     want=W(provider="bank", kind="received", amount="18500.00", currency="AED", payer_name="GULF LINE TRADING LLC",
            reference="INV-00211", transaction_id="FT26140ZX8M2", date="2026-05-20")),

dict(path="bank/es_santander_referencia.eml", frm='Banco Santander <avisos@santander.com>', charset="iso-8859-15",
     subject="Transferencia recibida", date="Wed, 20 May 2026 10:00:00 +0200",
     html=table([("Ordenante", "TALLERES NAVARRO SL"), ("Importe", "3.150,00 €"), ("Concepto", "Fra. INV-00212"),
                 ("Referencia", "2026-0520-88412"), ("Fecha valor", "20/05/2026")],
                title="Transferencia recibida", intro=["Has recibido una transferencia en tu cuenta terminada en 3301."], lang="es"),
     want=W(provider="bank", kind="received", amount="3150.00", currency="EUR", payer_name="TALLERES NAVARRO SL",
            reference="Fra. INV-00212", transaction_id="2026-0520-88412", date="2026-05-20")),

dict(path="stripe/en_currency_label.eml", frm='Stripe <notifications@stripe.com>',
     subject="Payment of $640.00 from accounts@koala-cafe.example", date="Thu, 21 May 2026 10:00:00 +0000",
     text="""You received a payment

Amount: $640.00
Currency: AUD
Customer: accounts@koala-cafe.example
Description: Invoice INV-00213
Payment ID: pi_3QkoalaCafe0021AuDx
""",
     want=W(provider="stripe", kind="received", amount="640.00", currency="AUD", payer_email="accounts@koala-cafe.example",
            reference="Invoice INV-00213", transaction_id="pi_3QkoalaCafe0021AuDx", date="2026-05-21")),

dict(path="square/fr_ca_sans_devise.eml", frm='Square <noreply@messaging.squareup.com>', charset="iso-8859-1",
     subject="Vous avez reçu un paiement de 245,00 $", date="Thu, 21 May 2026 15:00:00 -0400",
     html=table([("Client", "Julie Tremblay (julie@tremblay-deco.example)"), ("Montant", "245,00 $"),
                 ("Numéro de paiement", "Qw3rT7yU9iO1pA5s"), ("Note", "Facture INV-00214"), ("Date", "21 mai 2026")],
                title="Vous avez reçu un paiement", intro=["Julie Tremblay vous a payé 245,00 $."], lang="fr-CA"),
     want=W(provider="square", kind="received", amount="245.00", currency="CAD", payer_name="Julie Tremblay",
            payer_email="julie@tremblay-deco.example", reference="Facture INV-00214",
            transaction_id="Qw3rT7yU9iO1pA5s", date="2026-05-21")),

dict(path="venmo/received_note_under_headline.eml", frm='Venmo <venmo@venmo.com>',
     subject="Noah Kim paid you $65.00", date="Fri, 22 May 2026 18:00:00 +0000",
     html=table([("Transaction ID", "4219911122233344455"), ("Date", "May 22, 2026")],
                title="Noah Kim paid you $65.00", intro=["Noah Kim paid you", "$65.00", "INV-00215 plant care"]),
     want=W(provider="venmo", kind="received", amount="65.00", currency="USD", payer_name="Noah Kim",
            reference="INV-00215 plant care", transaction_id="4219911122233344455", date="2026-05-22")),
]
