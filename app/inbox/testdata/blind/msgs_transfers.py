"""Messages of the blind set (see make_blind.py)."""
from blind_mail import msg, exp, other, spoof_exp, html_doc, html_table, mini, ar_pass, ar_fail  # noqa: F401


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


