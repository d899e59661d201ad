// Package inbox reads the owner's mailbox for payment confirmations: IMAP fetch of new
// messages (fetch.go), and the reader that says what a message is (Parse): which provider,
// money in or out, how much, from whom, for what, and whether the sender is authentic.
// Matching against open invoices builds on Parsed. No Fyne here.
package inbox

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"duebook/data"

	"github.com/emersion/go-message/mail"
	"golang.org/x/text/encoding/charmap"
)

// Parsed is what the reader sees in one message. Unknown text fields are "".
type Parsed struct {
	MessageID string // without angle brackets
	From      string // the From address, lower case
	FromName  string // its display name
	To        string // the first To address, lower case
	Subject   string

	Provider Provider
	Kind     Kind
	Trusted  bool

	// Amount is the gross amount in minor units of Currency (what the payer paid); HasAmount
	// says whether one was found. Fee and Net are filled when the message itemises them
	// (PayPal, Stripe): matching may try Net when Amount matches nothing.
	Amount    int64
	HasAmount bool
	Currency  string
	Fee, Net  int64

	PayerName  string
	PayerEmail string // lower case
	// Reference is the payer's memo / message / remittance text; InvoiceRefs are the
	// invoice-number-like tokens found in it, then in the subject and body (best first).
	Reference   string
	InvoiceRefs []string

	TransactionID string    // the provider's id of the payment
	Date          data.Date // the payment date (the message's Date header when the text has none)

	Why       string   // one line: what decided provider, kind and trust
	Truncated []string // parts of the message that were skipped (limits, broken MIME)
	BodyType  string   // text/plain or text/html: which part was read
}

// Record is the parse-mail JSON object (DESIGN.md). Field order and names are fixed:
// scripts read them.
type Record struct {
	File          string `json:"file"`
	MessageID     string `json:"message_id"`
	Provider      string `json:"provider"`
	Kind          string `json:"kind"`
	Trusted       bool   `json:"trusted"`
	Amount        string `json:"amount"`
	Currency      string `json:"currency"`
	PayerName     string `json:"payer_name"`
	PayerEmail    string `json:"payer_email"`
	Reference     string `json:"reference"`
	TransactionID string `json:"transaction_id"`
	Date          string `json:"date"`
	Why           string `json:"why"`
}

// Record gives the parse-mail record of p read from file.
func (p Parsed) Record(file string) Record {
	r := Record{
		File: file, MessageID: p.MessageID, Provider: string(p.Provider), Kind: string(p.Kind),
		Trusted: p.Trusted, PayerName: p.PayerName, PayerEmail: p.PayerEmail, Reference: p.Reference,
		TransactionID: p.TransactionID, Date: p.Date.String(), Why: p.Why,
	}
	if p.HasAmount {
		r.Amount = data.FormatPlain(p.Amount, p.Currency)
		r.Currency = p.Currency
	}
	return r
}

// JSON gives the parse-mail JSON object of p (one line, no trailing newline).
func (p Parsed) JSON(file string) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(p.Record(file)) // only strings and a bool: cannot fail
	return bytes.TrimRight(b.Bytes(), "\n")
}

// Parser reads payment mail. The zero value uses the defaults.
type Parser struct {
	// BankDomains are the banks whose notices are trusted (nil: DefaultBankDomains); an
	// entry such as "sparkasse-*.de" stands for a family of banks (see DefaultBankDomains).
	BankDomains []string
	// AuthServID, when set, is the authserv-id the top Authentication-Results header must
	// carry (the owner's own mail server, e.g. "mx.google.com").
	AuthServID string
	Limits     Limits
}

// Parse reads one raw RFC 5322 message with the default Parser.
func Parse(raw []byte) (Parsed, error) { return (&Parser{}).Parse(raw) }

// Parse reads one raw message. It fails only when the message is over the size limit
// (ErrTooLarge) or has no readable header (ErrNotMail); a broken or over-deep body gives a
// result with Truncated set. It never panics (a bug gives ErrInternal) and its work is
// bounded by Limits. A Parser is safe for concurrent use.
func (ps *Parser) Parse(raw []byte) (p Parsed, err error) {
	// Last line of defence for a mail-reading loop: a bug (here or in a library) on one
	// hostile message must not stop the others. Tests treat ErrInternal as a failure.
	defer func() {
		if r := recover(); r != nil {
			p = Parsed{Provider: Unknown, Kind: KindNotPayment, Why: fmt.Sprintf("not read: internal error: %v", r)}
			err = fmt.Errorf("%w: %v", ErrInternal, r)
		}
	}()
	return ps.parse(raw)
}

// ErrInternal is returned (wrapped) when reading a message hit a bug; please report it.
var ErrInternal = errors.New("internal error reading the message")

func (ps *Parser) parse(raw []byte) (Parsed, error) {
	lim := ps.Limits.withDefaults()
	banks := ps.BankDomains
	if banks == nil {
		banks = DefaultBankDomains
	}
	c, err := readContent(raw, lim)
	if err != nil {
		return Parsed{Provider: Unknown, Kind: KindNotPayment, Why: "not read: " + oneLine(err.Error())}, err
	}
	h := mail.Header{Header: c.header}
	var p Parsed
	p.Truncated = c.truncated

	// identity and addresses
	if id, err := h.MessageID(); err == nil {
		p.MessageID = id
	} else {
		p.MessageID = strings.Trim(strings.TrimSpace(h.Get("Message-Id")), "<>")
	}
	p.MessageID = validText(p.MessageID)
	p.Subject = clip(oneLine(headerText(h, "Subject")), 1000)
	fromHeaders := len(h.Values("From"))
	froms, _ := h.AddressList("From")
	if len(froms) > 0 {
		p.From = strings.ToLower(froms[0].Address)
		p.FromName = clip(oneLine(validText(froms[0].Name)), 200)
	} else if f := emailRE.FindString(h.Get("From")); f != "" {
		p.From = strings.ToLower(f)
	}
	toName := ""
	if tos, _ := h.AddressList("To"); len(tos) > 0 {
		p.To = strings.ToLower(tos[0].Address)
		toName = strings.TrimSpace(validText(tos[0].Name))
	}
	fromDomain := ""
	if i := strings.LastIndexByte(p.From, '@'); i >= 0 {
		fromDomain = strings.TrimSuffix(p.From[i+1:], ".")
	}

	banks = withBankFamily(fromDomain, banks)

	text, bodyType := c.text()
	p.BodyType = bodyType
	b := splitBody(text)
	lines := b.lines

	// provider and trust
	var provWhy string
	p.Provider, provWhy = detectProvider(fromDomain, p.FromName, p.Subject, text, banks)
	fromCount := len(froms)
	if fromCount == 0 && p.From != "" {
		fromCount = 1
	}
	var trustWhy string
	p.Trusted, trustWhy = decideTrust(trustInput{
		provider: p.Provider, fromDomain: fromDomain, fromCount: fromCount, fromHeaders: fromHeaders,
		authResults: h.Values("Authentication-Results"), servID: ps.AuthServID,
		domains: trustedDomains(p.Provider, banks),
	})

	// kind, amounts and the provider's id
	labels := bankReference(findLabels(lines))
	kind, kindWhy, kindLines, kindVotes := classifyVotes(p.Subject, b)
	lang := detectLanguage(labels, kindVotes)
	mailbox := deliveredTo(h)
	dollar := defaultDollar(p.Provider, fromDomain)
	if dollar == "USD" && lang != nil && lang.code == "fr" && !europeanFrench(fromDomain) {
		// "1 275,00 $" in French from a .com sender is Canadian (Quebec: Square Canada, Stripe);
		// a currency label or code still wins
		dollar = "CAD"
	}
	readAmounts(&p, lines, labels, dollar)
	if l, ok := firstLabel(labels, "txn"); ok {
		p.TransactionID = cleanTxnID(l.value)
	}
	if p.TransactionID == "" && p.Provider == Stripe {
		p.TransactionID = stripeIDRE.FindString(text)
	}
	if p.TransactionID == "" {
		p.TransactionID = sentenceTxnID(p.Subject, b)
	}
	var receiptCopy bool
	kind, kindWhy, receiptCopy = settleKind(kindFacts{
		kind: kind, why: kindWhy, labels: labels, subject: p.Subject, b: b, h: h,
		fromName: p.FromName, to: p.To, toName: toName, mailbox: mailbox,
		provider: p.Provider, hasTxn: p.TransactionID != "",
	})

	// who paid, for what, when
	ownDomains := trustedDomains(p.Provider, banks)
	exclude := func(e string) bool {
		if e == p.From || e == p.To || e == mailbox {
			return true
		}
		if i := strings.LastIndexByte(e, '@'); i >= 0 {
			if _, ok := domainOnList(e[i+1:], ownDomains); ok {
				return true
			}
		}
		return false
	}
	p.Kind = kind
	switch p.Kind {
	case KindReceived, KindPending, KindFailed:
		if receiptCopy {
			p.PayerEmail = p.To
		} else {
			p.PayerName, p.PayerEmail = payer(p.Subject, b, labels, func(i int) bool { return kindLines[i] }, exclude, toName)
		}
		if p.PayerEmail == "" && !receiptCopy {
			// notices that relay a person's money (Interac) set Reply-To to that person
			if rt, _ := h.AddressList("Reply-To"); len(rt) == 1 {
				if e := strings.ToLower(rt[0].Address); e != "" && !exclude(e) && !sameDomain(e, p.From) && !sameDomain(e, p.To) {
					p.PayerEmail = validText(e)
				}
			}
		}
	case KindNewsletter:
		p.Amount, p.HasAmount, p.Currency, p.Fee, p.Net = 0, false, "", 0, 0
	}
	var invRef string
	if l, ok := firstLabel(labels, "invref"); ok {
		invRef = cleanTxnID(l.value)
	}
	if l, ok := firstLabel(labels, "memo"); ok {
		p.Reference = clip(cleanText(l.value), 300)
	} else if l, ok := firstLabel(labels, "about"); ok {
		p.Reference = clip(cleanText(l.value), 300) // what the notice says it is for
	} else if l, ok := firstLabel(labels, "reason"); ok && p.Kind == KindRefund {
		p.Reference = clip(cleanText(l.value), 300) // the refund's note
	} else if invRef != "" {
		p.Reference = invRef
	} else if p.Provider == Venmo {
		p.Reference = venmoNote(lines)
	}
	p.InvoiceRefs = InvoiceRefs(p.Reference)
	more := InvoiceRefs(p.Subject)
	if invRef != "" {
		more = append([]string{invRef}, more...)
	}
	for _, r := range append(more, InvoiceRefs(prefix(text, 20000))...) {
		if !containsFold(p.InvoiceRefs, r) {
			p.InvoiceRefs = append(p.InvoiceRefs, r)
		}
	}
	if p.Reference == "" && len(p.InvoiceRefs) > 0 {
		p.Reference = p.InvoiceRefs[0]
	}
	order := numericDateOrder(lang, p.Currency, fromDomain)
	var dateWhy string
	p.Date, dateWhy = paymentDate(p.Subject, b, labels, kindLines, order)
	if p.Date.IsZero() && dateWhy == "" {
		if t, err := h.Date(); err == nil && !t.IsZero() {
			p.Date = data.DateOf(t)
		}
	}
	langName := "no language recognised"
	if lang != nil {
		langName = "language " + lang.code
	}

	// why: one line
	why := []string{string(p.Kind) + ": " + kindWhy, "provider " + string(p.Provider) + ": " + provWhy, langName, trustWhy}
	if dateWhy != "" {
		why = append(why, dateWhy)
	}
	if p.Kind == KindReceived && !p.HasAmount {
		why = append(why, "no amount found")
	}
	if len(p.Truncated) > 0 {
		why = append(why, "partly read: "+strings.Join(p.Truncated, ", "))
	}
	p.Why = validText(oneLine(strings.Join(why, "; ")))
	p.From, p.To = validText(p.From), validText(p.To)
	return p, nil
}

// venmoNote: Venmo shows the payer's note, unlabelled, under the headline "X paid you $Y"
// (which HTML may repeat, or split from its amount).
func venmoNote(lines []string) string {
	for i, l := range lines {
		if strings.Contains(strings.ToLower(l), "paid you") {
			for j := i + 1; j < len(lines) && j <= i+6; j++ {
				v := strings.TrimSpace(lines[j])
				if v == "" || len(findAmounts(v, "USD")) > 0 && len(v) < 16 {
					continue
				}
				if _, _, ok := findKind(fold(v), nil); ok {
					continue // the headline again
				}
				if isKnownLabel(normLabel(strings.TrimSuffix(v, ":"))) {
					break // the table of labels: no note
				}
				if _, ok := findDate(v, orderMonthFirst); ok {
					break
				}
				return clip(v, 300)
			}
			break
		}
	}
	return ""
}

// body is the text to read, in lines, with a folded copy of each line (lower case without
// accents) for the wording tables.
type body struct {
	lines, folded []string
}

// maxLine: longer lines are read only this far (no payment notice needs more, and it
// bounds the regular-expression work per line).
const maxLine = 2048

func splitBody(text string) body {
	b := body{lines: strings.Split(text, "\n")}
	b.folded = make([]string, len(b.lines))
	for i := range b.lines {
		if len(b.lines[i]) > maxLine {
			b.lines[i] = clip(b.lines[i], maxLine)
		}
		b.folded[i] = fold(b.lines[i])
	}
	return b
}

// asciiLower lower-cases A-Z only, so byte offsets stay the same.
func asciiLower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if c := b[j]; c >= 'A' && c <= 'Z' {
					b[j] = c + 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

func containsAny(s string, subs []string) bool {
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}

func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return false
}

// headerText decodes a header's encoded words; raw 8-bit text that is not UTF-8 is read
// as Windows-1252.
func headerText(h mail.Header, k string) string {
	v, err := h.Text(k)
	if err != nil {
		v = h.Get(k)
	}
	return validText(v)
}

// validText makes s valid UTF-8, reading invalid text as Windows-1252.
func validText(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	if d, err := charmap.Windows1252.NewDecoder().String(s); err == nil && utf8.ValidString(d) {
		return d
	}
	return strings.ToValidUTF8(s, "\uFFFD")
}

func containsFold(xs []string, s string) bool {
	for _, x := range xs {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	// cut at a rune boundary
	for n > 0 && n < len(s) && s[n]&0xC0 == 0x80 {
		n--
	}
	return s[:n]
}

// String is a one-line summary for logs and tests.
func (p Parsed) String() string {
	amt := ""
	if p.HasAmount {
		amt = data.FormatPlain(p.Amount, p.Currency) + " " + p.Currency
	}
	return fmt.Sprintf("%s %s trusted=%v %s payer=%q <%s> ref=%q txn=%q date=%s", p.Provider, p.Kind, p.Trusted, amt, p.PayerName, p.PayerEmail, p.Reference, p.TransactionID, p.Date)
}

// sameDomain: two addresses have the same domain.
func sameDomain(a, b string) bool {
	i, j := strings.LastIndexByte(a, '@'), strings.LastIndexByte(b, '@')
	return i >= 0 && j >= 0 && strings.EqualFold(a[i+1:], b[j+1:])
}
