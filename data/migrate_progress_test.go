package data

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fileBefore16 is a company with data as migration 0015 left it (0016 not applied): the
// event-date indexes on the date alone and no invoices_currency.
func fileBefore16(t *testing.T, before int) string {
	t.Helper()
	s := sampleStore(t)
	path := s.Path()
	undo := []string{
		`DROP INDEX invoices_currency`,
		`DROP INDEX allocations_date`, `CREATE INDEX allocations_date ON allocations(date)`,
		`DROP INDEX credit_notes_date`, `CREATE INDEX credit_notes_date ON credit_notes(date)`,
		`DROP INDEX write_offs_date`, `CREATE INDEX write_offs_date ON write_offs(date)`,
		`DROP INDEX payments_date`,
		`DROP INDEX invoices_owed`, // 0017
		`DROP INDEX payments_credit`, `CREATE INDEX payments_credit ON payments(customer_id) WHERE unallocated > 0`,
		`DROP INDEX invoices_issue`, `CREATE INDEX invoices_issue ON invoices(issue_date)`,
		`DELETE FROM schema_migrations WHERE version >= 16`,
	}
	if before <= 15 { // 0015 undone too: the open-invoice index as 0014 left it
		undo = append(undo, `DROP INDEX invoices_open`,
			`CREATE INDEX invoices_open ON invoices(currency, customer_id, due_date, open_amount) WHERE status = 'posted' AND open_amount > 0`,
			`DELETE FROM schema_migrations WHERE version >= 15`)
	}
	if err := s.Update(ctx, func(tx *Tx) error {
		for _, q := range undo {
			if _, err := tx.ExecContext(ctx, q); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	return path
}

func appliedVersions(t *testing.T, path string) (max int, covering bool) {
	t.Helper()
	s, err := OpenExisting(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.r.QueryRowContext(ctx, `SELECT max(version) FROM schema_migrations`).Scan(&max); err != nil {
		t.Fatal(err)
	}
	var sqlText string
	if err := s.r.QueryRowContext(ctx, `SELECT sql FROM sqlite_master WHERE name = 'allocations_date'`).Scan(&sqlText); err != nil {
		t.Fatal(err)
	}
	return max, strings.Contains(sqlText, "invoice_id")
}

// Opening an earlier version's file reports each stage (the safety copy page by page up
// to its whole size, its check, then each schema change), and leaves a checked copy.
func TestMigrateReportsProgress(t *testing.T) {
	path := fileBefore16(t, 15)
	var seen []MigrateProgress
	s, err := OpenExisting(path, Options{BeforeMigrate: SnapshotBeforeMigrate, Progress: func(p MigrateProgress) { seen = append(seen, p) }})
	if err != nil {
		t.Fatal(err)
	}
	mustCheck(t, s)
	s.Close()
	if v, cov := appliedVersions(t, path); v != SchemaVersion() || !cov {
		t.Fatalf("after the update: version %d, covering %v", v, cov)
	}
	var stages []string
	var lastCopy MigrateProgress
	for _, p := range seen {
		if len(stages) == 0 || stages[len(stages)-1] != p.Stage {
			stages = append(stages, p.Stage)
		}
		if p.Stage == StageCopy {
			if p.Done < lastCopy.Done || p.Total <= 0 {
				t.Fatalf("copy progress went back or has no size: %+v after %+v", p, lastCopy)
			}
			lastCopy = p
		}
	}
	if strings.Join(stages, "|") != StageCopy+"|"+StageVerify+"|"+StageUpdate {
		t.Fatalf("stages %q", stages)
	}
	if lastCopy.Done != lastCopy.Total {
		t.Fatalf("the copy ended at %d of %d pages", lastCopy.Done, lastCopy.Total)
	}
	updates := 0
	for _, p := range seen {
		if p.Stage == StageUpdate {
			updates++
			if p.Total != int64(SchemaVersion()-14) || !strings.Contains(p.String(), "step") {
				t.Fatalf("update progress %+v %q", p, p)
			}
		}
	}
	if updates != SchemaVersion()-14 {
		t.Fatalf("%d update steps, want one for each migration after 0014", updates)
	}
	snaps, _ := filepath.Glob(filepath.Join(filepath.Dir(path), "backups", "*-pre-migrate-*.duebook"))
	if len(snaps) != 1 {
		t.Fatalf("snapshots %v", snaps)
	}
	if all, _ := os.ReadDir(filepath.Dir(snaps[0])); len(all) != 1 {
		for _, e := range all {
			t.Errorf("in backups: %s", e.Name())
		}
	}
	if v, cov := appliedVersions(t, snaps[0]); v != 14 || cov {
		t.Fatalf("the safety copy is not the file as it was: version %d covering %v", v, cov)
	}
}

// Cancelling while the copy is made, or between two schema changes, leaves the file as the
// earlier version wrote it (every change is one transaction) and no half copy behind.
func TestMigrateCancel(t *testing.T) {
	for _, at := range []string{StageCopy, StageVerify, StageUpdate + " 2"} {
		t.Run(at, func(t *testing.T) {
			path := fileBefore16(t, 15)
			c, cancel := context.WithCancel(context.Background())
			defer cancel()
			progress := func(p MigrateProgress) {
				if p.Stage == at || (p.Stage == StageUpdate && at == StageUpdate+" 2" && p.Done == 1) {
					cancel()
				}
			}
			s, err := OpenExisting(path, Options{BeforeMigrate: SnapshotBeforeMigrate, Context: c, Progress: progress})
			if err == nil {
				s.Close()
				t.Fatal("opened although cancelled")
			}
			if !errors.Is(err, ErrMigrateCancelled) {
				t.Fatalf("error %v", err)
			}
			if v, cov := appliedVersions(t, path); v != 14 || cov {
				t.Fatalf("cancelled at %s, yet the file changed: version %d, covering %v", at, v, cov)
			}
			left, _ := os.ReadDir(filepath.Join(filepath.Dir(path), "backups"))
			for _, e := range left {
				if at != StageUpdate+" 2" || !strings.Contains(e.Name(), "-pre-migrate-") || strings.Contains(e.Name(), ".tmp") {
					t.Errorf("left behind in backups: %s", e.Name())
				}
			}
			// and the next open, not cancelled, brings it up to date
			s, err = OpenExisting(path, Options{BeforeMigrate: SnapshotBeforeMigrate})
			if err != nil {
				t.Fatal(err)
			}
			mustCheck(t, s)
			s.Close()
		})
	}
}
