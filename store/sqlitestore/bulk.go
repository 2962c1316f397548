package sqlitestore

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// Multi-row INSERTs with bound values: cheaper than encoding rows as JSON for
// json_each and decoding them again in SQL.

// bulk is a multi-row INSERT into one table: head is "INSERT ... INTO t (cols)",
// tail what follows the VALUES (an ON CONFLICT clause or "").
type bulk struct {
	head string
	cols int
	tail string
}

var (
	bulkReports = bulk{`INSERT INTO reports (rid, article_id, idx, kind, speaker, target, incident, day, evidence, quote, confidence, kspeaker, ktarget, statement_id)`,
		14, ""}
	// bulkMentionCounts adds to the mention counts of actors and incidents.
	bulkMentionCounts = bulk{`INSERT INTO mention_counts (otype, id, articles)`, 3,
		` ON CONFLICT (otype, id) DO UPDATE SET articles = articles + excluded.articles`}
	// Statements and their actor rows written again are updated in place (see derive).
	bulkStatements = bulk{`INSERT INTO statements (id, kind, kspeaker, ktarget, incident, day, confidence, fp)`, 8,
		` ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, kspeaker = excluded.kspeaker, ktarget = excluded.ktarget,
		incident = excluded.incident, day = excluded.day, confidence = excluded.confidence, fp = excluded.fp`}
	bulkStatementActors = bulk{`INSERT INTO statement_actors (statement_id, role, actor_id, day)`, 4,
		` ON CONFLICT (statement_id, role, actor_id) DO UPDATE SET day = excluded.day`}
	// An edge written again is updated in place: REPLACE would delete it and
	// insert it again, in edges_target too.
	bulkEdges = bulk{`INSERT INTO edges (speaker, kind, target, kspeaker, ktarget, count, reports, first, last, statement_ids)`, 10,
		` ON CONFLICT (speaker, kind, target) DO UPDATE SET kspeaker = excluded.kspeaker, ktarget = excluded.ktarget,
		count = excluded.count, reports = excluded.reports, first = excluded.first, last = excluded.last,
		statement_ids = excluded.statement_ids`}
	bulkFTSNames   = bulk{`INSERT INTO fts_names (rowid, name)`, 2, ""}
	bulkFTSReports = bulk{`INSERT INTO fts_reports (rowid, evidence)`, 2, ""}
)

func (b bulk) sql(rows int) string {
	one := "(" + strings.TrimSuffix(strings.Repeat("?, ", b.cols), ", ") + ")"
	return b.head + " VALUES " + strings.TrimSuffix(strings.Repeat(one+", ", rows), ", ") + b.tail
}

// bulkSizes are the row counts of the prepared multi-row inserts: a chunk of n
// rows is written as the largest sizes that fit, so at most len(bulkSizes)
// statements cover any remainder.
var bulkSizes = []int{64, 32, 16, 8, 4, 2, 1}

var bulks = []bulk{bulkReports, bulkMentionCounts, bulkStatements, bulkStatementActors, bulkEdges, bulkFTSNames, bulkFTSReports}

// prepareBulk prepares every bulk insert in every size on the writer (before any
// transaction holds its one connection).
func (s *Store) prepareBulk(ctx context.Context) error {
	for _, b := range bulks {
		for _, n := range bulkSizes {
			q := b.sql(n)
			st, err := s.w.PrepareContext(ctx, q)
			if err != nil {
				return fmt.Errorf("preparing %s: %w", firstWords(b.head), err)
			}
			s.bulkPrep[q] = st
		}
	}
	return nil
}

// bulkStmt returns the transaction's statement for n rows of b (n in bulkSizes).
func (w *wtx) bulkStmt(b bulk, n int) (*sql.Stmt, error) {
	st, ok := w.s.bulkPrep[b.sql(n)]
	if !ok {
		return nil, fmt.Errorf("%s: no statement for %d rows", firstWords(b.head), n)
	}
	return w.tx.StmtContext(w.ctx, st), nil
}

// insert writes rows (each b.cols values) in chunks.
func (w *wtx) insert(b bulk, rows [][]any) error {
	args := make([]any, 0, bulkSizes[0]*b.cols)
	for len(rows) > 0 {
		n := bulkSizes[0]
		for _, size := range bulkSizes {
			if size <= len(rows) {
				n = size
				break
			}
		}
		st, err := w.bulkStmt(b, n)
		if err != nil {
			return err
		}
		args = args[:0]
		for _, r := range rows[:n] {
			if len(r) != b.cols {
				return fmt.Errorf("%s: %d values for %d columns", firstWords(b.head), len(r), b.cols)
			}
			args = append(args, r...)
		}
		rows = rows[n:]
		if _, err := st.ExecContext(w.ctx, args...); err != nil {
			return fmt.Errorf("%s: %w", firstWords(b.head), err)
		}
	}
	return nil
}
