package inbox

// Italian, Dutch and Portuguese: the common labels and phrases only.
var lexIT = lexicon{
	code: "it",
	labels: map[string][]string{
		"name":   {"mittente", "ordinante", "pagante", "inviato da", "cliente"},
		"email":  {"indirizzo email", "indirizzo e-mail"},
		"memo":   {"messaggio", "causale", "nota", "descrizione", "riferimento"},
		"invref": {"fattura", "numero fattura", "numero di fattura"},
		"txn":    {"id transazione", "codice transazione", "numero di riferimento", "numero transazione", "id della transazione", "cro", "trn"},
		"date":   {"data", "data della transazione", "data di pagamento", "data valuta", "data operazione"},
		"amount": {"importo", "importo ricevuto", "totale", "importo totale"},
		"fee":    {"commissione", "commissioni"},
		"net":    {"importo netto"},
		"status": {"stato"},
	},
	labelPrefixes: map[string][]string{"memo": {"messaggio da", "nota da"}},
	kinds: map[Kind][]string{
		KindFailed:   {`non riuscit[oa]`, `rifiutat[oa]`, `non e stato possibile`, `annullat[oa]`},
		KindRefund:   {`rimborso`, `rimborsat[oa]`},
		KindPayout:   {`prelievo`, `trasferimento sul tuo conto bancario`},
		KindRequest:  {`richiesta di (?:pagamento|denaro)`, `ti ha chiesto`, `ha richiesto`},
		KindPending:  {`in sospeso`, `in attesa`},
		KindSent:     {`hai inviato`, `hai pagato`, `pagamento inviato`},
		kindReceipt:  {`la tua ricevuta da`},
		KindReceived: {`hai ricevuto`, `pagamento ricevuto`, `ti ha inviato`, `ti ha pagato`, `bonifico ricevuto`, `accredit`},
	},
	payerVerbs: []string{"ti ha inviato", "ti ha pagato"},
	payerPreps: []string{"da"},
	nameStops:  []string{"il", "per", "con", "tramite"},
	months: map[string]int{
		"gennaio": 1, "gen": 1, "febbraio": 2, "marzo": 3, "aprile": 4, "maggio": 5, "mag": 5, "giugno": 6, "giu": 6,
		"luglio": 7, "lug": 7, "agosto": 8, "settembre": 9, "set": 9, "ottobre": 10, "ott": 10, "novembre": 11, "dicembre": 12,
	},
}

var lexNL = lexicon{
	code: "nl",
	labels: map[string][]string{
		"name":   {"van", "afzender", "naam", "naam betaler", "betaler", "tegenrekeninghouder", "opdrachtgever", "naam tegenpartij"},
		"email":  {"e-mailadres"},
		"memo":   {"omschrijving", "betalingskenmerk", "bericht", "mededeling", "kenmerk", "notitie"},
		"invref": {"factuur", "factuurnummer"},
		"txn":    {"transactie-id", "transactienummer", "referentie", "transactiereferentie", "bevestigingsnummer"},
		"date":   {"datum", "transactiedatum", "boekdatum", "rentedatum", "valutadatum"},
		"amount": {"bedrag", "totaal", "ontvangen bedrag", "totaalbedrag"},
		"fee":    {"kosten", "transactiekosten"},
		"net":    {"nettobedrag"},
	},
	labelPrefixes: map[string][]string{"memo": {"bericht van"}},
	kinds: map[Kind][]string{
		KindFailed:   {`mislukt`, `geweigerd`, `niet gelukt`, `geannuleerd`, `gestorneerd`},
		KindRefund:   {`terugbetaling`, `terugbetaald`, `restitutie`},
		KindPayout:   {`uitbetaling`, `opname naar je bankrekening`},
		KindRequest:  {`betaalverzoek`, `verzoek om betaling`, `heeft .{1,40} gevraagd`},
		KindPending:  {`in behandeling`, `in afwachting`},
		KindSent:     {`je hebt .{1,40} (?:verstuurd|betaald|overgemaakt)`, `u heeft .{1,40} (?:verstuurd|betaald|overgemaakt)`, `betaling verzonden`},
		kindReceipt:  {`je ontvangstbewijs van`},
		KindReceived: {`bijschrijving`, `bijgeschreven`, `ontvangen\b`, `heeft je .{1,40}(?:gestuurd|betaald)`, `heeft u .{1,40}(?:gestuurd|betaald|overgemaakt)`},
	},
	payerVerbs: []string{"heeft je", "heeft u"},
	payerPreps: []string{"van"},
	nameStops:  []string{"ontvangen", "op", "voor", "via", "is"},
	months: map[string]int{
		"januari": 1, "februari": 2, "maart": 3, "mrt": 3, "mei": 5, "juni": 6, "juli": 7, "augustus": 8, "oktober": 10, "okt": 10,
	},
}

var lexPT = lexicon{
	code: "pt",
	labels: map[string][]string{
		"name":   {"remetente", "pagador", "enviado por", "ordenante", "nome do pagador"},
		"email":  {"e-mail do remetente", "endereço de e-mail"},
		"memo":   {"mensagem", "descrição", "observação", "referência", "motivo"},
		"invref": {"fatura", "número da fatura"},
		"txn":    {"id da transação", "número da transação", "código da transação", "número de referência", "código de autenticação"},
		"date":   {"data da transação", "data do pagamento", "data da operação"},
		"amount": {"valor", "valor recebido", "montante", "valor total"},
		"fee":    {"taxa", "tarifa paypal"},
		"net":    {"valor líquido"},
		"status": {"situação"},
	},
	labelPrefixes: map[string][]string{"memo": {"mensagem de"}},
	kinds: map[Kind][]string{
		KindFailed:   {`falhou`, `recusad[oa]`, `nao foi possivel`, `cancelad[oa]`},
		KindRefund:   {`reembolso`, `estorno`},
		KindPayout:   {`saque\b`, `levantamento`, `transferencia para sua conta bancaria`},
		KindRequest:  {`solicitacao de pagamento`, `pedido de pagamento`, `solicitou\b`, `pediu\b`},
		KindPending:  {`pendente\b`, `em analise`, `em processamento`},
		KindSent:     {`voce enviou`, `voce pagou`, `pagamento enviado`},
		kindReceipt:  {`seu recibo de`},
		KindReceived: {`voce recebeu`, `pagamento recebido`, `transferencia recebida`, `enviou-lhe`, `te enviou`, `lhe enviou`, `recebeu um pagamento`},
	},
	payerVerbs: []string{"enviou-lhe", "te enviou", "lhe enviou", "enviou para voce", "enviou para você"},
	payerPreps: []string{"de"},
	nameStops:  []string{"em", "por", "com", "para"},
	months: map[string]int{
		"janeiro": 1, "fevereiro": 2, "fev": 2, "março": 3, "abril": 4, "maio": 5, "junho": 6, "julho": 7,
		"setembro": 9, "outubro": 10, "out": 10, "dezembro": 12, "dez": 12,
	},
}
