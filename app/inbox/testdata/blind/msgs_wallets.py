"""Messages of the blind set (see make_blind.py)."""
from blind_mail import msg, exp, other, spoof_exp, html_doc, html_table, mini, ar_pass, ar_fail  # noqa: F401


# ---------------------------------------------------------------- PayPal
def paypal():
    # English, multipart, quoted-printable.
    t = """Hello Duebook Trading,

You've got money!

Eliza Hartmann sent you $1,234.56 USD.

Note from Eliza Hartmann:
"INV-00042"

Transaction details
Transaction ID: 5TY05013RS002845J
Transaction date: March 2, 2026
Amount received: $1,234.56 USD
Sender: Eliza Hartmann (eliza.hartmann@brightline.example)

It may take a few moments for this transaction to appear in your account.

Help & Contact | Security | Apps

PayPal is committed to preventing fraudulent emails. Emails from PayPal will always contain your full name.
Copyright © 1999-2026 PayPal, Inc. All rights reserved. PayPal is located at 2211 N. First St., San Jose, CA 95131.
PayPal RT000238:en_US(en-US):1.3.0:4ae1c8d6a2b0b
"""
    h = html_doc("You've got money", """<p style="font-size:24px">Hello Duebook Trading,</p>
<p style="font-size:32px;font-weight:bold">You've got money!</p>
<p>Eliza Hartmann sent you <strong>$1,234.56&nbsp;USD</strong>.</p>
<p><span style="font-weight:bold">Note from Eliza Hartmann:</span><br>&quot;INV-00042&quot;</p>
""" + html_table([("Transaction ID", '<a href="https://www.paypal.com/activity/payment/5TY05013RS002845J">5TY05013RS002845J</a>'),
                  ("Transaction date", "March 2, 2026"),
                  ("Amount received", "$1,234.56&nbsp;USD"),
                  ("Sender", 'Eliza Hartmann<br><a href="mailto:eliza.hartmann@brightline.example">eliza.hartmann@brightline.example</a>')]) + """
<p style="font-size:11px;color:#6c7378">PayPal is committed to preventing fraudulent emails. Emails from PayPal will always contain your full name.<br>
Copyright &copy; 1999-2026 PayPal, Inc. All rights reserved.</p>""")
    msg("paypal_en_received_qp", "PayPal", "service@paypal.com",
        "You've got money", "Mon, 02 Mar 2026 15:04:11 -0800",
        [("plain", t, "quoted-printable"), ("html", h, "quoted-printable")],
        exp("paypal", "received", "1234.56", "USD", "Eliza Hartmann", "eliza.hartmann@brightline.example",
            "INV-00042", "5TY05013RS002845J", "2026-03-02"), relay="mx0.phx.paypal.com", ip="173.0.84.227")

    # German, HTML only, base64.
    h = html_doc("Sie haben eine Zahlung erhalten", """<p>Hallo Duebook Trading,</p>
<h1 style="font-size:28px">Sie haben eine Zahlung erhalten</h1>
<p>Jürgen Weiß hat Ihnen <strong>1.386,50&nbsp;€ EUR</strong> gesendet.</p>
<p><b>Mitteilung von Jürgen Weiß</b><br>„Rechnung 2026-117“</p>
""" + html_table([("Transaktionscode", "8GH47219KL335104W"),
                  ("Transaktionsdatum", "4. März 2026"),
                  ("Erhaltener Betrag", "1.386,50&nbsp;€ EUR"),
                  ("Absender", 'Jürgen Weiß<br>j.weiss@weiss-moebel.example')]) + """
<p>Es kann einige Minuten dauern, bis diese Transaktion in Ihrem Konto angezeigt wird.</p>
<p style="font-size:11px">PayPal (Europe) S.à r.l. et Cie, S.C.A., 22-24 Boulevard Royal, L-2449 Luxembourg</p>""", "de")
    msg("paypal_de_received_html_b64", "PayPal", "service@paypal.de",
        "Sie haben eine Zahlung erhalten", "Wed, 04 Mar 2026 10:17:42 +0100",
        [("html", h, "base64")],
        exp("paypal", "received", "1386.50", "EUR", "Jürgen Weiß", "j.weiss@weiss-moebel.example",
            "Rechnung 2026-117", "8GH47219KL335104W", "2026-03-04"), relay="mx2.slc.paypal.com", ip="173.0.84.4")

    # French, ISO-8859-1, quoted-printable, multipart.
    t = """Bonjour Duebook Trading,

Vous avez reçu un paiement

François Lefèvre vous a envoyé 1 275,00 EUR.

Message de François Lefèvre :
facture F-2026-03

Détails de la transaction
Numéro de transaction : 3KD93120MN4481226
Date de la transaction : 5 mars 2026
Montant reçu : 1 275,00 EUR
Expéditeur : François Lefèvre (f.lefevre@atelier-lefevre.example)

Aide et Contact | Sécurité

Copyright © 1999-2026 PayPal. Tous droits réservés.
PayPal (Europe) S.à r.l. et Cie, S.C.A.
"""
    h = html_doc("Vous avez reçu un paiement", """<p>Bonjour Duebook Trading,</p>
<h1>Vous avez reçu un paiement</h1>
<p>François Lefèvre vous a envoyé <b>1&nbsp;275,00&nbsp;EUR</b>.</p>
<p><b>Message de François Lefèvre&nbsp;:</b><br>facture F-2026-03</p>
""" + html_table([("Numéro de transaction", "3KD93120MN4481226"), ("Date de la transaction", "5 mars 2026"),
                  ("Montant reçu", "1&nbsp;275,00&nbsp;EUR"),
                  ("Expéditeur", "François Lefèvre<br>f.lefevre@atelier-lefevre.example")]), "fr")
    msg("paypal_fr_received_latin1_qp", "PayPal", "service@paypal.fr",
        "Vous avez reçu un paiement", "Thu, 05 Mar 2026 09:41:03 +0100",
        [("plain", t, "quoted-printable"), ("html", h, "quoted-printable")],
        exp("paypal", "received", "1275.00", "EUR", "François Lefèvre", "f.lefevre@atelier-lefevre.example",
            "facture F-2026-03", "3KD93120MN4481226", "2026-03-05"), charset="iso-8859-1",
        relay="mx1.ams.paypal.com", ip="173.0.84.5")

    # Spanish, windows-1252, base64, multipart.
    t = """Hola, Duebook Trading:

Has recibido un pago

Íñigo Álvarez te ha enviado 450,00 € EUR.

Nota de Íñigo Álvarez:
“Factura FAC-2026-0198”

Detalles de la transacción
Id. de transacción: 9WE21876PQ0937153
Fecha de la transacción: 6 de marzo de 2026
Importe recibido: 450,00 € EUR
Remitente: Íñigo Álvarez (inigo.alvarez@talleres-alvarez.example)

Ayuda | Seguridad
Copyright © 1999-2026 PayPal. Todos los derechos reservados.
"""
    h = html_doc("Has recibido un pago", """<p>Hola, Duebook Trading:</p>
<h1>Has recibido un pago</h1>
<p>Íñigo Álvarez te ha enviado <b>450,00&nbsp;€ EUR</b>.</p>
<p><b>Nota de Íñigo Álvarez:</b><br>“Factura FAC-2026-0198”</p>
""" + html_table([("Id. de transacción", "9WE21876PQ0937153"), ("Fecha de la transacción", "6 de marzo de 2026"),
                  ("Importe recibido", "450,00&nbsp;€ EUR"),
                  ("Remitente", "Íñigo Álvarez<br>inigo.alvarez@talleres-alvarez.example")]), "es")
    msg("paypal_es_received_cp1252_b64", "PayPal", "servicio@paypal.es",
        "Has recibido un pago", "Fri, 06 Mar 2026 12:30:55 +0100",
        [("plain", t, "base64"), ("html", h, "base64")],
        exp("paypal", "received", "450.00", "EUR", "Íñigo Álvarez", "inigo.alvarez@talleres-alvarez.example",
            "Factura FAC-2026-0198", "9WE21876PQ0937153", "2026-03-06"), charset="windows-1252",
        relay="mx1.ams.paypal.com", ip="173.0.84.5")

    # UK, plain only, GBP, subject carries the amount.
    t = """Hi Duebook Trading,

You've received £2,480.00 GBP from Harriet O'Connor.

Harriet O'Connor (harriet@oconnor-design.example) sent you a payment.

Message: Payment for INV-00057 - many thanks

Transaction ID: 1AB23456CD7890123
Date: 9 March 2026

Amount: £2,480.00 GBP

Get the PayPal app
PayPal UK Ltd is authorised and regulated by the Financial Conduct Authority.
"""
    msg("paypal_uk_received_plain", "PayPal", "service@paypal.co.uk",
        "You've received £2,480.00 GBP from Harriet O'Connor", "Mon, 09 Mar 2026 16:12:09 +0000",
        [("plain", t, "quoted-printable")],
        exp("paypal", "received", "2480.00", "GBP", "Harriet O'Connor", "harriet@oconnor-design.example",
            "Payment for INV-00057 - many thanks", "1AB23456CD7890123", "2026-03-09"),
        relay="mx3.lhr.paypal.com", ip="173.0.84.11")

    # eCheck pending.
    t = """Hello Duebook Trading,

Northgate Builders LLC sent you an eCheck payment of $3,200.00 USD.

This payment is pending. eChecks usually take 3-5 business days to clear. We'll send you an
email when the money is available in your PayPal balance. Don't ship the item until the
eCheck has cleared.

Note from Northgate Builders LLC: INV-00061

Transaction ID: 6FD34011XY2210945
Status: Pending
Expected clearing date: March 16, 2026
"""
    msg("paypal_en_echeck_pending", "PayPal", "service@paypal.com",
        "Notification of an eCheck payment - pending", "Tue, 10 Mar 2026 08:05:40 -0700",
        [("plain", t, "7bit")],
        other("paypal", "pending", "2026-03-10"), relay="mx0.phx.paypal.com", ip="173.0.84.227")

    # You sent a payment.
    t = """Hello Duebook Trading,

You sent a payment of $89.00 USD to Lumen Supplies Inc.

It may take a few moments for this transaction to appear in your account.

Merchant: Lumen Supplies Inc. (orders@lumen-supplies.example)
Transaction ID: 0PL98765AB4432190
Transaction date: March 11, 2026

Description: Toner cartridges x2
Total: $89.00 USD

Funding source: Bank account ending in 4417
"""
    msg("paypal_en_sent", "PayPal", "service@paypal.com",
        "Receipt for your payment to Lumen Supplies Inc.", "Wed, 11 Mar 2026 13:44:00 -0700",
        [("plain", t, "7bit")], other("paypal", "sent", "2026-03-11"),
        relay="mx0.phx.paypal.com", ip="173.0.84.227")

    # German refund (you refunded a customer).
    h = html_doc("Rückzahlung", """<p>Hallo Duebook Trading,</p>
<h1>Sie haben eine Rückzahlung gesendet</h1>
<p>Sie haben eine Rückzahlung von <b>59,90&nbsp;€ EUR</b> an Petra Schmitz gesendet.</p>
""" + html_table([("Transaktionscode", "4RT55512ZZ9001137"), ("Datum", "12. März 2026"),
                  ("Betrag der Rückzahlung", "-59,90&nbsp;€ EUR"), ("Ursprüngliche Transaktion", "7QW10023HJ5567812")]), "de")
    msg("paypal_de_refund", "PayPal", "service@paypal.de",
        "Rückzahlung an Petra Schmitz", "Thu, 12 Mar 2026 11:20:31 +0100",
        [("html", h, "quoted-printable")], other("paypal", "refund", "2026-03-12"),
        relay="mx2.slc.paypal.com", ip="173.0.84.4")

    # French newsletter from PayPal.
    h = html_doc("Nouveautés", """<h1>Encaissez plus facilement avec PayPal</h1>
<p>Découvrez les liens de paiement : partagez un lien et recevez un paiement en quelques secondes.
Frais réduits pour les professionnels jusqu'au 30 avril.</p>
<p><a href="https://www.paypal.fr/fr/business">En savoir plus</a></p>
<p style="font-size:11px">Vous recevez cet e-mail car vous êtes inscrit aux actualités PayPal.
<a href="https://www.paypal.fr/unsubscribe">Se désabonner</a></p>""", "fr")
    msg("paypal_fr_newsletter", "PayPal", "paypal@mail.paypal.fr",
        "Recevez vos paiements en un clic", "Fri, 13 Mar 2026 07:00:00 +0100",
        [("html", h, "quoted-printable")], other("paypal", "newsletter", "2026-03-13"),
        list_unsub=True, relay="mta.mail.paypal.fr", ip="198.2.176.12")

    # Money request.
    t = """Hello Duebook Trading,

Marcus Lee requested $250.00 USD from you.

Note from Marcus Lee: Booth rental, spring fair

Pay now: https://www.paypal.com/myaccount/transfer/pay
Request ID: RQ-7HJ2246610

Amount requested: $250.00 USD
"""
    msg("paypal_en_request", "PayPal", "service@paypal.com",
        "Marcus Lee requested $250.00 USD", "Fri, 13 Mar 2026 18:22:10 -0700",
        [("plain", t, "7bit")], other("paypal", "request", "2026-03-13"),
        relay="mx0.phx.paypal.com", ip="173.0.84.227")


# ---------------------------------------------------------------- Stripe
def stripe():
    t = """Payment of $1,275.00 from Northwind Traders

You received a payment of $1,275.00 USD from Northwind Traders (ap@northwind.example).

Amount: $1,275.00 USD
Customer: Northwind Traders
Email: ap@northwind.example
Description: INV-00077
Payment method: Visa •••• 4242
Payment ID: pi_3PqR8sL2eZvKYlo21aBcDeFg
Date: March 3, 2026

View payment in the Dashboard: https://dashboard.stripe.com/payments/pi_3PqR8sL2eZvKYlo21aBcDeFg

You're receiving this email because you enabled successful-payment notifications for Duebook Trading.
Stripe, 354 Oyster Point Blvd, South San Francisco, CA 94080
"""
    h = html_doc("Payment received", "<h2>Payment of $1,275.00 from Northwind Traders</h2>"
                 "<p>You received a payment of <b>$1,275.00 USD</b> from Northwind Traders (ap@northwind.example).</p>"
                 + html_table([("Amount", "$1,275.00 USD"), ("Customer", "Northwind Traders"), ("Email", "ap@northwind.example"),
                               ("Description", "INV-00077"), ("Payment method", "Visa •••• 4242"),
                               ("Payment ID", "pi_3PqR8sL2eZvKYlo21aBcDeFg"), ("Date", "March 3, 2026")]))
    msg("stripe_en_payment_succeeded", "Stripe", "notifications@stripe.com",
        "Payment of $1,275.00 from Northwind Traders", "Tue, 03 Mar 2026 19:02:45 +0000",
        [("plain", t, "quoted-printable"), ("html", h, "quoted-printable")],
        exp("stripe", "received", "1275.00", "USD", "Northwind Traders", "ap@northwind.example",
            "INV-00077", "pi_3PqR8sL2eZvKYlo21aBcDeFg", "2026-03-03"), relay="o1.ptr4412.stripe.com", ip="192.254.112.60")

    # Customer receipt: we paid someone (a receipt for something bought) -> sent.
    h = html_doc("Receipt", """<h2>Receipt from Cloudlane Hosting</h2>
<p>Receipt #1843-2290</p>
""" + html_table([("Amount paid", "$49.00"), ("Date paid", "March 4, 2026"), ("Payment method", "Mastercard – 5100"),
                  ("Summary", "Business plan (Mar 4 – Apr 4, 2026)")]) + """
<p>If you have any questions, contact Cloudlane Hosting at billing@cloudlane.example.</p>
<p style="font-size:11px">Something wrong with the email? View it in your browser. You're receiving this email because you made a purchase at Cloudlane Hosting, which partners with Stripe to provide invoicing and payment processing.</p>""")
    msg("stripe_en_receipt_bought", "Cloudlane Hosting", "receipts+acct_1NvZx2@stripe.com",
        "Your receipt from Cloudlane Hosting #1843-2290", "Wed, 04 Mar 2026 02:15:09 +0000",
        [("html", h, "base64")], other("stripe", "sent", "2026-03-04"),
        relay="o2.ptr4412.stripe.com", ip="192.254.112.61")

    # Payout to own bank.
    t = """Your payout of €4,812.30 is on the way

Hi Duebook Trading,

A payout of €4,812.30 EUR is on its way to your bank account DEUTSCHE BANK •••• 3000.
It should arrive on March 6, 2026.

Payout ID: po_1PrT6uL2eZvKYlo2xYzAbCd
Amount: €4,812.30
Estimated arrival: March 6, 2026
"""
    msg("stripe_en_payout", "Stripe", "notifications@stripe.com",
        "Your payout of €4,812.30 is on the way", "Thu, 05 Mar 2026 06:00:12 +0000",
        [("plain", t, "quoted-printable")], other("stripe", "payout", "2026-03-05"),
        relay="o1.ptr4412.stripe.com", ip="192.254.112.60")

    # German: a customer's card payment failed.
    t = """Zahlung fehlgeschlagen

Eine Zahlung von 320,00 € von Kunde Becker & Söhne OHG (buchhaltung@becker-soehne.example)
ist fehlgeschlagen. Die Karte wurde abgelehnt (insufficient_funds).

Betrag: 320,00 €
Beschreibung: Rechnung 2026-120
Zahlungs-ID: pi_3PsU9vL2eZvKYlo20QwErTy
Datum: 7. März 2026
"""
    msg("stripe_de_failed", "Stripe", "notifications@stripe.com",
        "Zahlung fehlgeschlagen: 320,00 € von Becker & Söhne OHG", "Sat, 07 Mar 2026 14:31:00 +0000",
        [("plain", t, "quoted-printable")], other("stripe", "failed", "2026-03-07"),
        relay="o1.ptr4412.stripe.com", ip="192.254.112.60")


# ---------------------------------------------------------------- Square
def square():
    h = html_doc("Invoice paid", """<h1>Invoice INV-00091 was paid</h1>
<p>Dana Whitfield paid invoice <b>INV-00091</b>.</p>
""" + html_table([("Amount paid", "$640.00"), ("Customer", "Dana Whitfield"),
                  ("Customer email", "dana@whitfield-florals.example"), ("Invoice", "INV-00091"),
                  ("Paid on", "Mar 8, 2026"), ("Payment ID", "bH4kL9mQ2rT7vX1zC3nP")]) + """
<p><a href="https://squareup.com/dashboard/invoices">View invoice</a></p>
<p style="font-size:11px">Square, 1955 Broadway, Suite 600, Oakland, CA 94612</p>""")
    msg("square_en_invoice_paid_html_qp", "Square", "noreply@messaging.squareup.com",
        "Invoice INV-00091 paid by Dana Whitfield", "Sun, 08 Mar 2026 21:40:18 +0000",
        [("html", h, "quoted-printable")],
        exp("square", "received", "640.00", "USD", "Dana Whitfield", "dana@whitfield-florals.example",
            "INV-00091", "bH4kL9mQ2rT7vX1zC3nP", "2026-03-08"), relay="mail-out.messaging.squareup.com", ip="74.63.230.20")

    # French Canadian: 1 275,00 $ (CAD).
    t = """Vous avez reçu un paiement de 1 275,00 $

Bonjour Duebook Trading,

Émilie Bouchard vous a payé 1 275,00 $ par l'entremise de votre lien de paiement.

Montant : 1 275,00 $
Devise : CAD
Client : Émilie Bouchard (emilie.bouchard@videotron.example)
Note : Facture INV-00095
Identifiant du paiement : Kp7wR2dN5sQ8tY4u
Date : 9 mars 2026

Square Canada, Inc.
"""
    msg("square_frca_received", "Square", "noreply@messaging.squareup.com",
        "Vous avez reçu un paiement de 1 275,00 $", "Mon, 09 Mar 2026 15:55:00 -0500",
        [("plain", t, "base64")],
        exp("square", "received", "1275.00", "CAD", "Émilie Bouchard", "emilie.bouchard@videotron.example",
            "Facture INV-00095", "Kp7wR2dN5sQ8tY4u", "2026-03-09"), relay="mail-out.messaging.squareup.com", ip="74.63.230.20")

    # A receipt for something we bought with Square.
    h = html_doc("Receipt", """<h2>Harbor Street Café</h2>
<p>$18.75</p>
""" + html_table([("2 × Flat white", "$9.50"), ("1 × Almond croissant", "$4.25"), ("Tip", "$5.00"),
                  ("Total", "$18.75"), ("Visa 8812", "Mar 10 2026 at 8:14 AM")]) + """
<p>#RQ4b-77Zp</p><p>Powered by Square</p>""")
    msg("square_en_receipt_bought", "Harbor Street Café", "receipts@messaging.squareup.com",
        "Receipt from Harbor Street Café", "Tue, 10 Mar 2026 16:14:40 +0000",
        [("html", h, "quoted-printable")], other("square", "sent", "2026-03-10"),
        relay="mail-out.messaging.squareup.com", ip="74.63.230.20")

    # An invoice sent to us by a supplier through Square: we owe, nothing paid.
    h = html_doc("Invoice", """<h2>Hillside Print Co. sent you an invoice</h2>
<p>Invoice #000317 for <b>$1,080.00</b> is due on March 31, 2026.</p>
<p><a href="https://squareup.com/pay-invoice/abc">Pay invoice</a></p>
""" + html_table([("Invoice", "#000317"), ("Amount due", "$1,080.00"), ("Due", "Mar 31, 2026")]))
    msg("square_en_invoice_to_pay", "Hillside Print Co. via Square", "invoicing@messaging.squareup.com",
        "Invoice #000317 from Hillside Print Co.", "Wed, 11 Mar 2026 17:00:03 +0000",
        [("html", h, "quoted-printable")], other("square", "request", "2026-03-11"),
        relay="mail-out.messaging.squareup.com", ip="74.63.230.20")


