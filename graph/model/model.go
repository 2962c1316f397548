// Package model holds the GraphQL-only types of the Demarche API: the ones
// gqlgen generates into models_gen.go, the Date scalar, and the Go types bound
// to the Node interface and the SearchResult union. Domain types (actors,
// statements, incidents, articles) are bound from package store instead.
package model

import (
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// Node is any object with a stable id: *store.Actor, *store.Statement,
// *store.Incident or *store.Article.
type Node any

// SearchResult is what a search hit points to: *store.Actor, *store.Incident
// or *store.Statement.
type SearchResult any

const dateLayout = "2006-01-02"

// MarshalDate writes a day as "YYYY-MM-DD" (UTC).
func MarshalDate(t time.Time) graphql.Marshaler {
	return graphql.WriterFunc(func(w io.Writer) {
		_, _ = io.WriteString(w, strconv.Quote(t.UTC().Format(dateLayout)))
	})
}

// UnmarshalDate reads a day written "YYYY-MM-DD", or a full RFC 3339 time
// (truncated to its UTC day).
func UnmarshalDate(v any) (time.Time, error) {
	s, ok := v.(string)
	if !ok {
		return time.Time{}, inputError(fmt.Sprintf("a Date must be a string such as \"2026-03-14\", not %T", v))
	}
	if t, err := time.Parse(dateLayout, s); err == nil {
		return t, nil
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}, inputError(fmt.Sprintf("%q is not a Date: write it YYYY-MM-DD", s))
	}
	y, m, d := t.UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC), nil
}

// inputError is a GraphQL error coded BAD_USER_INPUT.
func inputError(msg string) error {
	return &gqlerror.Error{Message: msg, Extensions: map[string]any{"code": "BAD_USER_INPUT"}}
}
