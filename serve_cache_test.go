package main

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/demarche/demarche/guard"
	"github.com/demarche/demarche/metrics"
	"github.com/demarche/demarche/store"
	"github.com/demarche/demarche/store/storetest"
)

// versionedCounting counts a store's reads and keeps its Version.
type versionedCounting struct {
	*storetest.Counting
	v store.Versioned
}

func (c versionedCounting) Version(ctx context.Context) (string, error) { return c.v.Version(ctx) }

// DEMARCHE_RESULT_CACHE=off (--result-cache=false) turns the API's response
// cache off as well as the embedded store's: then every query executes.
func TestResultCacheSwitchCoversResponses(t *testing.T) {
	for _, tc := range []struct {
		env    string
		cached bool
	}{{"", true}, {"off", false}} {
		t.Run("DEMARCHE_RESULT_CACHE="+tc.env, func(t *testing.T) {
			t.Setenv("DEMARCHE_RESULT_CACHE", tc.env)
			cfg := testConfig()
			if cfg.ResultCache != tc.cached {
				t.Fatalf("ResultCache = %v", cfg.ResultCache)
			}
			s := openTestStore(t)
			counting := versionedCounting{storetest.NewCounting(s), s.(store.Versioned)}
			h := newHandler(cfg, counting, nil, metrics.New(), guard.NewDrainer(), slog.New(slog.NewTextHandler(io.Discard, nil)))
			query := `{ actors(first: 5) { totalCount edges { node { id name } } } }`
			var first string
			for i := range 3 {
				w := httptest.NewRecorder()
				h.ServeHTTP(w, gqlRequest("", query, "", false))
				if w.Code != http.StatusOK || !strings.Contains(w.Body.String(), `"totalCount"`) {
					t.Fatalf("request %d: %d %s", i, w.Code, w.Body)
				}
				if i == 0 {
					first = w.Body.String()
				} else if w.Body.String() != first {
					t.Errorf("request %d answered %s, the first %s", i, w.Body, first)
				}
				calls := counting.Take().Total()
				switch {
				case i == 0 && calls == 0:
					t.Fatal("the first request made no store call")
				case i > 0 && tc.cached && calls != 0:
					t.Errorf("request %d made %d store calls with the cache on", i, calls)
				case i > 0 && !tc.cached && calls == 0:
					t.Errorf("request %d made no store call with the cache off", i)
				}
			}
			w := httptest.NewRecorder()
			h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/metrics", nil))
			hasHits := strings.Contains(w.Body.String(), "demarche_response_cache_hits_total 2")
			if hasHits != tc.cached {
				t.Errorf("/metrics shows 2 response cache hits: %v, want %v", hasHits, tc.cached)
			}
		})
	}
}
