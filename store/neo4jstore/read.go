package neo4jstore

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/demarche/demarche/store"
)

const defaultLimit = 50

func pageOf(p store.Page) (skip, limit int64) {
	limit = int64(p.Limit)
	if limit <= 0 {
		limit = defaultLimit
	}
	skip = int64(max(p.Offset, 0))
	return skip, limit
}

// GetArticle returns an article by id.
func (s *Store) GetArticle(ctx context.Context, id string) (store.Article, error) {
	return s.oneArticle(ctx, "MATCH (a:Article {id: $v}) RETURN a{.*} AS a", id)
}

// GetArticleByURL returns the article with this URL (the smallest id if several).
func (s *Store) GetArticleByURL(ctx context.Context, url string) (store.Article, error) {
	return s.oneArticle(ctx, "MATCH (a:Article {url: $v}) RETURN a{.*} AS a ORDER BY a.id LIMIT 1", url)
}

func (s *Store) oneArticle(ctx context.Context, q, v string) (store.Article, error) {
	var out store.Article
	found := false
	if v != "" {
		err := s.read(ctx, func(t *txn) error {
			return t.each(q, map[string]any{"v": v}, func(rec *neo4j.Record) error {
				out, found = articleOf(get(rec, "a")), true
				return nil
			})
		})
		if err != nil {
			return store.Article{}, fmt.Errorf("neo4jstore: get article: %w", err)
		}
	}
	if !found {
		return store.Article{}, fmt.Errorf("article %q: %w", v, store.ErrNotFound)
	}
	return out, nil
}

// ListArticles returns a page of articles, newest first (unknown dates last), then by id.
func (s *Store) ListArticles(ctx context.Context, f store.ArticleFilter, p store.Page) ([]store.Article, int, error) {
	var conds []string
	params := map[string]any{}
	if len(f.IDs) > 0 {
		conds = append(conds, "a.id IN $ids")
		params["ids"] = f.IDs
	}
	if f.Publisher != "" {
		conds = append(conds, "toLower(a.publisher) = $publisher")
		params["publisher"] = strings.ToLower(f.Publisher)
	}
	if !f.From.IsZero() {
		conds = append(conds, "a.published >= $from")
		params["from"] = day(f.From)
	}
	if !f.To.IsZero() {
		conds = append(conds, "a.published < $to")
		params["to"] = day(f.To).AddDate(0, 0, 1)
	}
	if f.TitleContains != "" {
		conds = append(conds, "toLower(a.title) CONTAINS $title")
		params["title"] = strings.ToLower(f.TitleContains)
	}
	where := whereOf(conds)
	params["skip"], params["limit"] = pageOf(p)
	var out []store.Article
	total := 0
	err := s.read(ctx, func(t *txn) error {
		out = nil
		if err := t.each("MATCH (a:Article)"+where+" RETURN count(a) AS n", params, func(rec *neo4j.Record) error {
			total = getInt(rec, "n")
			return nil
		}); err != nil {
			return err
		}
		return t.each(`MATCH (a:Article)`+where+`
			RETURN a{.*} AS a ORDER BY a.published IS NULL, a.published DESC, a.id SKIP $skip LIMIT $limit`,
			params, func(rec *neo4j.Record) error {
				out = append(out, articleOf(get(rec, "a")))
				return nil
			})
	})
	if err != nil {
		return nil, 0, fmt.Errorf("neo4jstore: list articles: %w", err)
	}
	return out, total, nil
}

func whereOf(conds []string) string {
	if len(conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(conds, " AND ")
}

// GetActor returns an actor by id.
func (s *Store) GetActor(ctx context.Context, id string) (store.Actor, error) {
	as, err := s.GetActors(ctx, []string{id})
	if err != nil {
		return store.Actor{}, err
	}
	if len(as) == 0 {
		return store.Actor{}, fmt.Errorf("actor %q: %w", id, store.ErrNotFound)
	}
	return as[0], nil
}

// GetActors returns the actors with these ids in the order asked, skipping missing ones.
func (s *Store) GetActors(ctx context.Context, ids []string) ([]store.Actor, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	var out []store.Actor
	err := s.query(ctx, `UNWIND range(0, size($ids) - 1) AS i
		MATCH (a:Actor {id: $ids[i]}) RETURN a{.*} AS a ORDER BY i`,
		map[string]any{"ids": ids}, func(rec *neo4j.Record) error {
			out = append(out, actorOf(get(rec, "a")))
			return nil
		})
	if err != nil {
		return nil, fmt.Errorf("neo4jstore: get actors: %w", err)
	}
	return out, nil
}

// ResolveActor finds actors by id (an exact id match alone if any, following merges),
// else by name or alias compared in store.NormalizeName form, ignoring case. The
// most specific come first: the deepest in the affiliation tree, then by id.
func (s *Store) ResolveActor(ctx context.Context, ref string) ([]store.Actor, error) {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return nil, nil
	}
	var out []store.Actor
	err := s.read(ctx, func(t *txn) error {
		out = nil
		err := t.each(`OPTIONAL MATCH (r:Redirect {from: $ref})
			WITH coalesce(r.to, $ref) AS id
			MATCH (a:Actor {id: id}) RETURN a{.*} AS a`, map[string]any{"ref": ref}, func(rec *neo4j.Record) error {
			out = append(out, actorOf(get(rec, "a")))
			return nil
		})
		if err != nil || len(out) > 0 {
			return err
		}
		return t.each(`MATCH (a:Actor) WHERE $norm IN a.names OR toLower(a.id) = $lower
			OPTIONAL MATCH p = (a)-[:MEMBER_OF|PART_OF*1..8]->(:Actor)
			WITH a, max(length(p)) AS depth
			RETURN a{.*} AS a ORDER BY coalesce(depth, 0) DESC, a.id`,
			map[string]any{"norm": store.NormalizeName(ref), "lower": strings.ToLower(ref)}, func(rec *neo4j.Record) error {
				out = append(out, actorOf(get(rec, "a")))
				return nil
			})
	})
	if err != nil {
		return nil, fmt.Errorf("neo4jstore: resolve actor: %w", err)
	}
	return out, nil
}

// ListActors returns a page of actors and the total that match.
func (s *Store) ListActors(ctx context.Context, f store.ActorFilter, p store.Page) ([]store.Actor, int, error) {
	var conds []string
	params := map[string]any{}
	if len(f.IDs) > 0 {
		conds = append(conds, "a.id IN $ids")
		params["ids"] = f.IDs
	}
	if len(f.Kinds) > 0 {
		conds = append(conds, "a.kind IN $kinds")
		params["kinds"] = kindStrings(f.Kinds)
	}
	if f.NameContains != "" {
		conds = append(conds, "any(n IN [a.name] + a.aliases WHERE toLower(n) CONTAINS $name)")
		params["name"] = strings.ToLower(f.NameContains)
	}
	if f.Country != "" {
		conds = append(conds, "a.country = $country")
		params["country"] = f.Country
	}
	if f.AffiliationID != "" {
		conds = append(conds, "a.affiliationId = $aff")
		params["aff"] = f.AffiliationID
	}
	where := whereOf(conds)
	skip, limit := pageOf(p)
	params["skip"], params["limit"] = skip, limit

	switch f.OrderBy {
	case store.ByStatementsMade, store.ByStatementsReceived, store.ByStatementsTotal:
		return s.listActorsByCount(ctx, f, where, params, int(skip), int(limit))
	}
	var out []store.Actor
	total := 0
	err := s.read(ctx, func(t *txn) error {
		out = nil
		if err := t.each("MATCH (a:Actor)"+where+" RETURN count(a) AS n", params, func(rec *neo4j.Record) error {
			total = getInt(rec, "n")
			return nil
		}); err != nil {
			return err
		}
		return t.each("MATCH (a:Actor)"+where+" RETURN a{.*} AS a ORDER BY a.name, a.id SKIP $skip LIMIT $limit",
			params, func(rec *neo4j.Record) error {
				out = append(out, actorOf(get(rec, "a")))
				return nil
			})
	})
	if err != nil {
		return nil, 0, fmt.Errorf("neo4jstore: list actors: %w", err)
	}
	return out, total, nil
}

// listActorsByCount orders actors by their statement counts (most first), then name
// and id. Counts are computed in Go over the statements f.Count selects.
func (s *Store) listActorsByCount(ctx context.Context, f store.ActorFilter, where string, params map[string]any,
	skip, limit int) ([]store.Actor, int, error) {
	type row struct {
		id, name string
	}
	var rows []row
	made, received, total := map[string]int{}, map[string]int{}, map[string]int{}
	cf := f.Count
	cf.IDs, cf.Speakers, cf.Targets, cf.Either = nil, nil, nil, nil
	err := s.read(ctx, func(t *txn) error {
		rows = nil
		clear(made)
		clear(received)
		clear(total)
		if err := t.each("MATCH (a:Actor)"+where+" RETURN a.id AS id, a.name AS name", params, func(rec *neo4j.Record) error {
			rows = append(rows, row{getStr(rec, "id"), getStr(rec, "name")})
			return nil
		}); err != nil {
			return err
		}
		var anc func(string) []string
		if cf.Rollup {
			aff, err := loadAllAffiliations(t)
			if err != nil {
				return err
			}
			anc = aff.Ancestors
		}
		q, qp, err := s.statementQuery(cf)
		if err != nil {
			return err
		}
		return t.each(q+" RETURN s.speakerIds AS sp, s.targetIds AS tg", qp, func(rec *neo4j.Record) error {
			sp, tg := expand(getStrs(rec, "sp"), anc), expand(getStrs(rec, "tg"), anc)
			for id := range sp {
				made[id]++
			}
			for id := range tg {
				received[id]++
			}
			for id := range union2(sp, tg) {
				total[id]++
			}
			return nil
		})
	})
	if err != nil {
		return nil, 0, fmt.Errorf("neo4jstore: list actors: %w", err)
	}
	count := total
	switch f.OrderBy {
	case store.ByStatementsMade:
		count = made
	case store.ByStatementsReceived:
		count = received
	}
	sort.Slice(rows, func(i, j int) bool {
		a, b := rows[i], rows[j]
		if count[a.id] != count[b.id] {
			return count[a.id] > count[b.id]
		}
		if a.name != b.name {
			return a.name < b.name
		}
		return a.id < b.id
	})
	n := len(rows)
	if skip > len(rows) {
		skip = len(rows)
	}
	rows = rows[skip:min(len(rows), skip+limit)]
	ids := make([]string, len(rows))
	for i, r := range rows {
		ids[i] = r.id
	}
	out, err := s.GetActors(ctx, ids)
	return out, n, err
}

// expand returns ids and, when anc is set, their ancestors.
func expand(ids []string, anc func(string) []string) map[string]bool {
	out := map[string]bool{}
	for _, id := range ids {
		out[id] = true
		if anc != nil {
			for _, a := range anc(id) {
				out[a] = true
			}
		}
	}
	return out
}

func union2(a, b map[string]bool) map[string]bool {
	out := make(map[string]bool, len(a)+len(b))
	for k := range a {
		out[k] = true
	}
	for k := range b {
		out[k] = true
	}
	return out
}

// loadAllAffiliations reads every actor's parent.
func loadAllAffiliations(t *txn) (store.Affiliations, error) {
	m := map[string]string{}
	err := t.each("MATCH (a:Actor) WHERE a.affiliationId <> '' RETURN a.id AS id, a.affiliationId AS p", nil,
		func(rec *neo4j.Record) error {
			m[getStr(rec, "id")] = getStr(rec, "p")
			return nil
		})
	return func(id string) string { return m[id] }, err
}

func kindStrings[K ~string](ks []K) []string {
	out := make([]string, len(ks))
	for i, k := range ks {
		out[i] = string(k)
	}
	return out
}

// GetIncident returns an incident by id.
func (s *Store) GetIncident(ctx context.Context, id string) (store.Incident, error) {
	ins, err := s.GetIncidents(ctx, []string{id})
	if err != nil {
		return store.Incident{}, err
	}
	if len(ins) == 0 {
		return store.Incident{}, fmt.Errorf("incident %q: %w", id, store.ErrNotFound)
	}
	return ins[0], nil
}

// GetIncidents returns the incidents with these ids in the order asked, skipping missing ones.
func (s *Store) GetIncidents(ctx context.Context, ids []string) ([]store.Incident, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	var out []store.Incident
	err := s.query(ctx, `UNWIND range(0, size($ids) - 1) AS i
		MATCH (n:Incident {id: $ids[i]}) RETURN n{.*} AS n ORDER BY i`,
		map[string]any{"ids": ids}, func(rec *neo4j.Record) error {
			out = append(out, incidentOf(get(rec, "n")))
			return nil
		})
	if err != nil {
		return nil, fmt.Errorf("neo4jstore: get incidents: %w", err)
	}
	return out, nil
}

// ListIncidents returns a page of incidents ordered by name, then id.
func (s *Store) ListIncidents(ctx context.Context, f store.IncidentFilter, p store.Page) ([]store.Incident, int, error) {
	var conds []string
	params := map[string]any{}
	if len(f.IDs) > 0 {
		conds = append(conds, "n.id IN $ids")
		params["ids"] = f.IDs
	}
	if f.NameContains != "" {
		conds = append(conds, "any(x IN [n.name] + n.aliases WHERE toLower(x) CONTAINS $name)")
		params["name"] = strings.ToLower(f.NameContains)
	}
	if f.Year != 0 {
		conds = append(conds, "n.year = $year")
		params["year"] = int64(f.Year)
	}
	where := whereOf(conds)
	params["skip"], params["limit"] = pageOf(p)
	var out []store.Incident
	total := 0
	err := s.read(ctx, func(t *txn) error {
		out = nil
		if err := t.each("MATCH (n:Incident)"+where+" RETURN count(n) AS c", params, func(rec *neo4j.Record) error {
			total = getInt(rec, "c")
			return nil
		}); err != nil {
			return err
		}
		return t.each("MATCH (n:Incident)"+where+" RETURN n{.*} AS n ORDER BY n.name, n.id SKIP $skip LIMIT $limit",
			params, func(rec *neo4j.Record) error {
				out = append(out, incidentOf(get(rec, "n")))
				return nil
			})
	})
	if err != nil {
		return nil, 0, fmt.Errorf("neo4jstore: list incidents: %w", err)
	}
	return out, total, nil
}
