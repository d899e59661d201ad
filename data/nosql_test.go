package data

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

var sqlText = regexp.MustCompile(`\b(SELECT\b[\s\S]*\bFROM|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|PRAGMA\s+\w|CREATE\s+(TABLE|INDEX|TRIGGER))\b`)

// sqlCalls are the method names that run SQL: Store.DB() and database/sql's context
// methods (the Tx of data embeds *sql.Tx). Plain Query/Exec are left out: other types have
// methods of those names.
var sqlCalls = map[string]bool{"DB": true, "QueryContext": true, "QueryRowContext": true, "ExecContext": true, "PrepareContext": true}

// No SQL outside data/ (DESIGN.md): no program file of another package holds an SQL
// statement or calls Store.DB() or a database/sql query or exec method; the queries live in
// data/ behind Store methods named for what they answer. Tests may query as they like.
func TestNoSQLOutsideData(t *testing.T) {
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	var files int
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if rel == "data" || strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata" || d.Name() == "bin" {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(rel, ".go") || strings.HasSuffix(rel, "_test.go") {
			return nil
		}
		files++
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.BasicLit:
				if n.Kind != token.STRING {
					return true
				}
				if s, err := strconv.Unquote(n.Value); err == nil && sqlText.MatchString(s) {
					t.Errorf("%s: SQL outside data/: %.60q", fset.Position(n.Pos()), s)
				}
			case *ast.CallExpr:
				if sel, ok := n.Fun.(*ast.SelectorExpr); ok && sqlCalls[sel.Sel.Name] {
					t.Errorf("%s: %s() outside data/: add a Store method named for what it answers", fset.Position(n.Pos()), sel.Sel.Name)
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 20 {
		t.Fatalf("only %d program files outside data/ looked at: is the walk rooted at the module?", files)
	}
}
