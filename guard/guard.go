// Package guard holds the HTTP protections Demarche puts in front of its API:
// a per-request timeout carried by the request context (so store calls and
// Neo4j transactions stop with it), a cap on concurrent requests (503 when
// full), a per-client token-bucket rate limit (429 with Retry-After), a CORS
// allowlist (off by default), security headers, and a bearer-token requirement
// for large request bodies and large exports.
//
// Each protection is an ordinary func(http.Handler) http.Handler; Wrap applies
// them all in the order a request should meet them. Nothing here logs request
// headers, so bearer tokens never reach the logs.
package guard

import (
	"crypto/sha256"
	"crypto/subtle"
	"log/slog"
	"net/http"
	"strings"
	"time"
)

// Defaults of the limits Config leaves at zero.
const (
	DefaultRequestTimeout = 30 * time.Second
	DefaultExportTimeout  = 10 * time.Minute
	DefaultMaxConcurrent  = 64
	DefaultMaxStreams     = 256
	DefaultRateLimit      = 50  // requests per second per client
	DefaultRateBurst      = 200 // a dashboard opening, or a conformance audit, is a burst
	// DefaultMaxAnonymousBody bounds the body of a request without the token:
	// queries are small; ingesting documents needs the token anyway.
	DefaultMaxAnonymousBody = 256 << 10
	// DefaultMaxAnonymousExport is the most statements an export may hold
	// without the token.
	DefaultMaxAnonymousExport = 10000
)

// Config configures Wrap. The zero value gives the defaults above, no CORS and
// no token (so large exports and large bodies are refused to everyone).
type Config struct {
	// RequestTimeout bounds each request (not WebSocket or SSE streams, not
	// exports); negative turns it off.
	RequestTimeout time.Duration
	// ExportTimeout bounds each /export/ request; negative turns it off.
	ExportTimeout time.Duration
	// MaxConcurrent caps requests in flight (503 beyond); negative turns it off.
	MaxConcurrent int
	// MaxStreams caps open subscriptions (WebSocket, SSE); negative turns it off.
	MaxStreams int
	// RateLimit is each client's sustained requests per second, RateBurst its
	// burst; negative RateLimit turns the limit off.
	RateLimit float64
	RateBurst int
	// CORSOrigins lists the origins browsers may call the API from
	// ("https://example.org", or "*"); empty sends no CORS headers at all.
	CORSOrigins []string
	// Token is the bearer token (DEMARCHE_TOKEN) that lifts the size limits.
	Token string
	// MaxAnonymousBody bounds request bodies sent without the token (bytes);
	// negative turns the check off.
	MaxAnonymousBody int64
	// MaxAnonymousExport is the most statements an export may hold without
	// the token; negative turns the check off.
	MaxAnonymousExport int
	// CountStatements counts the statements an export would write; nil skips
	// the export check.
	CountStatements ExportCounter
	// GraphiQLScripts are the inline scripts of the GraphiQL page, allowed by
	// hash in its Content-Security-Policy.
	GraphiQLScripts [][]byte
	// Exempt tells which requests skip the rate limit and the concurrency cap
	// (health probes, /metrics); nil means Probe.
	Exempt func(*http.Request) bool
	// Logger receives refusals (never headers); nil means slog.Default().
	Logger *slog.Logger
}

func (c *Config) defaults() {
	if c.RequestTimeout == 0 {
		c.RequestTimeout = DefaultRequestTimeout
	}
	if c.ExportTimeout == 0 {
		c.ExportTimeout = DefaultExportTimeout
	}
	if c.MaxConcurrent == 0 {
		c.MaxConcurrent = DefaultMaxConcurrent
	}
	if c.MaxStreams == 0 {
		c.MaxStreams = DefaultMaxStreams
	}
	if c.RateLimit == 0 {
		c.RateLimit = DefaultRateLimit
	}
	if c.RateBurst <= 0 {
		c.RateBurst = max(DefaultRateBurst, int(c.RateLimit*2))
	}
	if c.MaxAnonymousBody == 0 {
		c.MaxAnonymousBody = DefaultMaxAnonymousBody
	}
	if c.MaxAnonymousExport == 0 {
		c.MaxAnonymousExport = DefaultMaxAnonymousExport
	}
	if c.Exempt == nil {
		c.Exempt = Probe
	}
	if c.Logger == nil {
		c.Logger = slog.Default()
	}
}

// Wrap puts every protection in front of next: headers and CORS first (so
// refusals carry them too), then the rate limit, the concurrency cap, the
// token checks and the timeout.
func Wrap(cfg Config, next http.Handler) http.Handler {
	cfg.defaults()
	h := next
	h = Timeout(cfg.RequestTimeout, cfg.ExportTimeout)(h)
	if cfg.MaxAnonymousExport >= 0 && cfg.CountStatements != nil {
		h = ExportGate(cfg.Token, cfg.MaxAnonymousExport, cfg.CountStatements)(h)
	}
	if cfg.MaxAnonymousBody >= 0 {
		h = BodyGate(cfg.Token, cfg.MaxAnonymousBody)(h)
	}
	h = unless(cfg.Exempt, Concurrency(cfg.MaxConcurrent, cfg.MaxStreams))(h)
	if cfg.RateLimit > 0 {
		h = unless(cfg.Exempt, NewRateLimiter(cfg.RateLimit, cfg.RateBurst, cfg.Logger).Middleware)(h)
	}
	h = CORS(cfg.CORSOrigins)(h)
	h = Headers(cfg.GraphiQLScripts...)(h)
	return h
}

// Probe matches the health probes and /metrics.
func Probe(r *http.Request) bool {
	switch r.URL.Path {
	case "/healthz", "/readyz", "/metrics":
		return true
	}
	return false
}

// unless applies mw except to the requests skip matches.
func unless(skip func(*http.Request) bool, mw func(http.Handler) http.Handler) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		guarded := mw(next)
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if skip(r) {
				next.ServeHTTP(w, r)
				return
			}
			guarded.ServeHTTP(w, r)
		})
	}
}

// Streaming tells WebSocket upgrades and Server-Sent Events requests
// (subscriptions) from ordinary requests.
func Streaming(r *http.Request) bool {
	return r.Header.Get("Upgrade") != "" || strings.Contains(r.Header.Get("Accept"), "text/event-stream")
}

// TokenMatches compares a request's bearer token with token in constant time
// (both hashed first, so the length does not leak). An empty token matches
// nothing.
func TokenMatches(r *http.Request, token string) bool {
	presented := bearer(r.Header.Get("Authorization"))
	if token == "" || presented == "" {
		return false
	}
	a, b := sha256.Sum256([]byte(presented)), sha256.Sum256([]byte(token))
	return subtle.ConstantTimeCompare(a[:], b[:]) == 1
}

func bearer(h string) string {
	scheme, tok, ok := strings.Cut(strings.TrimSpace(h), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return ""
	}
	return strings.TrimSpace(tok)
}

// refuse answers a plain-text error with the given status.
func refuse(w http.ResponseWriter, code int, msg string) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(code)
	_, _ = w.Write([]byte(msg + "\n"))
}
