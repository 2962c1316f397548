package sqlitestore

import (
	"context"
	"crypto/sha1"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/demarche/demarche/store"
)

// wtx is one write transaction with its overlay of the actor and redirect caches:
// changes become visible in the Store's caches only when the transaction commits.
type wtx struct {
	s     *Store
	ctx   context.Context
	tx    *sql.Tx
	stmts []*sql.Stmt

	actors    map[string]*store.Actor // changed actors; nil means deleted
	redirects map[string]string
	dirty     map[store.StatementKey]bool
}

// write runs fn in one immediate transaction, then derives the statements of the
// keys fn touched, and commits.
func (s *Store) write(ctx context.Context, fn func(w *wtx) error) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("beginning write: %w", err)
	}
	w := &wtx{
		s: s, ctx: ctx, tx: tx, stmts: make([]*sql.Stmt, numPrepared),
		actors: map[string]*store.Actor{}, redirects: map[string]string{},
		dirty: map[store.StatementKey]bool{},
	}
	if err := fn(w); err != nil {
		tx.Rollback()
		return err
	}
	if err := w.derive(); err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("committing: %w", err)
	}
	for id, a := range w.actors {
		if a == nil {
			delete(s.actors, id)
		} else {
			s.actors[id] = a
		}
	}
	for from, to := range w.redirects {
		s.redirects[from] = to
	}
	return nil
}

func (w *wtx) stmt(i int) *sql.Stmt {
	if w.stmts[i] == nil {
		w.stmts[i] = w.tx.StmtContext(w.ctx, w.s.prep[i])
	}
	return w.stmts[i]
}

func (w *wtx) exec(i int, args ...any) error {
	if _, err := w.stmt(i).ExecContext(w.ctx, args...); err != nil {
		return fmt.Errorf("%s: %w", firstWords(preparedSQL[i]), err)
	}
	return nil
}

func (w *wtx) execSQL(q string, args ...any) error {
	if _, err := w.tx.ExecContext(w.ctx, q, args...); err != nil {
		return fmt.Errorf("%s: %w", firstWords(q), err)
	}
	return nil
}

func firstWords(q string) string {
	f := strings.Fields(q)
	return strings.Join(f[:min(len(f), 4)], " ")
}

func (w *wtx) actor(id string) *store.Actor {
	if a, ok := w.actors[id]; ok {
		return a
	}
	return w.s.actors[id]
}

func (w *wtx) aff(id string) string {
	if a := w.actor(id); a != nil {
		return a.AffiliationID
	}
	return ""
}

func (w *wtx) affiliations() store.Affiliations { return w.aff }

func (w *wtx) redirect(id string) string {
	if id == "" {
		return ""
	}
	if to, ok := w.redirects[id]; ok {
		return to
	}
	if to, ok := w.s.redirects[id]; ok {
		return to
	}
	return id
}

// eachActor calls fn for every current actor (overlay first, then the base cache).
func (w *wtx) eachActor(fn func(a *store.Actor)) {
	for _, a := range w.actors {
		if a != nil {
			fn(a)
		}
	}
	for id, a := range w.s.actors {
		if _, ok := w.actors[id]; !ok {
			fn(a)
		}
	}
}

// PutArticle writes one article in one transaction.
func (s *Store) PutArticle(ctx context.Context, g *store.ArticleGraph) (store.PutResult, error) {
	res, err := s.PutArticles(ctx, []*store.ArticleGraph{g})
	if err != nil {
		return store.PutResult{}, err
	}
	return res[0], nil
}

// PutArticles writes several articles in one transaction, deriving statements once
// for the whole batch.
func (s *Store) PutArticles(ctx context.Context, gs []*store.ArticleGraph) ([]store.PutResult, error) {
	out := make([]store.PutResult, len(gs))
	err := s.write(ctx, func(w *wtx) error {
		for i, g := range gs {
			res, err := w.putArticle(g)
			if err != nil {
				if g != nil {
					return fmt.Errorf("article %q: %w", g.Article.ID, err)
				}
				return err
			}
			out[i] = res
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	// The statement ids are known once the batch is derived and committed.
	for i, g := range gs {
		ids, err := s.articleStatements(ctx, g.Article.ID)
		if err != nil {
			return nil, err
		}
		out[i].Statements = ids
	}
	return out, nil
}

func (s *Store) articleStatements(ctx context.Context, articleID string) ([]string, error) {
	rows, err := s.r.QueryContext(ctx, preparedSQL[qArticleStatements], articleID)
	if err != nil {
		return nil, fmt.Errorf("reading article statements: %w", err)
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("reading article statements: %w", err)
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// contentHash identifies what a graph would write: its Hash when set, else a hash
// of the whole graph.
func contentHash(g *store.ArticleGraph) string {
	if g.Article.Hash != "" {
		return "h:" + g.Article.Hash
	}
	b, _ := json.Marshal(g)
	sum := sha1.Sum(b)
	return "g:" + hex.EncodeToString(sum[:])
}

func (w *wtx) putArticle(g *store.ArticleGraph) (store.PutResult, error) {
	var res store.PutResult
	if g == nil {
		return res, fmt.Errorf("%w: nil article graph", store.ErrInvalid)
	}
	if err := g.Validate(); err != nil {
		return res, err
	}
	seen := map[int]bool{}
	for _, r := range g.Reports {
		if seen[r.Index] {
			return res, fmt.Errorf("%w: two reports with index %d", store.ErrInvalid, r.Index)
		}
		seen[r.Index] = true
	}
	art := g.Article
	hash := contentHash(g)
	var old string
	err := w.stmt(qArticleHash).QueryRowContext(w.ctx, art.ID).Scan(&old)
	var gcActors, gcIncidents []string
	switch {
	case err == nil && old == hash:
		res.Unchanged = true
		res.Reports = len(g.Reports)
		return res, nil
	case err == nil:
		res.Replaced = true
		if gcActors, gcIncidents, err = w.removeArticleContent(art.ID); err != nil {
			return res, err
		}
	case errors.Is(err, sql.ErrNoRows):
	default:
		return res, fmt.Errorf("reading article: %w", err)
	}
	if err := w.exec(qUpsertArticle, art.ID, art.URL, art.Title, art.Publisher, art.Language,
		unixOf(art.Published.UTC()), art.Hash, hash, art.Body); err != nil {
		return res, err
	}

	// Actors, redirected through merges.
	rekey := map[string]bool{}
	mentioned := map[string]bool{}
	for _, a := range g.Actors {
		a.ID = w.redirect(a.ID)
		a.AffiliationID = w.redirect(a.AffiliationID)
		if a.AffiliationID == a.ID {
			a.AffiliationID = ""
		}
		created, affChanged, err := w.upsertActor(a)
		if err != nil {
			return res, err
		}
		if created {
			res.NewActors++
		} else {
			res.MergedActors++
		}
		if affChanged {
			rekey[a.ID] = true
		}
		if !mentioned[a.ID] {
			mentioned[a.ID] = true
			if err := w.exec(qInsertMention, art.ID, a.ID); err != nil {
				return res, err
			}
		}
	}
	for _, in := range g.Incidents {
		created, err := w.upsertIncident(in)
		if err != nil {
			return res, err
		}
		if created {
			res.NewIncidents++
		}
		if err := w.exec(qInsertIncidentMention, art.ID, in.ID); err != nil {
			return res, err
		}
	}
	if len(rekey) > 0 {
		if err := w.rekey(rekey); err != nil {
			return res, err
		}
	}

	aff := w.affiliations()
	for _, r := range g.Reports {
		r.ArticleID = art.ID
		r.SpeakerID = w.redirect(r.SpeakerID)
		r.TargetID = w.redirect(r.TargetID)
		r.Date = day(r.Date)
		k := store.KeyOf(r, aff)
		var rid int64
		if err := w.stmt(qInsertReport).QueryRowContext(w.ctx, art.ID, r.Index, string(r.Kind), r.SpeakerID, r.TargetID,
			r.IncidentID, unixOf(r.Date), r.Evidence, r.Quote, r.Confidence, k.Speaker, k.Target).Scan(&rid); err != nil {
			return res, fmt.Errorf("inserting report: %w", err)
		}
		if r.Evidence != "" {
			if err := w.exec(qInsertFTSReport, rid, r.Evidence); err != nil {
				return res, err
			}
		}
		w.dirty[k] = true
		res.Reports++
	}
	if err := w.collect(gcActors, gcIncidents); err != nil {
		return res, err
	}
	return res, nil
}

// removeArticleContent deletes an article's reports and mentions (not the article
// row) and returns the actors and incidents it mentioned, to be collected once the
// write is done.
func (w *wtx) removeArticleContent(articleID string) (actors, incidents []string, err error) {
	rows, err := w.tx.QueryContext(w.ctx, `SELECT DISTINCT kind, kspeaker, ktarget FROM reports WHERE article_id = ?`, articleID)
	if err != nil {
		return nil, nil, fmt.Errorf("reading article reports: %w", err)
	}
	for rows.Next() {
		var k store.StatementKey
		if err := rows.Scan(&k.Kind, &k.Speaker, &k.Target); err != nil {
			rows.Close()
			return nil, nil, fmt.Errorf("reading article reports: %w", err)
		}
		w.dirty[k] = true
	}
	rows.Close()
	if err := w.execSQL(`DELETE FROM fts_reports WHERE rowid IN (SELECT rid FROM reports WHERE article_id = ?)`, articleID); err != nil {
		return nil, nil, err
	}
	if err := w.execSQL(`DELETE FROM reports WHERE article_id = ?`, articleID); err != nil {
		return nil, nil, err
	}
	if actors, err = w.strings(`DELETE FROM mentions WHERE article_id = ? RETURNING actor_id`, articleID); err != nil {
		return nil, nil, err
	}
	if incidents, err = w.strings(`DELETE FROM incident_mentions WHERE article_id = ? RETURNING incident_id`, articleID); err != nil {
		return nil, nil, err
	}
	return actors, incidents, nil
}

func (w *wtx) strings(q string, args ...any) ([]string, error) {
	rows, err := w.tx.QueryContext(w.ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", firstWords(q), err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, fmt.Errorf("%s: %w", firstWords(q), err)
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// collect deletes the given actors and incidents when no article mentions them.
func (w *wtx) collect(actors, incidents []string) error {
	rekey := map[string]bool{}
	for _, id := range actors {
		if w.actor(id) == nil {
			continue
		}
		var n int
		if err := w.tx.QueryRowContext(w.ctx, `SELECT count(*) FROM mentions WHERE actor_id = ?`, id).Scan(&n); err != nil {
			return fmt.Errorf("counting mentions: %w", err)
		}
		if n > 0 {
			continue
		}
		if err := w.deleteActor(id); err != nil {
			return err
		}
		rekey[id] = true
	}
	for _, id := range incidents {
		var n int
		if err := w.tx.QueryRowContext(w.ctx, `SELECT count(*) FROM incident_mentions WHERE incident_id = ?`, id).Scan(&n); err != nil {
			return fmt.Errorf("counting incident mentions: %w", err)
		}
		if n > 0 {
			continue
		}
		if err := w.execSQL(`DELETE FROM incidents WHERE id = ?`, id); err != nil {
			return err
		}
		if err := w.deleteNames("Incident", id); err != nil {
			return err
		}
	}
	if len(rekey) > 0 {
		// Members of a deleted actor now end at it: their keys may change.
		return w.rekey(rekey)
	}
	return nil
}

func (w *wtx) deleteActor(id string) error {
	if err := w.execSQL(`DELETE FROM actors WHERE id = ?`, id); err != nil {
		return err
	}
	w.actors[id] = nil
	return w.deleteNames("Actor", id)
}

func (w *wtx) deleteNames(otype, id string) error {
	if err := w.execSQL(`DELETE FROM fts_names WHERE rowid IN (SELECT nid FROM names WHERE oid = ? AND otype = ?)`, id, otype); err != nil {
		return err
	}
	return w.execSQL(`DELETE FROM names WHERE oid = ? AND otype = ?`, id, otype)
}

func (w *wtx) insertNames(otype, id string, names []string) error {
	for _, n := range names {
		var nid int64
		if err := w.stmt(qInsertName).QueryRowContext(w.ctx, otype, id, n, store.NormalizeName(n)).Scan(&nid); err != nil {
			return fmt.Errorf("inserting name: %w", err)
		}
		if err := w.exec(qInsertFTSName, nid, n); err != nil {
			return err
		}
	}
	return nil
}

// cleanNames returns the sorted, deduplicated aliases without name and blanks.
func cleanNames(name string, aliases []string) []string {
	out := make([]string, 0, len(aliases))
	for _, a := range aliases {
		a = strings.TrimSpace(a)
		if a != "" && a != name {
			out = append(out, a)
		}
	}
	sort.Strings(out)
	out = slices.Compact(out)
	if len(out) == 0 {
		return nil
	}
	return out
}

// pick keeps a non-empty value over an empty one, else the lexically smaller.
func pick(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return min(a, b)
}

// upsertActor writes a (already redirected) and says whether it was new and
// whether its affiliation changed.
func (w *wtx) upsertActor(a store.Actor) (created, affChanged bool, err error) {
	a.Name = strings.TrimSpace(a.Name)
	old := w.actor(a.ID)
	if old == nil {
		n := a
		n.Aliases = cleanNames(n.Name, n.Aliases)
		if err := w.exec(qInsertActor, n.ID, string(n.Kind), n.Name, jsonList(n.Aliases), n.Country, n.AffiliationID, n.Role); err != nil {
			return false, false, err
		}
		if err := w.insertNames("Actor", n.ID, append([]string{n.Name}, n.Aliases...)); err != nil {
			return false, false, err
		}
		w.actors[n.ID] = &n
		// An actor reappearing may sit between members and their old top.
		return true, n.AffiliationID != "", nil
	}
	m := *old
	m.Aliases = cleanNames(m.Name, append(append(slices.Clone(old.Aliases), a.Aliases...), a.Name))
	m.Country = pick(old.Country, a.Country)
	m.AffiliationID = pick(old.AffiliationID, a.AffiliationID)
	m.Role = pick(old.Role, a.Role)
	return false, m.AffiliationID != old.AffiliationID, w.updateActor(old, &m)
}

// updateActor writes m over old when they differ, keeping names in step.
func (w *wtx) updateActor(old, m *store.Actor) error {
	if m.Name == old.Name && slices.Equal(m.Aliases, old.Aliases) && m.Country == old.Country &&
		m.AffiliationID == old.AffiliationID && m.Role == old.Role && m.Kind == old.Kind {
		return nil
	}
	if err := w.exec(qUpdateActor, string(m.Kind), m.Name, jsonList(m.Aliases), m.Country, m.AffiliationID, m.Role, m.ID); err != nil {
		return err
	}
	had := map[string]bool{old.Name: true}
	for _, x := range old.Aliases {
		had[x] = true
	}
	var added []string
	for _, x := range append([]string{m.Name}, m.Aliases...) {
		if !had[x] {
			added = append(added, x)
		}
	}
	if err := w.insertNames("Actor", m.ID, added); err != nil {
		return err
	}
	w.actors[m.ID] = m
	return nil
}

func (w *wtx) upsertIncident(in store.Incident) (created bool, err error) {
	in.Name = strings.TrimSpace(in.Name)
	var old store.Incident
	var aliases, attributed, targeted string
	err = w.stmt(qGetIncident).QueryRowContext(w.ctx, in.ID).Scan(&old.ID, &old.Name, &aliases, &old.Year, &attributed, &targeted)
	redirectAll := func(ids []string) []string {
		out := make([]string, 0, len(ids))
		for _, id := range ids {
			if id = w.redirect(id); id != "" {
				out = append(out, id)
			}
		}
		return out
	}
	var m store.Incident
	var added []string
	switch {
	case errors.Is(err, sql.ErrNoRows):
		created = true
		m = in
		m.Aliases = cleanNames(m.Name, m.Aliases)
		added = append([]string{m.Name}, m.Aliases...)
		m.AttributedTo = cleanNames("", redirectAll(in.AttributedTo))
		m.Targeted = cleanNames("", redirectAll(in.Targeted))
	case err != nil:
		return false, fmt.Errorf("reading incident: %w", err)
	default:
		old.Aliases = decodeList(aliases)
		old.AttributedTo = decodeList(attributed)
		old.Targeted = decodeList(targeted)
		m = old
		m.Aliases = cleanNames(m.Name, append(append(slices.Clone(old.Aliases), in.Aliases...), in.Name))
		if old.Year == 0 || (in.Year != 0 && in.Year < old.Year) {
			m.Year = in.Year
		}
		m.AttributedTo = cleanNames("", append(slices.Clone(old.AttributedTo), redirectAll(in.AttributedTo)...))
		m.Targeted = cleanNames("", append(slices.Clone(old.Targeted), redirectAll(in.Targeted)...))
		if m.Year == old.Year && slices.Equal(m.Aliases, old.Aliases) && slices.Equal(m.AttributedTo, old.AttributedTo) &&
			slices.Equal(m.Targeted, old.Targeted) {
			return false, nil
		}
		had := map[string]bool{old.Name: true}
		for _, x := range old.Aliases {
			had[x] = true
		}
		for _, x := range m.Aliases {
			if !had[x] {
				added = append(added, x)
			}
		}
	}
	if err := w.exec(qUpsertIncident, m.ID, m.Name, jsonList(m.Aliases), m.Year, jsonList(m.AttributedTo), jsonList(m.Targeted)); err != nil {
		return false, err
	}
	return created, w.insertNames("Incident", m.ID, added)
}

// rekey recomputes the statement keys of every report naming one of ids or any
// actor below them in the affiliation tree, marking old and new keys dirty.
func (w *wtx) rekey(ids map[string]bool) error {
	children := map[string][]string{}
	w.eachActor(func(a *store.Actor) {
		if a.AffiliationID != "" {
			children[a.AffiliationID] = append(children[a.AffiliationID], a.ID)
		}
	})
	set := map[string]bool{}
	var walk func(id string)
	walk = func(id string) {
		if set[id] {
			return
		}
		set[id] = true
		for _, c := range children[id] {
			walk(c)
		}
	}
	for id := range ids {
		walk(id)
	}
	list := make([]string, 0, len(set))
	for id := range set {
		list = append(list, id)
	}
	rows, err := w.tx.QueryContext(w.ctx, `SELECT rid, kind, speaker, target, kspeaker, ktarget FROM reports
		WHERE speaker IN (SELECT value FROM json_each(?1)) OR target IN (SELECT value FROM json_each(?1))`, jsonList(list))
	if err != nil {
		return fmt.Errorf("reading reports to rekey: %w", err)
	}
	type change struct {
		rid int64
		k   store.StatementKey
	}
	var changes []change
	aff := w.affiliations()
	for rows.Next() {
		var rid int64
		var r store.Report
		var old store.StatementKey
		if err := rows.Scan(&rid, &r.Kind, &r.SpeakerID, &r.TargetID, &old.Speaker, &old.Target); err != nil {
			rows.Close()
			return fmt.Errorf("reading reports to rekey: %w", err)
		}
		old.Kind = r.Kind
		k := store.KeyOf(r, aff)
		w.dirty[old] = true
		w.dirty[k] = true
		if k != old {
			changes = append(changes, change{rid, k})
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("reading reports to rekey: %w", err)
	}
	for _, c := range changes {
		if err := w.execSQL(`UPDATE reports SET kspeaker = ?, ktarget = ? WHERE rid = ?`, c.k.Speaker, c.k.Target, c.rid); err != nil {
			return err
		}
	}
	return nil
}

// derive regroups every dirty key's reports into statements and edges, writing only
// what changed, then links the changed denials and accusations (RESPONDS_TO).
func (w *wtx) derive() error {
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
	var changed []store.Statement
	for _, k := range keys {
		ch, err := w.regroup(k)
		if err != nil {
			return err
		}
		changed = append(changed, ch...)
	}
	for _, st := range changed {
		k := st.Reports[0]
		key := store.StatementKey{Kind: st.Kind, Speaker: k.SpeakerID, Target: k.TargetID}
		d := unixOf(st.Date)
		switch st.Kind {
		case store.Denies:
			if err := w.exec(qRespondsForDenial, st.ID, key.Speaker, key.Target, d); err != nil {
				return err
			}
		case store.Accuses, store.Indicts, store.Criticizes, store.Sanctions:
			if key.Target == "" {
				continue
			}
			if err := w.exec(qRespondsForAccusation, st.ID, key.Speaker, key.Target, d); err != nil {
				return err
			}
		}
	}
	w.dirty = map[store.StatementKey]bool{}
	return nil
}

type reportRef struct {
	article string
	idx     int
}

// regroup derives the statements of one key and returns the statements written
// (new or changed), each with one report whose ends hold the key's top-level actors.
func (w *wtx) regroup(k store.StatementKey) ([]store.Statement, error) {
	rows, err := w.stmt(qReportsOfKey).QueryContext(w.ctx, string(k.Kind), k.Speaker, k.Target)
	if err != nil {
		return nil, fmt.Errorf("reading reports of a statement: %w", err)
	}
	var reports []store.Report
	rids := map[reportRef]int64{}
	for rows.Next() {
		var rid int64
		var d sql.NullInt64
		r := store.Report{Kind: k.Kind}
		if err := rows.Scan(&rid, &r.ArticleID, &r.Index, &r.SpeakerID, &r.TargetID, &r.IncidentID, &d, &r.Confidence); err != nil {
			rows.Close()
			return nil, fmt.Errorf("reading reports of a statement: %w", err)
		}
		r.Date = timeOf(d)
		reports = append(reports, r)
		rids[reportRef{r.ArticleID, r.Index}] = rid
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("reading reports of a statement: %w", err)
	}
	existing := map[string]string{}
	rows, err = w.stmt(qStatementsOfKey).QueryContext(w.ctx, string(k.Kind), k.Speaker, k.Target)
	if err != nil {
		return nil, fmt.Errorf("reading statements: %w", err)
	}
	for rows.Next() {
		var id, fp string
		if err := rows.Scan(&id, &fp); err != nil {
			rows.Close()
			return nil, fmt.Errorf("reading statements: %w", err)
		}
		existing[id] = fp
	}
	rows.Close()

	stmts := store.GroupReports(reports, w.affiliations(), w.s.window)
	var written []store.Statement
	keep := map[string]bool{}
	for _, st := range stmts {
		fp := fingerprint(st, rids)
		keep[st.ID] = true
		old, ok := existing[st.ID]
		if ok && old == fp {
			continue
		}
		if ok {
			if err := w.deleteStatement(st.ID); err != nil {
				return nil, err
			}
		}
		if err := w.exec(qInsertStatement, st.ID, string(k.Kind), k.Speaker, k.Target, st.IncidentID, unixOf(st.Date), st.Confidence, fp); err != nil {
			return nil, err
		}
		for _, id := range st.SpeakerIDs {
			if err := w.exec(qInsertStatementActor, st.ID, "S", id); err != nil {
				return nil, err
			}
		}
		for _, id := range st.TargetIDs {
			if err := w.exec(qInsertStatementActor, st.ID, "T", id); err != nil {
				return nil, err
			}
		}
		for _, r := range st.Reports {
			if err := w.exec(qSetReportStatement, st.ID, rids[reportRef{r.ArticleID, r.Index}]); err != nil {
				return nil, err
			}
		}
		written = append(written, store.Statement{ID: st.ID, Kind: k.Kind, Date: st.Date,
			Reports: []store.Report{{SpeakerID: k.Speaker, TargetID: k.Target}}})
	}
	removed := false
	for id := range existing {
		if !keep[id] {
			removed = true
			if err := w.deleteStatement(id); err != nil {
				return nil, err
			}
		}
	}
	if len(written) == 0 && !removed {
		return nil, nil
	}
	if err := w.exec(qDeleteEdgesOfKey, string(k.Kind), k.Speaker, k.Target); err != nil {
		return nil, err
	}
	for _, e := range store.DirectEdges(stmts) {
		if err := w.exec(qInsertEdge, e.SpeakerID, string(e.Kind), e.TargetID, k.Speaker, k.Target, e.Count, e.Reports,
			unixOf(e.First), unixOf(e.Last), jsonList(e.StatementIDs)); err != nil {
			return nil, err
		}
	}
	return written, nil
}

func (w *wtx) deleteStatement(id string) error {
	for _, q := range []int{qDeleteStatement, qDeleteStatementActors, qDeleteRespondsOf} {
		if err := w.exec(q, id); err != nil {
			return err
		}
	}
	return nil
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

// DeleteArticle removes an article and whatever it alone supported.
func (s *Store) DeleteArticle(ctx context.Context, id string) error {
	if id == "" {
		return fmt.Errorf("%w: empty article id", store.ErrInvalid)
	}
	return s.write(ctx, func(w *wtx) error {
		var h string
		err := w.stmt(qArticleHash).QueryRowContext(ctx, id).Scan(&h)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("article %q: %w", id, store.ErrNotFound)
		}
		if err != nil {
			return fmt.Errorf("reading article: %w", err)
		}
		actors, incidents, err := w.removeArticleContent(id)
		if err != nil {
			return err
		}
		if err := w.execSQL(`DELETE FROM articles WHERE id = ?`, id); err != nil {
			return err
		}
		return w.collect(actors, incidents)
	})
}

// AddAlias adds an alias to an actor.
func (s *Store) AddAlias(ctx context.Context, actorID, alias string) (store.Actor, error) {
	alias = strings.TrimSpace(alias)
	if actorID == "" || alias == "" {
		return store.Actor{}, fmt.Errorf("%w: empty actor id or alias", store.ErrInvalid)
	}
	var out store.Actor
	err := s.write(ctx, func(w *wtx) error {
		old := w.actor(actorID)
		if old == nil {
			return fmt.Errorf("actor %q: %w", actorID, store.ErrNotFound)
		}
		m := *old
		m.Aliases = cleanNames(m.Name, append(slices.Clone(old.Aliases), alias))
		out = m
		return w.updateActor(old, &m)
	})
	return out, err
}

// MergeActors folds mergeID into keepID.
func (s *Store) MergeActors(ctx context.Context, keepID, mergeID string) (store.Actor, error) {
	if keepID == "" || mergeID == "" || keepID == mergeID {
		return store.Actor{}, fmt.Errorf("%w: merging %q into %q", store.ErrInvalid, mergeID, keepID)
	}
	var out store.Actor
	err := s.write(ctx, func(w *wtx) error {
		keep, merge := w.actor(keepID), w.actor(mergeID)
		if keep == nil {
			return fmt.Errorf("actor %q: %w", keepID, store.ErrNotFound)
		}
		if merge == nil {
			return fmt.Errorf("actor %q: %w", mergeID, store.ErrNotFound)
		}
		m := *keep
		m.Aliases = cleanNames(m.Name, append(append(slices.Clone(keep.Aliases), merge.Aliases...), merge.Name))
		if m.Country == "" {
			m.Country = merge.Country
		}
		if m.AffiliationID == "" {
			m.AffiliationID = merge.AffiliationID
		}
		if m.AffiliationID == keepID || m.AffiliationID == mergeID {
			m.AffiliationID = ""
		}
		if m.Role == "" {
			m.Role = merge.Role
		}
		// Members of merge move to keep.
		var members []*store.Actor
		w.eachActor(func(a *store.Actor) {
			if a.AffiliationID == mergeID && a.ID != keepID {
				members = append(members, a)
			}
		})
		for _, a := range members {
			c := *a
			c.AffiliationID = keepID
			if err := w.updateActor(a, &c); err != nil {
				return err
			}
		}
		if err := w.deleteActor(mergeID); err != nil {
			return err
		}
		if err := w.updateActor(keep, &m); err != nil {
			return err
		}
		// Reports, mentions and incidents naming merge now name keep.
		rows, err := w.tx.QueryContext(ctx, `SELECT DISTINCT kind, kspeaker, ktarget FROM reports WHERE speaker = ?1 OR target = ?1`, mergeID)
		if err != nil {
			return fmt.Errorf("reading merged reports: %w", err)
		}
		for rows.Next() {
			var k store.StatementKey
			if err := rows.Scan(&k.Kind, &k.Speaker, &k.Target); err != nil {
				rows.Close()
				return fmt.Errorf("reading merged reports: %w", err)
			}
			w.dirty[k] = true
		}
		rows.Close()
		for _, q := range []string{
			`UPDATE reports SET speaker = ?1 WHERE speaker = ?2`,
			`UPDATE reports SET target = ?1 WHERE target = ?2`,
			`INSERT OR IGNORE INTO mentions (article_id, actor_id) SELECT article_id, ?1 FROM mentions WHERE actor_id = ?2`,
			`DELETE FROM mentions WHERE actor_id = ?2`,
			`UPDATE redirects SET to_id = ?1 WHERE to_id = ?2`,
			`INSERT OR REPLACE INTO redirects (from_id, to_id) VALUES (?2, ?1)`,
		} {
			if err := w.execSQL(q, keepID, mergeID); err != nil {
				return err
			}
		}
		if err := w.mergeIncidentActors(keepID, mergeID); err != nil {
			return err
		}
		for from, to := range w.s.redirects {
			if to == mergeID {
				w.redirects[from] = keepID
			}
		}
		for from, to := range w.redirects {
			if to == mergeID {
				w.redirects[from] = keepID
			}
		}
		w.redirects[mergeID] = keepID
		out = m
		return w.rekey(map[string]bool{keepID: true})
	})
	return out, err
}

func (w *wtx) mergeIncidentActors(keepID, mergeID string) error {
	rows, err := w.tx.QueryContext(w.ctx, `SELECT id, attributed, targeted FROM incidents
		WHERE EXISTS (SELECT 1 FROM json_each(attributed) WHERE value = ?1) OR EXISTS (SELECT 1 FROM json_each(targeted) WHERE value = ?1)`, mergeID)
	if err != nil {
		return fmt.Errorf("reading incidents: %w", err)
	}
	type upd struct{ id, att, tgt string }
	var ups []upd
	swap := func(s string) string {
		ids := decodeList(s)
		for i, id := range ids {
			if id == mergeID {
				ids[i] = keepID
			}
		}
		return jsonList(cleanNames("", ids))
	}
	for rows.Next() {
		var u upd
		if err := rows.Scan(&u.id, &u.att, &u.tgt); err != nil {
			rows.Close()
			return fmt.Errorf("reading incidents: %w", err)
		}
		ups = append(ups, upd{u.id, swap(u.att), swap(u.tgt)})
	}
	rows.Close()
	for _, u := range ups {
		if err := w.execSQL(`UPDATE incidents SET attributed = ?, targeted = ? WHERE id = ?`, u.att, u.tgt, u.id); err != nil {
			return err
		}
	}
	return nil
}
