package inbox

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"duebook/data"
	"github.com/emersion/go-message/textproto"
)

// Settings of the authserv-id learning: the proposal waits there until the user confirms it
// in the account form (SaveAccount with AuthServID set clears it).
const (
	proposedKey     = "mail.authserv_proposed"
	proposedSeenKey = "mail.authserv_proposed_seen" // "N/M": N of M messages carried it on top
)

// NoAuthServWhy is what reconcile, the Inbox and the stored messages say while the account
// names no receiving server.
const NoAuthServWhy = "untrusted: the receiving server of your mailbox is not set, so no Authentication-Results header can be trusted " +
	"(set the receiving server in the mail account: Inbox → Account…, or duebook mail-account -authserv ID)"

// CleanAuthServID checks an authserv-id typed by the user: host-name-like ids (letters,
// digits, "-", ".", "_", a leading "*." for a domain and its names), separated by commas.
// It returns them lower case, comma separated ("" when empty). A refusal is a FieldError on
// "receiving server".
func CleanAuthServID(v string) (string, error) {
	var ids []string
	bad := func(id, why string) error {
		return &data.FieldError{Field: "receiving server", Msg: fmt.Sprintf("%q is not a server name such as mx.google.com%s", id, why)}
	}
	for _, id := range strings.Split(strings.ToLower(v), ",") {
		id = strings.TrimSpace(id)
		if id == "" {
			continue
		}
		body := strings.TrimSuffix(strings.TrimPrefix(id, "*."), ".")
		ok := body != "" && !strings.HasPrefix(body, ".") && !strings.Contains(body, "..")
		for _, r := range body {
			if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '.' || r == '_') {
				ok = false
				break
			}
		}
		if !ok || len(id) > 253 {
			return "", bad(id, " (letters, digits, \"-\" and \".\" only; several separated by commas)")
		}
		if strings.HasPrefix(id, "*.") && !strings.Contains(body, ".") {
			return "", bad(id, ": a \"*.\" name needs a domain with a dot, like *.messagingengine.com")
		}
		ids = append(ids, strings.TrimSuffix(id, "."))
	}
	return strings.Join(ids, ","), nil
}

// AuthServProposal is the receiving server learned from fetched mail, waiting for the user.
type AuthServProposal struct {
	ID       string // "" = none
	Seen, Of int    // the top Authentication-Results of Seen of Of messages carried it
}

// String says it in words for the account form.
func (p AuthServProposal) String() string {
	if p.ID == "" {
		return ""
	}
	return fmt.Sprintf("%s (it wrote the top Authentication-Results of %d of the %d messages read)", p.ID, p.Seen, p.Of)
}

// ProposedAuthServ gives the learned proposal (ID "" when there is none).
func ProposedAuthServ(ctx context.Context, s *data.Store) (AuthServProposal, error) {
	id, err := s.Setting(ctx, proposedKey)
	if err != nil || id == "" {
		return AuthServProposal{}, err
	}
	p := AuthServProposal{ID: id}
	seen, _ := s.Setting(ctx, proposedSeenKey)
	if a, b, ok := strings.Cut(seen, "/"); ok {
		p.Seen, _ = strconv.Atoi(a)
		p.Of, _ = strconv.Atoi(b)
	}
	return p, nil
}

// servLearner counts the authserv-id of the top Authentication-Results header of the
// messages read while the account names no receiving server. The owner's server stamps
// every message it receives, on top; a sender can only write below it, so the id on top of
// most messages is the owner's server (the user still confirms it).
type servLearner struct {
	counts map[string]int
	of     int
}

// maxLearn: the first messages are enough.
const maxLearn = 200

func (l *servLearner) add(raw []byte) {
	if l.of >= maxLearn {
		return
	}
	l.of++
	if id := topServID(raw); id != "" {
		if l.counts == nil {
			l.counts = map[string]int{}
		}
		l.counts[id]++
	}
}

// best is the id on top of more than half of the messages read.
func (l *servLearner) best() (AuthServProposal, bool) {
	var ids []string
	for id := range l.counts {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool {
		if l.counts[ids[i]] != l.counts[ids[j]] {
			return l.counts[ids[i]] > l.counts[ids[j]]
		}
		return ids[i] < ids[j]
	})
	if len(ids) == 0 || 2*l.counts[ids[0]] <= l.of {
		return AuthServProposal{}, false
	}
	return AuthServProposal{ID: ids[0], Seen: l.counts[ids[0]], Of: l.of}, true
}

// save stores the proposal unless the account has an id by now, or an earlier run proposed
// another one from more messages (a later run of a few messages does not overturn it).
func (l *servLearner) save(ctx context.Context, s *data.Store) error {
	p, ok := l.best()
	if !ok {
		return nil
	}
	if old, err := ProposedAuthServ(ctx, s); err != nil {
		return err
	} else if old.ID != "" && old.ID != p.ID && old.Of > p.Of {
		return nil
	}
	return s.Update(ctx, func(tx *data.Tx) error {
		if cur, _ := s.Setting(ctx, "mail.authserv"); cur != "" {
			return nil
		}
		if err := tx.SetSetting(proposedKey, p.ID); err != nil {
			return err
		}
		return tx.SetSetting(proposedSeenKey, fmt.Sprintf("%d/%d", p.Seen, p.Of))
	})
}

// topServID reads the authserv-id of the message's first Authentication-Results header
// ("" when it has none, or none with an id).
func topServID(raw []byte) string {
	h, err := textproto.ReadHeader(bufio.NewReader(bytes.NewReader(raw)))
	if err != nil && h.Len() == 0 {
		return ""
	}
	v := h.Get("Authentication-Results")
	if v == "" {
		return ""
	}
	id := ParseAuthResults(v).ServID
	if _, err := CleanAuthServID(id); err != nil {
		return ""
	}
	return id
}

// ConfirmAuthServ sets the account's receiving server (the user confirmed a proposal, or
// typed one) without touching the other account settings, and clears the proposal.
func ConfirmAuthServ(ctx context.Context, s *data.Store, id string) error {
	clean, err := CleanAuthServID(id)
	if err != nil {
		return err
	}
	if clean == "" {
		return &data.FieldError{Field: "receiving server", Msg: "is empty"}
	}
	return s.Update(ctx, func(tx *data.Tx) error {
		if err := tx.SetSetting("mail.authserv", clean); err != nil {
			return err
		}
		if err := tx.SetSetting(proposedKey, ""); err != nil {
			return err
		}
		return tx.SetSetting(proposedSeenKey, "")
	})
}
