package sqlitestore

import (
	"crypto/sha1"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"sort"

	"github.com/demarche/demarche/store"
)

type reportRef struct {
	article string
	idx     int
}

// jsonRows encodes rows (each a slice of values) as a JSON array for json_each.
func jsonRows(rows [][]any) string {
	b, _ := json.Marshal(rows)
	return string(b)
}

// derive regroups the reports of every dirty key into statements and direct edges
// with store.GroupReports and store.DirectEdges and writes only what changed. It
// reads all dirty keys in two queries and writes in a handful of bulk statements.
// RESPONDS_TO is not stored: it follows from the statements' keys and dates and
// is computed when read (see respondsSQL), so writes never pay for its
// quadratic growth.
func (w *wtx) derive() error {
	if len(w.dirty) == 0 {
		return nil
	}
	keys := make([]store.StatementKey, 0, len(w.dirty))
	for k := range w.dirty {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		if a.Kind != b.Kind {
			return a.Kind < b.Kind
		}
		if a.Speaker != b.Speaker {
			return a.Speaker < b.Speaker
		}
		return a.Target < b.Target
	})
	w.dirty = map[store.StatementKey]bool{}
	krows := make([][]any, len(keys))
	for i, k := range keys {
		krows[i] = []any{k.Kind, k.Speaker, k.Target}
	}
	keyList := jsonRows(krows)

	reports := map[store.StatementKey][]store.Report{}
	rids := map[reportRef]int64{}
	rows, err := w.stmt(qReportsOfKeys).QueryContext(w.ctx, keyList)
	if err != nil {
		return fmt.Errorf("reading reports to derive: %w", err)
	}
	for rows.Next() {
		var rid int64
		var d sql.NullInt64
		var k store.StatementKey
		var r store.Report
		if err := rows.Scan(&rid, &r.ArticleID, &r.Index, &k.Kind, &k.Speaker, &k.Target, &r.SpeakerID, &r.TargetID, &r.IncidentID, &d, &r.Confidence); err != nil {
			rows.Close()
			return fmt.Errorf("reading reports to derive: %w", err)
		}
		r.Kind, r.Date = k.Kind, timeOf(d)
		reports[k] = append(reports[k], r)
		rids[reportRef{r.ArticleID, r.Index}] = rid
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("reading reports to derive: %w", err)
	}
	existing := map[store.StatementKey]map[string]string{}
	rows, err = w.stmt(qStatementsOfKeys).QueryContext(w.ctx, keyList)
	if err != nil {
		return fmt.Errorf("reading statements to derive: %w", err)
	}
	for rows.Next() {
		var k store.StatementKey
		var id, fp string
		if err := rows.Scan(&k.Kind, &k.Speaker, &k.Target, &id, &fp); err != nil {
			rows.Close()
			return fmt.Errorf("reading statements to derive: %w", err)
		}
		if existing[k] == nil {
			existing[k] = map[string]string{}
		}
		existing[k][id] = fp
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("reading statements to derive: %w", err)
	}

	var (
		deleted, stmtRows, actorRows, links, edgeKeys, edgeRows [][]any
	)
	aff := w.affiliations()
	for _, k := range keys {
		stmts := store.GroupReports(reports[k], aff, w.s.window)
		old := existing[k]
		keep := map[string]bool{}
		changed := false
		for _, st := range stmts {
			fp := fingerprint(st, rids)
			keep[st.ID] = true
			if f, ok := old[st.ID]; ok && f == fp {
				continue
			} else if ok {
				deleted = append(deleted, []any{st.ID})
			}
			changed = true
			day := unixOf(st.Date)
			var d any
			if day.Valid {
				d = day.Int64
			}
			stmtRows = append(stmtRows, []any{st.ID, k.Kind, k.Speaker, k.Target, st.IncidentID, d, st.Confidence, fp})
			for _, id := range st.SpeakerIDs {
				actorRows = append(actorRows, []any{st.ID, "S", id})
			}
			for _, id := range st.TargetIDs {
				actorRows = append(actorRows, []any{st.ID, "T", id})
			}
			for _, r := range st.Reports {
				links = append(links, []any{rids[reportRef{r.ArticleID, r.Index}], st.ID})
			}
		}
		for id := range old {
			if !keep[id] {
				changed = true
				deleted = append(deleted, []any{id})
			}
		}
		if !changed {
			continue
		}
		edgeKeys = append(edgeKeys, []any{k.Kind, k.Speaker, k.Target})
		for _, e := range store.DirectEdges(stmts) {
			edgeRows = append(edgeRows, []any{e.SpeakerID, e.Kind, e.TargetID, k.Speaker, k.Target, e.Count, e.Reports,
				nullable(unixOf(e.First)), nullable(unixOf(e.Last)), jsonList(e.StatementIDs)})
		}
	}

	for _, b := range []struct {
		q    int
		rows [][]any
	}{
		{qDeleteStatements, deleted},
		{qDeleteStatementActors, deleted},
		{qInsertStatements, stmtRows},
		{qInsertStatementActors, actorRows},
		{qLinkReports, links},
		{qDeleteEdgesOfKeys, edgeKeys},
		{qInsertEdges, edgeRows},
	} {
		if len(b.rows) == 0 {
			continue
		}
		if err := w.exec(b.q, jsonRows(b.rows)); err != nil {
			return err
		}
	}
	return nil
}

func nullable(n sql.NullInt64) any {
	if !n.Valid {
		return nil
	}
	return n.Int64
}

// fingerprint identifies everything stored for a statement, including the report
// rows (a re-inserted report has a new row id and must be linked again).
func fingerprint(st store.Statement, rids map[reportRef]int64) string {
	h := sha1.New()
	fmt.Fprintf(h, "%s|%v|%v|%s|%d|%g", st.ID, st.SpeakerIDs, st.TargetIDs, st.IncidentID, st.Date.Unix(), st.Confidence)
	for _, r := range st.Reports {
		fmt.Fprintf(h, "|%d", rids[reportRef{r.ArticleID, r.Index}])
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}
