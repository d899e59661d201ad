package inbox

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"

	"duebook/data"
	"github.com/emersion/go-message/textproto"
)

// ReconcileResult counts what one run did.
type ReconcileResult struct {
	Fetched, Stored, Duplicates, Proposed, Applied int
	Applications                                   []string // one line per payment recorded
	// Warning (when not "") says in words why nothing read was trusted.
	Warning string
	// Problems lists the files and messages in files that could not be read.
	Problems []string
}

// ReadMessage parses a fetched message and proposes a match for it (nothing is stored).
// servID is the account's receiving server (Config.AuthServID): only the
// Authentication-Results it wrote are trusted, and with servID "" nothing is.
func ReadMessage(m *Matcher, id Identity, raw []byte, servID string) *data.MailPayment {
	ps := &Parser{AuthServID: servID}
	p, err := ps.Parse(raw)
	mp := &data.MailPayment{Mailbox: id.Mailbox, UIDValidity: id.UIDValidity, UID: id.UID, MessageID: id.MessageID, AuthServ: servID}
	if err != nil {
		mp.Provider, mp.Kind, mp.Status, mp.Why = string(Unknown), string(KindNotPayment), "ignored", "not read: "+err.Error()
		mp.Ident = messageIdent(mp.MessageID, raw)
		return mp
	}
	mp.Provider, mp.Kind, mp.Trusted, mp.TransactionID = string(p.Provider), string(p.Kind), p.Trusted, p.TransactionID
	mp.Amount, mp.Currency, mp.PayerName, mp.PayerEmail, mp.Reference = p.Amount, p.Currency, p.PayerName, p.PayerEmail, p.Reference
	mp.Date, mp.Why = p.Date, p.Why
	if mp.MessageID == "" {
		mp.MessageID = p.MessageID
	}
	// the parser's reading of Message-ID (angle brackets and comments removed) first: the
	// IMAP envelope gives the header's raw text, a file only the header
	ident := p.MessageID
	if ident == "" {
		ident = mp.MessageID
	}
	mp.Ident = messageIdent(ident, raw)
	if servID == "" && mp.Trusted {
		mp.Trusted, mp.Why = false, replaceTrustWhy(mp.Why, NoAuthServWhy)
	}
	mp.Status = "ignored"
	if p.Kind == KindReceived && p.HasAmount {
		mp.Status = "new"
		if prop, ok := m.Match(p); ok {
			mp.Status, mp.CustomerID, mp.Proposal, mp.Confidence, mp.Reason = "proposed", prop.CustomerID, prop.Allocs, prop.Confidence, prop.Reason
			if prop.Exact {
				mp.Confidence = 100
			}
		}
	}
	return mp
}

// replaceTrustWhy puts why in place of the "trusted: …" part of the parser's one-line why.
func replaceTrustWhy(all, why string) string {
	if strings.HasPrefix(all, "trusted: ") {
		all = "; " + all
	}
	i := strings.Index(all, "; trusted: ")
	if i < 0 {
		return strings.TrimPrefix(all+"; "+why, "; ")
	}
	rest := all[i+2:]
	end := ""
	if j := strings.Index(rest, "; "); j >= 0 {
		end = rest[j:]
	}
	return strings.TrimPrefix(all[:i]+"; "+why+end, "; ")
}

// messageIdent is a message's identity across IMAP and files: its Message-ID, or when it
// has none a hash of what every copy of it shares (From, To, Date, Subject and the body,
// with line ends and trailing white space evened out), so the same message exported to a
// file and fetched over IMAP is known as one.
func messageIdent(messageID string, raw []byte) string {
	if id := strings.TrimSpace(strings.Trim(strings.TrimSpace(messageID), "<>")); id != "" {
		return id
	}
	h := sha256.New()
	hdr, body := splitHeader(raw)
	th, _ := textproto.ReadHeader(bufio.NewReader(bytes.NewReader(hdr)))
	for _, k := range []string{"From", "To", "Date", "Subject"} {
		fmt.Fprintf(h, "%s:%s\n", k, strings.Join(strings.Fields(th.Get(k)), " "))
	}
	h.Write([]byte("\n"))
	for _, line := range bytes.Split(bytes.TrimRight(body, "\r\n\t "), []byte("\n")) {
		h.Write(bytes.TrimRight(line, "\r\t "))
		h.Write([]byte("\n"))
	}
	return "sha256:" + hex.EncodeToString(h.Sum(nil))
}

// splitHeader splits raw at the first empty line (the header keeps its last line end).
func splitHeader(raw []byte) (hdr, body []byte) {
	for i := 0; i < len(raw); i++ {
		if raw[i] != '\n' {
			continue
		}
		j := i + 1
		if j < len(raw) && raw[j] == '\r' {
			j++
		}
		if j < len(raw) && raw[j] == '\n' {
			return raw[:i+1], raw[j+1:]
		}
	}
	return raw, nil
}

// storeBatch is how many fetched messages are stored in one transaction, together with the
// folder's progress (last UID) up to the last of them.
const storeBatch = 250

// batchWriter stores read messages and the folder's fetch state in batches: one transaction
// per storeBatch messages instead of two per message. The saved last UID never passes a
// message that is not stored with it, so a crash or a cancel only means that the messages
// of the unsaved batch are fetched again (and stored once: mailbox+UIDVALIDITY+UID is unique).
type batchWriter struct {
	s       *data.Store
	pending []*data.MailPayment
	state   *folderState // waiting to be saved with the pending messages
	res     *ReconcileResult
	// keepState: an IMAP run, where messages are stored only with the folder state (Put);
	// files have no state and are flushed every storeBatch messages.
	keepState bool
}

type folderState struct {
	folder           string
	uidValidity, uid uint32
}

func (b *batchWriter) Get(folder string) (uint32, uint32, error) {
	return data.MailState{S: b.s}.Get(folder)
}

func (b *batchWriter) Put(folder string, uidValidity, lastUID uint32) error {
	b.state = &folderState{folder, uidValidity, lastUID}
	if len(b.pending) >= storeBatch {
		return b.flush()
	}
	return nil
}

func (b *batchWriter) flush() error {
	if len(b.pending) == 0 && b.state == nil {
		return nil
	}
	var stored, proposed int
	err := b.s.Update(context.Background(), func(tx *data.Tx) error {
		stored, proposed = 0, 0
		for _, mp := range b.pending {
			ok, err := tx.SaveMailPayment(mp)
			if err != nil {
				return err
			}
			if ok {
				stored++
				if mp.Status == "proposed" {
					proposed++
				}
			}
		}
		if st := b.state; st != nil {
			return tx.PutMailState(st.folder, st.uidValidity, st.uid)
		}
		return nil
	})
	if err != nil {
		return err
	}
	b.res.Stored += stored
	b.res.Proposed += proposed
	b.res.Duplicates += len(b.pending) - stored
	b.pending, b.state = b.pending[:0], nil
	return nil
}

// AutoApplicable tells whether a stored message may be applied without asking: a trusted
// sender (trusted by the Authentication-Results of the receiving server servID, which must
// be set), money received, and an exact reference + amount match.
func AutoApplicable(m *data.MailPayment, servID string) bool {
	return servID != "" && m.AuthServ == servID && m.Trusted && m.Kind == string(KindReceived) && m.Status == "proposed" &&
		m.Confidence == 100 && len(m.Proposal) == 1 && m.Proposal[0].Amount == m.Amount
}

// NoAuthServApply is what a run with -apply says when the account names no receiving server.
const NoAuthServApply = "nothing was recorded: no sender can be trusted until the receiving server of your mailbox is set in the mail account " +
	"(Inbox → Account…, or duebook mail-account -authserv ID)"

// reading is what one run (IMAP or files) shares: the matcher, the store writer, the
// receiving server and the learning of it.
type reading struct {
	s      *data.Store
	m      *Matcher
	w      *batchWriter
	servID string
	learn  servLearner
	res    *ReconcileResult
}

func newReading(ctx context.Context, s *data.Store, servID string, res *ReconcileResult) (*reading, error) {
	m, err := NewMatcher(ctx, s)
	if err != nil {
		return nil, err
	}
	return &reading{s: s, m: m, w: &batchWriter{s: s, res: res}, servID: servID, res: res}, nil
}

// add reads one message and queues it for storing.
func (r *reading) add(id Identity, raw []byte) error {
	r.res.Fetched++
	if r.servID == "" {
		r.learn.add(raw)
	}
	mp := ReadMessage(r.m, id, raw, r.servID)
	if id.Mailbox == "" { // from a file: the identity is the message's own
		mp.Mailbox = "file:" + mp.Ident
	}
	r.w.pending = append(r.w.pending, mp)
	if !r.w.keepState && len(r.w.pending) >= storeBatch {
		return r.w.flush()
	}
	return nil
}

// finish stores what is pending (also after an error: what was read is kept), saves what
// was learned, and with apply records the auto-applicable payments.
func (r *reading) finish(ctx context.Context, err error, apply bool) error {
	if ferr := r.w.flush(); ferr != nil && err == nil {
		err = ferr
	}
	if r.servID == "" {
		if lerr := r.learn.save(context.Background(), r.s); lerr != nil && err == nil {
			err = lerr
		}
		if r.res.Fetched > 0 {
			r.res.Warning = "no sender was trusted: the receiving server of your mailbox is not set in the mail account"
			if p, ok := r.learn.best(); ok {
				r.res.Warning += "; the messages read suggest " + p.ID + " (confirm it in Inbox → Account…, or duebook mail-account -authserv " + p.ID + ")"
			}
		}
	}
	if err != nil {
		return err
	}
	if apply {
		if r.servID == "" {
			r.res.Applications = append(r.res.Applications, NoAuthServApply)
			return nil
		}
		n, lines, err := ApplyConfident(ctx, r.s, r.m, r.servID)
		r.res.Applied, r.res.Applications = n, lines
		return err
	}
	return nil
}

// Reconcile fetches new mail, stores and matches each message, and with apply records the
// payments of auto-applicable messages. Interrupted runs resume without duplicates: a message
// is stored once whatever happens, and a stored message is applied at most once. Only the
// Authentication-Results written by cfg.AuthServID are trusted; without it nothing is
// trusted, nothing is applied, and the receiving server is learned (ProposedAuthServ).
func Reconcile(ctx context.Context, s *data.Store, cfg Config, apply bool, progress func(done, total int)) (ReconcileResult, error) {
	var res ReconcileResult
	r, err := newReading(ctx, s, cfg.AuthServID, &res)
	if err != nil {
		return res, err
	}
	r.w.keepState = true
	_, err = Fetch(ctx, cfg, r.w, FetchOptions{
		Progress: progress,
		Handle: func(ctx context.Context, msg *Message) error {
			return r.add(msg.Identity, msg.Raw)
		},
	})
	return res, r.finish(ctx, err, apply)
}

// ApplyConfident records the payments of every stored message auto-applicable under the
// receiving server servID ("" applies nothing).
func ApplyConfident(ctx context.Context, s *data.Store, m *Matcher, servID string) (int, []string, error) {
	if servID == "" {
		return 0, nil, nil
	}
	list, err := s.MailPayments(ctx, "proposed")
	if err != nil {
		return 0, nil, err
	}
	n := 0
	var lines []string
	for i := range list {
		mp := &list[i]
		if !AutoApplicable(mp, servID) {
			continue
		}
		p, err := s.ApplyMailPayment(ctx, mp.ID, mp.CustomerID, mp.Proposal)
		if err != nil {
			// the invoice may have been paid meanwhile: leave the message for the user
			lines = append(lines, fmt.Sprintf("not applied %s %s: %v", mp.Provider, mp.TransactionID, err))
			continue
		}
		if m != nil {
			m.Applied(mp.Proposal)
		}
		n++
		lines = append(lines, fmt.Sprintf("recorded %s %s from %s for %s (payment %d)", data.FormatAmount(p.Amount, p.Currency), p.Currency,
			p.CustomerName, mp.Proposal[0].InvoiceNumber, p.ID))
	}
	return n, lines, nil
}
