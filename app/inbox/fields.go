package inbox

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/emersion/go-message/mail"
)

// A label is "Name: value" on one line, or (HTML tables turned into text) a line that is
// only a known label name followed by the value on the next line.
type label struct {
	key   string // normalised: lower case, "#"/"no." → "number", single spaces
	kind  string // what it holds: name, email, memo, invref, txn, date, amount, fee, net, status
	value string
	line  int // line index of the value
}

// labelLine splits "Name: value"; the name is a letter then up to 40 letters, marks,
// spaces or / # . ' ’ ( ) & - characters.
func labelLine(l string) (name, value string, ok bool) {
	i := strings.IndexAny(l, ":：")
	if i <= 0 || i > 160 {
		return "", "", false
	}
	sep := 1
	if l[i] != ':' {
		sep = len("：")
	}
	name = strings.TrimRight(l[:i], " \t")
	n := 0
	for j, r := range name {
		n++
		if n > 41 {
			return "", "", false
		}
		if j == 0 && !unicode.IsLetter(r) {
			return "", "", false
		}
		if !(unicode.IsLetter(r) || unicode.IsMark(r) || strings.ContainsRune(" /#.'’()&-°º*®™", r)) {
			return "", "", false
		}
	}
	return name, strings.TrimSpace(l[i+sep:]), true
}

var labelNorm = strings.NewReplacer("#", " number ", "no.", " number ", "nr.", " number ", "n.º", " number ",
	"nº", " number ", "n°", " number ", "(", " ", ")", " ", "*", " ", "®", "", "™", "")

// normLabel gives the key of a label name: folded (lower case, no accents), "#", "no.",
// "n°" as "number", single spaces, no trailing "." or ":".
func normLabel(s string) string {
	s = fold(strings.TrimSpace(s))
	s = labelNorm.Replace(s)
	s = strings.Join(strings.Fields(s), " ")
	s = strings.TrimSuffix(s, ".")
	s = strings.ReplaceAll(s, "number number", "number")
	return strings.TrimSpace(s)
}

// findLabels reads the labelled values of the body lines.
func findLabels(lines []string) []label {
	var out []label
	nextValue := func(i int) (string, int) {
		for j := i + 1; j < len(lines) && j <= i+3; j++ {
			v := strings.TrimSpace(lines[j])
			if v == "" {
				continue
			}
			if name, _, ok := labelLine(v); ok && isKnownLabel(normLabel(name)) {
				return "", -1
			}
			if isKnownLabel(normLabel(strings.TrimSuffix(v, ":"))) {
				return "", -1
			}
			if il, ok := inlineLabel(v, j); ok && il.kind != "invref" {
				// a section heading ("Payment details") over "Amount paid $50.00"; a
				// note that is an invoice number ("Facture INV-00214") is a value
				return "", -1
			}
			return v, j
		}
		return "", -1
	}
	// aloneKey[i] caches the label key of line i when the line is a known label alone
	// ("" when not; "\x00" when not yet worked out).
	aloneKey := make([]string, len(lines))
	for i := range aloneKey {
		aloneKey[i] = "\x00"
	}
	aloneLabel := func(j int) string {
		if aloneKey[j] != "\x00" {
			return aloneKey[j]
		}
		k := ""
		if l := strings.TrimSpace(lines[j]); len(l) <= 45 && l != "" && hasLetter(l) {
			if n := normLabel(l); isKnownLabel(n) {
				k = n
			}
		}
		aloneKey[j] = k
		return k
	}
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if len(l) > 300 || l == "" {
			continue
		}
		// a table whose first row holds the labels and the next row the values comes out
		// as k label lines, then k value lines: "Transaction ID", "Date", "7GH…", "Jan 5, 2026"
		if ls, vs, next := headerRow(lines, i, aloneLabel); len(ls) > 0 {
			for n, k := range ls {
				out = append(out, label{key: k, kind: labelKind(k), value: strings.TrimSpace(lines[vs[n]]), line: vs[n]})
			}
			i = next - 1
			continue
		}
		if name, val, ok := labelLine(l); ok {
			k := normLabel(name)
			v := val
			line := i
			if v == "" {
				v, line = nextValue(i)
			}
			if v != "" && isKnownLabel(k) {
				out = append(out, label{key: k, kind: labelKind(k), value: v, line: line})
			}
			continue
		}
		// a label alone on its line (HTML table cell): the value is on the next line
		if k := aloneLabel(i); k != "" {
			if v, j := nextValue(i); v != "" {
				out = append(out, label{key: k, kind: labelKind(k), value: v, line: j})
			}
			continue
		}
		if lb, ok := inlineLabel(l, i); ok {
			out = append(out, lb)
		}
	}
	return out
}

// headerRow finds k >= 2 lines that are labels alone (from line i, empty lines skipped)
// followed by k lines that are not labels; it gives the labels, the value lines and the
// line after them. Otherwise no labels.
func headerRow(lines []string, i int, aloneLabel func(int) string) (keys []string, values []int, next int) {
	j := i
	for ; j < len(lines) && len(keys) < 8; j++ {
		l := strings.TrimSpace(lines[j])
		if l == "" {
			continue
		}
		k := aloneLabel(j)
		if k == "" {
			break
		}
		keys = append(keys, k)
	}
	if len(keys) < 2 {
		return nil, nil, 0
	}
	for ; j < len(lines) && len(values) < len(keys); j++ {
		l := strings.TrimSpace(lines[j])
		if l == "" {
			continue
		}
		if aloneLabel(j) != "" {
			return nil, nil, 0
		}
		if name, _, ok := labelLine(l); ok && isKnownLabel(normLabel(name)) {
			return nil, nil, 0
		}
		values = append(values, j)
	}
	if len(values) < len(keys) {
		return nil, nil, 0
	}
	return keys, values, j
}

// inlineLabel reads "Amount paid $725.00", "Payment ID pi_3Qx...", "Date Jan 20, 2026": a
// label and its value with no colon (a plain-text table whose columns were spaces, or an
// HTML cell holding both). Only values that show what they are count (an amount, a date,
// an address, an id with a digit), so a sentence that starts with a label word is not read.
func inlineLabel(l string, line int) (label, bool) {
	lexiconsReady()
	first := l
	if i := strings.IndexByte(l, ' '); i > 0 {
		first = l[:i]
	} else {
		return label{}, false
	}
	if !labelFirstWords[normLabel(first)] {
		return label{}, false
	}
	words := strings.Fields(l)
	if len(words) < 2 || len(l) > 200 {
		return label{}, false
	}
	for n := min(6, len(words)-1); n >= 1; n-- {
		k := normLabel(strings.Join(words[:n], " "))
		kind := labelKind(k)
		if kind == "" {
			continue
		}
		rest := strings.Join(words[n:], " ")
		ok := false
		switch kind {
		case "amount", "fee", "net":
			hs := findAmounts(rest, "USD")
			ok = len(hs) > 0 && hs[0].start <= 1
		case "date":
			_, ok = findDate(rest, orderUnknown)
			ok = ok || dateIsAmbiguous(rest, orderUnknown)
		case "txn", "invref":
			ok = len(words)-n == 1 && hasDigit(rest) && cleanTxnID(rest) != ""
		case "email":
			ok = emailRE.FindString(rest) == strings.Trim(rest, "<>()")
		}
		if ok {
			return label{key: k, kind: kind, value: rest, line: line}, true
		}
		return label{}, false
	}
	return label{}, false
}

// plainReference: the label names that hold either the payer's reference or the bank's own
// id of the booking ("Reference", "Referencia", "Référence", "Referenz", "Riferimento").
var plainReference = set("reference", "referencia", "referenz", "riferimento", "referencia da transacao")

// bankReference decides what a plain "Reference:" label holds. It is the payer's text
// (a UK Faster Payment's "Reference: INV-00141") unless the notice gives the payer's text
// under another label ("Details: INV-00155", "Concepto: Factura 2026-061") and the
// reference is one code with a digit and no invoice number in it ("FT26076MK9Q1",
// "0182-TR-5540192"): then it is the bank's id of the transfer, read as the transaction
// id when no label names one.
func bankReference(ls []label) []label {
	hasTxn, other := false, false
	for _, l := range ls {
		switch {
		case l.kind == "txn":
			hasTxn = true
		case (l.kind == "memo" || l.kind == "about") && !plainReference[l.key] && hasLetter(l.value):
			other = true
		}
	}
	if hasTxn || !other {
		return ls
	}
	for i, l := range ls {
		v := strings.TrimSpace(l.value)
		if l.kind == "memo" && plainReference[l.key] && !strings.ContainsAny(v, " \t") && hasDigit(v) && len(v) >= 6 &&
			len(InvoiceRefs(v)) == 0 && cleanTxnID(v) == v {
			ls[i].kind = "txn"
			break
		}
	}
	return ls
}

func firstLabel(ls []label, kind string) (label, bool) {
	for _, l := range ls {
		if l.kind == kind {
			return l, true
		}
	}
	return label{}, false
}

var emailRE = regexp.MustCompile(`[A-Za-z0-9._%+'-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})+`)

// invoiceRefAt reads an invoice-number-like token at the start of its input: "INV-00042",
// "INV00042", "Invoice #1042", "invoice no. 2026-017", "RG-2026-5", "BILL-17".
var invoiceRefAt = regexp.MustCompile(`(?i)^(?:inv(?:oice)?\.?[ \t]*(?:no\.?|nr\.?|number|#|:)?[ \t]*#?[ \t]*[-:]?[ \t]*(\d[\w/-]{0,30}[A-Za-z0-9]|\d)|((?:inv|bill|rg|fa)[-/]?\d[\w/-]{0,30}[A-Za-z0-9]|(?:inv|bill|rg|fa)[-/]?\d))\b`)

// InvoiceRefs returns invoice-number-like tokens in s, in order, without duplicates:
// "INV-00042" is returned as written; "Invoice #1042" gives "1042".
func InvoiceRefs(s string) []string {
	var out []string
	lower := asciiLower(s)
	for i := 0; i < len(lower) && len(out) < 20; i++ {
		c := lower[i]
		if c != 'i' && c != 'b' && c != 'r' && c != 'f' {
			continue
		}
		if i > 0 && isWordByte(lower[i-1]) {
			continue
		}
		if !strings.HasPrefix(lower[i:], "inv") && !strings.HasPrefix(lower[i:], "bill") &&
			!strings.HasPrefix(lower[i:], "rg") && !strings.HasPrefix(lower[i:], "fa") {
			continue
		}
		m := invoiceRefAt.FindStringSubmatch(s[i:min(len(s), i+100)])
		if m == nil {
			continue
		}
		v := m[1]
		if m[2] != "" {
			v = m[2]
		} else if w := m[0]; strings.HasPrefix(lower[i:], "inv") && !strings.ContainsAny(w, " \t#:.") {
			v = w // "INV-00042" written whole: keep the whole token
		}
		if v != "" && !containsFold(out, v) {
			out = append(out, v)
		}
		i += len(m[0]) - 1
	}
	return out
}

func isWordByte(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
}

// transaction id patterns when no label names it.
var (
	stripeIDRE = regexp.MustCompile(`\b(?:pi|ch|py|re|po|in)_[A-Za-z0-9]{8,40}\b`)
	txnTokenRE = regexp.MustCompile(`^#?\s*([A-Za-z0-9][A-Za-z0-9._/-]{3,63})`)
)

// cleanTxnID takes the id token from a labelled value ("7GH12345AB678901C", "#123456789").
func cleanTxnID(v string) string {
	v = strings.TrimSpace(v)
	if m := txnTokenRE.FindStringSubmatch(v); m != nil {
		return strings.TrimRight(m[1], ".-/")
	}
	return ""
}

// cleanText trims a labelled text and the quotation marks around it („…“, « … », "…").
func cleanText(s string) string {
	s = strings.TrimSpace(s)
	for _, q := range [][2]string{{"„", "“"}, {"“", "”"}, {"«", "»"}, {"\"", "\""}, {"‚", "‘"}, {"'", "'"}, {"»", "«"}, {"”", "”"}} {
		if len(s) > len(q[0])+len(q[1]) && strings.HasPrefix(s, q[0]) && strings.HasSuffix(s, q[1]) {
			s = strings.TrimSpace(s[len(q[0]) : len(s)-len(q[1])])
			break
		}
	}
	return s
}

var receivedForRE = regexp.MustCompile(`\bfor\s+<?(` + emailRE.String() + `)>?\s*;`)

// deliveredTo is the mailbox the message was delivered to (Delivered-To, X-Original-To,
// Envelope-To, or the "for <...>" of the top Received header), lower case, or "".
func deliveredTo(h mail.Header) string {
	for _, k := range []string{"Delivered-To", "X-Original-To", "Envelope-To", "X-Envelope-To"} {
		if v := strings.TrimSpace(h.Get(k)); v != "" {
			if e := emailRE.FindString(v); e != "" {
				return strings.ToLower(e)
			}
		}
	}
	// the receiving server's Received header: "... for <accounts@example.com>; date"
	if v := h.Get("Received"); v != "" {
		if m := receivedForRE.FindStringSubmatch(v); m != nil {
			return strings.ToLower(m[1])
		}
	}
	return ""
}

// sentenceTxnRE reads an id written in a sentence: "Your confirmation number is
// 24681357902.", "Votre numéro de référence est CA1MRv7Yd9Cz", "Ihr Transaktionscode
// lautet 4LK12345MN678901P", "Número de confirmación: WFZ8821".
var sentenceTxnRE = regexp.MustCompile(`(?i)\b(?:confirmation (?:number|code|#)|reference (?:number|#)|transaction (?:id|number|code)|` +
	`num[ée]ro de (?:r[ée]f[ée]rence|confirmation|transaction)|transaktionscode|transaktionsnummer|best[äa]tigungsnummer|referenznummer|` +
	`n[úu]mero de (?:confirmaci[óo]n|referencia|transacci[óo]n|operaci[óo]n)|id\.? de transacci[óo]n)` +
	`\s*(?:is|est|lautet|ist|es|:)?\s*#?\s*([A-Za-z0-9][A-Za-z0-9._/-]{3,63})`)

// sentenceTxnID gives the first id named in a sentence of the subject or the first 120
// lines; it must hold a digit (a word is not an id).
func sentenceTxnID(subject string, b body) string {
	for i := -1; i < len(b.lines) && i < 120; i++ {
		s := subject
		if i >= 0 {
			s = b.lines[i]
		}
		if !hasDigit(s) {
			continue
		}
		for _, m := range sentenceTxnRE.FindAllStringSubmatch(s, 3) {
			if id := strings.TrimRight(m[1], ".-/"); hasDigit(id) {
				return id
			}
		}
	}
	return ""
}
