package inbox

import (
	"math/bits"
	"regexp"
	"strings"

	"github.com/emersion/go-message/mail"
)

// kindHit is a kind phrase found in the subject (line -1) or a body line.
type kindHit struct {
	kind   Kind
	line   int
	phrase string
}

// findKind gives the most specific kind a line's phrases say (kindOrder), if any; votes,
// when not nil, counts the phrases found per lexicon. Only the phrases whose literal's first
// three bytes occur in the line are tried.
func findKind(folded string, votes []int) (Kind, string, bool) {
	lexiconsReady()
	if len(folded) < 3 {
		return "", "", false
	}
	var cand [phraseWords]uint64
	found := false
	for i := 0; i+3 <= len(folded); i++ {
		for _, x := range phraseTri[folded[i:i+3]] {
			cand[x>>6] |= 1 << (x & 63)
			found = true
		}
	}
	for _, x := range phraseNoLit {
		cand[x>>6] |= 1 << (x & 63)
		found = true
	}
	if !found {
		return "", "", false
	}
	var kind Kind
	var match string
	for w := range cand {
		for set := cand[w]; set != 0; set &= set - 1 {
			ph := &allPhrases[w<<6+bits.TrailingZeros64(set)]
			if kind != "" && votes == nil {
				return kind, match, true
			}
			if ph.lit != "" && !strings.Contains(folded, ph.lit) {
				continue
			}
			m := ph.re.FindString(folded)
			if m == "" {
				continue
			}
			if votes != nil {
				votes[ph.lang]++
			}
			if kind == "" {
				kind, match = ph.kind, m
			}
		}
	}
	return kind, match, kind != ""
}

// classify decides what the message says happened: the subject's phrase, refined by the
// body's headline (its first line with a kind phrase) when that one is more specific (a
// subject "You've got money" with the headline "The eCheck is pending" is pending; "Your
// transfer of $5" with "Your transfer to your bank is on its way" is a payout); with no
// phrase in the subject, the body's headline decides. It also
// gives the lines that carry a kind phrase (where the payer's sentence and the payment date
// are looked for).
func classify(subject string, b body) (Kind, string, map[int]bool) {
	k, why, lines, _ := classifyVotes(subject, b)
	return k, why, lines
}

// classifyVotes is classify that also counts the kind phrases per lexicon (in the subject
// and the first 60 lines), for detectLanguage.
func classifyVotes(subject string, b body) (Kind, string, map[int]bool, []int) {
	lines := map[int]bool{}
	votes := make([]int, len(lexicons))
	var subj, head *kindHit
	if k, m, ok := findKind(fold(subject), votes); ok {
		subj = &kindHit{k, -1, m}
		lines[-1] = true
	}
	for i := range b.folded {
		if i > 400 {
			break
		}
		var v []int
		if i < 60 {
			v = votes
		}
		k, m, ok := findKind(b.folded[i], v)
		if !ok {
			continue
		}
		lines[i] = true
		if head == nil {
			head = &kindHit{k, i, m}
		}
	}
	switch {
	case subj == nil && head == nil:
		return KindNotPayment, "no payment wording in subject or body", lines, votes
	case subj == nil:
		return head.kind, "body says \"" + head.phrase + "\"", lines, votes
	case head != nil && rank(head.kind) < rank(subj.kind):
		return head.kind, "subject says \"" + subj.phrase + "\" and the body \"" + head.phrase + "\"", lines, votes
	}
	return subj.kind, "subject says \"" + subj.phrase + "\"", lines, votes
}

func rank(k Kind) int {
	for i, x := range kindOrder {
		if x == k {
			return i
		}
	}
	return len(kindOrder)
}

// statusPending: a labelled status ("Status: Pending", "Estado: pendiente") says the
// money is not there yet.
func statusPending(ls []label) (string, bool) {
	for _, l := range ls {
		if l.kind != "status" {
			continue
		}
		if k, _, ok := findKind(fold(l.value), nil); ok && k == KindPending {
			return strings.TrimSpace(l.value), true
		}
	}
	return "", false
}

// receiptMerchantRE reads the business a receipt is from: "Your receipt from Brightside
// Studio #2291-4417", "Receipt from Figma, Inc. [#1830-2241]", "Recibo de X n.º 33".
var receiptMerchantRE = regexp.MustCompile(`(?i)(?:receipt|quittung|beleg|re[çc]u|recibo|ricevuta) (?:from|von|de|da)\s+(.+?)\s*(?:\[|#|n\.?º|nr\.|no\.|$)|^your (.+?) receipt\b`)

// receiptMerchant gives the business a receipt is from: its subject, else the first body
// line that names one, else the sender's display name.
func receiptMerchant(subject string, b body, fromName string) string {
	for i := -1; i < len(b.lines) && i < 30; i++ {
		s := subject
		if i >= 0 {
			s = b.lines[i]
		}
		if m := receiptMerchantRE.FindStringSubmatch(s); m != nil {
			if n := strings.TrimSpace(strings.TrimRight(m[1]+m[2], " ,.:;")); n != "" {
				return n
			}
		}
	}
	return strings.TrimSpace(fromName)
}

// kindFacts is what settleKind looks at besides the wording.
type kindFacts struct {
	kind     Kind // what classify read
	why      string
	labels   []label
	subject  string
	b        body
	h        mail.Header
	fromName string
	to       string // the first To address
	toName   string // its display name
	mailbox  string // the address the message was delivered to ("" unknown)
	provider Provider
	hasTxn   bool // a transaction id was found
}

// settleKind turns what the wording says into the result: a labelled pending status wins
// over "received"; a receipt is money received when this mailbox got the merchant's copy
// (addressed to the customer) or it is from the addressee's own business, else money the
// owner paid; bulk mail (headers or footer) naming no transaction is a newsletter; and
// nothing from no payment provider is a payment. receiptCopy says the first case (the payer
// is the addressee).
func settleKind(f kindFacts) (kind Kind, why string, receiptCopy bool) {
	kind, why = f.kind, f.why
	if kind == kindRequestPaid {
		kind, why = KindReceived, why+" (a request of yours that was paid)"
	}
	if st, ok := statusPending(f.labels); ok && (kind == KindReceived || kind == kindReceipt) {
		kind, why = KindPending, why+", status \""+st+"\""
	}
	if kind == KindReceived {
		if _, w := notYetLine(f.subject, f.b); w != "" {
			kind, why = KindPending, why+", but the money is not there yet (\""+strings.TrimSpace(w)+"\")"
		}
	}
	if kind == kindReceipt {
		switch merchant := receiptMerchant(f.subject, f.b, f.fromName); {
		case f.mailbox != "" && f.to != "" && f.mailbox != f.to:
			kind, receiptCopy = KindReceived, true
			why += " (the merchant's copy of a receipt addressed to " + f.to + ")"
		case f.toName != "" && merchant != "" && fold(merchant) == fold(f.toName):
			kind = KindReceived
			why += " (a receipt from " + merchant + ", the addressee's own business)"
		default:
			kind = KindSent
			why += " (a receipt for a payment this mailbox made)"
		}
	}
	prec := strings.TrimSpace(f.h.Get("Precedence"))
	bulk := f.h.Get("List-Unsubscribe") != "" || f.h.Get("List-Id") != "" || strings.EqualFold(prec, "bulk") || strings.EqualFold(prec, "list")
	bulkWhy := "bulk mail (List-Unsubscribe/List-Id/Precedence)"
	if !bulk {
		if l := unsubscribeLine(f.b); l != "" {
			bulk, bulkWhy = true, "bulk mail (its footer says \""+clip(l, 60)+"\")"
		}
	}
	switch {
	case f.provider == Unknown && bulk:
		return KindNewsletter, bulkWhy + " from no payment provider", false
	case f.provider == Unknown:
		return KindNotPayment, "no payment provider sent it (" + why + ")", false
	case bulk && !f.hasTxn:
		return KindNewsletter, bulkWhy + " naming no transaction (" + why + ")", false
	}
	return kind, why, receiptCopy
}
