package respcache_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/demarche/demarche/graph/respcache"
	"github.com/demarche/demarche/httpapi"
	"github.com/demarche/demarche/store/sqlitestore"
	"github.com/demarche/demarche/store/sqlitestore/sqlitebench"
)

// The bench's monthly timeline query (bench/cmd/loadgen) and its states.
const timelineDoc = `query Timeline($actor: String!) { timeline(actor: $actor, interval: MONTH) { buckets { start kind made received total } } }`

var timelineStates = []string{"state:USA", "state:CHN", "state:RUS", "state:IRN", "state:GBR", "state:UKR", "state:ISR", "state:PRK", "state:DEU", "state:FRA"}

// BenchmarkTimeline serves the dashboard's monthly timeline of a state (about
// 840 buckets on the 10k graph) through the whole HTTP handler, rotating
// through ten states: "store-cache" is the API without the response cache (the
// embedded store's result cache on: every request still resolves and marshals
// its buckets), "response-cache" with it (the steady state of a dashboard
// between two writes).
func BenchmarkTimeline(b *testing.B) {
	for _, bc := range []struct {
		name   string
		cached bool
	}{{"store-cache", false}, {"response-cache", true}} {
		b.Run(bc.name, func(b *testing.B) {
			s, err := sqlitestore.Open(b.Context(), sqlitebench.Graph(b, 10000), sqlitestore.Options{})
			if err != nil {
				b.Fatal(err)
			}
			b.Cleanup(func() { s.Close() })
			cfg := httpapi.Config{Store: s}
			if bc.cached {
				cfg.ResponseCache = respcache.New(s, respcache.Options{})
			}
			h := httpapi.New(cfg)
			bodies := make([][]byte, len(timelineStates))
			for i, st := range timelineStates {
				bodies[i], _ = json.Marshal(map[string]any{"query": timelineDoc, "variables": map[string]any{"actor": st}})
			}
			request := func(i int) int {
				r := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(bodies[i%len(bodies)]))
				r.Header.Set("Content-Type", "application/json")
				w := httptest.NewRecorder()
				h.ServeHTTP(w, r)
				if w.Code != http.StatusOK {
					b.Fatalf("status %d: %s", w.Code, w.Body)
				}
				return w.Body.Len()
			}
			size := 0
			for i := range bodies { // warm both caches
				size += request(i)
			}
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				request(i)
			}
			b.ReportMetric(float64(size)/float64(len(bodies)), "B/response")
		})
	}
}
