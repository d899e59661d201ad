# Set E: more regions and languages (Austria, Switzerland, Mexico, Belgium, Australia,
# Portugal, the Netherlands), written without changing the reader first.
from mkmail import table, ar_pass, ar_fail

W = dict

MSGS = [
dict(path="paypal/de_at_received.eml", frm='PayPal <service@paypal.at>', charset="iso-8859-1", cte="quoted-printable",
     subject="Sie haben Geld erhalten", date="Wed, 06 May 2026 10:00:00 +0200",
     text="""Hallo Brightside Studio,

Sie haben 540,00 EUR von Florian Huber erhalten.

Transaktionscode: 3AT90807UU654321V
Transaktionsdatum: 6. Mai 2026
Mitteilung: Honorar INV-00190
""",
     want=W(provider="paypal", kind="received", amount="540.00", currency="EUR", payer_name="Florian Huber",
            reference="Honorar INV-00190", transaction_id="3AT90807UU654321V", date="2026-05-06")),

dict(path="paypal/fr_ch_received_html.eml", frm='PayPal <service@paypal.ch>', cte="quoted-printable",
     subject="Vous avez reçu un paiement de CHF 1'250.00", date="Thu, 07 May 2026 10:00:00 +0200",
     html=table([("Numéro de transaction", "4CH12312WW343434X"), ("Date de la transaction", "7 mai 2026"), ("Montant reçu", "CHF 1'250.00")],
                title="Vous avez reçu de l'argent", intro=["Bonjour Brightside Studio,", "Vous avez reçu un paiement de CHF 1'250.00 de la part de Nicolas Favre (n.favre@favre-sa.example)."],
                lang="fr-CH"),
     want=W(provider="paypal", kind="received", amount="1250.00", currency="CHF", payer_name="Nicolas Favre",
            payer_email="n.favre@favre-sa.example", transaction_id="4CH12312WW343434X", date="2026-05-07")),

dict(path="paypal/es_mx_received.eml", frm='PayPal <service@paypal.com.mx>',
     subject="Recibiste un pago", date="Fri, 08 May 2026 10:00:00 -0600",
     text="""Hola, Brightside Studio:

Recibiste un pago de $3,500.00 MXN de Alejandro Ruiz (alejandro@ruiz-arquitectos.example).

Mensaje de Alejandro Ruiz:
Anticipo factura INV-00191

Id. de transacción: 5MX44556YY778899Z
Fecha de la transacción: 8 de mayo de 2026
""",
     want=W(provider="paypal", kind="received", amount="3500.00", currency="MXN", payer_name="Alejandro Ruiz",
            payer_email="alejandro@ruiz-arquitectos.example", reference="Anticipo factura INV-00191",
            transaction_id="5MX44556YY778899Z", date="2026-05-08")),

dict(path="paypal/nl_received.eml", frm='PayPal <service@paypal.nl>',
     subject="Je hebt een betaling ontvangen", date="Sat, 09 May 2026 10:00:00 +0200",
     text="""Hallo Brightside Studio,

Je hebt een betaling van € 275,00 EUR ontvangen van Sanne de Vries (sanne@devries-bloemen.example).

Transactie-ID: 6NL99001AB223344C
Transactiedatum: 9 mei 2026
Bericht: Factuur INV-00192
""",
     want=W(provider="paypal", kind="received", amount="275.00", currency="EUR", payer_name="Sanne de Vries",
            payer_email="sanne@devries-bloemen.example", reference="Factuur INV-00192",
            transaction_id="6NL99001AB223344C", date="2026-05-09")),

dict(path="paypal/pt_received.eml", frm='PayPal <service@paypal.pt>',
     subject="Recebeu um pagamento", date="Sun, 10 May 2026 10:00:00 +0100",
     text="""Olá, Brightside Studio,

Você recebeu um pagamento de 160,00 € EUR de João Silva (joao.silva@silva-lda.example).

ID da transação: 7PT11223CD445566E
Data da transação: 10 de maio de 2026
Mensagem: Fatura INV-00193
""",
     want=W(provider="paypal", kind="received", amount="160.00", currency="EUR", payer_name="João Silva",
            payer_email="joao.silva@silva-lda.example", reference="Fatura INV-00193",
            transaction_id="7PT11223CD445566E", date="2026-05-10")),

dict(path="bank/be_kbc_overschrijving.eml", frm='KBC <noreply@kbc.be>',
     subject="Overschrijving ontvangen", date="Mon, 11 May 2026 10:00:00 +0200",
     text="""Beste klant,

Op uw rekening BE68 5390 0754 7034 werd een bedrag bijgeschreven.

Bedrag: 1.386,50 EUR
Van: Bouwbedrijf Peeters NV
Mededeling: +++090/9337/55493+++ INV-00194
Datum: 11/05/2026
""",
     want=W(provider="bank", kind="received", amount="1386.50", currency="EUR", payer_name="Bouwbedrijf Peeters NV",
            reference="+++090/9337/55493+++ INV-00194", date="2026-05-11")),

dict(path="bank/au_commbank_received.eml", frm='CommBank <notifications@commbank.com.au>',
     subject="You've received a payment", date="Tue, 12 May 2026 10:00:00 +1000",
     text="""Hi Brightside Studio,

You've received $1,320.00 into your account ending 4402.

From: HARBOURSIDE DENTAL PTY LTD
Description: INV-00195
Date: 12/05/2026
""",
     want=W(provider="bank", kind="received", amount="1320.00", currency="AUD", payer_name="HARBOURSIDE DENTAL PTY LTD",
            reference="INV-00195", date="2026-05-12")),

dict(path="stripe/en_gb_payment.eml", frm='Stripe <notifications@stripe.com>',
     subject="Payment of £880.00 from finance@penrose-arch.example", date="Wed, 13 May 2026 10:00:00 +0100",
     html=table([("Amount", "£880.00"), ("Customer", "Penrose Architects"), ("Email", "finance@penrose-arch.example"),
                 ("Description", "Invoice INV-00196"), ("Payment ID", "pi_3QpenroseGbp880"), ("Date", "13 May 2026")],
                title="You received a payment", lang="en-GB"),
     want=W(provider="stripe", kind="received", amount="880.00", currency="GBP", payer_name="Penrose Architects",
            payer_email="finance@penrose-arch.example", reference="Invoice INV-00196",
            transaction_id="pi_3QpenroseGbp880", date="2026-05-13")),

dict(path="wise/en_pending_incoming.eml", frm='Wise <noreply@wise.com>',
     subject="Money is on its way to you: 2,000.00 USD from Globex Corporation", date="Thu, 14 May 2026 10:00:00 +0000",
     text="""Hi Brightside Studio,

Globex Corporation is sending you 2,000.00 USD. It's on its way and should arrive by May 15.
We'll let you know when it's in your balance. The transfer is pending.

Transfer number: 1102938600
Reference: INV-00197
""",
     want=W(provider="wise", kind="pending", amount="2000.00", currency="USD", payer_name="Globex Corporation",
            reference="INV-00197", transaction_id="1102938600", date="2026-05-14")),

dict(path="square/en_au_payment.eml", frm='Square <noreply@messaging.squareup.com.au>',
     subject="You received a payment of $64.00", date="Fri, 15 May 2026 10:00:00 +1000",
     text="""Payment received

$64.00

From: Chloe Nguyen
Note: INV-00198
Date: 15 May 2026
Receipt number: Au77Kq
""",
     want=W(provider="square", kind="received", amount="64.00", currency="AUD", payer_name="Chloe Nguyen",
            reference="INV-00198", transaction_id="Au77Kq", date="2026-05-15")),
]
