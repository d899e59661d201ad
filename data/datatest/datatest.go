// Package datatest holds test helpers for packages that build company files through data.
package datatest

import (
	"context"
	"testing"

	"duebook/data"
)

// Post saves inv as a draft and posts it, failing the test on any error; it returns the
// posted invoice (with its number, due date and open amount).
func Post(t testing.TB, s *data.Store, inv *data.Invoice) *data.Invoice {
	t.Helper()
	ctx := context.Background()
	if err := s.CreateDraft(ctx, inv); err != nil {
		t.Fatal(err)
	}
	p, err := s.PostInvoice(ctx, inv.ID)
	if err != nil {
		t.Fatal(err)
	}
	return p
}
