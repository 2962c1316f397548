package storetest

import (
	"context"
	"sync"
	"time"

	"github.com/demarche/demarche/store"
)

// Counting wraps a Store and counts its read calls by method, with the time spent
// in them, so that a test or a profile can say how many store round trips one
// request costs (each call is at least one transaction: one round trip or more to
// Neo4j). Writes pass through uncounted. It is safe for concurrent use.
type Counting struct {
	store.Store

	mu          sync.Mutex
	calls       map[string]int
	spent       map[string]time.Duration
	withReports int
}

// NewCounting wraps s.
func NewCounting(s store.Store) *Counting {
	return &Counting{Store: s, calls: map[string]int{}, spent: map[string]time.Duration{}}
}

// Counts are the calls since the last Take.
type Counts struct {
	Calls map[string]int           // calls by method name
	Spent map[string]time.Duration // time in each method, summed over concurrent calls
	// WithReports counts the statement reads (ListStatements, WalkStatements)
	// whose filter did not set WithoutReports.
	WithReports int
}

// Total is the number of calls of every method.
func (c Counts) Total() int {
	n := 0
	for _, v := range c.Calls {
		n += v
	}
	return n
}

// Take returns the counts so far and starts again from zero.
func (c *Counting) Take() Counts {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := Counts{Calls: c.calls, Spent: c.spent, WithReports: c.withReports}
	c.calls, c.spent, c.withReports = map[string]int{}, map[string]time.Duration{}, 0
	return out
}

func (c *Counting) done(name string, start time.Time, f *store.StatementFilter) {
	d := time.Since(start)
	c.mu.Lock()
	defer c.mu.Unlock()
	c.calls[name]++
	c.spent[name] += d
	if f != nil && !f.WithoutReports {
		c.withReports++
	}
}

func (c *Counting) GetArticle(ctx context.Context, id string) (store.Article, error) {
	defer c.done("GetArticle", time.Now(), nil)
	return c.Store.GetArticle(ctx, id)
}

func (c *Counting) GetArticleByURL(ctx context.Context, url string) (store.Article, error) {
	defer c.done("GetArticleByURL", time.Now(), nil)
	return c.Store.GetArticleByURL(ctx, url)
}

func (c *Counting) ListArticles(ctx context.Context, f store.ArticleFilter, p store.Page) ([]store.Article, int, error) {
	defer c.done("ListArticles", time.Now(), nil)
	return c.Store.ListArticles(ctx, f, p)
}

func (c *Counting) GetActor(ctx context.Context, id string) (store.Actor, error) {
	defer c.done("GetActor", time.Now(), nil)
	return c.Store.GetActor(ctx, id)
}

func (c *Counting) GetActors(ctx context.Context, ids []string) ([]store.Actor, error) {
	defer c.done("GetActors", time.Now(), nil)
	return c.Store.GetActors(ctx, ids)
}

func (c *Counting) ResolveActor(ctx context.Context, ref string) ([]store.Actor, error) {
	defer c.done("ResolveActor", time.Now(), nil)
	return c.Store.ResolveActor(ctx, ref)
}

func (c *Counting) ListActors(ctx context.Context, f store.ActorFilter, p store.Page) ([]store.Actor, int, error) {
	defer c.done("ListActors", time.Now(), nil)
	return c.Store.ListActors(ctx, f, p)
}

func (c *Counting) GetIncident(ctx context.Context, id string) (store.Incident, error) {
	defer c.done("GetIncident", time.Now(), nil)
	return c.Store.GetIncident(ctx, id)
}

func (c *Counting) GetIncidents(ctx context.Context, ids []string) ([]store.Incident, error) {
	defer c.done("GetIncidents", time.Now(), nil)
	return c.Store.GetIncidents(ctx, ids)
}

func (c *Counting) ListIncidents(ctx context.Context, f store.IncidentFilter, p store.Page) ([]store.Incident, int, error) {
	defer c.done("ListIncidents", time.Now(), nil)
	return c.Store.ListIncidents(ctx, f, p)
}

func (c *Counting) GetStatement(ctx context.Context, id string) (store.Statement, error) {
	defer c.done("GetStatement", time.Now(), nil)
	return c.Store.GetStatement(ctx, id)
}

func (c *Counting) GetStatements(ctx context.Context, ids []string) ([]store.Statement, error) {
	defer c.done("GetStatements", time.Now(), nil)
	return c.Store.GetStatements(ctx, ids)
}

func (c *Counting) ListStatements(ctx context.Context, f store.StatementFilter, p store.Page) ([]store.Statement, int, error) {
	defer c.done("ListStatements", time.Now(), &f)
	return c.Store.ListStatements(ctx, f, p)
}

func (c *Counting) CountStatements(ctx context.Context, f store.StatementFilter) ([]store.KindCount, error) {
	defer c.done("CountStatements", time.Now(), nil)
	return c.Store.CountStatements(ctx, f)
}

func (c *Counting) Timeline(ctx context.Context, f store.StatementFilter, iv store.Interval) ([]store.Bucket, error) {
	defer c.done("Timeline", time.Now(), nil)
	return c.Store.Timeline(ctx, f, iv)
}

func (c *Counting) Counterparts(ctx context.Context, actorID string, f store.StatementFilter) ([]store.Counterpart, error) {
	defer c.done("Counterparts", time.Now(), nil)
	return c.Store.Counterparts(ctx, actorID, f)
}

func (c *Counting) Edges(ctx context.Context, kinds []store.StatementKind, fn func(store.Edge) error) error {
	defer c.done("Edges", time.Now(), nil)
	return c.Store.Edges(ctx, kinds, fn)
}

func (c *Counting) Paths(ctx context.Context, fromID, toID string, maxHops int, kinds []store.StatementKind, limit int) ([]store.Path, error) {
	defer c.done("Paths", time.Now(), nil)
	return c.Store.Paths(ctx, fromID, toID, maxHops, kinds, limit)
}

func (c *Counting) Neighborhood(ctx context.Context, id string, depth int, kinds []store.StatementKind, limit int) (store.Subgraph, error) {
	defer c.done("Neighborhood", time.Now(), nil)
	return c.Store.Neighborhood(ctx, id, depth, kinds, limit)
}

func (c *Counting) Search(ctx context.Context, text string, types []string, limit int) ([]store.SearchHit, error) {
	defer c.done("Search", time.Now(), nil)
	return c.Store.Search(ctx, text, types, limit)
}

func (c *Counting) WalkActors(ctx context.Context, fn func(store.Actor) error) error {
	defer c.done("WalkActors", time.Now(), nil)
	return c.Store.WalkActors(ctx, fn)
}

func (c *Counting) WalkIncidents(ctx context.Context, fn func(store.Incident) error) error {
	defer c.done("WalkIncidents", time.Now(), nil)
	return c.Store.WalkIncidents(ctx, fn)
}

func (c *Counting) WalkStatements(ctx context.Context, f store.StatementFilter, fn func(store.Statement) error) error {
	defer c.done("WalkStatements", time.Now(), &f)
	return c.Store.WalkStatements(ctx, f, fn)
}

func (c *Counting) WalkArticles(ctx context.Context, fn func(store.Article) error) error {
	defer c.done("WalkArticles", time.Now(), nil)
	return c.Store.WalkArticles(ctx, fn)
}

func (c *Counting) WalkMentions(ctx context.Context, fn func(articleID, actorID string) error) error {
	defer c.done("WalkMentions", time.Now(), nil)
	return c.Store.WalkMentions(ctx, fn)
}

func (c *Counting) Stats(ctx context.Context) (store.Stats, error) {
	defer c.done("Stats", time.Now(), nil)
	return c.Store.Stats(ctx)
}
