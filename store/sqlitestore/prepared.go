package sqlitestore

import (
	"context"
	"database/sql"
	"fmt"
)

// The writer's prepared statements, indexes into Store.prep.
const (
	qArticleHash = iota
	qArticleHashes
	qMaxReportID
	qUpsertArticle
	qInsertActor
	qUpdateActor
	qInsertName
	qUpsertIncident
	qReportsOfKeys
	qReportsOfKeysFrom
	qLiveStatements
	qReportsOfStatements
	qStatementsOfKeys
	qStatementsOfKeysFrom
	qStatementsByID
	qActorsOfStatements
	qEdgesByKey
	qEdgeAggregates
	qDeleteEdges
	qDeleteStatements
	qDeleteStatementActors
	qDeleteStatementActorRows
	qLinkReports
	qDeleteFTSNames
	qDeleteFTSReports
	numPrepared
)

var preparedSQL = [numPrepared]string{
	qArticleHash:   `SELECT content_hash FROM articles WHERE id = ?`,
	qArticleHashes: `SELECT a.id, a.content_hash FROM json_each(?) k CROSS JOIN articles a WHERE a.id = k.value`,
	qMaxReportID:   `SELECT coalesce(max(rid), 0) FROM reports`,
	qUpsertArticle: `INSERT INTO articles (id, url, title, publisher, language, published, hash, content_hash, body, actors, incidents)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET url = excluded.url, title = excluded.title, publisher = excluded.publisher,
		language = excluded.language, published = excluded.published, hash = excluded.hash,
		content_hash = excluded.content_hash, body = excluded.body, actors = excluded.actors,
		incidents = excluded.incidents`,
	qInsertActor: `INSERT INTO actors (id, kind, name, aliases, country, affiliation, role) VALUES (?, ?, ?, ?, ?, ?, ?)`,
	qUpdateActor: `UPDATE actors SET kind = ?, name = ?, aliases = ?, country = ?, affiliation = ?, role = ? WHERE id = ?`,
	qInsertName:  `INSERT INTO names (otype, oid, name, norm) VALUES (?, ?, ?, ?) RETURNING nid`,
	qUpsertIncident: `INSERT INTO incidents (id, name, aliases, year, attributed, targeted) VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET name = excluded.name, aliases = excluded.aliases, year = excluded.year,
		attributed = excluded.attributed, targeted = excluded.targeted`,

	// Lists of keys or ids come as one JSON array (json_each); inserts of many rows
	// are in bulk.go.
	// Keys are [kind, top-level speaker, top-level target(, from day)]; the JSON list is the outer loop.
	qReportsOfKeys: `SELECT ` + deriveReportCols + ` FROM json_each(?) k CROSS JOIN reports r
		WHERE r.kind = k.value ->> 0 AND r.kspeaker = k.value ->> 1 AND r.ktarget = k.value ->> 2`,
	qReportsOfKeysFrom: `SELECT ` + deriveReportCols + ` FROM json_each(?) k CROSS JOIN reports r
		WHERE r.kind = k.value ->> 0 AND r.kspeaker = k.value ->> 1 AND r.ktarget = k.value ->> 2 AND r.day >= k.value ->> 3`,
	// [kind, speaker, target, from, to]: the statements with a report dated in [from, to).
	qLiveStatements: `SELECT DISTINCT r.statement_id FROM json_each(?) k CROSS JOIN reports r
		WHERE r.kind = k.value ->> 0 AND r.kspeaker = k.value ->> 1 AND r.ktarget = k.value ->> 2
		AND r.day >= k.value ->> 3 AND r.day < k.value ->> 4 AND r.statement_id IS NOT NULL`,
	qReportsOfStatements: `SELECT ` + deriveReportCols + ` FROM json_each(?) k CROSS JOIN reports r WHERE r.statement_id = k.value`,
	qStatementsOfKeys: `SELECT s.kind, s.kspeaker, s.ktarget, s.id, s.fp FROM json_each(?) k CROSS JOIN statements s
		WHERE s.kind = k.value ->> 0 AND s.kspeaker = k.value ->> 1 AND s.ktarget = k.value ->> 2`,
	qStatementsOfKeysFrom: `SELECT s.kind, s.kspeaker, s.ktarget, s.id, s.fp FROM json_each(?) k CROSS JOIN statements s
		WHERE s.kind = k.value ->> 0 AND s.kspeaker = k.value ->> 1 AND s.ktarget = k.value ->> 2 AND s.day >= k.value ->> 3`,
	qStatementsByID: `SELECT s.kind, s.kspeaker, s.ktarget, s.id, s.fp FROM json_each(?) k CROSS JOIN statements s WHERE s.id = k.value`,
	qActorsOfStatements: `SELECT sa.statement_id, sa.role, sa.actor_id, sa.day FROM json_each(?) k CROSS JOIN statement_actors sa
		WHERE sa.statement_id = k.value`,
	qEdgesByKey: `SELECT e.speaker, e.kind, e.target, e.statement_ids, e.reports, e.first, e.last FROM json_each(?) k CROSS JOIN edges e
		WHERE e.speaker = k.value ->> 0 AND e.kind = k.value ->> 1 AND e.target = k.value ->> 2`,
	// The argument is one JSON array of statement ids per edge; rows come back by its index.
	qEdgeAggregates: `SELECT k.key, count(DISTINCT r.article_id), min(r.day), max(r.day), count(*) - count(r.day)
		FROM json_each(?) k CROSS JOIN json_each(k.value) sid CROSS JOIN reports r
		WHERE r.statement_id = sid.value GROUP BY k.key`,
	qDeleteEdges:           `DELETE FROM edges WHERE (speaker, kind, target) IN (SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?))`,
	qDeleteStatements:      `DELETE FROM statements WHERE id IN (SELECT value ->> 0 FROM json_each(?))`,
	qDeleteStatementActors: `DELETE FROM statement_actors WHERE statement_id IN (SELECT value ->> 0 FROM json_each(?))`,
	qDeleteStatementActorRows: `DELETE FROM statement_actors WHERE (statement_id, role, actor_id) IN
		(SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?))`,
	qLinkReports:      `UPDATE reports SET statement_id = j.value ->> 1 FROM json_each(?) j WHERE reports.rid = j.value ->> 0`,
	qDeleteFTSNames:   `DELETE FROM fts_names WHERE rowid IN (SELECT value FROM json_each(?))`,
	qDeleteFTSReports: `DELETE FROM fts_reports WHERE rowid IN (SELECT value FROM json_each(?))`,
}

const deriveReportCols = "r.rid, r.article_id, r.idx, r.kind, r.kspeaker, r.ktarget, r.speaker, r.target, r.incident, r.day, r.confidence, coalesce(r.statement_id, '')"

func (s *Store) prepare(ctx context.Context) error {
	s.prep = make([]*sql.Stmt, numPrepared)
	for i, q := range preparedSQL {
		st, err := s.w.PrepareContext(ctx, q)
		if err != nil {
			return fmt.Errorf("preparing %q: %w", q, err)
		}
		s.prep[i] = st
	}
	return nil
}

// maxReadStmts bounds the reader's cache of prepared queries. Read queries are
// built from a filter's shape (which clauses it has), never from its values,
// which are arguments, so a few dozen texts cover every request; the bound only
// guards against a shape this package has not foreseen.
const maxReadStmts = 512

// readStmt returns the read pool's prepared statement for q, preparing it the
// first time. Parsing and planning a query cost a sixth of an actor page's CPU
// when every call prepared its SQL again. It returns nil when q cannot be
// prepared or the cache is full: the caller then runs q unprepared, so errors
// surface as they would have.
func (s *Store) readStmt(ctx context.Context, q string) *sql.Stmt {
	if st, ok := s.readPrep.Load(q); ok {
		return st.(*sql.Stmt)
	}
	if s.readPrepN.Load() >= maxReadStmts {
		return nil
	}
	st, err := s.r.PrepareContext(ctx, q)
	if err != nil {
		return nil
	}
	if old, loaded := s.readPrep.LoadOrStore(q, st); loaded {
		st.Close()
		return old.(*sql.Stmt)
	}
	s.readPrepN.Add(1)
	return st
}

// query runs a read query on the read pool, prepared once per text.
func (s *Store) query(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	if st := s.readStmt(ctx, q); st != nil {
		return st.QueryContext(ctx, args...)
	}
	return s.r.QueryContext(ctx, q, args...)
}

// queryRow is query for one row.
func (s *Store) queryRow(ctx context.Context, q string, args ...any) *sql.Row {
	if st := s.readStmt(ctx, q); st != nil {
		return st.QueryRowContext(ctx, args...)
	}
	return s.r.QueryRowContext(ctx, q, args...)
}

// closeReadStmts closes the cached read statements.
func (s *Store) closeReadStmts() {
	s.readPrep.Range(func(k, v any) bool {
		v.(*sql.Stmt).Close()
		s.readPrep.Delete(k)
		return true
	})
}
