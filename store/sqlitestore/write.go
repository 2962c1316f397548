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
	"strconv"
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
	incidents map[string]*store.Incident
	redirects map[string]string
	dirty     map[store.StatementKey]keyRange
	pending   []pendingReport // reports put in this transaction, not yet inserted
	// mentioned is how many articles more (or fewer) mention each actor and
	// incident than mention_counts says; flushMentions writes it.
	mentioned map[mention]int
	// statementsOf holds the statements of each article whose reports derive
	// inserted, sorted (PutArticles returns them).
	statementsOf map[string][]string
	// hashes holds the content hash of articles (those PutArticles read ahead
	// and those written since); an id absent from it is looked up.
	hashes map[string]string

	// FTS5 flushes its pending terms at every statement savepoint once a table is
	// written in the transaction, so full-text rows are buffered and written last.
	ftsNames, ftsReports ftsBuffer
}

// mention is an actor or incident that articles mention (otype as in names).
type mention struct{ otype, id string }

// ftsBuffer holds the rows to delete from and insert into one FTS table.
type ftsBuffer struct {
	del []int64
	ins map[int64]string
}

func (b *ftsBuffer) insert(rowid int64, text string) {
	if b.ins == nil {
		b.ins = map[int64]string{}
	}
	b.ins[rowid] = text
}

func (b *ftsBuffer) delete(rowid int64) {
	delete(b.ins, rowid)
	b.del = append(b.del, rowid)
}

// flushFTS writes the buffer with the given delete and insert statements.
func (w *wtx) flushFTS(del int, ins bulk, b *ftsBuffer) error {
	if len(b.del) > 0 {
		ids, _ := json.Marshal(b.del)
		if err := w.exec(del, string(ids)); err != nil {
			return err
		}
	}
	if len(b.ins) > 0 {
		rows := make([][]any, 0, len(b.ins))
		for id, t := range b.ins {
			rows = append(rows, []any{id, t})
		}
		sort.Slice(rows, func(i, j int) bool { return rows[i][0].(int64) < rows[j][0].(int64) })
		if err := w.insert(ins, rows); err != nil {
			return err
		}
	}
	*b = ftsBuffer{}
	return nil
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
	// Another process may have written since our last look: start from its state.
	if err := s.syncExternal(ctx, tx); err != nil {
		tx.Rollback()
		return err
	}
	// Statements run on a context without cancellation: the driver would otherwise
	// start a goroutine per statement to watch it. Cancellation still aborts the
	// transaction (database/sql watches ctx) and is checked between articles.
	w := &wtx{
		s: s, ctx: context.WithoutCancel(ctx), tx: tx, stmts: make([]*sql.Stmt, numPrepared),
		actors: map[string]*store.Actor{}, incidents: map[string]*store.Incident{}, redirects: map[string]string{},
		dirty: map[store.StatementKey]keyRange{}, mentioned: map[mention]int{},
	}
	if err := fn(w); err != nil {
		tx.Rollback()
		return err
	}
	if err := w.derive(); err != nil {
		tx.Rollback()
		return err
	}
	if err := w.flushMentions(); err != nil {
		tx.Rollback()
		return err
	}
	if err := w.flushFTS(qDeleteFTSNames, bulkFTSNames, &w.ftsNames); err != nil {
		tx.Rollback()
		return err
	}
	if err := w.flushFTS(qDeleteFTSReports, bulkFTSReports, &w.ftsReports); err != nil {
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
	for id, in := range w.incidents {
		if in == nil {
			delete(s.incidents, id)
		} else {
			s.incidents[id] = in
		}
	}
	for from, to := range w.redirects {
		s.redirects[from] = to
	}
	s.publish(len(w.actors) > 0)
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

func (w *wtx) incident(id string) *store.Incident {
	if in, ok := w.incidents[id]; ok {
		return in
	}
	return w.s.incidents[id]
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
	var wt *wtx
	err := s.write(ctx, func(w *wtx) error {
		wt = w
		if err := w.readHashes(gs); err != nil {
			return err
		}
		for i, g := range gs {
			if err := ctx.Err(); err != nil {
				return err
			}
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
	// The statement ids are known once the batch is derived: derive kept those of
	// the articles it wrote; unchanged articles are read back.
	var ids []string
	for i, g := range gs {
		if out[i].Unchanged {
			ids = append(ids, g.Article.ID)
		}
	}
	byArticle := map[string][]string{}
	if len(ids) > 0 {
		if byArticle, err = s.articleStatements(ctx, ids); err != nil {
			return nil, err
		}
	}
	for i, g := range gs {
		if out[i].Unchanged {
			out[i].Statements = byArticle[g.Article.ID]
		} else {
			out[i].Statements = slices.Clone(wt.statementsOf[g.Article.ID])
		}
	}
	return out, nil
}

// articleStatements returns the ids of the statements each article reports.
func (s *Store) articleStatements(ctx context.Context, articleIDs []string) (map[string][]string, error) {
	rows, err := s.query(ctx, `SELECT DISTINCT article_id, statement_id FROM reports
		WHERE article_id IN (SELECT value FROM json_each(?)) AND statement_id IS NOT NULL ORDER BY 1, 2`, jsonList(articleIDs))
	if err != nil {
		return nil, fmt.Errorf("reading article statements: %w", err)
	}
	defer rows.Close()
	out := map[string][]string{}
	for rows.Next() {
		var art, id string
		if err := rows.Scan(&art, &id); err != nil {
			return nil, fmt.Errorf("reading article statements: %w", err)
		}
		out[art] = append(out[art], id)
	}
	return out, rows.Err()
}

// readHashes reads the content hashes of the stored articles among gs in one
// query (hashes, with "" for those not stored).
func (w *wtx) readHashes(gs []*store.ArticleGraph) error {
	ids := make([]string, 0, len(gs))
	w.hashes = make(map[string]string, len(gs))
	for _, g := range gs {
		if g != nil {
			ids = append(ids, g.Article.ID)
			w.hashes[g.Article.ID] = ""
		}
	}
	rows, err := w.stmt(qArticleHashes).QueryContext(w.ctx, jsonList(ids))
	if err != nil {
		return fmt.Errorf("reading articles: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, h string
		if err := rows.Scan(&id, &h); err != nil {
			return fmt.Errorf("reading articles: %w", err)
		}
		w.hashes[id] = h
	}
	return rows.Err()
}

// articleHash returns the content hash of a stored article ("" when there is none).
func (w *wtx) articleHash(id string) (string, error) {
	if h, ok := w.hashes[id]; ok {
		return h, nil
	}
	var h string
	err := w.stmt(qArticleHash).QueryRowContext(w.ctx, id).Scan(&h)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("reading article: %w", err)
	}
	return h, nil
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
	old, err := w.articleHash(art.ID)
	if err != nil {
		return res, err
	}
	var gcActors, gcIncidents []string
	switch {
	case old == hash:
		res.Unchanged = true
		res.Reports = len(g.Reports)
		return res, nil
	case old != "":
		res.Replaced = true
		if gcActors, gcIncidents, err = w.removeArticleContent(art.ID); err != nil {
			return res, err
		}
	}
	// Actors, redirected through merges.
	rekey := map[string]bool{}
	mentioned := map[string]bool{}
	var mentions []string
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
			mentions = append(mentions, a.ID)
		}
	}
	incidents := make([]string, 0, len(g.Incidents))
	for _, in := range g.Incidents {
		created, err := w.upsertIncident(in)
		if err != nil {
			return res, err
		}
		if created {
			res.NewIncidents++
		}
		incidents = append(incidents, in.ID)
	}
	sort.Strings(mentions)
	sort.Strings(incidents)
	incidents = slices.Compact(incidents)
	for _, id := range mentions {
		w.mentioned[mention{"Actor", id}]++
	}
	for _, id := range incidents {
		w.mentioned[mention{"Incident", id}]++
	}
	if err := w.exec(qUpsertArticle, art.ID, art.URL, art.Title, art.Publisher, art.Language,
		unixOf(art.Published.UTC()), art.Hash, hash, art.Body, jsonList(mentions), jsonList(incidents)); err != nil {
		return res, err
	}
	if w.hashes != nil {
		w.hashes[art.ID] = hash
	}
	if len(rekey) > 0 {
		if err := w.rekey(rekey); err != nil {
			return res, err
		}
	}

	// Reports are written by derive, once their statements are known.
	aff := w.affiliations()
	for _, r := range g.Reports {
		r.SpeakerID = w.redirect(r.SpeakerID)
		r.TargetID = w.redirect(r.TargetID)
		r.Date = day(r.Date)
		r.ArticleID = art.ID
		k := store.KeyOf(r, aff)
		w.pending = append(w.pending, pendingReport{key: k, r: r})
		w.touch(k, r.Date)
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
	w.pending = slices.DeleteFunc(w.pending, func(p pendingReport) bool { return p.r.ArticleID == articleID })
	// Each key is regrouped from the earliest removed report's day on (all of it
	// when a removed report has no day).
	rows, err := w.tx.QueryContext(w.ctx, `SELECT kind, kspeaker, ktarget, min(day), count(*) - count(day) FROM reports
		WHERE article_id = ? GROUP BY kind, kspeaker, ktarget`, articleID)
	if err != nil {
		return nil, nil, fmt.Errorf("reading article reports: %w", err)
	}
	for rows.Next() {
		var k store.StatementKey
		var first sql.NullInt64
		var undated int
		if err := rows.Scan(&k.Kind, &k.Speaker, &k.Target, &first, &undated); err != nil {
			rows.Close()
			return nil, nil, fmt.Errorf("reading article reports: %w", err)
		}
		if undated > 0 {
			w.touchAll(k)
		} else {
			w.touch(k, timeOf(first))
		}
	}
	rows.Close()
	rids, err := w.strings(`DELETE FROM reports WHERE article_id = ? RETURNING rid`, articleID)
	if err != nil {
		return nil, nil, err
	}
	for _, rid := range rids {
		n, _ := strconv.ParseInt(rid, 10, 64)
		w.ftsReports.delete(n)
	}
	var actorList, incidentList string
	if err := w.tx.QueryRowContext(w.ctx, `SELECT actors, incidents FROM articles WHERE id = ?`, articleID).Scan(&actorList, &incidentList); err != nil {
		return nil, nil, fmt.Errorf("reading article mentions: %w", err)
	}
	actors, incidents = decodeList(actorList), decodeList(incidentList)
	for _, id := range actors {
		w.mentioned[mention{"Actor", id}]--
	}
	for _, id := range incidents {
		w.mentioned[mention{"Incident", id}]--
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
		n, err := w.mentions(mention{"Actor", id})
		if err != nil {
			return err
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
		n, err := w.mentions(mention{"Incident", id})
		if err != nil {
			return err
		}
		if n > 0 {
			continue
		}
		if err := w.execSQL(`DELETE FROM incidents WHERE id = ?`, id); err != nil {
			return err
		}
		w.incidents[id] = nil
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

// mentions counts the articles that mention an actor or incident, this
// transaction's changes included.
func (w *wtx) mentions(m mention) (int, error) {
	var n int
	err := w.tx.QueryRowContext(w.ctx, `SELECT articles FROM mention_counts WHERE otype = ? AND id = ?`, m.otype, m.id).Scan(&n)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return 0, fmt.Errorf("counting mentions: %w", err)
	}
	return n + w.mentioned[m], nil
}

// flushMentions writes the transaction's changes of the mention counts.
func (w *wtx) flushMentions() error {
	if len(w.mentioned) == 0 {
		return nil
	}
	ms := make([]mention, 0, len(w.mentioned))
	for m, n := range w.mentioned {
		if n != 0 {
			ms = append(ms, m)
		}
	}
	slices.SortFunc(ms, func(a, b mention) int {
		if c := strings.Compare(a.otype, b.otype); c != 0 {
			return c
		}
		return strings.Compare(a.id, b.id)
	})
	rows := make([][]any, len(ms))
	var fewer [][]any
	for i, m := range ms {
		n := w.mentioned[m]
		rows[i] = []any{m.otype, m.id, n}
		if n < 0 {
			fewer = append(fewer, []any{m.otype, m.id})
		}
	}
	w.mentioned = map[mention]int{}
	if err := w.insert(bulkMentionCounts, rows); err != nil {
		return err
	}
	if len(fewer) > 0 {
		return w.execSQL(`DELETE FROM mention_counts WHERE (otype, id) IN (SELECT value ->> 0, value ->> 1 FROM json_each(?)) AND articles <= 0`,
			jsonRows(fewer))
	}
	return nil
}

// moveMentions makes the articles that mention mergeID mention keepID instead.
// Articles keep their mentions in a JSON list, so this reads every article's
// list: merges are rare, loads are not.
func (w *wtx) moveMentions(keepID, mergeID string) error {
	quoted, _ := json.Marshal(mergeID)
	rows, err := w.tx.QueryContext(w.ctx, `SELECT id, actors FROM articles WHERE instr(actors, ?) > 0`, string(quoted))
	if err != nil {
		return fmt.Errorf("reading mentions: %w", err)
	}
	type change struct{ id, actors string }
	var changes []change
	for rows.Next() {
		var id, list string
		if err := rows.Scan(&id, &list); err != nil {
			rows.Close()
			return fmt.Errorf("reading mentions: %w", err)
		}
		ids := decodeList(list)
		if !slices.Contains(ids, mergeID) {
			continue
		}
		w.mentioned[mention{"Actor", mergeID}]--
		if !slices.Contains(ids, keepID) {
			w.mentioned[mention{"Actor", keepID}]++
		}
		ids = slices.DeleteFunc(ids, func(x string) bool { return x == mergeID })
		ids = append(ids, keepID)
		sort.Strings(ids)
		changes = append(changes, change{id, jsonList(slices.Compact(ids))})
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("reading mentions: %w", err)
	}
	for _, c := range changes {
		if err := w.execSQL(`UPDATE articles SET actors = ? WHERE id = ?`, c.actors, c.id); err != nil {
			return err
		}
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
	nids, err := w.strings(`DELETE FROM names WHERE oid = ? AND otype = ? RETURNING nid`, id, otype)
	if err != nil {
		return err
	}
	for _, nid := range nids {
		n, _ := strconv.ParseInt(nid, 10, 64)
		w.ftsNames.delete(n)
	}
	return nil
}

func (w *wtx) insertNames(otype, id string, names []string) error {
	for _, n := range names {
		var nid int64
		if err := w.stmt(qInsertName).QueryRowContext(w.ctx, otype, id, n, store.NormalizeName(n)).Scan(&nid); err != nil {
			return fmt.Errorf("inserting name: %w", err)
		}
		w.ftsNames.insert(nid, n)
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

// hasMembers reports whether any actor is affiliated to id.
func (w *wtx) hasMembers(id string) bool {
	found := false
	w.eachActor(func(a *store.Actor) {
		if a.AffiliationID == id {
			found = true
		}
	})
	return found
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
		// An actor reappearing (after a delete) may sit between members and their
		// old top: only then can keys change.
		return true, n.AffiliationID != "" && w.hasMembers(n.ID), nil
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
	old := w.incident(in.ID)
	if old == nil {
		created = true
		m = in
		m.Aliases = cleanNames(m.Name, m.Aliases)
		added = append([]string{m.Name}, m.Aliases...)
		m.AttributedTo = cleanNames("", redirectAll(in.AttributedTo))
		m.Targeted = cleanNames("", redirectAll(in.Targeted))
	} else {
		m = *old
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
	w.incidents[m.ID] = &m
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
		w.touchAll(old)
		w.touchAll(k)
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
	// Reports put earlier in this transaction are not in the table yet.
	for i, p := range w.pending {
		if !set[p.r.SpeakerID] && !set[p.r.TargetID] {
			continue
		}
		if k := store.KeyOf(p.r, aff); k != p.key {
			w.touchAll(p.key)
			w.touchAll(k)
			w.pending[i].key = k
		}
	}
	return nil
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
			w.touchAll(k)
		}
		rows.Close()
		for _, q := range []string{
			`UPDATE reports SET speaker = ?1 WHERE speaker = ?2`,
			`UPDATE reports SET target = ?1 WHERE target = ?2`,
			`UPDATE redirects SET to_id = ?1 WHERE to_id = ?2`,
			`INSERT OR REPLACE INTO redirects (from_id, to_id) VALUES (?2, ?1)`,
		} {
			if err := w.execSQL(q, keepID, mergeID); err != nil {
				return err
			}
		}
		if err := w.moveMentions(keepID, mergeID); err != nil {
			return err
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
	swap := func(ids []string) ([]string, bool) {
		if !slices.Contains(ids, mergeID) {
			return ids, false
		}
		out := slices.Clone(ids)
		for i, id := range out {
			if id == mergeID {
				out[i] = keepID
			}
		}
		return cleanNames("", out), true
	}
	var changed []*store.Incident
	for id, in := range w.s.incidents {
		if o, ok := w.incidents[id]; ok {
			in = o
		}
		if in != nil {
			changed = append(changed, in)
		}
	}
	for id, in := range w.incidents {
		if _, ok := w.s.incidents[id]; !ok && in != nil {
			changed = append(changed, in)
		}
	}
	for _, in := range changed {
		att, a := swap(in.AttributedTo)
		tgt, b := swap(in.Targeted)
		if !a && !b {
			continue
		}
		m := *in
		m.AttributedTo, m.Targeted = att, tgt
		if err := w.execSQL(`UPDATE incidents SET attributed = ?, targeted = ? WHERE id = ?`, jsonList(att), jsonList(tgt), m.ID); err != nil {
			return err
		}
		w.incidents[m.ID] = &m
	}
	return nil
}
