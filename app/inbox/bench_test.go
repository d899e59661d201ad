package inbox

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"duebook/app/inbox/inboxtest"
)

// fixtureBytes reads every fixture message, in file-name order.
func fixtureBytes(t testing.TB) [][]byte {
	t.Helper()
	var raws [][]byte
	for _, f := range fixtureFiles(t) {
		r, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		raws = append(raws, r)
	}
	return raws
}

// benchMessages makes n distinct messages from the fixtures, over and over, each with a
// header line of its own on top.
func benchMessages(b *testing.B, n int) [][]byte {
	raws := fixtureBytes(b)
	msgs := make([][]byte, n)
	for i := range msgs {
		msgs[i] = append([]byte(fmt.Sprintf("X-Bench: %d\r\n", i)), raws[i%len(raws)]...)
	}
	return msgs
}

// BenchmarkParse parses 10,000 messages (the fixtures over and over, each with its own
// Message-ID and invoice reference) per iteration.
func BenchmarkParse(b *testing.B) {
	const n = 10000
	msgs := benchMessages(b, n)
	bytesTotal := 0
	for _, m := range msgs {
		bytesTotal += len(m)
	}
	b.SetBytes(int64(bytesTotal))
	b.ReportAllocs()
	loops := 0
	received := 0
	for b.Loop() {
		received = 0
		for _, m := range msgs {
			p, err := Parse(m)
			if err != nil {
				b.Fatal(err)
			}
			if p.Kind == KindReceived {
				received++
			}
		}
		loops++
	}
	if received == 0 {
		b.Fatal("no payment read")
	}
	b.ReportMetric(float64(n*loops)/b.Elapsed().Seconds(), "msgs/s")
	b.ReportMetric(b.Elapsed().Seconds()/float64(loops), "s/10k")
}

// BenchmarkFetchParse10k fetches 10,000 new messages from a real Dovecot over TLS and parses
// each one (matching comes with the data layer). Setup (delivery) is not timed.
func BenchmarkFetchParse10k(b *testing.B) {
	const n = 10000
	msgs := benchMessages(b, n)
	d := inboxtest.Start(b)
	d.Deliver(b, "INBOX", msgs...)
	cfg := Config{Host: d.Host, Port: d.TLSPort, Username: d.User, Password: d.Password, RootCAs: d.CertPool}
	ctx := context.Background()
	loops := 0
	for b.Loop() {
		received := 0
		res, err := Fetch(ctx, cfg, &MemState{}, FetchOptions{Handle: func(ctx context.Context, m *Message) error {
			p, err := Parse(m.Raw)
			if err != nil {
				return err
			}
			if p.Kind == KindReceived {
				received++
			}
			return nil
		}})
		if err != nil {
			b.Fatal(err)
		}
		if res.Delivered != n || received == 0 {
			b.Fatalf("delivered %d, received %d", res.Delivered, received)
		}
		loops++
	}
	b.ReportMetric(b.Elapsed().Seconds()/float64(loops), "s/10k")
}

// BenchmarkReadMbox reads a 5,000-message mbox (about 9 MB): one message is held at a
// time, so B/op stays near the size of one message times the messages, not the file.
func BenchmarkReadMbox(b *testing.B) {
	msg := bytes.ReplaceAll(readFixture(b, "paypal_received.eml"), []byte("\r\n"), []byte("\n"))
	var buf bytes.Buffer
	for i := 0; i < 5000; i++ {
		buf.WriteString("From MAILER-DAEMON Wed Jan 14 16:02:09 2026\n")
		buf.Write(msg)
		buf.WriteString("\n")
	}
	p := filepath.Join(b.TempDir(), "big.mbox")
	if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(buf.Len()))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		n := 0
		if _, err := ReadMailFile(context.Background(), p, 0, func(FileMessage) error { n++; return nil }, nil); err != nil || n != 5000 {
			b.Fatalf("%d messages, %v", n, err)
		}
	}
}
