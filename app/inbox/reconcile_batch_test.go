package inbox

import (
	"context"
	"fmt"
	"testing"

	"duebook/app/inbox/inboxtest"
	"duebook/data"
)

// Messages are stored in batches with the folder's progress: a run cancelled half way keeps
// exactly what it read (the saved last UID is the last message stored), and the next run
// stores the rest, none twice.
func TestReconcileCancelKeepsBatchesConsistent(t *testing.T) {
	const n = 2*storeBatch + 100
	d := inboxtest.Start(t)
	s, _ := ledger(t)
	tmpl := fixture(t, "paypal_received.eml")
	var msgs [][]byte
	for i := 0; i < n; i++ {
		msgs = append(msgs, paypalMail(tmpl, i, fmt.Sprintf("INV-8%07d", i), int64(5000+i)))
	}
	d.Deliver(t, "INBOX", msgs...)
	cfg := Config{Host: d.Host, Port: d.TLSPort, Security: SecurityTLS, Username: d.User, Password: d.Password, RootCAs: d.CertPool}

	ctx, cancel := context.WithCancel(context.Background())
	res, err := Reconcile(ctx, s, cfg, false, func(done, total int) {
		if done == storeBatch+30 {
			cancel()
		}
	})
	if err == nil {
		t.Fatal("a cancelled run reported no error")
	}
	var stored, maxUID int
	s.DB().QueryRow(`SELECT count(*), coalesce(max(uid), 0) FROM mail_payments`).Scan(&stored, &maxUID)
	_, last, _ := data.MailState{S: s}.Get("INBOX")
	if stored < storeBatch+30 || stored >= n || res.Stored != stored {
		t.Fatalf("cancelled run stored %d (reported %d), want what it read (%d of %d)", stored, res.Stored, res.Fetched, n)
	}
	if int(last) != maxUID || maxUID != stored {
		t.Fatalf("saved last UID %d, highest stored UID %d, stored %d: progress and messages disagree", last, maxUID, stored)
	}
	res, err = Reconcile(context.Background(), s, cfg, false, nil)
	if err != nil {
		t.Fatal(err)
	}
	var total, distinct int
	s.DB().QueryRow(`SELECT count(*), count(DISTINCT uid) FROM mail_payments`).Scan(&total, &distinct)
	if total != n || distinct != n || res.Stored != n-stored || res.Duplicates != 0 {
		t.Fatalf("after resuming: %d rows (%d distinct), run %+v; want %d", total, distinct, res, n)
	}
}
