package cli

import (
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"duebook/data"
)

// Every command refuses a company file made by a newer Duebook, saying so in words, and
// leaves its folder as it was (`aging` and `check` used to run on it, and check said ok).
func TestNewerVersionFileRefused(t *testing.T) {
	t.Setenv("DUEBOOK_CONFIG_DIR", t.TempDir())
	dir := t.TempDir()
	db := filepath.Join(dir, "newer.duebook")
	inv := hfCompany(t, db)
	raw, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	v := data.SchemaVersion() + 1
	if _, err := raw.Exec(`PRAGMA journal_mode=DELETE; INSERT INTO schema_migrations(version, name, applied_at) VALUES (?, ?, '2027-01-01T00:00:00Z')`,
		v, fmt.Sprintf("%04d_next.sql", v)); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	want := fmt.Sprintf("was made by a newer version of Duebook (schema %d, this version knows %d); update Duebook to open it", v, data.SchemaVersion())
	work := t.TempDir()
	before := hfState(t, dir)
	cmds := append(hfWriters(db, inv, work), hfReaders(db, inv, work)...)
	cmds = append(cmds, []string{"restore", "-db", filepath.Join(work, "other.duebook"), "-from", db})
	for _, args := range cmds {
		out, errs, code := run(t, hfToday, args...)
		if code == 0 || !strings.Contains(errs, want) || !strings.Contains(errs, "newer.duebook") {
			t.Errorf("%q on a newer file: exit %d %q %q", args[:2], code, out, errs)
		}
	}
	if d := hfDiff(before, hfState(t, dir)); d != "" {
		t.Errorf("the newer file's folder changed: %s", d)
	}
}
