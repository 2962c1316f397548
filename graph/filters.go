package graph

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/vikstrous/dataloadgen"

	"github.com/demarche/demarche/graph/model"
	"github.com/demarche/demarche/store"
)

// resolveActor finds the one actor an argument names: its id, its name or one
// of its aliases (case-insensitive). A unique canonical-name match wins over
// alias matches; otherwise several matches answer BAD_USER_INPUT naming them.
func (r *Resolver) resolveActor(ctx context.Context, ref string) (*store.Actor, error) {
	if strings.TrimSpace(ref) == "" {
		return nil, badInput("an actor argument must not be empty")
	}
	l := r.loadersFor(ctx)
	if looksLikeID(ref) {
		// An exact id match is the answer alone (ResolveActor's contract), and a
		// lookup by id batches with the request's other actor lookups.
		a, err := l.actors.Load(ctx, ref)
		if err == nil {
			return &a, nil
		}
		if !errors.Is(err, dataloadgen.ErrNotFound) {
			return nil, fmt.Errorf("resolve actor %q: %w", ref, err)
		}
	}
	cands, err := l.refs.Load(ctx, ref)
	if err != nil {
		return nil, fmt.Errorf("resolve actor %q: %w", ref, err)
	}
	switch len(cands) {
	case 0:
		return nil, notFound("no actor has the id, name or alias %q", ref)
	case 1:
		return &cands[0], nil
	}
	var byName []store.Actor
	for _, a := range cands {
		if a.ID == ref {
			return &a, nil
		}
		if store.NormalizeName(a.Name) == store.NormalizeName(ref) {
			byName = append(byName, a)
		}
	}
	if len(byName) == 1 {
		return &byName[0], nil
	}
	names := make([]string, len(cands))
	for i, a := range cands {
		names[i] = fmt.Sprintf("%s (%s, id %q)", a.Name, a.Kind, a.ID)
	}
	return nil, badInput("%q names several actors: %s; pass one of their ids", ref, strings.Join(names, "; "))
}

// resolveActorIDs resolves a list of actor arguments to ids.
func (r *Resolver) resolveActorIDs(ctx context.Context, refs []string) ([]string, error) {
	var ids []string
	for _, ref := range refs {
		a, err := r.resolveActor(ctx, ref)
		if err != nil {
			return nil, err
		}
		ids = append(ids, a.ID)
	}
	return ids, nil
}

// statementFilter turns the GraphQL filter into the store's, resolving actor
// arguments. Rollup is on unless the filter turns it off.
func (r *Resolver) statementFilter(ctx context.Context, in *model.StatementFilter, order *store.StatementOrder) (store.StatementFilter, error) {
	f := store.StatementFilter{Rollup: true, OrderBy: store.DateDesc}
	if order != nil {
		f.OrderBy = *order
	}
	if in == nil {
		return f, nil
	}
	var err error
	if f.Speakers, err = r.resolveActorIDs(ctx, in.Speakers); err != nil {
		return f, err
	}
	if f.Targets, err = r.resolveActorIDs(ctx, in.Targets); err != nil {
		return f, err
	}
	if f.Either, err = r.resolveActorIDs(ctx, in.Involving); err != nil {
		return f, err
	}
	if err := dateRange(in.From, in.To); err != nil {
		return f, err
	}
	f.Kinds = in.Kinds
	f.Incident = deref(in.Incident)
	f.ArticleID = deref(in.Article)
	f.From, f.To = derefTime(in.From), derefTime(in.To)
	f.Publisher = deref(in.Publisher)
	f.TextContains = deref(in.TextContains)
	f.Rollup = in.Rollup == nil || *in.Rollup
	return f, nil
}

// countFilter is the statement filter of the analysis fields (kinds, dates, rollup).
func countFilter(kinds []store.StatementKind, from, to *time.Time, rollup *bool) (store.StatementFilter, error) {
	if err := dateRange(from, to); err != nil {
		return store.StatementFilter{}, err
	}
	return store.StatementFilter{
		Kinds:  kinds,
		From:   derefTime(from),
		To:     derefTime(to),
		Rollup: rollup == nil || *rollup,
	}, nil
}

// actorFilter turns the GraphQL actor filter and order into the store's.
func (r *Resolver) actorFilter(ctx context.Context, in *model.ActorFilter, order *model.ActorOrder) (store.ActorFilter, error) {
	f := store.ActorFilter{OrderBy: store.ByName}
	if in != nil {
		f.Kinds = in.Kinds
		f.NameContains = deref(in.NameContains)
		f.Country = strings.ToUpper(deref(in.Country))
		if in.Affiliation != nil {
			a, err := r.resolveActor(ctx, *in.Affiliation)
			if err != nil {
				return f, err
			}
			f.AffiliationID = a.ID
		}
	}
	if order != nil {
		cf, err := countFilter(order.Kinds, order.From, order.To, order.Rollup)
		if err != nil {
			return f, err
		}
		f.OrderBy, f.Count = order.By, cf
	}
	return f, nil
}

func dateRange(from, to *time.Time) error {
	if from != nil && to != nil && to.Before(*from) {
		return badInput("the date range ends (%s) before it starts (%s)", to.Format(time.DateOnly), from.Format(time.DateOnly))
	}
	return nil
}

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

func derefTime(p *time.Time) time.Time { return deref(p) }

// optional turns an empty string into null.
func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
