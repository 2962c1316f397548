package graph

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vikstrous/dataloadgen"

	"github.com/demarche/demarche/graph/model"
	"github.com/demarche/demarche/loader"
	"github.com/demarche/demarche/store"
)

// This file holds what the resolvers call when a field needs more than one
// store call: lookups by alternative keys, the analysis fields, ingestion and
// the subscription.

// Limits of the graph walks.
const (
	MaxPathHops          = 6
	MaxNeighborhoodDepth = 4
	MaxNeighborhoodSize  = 1000
)

// actorByRef answers actor(id | name).
func (r *Resolver) actorByRef(ctx context.Context, id, name *string) (*store.Actor, error) {
	switch {
	case id != nil && name != nil, id == nil && name == nil:
		return nil, badInput("give exactly one of id and name")
	case id != nil:
		return r.actorByID(ctx, *id)
	}
	return r.resolveActor(ctx, *name)
}

// actorByID answers actor(id). The statement pages its selection asks for are
// fetched first, by the id, and the actor is then loaded in one batch with
// the speakers and targets of those pages.
func (r *Resolver) actorByID(ctx context.Context, id string) (*store.Actor, error) {
	l := r.loadersFor(ctx)
	if looksLikeID(id) {
		r.prefetchActorStatements(ctx, l, id)
	}
	return loadOne(ctx, l.actors, "actor", id)
}

// prefetchActorStatements loads the statementsMade and statementsReceived pages
// the selection of actor id asks for, through the same loader keys the fields'
// resolvers will use (so they find them cached), and queues the pages' speakers
// and targets on the actor loader without waiting. Errors are left to the
// fields' own resolvers, which report them.
func (r *Resolver) prefetchActorStatements(ctx context.Context, l *loaders, id string) {
	if !graphql.HasOperationContext(ctx) {
		return
	}
	vars := graphql.GetOperationContext(ctx).Variables
	ec := newExecutionContext(nil, &executableSchema{}, nil)
	type pending struct {
		sel statementSel
		res func() (actorStatements, error)
	}
	var ps []pending
	for _, f := range named(selectedFields(ctx, actorImplementors...), "statementsMade", "statementsReceived") {
		received := f.Name == "statementsReceived"
		var args map[string]any
		var err error
		if received {
			args, err = ec.field_Actor_statementsReceived_args(ctx, f.ArgumentMap(vars))
		} else {
			args, err = ec.field_Actor_statementsMade_args(ctx, f.ArgumentMap(vars))
		}
		if err != nil {
			continue
		}
		in, _ := args["filter"].(*model.StatementFilter)
		order, _ := args["orderBy"].(*store.StatementOrder)
		first, _ := args["first"].(*int)
		after, _ := args["after"].(*string)
		sel := connectionSelection(ctx, subFields(ctx, f.Selections, statementConnectionImplementors...))
		key, _, err := r.actorStatementsKey(ctx, id, received, in, order, first, after, sel)
		if err != nil {
			continue
		}
		ps = append(ps, pending{sel: sel, res: l.byActor.LoadThunk(ctx, key)})
	}
	for _, p := range ps {
		if res, err := p.res(); err == nil && p.sel.items {
			l.preloadActors(ctx, res.Items, p.sel)
		}
	}
}

// articleByRef answers article(id | url).
func (r *Resolver) articleByRef(ctx context.Context, id, url *string) (*store.Article, error) {
	switch {
	case id != nil && url != nil, id == nil && url == nil:
		return nil, badInput("give exactly one of id and url")
	case id != nil:
		return loadOne(ctx, r.loadersFor(ctx).articles, "article", *id)
	}
	a, err := r.Store.GetArticleByURL(ctx, *url)
	if err != nil {
		return nil, fmt.Errorf("article %q: %w", *url, err)
	}
	return &a, nil
}

// node looks an id up among every node type at once (one batched round trip
// per type); null when none has it.
func (r *Resolver) node(ctx context.Context, id string) (model.Node, error) {
	l := r.loadersFor(ctx)
	actor, stmt := l.actors.LoadThunk(ctx, id), l.statements.LoadThunk(ctx, id)
	inc, art := l.incidents.LoadThunk(ctx, id), l.articles.LoadThunk(ctx, id)
	var errs []error
	found := func(err error) bool {
		if err != nil && !errors.Is(err, dataloadgen.ErrNotFound) {
			errs = append(errs, err)
		}
		return err == nil
	}
	if a, err := actor(); found(err) {
		return &a, nil
	}
	if s, err := stmt(); found(err) {
		return &s, nil
	}
	if i, err := inc(); found(err) {
		return &i, nil
	}
	if a, err := art(); found(err) {
		return &a, nil
	}
	return nil, errors.Join(errs...)
}

// stats answers the stats field from the store's label and type counts.
func (r *Resolver) stats(ctx context.Context) (*model.Stats, error) {
	s, err := r.Store.Stats(ctx)
	if err != nil {
		return nil, fmt.Errorf("stats: %w", err)
	}
	out := &model.Stats{
		Actors:     s.Nodes["Actor"],
		Statements: s.Nodes["Statement"],
		Articles:   s.Nodes["Article"],
		Incidents:  s.Nodes["Incident"],
		Reports:    cmp.Or(s.Nodes["Report"], s.Edges["REPORTED_IN"]),
		Nodes:      labelCounts(s.Nodes),
		Edges:      labelCounts(s.Edges),
	}
	if out.Actors == 0 {
		for _, k := range store.ActorKinds {
			out.Actors += s.Nodes[k.Label()]
		}
	}
	for _, k := range store.StatementKinds {
		out.Links += s.Edges[string(k)]
	}
	return out, nil
}

func labelCounts(m map[string]int) []model.LabelCount {
	out := make([]model.LabelCount, 0, len(m))
	for k, v := range m {
		out = append(out, model.LabelCount{Label: k, Count: v})
	}
	slices.SortFunc(out, func(a, b model.LabelCount) int { return cmp.Compare(a.Label, b.Label) })
	return out
}

var searchTypes = map[model.SearchKind]string{
	model.SearchKindActor:     "Actor",
	model.SearchKindIncident:  "Incident",
	model.SearchKindStatement: "Statement",
}

// search answers the search field.
func (r *Resolver) search(ctx context.Context, text string, kinds []model.SearchKind, first *int) ([]store.SearchHit, error) {
	if strings.TrimSpace(text) == "" {
		return nil, badInput("search text must not be empty")
	}
	n, err := r.limit("first", first, 10)
	if err != nil {
		return nil, err
	}
	var types []string
	for _, k := range kinds {
		types = append(types, searchTypes[k])
	}
	hits, err := r.Store.Search(ctx, text, types, n)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", text, err)
	}
	if selects(selectedFields(ctx, searchHitImplementors...), "node") {
		// Queue every hit's node now, from one goroutine, so the nodes cost one
		// batch per type however late their resolvers are scheduled.
		l := r.loadersFor(ctx)
		for _, h := range hits {
			switch h.Type {
			case "Actor":
				l.actors.LoadThunk(ctx, h.ID)
			case "Incident":
				l.incidents.LoadThunk(ctx, h.ID)
			case "Statement":
				l.statements.LoadThunk(ctx, h.ID)
			}
		}
	}
	return hits, nil
}

// searchKind names the kind of a hit.
func searchKind(h *store.SearchHit) (model.SearchKind, error) {
	for k, t := range searchTypes {
		if t == h.Type {
			return k, nil
		}
	}
	return "", fmt.Errorf("search hit of unknown type %q", h.Type)
}

// searchNode loads what a hit points to.
func (r *Resolver) searchNode(ctx context.Context, h *store.SearchHit) (model.SearchResult, error) {
	l := r.loadersFor(ctx)
	switch h.Type {
	case "Actor":
		return loadOne(ctx, l.actors, "actor", h.ID)
	case "Incident":
		return loadOne(ctx, l.incidents, "incident", h.ID)
	case "Statement":
		return loadOne(ctx, l.statements, "statement", h.ID)
	}
	return nil, fmt.Errorf("search hit of unknown type %q", h.Type)
}

// dyad answers the dyad field: counts both ways (two store calls). Arguments
// in the form of ids are tried as ids first: when the query does not select
// the actors themselves and some statement joins the two, that proves both
// exist and no lookup is needed.
func (r *Resolver) dyad(ctx context.Context, aRef, bRef string, kinds []store.StatementKind, from, to *time.Time, rollup *bool) (*model.Dyad, error) {
	f, err := countFilter(kinds, from, to, rollup)
	if err != nil {
		return nil, err
	}
	fields := selectedFields(ctx, dyadImplementors...)
	counted := fields == nil || selects(fields, "total", "aToB", "bToA")
	var guess *model.Dyad
	if counted && fields != nil && !selects(fields, "a", "b") && looksLikeID(aRef) && looksLikeID(bRef) {
		guess = &model.Dyad{A: &store.Actor{ID: aRef}, B: &store.Actor{ID: bRef}, Filter: f}
		if err := r.countDyad(ctx, guess); err != nil {
			return nil, err
		}
		if guess.Total > 0 {
			return guess, nil
		}
	}
	a, b, err := r.resolvePair(ctx, aRef, bRef)
	if err != nil {
		return nil, err
	}
	if guess != nil && a.ID == aRef && b.ID == bRef {
		guess.A, guess.B = a, b
		return guess, nil
	}
	d := &model.Dyad{A: a, B: b, Filter: f}
	if counted {
		if err := r.countDyad(ctx, d); err != nil {
			return nil, err
		}
	}
	return d, nil
}

// countDyad counts the statements of a dyad both ways, concurrently.
func (r *Resolver) countDyad(ctx context.Context, d *model.Dyad) error {
	var errAB, errBA error
	both(func() { d.AToB, errAB = r.Store.CountStatements(ctx, between(d.Filter, d.A.ID, d.B.ID)) },
		func() { d.BToA, errBA = r.Store.CountStatements(ctx, between(d.Filter, d.B.ID, d.A.ID)) })
	if err := errors.Join(errAB, errBA); err != nil {
		return fmt.Errorf("dyad: %w", err)
	}
	d.Total = sumCounts(d.AToB) + sumCounts(d.BToA)
	d.Counted = true
	return nil
}

// both runs two functions concurrently and returns when both are done.
func both(f, g func()) {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		f()
	}()
	g()
	wg.Wait()
}

// resolvePair resolves two actor arguments; ids of both are looked up in one
// batch.
func (r *Resolver) resolvePair(ctx context.Context, aRef, bRef string) (*store.Actor, *store.Actor, error) {
	var a, b *store.Actor
	var errA, errB error
	both(func() { a, errA = r.resolveActor(ctx, aRef) }, func() { b, errB = r.resolveActor(ctx, bRef) })
	if errA != nil {
		return nil, nil, errA
	}
	if errB != nil {
		return nil, nil, errB
	}
	return a, b, nil
}

// between is f restricted to statements from speaker to target.
func between(f store.StatementFilter, speaker, target string) store.StatementFilter {
	f.Speakers, f.Targets = []string{speaker}, []string{target}
	return f
}

// dyadStatements pages through the statements of a dyad, both ways, newest
// first: two concurrent store calls whatever the page, none when only the
// total is selected and the dyad was counted.
func (r *Resolver) dyadStatements(ctx context.Context, d *model.Dyad, first *int, after *string) (*model.StatementConnection, error) {
	p, err := r.page(first, after)
	if err != nil {
		return nil, err
	}
	sel := currentConnection(ctx)
	if !sel.items && d.Counted {
		return countConnection(p, d.Total), nil
	}
	f := d.Filter
	f.OrderBy = store.DateDesc
	f.WithoutReports = !sel.reports
	upto := store.Page{Limit: p.Offset + p.Limit}
	var ab, ba []store.Statement
	var n1, n2 int
	var errAB, errBA error
	both(func() { ab, n1, errAB = r.Store.ListStatements(ctx, between(f, d.A.ID, d.B.ID), upto) },
		func() { ba, n2, errBA = r.Store.ListStatements(ctx, between(f, d.B.ID, d.A.ID), upto) })
	if err := errors.Join(errAB, errBA); err != nil {
		return nil, fmt.Errorf("dyad statements: %w", err)
	}
	all := append(ab, ba...)
	slices.SortFunc(all, func(x, y store.Statement) int {
		if c := y.Date.Compare(x.Date); c != 0 {
			return c
		}
		return cmp.Compare(x.ID, y.ID)
	})
	all = slices.CompactFunc(all, func(x, y store.Statement) bool { return x.ID == y.ID })
	items := window(all, p)
	r.loadersFor(ctx).preloadActors(ctx, items, sel)
	return statementConnection(items, p, n1+n2), nil
}

// timeline answers the timeline field: made and received counts per bucket
// (two concurrent store calls). Arguments in the form of ids are tried as ids
// first: when the query does not select the actors themselves and some
// bucket is found, that proves they exist and no lookup is needed.
func (r *Resolver) timeline(ctx context.Context, actorRef string, cpRef *string, kinds []store.StatementKind, iv *store.Interval, from, to *time.Time, rollup *bool) (*model.Timeline, error) {
	f, err := countFilter(kinds, from, to, rollup)
	if err != nil {
		return nil, err
	}
	interval := cmp.Or(deref(iv), store.Month)
	fields := selectedFields(ctx, timelineImplementors...)
	var guess *model.Timeline
	if fields != nil && !selects(fields, "actor", "counterpart") && looksLikeID(actorRef) && (cpRef == nil || looksLikeID(*cpRef)) {
		guess = &model.Timeline{Actor: &store.Actor{ID: actorRef}, Interval: interval}
		if cpRef != nil {
			guess.Counterpart = &store.Actor{ID: *cpRef}
		}
		if err := r.timelineBuckets(ctx, guess, f); err != nil {
			return nil, err
		}
		if len(guess.Buckets) > 0 {
			return guess, nil
		}
	}
	t := &model.Timeline{Interval: interval}
	if cpRef != nil {
		if t.Actor, t.Counterpart, err = r.resolvePair(ctx, actorRef, *cpRef); err != nil {
			return nil, err
		}
	} else if t.Actor, err = r.resolveActor(ctx, actorRef); err != nil {
		return nil, err
	}
	if guess != nil && t.Actor.ID == guess.Actor.ID && (t.Counterpart == nil || t.Counterpart.ID == guess.Counterpart.ID) {
		t.Buckets = guess.Buckets
		return t, nil
	}
	if err := r.timelineBuckets(ctx, t, f); err != nil {
		return nil, err
	}
	return t, nil
}

// timelineBuckets fills t.Buckets: its actor's statements made and received
// (with its counterpart when it has one).
func (r *Resolver) timelineBuckets(ctx context.Context, t *model.Timeline, f store.StatementFilter) error {
	made, received := f, f
	made.Speakers, received.Targets = []string{t.Actor.ID}, []string{t.Actor.ID}
	if t.Counterpart != nil {
		made.Targets, received.Speakers = []string{t.Counterpart.ID}, []string{t.Counterpart.ID}
	}
	var mb, rb []store.Bucket
	var errM, errR error
	both(func() { mb, errM = r.Store.Timeline(ctx, made, t.Interval) },
		func() { rb, errR = r.Store.Timeline(ctx, received, t.Interval) })
	if err := errors.Join(errM, errR); err != nil {
		return fmt.Errorf("timeline: %w", err)
	}
	t.Buckets = mergeBuckets(mb, rb)
	return nil
}

// mergeBuckets joins made and received buckets by start and kind.
func mergeBuckets(made, received []store.Bucket) []model.TimelineBucket {
	type key struct {
		start time.Time
		kind  store.StatementKind
	}
	acc := map[key]*model.TimelineBucket{}
	get := func(b store.Bucket) *model.TimelineBucket {
		k := key{b.Start.UTC(), b.Kind}
		if acc[k] == nil {
			acc[k] = &model.TimelineBucket{Start: k.start, Kind: b.Kind}
		}
		return acc[k]
	}
	for _, b := range made {
		get(b).Made += b.Count
	}
	for _, b := range received {
		get(b).Received += b.Count
	}
	out := make([]model.TimelineBucket, 0, len(acc))
	for _, b := range acc {
		b.Total = b.Made + b.Received
		out = append(out, *b)
	}
	slices.SortFunc(out, func(x, y model.TimelineBucket) int {
		if c := x.Start.Compare(y.Start); c != 0 {
			return c
		}
		return cmp.Compare(slices.Index(store.StatementKinds, x.Kind), slices.Index(store.StatementKinds, y.Kind))
	})
	return out
}

// paths answers the paths field.
func (r *Resolver) paths(ctx context.Context, fromRef, toRef string, maxHops *int, kinds []store.StatementKind, first *int) ([]store.Path, error) {
	a, b, err := r.resolvePair(ctx, fromRef, toRef)
	if err != nil {
		return nil, err
	}
	hops := orDefault(maxHops, 3)
	if hops < 1 || hops > MaxPathHops {
		return nil, badInput("maxHops must be between 1 and %d", MaxPathHops)
	}
	n, err := r.limit("first", first, 10)
	if err != nil {
		return nil, err
	}
	ps, err := r.Store.Paths(ctx, a.ID, b.ID, hops, kinds, n)
	if err != nil {
		return nil, fmt.Errorf("paths: %w", err)
	}
	return ps, nil
}

// neighborhood answers the neighborhood field: one store call when the
// argument is an actor's id (the center comes with its subgraph), and the
// subgraph's actors primed in the request's actor loader, so that the links'
// ends cost no lookup.
func (r *Resolver) neighborhood(ctx context.Context, ref string, depth *int, kinds []store.StatementKind, limit *int) (*model.Subgraph, error) {
	d := orDefault(depth, 1)
	if d < 1 || d > MaxNeighborhoodDepth {
		return nil, badInput("depth must be between 1 and %d", MaxNeighborhoodDepth)
	}
	n := orDefault(limit, 100)
	if n < 1 || n > MaxNeighborhoodSize {
		return nil, badInput("limit must be between 1 and %d", MaxNeighborhoodSize)
	}
	l := r.loadersFor(ctx)
	if strings.TrimSpace(ref) == "" {
		return nil, badInput("an actor argument must not be empty")
	}
	if looksLikeID(ref) {
		g, err := r.Store.Neighborhood(ctx, ref, d, kinds, n)
		switch {
		case err == nil:
			if center := primeActors(l, g.Actors, ref); center != nil {
				return &model.Subgraph{Center: center, Nodes: g.Actors, Links: g.Edges}, nil
			}
		case !errors.Is(err, store.ErrNotFound) && !errors.Is(err, store.ErrInvalid):
			return nil, fmt.Errorf("neighborhood: %w", err)
		}
	}
	a, err := r.resolveActor(ctx, ref)
	if err != nil {
		return nil, err
	}
	g, err := r.Store.Neighborhood(ctx, a.ID, d, kinds, n)
	if err != nil {
		return nil, fmt.Errorf("neighborhood: %w", err)
	}
	if center := primeActors(l, g.Actors, a.ID); center != nil {
		a = center
	}
	return &model.Subgraph{Center: a, Nodes: g.Actors, Links: g.Edges}, nil
}

// primeActors puts actors in the request's actor loader and returns the one
// with the given id, nil when absent.
func primeActors(l *loaders, actors []store.Actor, id string) *store.Actor {
	var found *store.Actor
	for i := range actors {
		l.actors.Prime(actors[i].ID, actors[i])
		if actors[i].ID == id {
			found = &actors[i]
		}
	}
	return found
}

// linkID is the stable id of a direct link.
func linkID(e *store.Edge) string {
	return e.SpeakerID + "|" + string(e.Kind) + "|" + e.TargetID
}

var formatExt = map[model.DocumentFormat]string{
	model.DocumentFormatText:      ".txt",
	model.DocumentFormatHTML:      ".html",
	model.DocumentFormatJSON:      ".json",
	model.DocumentFormatJSONLines: ".jsonl",
	model.DocumentFormatFeed:      ".xml",
}

// ingest answers ingestArticle through the configured Ingester.
func (r *Resolver) ingest(ctx context.Context, in model.IngestArticleInput) (*model.IngestArticlePayload, error) {
	if r.Ingester == nil {
		return nil, &codedError{code: CodeUnavailable, msg: "this server does not ingest articles"}
	}
	if strings.TrimSpace(in.Content) == "" {
		return nil, badInput("content must not be empty")
	}
	source := "api"
	if in.Format != nil {
		source += formatExt[*in.Format]
	}
	res, err := r.Ingester.IngestText(ctx, source, []byte(in.Content))
	var lerr *loader.Error
	if errors.As(err, &lerr) {
		return nil, badInput("cannot read the document: %v", err)
	}
	if err != nil {
		return nil, fmt.Errorf("ingest: %w", err)
	}
	out := &model.IngestArticlePayload{Articles: []model.IngestedArticle{}}
	for _, a := range res {
		stmts, err := loadMany(ctx, r.loadersFor(ctx).statements, "statement", a.Result.Statements)
		if err != nil {
			return nil, err
		}
		if r.Broker != nil && !a.Result.Unchanged {
			r.Broker.Publish(stmts...)
		}
		out.Articles = append(out.Articles, model.IngestedArticle{
			Article: &a.Article, Unchanged: a.Result.Unchanged, Replaced: a.Result.Replaced,
			NewActors: a.Result.NewActors, MergedActors: a.Result.MergedActors, NewIncidents: a.Result.NewIncidents,
			Reports: a.Result.Reports, Statements: stmts,
		})
	}
	return out, nil
}

// mergeActors answers mergeActors.
func (r *Resolver) mergeActors(ctx context.Context, keepRef, mergeRef string) (*store.Actor, error) {
	keep, merge, err := r.resolvePair(ctx, keepRef, mergeRef)
	if err != nil {
		return nil, err
	}
	if keep.ID == merge.ID {
		return nil, badInput("%q and %q are the same actor", keepRef, mergeRef)
	}
	a, err := r.Store.MergeActors(ctx, keep.ID, merge.ID)
	if err != nil {
		return nil, fmt.Errorf("merge actors: %w", err)
	}
	return &a, nil
}

// addAlias answers addAlias.
func (r *Resolver) addAlias(ctx context.Context, ref, alias string) (*store.Actor, error) {
	if strings.TrimSpace(alias) == "" {
		return nil, badInput("alias must not be empty")
	}
	a, err := r.resolveActor(ctx, ref)
	if err != nil {
		return nil, err
	}
	out, err := r.Store.AddAlias(ctx, a.ID, alias)
	if err != nil {
		return nil, fmt.Errorf("add alias: %w", err)
	}
	return &out, nil
}

// deleteArticle answers deleteArticle.
func (r *Resolver) deleteArticle(ctx context.Context, id string) (*model.DeleteArticlePayload, error) {
	if err := r.Store.DeleteArticle(ctx, id); err != nil {
		if errors.Is(err, store.ErrNotFound) {
			return nil, notFound("no article has the id %q", id)
		}
		return nil, fmt.Errorf("delete article: %w", err)
	}
	return &model.DeleteArticlePayload{DeletedID: id}, nil
}

// actorStatements answers statementsMade and statementsReceived through the
// batching loader.
func (r *Resolver) actorStatements(ctx context.Context, a *store.Actor, received bool, in *model.StatementFilter, order *store.StatementOrder, first *int, after *string) (*model.StatementConnection, error) {
	sel := currentConnection(ctx)
	key, p, err := r.actorStatementsKey(ctx, a.ID, received, in, order, first, after, sel)
	if err != nil {
		return nil, err
	}
	l := r.loadersFor(ctx)
	res, err := l.byActor.Load(ctx, key)
	if err != nil {
		return nil, fmt.Errorf("statements of %q: %w", a.ID, err)
	}
	if !sel.items {
		return countConnection(p, res.Total), nil
	}
	l.preloadActors(ctx, res.Items, sel)
	return statementConnection(res.Items, res.Page, res.Total), nil
}

// actorStatementsKey is the loader key of one statementsMade (or received)
// field of actor id, and its page.
func (r *Resolver) actorStatementsKey(ctx context.Context, id string, received bool, in *model.StatementFilter, order *store.StatementOrder, first *int, after *string, sel statementSel) (actorStatementsKey, store.Page, error) {
	f, err := r.statementFilter(ctx, in, order)
	if err != nil {
		return actorStatementsKey{}, store.Page{}, err
	}
	p, err := r.page(first, after)
	if err != nil {
		return actorStatementsKey{}, store.Page{}, err
	}
	if received {
		f.Targets = nil
	} else {
		f.Speakers = nil
	}
	f.WithoutReports = !sel.reports
	spec := actorStatementsSpec{Filter: f, Page: p, CountOnly: !sel.items}
	return actorStatementsKey{ActorID: id, Received: received, Spec: encodeSpec(spec)}, p, nil
}

// members answers Actor.members through the batching loader.
func (r *Resolver) members(ctx context.Context, a *store.Actor, kinds []store.ActorKind) ([]store.Actor, error) {
	ks := make([]string, len(kinds))
	for i, k := range kinds {
		ks[i] = string(k)
	}
	slices.Sort(ks)
	return r.loadersFor(ctx).members.Load(ctx, membersKey{ActorID: a.ID, Kinds: strings.Join(slices.Compact(ks), ",")})
}

// counterparts answers Actor.counterparts through the batching loader.
func (r *Resolver) counterparts(ctx context.Context, a *store.Actor, kinds []store.StatementKind, from, to *time.Time, rollup *bool, first *int) ([]store.Counterpart, error) {
	f, err := countFilter(kinds, from, to, rollup)
	if err != nil {
		return nil, err
	}
	n, err := r.limit("first", first, 20)
	if err != nil {
		return nil, err
	}
	return r.loadersFor(ctx).counterparts.Load(ctx, counterpartsKey{ActorID: a.ID, Spec: encodeSpec(counterpartsSpec{Filter: f, First: n})})
}

// statements answers the statements connection.
func (r *Resolver) statements(ctx context.Context, in *model.StatementFilter, order *store.StatementOrder, first *int, after *string) (*model.StatementConnection, error) {
	f, err := r.statementFilter(ctx, in, order)
	if err != nil {
		return nil, err
	}
	p, err := r.page(first, after)
	if err != nil {
		return nil, err
	}
	sel := currentConnection(ctx)
	if !sel.items {
		ks, err := r.Store.CountStatements(ctx, f)
		if err != nil {
			return nil, fmt.Errorf("count statements: %w", err)
		}
		return countConnection(p, sumCounts(ks)), nil
	}
	f.WithoutReports = !sel.reports
	items, total, err := r.Store.ListStatements(ctx, f, p)
	if err != nil {
		return nil, fmt.Errorf("list statements: %w", err)
	}
	r.loadersFor(ctx).preloadActors(ctx, items, sel)
	return statementConnection(items, p, total), nil
}

// actors answers the actors connection.
func (r *Resolver) actors(ctx context.Context, in *model.ActorFilter, order *model.ActorOrder, first *int, after *string) (*model.ActorConnection, error) {
	f, err := r.actorFilter(ctx, in, order)
	if err != nil {
		return nil, err
	}
	p, err := r.page(first, after)
	if err != nil {
		return nil, err
	}
	items, total, err := r.Store.ListActors(ctx, f, p)
	if err != nil {
		return nil, fmt.Errorf("list actors: %w", err)
	}
	return actorConnection(items, p, total), nil
}

// incidents answers the incidents connection.
func (r *Resolver) incidents(ctx context.Context, in *model.IncidentFilter, first *int, after *string) (*model.IncidentConnection, error) {
	p, err := r.page(first, after)
	if err != nil {
		return nil, err
	}
	var f store.IncidentFilter
	if in != nil {
		f.NameContains, f.Year = deref(in.NameContains), deref(in.Year)
	}
	items, total, err := r.Store.ListIncidents(ctx, f, p)
	if err != nil {
		return nil, fmt.Errorf("list incidents: %w", err)
	}
	return incidentConnection(items, p, total), nil
}

// articles answers the articles connection.
func (r *Resolver) articles(ctx context.Context, in *model.ArticleFilter, first *int, after *string) (*model.ArticleConnection, error) {
	p, err := r.page(first, after)
	if err != nil {
		return nil, err
	}
	var f store.ArticleFilter
	if in != nil {
		if err := dateRange(in.From, in.To); err != nil {
			return nil, err
		}
		f = store.ArticleFilter{Publisher: deref(in.Publisher), From: derefTime(in.From), To: derefTime(in.To), TitleContains: deref(in.TitleContains)}
	}
	items, total, err := r.Store.ListArticles(ctx, f, p)
	if err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	return articleConnection(items, p, total), nil
}

// firstOf returns the first id of a list, "" when empty.
func firstOf(ids []string) string {
	if len(ids) == 0 {
		return ""
	}
	return ids[0]
}

// firstQuote is the first non-empty quote among the reports.
func firstQuote(rs []store.Report) *string {
	for _, rp := range rs {
		if rp.Quote != "" {
			return &rp.Quote
		}
	}
	return nil
}

// reportArticles lists the article ids of reports, in report order.
func reportArticles(rs []store.Report) []string {
	ids := make([]string, len(rs))
	for i, rp := range rs {
		ids[i] = rp.ArticleID
	}
	return ids
}

// orDefault is *p, or def when the argument is absent.
func orDefault(p *int, def int) int {
	if p == nil {
		return def
	}
	return *p
}
