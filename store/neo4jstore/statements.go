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

// statementQuery builds the MATCH part of a query selecting the statements f
// selects, bound to s (one row per statement). Callers append RETURN or WITH
// clauses. Rollup expands the actor fields to every actor affiliated below them,
// read in the same transaction.
func (s *Store) statementQuery(t *txn, f store.StatementFilter) (string, map[string]any, error) {
	params := map[string]any{}
	speakers, targets, either := f.Speakers, f.Targets, f.Either
	if f.Rollup {
		var err error
		if speakers, err = descendantsOf(t, speakers); err != nil {
			return "", nil, err
		}
		if targets, err = descendantsOf(t, targets); err != nil {
			return "", nil, err
		}
		if either, err = descendantsOf(t, either); err != nil {
			return "", nil, err
		}
	}
	// The first selective field anchors the match on an index or an actor's edges;
	// the others filter.
	var conds []string
	const scan = "MATCH (s:Statement)"
	anchor := scan
	if len(f.IDs) > 0 {
		params["ids"] = f.IDs
		anchor = "MATCH (s:Statement) WHERE s.id IN $ids"
	}
	if len(speakers) > 0 {
		params["speakers"] = speakers
		if anchor == scan {
			anchor = "MATCH (x:Actor)-[:MADE]->(s:Statement) WHERE x.id IN $speakers"
		} else {
			conds = append(conds, "any(x IN s.speakerIds WHERE x IN $speakers)")
		}
	}
	if len(targets) > 0 {
		params["targets"] = targets
		if anchor == scan {
			anchor = "MATCH (s:Statement)-[:TARGETS]->(x:Actor) WHERE x.id IN $targets"
		} else {
			conds = append(conds, "any(x IN s.targetIds WHERE x IN $targets)")
		}
	}
	if len(either) > 0 {
		params["either"] = either
		if anchor == scan {
			anchor = "MATCH (x:Actor)-[:MADE|TARGETS]-(s:Statement) WHERE x.id IN $either"
		} else {
			conds = append(conds, "any(x IN s.speakerIds + s.targetIds WHERE x IN $either)")
		}
	}
	if f.ArticleID != "" {
		params["article"] = f.ArticleID
		if anchor == scan {
			anchor = "MATCH (s:Statement)-[:REPORTED_IN]->(:Article {id: $article})"
		} else {
			conds = append(conds, "EXISTS { MATCH (s)-[:REPORTED_IN]->(:Article {id: $article}) }")
		}
	}
	if f.Incident != "" {
		params["incident"] = f.Incident
		if anchor == scan {
			anchor = "MATCH (s:Statement {incidentId: $incident})"
		} else {
			conds = append(conds, "s.incidentId = $incident")
		}
	}
	if len(f.Kinds) > 0 {
		params["kinds"] = kindStrings(f.Kinds)
		conds = append(conds, "s.kind IN $kinds")
	}
	if !f.From.IsZero() {
		params["from"] = dateParam(f.From)
		conds = append(conds, "s.date >= $from")
	}
	if !f.To.IsZero() {
		params["to"] = dateParam(f.To)
		conds = append(conds, "s.date <= $to")
	}
	if f.Publisher != "" {
		params["publisher"] = strings.ToLower(f.Publisher)
		conds = append(conds, "EXISTS { MATCH (s)-[:REPORTED_IN]->(a:Article) WHERE toLower(a.publisher) = $publisher }")
	}
	if f.TextContains != "" {
		params["text"] = strings.ToLower(f.TextContains)
		conds = append(conds, "EXISTS { MATCH (s)-[r:REPORTED_IN]->() WHERE toLower(r.evidence) CONTAINS $text OR toLower(r.quote) CONTAINS $text }")
	}
	return anchor + " WITH DISTINCT s" + whereOf(conds), params, nil
}

// descendantsOf returns ids and every actor affiliated below them.
func descendantsOf(t *txn, ids []string) ([]string, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	seen := map[string]bool{}
	var frontier []string
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			frontier = append(frontier, id)
		}
	}
	for len(frontier) > 0 {
		var next []string
		err := t.each("MATCH (c:Actor) WHERE c.affiliationId IN $ids RETURN c.id AS id", map[string]any{"ids": frontier},
			func(rec *neo4j.Record) error {
				if id := getStr(rec, "id"); !seen[id] {
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

// statementReturn projects a statement with its reports and the statements it answers.
const statementReturn = ` RETURN s{.*} AS s, [(s)-[r:REPORTED_IN]->() | r{.*}] AS reports,
	[(s)-[:RESPONDS_TO]->(x) | x.id] AS resp`

func statementRecord(rec *neo4j.Record) store.Statement {
	v, _ := rec.Get("reports")
	reports, _ := v.([]any)
	return statementOf(get(rec, "s"), reports, getStrs(rec, "resp"))
}

func orderClause(o store.StatementOrder) string {
	if o == store.DateAsc {
		return " ORDER BY s.date ASC, s.id ASC"
	}
	return " ORDER BY s.date DESC, s.id ASC"
}

func sortStatements(sts []store.Statement, o store.StatementOrder) {
	sort.SliceStable(sts, func(i, j int) bool {
		a, b := sts[i], sts[j]
		if !a.Date.Equal(b.Date) {
			if o == store.DateAsc {
				return a.Date.Before(b.Date)
			}
			return a.Date.After(b.Date)
		}
		return a.ID < b.ID
	})
}

// GetStatement returns a statement with its reports.
func (s *Store) GetStatement(ctx context.Context, id string) (store.Statement, error) {
	sts, err := s.GetStatements(ctx, []string{id})
	if err != nil {
		return store.Statement{}, err
	}
	if len(sts) == 0 {
		return store.Statement{}, fmt.Errorf("statement %q: %w", id, store.ErrNotFound)
	}
	return sts[0], nil
}

// GetStatements returns the statements with these ids in the order asked, skipping missing ones.
func (s *Store) GetStatements(ctx context.Context, ids []string) ([]store.Statement, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	var out []store.Statement
	err := s.read(ctx, func(t *txn) error {
		out = nil
		return t.each(`UNWIND range(0, size($ids) - 1) AS i
			MATCH (s:Statement {id: $ids[i]}) WITH s, i ORDER BY i`+statementReturn,
			map[string]any{"ids": ids}, func(rec *neo4j.Record) error {
				out = append(out, statementRecord(rec))
				return nil
			})
	})
	if err != nil {
		return nil, fmt.Errorf("neo4jstore: get statements: %w", err)
	}
	return out, nil
}

// ListStatements returns a page of statements with their reports, and the total.
func (s *Store) ListStatements(ctx context.Context, f store.StatementFilter, p store.Page) ([]store.Statement, int, error) {
	skip, limit := pageOf(p)
	var out []store.Statement
	total := 0
	err := s.read(ctx, func(t *txn) error {
		out = nil
		q, params, err := s.statementQuery(t, f)
		if err != nil {
			return err
		}
		if err := t.each(q+" RETURN count(s) AS n", params, func(rec *neo4j.Record) error {
			total = getInt(rec, "n")
			return nil
		}); err != nil {
			return err
		}
		params["skip"], params["limit"] = skip, limit
		return t.each(q+" WITH s"+orderClause(f.OrderBy)+" SKIP $skip LIMIT $limit"+statementReturn, params,
			func(rec *neo4j.Record) error {
				out = append(out, statementRecord(rec))
				return nil
			})
	})
	if err != nil {
		return nil, 0, fmt.Errorf("neo4jstore: list statements: %w", err)
	}
	sortStatements(out, f.OrderBy)
	return out, total, nil
}

// CountStatements counts the matching statements by kind.
func (s *Store) CountStatements(ctx context.Context, f store.StatementFilter) ([]store.KindCount, error) {
	counts := map[store.StatementKind]int{}
	err := s.read(ctx, func(t *txn) error {
		clear(counts)
		q, params, err := s.statementQuery(t, f)
		if err != nil {
			return err
		}
		return t.each(q+" RETURN s.kind AS kind, count(s) AS n", params, func(rec *neo4j.Record) error {
			counts[store.StatementKind(getStr(rec, "kind"))] = getInt(rec, "n")
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("neo4jstore: count statements: %w", err)
	}
	var out []store.KindCount
	for _, k := range store.StatementKinds {
		if n := counts[k]; n > 0 {
			out = append(out, store.KindCount{Kind: k, Count: n})
		}
	}
	return out, nil
}

// Timeline counts matching statements per bucket and kind.
func (s *Store) Timeline(ctx context.Context, f store.StatementFilter, iv store.Interval) ([]store.Bucket, error) {
	type bk struct {
		start time.Time
		kind  store.StatementKind
	}
	counts := map[bk]int{}
	err := s.read(ctx, func(t *txn) error {
		clear(counts)
		q, params, err := s.statementQuery(t, f)
		if err != nil {
			return err
		}
		return t.each(q+" RETURN s.date AS date, s.kind AS kind, count(s) AS n", params, func(rec *neo4j.Record) error {
			k := bk{iv.Truncate(toTime(recVal(rec, "date"))), store.StatementKind(getStr(rec, "kind"))}
			counts[k] += getInt(rec, "n")
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("neo4jstore: timeline: %w", err)
	}
	out := make([]store.Bucket, 0, len(counts))
	for k, n := range counts {
		out = append(out, store.Bucket{Start: k.start, Kind: k.kind, Count: n})
	}
	order := map[store.StatementKind]int{}
	for i, k := range store.StatementKinds {
		order[k] = i
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if !a.Start.Equal(b.Start) {
			return a.Start.Before(b.Start)
		}
		return order[a.Kind] < order[b.Kind]
	})
	return out, nil
}

// Counterparts lists the actors the given actor has statements with. With f.Rollup
// the actor stands for itself and everyone affiliated below it, and counterparts are
// rolled up to their top-level actors.
func (s *Store) Counterparts(ctx context.Context, actorID string, f store.StatementFilter) ([]store.Counterpart, error) {
	if actorID == "" {
		return nil, fmt.Errorf("%w: empty actor id", store.ErrInvalid)
	}
	type acc struct {
		made, received map[store.StatementKind]int
	}
	res := map[string]*acc{}
	err := s.read(ctx, func(t *txn) error {
		clear(res)
		found := false
		if err := t.each("MATCH (a:Actor {id: $id}) RETURN a.id AS id", map[string]any{"id": actorID}, func(*neo4j.Record) error {
			found = true
			return nil
		}); err != nil {
			return err
		}
		if !found {
			return fmt.Errorf("actor %q: %w", actorID, store.ErrNotFound)
		}
		self := map[string]bool{actorID: true}
		var aff store.Affiliations
		if f.Rollup {
			ids, err := descendantsOf(t, []string{actorID})
			if err != nil {
				return err
			}
			for _, id := range ids {
				self[id] = true
			}
			if aff, err = loadAllAffiliations(t); err != nil {
				return err
			}
		}
		qf := f
		if len(qf.Speakers) == 0 && len(qf.Targets) == 0 && len(qf.Either) == 0 {
			qf.Either = []string{actorID}
		}
		q, params, err := s.statementQuery(t, qf)
		if err != nil {
			return err
		}
		return t.each(q+" RETURN s.kind AS kind, s.speakerIds AS sp, s.targetIds AS tg", params, func(rec *neo4j.Record) error {
			kind := store.StatementKind(getStr(rec, "kind"))
			sp, tg := getStrs(rec, "sp"), getStrs(rec, "tg")
			others := func(ids []string) map[string]bool {
				out := map[string]bool{}
				for _, id := range ids {
					out[aff.Root(id)] = true
				}
				return out
			}
			bump := func(ids map[string]bool, made bool) {
				for id := range ids {
					if id == actorID {
						continue
					}
					a := res[id]
					if a == nil {
						a = &acc{made: map[store.StatementKind]int{}, received: map[store.StatementKind]int{}}
						res[id] = a
					}
					if made {
						a.made[kind]++
					} else {
						a.received[kind]++
					}
				}
			}
			if slices.ContainsFunc(sp, func(id string) bool { return self[id] }) {
				bump(others(tg), true)
			}
			if slices.ContainsFunc(tg, func(id string) bool { return self[id] }) {
				bump(others(sp), false)
			}
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("neo4jstore: counterparts: %w", err)
	}
	out := make([]store.Counterpart, 0, len(res))
	for id, a := range res {
		c := store.Counterpart{ActorID: id}
		for _, k := range store.StatementKinds {
			if n := a.made[k]; n > 0 {
				c.Made = append(c.Made, store.KindCount{Kind: k, Count: n})
				c.Total += n
			}
			if n := a.received[k]; n > 0 {
				c.Received = append(c.Received, store.KindCount{Kind: k, Count: n})
				c.Total += n
			}
		}
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Total != out[j].Total {
			return out[i].Total > out[j].Total
		}
		return out[i].ActorID < out[j].ActorID
	})
	return out, nil
}

// WalkStatements streams the statements f selects in id order.
func (s *Store) WalkStatements(ctx context.Context, f store.StatementFilter, fn func(store.Statement) error) error {
	return s.stream(ctx, "walk statements", func(t *txn) (string, map[string]any, error) {
		q, params, err := s.statementQuery(t, f)
		if err != nil {
			return "", nil, err
		}
		return q + " WITH s ORDER BY s.id" + statementReturn, params, nil
	}, func(rec *neo4j.Record) error { return fn(statementRecord(rec)) })
}
