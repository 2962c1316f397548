package neo4jstore

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/demarche/demarche/store"
)

// PutArticle writes one article and everything extracted from it in one transaction.
func (s *Store) PutArticle(ctx context.Context, g *store.ArticleGraph) (store.PutResult, error) {
	rs, err := s.PutArticles(ctx, []*store.ArticleGraph{g})
	if err != nil {
		return store.PutResult{}, err
	}
	return rs[0], nil
}

// PutArticles writes several articles in one transaction, with UNWIND batches of at
// most Config.BatchSize rows. The result is the one of putting them in order.
func (s *Store) PutArticles(ctx context.Context, gs []*store.ArticleGraph) ([]store.PutResult, error) {
	if len(gs) == 0 {
		return nil, nil
	}
	prepared := make([]*store.ArticleGraph, len(gs))
	for i, g := range gs {
		if g == nil {
			return nil, fmt.Errorf("%w: nil article graph", store.ErrInvalid)
		}
		if err := g.Validate(); err != nil {
			return nil, err
		}
		prepared[i] = normalizeGraph(g)
	}
	var results []store.PutResult
	err := s.write(ctx, func(t *txn) error {
		results = make([]store.PutResult, len(gs))
		// The writer's statements keep their first plans (see plannedPrefix): each
		// is anchored on unique ids or index hints, whatever the graph's size.
		t.planned = true
		w := s.newWriter(t)
		if err := w.lock(); err != nil {
			return err
		}
		for _, round := range rounds(prepared) {
			if err := w.putRound(prepared, round, results); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("neo4jstore: put articles: %w", err)
	}
	return results, nil
}

// rounds splits a batch so that no article id repeats within a round: a later copy
// of an article is written after the earlier one, as if put one by one.
func rounds(gs []*store.ArticleGraph) [][]int {
	var out [][]int
	roundOf := map[string]int{}
	for i, g := range gs {
		r := 0
		if prev, ok := roundOf[g.Article.ID]; ok {
			r = prev + 1
		}
		roundOf[g.Article.ID] = r
		for len(out) <= r {
			out = append(out, nil)
		}
		out[r] = append(out[r], i)
	}
	return out
}

// normalizeGraph copies g with UTC times, day dates, report article ids set and
// actor aliases cleaned; the caller's graph is never modified.
func normalizeGraph(g *store.ArticleGraph) *store.ArticleGraph {
	c := &store.ArticleGraph{Article: g.Article}
	if !c.Article.Published.IsZero() {
		c.Article.Published = c.Article.Published.UTC()
	}
	for _, a := range g.Actors {
		a.Aliases = slices.Clone(a.Aliases)
		c.Actors = append(c.Actors, a)
	}
	for _, in := range g.Incidents {
		in.Aliases = slices.Clone(in.Aliases)
		in.AttributedTo = slices.Clone(in.AttributedTo)
		in.Targeted = slices.Clone(in.Targeted)
		c.Incidents = append(c.Incidents, in)
	}
	for _, r := range g.Reports {
		r.ArticleID = g.Article.ID
		r.Date = day(r.Date)
		c.Reports = append(c.Reports, r)
	}
	return c
}

// writer holds the state of one write transaction. The driver may replay the
// transaction, so a writer is built afresh inside every attempt.
type writer struct {
	t      *txn
	window time.Duration
	// aff caches actor affiliations as the transaction sees them ("" at the top or for
	// unknown ids); loadAff fills it.
	aff map[string]string
}

func (s *Store) newWriter(t *txn) *writer {
	return &writer{t: t, window: s.window, aff: map[string]string{}}
}

// lock serializes writers: statement regrouping reads then rewrites whole statement
// keys, which read-committed isolation alone would not protect.
func (w *writer) lock() error {
	return w.t.exec("MERGE (l:WriteLock {id: 'demarche'}) SET l.writes = coalesce(l.writes, 0) + 1", nil)
}

func (w *writer) affiliations() store.Affiliations {
	return func(id string) string { return w.aff[id] }
}

// loadAff caches the affiliation chains of ids.
func (w *writer) loadAff(ids []string) error {
	todo := map[string]bool{}
	for _, id := range ids {
		if _, ok := w.aff[id]; !ok && id != "" {
			todo[id] = true
		}
	}
	for len(todo) > 0 {
		list := keysOf(todo)
		for _, id := range list {
			w.aff[id] = ""
		}
		next := map[string]bool{}
		err := w.t.each("MATCH (a:Actor) WHERE a.id IN $ids RETURN a.id AS id, a.affiliationId AS p",
			map[string]any{"ids": list}, func(rec *neo4j.Record) error {
				id, p := getStr(rec, "id"), getStr(rec, "p")
				w.aff[id] = p
				if _, ok := w.aff[p]; p != "" && !ok {
					next[p] = true
				}
				return nil
			})
		if err != nil {
			return err
		}
		todo = next
	}
	return nil
}

// descendants returns ids and every actor affiliated to one of them, directly or
// through others.
func (w *writer) descendants(ids []string) ([]string, error) {
	seen := map[string]bool{}
	frontier := []string{}
	for _, id := range ids {
		if id != "" && !seen[id] {
			seen[id] = true
			frontier = append(frontier, id)
		}
	}
	for len(frontier) > 0 {
		var next []string
		err := w.t.each("MATCH (c:Actor) USING INDEX c:Actor(affiliationId) WHERE c.affiliationId IN $ids RETURN c.id AS id, c.affiliationId AS p",
			map[string]any{"ids": frontier}, func(rec *neo4j.Record) error {
				id := getStr(rec, "id")
				w.aff[id] = getStr(rec, "p")
				if !seen[id] {
					seen[id] = true
					next = append(next, id)
				}
				return nil
			})
		if err != nil {
			return nil, err
		}
		frontier = next
	}
	return keysOf(seen), nil
}

// redirects maps ids folded away by MergeActors to the actors they were merged into.
func (w *writer) redirects(ids []string) (map[string]string, error) {
	out := map[string]string{}
	if len(ids) == 0 {
		return out, nil
	}
	err := w.t.each("MATCH (r:Redirect) WHERE r.from IN $ids RETURN r.from AS from, r.to AS to",
		map[string]any{"ids": ids}, func(rec *neo4j.Record) error {
			out[getStr(rec, "from")] = getStr(rec, "to")
			return nil
		})
	return out, err
}

// applyRedirects rewrites the actor ids of g through red and folds actors that now
// share an id.
func applyRedirects(g *store.ArticleGraph, red map[string]string) {
	if len(red) == 0 {
		return
	}
	m := func(id string) string {
		if to, ok := red[id]; ok {
			return to
		}
		return id
	}
	var actors []store.Actor
	at := map[string]int{}
	for _, a := range g.Actors {
		a.ID, a.AffiliationID = m(a.ID), m(a.AffiliationID)
		if i, ok := at[a.ID]; ok {
			actors[i] = mergeActor(actors[i], a)
			continue
		}
		at[a.ID] = len(actors)
		actors = append(actors, a)
	}
	g.Actors = actors
	for i := range g.Incidents {
		for j := range g.Incidents[i].AttributedTo {
			g.Incidents[i].AttributedTo[j] = m(g.Incidents[i].AttributedTo[j])
		}
		for j := range g.Incidents[i].Targeted {
			g.Incidents[i].Targeted[j] = m(g.Incidents[i].Targeted[j])
		}
	}
	for i := range g.Reports {
		g.Reports[i].SpeakerID = m(g.Reports[i].SpeakerID)
		g.Reports[i].TargetID = m(g.Reports[i].TargetID)
	}
}

// pick keeps a non-empty value over an empty one; ties break by the smaller value.
func pick(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	case b < a:
		return b
	}
	return a
}

// mergeActor upserts in into old (same id): old keeps its kind and name, other names
// become aliases, and attributes follow pick.
func mergeActor(old, in store.Actor) store.Actor {
	out := old
	aliases := append(slices.Clone(old.Aliases), in.Aliases...)
	if in.Name != old.Name {
		aliases = append(aliases, in.Name)
	}
	out.Aliases = cleanAliases(aliases, out.Name)
	out.Country = pick(old.Country, in.Country)
	out.AffiliationID = pick(old.AffiliationID, in.AffiliationID)
	out.Role = pick(old.Role, in.Role)
	if out.AffiliationID == out.ID {
		out.AffiliationID = old.AffiliationID
		if out.AffiliationID == out.ID {
			out.AffiliationID = ""
		}
	}
	return out
}

// cleanAliases sorts and dedups aliases and drops empty ones and the name itself.
func cleanAliases(aliases []string, name string) []string {
	set := map[string]bool{}
	for _, a := range aliases {
		a = strings.TrimSpace(a)
		if a != "" && a != name {
			set[a] = true
		}
	}
	if len(set) == 0 {
		return nil
	}
	return keysOf(set)
}

func mergeIncident(old, in store.Incident) store.Incident {
	out := old
	aliases := append(slices.Clone(old.Aliases), in.Aliases...)
	if in.Name != old.Name {
		aliases = append(aliases, in.Name)
	}
	out.Aliases = cleanAliases(aliases, out.Name)
	switch {
	case out.Year == 0:
		out.Year = in.Year
	case in.Year != 0 && in.Year < out.Year:
		out.Year = in.Year
	}
	out.AttributedTo = union(old.AttributedTo, in.AttributedTo)
	out.Targeted = union(old.Targeted, in.Targeted)
	return out
}

func union(a, b []string) []string {
	set := map[string]bool{}
	for _, x := range a {
		if x != "" {
			set[x] = true
		}
	}
	for _, x := range b {
		if x != "" {
			set[x] = true
		}
	}
	if len(set) == 0 {
		return nil
	}
	return keysOf(set)
}

func keysOf(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func actorEqual(a, b store.Actor) bool {
	return a.ID == b.ID && a.Kind == b.Kind && a.Name == b.Name && slices.Equal(a.Aliases, b.Aliases) &&
		a.Country == b.Country && a.AffiliationID == b.AffiliationID && a.Role == b.Role
}

func incidentEqual(a, b store.Incident) bool {
	return a.ID == b.ID && a.Name == b.Name && slices.Equal(a.Aliases, b.Aliases) && a.Year == b.Year &&
		slices.Equal(a.AttributedTo, b.AttributedTo) && slices.Equal(a.Targeted, b.Targeted)
}

// putRound writes articles whose ids are distinct.
func (w *writer) putRound(gs []*store.ArticleGraph, round []int, results []store.PutResult) error {
	// Redirect ids that MergeActors folded away.
	idSet := map[string]bool{}
	for _, i := range round {
		g := gs[i]
		for _, a := range g.Actors {
			idSet[a.ID] = true
			if a.AffiliationID != "" {
				idSet[a.AffiliationID] = true
			}
		}
		for _, in := range g.Incidents {
			for _, id := range in.AttributedTo {
				idSet[id] = true
			}
			for _, id := range in.Targeted {
				idSet[id] = true
			}
		}
	}
	red, err := w.redirects(keysOf(idSet))
	if err != nil {
		return err
	}
	for _, i := range round {
		applyRedirects(gs[i], red)
	}

	// Existing articles: same hash is a no-op, another hash a replacement.
	type oldArticle struct {
		hash      string
		incidents []string
		mentions  []string
	}
	articleIDs := make([]string, 0, len(round))
	for _, i := range round {
		articleIDs = append(articleIDs, gs[i].Article.ID)
	}
	olds := map[string]oldArticle{}
	err = w.t.each(`MATCH (a:Article) WHERE a.id IN $ids
		RETURN a.id AS id, a.hash AS hash, a.incidentIds AS inc, [(a)-[:MENTIONS]->(x) | x.id] AS mentions`,
		map[string]any{"ids": articleIDs}, func(rec *neo4j.Record) error {
			olds[getStr(rec, "id")] = oldArticle{hash: getStr(rec, "hash"), incidents: getStrs(rec, "inc"), mentions: getStrs(rec, "mentions")}
			return nil
		})
	if err != nil {
		return err
	}
	var active []int
	var replaced []string
	orphanActors, orphanIncidents := map[string]bool{}, map[string]bool{}
	for _, i := range round {
		g := gs[i]
		old, ok := olds[g.Article.ID]
		if ok && old.hash == g.Article.Hash {
			results[i].Unchanged = true
			continue
		}
		if ok {
			results[i].Replaced = true
			replaced = append(replaced, g.Article.ID)
			for _, id := range old.mentions {
				orphanActors[id] = true
			}
			for _, id := range old.incidents {
				orphanIncidents[id] = true
			}
		}
		active = append(active, i)
	}
	if len(active) == 0 {
		return nil
	}

	// A replaced article's reports leave their statements; those keys are regrouped.
	oldKeys := map[store.StatementKey]bool{}
	if len(replaced) > 0 {
		if err := w.statementKeysOfArticles(replaced, oldKeys); err != nil {
			return err
		}
		if err := w.t.exec(`UNWIND $ids AS id MATCH (a:Article {id: id})
			OPTIONAL MATCH (a)<-[r:REPORTED_IN]-() DELETE r
			WITH DISTINCT a OPTIONAL MATCH (a)-[m:MENTIONS]->() DELETE m`, map[string]any{"ids": replaced}); err != nil {
			return err
		}
	}

	changedAff, err := w.putActors(gs, active, results)
	if err != nil {
		return err
	}
	if err := w.putArticleNodes(gs, active); err != nil {
		return err
	}
	if err := w.putIncidents(gs, active, results); err != nil {
		return err
	}

	var added []store.Report
	for _, i := range active {
		added = append(added, gs[i].Reports...)
		results[i].Reports = len(gs[i].Reports)
	}
	stmts, err := w.regroup(oldKeys, changedAff, added)
	if err != nil {
		return err
	}
	byArticle := map[string]map[string]bool{}
	for _, st := range stmts {
		for _, r := range st.Reports {
			if byArticle[r.ArticleID] == nil {
				byArticle[r.ArticleID] = map[string]bool{}
			}
			byArticle[r.ArticleID][st.ID] = true
		}
	}
	for _, i := range active {
		if ids := byArticle[gs[i].Article.ID]; len(ids) > 0 {
			results[i].Statements = keysOf(ids)
		}
	}
	return w.deleteOrphans(keysOf(orphanActors), keysOf(orphanIncidents))
}

// statementKeysOfArticles adds the keys of the statements reported in the articles,
// whose reports are about to go: it clears their signatures so that regroup rewrites
// them even when the same reports come back (a reload).
func (w *writer) statementKeysOfArticles(ids []string, keys map[store.StatementKey]bool) error {
	return w.t.each(`UNWIND $ids AS id MATCH (s:Statement)-[:REPORTED_IN]->(a:Article {id: id}) USING INDEX a:Article(id)
		WITH DISTINCT s SET s.sig = ''
		RETURN s.kind AS kind, s.keySpeaker AS sp, s.keyTarget AS tg`,
		map[string]any{"ids": ids}, func(rec *neo4j.Record) error {
			keys[store.StatementKey{Kind: store.StatementKind(getStr(rec, "kind")), Speaker: getStr(rec, "sp"), Target: getStr(rec, "tg")}] = true
			return nil
		})
}

// putActors upserts the actors of the active articles and their affiliation edges. It
// returns the existing actors whose affiliation changed.
func (w *writer) putActors(gs []*store.ArticleGraph, active []int, results []store.PutResult) ([]string, error) {
	incoming := map[string]bool{}
	for _, i := range active {
		for _, a := range gs[i].Actors {
			incoming[a.ID] = true
		}
	}
	existing := map[string]store.Actor{}
	err := w.t.each("MATCH (a:Actor) WHERE a.id IN $ids RETURN a{.*} AS a",
		map[string]any{"ids": keysOf(incoming)}, func(rec *neo4j.Record) error {
			a := actorOf(get(rec, "a"))
			existing[a.ID] = a
			return nil
		})
	if err != nil {
		return nil, err
	}
	final := map[string]store.Actor{}
	for _, i := range active {
		for _, a := range gs[i].Actors {
			cur, seen := final[a.ID]
			if !seen {
				if old, ok := existing[a.ID]; ok {
					cur, seen = old, true
				}
			}
			if seen {
				results[i].MergedActors++
				final[a.ID] = mergeActor(cur, a)
			} else {
				results[i].NewActors++
				a.Aliases = cleanAliases(a.Aliases, a.Name)
				if a.AffiliationID == a.ID {
					a.AffiliationID = ""
				}
				final[a.ID] = a
			}
		}
	}
	byKind := map[store.ActorKind][]map[string]any{}
	var links, created []map[string]any
	var changedAff []string
	for _, id := range keysOf(incoming) {
		a := final[id]
		w.aff[id] = a.AffiliationID
		old, ok := existing[id]
		if ok && actorEqual(old, a) {
			continue
		}
		byKind[a.Kind] = append(byKind[a.Kind], actorProps(a))
		if !ok || old.AffiliationID != a.AffiliationID || old.Role != a.Role {
			links = append(links, map[string]any{"id": id, "parent": a.AffiliationID})
		}
		if ok && old.AffiliationID != a.AffiliationID {
			changedAff = append(changedAff, id)
		}
		if !ok {
			created = append(created, map[string]any{"id": id})
		}
	}
	var rows []map[string]any
	for _, k := range store.ActorKinds {
		rows = append(rows, byKind[k]...)
	}
	if err := w.t.unwind(putActorsQuery, rows, nil); err != nil {
		return nil, err
	}
	if err := w.t.unwind(linkQuery, links, nil); err != nil {
		return nil, err
	}
	// Actors that name a just-created actor as their parent get their edge now.
	if err := w.t.unwind(`UNWIND $rows AS r MATCH (p:Actor {id: r.id})
		MATCH (c:Actor {affiliationId: r.id}) USING INDEX c:Actor(affiliationId) WHERE NOT (c)-[:MEMBER_OF|PART_OF]->(p)
		FOREACH (_ IN CASE WHEN c:Person THEN [1] ELSE [] END | MERGE (c)-[e:MEMBER_OF]->(p) SET e.role = c.role)
		FOREACH (_ IN CASE WHEN c:Person THEN [] ELSE [1] END | MERGE (c)-[:PART_OF]->(p))`, created, nil); err != nil {
		return nil, err
	}
	return changedAff, nil
}

// putActorsQuery upserts actors with their kind's label. Labels cannot be parameters:
// one FOREACH per kind of the fixed ActorKind enum sets the right one.
var putActorsQuery = func() string {
	var b strings.Builder
	b.WriteString("UNWIND $rows AS r MERGE (a:Actor {id: r.id}) SET a += r")
	for _, k := range store.ActorKinds {
		fmt.Fprintf(&b, "\nFOREACH (_ IN CASE WHEN r.kind = '%s' THEN [1] ELSE [] END | SET a:%s)", k, k.Label())
	}
	return b.String()
}()

// setEdgesQueries merge the direct edges of one kind (rows from edgeProps) and set
// their properties. Relationship types cannot be parameters: one statement per kind
// of the fixed StatementKind enum (one statement with a FOREACH per kind would
// make Neo4j materialize every row between the FOREACHs).
var setEdgesQueries = func() map[store.StatementKind]string {
	out := map[store.StatementKind]string{}
	for _, k := range store.StatementKinds {
		out[k] = fmt.Sprintf("UNWIND $rows AS r MATCH (a:Actor {id: r.s}) MATCH (b:Actor {id: r.t}) MERGE (a)-[e:%s]->(b)"+
			" SET e.count = r.count, e.reports = r.reports, e.first = r.first, e.last = r.last, e.statementIds = r.statementIds", k)
	}
	return out
}()

// deleteEdgesQueries delete the direct edges of one kind between the actors of
// each row. The typed pattern expands only the speaker's edges of that type: a
// busy state has thousands of MADE edges, which an untyped one would scan. The
// hints pin the plan (both ends sought, then the edges between them), which the
// writer's cached plans need (plannedPrefix): planned on an empty graph, this
// pattern would otherwise scan every edge of the type.
var deleteEdgesQueries = func() map[store.StatementKind]string {
	out := map[store.StatementKind]string{}
	for _, k := range store.StatementKinds {
		out[k] = fmt.Sprintf("UNWIND $rows AS r MATCH (a:Actor {id: r.s})-[e:%s]->(b:Actor {id: r.t})"+
			" USING INDEX a:Actor(id) USING INDEX b:Actor(id) DELETE e", k)
	}
	return out
}()

// linkQuery replaces an actor's affiliation edge: MEMBER_OF {role} for a person,
// PART_OF otherwise, when the parent exists.
const linkQuery = `UNWIND $rows AS r MATCH (c:Actor {id: r.id})
	OPTIONAL MATCH (c)-[old:MEMBER_OF|PART_OF]->() DELETE old
	WITH DISTINCT c, r
	OPTIONAL MATCH (p:Actor {id: r.parent})
	FOREACH (_ IN CASE WHEN p IS NOT NULL AND c:Person THEN [1] ELSE [] END | MERGE (c)-[e:MEMBER_OF]->(p) SET e.role = c.role)
	FOREACH (_ IN CASE WHEN p IS NOT NULL AND NOT c:Person THEN [1] ELSE [] END | MERGE (c)-[:PART_OF]->(p))`

func (w *writer) putArticleNodes(gs []*store.ArticleGraph, active []int) error {
	var rows, mentions []map[string]any
	for _, i := range active {
		g := gs[i]
		var incs []string
		for _, in := range g.Incidents {
			incs = append(incs, in.ID)
		}
		rows = append(rows, articleProps(g.Article, union(incs, nil)))
		seen := map[string]bool{}
		var xs []string
		for _, a := range g.Actors {
			if !seen[a.ID] {
				seen[a.ID] = true
				xs = append(xs, a.ID)
			}
		}
		if len(xs) > 0 {
			mentions = append(mentions, map[string]any{"a": g.Article.ID, "xs": xs})
		}
	}
	if err := w.t.unwind("UNWIND $rows AS r MERGE (a:Article {id: r.id}) SET a += r", rows, nil); err != nil {
		return err
	}
	// The article is new or its MENTIONS were deleted above, and each pair appears once,
	// so CREATE is idempotent (a replayed transaction starts from scratch). MERGE would
	// scan the edges of busy actors. One row per article: its node is sought once.
	return w.t.unwind(`UNWIND $rows AS r MATCH (a:Article {id: r.a}) UNWIND r.xs AS xid MATCH (x:Actor {id: xid})
		CREATE (a)-[:MENTIONS]->(x)`, mentions, nil)
}

func (w *writer) putIncidents(gs []*store.ArticleGraph, active []int, results []store.PutResult) error {
	incoming := map[string]bool{}
	for _, i := range active {
		for _, in := range gs[i].Incidents {
			incoming[in.ID] = true
		}
	}
	if len(incoming) == 0 {
		return nil
	}
	existing := map[string]store.Incident{}
	err := w.t.each("MATCH (i:Incident) WHERE i.id IN $ids RETURN i{.*} AS i",
		map[string]any{"ids": keysOf(incoming)}, func(rec *neo4j.Record) error {
			in := incidentOf(get(rec, "i"))
			existing[in.ID] = in
			return nil
		})
	if err != nil {
		return err
	}
	final := map[string]store.Incident{}
	for _, i := range active {
		for _, in := range gs[i].Incidents {
			cur, seen := final[in.ID]
			if !seen {
				if old, ok := existing[in.ID]; ok {
					cur, seen = old, true
				}
			}
			if seen {
				final[in.ID] = mergeIncident(cur, in)
				continue
			}
			results[i].NewIncidents++
			in.Aliases = cleanAliases(in.Aliases, in.Name)
			in.AttributedTo = union(in.AttributedTo, nil)
			in.Targeted = union(in.Targeted, nil)
			final[in.ID] = in
		}
	}
	var rows, attributed, targeted []map[string]any
	for _, id := range keysOf(incoming) {
		in := final[id]
		if old, ok := existing[id]; ok && incidentEqual(old, in) {
			continue
		}
		rows = append(rows, incidentProps(in))
		for _, a := range in.AttributedTo {
			attributed = append(attributed, map[string]any{"i": id, "a": a})
		}
		for _, a := range in.Targeted {
			targeted = append(targeted, map[string]any{"i": id, "a": a})
		}
	}
	if err := w.t.unwind("UNWIND $rows AS r MERGE (i:Incident {id: r.id}) SET i += r", rows, nil); err != nil {
		return err
	}
	if err := w.t.unwind(`UNWIND $rows AS r MATCH (i:Incident {id: r.i}) MATCH (a:Actor {id: r.a})
		MERGE (i)-[:ATTRIBUTED_TO]->(a)`, attributed, nil); err != nil {
		return err
	}
	return w.t.unwind(`UNWIND $rows AS r MATCH (i:Incident {id: r.i}) MATCH (a:Actor {id: r.a})
		MERGE (i)-[:TARGETED]->(a)`, targeted, nil)
}

// deleteOrphans removes the candidate actors and incidents that no article mentions.
func (w *writer) deleteOrphans(actors, incidents []string) error {
	if len(actors) > 0 {
		if err := w.t.exec(`UNWIND $ids AS id MATCH (a:Actor {id: id})
			WHERE NOT EXISTS { MATCH (:Article)-[:MENTIONS]->(a) } DETACH DELETE a`, map[string]any{"ids": actors}); err != nil {
			return err
		}
	}
	if len(incidents) > 0 {
		if err := w.t.exec(`UNWIND $ids AS id MATCH (i:Incident {id: id})
			WHERE NOT EXISTS { MATCH (a:Article) WHERE id IN a.incidentIds } DETACH DELETE i`, map[string]any{"ids": incidents}); err != nil {
			return err
		}
	}
	return nil
}

// oldStatement is what regroup reads of a stored statement.
// oldStatement is what regroup reads of a stored statement.
type oldStatement struct {
	sig      string
	kind     store.StatementKind
	speakers []string
	targets  []string
	// legacy marks a statement written before statements kept their last date and
	// articles: it is rewritten even when unchanged, so that later writes can leave
	// it closed.
	legacy bool
}

// regroup recomputes the statements, direct edges and RESPONDS_TO edges of every
// statement key a write touched: the keys in oldKeys, the keys of the statements
// with a report naming one of dirtyActors or their descendants (their affiliation
// changed), and the keys of the added reports (whose articles and actors are already
// written). It returns the statements it rewrote or confirmed: every statement of
// the keys regrouped in full, and for the keys only added to, those holding an
// added report or open at its date.
//
// Keys only added to are regrouped incrementally. store.GroupReports chains reports
// in date order, so the statements whose last report is more than the window before
// the key's earliest added report are closed: no later report can join them, and
// grouping the remaining statements' reports with the added ones gives exactly the
// statements a full regroup gives (any union of whole statements groups as it does
// among all of them). Only the closed statements' light properties are read, for the
// direct edges.
func (w *writer) regroup(oldKeys map[store.StatementKey]bool, dirtyActors []string, added []store.Report) ([]store.Statement, error) {
	full := map[store.StatementKey]bool{}
	for k := range oldKeys {
		full[k] = true
	}
	if len(dirtyActors) > 0 {
		all, err := w.descendants(dirtyActors)
		if err != nil {
			return nil, err
		}
		err = w.t.each(`UNWIND $ids AS id
			CALL {
				WITH id MATCH (s:Statement)-[r:REPORTED_IN]->() USING INDEX r:REPORTED_IN(speakerId) WHERE r.speakerId = id RETURN s
				UNION
				WITH id MATCH (s:Statement)-[r:REPORTED_IN]->() USING INDEX r:REPORTED_IN(targetId) WHERE r.targetId = id RETURN s
			}
			RETURN DISTINCT s.kind AS kind, s.keySpeaker AS sp, s.keyTarget AS tg`,
			map[string]any{"ids": all}, func(rec *neo4j.Record) error {
				full[store.StatementKey{Kind: store.StatementKind(getStr(rec, "kind")), Speaker: getStr(rec, "sp"), Target: getStr(rec, "tg")}] = true
				return nil
			})
		if err != nil {
			return nil, err
		}
	}
	aff := w.affiliations()
	if err := w.loadAff(reportEnds(added)); err != nil {
		return nil, err
	}
	// from is, per key only added to, the earliest date a statement must reach to be
	// regrouped. When affiliations changed, stored reports may move between keys and
	// every key is regrouped in full.
	from := map[store.StatementKey]time.Time{}
	for _, r := range added {
		k := store.KeyOf(r, aff)
		if len(dirtyActors) > 0 {
			full[k] = true
		}
		if full[k] {
			continue
		}
		f := r.Date.Add(-w.window)
		if cur, ok := from[k]; !ok || f.Before(cur) {
			from[k] = f
		}
	}

	// Load the statements of the keys: reports of those regrouped, light properties
	// of the closed ones. Re-keyed reports may pull in further keys, in full.
	loaded := map[store.StatementKey]bool{}
	old := map[string]oldStatement{}
	var closed []store.Statement
	reports := slices.Clone(added)
	for {
		var todo []map[string]any
		for _, k := range sortedKeys(full, from) {
			if loaded[k] {
				continue
			}
			loaded[k] = true
			row := map[string]any{"k": string(k.Kind), "s": k.Speaker, "t": k.Target, "from": nil}
			if f, ok := from[k]; ok && !full[k] {
				row["from"] = dateParam(f)
			}
			todo = append(todo, row)
		}
		if len(todo) == 0 {
			break
		}
		var fresh []store.Report
		err := w.t.unwindEach(`UNWIND $rows AS k
			MATCH (s:Statement {keySpeaker: k.s, keyTarget: k.t, kind: k.k})
			USING INDEX s:Statement(keySpeaker, keyTarget, kind)
			WITH k, s, k.from IS NULL OR s.last IS NULL OR s.articleIds IS NULL OR s.last >= k.from AS open
			RETURN s.id AS id, CASE WHEN open THEN s.sig END AS sig, k.k AS kind, s.speakerIds AS sp, s.targetIds AS tg,
				s.date AS date, s.last AS last, s.articleIds AS arts, open,
				CASE WHEN open THEN [(s)-[r:REPORTED_IN]->() | r{.*}] ELSE [] END AS reports`,
			todo, nil, func(rec *neo4j.Record) error {
				v, _ := rec.Get("open")
				if open, _ := v.(bool); !open {
					closed = append(closed, lightStatement(rec))
					return nil
				}
				old[getStr(rec, "id")] = oldStatement{
					sig: getStr(rec, "sig"), kind: store.StatementKind(getStr(rec, "kind")),
					speakers: getStrs(rec, "sp"), targets: getStrs(rec, "tg"),
					legacy: recVal(rec, "last") == nil || recVal(rec, "arts") == nil,
				}
				v, _ = rec.Get("reports")
				list, _ := v.([]any)
				for _, x := range list {
					if m := mmap(x); m != nil {
						fresh = append(fresh, reportOf(m))
					}
				}
				return nil
			})
		if err != nil {
			return nil, err
		}
		if err := w.loadAff(reportEnds(fresh)); err != nil {
			return nil, err
		}
		for _, r := range fresh {
			if k := store.KeyOf(r, aff); !loaded[k] {
				full[k] = true
			}
		}
		reports = append(reports, fresh...)
	}

	stmts := store.GroupReports(reports, aff, w.window)
	if err := w.writeStatements(stmts, closed, old, aff); err != nil {
		return nil, err
	}
	return stmts, nil
}

// sortedKeys lists the keys of a and b in a stable order.
func sortedKeys(a map[store.StatementKey]bool, b map[store.StatementKey]time.Time) []store.StatementKey {
	out := make([]store.StatementKey, 0, len(a)+len(b))
	for k := range a {
		out = append(out, k)
	}
	for k := range b {
		if !a[k] {
			out = append(out, k)
		}
	}
	slices.SortFunc(out, func(x, y store.StatementKey) int {
		return strings.Compare(string(x.Kind)+"\x00"+x.Speaker+"\x00"+x.Target, string(y.Kind)+"\x00"+y.Speaker+"\x00"+y.Target)
	})
	return out
}

// lightStatement rebuilds, from a closed statement's stored properties, what
// store.DirectEdges reads of it: its id, kind, ends, first and last dates and
// reporting articles (as stand-in reports).
func lightStatement(rec *neo4j.Record) store.Statement {
	st := store.Statement{
		ID: getStr(rec, "id"), Kind: store.StatementKind(getStr(rec, "kind")),
		SpeakerIDs: getStrs(rec, "sp"), TargetIDs: getStrs(rec, "tg"),
		Date: toTime(recVal(rec, "date")),
	}
	arts := getStrs(rec, "arts")
	for _, a := range arts {
		st.Reports = append(st.Reports, store.Report{ArticleID: a, Date: st.Date})
	}
	if len(arts) > 0 {
		st.Reports = append(st.Reports, store.Report{ArticleID: arts[0], Date: toTime(recVal(rec, "last"))})
	}
	return st
}

func reportEnds(rs []store.Report) []string {
	set := map[string]bool{}
	for _, r := range rs {
		set[r.SpeakerID] = true
		if r.TargetID != "" {
			set[r.TargetID] = true
		}
	}
	return keysOf(set)
}

type edgeKey struct {
	s, t string
	k    store.StatementKind
}

// writeStatements replaces the stored statements regrouped (old) by stmts, rewriting
// only what changed, and keeps the direct and RESPONDS_TO edges in step. closed holds
// the other statements of the keys, left as they are, which the direct edges count too.
func (w *writer) writeStatements(stmts, closed []store.Statement, old map[string]oldStatement, aff store.Affiliations) error {
	touched := map[edgeKey]bool{}
	touch := func(kind store.StatementKind, speakers, targets []string) {
		for _, sp := range speakers {
			for _, tg := range targets {
				touched[edgeKey{sp, tg, kind}] = true
			}
		}
	}
	// A statement whose id survives keeps its node and its RESPONDS_TO edges (store.Answers
	// looks only at the id, kind, date and key, which the id determines); its other
	// edges are rewritten. New ids get new nodes; ids gone are deleted.
	keep := map[string]bool{}
	var changed, created []store.Statement
	var updated []string
	for _, st := range stmts {
		o, ok := old[st.ID]
		if ok {
			keep[st.ID] = true
			if o.sig == statementSig(st) && !o.legacy {
				continue
			}
			updated = append(updated, st.ID)
			touch(o.kind, o.speakers, o.targets)
		} else {
			created = append(created, st)
		}
		changed = append(changed, st)
		touch(st.Kind, st.SpeakerIDs, st.TargetIDs)
	}
	var drop []string
	for id, o := range old {
		if !keep[id] {
			drop = append(drop, id)
			touch(o.kind, o.speakers, o.targets)
		}
	}
	sort.Strings(drop)
	if len(drop) > 0 {
		if err := w.t.exec("UNWIND $ids AS id MATCH (s:Statement {id: id}) DETACH DELETE s", map[string]any{"ids": drop}); err != nil {
			return err
		}
	}
	sort.Strings(updated)
	if len(updated) > 0 {
		if err := w.t.exec(`UNWIND $ids AS id MATCH (s:Statement {id: id})
			OPTIONAL MATCH (s)-[r:REPORTED_IN|TARGETS|ABOUT]->() DELETE r
			WITH DISTINCT s OPTIONAL MATCH (s)<-[m:MADE]-() DELETE m`, map[string]any{"ids": updated}); err != nil {
			return err
		}
	}

	// Changed statements are written with their edges (which none of them has now).
	var nodes, made, targets, about, reported []map[string]any
	for _, st := range changed {
		key := store.KeyOf(st.Reports[0], aff)
		nodes = append(nodes, statementProps(st, key))
		for _, sp := range st.SpeakerIDs {
			made = append(made, map[string]any{"s": st.ID, "a": sp})
		}
		for _, tg := range st.TargetIDs {
			targets = append(targets, map[string]any{"s": st.ID, "a": tg})
		}
		if st.IncidentID != "" {
			about = append(about, map[string]any{"s": st.ID, "i": st.IncidentID})
		}
		reps := make([]map[string]any, 0, len(st.Reports))
		for _, r := range st.Reports {
			reps = append(reps, map[string]any{"a": r.ArticleID, "p": reportProps(r)})
		}
		reported = append(reported, map[string]any{"s": st.ID, "reps": reps})
	}
	for _, q := range []struct {
		cypher string
		rows   []map[string]any
	}{
		// The statements have none of these edges now, so they are created, not merged
		// (each appears once; every report gets its own REPORTED_IN).
		{"UNWIND $rows AS r MERGE (s:Statement {id: r.id}) SET s += r", nodes},
		{"UNWIND $rows AS r MATCH (s:Statement {id: r.s}) MATCH (a:Actor {id: r.a}) CREATE (a)-[:MADE]->(s)", made},
		{"UNWIND $rows AS r MATCH (s:Statement {id: r.s}) MATCH (a:Actor {id: r.a}) CREATE (s)-[:TARGETS]->(a)", targets},
		{"UNWIND $rows AS r MATCH (s:Statement {id: r.s}) MATCH (i:Incident {id: r.i}) CREATE (s)-[:ABOUT]->(i)", about},
		// One row per statement, with its reports: its node is sought once.
		{`UNWIND $rows AS r MATCH (s:Statement {id: r.s}) UNWIND r.reps AS rep MATCH (a:Article {id: rep.a})
			CREATE (s)-[e:REPORTED_IN]->(a) SET e = rep.p`, reported},
	} {
		if err := w.t.unwind(q.cypher, q.rows, nil); err != nil {
			return err
		}
	}

	// Direct edges: the touched ones are recomputed from the statements of their keys,
	// which stmts and closed hold in full.
	live := map[edgeKey]store.Edge{}
	for _, e := range store.DirectEdges(append(slices.Clone(stmts), closed...)) {
		live[edgeKey{e.SpeakerID, e.TargetID, e.Kind}] = e
	}
	set := map[store.StatementKind][]map[string]any{}
	del := map[store.StatementKind][]map[string]any{}
	for k := range touched {
		if e, ok := live[k]; ok {
			set[k.k] = append(set[k.k], edgeProps(e))
		} else {
			del[k.k] = append(del[k.k], map[string]any{"s": k.s, "t": k.t, "k": string(k.k)})
		}
	}
	for _, kind := range store.StatementKinds {
		if err := w.t.unwind(deleteEdgesQueries[kind], sortRows(del[kind]), nil); err != nil {
			return err
		}
	}
	for _, kind := range store.StatementKinds {
		if err := w.t.unwind(setEdgesQueries[kind], sortRows(set[kind]), nil); err != nil {
			return err
		}
	}
	return w.respondsTo(created, aff)
}

// sortRows orders edge rows by speaker and target so that concurrent writers lock in
// the same order.
func sortRows(rows []map[string]any) []map[string]any {
	sort.Slice(rows, func(i, j int) bool {
		a, b := rows[i], rows[j]
		if a["s"] != b["s"] {
			return a["s"].(string) < b["s"].(string)
		}
		return a["t"].(string) < b["t"].(string)
	})
	return rows
}

func isAccusation(k store.StatementKind) bool {
	switch k {
	case store.Accuses, store.Indicts, store.Criticizes, store.Sanctions:
		return true
	}
	return false
}

var accusationKinds = []string{string(store.Accuses), string(store.Indicts), string(store.Criticizes), string(store.Sanctions)}

// stub is the part of a statement that store.Answers looks at, rebuilt from a stored
// statement's id, kind, date and key.
func stub(id string, kind store.StatementKind, date time.Time, keySpeaker, keyTarget string) store.Statement {
	return store.Statement{ID: id, Kind: kind, Date: date,
		Reports: []store.Report{{Kind: kind, SpeakerID: keySpeaker, TargetID: keyTarget}}}
}

// respondsTo links the created statements (new nodes, without RESPONDS_TO edges) to
// the statements they answer or that answer them, as store.Answers decides.
func (w *writer) respondsTo(created []store.Statement, aff store.Affiliations) error {
	var denials, accusations []map[string]any
	for _, st := range created {
		key := store.KeyOf(st.Reports[0], aff)
		row := map[string]any{"id": st.ID, "kind": string(st.Kind), "sp": key.Speaker, "tg": key.Target, "date": dateParam(st.Date)}
		switch {
		case st.Kind == store.Denies:
			denials = append(denials, row)
		case isAccusation(st.Kind):
			accusations = append(accusations, row)
		}
	}
	type pair struct{ d, a string }
	pairs := map[pair]bool{}
	check := func(rec *neo4j.Record) error {
		d := stub(getStr(rec, "did"), store.Denies, toTime(recVal(rec, "ddate")), getStr(rec, "dsp"), getStr(rec, "dtg"))
		a := stub(getStr(rec, "aid"), store.StatementKind(getStr(rec, "akind")), toTime(recVal(rec, "adate")), getStr(rec, "asp"), getStr(rec, "atg"))
		// Keys are already top-level, so no affiliation lookup is needed.
		if store.Answers(d, a, nil) {
			pairs[pair{d.ID, a.ID}] = true
		}
		return nil
	}
	// Candidates come from index seeks on the statement key (keySpeaker, keyTarget,
	// kind) or on keyTarget alone (denials that name no target), within the answer
	// window; store.Answers decides.
	window := map[string]any{"answerDays": int64(store.AnswerWindow / (24 * time.Hour))}
	var targeted, untargeted []map[string]any
	for _, d := range denials {
		if d["tg"] == "" {
			untargeted = append(untargeted, d)
		} else {
			targeted = append(targeted, d)
		}
	}
	for _, q := range []struct {
		cypher string
		rows   []map[string]any
	}{
		{`UNWIND $rows AS d UNWIND ` + cypherList(accusationKinds) + ` AS kind
			MATCH (a:Statement {keySpeaker: d.tg, keyTarget: d.sp, kind: kind})
			USING INDEX a:Statement(keySpeaker, keyTarget, kind, date)
			WHERE a.date <= d.date AND a.date >= d.date - duration({days: $answerDays})
			RETURN d.id AS did, d.date AS ddate, d.sp AS dsp, d.tg AS dtg,
				a.id AS aid, a.kind AS akind, a.date AS adate, a.keySpeaker AS asp, a.keyTarget AS atg`, targeted},
		{`UNWIND $rows AS d
			UNWIND ` + cypherList(accusationKinds) + ` AS kind
			MATCH (a:Statement {keyTarget: d.sp, kind: kind})
			USING INDEX a:Statement(keyTarget, kind, date)
			WHERE a.date <= d.date AND a.date >= d.date - duration({days: $answerDays})
			RETURN d.id AS did, d.date AS ddate, d.sp AS dsp, d.tg AS dtg,
				a.id AS aid, a.kind AS akind, a.date AS adate, a.keySpeaker AS asp, a.keyTarget AS atg`, untargeted},
		{`UNWIND $rows AS a WITH a WHERE a.tg <> '' UNWIND [a.sp, ''] AS dtg
			MATCH (d:Statement {keySpeaker: a.tg, keyTarget: dtg, kind: 'DENIES'})
			USING INDEX d:Statement(keySpeaker, keyTarget, kind, date)
			WHERE d.date >= a.date AND d.date <= a.date + duration({days: $answerDays})
			RETURN d.id AS did, d.date AS ddate, d.keySpeaker AS dsp, d.keyTarget AS dtg,
				a.id AS aid, a.kind AS akind, a.date AS adate, a.sp AS asp, a.tg AS atg`, accusations},
	} {
		if len(q.rows) > 0 {
			if err := w.t.unwindEach(q.cypher, q.rows, window, check); err != nil {
				return err
			}
		}
	}
	rows := make([]map[string]any, 0, len(pairs))
	for p := range pairs {
		rows = append(rows, map[string]any{"s": p.d, "t": p.a})
	}
	// One end of every pair is a new statement node and pairs are distinct: CREATE.
	return w.t.unwind(`UNWIND $rows AS r MATCH (d:Statement {id: r.s}) MATCH (a:Statement {id: r.t})
		CREATE (d)-[:RESPONDS_TO]->(a)`, sortRows(rows), nil)
}

func recVal(rec *neo4j.Record, key string) any {
	v, _ := rec.Get(key)
	return v
}

// cypherList renders a fixed list of enum strings as a Cypher list literal.
func cypherList(xs []string) string {
	return "['" + strings.Join(xs, "', '") + "']"
}
