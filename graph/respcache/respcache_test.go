package respcache_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/demarche/demarche/graph"
	"github.com/demarche/demarche/graph/respcache"
	"github.com/demarche/demarche/store"
	"github.com/demarche/demarche/store/sqlitestore"
	st "github.com/demarche/demarche/store/storetest"
)

// counted counts the store's read calls (one per executed query below) and
// keeps the wrapped store's Version.
type counted struct {
	*st.Counting
	v store.Versioned
}

func (c counted) Version(ctx context.Context) (string, error) { return c.v.Version(ctx) }

func openSQLite(t testing.TB, dir string) *sqlitestore.Store {
	t.Helper()
	s, err := sqlitestore.Open(context.Background(), dir, sqlitestore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

func newCounted(t testing.TB, s *sqlitestore.Store) counted {
	t.Helper()
	for _, g := range []*store.ArticleGraph{
		st.Art("art:1", "AP", st.R(store.Accuses, st.USA, st.CHN, 0, "Washington accused Beijing of hacking.")),
		st.Art("art:2", "BBC", st.R(store.Criticizes, st.GBR, st.CHN, 3, "London criticized Beijing.")),
		st.Art("art:9", "AFP", st.R(store.Indicts, st.DOJ, st.APT40, 5, "Prosecutors indicted the group."),
			st.R(store.Demands, st.NATO, st.CHN, 6, "The alliance made demands of Beijing.")),
	} {
		if _, err := s.PutArticle(context.Background(), g); err != nil {
			t.Fatal(err)
		}
	}
	return counted{Counting: st.NewCounting(s), v: s}
}

type scopeKey struct{}

// newServer serves the schema over s with the cache c (none when nil). The
// X-Scope header plays the part of the API's token: it becomes the scope.
func newServer(s store.Store, c *respcache.Cache) http.Handler {
	srv := handler.New(graph.NewSchema(&graph.Resolver{Store: s}))
	srv.AddTransport(transport.POST{})
	srv.AroundOperations(func(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
		if op := graphql.GetOperationContext(ctx).Operation; op != nil && op.Operation != ast.Subscription {
			ctx = graph.WithLoaders(ctx, s, 0)
		}
		return next(ctx)
	})
	var h http.Handler = srv
	if c != nil {
		srv.Use(c.Extension(func(ctx context.Context) string { s, _ := ctx.Value(scopeKey{}).(string); return s }))
		h = c.Handler(srv)
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := context.WithValue(r.Context(), scopeKey{}, r.Header.Get("X-Scope"))
		h.ServeHTTP(w, r.WithContext(ctx))
	})
}

// newBareServer is newServer with the extension but without Handler: hits are
// encoded by gqlgen again.
func newBareServer(s store.Store, c *respcache.Cache) http.Handler {
	srv := handler.New(graph.NewSchema(&graph.Resolver{Store: s}))
	srv.AddTransport(transport.POST{})
	srv.AroundOperations(func(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
		return next(graph.WithLoaders(ctx, s, 0))
	})
	srv.Use(c.Extension(nil))
	return srv
}

// A hit gives the bytes the executed query gave, with or without Handler, also
// where encoding/json escapes the data (HTML characters).
func TestHitsAreByteIdentical(t *testing.T) {
	s := newCounted(t, openSQLite(t, t.TempDir()))
	if _, err := s.AddAlias(context.Background(), st.USA, `<Uncle & "Sam">`); err != nil {
		t.Fatal(err)
	}
	vars := map[string]any{"id": st.USA}
	for name, h := range map[string]http.Handler{
		"handler": newServer(s, respcache.New(s, respcache.Options{})),
		"bare":    newBareServer(s, respcache.New(s, respcache.Options{})),
	} {
		first := post(t, h, actorQuery, vars)
		if !strings.Contains(first, `\u003cUncle \u0026 \"Sam\"\u003e`) {
			t.Fatalf("%s: first answer %s", name, first)
		}
		s.Take()
		for range 2 {
			if again := post(t, h, actorQuery, vars); again != first {
				t.Errorf("%s: hit %s, want %s", name, again, first)
			}
		}
		if n := s.Take().Total(); n != 0 {
			t.Errorf("%s: hits made %d store calls", name, n)
		}
	}
}

// post sends a GraphQL request and returns the response body.
func post(t testing.TB, h http.Handler, query string, vars map[string]any, header ...string) string {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	r := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
	r.Header.Set("Content-Type", "application/json")
	for i := 0; i+1 < len(header); i += 2 {
		r.Header.Set(header[i], header[i+1])
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	if w.Code != http.StatusOK {
		t.Fatalf("status %d: %s", w.Code, w.Body)
	}
	return w.Body.String()
}

const (
	actorQuery = `query Actor($id: ID) { actor(id: $id) { name aliases } }`
	countQuery = `{ statements(first: 5) { totalCount edges { node { id } } } }`
)

func TestRepeatedQueryIsAnsweredFromTheCache(t *testing.T) {
	s := newCounted(t, openSQLite(t, t.TempDir()))
	c := respcache.New(s, respcache.Options{})
	h := newServer(s, c)
	vars := map[string]any{"id": st.USA}

	first := post(t, h, actorQuery, vars)
	if !strings.Contains(first, "United States") {
		t.Fatalf("first answer: %s", first)
	}
	if n := s.Take().Total(); n == 0 {
		t.Fatal("the first request made no store call")
	}
	for range 3 {
		if again := post(t, h, actorQuery, vars); again != first {
			t.Fatalf("cached answer %s, want %s", again, first)
		}
	}
	if n := s.Take().Total(); n != 0 {
		t.Errorf("repeated queries made %d store calls, want 0 (answered from the cache)", n)
	}
	if c.Hits() != 3 || c.Misses() != 1 {
		t.Errorf("hits, misses = %d, %d; want 3, 1", c.Hits(), c.Misses())
	}

	// Different variables are a different query.
	other := post(t, h, actorQuery, map[string]any{"id": st.CHN})
	if other == first || !strings.Contains(other, "China") {
		t.Errorf("answer for another actor: %s", other)
	}
	if n := s.Take().Total(); n == 0 {
		t.Error("a query with other variables was answered without executing")
	}
	// So is another operation name or document.
	post(t, h, `query Other($id: ID) { actor(id: $id) { name aliases } }`, vars)
	if n := s.Take().Total(); n == 0 {
		t.Error("another document was answered without executing")
	}
}

func TestWriteInvalidates(t *testing.T) {
	sq := openSQLite(t, t.TempDir())
	s := newCounted(t, sq)
	h := newServer(s, respcache.New(s, respcache.Options{}))
	before := post(t, h, countQuery, nil)
	post(t, h, countQuery, nil)
	s.Take()
	if _, err := sq.PutArticle(context.Background(), st.Art("art:3", "AP", st.R(store.Sanctions, st.USA, st.CHN, 40, "Washington sanctioned Beijing."))); err != nil {
		t.Fatal(err)
	}
	after := post(t, h, countQuery, nil)
	if after == before || !strings.Contains(after, `"totalCount":5`) {
		t.Fatalf("answer after a write = %s, before it %s", after, before)
	}
	if n := s.Take().Total(); n == 0 {
		t.Error("the query after a write did not execute")
	}
	// The new answer is cached in turn.
	if again := post(t, h, countQuery, nil); again != after {
		t.Errorf("answer repeated after the write = %s, want %s", again, after)
	}
	if n := s.Take().Total(); n != 0 {
		t.Errorf("repeated query after the write made %d store calls, want 0", n)
	}
}

// Another process writing the same embedded store (demarche load beside serve)
// invalidates the answers too, once the store notices (within a second).
func TestAnotherProcessWriteInvalidates(t *testing.T) {
	dir := t.TempDir()
	s := newCounted(t, openSQLite(t, dir))
	h := newServer(s, respcache.New(s, respcache.Options{}))
	before := post(t, h, countQuery, nil)
	if again := post(t, h, countQuery, nil); again != before {
		t.Fatalf("repeated answer = %s, want %s", again, before)
	}
	s.Take()

	load := openSQLite(t, dir)
	if _, err := load.PutArticle(context.Background(), st.Art("art:3", "AP", st.R(store.Sanctions, st.USA, st.CHN, 40, "Washington sanctioned Beijing."))); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for {
		got := post(t, h, countQuery, nil)
		if strings.Contains(got, `"totalCount":5`) {
			break
		}
		if got != before {
			t.Fatalf("answer while the other write is not seen yet = %s", got)
		}
		if time.Now().After(deadline) {
			t.Fatalf("still the old answer 5s after another process wrote: %s", got)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func TestMutationsAndErrorsAreNotCached(t *testing.T) {
	s := newCounted(t, openSQLite(t, t.TempDir()))
	c := respcache.New(s, respcache.Options{})
	h := newServer(s, c)
	// An error answer (neither id nor name) executes every time.
	for range 2 {
		got := post(t, h, `{ actor { name } }`, nil)
		if !strings.Contains(got, `"errors"`) {
			t.Fatalf("answer without id or name: %s", got)
		}
	}
	if c.Len() != 0 {
		t.Errorf("%d responses cached after two error answers, want 0", c.Len())
	}
	// A mutation runs every time: the second adds nothing but still executes.
	mut := `mutation($a: String!) { addAlias(actor: $a, alias: "Uncle Sam") { aliases } }`
	for i := range 2 {
		got := post(t, h, mut, map[string]any{"a": st.USA})
		if !strings.Contains(got, "Uncle Sam") {
			t.Fatalf("mutation %d answered %s", i, got)
		}
		if n := s.Take().Total(); n == 0 {
			t.Errorf("mutation %d made no store read: answered from a cache?", i)
		}
	}
	if c.Len() != 0 || c.Hits() != 0 {
		t.Errorf("after mutations: %d cached, %d hits; want 0, 0", c.Len(), c.Hits())
	}
	// A query after the mutation sees its effect.
	if got := post(t, h, actorQuery, map[string]any{"id": st.USA}); !strings.Contains(got, "Uncle Sam") {
		t.Errorf("query after the mutation: %s", got)
	}
}

// An answer given in one scope (the token) is never given in another.
func TestScopesAreSeparate(t *testing.T) {
	s := newCounted(t, openSQLite(t, t.TempDir()))
	h := newServer(s, respcache.New(s, respcache.Options{}))
	vars := map[string]any{"id": st.USA}
	post(t, h, actorQuery, vars, "X-Scope", "token")
	post(t, h, actorQuery, vars, "X-Scope", "token")
	if n := s.Take().Total(); n != 1 {
		t.Fatalf("two token requests made %d store calls, want 1", n)
	}
	post(t, h, actorQuery, vars)
	if n := s.Take().Total(); n != 1 {
		t.Errorf("a request without the token made %d store calls, want 1: it got the token's answer", n)
	}
}

func TestEvictionKeepsTheByteBudget(t *testing.T) {
	s := newCounted(t, openSQLite(t, t.TempDir()))
	h := newServer(s, nil)
	size := len(post(t, h, actorQuery, map[string]any{"id": st.USA}))
	// Room for about three answers of this size (and their bookkeeping).
	budget := int64(3 * (size + 300))
	c := respcache.New(s, respcache.Options{MaxBytes: budget})
	h = newServer(s, c)
	ids := []string{st.USA, st.CHN, st.GBR, st.DOJ, st.NATO}
	for _, id := range ids {
		post(t, h, actorQuery, map[string]any{"id": id})
		if c.Bytes() > budget {
			t.Fatalf("cache holds %d bytes, budget %d", c.Bytes(), budget)
		}
	}
	if c.Len() == 0 || c.Len() >= len(ids) {
		t.Fatalf("cache holds %d answers of %d, want some evicted", c.Len(), len(ids))
	}
	s.Take()
	post(t, h, actorQuery, map[string]any{"id": ids[len(ids)-1]}) // the newest: kept
	if n := s.Take().Total(); n != 0 {
		t.Errorf("the newest answer was evicted (%d store calls)", n)
	}
	post(t, h, actorQuery, map[string]any{"id": ids[0]}) // the oldest: evicted
	if n := s.Take().Total(); n == 0 {
		t.Error("the oldest answer is still cached over the budget")
	}

	// An answer over MaxEntryBytes is never cached.
	small := respcache.New(s, respcache.Options{MaxEntryBytes: 10})
	h = newServer(s, small)
	post(t, h, actorQuery, map[string]any{"id": st.USA})
	if small.Len() != 0 {
		t.Errorf("%d answers cached over MaxEntryBytes", small.Len())
	}
}

// Without a cache (the --result-cache=off configuration) every request executes.
func TestNoCacheExecutesEveryRequest(t *testing.T) {
	s := newCounted(t, openSQLite(t, t.TempDir()))
	h := newServer(s, nil)
	for i := range 3 {
		post(t, h, actorQuery, map[string]any{"id": st.USA})
		if n := s.Take().Total(); n == 0 {
			t.Errorf("request %d made no store call", i)
		}
	}
}

// unversioned hides the store's Version.
type unversioned struct{ store.Store }

func TestStoreWithoutVersionIsNotCached(t *testing.T) {
	s := newCounted(t, openSQLite(t, t.TempDir()))
	c := respcache.New(unversioned{s}, respcache.Options{})
	h := newServer(s, c)
	for range 2 {
		post(t, h, actorQuery, map[string]any{"id": st.USA})
		if n := s.Take().Total(); n == 0 {
			t.Error("answered from a cache over a store without Version")
		}
	}
	if c.Len() != 0 || c.Hits()+c.Misses() != 0 {
		t.Errorf("cache over an unversioned store: %d entries, %d hits, %d misses", c.Len(), c.Hits(), c.Misses())
	}
}

// Identical concurrent misses execute once; everyone gets the same answer.
func TestConcurrentIdenticalQueries(t *testing.T) {
	s := newCounted(t, openSQLite(t, t.TempDir()))
	post(t, newServer(s, nil), countQuery, nil)
	once := s.Take().Total()
	c := respcache.New(s, respcache.Options{})
	h := newServer(s, c)
	var wg sync.WaitGroup
	answers := make([]string, 16)
	for i := range answers {
		wg.Go(func() { answers[i] = post(t, h, countQuery, nil) })
	}
	wg.Wait()
	for i, a := range answers {
		if a != answers[0] {
			t.Errorf("answer %d = %s, answer 0 = %s", i, a, answers[0])
		}
	}
	if n := s.Take().Total(); n != once {
		t.Errorf("16 identical concurrent queries made %d store calls, one execution makes %d", n, once)
	}
	// Concurrent distinct queries with writes in the middle: every answer is
	// well formed, and once the writes are done the cache answers with them.
	for i := range 32 {
		wg.Go(func() {
			if i == 10 || i == 20 {
				if _, err := s.AddAlias(context.Background(), st.USA, fmt.Sprintf("Alias %d", i)); err != nil {
					t.Error(err)
				}
				return
			}
			id := []string{st.USA, st.CHN, st.GBR}[i%3]
			if got := post(t, h, actorQuery, map[string]any{"id": id}); !strings.Contains(got, `"name"`) {
				t.Errorf("answer for %s: %s", id, got)
			}
		})
	}
	wg.Wait()
	last := post(t, h, actorQuery, map[string]any{"id": st.USA})
	if !strings.Contains(last, "Alias 10") || !strings.Contains(last, "Alias 20") {
		t.Errorf("answer after the writes: %s", last)
	}
	s.Take()
	if again := post(t, h, actorQuery, map[string]any{"id": st.USA}); again != last {
		t.Errorf("repeated answer after the writes = %s, want %s", again, last)
	}
	if n := s.Take().Total(); n != 0 {
		t.Errorf("the repeated query after the writes made %d store calls, want 0", n)
	}
}

func TestCollectors(t *testing.T) {
	s := newCounted(t, openSQLite(t, t.TempDir()))
	c := respcache.New(s, respcache.Options{})
	reg := prometheus.NewRegistry()
	reg.MustRegister(c.Collectors()...)
	h := newServer(s, c)
	for range 3 {
		post(t, h, actorQuery, map[string]any{"id": st.USA})
	}
	mfs, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]float64{}
	for _, mf := range mfs {
		m := mf.GetMetric()[0]
		got[mf.GetName()] = m.GetCounter().GetValue() + m.GetGauge().GetValue()
	}
	if got["demarche_response_cache_hits_total"] != 2 || got["demarche_response_cache_misses_total"] != 1 ||
		got["demarche_response_cache_bytes"] <= 0 {
		t.Errorf("metrics after three identical queries: %v", got)
	}
}

// moving is a store whose version changes at every look, as if a write
// committed during every query.
type moving struct {
	counted
	n *atomic.Int64
}

func (m moving) Version(context.Context) (string, error) {
	return fmt.Sprint(m.n.Add(1)), nil
}

// An answer is stored only when the version held still while the query ran:
// one read across a write may be half old, half new.
func TestWriteDuringExecutionIsNotStored(t *testing.T) {
	s := newCounted(t, openSQLite(t, t.TempDir()))
	m := moving{s, new(atomic.Int64)}
	c := respcache.New(m, respcache.Options{})
	h := newServer(m, c)
	for i := range 3 {
		post(t, h, actorQuery, map[string]any{"id": st.USA})
		if n := s.Take().Total(); n == 0 {
			t.Errorf("request %d was answered from the cache", i)
		}
	}
	if c.Len() != 0 {
		t.Errorf("%d answers stored while the version kept moving", c.Len())
	}
}
