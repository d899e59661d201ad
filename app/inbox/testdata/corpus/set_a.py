# Set A: the messages the reader was written against. Texts follow public samples of the
# providers' and banks' notices (wording, layout, field names); names, amounts and ids are
# made up. Customer addresses use .example domains.
from mkmail import table, ar_pass, ar_fail

W = dict  # expected fields

MSGS = [
# ---------------------------------------------------------------- PayPal
dict(path="paypal/en_us_received_alt.eml", frm='"service@paypal.com" <service@paypal.com>',
     subject="You've got money", date="Mon, 05 Jan 2026 09:12:44 -0800",
     text="""Hello Brightside Studio,

You received a payment of $640.00 USD from Olivia Grant (olivia@grant-florals.example).

Note from Olivia Grant:
INV-00101 wedding flowers deposit

Transaction details
Transaction ID: 8TR41236KP9012345
Transaction date: Jan 5, 2026
Amount received: $640.00 USD
PayPal fee: -$22.83 USD
Net amount: $617.17 USD

Help & Contact | Security | Apps
Copyright © 1999-2026 PayPal, Inc. All rights reserved.
""",
     html=table([("Transaction ID", "8TR41236KP9012345"), ("Transaction date", "Jan 5, 2026"),
                 ("Amount received", "$640.00 USD"), ("PayPal fee", "-$22.83 USD"), ("Net amount", "$617.17 USD")],
                title="You've got money",
                intro=["Hello Brightside Studio,", "You received a payment of $640.00 USD from Olivia Grant (olivia@grant-florals.example).",
                       "Note from Olivia Grant:<br>INV-00101 wedding flowers deposit"]),
     want=W(provider="paypal", kind="received", amount="640.00", currency="USD", payer_name="Olivia Grant",
            payer_email="olivia@grant-florals.example", reference="INV-00101 wedding flowers deposit",
            transaction_id="8TR41236KP9012345", date="2026-01-05")),

dict(path="paypal/en_gb_received_html.eml", frm='PayPal <service@paypal.co.uk>',
     subject="Notification of payment received", date="Tue, 06 Jan 2026 14:03:10 +0000",
     html=table([("Paid by", "Harriet Wells"), ("Email", "harriet.wells@wells-joinery.example"),
                 ("Amount", "£1,175.00 GBP"), ("Transaction date", "06/01/2026"), ("Transaction ID", "2WE55890HJ1122334"),
                 ("Message", "Invoice INV-00102 kitchen cabinets")],
                title="You've received £1,175.00 GBP", intro=["Hello Brightside Studio,", "Harriet Wells sent you £1,175.00 GBP."],
                outro=["PayPal (Europe) S.à r.l. et Cie, S.C.A. 22-24 Boulevard Royal L-2449, Luxembourg"], lang="en-GB"),
     cte="quoted-printable",
     want=W(provider="paypal", kind="received", amount="1175.00", currency="GBP", payer_name="Harriet Wells",
            payer_email="harriet.wells@wells-joinery.example", reference="Invoice INV-00102 kitchen cabinets",
            transaction_id="2WE55890HJ1122334", date="2026-01-06")),

dict(path="paypal/de_received_html_qp.eml", frm='"service@paypal.de" <service@paypal.de>',
     subject="Sie haben eine Zahlung erhalten", date="Wed, 07 Jan 2026 10:41:02 +0100",
     html=table([("Transaktionscode", "4LK12345MN678901P"), ("Transaktionsdatum", "7. Januar 2026"),
                 ("Erhaltener Betrag", "1.386,50&nbsp;€ EUR"), ("Gebühr", "-45,59&nbsp;€ EUR"), ("Nettobetrag", "1.340,91&nbsp;€ EUR")],
                title="Sie haben Geld erhalten",
                intro=["Hallo Brightside Studio,", "Maximilian Bauer hat Ihnen 1.386,50&nbsp;€ EUR gesendet.",
                       "<b>Mitteilung von Maximilian Bauer</b><br>„Rechnung INV-00103, vielen Dank!“",
                       "Absender<br>Maximilian Bauer<br>m.bauer@bauer-holzbau.example"],
                outro=["PayPal (Europe) S.à r.l. et Cie, S.C.A., 22-24 Boulevard Royal, L-2449 Luxemburg"], lang="de"),
     want=W(provider="paypal", kind="received", amount="1386.50", currency="EUR", payer_name="Maximilian Bauer",
            payer_email="m.bauer@bauer-holzbau.example", reference="Rechnung INV-00103, vielen Dank!",
            transaction_id="4LK12345MN678901P", date="2026-01-07")),

dict(path="paypal/de_received_latin1.eml", frm='PayPal <service@paypal.de>',
     subject="Sie haben Geld erhalten", date="Thu, 08 Jan 2026 16:20:00 +0100", charset="iso-8859-1", cte="quoted-printable",
     text="""Hallo Brightside Studio,

Sie haben 240,00 EUR von Jürgen Weiß erhalten.

Transaktionsdetails
Absender: Jürgen Weiß
E-Mail-Adresse: juergen.weiss@weiss-elektro.example
Betrag: 240,00 EUR
Transaktionsdatum: 08.01.2026
Transaktionscode: 7PQ98765RS432109T

Mitteilung: Abschlag RG-2026-014

Hilfe & Kontakt | Sicherheit
PayPal (Europe) S.à r.l. et Cie, S.C.A.
""",
     want=W(provider="paypal", kind="received", amount="240.00", currency="EUR", payer_name="Jürgen Weiß",
            payer_email="juergen.weiss@weiss-elektro.example", reference="Abschlag RG-2026-014",
            transaction_id="7PQ98765RS432109T", date="2026-01-08")),

dict(path="paypal/fr_received_html.eml", frm='"service@paypal.fr" <service@paypal.fr>',
     subject="Vous avez reçu un paiement", date="Fri, 09 Jan 2026 11:05:33 +0100", cte="base64",
     html=table([("Numéro de transaction", "5DF67890GH123456J"), ("Date de la transaction", "9 janvier 2026"),
                 ("Montant reçu", "1&#8239;275,00&nbsp;€ EUR"), ("Frais", "-42,10 € EUR"), ("Montant net", "1&#8239;232,90 € EUR")],
                title="Vous avez reçu de l'argent",
                intro=["Bonjour Brightside Studio,", "Vous avez reçu un paiement de 1&#8239;275,00&nbsp;€ EUR de la part de Camille Lefèvre (camille.lefevre@atelier-lefevre.example).",
                       "Message de Camille Lefèvre :<br>« Facture INV-00104 – merci ! »"],
                outro=["PayPal (Europe) S.à r.l. et Cie, S.C.A."], lang="fr"),
     want=W(provider="paypal", kind="received", amount="1275.00", currency="EUR", payer_name="Camille Lefèvre",
            payer_email="camille.lefevre@atelier-lefevre.example", reference="Facture INV-00104 – merci !",
            transaction_id="5DF67890GH123456J", date="2026-01-09")),

dict(path="paypal/fr_received_cp1252.eml", frm='PayPal <service@paypal.fr>',
     subject="Paiement reçu de Théo Mercier", date="Sat, 10 Jan 2026 08:15:00 +0100", charset="windows-1252", cte="8bit",
     text="""Bonjour,

Théo Mercier vous a envoyé 89,90 € EUR.

Détails de la transaction
Expéditeur : Théo Mercier
Adresse e-mail : theo.mercier@mercier-photo.example
Montant : 89,90 € EUR
Date : 10 janv. 2026
Numéro de transaction : 1QA23456WS789012E
Message : Tirages photo – facture FA-2026-007

Aide et contact | Sécurité
""",
     want=W(provider="paypal", kind="received", amount="89.90", currency="EUR", payer_name="Théo Mercier",
            payer_email="theo.mercier@mercier-photo.example", reference="Tirages photo – facture FA-2026-007",
            transaction_id="1QA23456WS789012E", date="2026-01-10")),

dict(path="paypal/es_received.eml", frm='"service@paypal.es" <service@paypal.es>',
     subject="Has recibido un pago", date="Sun, 11 Jan 2026 19:44:12 +0100",
     text="""Hola, Brightside Studio:

Has recibido un pago de 350,00 € EUR de Lucía Fernández (lucia@fernandez-interiores.example).

Mensaje de Lucía Fernández:
Pago factura INV-00105

Detalles de la transacción
Id. de transacción: 3ZX45678CV901234B
Fecha de la transacción: 11 de enero de 2026
Importe recibido: 350,00 € EUR
Comisión: -12,25 € EUR
Importe neto: 337,75 € EUR

Ayuda y contacto | Seguridad
""",
     html=table([("Id. de transacción", "3ZX45678CV901234B"), ("Fecha de la transacción", "11 de enero de 2026"),
                 ("Importe recibido", "350,00 € EUR"), ("Comisión", "-12,25 € EUR"), ("Importe neto", "337,75 € EUR")],
                title="Has recibido dinero", intro=["Hola, Brightside Studio:", "Has recibido un pago de 350,00 € EUR de Lucía Fernández (lucia@fernandez-interiores.example).",
                                                   "Mensaje de Lucía Fernández:<br>Pago factura INV-00105"], lang="es"),
     want=W(provider="paypal", kind="received", amount="350.00", currency="EUR", payer_name="Lucía Fernández",
            payer_email="lucia@fernandez-interiores.example", reference="Pago factura INV-00105",
            transaction_id="3ZX45678CV901234B", date="2026-01-11")),

dict(path="paypal/en_echeck_pending.eml", frm='PayPal <service@paypal.com>',
     subject="You've got a pending eCheck payment", date="Mon, 12 Jan 2026 07:30:00 -0800",
     text="""Hello Brightside Studio,

Ryan Cole sent you an eCheck payment of $2,400.00 USD.

The eCheck is pending. It usually takes up to 6 business days to clear. We'll let you know
when the money is available in your PayPal balance. Don't ship the item until the payment has cleared.

Transaction ID: 6EC12345ZZ678901Q
Transaction date: Jan 12, 2026
Amount: $2,400.00 USD
Status: Pending

Note from Ryan Cole: INV-00106
""",
     want=W(provider="paypal", kind="pending", amount="2400.00", currency="USD", payer_name="Ryan Cole",
            reference="INV-00106", transaction_id="6EC12345ZZ678901Q", date="2026-01-12")),

dict(path="paypal/en_request.eml", frm='PayPal <service@paypal.com>',
     subject="Northgate Supplies requested $318.40 USD", date="Tue, 13 Jan 2026 12:00:00 -0800",
     html=table([("Amount requested", "$318.40 USD"), ("Note from Northgate Supplies", "Invoice NS-4471, paper stock")],
                title="Northgate Supplies requested $318.40 USD",
                intro=["Hello Brightside Studio,", "Northgate Supplies (billing@northgate-supplies.example) sent you a request for money."]),
     want=W(provider="paypal", kind="request", amount="318.40", currency="USD", payer_name="", payer_email="",
            reference="Invoice NS-4471, paper stock", date="2026-01-13")),

dict(path="paypal/en_sent_receipt.eml", frm='PayPal <service@paypal.com>',
     subject="Receipt for your payment to Adobe Systems", date="Wed, 14 Jan 2026 03:21:09 -0800",
     text="""Hello Brightside Studio,

You sent a payment of $59.99 USD to Adobe Systems (paypal@adobe.example).

Transaction ID: 9SE54321TT098765R
Transaction date: Jan 14, 2026
Amount: $59.99 USD
Description: Creative Cloud monthly

Questions? Go to the Help Centre at www.paypal.com/help.
""",
     want=W(provider="paypal", kind="sent", amount="59.99", currency="USD", reference="Creative Cloud monthly",
            transaction_id="9SE54321TT098765R", date="2026-01-14")),

dict(path="paypal/de_refund.eml", frm='PayPal <service@paypal.de>',
     subject="Sie haben eine Rückzahlung gesendet", date="Thu, 15 Jan 2026 09:00:00 +0100",
     text="""Hallo Brightside Studio,

Sie haben eine Rückzahlung in Höhe von 50,00 € EUR an Maximilian Bauer gesendet.

Transaktionscode: 0RF11112AA333444B
Datum: 15. Januar 2026
Rückzahlungsbetrag: 50,00 € EUR
Grund: Doppelt bezahlt INV-00103
""",
     want=W(provider="paypal", kind="refund", amount="50.00", currency="EUR", reference="Doppelt bezahlt INV-00103",
            transaction_id="0RF11112AA333444B", date="2026-01-15")),

dict(path="paypal/en_newsletter.eml", frm='PayPal <paypal@mail.paypal.com>',
     subject="You received a gift: 3 months of free instant transfers", date="Fri, 16 Jan 2026 10:00:00 -0800",
     headers=["List-Unsubscribe: <https://www.paypal.com/unsubscribe?e=abc>", "List-Unsubscribe-Post: List-Unsubscribe=One-Click", "Precedence: bulk"],
     html=table([], title="Get paid faster", intro=["Hi Brightside Studio,", "Send invoices, get paid in minutes. Businesses like yours received $4,000 more per month on average.",
                                                    "Try PayPal Invoicing today."], outro=["Unsubscribe | Privacy"]),
     want=W(provider="paypal", kind="newsletter", amount="", currency="", date="2026-01-16")),

dict(path="paypal/fr_payout.eml", frm='PayPal <service@paypal.fr>',
     subject="Votre virement vers votre compte bancaire est en cours", date="Sat, 17 Jan 2026 10:00:00 +0100",
     text="""Bonjour Brightside Studio,

Vous avez demandé un virement de 1 000,00 € EUR de votre compte PayPal vers votre compte bancaire.

Numéro de transaction : 8WD00011AB222333C
Date : 17 janvier 2026
Montant : 1 000,00 € EUR
Compte bancaire : BNP Paribas x-4821

Les fonds arriveront sous 1 jour ouvré.
""",
     want=W(provider="paypal", kind="payout", amount="1000.00", currency="EUR", transaction_id="8WD00011AB222333C", date="2026-01-17")),

dict(path="paypal/it_received.eml", frm='PayPal <service@paypal.it>',
     subject="Hai ricevuto un pagamento", date="Sun, 18 Jan 2026 18:10:00 +0100",
     text="""Ciao Brightside Studio,

Hai ricevuto un pagamento di 420,00 € EUR da Marco Rossi (marco.rossi@rossi-design.example).

ID transazione: 2IT98765AB123456C
Data della transazione: 18 gennaio 2026
Importo ricevuto: 420,00 € EUR
Messaggio: Fattura INV-00107
""",
     want=W(provider="paypal", kind="received", amount="420.00", currency="EUR", payer_name="Marco Rossi",
            payer_email="marco.rossi@rossi-design.example", reference="Fattura INV-00107",
            transaction_id="2IT98765AB123456C", date="2026-01-18")),

# ---------------------------------------------------------------- Stripe
dict(path="stripe/en_payment_notification.eml", frm='Stripe <notifications@stripe.com>',
     subject="Payment of $1,980.00 from billing@lakeside-dental.example", date="Mon, 19 Jan 2026 15:02:11 +0000",
     text="""Brightside Studio received a payment

Amount: $1,980.00
Customer: Lakeside Dental Group
Email: billing@lakeside-dental.example
Description: Invoice INV-00108
Payment method: Visa •••• 4242
Payment ID: pi_3QlakesideDentAl8x2Lm

Date: January 19, 2026

View payment in Dashboard: https://dashboard.stripe.com/payments/pi_3QlakesideDentAl8x2Lm
""",
     want=W(provider="stripe", kind="received", amount="1980.00", currency="USD", payer_name="Lakeside Dental Group",
            payer_email="billing@lakeside-dental.example", reference="Invoice INV-00108",
            transaction_id="pi_3QlakesideDentAl8x2Lm", date="2026-01-19")),

dict(path="stripe/en_customer_receipt_copy.eml", frm='Brightside Studio <receipts+acct_1Mbright@stripe.com>',
     to="Pine Ridge Outfitters <ap@pineridge-outfitters.example>",
     subject="Your receipt from Brightside Studio #2291-4417", date="Tue, 20 Jan 2026 17:45:00 +0000",
     html=table([("Amount paid", "$725.00"), ("Date paid", "Jan 20, 2026"), ("Payment method", "Mastercard – 5100"),
                 ("Receipt number", "2291-4417"), ("Invoice number", "INV-00109")],
                title="Receipt from Brightside Studio", intro=["Receipt #2291-4417"],
                outro=["If you have any questions, contact us at accounts@brightside-studio.example.",
                       "Something wrong with the email? View it in your browser.", "Powered by Stripe"]),
     want=W(provider="stripe", kind="received", amount="725.00", currency="USD", payer_name="",
            payer_email="ap@pineridge-outfitters.example", reference="INV-00109",
            transaction_id="2291-4417", date="2026-01-20")),

dict(path="stripe/en_receipt_we_paid.eml", frm='Figma <invoice+statements@stripe.com>',
     subject="Your receipt from Figma, Inc. #1830-2241", date="Wed, 21 Jan 2026 08:00:00 +0000",
     html=table([("Amount paid", "$45.00"), ("Date paid", "Jan 21, 2026"), ("Payment method", "Visa – 4242"),
                 ("Receipt number", "1830-2241")],
                title="Receipt from Figma, Inc.", intro=["Receipt #1830-2241"], outro=["Powered by Stripe"]),
     want=W(provider="stripe", kind="sent", amount="45.00", currency="USD", transaction_id="1830-2241", date="2026-01-21")),

dict(path="stripe/en_payout.eml", frm='Stripe <notifications@stripe.com>',
     subject="Your payout of $3,412.08 is on its way", date="Thu, 22 Jan 2026 06:00:00 +0000",
     text="""A payout of $3,412.08 USD is on its way to your bank account.

Amount: $3,412.08
Payout ID: po_1QpayoutAbc123XyZ
Bank account: WELLS FARGO ••••6789
Estimated arrival: Jan 23, 2026
""",
     want=W(provider="stripe", kind="payout", amount="3412.08", currency="USD", transaction_id="po_1QpayoutAbc123XyZ", date="2026-01-22")),

dict(path="stripe/de_failed.eml", frm='Stripe <notifications@stripe.com>',
     subject="Zahlung fehlgeschlagen: 299,00 € von buchhaltung@kranz-metall.example", date="Fri, 23 Jan 2026 13:13:13 +0100",
     text="""Eine Zahlung ist fehlgeschlagen

Betrag: 299,00 €
Kunde: Kranz Metallbau GmbH
E-Mail: buchhaltung@kranz-metall.example
Beschreibung: Rechnung INV-00110
Grund: Die Karte wurde abgelehnt.
Zahlungs-ID: pi_3QkranzFailed77aB
Datum: 23.01.2026
""",
     want=W(provider="stripe", kind="failed", amount="299.00", currency="EUR", payer_name="Kranz Metallbau GmbH",
            payer_email="buchhaltung@kranz-metall.example", reference="Rechnung INV-00110",
            transaction_id="pi_3QkranzFailed77aB", date="2026-01-23")),

dict(path="stripe/fr_refund.eml", frm='Stripe <notifications@stripe.com>',
     subject="Remboursement de 120,00 € effectué", date="Sat, 24 Jan 2026 10:00:00 +0100",
     text="""Vous avez remboursé 120,00 € à contact@boulangerie-martin.example.

Montant remboursé : 120,00 €
Client : Boulangerie Martin
ID du remboursement : re_3QmartinRefund01
Date : 24/01/2026
""",
     want=W(provider="stripe", kind="refund", amount="120.00", currency="EUR", transaction_id="re_3QmartinRefund01", date="2026-01-24")),

dict(path="stripe/fr_payment_html.eml", frm='Stripe <notifications@stripe.com>',
     subject="Paiement de 2 450,00 € reçu", date="Sun, 25 Jan 2026 09:30:00 +0100", cte="base64",
     html=table([("Montant", "2&nbsp;450,00&nbsp;€"), ("Client", "Vignobles Arnaud SARL"), ("E-mail", "compta@vignobles-arnaud.example"),
                 ("Description", "Facture INV-00111"), ("ID du paiement", "pi_3QarnaudVin2450x"), ("Date", "25 janvier 2026")],
                title="Vous avez reçu un paiement", lang="fr"),
     want=W(provider="stripe", kind="received", amount="2450.00", currency="EUR", payer_name="Vignobles Arnaud SARL",
            payer_email="compta@vignobles-arnaud.example", reference="Facture INV-00111",
            transaction_id="pi_3QarnaudVin2450x", date="2026-01-25")),

# ---------------------------------------------------------------- Square
dict(path="square/en_invoice_paid.eml", frm='Square <noreply@messaging.squareup.com>',
     subject="Invoice #000214 paid by Harbor Cafe", date="Mon, 26 Jan 2026 11:11:11 -0800",
     html=table([("Invoice", "#000214"), ("Customer", "Harbor Cafe"), ("Email", "owner@harborcafe.example"),
                 ("Amount paid", "$1,450.00"), ("Paid on", "Jan 26, 2026"), ("Payment ID", "sq0pay_Hb2k9LmQ")],
                title="Harbor Cafe paid invoice #000214", intro=["Good news! Your invoice has been paid."],
                outro=["Square, Inc. 1955 Broadway, Suite 600, Oakland, CA 94612"]),
     want=W(provider="square", kind="received", amount="1450.00", currency="USD", payer_name="Harbor Cafe",
            payer_email="owner@harborcafe.example", reference="000214", transaction_id="sq0pay_Hb2k9LmQ", date="2026-01-26")),

dict(path="square/en_payment_received_b64.eml", frm='Square <noreply@squareup.com>',
     subject="You received a payment of $86.25", date="Tue, 27 Jan 2026 16:40:00 -0800", cte="base64",
     text="""Payment received

$86.25

From: Dana Whitfield
Note: INV-00112 logo revisions
Card: Visa ending in 1881
Date: January 27, 2026 at 4:39 PM
Receipt number: 7Hk2Lp

Square, Inc.
""",
     want=W(provider="square", kind="received", amount="86.25", currency="USD", payer_name="Dana Whitfield",
            reference="INV-00112 logo revisions", transaction_id="7Hk2Lp", date="2026-01-27")),

dict(path="square/fr_ca_invoice_paid.eml", frm='Square <noreply@messaging.squareup.ca>',
     subject="La facture n° 000215 a été payée", date="Wed, 28 Jan 2026 10:00:00 -0500",
     html=table([("Client", "Boulangerie Saint-Roch"), ("Courriel", "info@st-roch.example"), ("Montant payé", "1&nbsp;275,00&nbsp;$"),
                 ("Date du paiement", "28 janv. 2026"), ("Numéro de facture", "000215"), ("ID du paiement", "sq0pay_Sr0ch1275")],
                title="Boulangerie Saint-Roch a payé la facture n° 000215", lang="fr-CA"),
     want=W(provider="square", kind="received", amount="1275.00", currency="CAD", payer_name="Boulangerie Saint-Roch",
            payer_email="info@st-roch.example", reference="000215", transaction_id="sq0pay_Sr0ch1275", date="2026-01-28")),

dict(path="square/en_invoice_from_supplier.eml", frm='Green Leaf Printing via Square <invoicing@messaging.squareup.com>',
     subject="Invoice #0042 from Green Leaf Printing", date="Thu, 29 Jan 2026 09:00:00 -0800",
     html=table([("Amount due", "$212.00"), ("Due date", "Feb 12, 2026"), ("Invoice", "#0042")],
                title="Green Leaf Printing sent you an invoice", intro=["Pay invoice"]),
     want=W(provider="square", kind="request", amount="212.00", currency="USD", reference="0042", date="2026-01-29")),

dict(path="square/en_transfer_to_bank.eml", frm='Square <noreply@messaging.squareup.com>',
     subject="Your transfer of $1,003.40 has been initiated", date="Fri, 30 Jan 2026 05:00:00 -0800",
     text="""Your transfer to your bank is on its way.

Transfer amount: $1,003.40
Bank account: Chase ****3321
Transfer ID: TRF-9x8y7z
Initiated on: Jan 30, 2026
Estimated arrival: Feb 2, 2026

This is a payout of your Square balance to your linked bank account.
""",
     want=W(provider="square", kind="payout", amount="1003.40", currency="USD", transaction_id="TRF-9x8y7z", date="2026-01-30")),

# ---------------------------------------------------------------- Wise
dict(path="wise/en_received.eml", frm='Wise <noreply@wise.com>',
     subject="You've received 3,480.00 EUR from Müller Technik GmbH", date="Sat, 31 Jan 2026 12:00:00 +0000",
     text="""Hi Brightside Studio,

You've received 3,480.00 EUR from Müller Technik GmbH.

It's now in your EUR balance.

Reference: INV-00113
Transfer number: 1102938475

The Wise team
""",
     want=W(provider="wise", kind="received", amount="3480.00", currency="EUR", payer_name="Müller Technik GmbH",
            reference="INV-00113", transaction_id="1102938475", date="2026-01-31")),

dict(path="wise/de_received_html.eml", frm='Wise <noreply@wise.com>',
     subject="Sie haben 1.386,50 EUR erhalten", date="Sun, 01 Feb 2026 09:00:00 +0100",
     html=table([("Von", "Schneider Logistik AG"), ("Betrag", "1.386,50 EUR"), ("Verwendungszweck", "INV-00114"),
                 ("Überweisungsnummer", "1102938476"), ("Datum", "1. Februar 2026")],
                title="Sie haben Geld erhalten", intro=["Hallo Brightside Studio,", "Sie haben 1.386,50 EUR von Schneider Logistik AG erhalten."], lang="de"),
     want=W(provider="wise", kind="received", amount="1386.50", currency="EUR", payer_name="Schneider Logistik AG",
            reference="INV-00114", transaction_id="1102938476", date="2026-02-01")),

dict(path="wise/en_kwd.eml", frm='Wise <noreply@wise.com>',
     subject="Money received: KWD 1,250.500", date="Mon, 02 Feb 2026 07:00:00 +0000",
     text="""Hi Brightside Studio,

Al Noor Trading Co. sent you KWD 1,250.500.

Amount: KWD 1,250.500
From: Al Noor Trading Co.
Reference: INV-00115
Transfer number: 1102938477
Date: 2 February 2026
""",
     want=W(provider="wise", kind="received", amount="1250.500", currency="KWD", payer_name="Al Noor Trading Co.",
            reference="INV-00115", transaction_id="1102938477", date="2026-02-02")),

dict(path="wise/en_sent.eml", frm='Wise <noreply@wise.com>',
     subject="Your transfer to Studio Kanda is complete", date="Tue, 03 Feb 2026 07:00:00 +0000",
     text="""Hi Brightside Studio,

Your money is on its way. You sent ¥150,000 to Studio Kanda.

Amount: ¥150,000
Transfer number: 1102938478
Reference: Illustration fee
Date: 3 February 2026
""",
     want=W(provider="wise", kind="sent", amount="150000", currency="JPY", reference="Illustration fee",
            transaction_id="1102938478", date="2026-02-03")),

# ---------------------------------------------------------------- Interac
dict(path="interac/en_autodeposit.eml", frm='"INTERAC e-Transfer" <notify@payments.interac.ca>',
     subject="INTERAC e-Transfer: A money transfer from OWEN TREMBLAY has been automatically deposited.",
     date="Wed, 04 Feb 2026 10:10:10 -0500",
     text="""Hi Brightside Studio,

OWEN TREMBLAY (owen.tremblay@tremblay-reno.example) sent you $1,560.00 (CAD) and the money has been automatically deposited into your bank account at Royal Bank of Canada.

Message: INV-00116 basement framing

Reference Number: CAxYz8Kq2Lm3

Date: February 4, 2026

This is a secure transaction from Interac Corp.
""",
     want=W(provider="interac", kind="received", amount="1560.00", currency="CAD", payer_name="OWEN TREMBLAY",
            payer_email="owen.tremblay@tremblay-reno.example", reference="INV-00116 basement framing",
            transaction_id="CAxYz8Kq2Lm3", date="2026-02-04")),

dict(path="interac/fr_received.eml", frm='"Virement INTERAC" <notify@payments.interac.ca>',
     subject="Virement INTERAC : Vous avez reçu un virement de ÉLODIE GAGNON", date="Thu, 05 Feb 2026 14:00:00 -0500", charset="iso-8859-1",
     text="""Bonjour Brightside Studio,

ÉLODIE GAGNON (elodie.gagnon@gagnon-design.example) vous a envoyé 1 275,00 $ (CAD).

Message : Facture INV-00117

Numéro de référence : CA4Fr9Tq1Wz0

Date : 5 février 2026

Pour déposer votre argent, cliquez sur le lien suivant et choisissez votre institution financière.
""",
     # not auto-deposited: the money waits for the owner to deposit it ("Pour déposer votre argent"): pending
     want=W(provider="interac", kind="pending", amount="1275.00", currency="CAD", payer_name="ÉLODIE GAGNON",
            payer_email="elodie.gagnon@gagnon-design.example", reference="Facture INV-00117",
            transaction_id="CA4Fr9Tq1Wz0", date="2026-02-05")),

dict(path="interac/en_request.eml", frm='"INTERAC e-Transfer" <notify@payments.interac.ca>',
     subject="INTERAC e-Transfer: MAPLE OFFICE SUPPLY has sent you a money request.", date="Fri, 06 Feb 2026 09:00:00 -0500",
     text="""Hi Brightside Studio,

MAPLE OFFICE SUPPLY has requested $128.80 (CAD) from you.

Invoice Number: MOS-2231
Message: Toner and paper
Reference Number: CArQ55vLm9Xx

To fulfil this request, sign in to your online banking.
""",
     want=W(provider="interac", kind="request", amount="128.80", currency="CAD", payer_name="", reference="Toner and paper",
            transaction_id="CArQ55vLm9Xx", date="2026-02-06")),

dict(path="interac/en_cancelled.eml", frm='"INTERAC e-Transfer" <notify@payments.interac.ca>',
     subject="INTERAC e-Transfer: Your money transfer to LUCAS BOUCHARD was cancelled.", date="Sat, 07 Feb 2026 09:00:00 -0500",
     text="""Hi Brightside Studio,

The money transfer of $75.00 (CAD) you sent to LUCAS BOUCHARD has been cancelled.

Reference Number: CAcNc7Lm2Qq1
""",
     want=W(provider="interac", kind="failed", amount="75.00", currency="CAD", transaction_id="CAcNc7Lm2Qq1", date="2026-02-07")),

# ---------------------------------------------------------------- Zelle
dict(path="zelle/chase_received.eml", frm='Chase <no.reply.alerts@chase.com>',
     subject="You received money with Zelle®", date="Sun, 08 Feb 2026 08:08:08 -0500",
     html=table([("Amount", "$900.00"), ("Sent on", "Feb 8, 2026"), ("Memo", "INV-00118"), ("Confirmation number", "4819273645")],
                title="Ethan Brooks sent you money", intro=["Ethan Brooks sent you $900.00 with Zelle®.", "The money is in your Chase Total Checking account (...1234)."],
                outro=["JPMorgan Chase Bank, N.A. Member FDIC"]),
     want=W(provider="zelle", kind="received", amount="900.00", currency="USD", payer_name="Ethan Brooks",
            reference="INV-00118", transaction_id="4819273645", date="2026-02-08")),

dict(path="zelle/bofa_received.eml", frm='Bank of America <customerservice@ealerts.bankofamerica.com>',
     subject="Grace Liu sent you $310.00", date="Mon, 09 Feb 2026 13:30:00 -0500",
     text="""Grace Liu sent you $310.00

Zelle® payment received

Amount: $310.00
From: Grace Liu
Memo: Invoice 1190
Date: 02/09/2026
Confirmation: h7Kp2QxLm

Bank of America, N.A. Member FDIC.
""",
     want=W(provider="zelle", kind="received", amount="310.00", currency="USD", payer_name="Grace Liu",
            reference="Invoice 1190", transaction_id="h7Kp2QxLm", date="2026-02-09")),

dict(path="zelle/wellsfargo_es_received.eml", frm='Wells Fargo <alerts@notify.wellsfargo.com>',
     subject="Recibió dinero con Zelle®", date="Tue, 10 Feb 2026 10:00:00 -0600",
     text="""Carlos Méndez le envió $480.00 con Zelle®.

Monto: $480.00
De: Carlos Méndez
Memo: Factura INV-00119
Fecha: 10 de febrero de 2026
Número de confirmación: WFZ88213377

Wells Fargo Bank, N.A. Miembro FDIC.
""",
     want=W(provider="zelle", kind="received", amount="480.00", currency="USD", payer_name="Carlos Méndez",
            reference="Factura INV-00119", transaction_id="WFZ88213377", date="2026-02-10")),

dict(path="zelle/chase_request.eml", frm='Chase <no.reply.alerts@chase.com>',
     subject="Noah Kim requested $60.00 with Zelle®", date="Wed, 11 Feb 2026 10:00:00 -0500",
     text="""Noah Kim requested $60.00 with Zelle®.

Amount: $60.00
Memo: Lunch
Requested on: Feb 11, 2026

To pay or decline this request, sign in to chase.com.
""",
     want=W(provider="zelle", kind="request", amount="60.00", currency="USD", reference="Lunch", date="2026-02-11")),

# ---------------------------------------------------------------- Venmo
dict(path="venmo/received.eml", frm='Venmo <venmo@venmo.com>',
     subject="Ava Patel paid you $95.00", date="Thu, 12 Feb 2026 18:00:00 -0500",
     text="""Ava Patel paid you $95.00

INV-00120 poster print

Transaction details
Date: Feb 12, 2026
Payment ID: 4012345678901234567

Venmo is a service of PayPal, Inc.
""",
     want=W(provider="venmo", kind="received", amount="95.00", currency="USD", payer_name="Ava Patel",
            reference="INV-00120 poster print", transaction_id="4012345678901234567", date="2026-02-12")),

dict(path="venmo/request.eml", frm='Venmo <venmo@venmo.com>',
     subject="Liam Scott requests $30.00", date="Fri, 13 Feb 2026 18:00:00 -0500",
     text="""Liam Scott requests $30.00

Pizza Friday

Pay or decline in the Venmo app.
""",
     want=W(provider="venmo", kind="request", amount="30.00", currency="USD", reference="", date="2026-02-13")),

# ---------------------------------------------------------------- banks
dict(path="bank/us_chase_ach_credit.eml", frm='Chase <no.reply.alerts@chase.com>',
     subject="You have an ACH credit", date="Sat, 14 Feb 2026 06:00:00 -0500",
     text="""Chase account alert

An ACH credit of $4,250.00 was posted to your account ending in 1234 on 02/13/2026.

Amount: $4,250.00
From: CONTOSO LTD ACH PMT
Description: INV-00121 INV-00122
Trace number: 021000021234567

You are receiving this alert because you chose to get alerts about ACH credits.
""",
     want=W(provider="bank", kind="received", amount="4250.00", currency="USD", payer_name="CONTOSO LTD ACH PMT",
            reference="INV-00121 INV-00122", transaction_id="021000021234567", date="2026-02-13")),

dict(path="bank/uk_barclays_faster_payment.eml", frm='Barclays <notifications@email.barclays.co.uk>',
     subject="You've received a payment", date="Sun, 15 Feb 2026 09:00:00 +0000",
     text="""Hello,

You've received a Faster Payment into your Business Current Account ending 4471.

Amount: £2,300.00
From: HARGREAVES & SONS LTD
Reference: INV 00123
Date received: 15/02/2026

If you don't recognise this payment, please call us.
""",
     want=W(provider="bank", kind="received", amount="2300.00", currency="GBP", payer_name="HARGREAVES & SONS LTD",
            reference="INV 00123", date="2026-02-15")),

dict(path="bank/uk_hsbc_credit_html.eml", frm='HSBC UK <alerts@notification.hsbc.co.uk>',
     subject="Credit received on your account", date="Mon, 16 Feb 2026 11:00:00 +0000",
     html=table([("Account", "Business Account ****5521"), ("Amount", "£640.50"), ("Payer", "PENROSE ARCHITECTS"),
                 ("Payment reference", "BRIGHTSIDE INV00124"), ("Date", "16 February 2026")],
                title="A credit has been paid into your account", lang="en-GB"),
     want=W(provider="bank", kind="received", amount="640.50", currency="GBP", payer_name="PENROSE ARCHITECTS",
            reference="BRIGHTSIDE INV00124", date="2026-02-16")),

dict(path="bank/de_deutsche_bank_gutschrift.eml", frm='Deutsche Bank <noreply@db.com>',
     subject="Gutschrift auf Ihrem Konto", date="Tue, 17 Feb 2026 07:30:00 +0100", charset="iso-8859-1", cte="quoted-printable",
     text="""Sehr geehrte Kundin, sehr geehrter Kunde,

auf Ihrem Konto DE89 3704 0044 0532 0130 00 ist eine Überweisung eingegangen.

Auftraggeber: Hoffmann & Partner Steuerberatung
Betrag: 1.386,50 EUR
Verwendungszweck: RE INV-00125 Februar
Buchungsdatum: 17.02.2026
End-to-End-Referenz: HP-2026-0217-001

Mit freundlichen Grüßen
Ihre Deutsche Bank
""",
     want=W(provider="bank", kind="received", amount="1386.50", currency="EUR", payer_name="Hoffmann & Partner Steuerberatung",
            reference="RE INV-00125 Februar", transaction_id="HP-2026-0217-001", date="2026-02-17")),

dict(path="bank/de_ing_gutschrift_html.eml", frm='ING <info@ing.de>',
     subject="Neue Gutschrift: +2.150,00 €", date="Wed, 18 Feb 2026 08:00:00 +0100",
     html=table([("Name des Auftraggebers", "Elbe Werkstätten e.K."), ("Betrag", "+2.150,00&nbsp;€"),
                 ("Verwendungszweck", "Rechnung INV-00126"), ("Datum", "18.02.2026")],
                title="Sie haben eine Gutschrift erhalten", lang="de"),
     want=W(provider="bank", kind="received", amount="2150.00", currency="EUR", payer_name="Elbe Werkstätten e.K.",
            reference="Rechnung INV-00126", date="2026-02-18")),

dict(path="bank/es_santander_transferencia.eml", frm='Banco Santander <avisos@bancosantander.es>',
     subject="Has recibido una transferencia", date="Thu, 19 Feb 2026 09:00:00 +0100", charset="windows-1252", cte="quoted-printable",
     text="""Hola,

Has recibido una transferencia en tu cuenta ES91 2100 0418 4502 0005 1332.

Ordenante: Construcciones Ibáñez S.L.
Importe: 1.386,50 €
Concepto: Factura INV-00127
Fecha valor: 19/02/2026
Referencia de la operación: 0049-2026-55512

Banco Santander, S.A.
""",
     want=W(provider="bank", kind="received", amount="1386.50", currency="EUR", payer_name="Construcciones Ibáñez S.L.",
            reference="Factura INV-00127", transaction_id="0049-2026-55512", date="2026-02-19")),

dict(path="bank/es_bbva_transferencia_html.eml", frm='BBVA <notificaciones@bbva.es>',
     subject="Transferencia recibida", date="Fri, 20 Feb 2026 10:00:00 +0100",
     html=table([("Importe", "725,00 €"), ("Remitente", "Talleres Navarro S.A."), ("Concepto", "INV-00128 mantenimiento"),
                 ("Fecha", "20/02/2026")],
                title="Te han enviado una transferencia", lang="es"),
     want=W(provider="bank", kind="received", amount="725.00", currency="EUR", payer_name="Talleres Navarro S.A.",
            reference="INV-00128 mantenimiento", date="2026-02-20")),

dict(path="bank/fr_bnp_virement.eml", frm='BNP Paribas <noreply@mabanque.bnpparibas>',
     subject="Virement reçu sur votre compte", date="Sat, 21 Feb 2026 08:00:00 +0100",
     text="""Bonjour,

Un virement de 3 200,00 EUR a été crédité sur votre compte le 20/02/2026.

Émetteur : SARL Dubois Menuiserie
Montant : 3 200,00 EUR
Libellé : FACTURE INV-00129
Référence de bout en bout : DUBOIS20260220

BNP Paribas
""",
     want=W(provider="bank", kind="received", amount="3200.00", currency="EUR", payer_name="SARL Dubois Menuiserie",
            reference="FACTURE INV-00129", transaction_id="DUBOIS20260220", date="2026-02-20")),

dict(path="bank/ca_rbc_deposit.eml", frm='RBC Royal Bank <alerts@rbc.com>',
     subject="Deposit alert: $2,000.00 has been deposited", date="Sun, 22 Feb 2026 09:00:00 -0500",
     text="""RBC Alert

A deposit of $2,000.00 was made to your account ****7788.

From: NORTHERN LIGHTS CATERING
Description: EFT CREDIT INV-00130
Date: Feb 22, 2026
""",
     want=W(provider="bank", kind="received", amount="2000.00", currency="CAD", payer_name="NORTHERN LIGHTS CATERING",
            reference="EFT CREDIT INV-00130", date="2026-02-22")),

dict(path="bank/nl_ing_bijschrijving.eml", frm='ING <noreply@ing.nl>',
     subject="Bijschrijving ontvangen", date="Mon, 23 Feb 2026 09:00:00 +0100",
     text="""Beste klant,

Er is een bedrag bijgeschreven op uw rekening NL91 INGB 0001 2345 67.

Bedrag: € 1.050,00
Van: Bakkerij de Vries B.V.
Omschrijving: Factuur INV-00131
Datum: 23-02-2026
""",
     want=W(provider="bank", kind="received", amount="1050.00", currency="EUR", payer_name="Bakkerij de Vries B.V.",
            reference="Factuur INV-00131", date="2026-02-23")),

dict(path="bank/us_bofa_ach_pending.eml", frm='Bank of America <onlinebanking@ealerts.bankofamerica.com>',
     subject="Pending deposit: $1,200.00", date="Tue, 24 Feb 2026 09:00:00 -0500",
     text="""A deposit of $1,200.00 to your account ending in 9981 is pending.

From: RIVERSIDE MEDICAL
Status: Pending
Expected availability: 02/26/2026

Pending transactions may change before they post.
""",
     want=W(provider="bank", kind="pending", amount="1200.00", currency="USD", payer_name="RIVERSIDE MEDICAL", date="2026-02-24")),

# ---------------------------------------------------------------- spoofs and non-payments
dict(path="spoof/paypal_de_lookalike.eml", frm='"service@paypal.de" <service@paypal-de-sicherheit.com>',
     subject="Sie haben eine Zahlung erhalten", date="Wed, 25 Feb 2026 10:00:00 +0100",
     text="""Hallo,

Sie haben 2.900,00 € EUR von Klaus Richter erhalten.

Transaktionscode: 9XX00000FAKE0001
Transaktionsdatum: 25. Februar 2026
Betrag: 2.900,00 € EUR
""",
     want=W(provider="paypal", kind="received", trusted=False, amount="2900.00", currency="EUR", payer_name="Klaus Richter",
            transaction_id="9XX00000FAKE0001", date="2026-02-25")),

dict(path="spoof/paypal_forged_ar_below.eml", frm='PayPal <service@paypal.com>',
     ar_top=[ar_fail("paypal.com")], ar_below=[ar_pass("paypal.com", "mx.paypal-relay.example")],
     subject="You've got money", date="Thu, 26 Feb 2026 10:00:00 -0800",
     text="""You received a payment of $4,800.00 USD from Jane Cooper (jane.cooper@cooperdesign.example).

Transaction ID: 1FORGED0000AR002
Transaction date: Feb 26, 2026
""",
     want=W(provider="paypal", kind="received", trusted=False, amount="4800.00", currency="USD", payer_name="Jane Cooper",
            payer_email="jane.cooper@cooperdesign.example", transaction_id="1FORGED0000AR002", date="2026-02-26")),

dict(path="spoof/barclays_lookalike.eml", frm='Barclays <alerts@barclays-secure-payments.co.uk>',
     subject="You've received a payment", date="Fri, 27 Feb 2026 10:00:00 +0000",
     text="""You've received a Faster Payment.

Amount: £8,450.00
From: HARGREAVES & SONS LTD
Reference: INV-00123
Date received: 27/02/2026
""",
     want=W(provider="bank", kind="received", trusted=False, amount="8450.00", currency="GBP", payer_name="HARGREAVES & SONS LTD",
            reference="INV-00123", date="2026-02-27")),

dict(path="nonpay/supplier_newsletter.eml", frm='Papeterie Lumière <news@papeterie-lumiere.example>',
     subject="Paiement reçu ? Découvrez nos nouveautés de février", date="Sat, 28 Feb 2026 10:00:00 +0100",
     headers=["List-Unsubscribe: <mailto:unsubscribe@papeterie-lumiere.example>", "List-Id: Papeterie Lumiere news <news.papeterie-lumiere.example>"],
     html=table([], title="Nouveautés de février", intro=["Vous avez reçu votre commande ? Merci !", "Carnets dès 12,90 €, -20 % avec le code FEV20."],
                outro=["Se désabonner"], lang="fr"),
     want=W(provider="unknown", kind="newsletter", trusted=False, amount="", currency="", date="2026-02-28")),
]
