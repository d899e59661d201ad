package inbox

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestLexicons: every lexicon names each kind of message and the main fields, so the
// reader is the same for every language.
func TestLexicons(t *testing.T) {
	lexiconsReady()
	for _, lx := range []*lexicon{&lexEN, &lexDE, &lexFR, &lexES} {
		for _, k := range kindOrder {
			if k != kindReceipt && k != kindRequestPaid && len(lx.kinds[k]) == 0 {
				t.Errorf("%s: no phrases for %s", lx.code, k)
			}
		}
		for _, f := range []string{"name", "email", "memo", "invref", "txn", "date", "amount", "fee", "net", "status", "reason"} {
			if len(lx.labels[f]) == 0 {
				t.Errorf("%s: no labels for %s", lx.code, f)
			}
		}
		if len(lx.months) < 12 || len(lx.payerPreps) == 0 || len(lx.payerVerbs) == 0 || len(lx.unsubscribe) == 0 {
			t.Errorf("%s: months, payer words or unsubscribe wording missing", lx.code)
		}
	}
	for _, ph := range allPhrases {
		if ph.lit != "" && !strings.Contains(ph.re.String(), ph.lit) {
			t.Errorf("phrase %s: literal %q not in it", ph.re, ph.lit)
		}
	}
}

// TestLabelNames: the same field reads in every language, written with or without accents,
// "#", "N°" and a trailing colon.
func TestLabelNames(t *testing.T) {
	cases := map[string]string{
		"Transaction ID":             "txn",
		"Transaktionscode":           "txn",
		"N° de transaction":          "txn",
		"Numero de transaccion":      "txn",
		"Id. de transacción":         "txn",
		"Confirmation #":             "txn",
		"Zelle® confirmation number": "txn",
		"Verwendungszweck":           "memo",
		"Concepto":                   "memo",
		"Référence":                  "memo",
		"Libellé":                    "memo",
		"Note from Jane Cooper":      "memo",
		"Mitteilung von Max Bauer":   "memo",
		"Message de Camille Lefèvre": "memo",
		"Auftraggeber":               "name",
		"Ordenante":                  "name",
		"Donneur d'ordre":            "name",
		"Courriel":                   "email",
		"E-Mail-Adresse":             "email",
		"Email del mittente":         "email",
		"E-mail van de afzender":     "email",
		"Buchungsdatum":              "date",
		"Fecha valor":                "date",
		"Date de l'opération":        "date",
		"Rückzahlungsbetrag":         "amount",
		"Montant reçu":               "amount",
		"Importe":                    "amount",
		"PayPal-Gebühr":              "fee",
		"Nettobetrag":                "net",
		"Estado":                     "status",
		"Grund":                      "reason",
		"Numéro de facture":          "invref",
		"Greetings":                  "",
	}
	for name, want := range cases {
		if got := labelKind(normLabel(name)); got != want {
			t.Errorf("%q: %q, want %q", name, got, want)
		}
	}
}

// TestParseDateOrder: an all-numeric date is read day first in every language but English;
// in English by the sender's country and currency; with no cue and two readings it is left
// empty rather than guessed.
func TestParseDateOrder(t *testing.T) {
	msg := func(from, subject, body string) []byte {
		return []byte("From: " + from + "\r\nTo: accounts@brightside-studio.example\r\nSubject: " + subject +
			"\r\nDate: Mon, 20 Apr 2026 10:00:00 +0000\r\nMessage-ID: <d@y.example>\r\n\r\n" + body + "\r\n")
	}
	cases := []struct {
		raw  []byte
		want string
	}{
		{msg("Chase <alerts@chase.com>", "You received money with Zelle", "Amount: $5.00\r\nDate: 03/04/2026"), "2026-03-04"},
		{msg("Barclays <alerts@barclays.co.uk>", "You've received a payment", "Amount: £5.00\r\nDate: 03/04/2026"), "2026-04-03"},
		{msg("BBVA <avisos@bbva.es>", "Transferencia recibida", "Importe: 5,00 €\r\nFecha: 03/04/2026"), "2026-04-03"},
		{msg("BNP Paribas <noreply@mabanque.bnpparibas>", "Virement reçu", "Montant : 5,00 €\r\nDate : 03/04/2026"), "2026-04-03"},
		{msg("RBC <alerts@rbc.com>", "Deposit received", "Amount: $5.00\r\nDate: 03/04/2026"), ""},
		{msg("RBC <alerts@rbc.com>", "Deposit received", "Amount: $5.00\r\nDate: 23/04/2026"), "2026-04-23"},
		{msg("RBC <alerts@rbc.com>", "Deposit received", "Amount: $5.00"), "2026-04-20"}, // no date in the text: the Date header
	}
	for _, c := range cases {
		p, err := Parse(c.raw)
		if err != nil {
			t.Fatal(err)
		}
		if got := p.Date.String(); got != c.want {
			t.Errorf("%s: date %q, want %q (%s)", p.From, got, c.want, p.Why)
		}
	}
}

// TestPayerNotOwnName: a notice that names the account holder (the addressee) before the
// payer reads the payer, in a label or in a sentence.
func TestPayerNotOwnName(t *testing.T) {
	raw := []byte("From: Sparkasse <noreply@sparkasse.de>\r\nTo: Brightside Studio <accounts@brightside-studio.example>\r\n" +
		"Subject: Gutschrift auf Ihrem Konto\r\nDate: Mon, 20 Apr 2026 10:00:00 +0200\r\nMessage-ID: <o@y.example>\r\n\r\n" +
		"Name: Brightside Studio\r\nAuftraggeber: Weber Zahntechnik GmbH\r\nBetrag: 860,00 EUR\r\n")
	p, err := Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	if p.PayerName != "Weber Zahntechnik GmbH" {
		t.Errorf("payer %q, want the Auftraggeber (%s)", p.PayerName, p.Why)
	}
	raw = []byte("From: Wise <noreply@wise.com>\r\nTo: Brightside Studio <accounts@brightside-studio.example>\r\n" +
		"Subject: Brightside Studio, you received 5.00 EUR\r\nDate: Mon, 20 Apr 2026 10:00:00 +0000\r\nMessage-ID: <o2@y.example>\r\n\r\n" +
		"Brightside Studio, you received 5.00 EUR from Ana Lima.\r\n")
	if p, _ = Parse(raw); p.PayerName != "Ana Lima" {
		t.Errorf("payer %q, want Ana Lima (%s)", p.PayerName, p.Why)
	}
	if n, _ := sentencePayer("Vous avez reçu un paiement de CHF 1'250.00"); n != "" {
		t.Errorf("an amount read as the payer: %q", n)
	}
	for _, s := range []string{"Hello Brightside Studio, Jane Cooper sent you $5.00 USD.", "Hallo Brightside Studio, Jane Cooper hat Ihnen 5,00 € gesendet."} {
		if n, _ := sentencePayer(s); n != "Jane Cooper" {
			t.Errorf("%q: payer %q, want Jane Cooper", s, n)
		}
	}
}

// TestReferenceStrength: the payer's own text ("Verwendungszweck", "Concepto") is the
// reference even below a line that only says what kind of booking it is.
func TestReferenceStrength(t *testing.T) {
	msg := func(from, subject, body string) []byte {
		return []byte("From: " + from + "\r\nTo: accounts@brightside-studio.example\r\nSubject: " + subject +
			"\r\nDate: Mon, 20 Apr 2026 10:00:00 +0000\r\nMessage-ID: <r@y.example>\r\n\r\n" + body + "\r\n")
	}
	cases := []struct {
		raw  []byte
		want string
	}{
		{msg("Sparkasse <noreply@sparkasse.de>", "Gutschrift", "Buchungstext: GUTSCHRIFT SEPA\r\nAuftraggeber: Weber GmbH\r\nBetrag: 5,00 EUR\r\nVerwendungszweck: INV-00171"), "INV-00171"},
		{msg("BBVA <avisos@bbva.es>", "Transferencia recibida", "Descripción: TRANSFERENCIA RECIBIDA\r\nImporte: 5,00 €\r\nConcepto: Factura INV-00128"), "Factura INV-00128"},
		{msg("Stripe <notifications@stripe.com>", "Payment of $5.00 from a@b.example", "Amount: $5.00\r\nDescription: Invoice INV-00108"), "Invoice INV-00108"},
	}
	for _, c := range cases {
		p, err := Parse(c.raw)
		if err != nil {
			t.Fatal(err)
		}
		if p.Reference != c.want {
			t.Errorf("%s: reference %q, want %q", p.From, p.Reference, c.want)
		}
	}
}

// TestInlineLabels: a label and its value with no colon are read when the value shows what
// it is; a sentence that starts with a label word is not.
func TestInlineLabels(t *testing.T) {
	lines := []string{
		"Amount paid $725.00",
		"Payment ID pi_3QlakesideDentAl8x2Lm",
		"Date paid Jan 20, 2026",
		"Receipt #2291-4417",
		"Note that refunds take 5 days",
		"Transaction details",
		"Total 3 items",
		"Betrag 1.386,50 EUR",
	}
	got := map[string]string{}
	for _, l := range findLabels(lines) {
		if _, ok := got[l.kind]; !ok {
			got[l.kind] = l.value
		}
	}
	want := map[string]string{"amount": "$725.00", "txn": "pi_3QlakesideDentAl8x2Lm", "date": "Jan 20, 2026"}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: %q, want %q (all: %v)", k, got[k], v, got)
		}
	}
	if _, ok := got["memo"]; ok {
		t.Errorf("a sentence read as a note: %v", got)
	}
	ls := findLabels([]string{"Receipt #2291-4417", "Total 3 items"})
	if len(ls) != 1 || cleanTxnID(ls[0].value) != "2291-4417" {
		t.Errorf("receipt number: %+v", ls)
	}
}

// TestHeaderRowTable: an HTML table with the labels in its first row and the values in the
// second is read column by column.
func TestHeaderRowTable(t *testing.T) {
	h := `<table><tr><th>Transaction ID</th><th>Transaction date</th><th>Amount</th></tr>` +
		`<tr><td>7GH12345AB678901C</td><td>Jan 14, 2026</td><td>$1,250.00 USD</td></tr></table>`
	ls := findLabels(strings.Split(HTMLToText([]byte(h), 0), "\n"))
	got := map[string]string{}
	for _, l := range ls {
		got[l.kind] = l.value
	}
	want := map[string]string{"txn": "7GH12345AB678901C", "date": "Jan 14, 2026", "amount": "$1,250.00 USD"}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: %q, want %q (%v)", k, got[k], v, got)
		}
	}
	// a vertical table is still read row by row
	ls = findLabels([]string{"Transaction ID", "7GH12345AB678901C", "Transaction date", "Jan 14, 2026"})
	if len(ls) != 2 || ls[0].value != "7GH12345AB678901C" || ls[1].value != "Jan 14, 2026" {
		t.Errorf("vertical: %+v", ls)
	}
}

// TestLexiconsBuiltOnFirstRead: starting the program does not build the lexicon indexes
// (about 20 ms that every command and the window paid); the first mail read does. It runs
// itself in a new process, where no other test has read a mail yet.
func TestLexiconsBuiltOnFirstRead(t *testing.T) {
	if os.Getenv("DUEBOOK_LEXICON_CHILD") == "" {
		cmd := exec.Command(os.Args[0], "-test.run=^TestLexiconsBuiltOnFirstRead$", "-test.v")
		cmd.Env = append(os.Environ(), "DUEBOOK_LEXICON_CHILD=1")
		out, err := cmd.CombinedOutput()
		if err != nil || !strings.Contains(string(out), "--- PASS: TestLexiconsBuiltOnFirstRead") {
			t.Fatalf("child: %v\n%s", err, out)
		}
		return
	}
	if allPhrases != nil || len(labelIndex) != 0 || payerPrepRE != nil {
		t.Fatal("the lexicon indexes were built at start-up")
	}
	if k := labelKind(normLabel("Transaction ID")); k == "" {
		t.Fatal(`"Transaction ID" is no label after the first read`)
	}
	if allPhrases == nil || payerPrepRE == nil {
		t.Fatal("the first read did not build the lexicon indexes")
	}
}
