package neo4jstore

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/demarche/demarche/store"
)

// callerError carries an error returned by a caller's callback through the driver,
// which must not retry it.
type callerError struct{ err error }

func (e *callerError) Error() string { return e.err.Error() }
func (e *callerError) Unwrap() error { return e.err }

// stream runs the query that build returns in a read transaction and calls fn for
// each record as it arrives. Once fn has seen a record the transaction is not
// replayed (fn would see records twice): a failure then surfaces as
// store.ErrUnavailable.
func (s *Store) stream(ctx context.Context, op string, build func(t *txn) (string, map[string]any, error),
	fn func(*neo4j.Record) error) error {
	emitted := false
	err := s.read(ctx, func(t *txn) error {
		q, params, err := build(t)
		if err != nil {
			return err
		}
		err = t.each(q, params, func(rec *neo4j.Record) error {
			emitted = true
			if err := fn(rec); err != nil {
				return &callerError{err}
			}
			return nil
		})
		var ce *callerError
		if err != nil && emitted && !errors.As(err, &ce) {
			// Not retryable by the driver from here on.
			return &callerError{fmt.Errorf("%w: stream interrupted: %v", store.ErrUnavailable, err)}
		}
		return err
	})
	var ce *callerError
	if errors.As(err, &ce) {
		return ce.err
	}
	if err != nil {
		return fmt.Errorf("neo4jstore: %s: %w", op, err)
	}
	return nil
}

// kindsOrAll validates kinds and returns them as strings (every kind when empty).
func kindsOrAll(kinds []store.StatementKind) ([]string, error) {
	if len(kinds) == 0 {
		kinds = store.StatementKinds
	}
	for _, k := range kinds {
		if !k.Valid() {
			return nil, fmt.Errorf("%w: statement kind %q", store.ErrInvalid, k)
		}
	}
	return kindStrings(kinds), nil
}

// relTypes renders validated kinds as a relationship type alternation (ACCUSES|DENIES).
func relTypes(kinds []string) string { return strings.Join(kinds, "|") }

const edgeReturn = ` RETURN type(e) AS type, e{.*, s: a.id, t: b.id} AS e`

func edgeRecord(rec *neo4j.Record) (store.Edge, error) {
	k, err := kindOf(getStr(rec, "type"))
	if err != nil {
		return store.Edge{}, err
	}
	return edgeOf(k, get(rec, "e")), nil
}

// Edges streams the direct edges of the given kinds ordered by speaker, kind, target.
func (s *Store) Edges(ctx context.Context, kinds []store.StatementKind, fn func(store.Edge) error) error {
	ks, err := kindsOrAll(kinds)
	if err != nil {
		return err
	}
	return s.stream(ctx, "edges", func(*txn) (string, map[string]any, error) {
		return "MATCH (a:Actor)-[e:" + relTypes(ks) + "]->(b:Actor) WITH a, e, b ORDER BY a.id, type(e), b.id" + edgeReturn, nil, nil
	}, func(rec *neo4j.Record) error {
		e, err := edgeRecord(rec)
		if err != nil {
			return err
		}
		return fn(e)
	})
}

// Paths returns the shortest paths between two actors over direct edges of the given
// kinds, walked in either direction: all of the minimal length (at most maxHops),
// ordered by their actor ids then edge kinds, at most limit.
func (s *Store) Paths(ctx context.Context, fromID, toID string, maxHops int, kinds []store.StatementKind, limit int) ([]store.Path, error) {
	ks, err := kindsOrAll(kinds)
	if err != nil {
		return nil, err
	}
	if fromID == "" || toID == "" {
		return nil, fmt.Errorf("%w: empty actor id", store.ErrInvalid)
	}
	if maxHops <= 0 {
		maxHops = 4
	}
	if limit <= 0 {
		limit = 10
	}
	var out []store.Path
	err = s.read(ctx, func(t *txn) error {
		out = nil
		found := 0
		if err := t.each("MATCH (a:Actor) WHERE a.id IN $ids RETURN count(a) AS n",
			map[string]any{"ids": []string{fromID, toID}}, func(rec *neo4j.Record) error {
				found = getInt(rec, "n")
				return nil
			}); err != nil {
			return err
		}
		want := 2
		if fromID == toID {
			want = 1
		}
		if found < want {
			return fmt.Errorf("path %q to %q: %w", fromID, toID, store.ErrNotFound)
		}
		if fromID == toID {
			out = []store.Path{{ActorIDs: []string{fromID}}}
			return nil
		}
		// The kinds and hop bound are validated enum values and an integer, not input text.
		q := fmt.Sprintf(`MATCH (a:Actor {id: $from}), (b:Actor {id: $to})
			MATCH p = allShortestPaths((a)-[:%s*1..%d]-(b))
			RETURN [n IN nodes(p) | n.id] AS ids,
				[e IN relationships(p) | {type: type(e), e: e{.*, s: startNode(e).id, t: endNode(e).id}}] AS edges`,
			relTypes(ks), maxHops)
		return t.each(q, map[string]any{"from": fromID, "to": toID}, func(rec *neo4j.Record) error {
			p := store.Path{ActorIDs: getStrs(rec, "ids")}
			v, _ := rec.Get("edges")
			list, _ := v.([]any)
			for _, x := range list {
				m := mmap(x)
				k, err := kindOf(mstr(m, "type"))
				if err != nil {
					return err
				}
				p.Edges = append(p.Edges, edgeOf(k, mmap(m["e"])))
			}
			out = append(out, p)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("neo4jstore: paths: %w", err)
	}
	sort.Slice(out, func(i, j int) bool { return pathLess(out[i], out[j]) })
	if len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}

func pathLess(a, b store.Path) bool {
	if c := slices.Compare(a.ActorIDs, b.ActorIDs); c != 0 {
		return c < 0
	}
	for i := range min(len(a.Edges), len(b.Edges)) {
		ea, eb := a.Edges[i], b.Edges[i]
		if ea.Kind != eb.Kind {
			return ea.Kind < eb.Kind
		}
		if ea.SpeakerID != eb.SpeakerID {
			return ea.SpeakerID < eb.SpeakerID
		}
	}
	return len(a.Edges) < len(b.Edges)
}

// Neighborhood returns the actors within depth hops of id over direct edges of the
// given kinds (either direction), nearest first then by id, at most limit, and the
// edges among them.
func (s *Store) Neighborhood(ctx context.Context, id string, depth int, kinds []store.StatementKind, limit int) (store.Subgraph, error) {
	ks, err := kindsOrAll(kinds)
	if err != nil {
		return store.Subgraph{}, err
	}
	if id == "" {
		return store.Subgraph{}, fmt.Errorf("%w: empty actor id", store.ErrInvalid)
	}
	depth = max(depth, 0)
	if limit <= 0 {
		limit = 100
	}
	// One statement: a breadth-first walk, one CALL per level (each level keeps
	// the nearest new actors by id, as many as there is room for, and is skipped
	// once the limit is reached), then the actors and the edges among them. Direct
	// edges only join actors, so their far ends need no label check.
	var b strings.Builder
	b.WriteString("MATCH (a0:Actor {id: $id}) WITH [a0.id] AS seen, [a0.id] AS frontier\n")
	for range depth {
		b.WriteString(`CALL {
	WITH seen, frontier
	UNWIND CASE WHEN size(seen) < $limit THEN frontier ELSE [] END AS f
	MATCH (:Actor {id: f})-[:` + relTypes(ks) + `]-(n)
	WITH DISTINCT n.id AS n, seen WHERE NOT n IN seen
	WITH n ORDER BY n
	RETURN collect(n) AS next
}
WITH seen, next, CASE WHEN $limit > size(seen) THEN $limit - size(seen) ELSE 0 END AS room
WITH seen + next[0..room] AS seen, next[0..room] AS frontier
`)
	}
	b.WriteString(`CALL {
	WITH seen
	UNWIND seen AS id MATCH (a:Actor {id: id})-[e:` + relTypes(ks) + `]->(b) WHERE b.id IN seen
	RETURN collect({type: type(e), e: e{.*, s: a.id, t: b.id}}) AS edges
}
CALL {
	WITH seen
	UNWIND range(0, size(seen) - 1) AS i MATCH (x:Actor {id: seen[i]})
	WITH x, i ORDER BY i
	RETURN collect(x{.*}) AS actors
}
RETURN actors, edges`)
	var actors []store.Actor
	var edges []store.Edge
	found := false
	err = s.query(ctx, b.String(), map[string]any{"id": id, "limit": int64(limit)}, func(rec *neo4j.Record) error {
		found = true
		v, _ := rec.Get("actors")
		list, _ := v.([]any)
		for _, x := range list {
			if m := mmap(x); m != nil {
				actors = append(actors, actorOf(m))
			}
		}
		v, _ = rec.Get("edges")
		list, _ = v.([]any)
		for _, x := range list {
			m := mmap(x)
			k, err := kindOf(mstr(m, "type"))
			if err != nil {
				return err
			}
			edges = append(edges, edgeOf(k, mmap(m["e"])))
		}
		return nil
	})
	if err == nil && !found {
		err = fmt.Errorf("actor %q: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return store.Subgraph{}, fmt.Errorf("neo4jstore: neighborhood: %w", err)
	}
	store.SortEdges(edges)
	return store.Subgraph{Actors: actors, Edges: edges}, nil
}

// luceneSpecial are the characters the Lucene query parser treats as syntax.
const luceneSpecial = `+-&|!(){}[]^"~*?:\/`

// luceneQuery turns user text into a Lucene query that matches its words: syntax
// characters are escaped and the AND/OR/NOT operators lowercased into plain words.
func luceneQuery(text string) string {
	var words []string
	for _, w := range strings.Fields(text) {
		var b strings.Builder
		for _, r := range w {
			if strings.ContainsRune(luceneSpecial, r) {
				b.WriteByte('\\')
			}
			b.WriteRune(r)
		}
		words = append(words, strings.ToLower(b.String()))
	}
	return strings.Join(words, " ")
}

// Search runs a ranked full-text search over actor names and aliases, incident names
// and aliases, and statement evidence.
func (s *Store) Search(ctx context.Context, text string, types []string, limit int) ([]store.SearchHit, error) {
	q := luceneQuery(text)
	if q == "" {
		return nil, nil
	}
	if limit <= 0 {
		limit = 20
	}
	want := map[string]bool{}
	for _, t := range types {
		switch t {
		case "Actor", "Incident", "Statement":
			want[t] = true
		default:
			return nil, fmt.Errorf("%w: search type %q", store.ErrInvalid, t)
		}
	}
	if len(want) == 0 {
		want = map[string]bool{"Actor": true, "Incident": true, "Statement": true}
	}
	var out []store.SearchHit
	err := s.query(ctx, `CALL db.index.fulltext.queryNodes('demarche_search', $q) YIELD node, score
		WITH node, score, CASE WHEN node:Actor THEN 'Actor' WHEN node:Incident THEN 'Incident' ELSE 'Statement' END AS type
		WHERE type IN $types
		RETURN type, node.id AS id, node.name AS name, node.aliases AS aliases, node.evidence AS evidence, score
		ORDER BY score DESC, type, id LIMIT $limit`,
		map[string]any{"q": q, "types": keysOf(want), "limit": int64(limit)}, func(rec *neo4j.Record) error {
			h := store.SearchHit{Type: getStr(rec, "type"), ID: getStr(rec, "id")}
			v, _ := rec.Get("score")
			h.Score, _ = v.(float64)
			if h.Type == "Statement" {
				h.Text = getStr(rec, "evidence")
			} else {
				h.Text = matchedName(text, getStr(rec, "name"), getStrs(rec, "aliases"))
			}
			out = append(out, h)
			return nil
		})
	if err != nil {
		return nil, fmt.Errorf("neo4jstore: search: %w", err)
	}
	return out, nil
}

// matchedName picks the name or alias sharing the most words with the query (the
// name on ties).
func matchedName(query, name string, aliases []string) string {
	words := strings.Fields(strings.ToLower(query))
	score := func(s string) int {
		n := 0
		ls := strings.ToLower(s)
		for _, w := range words {
			if strings.Contains(ls, w) {
				n++
			}
		}
		return n
	}
	best, bestScore := name, score(name)
	for _, a := range aliases {
		if sc := score(a); sc > bestScore {
			best, bestScore = a, sc
		}
	}
	return best
}

// WalkActors streams every actor in id order.
func (s *Store) WalkActors(ctx context.Context, fn func(store.Actor) error) error {
	return s.stream(ctx, "walk actors", func(*txn) (string, map[string]any, error) {
		return "MATCH (a:Actor) RETURN a{.*} AS a ORDER BY a.id", nil, nil
	}, func(rec *neo4j.Record) error { return fn(actorOf(get(rec, "a"))) })
}

// WalkIncidents streams every incident in id order.
func (s *Store) WalkIncidents(ctx context.Context, fn func(store.Incident) error) error {
	return s.stream(ctx, "walk incidents", func(*txn) (string, map[string]any, error) {
		return "MATCH (n:Incident) RETURN n{.*} AS n ORDER BY n.id", nil, nil
	}, func(rec *neo4j.Record) error { return fn(incidentOf(get(rec, "n"))) })
}

// WalkArticles streams every article in id order.
func (s *Store) WalkArticles(ctx context.Context, fn func(store.Article) error) error {
	return s.stream(ctx, "walk articles", func(*txn) (string, map[string]any, error) {
		return "MATCH (a:Article) RETURN a{.*} AS a ORDER BY a.id", nil, nil
	}, func(rec *neo4j.Record) error { return fn(articleOf(get(rec, "a"))) })
}

// WalkMentions streams the (article, actor) pairs of the MENTIONS edges, ordered by
// article then actor (export.MentionWalker).
func (s *Store) WalkMentions(ctx context.Context, fn func(articleID, actorID string) error) error {
	return s.stream(ctx, "walk mentions", func(*txn) (string, map[string]any, error) {
		return "MATCH (a:Article)-[:MENTIONS]->(x:Actor) RETURN a.id AS a, x.id AS x ORDER BY a, x", nil, nil
	}, func(rec *neo4j.Record) error { return fn(getStr(rec, "a"), getStr(rec, "x")) })
}

// statsLabels and statsTypes are the node labels and edge types of the model; counts
// come from Neo4j's count store, so Stats is cheap at any size.
var (
	statsLabels = []string{"Article", "Actor", "State", "Organization", "Agency", "Person", "Group", "Incident", "Statement"}
	statsTypes  = []string{"MADE", "TARGETS", "ABOUT", "REPORTED_IN", "MENTIONS", "MEMBER_OF", "PART_OF",
		"ATTRIBUTED_TO", "TARGETED", "RESPONDS_TO"}
)

// Stats counts nodes by label and edges by type; labels and types with no element are
// left out. The internal Redirect and WriteLock labels are not counted.
func (s *Store) Stats(ctx context.Context) (store.Stats, error) {
	st := store.Stats{Nodes: map[string]int{}, Edges: map[string]int{}}
	types := append(slices.Clone(statsTypes), kindStrings(store.StatementKinds)...)
	err := s.read(ctx, func(t *txn) error {
		clear(st.Nodes)
		clear(st.Edges)
		var parts []string
		for _, l := range statsLabels {
			parts = append(parts, fmt.Sprintf("CALL { MATCH (n:%s) RETURN count(n) AS %s }", l, "n_"+l))
		}
		for _, ty := range types {
			parts = append(parts, fmt.Sprintf("CALL { MATCH ()-[r:%s]->() RETURN count(r) AS %s }", ty, "r_"+ty))
		}
		q := strings.Join(parts, "\n") + "\nRETURN *"
		return t.each(q, nil, func(rec *neo4j.Record) error {
			for _, l := range statsLabels {
				if n := getInt(rec, "n_"+l); n > 0 {
					st.Nodes[l] = n
				}
			}
			for _, ty := range types {
				if n := getInt(rec, "r_"+ty); n > 0 {
					st.Edges[ty] = n
				}
			}
			return nil
		})
	})
	if err != nil {
		return store.Stats{}, fmt.Errorf("neo4jstore: stats: %w", err)
	}
	return st, nil
}
