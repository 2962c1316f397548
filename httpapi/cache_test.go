package httpapi_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/demarche/demarche/graph/respcache"
	"github.com/demarche/demarche/httpapi"
	"github.com/demarche/demarche/store"
	"github.com/demarche/demarche/store/storetest"
)

// gql posts a GraphQL request to h (with the token when tok is set) and
// returns the status and body.
func gql(t *testing.T, h http.Handler, query string, vars map[string]any, tok string) (int, string) {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	header := map[string]string{"Content-Type": "application/json", "Accept": "application/graphql-response+json"}
	if tok != "" {
		header["Authorization"] = "Bearer " + tok
	}
	res, b := do(t, h, http.MethodPost, "/graphql", string(body), header)
	return res.StatusCode, b
}

const cachedTimeline = `query T($actor: String!) { timeline(actor: $actor, interval: MONTH) { buckets { start kind made received total } } }`

// The response cache end to end: repeated queries are answered from it on both
// stores, a mutation through the API invalidates it, and the GET transport
// shares the answers of POST.
func TestResponseCacheOnBothStores(t *testing.T) {
	onBothStores(t, func(t *testing.T, open func(testing.TB) store.Store) {
		s := open(t)
		loadFixture(t, s, fixtureArticles())
		c := respcache.New(s, respcache.Options{})
		h := httpapi.New(httpapi.Config{Store: s, Token: testToken, ResponseCache: c})
		vars := map[string]any{"actor": idCHN}

		code, first := gql(t, h, cachedTimeline, vars, "")
		if code != http.StatusOK || !strings.Contains(first, `"buckets"`) || strings.Contains(first, `"errors"`) {
			t.Fatalf("timeline: %d %s", code, first)
		}
		_, again := gql(t, h, cachedTimeline, vars, "")
		if again != first {
			t.Fatalf("repeated timeline = %s, want %s", again, first)
		}
		if c.Hits() != 1 || c.Misses() != 1 {
			t.Errorf("hits, misses = %d, %d; want 1, 1", c.Hits(), c.Misses())
		}
		// The same query over GET is the same key.
		q := url.Values{"query": {cachedTimeline}, "variables": {`{"actor":"` + idCHN + `"}`}}
		res, viaGet := do(t, h, http.MethodGet, "/graphql?"+q.Encode(), "", map[string]string{"Accept": "application/graphql-response+json"})
		if res.StatusCode != http.StatusOK || viaGet != first {
			t.Errorf("GET answer %d %s, want %s", res.StatusCode, viaGet, first)
		}
		if c.Hits() != 2 {
			t.Errorf("hits after GET = %d, want 2", c.Hits())
		}

		// A mutation through the API is a write: the next query executes.
		actorQ := `query A($id: ID) { actor(id: $id) { name aliases } }`
		_, before := gql(t, h, actorQ, map[string]any{"id": idRUS}, "")
		gql(t, h, actorQ, map[string]any{"id": idRUS}, "")
		code, body := gql(t, h, `mutation { addAlias(actor: "`+idRUS+`", alias: "Kremlin") { name } }`, nil, testToken)
		if code != http.StatusOK || strings.Contains(body, `"errors"`) {
			t.Fatalf("addAlias: %d %s", code, body)
		}
		_, after := gql(t, h, actorQ, map[string]any{"id": idRUS}, "")
		if after == before || !strings.Contains(after, "Kremlin") {
			t.Errorf("actor after addAlias = %s (before: %s)", after, before)
		}
		// A write straight to the store too.
		if _, err := s.AddAlias(context.Background(), idRUS, "Moskva"); err != nil {
			t.Fatal(err)
		}
		if _, got := gql(t, h, actorQ, map[string]any{"id": idRUS}, ""); !strings.Contains(got, "Moskva") {
			t.Errorf("actor after a store write = %s", got)
		}
	})
}

// With TokenForQueries, an answer cached for a token holder is never given to
// a request without the token.
func TestResponseCacheKeepsTokenAnswersFromAnonymousRequests(t *testing.T) {
	s := openStore(t)
	loadFixture(t, s, fixtureArticles())
	c := respcache.New(s, respcache.Options{})
	h := httpapi.New(httpapi.Config{Store: s, Token: testToken, TokenForQueries: true, ResponseCache: c})
	vars := map[string]any{"actor": idCHN}
	for range 2 {
		if code, body := gql(t, h, cachedTimeline, vars, testToken); code != http.StatusOK || !strings.Contains(body, `"buckets"`) {
			t.Fatalf("timeline with the token: %d %s", code, body)
		}
	}
	if c.Hits() != 1 {
		t.Fatalf("hits with the token = %d, want 1", c.Hits())
	}
	code, body := gql(t, h, cachedTimeline, vars, "")
	if strings.Contains(body, `"buckets"`) || !strings.Contains(body, "UNAUTHENTICATED") {
		t.Errorf("timeline without the token: %d %s", code, body)
	}
	code, body = gql(t, h, cachedTimeline, vars, "wrong-token")
	if strings.Contains(body, `"buckets"`) || !strings.Contains(body, "UNAUTHENTICATED") {
		t.Errorf("timeline with a wrong token: %d %s", code, body)
	}
	if c.Hits() != 1 {
		t.Errorf("hits after requests without the token = %d, want 1", c.Hits())
	}
}

// Without a ResponseCache (serve --result-cache=off) every query executes.
func TestNoResponseCacheByDefault(t *testing.T) {
	s := openStore(t)
	loadFixture(t, s, fixtureArticles())
	counting := storetest.NewCounting(s)
	h := httpapi.New(httpapi.Config{Store: counting, Token: testToken})
	vars := map[string]any{"actor": idCHN}
	for i := range 3 {
		if code, body := gql(t, h, cachedTimeline, vars, ""); code != http.StatusOK || !strings.Contains(body, `"buckets"`) {
			t.Fatalf("timeline: %d %s", code, body)
		}
		if n := counting.Take().Total(); n == 0 {
			t.Errorf("request %d made no store call", i)
		}
	}
}

// Streaming transports get whole answers from the cache too (the byte
// shortcut of plain HTTP does not apply to them).
func TestResponseCacheOverServerSentEvents(t *testing.T) {
	s := openStore(t)
	loadFixture(t, s, fixtureArticles())
	c := respcache.New(s, respcache.Options{})
	h := httpapi.New(httpapi.Config{Store: s, Token: testToken, ResponseCache: c})
	vars := map[string]any{"actor": idCHN}
	_, first := gql(t, h, cachedTimeline, vars, "")
	body, _ := json.Marshal(map[string]any{"query": cachedTimeline, "variables": vars})
	res, stream := do(t, h, http.MethodPost, "/graphql", string(body), map[string]string{
		"Content-Type": "application/json", "Accept": "text/event-stream",
	})
	if res.StatusCode != http.StatusOK || c.Hits() != 1 {
		t.Fatalf("SSE: status %d, hits %d: %s", res.StatusCode, c.Hits(), stream)
	}
	data := ""
	for _, line := range strings.Split(stream, "\n") {
		if d, ok := strings.CutPrefix(line, "data: "); ok && strings.Contains(d, `"timeline"`) {
			data = d
		}
	}
	if data != first {
		t.Errorf("SSE data %q, want %q", data, first)
	}
}
