package main

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/demarche/demarche/guard"
	"github.com/demarche/demarche/ingest"
	"github.com/demarche/demarche/metrics"
	"github.com/demarche/demarche/store"
	"github.com/demarche/demarche/store/sqlitestore"
)

// slowStore makes ListActors take a while, to have a request in flight.
type slowStore struct {
	store.Store
	entered chan struct{}
	delay   time.Duration
}

func (s slowStore) ListActors(ctx context.Context, f store.ActorFilter, p store.Page) ([]store.Actor, int, error) {
	select {
	case s.entered <- struct{}{}:
	default:
	}
	time.Sleep(s.delay) // deliberately ignores ctx: a request that is slow to finish
	return s.Store.ListActors(ctx, f, p)
}

func testConfig() Config {
	c := DefaultConfig()
	c.Token = "serve-test-token-4242"
	return c
}

func openTestStore(t *testing.T) store.Store {
	t.Helper()
	s, err := sqlitestore.Open(context.Background(), t.TempDir(), sqlitestore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	if _, err := ingest.New(s, ingest.Options{}).Load(context.Background(), []string{"examples"}); err != nil {
		t.Fatal(err)
	}
	return s
}

func gqlRequest(url, query, token string, sse bool) *http.Request {
	r, _ := http.NewRequest(http.MethodPost, url+"/graphql", strings.NewReader(`{"query":`+jsonString(query)+`}`))
	r.Header.Set("Content-Type", "application/json")
	if sse {
		r.Header.Set("Accept", "text/event-stream")
	}
	if token != "" {
		r.Header.Set("Authorization", "Bearer "+token)
	}
	return r
}

func jsonString(s string) string { return `"` + strings.ReplaceAll(s, `"`, `\"`) + `"` }

// TestGracefulShutdownDrains starts serve's HTTP server, has a slow query and
// a subscription open, and shuts down: the slow query completes with its
// answer, the subscription ends cleanly, and the server returns without error.
func TestGracefulShutdownDrains(t *testing.T) {
	cfg := testConfig()
	base := openTestStore(t)
	slow := slowStore{Store: base, entered: make(chan struct{}, 1), delay: 700 * time.Millisecond}
	drainer := guard.NewDrainer()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	h := newHandler(cfg, slow, nil, metrics.New(), drainer, log)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	url := "http://" + ln.Addr().String()
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- serveUntil(ctx, ln, h, drainer, 10*time.Second, log) }()

	// A subscription over SSE, open before the shutdown.
	sub, err := http.DefaultClient.Do(gqlRequest(url, `subscription { statementAdded { id } }`, "", true))
	if err != nil {
		t.Fatal(err)
	}
	subEnded := make(chan error, 1)
	go func() {
		_, err := io.Copy(io.Discard, bufio.NewReader(sub.Body))
		subEnded <- err
	}()

	// A slow query, in flight when the shutdown starts.
	type answer struct {
		code int
		body string
		err  error
	}
	slowDone := make(chan answer, 1)
	go func() {
		resp, err := http.DefaultClient.Do(gqlRequest(url, `{ actors(first: 3) { totalCount } }`, "", false))
		if err != nil {
			slowDone <- answer{err: err}
			return
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		slowDone <- answer{resp.StatusCode, string(b), err}
	}()
	<-slow.entered
	start := time.Now()
	cancel() // what SIGTERM does to serve

	a := <-slowDone
	if a.err != nil || a.code != 200 || !strings.Contains(a.body, `"totalCount"`) {
		t.Fatalf("in-flight request during shutdown: %d %q %v", a.code, a.body, a.err)
	}
	select {
	case err := <-subEnded:
		if err != nil {
			t.Fatalf("subscription stream broke instead of ending: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the subscription was not ended by the shutdown")
	}
	select {
	case err := <-served:
		if err != nil {
			t.Fatalf("serveUntil: %v", err)
		}
	case <-time.After(8 * time.Second):
		t.Fatal("shutdown did not finish")
	}
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("shutdown took %s: it waited on the subscription instead of ending it", took)
	}
	if _, err := http.Get(url + "/healthz"); err == nil {
		t.Error("the server still accepts connections after shutdown")
	}
}

// TestServeHandler checks the protections as serve wires them: headers,
// the token for large exports, metrics, the switches, and that the token
// never reaches the log.
func TestServeHandler(t *testing.T) {
	cfg := testConfig()
	cfg.MaxAnonymousExport = 2
	cfg.CORSOrigins = "https://dash.example.org"
	var logs bytes.Buffer
	var mu sync.Mutex
	log := slog.New(slog.NewJSONHandler(lockedWriter{&mu, &logs}, &slog.HandlerOptions{Level: slog.LevelDebug}))
	h := newHandler(cfg, openTestStore(t), nil, metrics.New(), guard.NewDrainer(), log)
	srv := httptest.NewServer(h)
	defer srv.Close()
	do := func(r *http.Request) (*http.Response, string) {
		t.Helper()
		resp, err := http.DefaultClient.Do(r)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp, string(b)
	}
	get := func(path, token string) (*http.Response, string) {
		r, _ := http.NewRequest(http.MethodGet, srv.URL+path, nil)
		if token != "" {
			r.Header.Set("Authorization", "Bearer "+token)
		}
		return do(r)
	}

	resp, _ := do(gqlRequest(srv.URL, `{ stats { actors } }`, cfg.Token, false))
	for _, k := range []string{"Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options"} {
		if resp.Header.Get(k) == "" {
			t.Errorf("/graphql answer lacks %s", k)
		}
	}
	if resp, _ := get("/", ""); !strings.Contains(resp.Header.Get("Content-Security-Policy"), "'sha256-") {
		t.Errorf("GraphiQL CSP does not allow its inline script by hash: %q", resp.Header.Get("Content-Security-Policy"))
	}
	if resp, body := get("/export/graphml", ""); resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("large export without the token: %d %s", resp.StatusCode, body)
	}
	if resp, _ := get("/export/graphml", "wrong-token"); resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("large export with a wrong token: %d", resp.StatusCode)
	}
	if resp, body := get("/export/graphml", cfg.Token); resp.StatusCode != 200 || !strings.Contains(body, "<graphml") {
		t.Errorf("large export with the token: %d", resp.StatusCode)
	}
	resp, body := get("/metrics", "")
	if resp.StatusCode != 200 || !strings.Contains(body, `demarche_http_requests_total{code="401",method="GET",route="/export"} 2`) {
		t.Errorf("/metrics: %d, no count of the refused exports:\n%s", resp.StatusCode, body)
	}
	r := gqlRequest(srv.URL, `{ stats { actors } }`, "", false)
	r.Header.Set("Origin", "https://dash.example.org")
	if resp, _ := do(r); resp.Header.Get("Access-Control-Allow-Origin") != "https://dash.example.org" {
		t.Error("allowed origin got no CORS header")
	}
	// A mutation with a wrong token, and one with the right token.
	do(gqlRequest(srv.URL, `mutation { addAlias(actorId: "nope", alias: "x") { id } }`, "not-the-token-777", false))
	do(gqlRequest(srv.URL, `mutation { addAlias(actorId: "nope", alias: "x") { id } }`, cfg.Token, false))
	mu.Lock()
	logged := logs.String()
	mu.Unlock()
	if !strings.Contains(logged, `"msg":"request"`) {
		t.Fatalf("no access log:\n%s", logged)
	}
	for _, secret := range []string{cfg.Token, "not-the-token-777", "wrong-token"} {
		if strings.Contains(logged, secret) {
			t.Errorf("a token reached the log:\n%s", logged)
		}
	}

	// The switches: GraphiQL and introspection off, queries need the token.
	cfg.GraphiQL, cfg.Introspection, cfg.TokenForQueries = false, false, true
	off := httptest.NewServer(newHandler(cfg, openTestStore(t), nil, metrics.New(), guard.NewDrainer(), log))
	defer off.Close()
	srv = off
	if resp, _ := get("/", ""); resp.StatusCode != http.StatusNotFound {
		t.Errorf("GraphiQL off: / answered %d", resp.StatusCode)
	}
	if _, body := do(gqlRequest(srv.URL, `{ __schema { types { name } } }`, cfg.Token, false)); !strings.Contains(body, "INTROSPECTION_DISABLED") {
		t.Errorf("introspection off: %s", body)
	}
	if _, body := do(gqlRequest(srv.URL, `{ stats { actors } }`, "", false)); !strings.Contains(body, "UNAUTHENTICATED") {
		t.Errorf("token for queries: anonymous query answered %s", body)
	}
	if resp, _ := get("/metrics", ""); resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("token for queries: anonymous /metrics answered %d", resp.StatusCode)
	}
}

type lockedWriter struct {
	mu *sync.Mutex
	w  io.Writer
}

func (l lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

// ctxStore records the context error its ListActors saw.
type ctxStore struct {
	store.Store
	saw chan error
}

func (s ctxStore) ListActors(ctx context.Context, f store.ActorFilter, p store.Page) ([]store.Actor, int, error) {
	select {
	case <-ctx.Done():
		s.saw <- ctx.Err()
		return nil, 0, ctx.Err()
	case <-time.After(10 * time.Second):
		s.saw <- nil
		return s.Store.ListActors(ctx, f, p)
	}
}

// TestRequestTimeoutReachesTheStore checks that serve's request timeout is
// the deadline of the store call's context (what a Neo4j transaction or an
// SQLite query stops at).
func TestRequestTimeoutReachesTheStore(t *testing.T) {
	cfg := testConfig()
	cfg.RequestTimeout = 200 * time.Millisecond
	s := ctxStore{Store: openTestStore(t), saw: make(chan error, 1)}
	h := newHandler(cfg, s, nil, metrics.New(), guard.NewDrainer(), slog.New(slog.NewTextHandler(io.Discard, nil)))
	srv := httptest.NewServer(h)
	defer srv.Close()
	start := time.Now()
	resp, err := http.DefaultClient.Do(gqlRequest(srv.URL, `{ actors(first: 3) { totalCount } }`, "", false))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if err := <-s.saw; err != context.DeadlineExceeded {
		t.Fatalf("the store call's context ended with %v, want the request deadline", err)
	}
	if took := time.Since(start); took > 5*time.Second {
		t.Fatalf("the request took %s despite a 200ms timeout", took)
	}
	if resp.StatusCode >= 500 && resp.StatusCode != http.StatusServiceUnavailable {
		t.Fatalf("timed-out query answered %d", resp.StatusCode)
	}
}

func TestServeConfigFromEnvironment(t *testing.T) {
	t.Setenv("DEMARCHE_CORS_ORIGINS", "https://a.example, https://b.example")
	t.Setenv("DEMARCHE_RATE_LIMIT", "7.5")
	t.Setenv("DEMARCHE_MAX_CONCURRENT", "3")
	t.Setenv("DEMARCHE_REQUEST_TIMEOUT", "2s")
	t.Setenv("DEMARCHE_LOADER_WAIT", "5ms")
	t.Setenv("DEMARCHE_TOKEN_FOR_QUERIES", "true")
	t.Setenv("DEMARCHE_INTROSPECTION", "false")
	t.Setenv("DEMARCHE_GRAPHIQL", "0")
	c := DefaultConfig()
	if c.envErr != nil || c.CORSOrigins != "https://a.example, https://b.example" || c.RateLimit != 7.5 || c.MaxConcurrent != 3 ||
		c.RequestTimeout != 2*time.Second || c.LoaderWait != 5*time.Millisecond || !c.TokenForQueries || c.Introspection || c.GraphiQL {
		t.Fatalf("config from the environment: %+v", c)
	}
	t.Setenv("DEMARCHE_REQUEST_TIMEOUT", "soon")
	var stderr bytes.Buffer
	err := run(context.Background(), []string{"serve"}, strings.NewReader(""), io.Discard, &stderr)
	if err == nil || !strings.Contains(err.Error(), "DEMARCHE_REQUEST_TIMEOUT") {
		t.Fatalf("serve with a bad DEMARCHE_REQUEST_TIMEOUT: %v", err)
	}
}
