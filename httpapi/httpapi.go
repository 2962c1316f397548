// Package httpapi serves Demarche over HTTP: the GraphQL endpoint at /graphql
// (POST, GET, WebSocket and Server-Sent Events, following the GraphQL over HTTP
// spec with application/graphql-response+json), GraphiQL at / with its assets
// embedded (it works offline), and the /healthz and /readyz probes.
//
// Mutations need the bearer token (Config.Token, DEMARCHE_TOKEN); queries are
// open unless Config.TokenForQueries is set. Every operation goes through a
// depth limit, a complexity limit and a page size cap; persisted queries (APQ)
// and introspection (switchable) are on. With Config.ResponseCache, a repeated
// query is answered with the bytes of an earlier response while the graph is
// unchanged (package respcache), separately for requests with and without the
// token.
package httpapi

import (
	"context"
	"log/slog"
	"net/http"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/demarche/demarche/graph"
	"github.com/demarche/demarche/graph/live"
	"github.com/demarche/demarche/graph/respcache"
	"github.com/demarche/demarche/store"
)

// Defaults of the limits Config leaves at zero.
const (
	DefaultMaxComplexity = 20000
	DefaultMaxDepth      = 15
	DefaultMaxPageSize   = graph.DefaultMaxPageSize
	// DefaultMaxBodyBytes bounds a request body (an ingested document included).
	DefaultMaxBodyBytes = 12 << 20
)

// Config configures the HTTP API. Only Store is required.
type Config struct {
	// Store is the knowledge graph the API reads and curates.
	Store store.Store
	// Ingester runs the load pipeline for the ingestArticle mutation; nil
	// makes that mutation answer that this server does not ingest.
	Ingester graph.Ingester
	// Broker feeds the statementAdded subscription; nil means a private
	// broker (the API's own ingestArticle still publishes to it).
	Broker *live.Broker
	// Token is the bearer token mutations need (DEMARCHE_TOKEN). Empty refuses
	// every mutation with UNAUTHENTICATED.
	Token string
	// TokenForQueries makes queries and subscriptions need the token too.
	TokenForQueries bool
	// DisableIntrospection turns schema introspection (and so GraphiQL's
	// documentation) off.
	DisableIntrospection bool
	// MaxComplexity, MaxDepth and MaxPageSize bound each operation (defaults
	// DefaultMaxComplexity, DefaultMaxDepth, DefaultMaxPageSize).
	MaxComplexity int
	MaxDepth      int
	MaxPageSize   int
	// MaxBodyBytes bounds a request body (default DefaultMaxBodyBytes).
	MaxBodyBytes int64
	// LoaderWait is how long dataloaders collect keys before one store round
	// trip (default graph.DefaultLoaderWait).
	LoaderWait time.Duration
	// Logger receives request errors; nil means slog.Default().
	Logger *slog.Logger
	// ResponseCache, when set, answers repeated queries with the response of an
	// earlier one while the graph is unchanged (see package respcache); it must
	// cache responses of Store. nil executes every query.
	ResponseCache *respcache.Cache
}

func (c *Config) defaults() {
	if c.MaxComplexity <= 0 {
		c.MaxComplexity = DefaultMaxComplexity
	}
	if c.MaxDepth <= 0 {
		c.MaxDepth = DefaultMaxDepth
	}
	if c.MaxPageSize <= 0 {
		c.MaxPageSize = DefaultMaxPageSize
	}
	if c.MaxBodyBytes <= 0 {
		c.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if c.Logger == nil {
		c.Logger = slog.Default()
	}
	if c.Broker == nil {
		c.Broker = live.NewBroker()
	}
}

// New returns the API's handler: /graphql, / (GraphiQL and its assets),
// /healthz and /readyz.
func New(cfg Config) http.Handler {
	cfg.defaults()
	mux := http.NewServeMux()
	mux.Handle("/graphql", newGraphQL(cfg))
	mux.Handle("GET /{$}", graphiQLPage())
	mux.Handle("GET /graphiql/", assetsHandler())
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		_, _ = w.Write([]byte("ok\n"))
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 3*time.Second)
		defer cancel()
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		if err := cfg.Store.Ping(ctx); err != nil {
			cfg.Logger.Warn("readyz: store does not answer", "err", err)
			w.WriteHeader(http.StatusServiceUnavailable)
			_, _ = w.Write([]byte("store unavailable\n"))
			return
		}
		_, _ = w.Write([]byte("ready\n"))
	})
	return mux
}

// newGraphQL builds the gqlgen server with its transports and extensions,
// wrapped in the spec and auth front.
func newGraphQL(cfg Config) http.Handler {
	res := &graph.Resolver{Store: cfg.Store, Ingester: cfg.Ingester, Broker: cfg.Broker, MaxPageSize: cfg.MaxPageSize}
	srv := handler.New(graph.NewSchema(res))
	srv.AddTransport(transport.Websocket{
		KeepAlivePingInterval: 10 * time.Second,
		InitFunc:              websocketInit(cfg.Token),
	})
	srv.AddTransport(transport.SSE{KeepAlivePingInterval: 10 * time.Second})
	srv.AddTransport(transport.Options{AllowedMethods: []string{http.MethodGet, http.MethodPost, http.MethodOptions}})
	srv.AddTransport(transport.GET{UseGrapQLResponseJsonByDefault: false})
	srv.AddTransport(transport.POST{UseGrapQLResponseJsonByDefault: false})
	srv.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	srv.SetErrorPresenter(graph.ErrorPresenter)
	srv.SetRecoverFunc(func(ctx context.Context, err any) error {
		cfg.Logger.ErrorContext(ctx, "graphql: panic", "panic", err)
		return graph.ErrInternal
	})
	if !cfg.DisableIntrospection {
		srv.Use(extension.Introspection{})
	}
	srv.Use(extension.AutomaticPersistedQuery{Cache: lru.New[string](1000)})
	srv.Use(extension.FixedComplexityLimit(cfg.MaxComplexity))
	srv.Use(depthLimit{max: cfg.MaxDepth})
	srv.AroundOperations(func(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
		op := graphql.GetOperationContext(ctx).Operation
		if op == nil {
			return next(ctx)
		}
		if err := authorize(ctx, op.Operation, cfg); err != nil {
			return graphql.OneShot(&graphql.Response{Errors: []*gqlerror.Error{err}})
		}
		if op.Operation != ast.Subscription {
			ctx = graph.WithLoaders(ctx, cfg.Store, cfg.LoaderWait)
		}
		return next(ctx)
	})
	var gql http.Handler = srv
	if cfg.ResponseCache != nil {
		// After the authorization above: refused operations never reach it.
		srv.Use(cfg.ResponseCache.Extension(authScope))
		gql = cfg.ResponseCache.Handler(srv)
	}
	return specFront(withToken(cfg.Token, gql), cfg.MaxBodyBytes)
}
