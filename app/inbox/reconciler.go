package inbox

import (
	"context"
	"fmt"

	"duebook/data"
)

// ReconcileResult counts what one run did.
type ReconcileResult struct {
	Fetched, Stored, Duplicates, Proposed, Applied int
	Applications                                   []string // one line per payment recorded
}

// ReadMessage parses a fetched message and proposes a match for it (nothing is stored).
func ReadMessage(m *Matcher, id Identity, raw []byte) *data.MailPayment {
	p, err := Parse(raw)
	mp := &data.MailPayment{Mailbox: id.Mailbox, UIDValidity: id.UIDValidity, UID: id.UID, MessageID: id.MessageID}
	if err != nil {
		mp.Provider, mp.Kind, mp.Status, mp.Why = string(Unknown), string(KindNotPayment), "ignored", "not read: "+err.Error()
		return mp
	}
	mp.Provider, mp.Kind, mp.Trusted, mp.TransactionID = string(p.Provider), string(p.Kind), p.Trusted, p.TransactionID
	mp.Amount, mp.Currency, mp.PayerName, mp.PayerEmail, mp.Reference = p.Amount, p.Currency, p.PayerName, p.PayerEmail, p.Reference
	mp.Date, mp.Why = p.Date, p.Why
	if mp.MessageID == "" {
		mp.MessageID = p.MessageID
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
// sender, money received, and an exact reference + amount match.
func AutoApplicable(m *data.MailPayment) bool {
	return m.Trusted && m.Kind == string(KindReceived) && m.Status == "proposed" && m.Confidence == 100 && len(m.Proposal) == 1 &&
		m.Proposal[0].Amount == m.Amount
}

// Reconcile fetches new mail, stores and matches each message, and with apply records the
// payments of auto-applicable messages. Interrupted runs resume without duplicates: a message
// is stored once whatever happens, and a stored message is applied at most once.
func Reconcile(ctx context.Context, s *data.Store, cfg Config, apply bool, progress func(done, total int)) (ReconcileResult, error) {
	var res ReconcileResult
	m, err := NewMatcher(ctx, s)
	if err != nil {
		return res, err
	}
	w := &batchWriter{s: s, res: &res}
	_, err = Fetch(ctx, cfg, w, FetchOptions{
		Progress: progress,
		Handle: func(ctx context.Context, msg *Message) error {
			res.Fetched++
			w.pending = append(w.pending, ReadMessage(m, msg.Identity, msg.Raw))
			return nil
		},
	})
	// What was read is kept even when the fetch stopped (cancelled, connection lost).
	if ferr := w.flush(); ferr != nil && err == nil {
		err = ferr
	}
	if err != nil {
		return res, err
	}
	if apply {
		n, lines, err := ApplyConfident(ctx, s, m)
		res.Applied, res.Applications = n, lines
		if err != nil {
			return res, err
		}
	}
	return res, nil
}

// ApplyConfident records the payments of every stored auto-applicable message.
func ApplyConfident(ctx context.Context, s *data.Store, m *Matcher) (int, []string, error) {
	list, err := s.MailPayments(ctx, "proposed")
	if err != nil {
		return 0, nil, err
	}
	n := 0
	var lines []string
	for i := range list {
		mp := &list[i]
		if !AutoApplicable(mp) {
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
