package sqlitestore

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/demarche/demarche/store"
)

// statementWhere turns a filter into conditions on statements aliased s. Rollups
// are expanded with the view's affiliation tree; a rollup of top-level actors
// only (states, mostly) is a condition on the statement key, which every
// statement carries rolled up already.
func statementWhere(v *view, f store.StatementFilter) where {
	var w where
	if len(f.IDs) > 0 {
		w.add("s.id IN "+inList, jsonList(f.IDs))
	}
	if len(f.Kinds) > 0 {
		w.add("s.kind IN "+inList, jsonList(f.Kinds))
	}
	role := func(roles string, keyCols []string, ids []string) {
		if len(ids) == 0 {
			return
		}
		if f.Rollup && !slices.ContainsFunc(ids, func(id string) bool { return !v.isRoot(id) }) {
			var conds []string
			list := jsonList(ids)
			for _, c := range keyCols {
				conds = append(conds, "s."+c+" IN "+inList)
				w.args = append(w.args, list)
			}
			w.conds = append(w.conds, "("+strings.Join(conds, " OR ")+")")
			return
		}
		if f.Rollup {
			ids = v.subtree(ids)
		}
		w.add("s.id IN (SELECT statement_id FROM statement_actors WHERE role IN "+roles+" AND actor_id IN "+inList+")",
			jsonList(ids))
	}
	role("('S')", []string{"kspeaker"}, f.Speakers)
	role("('T')", []string{"ktarget"}, f.Targets)
	role("('S', 'T')", []string{"kspeaker", "ktarget"}, f.Either)
	if f.Incident != "" {
		w.add("s.incident = ? AND s.incident <> ''", f.Incident) // the second term lets the partial index serve
	}
	if !f.From.IsZero() {
		w.add("s.day >= ?", day(f.From).Unix())
	}
	if !f.To.IsZero() {
		w.add("s.day <= ?", day(f.To).Unix())
	}
	if f.Publisher != "" {
		w.add("s.id IN (SELECT r.statement_id FROM reports r JOIN articles a ON a.id = r.article_id WHERE lower(a.publisher) = lower(?))", f.Publisher)
	}
	if f.TextContains != "" {
		w.add("s.id IN (SELECT statement_id FROM reports WHERE "+lowerContains("evidence")+" OR "+lowerContains("quote")+")",
			f.TextContains, f.TextContains)
	}
	if f.ArticleID != "" {
		w.add("s.id IN (SELECT statement_id FROM reports WHERE article_id = ?)", f.ArticleID)
	}
	return w
}

// statementOrder orders by day, undated statements as the oldest (SQLite sorts
// NULL first), then id.
func statementOrder(o store.StatementOrder) string {
	if o == store.DateAsc {
		return " ORDER BY s.day ASC, s.id"
	}
	return " ORDER BY s.day DESC, s.id"
}

// respondsPairs pairs each denial d with the accusations a it answers, as
// store.Answers says: a's top-level target is d's top-level speaker, d's top-level
// target (when named) is a's top-level speaker, and a is dated on or before d,
// within store.AnswerWindow (two undated statements count as the same day). from
// names the tables (d and a, and whatever else cond uses); the dated and undated
// cases are separate so that the dated one is an index range on a's day.
func respondsPairs(from, cond string) string {
	base := `SELECT d.id AS did, a.id AS aid FROM ` + from + ` WHERE ` + cond + ` d.kind = 'DENIES' AND a.ktarget = d.kspeaker
		AND a.kind IN ('ACCUSES', 'INDICTS', 'CRITICIZES', 'SANCTIONS') AND (d.ktarget = '' OR a.kspeaker = d.ktarget) AND a.id <> d.id`
	return base + ` AND a.day BETWEEN d.day - ` + answerWindowSeconds + ` AND d.day UNION ALL ` +
		base + ` AND a.day IS NULL AND d.day IS NULL`
}

// respondsSQL lists every RESPONDS_TO pair.
var respondsSQL = respondsPairs("statements d CROSS JOIN statements a", "")

// answerWindowSeconds is store.AnswerWindow in the unit of the day columns.
var answerWindowSeconds = strconv.Itoa(int(store.AnswerWindow / time.Second))

// loadStatements reads full statements (actors, RESPONDS_TO and, unless
// withoutReports, reports) in the order of ids.
func (s *Store) loadStatements(ctx context.Context, ids []string, withoutReports bool) ([]store.Statement, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	list := jsonList(ids)
	byID := make(map[string]*store.Statement, len(ids))
	rows, err := s.query(ctx, "SELECT id, kind, incident, day, confidence FROM statements WHERE id IN "+inList, list)
	if err != nil {
		return nil, fmt.Errorf("reading statements: %w", err)
	}
	for rows.Next() {
		st := &store.Statement{}
		var d sql.NullInt64
		if err := rows.Scan(&st.ID, &st.Kind, &st.IncidentID, &d, &st.Confidence); err != nil {
			rows.Close()
			return nil, fmt.Errorf("reading statements: %w", err)
		}
		st.Date = timeOf(d)
		byID[st.ID] = st
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("reading statements: %w", err)
	}
	rows, err = s.query(ctx, "SELECT statement_id, role, actor_id FROM statement_actors WHERE statement_id IN "+inList+
		" ORDER BY statement_id, role, actor_id", list)
	if err != nil {
		return nil, fmt.Errorf("reading statement actors: %w", err)
	}
	for rows.Next() {
		var id, role, actor string
		if err := rows.Scan(&id, &role, &actor); err != nil {
			rows.Close()
			return nil, fmt.Errorf("reading statement actors: %w", err)
		}
		if st := byID[id]; st != nil {
			if role == "S" {
				st.SpeakerIDs = append(st.SpeakerIDs, actor)
			} else {
				st.TargetIDs = append(st.TargetIDs, actor)
			}
		}
	}
	rows.Close()
	rows, err = s.query(ctx, `SELECT did, aid FROM (`+
		respondsPairs("json_each(?1) j CROSS JOIN statements d CROSS JOIN statements a", "d.id = j.value AND")+`) ORDER BY did, aid`, list)
	if err != nil {
		return nil, fmt.Errorf("reading responses: %w", err)
	}
	for rows.Next() {
		var d, a string
		if err := rows.Scan(&d, &a); err != nil {
			rows.Close()
			return nil, fmt.Errorf("reading responses: %w", err)
		}
		if st := byID[d]; st != nil {
			st.RespondsTo = append(st.RespondsTo, a)
		}
	}
	rows.Close()
	if withoutReports {
		return orderStatements(ids, byID), nil
	}
	rows, err = s.query(ctx, `SELECT statement_id, article_id, idx, kind, speaker, target, incident, day, evidence, quote, confidence
		FROM reports WHERE statement_id IN `+inList+` ORDER BY statement_id, coalesce(day, -1e18), article_id, idx`, list)
	if err != nil {
		return nil, fmt.Errorf("reading reports: %w", err)
	}
	for rows.Next() {
		var id string
		var r store.Report
		var d sql.NullInt64
		if err := rows.Scan(&id, &r.ArticleID, &r.Index, &r.Kind, &r.SpeakerID, &r.TargetID, &r.IncidentID, &d, &r.Evidence, &r.Quote, &r.Confidence); err != nil {
			rows.Close()
			return nil, fmt.Errorf("reading reports: %w", err)
		}
		r.Date = timeOf(d)
		if st := byID[id]; st != nil {
			st.Reports = append(st.Reports, r)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("reading reports: %w", err)
	}
	return orderStatements(ids, byID), nil
}

func orderStatements(ids []string, byID map[string]*store.Statement) []store.Statement {
	out := make([]store.Statement, 0, len(ids))
	for _, id := range ids {
		if st := byID[id]; st != nil {
			out = append(out, *st)
		}
	}
	return out
}

// GetStatement returns a statement with its reports.
func (s *Store) GetStatement(ctx context.Context, id string) (store.Statement, error) {
	sts, err := s.loadStatements(ctx, []string{id}, false)
	if err != nil {
		return store.Statement{}, err
	}
	if len(sts) == 0 {
		return store.Statement{}, fmt.Errorf("statement %q: %w", id, store.ErrNotFound)
	}
	return sts[0], nil
}

// GetStatements returns the statements with these ids, in the order asked.
func (s *Store) GetStatements(ctx context.Context, ids []string) ([]store.Statement, error) {
	return s.loadStatements(ctx, ids, false)
}

func (s *Store) statementIDs(ctx context.Context, q string, args ...any) ([]string, error) {
	rows, err := s.query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("selecting statements: %w", err)
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("selecting statements: %w", err)
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

type statementPage struct {
	items []store.Statement
	total int
}

// ListStatements returns a page of statements and the total that match. Pages are
// cached until the next write.
func (s *Store) ListStatements(ctx context.Context, f store.StatementFilter, p store.Page) ([]store.Statement, int, error) {
	v := s.currentView()
	limit, offset := pageOf(p)
	key := cacheKey("list", f, limit, offset)
	if x, ok := v.cached(key); ok {
		pg := x.(statementPage)
		return cloneStatements(pg.items), pg.total, nil
	}
	from, w, order := "statements s", statementWhere(v, f), statementOrder(f.OrderBy)
	idCol := "s.id"
	if actor, role, rest, ok := oneActor(v, f); ok {
		// One actor on one side: its statements come in date order from
		// statement_actors' index; the statements table is joined only for the
		// other conditions.
		from, idCol = "statement_actors sa", "sa.statement_id"
		w = statementWhere(v, rest)
		if len(w.conds) > 0 {
			from += " JOIN statements s ON s.id = sa.statement_id"
		}
		w.conds = append([]string{"sa.actor_id = ? AND sa.role = ?"}, w.conds...)
		w.args = append([]any{actor, role}, w.args...)
		order = " ORDER BY sa.day DESC, sa.statement_id"
		if f.OrderBy == store.DateAsc {
			order = " ORDER BY sa.day ASC, sa.statement_id"
		}
	}
	var total int
	if err := s.queryRow(ctx, "SELECT count(*) FROM "+from+w.String(), w.args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("counting statements: %w", err)
	}
	var out []store.Statement
	if offset < total {
		ids, err := s.statementIDs(ctx, "SELECT "+idCol+" FROM "+from+w.String()+order+" LIMIT ? OFFSET ?",
			append(w.args, limit, offset)...)
		if err != nil {
			return nil, 0, err
		}
		if out, err = s.loadStatements(ctx, ids, f.WithoutReports); err != nil {
			return nil, 0, err
		}
	}
	v.store(key, statementPage{cloneStatements(out), total})
	return out, total, nil
}

// oneActor reports whether f selects statements by one actor on one side (speaker
// or target, without rollup or with an actor nothing is affiliated to), and
// returns the actor, the statement_actors role and the filter without it.
func oneActor(v *view, f store.StatementFilter) (actor, role string, rest store.StatementFilter, ok bool) {
	if len(f.Either) > 0 || len(f.Speakers)+len(f.Targets) != 1 {
		return "", "", f, false
	}
	rest = f
	if len(f.Speakers) == 1 {
		actor, role, rest.Speakers = f.Speakers[0], "S", nil
	} else {
		actor, role, rest.Targets = f.Targets[0], "T", nil
	}
	if f.Rollup && len(v.children[actor]) > 0 {
		return "", "", f, false
	}
	return actor, role, rest, true
}

// WalkStatements streams the matching statements in id order, a chunk at a time.
func (s *Store) WalkStatements(ctx context.Context, f store.StatementFilter, fn func(store.Statement) error) error {
	const chunk = 500
	after := ""
	for {
		w := statementWhere(s.currentView(), f)
		w.add("s.id > ?", after)
		ids, err := s.statementIDs(ctx, "SELECT s.id FROM statements s"+w.String()+" ORDER BY s.id LIMIT ?", append(w.args, chunk)...)
		if err != nil {
			return err
		}
		if len(ids) == 0 {
			return nil
		}
		sts, err := s.loadStatements(ctx, ids, f.WithoutReports)
		if err != nil {
			return err
		}
		for _, st := range sts {
			if err := fn(st); err != nil {
				return err
			}
		}
		after = ids[len(ids)-1]
	}
}

// CountStatements counts the matching statements by kind (cached until the next write).
func (s *Store) CountStatements(ctx context.Context, f store.StatementFilter) ([]store.KindCount, error) {
	v := s.currentView()
	f.OrderBy, f.WithoutReports = "", false
	key := cacheKey("count", f)
	if x, ok := v.cached(key); ok {
		return slices.Clone(x.([]store.KindCount)), nil
	}
	w := statementWhere(v, f)
	rows, err := s.query(ctx, "SELECT s.kind, count(*) FROM statements s"+w.String()+" GROUP BY s.kind", w.args...)
	if err != nil {
		return nil, fmt.Errorf("counting statements: %w", err)
	}
	defer rows.Close()
	byKind := map[store.StatementKind]int{}
	for rows.Next() {
		var k store.StatementKind
		var n int
		if err := rows.Scan(&k, &n); err != nil {
			return nil, fmt.Errorf("counting statements: %w", err)
		}
		byKind[k] = n
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("counting statements: %w", err)
	}
	out := kindCounts(byKind)
	v.store(key, slices.Clone(out))
	return out, nil
}

func kindCounts(m map[store.StatementKind]int) []store.KindCount {
	var out []store.KindCount
	for _, k := range store.StatementKinds {
		if n := m[k]; n > 0 {
			out = append(out, store.KindCount{Kind: k, Count: n})
		}
	}
	return out
}

// kindByName maps a kind's stored name to the constant (no allocation per row).
var kindByName = func() map[string]store.StatementKind {
	m := map[string]store.StatementKind{}
	for _, k := range store.StatementKinds {
		m[string(k)] = k
	}
	return m
}()

func kindIndex(k store.StatementKind) int { return slices.Index(store.StatementKinds, k) }

// Timeline counts the matching statements per bucket and kind.
func (s *Store) Timeline(ctx context.Context, f store.StatementFilter, iv store.Interval) ([]store.Bucket, error) {
	v := s.currentView()
	f.OrderBy, f.WithoutReports = "", false
	ck := cacheKey("timeline", f, iv)
	if x, ok := v.cached(ck); ok {
		return slices.Clone(x.([]store.Bucket)), nil
	}
	w := statementWhere(v, f)
	w.add("s.day IS NOT NULL")
	rows, err := s.query(ctx, "SELECT s.day, s.kind, count(*) FROM statements s"+w.String()+" GROUP BY s.day, s.kind", w.args...)
	if err != nil {
		return nil, fmt.Errorf("reading timeline: %w", err)
	}
	defer rows.Close()
	type key struct {
		start time.Time
		kind  store.StatementKind
	}
	acc := map[key]int{}
	var d int64
	var kb sql.RawBytes
	var n int
	for rows.Next() {
		if err := rows.Scan(&d, &kb, &n); err != nil {
			return nil, fmt.Errorf("reading timeline: %w", err)
		}
		k, ok := kindByName[string(kb)]
		if !ok {
			k = store.StatementKind(kb)
		}
		acc[key{iv.Truncate(time.Unix(d, 0).UTC()), k}] += n
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("reading timeline: %w", err)
	}
	out := make([]store.Bucket, 0, len(acc))
	for k, n := range acc {
		out = append(out, store.Bucket{Start: k.start, Kind: k.kind, Count: n})
	}
	slices.SortFunc(out, func(a, b store.Bucket) int {
		if c := a.Start.Compare(b.Start); c != 0 {
			return c
		}
		return kindIndex(a.Kind) - kindIndex(b.Kind)
	})
	v.store(ck, slices.Clone(out))
	return out, nil
}

// Counterparts lists the actors the given actor has statements with.
func (s *Store) Counterparts(ctx context.Context, actorID string, f store.StatementFilter) ([]store.Counterpart, error) {
	if actorID == "" {
		return nil, fmt.Errorf("%w: empty actor id", store.ErrInvalid)
	}
	v := s.currentView()
	w := statementWhere(v, f)
	self := []string{actorID}
	if f.Rollup {
		self = v.subtree(self)
	}
	w.add("s.id IN (SELECT statement_id FROM statement_actors WHERE actor_id IN "+inList+")", jsonList(self))
	rows, err := s.query(ctx, `SELECT s.id, s.kind, s.kspeaker, s.ktarget, sa.role, sa.actor_id
		FROM statements s JOIN statement_actors sa ON sa.statement_id = s.id`+w.String()+` ORDER BY s.id`, w.args...)
	if err != nil {
		return nil, fmt.Errorf("reading counterparts: %w", err)
	}
	type stmt struct {
		kind              store.StatementKind
		kspeaker, ktarget string
		speakers, targets []string
	}
	var order []string
	stmts := map[string]*stmt{}
	for rows.Next() {
		var id, ks, kt, role, actor string
		var kind store.StatementKind
		if err := rows.Scan(&id, &kind, &ks, &kt, &role, &actor); err != nil {
			rows.Close()
			return nil, fmt.Errorf("reading counterparts: %w", err)
		}
		st := stmts[id]
		if st == nil {
			st = &stmt{kind: kind, kspeaker: ks, ktarget: kt}
			stmts[id] = st
			order = append(order, id)
		}
		if role == "S" {
			st.speakers = append(st.speakers, actor)
		} else {
			st.targets = append(st.targets, actor)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("reading counterparts: %w", err)
	}
	mine := map[string]bool{}
	for _, id := range self {
		mine[id] = true
	}
	type acc struct{ made, received map[store.StatementKind]int }
	counts := map[string]*acc{}
	bump := func(other string, k store.StatementKind, made bool) {
		if other == "" || mine[other] {
			return
		}
		a := counts[other]
		if a == nil {
			a = &acc{map[store.StatementKind]int{}, map[store.StatementKind]int{}}
			counts[other] = a
		}
		if made {
			a.made[k]++
		} else {
			a.received[k]++
		}
	}
	anyMine := func(ids []string) bool {
		return slices.ContainsFunc(ids, func(id string) bool { return mine[id] })
	}
	for _, id := range order {
		st := stmts[id]
		if anyMine(st.speakers) {
			if f.Rollup {
				bump(st.ktarget, st.kind, true)
			} else {
				for _, t := range st.targets {
					bump(t, st.kind, true)
				}
			}
		}
		if anyMine(st.targets) {
			if f.Rollup {
				bump(st.kspeaker, st.kind, false)
			} else {
				for _, sp := range st.speakers {
					bump(sp, st.kind, false)
				}
			}
		}
	}
	out := make([]store.Counterpart, 0, len(counts))
	for id, a := range counts {
		c := store.Counterpart{ActorID: id, Made: kindCounts(a.made), Received: kindCounts(a.received)}
		for _, k := range c.Made {
			c.Total += k.Count
		}
		for _, k := range c.Received {
			c.Total += k.Count
		}
		out = append(out, c)
	}
	slices.SortFunc(out, func(a, b store.Counterpart) int {
		if a.Total != b.Total {
			return b.Total - a.Total
		}
		return strings.Compare(a.ActorID, b.ActorID)
	})
	return out, nil
}
