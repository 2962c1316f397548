package main

import (
	"context"
	"encoding/json"
	"net/http"
	"sort"
	"sync"
	"time"

	"github.com/demarche/demarche/store"
)

// counting wraps a store and counts the read calls the API makes (each is at
// least one transaction, so one round trip or more to Neo4j) and the time spent
// in them, so that a profile can say how many store calls one GraphQL request
// costs. /debug/storecalls serves the counts; DELETE resets them.
type counting struct {
	store.Store
	mu    sync.Mutex
	calls map[string]int
	spent map[string]time.Duration
}

func newCounting(s store.Store) *counting {
	return &counting{Store: s, calls: map[string]int{}, spent: map[string]time.Duration{}}
}

func (c *counting) count(name string, start time.Time) {
	d := time.Since(start)
	c.mu.Lock()
	c.calls[name]++
	c.spent[name] += d
	c.mu.Unlock()
}

// ServeHTTP answers the counts as JSON: {"Method": {"calls": n, "ms": total}}.
func (c *counting) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if r.Method == http.MethodDelete {
		c.calls, c.spent = map[string]int{}, map[string]time.Duration{}
		w.WriteHeader(http.StatusNoContent)
		return
	}
	type entry struct {
		Calls int     `json:"calls"`
		Ms    float64 `json:"ms"`
	}
	names := make([]string, 0, len(c.calls))
	for n := range c.calls {
		names = append(names, n)
	}
	sort.Strings(names)
	out := map[string]entry{}
	for _, n := range names {
		out[n] = entry{c.calls[n], float64(c.spent[n].Microseconds()) / 1000}
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(out)
}

func (c *counting) GetArticle(ctx context.Context, id string) (store.Article, error) {
	defer c.count("GetArticle", time.Now())
	return c.Store.GetArticle(ctx, id)
}

func (c *counting) ListArticles(ctx context.Context, f store.ArticleFilter, p store.Page) ([]store.Article, int, error) {
	defer c.count("ListArticles", time.Now())
	return c.Store.ListArticles(ctx, f, p)
}

func (c *counting) GetActor(ctx context.Context, id string) (store.Actor, error) {
	defer c.count("GetActor", time.Now())
	return c.Store.GetActor(ctx, id)
}

func (c *counting) GetActors(ctx context.Context, ids []string) ([]store.Actor, error) {
	defer c.count("GetActors", time.Now())
	return c.Store.GetActors(ctx, ids)
}

func (c *counting) ResolveActor(ctx context.Context, ref string) ([]store.Actor, error) {
	defer c.count("ResolveActor", time.Now())
	return c.Store.ResolveActor(ctx, ref)
}

func (c *counting) ListActors(ctx context.Context, f store.ActorFilter, p store.Page) ([]store.Actor, int, error) {
	defer c.count("ListActors", time.Now())
	return c.Store.ListActors(ctx, f, p)
}

func (c *counting) GetIncident(ctx context.Context, id string) (store.Incident, error) {
	defer c.count("GetIncident", time.Now())
	return c.Store.GetIncident(ctx, id)
}

func (c *counting) GetIncidents(ctx context.Context, ids []string) ([]store.Incident, error) {
	defer c.count("GetIncidents", time.Now())
	return c.Store.GetIncidents(ctx, ids)
}

func (c *counting) GetStatement(ctx context.Context, id string) (store.Statement, error) {
	defer c.count("GetStatement", time.Now())
	return c.Store.GetStatement(ctx, id)
}

func (c *counting) GetStatements(ctx context.Context, ids []string) ([]store.Statement, error) {
	defer c.count("GetStatements", time.Now())
	return c.Store.GetStatements(ctx, ids)
}

func (c *counting) ListStatements(ctx context.Context, f store.StatementFilter, p store.Page) ([]store.Statement, int, error) {
	defer c.count("ListStatements", time.Now())
	return c.Store.ListStatements(ctx, f, p)
}

func (c *counting) CountStatements(ctx context.Context, f store.StatementFilter) ([]store.KindCount, error) {
	defer c.count("CountStatements", time.Now())
	return c.Store.CountStatements(ctx, f)
}

func (c *counting) Timeline(ctx context.Context, f store.StatementFilter, iv store.Interval) ([]store.Bucket, error) {
	defer c.count("Timeline", time.Now())
	return c.Store.Timeline(ctx, f, iv)
}

func (c *counting) Counterparts(ctx context.Context, actorID string, f store.StatementFilter) ([]store.Counterpart, error) {
	defer c.count("Counterparts", time.Now())
	return c.Store.Counterparts(ctx, actorID, f)
}

func (c *counting) Paths(ctx context.Context, fromID, toID string, maxHops int, kinds []store.StatementKind, limit int) ([]store.Path, error) {
	defer c.count("Paths", time.Now())
	return c.Store.Paths(ctx, fromID, toID, maxHops, kinds, limit)
}

func (c *counting) Neighborhood(ctx context.Context, id string, depth int, kinds []store.StatementKind, limit int) (store.Subgraph, error) {
	defer c.count("Neighborhood", time.Now())
	return c.Store.Neighborhood(ctx, id, depth, kinds, limit)
}

func (c *counting) Search(ctx context.Context, text string, types []string, limit int) ([]store.SearchHit, error) {
	defer c.count("Search", time.Now())
	return c.Store.Search(ctx, text, types, limit)
}
