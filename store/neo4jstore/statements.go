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

// statementQuery builds the part of a query selecting the statements f selects,
// bound to s (one row per statement), as one Cypher statement: callers append
// RETURN or WITH clauses. It reads nothing itself, so a whole store call is one
// round trip.
//
// Rollup is resolved inside the query. An actor at the top of its affiliation tree
// (a state) stands for every actor rolled up to it, which are exactly the
// statements whose stored key end (keySpeaker, keyTarget) is that actor: an index
// seek. Any other actor is expanded to itself and its descendants over the
// MEMBER_OF and PART_OF edges, matched through MADE and TARGETS.
func (s *Store) statementQuery(f store.StatementFilter) (string, map[string]any, error) {
	params := map[string]any{}
	var b strings.Builder
	// Each actor field becomes two lists: <v>Top (top-level actors, matched on the
	// key) and <v>Desc (actors matched on their own edges).
	type field struct {
		v   string
		ids []string
	}
	fields := []field{{"sp", f.Speakers}, {"tg", f.Targets}, {"ei", f.Either}}
	var carried []string
	for _, fd := range fields {
		if len(fd.ids) == 0 {
			continue
		}
		params[fd.v] = fd.ids
		if f.Rollup {
			fmt.Fprintf(&b, `CALL {
	UNWIND $%[1]s AS id OPTIONAL MATCH (x:Actor {id: id})
	WITH id, x, x IS NOT NULL AND coalesce(x.affiliationId, '') = '' AS top
	OPTIONAL MATCH (c:Actor)-[:MEMBER_OF|PART_OF*1..]->(x) WHERE NOT top
	WITH id, top, collect(DISTINCT c.id) AS kids
	RETURN collect(CASE WHEN top THEN id END) AS %[1]sTop,
		reduce(acc = [], l IN collect(CASE WHEN top THEN [] ELSE [id] + kids END) | acc + l) AS %[1]sDesc
}
`, fd.v)
		} else {
			fmt.Fprintf(&b, "WITH %s[] AS %sTop, $%s AS %sDesc\n", carriedPrefix(carried), fd.v, fd.v, fd.v)
		}
		carried = append(carried, fd.v+"Top", fd.v+"Desc")
	}
	with := carriedPrefix(carried)

	// The first selective field anchors the match on an index or an actor's edges,
	// selecting exactly what it asks for; the other fields filter.
	var conds []string
	anchor := ""
	sp, tg, ei := len(f.Speakers) > 0, len(f.Targets) > 0, len(f.Either) > 0
	var branches []string
	switch {
	case len(f.IDs) > 0:
		params["ids"] = f.IDs
		anchor = "ids"
		branches = []string{"UNWIND $ids AS id MATCH (s:Statement {id: id}) RETURN s"}
	case sp:
		anchor = "sp"
		if tg {
			branches = append(branches,
				"UNWIND spTop AS a UNWIND tgTop AS b MATCH (s:Statement {keySpeaker: a, keyTarget: b}) RETURN s",
				"UNWIND CASE WHEN size(tgDesc) > 0 THEN spTop ELSE [] END AS a MATCH (s:Statement {keySpeaker: a}) RETURN s")
		} else {
			branches = append(branches, "UNWIND spTop AS a MATCH (s:Statement {keySpeaker: a}) RETURN s")
		}
		branches = append(branches, "UNWIND spDesc AS a MATCH (:Actor {id: a})-[:MADE]->(s:Statement) RETURN s")
	case tg:
		anchor = "tg"
		branches = []string{
			"UNWIND tgTop AS b MATCH (s:Statement {keyTarget: b}) RETURN s",
			"UNWIND tgDesc AS b MATCH (s:Statement)-[:TARGETS]->(:Actor {id: b}) RETURN s",
		}
	case ei:
		anchor = "ei"
		branches = []string{
			"UNWIND eiTop AS a MATCH (s:Statement {keySpeaker: a}) RETURN s",
			"UNWIND eiTop AS a MATCH (s:Statement {keyTarget: a}) RETURN s",
			"UNWIND eiDesc AS a MATCH (:Actor {id: a})-[:MADE|TARGETS]-(s:Statement) RETURN s",
		}
	case f.ArticleID != "":
		anchor = "article"
		branches = []string{"MATCH (s:Statement)-[:REPORTED_IN]->(:Article {id: $article}) RETURN s"}
	case f.Incident != "":
		anchor = "incident"
		branches = []string{"MATCH (s:Statement {incidentId: $incident}) RETURN s"}
	}
	if len(f.IDs) > 0 && anchor != "ids" {
		params["ids"] = f.IDs
		conds = append(conds, "s.id IN $ids")
	}
	if sp && anchor != "sp" {
		conds = append(conds, "(s.keySpeaker IN spTop OR any(x IN s.speakerIds WHERE x IN spDesc))")
	}
	if tg && anchor != "tg" {
		conds = append(conds, "(s.keyTarget IN tgTop OR any(x IN s.targetIds WHERE x IN tgDesc))")
	}
	if ei && anchor != "ei" {
		conds = append(conds, "(s.keySpeaker IN eiTop OR s.keyTarget IN eiTop OR any(x IN s.speakerIds + s.targetIds WHERE x IN eiDesc))")
	}
	if f.ArticleID != "" {
		params["article"] = f.ArticleID
	}
	if f.ArticleID != "" && anchor != "article" {
		conds = append(conds, "EXISTS { MATCH (s)-[:REPORTED_IN]->(:Article {id: $article}) }")
	}
	if f.Incident != "" {
		params["incident"] = f.Incident
	}
	if f.Incident != "" && anchor != "incident" {
		conds = append(conds, "s.incidentId = $incident")
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
	if len(branches) == 0 {
		b.WriteString("MATCH (s:Statement)")
	} else {
		b.WriteString("CALL {\n")
		for i, br := range branches {
			if i > 0 {
				b.WriteString("\n\tUNION\n")
			}
			if with != "" {
				b.WriteString("\tWITH " + strings.TrimSuffix(with, ", ") + " ")
			} else {
				b.WriteString("\t")
			}
			b.WriteString(br)
		}
		b.WriteString("\n}")
	}
	if len(conds) > 0 {
		// WHERE after WITH sees only what the WITH projects: keep the lists.
		b.WriteString(" WITH " + with + "s" + whereOf(conds))
	}
	return b.String() + " WITH DISTINCT s", params, nil
}

// carriedPrefix lists variables for a WITH clause that keeps them, with a trailing
// comma ("" when none).
func carriedPrefix(vars []string) string {
	if len(vars) == 0 {
		return ""
	}
	return strings.Join(vars, ", ") + ", "
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

// statementProj projects a Statement node's public properties (not the bookkeeping
// ones: sig, last, articleIds).
const statementProj = `s{.id, .kind, .speakerIds, .targetIds, .incidentId, .date, .confidence}`

// statementReturn projects a statement with its reports and the statements it answers.
const statementReturn = ` RETURN ` + statementProj + ` AS s, [(s)-[r:REPORTED_IN]->() | r{.*}] AS reports,
	[(s)-[:RESPONDS_TO]->(x) | x.id] AS resp`

// statementReturnLight is statementReturn without the reports (StatementFilter.WithoutReports).
const statementReturnLight = ` RETURN ` + statementProj + ` AS s, [] AS reports,
	[(s)-[:RESPONDS_TO]->(x) | x.id] AS resp`

func returnFor(f store.StatementFilter) string {
	if f.WithoutReports {
		return statementReturnLight
	}
	return statementReturn
}

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
	err := s.query(ctx, `UNWIND range(0, size($ids) - 1) AS i
		MATCH (s:Statement {id: $ids[i]}) WITH s, i ORDER BY i`+statementReturn,
		map[string]any{"ids": ids}, func(rec *neo4j.Record) error {
			out = append(out, statementRecord(rec))
			return nil
		})
	if err != nil {
		return nil, fmt.Errorf("neo4jstore: get statements: %w", err)
	}
	return out, nil
}

// ListStatements returns a page of statements with their reports, and the total.
func (s *Store) ListStatements(ctx context.Context, f store.StatementFilter, p store.Page) ([]store.Statement, int, error) {
	skip, limit := pageOf(p)
	q, params, err := s.statementQuery(f)
	if err != nil {
		return nil, 0, err
	}
	// Count and page in one statement: the matching statements are sorted once, and
	// only the page is projected (with its reports unless told otherwise).
	params["skip"], params["end"] = skip, skip+limit
	reports := "[(s)-[r:REPORTED_IN]->() | r{.*}]"
	if f.WithoutReports {
		reports = "[]"
	}
	var out []store.Statement
	total := 0
	err = s.query(ctx, q+" WITH s"+orderClause(f.OrderBy)+` WITH collect(s) AS ss
		RETURN size(ss) AS total, [s IN ss[$skip..$end] | {s: `+statementProj+`, reports: `+reports+`,
			resp: [(s)-[:RESPONDS_TO]->(x) | x.id]}] AS page`, params,
		func(rec *neo4j.Record) error {
			total = getInt(rec, "total")
			v, _ := rec.Get("page")
			list, _ := v.([]any)
			for _, x := range list {
				m := mmap(x)
				reps, _ := m["reports"].([]any)
				resp, _ := m["resp"].([]any)
				out = append(out, statementOf(mmap(m["s"]), reps, anyStrings(resp)))
			}
			return nil
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
	q, params, err := s.statementQuery(f)
	if err != nil {
		return nil, err
	}
	err = s.query(ctx, q+" RETURN s.kind AS kind, count(s) AS n", params, func(rec *neo4j.Record) error {
		counts[store.StatementKind(getStr(rec, "kind"))] = getInt(rec, "n")
		return nil
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
	q, params, err := s.statementQuery(f)
	if err != nil {
		return nil, err
	}
	// Buckets are counted in Neo4j; only they cross the wire.
	err = s.query(ctx, q+" RETURN "+bucketExpr(iv)+" AS date, s.kind AS kind, count(s) AS n", params, func(rec *neo4j.Record) error {
		k := bk{iv.Truncate(toTime(recVal(rec, "date"))), store.StatementKind(getStr(rec, "kind"))}
		counts[k] += getInt(rec, "n")
		return nil
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

// bucketExpr is the Cypher for the start of the bucket holding s.date: the
// interval is an enum, never input text. Weeks start on Monday, as ISO weeks do.
func bucketExpr(iv store.Interval) string {
	switch iv {
	case store.Year:
		return "date.truncate('year', s.date)"
	case store.Month:
		return "date.truncate('month', s.date)"
	case store.Week:
		return "date.truncate('week', s.date)"
	}
	return "s.date"
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
		q, params, err := s.statementQuery(qf)
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
		q, params, err := s.statementQuery(f)
		if err != nil {
			return "", nil, err
		}
		return q + " WITH s ORDER BY s.id" + returnFor(f), params, nil
	}, func(rec *neo4j.Record) error { return fn(statementRecord(rec)) })
}
