package sqlitestore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/demarche/demarche/store"
)

const defaultLimit = 50

func pageOf(p store.Page) (limit, offset int) {
	limit, offset = p.Limit, p.Offset
	if limit <= 0 {
		limit = defaultLimit
	}
	return limit, max(offset, 0)
}

// where accumulates SQL conditions and their arguments.
type where struct {
	conds []string
	args  []any
}

func (w *where) add(cond string, args ...any) {
	w.conds = append(w.conds, cond)
	w.args = append(w.args, args...)
}

func (w *where) String() string {
	if len(w.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(w.conds, " AND ")
}

const inList = "(SELECT value FROM json_each(?))"

func lowerContains(col string) string { return "instr(lower(" + col + "), lower(?)) > 0" }

// ---- articles

const articleCols = "id, url, title, publisher, language, published, hash, body"

func scanArticle(sc scanner) (store.Article, error) {
	var a store.Article
	var pub sql.NullInt64
	if err := sc.Scan(&a.ID, &a.URL, &a.Title, &a.Publisher, &a.Language, &pub, &a.Hash, &a.Body); err != nil {
		return a, err
	}
	a.Published = timeOf(pub)
	return a, nil
}

// GetArticle returns an article by id.
func (s *Store) GetArticle(ctx context.Context, id string) (store.Article, error) {
	a, err := scanArticle(s.queryRow(ctx, "SELECT "+articleCols+" FROM articles WHERE id = ?", id))
	return a, notFound(err, "article", id)
}

// GetArticleByURL returns the article with this URL.
func (s *Store) GetArticleByURL(ctx context.Context, url string) (store.Article, error) {
	if url == "" {
		return store.Article{}, fmt.Errorf("%w: empty url", store.ErrInvalid)
	}
	a, err := scanArticle(s.queryRow(ctx, "SELECT "+articleCols+" FROM articles WHERE url = ? ORDER BY id LIMIT 1", url))
	return a, notFound(err, "article with url", url)
}

func notFound(err error, what, id string) error {
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("%s %q: %w", what, id, store.ErrNotFound)
	}
	if err != nil {
		return fmt.Errorf("reading %s %q: %w", what, id, err)
	}
	return nil
}

// ListArticles returns a page of articles, newest first, and the total.
func (s *Store) ListArticles(ctx context.Context, f store.ArticleFilter, p store.Page) ([]store.Article, int, error) {
	var w where
	if len(f.IDs) > 0 {
		w.add("id IN "+inList, jsonList(f.IDs))
	}
	if f.Publisher != "" {
		w.add("lower(publisher) = lower(?)", f.Publisher)
	}
	if !f.From.IsZero() {
		w.add("published >= ?", day(f.From).Unix())
	}
	if !f.To.IsZero() {
		w.add("published < ?", day(f.To).AddDate(0, 0, 1).Unix())
	}
	if f.TitleContains != "" {
		w.add(lowerContains("title"), f.TitleContains)
	}
	var total int
	if err := s.queryRow(ctx, "SELECT count(*) FROM articles"+w.String(), w.args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("counting articles: %w", err)
	}
	limit, offset := pageOf(p)
	rows, err := s.query(ctx, "SELECT "+articleCols+" FROM articles"+w.String()+
		" ORDER BY coalesce(published, -1e18) DESC, id LIMIT ? OFFSET ?", append(w.args, limit, offset)...)
	if err != nil {
		return nil, 0, fmt.Errorf("listing articles: %w", err)
	}
	defer rows.Close()
	var out []store.Article
	for rows.Next() {
		a, err := scanArticle(rows)
		if err != nil {
			return nil, 0, fmt.Errorf("listing articles: %w", err)
		}
		out = append(out, a)
	}
	return out, total, rows.Err()
}

// WalkArticles streams every article in id order.
func (s *Store) WalkArticles(ctx context.Context, fn func(store.Article) error) error {
	rows, err := s.query(ctx, "SELECT "+articleCols+" FROM articles ORDER BY id")
	if err != nil {
		return fmt.Errorf("walking articles: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		a, err := scanArticle(rows)
		if err != nil {
			return fmt.Errorf("walking articles: %w", err)
		}
		if err := fn(a); err != nil {
			return err
		}
	}
	return rows.Err()
}

// WalkMentions streams the (article, actor) pairs of the MENTIONS edges, ordered by
// article then actor (export.MentionWalker).
func (s *Store) WalkMentions(ctx context.Context, fn func(articleID, actorID string) error) error {
	rows, err := s.query(ctx, "SELECT id, actors FROM articles WHERE actors <> '[]' ORDER BY id")
	if err != nil {
		return fmt.Errorf("walking mentions: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var art, list string
		if err := rows.Scan(&art, &list); err != nil {
			return fmt.Errorf("walking mentions: %w", err)
		}
		actors := decodeList(list)
		slices.Sort(actors)
		for _, actor := range actors {
			if err := fn(art, actor); err != nil {
				return err
			}
		}
	}
	return rows.Err()
}

// ---- actors

// GetActor returns an actor by id.
func (s *Store) GetActor(ctx context.Context, id string) (store.Actor, error) {
	a, err := scanActor(s.queryRow(ctx, "SELECT "+actorCols+" FROM actors WHERE id = ?", id))
	return a, notFound(err, "actor", id)
}

// GetActors returns the actors with these ids, in the order asked.
func (s *Store) GetActors(ctx context.Context, ids []string) ([]store.Actor, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	found := map[string]store.Actor{}
	if err := s.queryActors(ctx, "SELECT "+actorCols+" FROM actors WHERE id IN "+inList, []any{jsonList(ids)}, func(a store.Actor) error {
		found[a.ID] = a
		return nil
	}); err != nil {
		return nil, err
	}
	out := make([]store.Actor, 0, len(ids))
	for _, id := range ids {
		if a, ok := found[id]; ok {
			out = append(out, a)
		}
	}
	return out, nil
}

func (s *Store) queryActors(ctx context.Context, q string, args []any, fn func(store.Actor) error) error {
	rows, err := s.query(ctx, q, args...)
	if err != nil {
		return fmt.Errorf("reading actors: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		a, err := scanActor(rows)
		if err != nil {
			return err
		}
		if err := fn(a); err != nil {
			return err
		}
	}
	return rows.Err()
}

var kindRank = map[store.ActorKind]int{store.Person: 0, store.Agency: 1, store.Group: 2, store.Organization: 3, store.State: 4}

// ResolveActor finds actors by id, or by a name or alias (case-insensitive), most
// specific first.
func (s *Store) ResolveActor(ctx context.Context, ref string) ([]store.Actor, error) {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return nil, fmt.Errorf("%w: empty actor reference", store.ErrInvalid)
	}
	if a, err := s.GetActor(ctx, ref); err == nil {
		return []store.Actor{a}, nil
	} else if !errors.Is(err, store.ErrNotFound) {
		return nil, err
	}
	var out []store.Actor
	err := s.queryActors(ctx, "SELECT "+actorCols+" FROM actors WHERE id IN (SELECT oid FROM names WHERE otype = 'Actor' AND norm = ?)",
		[]any{store.NormalizeName(ref)}, func(a store.Actor) error {
			out = append(out, a)
			return nil
		})
	if err != nil {
		return nil, err
	}
	depth := map[string]int{}
	for _, a := range out {
		depth[a.ID] = s.depth(ctx, a)
	}
	slices.SortFunc(out, func(a, b store.Actor) int {
		if depth[a.ID] != depth[b.ID] {
			return depth[b.ID] - depth[a.ID]
		}
		if kindRank[a.Kind] != kindRank[b.Kind] {
			return kindRank[a.Kind] - kindRank[b.Kind]
		}
		return strings.Compare(a.ID, b.ID)
	})
	return out, nil
}

// depth is the length of an actor's affiliation chain (0 at the top).
func (s *Store) depth(ctx context.Context, a store.Actor) int {
	var n int
	err := s.queryRow(ctx, `WITH RECURSIVE up(id, n) AS (SELECT ?, 0 UNION
		SELECT a.affiliation, up.n + 1 FROM actors a JOIN up ON a.id = up.id WHERE a.affiliation <> '' AND up.n < 32)
		SELECT max(n) FROM up`, a.ID).Scan(&n)
	if err != nil {
		return 0
	}
	return n
}

// ListActors returns a page of actors and the total that match.
func (s *Store) ListActors(ctx context.Context, f store.ActorFilter, p store.Page) ([]store.Actor, int, error) {
	var w where
	if len(f.IDs) > 0 {
		w.add("a.id IN "+inList, jsonList(f.IDs))
	}
	if len(f.Kinds) > 0 {
		w.add("a.kind IN "+inList, jsonList(f.Kinds))
	}
	if f.NameContains != "" {
		w.add("("+lowerContains("a.name")+" OR EXISTS (SELECT 1 FROM json_each(a.aliases) WHERE "+lowerContains("value")+"))",
			f.NameContains, f.NameContains)
	}
	if f.Country != "" {
		w.add("a.country = ?", f.Country)
	}
	if f.AffiliationID != "" {
		w.add("a.affiliation = ?", f.AffiliationID)
	}
	var total int
	if err := s.queryRow(ctx, "SELECT count(*) FROM actors a"+w.String(), w.args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("counting actors: %w", err)
	}
	limit, offset := pageOf(p)
	q := "SELECT a.id, a.kind, a.name, a.aliases, a.country, a.affiliation, a.role FROM actors a"
	var args []any
	order := " ORDER BY a.name, a.id"
	if f.OrderBy == store.ByStatementsMade || f.OrderBy == store.ByStatementsReceived || f.OrderBy == store.ByStatementsTotal {
		var roles string
		switch f.OrderBy {
		case store.ByStatementsMade:
			roles = "('S')"
		case store.ByStatementsReceived:
			roles = "('T')"
		default:
			roles = "('S', 'T')"
		}
		cf := f.Count
		cf.Speakers, cf.Targets, cf.Either = nil, nil, nil
		sw := statementWhere(s.currentView(), cf)
		member := "sa.actor_id"
		cte := ""
		if f.Count.Rollup {
			// Every actor counts the statements of its members, directly or through others.
			cte = `WITH RECURSIVE anc(actor, top) AS (SELECT id, id FROM actors UNION
				SELECT anc.actor, x.affiliation FROM anc JOIN actors x ON x.id = anc.top WHERE x.affiliation <> '') `
			member = "anc.top"
		}
		from := " FROM statement_actors sa JOIN statements s ON s.id = sa.statement_id"
		if f.Count.Rollup {
			from += " JOIN anc ON anc.actor = sa.actor_id"
		}
		sw.add("sa.role IN " + roles)
		counts := "(SELECT " + member + " AS actor, count(DISTINCT sa.role || s.id) AS n" + from + sw.String() + " GROUP BY " + member + ")"
		q = cte + q + " LEFT JOIN " + counts + " c ON c.actor = a.id"
		args = append(args, sw.args...)
		order = " ORDER BY coalesce(c.n, 0) DESC, a.name, a.id"
	}
	args = append(args, w.args...)
	args = append(args, limit, offset)
	var out []store.Actor
	err := s.queryActors(ctx, q+w.String()+order+" LIMIT ? OFFSET ?", args, func(a store.Actor) error {
		out = append(out, a)
		return nil
	})
	return out, total, err
}

// WalkActors streams every actor in id order.
func (s *Store) WalkActors(ctx context.Context, fn func(store.Actor) error) error {
	return s.queryActors(ctx, "SELECT "+actorCols+" FROM actors ORDER BY id", nil, fn)
}

// ---- incidents

const incidentCols = "id, name, aliases, year, attributed, targeted"

func scanIncident(sc scanner) (store.Incident, error) {
	var in store.Incident
	var aliases, att, tgt string
	if err := sc.Scan(&in.ID, &in.Name, &aliases, &in.Year, &att, &tgt); err != nil {
		return in, err
	}
	in.Aliases, in.AttributedTo, in.Targeted = decodeList(aliases), decodeList(att), decodeList(tgt)
	return in, nil
}

// GetIncident returns an incident by id.
func (s *Store) GetIncident(ctx context.Context, id string) (store.Incident, error) {
	in, err := scanIncident(s.queryRow(ctx, "SELECT "+incidentCols+" FROM incidents WHERE id = ?", id))
	return in, notFound(err, "incident", id)
}

// GetIncidents returns the incidents with these ids, in the order asked.
func (s *Store) GetIncidents(ctx context.Context, ids []string) ([]store.Incident, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	found := map[string]store.Incident{}
	if err := s.queryIncidents(ctx, "SELECT "+incidentCols+" FROM incidents WHERE id IN "+inList, []any{jsonList(ids)}, func(in store.Incident) error {
		found[in.ID] = in
		return nil
	}); err != nil {
		return nil, err
	}
	out := make([]store.Incident, 0, len(ids))
	for _, id := range ids {
		if in, ok := found[id]; ok {
			out = append(out, in)
		}
	}
	return out, nil
}

func (s *Store) queryIncidents(ctx context.Context, q string, args []any, fn func(store.Incident) error) error {
	rows, err := s.query(ctx, q, args...)
	if err != nil {
		return fmt.Errorf("reading incidents: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		in, err := scanIncident(rows)
		if err != nil {
			return fmt.Errorf("reading incidents: %w", err)
		}
		if err := fn(in); err != nil {
			return err
		}
	}
	return rows.Err()
}

// ListIncidents returns a page of incidents (by id) and the total.
func (s *Store) ListIncidents(ctx context.Context, f store.IncidentFilter, p store.Page) ([]store.Incident, int, error) {
	var w where
	if len(f.IDs) > 0 {
		w.add("id IN "+inList, jsonList(f.IDs))
	}
	if f.NameContains != "" {
		w.add("("+lowerContains("name")+" OR EXISTS (SELECT 1 FROM json_each(aliases) WHERE "+lowerContains("value")+"))",
			f.NameContains, f.NameContains)
	}
	if f.Year != 0 {
		w.add("year = ?", f.Year)
	}
	var total int
	if err := s.queryRow(ctx, "SELECT count(*) FROM incidents"+w.String(), w.args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("counting incidents: %w", err)
	}
	limit, offset := pageOf(p)
	var out []store.Incident
	err := s.queryIncidents(ctx, "SELECT "+incidentCols+" FROM incidents"+w.String()+" ORDER BY id LIMIT ? OFFSET ?",
		append(w.args, limit, offset), func(in store.Incident) error {
			out = append(out, in)
			return nil
		})
	return out, total, err
}

// WalkIncidents streams every incident in id order.
func (s *Store) WalkIncidents(ctx context.Context, fn func(store.Incident) error) error {
	return s.queryIncidents(ctx, "SELECT "+incidentCols+" FROM incidents ORDER BY id", nil, fn)
}

// ---- stats

// Stats counts nodes by label and edges by type (Neo4j names); zero counts are left out.
func (s *Store) Stats(ctx context.Context) (store.Stats, error) {
	st := store.Stats{Nodes: map[string]int{}, Edges: map[string]int{}}
	type count struct {
		m    map[string]int
		name string
		q    string
	}
	counts := []count{
		{st.Nodes, "Article", "SELECT count(*) FROM articles"},
		{st.Nodes, "Actor", "SELECT count(*) FROM actors"},
		{st.Nodes, "Incident", "SELECT count(*) FROM incidents"},
		{st.Nodes, "Statement", "SELECT count(*) FROM statements"},
		{st.Edges, "MENTIONS", "SELECT coalesce(sum(articles), 0) FROM mention_counts WHERE otype = 'Actor'"},
		{st.Edges, "MADE", "SELECT count(*) FROM statement_actors WHERE role = 'S'"},
		{st.Edges, "TARGETS", "SELECT count(*) FROM statement_actors WHERE role = 'T'"},
		{st.Edges, "ABOUT", "SELECT count(*) FROM statements s JOIN incidents i ON i.id = s.incident"},
		{st.Edges, "REPORTED_IN", "SELECT count(*) FROM reports WHERE statement_id IS NOT NULL"},
		{st.Edges, "RESPONDS_TO", "SELECT count(*) FROM (" + respondsSQL + ")"},
		{st.Edges, "MEMBER_OF", "SELECT count(*) FROM actors a JOIN actors p ON p.id = a.affiliation WHERE a.kind = 'PERSON'"},
		{st.Edges, "PART_OF", "SELECT count(*) FROM actors a JOIN actors p ON p.id = a.affiliation WHERE a.kind <> 'PERSON'"},
		{st.Edges, "ATTRIBUTED_TO", "SELECT count(*) FROM incidents i, json_each(i.attributed) j JOIN actors a ON a.id = j.value"},
		{st.Edges, "TARGETED", "SELECT count(*) FROM incidents i, json_each(i.targeted) j JOIN actors a ON a.id = j.value"},
	}
	for _, c := range counts {
		var n int
		if err := s.queryRow(ctx, c.q).Scan(&n); err != nil {
			return st, fmt.Errorf("counting %s: %w", c.name, err)
		}
		if n > 0 {
			c.m[c.name] = n
		}
	}
	for _, g := range []struct {
		m     map[string]int
		q     string
		label func(string) string
	}{
		{st.Nodes, "SELECT kind, count(*) FROM actors GROUP BY kind", func(k string) string { return store.ActorKind(k).Label() }},
		{st.Edges, "SELECT kind, count(*) FROM edges GROUP BY kind", func(k string) string { return k }},
	} {
		rows, err := s.query(ctx, g.q)
		if err != nil {
			return st, fmt.Errorf("counting: %w", err)
		}
		for rows.Next() {
			var k string
			var n int
			if err := rows.Scan(&k, &n); err != nil {
				rows.Close()
				return st, fmt.Errorf("counting: %w", err)
			}
			g.m[g.label(k)] = n
		}
		rows.Close()
	}
	return st, nil
}
