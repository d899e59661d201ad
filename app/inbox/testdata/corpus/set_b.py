# Set B: written after the reader, without changing it, to measure how it does on
# messages it has never seen (the figure is in the commit that added this file). Same
# sources as set A: public samples of the providers' and banks' notices.
from mkmail import table, ar_pass, ar_fail

W = dict

MSGS = [
dict(path="paypal/es_echeck_pendiente.eml", frm='PayPal <service@paypal.es>',
     subject="Tienes un pago con eCheck pendiente", date="Mon, 02 Mar 2026 09:00:00 +0100",
     text="""Hola, Brightside Studio:

Andrés Molina te ha enviado un pago con eCheck de 1.200,00 € EUR.

El pago está pendiente. Los pagos con eCheck tardan normalmente entre 6 y 8 días laborables en completarse.
No envíes el artículo hasta que el pago se haya completado.

Detalles de la transacción
Id. de transacción: 8ES44556PP778899Q
Fecha de la transacción: 2 de marzo de 2026
Importe: 1.200,00 € EUR
Estado: Pendiente
""",
     want=W(provider="paypal", kind="pending", amount="1200.00", currency="EUR", payer_name="Andrés Molina",
            transaction_id="8ES44556PP778899Q", date="2026-03-02")),

dict(path="paypal/fr_refund_sent.eml", frm='PayPal <service@paypal.fr>',
     subject="Vous avez remboursé Camille Lefèvre", date="Tue, 03 Mar 2026 10:00:00 +0100", cte="base64",
     html=table([("Montant remboursé", "75,00&nbsp;€ EUR"), ("Numéro de transaction", "3RM12121AB343434C"),
                 ("Date", "3 mars 2026"), ("Motif", "Acompte en double INV-00104")],
                title="Remboursement envoyé", intro=["Bonjour Brightside Studio,", "Vous avez remboursé 75,00&nbsp;€ EUR à Camille Lefèvre."], lang="fr"),
     want=W(provider="paypal", kind="refund", amount="75.00", currency="EUR", reference="Acompte en double INV-00104",
            transaction_id="3RM12121AB343434C", date="2026-03-03")),

dict(path="paypal/de_sent.eml", frm='PayPal <service@paypal.de>',
     subject="Ihre Zahlung an Druckerei Hansen", date="Wed, 04 Mar 2026 11:00:00 +0100",
     text="""Hallo Brightside Studio,

Sie haben 318,40 € EUR an Druckerei Hansen gesendet.

Transaktionscode
2DE77889QW112233R

Transaktionsdatum
4. März 2026

Betrag
318,40 € EUR

Verwendungszweck
Flyer A5, Auftrag 5512
""",
     want=W(provider="paypal", kind="sent", amount="318.40", currency="EUR", reference="Flyer A5, Auftrag 5512",
            transaction_id="2DE77889QW112233R", date="2026-03-04")),

dict(path="paypal/de_request.eml", frm='PayPal <service@paypal.de>',
     subject="Zahlungsaufforderung von Elbe Werkstätten e.K.", date="Thu, 05 Mar 2026 08:00:00 +0100",
     text="""Hallo Brightside Studio,

Elbe Werkstätten e.K. hat eine Zahlung über 96,00 € EUR von Ihnen angefordert.

Mitteilung von Elbe Werkstätten e.K.:
Reparatur Drucker 02/2026

Jetzt bezahlen
""",
     want=W(provider="paypal", kind="request", amount="96.00", currency="EUR", reference="Reparatur Drucker 02/2026", date="2026-03-05")),

dict(path="paypal/en_au_received.eml", frm='PayPal <service@paypal.com.au>',
     subject="You've got money", date="Fri, 06 Mar 2026 12:00:00 +1100",
     text="""Hello Brightside Studio,

You received a payment of $880.00 AUD from Mia Thompson (mia@thompson-cafe.example).

Transaction ID: 5AU11223ZX445566M
Transaction date: 06/03/2026
Amount received: $880.00 AUD
Note from Mia Thompson:
INV-00132 menu boards
""",
     want=W(provider="paypal", kind="received", amount="880.00", currency="AUD", payer_name="Mia Thompson",
            payer_email="mia@thompson-cafe.example", reference="INV-00132 menu boards",
            transaction_id="5AU11223ZX445566M", date="2026-03-06")),

dict(path="paypal/en_withdrawal.eml", frm='PayPal <service@paypal.co.uk>',
     subject="You've transferred money to your bank", date="Sat, 07 Mar 2026 09:00:00 +0000",
     text="""Hello Brightside Studio,

You transferred £1,500.00 GBP from your PayPal balance to your bank account.

Transaction ID: 7WD33445TT556677U
Date: 7 March 2026
Amount: £1,500.00 GBP
Bank: Barclays Bank UK PLC x-4471

It usually takes 1 working day for money to arrive.
""",
     want=W(provider="paypal", kind="payout", amount="1500.00", currency="GBP", transaction_id="7WD33445TT556677U", date="2026-03-07")),

dict(path="stripe/es_pago_recibido.eml", frm='Stripe <notifications@stripe.com>',
     subject="Pago de 640,00 € de admin@talleres-navarro.example", date="Sun, 08 Mar 2026 10:00:00 +0100",
     html=table([("Importe", "640,00&nbsp;€"), ("Cliente", "Talleres Navarro S.A."), ("Correo electrónico", "admin@talleres-navarro.example"),
                 ("Descripción", "Factura INV-00133"), ("ID del pago", "pi_3QnavarroPago640"), ("Fecha", "8 mar 2026")],
                title="Has recibido un pago", lang="es"),
     want=W(provider="stripe", kind="received", amount="640.00", currency="EUR", payer_name="Talleres Navarro S.A.",
            payer_email="admin@talleres-navarro.example", reference="Factura INV-00133",
            transaction_id="pi_3QnavarroPago640", date="2026-03-08")),

dict(path="stripe/en_dispute_newsletter.eml", frm='Stripe <news@stripe.com>',
     subject="Stripe Sessions 2026: you received an invitation", date="Mon, 09 Mar 2026 16:00:00 +0000",
     headers=["List-Unsubscribe: <https://stripe.com/unsubscribe?u=123>", "Precedence: bulk"],
     html=table([], title="Join us at Stripe Sessions", intro=["Businesses on Stripe received $1.4 trillion in payments last year.", "Register today."], outro=["Unsubscribe"]),
     want=W(provider="stripe", kind="newsletter", date="2026-03-09")),

dict(path="stripe/en_charge_failed.eml", frm='Stripe <notifications@stripe.com>',
     subject="A payment of $310.00 failed", date="Tue, 10 Mar 2026 10:00:00 +0000",
     text="""A payment from ops@pinecrest-vet.example failed.

Amount
$310.00

Customer
Pinecrest Veterinary

Decline reason
Insufficient funds

Payment ID
pi_3QpinecrestFail310

Date
Mar 10, 2026
""",
     want=W(provider="stripe", kind="failed", amount="310.00", currency="USD", payer_name="Pinecrest Veterinary",
            payer_email="ops@pinecrest-vet.example", transaction_id="pi_3QpinecrestFail310", date="2026-03-10")),

dict(path="square/es_pago_recibido.eml", frm='Square <noreply@messaging.squareup.com>',
     subject="Recibiste un pago de $145.00", date="Wed, 11 Mar 2026 13:00:00 -0800", cte="base64",
     text="""Pago recibido

$145.00

De: Rosa Delgado
Nota: INV-00134 retratos
Tarjeta: Visa terminada en 4410
Fecha: 11 de marzo de 2026
Número de recibo: Qz81Lp
""",
     want=W(provider="square", kind="received", amount="145.00", currency="USD", payer_name="Rosa Delgado",
            reference="INV-00134 retratos", transaction_id="Qz81Lp", date="2026-03-11")),

dict(path="square/en_uk_invoice_paid.eml", frm='Square <noreply@messaging.squareup.co.uk>',
     subject="Invoice #000301 has been paid", date="Thu, 12 Mar 2026 10:00:00 +0000",
     html=table([("Customer", "Penrose Architects"), ("Amount paid", "£2,040.00"), ("Date", "12/03/2026"),
                 ("Invoice", "#000301"), ("Payment ID", "sq0pay_Pnr0se2040")],
                title="Penrose Architects paid invoice #000301", lang="en-GB"),
     want=W(provider="square", kind="received", amount="2040.00", currency="GBP", payer_name="Penrose Architects",
            reference="000301", transaction_id="sq0pay_Pnr0se2040", date="2026-03-12")),

dict(path="wise/fr_recu.eml", frm='Wise <noreply@wise.com>',
     subject="Vous avez reçu 2 300,00 EUR", date="Fri, 13 Mar 2026 09:00:00 +0100",
     text="""Bonjour Brightside Studio,

Vous avez reçu 2 300,00 EUR de Atelier Moreau SAS.

L'argent est maintenant sur votre solde en EUR.

Référence : INV-00135
Numéro de virement : 1102938490

L'équipe Wise
""",
     want=W(provider="wise", kind="received", amount="2300.00", currency="EUR", payer_name="Atelier Moreau SAS",
            reference="INV-00135", transaction_id="1102938490", date="2026-03-13")),

dict(path="wise/es_recibido.eml", frm='Wise <noreply@wise.com>',
     subject="Has recibido 1.386,50 EUR", date="Sat, 14 Mar 2026 09:00:00 +0100",
     html=table([("De", "Construcciones Ibáñez S.L."), ("Importe", "1.386,50 EUR"), ("Referencia", "INV-00136"),
                 ("Número de transferencia", "1102938491")],
                title="Has recibido dinero", intro=["Hola, Brightside Studio:", "Construcciones Ibáñez S.L. te ha enviado 1.386,50 EUR."], lang="es"),
     want=W(provider="wise", kind="received", amount="1386.50", currency="EUR", payer_name="Construcciones Ibáñez S.L.",
            reference="INV-00136", transaction_id="1102938491", date="2026-03-14")),

dict(path="interac/fr_demande.eml", frm='"Virement INTERAC" <notify@payments.interac.ca>',
     subject="Virement INTERAC : Fournitures Laval vous a envoyé une demande de fonds.", date="Sun, 15 Mar 2026 10:00:00 -0400",
     text="""Bonjour Brightside Studio,

Fournitures Laval vous demande 210,00 $ (CAD).

Message : Cartouches d'encre
Numéro de référence : CAdm8Q2rT4Lx

Pour répondre à cette demande, connectez-vous à vos services bancaires en ligne.
""",
     want=W(provider="interac", kind="request", amount="210.00", currency="CAD", reference="Cartouches d'encre",
            transaction_id="CAdm8Q2rT4Lx", date="2026-03-15")),

dict(path="interac/en_sent_you_money.eml", frm='"INTERAC e-Transfer" <notify@payments.interac.ca>',
     subject="INTERAC e-Transfer: PRIYA NAIR sent you money.", date="Mon, 16 Mar 2026 10:00:00 -0400",
     text="""Hi Brightside Studio,

PRIYA NAIR sent you a money transfer for the amount of $425.00 (CAD).

Message: INV-00137 logo package

To deposit your money, click here:
https://etransfer.interac.ca/?id=CA7pN2vQ9xWr

Reference Number: CA7pN2vQ9xWr
Expiry date: April 15, 2026
""",
     # not auto-deposited: the money waits for the owner to deposit it ("To deposit your money"): pending
     want=W(provider="interac", kind="pending", amount="425.00", currency="CAD", payer_name="PRIYA NAIR",
            reference="INV-00137 logo package", transaction_id="CA7pN2vQ9xWr", date="2026-03-16")),

dict(path="zelle/usbank_received.eml", frm='U.S. Bank <usbank@notifications.usbank.com>',
     subject="You've received money with Zelle®", date="Tue, 17 Mar 2026 10:00:00 -0500",
     html=table([("From", "DEREK HOLLOWAY"), ("Amount", "$1,050.00"), ("Memo", "INV-00138"), ("Date", "03/17/2026"),
                 ("Confirmation number", "USB5561203398")],
                title="Money received", intro=["DEREK HOLLOWAY sent you $1,050.00."]),
     want=W(provider="zelle", kind="received", amount="1050.00", currency="USD", payer_name="DEREK HOLLOWAY",
            reference="INV-00138", transaction_id="USB5561203398", date="2026-03-17")),

dict(path="zelle/chase_sent.eml", frm='Chase <no.reply.alerts@chase.com>',
     subject="You sent $225.00 to Maple Print Shop", date="Wed, 18 Mar 2026 10:00:00 -0400",
     text="""You sent money with Zelle®

Recipient: Maple Print Shop
Amount: $225.00
Memo: Banner order
Sent on: Mar 18, 2026
Transaction number: 4819273999
""",
     want=W(provider="zelle", kind="sent", amount="225.00", currency="USD", reference="Banner order",
            transaction_id="4819273999", date="2026-03-18")),

dict(path="venmo/sent.eml", frm='Venmo <venmo@venmo.com>',
     subject="You paid Jordan Reyes $40.00", date="Thu, 19 Mar 2026 18:00:00 -0400",
     text="""You paid Jordan Reyes $40.00

Studio cleaning

Transaction details
Date: Mar 19, 2026
Payment ID: 4012345678909999999
""",
     want=W(provider="venmo", kind="sent", amount="40.00", currency="USD", reference="", transaction_id="4012345678909999999", date="2026-03-19")),

dict(path="bank/uk_lloyds_received.eml", frm='Lloyds Bank <alerts@info.lloydsbank.co.uk>',
     subject="Money has been paid into your account", date="Fri, 20 Mar 2026 09:00:00 +0000",
     text="""Dear Customer,

A payment of £975.00 has been paid into your account ending 8812.

Payment from: TALBOT ENGINEERING LTD
Reference: BRIGHTSIDE INV-00139
Date: 20/03/2026

Lloyds Bank plc.
""",
     want=W(provider="bank", kind="received", amount="975.00", currency="GBP", payer_name="TALBOT ENGINEERING LTD",
            reference="BRIGHTSIDE INV-00139", date="2026-03-20")),

dict(path="bank/uk_monzo_received.eml", frm='Monzo <help@monzo.com>',
     subject="You received £150.00 from Isla Murray", date="Sat, 21 Mar 2026 09:00:00 +0000",
     text="""You received £150.00 from Isla Murray.

Reference: INV-00140
""",
     want=W(provider="bank", kind="received", amount="150.00", currency="GBP", payer_name="Isla Murray",
            reference="INV-00140", date="2026-03-21")),

dict(path="bank/de_commerzbank_gutschrift.eml", frm='Commerzbank <noreply@commerzbank.de>',
     subject="Kontoinformation: Zahlungseingang", date="Sun, 22 Mar 2026 07:00:00 +0100", charset="iso-8859-1",
     text="""Guten Tag,

für Ihr Konto DE12 5004 0000 0123 4567 00 liegt ein Zahlungseingang vor:

Auftraggeber:      Brandt Möbelwerkstatt GmbH
Betrag:            4.020,00 EUR
Verwendungszweck:  RECHNUNG INV-00141
Wertstellung:      22.03.2026

Ihre Commerzbank
""",
     want=W(provider="bank", kind="received", amount="4020.00", currency="EUR", payer_name="Brandt Möbelwerkstatt GmbH",
            reference="RECHNUNG INV-00141", date="2026-03-22")),

dict(path="bank/de_sparkasse_html.eml", frm='Sparkasse <noreply@sparkasse.de>',
     subject="Neuer Umsatz auf Ihrem Konto", date="Mon, 23 Mar 2026 07:00:00 +0100",
     html=table([("Umsatzart", "Gutschrift"), ("Name", "Kunstschule Lindenau"), ("Betrag", "+ 560,00 EUR"),
                 ("Verwendungszweck", "INV-00142 Workshop"), ("Buchungstag", "23.03.2026")],
                title="Neuer Umsatz", lang="de"),
     want=W(provider="bank", kind="received", amount="560.00", currency="EUR", payer_name="Kunstschule Lindenau",
            reference="INV-00142 Workshop", date="2026-03-23")),

dict(path="bank/ch_ubs_gutschrift.eml", frm='UBS <noreply@ubs.com>',
     subject="Gutschrift auf Ihr Konto", date="Tue, 24 Mar 2026 07:00:00 +0100",
     text="""Grüezi

Wir haben Ihrem Konto CH93 0076 2011 6238 5295 7 folgenden Betrag gutgeschrieben:

Betrag: CHF 1'234.50
Auftraggeber: Alpenblick AG
Mitteilung: INV-00143
Valuta: 24.03.2026

Freundliche Grüsse
UBS Switzerland AG
""",
     want=W(provider="bank", kind="received", amount="1234.50", currency="CHF", payer_name="Alpenblick AG",
            reference="INV-00143", date="2026-03-24")),

dict(path="bank/es_caixabank_transferencia.eml", frm='CaixaBank <notificaciones@caixabank.com>',
     subject="Aviso: transferencia recibida", date="Wed, 25 Mar 2026 09:00:00 +0100",
     text="""Le informamos de que ha recibido una transferencia.

Importe: 890,00 EUR
Ordenante: CLINICA DENTAL SOLER SL
Concepto: FRA INV-00144
Fecha: 25/03/2026
""",
     want=W(provider="bank", kind="received", amount="890.00", currency="EUR", payer_name="CLINICA DENTAL SOLER SL",
            reference="FRA INV-00144", date="2026-03-25")),

dict(path="bank/fr_societe_generale_virement.eml", frm='Société Générale <noreply@societegenerale.fr>',
     subject="Alerte : virement reçu", date="Thu, 26 Mar 2026 08:00:00 +0100", charset="windows-1252", cte="quoted-printable",
     text="""Bonjour,

Vous avez reçu un virement de 1 275,00 EUR sur votre compte se terminant par 0421.

Donneur d'ordre : EURL Petit Traiteur
Référence : Facture INV-00145
Date de l'opération : 26/03/2026
""",
     want=W(provider="bank", kind="received", amount="1275.00", currency="EUR", payer_name="EURL Petit Traiteur",
            reference="Facture INV-00145", date="2026-03-26")),

dict(path="bank/us_wellsfargo_ach.eml", frm='Wells Fargo <alerts@notify.wellsfargo.com>',
     subject="Direct deposit received", date="Fri, 27 Mar 2026 06:00:00 -0500",
     text="""Wells Fargo Online

A direct deposit of $3,200.00 was made to your account ending in 5521.

Originator: BLUEWAVE MARKETING INC
Entry description: PAYMENT INV-00146
Effective date: 03/27/2026
""",
     want=W(provider="bank", kind="received", amount="3200.00", currency="USD", payer_name="BLUEWAVE MARKETING INC",
            reference="INV-00146", date="2026-03-27")),

dict(path="bank/ca_desjardins_ambiguous_date.eml", frm='Desjardins <alertes@desjardins.com>',
     subject="Deposit made to your account", date="Sat, 28 Mar 2026 08:00:00 -0400",
     text="""Desjardins alert

A deposit of $600.00 was made to your account.

From: LAURENTIAN WOODWORKS
Date: 03/04/2026
""",
     want=W(provider="bank", kind="received", amount="600.00", currency="CAD", payer_name="LAURENTIAN WOODWORKS", date="")),

dict(path="bank/us_returned_payment.eml", frm='HSBC <alerts@us.hsbc.com>',
     subject="An incoming payment was returned", date="Sun, 29 Mar 2026 08:00:00 -0400",
     text="""An ACH credit of $780.00 from SUMMIT OUTFITTERS was returned.

Reason: Account closed
Date: 03/29/2026
""",
     want=W(provider="bank", kind="failed", amount="780.00", currency="USD", payer_name="SUMMIT OUTFITTERS", date="2026-03-29")),

dict(path="spoof/paypal_display_name_trick.eml", frm='"PayPal Service <service@paypal.com>" <alerts@paypa1-resolution.example>',
     subject="You've got money", date="Mon, 30 Mar 2026 10:00:00 -0700",
     text="""You received a payment of $3,950.00 USD from Olivia Grant (olivia@grant-florals.example).

Transaction ID: 0SPOOF111AA22233
Transaction date: Mar 30, 2026
""",
     want=W(provider="paypal", kind="received", trusted=False, amount="3950.00", currency="USD", payer_name="Olivia Grant",
            payer_email="olivia@grant-florals.example", transaction_id="0SPOOF111AA22233", date="2026-03-30")),

dict(path="spoof/interac_fr_lookalike.eml", frm='"Virement INTERAC" <notify@interac-virement-securise.example>',
     subject="Virement INTERAC : Vous avez reçu un virement de ÉLODIE GAGNON", date="Tue, 31 Mar 2026 10:00:00 -0400",
     text="""ÉLODIE GAGNON vous a envoyé 2 750,00 $ (CAD).

Numéro de référence : CAfake77Q1
""",
     want=W(provider="interac", kind="received", trusted=False, amount="2750.00", currency="CAD", payer_name="ÉLODIE GAGNON",
            transaction_id="CAfake77Q1", date="2026-03-31")),

dict(path="spoof/wise_dmarc_fail.eml", frm='Wise <noreply@wise.com>', ar_top=[ar_fail("wise.com")],
     subject="You've received 9,800.00 EUR from Müller Technik GmbH", date="Wed, 01 Apr 2026 10:00:00 +0000",
     text="""You've received 9,800.00 EUR from Müller Technik GmbH.

Reference: INV-00113
Transfer number: 1102999999
""",
     want=W(provider="wise", kind="received", trusted=False, amount="9800.00", currency="EUR", payer_name="Müller Technik GmbH",
            reference="INV-00113", transaction_id="1102999999", date="2026-04-01")),

dict(path="nonpay/order_confirmation.eml", frm='Office Depot <orders@officedepot.example>',
     subject="Thanks for your order #8812-4410", date="Thu, 02 Apr 2026 10:00:00 -0400",
     text="""Thanks for shopping with us!

We received your payment of $129.99 for order #8812-4410.

Order total: $129.99
""",
     want=W(provider="unknown", kind="not_payment", trusted=False, amount="129.99", currency="USD", reference="", date="2026-04-02")),
]
