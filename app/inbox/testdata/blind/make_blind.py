#!/usr/bin/env python3
"""Writes the blind held-out set (issue 13): NAME.eml plus NAME.eml.json.

Written by an independent author without reading the parser (app/inbox/*.go) or its
corpus (app/inbox/testdata/corpus). The layouts follow the providers' public mails as
described in their help pages and public samples; names, amounts and ids are invented.

Sidecar fields are what a careful human reads in the mail. A field set to null is not
scored (e.g. the counterparty of a payment you sent, or anything but trust in a spoof).
Run from this directory: python3 make_blind.py
"""
import base64
import hashlib
import json
import os
import quopri
from email.header import Header
from email.utils import formataddr

HERE = os.path.dirname(os.path.abspath(__file__))
TO = "Duebook Trading <accounts@duebook-trading.example>"
TO_ADDR = "accounts@duebook-trading.example"

FIELDS = ["provider", "kind", "trusted", "amount", "currency", "payer_name",
          "payer_email", "reference", "transaction_id", "date"]


def ar_pass(domain, mailfrom, ip="198.51.100.24"):
    return ("Authentication-Results: mx.google.com;\n"
            f"       dkim=pass header.i=@{domain} header.s=s1 header.b=Qm9vS2x5;\n"
            f"       spf=pass (google.com: domain of {mailfrom} designates {ip} as permitted sender) smtp.mailfrom={mailfrom};\n"
            f"       dmarc=pass (p=REJECT sp=REJECT dis=NONE) header.from={domain}")


def ar_fail(domain, mailfrom, ip="203.0.113.66"):
    return ("Authentication-Results: mx.google.com;\n"
            f"       dkim=fail header.i=@{domain} header.s=s1 header.b=ZmFrZQ;\n"
            f"       spf=softfail (google.com: domain of transitioning {mailfrom} does not designate {ip} as permitted sender) smtp.mailfrom={mailfrom};\n"
            f"       dmarc=fail (p=REJECT sp=REJECT dis=QUARANTINE) header.from={domain}")


def received(relay, ip, date):
    return (f"Received: from {relay} ({relay}. [{ip}])\n"
            f"        by mx.google.com with ESMTPS id a640c23a62f3a-9f1e2c0b7d5si2210466b.412.2026.{date[5:7]}\n"
            f"        for <{TO_ADDR}>\n"
            f"        (version=TLS1_3 cipher=TLS_AES_256_GCM_SHA384 bits=256/256);\n"
            f"        {date}")


def enc_header(text, charset):
    try:
        text.encode("ascii")
        return text
    except UnicodeEncodeError:
        return Header(text, charset if charset != "windows-1252" else "windows-1252").encode()


def enc_addr(name, addr, charset):
    try:
        name.encode("ascii")
        return formataddr((name, addr))
    except UnicodeEncodeError:
        return f"{Header(name, charset).encode()} <{addr}>"


def encode_body(text, charset, cte):
    raw = text.encode(charset)
    if cte == "base64":
        b = base64.b64encode(raw).decode()
        return "\n".join(b[i:i + 76] for i in range(0, len(b), 76)) + "\n"
    if cte == "quoted-printable":
        return quopri.encodestring(raw.replace(b"\n", b"\r\n")).decode("ascii").replace("\r\n", "\n")
    return text


def part(ctype, body, charset, cte):
    body = body.replace('content="text/html; charset=utf-8"', f'content="text/html; charset={charset}"')
    if cte == "7bit" and not body.isascii():
        cte = "quoted-printable"
    return (f"Content-Type: {ctype}; charset=\"{charset}\"\n"
            f"Content-Transfer-Encoding: {cte}\n\n" + encode_body(body, charset, cte))


def html_table(rows):
    out = ['<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="font-size:14px">']
    for k, v in rows:
        out.append(f'<tr><td style="color:#687173;padding:4px 0">{k}</td>'
                   f'<td style="text-align:right;padding:4px 0"><strong>{v}</strong></td></tr>')
    out.append("</table>")
    return "\n".join(out)


def html_doc(title, inner, lang="en"):
    return (f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta http-equiv="Content-Type" '
            f'content="text/html; charset=utf-8"><title>{title}</title>\n'
            '<style>body{font-family:Helvetica,Arial,sans-serif;color:#2c2e2f}</style></head>\n'
            '<body style="margin:0;padding:0;background:#f5f7fa">\n'
            '<div style="display:none;max-height:0;overflow:hidden">&nbsp;</div>\n'
            '<table width="600" align="center" cellpadding="0" cellspacing="0"><tr><td style="padding:24px">\n'
            f"{inner}\n</td></tr></table>\n</body></html>\n")


MESSAGES = []


def msg(name, from_name, from_addr, subject, date, body, expect, *, charset="utf-8",
        relay=None, ip="198.51.100.24", auth=None, extra=(), msgid_domain=None,
        from_header=None, list_unsub=False, lang=None):
    """body: list of ("plain"|"html", text, cte); one item => single part, two => alternative."""
    domain = from_addr.split("@", 1)[1]
    MESSAGES.append(dict(name=name, from_name=from_name, from_addr=from_addr, subject=subject,
                         date=date, body=body, expect=expect, charset=charset,
                         relay=relay or ("mail-out." + domain), ip=ip,
                         auth=auth if auth is not None else [ar_pass(domain, "bounce@" + domain, ip)],
                         extra=list(extra), msgid_domain=msgid_domain or domain,
                         from_header=from_header, list_unsub=list_unsub, lang=lang))


def exp(provider, kind, amount, currency, payer_name, payer_email, reference, txid, date,
        trusted=True):
    return dict(provider=provider, kind=kind, trusted=trusted, amount=amount, currency=currency,
                payer_name=payer_name, payer_email=payer_email, reference=reference,
                transaction_id=txid, date=date)


def other(provider, kind, date, trusted=True, **kw):
    """A message that is not money received: counterpart fields are not scored."""
    e = dict(provider=provider, kind=kind, trusted=trusted, amount=None, currency=None,
             payer_name=None, payer_email=None, reference=None, transaction_id=None, date=date)
    e.update(kw)
    return e


def spoof_exp():
    e = {f: None for f in FIELDS}
    e["trusted"] = False
    e["spoof"] = True
    return e


def render(m, seq):
    cs = m["charset"]
    lines = []
    lines.append("Delivered-To: " + TO_ADDR)
    lines.append(f"Received: by 2002:a05:7300:5b12:b0:10a:2f1:4c3 with SMTP id k18csp{seq:04d}dyb;\n        {m['date']}")
    google = [a for a in m["auth"] if a.startswith("Authentication-Results: mx.google.com;")]
    if google:
        # Gmail's ARC copy of its own verdict (RFC 8617), as in real mail.
        lines.append(google[0].replace("Authentication-Results: mx.google.com;",
                                       "ARC-Authentication-Results: i=1; mx.google.com;", 1))
    lines.append(f"Return-Path: <bounce@{m['from_addr'].split('@', 1)[1]}>")
    lines.append(received(m["relay"], m["ip"], m["date"]))
    lines.extend(m["auth"])
    if m["from_header"] is not None:
        lines.extend(m["from_header"])
    else:
        lines.append("From: " + enc_addr(m["from_name"], m["from_addr"], cs))
    lines.append("To: " + TO)
    lines.append("Subject: " + enc_header(m["subject"], cs))
    lines.append("Date: " + m["date"])
    h = hashlib.sha1(m["name"].encode()).hexdigest()
    lines.append(f"Message-ID: <{h[:8]}.{h[8:20]}.{h[20:24]}@{m['msgid_domain']}>")
    for h in m["extra"]:
        lines.append(h)
    if m["list_unsub"]:
        d = m["from_addr"].split("@", 1)[1]
        lines.append(f"List-Unsubscribe: <https://{d}/unsubscribe?u=7f3a9c>, <mailto:unsubscribe@{d}?subject=unsubscribe>")
        lines.append("List-Unsubscribe-Post: List-Unsubscribe=One-Click")
        lines.append("Precedence: bulk")
    lines.append("MIME-Version: 1.0")
    parts = m["body"]
    if len(parts) == 1:
        kind, text, cte = parts[0]
        lines.append(part("text/" + kind, text, cs, cte))
        return "\n".join(lines)
    boundary = f"----=_Part_{seq}_1783302.1772460000"
    lines.append(f'Content-Type: multipart/alternative; boundary="{boundary}"\n')
    for kind, text, cte in parts:
        lines.append("--" + boundary)
        lines.append(part("text/" + kind, text, cs, cte))
    lines.append("--" + boundary + "--\n")
    return "\n".join(lines)


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


# ---------------------------------------------------------------- Wise
def wise():
    t = """You've received 2,500.00 EUR from Lukas Brandt

Hi Duebook Trading,

Lukas Brandt sent you 2,500.00 EUR. The money's now in your EUR balance.

From: Lukas Brandt
Amount: 2,500.00 EUR
Reference: INV-00103
Transfer #: 1048837265
Date: 2 March 2026

Thanks,
The Wise Team
"""
    h = html_doc("You've received money", "<h1>You've received 2,500.00 EUR from Lukas Brandt</h1>"
                 "<p>Lukas Brandt sent you 2,500.00 EUR. The money's now in your EUR balance.</p>"
                 + html_table([("From", "Lukas Brandt"), ("Amount", "2,500.00 EUR"), ("Reference", "INV-00103"),
                               ("Transfer #", "1048837265"), ("Date", "2 March 2026")]))
    msg("wise_en_received", "Wise", "noreply@wise.com",
        "You've received 2,500.00 EUR from Lukas Brandt", "Mon, 02 Mar 2026 09:12:44 +0000",
        [("plain", t, "quoted-printable"), ("html", h, "quoted-printable")],
        exp("wise", "received", "2500.00", "EUR", "Lukas Brandt", "", "INV-00103", "1048837265", "2026-03-02"),
        relay="mail.wise.com", ip="168.245.12.3")

    # German, ISO-8859-1, QP.
    t = """Ihr Geld ist da

Hallo Duebook Trading,

Sie haben 1.386,50 EUR von Anna Müller erhalten. Das Geld ist jetzt auf Ihrem EUR-Guthaben.

Von: Anna Müller
Betrag: 1.386,50 EUR
Verwendungszweck: Rechnung 2026-131
Überweisungsnummer: 1049912004
Datum: 3. März 2026

Ihr Wise-Team
"""
    msg("wise_de_received_latin1", "Wise", "noreply@wise.com",
        "Sie haben 1.386,50 EUR von Anna Müller erhalten", "Tue, 03 Mar 2026 11:45:02 +0100",
        [("plain", t, "quoted-printable")],
        exp("wise", "received", "1386.50", "EUR", "Anna Müller", "", "Rechnung 2026-131", "1049912004", "2026-03-03"),
        charset="iso-8859-1", relay="mail.wise.com", ip="168.245.12.3")

    # French, HTML only, UTF-8 base64.
    h = html_doc("Votre argent est arrivé", """<h1>Votre argent est arrivé</h1>
<p>Bonjour Duebook Trading,</p>
<p>Vous avez reçu <b>3 150,00 EUR</b> de Camille Durand.</p>
""" + html_table([("De", "Camille Durand"), ("Montant", "3 150,00 EUR"), ("Référence", "facture F-2026-07"),
                  ("N° de transfert", "1050023318"), ("Date", "4 mars 2026")]) + "<p>L'équipe Wise</p>", "fr")
    msg("wise_fr_received_html_b64", "Wise", "noreply@wise.com",
        "Vous avez reçu 3 150,00 EUR de Camille Durand", "Wed, 04 Mar 2026 14:03:27 +0100",
        [("html", h, "base64")],
        exp("wise", "received", "3150.00", "EUR", "Camille Durand", "", "facture F-2026-07", "1050023318", "2026-03-04"),
        relay="mail.wise.com", ip="168.245.12.3")

    # Spanish, windows-1252, QP.
    t = """¡Tu dinero ha llegado!

Hola, Duebook Trading:

Has recibido 720,50 EUR de Lucía Fernández. El dinero ya está en tu saldo en EUR.

De: Lucía Fernández
Importe: 720,50 EUR
Referencia: Factura 2026-044
N.º de transferencia: 1050198841
Fecha: 5 de marzo de 2026

El equipo de Wise
"""
    msg("wise_es_received_cp1252", "Wise", "noreply@wise.com",
        "Has recibido 720,50 EUR de Lucía Fernández", "Thu, 05 Mar 2026 17:29:51 +0100",
        [("plain", t, "quoted-printable")],
        exp("wise", "received", "720.50", "EUR", "Lucía Fernández", "", "Factura 2026-044", "1050198841", "2026-03-05"),
        charset="windows-1252", relay="mail.wise.com", ip="168.245.12.3")

    # Yen, no decimals.
    t = """You've received ¥12,000 from Haruki Sato

Hi Duebook Trading,

Haruki Sato sent you ¥12,000 JPY. It's now in your JPY balance.

From: Haruki Sato
Amount: 12,000 JPY
Reference: INV-00108
Transfer #: 1050377720
Date: 6 March 2026
"""
    msg("wise_en_received_jpy", "Wise", "noreply@wise.com",
        "You've received ¥12,000 from Haruki Sato", "Fri, 06 Mar 2026 03:10:00 +0000",
        [("plain", t, "base64")],
        exp("wise", "received", "12000", "JPY", "Haruki Sato", "", "INV-00108", "1050377720", "2026-03-06"),
        relay="mail.wise.com", ip="168.245.12.3")


# ---------------------------------------------------------------- Interac
def interac():
    t = """Hi Duebook Trading,

Megan Tremblay has sent you $1,275.00 (CAD) and the money has been automatically deposited
into your bank account at Royal Bank of Canada.

Message: INV-00112

Reference Number: CA1MRkTzq8Wc
Sent From: Megan Tremblay
Sender's Email: megan.tremblay@rogers.example
Amount: $1,275.00 (CAD)
Date: March 3, 2026

This is a secure transaction from Interac e-Transfer. Do not reply to this email.
® Trademark of Interac Corp. Used under licence.
"""
    msg("interac_en_autodeposit", "Interac e-Transfer", "notify@payments.interac.ca",
        "INTERAC e-Transfer: Megan Tremblay sent you money.", "Tue, 03 Mar 2026 13:22:07 -0500",
        [("plain", t, "7bit")],
        exp("interac", "received", "1275.00", "CAD", "Megan Tremblay", "megan.tremblay@rogers.example",
            "INV-00112", "CA1MRkTzq8Wc", "2026-03-03"), relay="mta01.payments.interac.ca", ip="204.101.39.16",
        extra=["Reply-To: megan.tremblay@rogers.example"])

    # French, ISO-8859-1, QP, multipart.
    t = """Bonjour Duebook Trading,

Sophie Gagnon vous a envoyé 1 980,00 $ (CAD) et les fonds ont été déposés automatiquement
dans votre compte à Banque Nationale.

Message : facture F-2026-03

Numéro de référence : CA2PsXv7Lm4Q
Expéditeur : Sophie Gagnon
Courriel de l'expéditeur : sophie.gagnon@videotron.example
Montant : 1 980,00 $ (CAD)
Date : 4 mars 2026

Ceci est une transaction sécurisée de Virement Interac. Ne répondez pas à ce courriel.
"""
    h = html_doc("Virement Interac", """<p>Bonjour Duebook Trading,</p>
<p>Sophie Gagnon vous a envoyé <b>1&nbsp;980,00&nbsp;$ (CAD)</b> et les fonds ont été déposés automatiquement dans votre compte à Banque Nationale.</p>
<p>Message&nbsp;: facture F-2026-03</p>
""" + html_table([("Numéro de référence", "CA2PsXv7Lm4Q"), ("Expéditeur", "Sophie Gagnon"),
                  ("Courriel de l'expéditeur", "sophie.gagnon@videotron.example"),
                  ("Montant", "1&nbsp;980,00&nbsp;$ (CAD)"), ("Date", "4 mars 2026")]), "fr")
    msg("interac_fr_autodeposit_latin1", "Virement Interac", "notify@payments.interac.ca",
        "Virement INTERAC : Sophie Gagnon vous a envoyé des fonds.", "Wed, 04 Mar 2026 10:08:19 -0500",
        [("plain", t, "quoted-printable"), ("html", h, "quoted-printable")],
        exp("interac", "received", "1980.00", "CAD", "Sophie Gagnon", "sophie.gagnon@videotron.example",
            "facture F-2026-03", "CA2PsXv7Lm4Q", "2026-03-04"), charset="iso-8859-1",
        relay="mta01.payments.interac.ca", ip="204.101.39.16")

    # Not autodeposited: the money waits to be deposited -> pending.
    t = """Hi Duebook Trading,

Liam O'Brien has sent you $560.00 (CAD).

To deposit your money, click here:
https://etransfer.interac.ca/RsmQ3n7Fk

Message: INV-00115

Reference Number: CA3TuW2e9RhZ
This transfer expires on April 4, 2026.
"""
    msg("interac_en_deposit_link_pending", "Interac e-Transfer", "notify@payments.interac.ca",
        "INTERAC e-Transfer: Liam O'Brien sent you money.", "Thu, 05 Mar 2026 19:45:33 -0500",
        [("plain", t, "7bit")], other("interac", "pending", "2026-03-05"),
        relay="mta01.payments.interac.ca", ip="204.101.39.16")

    t = """Hi Duebook Trading,

Chloe Martin has sent you a money request for $145.00 (CAD).

Invoice number: 2231
Message: Shared booth costs

To fulfil this request, click here:
https://etransfer.interac.ca/RqZz82pK
Reference Number: CA4RqZz82pKx
"""
    msg("interac_en_request", "Interac e-Transfer", "notify@payments.interac.ca",
        "INTERAC e-Transfer: Chloe Martin has sent you a money request.", "Fri, 06 Mar 2026 09:01:12 -0500",
        [("plain", t, "7bit")], other("interac", "request", "2026-03-06"),
        relay="mta01.payments.interac.ca", ip="204.101.39.16")


# ---------------------------------------------------------------- Zelle (bank-branded)
def zelle():
    h = html_doc("You received money with Zelle", """<h1>You received money with Zelle®</h1>
<p>Evan Brooks sent you money.</p>
""" + html_table([("Amount", "$1,234.56"), ("Sent on", "Mar 02, 2026"), ("From", "Evan Brooks"),
                  ("Memo", "INV-00120"), ("Transaction number", "22817461903")]) + """
<p>The money is ready for you to use in your account ending in (...6604).</p>
<p style="font-size:11px">Securely access your accounts with chase.com or the Chase Mobile® app.
JPMorgan Chase Bank, N.A. Member FDIC</p>""")
    msg("zelle_chase_received_html_b64", "Chase", "no.reply.alerts@chase.com",
        "You received money with Zelle®", "Mon, 02 Mar 2026 20:11:45 +0000",
        [("html", h, "base64")],
        exp("zelle", "received", "1234.56", "USD", "Evan Brooks", "", "INV-00120", "22817461903", "2026-03-02"),
        relay="alerts.chase.com", ip="159.53.110.145")

    t = """Bank of America

Zelle® payment received

Grace Kim sent you $725.00.

Amount: $725.00
From: Grace Kim (grace.kim@kimstudio.example)
Memo: INV-00124 March retainer
Confirmation number: BACm1Q8bZ7Zs
Date: March 4, 2026

The money is available in your Business Adv Checking - 2231.
Bank of America, N.A. Member FDIC. Equal Housing Lender
"""
    msg("zelle_bofa_received", "Bank of America", "customerservice@ealerts.bankofamerica.com",
        "Grace Kim sent you $725.00", "Wed, 04 Mar 2026 17:33:00 +0000",
        [("plain", t, "quoted-printable")],
        exp("zelle", "received", "725.00", "USD", "Grace Kim", "grace.kim@kimstudio.example",
            "INV-00124 March retainer", "BACm1Q8bZ7Zs", "2026-03-04"), relay="mta2.ealerts.bankofamerica.com", ip="171.161.160.20")

    t = """You received money with Zelle®

Wells Fargo Online®

Carlos Mendoza sent you $2,048.00 with Zelle®.

Amount: $2,048.00
Sender: Carlos Mendoza
Memo: Invoice INV-00126
Confirmation: WFCT0K8R2M9Q
Date: 03/16/2026

Deposited to: WELLS FARGO BUSINESS CHECKING XXXXXX7750
"""
    h = html_doc("Zelle", "<h2>You received money with Zelle®</h2><p>Carlos Mendoza sent you <b>$2,048.00</b> with Zelle®.</p>"
                 + html_table([("Amount", "$2,048.00"), ("Sender", "Carlos Mendoza"), ("Memo", "Invoice INV-00126"),
                               ("Confirmation", "WFCT0K8R2M9Q"), ("Date", "03/16/2026"),
                               ("Deposited to", "WELLS FARGO BUSINESS CHECKING XXXXXX7750")]))
    msg("zelle_wellsfargo_received", "Wells Fargo Online", "alerts@notify.wellsfargo.com",
        "You received money with Zelle®", "Mon, 16 Mar 2026 15:02:18 +0000",
        [("plain", t, "quoted-printable"), ("html", h, "quoted-printable")],
        exp("zelle", "received", "2048.00", "USD", "Carlos Mendoza", "", "Invoice INV-00126", "WFCT0K8R2M9Q", "2026-03-16"),
        relay="mta.notify.wellsfargo.com", ip="159.45.170.145")

    t = """You sent money with Zelle®

You sent $300.00 to Priya Shah.

Amount: $300.00
To: Priya Shah
Memo: Photography deposit
Transaction number: 22819004417
Sent on: Mar 17, 2026
"""
    msg("zelle_chase_sent", "Chase", "no.reply.alerts@chase.com",
        "You sent $300.00 to Priya Shah", "Tue, 17 Mar 2026 14:20:00 +0000",
        [("plain", t, "7bit")], other("zelle", "sent", "2026-03-17"),
        relay="alerts.chase.com", ip="159.53.110.145")


# ---------------------------------------------------------------- Venmo
def venmo():
    h = html_doc("Venmo", """<h2>Olivia Chen paid you $48.00</h2>
<p>Olivia Chen paid you<br><span style="font-size:28px">$48.00</span></p>
<p>INV-00133 logo sketch</p>
""" + html_table([("Transaction ID", "4219908847611230012"), ("Date", "Mar 05, 2026"),
                  ("Sent to", "@duebook-trading")]) + """
<p>Money credited to your Venmo account.</p>
<p style="font-size:11px">Venmo is a service of PayPal, Inc., a licensed provider of money transfer services.</p>""")
    msg("venmo_received", "Venmo", "venmo@venmo.com",
        "Olivia Chen paid you $48.00", "Thu, 05 Mar 2026 23:40:05 +0000",
        [("html", h, "quoted-printable")],
        exp("venmo", "received", "48.00", "USD", "Olivia Chen", "", "INV-00133 logo sketch",
            "4219908847611230012", "2026-03-05"), relay="mx1.venmo.com", ip="173.0.84.40")

    t = """Noah Patel requests $30.00

Noah Patel requests $30.00 from you.
Note: Pizza Friday

Pay: https://venmo.com/pay
Payment ID: 4219921100017651198
"""
    msg("venmo_request", "Venmo", "venmo@venmo.com",
        "Noah Patel requests $30.00", "Fri, 06 Mar 2026 19:00:40 +0000",
        [("plain", t, "7bit")], other("venmo", "request", "2026-03-06"),
        relay="mx1.venmo.com", ip="173.0.84.40")

    h = html_doc("Venmo", """<h1>Get paid faster with Venmo for Business</h1>
<p>Accept payments from over 90 million people. Add a QR code to your counter and get paid in seconds.</p>
<p><a href="https://venmo.com/business">Learn more</a></p>
<p style="font-size:11px">You're receiving this because you signed up for Venmo updates.</p>""")
    msg("venmo_newsletter", "Venmo", "venmo@email.venmo.com",
        "Your customers are already on Venmo", "Sat, 07 Mar 2026 16:00:00 +0000",
        [("html", h, "quoted-printable")], other("venmo", "newsletter", "2026-03-07"),
        list_unsub=True, relay="mta.email.venmo.com", ip="13.111.4.22")


# ---------------------------------------------------------------- Banks
def banks():
    t = """Barclays

You've received a payment

Hi Duebook Trading Ltd,

A Faster Payment of £1,150.00 has been paid into your account ending 4491.

From: MR T HUGHES
Reference: INV-00141
Amount: £1,150.00
Date: 10 March 2026

To see more details, log in to the Barclays app.
Barclays Bank UK PLC. Authorised by the Prudential Regulation Authority.
"""
    msg("bank_barclays_uk_faster_payment", "Barclays", "no-reply@email.barclays.co.uk",
        "You've received a payment", "Tue, 10 Mar 2026 12:06:44 +0000",
        [("plain", t, "quoted-printable")],
        exp("bank", "received", "1150.00", "GBP", "MR T HUGHES", "", "INV-00141", "", "2026-03-10"),
        relay="mta.email.barclays.co.uk", ip="195.171.12.8")

    h = html_doc("Money in", """<h2>Money has arrived in your account</h2>
<p>Dear Duebook Trading Ltd,</p>
<p>We have received a payment into your Business Current Account ending 7782.</p>
""" + html_table([("Payer", "ALDERTON JOINERY LTD"), ("Amount", "£3,905.20"), ("Payment reference", "INV00144"),
                  ("Payment type", "Faster Payment"), ("Date received", "11 Mar 2026")]) + """
<p>HSBC UK Bank plc. Registered in England and Wales.</p>""")
    msg("bank_hsbc_uk_money_in", "HSBC UK", "noreply@notifications.hsbc.co.uk",
        "A payment has been received into your account", "Wed, 11 Mar 2026 09:15:00 +0000",
        [("html", h, "base64")],
        exp("bank", "received", "3905.20", "GBP", "ALDERTON JOINERY LTD", "", "INV00144", "", "2026-03-11"),
        relay="mta.notifications.hsbc.co.uk", ip="91.214.6.50")

    t = """Chase

Your ACH credit has posted

Your account ending in 6604 received an ACH credit.

Amount: $3,480.00
From: GLOBEX CORP
Description: GLOBEX CORP PAYABLES PPD ID: 9100034567
Payment details: INV-00150
Posted: Mar 12, 2026

Securely access your accounts with chase.com.
"""
    msg("bank_chase_ach_credit", "Chase", "no.reply.alerts@chase.com",
        "Your ACH credit of $3,480.00 has posted", "Thu, 12 Mar 2026 13:00:00 +0000",
        [("plain", t, "7bit")],
        exp("bank", "received", "3480.00", "USD", "GLOBEX CORP", "", "INV-00150", "", "2026-03-12"),
        relay="alerts.chase.com", ip="159.53.110.145")

    t = """Sparkasse KölnBonn

Kontowecker: Gutschrift eingegangen

Guten Tag Duebook Trading GmbH,

auf Ihrem Konto DE12 3705 0198 0001 2345 67 ist eine Gutschrift eingegangen.

Buchungstag: 12.03.2026
Auftraggeber: Müller Haustechnik GmbH
Verwendungszweck: Rechnung 2026-142
Betrag: 1.386,50 EUR

Ihre Sparkasse KölnBonn
Diese E-Mail wurde automatisch erstellt.
"""
    msg("bank_sparkasse_gutschrift_latin1", "Sparkasse KölnBonn", "kontowecker@sparkasse-koelnbonn.de",
        "Gutschrift auf Ihrem Konto", "Fri, 13 Mar 2026 06:30:00 +0100",
        [("plain", t, "quoted-printable")],
        exp("bank", "received", "1386.50", "EUR", "Müller Haustechnik GmbH", "", "Rechnung 2026-142", "", "2026-03-12"),
        charset="iso-8859-1", relay="mail.sparkasse-koelnbonn.de", ip="193.108.184.20")

    t = """Deutsche Bank

Zahlungseingang

Sehr geehrte Damen und Herren,

wir haben für Sie folgenden Zahlungseingang gebucht:

Betrag: 2.040,00 EUR
Zahlungspflichtiger: Schreinerei Vogt e.K.
IBAN des Zahlungspflichtigen: DE89 3704 0044 0532 0130 00
Verwendungszweck: Rechnung 2026-145 Kd-Nr 3302
Buchungsdatum: 13.03.2026

Mit freundlichen Grüßen
Ihre Deutsche Bank
"""
    msg("bank_deutschebank_zahlungseingang_cp1252", "Deutsche Bank", "noreply@db.com",
        "Zahlungseingang auf Ihrem Geschäftskonto", "Fri, 13 Mar 2026 18:02:00 +0100",
        [("plain", t, "base64")],
        exp("bank", "received", "2040.00", "EUR", "Schreinerei Vogt e.K.", "", "Rechnung 2026-145 Kd-Nr 3302", "", "2026-03-13"),
        charset="windows-1252", relay="mail.db.com", ip="160.83.8.100")

    h = html_doc("Transferencia recibida", """<h2>Has recibido una transferencia</h2>
<p>Hola, DUEBOOK TRADING SL:</p>
<p>Te informamos de que has recibido una transferencia en tu cuenta ·7731.</p>
""" + html_table([("Ordenante", "Construcciones Pérez SL"), ("Importe", "2.340,00 €"), ("Concepto", "Factura 2026-061"),
                  ("Fecha valor", "13/03/2026"), ("Referencia", "0182-TR-5540192")]) + """
<p>BBVA. Este mensaje ha sido enviado automáticamente; no respondas.</p>""", "es")
    msg("bank_bbva_transferencia_cp1252", "BBVA", "avisos@bbva.es",
        "Has recibido una transferencia", "Fri, 13 Mar 2026 10:44:10 +0100",
        [("html", h, "quoted-printable")],
        exp("bank", "received", "2340.00", "EUR", "Construcciones Pérez SL", "", "Factura 2026-061", "0182-TR-5540192", "2026-03-13"),
        charset="windows-1252", relay="mail.bbva.es", ip="195.235.92.10")

    t = """Santander

Transferencia recibida

Has recibido una transferencia de 860,25 € en tu cuenta terminada en 0917.

Emisor: MARIA JOSE RUIZ GARCIA
Concepto: Fra. 2026-066
Fecha: 16 de marzo de 2026
Importe: 860,25 €
"""
    msg("bank_santander_transferencia", "Santander", "notificaciones@gruposantander.es",
        "Transferencia recibida: 860,25 €", "Mon, 16 Mar 2026 08:20:00 +0100",
        [("plain", t, "quoted-printable")],
        exp("bank", "received", "860.25", "EUR", "MARIA JOSE RUIZ GARCIA", "", "Fra. 2026-066", "", "2026-03-16"),
        relay="mail.gruposantander.es", ip="193.127.208.20")

    h = html_doc("Virement reçu", """<h2>Vous avez reçu un virement</h2>
<p>Madame, Monsieur,</p>
<p>Un virement de <b>1 980,00 EUR</b> a été crédité sur votre compte n° ****4417.</p>
""" + html_table([("Émetteur", "SARL Dubois et Fils"), ("Montant", "1 980,00 EUR"), ("Motif", "facture F-2026-11"),
                  ("Date d'opération", "17/03/2026")]) + """
<p>BNP Paribas - La banque d'un monde qui change</p>""", "fr")
    msg("bank_bnp_virement_recu_latin1_html", "BNP Paribas", "noreply@mabanque.bnpparibas",
        "Virement reçu sur votre compte", "Tue, 17 Mar 2026 07:55:00 +0100",
        [("html", h, "quoted-printable")],
        exp("bank", "received", "1980.00", "EUR", "SARL Dubois et Fils", "", "facture F-2026-11", "", "2026-03-17"),
        charset="iso-8859-1", relay="mail.mabanque.bnpparibas", ip="159.50.101.10")

    t = """NBK Credit Alert

Dear Customer,

Your account 20XXXXX118 has been credited with KWD 1,250.500 on 17/03/2026.

Transaction type: Incoming transfer
Remitter: AL-SAYER TRADING CO
Details: INV-00155
Reference: FT26076MK9Q1

National Bank of Kuwait. Do not reply to this email.
"""
    msg("bank_nbk_kwd_credit", "NBK", "alerts@nbk.com",
        "Credit Alert - KWD 1,250.500", "Tue, 17 Mar 2026 11:30:00 +0300",
        [("plain", t, "7bit")],
        exp("bank", "received", "1250.500", "KWD", "AL-SAYER TRADING CO", "", "INV-00155", "FT26076MK9Q1", "2026-03-17"),
        relay="mail.nbk.com", ip="62.150.18.40")

    t = """UBS e-banking: Zahlungseingang

Guten Tag

Auf Ihrem Konto CH93 0027 3273 1234 5678 9 ist eine Zahlung eingegangen.

Betrag: CHF 1'234.50
Auftraggeber: Keller Elektro AG, Winterthur
Mitteilung: Rechnung 2026-150
Valuta: 18.03.2026

Freundliche Grüsse
UBS Switzerland AG
"""
    msg("bank_ubs_chf_zahlungseingang", "UBS", "noreply@ubs.com",
        "Zahlungseingang CHF 1'234.50", "Wed, 18 Mar 2026 09:10:00 +0100",
        [("plain", t, "quoted-printable")],
        exp("bank", "received", "1234.50", "CHF", "Keller Elektro AG, Winterthur", "", "Rechnung 2026-150", "", "2026-03-18"),
        relay="mail.ubs.com", ip="160.59.150.10")

    t = """Du hast Geld erhalten

Hi Duebook,

Paul Becker hat dir € 12,00 EUR gesendet.

Betrag: € 12,00 EUR
Von: Paul Becker
Verwendungszweck: Rechnung 2026-151
Datum: 18.03.2026

Dein N26 Team
"""
    msg("bank_n26_geld_erhalten", "N26", "no-reply@n26.com",
        "Du hast € 12,00 erhalten", "Wed, 18 Mar 2026 20:45:00 +0100",
        [("plain", t, "base64")],
        exp("bank", "received", "12.00", "EUR", "Paul Becker", "", "Rechnung 2026-151", "", "2026-03-18"),
        relay="mail.n26.com", ip="35.158.10.20")

    # Bank-side failed: a returned direct debit, and a customer's own mail.
    t = """Barclays

A payment into your account has been returned

The Faster Payment of £420.00 from GREENWAY CAFE LTD (reference INV-00158) could not be
credited and has been returned to the sender's bank.

Date: 19 March 2026
"""
    msg("bank_barclays_returned", "Barclays", "no-reply@email.barclays.co.uk",
        "A payment has been returned", "Thu, 19 Mar 2026 10:00:00 +0000",
        [("plain", t, "7bit")], other("bank", "failed", "2026-03-19"),
        relay="mta.email.barclays.co.uk", ip="195.171.12.8")


def mini(h):
    """Providers send HTML as one long line; quoted-printable then breaks it anywhere."""
    return "".join(line.strip() for line in h.splitlines()) + "\n"


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


LANG = {"de": "de", "fr": "fr", "frca": "fr", "es": "es", "sparkasse": "de", "deutschebank": "de",
        "ubs": "de", "n26": "de", "bbva": "es", "santander": "es", "bnp": "fr"}


def lang_of(name):
    for tok in name.split("_"):
        if tok in LANG:
            return LANG[tok]
    return "en"


def main():
    paypal()
    stripe()
    square()
    wise()
    interac()
    zelle()
    venmo()
    banks()
    batch2()
    plain_customer()
    spoofs()
    for f in os.listdir(HERE):
        if f.endswith(".eml") or f.endswith(".eml.json"):
            os.remove(os.path.join(HERE, f))
    names = set()
    for i, m in enumerate(MESSAGES, 1):
        assert m["name"] not in names, m["name"]
        names.add(m["name"])
        eml = render(m, i)
        with open(os.path.join(HERE, m["name"] + ".eml"), "w", encoding="ascii", newline="\n") as fh:
            fh.write(eml if eml.endswith("\n") else eml + "\n")
        e = dict(m["expect"])
        e.setdefault("spoof", False)
        e["lang"] = m["lang"] or lang_of(m["name"])
        with open(os.path.join(HERE, m["name"] + ".eml.json"), "w", encoding="utf-8") as fh:
            json.dump(e, fh, ensure_ascii=False, indent=1, sort_keys=True)
            fh.write("\n")
    print(len(MESSAGES), "messages")


if __name__ == "__main__":
    main()
