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

// statementWhere turns a filter into conditions on statements aliased s.
func statementWhere(f store.StatementFilter) where {
	var w where
	if len(f.IDs) > 0 {
		w.add("s.id IN "+inList, jsonList(f.IDs))
	}
	if len(f.Kinds) > 0 {
		w.add("s.kind IN "+inList, jsonList(f.Kinds))
	}
	role := func(roles string, ids []string) {
		if len(ids) == 0 {
			return
		}
		w.add("s.id IN (SELECT statement_id FROM statement_actors WHERE role IN "+roles+" AND actor_id IN "+actorSet(ids, f.Rollup)+")",
			jsonList(ids))
	}
	role("('S')", f.Speakers)
	role("('T')", f.Targets)
	role("('S', 'T')", f.Either)
	if f.Incident != "" {
		w.add("s.incident = ?", f.Incident)
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

func statementOrder(o store.StatementOrder) string {
	if o == store.DateAsc {
		return " ORDER BY coalesce(s.day, -1e18) ASC, s.id"
	}
	return " ORDER BY coalesce(s.day, -1e18) DESC, s.id"
}

// respondsSQL pairs each denial d with the accusations a it answers, as
// store.Answers says: a's top-level target is d's top-level speaker, d's top-level
// target (when named) is a's top-level speaker, and a is dated on or before d, within store.AnswerWindow.
var respondsSQL = `SELECT d.id, a.id FROM statements d CROSS JOIN statements a
	WHERE d.kind = 'DENIES' AND a.ktarget = d.kspeaker AND a.kind IN ('ACCUSES', 'INDICTS', 'CRITICIZES', 'SANCTIONS')
	AND (d.ktarget = '' OR a.kspeaker = d.ktarget) AND coalesce(a.day, -1e18) <= coalesce(d.day, -1e18)
	AND coalesce(a.day, -1e18) >= coalesce(d.day, -1e18) - ` + answerWindowSeconds + ` AND a.id <> d.id`

// answerWindowSeconds is store.AnswerWindow in the unit of the day columns.
var answerWindowSeconds = strconv.Itoa(int(store.AnswerWindow / time.Second))

// loadStatements reads full statements (actors, RESPONDS_TO, reports) in the order of ids.
func (s *Store) loadStatements(ctx context.Context, ids []string) ([]store.Statement, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	list := jsonList(ids)
	byID := make(map[string]*store.Statement, len(ids))
	rows, err := s.r.QueryContext(ctx, "SELECT id, kind, incident, day, confidence FROM statements WHERE id IN "+inList, list)
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
	rows, err = s.r.QueryContext(ctx, "SELECT statement_id, role, actor_id FROM statement_actors WHERE statement_id IN "+inList+
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
	rows, err = s.r.QueryContext(ctx, respondsSQL+" AND d.id IN "+inList+" ORDER BY d.id, a.id", list)
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
	rows, err = s.r.QueryContext(ctx, `SELECT statement_id, article_id, idx, kind, speaker, target, incident, day, evidence, quote, confidence
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
	out := make([]store.Statement, 0, len(ids))
	for _, id := range ids {
		if st := byID[id]; st != nil {
			out = append(out, *st)
		}
	}
	return out, nil
}

// GetStatement returns a statement with its reports.
func (s *Store) GetStatement(ctx context.Context, id string) (store.Statement, error) {
	sts, err := s.loadStatements(ctx, []string{id})
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
	return s.loadStatements(ctx, ids)
}

func (s *Store) statementIDs(ctx context.Context, q string, args ...any) ([]string, error) {
	rows, err := s.r.QueryContext(ctx, q, args...)
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

// ListStatements returns a page of statements and the total that match.
func (s *Store) ListStatements(ctx context.Context, f store.StatementFilter, p store.Page) ([]store.Statement, int, error) {
	w := statementWhere(f)
	var total int
	if err := s.r.QueryRowContext(ctx, "SELECT count(*) FROM statements s"+w.String(), w.args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("counting statements: %w", err)
	}
	limit, offset := pageOf(p)
	ids, err := s.statementIDs(ctx, "SELECT s.id FROM statements s"+w.String()+statementOrder(f.OrderBy)+" LIMIT ? OFFSET ?",
		append(w.args, limit, offset)...)
	if err != nil {
		return nil, 0, err
	}
	out, err := s.loadStatements(ctx, ids)
	return out, total, err
}

// WalkStatements streams the matching statements in id order, a chunk at a time.
func (s *Store) WalkStatements(ctx context.Context, f store.StatementFilter, fn func(store.Statement) error) error {
	const chunk = 500
	after := ""
	for {
		w := statementWhere(f)
		w.add("s.id > ?", after)
		ids, err := s.statementIDs(ctx, "SELECT s.id FROM statements s"+w.String()+" ORDER BY s.id LIMIT ?", append(w.args, chunk)...)
		if err != nil {
			return err
		}
		if len(ids) == 0 {
			return nil
		}
		sts, err := s.loadStatements(ctx, ids)
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

// CountStatements counts the matching statements by kind.
func (s *Store) CountStatements(ctx context.Context, f store.StatementFilter) ([]store.KindCount, error) {
	w := statementWhere(f)
	rows, err := s.r.QueryContext(ctx, "SELECT s.kind, count(*) FROM statements s"+w.String()+" GROUP BY s.kind", w.args...)
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
	return kindCounts(byKind), nil
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

func kindIndex(k store.StatementKind) int { return slices.Index(store.StatementKinds, k) }

// Timeline counts the matching statements per bucket and kind.
func (s *Store) Timeline(ctx context.Context, f store.StatementFilter, iv store.Interval) ([]store.Bucket, error) {
	w := statementWhere(f)
	w.add("s.day IS NOT NULL")
	rows, err := s.r.QueryContext(ctx, "SELECT s.day, s.kind, count(*) FROM statements s"+w.String()+" GROUP BY s.day, s.kind", w.args...)
	if err != nil {
		return nil, fmt.Errorf("reading timeline: %w", err)
	}
	defer rows.Close()
	type key struct {
		start time.Time
		kind  store.StatementKind
	}
	acc := map[key]int{}
	for rows.Next() {
		var d int64
		var k store.StatementKind
		var n int
		if err := rows.Scan(&d, &k, &n); err != nil {
			return nil, fmt.Errorf("reading timeline: %w", err)
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
	return out, nil
}

// Counterparts lists the actors the given actor has statements with.
func (s *Store) Counterparts(ctx context.Context, actorID string, f store.StatementFilter) ([]store.Counterpart, error) {
	if actorID == "" {
		return nil, fmt.Errorf("%w: empty actor id", store.ErrInvalid)
	}
	w := statementWhere(f)
	self := actorSet(nil, f.Rollup)
	w.add("s.id IN (SELECT statement_id FROM statement_actors WHERE actor_id IN "+self+")", jsonList([]string{actorID}))
	rows, err := s.r.QueryContext(ctx, `SELECT s.id, s.kind, s.kspeaker, s.ktarget, sa.role, sa.actor_id
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
	mine := map[string]bool{actorID: true}
	if f.Rollup {
		ids, err := s.statementIDs(ctx, "SELECT id FROM "+self, jsonList([]string{actorID}))
		if err != nil {
			return nil, err
		}
		for _, id := range ids {
			mine[id] = true
		}
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
