# Set C: a second round written without changing the reader first (the figure is in the
# commit that added it): other layouts of the same notices (details in one table cell with
# line breaks, labels above values in plain text, receipts without Delivered-To).
from mkmail import table, ar_pass, ar_fail

W = dict

def cell_block(title, lines):
    return title + "<br>" + "<br>".join(lines)

MSGS = [
dict(path="paypal/de_kaeuferinfo_html.eml", frm='PayPal <service@paypal.de>',
     subject="Zahlung erhalten von Sabine Krüger", date="Mon, 06 Apr 2026 10:00:00 +0200", cte="quoted-printable",
     html=table([("Transaktionscode", "6KX21098LM765432N"), ("Transaktionsdatum", "6. April 2026"), ("Gesamtbetrag", "729,00 € EUR")],
                title="Sie haben eine Zahlung erhalten",
                intro=["Hallo Brightside Studio,", "Sie haben eine Zahlung über 729,00 € EUR von Sabine Krüger erhalten.",
                       cell_block("<b>Käuferinformationen</b>", ["Sabine Krüger", "s.krueger@krueger-praxis.example"]),
                       cell_block("<b>Mitteilung des Käufers</b>", ["Rechnung INV-00161"])], lang="de"),
     want=W(provider="paypal", kind="received", amount="729.00", currency="EUR", payer_name="Sabine Krüger",
            payer_email="s.krueger@krueger-praxis.example", reference="Rechnung INV-00161",
            transaction_id="6KX21098LM765432N", date="2026-04-06")),

dict(path="paypal/fr_acheteur_plain.eml", frm='PayPal <service@paypal.fr>', charset="iso-8859-1", cte="quoted-printable",
     subject="Vous avez reçu 1 275,00 EUR de Jean Dupont", date="Tue, 07 Apr 2026 10:00:00 +0200",
     text="""Bonjour Brightside Studio,

Vous avez reçu 1 275,00 EUR de Jean Dupont.

Infos sur l'acheteur
Jean Dupont
jean.dupont@dupont-renovation.example

N° de transaction
9FR87654QA210987Z

Date de la transaction
7 avril 2026

Instructions de l'acheteur
Facture INV-00162
""",
     want=W(provider="paypal", kind="received", amount="1275.00", currency="EUR", payer_name="Jean Dupont",
            payer_email="jean.dupont@dupont-renovation.example", reference="Facture INV-00162",
            transaction_id="9FR87654QA210987Z", date="2026-04-07")),

dict(path="paypal/de_echeck_ausstehend.eml", frm='PayPal <service@paypal.de>',
     subject="Sie haben eine eCheck-Zahlung erhalten (ausstehend)", date="Wed, 08 Apr 2026 10:00:00 +0200",
     text="""Hallo Brightside Studio,

Thomas Berger hat Ihnen eine eCheck-Zahlung über 2.400,00 € EUR gesendet.

Der Status der Zahlung ist "Ausstehend". eCheck-Zahlungen werden in der Regel innerhalb von 6 Werktagen abgeschlossen.
Versenden Sie die Ware erst, wenn die Zahlung abgeschlossen ist.

Transaktionscode: 1EC55443DE221100F
Transaktionsdatum: 08.04.2026
""",
     want=W(provider="paypal", kind="pending", amount="2400.00", currency="EUR", payer_name="Thomas Berger",
            transaction_id="1EC55443DE221100F", date="2026-04-08")),

dict(path="interac/fr_depot_auto.eml", frm='"Virement INTERAC" <notify@payments.interac.ca>',
     subject="Virement INTERAC : Un virement de fonds de MARC-ANDRÉ ROY a été déposé automatiquement.", date="Thu, 09 Apr 2026 10:00:00 -0400",
     html=table([("Envoyé par", "MARC-ANDRÉ ROY"), ("Courriel de l'expéditeur", "ma.roy@roy-toitures.example"), ("Montant", "1 860,00 $ (CAD)"),
                 ("Message", "Facture INV-00163"), ("Numéro de référence", "CAr0yQ7mZ2Lp"), ("Date", "9 avril 2026")],
                title="Vos fonds ont été déposés", intro=["Bonjour Brightside Studio,",
                "MARC-ANDRÉ ROY vous a envoyé 1 860,00 $ (CAD) et les fonds ont été déposés automatiquement dans votre compte à Desjardins."], lang="fr-CA"),
     want=W(provider="interac", kind="received", amount="1860.00", currency="CAD", payer_name="MARC-ANDRÉ ROY",
            payer_email="ma.roy@roy-toitures.example", reference="Facture INV-00163",
            transaction_id="CAr0yQ7mZ2Lp", date="2026-04-09")),

dict(path="interac/en_sent_from.eml", frm='"INTERAC e-Transfer" <notify@payments.interac.ca>',
     subject="INTERAC e-Transfer: You've received $740.00 from HANNAH LEE and it has been automatically deposited.", date="Fri, 10 Apr 2026 10:00:00 -0400",
     text="""Hi BRIGHTSIDE STUDIO,

You've received $740.00 from HANNAH LEE and it has been automatically deposited.

Sent From: HANNAH LEE
Sender's Email: hannah.lee@lee-yoga.example
Amount: $740.00 (CAD)
Message: INV-00164
Reference Number: CAh4nN4hL3e7
Date: Apr 10, 2026
""",
     want=W(provider="interac", kind="received", amount="740.00", currency="CAD", payer_name="HANNAH LEE",
            payer_email="hannah.lee@lee-yoga.example", reference="INV-00164",
            transaction_id="CAh4nN4hL3e7", date="2026-04-10")),

dict(path="zelle/pnc_received.eml", frm='PNC Alerts <pncalerts@pnc.com>',
     subject="You've received a Zelle® payment", date="Sat, 11 Apr 2026 10:00:00 -0400",
     text="""PNC Alert

Ruth Alvarez has sent you $275.00 using Zelle®. The money is now in your account.

Memo: INV-00165
Zelle® Confirmation Code: PNCz7781QQ
""",
     want=W(provider="zelle", kind="received", amount="275.00", currency="USD", payer_name="Ruth Alvarez",
            reference="INV-00165", transaction_id="PNCz7781QQ", date="2026-04-11")),

dict(path="stripe/es_recibo_copia.eml", frm='Brightside Studio <receipts+acct_1Mbright@stripe.com>', delivered="",
     to="Clínica Soler <admin@clinica-soler.example>",
     subject="Recibo de Brightside Studio n.º 3310-7752", date="Sun, 12 Apr 2026 10:00:00 +0200",
     html=table([("Importe pagado", "480,00&nbsp;€"), ("Fecha de pago", "12 abr 2026"), ("Método de pago", "Visa – 4242"),
                 ("Número de recibo", "3310-7752"), ("Número de factura", "INV-00166")],
                title="Recibo de Brightside Studio", lang="es"),
     want=W(provider="stripe", kind="received", amount="480.00", currency="EUR", payer_email="admin@clinica-soler.example",
            reference="INV-00166", transaction_id="3310-7752", date="2026-04-12")),

dict(path="square/en_payment_for_invoice.eml", frm='Square <noreply@messaging.squareup.com>',
     subject="Payment received for Invoice #000456", date="Mon, 13 Apr 2026 10:00:00 -0700",
     text="""Payment received

Greenway Landscaping paid $3,150.00 for invoice #000456.

Customer: Greenway Landscaping
Amount: $3,150.00
Payment date: April 13, 2026
Payment ID: sq0pay_Gr33nw4y
""",
     want=W(provider="square", kind="received", amount="3150.00", currency="USD", payer_name="Greenway Landscaping",
            reference="000456", transaction_id="sq0pay_Gr33nw4y", date="2026-04-13")),

dict(path="bank/uk_natwest_fps_html.eml", frm='NatWest <alerts@natwest.com>',
     subject="Faster Payment received", date="Tue, 14 Apr 2026 10:00:00 +0100",
     html=table([("Payer name", "ORCHARD BAKERY LTD"), ("Payment reference", "INV-00167"), ("Amount", "£412.80"),
                 ("Account", "****2291"), ("Date", "14/04/2026")],
                title="You've received a Faster Payment", lang="en-GB"),
     want=W(provider="bank", kind="received", amount="412.80", currency="GBP", payer_name="ORCHARD BAKERY LTD",
            reference="INV-00167", date="2026-04-14")),

dict(path="bank/us_bofa_ach_company.eml", frm='Bank of America <onlinebanking@ealerts.bankofamerica.com>',
     subject="ACH deposit received", date="Wed, 15 Apr 2026 10:00:00 -0400",
     text="""Bank of America Alert

An ACH deposit has been posted to your account ending in 9981.

Amount: $5,600.00
Company name: GLOBEX CORPORATION
Payment related information: INV-00168 INV-00169
Posted on: 04/15/2026
""",
     want=W(provider="bank", kind="received", amount="5600.00", currency="USD", payer_name="GLOBEX CORPORATION",
            reference="INV-00168 INV-00169", date="2026-04-15")),

dict(path="bank/es_sabadell_sepa.eml", frm='Banco Sabadell <avisos@bancsabadell.com>',
     subject="Transferencia SEPA recibida", date="Thu, 16 Apr 2026 10:00:00 +0200", charset="windows-1252", cte="8bit",
     text="""Estimado cliente:

Le comunicamos que ha recibido una transferencia SEPA.

Nombre del ordenante: Gestoría Ruiz y Asociados S.L.
Importe: 2.075,00 €
Concepto: Pago INV-00170
Fecha de la operación: 16/04/2026
""",
     want=W(provider="bank", kind="received", amount="2075.00", currency="EUR", payer_name="Gestoría Ruiz y Asociados S.L.",
            reference="Pago INV-00170", date="2026-04-16")),

dict(path="bank/de_postbank_eingang.eml", frm='Postbank <info@postbank.de>',
     subject="Eingang einer Überweisung", date="Fri, 17 Apr 2026 10:00:00 +0200",
     text="""Guten Tag,

auf Ihrem Konto ist eine Überweisung eingegangen.

Zahlungspflichtiger
Weber Zahntechnik GmbH

Betrag
860,00 EUR

Verwendungszweck
INV-00171 Weber

Buchungstag
17.04.2026
""",
     want=W(provider="bank", kind="received", amount="860.00", currency="EUR", payer_name="Weber Zahntechnik GmbH",
            reference="INV-00171 Weber", date="2026-04-17")),

dict(path="nonpay/de_supplier_newsletter.eml", frm='Bürobedarf Nord <info@buerobedarf-nord.example>',
     subject="Zahlung erhalten? Jetzt 10 % sparen!", date="Sat, 18 Apr 2026 10:00:00 +0200",
     html=table([], title="Frühlingsangebote", intro=["Vielen Dank für Ihre Bestellung! Sie haben 50 Treuepunkte erhalten.", "Ordner ab 2,49 €."],
                outro=["Newsletter abbestellen | Impressum"], lang="de"),
     want=W(provider="unknown", kind="newsletter", trusted=False, date="2026-04-18")),

dict(path="paypal/en_refund_received.eml", frm='PayPal <service@paypal.com>',
     subject="You received a refund from Adobe Systems", date="Sun, 19 Apr 2026 10:00:00 -0700",
     text="""Hello Brightside Studio,

Adobe Systems sent you a refund of $59.99 USD.

Transaction ID: 4RR98989ZZ121212X
Transaction date: Apr 19, 2026
Refund amount: $59.99 USD
""",
     want=W(provider="paypal", kind="refund", amount="59.99", currency="USD", transaction_id="4RR98989ZZ121212X", date="2026-04-19")),

dict(path="zelle/bofa_es_request.eml", frm='Bank of America <customerservice@ealerts.bankofamerica.com>',
     subject="Sofía Ortega le solicitó $80.00 con Zelle®", date="Mon, 20 Apr 2026 10:00:00 -0400",
     text="""Sofía Ortega le solicitó $80.00 con Zelle®.

Monto: $80.00
Memo: Clases de marzo

Inicie sesión para pagar o rechazar la solicitud.
""",
     want=W(provider="zelle", kind="request", amount="80.00", currency="USD", reference="Clases de marzo", date="2026-04-20")),

dict(path="venmo/received_html.eml", frm='Venmo <venmo@venmo.com>',
     subject="You received $120.00 from Owen Park", date="Tue, 21 Apr 2026 10:00:00 -0400",
     html=table([("Date", "Apr 21, 2026"), ("Payment ID", "4012345678900000111")],
                title="Owen Park paid you $120.00", intro=["INV-00172 headshots"]),
     want=W(provider="venmo", kind="received", amount="120.00", currency="USD", payer_name="Owen Park",
            reference="INV-00172 headshots", transaction_id="4012345678900000111", date="2026-04-21")),
]
