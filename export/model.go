package export

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/demarche/demarche/store"
)

// colType is the type of an attribute column, named as neo4j-admin names it.
type colType string

const (
	tString  colType = "string"
	tInt     colType = "int"
	tDouble  colType = "double"
	tDate    colType = "date"
	tStrings colType = "string[]"
)

// column is one attribute of the nodes or relationships of a section.
type column struct {
	name string
	typ  colType
}

// element is one node or relationship on its way to a writer. values line up
// with the section's columns; a nil value is unset and written as nothing.
type element struct {
	id             string
	labels         []string // node labels, "Actor" before the kind's label
	typ            string   // relationship type
	source, target string
	name           string    // display label
	start, end     time.Time // when the element exists (zero: unbounded)
	weight         float64   // relationship weight for layouts (0: none)
	values         []any     // string, int, float64, time.Time or []string
}

// label is the most specific Neo4j label of a node.
func (e *element) label() string {
	if len(e.labels) == 0 {
		return ""
	}
	return e.labels[len(e.labels)-1]
}

// section is one kind of node or relationship: one file in the neo4j-admin set.
type section struct {
	file     string // base name of its neo4j-admin CSV file
	node     bool
	space    string // node ID space ("Actor", "Statement", ...)
	from, to string // relationship start and end ID spaces
	cols     []column
	walk     func(ctx context.Context, fn func(*element) error) error
}

// graph is the export of one granularity: node sections, then relationship sections.
type graph struct {
	name        string // GraphActors or GraphProvenance
	nodes, rels []section
}

// columns returns the union of the sections' columns, in first-seen order.
func columns(secs []section) []column {
	var out []column
	seen := map[string]bool{}
	for _, s := range secs {
		for _, c := range s.cols {
			if !seen[c.name] {
				seen[c.name] = true
				out = append(out, c)
			}
		}
	}
	return out
}

// Granularities.
const (
	GraphActors     = "actors"
	GraphProvenance = "provenance"
)

// Provenance relationship types besides the statement kinds.
const (
	relMade         = "MADE"
	relTargets      = "TARGETS"
	relAbout        = "ABOUT"
	relReportedIn   = "REPORTED_IN"
	relMentions     = "MENTIONS"
	relMemberOf     = "MEMBER_OF"
	relPartOf       = "PART_OF"
	relAttributedTo = "ATTRIBUTED_TO"
	relTargeted     = "TARGETED"
	relRespondsTo   = "RESPONDS_TO"
)

var (
	actorCols = []column{{"label", tString}, {"kind", tString}, {"name", tString}, {"country", tString},
		{"aliases", tStrings}, {"affiliation", tString}, {"role", tString}}
	statementCols = []column{{"label", tString}, {"kind", tString}, {"name", tString}, {"date", tDate},
		{"confidence", tDouble}, {"cameo", tString}, {"plover", tString}, {"incident", tString},
		{"evidence", tString}, {"quote", tString}, {"reports", tInt}}
	articleCols = []column{{"label", tString}, {"name", tString}, {"title", tString}, {"url", tString}, {"publisher", tString},
		{"language", tString}, {"published", tDate}}
	incidentCols = []column{{"label", tString}, {"name", tString}, {"aliases", tStrings}, {"year", tInt}}
	directCols   = []column{{"count", tInt}, {"reports", tInt}, {"first", tDate}, {"last", tDate}, {"statements", tStrings}}
	reportCols   = []column{{"date", tDate}, {"evidence", tString}, {"quote", tString}, {"confidence", tDouble}, {"index", tInt}}
	memberCols   = []column{{"role", tString}}
)

// MentionWalker is an optional Store extension: the (article, actor) pairs of
// the MENTIONS edges as the store keeps them. Without it, an article mentions
// the speakers and targets of its reports.
type MentionWalker interface {
	WalkMentions(ctx context.Context, fn func(articleID, actorID string) error) error
}

// builder builds the sections of one export.
type builder struct {
	s   store.Store
	f   store.StatementFilter
	sel *selection // nil when the export is not filtered
}

// newGraph prepares the export of opts.Graph; with a filter it first gathers
// the selection.
func newGraph(ctx context.Context, s store.Store, opts Options) (*graph, error) {
	b := &builder{s: s, f: opts.Filter}
	if filtered(opts.Filter) {
		sel, err := selectGraph(ctx, s, opts.Filter)
		if err != nil {
			return nil, err
		}
		b.sel = sel
	}
	switch opts.graph() {
	case GraphActors:
		return &graph{name: GraphActors, nodes: []section{b.actors()}, rels: []section{b.direct()}}, nil
	case GraphProvenance:
		return &graph{
			name:  GraphProvenance,
			nodes: []section{b.actors(), b.incidents(), b.articles(), b.statements()},
			rels: []section{b.direct(), b.made(), b.targets(), b.about(), b.respondsTo(), b.reportedIn(),
				b.mentions(), b.existingEnds(b.affiliations(relMemberOf)), b.existingEnds(b.affiliations(relPartOf)),
				b.existingEnds(b.incidentLinks(relAttributedTo)), b.existingEnds(b.incidentLinks(relTargeted))},
		}, nil
	}
	return nil, fmt.Errorf("%w: graph %q (want %s or %s)", ErrUnknown, opts.Graph, GraphActors, GraphProvenance)
}

// filtered reports whether f selects less than everything. An order alone does not.
func filtered(f store.StatementFilter) bool {
	return len(f.IDs) > 0 || len(f.Kinds) > 0 || len(f.Speakers) > 0 || len(f.Targets) > 0 ||
		len(f.Either) > 0 || f.Incident != "" || !f.From.IsZero() || !f.To.IsZero() ||
		f.Publisher != "" || f.TextContains != "" || f.ArticleID != ""
}

func day(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t
}

func str(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func strs(ss []string) any {
	if len(ss) == 0 {
		return nil
	}
	return ss
}

func actorElement(a *store.Actor) *element {
	return &element{
		id: a.ID, labels: []string{"Actor", a.Kind.Label()}, name: a.Name,
		values: []any{a.Kind.Label(), string(a.Kind), a.Name, str(a.Country), strs(a.Aliases),
			str(a.AffiliationID), str(a.Role)},
	}
}

func (b *builder) actors() section {
	return section{file: "actors", node: true, space: "Actor", cols: actorCols,
		walk: func(ctx context.Context, fn func(*element) error) error {
			return b.s.WalkActors(ctx, func(a store.Actor) error {
				if b.sel != nil && !b.sel.actors[a.ID] {
					return nil
				}
				return fn(actorElement(&a))
			})
		}}
}

func (b *builder) incidents() section {
	return section{file: "incidents", node: true, space: "Incident", cols: incidentCols,
		walk: func(ctx context.Context, fn func(*element) error) error {
			return b.s.WalkIncidents(ctx, func(in store.Incident) error {
				if b.sel != nil && !b.sel.incidents[in.ID] {
					return nil
				}
				var year any
				if in.Year != 0 {
					year = in.Year
				}
				return fn(&element{id: in.ID, labels: []string{"Incident"}, name: in.Name,
					values: []any{"Incident", in.Name, strs(in.Aliases), year}})
			})
		}}
}

func (b *builder) articles() section {
	return section{file: "articles", node: true, space: "Article", cols: articleCols,
		walk: func(ctx context.Context, fn func(*element) error) error {
			return b.s.WalkArticles(ctx, func(a store.Article) error {
				if b.sel != nil && !b.sel.articles[a.ID] {
					return nil
				}
				name := a.Title
				if name == "" {
					name = a.URL
				}
				return fn(&element{id: a.ID, labels: []string{"Article"}, name: name, start: a.Published,
					values: []any{"Article", name, str(a.Title), str(a.URL), str(a.Publisher), str(a.Language), day(a.Published)}})
			})
		}}
}

// statementName is a statement's display label: kind and day.
func statementName(st *store.Statement) string {
	return string(st.Kind) + " " + st.Date.UTC().Format(time.DateOnly)
}

func (b *builder) statements() section {
	return section{file: "statements", node: true, space: "Statement", cols: statementCols,
		walk: func(ctx context.Context, fn func(*element) error) error {
			return b.s.WalkStatements(ctx, b.f, func(st store.Statement) error {
				quote := ""
				if len(st.Reports) > 0 {
					quote = st.Reports[0].Quote
				}
				return fn(&element{id: st.ID, labels: []string{"Statement"}, name: statementName(&st), start: st.Date,
					values: []any{"Statement", string(st.Kind), statementName(&st), day(st.Date), st.Confidence,
						st.Kind.CAMEO(), st.Kind.PLOVER(), str(st.IncidentID), str(st.Evidence()), str(quote), len(st.Reports)}})
			})
		}}
}

// directElement is the element of a direct actor-to-actor edge.
func directElement(e *store.Edge) *element {
	return &element{
		id: string(e.Kind) + ":" + e.SpeakerID + "->" + e.TargetID, typ: string(e.Kind),
		source: e.SpeakerID, target: e.TargetID, start: e.First, end: e.Last, weight: float64(e.Count),
		values: []any{e.Count, e.Reports, day(e.First), day(e.Last), strs(e.StatementIDs)},
	}
}

func (b *builder) direct() section {
	return section{file: "rel_direct", from: "Actor", to: "Actor", cols: directCols,
		walk: func(ctx context.Context, fn func(*element) error) error {
			if b.sel != nil {
				for i := range b.sel.edges {
					if err := fn(directElement(&b.sel.edges[i])); err != nil {
						return err
					}
				}
				return nil
			}
			return b.s.Edges(ctx, nil, func(e store.Edge) error { return fn(directElement(&e)) })
		}}
}

// link is an element of a relationship without properties.
func link(typ, source, target string, start time.Time) *element {
	return &element{id: typ + ":" + source + "->" + target, typ: typ, source: source, target: target, start: start}
}

// statementRels walks the statements (again) for the relationships they carry.
func (b *builder) statementRels(file, from, to string, cols []column, each func(st *store.Statement, fn func(*element) error) error) section {
	return section{file: file, from: from, to: to, cols: cols,
		walk: func(ctx context.Context, fn func(*element) error) error {
			return b.s.WalkStatements(ctx, b.f, func(st store.Statement) error { return each(&st, fn) })
		}}
}

func (b *builder) made() section {
	return b.statementRels("rel_made", "Actor", "Statement", nil, func(st *store.Statement, fn func(*element) error) error {
		for _, sp := range st.SpeakerIDs {
			if err := fn(link(relMade, sp, st.ID, st.Date)); err != nil {
				return err
			}
		}
		return nil
	})
}

func (b *builder) targets() section {
	return b.statementRels("rel_targets", "Statement", "Actor", nil, func(st *store.Statement, fn func(*element) error) error {
		for _, tg := range st.TargetIDs {
			if err := fn(link(relTargets, st.ID, tg, st.Date)); err != nil {
				return err
			}
		}
		return nil
	})
}

func (b *builder) about() section {
	return b.statementRels("rel_about", "Statement", "Incident", nil, func(st *store.Statement, fn func(*element) error) error {
		if st.IncidentID == "" {
			return nil
		}
		return fn(link(relAbout, st.ID, st.IncidentID, st.Date))
	})
}

func (b *builder) respondsTo() section {
	return b.statementRels("rel_responds_to", "Statement", "Statement", nil, func(st *store.Statement, fn func(*element) error) error {
		for _, acc := range st.RespondsTo {
			if b.sel != nil && !b.sel.statements[acc] {
				continue
			}
			if err := fn(link(relRespondsTo, st.ID, acc, st.Date)); err != nil {
				return err
			}
		}
		return nil
	})
}

func (b *builder) reportedIn() section {
	return b.statementRels("rel_reported_in", "Statement", "Article", reportCols, func(st *store.Statement, fn func(*element) error) error {
		for _, r := range st.Reports {
			e := link(relReportedIn, st.ID, r.ArticleID, r.Date)
			e.id = fmt.Sprintf("%s#%d", e.id, r.Index)
			e.values = []any{day(r.Date), str(r.Evidence), str(r.Quote), r.Confidence, r.Index}
			if err := fn(e); err != nil {
				return err
			}
		}
		return nil
	})
}

func (b *builder) mentions() section {
	return section{file: "rel_mentions", from: "Article", to: "Actor",
		walk: func(ctx context.Context, fn func(*element) error) error {
			emit := func(article, actor string) error { return fn(link(relMentions, article, actor, time.Time{})) }
			if b.sel != nil {
				for _, m := range b.sel.mentions {
					if err := emit(m[0], m[1]); err != nil {
						return err
					}
				}
				return nil
			}
			if mw, ok := b.s.(MentionWalker); ok {
				return mw.WalkMentions(ctx, emit)
			}
			return b.s.WalkArticles(ctx, func(a store.Article) error {
				actors, err := articleActors(ctx, b.s, a.ID)
				if err != nil {
					return err
				}
				for _, id := range actors {
					if err := emit(a.ID, id); err != nil {
						return err
					}
				}
				return nil
			})
		}}
}

// articleActors lists (sorted) the speakers and targets of an article's reports.
func articleActors(ctx context.Context, s store.Store, articleID string) ([]string, error) {
	set := map[string]bool{}
	const limit = 500
	for off := 0; ; off += limit {
		page, total, err := s.ListStatements(ctx, store.StatementFilter{ArticleID: articleID}, store.Page{Offset: off, Limit: limit})
		if err != nil {
			return nil, fmt.Errorf("statements of article %s: %w", articleID, err)
		}
		for _, st := range page {
			for _, r := range st.Reports {
				if r.ArticleID != articleID {
					continue
				}
				set[r.SpeakerID] = true
				if r.TargetID != "" {
					set[r.TargetID] = true
				}
			}
		}
		if len(page) == 0 || off+len(page) >= total {
			break
		}
	}
	out := make([]string, 0, len(set))
	for id := range set {
		out = append(out, id)
	}
	sort.Strings(out)
	return out, nil
}

// existingEnds drops relationships whose actor end is not in the store (as the
// stores' Stats do not count them), checking a batch of ends per GetActors.
func (b *builder) existingEnds(sec section) section {
	inner := sec
	sec.walk = func(ctx context.Context, fn func(*element) error) error {
		return walkWithEnds(ctx, b.s, inner, func(e *element, from, to *store.Actor) error {
			if (inner.from == "Actor" && from == nil) || (inner.to == "Actor" && to == nil) {
				return nil
			}
			return fn(e)
		})
	}
	return sec
}

// affiliations gives MEMBER_OF (a person's) or PART_OF (any other actor's) edges
// to the actor's affiliation.
func (b *builder) affiliations(typ string) section {
	file, cols := "rel_part_of", []column(nil)
	if typ == relMemberOf {
		file, cols = "rel_member_of", memberCols
	}
	return section{file: file, from: "Actor", to: "Actor", cols: cols,
		walk: func(ctx context.Context, fn func(*element) error) error {
			return b.s.WalkActors(ctx, func(a store.Actor) error {
				if a.AffiliationID == "" || (a.Kind == store.Person) != (typ == relMemberOf) {
					return nil
				}
				if b.sel != nil && (!b.sel.actors[a.ID] || !b.sel.actors[a.AffiliationID]) {
					return nil
				}
				e := link(typ, a.ID, a.AffiliationID, time.Time{})
				if typ == relMemberOf {
					e.values = []any{str(a.Role)}
				}
				return fn(e)
			})
		}}
}

// incidentLinks gives the ATTRIBUTED_TO or TARGETED edges of incidents.
func (b *builder) incidentLinks(typ string) section {
	file := "rel_attributed_to"
	if typ == relTargeted {
		file = "rel_targeted"
	}
	return section{file: file, from: "Incident", to: "Actor",
		walk: func(ctx context.Context, fn func(*element) error) error {
			return b.s.WalkIncidents(ctx, func(in store.Incident) error {
				if b.sel != nil && !b.sel.incidents[in.ID] {
					return nil
				}
				ids := in.AttributedTo
				if typ == relTargeted {
					ids = in.Targeted
				}
				for _, id := range ids {
					if b.sel != nil && !b.sel.actors[id] {
						continue
					}
					if err := fn(link(typ, in.ID, id, time.Time{})); err != nil {
						return err
					}
				}
				return nil
			})
		}}
}

// selection is what a filtered export holds: the ids of the selected nodes,
// the direct edges of the selected statements and their articles' mentions.
type selection struct {
	actors, incidents, articles, statements map[string]bool
	edges                                   []store.Edge
	mentions                                [][2]string
}

// selectGraph walks the statements f selects once and gathers the selection.
// Direct edges are tallied as store.DirectEdges does, over the selected
// statements only.
func selectGraph(ctx context.Context, s store.Store, f store.StatementFilter) (*selection, error) {
	sel := &selection{actors: map[string]bool{}, incidents: map[string]bool{}, articles: map[string]bool{}, statements: map[string]bool{}}
	var tally store.EdgeTally
	mentions := map[[2]string]bool{}
	err := s.WalkStatements(ctx, f, func(st store.Statement) error {
		sel.statements[st.ID] = true
		if st.IncidentID != "" {
			sel.incidents[st.IncidentID] = true
		}
		for _, id := range st.SpeakerIDs {
			sel.actors[id] = true
		}
		for _, id := range st.TargetIDs {
			sel.actors[id] = true
		}
		for _, r := range st.Reports {
			sel.articles[r.ArticleID] = true
			sel.actors[r.SpeakerID] = true
			if r.TargetID != "" {
				sel.actors[r.TargetID] = true
			}
			mentions[[2]string{r.ArticleID, r.SpeakerID}] = true
			if r.TargetID != "" {
				mentions[[2]string{r.ArticleID, r.TargetID}] = true
			}
		}
		tally.Add(st)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("select statements: %w", err)
	}
	sel.edges = tally.Edges()
	for m := range mentions {
		sel.mentions = append(sel.mentions, m)
	}
	slices.SortFunc(sel.mentions, func(a, b [2]string) int {
		if c := strings.Compare(a[0], b[0]); c != 0 {
			return c
		}
		return strings.Compare(a[1], b[1])
	})
	return sel, nil
}
