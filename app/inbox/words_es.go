package inbox

// Spanish wording (PayPal España and Latin America, Zelle en español, Spanish banks:
// transferencia recibida, ordenante, concepto).
var lexES = lexicon{
	code: "es",
	labels: map[string][]string{
		"name": {"remitente", "ordenante", "pagador", "nombre del ordenante", "nombre del remitente", "enviado por",
			"emisor", "nombre del pagador", "nombre ordenante", "pagado por", "recibido de", "comprador", "nombre del comprador",
			"información del comprador", "datos del comprador", "nombre del emisor"},
		"email": {"correo electrónico", "correo", "correo del remitente", "dirección de correo electrónico",
			"correo electrónico del comprador", "correo electrónico del remitente"},
		"memo":   {"concepto", "mensaje", "nota", "referencia", "motivo", "concepto de la transferencia", "referencia del ordenante"},
		"about":  {"descripción", "detalle", "observaciones", "detalles"},
		"invref": {"factura", "número de factura", "n.º de factura", "pedido", "número de pedido"},
		"txn": {"id. de transacción", "id de transacción", "id de la transacción", "número de transacción", "código de transacción",
			"número de referencia", "número de confirmación", "referencia de la operación", "número de operación",
			"referencia de operación", "id del pago", "número de recibo", "n.º de operación", "código de confirmación", "id del reembolso",
			"número de transferencia", "id de transferencia", "n.º de transferencia", "referencia de la transferencia"},
		"date": {"fecha", "fecha de la transacción", "fecha de operación", "fecha valor", "fecha de pago", "fecha de envío",
			"fecha de recepción", "fecha de la operación", "fecha de abono", "enviado el", "recibido el"},
		"amount": {"importe", "monto", "cantidad", "importe recibido", "monto recibido", "importe total", "importe bruto",
			"importe reembolsado", "monto total", "importe de la transferencia", "monto enviado", "importe solicitado"},
		"fee":    {"comisión", "tarifa", "comisión de paypal", "comisiones"},
		"net":    {"importe neto", "neto", "monto neto"},
		"status": {"estado"},
		"reason": {"motivo del reembolso", "motivo del rechazo", "razón"},
	},
	labelPrefixes: map[string][]string{
		"memo": {"mensaje de", "nota de", "mensaje del", "nota del", "instrucciones del", "instrucciones de", "instrucciones para"},
	},
	kinds: map[Kind][]string{
		KindFailed:  {`fallid[oa]`, `fallo\b`, `ha fallado`, `rechazad[oa]`, `no se (?:ha )?pod(?:ido|ia) (?:completar|procesar|realizar)`, `cancelad[oa]`, `devuelt[oa]`, `fondos insuficientes`},
		KindRefund:  {`reembols`, `devolucion\b`},
		KindPayout:  {`retiro\b`, `retirada\b`, `transferencia a tu (?:cuenta bancaria|banco)`, `liquidacion\b`, `pago a tu cuenta bancaria`, `transferencia a su cuenta bancaria`},
		KindRequest: {`solicitud de (?:pago|dinero)`, `(?:te|le) (?:ha )?solicitado`, `ha solicitado`, `solicito\b`, `te pide`, `factura de\b`, `importe pendiente de pago`},
		KindPending: {`pendiente\b`, `en proceso\b`, `retenid[oa]`, `en espera`},
		KindSent: {`has enviado`, `enviaste`, `has pagado`, `pagaste`, `pago enviado`, `tu pago a\b`, `tu transferencia a\b`, `usted envio`,
			`su pago a\b`, `su transferencia a\b`, `dinero enviado`},
		kindReceipt: {`tu recibo de`, `su recibo de`, `recibo de\b`, `recibo n\.?[°º]`},
		KindReceived: {`has recibido`, `recibiste`, `recibio\b`, `ha recibido`, `(?:pago|transferencia|abono|ingreso|dinero|bizum) (?:[a-z]+ )?recibid[oa]`,
			`(?:te|le) (?:ha )?enviado`, `(?:te|le) envio`, `te han enviado`, `le han enviado`, `abonad[oa]`, `abono\b`, `ingreso recibido`,
			`te ha pagado`, `le ha pagado`, `nuevo pago`, `cobro recibido`, `ingreso en (?:tu|su) cuenta`,
			`(?:te|le) han (?:realizado|hecho|enviado) una transferencia`},
	},
	payerVerbs:  []string{"te ha enviado", "te envió", "le envió", "le ha enviado", "te ha pagado", "le ha pagado", "te ha transferido"},
	payerPreps:  []string{"de", "por"},
	unsubscribe: []string{"darse de baja", "date de baja", "cancelar la suscripcion", "cancelar suscripcion", "dejar de recibir"},
	nameStops:   []string{"el", "por", "con", "para", "en", "ha", "a"},
	months: map[string]int{
		"enero": 1, "ene": 1, "febrero": 2, "marzo": 3, "abril": 4, "abr": 4, "mayo": 5, "junio": 6, "julio": 7,
		"agosto": 8, "ago": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12, "dic": 12,
	},
}
