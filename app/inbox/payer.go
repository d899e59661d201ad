package inbox

import (
	"regexp"
	"strings"
)

// nameAbbrevs end company names with a dot that belongs to the name ("Trading Co.",
// "Ibáñez S.L.", "Werkstätten e.K."): it is kept when a name is trimmed.
var nameAbbrevs = set("co", "inc", "ltd", "corp", "bros", "jr", "sr", "llc", "plc", "gmbh", "ag", "kg", "sa", "sl", "srl", "bv", "nv", "ek", "st")

// notPayers are the payment services and card brands a sentence may name after "by" or
// "from" (folded).
var notPayers = set("paypal", "stripe", "square", "wise", "interac", "zelle", "venmo", "visa", "mastercard", "maestro",
	"amex", "american express", "discover", "apple pay", "google pay", "card", "credit card", "debit card", "bank transfer",
	"ach", "sepa", "bizum", "twint", "ideal", "klarna")

// cleanName trims a payer name and refuses things that are not one.
func cleanName(s string) string {
	s = strings.TrimSpace(strings.Trim(s, " ,;:!\"'“”„«»"))
	if strings.HasSuffix(s, ".") {
		last := s[strings.LastIndexAny(s, " ")+1:]
		w := strings.ToLower(strings.ReplaceAll(strings.TrimSuffix(last, "."), ".", ""))
		if !nameAbbrevs[w] && !strings.Contains(strings.TrimSuffix(last, "."), ".") {
			s = strings.TrimSpace(strings.TrimRight(s, "."))
		}
	}
	if s == "" || len(s) > 100 {
		return ""
	}
	l := fold(s)
	for _, w := range []string{"you", "your ", "a ", "the ", "someone", "vous", "votre ", "sie", "ihnen", "ihr ", "usted", "tu ", "su ", "un ", "une ", "el ", "la ", "le ", "der ", "die ", "das "} {
		if l == strings.TrimSpace(w) || strings.HasSuffix(w, " ") && strings.HasPrefix(l, w) {
			return ""
		}
	}
	if strings.ContainsAny(s, "$€£¥@<>") || !hasLetter(s) || len(findAmounts(s, "USD")) > 0 {
		return "" // "de CHF 1'250.00" names an amount, not a payer
	}
	if hasDigit(s) && hasMonthWord(l) {
		return "" // "by March 24" names a date, not a payer
	}
	if notPayers[strings.TrimSuffix(l, ".")] {
		return "" // "processed by Square", "paid by Visa": the service, not the payer
	}
	return s
}

func hasLetter(s string) bool {
	for _, r := range s {
		if r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r > 0x7f {
			return true
		}
	}
	return false
}

// payer finds the payer's name and email: labelled values first ("Sender: ...",
// "Auftraggeber: ..."; an address on the line under a labelled name), then the sentence
// that says what happened ("X sent you money", "from X (x@example.com)", "de la part de X",
// "von X erhalten") in the subject and body. kindLine says which lines those are. exclude
// refuses addresses that are not the payer's (ours, the provider's); a name that is the
// addressee's own (the To display name: "Kontoinhaber: Brightside Studio") is not the payer.
func payer(subject string, b body, ls []label, kindLine func(int) bool, exclude func(string) bool, ownName string) (name, email string) {
	own := func(n string) bool { return ownName != "" && strings.EqualFold(fold(n), fold(ownName)) }
	okEmail := func(e string) string {
		e = strings.ToLower(strings.Trim(e, "<>()[]. "))
		if e == "" || exclude(e) {
			return ""
		}
		return e
	}
	for _, l := range ls {
		if l.kind != "name" {
			continue
		}
		v := l.value
		if e := emailRE.FindString(v); e != "" {
			email = okEmail(e)
			v = withoutAddress(v, e)
		}
		name = cleanName(v)
		if own(name) {
			name, email = "", ""
			continue
		}
		if email == "" && l.line+1 < len(b.lines) {
			if next := strings.TrimSpace(b.lines[l.line+1]); emailRE.FindString(next) == next && next != "" {
				email = okEmail(next)
			}
		}
		break
	}
	if l, ok := firstLabel(ls, "email"); ok && email == "" {
		email = okEmail(emailRE.FindString(l.value))
	}
	if name != "" && email != "" {
		return name, email
	}
	for i := -1; i < len(b.lines) && i < 80; i++ {
		s := subject
		if i >= 0 {
			s = b.lines[i]
		}
		if !kindLine(i) {
			continue
		}
		n, e := sentencePayer(s)
		if own(n) {
			n = ""
		}
		if e = okEmail(e); n == "" && e == "" {
			continue
		}
		switch {
		case name == "":
			name = n
		case n != "" && !strings.EqualFold(n, name):
			continue // another person's sentence: not this payer's address
		}
		if email == "" {
			email = e
		}
		if email != "" {
			break
		}
	}
	return name, email
}

// greetings open a notice: "Hello Brightside Studio, Jane Cooper sent you ..." names
// Jane Cooper.
var greetings = []string{"hello", "hi", "dear", "good news", "hallo", "guten tag", "sehr geehrte", "liebe", "lieber",
	"bonjour", "cher", "chere", "hola", "estimado", "estimada", "ciao", "gentile", "beste", "ola", "caro", "cara"}

// dropGreeting removes a leading greeting and the addressee ("Hi Brightside Studio, ").
func dropGreeting(s string) string {
	i := strings.LastIndex(s, ", ")
	if i < 0 {
		return s
	}
	f := fold(s[:i])
	for _, g := range greetings {
		if f == g || strings.HasPrefix(f, g+" ") {
			return s[i+2:]
		}
	}
	return s
}

// sentencePayer reads a payer from one line of text: "NAME (email) sent you",
// "… from NAME (email)".
func sentencePayer(s string) (name, email string) {
	lexiconsReady()
	f := fold(s)
	if containsAny(f, verbLits) {
		if m := payerVerbRE.FindStringSubmatch(s); m != nil {
			if n := cleanName(dropGreeting(m[1])); n != "" {
				return n, m[2]
			}
		}
	}
	if !containsAny(f, prepLits) {
		return "", ""
	}
	// a refused name may hold the real one ("de CHF 1'250.00 de la part de Nicolas Favre"):
	// look again from where the refused name began
	for pos, tries := 0, 0; pos < len(s) && tries < 4; tries++ {
		m := payerPrepRE.FindStringSubmatchIndex(s[pos:])
		if m == nil {
			break
		}
		e := ""
		if m[4] >= 0 {
			e = s[pos+m[4] : pos+m[5]]
		}
		if n := cleanName(s[pos+m[2] : pos+m[3]]); n != "" {
			return n, e
		}
		pos += m[2]
	}
	if m := payerAddrRE.FindStringSubmatch(s); m != nil {
		return "", m[1]
	}
	return "", ""
}

// emptyBracketsRE: brackets left empty once an address is taken out ("Eliza Hartmann ()").
var emptyBracketsRE = regexp.MustCompile(`[(<\[]\s*(?:mailto:)?\s*[)>\]]`)

// withoutAddress takes the address e out of a labelled name with the brackets or dash
// around it: "Eliza Hartmann (eliza@brightline.example)", "Grace Kim <grace@kim.example>",
// "Jane Cooper - jane@cooper.example" and "jane@cooper.example (Jane Cooper)" give the name.
func withoutAddress(v, e string) string {
	v = strings.Replace(v, e, "", 1)
	v = emptyBracketsRE.ReplaceAllString(v, " ")
	v = strings.TrimSpace(v)
	if strings.HasPrefix(v, "(") && strings.HasSuffix(v, ")") {
		v = v[1 : len(v)-1] // "jane@x (Jane Cooper)"
	}
	return strings.TrimSpace(strings.Trim(v, " \t-–—|/,;:"))
}
