package graph

import (
	"time"

	"github.com/99designs/gqlgen/graphql"

	"github.com/demarche/demarche/graph/model"
	"github.com/demarche/demarche/store"
)

// NewSchema returns the executable schema over r, with list fields costed by
// their size for the complexity limit: a list of n items costs n times its
// selection, so nested pages multiply.
func NewSchema(r *Resolver) graphql.ExecutableSchema {
	var c ComplexityRoot
	page := func(child int, first *int, def int) int {
		n := def
		if first != nil {
			n = max(*first, 1)
		}
		return 1 + child*n
	}
	stmts := func(child int, _ *model.StatementFilter, _ *store.StatementOrder, first *int, _ *string) int {
		return page(child, first, DefaultPageSize)
	}
	c.Query.Statements = stmts
	c.Actor.StatementsMade = stmts
	c.Actor.StatementsReceived = stmts
	c.Query.Actors = func(child int, _ *model.ActorFilter, _ *model.ActorOrder, first *int, _ *string) int {
		return page(child, first, DefaultPageSize)
	}
	c.Query.Incidents = func(child int, _ *model.IncidentFilter, first *int, _ *string) int {
		return page(child, first, DefaultPageSize)
	}
	c.Query.Articles = func(child int, _ *model.ArticleFilter, first *int, _ *string) int {
		return page(child, first, DefaultPageSize)
	}
	c.Dyad.Statements = func(child int, first *int, _ *string) int {
		return page(child, first, DefaultPageSize)
	}
	c.Actor.Counterparts = func(child int, _ []store.StatementKind, _, _ *time.Time, _ *bool, first *int) int {
		return page(child, first, 20)
	}
	c.Actor.Members = func(child int, _ []store.ActorKind) int { return 1 + child*10 }
	c.Query.Search = func(child int, _ string, _ []model.SearchKind, first *int) int {
		return page(child, first, 10)
	}
	c.Query.Paths = func(child int, _, _ string, _ *int, _ []store.StatementKind, first *int) int {
		return page(child, first, 10)
	}
	c.Query.Neighborhood = func(child int, _ string, _ *int, _ []store.StatementKind, limit *int) int {
		n := 100
		if limit != nil {
			n = *limit
		}
		return 1 + child*max(n/10, 1)
	}
	return NewExecutableSchema(Config{Resolvers: r, Complexity: c})
}
