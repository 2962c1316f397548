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
	qInsertFTSName
	qInsertMention
	qInsertIncidentMention
	qGetIncident
	qUpsertIncident
	qInsertReport
	qInsertFTSReport
	qReportsOfKey
	qStatementsOfKey
	qDeleteStatement
	qDeleteStatementActors
	qInsertStatement
	qInsertStatementActor
	qSetReportStatement
	qDeleteEdgesOfKey
	qInsertEdge
	qDeleteRespondsOf
	qRespondsForDenial
	qRespondsForAccusation
	qArticleStatements
	numPrepared
)

var preparedSQL = [numPrepared]string{
	qArticleHash: `SELECT content_hash FROM articles WHERE id = ?`,
	qUpsertArticle: `INSERT INTO articles (id, url, title, publisher, language, published, hash, content_hash, body)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET url = excluded.url, title = excluded.title, publisher = excluded.publisher,
		language = excluded.language, published = excluded.published, hash = excluded.hash,
		content_hash = excluded.content_hash, body = excluded.body`,
	qInsertActor:           `INSERT INTO actors (id, kind, name, aliases, country, affiliation, role) VALUES (?, ?, ?, ?, ?, ?, ?)`,
	qUpdateActor:           `UPDATE actors SET kind = ?, name = ?, aliases = ?, country = ?, affiliation = ?, role = ? WHERE id = ?`,
	qInsertName:            `INSERT INTO names (otype, oid, name, norm) VALUES (?, ?, ?, ?) RETURNING nid`,
	qInsertFTSName:         `INSERT INTO fts_names (rowid, name) VALUES (?, ?)`,
	qInsertMention:         `INSERT OR IGNORE INTO mentions (article_id, actor_id) VALUES (?, ?)`,
	qInsertIncidentMention: `INSERT OR IGNORE INTO incident_mentions (article_id, incident_id) VALUES (?, ?)`,
	qGetIncident:           `SELECT id, name, aliases, year, attributed, targeted FROM incidents WHERE id = ?`,
	qUpsertIncident: `INSERT INTO incidents (id, name, aliases, year, attributed, targeted) VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET name = excluded.name, aliases = excluded.aliases, year = excluded.year,
		attributed = excluded.attributed, targeted = excluded.targeted`,
	qInsertReport: `INSERT INTO reports (article_id, idx, kind, speaker, target, incident, day, evidence, quote, confidence, kspeaker, ktarget)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING rid`,
	qInsertFTSReport: `INSERT INTO fts_reports (rowid, evidence) VALUES (?, ?)`,
	qReportsOfKey: `SELECT rid, article_id, idx, speaker, target, incident, day, confidence
		FROM reports WHERE kind = ? AND kspeaker = ? AND ktarget = ?`,
	qStatementsOfKey:       `SELECT id, fp FROM statements WHERE kind = ? AND kspeaker = ? AND ktarget = ?`,
	qDeleteStatement:       `DELETE FROM statements WHERE id = ?`,
	qDeleteStatementActors: `DELETE FROM statement_actors WHERE statement_id = ?`,
	qInsertStatement: `INSERT INTO statements (id, kind, kspeaker, ktarget, incident, day, confidence, fp)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
	qInsertStatementActor: `INSERT OR IGNORE INTO statement_actors (statement_id, role, actor_id) VALUES (?, ?, ?)`,
	qSetReportStatement:   `UPDATE reports SET statement_id = ? WHERE rid = ?`,
	qDeleteEdgesOfKey:     `DELETE FROM edges WHERE kind = ? AND kspeaker = ? AND ktarget = ?`,
	qInsertEdge: `INSERT OR REPLACE INTO edges (speaker, kind, target, kspeaker, ktarget, count, reports, first, last, statement_ids)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
	qDeleteRespondsOf: `DELETE FROM responds_to WHERE denial_id = ?1 OR accusation_id = ?1`,
	// A denial (id ?1, top-level speaker ?2, target ?3, day ?4) answers the earlier or
	// same-day accusations of ?2 by ?3 (by anyone when ?3 is empty): store.Answers.
	qRespondsForDenial: `INSERT OR IGNORE INTO responds_to (denial_id, accusation_id)
		SELECT ?1, id FROM statements
		WHERE ktarget = ?2 AND kind IN ('ACCUSES', 'INDICTS', 'CRITICIZES', 'SANCTIONS')
		AND (?3 = '' OR kspeaker = ?3) AND coalesce(day, -1e18) <= coalesce(?4, -1e18) AND id <> ?1`,
	// An accusation (id ?1, speaker ?2, target ?3, day ?4) is answered by the later or
	// same-day denials of ?3 naming ?2 or no target.
	qRespondsForAccusation: `INSERT OR IGNORE INTO responds_to (denial_id, accusation_id)
		SELECT id, ?1 FROM statements
		WHERE kind = 'DENIES' AND kspeaker = ?3 AND ktarget IN (?2, '')
		AND coalesce(day, -1e18) >= coalesce(?4, -1e18) AND id <> ?1`,
	qArticleStatements: `SELECT DISTINCT statement_id FROM reports WHERE article_id = ? AND statement_id IS NOT NULL ORDER BY 1`,
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
