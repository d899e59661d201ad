package inbox

import (
	"fmt"
	"strings"
)

// AuthResult is one method result of an Authentication-Results header (RFC 8601), e.g.
// "dmarc=pass (p=REJECT) header.from=paypal.com".
type AuthResult struct {
	Method string            // lower case: dmarc, dkim, spf, ...
	Result string            // lower case: pass, fail, none, ...
	Props  map[string]string // lower-case "ptype.property" → value, e.g. "header.from"
}

// AuthResults is a parsed Authentication-Results header.
type AuthResults struct {
	ServID  string
	Results []AuthResult
}

// ParseAuthResults parses one Authentication-Results header value. Comments are dropped;
// it never fails: what cannot be read is left out.
func ParseAuthResults(v string) AuthResults {
	v = stripComments(v)
	parts := splitUnquoted(v, ';')
	var ar AuthResults
	if len(parts) == 0 {
		return ar
	}
	// authserv-id [version]. A first token with "=" is a result, not an authserv-id (which
	// is a token or quoted string and cannot contain "="): Microsoft's servers write their
	// header without one. Such a header has ServID "" and never matches a configured id.
	results := parts[1:]
	if f := strings.Fields(parts[0]); len(f) > 0 {
		if strings.Contains(f[0], "=") {
			results = parts
		} else {
			ar.ServID = strings.ToLower(unquote(f[0]))
		}
	}
	for _, p := range results {
		toks := fieldsUnquoted(p)
		if len(toks) == 0 {
			continue
		}
		mr := strings.SplitN(toks[0], "=", 2)
		if len(mr) != 2 {
			continue // "none" or junk
		}
		method := strings.ToLower(strings.TrimSpace(mr[0]))
		if i := strings.IndexByte(method, '/'); i >= 0 { // method/version
			method = method[:i]
		}
		r := AuthResult{Method: method, Result: strings.ToLower(unquote(mr[1])), Props: map[string]string{}}
		for _, t := range toks[1:] {
			kv := strings.SplitN(t, "=", 2)
			if len(kv) != 2 {
				continue
			}
			k := strings.ToLower(strings.TrimSpace(kv[0]))
			if _, dup := r.Props[k]; !dup {
				r.Props[k] = unquote(kv[1])
			}
		}
		ar.Results = append(ar.Results, r)
	}
	return ar
}

// stripComments removes RFC 5322 comments "(...)" (nested, with quoted-pairs), outside
// quoted strings.
func stripComments(s string) string {
	var b strings.Builder
	depth := 0
	inQuote := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\\' && (inQuote || depth > 0) && i+1 < len(s):
			if depth == 0 {
				b.WriteByte(c)
				b.WriteByte(s[i+1])
			}
			i++
		case inQuote:
			b.WriteByte(c)
			if c == '"' {
				inQuote = false
			}
		case c == '(':
			depth++
			if depth == 1 {
				b.WriteByte(' ')
			}
		case c == ')' && depth > 0:
			depth--
		case depth > 0:
		case c == '"':
			inQuote = true
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// splitUnquoted splits s at sep outside double quotes.
func splitUnquoted(s string, sep byte) []string {
	var out []string
	inQuote := false
	start := 0
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '\\' && inQuote:
			i++
		case s[i] == '"':
			inQuote = !inQuote
		case s[i] == sep && !inQuote:
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}

// fieldsUnquoted splits at white space outside double quotes; white space around '=' is
// dropped, so "a = b" is the one token "a=b".
func fieldsUnquoted(s string) []string {
	var toks []string
	var cur strings.Builder
	inQuote := false
	isWS := func(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\\' && inQuote && i+1 < len(s):
			cur.WriteByte(c)
			cur.WriteByte(s[i+1])
			i++
		case c == '"':
			inQuote = !inQuote
			cur.WriteByte(c)
		case !inQuote && isWS(c):
			j := i
			for j < len(s) && isWS(s[j]) {
				j++
			}
			i = j - 1
			if strings.HasSuffix(cur.String(), "=") || (j < len(s) && s[j] == '=') {
				continue
			}
			if cur.Len() > 0 {
				toks = append(toks, cur.String())
				cur.Reset()
			}
		default:
			cur.WriteByte(c)
		}
	}
	if cur.Len() > 0 {
		toks = append(toks, cur.String())
	}
	return toks
}

func unquote(s string) string {
	s = strings.TrimSpace(s)
	if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' {
		s = s[1 : len(s)-1]
		s = strings.ReplaceAll(s, `\"`, `"`)
		s = strings.ReplaceAll(s, `\\`, `\`)
	}
	return s
}

// domainOnList reports whether domain is one of list or a subdomain of one of them.
func domainOnList(domain string, list []string) (string, bool) {
	domain = strings.TrimSuffix(strings.ToLower(domain), ".")
	if domain == "" {
		return "", false
	}
	for _, d := range list {
		d = strings.ToLower(strings.TrimSpace(d))
		if d == "" {
			continue
		}
		if domain == d || strings.HasSuffix(domain, "."+d) {
			return d, true
		}
	}
	return "", false
}

// trustInput is what the trust decision looks at.
type trustInput struct {
	provider    Provider
	fromDomain  string
	fromCount   int      // addresses in From (several = not trusted)
	fromHeaders int      // number of From header fields
	authResults []string // Authentication-Results values, top first
	servID      string   // the owner's receiving server's authserv-id(s) ("" = the top header, whoever wrote it)
	domains     []string // the provider's domain list
}

// ServIDMatches tells whether an authserv-id found in a header is one of the configured
// ones. configured lists one or more ids separated by commas or spaces; "*.example.com"
// stands for example.com and every name under it (for providers whose receiving servers
// each write their own host name, e.g. mx1…mx6.messagingengine.com). Case is ignored.
func ServIDMatches(configured, found string) bool {
	found = strings.TrimSuffix(strings.ToLower(strings.TrimSpace(found)), ".")
	if found == "" {
		return false
	}
	for _, c := range strings.FieldsFunc(strings.ToLower(configured), func(r rune) bool { return r == ',' || r == ' ' }) {
		c = strings.TrimSuffix(c, ".")
		if base, ok := strings.CutPrefix(c, "*."); ok {
			if base != "" && (found == base || strings.HasSuffix(found, "."+base)) {
				return true
			}
		} else if c == found {
			return true
		}
	}
	return false
}

// ownResults picks the Authentication-Results header the decision rests on.
//
// Without a configured authserv-id it is the top one (how parse-mail behaves for scripts;
// reconcile never trusts without one).
//
// With one, it is the topmost header carrying that authserv-id. RFC 8601 §5 makes the
// receiving border MTA delete (or obscure) any header that claims its own authserv-id but
// arrived from outside, so a header with our id was written by our server; and a reader is
// to ignore results from authserv-ids it does not trust (the security considerations on
// forged header fields, §7.1). So:
//   - headers with other ids are ignored wherever they are. Those above ours were added
//     after our server inside the owner's own delivery chain (a filter, Dovecot/Sieve,
//     a forwarding hop): they do not weaken our server's verdict and do not replace it.
//     Those below ours came with the message from outside, where a sender writes what it
//     likes (`mx.evil.example; dmarc=pass header.from=paypal.com`).
//   - when several carry our id, the topmost is the one our server wrote last (headers
//     are prepended in delivery order); any lower one is either an earlier verdict of
//     ours or a forgery the border failed to strip, and neither may override the top one.
//   - a message with no header carrying our id is not trusted, whatever else it says.
func ownResults(headers []string, servID string) (AuthResults, string, bool) {
	if len(headers) == 0 {
		return AuthResults{}, "there is no Authentication-Results header", false
	}
	if servID == "" {
		return ParseAuthResults(headers[0]), "", true
	}
	var others []string
	for _, h := range headers {
		ar := ParseAuthResults(h)
		if ServIDMatches(servID, ar.ServID) {
			return ar, "", true
		}
		id := ar.ServID
		if id == "" {
			id = "a server that gave no name"
		}
		if len(others) < 3 {
			others = append(others, id)
		}
	}
	return AuthResults{}, fmt.Sprintf("no Authentication-Results header was written by your receiving server %s (only by %s)", servID, strings.Join(others, ", ")), false
}

// decideTrust applies the rule: the From domain is on the provider's list AND the
// Authentication-Results header written by the owner's own receiving server (ownResults)
// shows dmarc=pass with header.from equal to the From domain. It returns the decision and a
// short reason.
func decideTrust(in trustInput) (bool, string) {
	name := in.provider.Name()
	switch {
	case in.provider == Unknown:
		return false, "untrusted: no payment provider recognised"
	case in.fromHeaders != 1:
		return false, "untrusted: the message has " + countOf(in.fromHeaders, "From header", "From headers") + " (exactly one expected)"
	case in.fromCount != 1:
		return false, "untrusted: From holds " + countOf(in.fromCount, "address", "addresses") + " (exactly one expected)"
	case in.fromDomain == "":
		return false, "untrusted: From has no domain"
	}
	if _, ok := domainOnList(in.fromDomain, in.domains); !ok {
		return false, fmt.Sprintf("untrusted: From domain %s is not on %s's list", in.fromDomain, name)
	}
	ar, why, ok := ownResults(in.authResults, in.servID)
	if !ok {
		return false, fmt.Sprintf("untrusted: From domain %s is on %s's list but %s", in.fromDomain, name, why)
	}
	which := "top Authentication-Results"
	if in.servID != "" {
		which = "Authentication-Results of your server"
	}
	var dmarc []AuthResult
	for _, r := range ar.Results {
		if r.Method == "dmarc" {
			dmarc = append(dmarc, r)
		}
	}
	if len(dmarc) == 0 {
		return false, fmt.Sprintf("untrusted: %s (%s) has no dmarc result", which, ar.ServID)
	}
	for _, r := range dmarc {
		if r.Result != "pass" {
			return false, fmt.Sprintf("untrusted: %s (%s) says dmarc=%s", which, ar.ServID, r.Result)
		}
	}
	for _, r := range dmarc {
		hf := strings.ToLower(strings.TrimSuffix(r.Props["header.from"], "."))
		if i := strings.LastIndexByte(hf, '@'); i >= 0 {
			hf = hf[i+1:]
		}
		if hf == in.fromDomain {
			return true, fmt.Sprintf("trusted: From domain %s is on %s's list and %s (%s) says dmarc=pass header.from=%s", in.fromDomain, name, which, ar.ServID, hf)
		}
	}
	hf := dmarc[0].Props["header.from"]
	if hf == "" {
		hf = "(none)"
	}
	return false, fmt.Sprintf("untrusted: %s dmarc=pass is for header.from=%s, not the From domain %s", which, hf, in.fromDomain)
}

// countOf says n things in words: "no address", "1 address", "2 addresses".
func countOf(n int, one, many string) string {
	switch n {
	case 0:
		return "no " + one
	case 1:
		return "1 " + one
	}
	return fmt.Sprint(n) + " " + many
}
