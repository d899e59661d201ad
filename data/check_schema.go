package data

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"sync"
)

// The schema part of check: every table, index, trigger and view that this build's
// migrations make must be in the file. A file changed outside Duebook (a table dropped, a
// trigger that guards posted invoices removed) is otherwise read as if it were whole: a
// missing index only slows the reports, but a missing trigger lets a posted invoice be
// changed, and a missing table fails the next write. Objects the file has beyond them are
// not reported (a newer build's, or the user's own).

// expectedSchema is the type and name of every object the migrations make, read once
// from a database they are applied to in memory (one connection: each connection to
// :memory: is a database of its own).
var expectedSchema = sync.OnceValues(func() (map[string]string, error) {
	db, err := sql.Open("sqlite", "file::memory:")
	if err != nil {
		return nil, err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	db.SetConnMaxLifetime(0)
	db.SetConnMaxIdleTime(0)
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
		if _, err := conn.ExecContext(ctx, m.sql); err != nil {
			return nil, fmt.Errorf("migration %s: %w", m.name, err)
		}
	}
	return schemaObjects(ctx, conn)
})

// schemaObjects are the objects of a schema, name to type, without SQLite's own.
func schemaObjects(ctx context.Context, q interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}) (map[string]string, error) {
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
	want, err := expectedSchema()
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
	sort.Strings(out)
	return out, nil
}
