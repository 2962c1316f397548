package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strconv"
	"time"

	"github.com/demarche/demarche/graph"
	"github.com/demarche/demarche/guard"
	"github.com/demarche/demarche/httpapi"
	"github.com/demarche/demarche/store"
	"github.com/demarche/demarche/store/neo4jstore"
	"github.com/demarche/demarche/store/sqlitestore"
)

// Config is the service's configuration: flags, with defaults from the environment.
type Config struct {
	Addr                                    string // DEMARCHE_ADDR
	DataDir                                 string // DEMARCHE_DATA: the embedded store's directory
	Token                                   string // DEMARCHE_TOKEN: bearer token for mutations
	Window                                  time.Duration
	ResultCache                             bool   // DEMARCHE_RESULT_CACHE (off): the embedded store's result cache and the API's response cache
	Neo4jURI                                string // NEO4J_URI: when set, Neo4j is the store
	Neo4jUser, Neo4jPassword, Neo4jDatabase string

	// What serve exposes and how it protects itself (see SECURITY.md).
	TokenForQueries    bool          // DEMARCHE_TOKEN_FOR_QUERIES: queries need the token too
	Introspection      bool          // DEMARCHE_INTROSPECTION: schema introspection on
	GraphiQL           bool          // DEMARCHE_GRAPHIQL: the GraphiQL page at / on
	CORSOrigins        string        // DEMARCHE_CORS_ORIGINS: comma-separated allowlist; empty = CORS off
	RateLimit          float64       // DEMARCHE_RATE_LIMIT: requests/s per client; <0 = off
	RateBurst          int           // DEMARCHE_RATE_BURST
	MaxConcurrent      int           // DEMARCHE_MAX_CONCURRENT: requests in flight; <0 = off
	RequestTimeout     time.Duration // DEMARCHE_REQUEST_TIMEOUT: per request (store transactions included)
	LoaderWait         time.Duration // DEMARCHE_LOADER_WAIT: how long dataloaders collect keys before one store round trip
	ExportTimeout      time.Duration // DEMARCHE_EXPORT_TIMEOUT: per /export/ request
	MaxBodyBytes       int64         // DEMARCHE_MAX_BODY_BYTES: largest request body (with the token)
	MaxAnonymousBody   int64         // DEMARCHE_MAX_ANON_BODY: largest request body without the token
	MaxAnonymousExport int           // DEMARCHE_MAX_ANON_EXPORT: most statements an export may hold without the token
	MaxDepth           int           // DEMARCHE_MAX_DEPTH: GraphQL query depth
	MaxComplexity      int           // DEMARCHE_MAX_COMPLEXITY: GraphQL query complexity
	MaxPageSize        int           // DEMARCHE_MAX_PAGE_SIZE: largest "first"
	ShutdownTimeout    time.Duration // DEMARCHE_SHUTDOWN_TIMEOUT: how long shutdown waits for in-flight requests

	envErr error // the first environment variable that did not parse
	// lazyNeo4j lets the store open while Neo4j is down (serve: start, not ready).
	lazyNeo4j bool
}

// envOr returns the environment variable's value, or def when it is unset or empty.
func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

// DefaultConfig reads the environment.
func DefaultConfig() Config {
	window := store.DefaultWindow
	if d, err := strconv.Atoi(os.Getenv("DEMARCHE_WINDOW_DAYS")); err == nil && d > 0 {
		window = time.Duration(d) * 24 * time.Hour
	}
	c := Config{
		Addr:          envOr("DEMARCHE_ADDR", "127.0.0.1:8080"),
		DataDir:       envOr("DEMARCHE_DATA", "demarche-data"),
		Token:         os.Getenv("DEMARCHE_TOKEN"),
		Window:        window,
		ResultCache:   os.Getenv("DEMARCHE_RESULT_CACHE") != "off",
		Neo4jURI:      os.Getenv("NEO4J_URI"),
		Neo4jUser:     envOr("NEO4J_USER", "neo4j"),
		Neo4jPassword: os.Getenv("NEO4J_PASSWORD"),
		Neo4jDatabase: os.Getenv("NEO4J_DATABASE"),
		CORSOrigins:   os.Getenv("DEMARCHE_CORS_ORIGINS"),
	}
	e := envParser{}
	c.TokenForQueries = e.bool("DEMARCHE_TOKEN_FOR_QUERIES", false)
	c.Introspection = e.bool("DEMARCHE_INTROSPECTION", true)
	c.GraphiQL = e.bool("DEMARCHE_GRAPHIQL", true)
	c.RateLimit = e.float("DEMARCHE_RATE_LIMIT", guard.DefaultRateLimit)
	c.RateBurst = e.int("DEMARCHE_RATE_BURST", guard.DefaultRateBurst)
	c.MaxConcurrent = e.int("DEMARCHE_MAX_CONCURRENT", guard.DefaultMaxConcurrent)
	c.RequestTimeout = e.duration("DEMARCHE_REQUEST_TIMEOUT", guard.DefaultRequestTimeout)
	c.LoaderWait = e.duration("DEMARCHE_LOADER_WAIT", graph.DefaultLoaderWait)
	c.ExportTimeout = e.duration("DEMARCHE_EXPORT_TIMEOUT", guard.DefaultExportTimeout)
	c.MaxBodyBytes = int64(e.int("DEMARCHE_MAX_BODY_BYTES", httpapi.DefaultMaxBodyBytes))
	c.MaxAnonymousBody = int64(e.int("DEMARCHE_MAX_ANON_BODY", guard.DefaultMaxAnonymousBody))
	c.MaxAnonymousExport = e.int("DEMARCHE_MAX_ANON_EXPORT", guard.DefaultMaxAnonymousExport)
	c.MaxDepth = e.int("DEMARCHE_MAX_DEPTH", httpapi.DefaultMaxDepth)
	c.MaxComplexity = e.int("DEMARCHE_MAX_COMPLEXITY", httpapi.DefaultMaxComplexity)
	c.MaxPageSize = e.int("DEMARCHE_MAX_PAGE_SIZE", httpapi.DefaultMaxPageSize)
	c.ShutdownTimeout = e.duration("DEMARCHE_SHUTDOWN_TIMEOUT", 15*time.Second)
	c.envErr = e.err
	return c
}

// envParser reads typed environment variables, keeping the first error.
type envParser struct{ err error }

func (e *envParser) get(key string, parse func(string) error) {
	v := os.Getenv(key)
	if v == "" {
		return
	}
	if err := parse(v); err != nil && e.err == nil {
		e.err = fmt.Errorf("environment variable %s=%q: %w", key, v, err)
	}
}

func (e *envParser) bool(key string, def bool) bool {
	e.get(key, func(v string) (err error) { def, err = strconv.ParseBool(v); return err })
	return def
}

func (e *envParser) int(key string, def int) int {
	e.get(key, func(v string) (err error) { def, err = strconv.Atoi(v); return err })
	return def
}

func (e *envParser) float(key string, def float64) float64 {
	e.get(key, func(v string) (err error) { def, err = strconv.ParseFloat(v, 64); return err })
	return def
}

func (e *envParser) duration(key string, def time.Duration) time.Duration {
	e.get(key, func(v string) (err error) { def, err = time.ParseDuration(v); return err })
	return def
}

// serveFlags registers the flags of serve's API, limits and protections.
func (c *Config) serveFlags(fs *flag.FlagSet) {
	fs.StringVar(&c.Addr, "addr", c.Addr, "listen address (env DEMARCHE_ADDR)")
	fs.BoolVar(&c.TokenForQueries, "token-for-queries", c.TokenForQueries, "queries and subscriptions need the bearer token too (env DEMARCHE_TOKEN_FOR_QUERIES)")
	fs.BoolVar(&c.Introspection, "introspection", c.Introspection, "allow schema introspection (env DEMARCHE_INTROSPECTION)")
	fs.BoolVar(&c.GraphiQL, "graphiql", c.GraphiQL, "serve GraphiQL at / (env DEMARCHE_GRAPHIQL)")
	fs.StringVar(&c.CORSOrigins, "cors-origins", c.CORSOrigins, "comma-separated origins browsers may call the API from, or *; empty: CORS off (env DEMARCHE_CORS_ORIGINS)")
	fs.Float64Var(&c.RateLimit, "rate-limit", c.RateLimit, "requests per second per client IP, -1: off (env DEMARCHE_RATE_LIMIT)")
	fs.IntVar(&c.RateBurst, "rate-burst", c.RateBurst, "burst of requests per client IP (env DEMARCHE_RATE_BURST)")
	fs.IntVar(&c.MaxConcurrent, "max-concurrent", c.MaxConcurrent, "requests in flight before 503, -1: no cap (env DEMARCHE_MAX_CONCURRENT)")
	fs.DurationVar(&c.LoaderWait, "loader-wait", c.LoaderWait, "how long the API's dataloaders collect keys before one store round trip; each level of nested lists waits this long once (env DEMARCHE_LOADER_WAIT)")
	fs.DurationVar(&c.RequestTimeout, "request-timeout", c.RequestTimeout, "time limit of one request, store transactions included, -1s: none (env DEMARCHE_REQUEST_TIMEOUT)")
	fs.DurationVar(&c.ExportTimeout, "export-timeout", c.ExportTimeout, "time limit of one /export/ request (env DEMARCHE_EXPORT_TIMEOUT)")
	fs.Int64Var(&c.MaxBodyBytes, "max-body-bytes", c.MaxBodyBytes, "largest request body, in bytes (env DEMARCHE_MAX_BODY_BYTES)")
	fs.Int64Var(&c.MaxAnonymousBody, "max-anon-body", c.MaxAnonymousBody, "largest request body without the token, in bytes (env DEMARCHE_MAX_ANON_BODY)")
	fs.IntVar(&c.MaxAnonymousExport, "max-anon-export", c.MaxAnonymousExport, "most statements an export may hold without the token (env DEMARCHE_MAX_ANON_EXPORT)")
	fs.IntVar(&c.MaxDepth, "max-depth", c.MaxDepth, "deepest GraphQL query (env DEMARCHE_MAX_DEPTH)")
	fs.IntVar(&c.MaxComplexity, "max-complexity", c.MaxComplexity, "most complex GraphQL query (env DEMARCHE_MAX_COMPLEXITY)")
	fs.IntVar(&c.MaxPageSize, "max-page-size", c.MaxPageSize, "largest page (first) a query may ask for (env DEMARCHE_MAX_PAGE_SIZE)")
	fs.DurationVar(&c.ShutdownTimeout, "shutdown-timeout", c.ShutdownTimeout, "how long shutdown waits for in-flight requests (env DEMARCHE_SHUTDOWN_TIMEOUT)")
}

// storeFlags registers the flags that choose and configure the store.
func (c *Config) storeFlags(fs *flag.FlagSet) {
	fs.StringVar(&c.DataDir, "data", c.DataDir, "embedded store directory (env DEMARCHE_DATA)")
	fs.StringVar(&c.Neo4jURI, "neo4j-uri", c.Neo4jURI, "Neo4j URI, bolt:// or neo4j://; when set Neo4j is the store (env NEO4J_URI)")
	fs.StringVar(&c.Neo4jUser, "neo4j-user", c.Neo4jUser, "Neo4j user (env NEO4J_USER)")
	fs.StringVar(&c.Neo4jDatabase, "neo4j-database", c.Neo4jDatabase, "Neo4j database, default the server's (env NEO4J_DATABASE)")
	fs.DurationVar(&c.Window, "window", c.Window, "how far apart two reports of one statement may be dated (env DEMARCHE_WINDOW_DAYS, in days)")
	fs.BoolVar(&c.ResultCache, "result-cache", c.ResultCache, "keep query results until the next write: the API's responses (both stores) and the embedded store's results (env DEMARCHE_RESULT_CACHE=off turns both off)")
}

// openStore opens Neo4j when a URI is configured, else the embedded store.
func openStore(ctx context.Context, c Config) (store.Store, error) {
	if c.Neo4jURI != "" {
		s, err := neo4jstore.Open(ctx, neo4jstore.Config{
			URI: c.Neo4jURI, User: c.Neo4jUser, Password: c.Neo4jPassword,
			Database: c.Neo4jDatabase, Window: c.Window, Lazy: c.lazyNeo4j,
		})
		if err != nil {
			return nil, fmt.Errorf("opening Neo4j at %s: %w", c.Neo4jURI, err)
		}
		return s, nil
	}
	s, err := sqlitestore.Open(ctx, c.DataDir, sqlitestore.Options{Window: c.Window, NoResultCache: !c.ResultCache})
	if err != nil {
		return nil, fmt.Errorf("opening the embedded store in %s: %w", c.DataDir, err)
	}
	return s, nil
}
