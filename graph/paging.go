package graph

import (
	"encoding/base64"
	"strconv"
	"strings"

	"github.com/demarche/demarche/graph/model"
	"github.com/demarche/demarche/store"
)

// DefaultPageSize is the page size when a list argument `first` is omitted.
const DefaultPageSize = 20

// DefaultMaxPageSize caps `first` when Resolver.MaxPageSize is not set.
const DefaultMaxPageSize = 100

const cursorPrefix = "offset:"

// encodeCursor makes the opaque cursor of the item at offset.
func encodeCursor(offset int) string {
	return base64.RawURLEncoding.EncodeToString([]byte(cursorPrefix + strconv.Itoa(offset)))
}

// decodeCursor reads a cursor made by encodeCursor.
func decodeCursor(c string) (int, error) {
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil || !strings.HasPrefix(string(b), cursorPrefix) {
		return 0, badInput("%q is not a cursor of this API", c)
	}
	n, err := strconv.Atoi(strings.TrimPrefix(string(b), cursorPrefix))
	if err != nil || n < 0 {
		return 0, badInput("%q is not a cursor of this API", c)
	}
	return n, nil
}

// maxPage is the configured cap on `first`.
func (r *Resolver) maxPage() int {
	if r.MaxPageSize > 0 {
		return r.MaxPageSize
	}
	return DefaultMaxPageSize
}

// page turns `first` and `after` into a store page, refusing sizes over the cap.
func (r *Resolver) page(first *int, after *string) (store.Page, error) {
	p := store.Page{Limit: DefaultPageSize}
	if first != nil {
		if *first < 0 {
			return p, badInput("first must not be negative")
		}
		if *first > r.maxPage() {
			return p, badInput("first must be at most %d", r.maxPage())
		}
		p.Limit = *first
	}
	if after != nil && *after != "" {
		off, err := decodeCursor(*after)
		if err != nil {
			return p, err
		}
		p.Offset = off + 1
	}
	return p, nil
}

// limit checks a plain list size argument against the cap.
func (r *Resolver) limit(name string, n *int, def int) (int, error) {
	if n == nil {
		return def, nil
	}
	if *n < 0 {
		return 0, badInput("%s must not be negative", name)
	}
	if *n > r.maxPage() {
		return 0, badInput("%s must be at most %d", name, r.maxPage())
	}
	return *n, nil
}

// pageInfo describes a page of n items at p within total.
func pageInfo(p store.Page, n, total int) *model.PageInfo {
	pi := &model.PageInfo{
		HasPreviousPage: p.Offset > 0,
		HasNextPage:     p.Offset+n < total,
	}
	if n > 0 {
		s, e := encodeCursor(p.Offset), encodeCursor(p.Offset+n-1)
		pi.StartCursor, pi.EndCursor = &s, &e
	}
	return pi
}

// connection builds a Relay connection from one page of items.
func connection[T, E, C any](items []T, p store.Page, total int, edge func(cursor string, node T) E, conn func(edges []E, pi *model.PageInfo, total int) C) C {
	edges := make([]E, len(items))
	for i, it := range items {
		edges[i] = edge(encodeCursor(p.Offset+i), it)
	}
	return conn(edges, pageInfo(p, len(items), total), total)
}

func statementConnection(items []store.Statement, p store.Page, total int) *model.StatementConnection {
	return connection(items, p, total,
		func(c string, n store.Statement) model.StatementEdge { return model.StatementEdge{Cursor: c, Node: &n} },
		func(e []model.StatementEdge, pi *model.PageInfo, t int) *model.StatementConnection {
			return &model.StatementConnection{Edges: e, PageInfo: pi, TotalCount: t}
		})
}

func actorConnection(items []store.Actor, p store.Page, total int) *model.ActorConnection {
	return connection(items, p, total,
		func(c string, n store.Actor) model.ActorEdge { return model.ActorEdge{Cursor: c, Node: &n} },
		func(e []model.ActorEdge, pi *model.PageInfo, t int) *model.ActorConnection {
			return &model.ActorConnection{Edges: e, PageInfo: pi, TotalCount: t}
		})
}

func incidentConnection(items []store.Incident, p store.Page, total int) *model.IncidentConnection {
	return connection(items, p, total,
		func(c string, n store.Incident) model.IncidentEdge { return model.IncidentEdge{Cursor: c, Node: &n} },
		func(e []model.IncidentEdge, pi *model.PageInfo, t int) *model.IncidentConnection {
			return &model.IncidentConnection{Edges: e, PageInfo: pi, TotalCount: t}
		})
}

func articleConnection(items []store.Article, p store.Page, total int) *model.ArticleConnection {
	return connection(items, p, total,
		func(c string, n store.Article) model.ArticleEdge { return model.ArticleEdge{Cursor: c, Node: &n} },
		func(e []model.ArticleEdge, pi *model.PageInfo, t int) *model.ArticleConnection {
			return &model.ArticleConnection{Edges: e, PageInfo: pi, TotalCount: t}
		})
}
