package collect

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"mime"
	"mime/quotedprintable"
	"os"
	"path/filepath"
	"strings"
	"time"

	"duebook/app/inbox"
	"duebook/data"
	"duebook/reports"
)

var openings = map[string]string{
	"friendly": "A friendly note: the invoices below fall due soon. If you have already arranged payment, thank you, and please ignore this message.",
	"reminder": "Our records show the invoices below are now past due. Perhaps this has slipped through; we would be grateful for payment at your earliest convenience.",
	"firm":     "The invoices below are now more than two weeks overdue. Please arrange payment within seven days, or let us know if there is a problem with them.",
	"final":    "FINAL NOTICE: despite our earlier reminders, the invoices below remain unpaid. Unless payment reaches us within seven days we will have to suspend your account and consider further steps.",
	"escalate": "We have tried to reach you about the overdue invoices below and will call you shortly. Please contact us today to arrange payment.",
}

var subjects = map[string]string{
	"friendly": "Upcoming payment", "reminder": "Payment reminder", "firm": "Overdue invoices",
	"final": "Final notice", "escalate": "Urgent: overdue invoices",
}

// ComposeReminder writes the action's reminder as an RFC 5322 message (UTF-8 plain text,
// quoted-printable) from the company to the customer's email addresses.
func ComposeReminder(comp data.Company, a Action, asOf data.Date, now time.Time) ([]byte, error) {
	c := a.Customer
	if len(c.Emails) == 0 {
		return nil, &data.FieldError{Field: "emails", Msg: c.Name + " has no email address"}
	}
	if comp.Email == "" {
		return nil, &data.FieldError{Field: "company email", Msg: "set the company's email address in Settings"}
	}
	// Names and texts are cleaned of control characters (terminal escapes, line breaks that
	// would start a new header) before they go into the message.
	name, compName := mailText(c.Name, false), mailText(comp.Name, false)
	var body strings.Builder
	greet := mailText(c.Contact, false)
	if greet == "" {
		greet = name
	}
	fmt.Fprintf(&body, "Dear %s,\n\n%s\n\n", greet, openings[a.Step.Name])
	fmt.Fprintf(&body, "%-14s %-12s %12s %16s\n", "Invoice", "Due", "Days overdue", "Open")
	for _, x := range a.Invoices {
		days := ""
		if x.Days > 0 {
			days = fmt.Sprint(x.Days)
		}
		fmt.Fprintf(&body, "%-14s %-12s %12s %16s\n", x.Invoice.Number, x.Invoice.DueDate, days, money(x.Invoice.OpenAmount, x.Invoice.Currency))
	}
	fmt.Fprintf(&body, "%-14s %-12s %12s %16s\n\n", "Total", "", "", money(a.Total, c.Currency))
	if instr := mailText(comp.PaymentInstructions, true); instr != "" {
		fmt.Fprintf(&body, "How to pay:\n%s\n\n", instr)
	}
	fmt.Fprintf(&body, "Statement date: %s. If you believe any of this is wrong, please reply and tell us why; we will look into it at once.\n\nKind regards,\n%s\n", asOf, compName)
	if phone := mailText(comp.Phone, false); phone != "" {
		fmt.Fprintf(&body, "%s\n", phone)
	}

	var msg bytes.Buffer
	rnd := make([]byte, 8)
	rand.Read(rnd)
	from := mailText(comp.Email, false)
	domain := from[strings.LastIndex(from, "@")+1:]
	h := func(k, v string) { fmt.Fprintf(&msg, "%s: %s\r\n", k, v) }
	h("From", (&mimeAddr{compName, from}).String())
	var to []string
	for _, e := range c.Emails {
		to = append(to, (&mimeAddr{name, mailText(e, false)}).String())
	}
	h("To", strings.Join(to, ", "))
	h("Date", now.Format(time.RFC1123Z))
	h("Message-ID", fmt.Sprintf("<%s.%s@%s>", now.UTC().Format("20060102150405"), hex.EncodeToString(rnd), domain))
	h("Subject", mime.QEncoding.Encode("utf-8", fmt.Sprintf("%s: %s – %s", subjects[a.Step.Name], strings.Join(a.Numbers(), ", "), compName)))
	h("MIME-Version", "1.0")
	h("Content-Type", "text/plain; charset=utf-8")
	h("Content-Transfer-Encoding", "quoted-printable")
	msg.WriteString("\r\n")
	qp := quotedprintable.NewWriter(&msg)
	if _, err := qp.Write([]byte(strings.ReplaceAll(body.String(), "\n", "\r\n"))); err != nil {
		return nil, err
	}
	if err := qp.Close(); err != nil {
		return nil, err
	}
	return msg.Bytes(), nil
}

// mailText removes control characters (data.IsControl: C0, C1, DEL, bidi overrides) from s; with lines,
// line breaks stay (as "\n"), otherwise they become spaces. Tabs become spaces.
func mailText(s string, lines bool) string {
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' && lines:
			return r
		case r == '\n' || r == '\t':
			return ' '
		case data.IsControl(r):
			return -1
		}
		return r
	}, strings.ToValidUTF8(s, "\uFFFD"))
}

type mimeAddr struct{ name, addr string }

func (m *mimeAddr) String() string {
	return mime.QEncoding.Encode("utf-8", m.name) + " <" + m.addr + ">"
}

// SaveEML writes a composed reminder into dir as <date>-<customer id>-<step>.eml.
func SaveEML(dir string, a Action, asOf data.Date, raw []byte) (string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	p := filepath.Join(dir, fmt.Sprintf("%s-%d-%s.eml", asOf, a.Customer.ID, a.Step.Name))
	return p, data.WriteFileAtomic(p, func(w io.Writer) error { _, err := w.Write(raw); return err })
}

// AppendToDrafts puts a composed reminder into the mailbox's Drafts folder for the owner to send.
func AppendToDrafts(ctx context.Context, cfg inbox.Config, raw []byte) error {
	return inbox.AppendDraft(ctx, cfg, raw)
}

// LetterTone maps a reminder step to the tone of a printed letter.
func LetterTone(step Step) reports.Tone {
	switch step.Name {
	case "friendly", "reminder":
		return reports.ToneFriendly
	case "firm":
		return reports.ToneFirm
	}
	return reports.ToneFinal
}

// SaveLetter prints the action's reminder letter (for customers who get paper mail) into dir.
func SaveLetter(dir string, comp data.Company, a Action, asOf data.Date, layout reports.Layout) (p string, err error) {
	defer func() {
		if r := recover(); r != nil { // nothing is written then: WriteFileAtomic did not finish
			p, err = "", fmt.Errorf("the letter could not be printed (%v)", r)
		}
	}()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	invs := a.LetterInvoices()
	p = filepath.Join(dir, fmt.Sprintf("%s-%d-%s.pdf", asOf, a.Customer.ID, a.Step.Name))
	return p, data.WriteFileAtomic(p, func(w io.Writer) error {
		return reports.ReminderLetterPDF(w, comp, a.Customer, invs, LetterTone(a.Step), asOf, layout)
	})
}

// LetterInvoices gives the action's invoices as a reminder letter lists them (number, issue
// and due date, days overdue, open amount; reports.ReminderLetterPDF).
func (a *Action) LetterInvoices() []*data.Invoice {
	invs := make([]*data.Invoice, len(a.Invoices))
	for i, x := range a.Invoices {
		v := x.Invoice
		invs[i] = &data.Invoice{ID: v.ID, CustomerID: v.CustomerID, Number: v.Number, Currency: v.Currency,
			IssueDate: v.IssueDate, DueDate: v.DueDate, Status: data.StatusPosted, OpenAmount: v.OpenAmount}
	}
	return invs
}

// Outputs say where SendReminder puts the documents of each channel. A reminder whose channel
// needs a document (e-mail, letter) is refused when its field is empty: it counts as sent only
// with its document written.
type Outputs struct {
	EMLDir     string         // email reminders as .eml files
	LettersDir string         // paper letters as PDFs
	Layout     reports.Layout // letter layout
	Now        time.Time      // the Date header of .eml files
}

// Missing names the output an action needs and out lacks ("eml" for an e-mail reminder
// without EMLDir, "letters" for a letter without LettersDir, "call" for a phone reminder,
// which no document makes: only the call does, recorded with MarkCalled), or "".
func (out Outputs) Missing(a Action) string {
	switch a.Channel() {
	case string(data.ChannelPhone):
		return "call"
	case string(data.ChannelEmail):
		if out.EMLDir == "" {
			return "eml"
		}
	case string(data.ChannelMail):
		if out.LettersDir == "" {
			return "letters"
		}
	}
	return ""
}

// NoOutputError is SendReminder's refusal of a reminder whose document has nowhere to go.
type NoOutputError struct {
	Channel string // "email", "mail" or "phone"
	Need    string // "eml", "letters" or "call"
}

func (e *NoOutputError) Error() string {
	switch e.Need {
	case "call":
		return "a phone reminder is made by calling; record the call with what it brought (nothing was recorded)"
	case "eml":
		return "an e-mail reminder needs a folder for its .eml file; nothing was recorded"
	}
	return "a letter needs a folder for its PDF; nothing was recorded"
}

// SendReminder writes the action's document (atomically) and only then records the reminder
// as sent, in one transaction, so a reminder counts as sent only with its document written and
// a failure (or a crash) leaves it due for the next run. It returns where the document went
// (or the channel when there is none). A panic while drawing is turned into an error for this
// customer alone.
func SendReminder(ctx context.Context, s *data.Store, comp data.Company, a Action, day data.Date, out Outputs) (where string, err error) {
	defer func() {
		if r := recover(); r != nil {
			where, err = "", fmt.Errorf("the reminder document could not be made (%v); nothing was recorded", r)
		}
	}()
	where = a.Channel()
	if need := out.Missing(a); need != "" {
		return "", &NoOutputError{Channel: a.Channel(), Need: need}
	}
	switch {
	case a.Channel() == string(data.ChannelEmail):
		raw, err := ComposeReminder(comp, a, day, out.Now)
		if err != nil {
			return "", err
		}
		if where, err = SaveEML(out.EMLDir, a, day, raw); err != nil {
			return "", err
		}
	case a.Channel() == string(data.ChannelMail):
		if where, err = SaveLetter(out.LettersDir, comp, a, day, out.Layout); err != nil {
			return "", err
		}
	}
	if err := MarkSent(ctx, s, a, day); err != nil {
		return "", err
	}
	return where, nil
}
