package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"time"

	"github.com/demarche/demarche/explorer"
	"github.com/demarche/demarche/export"
	"github.com/demarche/demarche/graph"
	"github.com/demarche/demarche/graph/respcache"
	"github.com/demarche/demarche/guard"
	"github.com/demarche/demarche/httpapi"
	"github.com/demarche/demarche/ingest"
	"github.com/demarche/demarche/metrics"
	"github.com/demarche/demarche/store"
)

// stringsFlag collects a repeatable flag.
type stringsFlag []string

func (s *stringsFlag) String() string     { return fmt.Sprint(*s) }
func (s *stringsFlag) Set(v string) error { *s = append(*s, v); return nil }

func (e *environment) serve(ctx context.Context, args []string) error {
	fs := e.newFlagSet("serve", "serve [flags] [--load PATH...]\n\nServes the GraphQL API at /graphql (GraphiQL at /, exports at /export/{format},\n/healthz, /readyz, /metrics). With --load, loads the given articles first.")
	e.cfg.storeFlags(fs)
	e.cfg.serveFlags(fs)
	var loads stringsFlag
	fs.Var(&loads, "load", "load these articles before serving (repeatable; further paths may follow)")
	var lf loadFlags
	lf.register(fs)
	rest, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if e.cfg.envErr != nil {
		return e.cfg.envErr
	}
	loads = append(loads, rest...)

	// Serve starts even when Neo4j is down: /readyz says not ready until it answers.
	e.cfg.lazyNeo4j = len(loads) == 0
	s, err := openStore(ctx, e.cfg)
	if err != nil {
		return err
	}
	defer s.Close()
	m := metrics.New()
	if len(loads) > 0 {
		lf.progress = m.Progress
		sum, err := e.runLoad(ctx, s, loads, lf, false)
		if err != nil {
			return err
		}
		e.log.Info("loaded", "read", sum.Read, "loaded", sum.Loaded, "unchanged", sum.Unchanged,
			"skipped", sum.Skipped, "failed", sum.Failed, "statements", sum.Statements)
	}
	xopts, err := lf.extractOptions()
	if err != nil {
		return err
	}
	pipeline := ingest.New(s, ingest.Options{Extract: xopts, Logger: e.log})
	drainer := guard.NewDrainer()
	h := newHandler(e.cfg, s, ingester{p: pipeline, progress: m.Progress}, m, drainer, e.log)

	ln, err := net.Listen("tcp", e.cfg.Addr)
	if err != nil {
		return fmt.Errorf("listening on %s: %w", e.cfg.Addr, err)
	}
	e.log.Info("serving", "url", "http://"+ln.Addr().String()+"/", "graphql", "http://"+ln.Addr().String()+"/graphql")
	return serveUntil(ctx, ln, h, drainer, e.cfg.ShutdownTimeout, e.log)
}

// newHandler builds everything serve answers: the API, exports, the explorer
// page and /metrics, behind the guard's protections, counted by m and logged.
func newHandler(cfg Config, s store.Store, ing graph.Ingester, m *metrics.Metrics, drainer *guard.Drainer, log *slog.Logger) http.Handler {
	var responses *respcache.Cache
	if cfg.ResultCache {
		responses = respcache.New(s, respcache.Options{})
		m.Registry().MustRegister(responses.Collectors()...)
	}
	api := httpapi.New(httpapi.Config{
		Store: s, Ingester: ing, Token: cfg.Token, TokenForQueries: cfg.TokenForQueries,
		DisableIntrospection: !cfg.Introspection,
		MaxComplexity:        cfg.MaxComplexity, MaxDepth: cfg.MaxDepth, MaxPageSize: cfg.MaxPageSize,
		MaxBodyBytes: cfg.MaxBodyBytes, Logger: log, ResponseCache: responses, LoaderWait: cfg.LoaderWait,
	})
	mux := http.NewServeMux()
	mux.Handle("/export/", export.Handler(s))
	mux.Handle("/explore/", explorer.Handler())
	metricsHandler := m.Handler()
	mux.Handle("GET /metrics", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if cfg.TokenForQueries && !guard.TokenMatches(r, cfg.Token) {
			w.Header().Set("WWW-Authenticate", `Bearer realm="demarche"`)
			http.Error(w, "/metrics needs the bearer token on this server", http.StatusUnauthorized)
			return
		}
		metricsHandler.ServeHTTP(w, r)
	}))
	if !cfg.GraphiQL {
		mux.Handle("GET /{$}", http.NotFoundHandler())
		mux.Handle("GET /graphiql/", http.NotFoundHandler())
	}
	mux.Handle("/", api)

	// The GraphiQL page's inline script is allowed by its hash, read from the page itself.
	page := httptest.NewRecorder()
	api.ServeHTTP(page, httptest.NewRequest(http.MethodGet, "/", nil))
	gcfg := guard.Config{
		RequestTimeout: cfg.RequestTimeout, ExportTimeout: cfg.ExportTimeout,
		MaxConcurrent: cfg.MaxConcurrent, RateLimit: cfg.RateLimit, RateBurst: cfg.RateBurst,
		Token: cfg.Token, MaxAnonymousBody: cfg.MaxAnonymousBody, MaxAnonymousExport: cfg.MaxAnonymousExport,
		CountStatements: guard.StoreCounter(s), GraphiQLScripts: guard.InlineScripts(page.Body.Bytes()),
		Logger: log,
	}
	for _, o := range strings.Split(cfg.CORSOrigins, ",") {
		if o = strings.TrimSpace(o); o != "" {
			gcfg.CORSOrigins = append(gcfg.CORSOrigins, o)
		}
	}
	return m.Middleware(accessLog(log, guard.Wrap(gcfg, drainer.Middleware(mux))))
}

// accessLog logs each request's method, route, status and duration (never
// headers or the query string, so no token or document reaches the log).
func accessLog(log *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusRecorder{ResponseWriter: w}
		next.ServeHTTP(sw, r)
		level := slog.LevelInfo
		if sw.code >= 500 {
			level = slog.LevelWarn
		}
		log.LogAttrs(r.Context(), level, "request", slog.String("method", r.Method), slog.String("path", r.URL.Path),
			slog.Int("status", sw.status()), slog.Duration("duration", time.Since(start)),
			slog.String("client", guard.ClientIP(r)))
	})
}

type statusRecorder struct {
	http.ResponseWriter
	code int
}

func (w *statusRecorder) status() int {
	if w.code == 0 {
		return http.StatusOK
	}
	return w.code
}

func (w *statusRecorder) WriteHeader(code int) {
	if w.code == 0 {
		w.code = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusRecorder) Flush() {
	if f, ok := w.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

func (w *statusRecorder) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// serveUntil serves h on ln until ctx ends, then shuts down gracefully: no
// new connections, subscriptions ended (drainer), in-flight requests allowed
// to finish within grace.
func serveUntil(ctx context.Context, ln net.Listener, h http.Handler, drainer *guard.Drainer, grace time.Duration, log *slog.Logger) error {
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second, IdleTimeout: 2 * time.Minute,
		ErrorLog: slog.NewLogLogger(log.Handler(), slog.LevelWarn)}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down: finishing in-flight requests", "grace", grace)
	shCtx, cancel := context.WithTimeout(context.Background(), grace)
	defer cancel()
	drained := make(chan error, 1)
	go func() { drained <- drainer.Close(shCtx) }()
	err := srv.Shutdown(shCtx)
	if derr := <-drained; err == nil && derr != nil {
		err = fmt.Errorf("ending subscriptions: %w", derr)
	}
	if err != nil {
		_ = srv.Close()
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	log.Info("shut down")
	return nil
}

// ingester adapts the ingest pipeline to the API's ingestArticle mutation,
// counting what it writes.
type ingester struct {
	p        *ingest.Pipeline
	progress func(ingest.Event)
}

func (i ingester) IngestText(ctx context.Context, source string, data []byte) ([]graph.IngestedArticle, error) {
	done, err := i.p.IngestText(ctx, source, data)
	out := make([]graph.IngestedArticle, len(done))
	for k, d := range done {
		out[k] = graph.IngestedArticle{Article: d.Article, Result: d.Result}
		if i.progress != nil {
			ev := ingest.Event{Source: source, Outcome: ingest.Loaded, Result: d.Result}
			if d.Result.Unchanged {
				ev.Outcome = ingest.Unchanged
			}
			i.progress(ev)
		}
	}
	if err != nil && i.progress != nil {
		i.progress(ingest.Event{Source: source, Outcome: ingest.Failed, Err: err})
	}
	return out, err
}
