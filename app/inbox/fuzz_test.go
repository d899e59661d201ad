package inbox

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"runtime"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"duebook/data"
)

// checkParse is the property every input must have: Parse returns (never panics), fails
// only with ErrTooLarge/ErrNotMail, and a result is well-formed.
func checkParse(t testing.TB, raw []byte) {
	p, err := Parse(raw)
	if err != nil {
		if !errors.Is(err, ErrTooLarge) && !errors.Is(err, ErrNotMail) {
			t.Fatalf("unexpected error kind: %v", err)
		}
		return
	}
	switch p.Provider {
	case PayPal, Stripe, Square, Wise, Interac, Zelle, Venmo, Bank, Unknown:
	default:
		t.Fatalf("provider %q", p.Provider)
	}
	switch p.Kind {
	case KindReceived, KindSent, KindRefund, KindFailed, KindPending, KindPayout, KindRequest, KindNewsletter, KindNotPayment:
	default:
		t.Fatalf("kind %q", p.Kind)
	}
	if p.Trusted && p.Provider == Unknown {
		t.Fatalf("trusted unknown provider: %s", p.Why)
	}
	if p.Amount < 0 || p.Fee < 0 || p.Net < 0 {
		t.Fatalf("negative amount %d/%d/%d", p.Amount, p.Fee, p.Net)
	}
	if p.HasAmount {
		if _, ok := data.CurrencyDecimals(p.Currency); !ok {
			t.Fatalf("amount in unknown currency %q", p.Currency)
		}
	}
	if p.Why == "" || strings.ContainsAny(p.Why, "\r\n") {
		t.Fatalf("why %q", p.Why)
	}
	j := p.JSON("f.eml")
	if !json.Valid(j) || bytes.ContainsAny(j, "\r\n") {
		t.Fatalf("json %q", j)
	}
	for _, s := range []string{p.PayerName, p.PayerEmail, p.Reference, p.TransactionID, p.Subject, p.Why} {
		if !utf8.ValidString(s) {
			t.Fatalf("invalid UTF-8 %q", s)
		}
	}
}

// FuzzParse: go test -tags migrated_fynedo -fuzz FuzzParse ./app/inbox/
func FuzzParse(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s)
	}
	for _, c := range corpusCases(f) {
		if b, err := os.ReadFile(c.path); err == nil {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		// a hang becomes a crash with every goroutine's stack, and the input is kept
		watchdog := time.AfterFunc(10*time.Second, func() {
			buf := make([]byte, 1<<20)
			os.Stderr.Write(buf[:runtime.Stack(buf, true)])
			panic(fmt.Sprintf("Parse did not return within 10s on a %d-byte input", len(raw)))
		})
		defer watchdog.Stop()
		checkParse(t, raw)
	})
}

// fuzzSeeds are the fixtures plus a few hand-made edge cases.
func fuzzSeeds(t testing.TB) [][]byte {
	var seeds [][]byte
	for _, f := range fixtureFiles(t) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		seeds = append(seeds, b)
	}
	seeds = append(seeds,
		[]byte(""),
		[]byte("\r\n\r\n"),
		[]byte("From: x\r\n\r\n$"),
		[]byte("Content-Type: multipart/mixed; boundary=a\r\n\r\n--a\r\nContent-Type: multipart/mixed; boundary=a\r\n\r\n--a\r\n"),
		[]byte("Content-Type: text/html\r\nContent-Transfer-Encoding: base64\r\n\r\nPGI+JDEsMjM0LjU2PC9iPg==\r\n"),
		[]byte("Subject: =?UTF-8?B?////?= =?x-unknown?Q?=FF?=\r\nContent-Type: text/plain; charset=x-unknown\r\n\r\n\xff\xfe€1.234,56"),
		[]byte("Authentication-Results: ((((((\r\nFrom: <@>\r\n\r\n"),
	)
	return seeds
}

// mutate returns a damaged copy of b: flipped bytes, cut or repeated ranges, MIME and
// amount tokens dropped in, truncation, or a splice with another message.
func mutate(rng *rand.Rand, b, other []byte) []byte {
	out := append([]byte(nil), b...)
	tokens := [][]byte{
		[]byte("--"), []byte("\r\n--"), []byte("boundary="), []byte("Content-Type: multipart/mixed; boundary=\"x\"\r\n\r\n--x\r\n"),
		[]byte("=?UTF-8?B?"), []byte("?="), []byte("=\r\n"), []byte("=F"), []byte("<td>"), []byte("&#x"), []byte("&#99999999;"),
		[]byte("<"), []byte("$"), []byte("€"), []byte("1,234.567,89"), []byte("\xff\xfe"), []byte("\x00"),
		[]byte("Content-Transfer-Encoding: base64\r\n"), []byte("charset=\"bogus\""), []byte("(("), []byte("dmarc=pass header.from="),
		bytes.Repeat([]byte("9"), 40), bytes.Repeat([]byte("<div>"), 200), bytes.Repeat([]byte("a:"), 100),
	}
	n := 1 + rng.IntN(4)
	for i := 0; i < n && len(out) > 0; i++ {
		pos := rng.IntN(len(out) + 1)
		switch rng.IntN(7) {
		case 0: // flip bytes
			for k := 0; k < 1+rng.IntN(8) && len(out) > 0; k++ {
				out[rng.IntN(len(out))] ^= byte(1 + rng.IntN(255))
			}
		case 1: // delete a range
			end := pos + rng.IntN(200)
			if end > len(out) {
				end = len(out)
			}
			out = append(out[:pos], out[end:]...)
		case 2: // repeat a range
			end := pos + rng.IntN(300)
			if end > len(out) {
				end = len(out)
			}
			chunk := append([]byte(nil), out[pos:end]...)
			out = append(out[:pos], append(bytes.Repeat(chunk, 1+rng.IntN(5)), out[pos:]...)...)
		case 3: // insert a token
			tok := tokens[rng.IntN(len(tokens))]
			out = append(out[:pos], append(append([]byte(nil), tok...), out[pos:]...)...)
		case 4: // truncate
			out = out[:pos]
		case 5: // splice another message in
			if len(other) > 0 {
				at := rng.IntN(len(other))
				out = append(out[:pos], other[at:]...)
			}
		case 6: // CRLF → LF or LF → CRLF
			if rng.IntN(2) == 0 {
				out = bytes.ReplaceAll(out, []byte("\r\n"), []byte("\n"))
			} else {
				out = bytes.ReplaceAll(out, []byte("\n"), []byte("\r\n"))
			}
		}
	}
	return out
}

// TestParseMutations runs the fuzz property over a few thousand deterministic mutations of
// the fixtures, so every `go test` exercises it (the fuzzer itself runs only with -fuzz).
func TestParseMutations(t *testing.T) {
	seeds := fuzzSeeds(t)
	// and every eighth corpus message (other languages, charsets and layouts)
	for i, c := range corpusCases(t) {
		if i%8 == 0 {
			b, err := os.ReadFile(c.path)
			if err != nil {
				t.Fatal(err)
			}
			seeds = append(seeds, b)
		}
	}
	rng := rand.New(rand.NewPCG(20260122, 5))
	per := 150
	if testing.Short() {
		per = 20
	}
	count := 0
	for _, s := range seeds {
		for i := 0; i < per; i++ {
			m := mutate(rng, s, seeds[rng.IntN(len(seeds))])
			checkParse(t, m)
			count++
		}
	}
	t.Logf("%d mutated messages parsed", count)
}

// TestParseBoundedMemory: hostile messages just under the size limit allocate a bounded
// multiple of their size, however they are built.
func TestParseBoundedMemory(t *testing.T) {
	const size = DefaultMaxSize - 4096
	hdr := "From: PayPal <service@paypal.com>\r\nSubject: You've got money\r\nMIME-Version: 1.0\r\n"
	padTo := func(size int, prefix, unit, suffix string) []byte {
		var b strings.Builder
		b.WriteString(prefix)
		for b.Len()+len(unit)+len(suffix) < size {
			b.WriteString(unit)
		}
		b.WriteString(suffix)
		return []byte(b.String())
	}
	pad := func(prefix, unit, suffix string) []byte { return padTo(size, prefix, unit, suffix) }
	const headerSize = maxTopHeaderBytes - 1024 // just under the header limit
	cases := map[string][]byte{
		"too long header":   pad(hdr+"X-Long: ", "abcdefgh ", "\r\n\r\nbody\r\n"),
		"long header line":  padTo(headerSize, hdr+"X-Long: ", "abcdefgh ", "\r\n\r\nbody\r\n"),
		"long subject":      padTo(headerSize, "From: PayPal <service@paypal.com>\r\nSubject: You've got money", " $1,234.56 from Jane (j@x.example) INV-1", "\r\n\r\nbody\r\n"),
		"long From name":    padTo(headerSize, "Subject: hi\r\nFrom: \"", "PayPal Zelle Venmo ", "\" <a@b.example>\r\n\r\nbody\r\n"),
		"long auth results": padTo(headerSize, hdr+"Authentication-Results: mx; ", "dmarc=pass (c) header.from=paypal.com; ", "\r\n\r\nbody\r\n"),
		"many header lines": pad(hdr, "X-H: v\r\n", "\r\nbody\r\n"),
		"base64 text":       pad(hdr+"Content-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\n", "JDEsMjM0LjU2IFVTRCBmcm9tIEphbmUK\r\n", ""),
		"nested divs":       pad(hdr+"Content-Type: text/html\r\n\r\n", "<div><td>$1.00", ""),
		"amount soup":       pad(hdr+"Content-Type: text/plain\r\n\r\n", "$1,234.56 1.234,56 € KWD 12.345 ", ""),
		"label soup":        pad(hdr+"Content-Type: text/plain\r\n\r\n", "Amount:\r\nNote:\r\nDate: Jan 1, 2026\r\n", ""),
		"entity soup":       pad(hdr+"Content-Type: text/html\r\n\r\n", "&euro;&#x20AC;&amp;&nbsp;", ""),
		"part header lines": pad(hdr+"Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n", "X-H: v\r\n", "\r\nbody\r\n--b--\r\n"),
		"boundaries":        pad(hdr+"Content-Type: multipart/mixed; boundary=b\r\n\r\n", "--b\r\n\r\n", "--b--\r\n"),
		"qp soft breaks":    pad(hdr+"Content-Type: text/plain\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n", "=\r\n", ""),
	}
	for name, raw := range cases {
		if len(raw) > DefaultMaxSize {
			t.Fatalf("%s: %d bytes", name, len(raw))
		}
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		start := time.Now()
		checkParse(t, raw)
		took := time.Since(start)
		runtime.ReadMemStats(&after)
		alloc := after.TotalAlloc - before.TotalAlloc
		t.Logf("%-18s %7d KiB in, %7d KiB allocated, %v", name, len(raw)>>10, alloc>>10, took.Round(time.Millisecond))
		if alloc > 64<<20 {
			t.Errorf("%s: %d MiB allocated for a %d KiB message", name, alloc>>20, len(raw)>>10)
		}
	}
}
