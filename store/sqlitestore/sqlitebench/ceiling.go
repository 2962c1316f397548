package sqlitebench

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"time"

	"github.com/demarche/demarche/store/sqlitestore"
)

// CopyCeiling measures the fastest any load of the store in directory src can
// be: it creates an empty store in directory dst (the same schema), drops its
// secondary indexes, then, timed, copies every table of src into it in
// primary-key order, builds the indexes again and fills the full-text indexes
// in rowid order, in one transaction. There is no derivation, no parameter
// binding and no lookup: only the work SQLite must do to hold the finished
// graph, each structure written in the cheapest order. It returns the number
// of statements copied and the time the copy took (emptying dst is not timed).
func CopyCeiling(ctx context.Context, src, dst string) (statements int, took time.Duration, err error) {
	empty, err := sqlitestore.Open(ctx, dst, sqlitestore.Options{})
	if err != nil {
		return 0, 0, err
	}
	if err := empty.Close(); err != nil {
		return 0, 0, err
	}
	db, err := sql.Open("sqlite", "file:"+filepath.Join(dst, sqlitestore.FileName)+
		"?_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_pragma=cache_size(-262144)&_pragma=temp_store(MEMORY)")
	if err != nil {
		return 0, 0, err
	}
	defer db.Close()
	conn, err := db.Conn(ctx)
	if err != nil {
		return 0, 0, err
	}
	defer conn.Close()

	var tables, indexes, indexNames []string
	rows, err := conn.QueryContext(ctx, `SELECT type, name, coalesce(sql, '') FROM sqlite_master
		WHERE name NOT LIKE 'sqlite_%' AND name NOT LIKE 'fts_%' AND (type = 'table' OR (type = 'index' AND sql IS NOT NULL))`)
	if err != nil {
		return 0, 0, fmt.Errorf("reading the schema: %w", err)
	}
	for rows.Next() {
		var typ, name, ddl string
		if err := rows.Scan(&typ, &name, &ddl); err != nil {
			rows.Close()
			return 0, 0, fmt.Errorf("reading the schema: %w", err)
		}
		if typ == "table" {
			tables = append(tables, name)
		} else {
			indexes, indexNames = append(indexes, ddl), append(indexNames, name)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, 0, fmt.Errorf("reading the schema: %w", err)
	}
	// Names come from sqlite_master (the store's own schema); identifiers cannot
	// be parameters.
	for _, name := range indexNames {
		if _, err := conn.ExecContext(ctx, `DROP INDEX "`+name+`"`); err != nil {
			return 0, 0, fmt.Errorf("dropping %s: %w", name, err)
		}
	}
	if _, err := conn.ExecContext(ctx, "ATTACH ? AS src", "file:"+filepath.Join(src, sqlitestore.FileName)+"?mode=ro"); err != nil {
		return 0, 0, fmt.Errorf("attaching %s: %w", src, err)
	}

	start := time.Now()
	steps := []string{"BEGIN"}
	for _, t := range tables {
		// meta already holds the empty store's rows.
		steps = append(steps, `INSERT OR REPLACE INTO main."`+t+`" SELECT * FROM src."`+t+`" ORDER BY 1`)
	}
	steps = append(steps, indexes...)
	steps = append(steps,
		`INSERT INTO main.fts_reports (rowid, evidence) SELECT rid, evidence FROM src.reports WHERE evidence <> '' ORDER BY rid`,
		`INSERT INTO main.fts_names (rowid, name) SELECT nid, name FROM src.names ORDER BY nid`,
		"COMMIT")
	for _, q := range steps {
		if _, err := conn.ExecContext(ctx, q); err != nil {
			return 0, 0, fmt.Errorf("%.60s: %w", q, err)
		}
	}
	took = time.Since(start)
	if err := conn.QueryRowContext(ctx, "SELECT count(*) FROM main.statements").Scan(&statements); err != nil {
		return 0, 0, err
	}
	return statements, took, nil
}
