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
	recs, err := s.PayRecords(ctx, asOf)
	if err != nil {
		return nil, err
	}
	custs, err := s.CustomerBriefs(ctx)
	if err != nil {
		return nil, err
	}
	return behaviours(recs, custs), nil
}

// behaviours turns the customers' pay records into their behaviour.
func behaviours(recs map[int64]*data.PayRecord, custs []data.CustomerBrief) map[int64]*Behaviour {
	out := make(map[int64]*Behaviour, len(recs))
	for id, r := range recs {
		b := &Behaviour{CustomerID: id, PaidAmount: r.Paid, BrokenPromises: r.Broken, KeptPromises: r.Kept, Over90: r.Over90}
		if r.Paid > 0 {
			avg, _ := data.MulDivRound(r.WeightedDays, 1, r.Paid)
			b.AvgDaysToPay = int(avg)
			bp, _ := data.MulDivRound(r.OnTime, 10000, r.Paid)
			b.OnTimeBP = int(bp)
		}
		out[id] = b
	}
	for i := range custs {
		c := &custs[i]
		b := out[c.ID]
		if b == nil {
			b = &Behaviour{CustomerID: c.ID}
			out[c.ID] = b
		}
		b.Segment = segment(*b)
		if c.CreditLimit > 0 {
			// data.Store.CreditCheck with nothing added: the open balance net of credit.
			var open, credit int64
			if r := recs[c.ID]; r != nil {
				open, credit = r.Open, r.Credit
			}
			b.OverLimit = open-credit > c.CreditLimit
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
	return out
}
