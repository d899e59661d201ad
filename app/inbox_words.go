package app

import (
	"strings"
)

// The Inbox in human words: provider names as the companies write them, what a message is
// and what became of it, and why a sender is not trusted (without the reader's trace).

var providerNames = map[string]string{"paypal": "PayPal", "stripe": "Stripe", "square": "Square", "wise": "Wise",
	"interac": "Interac", "zelle": "Zelle", "venmo": "Venmo", "bank": "Bank", "unknown": "Unknown sender"}

// providerName is how the provider writes its name ("paypal" → "PayPal").
func providerName(p string) string {
	if n, ok := providerNames[p]; ok {
		return n
	}
	if p == "" {
		return "Unknown sender"
	}
	return strings.ToUpper(p[:1]) + p[1:]
}

var mailKindWords = map[string]string{"received": "payment received", "sent": "payment sent by you", "refund": "refund",
	"failed": "failed payment", "pending": "payment pending", "payout": "payout to your bank",
	"request": "request for money", "newsletter": "newsletter", "not_payment": "not a payment"}

// mailKind says what a message is ("received" → "payment received").
func mailKind(k string) string {
	if w, ok := mailKindWords[k]; ok {
		return w
	}
	return strings.ReplaceAll(k, "_", " ")
}

var mailStatusWords = map[string]string{"new": "no match yet", "proposed": "match proposed", "applied": "recorded",
	"rejected": "rejected", "ignored": "nothing to record"}

// mailStatus says what became of a message ("proposed" → "match proposed").
func mailStatus(s string) string {
	if w, ok := mailStatusWords[s]; ok {
		return w
	}
	return s
}

// untrustedWhy is the reason a sender is not trusted, from the reader's trace ("received:
// …; provider paypal: …; untrusted: the server says dmarc=fail" → "the server says
// dmarc=fail").
func untrustedWhy(why string) string {
	r := why
	if i := strings.LastIndex(why, "untrusted: "); i >= 0 {
		r = why[i+len("untrusted: "):]
	}
	r = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(r), "."))
	if r == "" {
		return "the message could not be shown to come from the provider"
	}
	return r
}

var methodNames = map[string]string{"bank": "Bank transfer", "check": "Check", "cash": "Cash", "card": "Card", "other": "Other"}

// methodName is how a payment method reads in lists ("bank" → "Bank transfer", "paypal" →
// "PayPal").
func methodName(m string) string {
	if n, ok := methodNames[m]; ok {
		return n
	}
	if _, ok := providerNames[m]; ok {
		return providerName(m)
	}
	if m == "" {
		return ""
	}
	return strings.ToUpper(m[:1]) + m[1:]
}
