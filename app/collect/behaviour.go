package collect

import (
	"context"

	"duebook/data"
)

// Behaviour is how a customer pays.
type Behaviour struct {
	CustomerID     int64
	AvgDaysToPay   int   // payment date − due date, weighted by amount (negative: early)
	OnTimeBP       int   // share of paid amount paid by the due date, in basis points
	PaidAmount     int64 // amount the figures are based on
	BrokenPromises int
	KeptPromises   int
	Over90         int64 // open amount more than 90 days past due
	Segment        string
	OverLimit      bool
	SuggestHold    bool
	HoldReason     string
}

// Risk segments:
//   - C: pays on average more than 30 days late, or 2+ broken promises, or anything open
//     more than 90 days past due;
//   - A: pays on average by the due date (≤ 0 days), at least 90 % on time, no broken promise;
//   - B: everyone else (and customers without a payment history).
func segment(b Behaviour) string {
	switch {
	case b.AvgDaysToPay > 30 || b.BrokenPromises >= 2 || b.Over90 > 0:
		return "C"
	case b.PaidAmount > 0 && b.AvgDaysToPay <= 0 && b.OnTimeBP >= 9000 && b.BrokenPromises == 0:
		return "A"
	}
	return "B"
}

// Behaviours computes every customer's payment behaviour as of asOf.
func Behaviours(ctx context.Context, s *data.Store, asOf data.Date) (map[int64]*Behaviour, error) {
	out := map[int64]*Behaviour{}
	get := func(id int64) *Behaviour {
		b := out[id]
		if b == nil {
			b = &Behaviour{CustomerID: id}
			out[id] = b
		}
		return b
	}
	// Weighted days late and the on-time share from allocations (money applied to invoices).
	// Days count up to ten years either way, so the weighted sum stays within int64 under
	// data.MaxCompanyTotal (10^15 × 3,650 < 9.2 × 10^18).
	rows, err := s.DB().QueryContext(ctx, `SELECT i.customer_id,
		sum(a.amount * max(-3650, min(3650, CAST(julianday(a.date) - julianday(i.due_date) AS INTEGER)))), sum(a.amount),
		sum(CASE WHEN a.date <= i.due_date THEN a.amount ELSE 0 END)
		FROM allocations a JOIN invoices i ON i.id = a.invoice_id WHERE a.date <= ? GROUP BY i.customer_id`, asOf)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var id, wdays, paid, ontime int64
		if err := rows.Scan(&id, &wdays, &paid, &ontime); err != nil {
			rows.Close()
			return nil, err
		}
		b := get(id)
		b.PaidAmount = paid
		if paid > 0 {
			avg, _ := data.MulDivRound(wdays, 1, paid)
			b.AvgDaysToPay = int(avg)
			bp, _ := data.MulDivRound(ontime, 10000, paid)
			b.OnTimeBP = int(bp)
		}
	}
	rows.Close()
	ps, err := s.Promises(ctx, 0, "")
	if err != nil {
		return nil, err
	}
	for _, p := range ps {
		switch p.Status {
		case "broken":
			get(p.CustomerID).BrokenPromises++
		case "kept":
			get(p.CustomerID).KeptPromises++
		}
	}
	rows, err = s.DB().QueryContext(ctx, `SELECT customer_id, sum(open_amount) FROM invoices
		WHERE status = 'posted' AND open_amount > 0 AND due_date < ? GROUP BY customer_id`, asOf.AddDays(-90))
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var id, amt int64
		if err := rows.Scan(&id, &amt); err != nil {
			rows.Close()
			return nil, err
		}
		get(id).Over90 = amt
	}
	rows.Close()
	custs, err := s.Customers(ctx, data.CustomerFilter{})
	if err != nil {
		return nil, err
	}
	for _, c := range custs {
		b := get(c.ID)
		b.Segment = segment(*b)
		if c.CreditLimit > 0 {
			over, _, _, err := s.CreditCheck(ctx, c.ID, 0)
			if err != nil {
				return nil, err
			}
			b.OverLimit = over
		}
		switch {
		case b.Segment == "C":
			b.SuggestHold, b.HoldReason = true, "risk segment C"
		case b.OverLimit:
			b.SuggestHold, b.HoldReason = true, "over the credit limit"
		case b.BrokenPromises >= 2:
			b.SuggestHold, b.HoldReason = true, "two or more broken promises"
		}
	}
	return out, nil
}
