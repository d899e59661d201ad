package data

import (
	"bufio"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// The crash test: a child process (this test binary, re-run with DUEBOOK_CRASH_CHILD set
// to a company file) takes the lock, opens the file and writes customers, invoices,
// payments and voids in a loop, printing "ack <kind> <id> ..." after each commit. The
// parent kills it with SIGKILL at a random moment (sometimes while it is still opening
// the file), then takes the lock (the dead child's lock is stale), opens the file as
// Duebook does, runs Check (must be empty) and verifies that every acknowledged write is
// there. SIGKILL tests the program dying at any instruction; the file's durability
// against power loss rests on synchronous=FULL, which this test cannot cut.

const crashToday = "2026-06-30"

func TestCrashChildHelper(t *testing.T) {
	path := os.Getenv("DUEBOOK_CRASH_CHILD")
	if path == "" {
		t.Skip("helper process for the crash test")
	}
	seed, _ := strconv.ParseUint(os.Getenv("DUEBOOK_CRASH_SEED"), 10, 64)
	crashChild(path, seed)
}

// crashChild writes until it is killed. Every line goes out in one write (unbuffered).
func crashChild(path string, seed uint64) {
	say := func(format string, args ...any) { os.Stdout.WriteString(fmt.Sprintf(format, args...) + "\n") }
	lock, err := AcquireLock(path)
	if err != nil {
		say("fail lock: %v", err)
		os.Exit(3)
	}
	defer lock.Release()
	s, err := OpenWith(path, Options{Clock: FixedClock{MustDate(crashToday)}})
	if err != nil {
		say("fail open: %v", err)
		os.Exit(3)
	}
	say("ready")
	rng := rand.New(rand.NewPCG(seed, 99))
	var custs []int64
	rows, err := s.DB().Query(`SELECT id FROM customers`)
	if err == nil {
		for rows.Next() {
			var id int64
			rows.Scan(&id)
			custs = append(custs, id)
		}
		rows.Close()
	}
	for i := 0; ; i++ {
		op := rng.IntN(100)
		switch {
		case len(custs) < 3 || op < 8:
			c := &Customer{Name: fmt.Sprintf("Crash Customer %d-%d", seed, i), Emails: []string{"ap@example.com"}, TermsDays: 30}
			if err := s.CreateCustomer(ctx, c); err != nil {
				say("fail customer: %v", err)
				os.Exit(4)
			}
			custs = append(custs, c.ID)
			say("ack customer %d", c.ID)
		case op < 60:
			inv := &Invoice{CustomerID: custs[rng.IntN(len(custs))], IssueDate: MustDate(crashToday).AddDays(-rng.IntN(90))}
			for l := 0; l <= rng.IntN(3); l++ {
				inv.Lines = append(inv.Lines, InvoiceLine{Description: fmt.Sprintf("Item %d", l), QtyMilli: int64(1 + rng.IntN(5000)),
					UnitPrice: int64(100 + rng.IntN(90000)), TaxRateBP: []int64{0, 825, 2000}[rng.IntN(3)]})
			}
			var posted *Invoice
			err := s.Update(ctx, func(tx *Tx) error {
				if err := tx.CreateDraft(inv); err != nil {
					return err
				}
				p, err := tx.PostInvoice(inv.ID)
				posted = p
				return err
			})
			if err != nil {
				say("fail invoice: %v", err)
				os.Exit(4)
			}
			say("ack invoice %d %s %d", posted.ID, posted.Number, posted.Total)
		case op < 92:
			cid := custs[rng.IntN(len(custs))]
			amount := int64(500 + rng.IntN(120000))
			allocs, _, err := s.SuggestAllocation(ctx, cid, amount)
			if err != nil {
				say("fail suggest: %v", err)
				os.Exit(4)
			}
			p := &Payment{CustomerID: cid, Method: "bank", Amount: amount, Reference: fmt.Sprintf("crash %d", i)}
			if err := s.RecordPayment(ctx, p, allocs); err != nil {
				say("fail payment: %v", err)
				os.Exit(4)
			}
			var alloc int64
			for _, a := range allocs {
				alloc += a.Amount
			}
			say("ack payment %d %d %d", p.ID, p.Amount, alloc)
		default:
			var id int64
			err := s.DB().QueryRow(`SELECT id FROM invoices WHERE status = 'posted' AND NOT EXISTS (SELECT 1 FROM credit_notes WHERE invoice_id = invoices.id)
				AND NOT EXISTS (SELECT 1 FROM write_offs WHERE invoice_id = invoices.id) ORDER BY random() LIMIT 1`).Scan(&id)
			if err != nil {
				continue
			}
			if err := s.VoidInvoice(ctx, id, "crash test"); err != nil {
				say("fail void: %v", err)
				os.Exit(4)
			}
			say("ack void %d", id)
		}
	}
}

type crashAck struct {
	kind   string
	id     int64
	number string
	a, b   int64
}

func parseAck(line string) (crashAck, bool) {
	f := strings.Fields(line)
	if len(f) < 3 || f[0] != "ack" {
		return crashAck{}, false
	}
	a := crashAck{kind: f[1]}
	a.id, _ = strconv.ParseInt(f[2], 10, 64)
	switch a.kind {
	case "invoice":
		if len(f) != 5 {
			return a, false
		}
		a.number = f[3]
		a.a, _ = strconv.ParseInt(f[4], 10, 64)
	case "payment":
		if len(f) != 5 {
			return a, false
		}
		a.a, _ = strconv.ParseInt(f[3], 10, 64)
		a.b, _ = strconv.ParseInt(f[4], 10, 64)
	}
	return a, true
}

// crashStats sums up a crash run.
type crashStats struct {
	kills, acks, recoveredLocks, beforeReady int
	elapsed                                  time.Duration
}

// crashRun kills a writing child n times. A new company file is started every perFile kills.
func crashRun(t testing.TB, n, perFile int, seed uint64) crashStats {
	rng := rand.New(rand.NewPCG(seed, 7))
	dir := t.TempDir()
	var st crashStats
	start := time.Now()
	var path string
	voided := map[int64]bool{}
	for i := 0; i < n; i++ {
		if i%perFile == 0 {
			path = filepath.Join(dir, fmt.Sprintf("crash-%d.duebook", i/perFile))
			voided = map[int64]bool{}
		}
		acks, ready, err := crashOnce(path, rng, seed*100000+uint64(i))
		if err != nil {
			t.Fatalf("kill %d: %v", i+1, err)
		}
		if !ready {
			st.beforeReady++
		}
		recovered, err := verifyAfterCrash(path, acks, voided)
		if err != nil {
			t.Fatalf("kill %d (%d acknowledged writes): %v", i+1, len(acks), err)
		}
		if recovered {
			st.recoveredLocks++
		}
		st.kills++
		st.acks += len(acks)
	}
	st.elapsed = time.Since(start)
	return st
}

// crashOnce starts a writer and kills it: after it is ready plus 0–40 ms usually, or at a
// random moment of its start (1 time in 5).
func crashOnce(path string, rng *rand.Rand, seed uint64) (acks []crashAck, ready bool, err error) {
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChildHelper$", "-test.count=1")
	cmd.Env = append(os.Environ(), "DUEBOOK_CRASH_CHILD="+path, fmt.Sprintf("DUEBOOK_CRASH_SEED=%d", seed))
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, false, err
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		return nil, false, err
	}
	readyCh := make(chan struct{})
	var mu sync.Mutex
	var lines []string
	done := make(chan struct{})
	go func() {
		defer close(done)
		sc := bufio.NewScanner(out)
		once := false
		for sc.Scan() {
			mu.Lock()
			lines = append(lines, sc.Text())
			mu.Unlock()
			if !once && sc.Text() == "ready" {
				once = true
				close(readyCh)
			}
		}
	}()
	early := rng.IntN(5) == 0
	if early {
		time.Sleep(time.Duration(rng.IntN(30_000)) * time.Microsecond)
	} else {
		select {
		case <-readyCh:
		case <-done:
		case <-time.After(20 * time.Second):
		}
		time.Sleep(time.Duration(rng.IntN(40_000)) * time.Microsecond)
	}
	cmd.Process.Kill() // SIGKILL
	<-done
	werr := cmd.Wait()
	var ee *exec.ExitError
	if werr != nil && !errors.As(werr, &ee) {
		return nil, false, werr
	}
	if cmd.ProcessState.Exited() { // it ended by itself: a failure of the writer
		return nil, false, fmt.Errorf("the writer exited before the kill: %v; output %q %s", werr, lines, stderr.String())
	}
	for _, l := range lines {
		if l == "ready" {
			ready = true
		}
		if strings.HasPrefix(l, "fail") {
			return nil, ready, fmt.Errorf("writer: %s", l)
		}
		if a, ok := parseAck(l); ok {
			acks = append(acks, a)
		}
	}
	return acks, ready, nil
}

// verifyAfterCrash opens the file as Duebook would after a crash and checks it.
func verifyAfterCrash(path string, acks []crashAck, voided map[int64]bool) (recoveredLock bool, err error) {
	lock, err := AcquireLock(path)
	var le *LockedError
	if errors.As(err, &le) && le.Unreadable {
		// killed between creating its lock file and writing it: the user breaks it
		if err := BreakLock(path); err != nil {
			return false, err
		}
		lock, err = AcquireLock(path)
	}
	if err != nil {
		return false, fmt.Errorf("the dead writer's lock was not recognised as stale: %w", err)
	}
	defer lock.Release()
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		if len(acks) > 0 {
			return false, fmt.Errorf("%d writes acknowledged but no file", len(acks))
		}
		return lock.Recovered != nil, nil
	}
	s, err := OpenWith(path, Options{Clock: FixedClock{MustDate(crashToday)}})
	if err != nil {
		return false, fmt.Errorf("open after the crash: %w", err)
	}
	defer s.Close()
	v, err := s.Check(ctx)
	if err != nil {
		return false, err
	}
	if len(v) > 0 {
		return false, fmt.Errorf("check after the crash: %v", v)
	}
	for _, a := range acks {
		switch a.kind {
		case "customer":
			if _, err := s.Customer(ctx, a.id); err != nil {
				return false, fmt.Errorf("acknowledged customer %d: %w", a.id, err)
			}
		case "invoice":
			inv, err := s.Invoice(ctx, a.id)
			if err != nil {
				return false, fmt.Errorf("acknowledged invoice %d: %w", a.id, err)
			}
			if inv.Number != a.number || inv.Total != a.a || inv.Status == StatusDraft {
				return false, fmt.Errorf("acknowledged invoice %d %s total %d is now %s total %d %s", a.id, a.number, a.a, inv.Number, inv.Total, inv.Status)
			}
		case "payment":
			p, err := s.Payment(ctx, a.id)
			if err != nil {
				return false, fmt.Errorf("acknowledged payment %d: %w", a.id, err)
			}
			if p.Amount != a.a {
				return false, fmt.Errorf("acknowledged payment %d of %d is now %d", a.id, a.a, p.Amount)
			}
		case "void":
			voided[a.id] = true
		}
	}
	for id := range voided {
		inv, err := s.Invoice(ctx, id)
		if err != nil || inv.Status != StatusVoid {
			return false, fmt.Errorf("acknowledged void of invoice %d lost: %v", id, err)
		}
	}
	return lock.Recovered != nil, nil
}

func TestCrash(t *testing.T) {
	if testing.Short() {
		t.Skip("crash test: not in -short")
	}
	st := crashRun(t, 20, 20, 1)
	if st.acks == 0 {
		t.Fatal("the writers acknowledged nothing before being killed")
	}
	if st.recoveredLocks == 0 {
		t.Fatal("no stale lock was ever taken over")
	}
	t.Logf("%d kills, %d acknowledged writes verified, %d stale locks taken over, %d kills before the writer was ready, %.0f ms per kill",
		st.kills, st.acks, st.recoveredLocks, st.beforeReady, float64(st.elapsed.Milliseconds())/float64(st.kills))
}

// BenchmarkCrash1000 kills the writer 1000 times (for make bench; -benchtime 1x).
func BenchmarkCrash1000(b *testing.B) {
	var total crashStats
	for i := 0; i < b.N; i++ {
		st := crashRun(b, 1000, 200, uint64(1000+i))
		total.kills += st.kills
		total.acks += st.acks
		total.recoveredLocks += st.recoveredLocks
		total.beforeReady += st.beforeReady
		total.elapsed += st.elapsed
	}
	b.ReportMetric(float64(total.kills), "kills")
	b.ReportMetric(float64(total.acks), "acked-writes")
	b.ReportMetric(float64(total.recoveredLocks), "stale-locks")
	b.ReportMetric(float64(total.beforeReady), "kills-while-opening")
	b.ReportMetric(float64(total.elapsed.Milliseconds())/float64(total.kills), "ms/kill")
}
