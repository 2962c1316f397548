// Package metrics exposes Demarche's Prometheus metrics at /metrics: HTTP
// requests, errors and latency by route, requests in flight, and the articles
// and statements loads and ingestions wrote. Routes are a fixed, small set
// (never raw paths), so label cardinality stays bounded.
package metrics

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/demarche/demarche/ingest"
)

// Metrics holds the service's collectors in their own registry.
type Metrics struct {
	reg        *prometheus.Registry
	requests   *prometheus.CounterVec
	errors     *prometheus.CounterVec
	latency    *prometheus.HistogramVec
	inFlight   prometheus.Gauge
	articles   *prometheus.CounterVec
	statements prometheus.Counter
	reports    prometheus.Counter
}

// New registers the collectors, with the Go runtime and process collectors.
func New() *Metrics {
	m := &Metrics{
		reg: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "demarche_http_requests_total", Help: "HTTP requests answered, by route, method and status code.",
		}, []string{"route", "method", "code"}),
		errors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "demarche_http_errors_total", Help: "HTTP requests answered with a 4xx or 5xx status, by route and class.",
		}, []string{"route", "class"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "demarche_http_request_duration_seconds", Help: "Time to answer HTTP requests, by route.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30},
		}, []string{"route"}),
		inFlight: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "demarche_http_requests_in_flight", Help: "HTTP requests being answered.",
		}),
		articles: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "demarche_articles_total", Help: "Articles handled by loads and ingestions, by outcome (loaded, unchanged, skipped, failed).",
		}, []string{"outcome"}),
		statements: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "demarche_statements_written_total", Help: "Statements created or updated by loaded articles.",
		}),
		reports: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "demarche_reports_written_total", Help: "Reports written by loaded articles.",
		}),
	}
	m.reg.MustRegister(m.requests, m.errors, m.latency, m.inFlight, m.articles, m.statements, m.reports,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	for _, o := range []ingest.Outcome{ingest.Loaded, ingest.Unchanged, ingest.Skipped, ingest.Failed} {
		m.articles.WithLabelValues(string(o)) // present at zero from the start
	}
	return m
}

// Registry is the registry the collectors are in.
func (m *Metrics) Registry() *prometheus.Registry { return m.reg }

// Handler serves the metrics in the Prometheus text format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{})
}

// Route names a request's route: one of a fixed set, whatever the path.
func Route(r *http.Request) string {
	p := r.URL.Path
	switch {
	case p == "/graphql":
		return "/graphql"
	case strings.HasPrefix(p, "/export/"):
		return "/export"
	case strings.HasPrefix(p, "/explore/"):
		return "/explore"
	case p == "/" || strings.HasPrefix(p, "/graphiql/"):
		return "/graphiql"
	case p == "/healthz", p == "/readyz", p == "/metrics":
		return p
	}
	return "other"
}

// Middleware counts and times every request that passes through it.
func (m *Metrics) Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		m.inFlight.Inc()
		sw := &statusWriter{ResponseWriter: w}
		defer func() {
			m.inFlight.Dec()
			code := sw.code
			if code == 0 {
				code = http.StatusOK
			}
			if p := recover(); p != nil {
				if p != http.ErrAbortHandler {
					code = http.StatusInternalServerError
				}
				m.observe(r, code, start)
				panic(p)
			}
			m.observe(r, code, start)
		}()
		next.ServeHTTP(sw, r)
	})
}

func (m *Metrics) observe(r *http.Request, code int, start time.Time) {
	route := Route(r)
	m.requests.WithLabelValues(route, r.Method, strconv.Itoa(code)).Inc()
	m.latency.WithLabelValues(route).Observe(time.Since(start).Seconds())
	if code >= 400 {
		m.errors.WithLabelValues(route, strconv.Itoa(code/100)+"xx").Inc()
	}
}

// statusWriter records the status code.
type statusWriter struct {
	http.ResponseWriter
	code int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.code == 0 {
		w.code = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.code == 0 {
		w.code = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

// Flush passes flushes through (SSE subscriptions).
func (w *statusWriter) Flush() {
	if f, ok := w.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

// Unwrap gives http.ResponseController (and WebSocket hijacking) the underlying writer.
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// Progress counts one handled article; use it as ingest.Options.Progress.
func (m *Metrics) Progress(ev ingest.Event) {
	m.articles.WithLabelValues(string(ev.Outcome)).Inc()
	if ev.Outcome == ingest.Loaded {
		m.statements.Add(float64(len(ev.Result.Statements)))
		m.reports.Add(float64(ev.Result.Reports))
	}
}
