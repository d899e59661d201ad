package inbox

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"

	"duebook/data"
)

// A label is "Name: value" on one line, or (HTML tables turned into text) a line that is
// only a known label name followed by the value on the next line.
type label struct {
	key   string // normalised: lower case, "#"/"no." → "number", single spaces
	kind  string // what it holds: name, email, memo, txn, date, amount, fee, net
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
		if !(unicode.IsLetter(r) || unicode.IsMark(r) || strings.ContainsRune(" /#.'’()&-", r)) {
			return "", "", false
		}
	}
	return name, strings.TrimSpace(l[i+sep:]), true
}

// Label names by what they hold. Keys are normalised label names.
var (
	nameLabels = set("sender", "sender name", "from", "payer", "payer name", "customer", "customer name",
		"paid by", "sent by", "received from", "originator", "originator name", "ordering party",
		"ordering customer", "remitter", "debtor", "debtor name", "buyer", "name", "payment from", "from account holder")
	emailLabels = set("email", "e-mail", "sender email", "sender e-mail", "customer email", "payer email",
		"email address", "buyer email", "sender's email", "customer e-mail")
	memoLabels = set("message", "memo", "note", "notes", "note from sender", "note from payer", "payment note",
		"personal message", "reference", "payment reference", "your reference", "remittance information",
		"remittance info", "remittance", "description", "invoice", "invoice number", "invoice id",
		"purpose", "purpose of payment", "details", "payment details", "obi", "reference / obi",
		"originator to beneficiary information", "customer reference", "memo / note", "for", "what it's for",
		"statement descriptor", "order", "order number", "reason for payment", "verwendungszweck")
	txnLabels = set("transaction id", "transaction number", "transaction reference", "transaction code",
		"confirmation number", "confirmation code", "reference number", "payment id", "payment number",
		"transfer id", "transfer number", "receipt number", "receipt id", "charge id", "trace number",
		"fed reference number", "imad", "end-to-end reference", "end-to-end id", "bank reference",
		"zelle confirmation number", "confirmation", "payment reference number", "order id", "wise transfer number",
		"transfer reference", "transaction", "membership reference", "paypal transaction id", "invoice payment id",
		"refund id", "payout id", "refund transaction id")
	dateLabels = set("date", "transaction date", "payment date", "date sent", "sent on", "deposit date",
		"value date", "date of transfer", "transfer date", "booking date", "date and time", "date paid",
		"paid on", "received on", "date received", "transfer date and amount", "created", "date of payment",
		"posted", "posting date", "sent", "initiated on", "effective date")
	amountLabels = set("amount", "amount received", "amount paid", "payment amount", "total", "total amount",
		"amount sent", "deposit amount", "transfer amount", "gross amount", "gross", "amount charged",
		"you received", "you got", "received", "credit amount", "amount credited", "sum", "instructed amount")
	feeLabels = set("fee", "fees", "paypal fee", "stripe fee", "processing fee", "transaction fee", "our fee", "wise fee", "fee amount")
	netLabels = set("net", "net amount", "net received", "net deposit", "you receive", "net total")
)

func set(xs ...string) map[string]bool {
	m := make(map[string]bool, len(xs))
	for _, x := range xs {
		m[x] = true
	}
	return m
}

// labelKind says what a normalised label holds ("" = not a label the reader uses).
func labelKind(k string) string {
	switch {
	case nameLabels[k]:
		return "name"
	case emailLabels[k]:
		return "email"
	case memoLabels[k]:
		return "memo"
	case txnLabels[k]:
		return "txn"
	case dateLabels[k]:
		return "date"
	case amountLabels[k]:
		return "amount"
	case feeLabels[k]:
		return "fee"
	case netLabels[k]:
		return "net"
	case strings.HasPrefix(k, "note from ") || strings.HasPrefix(k, "message from ") || strings.HasPrefix(k, "note to "):
		return "memo"
	case strings.HasSuffix(k, " fee") || strings.HasSuffix(k, " fees"):
		return "fee"
	}
	return ""
}

func isKnownLabel(k string) bool { return labelKind(k) != "" }

var labelNorm = strings.NewReplacer("#", " number ", "’", "'", "no.", " number ", "nr.", " number ", "(", " ", ")", " ")

func normLabel(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
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
			return v, j
		}
		return "", -1
	}
	for i, l := range lines {
		if len(l) > 300 || l == "" {
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
		if len(l) > 45 {
			continue
		}
		// a label alone on its line (HTML table cell): the value is on the next line
		if k := normLabel(l); isKnownLabel(k) {
			if v, j := nextValue(i); v != "" {
				out = append(out, label{key: k, kind: labelKind(k), value: v, line: j})
			}
		}
	}
	return out
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

const nameChars = `[\p{L}\p{M}0-9&.,'’ -]`

var (
	// "Jane Cooper (jane@example.com)" after "from"
	payerFromWithEmailRE = regexp.MustCompile(`(?i)\bfrom\s+(\p{L}` + nameChars + `{0,80}?)\s*[(<]\s*(` + emailRE.String() + `)\s*[)>]`)
	// "JOHN SMITH sent you money", "Tom Baker paid you $45.00", "Müller GmbH has sent you 3,480.00 EUR"
	payerSentYouRE = regexp.MustCompile(`(?i)^(?:interac e-transfer:\s*)?(\p{L}` + nameChars + `{0,80}?)\s+(?:has\s+|just\s+)*(?:sent you|paid you)\b`)
	// "You received $600.00 from MARIA GARCIA.", "Payment of $480.00 from billing@x.example",
	// "A money transfer from JOHN SMITH has been automatically deposited"
	payerFromRE = regexp.MustCompile(`(?i)\b(?:received|got|payment|deposit|transfer|money|credit|paid)\b[^\n]{0,60}?\bfrom\s+(\S[^\n]{0,80}?)\s*(?:[.!]\s|[.!]?$|\s+on\s|\s+for\s|\s+via\s|\s+with\s|\s+has\s|\s+is\s|\s+was\s|\s+to\s|\s*\(|,|;|\s+-\s)`)
)

// cleanName trims a payer name and refuses things that are not one.
func cleanName(s string) string {
	s = strings.TrimSpace(strings.Trim(s, " .,;:!\"'"))
	if s == "" || len(s) > 100 {
		return ""
	}
	l := strings.ToLower(s)
	if l == "you" || strings.HasPrefix(l, "you ") || strings.HasPrefix(l, "your ") || strings.HasPrefix(l, "a ") ||
		strings.HasPrefix(l, "the ") || strings.HasPrefix(l, "someone") || strings.ContainsAny(s, "$€£¥@<>") {
		return ""
	}
	return s
}

// payer finds the payer's name and email: labelled values first ("Sender: ..."), then
// sentences ("X sent you money", "from X (x@example.com)") in the subject and body.
// exclude refuses addresses that are not the payer's (ours, the provider's).
func payer(subject string, b body, ls []label, exclude func(string) bool) (name, email string) {
	okEmail := func(e string) string {
		e = strings.ToLower(strings.Trim(e, "<>()[]. "))
		if e == "" || exclude(e) {
			return ""
		}
		return e
	}
	if l, ok := firstLabel(ls, "name"); ok {
		v := l.value
		if e := emailRE.FindString(v); e != "" {
			email = okEmail(e)
			v = strings.NewReplacer(e, "", "()", "", "<>", "").Replace(v)
		}
		name = cleanName(v)
	}
	if l, ok := firstLabel(ls, "email"); ok && email == "" {
		email = okEmail(emailRE.FindString(l.value))
	}
	if name != "" && email != "" {
		return name, email
	}
	lowerSubject := asciiLower(subject)
	for i := -1; i < len(b.lines) && i < 80; i++ {
		s, l := subject, lowerSubject
		if i >= 0 {
			s, l = b.lines[i], b.lower[i]
		}
		if !strings.Contains(l, "from") && !strings.Contains(l, "sent you") && !strings.Contains(l, "paid you") {
			continue
		}
		n, e := sentencePayer(s)
		if e = okEmail(e); n == "" && e == "" {
			continue
		}
		if name == "" {
			name = n
		}
		if email == "" {
			email = e
		}
		return name, email
	}
	return name, email
}

// sentencePayer reads a payer from one line of text.
func sentencePayer(s string) (name, email string) {
	if m := payerFromWithEmailRE.FindStringSubmatch(s); m != nil {
		if n := cleanName(m[1]); n != "" {
			return n, m[2]
		}
	}
	if m := payerSentYouRE.FindStringSubmatch(s); m != nil {
		if n := cleanName(m[1]); n != "" {
			return n, ""
		}
	}
	if m := payerFromRE.FindStringSubmatch(s); m != nil {
		v := strings.TrimSpace(m[1])
		if e := emailRE.FindString(v); e != "" && strings.Trim(v, "<>() ") == e {
			return "", e
		}
		if n := cleanName(v); n != "" {
			return n, ""
		}
	}
	return "", ""
}

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

// Dates in text.
var (
	months = map[string]time.Month{
		"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
		"may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
		"september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
	}
	monRE       = `(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`
	dateISORE   = regexp.MustCompile(`\b(\d{4})-(\d{1,2})-(\d{1,2})\b`)
	dateMDYRE   = regexp.MustCompile(`(?i)\b` + monRE + `\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`)
	dateDMYRE   = regexp.MustCompile(`(?i)\b(\d{1,2})(?:st|nd|rd|th)?\.?\s+` + monRE + `\.?,?\s+(\d{4})\b`)
	dateDotRE   = regexp.MustCompile(`\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b`)
	dateSlashRE = regexp.MustCompile(`\b(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})\b`)
)

// findDate reads the first date in s; dayFirst says how to read "03/04/2026".
func findDate(s string, dayFirst bool) (data.Date, bool) {
	type cand struct {
		pos     int
		y, m, d int
	}
	var best *cand
	consider := func(pos, y, m, d int) {
		if m < 1 || m > 12 || d < 1 || d > 31 || y < 1970 || y > 2200 {
			return
		}
		t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
		if t.Day() != d {
			return
		}
		if best == nil || pos < best.pos {
			best = &cand{pos, y, m, d}
		}
	}
	atoi := func(x string) int { n, _ := strconv.Atoi(x); return n }
	if m := dateISORE.FindStringSubmatchIndex(s); m != nil {
		consider(m[0], atoi(s[m[2]:m[3]]), atoi(s[m[4]:m[5]]), atoi(s[m[6]:m[7]]))
	}
	if m := dateMDYRE.FindStringSubmatchIndex(s); m != nil {
		consider(m[0], atoi(s[m[6]:m[7]]), int(months[strings.ToLower(s[m[2]:m[3]])]), atoi(s[m[4]:m[5]]))
	}
	if m := dateDMYRE.FindStringSubmatchIndex(s); m != nil {
		consider(m[0], atoi(s[m[6]:m[7]]), int(months[strings.ToLower(s[m[4]:m[5]])]), atoi(s[m[2]:m[3]]))
	}
	if m := dateDotRE.FindStringSubmatchIndex(s); m != nil {
		consider(m[0], atoi(s[m[6]:m[7]]), atoi(s[m[4]:m[5]]), atoi(s[m[2]:m[3]]))
	}
	if m := dateSlashRE.FindStringSubmatchIndex(s); m != nil {
		a, b, y := atoi(s[m[2]:m[3]]), atoi(s[m[4]:m[5]]), atoi(s[m[6]:m[7]])
		if y < 100 {
			y += 2000
		}
		if a > 12 || (dayFirst && b <= 12) {
			a, b = b, a
		}
		consider(m[0], y, a, b)
	}
	if best == nil {
		return data.Date{}, false
	}
	return data.NewDate(best.y, time.Month(best.m), best.d), true
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
