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
	ctx := tx.Ctx()
	for _, c := range customers {
		if c.Habit < data.HabitLate {
			continue
		}
		var inv int64
		var due data.Date
		err := tx.QueryRowContext(ctx, `SELECT id, due_date FROM invoices WHERE customer_id = ? AND status = 'posted'
			AND open_amount > 0 AND due_date < ? ORDER BY due_date LIMIT 1`, c.ID, today).Scan(&inv, &due)
		if err != nil {
			continue // nothing overdue
		}
		called := today.AddDays(-5 - rng.IntN(20))
		if called.Before(due) {
			called = due
		}
		if err := tx.LogActivity(&data.Activity{CustomerID: c.ID, InvoiceID: inv, Kind: "call", Date: called,
			Outcome: "promised to pay", Note: demoNotes[rng.IntN(len(demoNotes))], NextFollowUp: called.AddDays(7)}); err != nil {
			return err
		}
		var open int64
		tx.QueryRowContext(ctx, `SELECT open_amount FROM invoices WHERE id = ?`, inv).Scan(&open)
		promised := called.AddDays(3 + rng.IntN(10))
		if err := tx.AddPromise(&data.Promise{CustomerID: c.ID, InvoiceID: inv, MadeOn: called, PromisedDate: promised, Amount: open}); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO late_reasons(invoice_id, code, note, recorded) VALUES (?,?,?,?)`,
			inv, demoLateCodes[rng.IntN(len(demoLateCodes))], "", called); err != nil {
			return err
		}
		if rng.IntN(4) == 0 {
			opened := due.AddDays(rng.IntN(10))
			if opened.After(today) {
				opened = today
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO disputes(invoice_id, reason, status, opened, created) VALUES (?,?,'open',?,?)`,
				inv, demoDisputes[rng.IntN(len(demoDisputes))], opened, today.String()); err != nil {
				return err
			}
		}
	}
	return nil
}
