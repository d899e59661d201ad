package inbox

import "testing"

// notice builds a message from a sender to the owner's mailbox.
func notice(from, subject, body string) []byte {
	return []byte("From: " + from + "\r\nTo: Brightside Studio <accounts@brightside-studio.example>\r\nSubject: " + subject +
		"\r\nDate: Mon, 20 Apr 2026 10:00:00 +0000\r\nMessage-ID: <n@y.example>\r\n\r\n" + body + "\r\n")
}

// TestPayerNameWithAddress: a labelled payer written with the address on the same line
// gives the name alone (no "()" or "<>" left over) and the address, whatever the brackets.
func TestPayerNameWithAddress(t *testing.T) {
	cases := []struct{ from, subject, line, name, email string }{
		{"PayPal <service@paypal.com>", "You've got money", "Sender: Eliza Hartmann (eliza.hartmann@brightline.example)", "Eliza Hartmann", "eliza.hartmann@brightline.example"},
		{"PayPal <service@paypal.es>", "Has recibido un pago", "Remitente: Íñigo Álvarez ( inigo@alvarez.example )", "Íñigo Álvarez", "inigo@alvarez.example"},
		{"PayPal <service@paypal.fr>", "Vous avez reçu un paiement", "Expéditeur : François Lefèvre <f.lefevre@lefevre.example>", "François Lefèvre", "f.lefevre@lefevre.example"},
		{"Square <noreply@messaging.squareup.com>", "Payment received", "Customer: Dana Whitfield - dana@whitfield.example", "Dana Whitfield", "dana@whitfield.example"},
		{"Bank of America <alerts@ealerts.bankofamerica.com>", "Grace Kim sent you $725.00 with Zelle", "From: grace.kim@kimstudio.example (Grace Kim)", "Grace Kim", "grace.kim@kimstudio.example"},
		{"PayPal <service@paypal.de>", "Sie haben eine Zahlung erhalten", "Absender: Jürgen Weiß [mailto:jw@weiss.example]", "Jürgen Weiß", "jw@weiss.example"},
	}
	for _, c := range cases {
		p, err := Parse(notice(c.from, c.subject, c.line+"\r\nAmount: $725.00"))
		if err != nil {
			t.Fatal(err)
		}
		if p.PayerName != c.name || p.PayerEmail != c.email {
			t.Errorf("%q: payer %q <%s>, want %q <%s> (%s)", c.line, p.PayerName, p.PayerEmail, c.name, c.email, p.Why)
		}
	}
}
