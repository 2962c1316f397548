package sqlitestore

import (
	"context"
	"database/sql"
	"fmt"
)

// The writer's prepared statements, indexes into Store.prep.
const (
	qArticleHash = iota
	qUpsertArticle
	qInsertActor
	qUpdateActor
	qInsertName
	qInsertIncidentMentions
	qUpsertIncident
	qInsertMentions
	qInsertReports
	qReportsOfKeys
	qStatementsOfKeys
	qDeleteStatements
	qDeleteStatementActors
	qInsertStatements
	qInsertStatementActors
	qLinkReports
	qDeleteEdgesOfKeys
	qInsertEdges
	qDeleteFTSNames
	qInsertFTSNames
	qDeleteFTSReports
	qInsertFTSReports
	numPrepared
)

var preparedSQL = [numPrepared]string{
	qArticleHash: `SELECT content_hash FROM articles WHERE id = ?`,
	qUpsertArticle: `INSERT INTO articles (id, url, title, publisher, language, published, hash, content_hash, body)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET url = excluded.url, title = excluded.title, publisher = excluded.publisher,
		language = excluded.language, published = excluded.published, hash = excluded.hash,
		content_hash = excluded.content_hash, body = excluded.body`,
	qInsertActor:            `INSERT INTO actors (id, kind, name, aliases, country, affiliation, role) VALUES (?, ?, ?, ?, ?, ?, ?)`,
	qUpdateActor:            `UPDATE actors SET kind = ?, name = ?, aliases = ?, country = ?, affiliation = ?, role = ? WHERE id = ?`,
	qInsertName:             `INSERT INTO names (otype, oid, name, norm) VALUES (?, ?, ?, ?) RETURNING nid`,
	qInsertIncidentMentions: `INSERT OR IGNORE INTO incident_mentions (article_id, incident_id) SELECT ?, value FROM json_each(?)`,
	qUpsertIncident: `INSERT INTO incidents (id, name, aliases, year, attributed, targeted) VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET name = excluded.name, aliases = excluded.aliases, year = excluded.year,
		attributed = excluded.attributed, targeted = excluded.targeted`,

	// Bulk statements take their rows as one JSON array of arrays (json_each).
	qInsertMentions: `INSERT OR IGNORE INTO mentions (article_id, actor_id) SELECT ?, value FROM json_each(?)`,
	qInsertReports: `INSERT INTO reports (article_id, idx, kind, speaker, target, incident, day, evidence, quote, confidence, kspeaker, ktarget)
		SELECT ?, value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, value ->> 7, value ->> 8, value ->> 9, value ->> 10
		FROM json_each(?) RETURNING rid, idx`,
	// Keys are [kind, top-level speaker, top-level target]; the JSON list is the outer loop.
	qReportsOfKeys: `SELECT r.rid, r.article_id, r.idx, r.kind, r.kspeaker, r.ktarget, r.speaker, r.target, r.incident, r.day, r.confidence
		FROM json_each(?) k CROSS JOIN reports r
		WHERE r.kind = k.value ->> 0 AND r.kspeaker = k.value ->> 1 AND r.ktarget = k.value ->> 2`,
	qStatementsOfKeys: `SELECT s.kind, s.kspeaker, s.ktarget, s.id, s.fp FROM json_each(?) k CROSS JOIN statements s
		WHERE s.kind = k.value ->> 0 AND s.kspeaker = k.value ->> 1 AND s.ktarget = k.value ->> 2`,
	qDeleteStatements:      `DELETE FROM statements WHERE id IN (SELECT value ->> 0 FROM json_each(?))`,
	qDeleteStatementActors: `DELETE FROM statement_actors WHERE statement_id IN (SELECT value ->> 0 FROM json_each(?))`,
	qInsertStatements: `INSERT INTO statements (id, kind, kspeaker, ktarget, incident, day, confidence, fp)
		SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, value ->> 7 FROM json_each(?)`,
	qInsertStatementActors: `INSERT OR IGNORE INTO statement_actors (statement_id, role, actor_id)
		SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?)`,
	qLinkReports:       `UPDATE reports SET statement_id = j.value ->> 1 FROM json_each(?) j WHERE reports.rid = j.value ->> 0`,
	qDeleteEdgesOfKeys: `DELETE FROM edges WHERE (kind, kspeaker, ktarget) IN (SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?))`,
	qInsertEdges: `INSERT OR REPLACE INTO edges (speaker, kind, target, kspeaker, ktarget, count, reports, first, last, statement_ids)
		SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, value ->> 7, value ->> 8, value ->> 9
		FROM json_each(?)`,
	qDeleteFTSNames:   `DELETE FROM fts_names WHERE rowid IN (SELECT value FROM json_each(?))`,
	qInsertFTSNames:   `INSERT INTO fts_names (rowid, name) SELECT value ->> 0, value ->> 1 FROM json_each(?)`,
	qDeleteFTSReports: `DELETE FROM fts_reports WHERE rowid IN (SELECT value FROM json_each(?))`,
	qInsertFTSReports: `INSERT INTO fts_reports (rowid, evidence) SELECT value ->> 0, value ->> 1 FROM json_each(?)`,
}

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
