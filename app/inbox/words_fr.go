package inbox

// French wording (PayPal France, Stripe, Square Canada, Virement Interac, French banks:
// virement reçu, émetteur, libellé).
var lexFR = lexicon{
	code: "fr",
	labels: map[string][]string{
		"name": {"de", "expéditeur", "expéditrice", "payeur", "émetteur", "donneur d'ordre", "client", "cliente", "nom",
			"envoyé par", "nom de l'expéditeur", "titulaire du compte", "payé par", "reçu de", "nom du payeur", "nom de l'émetteur"},
		"email": {"adresse e-mail", "adresse électronique", "courriel", "adresse courriel", "e-mail de l'expéditeur", "adresse de courriel"},
		"memo": {"message", "note", "référence", "motif", "libellé", "communication", "objet", "message de l'expéditeur",
			"référence du paiement", "motif du paiement", "informations de paiement", "libellé de l'opération"},
		"invref": {"facture", "numéro de facture", "n° de facture", "commande", "numéro de commande"},
		"txn": {"numéro de transaction", "n° de transaction", "id de transaction", "identifiant de transaction", "numéro de référence",
			"numéro de confirmation", "id du paiement", "id du remboursement", "id du versement", "référence de bout en bout",
			"référence de l'opération", "numéro de reçu", "numéro de virement", "code de transaction", "référence de la transaction",
			"n° de référence", "numéro d'opération", "référence du virement"},
		"date": {"date de la transaction", "date de l'opération", "date de valeur", "date du paiement", "date d'envoi",
			"date de réception", "payé le", "reçu le", "envoyé le", "date du virement", "date d'opération", "date de paiement", "le"},
		"amount": {"montant", "montant reçu", "montant total", "montant payé", "montant brut", "montant remboursé",
			"montant demandé", "montant du virement", "montant crédité", "somme", "montant dû"},
		"fee":    {"frais", "commission", "frais paypal", "frais de transaction", "frais stripe"},
		"net":    {"montant net", "net perçu"},
		"status": {"statut", "état"},
		"reason": {"motif du remboursement", "motif du refus", "raison", "motif du rejet"},
	},
	labelPrefixes: map[string][]string{
		"memo": {"message de", "note de", "message de la part de"},
	},
	kinds: map[Kind][]string{
		KindFailed: {`echoue`, `echec\b`, `refusee?s?\b`, `rejetee?s?\b`, `annulee?s?\b`, `n'a pas pu etre (?:traite|effectue|envoye)`, `impaye`, `fonds insuffisants`, `retournee?s?\b`},
		KindRefund: {`rembours`},
		KindPayout: {`(?:virement|transfert|versement) (?:de .{1,40} )?vers votre (?:compte bancaire|banque)`, `retrait\b`, `versement .{1,40}en route`,
			`votre versement`},
		KindRequest: {`demande de (?:paiement|fonds)`, `demande d'argent`, `vous a demande`, `vous a envoye une (?:demande|facture)`,
			`facture de\b`, `montant du\b`, `a payer avant`, `demande de virement`},
		KindPending: {`en attente`, `en cours de traitement`, `pas encore (?:credite|encaisse|disponible)`, `en cours de verification`},
		KindSent: {`vous avez (?:envoye|paye|vire)`, `paiement envoye`, `votre paiement a\b`, `votre virement a\b`, `recu pour votre paiement`,
			`votre paiement de .{1,40} a\b`, `argent envoye`},
		kindReceipt: {`votre recu de`, `recu de la part de`},
		KindReceived: {`vous avez recu`, `paiement recu`, `virement recu`, `argent recu`, `vous a envoye`, `vous a paye`, `vous a vire`,
			`a ete credite`, `credite sur votre compte`, `a paye (?:la )?facture`, `facture .{1,30}(?:a ete )?payee`, `nouveau paiement`,
			`paiement de .{1,40} recu`, `encaissement`, `virement entrant`, `versement recu`, `paiement reussi`},
	},
	payerVerbs: []string{"vous a envoyé", "vous a payé", "vous a viré", "vous a fait un virement", "a payé la facture", "a payé votre facture"},
	payerPreps: []string{"de la part de", "de", "d'", "par"},
	nameStops:  []string{"le", "pour", "via", "a", "est", "sur", "avec"},
	months: map[string]int{
		"janvier": 1, "janv": 1, "février": 2, "févr": 2, "fevrier": 2, "mars": 3, "avril": 4, "avr": 4, "mai": 5,
		"juin": 6, "juillet": 7, "juil": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
		"décembre": 12, "déc": 12, "decembre": 12,
	},
}
