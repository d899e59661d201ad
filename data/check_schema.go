package data

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"sync"
)

// The schema part of check: every table, index, trigger and view that the migrations the
// file records as applied make must be in the file. A file changed outside Duebook (a table dropped, a
// trigger that guards posted invoices removed) is otherwise read as if it were whole: a
// missing index only slows the reports, but a missing trigger lets a posted invoice be
// changed, and a missing table fails the next write. Objects the file has beyond them are
// not reported (a newer build's, or the user's own).

// expectedSchema is the type and name of every object that the migrations of versions
// (those the file records as applied: a backup of an earlier version has fewer) make,
// read once per set of versions from a database they are applied to in memory (one
// connection: each connection to :memory: is a database of its own).
func expectedSchema(versions []int) (map[string]string, error) {
	key := fmt.Sprint(versions)
	schemas.Lock()
	defer schemas.Unlock()
	if m, ok := schemas.of[key]; ok {
		return m, nil
	}
	m, err := applySchema(versions)
	if err != nil {
		return nil, err
	}
	if schemas.of == nil {
		schemas.of = map[string]map[string]string{}
	}
	schemas.of[key] = m
	return m, nil
}

var schemas struct {
	sync.Mutex
	of map[string]map[string]string
}

func applySchema(versions []int) (map[string]string, error) {
	want := map[int]bool{}
	for _, v := range versions {
		want[v] = true
	}
	db, err := sql.Open("sqlite", "file::memory:")
	if err != nil {
		return nil, err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	ms, err := loadMigrations()
	if err != nil {
		return nil, err
	}
	ctx := context.Background()
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	for _, m := range ms {
		if !want[m.version] {
			continue
		}
		if _, err := conn.ExecContext(ctx, m.sql); err != nil {
			return nil, fmt.Errorf("migration %s: %w", m.name, err)
		}
	}
	return schemaObjects(ctx, conn)
}

// schemaObjects are the objects of a schema, name to type, without SQLite's own.
func schemaObjects(ctx context.Context, q querier) (map[string]string, error) {
	rows, err := q.QueryContext(ctx, `SELECT name, type FROM sqlite_master WHERE name NOT LIKE 'sqlite\_%' ESCAPE '\'`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var name, typ string
		if err := rows.Scan(&name, &typ); err != nil {
			return nil, err
		}
		out[name] = typ
	}
	return out, rows.Err()
}

// schemaCheck is one line for each object of expectedSchema that the file lacks, or holds
// as another type.
func schemaCheck(ctx context.Context, tx sqlTx) ([]string, error) {
	var versions []int
	rows, err := tx.QueryContext(ctx, `SELECT version FROM schema_migrations ORDER BY version`)
	if err != nil {
		return nil, nil // not a file Duebook's migrations made (its identity says so)
	}
	for rows.Next() {
		var v any
		if err := rows.Scan(&v); err != nil {
			rows.Close()
			return nil, fmt.Errorf("check: %w", err)
		}
		if n, ok := v.(int64); ok {
			versions = append(versions, int(n))
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("check: %w", err)
	}
	want, err := expectedSchema(versions)
	if err != nil {
		return nil, fmt.Errorf("check: the schema of this build: %w", err)
	}
	have, err := schemaObjects(ctx, tx)
	if err != nil {
		return nil, fmt.Errorf("check: %w", err)
	}
	var out []string
	for name, typ := range want {
		if got, ok := have[name]; !ok {
			out = append(out, fmt.Sprintf("schema: the %s %s is missing (the file was changed outside Duebook)", typ, name))
		} else if got != typ {
			out = append(out, fmt.Sprintf("schema: %s is a %s, not the %s Duebook made (the file was changed outside Duebook)", name, got, typ))
		}
	}
	// the tables of migrations the file does not record (its record of them emptied or
	// cut outside Duebook): it reads, but the next write would apply them again and fail
	var all []int
	ms, err := loadMigrations()
	if err != nil {
		return nil, fmt.Errorf("check: %w", err)
	}
	for _, m := range ms {
		all = append(all, m.version)
	}
	full, err := expectedSchema(all)
	if err != nil {
		return nil, fmt.Errorf("check: the schema of this build: %w", err)
	}
	var unrecorded []string
	for name, typ := range full {
		if _, ok := want[name]; !ok && typ == "table" && have[name] == "table" {
			unrecorded = append(unrecorded, name)
		}
	}
	if len(unrecorded) > 0 {
		sort.Strings(unrecorded)
		out = append(out, fmt.Sprintf("schema: the file holds the table %s of a schema update it does not record as made (schema_migrations was changed outside Duebook); restore a backup", unrecorded[0]))
	}
	sort.Strings(out)
	return out, nil
}
