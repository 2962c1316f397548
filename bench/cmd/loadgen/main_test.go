package main

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func TestLoopbackOnly(t *testing.T) {
	for _, u := range []string{"http://127.0.0.1:8080/graphql", "http://localhost:4000/", "http://[::1]:9/x", "http://127.3.2.1/"} {
		if err := loopbackOnly(u); err != nil {
			t.Errorf("loopbackOnly(%q) = %v, want nil", u, err)
		}
	}
	for _, u := range []string{"http://10.0.0.1/graphql", "http://192.168.1.2/", "http://example.com/", "https://127.0.0.1/", "http://8.8.8.8/"} {
		if err := loopbackOnly(u); err == nil {
			t.Errorf("loopbackOnly(%q) = nil, want an error", u)
		}
	}
}

func TestPct(t *testing.T) {
	var lat []time.Duration
	for i := 1; i <= 100; i++ {
		lat = append(lat, time.Duration(i)*time.Millisecond)
	}
	if got := pct(lat, 0.50); got != 50 {
		t.Errorf("p50 = %v, want 50", got)
	}
	if got := pct(lat, 0.99); got != 99 {
		t.Errorf("p99 = %v, want 99", got)
	}
	if got := pct(nil, 0.99); got != 0 {
		t.Errorf("p99 of nothing = %v, want 0", got)
	}
}

func TestEveryQueryHasBothForms(t *testing.T) {
	if len(queries) != 5 {
		t.Fatalf("%d queries, want the five dashboard queries", len(queries))
	}
	for _, q := range queries {
		for _, f := range []Flavor{Demarche, Neo4jGraphQL} {
			bs, err := bodies(q, f)
			if err != nil {
				t.Fatalf("%s %s: %v", q.Name, f, err)
			}
			if len(bs) != 10 {
				t.Errorf("%s %s: %d parameter sets, want 10", q.Name, f, len(bs))
			}
			var req struct {
				Query     string         `json:"query"`
				Variables map[string]any `json:"variables"`
			}
			if err := json.Unmarshal(bs[0], &req); err != nil {
				t.Fatalf("%s %s: body is not JSON: %v", q.Name, f, err)
			}
			for name := range req.Variables {
				if !strings.Contains(req.Query, "$"+name) {
					t.Errorf("%s %s: variable %q is sent but not declared", q.Name, f, name)
				}
			}
		}
	}
}

// TestMeasureCountsSuccessAndErrors runs a cell against a local server that
// answers GraphQL errors for every third request.
func TestMeasureCountsSuccessAndErrors(t *testing.T) {
	var n atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		if !strings.Contains(string(body), `"query"`) {
			http.Error(w, "no query", http.StatusBadRequest)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		if n.Add(1)%3 == 0 {
			io.WriteString(w, `{"errors":[{"message":"boom"}],"data":null}`)
			return
		}
		io.WriteString(w, `{"data":{"x":"an \"errors\": string is not an error"}}`)
	}))
	defer srv.Close()
	bs, err := bodies(queries[0], Demarche)
	if err != nil {
		t.Fatal(err)
	}
	c := measure(context.Background(), srv.Client(), Target{Name: "t", URL: srv.URL}, bs, 4, 0, 30*time.Second, 300) // ends at the cap
	if c.Requests != 300 {
		t.Errorf("requests = %d, want the cap of 300", c.Requests)
	}
	if c.Errors < 90 || c.Errors > 110 {
		t.Errorf("errors = %d, want about a third of 300", c.Errors)
	}
	if !strings.Contains(c.FirstError, "boom") {
		t.Errorf("first error = %q, want the GraphQL error", c.FirstError)
	}
	if c.RPS <= 0 || c.P50ms <= 0 || c.P99ms < c.P50ms {
		t.Errorf("rps %v p50 %v p99 %v: want positive, p99 >= p50", c.RPS, c.P50ms, c.P99ms)
	}
}
