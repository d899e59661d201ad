package data

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"strings"
)

// DemoOptions shape a sample company.
type DemoOptions struct {
	Customers int
	Invoices  int
	Seed      uint64
	Today     Date // the last day of the sample's history
	// Progress, if set, is told how many invoices are written so far (and the total).
	Progress func(done, total int)
}

// Habit is how a sample customer pays.
type Habit int

const (
	HabitEarly Habit = iota
	HabitOnTime
	HabitLate
	HabitVeryLate
	HabitDefaulter
)

// DemoCustomer tells extensions (collections) what the generator decided for a customer.
type DemoCustomer struct {
	ID    int64
	Habit Habit
}

// DemoExtra adds more sample data (promises, disputes, activities) inside the demo's
// transaction; packages that own such data register one with RegisterDemoExtra.
type DemoExtra func(tx *Tx, rng *rand.Rand, today Date, customers []DemoCustomer) error

var demoExtras []DemoExtra

// RegisterDemoExtra adds a demo extension (call from an init function).
func RegisterDemoExtra(f DemoExtra) { demoExtras = append(demoExtras, f) }

// DemoAfter adds sample data made by reading the committed sample back through the
// program's own code (the Inbox's payment mails go through the real parser and matcher);
// it runs after GenerateDemo's own transactions, with the same seed and day.
type DemoAfter func(ctx context.Context, s *Store, seed uint64, today Date) error

var demoAfters []DemoAfter

// RegisterDemoAfter adds a DemoAfter (call from an init function).
func RegisterDemoAfter(f DemoAfter) { demoAfters = append(demoAfters, f) }

var (
	demoFirst = []string{"Harbor", "Maple", "Summit", "Cedar", "Blue Ridge", "Riverside", "Golden", "Oak", "Pioneer",
		"Lakeside", "Northern", "Sunrise", "Granite", "Silver", "Redwood", "Prairie", "Coastal", "Evergreen", "Highland",
		"Willow", "Iron", "Copper", "Meadow", "Bayview", "Old Town", "Union", "Liberty", "Crescent", "Falcon", "Hillcrest"}
	demoTrade = []string{"Bakery", "Plumbing", "Dental Clinic", "Auto Repair", "Landscaping", "Print Shop", "Café",
		"Hardware", "Florist", "Builders", "Electric", "Veterinary", "Bookstore", "Catering", "Design Studio", "Fitness",
		"Law Office", "Roofing", "Brewing", "Pharmacy", "Cleaning Services", "Optics", "Furniture", "Bicycles", "Marine Supply"}
	demoSuffix  = []string{"LLC", "Inc.", "Co.", "Ltd.", "& Sons", "Group", "", "", ""}
	demoPeople  = []string{"Maria Garcia", "James Smith", "Wei Chen", "Fatima Khan", "Lukas Müller", "Sofia Rossi", "Olivia Brown", "Noah Wilson", "Aiko Tanaka", "Jan Novák", "Chloé Dubois", "Diego Hernández", "Priya Patel", "Emma Johansson", "Liam O'Brien", "Zoë Martin", "Mateo López", "Hannah Schmidt", "Kwame Mensah", "Ana Souza"}
	demoStreets = []string{"Main St", "Oak Ave", "Pine Rd", "Elm St", "Market St", "Church Rd", "Mill Ln", "Park Ave", "Lake Dr", "River Rd", "2nd St", "Broadway", "High St", "Station Rd"}
	demoCities  = [][3]string{{"Portland", "OR", "97205"}, {"Austin", "TX", "78701"}, {"Denver", "CO", "80202"}, {"Madison", "WI", "53703"}, {"Burlington", "VT", "05401"}, {"Asheville", "NC", "28801"}, {"Boise", "ID", "83702"}, {"Savannah", "GA", "31401"}, {"Santa Fe", "NM", "87501"}, {"Duluth", "MN", "55802"}, {"Tacoma", "WA", "98402"}, {"Fresno", "CA", "93721"}}
	demoItems   = []struct {
		desc  string
		price int64
		tax   int64
	}{{"Consulting, hourly", 9500, 0}, {"Installation labour", 6500, 0}, {"Monthly maintenance plan", 24900, 0},
		{"Copper fittings (box)", 3475, 825}, {"LED panel 60x60", 5990, 825}, {"Delivery", 2500, 0},
		{"Printed brochures, 500", 18900, 825}, {"Site survey", 15000, 0}, {"Replacement filter", 1299, 825},
		{"Design revision", 7500, 0}, {"Catering, per guest", 2850, 825}, {"Equipment rental, day", 12000, 825}}
	demoTerms      = []int{0, 15, 30, 30, 30, 30, 45, 60}
	demoMethods    = []string{"bank", "bank", "check", "card", "paypal", "stripe", "interac", "zelle", "square", "venmo", "wise", "cash"}
	demoVoidReason = []string{"Duplicate invoice", "Wrong customer billed", "Order cancelled before delivery"}
)

// The largest sample company: enough for the benchmarks' million invoices and more, and a
// bound on what a typo (-customers 99999999999) makes the program try to build.
const (
	MaxDemoCustomers = 1_000_000
	MaxDemoInvoices  = 10_000_000
)

// CheckDemoSize refuses a sample company size outside 1..MaxDemoCustomers customers and
// 0..MaxDemoInvoices invoices, naming the field.
func CheckDemoSize(customers, invoices int) error {
	switch {
	case customers <= 0:
		return fieldErr("customers", "must be at least 1")
	case customers > MaxDemoCustomers:
		return fieldErr("customers", fmt.Sprintf("must be at most %d", MaxDemoCustomers))
	case invoices < 0:
		return fieldErr("invoices", "cannot be negative")
	case invoices > MaxDemoInvoices:
		return fieldErr("invoices", fmt.Sprintf("must be at most %d", MaxDemoInvoices))
	}
	return nil
}

// GenerateDemo fills an empty company file with a realistic sample company: customers with
// payment habits, invoices over two years, payments (early, late, partial, overpaid, batch),
// voids, credit notes and write-offs. The same seed gives the same company.
func (s *Store) GenerateDemo(ctx context.Context, o DemoOptions) error {
	if err := CheckDemoSize(o.Customers, o.Invoices); err != nil {
		return err
	}
	if o.Today.IsZero() {
		o.Today = s.Today()
	}
	var n int
	if err := s.r.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM customers) + (SELECT count(*) FROM invoices)`).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return fieldErr("file", "the sample company needs an empty company file")
	}
	rng := rand.New(rand.NewPCG(o.Seed, 0x9e3779b97f4a7c15))
	g := &demoGen{s: s, o: o, rng: rng}
	if err := g.run(ctx); err != nil {
		return err
	}
	for _, f := range demoAfters {
		if err := f(ctx, s, o.Seed, o.Today); err != nil {
			return err
		}
	}
	return nil
}

type demoGen struct {
	s     *Store
	o     DemoOptions
	rng   *rand.Rand
	now   string
	custs []demoCust
}

type demoCust struct {
	DemoCustomer
	terms int
	// open invoices not yet settled by a payment (for batch payments)
}

func (g *demoGen) pick(xs []string) string { return xs[g.rng.IntN(len(xs))] }

func (g *demoGen) run(ctx context.Context) error {
	g.now = g.s.nowText()
	comp := DefaultCompany()
	comp.Name = "Northwind Trade Supply"
	comp.Address = "410 Harbor Way, Suite 2\nPortland, OR 97209\nUSA"
	comp.Email = "accounts@northwind-trade.example"
	comp.Phone = "+1 503 555 0142"
	comp.TaxID = "EIN 93-1234567"
	comp.PaymentInstructions = "Bank transfer: First Harbor Bank, routing 123000848, account 4401 2231 09\nPlease quote the invoice number with your payment."
	comp.DefaultTaxRateBP = 825
	if err := g.s.SaveCompany(ctx, comp); err != nil {
		return err
	}
	// Customers (one transaction).
	err := g.s.Update(ctx, func(tx *Tx) error {
		stmt, err := tx.PrepareContext(ctx, `INSERT INTO customers(name, contact, emails, phone, address1, address2, city,
			region, postal_code, country, terms_days, credit_limit, currency, channel, last_reviewed, credit_hold, notes, created)
			VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`)
		if err != nil {
			return err
		}
		defer stmt.Close()
		used := map[string]int{}
		for i := 0; i < g.o.Customers; i++ {
			name := strings.TrimSpace(g.pick(demoFirst) + " " + g.pick(demoTrade) + " " + g.pick(demoSuffix))
			if used[name]++; used[name] > 1 {
				name = fmt.Sprintf("%s (%d)", name, used[name])
			}
			person := g.pick(demoPeople)
			slug := strings.ToLower(strings.NewReplacer(" ", "", ".", "", "&", "", "'", "", "(", "", ")", "", "é", "e", "ü", "u", "á", "a").Replace(name))
			first := strings.ToLower(strings.Fields(person)[0])
			first = strings.NewReplacer("é", "e", "ü", "u", "ë", "e", "á", "a").Replace(first)
			city := demoCities[g.rng.IntN(len(demoCities))]
			terms := demoTerms[g.rng.IntN(len(demoTerms))]
			limit := int64(g.rng.IntN(20)+1) * 250000
			if g.rng.IntN(5) == 0 {
				limit = 0
			}
			channel := "email"
			if g.rng.IntN(6) == 0 {
				channel = "mail"
			} else if g.rng.IntN(10) == 0 {
				channel = "phone"
			}
			reviewed := g.o.Today.AddDays(-g.rng.IntN(120))
			res, err := stmt.ExecContext(ctx, name, person, first+"@"+trimLen(slug, 24)+".example\nap@"+trimLen(slug, 24)+".example",
				fmt.Sprintf("+1 %03d 555 %04d", 200+g.rng.IntN(700), g.rng.IntN(10000)),
				fmt.Sprintf("%d %s", 10+g.rng.IntN(9000), g.pick(demoStreets)), "", city[0], city[1], city[2], "USA",
				terms, limit, "USD", channel, reviewed, 0, "", g.now)
			if err != nil {
				return err
			}
			id, _ := res.LastInsertId()
			h := Habit(weighted(g.rng, []int{15, 45, 25, 10, 5}))
			g.custs = append(g.custs, demoCust{DemoCustomer{id, h}, terms})
		}
		return tx.Audit("demo.customers", "company", 0, nil, map[string]int{"customers": g.o.Customers})
	})
	if err != nil {
		return err
	}
	return g.invoices(ctx)
}

func trimLen(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

func weighted(rng *rand.Rand, w []int) int {
	t := 0
	for _, x := range w {
		t += x
	}
	r := rng.IntN(t)
	for i, x := range w {
		if r < x {
			return i
		}
		r -= x
	}
	return len(w) - 1
}

// delay is how many days after the due date a customer of habit h pays (ok=false: never).
func (g *demoGen) delay(h Habit) (int, bool) {
	r := g.rng
	switch h {
	case HabitEarly:
		return -r.IntN(10), true
	case HabitOnTime:
		return r.IntN(5) - 2, true
	case HabitLate:
		return 5 + r.IntN(30), true
	case HabitVeryLate:
		return 30 + r.IntN(75), r.IntN(20) != 0
	default:
		return 60 + r.IntN(120), r.IntN(3) == 0
	}
}

const demoBatch = 5000

func (g *demoGen) invoices(ctx context.Context) error {
	total := g.o.Invoices
	span := 730
	start := g.o.Today.AddDays(-span)
	var seq, cnSeq int64
	done := 0
	for done < total {
		end := min(done+demoBatch, total)
		err := g.s.Update(ctx, func(tx *Tx) error {
			st, err := prepareDemo(ctx, tx)
			if err != nil {
				return err
			}
			defer st.close()
			for k := done; k < end; k++ {
				if err := ctx.Err(); err != nil {
					return err
				}
				issue := start.AddDays(k * span / max(total, 1))
				c := &g.custs[g.rng.IntN(len(g.custs))]
				seq++
				if err := g.oneInvoice(ctx, st, c, issue, seq, &cnSeq); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		done = end
		if g.o.Progress != nil {
			g.o.Progress(done, total)
		}
	}
	return g.s.Update(ctx, func(tx *Tx) error {
		for _, f := range demoExtras {
			if err := f(tx, g.rng, g.o.Today, demoCustomers(g.custs)); err != nil {
				return err
			}
		}
		return tx.Audit("demo.invoices", "company", 0, nil, map[string]any{"invoices": total, "seed": g.o.Seed, "today": g.o.Today})
	})
}

func demoCustomers(cs []demoCust) []DemoCustomer {
	out := make([]DemoCustomer, len(cs))
	for i, c := range cs {
		out[i] = c.DemoCustomer
	}
	return out
}

type demoStmts struct {
	inv, line, post, pay, alloc, cn, wo, void *sql.Stmt
}

func (d *demoStmts) close() {
	for _, s := range []*sql.Stmt{d.inv, d.line, d.post, d.pay, d.alloc, d.cn, d.wo, d.void} {
		if s != nil {
			s.Close()
		}
	}
}

func (g *demoGen) oneInvoice(ctx context.Context, st *demoStmts, c *demoCust, issue Date, seq int64, cnSeq *int64) error {
	r := g.rng
	due := issue.AddDays(c.terms)
	nlines := 1 + r.IntN(4)
	type line struct {
		desc           string
		qty, price, tx int64
		net, tax       int64
	}
	lines := make([]line, nlines)
	var sub, tax int64
	for i := range lines {
		it := demoItems[r.IntN(len(demoItems))]
		q := int64(1+r.IntN(12)) * 1000
		if r.IntN(4) == 0 {
			q = int64(1+r.IntN(40)) * 250 // quarter hours
		}
		net, _ := MulDivRound(q, it.price, 1000)
		t, _ := MulDivRound(net, it.tax, 10000)
		lines[i] = line{it.desc, q, it.price, it.tax, net, t}
		sub += net
		tax += t
	}
	totalAmt := sub + tax
	number := fmt.Sprintf("INV-%05d", seq)
	po := ""
	if r.IntN(3) == 0 {
		po = fmt.Sprintf("PO-%d", 1000+r.IntN(90000))
	}
	res, err := st.inv.ExecContext(ctx, c.ID, "USD", issue, due, po, sub, tax, totalAmt, g.now)
	if err != nil {
		return err
	}
	invID, _ := res.LastInsertId()
	for i, l := range lines {
		if _, err := st.line.ExecContext(ctx, invID, i+1, l.desc, l.qty, l.price, l.tx, l.net, l.tax); err != nil {
			return err
		}
	}
	sent := issue.AddDays(r.IntN(3))
	if sent.After(g.o.Today) {
		sent = g.o.Today
	}
	if _, err := st.post.ExecContext(ctx, number, seq, sent, g.now, invID); err != nil {
		return err
	}
	// Fate of the invoice.
	today := g.o.Today
	if r.IntN(150) == 0 { // voided soon after issue
		vd := issue.AddDays(1 + r.IntN(5))
		if !vd.After(today) {
			_, err := st.void.ExecContext(ctx, demoVoidReason[r.IntN(len(demoVoidReason))], vd, invID)
			return err
		}
	}
	open := totalAmt
	if r.IntN(40) == 0 { // a credit note for a returned item or a price adjustment
		amt := lines[0].net / 2
		if d := issue.AddDays(3 + r.IntN(20)); amt > 0 && !d.After(today) {
			*cnSeq++
			if _, err := st.cn.ExecContext(ctx, fmt.Sprintf("CN-%05d", *cnSeq), *cnSeq, invID, d, amt, "Returned goods / price adjustment", g.now); err != nil {
				return err
			}
			open -= amt
		}
	}
	delay, pays := g.delay(c.Habit)
	payDay := due.AddDays(delay)
	if payDay.Before(issue) {
		payDay = issue
	}
	if !pays {
		// Defaulters: written off after 180 days past due.
		if wd := due.AddDays(180 + r.IntN(30)); !wd.After(today) && r.IntN(2) == 0 {
			_, err := st.wo.ExecContext(ctx, invID, wd, open, "Uncollectable: customer unresponsive", g.now)
			return err
		}
		return nil
	}
	if payDay.After(today) {
		return nil
	}
	method := demoMethods[r.IntN(len(demoMethods))]
	ref := number
	if r.IntN(4) == 0 {
		ref = fmt.Sprintf("TXN%08d", r.IntN(100000000))
	}
	switch k := r.IntN(100); {
	case k < 6 && open >= 200: // partial now, rest later (or never)
		part := open / 2
		if err := g.pay(ctx, st, c, payDay, method, ref, part, part, invID); err != nil {
			return err
		}
		if later := payDay.AddDays(10 + r.IntN(40)); !later.After(today) {
			return g.pay(ctx, st, c, later, method, ref, open-part, open-part, invID)
		}
		return nil
	case k < 9: // overpaid: the rest stays as credit
		extra := int64(1+r.IntN(50)) * 100
		return g.pay(ctx, st, c, payDay, method, ref, open+extra, open, invID)
	default:
		return g.pay(ctx, st, c, payDay, method, ref, open, open, invID)
	}
}

func (g *demoGen) pay(ctx context.Context, st *demoStmts, c *demoCust, day Date, method, ref string, amount, alloc int64, invID int64) error {
	res, err := st.pay.ExecContext(ctx, c.ID, day, method, ref, amount, "USD", amount, "demo", g.now)
	if err != nil {
		return err
	}
	pid, _ := res.LastInsertId()
	if alloc > 0 {
		_, err = st.alloc.ExecContext(ctx, pid, invID, alloc, day, g.now)
	}
	return err
}
