package collect

import (
	"math/rand/v2"

	"duebook/data"
)

func init() { data.RegisterDemoExtra(demoExtra) }

var demoNotes = []string{"Left a voicemail", "Spoke to accounts payable", "Customer asked for a copy of the invoice", "Waiting for the owner's approval", "Said the cheque is in the post"}
var demoDisputes = []string{"Goods arrived damaged", "Quantity billed does not match delivery", "Price differs from the quote", "Service not completed"}
var demoLateCodes = []string{"cash_flow", "lost_invoice", "forgot", "wrong_address", "cash_flow"}

// demoExtra gives the sample company its collections history: calls and notes, promises
// (kept by good payers, broken by bad ones), a few disputes and late-payment reasons.
func demoExtra(tx *data.Tx, rng *rand.Rand, today data.Date, customers []data.DemoCustomer) error {
	for _, c := range customers {
		if c.Habit < data.HabitLate {
			continue
		}
		overdue, ok, err := tx.OldestOverdue(c.ID, today)
		if err != nil || !ok {
			continue // nothing overdue
		}
		inv, due := overdue.ID, overdue.DueDate
		called := today.AddDays(-5 - rng.IntN(20))
		if called.Before(due) {
			called = due
		}
		if err := tx.LogActivity(&data.Activity{CustomerID: c.ID, InvoiceID: inv, Kind: "call", Date: called,
			Outcome: "promised to pay", Note: demoNotes[rng.IntN(len(demoNotes))], NextFollowUp: called.AddDays(7)}); err != nil {
			return err
		}
		promised := called.AddDays(3 + rng.IntN(10))
		if err := tx.AddPromise(&data.Promise{CustomerID: c.ID, InvoiceID: inv, MadeOn: called, PromisedDate: promised, Amount: overdue.Open}); err != nil {
			return err
		}
		if err := tx.RecordLateReason(inv, demoLateCodes[rng.IntN(len(demoLateCodes))], "", called); err != nil {
			return err
		}
		if rng.IntN(4) == 0 {
			opened := due.AddDays(rng.IntN(10))
			if opened.After(today) {
				opened = today
			}
			if err := tx.RecordOpenDispute(inv, demoDisputes[rng.IntN(len(demoDisputes))], opened, today); err != nil {
				return err
			}
		}
	}
	return nil
}
