package sqlitestore

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/demarche/demarche/store"
)

const edgeCols = "speaker, kind, target, count, reports, first, last, statement_ids"

func scanEdge(sc scanner) (store.Edge, error) {
	var e store.Edge
	var first, last sql.NullInt64
	var ids string
	if err := sc.Scan(&e.SpeakerID, &e.Kind, &e.TargetID, &e.Count, &e.Reports, &first, &last, &ids); err != nil {
		return e, fmt.Errorf("reading edge: %w", err)
	}
	e.First, e.Last, e.StatementIDs = timeOf(first), timeOf(last), decodeList(ids)
	return e, nil
}

func kindsCond(kinds []store.StatementKind, w *where) {
	if len(kinds) > 0 {
		w.add("kind IN "+inList, jsonList(kinds))
	}
}

func (s *Store) queryEdges(ctx context.Context, q string, args []any, fn func(store.Edge) error) error {
	rows, err := s.query(ctx, q, args...)
	if err != nil {
		return fmt.Errorf("reading edges: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		e, err := scanEdge(rows)
		if err != nil {
			return err
		}
		if err := fn(e); err != nil {
			return err
		}
	}
	return rows.Err()
}

// Edges streams the direct edges of the given kinds, by speaker, kind, target.
func (s *Store) Edges(ctx context.Context, kinds []store.StatementKind, fn func(store.Edge) error) error {
	var w where
	kindsCond(kinds, &w)
	return s.queryEdges(ctx, "SELECT "+edgeCols+" FROM edges"+w.String()+" ORDER BY speaker, kind, target", w.args, fn)
}

// edgesAround returns the edges of the given kinds touching any of ids.
func (s *Store) edgesAround(ctx context.Context, ids []string, kinds []store.StatementKind) ([]store.Edge, error) {
	var w where
	w.add("(speaker IN (SELECT value FROM json_each(?1)) OR target IN (SELECT value FROM json_each(?1)))", jsonList(ids))
	if len(kinds) > 0 {
		w.add("kind IN (SELECT value FROM json_each(?2))", jsonList(kinds))
	}
	var out []store.Edge
	err := s.queryEdges(ctx, "SELECT "+edgeCols+" FROM edges"+w.String()+" ORDER BY speaker, kind, target", w.args, func(e store.Edge) error {
		out = append(out, e)
		return nil
	})
	return out, err
}

func (s *Store) mustExist(ctx context.Context, id string) error {
	var one int
	err := s.queryRow(ctx, "SELECT 1 FROM actors WHERE id = ?", id).Scan(&one)
	return notFound(err, "actor", id)
}

type step struct {
	from string
	edge store.Edge
}

// Paths returns the shortest paths between two actors over direct edges walked in
// either direction.
func (s *Store) Paths(ctx context.Context, fromID, toID string, maxHops int, kinds []store.StatementKind, limit int) ([]store.Path, error) {
	if fromID == "" || toID == "" {
		return nil, fmt.Errorf("%w: empty actor id", store.ErrInvalid)
	}
	if maxHops <= 0 {
		maxHops = 4
	}
	if limit <= 0 {
		limit = 10
	}
	for _, id := range []string{fromID, toID} {
		if err := s.mustExist(ctx, id); err != nil {
			return nil, err
		}
	}
	if fromID == toID {
		return []store.Path{{ActorIDs: []string{fromID}}}, nil
	}
	dist := map[string]int{fromID: 0}
	prev := map[string][]step{}
	frontier := []string{fromID}
	found := false
	for hop := 1; hop <= maxHops && len(frontier) > 0 && !found; hop++ {
		edges, err := s.edgesAround(ctx, frontier, kinds)
		if err != nil {
			return nil, err
		}
		inFrontier := map[string]bool{}
		for _, id := range frontier {
			inFrontier[id] = true
		}
		var next []string
		for _, e := range edges {
			for _, dir := range [2][2]string{{e.SpeakerID, e.TargetID}, {e.TargetID, e.SpeakerID}} {
				a, b := dir[0], dir[1]
				if !inFrontier[a] || a == b {
					continue
				}
				if d, ok := dist[b]; ok && d < hop {
					continue
				}
				if _, ok := dist[b]; !ok {
					dist[b] = hop
					next = append(next, b)
				}
				prev[b] = append(prev[b], step{from: a, edge: e})
			}
		}
		if _, ok := dist[toID]; ok {
			found = true
		}
		slices.Sort(next)
		frontier = next
	}
	if !found {
		return nil, nil
	}
	var out []store.Path
	// Walk back from toID, building paths in reverse.
	var back func(at string, actors []string, edges []store.Edge) bool
	back = func(at string, actors []string, edges []store.Edge) bool {
		if at == fromID {
			p := store.Path{ActorIDs: make([]string, 0, len(actors)+1), Edges: make([]store.Edge, 0, len(edges))}
			p.ActorIDs = append(p.ActorIDs, fromID)
			for i := len(actors) - 1; i >= 0; i-- {
				p.ActorIDs = append(p.ActorIDs, actors[i])
			}
			for i := len(edges) - 1; i >= 0; i-- {
				p.Edges = append(p.Edges, edges[i])
			}
			out = append(out, p)
			return len(out) < limit
		}
		steps := slices.Clone(prev[at])
		slices.SortFunc(steps, func(a, b step) int {
			if c := strings.Compare(a.from, b.from); c != 0 {
				return c
			}
			return compareEdges(a.edge, b.edge)
		})
		for _, st := range steps {
			if !back(st.from, append(actors, at), append(edges, st.edge)) {
				return false
			}
		}
		return true
	}
	back(toID, nil, nil)
	return out, nil
}

func compareEdges(a, b store.Edge) int {
	if c := strings.Compare(a.SpeakerID, b.SpeakerID); c != 0 {
		return c
	}
	if c := strings.Compare(string(a.Kind), string(b.Kind)); c != 0 {
		return c
	}
	return strings.Compare(a.TargetID, b.TargetID)
}

// adjacency is the direct-edge graph without its attributes: for every actor, the
// actors it has an edge with (either direction) and the edge kinds. Built once per
// view, on the first walk that needs it.
type adjacency struct {
	next map[string][]link
}

type link struct {
	other string
	kind  store.StatementKind
}

func (s *Store) adjacency(ctx context.Context, v *view) (*adjacency, error) {
	v.adjMu.Lock()
	defer v.adjMu.Unlock()
	if v.adj != nil {
		return v.adj, nil
	}
	a := &adjacency{next: map[string][]link{}}
	rows, err := s.query(ctx, "SELECT speaker, kind, target FROM edges")
	if err != nil {
		return nil, fmt.Errorf("reading edges: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var sp, tg string
		var k store.StatementKind
		if err := rows.Scan(&sp, &k, &tg); err != nil {
			return nil, fmt.Errorf("reading edges: %w", err)
		}
		a.next[sp] = append(a.next[sp], link{tg, k})
		if tg != sp {
			a.next[tg] = append(a.next[tg], link{sp, k})
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("reading edges: %w", err)
	}
	v.adj = a
	return a, nil
}

// Neighborhood returns the actors within depth hops of id and the edges among them:
// a breadth-first walk over the view's adjacency, then one query for the edges
// among the actors kept.
func (s *Store) Neighborhood(ctx context.Context, id string, depth int, kinds []store.StatementKind, limit int) (store.Subgraph, error) {
	var g store.Subgraph
	if id == "" {
		return g, fmt.Errorf("%w: empty actor id", store.ErrInvalid)
	}
	if depth < 0 {
		depth = 0
	}
	if limit <= 0 {
		limit = 100
	}
	v := s.currentView()
	key := cacheKey("neighborhood", id, depth, kinds, limit)
	if x, ok := v.cached(key); ok {
		return cloneSubgraph(x.(store.Subgraph)), nil
	}
	if err := s.mustExist(ctx, id); err != nil {
		return g, err
	}
	adj, err := s.adjacency(ctx, v)
	if err != nil {
		return g, err
	}
	want := func(k store.StatementKind) bool { return len(kinds) == 0 || slices.Contains(kinds, k) }
	dist := map[string]int{id: 0}
	frontier := []string{id}
	for hop := 1; hop <= depth && len(frontier) > 0; hop++ {
		var next []string
		for _, a := range frontier {
			for _, l := range adj.next[a] {
				if _, ok := dist[l.other]; ok || !want(l.kind) {
					continue
				}
				dist[l.other] = hop
				next = append(next, l.other)
			}
		}
		frontier = next
	}
	ids := make([]string, 0, len(dist))
	for a := range dist {
		ids = append(ids, a)
	}
	slices.SortFunc(ids, func(a, b string) int {
		if dist[a] != dist[b] {
			return dist[a] - dist[b]
		}
		return strings.Compare(a, b)
	})
	if len(ids) > limit {
		ids = ids[:limit]
	}
	actors, err := s.GetActors(ctx, ids)
	if err != nil {
		return g, err
	}
	g.Actors = actors
	var w where
	list := jsonList(ids)
	w.add("speaker IN "+inList+" AND target IN "+inList, list, list)
	kindsCond(kinds, &w)
	err = s.queryEdges(ctx, "SELECT "+edgeCols+" FROM edges"+w.String()+" ORDER BY speaker, kind, target", w.args, func(e store.Edge) error {
		g.Edges = append(g.Edges, e)
		return nil
	})
	if err != nil {
		return g, err
	}
	v.store(key, cloneSubgraph(g))
	return g, nil
}

func cloneSubgraph(g store.Subgraph) store.Subgraph {
	out := store.Subgraph{Actors: slices.Clone(g.Actors), Edges: slices.Clone(g.Edges)}
	for i := range out.Actors {
		out.Actors[i].Aliases = slices.Clone(out.Actors[i].Aliases)
	}
	for i := range out.Edges {
		out.Edges[i].StatementIDs = slices.Clone(out.Edges[i].StatementIDs)
	}
	return out
}

// ftsQuery turns free text into an FTS5 query: every word, as a prefix, must match.
func ftsQuery(text string) string {
	words := strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	parts := make([]string, 0, len(words))
	for _, w := range words {
		parts = append(parts, `"`+w+`"*`)
	}
	return strings.Join(parts, " ")
}

// Search runs a bm25-ranked full-text search over names and evidence.
func (s *Store) Search(ctx context.Context, text string, types []string, limit int) ([]store.SearchHit, error) {
	q := ftsQuery(text)
	if q == "" {
		return nil, fmt.Errorf("%w: empty search", store.ErrInvalid)
	}
	if limit <= 0 {
		limit = 20
	}
	v := s.currentView()
	ck := cacheKey("search", q, types, limit)
	if x, ok := v.cached(ck); ok {
		return slices.Clone(x.([]store.SearchHit)), nil
	}
	want := func(t string) bool { return len(types) == 0 || slices.Contains(types, t) }
	best := map[string]store.SearchHit{}
	add := func(h store.SearchHit) {
		k := h.Type + "\x00" + h.ID
		if old, ok := best[k]; !ok || h.Score > old.Score {
			best[k] = h
		}
	}
	collect := func(query string, args ...any) error {
		rows, err := s.query(ctx, query, args...)
		if err != nil {
			return fmt.Errorf("searching: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var h store.SearchHit
			if err := rows.Scan(&h.Type, &h.ID, &h.Text, &h.Score); err != nil {
				return fmt.Errorf("searching: %w", err)
			}
			add(h)
		}
		return rows.Err()
	}
	var otypes []string
	for _, t := range []string{"Actor", "Incident"} {
		if want(t) {
			otypes = append(otypes, t)
		}
	}
	fetch := limit * 4
	if len(otypes) > 0 {
		if err := collect(`SELECT n.otype, n.oid, n.name, -bm25(fts_names) FROM fts_names JOIN names n ON n.nid = fts_names.rowid
			WHERE fts_names MATCH ? AND n.otype IN `+inList+` ORDER BY bm25(fts_names) LIMIT ?`, q, jsonList(otypes), fetch); err != nil {
			return nil, err
		}
	}
	if want("Statement") {
		// The best rows are picked from the index alone, then joined to their reports.
		if err := collect(`SELECT 'Statement', r.statement_id, r.evidence, -f.score FROM
			(SELECT rowid, bm25(fts_reports) AS score FROM fts_reports WHERE fts_reports MATCH ? ORDER BY score LIMIT ?) f
			JOIN reports r ON r.rid = f.rowid WHERE r.statement_id IS NOT NULL`, q, fetch); err != nil {
			return nil, err
		}
	}
	out := make([]store.SearchHit, 0, len(best))
	for _, h := range best {
		out = append(out, h)
	}
	slices.SortFunc(out, func(a, b store.SearchHit) int {
		switch {
		case a.Score > b.Score:
			return -1
		case a.Score < b.Score:
			return 1
		}
		if c := strings.Compare(a.Type, b.Type); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	if len(out) > limit {
		out = out[:limit]
	}
	v.store(ck, slices.Clone(out))
	return out, nil
}
