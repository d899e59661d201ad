package data

import (
	"context"
	"database/sql/driver"
	"errors"
	"fmt"
	"sync"

	sqlite "modernc.org/sqlite"
)

// checkFoldFunc is the aggregate function through which a pass of check hands every row of
// a scan to Go: duebook_check_fold(token, values...) calls the function registered under
// token (fold) with the values of each row, inside SQLite's step. Reading the same rows
// through database/sql costs about three times as much (each column of each row fetched
// and converted on its own): at a million invoices 0.8 s for three columns of the
// allocations, 0.25 s this way.
const checkFoldFunc = "duebook_check_fold"

// foldUnavailable is why the function could not be registered (nil: it is): the passes
// then run in SQL alone, as before it.
var foldUnavailable = sqlite.RegisterFunction(checkFoldFunc, &sqlite.FunctionImpl{
	NArgs: -1, Deterministic: true, VolatileArgs: true,
	MakeAggregate: func(sqlite.FunctionContext) (sqlite.AggregateFunction, error) { return &foldAgg{}, nil },
})

// folds are the functions of the folds running now, by token.
var folds struct {
	sync.Mutex
	next int64
	fn   map[int64]func([]driver.Value)
}

// fold runs q, one row of one column, duebook_check_fold(?N, ...), with args and then the
// token of fn as its arguments (N = len(args)+1), and returns the number of rows that fn
// was called with.
func fold(ctx context.Context, tx sqlTx, q string, fn func(row []driver.Value), args ...any) (int64, error) {
	var n int64
	err := foldRow(ctx, tx, q, fn, []any{&n}, args...)
	return n, err
}

// foldRow is fold for a query of one row whose columns, one of them the fold, are scanned
// into dest.
func foldRow(ctx context.Context, tx sqlTx, q string, fn func(row []driver.Value), dest []any, args ...any) error {
	if foldUnavailable != nil {
		return foldUnavailable
	}
	folds.Lock()
	folds.next++
	token := folds.next
	if folds.fn == nil {
		folds.fn = map[int64]func([]driver.Value){}
	}
	folds.fn[token] = fn
	folds.Unlock()
	defer func() {
		folds.Lock()
		delete(folds.fn, token)
		folds.Unlock()
	}()
	if err := tx.QueryRowContext(ctx, q, append(args, token)...).Scan(dest...); err != nil {
		return fmt.Errorf("check: %w", err)
	}
	return nil
}

// foldAgg is one evaluation of duebook_check_fold.
type foldAgg struct {
	fn func([]driver.Value)
	n  int64
}

func (a *foldAgg) Step(_ *sqlite.FunctionContext, args []driver.Value) error {
	if a.fn == nil {
		if len(args) > 0 {
			token, _ := args[0].(int64)
			folds.Lock()
			a.fn = folds.fn[token]
			folds.Unlock()
		}
		if a.fn == nil {
			return errors.New(checkFoldFunc + ": no fold of this token")
		}
	}
	a.fn(args[1:])
	a.n++
	return nil
}

func (a *foldAgg) WindowInverse(*sqlite.FunctionContext, []driver.Value) error {
	return errors.New(checkFoldFunc + " is not a window function")
}

func (a *foldAgg) WindowValue(*sqlite.FunctionContext) (driver.Value, error) { return a.n, nil }

func (a *foldAgg) Final(*sqlite.FunctionContext) {}
