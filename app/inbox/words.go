package inbox

import (
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// A lexicon is one language's wording of payment notices: the names of the labelled fields
// ("Transaction ID:", "Verwendungszweck:", "Numéro de référence :"), the phrases that say
// what happened to the money, the words around a payer's name in a sentence, and month
// names. The reader is the same for every provider and language; only these tables differ
// (words_en.go, words_de.go, words_fr.go, words_es.go, words_more.go).
type lexicon struct {
	code string
	// labels maps what a field holds to its label names as written in mail. Field kinds:
	// name, email, memo (the payer's text), invref (an invoice number), txn, date, amount,
	// fee, net, status, reason (why a refund was made or a payment failed), about (what the
	// notice says a payment is for: "Description:"; the reference when the payer wrote none).
	labels map[string][]string
	// labelPrefixes are label beginnings followed by a name: "Note from Jane Cooper".
	labelPrefixes map[string][]string
	// labelSuffixes are label endings: "...betrag" (Rückzahlungsbetrag) is an amount.
	labelSuffixes map[string][]string
	// kinds are the phrases saying what happened, as regular-expression pieces over the
	// folded text (lower case, accents removed, ’ as '). Tried in kindOrder.
	kinds map[Kind][]string
	// payerVerbs follow the payer's name: "Jane Cooper sent you", "Max hat Ihnen".
	payerVerbs []string
	// payerPreps come before the payer's name: "from", "von", "de la part de".
	payerPreps []string
	// nameStops end a name after a preposition: "von Max Bauer erhalten".
	nameStops []string
	months    map[string]int
	// unsubscribe is the footer wording of bulk mail ("unsubscribe", "se désabonner"), folded.
	unsubscribe []string
	// notYet are the sentences saying that money announced to the owner is not in the
	// account yet: it waits to be deposited or accepted ("To deposit your money, click
	// here", "enroll ... to receive"), it is travelling ("should arrive by", "unterwegs",
	// "en camino") or it can still lapse ("this transfer expires on"). Regular-expression
	// pieces over folded text. A notice that says money was received and one of these is
	// pending (notYetLine).
	notYet []string
	// arriving are the notYet sentences about money travelling ("should arrive by",
	// "unterwegs"); they do not count on a line about the owner's own bank or payout
	// ("Funds will arrive in your bank account on Monday": money received by the provider
	// moving on to the bank).
	arriving []string
}

// Kinds of message. Only KindReceived is money coming in; pending and requested money is
// not received.
const (
	KindReceived   Kind = "received"
	KindSent       Kind = "sent"
	KindRefund     Kind = "refund"
	KindFailed     Kind = "failed"
	KindPending    Kind = "pending"    // money announced but not yet available (eCheck, pending deposit)
	KindPayout     Kind = "payout"     // the owner's balance moved to the owner's bank
	KindRequest    Kind = "request"    // someone asks the owner for money (request, invoice)
	KindNewsletter Kind = "newsletter" // bulk mail
	KindNotPayment Kind = "not_payment"

	// kindReceipt is a receipt ("Your receipt from X"): money the reader's mailbox paid,
	// or the merchant's copy of its customer's receipt. Never a result.
	kindReceipt Kind = "receipt"
	// kindRequestPaid is a request of the owner's that was paid ("JOHN SMITH has fulfilled
	// your money request"): money received. It ranks above request. Never a result.
	kindRequestPaid Kind = "request_paid"
)

// kindOrder: the more specific outcome wins when one line says two things ("your payout
// failed" is failed; "a refund was sent" is a refund; "pending payment received" is pending).
var kindOrder = []Kind{KindFailed, KindRefund, KindPayout, kindRequestPaid, KindRequest, KindPending, KindSent, kindReceipt, KindReceived}

var lexicons = []*lexicon{&lexEN, &lexDE, &lexFR, &lexES, &lexIT, &lexNL, &lexPT}

// fold lower-cases s and removes accents and marks ("Référence" → "reference",
// "Überweisung" → "uberweisung"); curly apostrophes become '. For matching words only.
func fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == '’' || r == '‘' || r == 'ʼ':
			r = '\''
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// The indexes built from the lexicons.
var (
	labelIndex = map[string]labelEntry{} // normalised label → what it holds
	// labelFirstWords are the first words of the labels (a cheap test for inlineLabel)
	labelFirstWords = map[string]bool{}
	prefixIndex     []labelAffix
	suffixIndex     []labelAffix
	monthIndex      = map[string]int{}
	allPhrases      []phrase             // every language's kind phrases, in kindOrder
	phraseTri       = map[string][]int{} // first 3 bytes of a phrase's literal → allPhrases indexes
	phraseNoLit     []int                // phrases without a literal: always tried
	verbLits        []string             // folded payer verbs and prepositions: cheap tests before payerVerbRE / payerPrepRE
	prepLits        []string
	payerVerbRE     *regexp.Regexp // "NAME (email) sent you"
	payerPrepRE     *regexp.Regexp // "from NAME (email)"
	payerAddrRE     *regexp.Regexp // "from name@example.com"
	notYetRE        *regexp.Regexp // every lexicon's notYet wording
	arrivingRE      *regexp.Regexp // every lexicon's arriving wording
	monthAlt        string         // month names for the date expressions
)

// A phrase is one kind phrase; lit is text every match contains (a cheap test before the
// regular expression runs: most lines contain none).
type phrase struct {
	kind Kind
	lit  string
	re   *regexp.Regexp
	lang int
}

// phraseWords is the size of a bit set over allPhrases.
const phraseWords = 12

// requiredLiteral is the longest literal text every match of a phrase contains: a run of
// plain characters outside groups ("" when the phrase has a top-level alternation or no run
// of at least 3 bytes).
func requiredLiteral(ph string) string {
	best := ""
	depth := 0
	run := []byte{}
	flush := func(next byte) {
		r := run
		if (next == '?' || next == '*' || next == '{') && len(r) > 0 {
			r = r[:len(r)-1] // the last character is optional
		}
		if len(r) > len(best) {
			best = string(r)
		}
		run = run[:0]
	}
	for i := 0; i < len(ph); i++ {
		c := ph[i]
		switch {
		case c == '\\':
			flush(0)
			i++ // an escape (\b, \.): not plain text
		case c == '(':
			flush(0)
			depth++
		case c == ')':
			depth--
		case c == '|' && depth == 0:
			return ""
		case depth > 0:
		case strings.IndexByte(".[]{}?*+^$", c) >= 0:
			flush(c)
			if c == '[' {
				for i < len(ph) && ph[i] != ']' {
					i++
				}
			}
			if c == '{' {
				for i < len(ph) && ph[i] != '}' {
					i++
				}
			}
		default:
			run = append(run, c)
		}
	}
	flush(0)
	if len(best) < 3 {
		return ""
	}
	return best
}

type labelEntry struct {
	kind  string
	langs uint // bit i: lexicons[i] uses this label
}

type labelAffix struct {
	affix, kind string
	lang        int
}

// lexiconsOnce builds the indexes and expressions of the lexicons on the first read of a
// mail, not at start-up: they take about 20 ms, which every command and the window paid.
var lexiconsOnce sync.Once

// lexiconsReady builds the lexicon indexes once; every function that reads them calls it.
func lexiconsReady() { lexiconsOnce.Do(buildLexicons) }

func buildLexicons() {
	var preps, verbs, stops, notYet, arriving []string
	for li, lx := range lexicons {
		notYet = append(notYet, lx.notYet...)
		arriving = append(arriving, lx.arriving...)
		for kind, names := range lx.labels {
			for _, n := range names {
				k := normLabel(n)
				e := labelIndex[k]
				if e.kind != "" && e.kind != kind {
					panic("inbox: label " + k + " is both " + e.kind + " and " + kind)
				}
				labelIndex[k] = labelEntry{kind: kind, langs: e.langs | 1<<li}
				labelFirstWords[strings.Fields(k)[0]] = true
			}
		}
		for kind, ps := range lx.labelPrefixes {
			for _, p := range ps {
				prefixIndex = append(prefixIndex, labelAffix{normLabel(p) + " ", kind, li})
			}
		}
		for kind, ps := range lx.labelSuffixes {
			for _, p := range ps {
				suffixIndex = append(suffixIndex, labelAffix{normLabel(p), kind, li})
			}
		}
		for m, n := range lx.months {
			monthIndex[fold(m)] = n
		}
		preps = append(preps, lx.payerPreps...)
		verbs = append(verbs, lx.payerVerbs...)
		stops = append(stops, lx.nameStops...)
	}
	for _, k := range kindOrder {
		for li, lx := range lexicons {
			for _, ph := range lx.kinds[k] {
				lit := strings.TrimSpace(requiredLiteral(ph))
				i := len(allPhrases)
				allPhrases = append(allPhrases, phrase{kind: k, lit: lit, re: regexp.MustCompile(`\b(?:` + ph + `)`), lang: li})
				if len(lit) >= 3 {
					phraseTri[lit[:3]] = append(phraseTri[lit[:3]], i)
				} else {
					phraseNoLit = append(phraseNoLit, i)
				}
			}
		}
	}
	if len(allPhrases) > phraseWords*64 {
		panic("inbox: more kind phrases than phraseWords holds")
	}
	for _, v := range verbs {
		verbLits = append(verbLits, fold(v))
	}
	for _, p := range preps {
		prepLits = append(prepLits, fold(p)+" ")
	}
	notYetRE = regexp.MustCompile(`\b(?:` + strings.Join(notYet, "|") + `)`)
	arrivingRE = regexp.MustCompile(`\b(?:` + strings.Join(arriving, "|") + `)`)
	var ms []string
	for m := range monthIndex {
		ms = append(ms, regexp.QuoteMeta(m))
	}
	sortLongestFirst(ms)
	monthAlt = `(` + strings.Join(ms, "|") + `)`
	initDateREs()
	// the longest affix is tried first, so the result does not depend on map order
	sort.Slice(prefixIndex, func(i, j int) bool { return affixLess(prefixIndex[i], prefixIndex[j]) })
	sort.Slice(suffixIndex, func(i, j int) bool { return affixLess(suffixIndex[i], suffixIndex[j]) })
	for _, xs := range [][]string{preps, verbs, stops} {
		sortLongestFirst(xs)
		for i := range xs {
			xs[i] = regexp.QuoteMeta(xs[i])
		}
	}
	// A name: a letter, then letters, marks, digits and & . , ' ’ - spaces (lazy, up to 80).
	name := `(\p{L}[\p{L}\p{M}0-9&.,'’ -]{0,80}?)`
	email := `(?:\s*[(<]\s*(` + emailRE.String() + `)\s*[)>])?`
	payerVerbRE = regexp.MustCompile(`^(?:[\p{L}\p{M} -]{1,30}\s?:\s*)?` + name + email + `\s+(?:(?i:has|just|hat|a)\s+)?(?i:` + strings.Join(verbs, "|") + `)(?:\s|[.,!:]|$)`)
	payerAddrRE = regexp.MustCompile(`(?:^|\s)(?i:` + strings.Join(preps, "|") + `)\s+[(<]?(` + emailRE.String() + `)`)
	// a title's dot does not end the sentence ("de la part de M. JULIEN MOREAU"); the words
	// that end a name are matched as written, lower case, so an initial does not ("MRS A PATEL")
	title := `(?:(?:M|Mr|Mrs|Ms|Mx|Dr|Mme|Mlle|Me|Sr|Sra|Srta|Hr|Fr|Prof)\.\s+)?`
	payerPrepRE = regexp.MustCompile(`(?:^|\s)(?i:` + strings.Join(preps, "|") + `)\s+(` + title + `[\p{Lu}\p{Lt}\p{Lo}][\p{L}\p{M}0-9&.,'’ -]{0,80}?)` + email +
		`\s*(?:[.!]\s|[.!]?$|[,;:(]|\s+(?:` + strings.Join(stops, "|") + `)(?:\s|[.,!]|$))`)
}

func affixLess(a, b labelAffix) bool {
	if len(a.affix) != len(b.affix) {
		return len(a.affix) > len(b.affix)
	}
	return a.affix+a.kind < b.affix+b.kind
}

func sortLongestFirst(xs []string) {
	for i := 1; i < len(xs); i++ {
		for j := i; j > 0 && len(xs[j]) > len(xs[j-1]); j-- {
			xs[j], xs[j-1] = xs[j-1], xs[j]
		}
	}
}

// unsubscribeLine gives a line among the last 60 of the body with bulk-mail footer wording
// ("Unsubscribe", "Se désabonner"), or "".
func unsubscribeLine(b body) string {
	for i := len(b.folded) - 1; i >= 0 && i >= len(b.folded)-60; i-- {
		for _, lx := range lexicons {
			if containsAny(b.folded[i], lx.unsubscribe) {
				return b.lines[i]
			}
		}
	}
	return ""
}

// ownBankRE: a line about the owner's own bank account or payout ("Funds will arrive in
// your bank account on Monday"): money received in the provider's balance that is moving
// on to the bank is not pending for that.
var ownBankRE = regexp.MustCompile(`\b(?:bank account|your bank\b|payouts?\b|bankkonto|ihre bank\b|deine bank\b|auszahlung|compte bancaire|votre banque|versement|cuenta bancaria|tu banco|su banco|retiro\b|liquidacion)`)

// notYetLine gives the first line of the subject and the body's first 80 lines that
// says the money is not in the account yet (lexicon.notYet, lexicon.arriving), and the
// words that say it.
func notYetLine(subject string, b body) (line, words string) {
	lexiconsReady()
	for i := -1; i < len(b.folded) && i < 80; i++ {
		f := fold(subject)
		if i >= 0 {
			f = b.folded[i]
		}
		if len(f) < 6 {
			continue
		}
		m := notYetRE.FindString(f)
		if m == "" && !ownBankRE.MatchString(f) {
			m = arrivingRE.FindString(f)
		}
		if m != "" {
			if i < 0 {
				return subject, m
			}
			return b.lines[i], m
		}
	}
	return "", ""
}

// labelKind says what a normalised label holds ("" = not a label the reader uses).
func labelKind(k string) string {
	lexiconsReady()
	if e, ok := labelIndex[k]; ok {
		return e.kind
	}
	for _, p := range prefixIndex {
		if strings.HasPrefix(k, p.affix) {
			return p.kind
		}
	}
	for _, p := range suffixIndex {
		if strings.HasSuffix(k, p.affix) && k != p.affix {
			return p.kind
		}
	}
	return ""
}

// labelLangs gives the lexicons that use a label (a bit set).
func labelLangs(k string) uint {
	lexiconsReady()
	if e, ok := labelIndex[k]; ok {
		return e.langs
	}
	var m uint
	for _, p := range prefixIndex {
		if strings.HasPrefix(k, p.affix) {
			m |= 1 << p.lang
		}
	}
	for _, p := range suffixIndex {
		if strings.HasSuffix(k, p.affix) && k != p.affix {
			m |= 1 << p.lang
		}
	}
	return m
}

func isKnownLabel(k string) bool { return labelKind(k) != "" }

// detectLanguage votes by the labels found and the kind phrases of the subject and the
// first lines (kindVotes, from classify): the lexicon with most votes, or nil when nothing is
// recognised.
func detectLanguage(ls []label, kindVotes []int) *lexicon {
	votes := make([]int, len(lexicons))
	for _, l := range ls {
		m := labelLangs(l.key)
		if m == 0 || m == 1<<uint(len(lexicons))-1 {
			continue
		}
		for i := range lexicons {
			if m&(1<<i) != 0 {
				votes[i]++
			}
		}
	}
	for i, v := range kindVotes {
		votes[i] += 2 * v
	}
	best, n := -1, 0
	for i, v := range votes {
		if v > n {
			best, n = i, v
		}
	}
	if best < 0 {
		return nil
	}
	return lexicons[best]
}

func set(xs ...string) map[string]bool {
	m := make(map[string]bool, len(xs))
	for _, x := range xs {
		m[x] = true
	}
	return m
}
