package sqlitestore

import (
	"crypto/sha1"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/demarche/demarche/store"
)

type reportRef struct {
	article string
	idx     int
}

// pendingReport is a report put in the current transaction: derive inserts it
// with its statement id once the statements are known.
type pendingReport struct {
	key store.StatementKey
	r   store.Report
}

// keyRange is the part of a statement key's reports a write changed: every report
// when full, else the reports dated from (Unix seconds of a day) on.
type keyRange struct {
	full bool
	from int64
}

// touch marks k dirty from the day d on (all of k when d is zero).
func (w *wtx) touch(k store.StatementKey, d time.Time) {
	if d.IsZero() {
		w.touchAll(k)
		return
	}
	u := d.Unix()
	r, ok := w.dirty[k]
	switch {
	case !ok:
		w.dirty[k] = keyRange{from: u}
	case !r.full && u < r.from:
		w.dirty[k] = keyRange{from: u}
	}
}

// touchAll marks every report of k dirty.
func (w *wtx) touchAll(k store.StatementKey) { w.dirty[k] = keyRange{full: true} }

// jsonRows encodes rows (each a slice of values) as a JSON array for json_each.
func jsonRows(rows [][]any) string {
	b, _ := json.Marshal(rows)
	return string(b)
}

func compareKeys(a, b store.StatementKey) int {
	if c := strings.Compare(string(a.Kind), string(b.Kind)); c != 0 {
		return c
	}
	if c := strings.Compare(a.Speaker, b.Speaker); c != 0 {
		return c
	}
	return strings.Compare(a.Target, b.Target)
}

// derive regroups the dirty reports of every dirty key into statements with
// store.GroupReports, writes only the statements that changed and updates the
// direct edges those statements are part of.
//
// A key changed from day D on is regrouped incrementally. Grouping walks the
// reports in date order and puts each into the first open cluster within the
// window, so the statements whose reports all precede D - window cannot take a
// report dated D or later: they are left alone. GroupReports is run over the
// reports dated D or later plus every report of the statements that have one
// dated in [D - window, D); as that set is made of whole clusters of the reports
// before D, it yields the same statements (same ids) as regrouping the whole key.
//
// RESPONDS_TO is not stored: it follows from the statements' keys and dates and
// is computed when read (see respondsSQL).
func (w *wtx) derive() error {
	if len(w.dirty) == 0 {
		return nil
	}
	keys := make([]store.StatementKey, 0, len(w.dirty))
	for k := range w.dirty {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, compareKeys)
	ranges := w.dirty
	w.dirty = map[store.StatementKey]keyRange{}
	window := int64(w.s.window / time.Second)
	var fullRows, partRows, liveRows [][]any
	for _, k := range keys {
		r := ranges[k]
		if r.full {
			fullRows = append(fullRows, []any{k.Kind, k.Speaker, k.Target})
		} else {
			partRows = append(partRows, []any{k.Kind, k.Speaker, k.Target, r.from})
			liveRows = append(liveRows, []any{k.Kind, k.Speaker, k.Target, r.from - window, r.from})
		}
	}

	// The statements still open at each key's first changed day.
	var live []string
	if len(liveRows) > 0 {
		rows, err := w.stmt(qLiveStatements).QueryContext(w.ctx, jsonRows(liveRows))
		if err != nil {
			return fmt.Errorf("reading statements to derive: %w", err)
		}
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return fmt.Errorf("reading statements to derive: %w", err)
			}
			live = append(live, id)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("reading statements to derive: %w", err)
		}
	}

	reports := map[store.StatementKey][]store.Report{}
	rids := map[reportRef]int64{}
	linked := map[reportRef]string{} // the statement each stored report is linked to
	readReports := func(q int, arg string) error {
		rows, err := w.stmt(q).QueryContext(w.ctx, arg)
		if err != nil {
			return fmt.Errorf("reading reports to derive: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var rid int64
			var d sql.NullInt64
			var k store.StatementKey
			var r store.Report
			var sid string
			if err := rows.Scan(&rid, &r.ArticleID, &r.Index, &k.Kind, &k.Speaker, &k.Target, &r.SpeakerID, &r.TargetID, &r.IncidentID, &d, &r.Confidence, &sid); err != nil {
				return fmt.Errorf("reading reports to derive: %w", err)
			}
			ref := reportRef{r.ArticleID, r.Index}
			if _, dup := rids[ref]; dup {
				continue
			}
			r.Kind, r.Date = k.Kind, timeOf(d)
			reports[k] = append(reports[k], r)
			rids[ref] = rid
			linked[ref] = sid
		}
		return rows.Err()
	}
	existing := map[store.StatementKey]map[string]string{}
	readStatements := func(q int, arg string) error {
		rows, err := w.stmt(q).QueryContext(w.ctx, arg)
		if err != nil {
			return fmt.Errorf("reading statements to derive: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var k store.StatementKey
			var id, fp string
			if err := rows.Scan(&k.Kind, &k.Speaker, &k.Target, &id, &fp); err != nil {
				return fmt.Errorf("reading statements to derive: %w", err)
			}
			if existing[k] == nil {
				existing[k] = map[string]string{}
			}
			existing[k][id] = fp
		}
		return rows.Err()
	}
	for _, q := range []struct {
		read func(int, string) error
		q    int
		rows [][]any
		ids  []string
	}{
		{readReports, qReportsOfKeys, fullRows, nil},
		{readReports, qReportsOfKeysFrom, partRows, nil},
		{readReports, qReportsOfStatements, nil, live},
		{readStatements, qStatementsOfKeys, fullRows, nil},
		{readStatements, qStatementsOfKeysFrom, partRows, nil},
		{readStatements, qStatementsByID, nil, live},
	} {
		var arg string
		switch {
		case len(q.rows) > 0:
			arg = jsonRows(q.rows)
		case len(q.ids) > 0:
			arg = jsonList(q.ids)
		default:
			continue
		}
		if err := q.read(q.q, arg); err != nil {
			return err
		}
	}

	pendingRef := make(map[reportRef]bool, len(w.pending))
	for _, p := range w.pending {
		reports[p.key] = append(reports[p.key], p.r)
		pendingRef[reportRef{p.r.ArticleID, p.r.Index}] = true
	}
	stmtOf := make(map[reportRef]string, len(w.pending))

	var (
		deleted, stmtRows, links [][]any
		deletedKind              = map[string]store.StatementKind{}
		rewritten                = map[string]bool{} // deleted ids written again
		added                    []store.Statement
	)
	aff := w.affiliations()
	for _, k := range keys {
		stmts := store.GroupReports(reports[k], aff, w.s.window)
		old := existing[k]
		keep := map[string]bool{}
		for _, st := range stmts {
			fp := fingerprint(st)
			keep[st.ID] = true
			for _, r := range st.Reports {
				if ref := (reportRef{r.ArticleID, r.Index}); pendingRef[ref] {
					stmtOf[ref] = st.ID
				}
			}
			if f, ok := old[st.ID]; ok && f == fp {
				continue
			} else if ok {
				deleted = append(deleted, []any{st.ID})
				deletedKind[st.ID] = k.Kind
				rewritten[st.ID] = true
			}
			added = append(added, st)
			d := nullable(unixOf(st.Date))
			stmtRows = append(stmtRows, []any{st.ID, k.Kind, k.Speaker, k.Target, st.IncidentID, d, st.Confidence, fp})
			for _, r := range st.Reports {
				ref := reportRef{r.ArticleID, r.Index}
				if rid, ok := rids[ref]; ok && linked[ref] != st.ID {
					links = append(links, []any{rid, st.ID})
				}
			}
		}
		for id := range old {
			if !keep[id] {
				deleted = append(deleted, []any{id})
				deletedKind[id] = k.Kind
			}
		}
	}

	// The edges of the statements that go or come.
	edges := newEdgeDelta()
	if len(deleted) > 0 {
		ids := make([]string, len(deleted))
		for i, d := range deleted {
			ids[i] = d[0].(string)
		}
		if err := edges.removeStatements(w, ids, deletedKind); err != nil {
			return err
		}
	}
	for _, st := range added {
		// A statement made only of reports put in this write names articles no
		// other statement of its edges names, unless one that did is rewritten.
		fresh := true
		for _, r := range st.Reports {
			if !pendingRef[reportRef{r.ArticleID, r.Index}] {
				fresh = false
				break
			}
		}
		edges.addStatement(st, fresh)
	}

	// Statements written again are updated in place, and so are their actor rows
	// (only those that change): deleting and inserting them again would rewrite
	// every index entry.
	var gone, actorGone, actorRows [][]any
	for _, d := range deleted {
		if !rewritten[d[0].(string)] {
			gone = append(gone, d)
		}
	}
	for _, st := range added {
		d := nullable(unixOf(st.Date))
		had := edges.actors[st.ID] // nil unless rewritten
		now := map[statementActor]bool{}
		for _, role := range []struct {
			name string
			ids  []string
		}{{"S", st.SpeakerIDs}, {"T", st.TargetIDs}} {
			for _, id := range role.ids {
				a := statementActor{role.name, id}
				now[a] = true
				if day, ok := had[a]; ok && day == unixOf(st.Date) {
					continue
				}
				actorRows = append(actorRows, []any{st.ID, role.name, id, d})
			}
		}
		for a := range had {
			if !now[a] {
				actorGone = append(actorGone, []any{st.ID, a.role, a.actor})
			}
		}
	}
	for _, b := range []struct {
		q    int
		rows [][]any
	}{
		{qDeleteStatements, gone},
		{qDeleteStatementActors, gone},
		{qDeleteStatementActorRows, actorGone},
	} {
		if len(b.rows) == 0 {
			continue
		}
		if err := w.exec(b.q, jsonRows(b.rows)); err != nil {
			return err
		}
	}
	if err := w.insert(bulkStatements, stmtRows); err != nil {
		return err
	}
	if err := w.insert(bulkStatementActors, actorRows); err != nil {
		return err
	}
	if len(links) > 0 {
		if err := w.exec(qLinkReports, jsonRows(links)); err != nil {
			return err
		}
	}
	if err := w.insertPending(stmtOf); err != nil {
		return err
	}
	return edges.write(w)
}

// insertPending inserts the reports put in this transaction, linked to their
// statements, and buffers their evidence for full-text search.
func (w *wtx) insertPending(stmtOf map[reportRef]string) error {
	if len(w.pending) == 0 {
		return nil
	}
	// Rows get their rids here, after the largest (as SQLite would number them),
	// so that the full-text rows need not be matched to RETURNING rows.
	var rid int64
	if err := w.stmt(qMaxReportID).QueryRowContext(w.ctx).Scan(&rid); err != nil {
		return fmt.Errorf("reading report ids: %w", err)
	}
	rows := make([][]any, 0, len(w.pending))
	if w.statementsOf == nil {
		w.statementsOf = map[string][]string{}
	}
	for _, p := range w.pending {
		r := p.r
		ref := reportRef{r.ArticleID, r.Index}
		if id := stmtOf[ref]; id != "" {
			w.statementsOf[r.ArticleID] = append(w.statementsOf[r.ArticleID], id)
		}
		rid++
		rows = append(rows, []any{rid, r.ArticleID, r.Index, r.Kind, r.SpeakerID, r.TargetID, r.IncidentID, nullable(unixOf(r.Date)),
			r.Evidence, r.Quote, r.Confidence, p.key.Speaker, p.key.Target, stmtOf[ref]})
		if r.Evidence != "" {
			w.ftsReports.insert(rid, r.Evidence)
		}
	}
	for art, ids := range w.statementsOf {
		slices.Sort(ids)
		w.statementsOf[art] = slices.Compact(ids)
	}
	w.pending = nil
	return w.insert(bulkReports, rows)
}

// edgeDelta collects the direct edges whose statements change in a write.
type edgeDelta struct {
	removed map[string]bool // statement ids that go (or are written again)
	touched map[edgeKey]*edgeChange
	// actors holds the stored actors of the removed statements, with the day
	// their rows carry.
	actors map[string]map[statementActor]sql.NullInt64
}

// statementActor is a row of statement_actors without its statement.
type statementActor struct{ role, actor string }

// edgeAgg is what an edge counts of its statements' reports: distinct articles,
// first day (null when a report is undated) and last day.
type edgeAgg struct {
	reports     int
	first, last sql.NullInt64
}

type edgeKey struct {
	speaker string
	kind    store.StatementKind
	target  string
}

// edgeChange is what a write does to an edge: the statements it adds and, when
// every one of them is fresh (made only of reports this write puts) and none of
// the edge's statements goes, what they add to its counts, so that the edge's
// reports need not be counted again.
type edgeChange struct {
	add      []string
	recount  bool
	articles map[string]bool
	undated  bool
	first    sql.NullInt64 // of the dated reports added
	last     sql.NullInt64
}

func newEdgeDelta() *edgeDelta {
	return &edgeDelta{removed: map[string]bool{}, touched: map[edgeKey]*edgeChange{}, actors: map[string]map[statementActor]sql.NullInt64{}}
}

func (d *edgeDelta) touch(k edgeKey) *edgeChange {
	c := d.touched[k]
	if c == nil {
		c = &edgeChange{}
		d.touched[k] = c
	}
	return c
}

// removeStatements reads the speakers and targets of statements about to be
// deleted and marks their edges.
func (d *edgeDelta) removeStatements(w *wtx, ids []string, kinds map[string]store.StatementKind) error {
	rows, err := w.stmt(qActorsOfStatements).QueryContext(w.ctx, jsonList(ids))
	if err != nil {
		return fmt.Errorf("reading statement actors: %w", err)
	}
	defer rows.Close()
	speakers, targets := map[string][]string{}, map[string][]string{}
	for rows.Next() {
		var id, role, actor string
		var day sql.NullInt64
		if err := rows.Scan(&id, &role, &actor, &day); err != nil {
			return fmt.Errorf("reading statement actors: %w", err)
		}
		if d.actors[id] == nil {
			d.actors[id] = map[statementActor]sql.NullInt64{}
		}
		d.actors[id][statementActor{role, actor}] = day
		if role == "S" {
			speakers[id] = append(speakers[id], actor)
		} else {
			targets[id] = append(targets[id], actor)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("reading statement actors: %w", err)
	}
	for _, id := range ids {
		d.removed[id] = true
		for _, sp := range speakers[id] {
			for _, tg := range targets[id] {
				d.touch(edgeKey{sp, kinds[id], tg}).recount = true
			}
		}
	}
	return nil
}

func (d *edgeDelta) addStatement(st store.Statement, fresh bool) {
	for _, sp := range st.SpeakerIDs {
		for _, tg := range st.TargetIDs {
			c := d.touch(edgeKey{sp, st.Kind, tg})
			c.add = append(c.add, st.ID)
			if !fresh {
				c.recount = true
			}
			if c.recount {
				continue
			}
			if c.articles == nil {
				c.articles = map[string]bool{}
			}
			for _, r := range st.Reports {
				c.articles[r.ArticleID] = true
				if r.Date.IsZero() {
					c.undated = true
					continue
				}
				u := r.Date.Unix()
				if !c.first.Valid || u < c.first.Int64 {
					c.first = sql.NullInt64{Int64: u, Valid: true}
				}
				if !c.last.Valid || u > c.last.Int64 {
					c.last = sql.NullInt64{Int64: u, Valid: true}
				}
			}
		}
	}
}

// plus returns a's counts with c's fresh statements added.
func (a edgeAgg) plus(c *edgeChange, existed bool) edgeAgg {
	out := edgeAgg{reports: a.reports + len(c.articles), last: a.last}
	if c.last.Valid && (!out.last.Valid || c.last.Int64 > out.last.Int64) {
		out.last = c.last
	}
	// A stored edge without a first day has an undated report.
	if c.undated || (existed && !a.first.Valid) {
		return out
	}
	out.first = c.first
	if existed && a.first.Int64 < c.first.Int64 {
		out.first = a.first
	}
	return out
}

// write reads the touched edges, applies the statement changes to their id lists,
// recomputes the report counts and dates of those that lost or rewrote a
// statement (or gained one with stored reports) from the linked reports, adds
// those of the others in Go, and writes them.
func (d *edgeDelta) write(w *wtx) error {
	if len(d.touched) == 0 {
		return nil
	}
	keys := make([]edgeKey, 0, len(d.touched))
	for k := range d.touched {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b edgeKey) int {
		if c := strings.Compare(a.speaker, b.speaker); c != 0 {
			return c
		}
		if c := strings.Compare(string(a.kind), string(b.kind)); c != 0 {
			return c
		}
		return strings.Compare(a.target, b.target)
	})
	krows := make([][]any, len(keys))
	for i, k := range keys {
		krows[i] = []any{k.speaker, k.kind, k.target}
	}
	cur := map[edgeKey][]string{}
	curAgg := map[edgeKey]edgeAgg{}
	rows, err := w.stmt(qEdgesByKey).QueryContext(w.ctx, jsonRows(krows))
	if err != nil {
		return fmt.Errorf("reading edges: %w", err)
	}
	for rows.Next() {
		var k edgeKey
		var ids string
		var a edgeAgg
		if err := rows.Scan(&k.speaker, &k.kind, &k.target, &ids, &a.reports, &a.first, &a.last); err != nil {
			rows.Close()
			return fmt.Errorf("reading edges: %w", err)
		}
		cur[k] = decodeList(ids)
		curAgg[k] = a
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("reading edges: %w", err)
	}
	var gone [][]any
	var live []edgeKey
	lists := [][]string{}
	for _, k := range keys {
		ch := d.touched[k]
		old := cur[k]
		ids := make([]string, 0, len(old)+len(ch.add))
		for _, id := range old {
			if !d.removed[id] {
				ids = append(ids, id)
			}
		}
		ids = append(ids, ch.add...)
		sort.Strings(ids)
		ids = slices.Compact(ids)
		if len(ids) == 0 {
			if _, ok := cur[k]; ok {
				gone = append(gone, []any{k.speaker, k.kind, k.target})
			}
			continue
		}
		live = append(live, k)
		lists = append(lists, ids)
	}
	if len(gone) > 0 {
		if err := w.exec(qDeleteEdges, jsonRows(gone)); err != nil {
			return err
		}
	}
	if len(live) == 0 {
		return nil
	}
	// Reports (distinct articles), first and last day of each edge's statements.
	aggs := make([]edgeAgg, len(live))
	var recount [][]string
	var recountAt []int
	for i, k := range live {
		ch := d.touched[k]
		if ch.recount {
			recount = append(recount, lists[i])
			recountAt = append(recountAt, i)
			continue
		}
		old, existed := curAgg[k]
		aggs[i] = old.plus(ch, existed)
	}
	if len(recount) > 0 {
		b, _ := json.Marshal(recount)
		rows, err = w.stmt(qEdgeAggregates).QueryContext(w.ctx, string(b))
		if err != nil {
			return fmt.Errorf("counting edge reports: %w", err)
		}
		for rows.Next() {
			var i, undated int
			var a edgeAgg
			if err := rows.Scan(&i, &a.reports, &a.first, &a.last, &undated); err != nil {
				rows.Close()
				return fmt.Errorf("counting edge reports: %w", err)
			}
			if undated > 0 {
				a.first = sql.NullInt64{}
			}
			aggs[recountAt[i]] = a
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("counting edge reports: %w", err)
		}
	}
	erows := make([][]any, 0, len(live))
	aff := w.affiliations()
	for i, k := range live {
		a := aggs[i]
		erows = append(erows, []any{k.speaker, k.kind, k.target, aff.Root(k.speaker), aff.Root(k.target), len(lists[i]), a.reports,
			nullable(a.first), nullable(a.last), jsonList(lists[i])})
	}
	return w.insert(bulkEdges, erows)
}

func nullable(n sql.NullInt64) any {
	if !n.Valid {
		return nil
	}
	return n.Int64
}

// fingerprint identifies everything stored for a statement and its edges: which
// reports it groups and their dates (reports inserted later are linked when
// inserted).
func fingerprint(st store.Statement) string {
	h := sha1.New()
	fmt.Fprintf(h, "%s|%v|%v|%s|%d|%g", st.ID, st.SpeakerIDs, st.TargetIDs, st.IncidentID, st.Date.Unix(), st.Confidence)
	for _, r := range st.Reports {
		fmt.Fprintf(h, "|%s#%d@%d", r.ArticleID, r.Index, r.Date.Unix())
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}
