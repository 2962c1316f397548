// Package sqlitestore is Demarche's embedded, zero set-up store: a store.Store
// kept in one SQLite database file (dir/demarche.db) through the pure-Go
// modernc.org/sqlite driver.
//
// Reports are the source of truth. Each report row carries its statement key
// (kind and both ends rolled up through affiliation); every write regroups, with
// store.GroupReports, the reports of the keys it touched from the earliest day it
// changed (minus the grouping window) on, and updates the direct edges of the
// statements that changed, so the graph never depends on load order and a write
// costs what it changes, not the size of the keys it touches (see derive.go).
// RESPONDS_TO is computed when read. Full-text search uses FTS5 with bm25 ranking.
//
// Readers see a view per committed write (view.go): the affiliation tree, to
// expand rollups without recursive SQL, and a cache of query results that the
// next write replaces.
//
// The database runs in WAL mode with synchronous=NORMAL: a committed write
// survives a crash or restart of the process; a power failure may lose the last
// transactions, never corrupt the file.
//
// One Store owns its directory: writes go through a single writer connection and
// an in-memory copy of the actor table (ids, affiliations) used to compute keys,
// so two processes must not write the same database at once.
package sqlitestore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/demarche/demarche/store"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// FileName is the database file the store keeps in its directory.
const FileName = "demarche.db"

// Options configures the store.
type Options struct {
	// Window is how far apart reports of one act may be dated (default store.DefaultWindow).
	Window time.Duration
	// ReadConns is the size of the read connection pool (default: twice GOMAXPROCS,
	// at least 4: WAL readers never block each other, and a slow query should not
	// hold up the quick ones behind it).
	ReadConns int
	// NoResultCache turns off the cache of query results kept between writes
	// (benchmarks use it to measure the queries themselves).
	NoResultCache bool
}

// Store is the embedded store. It is safe for concurrent use.
type Store struct {
	path   string
	window time.Duration
	w      *sql.DB // the one writer connection
	r      *sql.DB // the read pool
	prep   []*sql.Stmt
	// bulkPrep holds the writer's multi-row inserts by SQL text (see bulk.go).
	bulkPrep map[string]*sql.Stmt
	// readPrep holds the read pool's prepared queries by SQL text (readStmt);
	// readPrepN counts them.
	readPrep  sync.Map
	readPrepN atomic.Int64

	mu        sync.Mutex // serializes writes and guards the caches below
	actors    map[string]*store.Actor
	incidents map[string]*store.Incident
	redirects map[string]string

	view    atomic.Pointer[view] // what readers see; replaced by every write
	noCache bool

	// dataVersion is the writer connection's last PRAGMA data_version (guarded by
	// mu); checkedAt is when a reader last compared it (unix nanoseconds).
	dataVersion int64
	checkedAt   atomic.Int64
}

var _ store.Store = (*Store)(nil)

// Open opens (creating when needed) the store in dir.
func Open(ctx context.Context, dir string, opts Options) (*Store, error) {
	if dir == "" {
		return nil, fmt.Errorf("%w: empty data directory", store.ErrInvalid)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("creating data directory: %w", err)
	}
	if opts.Window <= 0 {
		opts.Window = store.DefaultWindow
	}
	if opts.ReadConns <= 0 {
		opts.ReadConns = max(4, 2*runtime.GOMAXPROCS(0))
	}
	path := filepath.Join(dir, FileName)
	// Statement, report and article ids are hashes: a load writes its rows at
	// random places of big indexes, so the writer keeps a large page cache (256
	// MiB) and every connection maps up to 2 GiB of the file (pages past the mapped
	// part are read with a system call each).
	const pragmas = "_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)&_pragma=mmap_size(2147418112)"
	// The writer checkpoints every 65,536 WAL pages (256 MiB) rather than SQLite's
	// 1,000: a batch rewrites many of the pages the previous ones wrote (index
	// leaves, FTS segments), and a checkpoint copies a page to the database file
	// once however often it was committed since. Loading 2,500 articles into a
	// store of 100,000 wrote 1.5 GB with this setting, 3.3 GB with 16,384 pages.
	// journal_size_limit keeps the WAL file from staying larger than that after a
	// checkpoint. Durability is unchanged: a commit is in the WAL before Commit
	// returns.
	w, err := sql.Open("sqlite", "file:"+path+"?"+pragmas+"&_pragma=cache_size(-262144)&_pragma=temp_store(MEMORY)"+
		"&_pragma=wal_autocheckpoint(65536)&_pragma=journal_size_limit(268435456)&_txlock=immediate")
	if err != nil {
		return nil, fmt.Errorf("opening %s: %w", path, err)
	}
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxLifetime(0)
	w.SetConnMaxIdleTime(0)
	s := &Store{path: path, window: opts.Window, w: w, noCache: opts.NoResultCache, bulkPrep: map[string]*sql.Stmt{}}
	if err := s.migrate(ctx); err != nil {
		w.Close()
		return nil, err
	}
	r, err := sql.Open("sqlite", "file:"+path+"?"+pragmas+"&_pragma=query_only(1)")
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("opening %s for reading: %w", path, err)
	}
	r.SetMaxOpenConns(opts.ReadConns)
	r.SetMaxIdleConns(opts.ReadConns)
	s.r = r
	if err := s.prepare(ctx); err != nil {
		s.Close()
		return nil, err
	}
	if err := s.prepareBulk(ctx); err != nil {
		s.Close()
		return nil, err
	}
	if err := s.syncExternal(ctx, s.w); err != nil {
		s.Close()
		return nil, err
	}
	if err := s.checkWindow(ctx); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// checkWindow re-derives every statement when the database was built with another
// grouping window, and records the window in use.
func (s *Store) checkWindow(ctx context.Context) error {
	want := s.window.String()
	var have string
	err := s.w.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'window'`).Scan(&have)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("reading the grouping window: %w", err)
	}
	if have == want {
		return nil
	}
	return s.write(ctx, func(w *wtx) error {
		if have != "" {
			slog.InfoContext(ctx, "grouping window changed: deriving every statement again", "was", have, "now", want)
			rows, err := w.tx.QueryContext(w.ctx, `SELECT DISTINCT kind, kspeaker, ktarget FROM reports`)
			if err != nil {
				return fmt.Errorf("reading statement keys: %w", err)
			}
			defer rows.Close()
			for rows.Next() {
				var k store.StatementKey
				if err := rows.Scan(&k.Kind, &k.Speaker, &k.Target); err != nil {
					return fmt.Errorf("reading statement keys: %w", err)
				}
				w.touchAll(k)
			}
			if err := rows.Err(); err != nil {
				return fmt.Errorf("reading statement keys: %w", err)
			}
		}
		return w.execSQL(`INSERT OR REPLACE INTO meta (key, value) VALUES ('window', ?)`, want)
	})
}

// Path is the database file.
func (s *Store) Path() string { return s.path }

// Close releases the store's connections.
func (s *Store) Close() error {
	for _, st := range s.prep {
		if st != nil {
			st.Close()
		}
	}
	for _, st := range s.bulkPrep {
		st.Close()
	}
	s.closeReadStmts()
	var errs []error
	if s.r != nil {
		errs = append(errs, s.r.Close())
	}
	errs = append(errs, s.w.Close())
	return errors.Join(errs...)
}

// Ping checks the database answers.
func (s *Store) Ping(ctx context.Context) error {
	var one int
	if err := s.queryRow(ctx, "SELECT 1").Scan(&one); err != nil {
		return fmt.Errorf("%w: %w", store.ErrUnavailable, err)
	}
	return nil
}

const schemaVersion = 4

const ftsReportsDDL = `CREATE VIRTUAL TABLE IF NOT EXISTS fts_reports USING fts5(evidence, content = '', contentless_delete = 1,
	tokenize = 'unicode61 remove_diacritics 2')`

var schema = []string{
	`CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID`,
	`CREATE TABLE IF NOT EXISTS articles (
		id TEXT PRIMARY KEY,
		url TEXT NOT NULL,
		title TEXT NOT NULL,
		publisher TEXT NOT NULL,
		language TEXT NOT NULL,
		published INTEGER,
		hash TEXT NOT NULL,
		content_hash TEXT NOT NULL,
		body TEXT NOT NULL,
		actors TEXT NOT NULL DEFAULT '[]',
		incidents TEXT NOT NULL DEFAULT '[]'
	) WITHOUT ROWID`,
	`CREATE INDEX IF NOT EXISTS articles_url ON articles(url)`,
	`CREATE INDEX IF NOT EXISTS articles_published ON articles(published DESC, id)`,
	`CREATE TABLE IF NOT EXISTS actors (
		id TEXT PRIMARY KEY,
		kind TEXT NOT NULL,
		name TEXT NOT NULL,
		aliases TEXT NOT NULL,
		country TEXT NOT NULL,
		affiliation TEXT NOT NULL,
		role TEXT NOT NULL
	) WITHOUT ROWID`,
	`CREATE INDEX IF NOT EXISTS actors_affiliation ON actors(affiliation)`,
	`CREATE INDEX IF NOT EXISTS actors_name ON actors(name, id)`,
	`CREATE TABLE IF NOT EXISTS redirects (from_id TEXT PRIMARY KEY, to_id TEXT NOT NULL) WITHOUT ROWID`,
	// names holds every name and alias of actors and incidents; fts_names indexes it (same rowid).
	`CREATE TABLE IF NOT EXISTS names (
		nid INTEGER PRIMARY KEY,
		otype TEXT NOT NULL,
		oid TEXT NOT NULL,
		name TEXT NOT NULL,
		norm TEXT NOT NULL
	)`,
	`CREATE INDEX IF NOT EXISTS names_norm ON names(otype, norm)`,
	`CREATE INDEX IF NOT EXISTS names_owner ON names(oid, otype)`,
	`CREATE VIRTUAL TABLE IF NOT EXISTS fts_names USING fts5(name, tokenize = 'unicode61 remove_diacritics 2')`,
	// The actors and incidents an article mentions are kept with it (articles.actors
	// and articles.incidents, sorted JSON lists of ids) and counted per actor and
	// incident (mention_counts, otype as in names), to know when one is mentioned
	// no more. Up to version 3 they were tables of their own, one row and two or
	// three index entries per pair (about 30 per article): a third of a load's
	// page writes (see upgradeMentions).
	`CREATE TABLE IF NOT EXISTS mention_counts (
		otype TEXT NOT NULL,
		id TEXT NOT NULL,
		articles INTEGER NOT NULL,
		PRIMARY KEY (otype, id)
	) WITHOUT ROWID`,
	`CREATE TABLE IF NOT EXISTS incidents (
		id TEXT PRIMARY KEY,
		name TEXT NOT NULL,
		aliases TEXT NOT NULL,
		year INTEGER NOT NULL,
		attributed TEXT NOT NULL,
		targeted TEXT NOT NULL
	) WITHOUT ROWID`,
	`CREATE TABLE IF NOT EXISTS reports (
		rid INTEGER PRIMARY KEY,
		article_id TEXT NOT NULL,
		idx INTEGER NOT NULL,
		kind TEXT NOT NULL,
		speaker TEXT NOT NULL,
		target TEXT NOT NULL,
		incident TEXT NOT NULL,
		day INTEGER,
		evidence TEXT NOT NULL,
		quote TEXT NOT NULL,
		confidence REAL NOT NULL,
		kspeaker TEXT NOT NULL,
		ktarget TEXT NOT NULL,
		statement_id TEXT,
		UNIQUE (article_id, idx)
	)`,
	`DROP INDEX IF EXISTS reports_key`,
	`CREATE INDEX IF NOT EXISTS reports_key_day ON reports(kind, kspeaker, ktarget, day)`,
	// reports_statement_cover carries what the direct edges are counted from
	// (articles and days of a statement's reports), so that counting them reads
	// the index only: looking each report up in its table costs a random page
	// read per report, and the table outgrows the page cache as the graph grows.
	`DROP INDEX IF EXISTS reports_statement`,
	`CREATE INDEX IF NOT EXISTS reports_statement_cover ON reports(statement_id, article_id, day)`,
	// No index on the report ends: only affiliation changes and merges (rare) look
	// reports up by actor, and each index costs every load.
	`DROP INDEX IF EXISTS reports_speaker`,
	`DROP INDEX IF EXISTS reports_target`,
	// fts_reports is contentless: search reads only its rowids and ranks, and the
	// evidence is in reports already (see upgradeFTSReports).
	ftsReportsDDL,
	`CREATE TABLE IF NOT EXISTS statements (
		id TEXT PRIMARY KEY,
		kind TEXT NOT NULL,
		kspeaker TEXT NOT NULL,
		ktarget TEXT NOT NULL,
		incident TEXT NOT NULL,
		day INTEGER,
		confidence REAL NOT NULL,
		fp TEXT NOT NULL
	) WITHOUT ROWID`,
	// statements_ends serves derivation (a key from a day on), rolled-up speaker
	// filters (a state's statements are those whose key names it) and dyads;
	// statements_target_day the rolled-up target filters and RESPONDS_TO.
	`DROP INDEX IF EXISTS statements_key`,
	`CREATE INDEX IF NOT EXISTS statements_ends ON statements(kspeaker, ktarget, kind, day)`,
	`DROP INDEX IF EXISTS statements_target`,
	`CREATE INDEX IF NOT EXISTS statements_target_day ON statements(ktarget, kind, day)`,
	`CREATE INDEX IF NOT EXISTS statements_day ON statements(day, id)`,
	// Most statements name no incident: only those that do are indexed. The day
	// orders an incident's statements as they come (a load appends to each
	// incident's range); by incident alone they were in id order, and a load
	// wrote a random page of the index per statement.
	`DROP INDEX IF EXISTS statements_incident`,
	`DROP INDEX IF EXISTS statements_incident_named`,
	`CREATE INDEX IF NOT EXISTS statements_incident_day ON statements(incident, day) WHERE incident <> ''`,
	// statement_actors copies the statement's day so that an actor's statements
	// come newest first straight from its index (see lateSchema).
	`CREATE TABLE IF NOT EXISTS statement_actors (
		statement_id TEXT NOT NULL,
		role TEXT NOT NULL,
		actor_id TEXT NOT NULL,
		day INTEGER,
		PRIMARY KEY (statement_id, role, actor_id)
	) WITHOUT ROWID`,
	`DROP INDEX IF EXISTS statement_actors_actor`,
	`CREATE TABLE IF NOT EXISTS edges (
		speaker TEXT NOT NULL,
		kind TEXT NOT NULL,
		target TEXT NOT NULL,
		kspeaker TEXT NOT NULL,
		ktarget TEXT NOT NULL,
		count INTEGER NOT NULL,
		reports INTEGER NOT NULL,
		first INTEGER,
		last INTEGER,
		statement_ids TEXT NOT NULL,
		PRIMARY KEY (speaker, kind, target)
	) WITHOUT ROWID`,
	`CREATE INDEX IF NOT EXISTS edges_target ON edges(target, kind)`,
	`DROP INDEX IF EXISTS edges_key`,
}

// lateSchema runs after the upgrades of older databases.
var lateSchema = []string{
	`CREATE INDEX IF NOT EXISTS statement_actors_actor_day ON statement_actors(actor_id, role, day DESC, statement_id)`,
}

func (s *Store) migrate(ctx context.Context) error {
	var v int
	if err := s.w.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return fmt.Errorf("reading schema version: %w", err)
	}
	if v > schemaVersion {
		return fmt.Errorf("database schema version %d is newer than this binary's %d", v, schemaVersion)
	}
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("creating schema: %w", err)
	}
	defer tx.Rollback()
	for _, q := range schema {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("creating schema: %w", err)
		}
	}
	// Version 1 had no statement_actors.day.
	var hasDay int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM pragma_table_info('statement_actors') WHERE name = 'day'`).Scan(&hasDay); err != nil {
		return fmt.Errorf("reading schema: %w", err)
	}
	if hasDay == 0 {
		for _, q := range []string{
			`ALTER TABLE statement_actors ADD COLUMN day INTEGER`,
			`UPDATE statement_actors SET day = (SELECT day FROM statements WHERE id = statement_id)`,
		} {
			if _, err := tx.ExecContext(ctx, q); err != nil {
				return fmt.Errorf("upgrading schema: %w", err)
			}
		}
	}
	if err := upgradeMentions(ctx, tx); err != nil {
		return err
	}
	if err := upgradeFTSReports(ctx, tx); err != nil {
		return err
	}
	for _, q := range lateSchema {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("creating schema: %w", err)
		}
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", schemaVersion)); err != nil {
		return fmt.Errorf("setting schema version: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("creating schema: %w", err)
	}
	return nil
}

// upgradeMentions moves the mentions and incident_mentions tables of a database
// of version 3 or older into the articles' lists and mention_counts.
func upgradeMentions(ctx context.Context, tx *sql.Tx) error {
	for _, m := range []struct{ list, table, col, otype string }{
		{"actors", "mentions", "actor_id", "Actor"},
		{"incidents", "incident_mentions", "incident_id", "Incident"},
	} {
		var hasList, hasTable int
		if err := tx.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM pragma_table_info('articles') WHERE name = ?),
			(SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?)`, m.list, m.table).Scan(&hasList, &hasTable); err != nil {
			return fmt.Errorf("reading schema: %w", err)
		}
		var qs []string
		if hasList == 0 {
			qs = append(qs, `ALTER TABLE articles ADD COLUMN `+m.list+` TEXT NOT NULL DEFAULT '[]'`)
		}
		if hasTable > 0 {
			qs = append(qs,
				`UPDATE articles SET `+m.list+` = coalesce((SELECT json_group_array(`+m.col+`) FROM
					(SELECT `+m.col+` FROM `+m.table+` m WHERE m.article_id = articles.id ORDER BY 1)), '[]')`,
				`INSERT OR REPLACE INTO mention_counts (otype, id, articles)
					SELECT '`+m.otype+`', `+m.col+`, count(*) FROM `+m.table+` GROUP BY `+m.col,
				`DROP TABLE `+m.table)
		}
		for _, q := range qs {
			if _, err := tx.ExecContext(ctx, q); err != nil {
				return fmt.Errorf("upgrading %s: %w", m.table, err)
			}
		}
	}
	return nil
}

// upgradeFTSReports rebuilds the full-text index of reports of a database of
// version 3 or older, which kept a copy of the evidence, as a contentless table.
func upgradeFTSReports(ctx context.Context, tx *sql.Tx) error {
	var ddl string
	if err := tx.QueryRowContext(ctx, `SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'fts_reports'`).Scan(&ddl); err != nil {
		return fmt.Errorf("reading schema: %w", err)
	}
	if strings.Contains(ddl, "contentless_delete") {
		return nil
	}
	for _, q := range []string{
		`CREATE TEMP TABLE fts_reports_old AS SELECT rowid AS rid, evidence FROM fts_reports`,
		`DROP TABLE fts_reports`,
		ftsReportsDDL,
		`INSERT INTO fts_reports (rowid, evidence) SELECT rid, evidence FROM fts_reports_old ORDER BY rid`,
		`DROP TABLE fts_reports_old`,
	} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("upgrading the full-text index of reports: %w", err)
		}
	}
	return nil
}

func (s *Store) loadCaches(ctx context.Context, q querier) error {
	s.actors = map[string]*store.Actor{}
	s.redirects = map[string]string{}
	rows, err := q.QueryContext(ctx, "SELECT "+actorCols+" FROM actors")
	if err != nil {
		return fmt.Errorf("loading actors: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		a, err := scanActor(rows)
		if err != nil {
			return err
		}
		s.actors[a.ID] = &a
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("loading actors: %w", err)
	}
	s.incidents = map[string]*store.Incident{}
	ri, err := q.QueryContext(ctx, "SELECT "+incidentCols+" FROM incidents")
	if err != nil {
		return fmt.Errorf("loading incidents: %w", err)
	}
	defer ri.Close()
	for ri.Next() {
		in, err := scanIncident(ri)
		if err != nil {
			return fmt.Errorf("loading incidents: %w", err)
		}
		s.incidents[in.ID] = &in
	}
	if err := ri.Err(); err != nil {
		return fmt.Errorf("loading incidents: %w", err)
	}
	rr, err := q.QueryContext(ctx, "SELECT from_id, to_id FROM redirects")
	if err != nil {
		return fmt.Errorf("loading redirects: %w", err)
	}
	defer rr.Close()
	for rr.Next() {
		var from, to string
		if err := rr.Scan(&from, &to); err != nil {
			return fmt.Errorf("loading redirects: %w", err)
		}
		s.redirects[from] = to
	}
	if err := rr.Err(); err != nil {
		return fmt.Errorf("loading redirects: %w", err)
	}
	s.view.Store(newView(s.actors, s.noCache))
	return nil
}

// Times are stored as Unix seconds, the zero time as NULL.

func unixOf(t time.Time) sql.NullInt64 {
	if t.IsZero() {
		return sql.NullInt64{}
	}
	return sql.NullInt64{Int64: t.Unix(), Valid: true}
}

func timeOf(n sql.NullInt64) time.Time {
	if !n.Valid {
		return time.Time{}
	}
	return time.Unix(n.Int64, 0).UTC()
}

// day is the midnight UTC of t (zero stays zero).
func day(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	return store.Day.Truncate(t)
}

// jsonList encodes ids as a JSON array, the form json_each reads.
func jsonList[T ~string](xs []T) string {
	if len(xs) == 0 {
		return "[]"
	}
	b, _ := json.Marshal(xs)
	return string(b)
}

func decodeList(s string) []string {
	var out []string
	if s == "" || s == "[]" {
		return nil
	}
	if out, ok := splitList(s); ok {
		return out
	}
	if err := json.Unmarshal([]byte(s), &out); err != nil {
		return nil
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// splitList decodes the common case of a JSON list of strings without escapes
// quickly; ok is false when s needs the full decoder.
func splitList(s string) (out []string, ok bool) {
	if len(s) < 2 || s[0] != '[' || s[len(s)-1] != ']' || strings.IndexByte(s, '\\') >= 0 {
		return nil, false
	}
	body := s[1 : len(s)-1]
	for body != "" {
		if body[0] != '"' {
			return nil, false
		}
		end := strings.IndexByte(body[1:], '"')
		if end < 0 {
			return nil, false
		}
		out = append(out, body[1:1+end])
		body = body[2+end:]
		if body == "" {
			break
		}
		if body[0] != ',' {
			return nil, false
		}
		body = body[1:]
	}
	return out, len(out) > 0
}

const actorCols = "id, kind, name, aliases, country, affiliation, role"

type scanner interface{ Scan(...any) error }

func scanActor(sc scanner) (store.Actor, error) {
	var a store.Actor
	var kind, aliases string
	if err := sc.Scan(&a.ID, &kind, &a.Name, &aliases, &a.Country, &a.AffiliationID, &a.Role); err != nil {
		return a, fmt.Errorf("reading actor: %w", err)
	}
	a.Kind = store.ActorKind(kind)
	a.Aliases = decodeList(aliases)
	return a, nil
}
