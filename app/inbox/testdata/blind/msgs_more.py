"""Messages of the blind set (see make_blind.py)."""
from blind_mail import msg, exp, other, spoof_exp, html_doc, html_table, mini, ar_pass, ar_fail  # noqa: F401


# ---------------------------------------------------------------- second batch: harder layouts
def batch2():
    # PayPal merchant notice, minified HTML, QP soft breaks inside labels and amounts.
    h = html_doc("Notification of payment received", """<p>Hello Duebook Trading,</p>
<h1>You've received a payment of $8,250.00 USD from Redwood Clinic</h1>
<p>Redwood Clinic (payables@redwood-clinic.example) just sent you a payment.</p>
<h3>Buyer information</h3><p>Redwood Clinic<br>payables@redwood-clinic.example</p>
""" + html_table([("Invoice ID", "INV-00170"), ("Transaction ID", "2MJ86431QW0017420"),
                  ("Transaction date", "Mar 18, 2026 14:02:51 PDT"), ("Gross amount", "$8,250.00 USD"),
                  ("PayPal fee", "-$288.03 USD"), ("Net amount", "$7,961.97 USD")]) + """
<p>Payment sent to accounts@duebook-trading.example</p>""")
    msg("paypal_en_merchant_minified_qp", "service@paypal.com", "service@paypal.com",
        "Notification of payment received", "Wed, 18 Mar 2026 14:03:30 -0700",
        [("html", mini(h), "quoted-printable")],
        exp("paypal", "received", "8250.00", "USD", "Redwood Clinic", "payables@redwood-clinic.example",
            "INV-00170", "2MJ86431QW0017420", "2026-03-18"), relay="mx0.phx.paypal.com", ip="173.0.84.227")

    # German PayPal eCheck: pending.
    t = """Hallo Duebook Trading,

Sie haben eine eCheck-Zahlung über 2.150,00 € EUR von Hoffmann Bau GmbH erhalten.

Status: Ausstehend
Die Zahlung wird Ihrem PayPal-Konto gutgeschrieben, sobald der eCheck eingelöst wurde
(in der Regel innerhalb von 3-5 Werktagen). Versenden Sie die Ware erst danach.

Transaktionscode: 5KL20098RT6610334
Mitteilung: Rechnung 2026-160
"""
    msg("paypal_de_echeck_pending", "PayPal", "service@paypal.de",
        "Ausstehende eCheck-Zahlung von Hoffmann Bau GmbH", "Thu, 19 Mar 2026 09:12:00 +0100",
        [("plain", t, "quoted-printable")], other("paypal", "pending", "2026-03-19"),
        lang="de", relay="mx2.slc.paypal.com", ip="173.0.84.4")

    # Spanish PayPal: you sent a payment.
    t = """Hola, Duebook Trading:

Has enviado un pago de 35,00 € EUR a Papelería Central S.L.

Detalles de la transacción
Id. de transacción: 1CV44019MM2203887
Fecha: 19 de marzo de 2026
Vendedor: Papelería Central S.L.
Total: 35,00 € EUR
"""
    msg("paypal_es_sent", "PayPal", "servicio@paypal.es",
        "Has enviado un pago a Papelería Central S.L.", "Thu, 19 Mar 2026 17:40:00 +0100",
        [("plain", t, "quoted-printable")], other("paypal", "sent", "2026-03-19"),
        lang="es", charset="windows-1252", relay="mx1.ams.paypal.com", ip="173.0.84.5")

    # French PayPal: a supplier refunded us.
    h = html_doc("Remboursement", """<p>Bonjour Duebook Trading,</p>
<h1>Vous avez reçu un remboursement</h1>
<p>Bureau Vallée vous a remboursé <b>42,50&nbsp;€ EUR</b>.</p>
""" + html_table([("Numéro de transaction", "8NB33120KK7761029"), ("Date", "20 mars 2026"),
                  ("Montant du remboursement", "42,50&nbsp;€ EUR")]), "fr")
    msg("paypal_fr_refund_received", "PayPal", "service@paypal.fr",
        "Vous avez reçu un remboursement de Bureau Vallée", "Fri, 20 Mar 2026 10:30:00 +0100",
        [("html", mini(h), "quoted-printable")], other("paypal", "refund", "2026-03-20"),
        lang="fr", relay="mx1.ams.paypal.com", ip="173.0.84.5")

    # Stripe newsletter.
    h = html_doc("Stripe", """<h1>What's new in Stripe Billing</h1>
<p>Smart retries now recover more failed payments, and invoices support 30 more languages.</p>
<p><a href="https://stripe.com/blog">Read the announcement</a></p>""")
    msg("stripe_en_newsletter", "Stripe", "news@stripe.com",
        "What's new in Stripe Billing - March 2026", "Sat, 21 Mar 2026 17:00:00 +0000",
        [("html", h, "quoted-printable")], other("stripe", "newsletter", "2026-03-21"),
        list_unsub=True, relay="o3.ptr4412.stripe.com", ip="192.254.112.62")

    # Square in Spanish (Spain): payment received, minified, base64.
    h = html_doc("Pago recibido", """<h1>Has recibido un pago de 95,00 €</h1>
<p>Alba Jiménez te ha pagado 95,00 € con tu enlace de pago.</p>
""" + html_table([("Importe", "95,00 €"), ("Cliente", "Alba Jiménez"), ("Correo electrónico", "alba.jimenez@correo.example"),
                  ("Nota", "Factura 2026-071"), ("ID del pago", "Zq81LmN0pR6sT2vW"), ("Fecha", "21 mar 2026")]), "es")
    msg("square_es_received_minified_b64", "Square", "noreply@messaging.squareup.com",
        "Has recibido un pago de 95,00 €", "Sat, 21 Mar 2026 12:15:00 +0100",
        [("html", mini(h), "base64")],
        exp("square", "received", "95.00", "EUR", "Alba Jiménez", "alba.jimenez@correo.example",
            "Factura 2026-071", "Zq81LmN0pR6sT2vW", "2026-03-21"), lang="es",
        relay="mail-out.messaging.squareup.com", ip="74.63.230.20")

    # Wise: money on its way, not there yet.
    t = """Money is on its way to you

Hi Duebook Trading,

Oskar Lindqvist is sending you 1,840.00 EUR. It should arrive by March 24, 2026.
We'll let you know as soon as it's in your account.

From: Oskar Lindqvist
Amount: 1,840.00 EUR
Reference: INV-00175
Transfer #: 1051100293
"""
    msg("wise_en_on_its_way_pending", "Wise", "noreply@wise.com",
        "Oskar Lindqvist is sending you 1,840.00 EUR", "Sun, 22 Mar 2026 08:00:00 +0000",
        [("plain", t, "quoted-printable")], other("wise", "pending", "2026-03-22"),
        relay="mail.wise.com", ip="168.245.12.3")

    # Interac in French: a money request.
    t = """Bonjour Duebook Trading,

Martin Lavoie vous a envoyé une demande d'argent de 210,00 $ (CAD).

Message : Partage des frais du kiosque

Pour répondre à cette demande, cliquez ici :
https://etransfer.interac.ca/RqFr93kL
Numéro de référence : CA5RqFr93kLm
"""
    msg("interac_fr_request", "Virement Interac", "notify@payments.interac.ca",
        "Virement INTERAC : Martin Lavoie vous a envoyé une demande d'argent.", "Sun, 22 Mar 2026 15:00:00 -0400",
        [("plain", t, "quoted-printable")], other("interac", "request", "2026-03-22"), lang="fr",
        charset="iso-8859-1", relay="mta01.payments.interac.ca", ip="204.101.39.16")

    # More banks: Lloyds (UK), Revolut, Commerzbank, ING, Société Générale, CaixaBank, BofA ACH.
    t = """Lloyds Bank

You've been paid

£640.00 has been paid into your account ending 2290 by J SMITH.

Reference: INV-00176
Payment type: Faster Payment
Date: 23 March 2026

Lloyds Bank plc. Registered in England and Wales no. 2065.
"""
    msg("bank_lloyds_uk_paid", "Lloyds Bank", "alerts@service.lloydsbank.co.uk",
        "You've been paid £640.00", "Mon, 23 Mar 2026 11:11:00 +0000",
        [("plain", t, "quoted-printable")],
        exp("bank", "received", "640.00", "GBP", "J SMITH", "", "INV-00176", "", "2026-03-23"),
        relay="mta.service.lloydsbank.co.uk", ip="141.92.130.10")

    h = html_doc("Revolut", """<h1>You received €250.00</h1>
<p>Marta Nowak sent you €250.00.</p>
""" + html_table([("From", "Marta Nowak"), ("Amount", "€250.00"), ("Reference", "INV-00177"),
                  ("Date", "23 Mar 2026")]) + "<p>Revolut Bank UAB</p>")
    msg("bank_revolut_received_minified", "Revolut", "no-reply@revolut.com",
        "You received €250.00 from Marta Nowak", "Mon, 23 Mar 2026 19:30:00 +0000",
        [("html", mini(h), "quoted-printable")],
        exp("bank", "received", "250.00", "EUR", "Marta Nowak", "", "INV-00177", "", "2026-03-23"),
        relay="mail.revolut.com", ip="35.176.4.10")

    h = html_doc("Commerzbank", """<h2>Zahlungseingang auf Ihrem Konto</h2>
<p>Sehr geehrter Kunde,</p>
<p>auf Ihrem Geschäftskonto ist eine SEPA-Gutschrift eingegangen.</p>
""" + html_table([("Name des Zahlers", "Weber &amp; Partner Steuerberatung"), ("Betrag", "4.210,00 EUR"),
                  ("Verwendungszweck", "RE 2026-163"), ("Buchungsdatum", "24.03.2026")]) + "<p>Ihre Commerzbank</p>", "de")
    msg("bank_commerzbank_sepa_gutschrift_b64", "Commerzbank", "noreply@commerzbank.com",
        "Zahlungseingang: 4.210,00 EUR", "Tue, 24 Mar 2026 07:20:00 +0100",
        [("html", mini(h), "base64")],
        exp("bank", "received", "4210.00", "EUR", "Weber & Partner Steuerberatung", "", "RE 2026-163", "", "2026-03-24"),
        lang="de", relay="mail.commerzbank.com", ip="193.29.72.10")

    t = """ING

Geldeingang auf Ihrem Girokonto

Hallo Duebook Trading GmbH,

Sie haben Geld erhalten: + 275,00 €

Von: Klaus Richter
Verwendungszweck: Rechnung Nr. 2026-165
Datum: 24.03.2026
"""
    msg("bank_ing_de_geldeingang_latin1", "ING", "info@mailing.ing.de",
        "Geldeingang: + 275,00 €", "Tue, 24 Mar 2026 13:00:00 +0100",
        [("plain", t, "quoted-printable")],
        exp("bank", "received", "275.00", "EUR", "Klaus Richter", "", "Rechnung Nr. 2026-165", "", "2026-03-24"),
        lang="de", charset="windows-1252", relay="mail.mailing.ing.de", ip="194.25.10.10")

    t = """Société Générale

Virement SEPA reçu

Madame, Monsieur,

Nous vous informons qu’un virement a été porté au crédit de votre compte.

Montant : 3 450,00 €
Donneur d’ordre : M. JULIEN MOREAU
Libellé : FACTURE F-2026-14
Date de valeur : 25/03/2026

Société Générale – Service clients
"""
    msg("bank_socgen_virement_cp1252", "Société Générale", "ne-pas-repondre@societegenerale.fr",
        "Virement reçu : 3 450,00 €", "Wed, 25 Mar 2026 08:00:00 +0100",
        [("plain", t, "quoted-printable")],
        exp("bank", "received", "3450.00", "EUR", "M. JULIEN MOREAU", "", "FACTURE F-2026-14", "", "2026-03-25"),
        lang="fr", charset="windows-1252", relay="mail.societegenerale.fr", ip="193.178.150.10")

    t = """CaixaBank

Aviso de transferencia recibida

Le informamos de que ha recibido una transferencia en su cuenta ES** **** **** **** **** 4410.

Ordenante: Hostal La Rambla, S.L.
Importe: 1.125,00 EUR
Concepto: Fra 2026/072
Fecha: 25/03/2026
"""
    msg("bank_caixabank_transferencia_latin1", "CaixaBank", "avisos@caixabank.com",
        "Transferencia recibida", "Wed, 25 Mar 2026 10:00:00 +0100",
        [("plain", t, "base64")],
        exp("bank", "received", "1125.00", "EUR", "Hostal La Rambla, S.L.", "", "Fra 2026/072", "", "2026-03-25"),
        lang="es", charset="iso-8859-1", relay="mail.caixabank.com", ip="195.76.9.10")

    h = html_doc("Bank of America", """<h2>Direct deposit received</h2>
<p>A deposit has been made to your account ending in 2231.</p>
""" + html_table([("Amount", "$12,400.00"), ("From", "INITECH LLC"), ("Type", "ACH credit"),
                  ("Payment info", "INV-00180 INV-00181"), ("Date", "March 26, 2026")]))
    msg("bank_bofa_ach_deposit", "Bank of America", "onlinebanking@ealerts.bankofamerica.com",
        "Direct deposit of $12,400.00 received", "Thu, 26 Mar 2026 12:00:00 +0000",
        [("html", mini(h), "quoted-printable")],
        exp("bank", "received", "12400.00", "USD", "INITECH LLC", "", "INV-00180 INV-00181", "", "2026-03-26"),
        relay="mta2.ealerts.bankofamerica.com", ip="171.161.160.20")

    # A Stripe payment in French to a Quebec/French merchant.
    t = """Paiement de 540,00 € de Atelier Roux

Vous avez reçu un paiement de 540,00 € de Atelier Roux (compta@atelier-roux.example).

Montant : 540,00 €
Client : Atelier Roux
E-mail : compta@atelier-roux.example
Description : facture F-2026-15
ID du paiement : pi_3PwX1yL2eZvKYlo21MnBvCx
Date : 26 mars 2026
"""
    msg("stripe_fr_payment_succeeded", "Stripe", "notifications@stripe.com",
        "Paiement de 540,00 € de Atelier Roux", "Thu, 26 Mar 2026 15:00:00 +0100",
        [("plain", t, "quoted-printable")],
        exp("stripe", "received", "540.00", "EUR", "Atelier Roux", "compta@atelier-roux.example",
            "facture F-2026-15", "pi_3PwX1yL2eZvKYlo21MnBvCx", "2026-03-26"), lang="fr",
        relay="o1.ptr4412.stripe.com", ip="192.254.112.60")


# ---------------------------------------------------------------- third batch: traps
def batch3():
    # Ambiguous numeric date: 03/04/2026 in CAD (Canada writes both orders), Date header neither reading.
    t = """You've received 610.00 CAD from Aisha Rahman

Hi Duebook Trading,

Aisha Rahman sent you 610.00 CAD.

From: Aisha Rahman
Amount: 610.00 CAD
Reference: INV-00183
Transfer #: 1052240031
Date: 03/04/2026
"""
    msg("wise_en_received_ambiguous_date", "Wise", "noreply@wise.com",
        "You've received 610.00 CAD from Aisha Rahman", "Sun, 05 Apr 2026 09:00:00 +0000",
        [("plain", t, "quoted-printable")],
        exp("wise", "received", "610.00", "CAD", "Aisha Rahman", "", "INV-00183", "1052240031", ""),
        relay="mail.wise.com", ip="168.245.12.3")

    # French PayPal with narrow no-break spaces (U+202F), as modern fr-FR formatting writes them.
    h = html_doc("Vous avez reçu un paiement", """<p>Bonjour Duebook Trading,</p>
<h1>Vous avez reçu un paiement</h1>
<p>Nathalie Girard vous a envoyé <b>12\u202f480,00\u00a0€ EUR</b>.</p>
<p><b>Message de Nathalie Girard&#8239;:</b><br>facture F-2026-18</p>
""" + html_table([("Numéro de transaction", "0TT71234AB5500981"), ("Date de la transaction", "27 mars 2026"),
                  ("Montant reçu", "12&#8239;480,00&nbsp;€ EUR"),
                  ("Expéditeur", "Nathalie Girard<br>n.girard@girard-conseil.example")]), "fr")
    msg("paypal_fr_received_nnbsp", "PayPal", "service@paypal.fr",
        "Vous avez reçu un paiement", "Fri, 27 Mar 2026 11:00:00 +0100",
        [("html", mini(h), "quoted-printable")],
        exp("paypal", "received", "12480.00", "EUR", "Nathalie Girard", "n.girard@girard-conseil.example",
            "facture F-2026-18", "0TT71234AB5500981", "2026-03-27"), lang="fr",
        relay="mx1.ams.paypal.com", ip="173.0.84.5")

    # The owner forwarded a PayPal mail from another mailbox: a copy, never trusted.
    t = """---------- Forwarded message ---------
From: PayPal <service@paypal.com>
Date: Sat, Mar 28, 2026 at 9:14 AM
Subject: You've got money
To: <owner.private@gmail.com>

Hello Duebook Trading,

You've got money!

Tomás Silva sent you $980.00 USD.

Note from Tomás Silva: INV-00185

Transaction ID: 3HH00991CC2245530
"""
    msg("paypal_forwarded_by_owner", "Owner", "owner.private@gmail.com",
        "Fwd: You've got money", "Sat, 28 Mar 2026 17:20:00 +0000",
        [("plain", t, "quoted-printable")],
        dict(spoof_exp(), spoof=False, date="2026-03-28"),
        relay="mail-sor-f41.google.com", ip="209.85.220.41")

    # Stripe in CAD written the way Stripe writes it (CA$), with a refund button in the footer.
    t = """Payment of CA$980.00 from Maple Leaf Outfitters

You received a payment of CA$980.00 from Maple Leaf Outfitters (finance@mapleleaf.example).

Amount: CA$980.00
Customer: Maple Leaf Outfitters
Email: finance@mapleleaf.example
Description: INV-00186
Payment ID: pi_3PyZ2aL2eZvKYlo20GhJkLm
Date: March 28, 2026

Need to refund this payment? Open it in the Dashboard and click Refund.
"""
    msg("stripe_en_cad_with_refund_link", "Stripe", "notifications@stripe.com",
        "Payment of CA$980.00 from Maple Leaf Outfitters", "Sat, 28 Mar 2026 20:00:00 +0000",
        [("plain", t, "7bit")],
        exp("stripe", "received", "980.00", "CAD", "Maple Leaf Outfitters", "finance@mapleleaf.example",
            "INV-00186", "pi_3PyZ2aL2eZvKYlo20GhJkLm", "2026-03-28"),
        relay="o1.ptr4412.stripe.com", ip="192.254.112.60")

    # PayPal: money received but held (not available) -> pending.
    t = """Hello Duebook Trading,

You've received $1,500.00 USD from Ben Carter, but the payment is on hold.

We're holding this payment for up to 21 days to make sure the transaction goes smoothly.
The money will be available in your balance once the buyer confirms receipt or the hold
period ends.

Note from Ben Carter: INV-00188

Transaction ID: 9PP55512QA0093374
Payment status: On hold
"""
    msg("paypal_en_payment_on_hold", "PayPal", "service@paypal.com",
        "Payment on hold: $1,500.00 USD from Ben Carter", "Sun, 29 Mar 2026 12:00:00 -0700",
        [("plain", t, "7bit")], other("paypal", "pending", "2026-03-29"),
        relay="mx0.phx.paypal.com", ip="173.0.84.227")

    # Zelle to an unenrolled address: the money waits for enrolment -> pending.
    t = """Wells Fargo

Sofia Rossi sent you $450.00 with Zelle®

To receive your money, enroll your email address with Zelle® within 14 days.
Enroll: https://www.wellsfargo.com/zelle/enroll

Amount: $450.00
Memo: INV-00190
Expires: April 13, 2026
"""
    msg("zelle_wellsfargo_enroll_pending", "Wells Fargo", "alerts@notify.wellsfargo.com",
        "Sofia Rossi sent you $450.00 with Zelle®", "Mon, 30 Mar 2026 14:00:00 +0000",
        [("plain", t, "7bit")], other("zelle", "pending", "2026-03-30"),
        relay="mta.notify.wellsfargo.com", ip="159.45.170.145")


def plain_customer():
    t = """Hi,

we paid invoice INV-00042 today by bank transfer, $1,234.56. Please confirm.

Best,
Eliza
"""
    msg("customer_says_paid_gmail", "Eliza Hartmann", "eliza.hartmann@gmail.com",
        "Re: INV-00042", "Mon, 02 Mar 2026 16:30:00 -0800",
        [("plain", t, "7bit")], other("unknown", "not_payment", "2026-03-02", trusted=False),
        relay="mail-sor-f41.google.com", ip="209.85.220.41")


# ---------------------------------------------------------------- Spoofs
SPOOF_BODY = """Hello Duebook Trading,

You've got money!

Eliza Hartmann sent you $4,950.00 USD.

Note from Eliza Hartmann: INV-00042

Transaction ID: 7XZ11223AB4455667
Transaction date: March 14, 2026
"""


def spoofs():
    d = "Sat, 14 Mar 2026 10:00:00 +0000"
    body = [("plain", SPOOF_BODY, "7bit")]
    msg("spoof_paypa1_lookalike", "PayPal", "service@paypa1.com", "You've got money", d, body, spoof_exp(),
        relay="mail.paypa1.com", ip="203.0.113.10")
    msg("spoof_paypal_com_evil_subdomain", "PayPal", "service@paypal.com.evil.example", "You've got money", d, body,
        spoof_exp(), relay="mx.evil.example", ip="203.0.113.11")
    msg("spoof_idn_homograph", "PayPal", "service@xn--pypal-4ve.com", "You've got money", d, body, spoof_exp(),
        relay="mail.xn--pypal-4ve.com", ip="203.0.113.12")
    # A forged header with another authserv-id above the real one (real one says fail).
    msg("spoof_forged_ar_other_id_above", "PayPal", "service@paypal.com", "You've got money", d, body, spoof_exp(),
        relay="relay.evil.example", ip="203.0.113.13",
        auth=["Authentication-Results: mx.evil.example;\n       dkim=pass header.i=@paypal.com;\n"
              "       spf=pass smtp.mailfrom=service@paypal.com;\n       dmarc=pass header.from=paypal.com",
              ar_fail("paypal.com", "service@paypal.com", "203.0.113.13")])
    # The sender wrote a header with our server's id; it sits below the real (failing) one.
    msg("spoof_forged_ar_same_id_below", "PayPal", "service@paypal.com", "You've got money", d, body, spoof_exp(),
        relay="relay.evil.example", ip="203.0.113.14",
        auth=[ar_fail("paypal.com", "service@paypal.com", "203.0.113.14")],
        extra=["Authentication-Results: mx.google.com;\n       dkim=pass header.i=@paypal.com;\n"
               "       spf=pass smtp.mailfrom=service@paypal.com;\n       dmarc=pass header.from=paypal.com"])
    # Two From headers: DMARC passed for the attacker's own domain.
    msg("spoof_two_from_headers", "PayPal", "service@paypal.com", "You've got money", d, body, spoof_exp(),
        relay="mail-sor-f41.google.com", ip="209.85.220.41",
        auth=[ar_pass("gmail.com", "attacker.payments@gmail.com", "209.85.220.41")],
        from_header=["From: PayPal <service@paypal.com>", "From: attacker.payments@gmail.com"])
    # Display name carrying a PayPal address; the real address is a gmail one.
    msg("spoof_display_name_address", "PayPal <service@paypal.com>", "attacker.payments@gmail.com",
        "You've got money", d, body, spoof_exp(), relay="mail-sor-f41.google.com", ip="209.85.220.41",
        from_header=['From: "PayPal <service@paypal.com>" <attacker.payments@gmail.com>'],
        auth=[ar_pass("gmail.com", "attacker.payments@gmail.com", "209.85.220.41")])
    # Straight dmarc=fail from our own server.
    msg("spoof_dmarc_fail", "PayPal", "service@paypal.com", "You've got money", d, body, spoof_exp(),
        relay="relay.evil.example", ip="203.0.113.15",
        auth=[ar_fail("paypal.com", "service@paypal.com", "203.0.113.15")])


