package graph

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/vikstrous/dataloadgen"

	"github.com/demarche/demarche/store"
)

// DefaultLoaderWait is how long a dataloader collects keys before it fetches
// them in one store round trip. Every request pays it once per level of nested
// lists, whether or not the result is cached in the store: at 10 ms an actor
// page (two levels) spent 20 of its 30 ms waiting. The keys of a list are
// queued from one goroutine (preloadActors) within microseconds, but a loaded
// machine can deschedule that goroutine between two keys for longer than the
// wait, and the batch then splits: with 16 concurrent requests
// (TestStoreCallsUnderConcurrentRequests) 1 ms split the dyad's actor lookups in
// about one request of four, and 2 ms failed the test once in 12 runs beside a
// parallel test run and two busy loops, and once in CI; 5 ms passed all 12.
// Operators can set it with --loader-wait.
const DefaultLoaderWait = 5 * time.Millisecond

// loaders batch and cache the store reads of one request, so the number of
// store round trips does not grow with the size of the result.
type loaders struct {
	actors     *dataloadgen.Loader[string, store.Actor]
	incidents  *dataloadgen.Loader[string, store.Incident]
	statements *dataloadgen.Loader[string, store.Statement]
	articles   *dataloadgen.Loader[string, store.Article]
	// refs resolves actor arguments (ids, names, aliases); one store call per
	// distinct reference, however often the query repeats it.
	refs *dataloadgen.Loader[string, []store.Actor]
	// byActor pages statements made or received per actor, one ListStatements
	// per distinct set of arguments.
	byActor *dataloadgen.Loader[actorStatementsKey, actorStatements]
	// members lists direct members per actor with one store walk.
	members *dataloadgen.Loader[membersKey, []store.Actor]
	// counterparts computes counterparts per actor from one ListStatements.
	counterparts *dataloadgen.Loader[counterpartsKey, []store.Counterpart]
}

type loadersKey struct{}

// WithLoaders attaches a fresh set of dataloaders reading st to ctx; call it
// once per operation (httpapi does, in an AroundOperations middleware). wait
// is how long loaders collect keys (DefaultLoaderWait when <= 0).
func WithLoaders(ctx context.Context, st store.Store, wait time.Duration) context.Context {
	return context.WithValue(ctx, loadersKey{}, newLoaders(st, wait))
}

// loadersFor returns the request's loaders, or fresh ones when the operation
// has none attached (subscriptions resolve each event with fresh loaders).
func (r *Resolver) loadersFor(ctx context.Context) *loaders {
	if l, ok := ctx.Value(loadersKey{}).(*loaders); ok {
		return l
	}
	return newLoaders(r.Store, DefaultLoaderWait)
}

func newLoaders(st store.Store, d time.Duration) *loaders {
	if d <= 0 {
		d = DefaultLoaderWait
	}
	wait := dataloadgen.WithWait(d)
	l := &loaders{
		actors: dataloadgen.NewMappedLoader(func(ctx context.Context, ids []string) (map[string]store.Actor, error) {
			as, err := st.GetActors(ctx, ids)
			return byID(as, func(a store.Actor) string { return a.ID }), err
		}, wait),
		incidents: dataloadgen.NewMappedLoader(func(ctx context.Context, ids []string) (map[string]store.Incident, error) {
			is, err := st.GetIncidents(ctx, ids)
			return byID(is, func(i store.Incident) string { return i.ID }), err
		}, wait),
		statements: dataloadgen.NewMappedLoader(func(ctx context.Context, ids []string) (map[string]store.Statement, error) {
			ss, err := st.GetStatements(ctx, ids)
			return byID(ss, func(s store.Statement) string { return s.ID }), err
		}, wait),
		articles: dataloadgen.NewMappedLoader(func(ctx context.Context, ids []string) (map[string]store.Article, error) {
			as, _, err := st.ListArticles(ctx, store.ArticleFilter{IDs: ids}, store.Page{Limit: len(ids)})
			return byID(as, func(a store.Article) string { return a.ID }), err
		}, wait),
		refs: dataloadgen.NewLoader(func(ctx context.Context, refs []string) ([][]store.Actor, []error) {
			out, errs := make([][]store.Actor, len(refs)), make([]error, len(refs))
			for i, ref := range refs {
				out[i], errs[i] = st.ResolveActor(ctx, ref)
			}
			return out, errs
		}, wait),
	}
	l.byActor = dataloadgen.NewLoader(func(ctx context.Context, keys []actorStatementsKey) ([]actorStatements, []error) {
		return fetchActorStatements(ctx, st, l, keys)
	}, wait)
	l.members = dataloadgen.NewLoader(func(ctx context.Context, keys []membersKey) ([][]store.Actor, []error) {
		return fetchMembers(ctx, st, keys)
	}, wait)
	l.counterparts = dataloadgen.NewLoader(func(ctx context.Context, keys []counterpartsKey) ([][]store.Counterpart, []error) {
		return fetchCounterparts(ctx, st, l, keys)
	}, wait)
	return l
}

// byID indexes items by their id.
func byID[T any](items []T, id func(T) string) map[string]T {
	m := make(map[string]T, len(items))
	for _, it := range items {
		m[id(it)] = it
	}
	return m
}

// loadMany loads ids through a loader, failing with a NOT_FOUND naming the
// first missing id.
func loadMany[T any](ctx context.Context, l *dataloadgen.Loader[string, T], what string, ids []string) ([]T, error) {
	if len(ids) == 0 {
		return []T{}, nil
	}
	out, err := l.LoadAll(ctx, ids)
	if err != nil {
		if isOnlyNotFound(err) {
			return nil, notFound("some of the %ss %q no longer exist", what, ids)
		}
		return nil, fmt.Errorf("load %ss: %w", what, err)
	}
	return out, nil
}

// loadOne loads one id; an empty id gives nil without error (an optional link).
func loadOne[T any](ctx context.Context, l *dataloadgen.Loader[string, T], what, id string) (*T, error) {
	if id == "" {
		return nil, nil
	}
	v, err := l.Load(ctx, id)
	if errors.Is(err, dataloadgen.ErrNotFound) {
		return nil, notFound("no %s has the id %q", what, id)
	}
	if err != nil {
		return nil, fmt.Errorf("load %s %q: %w", what, id, err)
	}
	return &v, nil
}

// isOnlyNotFound reports whether a LoadAll error holds nothing but missing keys.
func isOnlyNotFound(err error) bool {
	var es dataloadgen.ErrorSlice
	if !errors.As(err, &es) {
		return false
	}
	for _, e := range es {
		if e != nil && !errors.Is(e, dataloadgen.ErrNotFound) {
			return false
		}
	}
	return true
}
