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
	// authserv-id [version]
	if f := strings.Fields(parts[0]); len(f) > 0 {
		ar.ServID = strings.ToLower(f[0])
	}
	for _, p := range parts[1:] {
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
	servID      string   // required authserv-id of the top header ("" = any)
	domains     []string // the provider's domain list
}

// decideTrust applies the rule: the From domain is on the provider's list AND the top
// (first, i.e. added last, by our own receiving server) Authentication-Results header
// shows dmarc=pass with header.from equal to the From domain. Any other
// Authentication-Results header is ignored: a sender can write whatever it likes below the
// top one. It returns the decision and a short reason.
func decideTrust(in trustInput) (bool, string) {
	name := in.provider.Name()
	switch {
	case in.provider == Unknown:
		return false, "untrusted: no payment provider recognised"
	case in.fromHeaders != 1 || in.fromCount != 1:
		return false, fmt.Sprintf("untrusted: %d From headers with %d addresses (exactly one expected)", in.fromHeaders, in.fromCount)
	case in.fromDomain == "":
		return false, "untrusted: From has no domain"
	}
	if _, ok := domainOnList(in.fromDomain, in.domains); !ok {
		return false, fmt.Sprintf("untrusted: From domain %s is not on %s's list", in.fromDomain, name)
	}
	if len(in.authResults) == 0 {
		return false, fmt.Sprintf("untrusted: From domain %s is on %s's list but there is no Authentication-Results header", in.fromDomain, name)
	}
	ar := ParseAuthResults(in.authResults[0])
	if in.servID != "" && !strings.EqualFold(ar.ServID, in.servID) {
		return false, fmt.Sprintf("untrusted: top Authentication-Results is from %q, not from %q", ar.ServID, in.servID)
	}
	var dmarc []AuthResult
	for _, r := range ar.Results {
		if r.Method == "dmarc" {
			dmarc = append(dmarc, r)
		}
	}
	if len(dmarc) == 0 {
		return false, fmt.Sprintf("untrusted: top Authentication-Results (%s) has no dmarc result", ar.ServID)
	}
	for _, r := range dmarc {
		if r.Result != "pass" {
			return false, fmt.Sprintf("untrusted: top Authentication-Results (%s) says dmarc=%s", ar.ServID, r.Result)
		}
	}
	for _, r := range dmarc {
		hf := strings.ToLower(strings.TrimSuffix(r.Props["header.from"], "."))
		if i := strings.LastIndexByte(hf, '@'); i >= 0 {
			hf = hf[i+1:]
		}
		if hf == in.fromDomain {
			return true, fmt.Sprintf("trusted: From domain %s is on %s's list and top Authentication-Results (%s) says dmarc=pass header.from=%s", in.fromDomain, name, ar.ServID, hf)
		}
	}
	hf := dmarc[0].Props["header.from"]
	if hf == "" {
		hf = "(none)"
	}
	return false, fmt.Sprintf("untrusted: top Authentication-Results dmarc=pass is for header.from=%s, not the From domain %s", hf, in.fromDomain)
}
