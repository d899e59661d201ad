package inbox

import "strings"

// kindHit is a kind phrase found in the subject (line -1) or a body line.
type kindHit struct {
	kind   Kind
	line   int
	phrase string
}

// findKind gives the most specific kind a line's phrases say (kindOrder), if any.
func findKind(folded string) (Kind, string, bool) {
	for _, k := range kindOrder {
		if m := kindREs[k].FindString(folded); m != "" {
			return k, m, true
		}
	}
	return "", "", false
}

// classify decides what the message says happened: the subject's phrase, refined by the
// body's headline (its first line with a kind phrase) when that one is more specific ("You've
// got money" over "The eCheck is pending"; "Your transfer of $5" over "Your transfer to your
// bank is on its way"); with no phrase in the subject, the body's headline decides. It also
// gives the lines that carry a kind phrase (where the payer's sentence and the payment date
// are looked for).
func classify(subject string, b body) (Kind, string, map[int]bool) {
	lines := map[int]bool{}
	var subj, head *kindHit
	if k, m, ok := findKind(fold(subject)); ok {
		subj = &kindHit{k, -1, m}
		lines[-1] = true
	}
	for i := range b.folded {
		if i > 400 {
			break
		}
		k, m, ok := findKind(b.folded[i])
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
		return KindNotPayment, "no payment wording in subject or body", lines
	case subj == nil:
		return head.kind, "body says \"" + head.phrase + "\"", lines
	case head != nil && rank(head.kind) < rank(subj.kind):
		return head.kind, "subject says \"" + subj.phrase + "\" and the body \"" + head.phrase + "\"", lines
	}
	return subj.kind, "subject says \"" + subj.phrase + "\"", lines
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
		if k, _, ok := findKind(fold(l.value)); ok && k == KindPending {
			return strings.TrimSpace(l.value), true
		}
	}
	return "", false
}
