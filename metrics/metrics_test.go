package metrics

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/demarche/demarche/ingest"
	"github.com/demarche/demarche/store"
)

func scrape(t *testing.T, m *Metrics) string {
	t.Helper()
	w := httptest.NewRecorder()
	m.Handler().ServeHTTP(w, httptest.NewRequest("GET", "/metrics", nil))
	if w.Code != 200 {
		t.Fatalf("/metrics: %d", w.Code)
	}
	return w.Body.String()
}

func TestRequestsErrorsLatencyAndLoads(t *testing.T) {
	m := New()
	h := m.Middleware(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/graphql":
			_, _ = io.WriteString(w, "{}")
		case "/export/graphml":
			w.WriteHeader(http.StatusServiceUnavailable)
		default:
			http.NotFound(w, r)
		}
	}))
	for _, p := range []string{"/graphql", "/graphql", "/export/graphml", "/no/such/path/12345"} {
		h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("POST", p, nil))
	}
	m.Progress(ingest.Event{Outcome: ingest.Loaded, Result: store.PutResult{Reports: 3, Statements: make([]string, 2)}})
	m.Progress(ingest.Event{Outcome: ingest.Failed})
	out := scrape(t, m)
	for _, want := range []string{
		`demarche_http_requests_total{code="200",method="POST",route="/graphql"} 2`,
		`demarche_http_requests_total{code="503",method="POST",route="/export"} 1`,
		`demarche_http_requests_total{code="404",method="POST",route="other"} 1`,
		`demarche_http_errors_total{class="5xx",route="/export"} 1`,
		`demarche_http_errors_total{class="4xx",route="other"} 1`,
		`demarche_http_request_duration_seconds_count{route="/graphql"} 2`,
		`demarche_http_requests_in_flight 0`,
		`demarche_articles_total{outcome="loaded"} 1`,
		`demarche_articles_total{outcome="failed"} 1`,
		`demarche_articles_total{outcome="unchanged"} 0`,
		`demarche_statements_written_total 2`,
		`demarche_reports_written_total 3`,
		`go_goroutines`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("/metrics lacks %q", want)
		}
	}
	if strings.Contains(out, "12345") {
		t.Error("a raw path became a label value")
	}
}

func TestPanicCountsAs500(t *testing.T) {
	m := New()
	h := m.Middleware(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { panic("boom") }))
	func() {
		defer func() {
			if recover() == nil {
				t.Fatal("the panic was swallowed")
			}
		}()
		h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("POST", "/graphql", nil))
	}()
	if out := scrape(t, m); !strings.Contains(out, `demarche_http_errors_total{class="5xx",route="/graphql"} 1`) {
		t.Error("a panicking request was not counted as a 5xx")
	}
}
