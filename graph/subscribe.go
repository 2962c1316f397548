package graph

import (
	"context"
	"slices"
	"strings"

	"github.com/demarche/demarche/graph/live"
	"github.com/demarche/demarche/graph/model"
	"github.com/demarche/demarche/store"
)

// statementAdded subscribes to the broker and forwards the statements that
// match the filter until ctx is done.
func (r *Resolver) statementAdded(ctx context.Context, in *model.StatementFilter) (<-chan *store.Statement, error) {
	if r.Broker == nil {
		return nil, &codedError{code: CodeUnavailable, msg: "this server has no live updates"}
	}
	f, err := r.statementFilter(ctx, in, nil)
	if err != nil {
		return nil, err
	}
	src := r.Broker.Subscribe(ctx, live.DefaultBuffer)
	out := make(chan *store.Statement, 1)
	go func() {
		defer close(out)
		for s := range src {
			if !r.matches(ctx, f, s) {
				continue
			}
			select {
			case out <- &s:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out, nil
}

// matches applies a statement filter to one statement in memory, with the
// same meaning as the store's ListStatements. Lookups (affiliations, report
// articles) go through fresh loaders; a lookup error drops the statement.
func (r *Resolver) matches(ctx context.Context, f store.StatementFilter, s store.Statement) bool {
	if len(f.Kinds) > 0 && !slices.Contains(f.Kinds, s.Kind) {
		return false
	}
	if len(f.IDs) > 0 && !slices.Contains(f.IDs, s.ID) {
		return false
	}
	if f.Incident != "" && s.IncidentID != f.Incident {
		return false
	}
	day := s.Date.UTC()
	if !f.From.IsZero() && day.Before(f.From) || !f.To.IsZero() && day.After(f.To) {
		return false
	}
	if f.ArticleID != "" && !slices.ContainsFunc(s.Reports, func(rp store.Report) bool { return rp.ArticleID == f.ArticleID }) {
		return false
	}
	if t := strings.ToLower(f.TextContains); t != "" && !slices.ContainsFunc(s.Reports, func(rp store.Report) bool {
		return strings.Contains(strings.ToLower(rp.Evidence), t) || strings.Contains(strings.ToLower(rp.Quote), t)
	}) {
		return false
	}
	l := newLoaders(r.Store, DefaultLoaderWait)
	if len(f.Speakers)+len(f.Targets)+len(f.Either) > 0 {
		anc, err := l.ancestry(ctx, append(slices.Clone(s.SpeakerIDs), s.TargetIDs...), f.Rollup)
		if err != nil {
			return false
		}
		hit := func(ids, ends []string) bool {
			return slices.ContainsFunc(ids, func(id string) bool { return anc.matchesAny(id, ends) })
		}
		if len(f.Speakers) > 0 && !hit(f.Speakers, s.SpeakerIDs) ||
			len(f.Targets) > 0 && !hit(f.Targets, s.TargetIDs) ||
			len(f.Either) > 0 && !hit(f.Either, s.SpeakerIDs) && !hit(f.Either, s.TargetIDs) {
			return false
		}
	}
	if f.Publisher != "" {
		var ids []string
		for _, rp := range s.Reports {
			ids = append(ids, rp.ArticleID)
		}
		arts, err := l.articles.LoadAll(ctx, ids)
		if err != nil && !isOnlyNotFound(err) {
			return false
		}
		if !slices.ContainsFunc(arts, func(a store.Article) bool { return strings.EqualFold(a.Publisher, f.Publisher) }) {
			return false
		}
	}
	return true
}
