package httpapi_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/99designs/gqlgen/client"

	"github.com/demarche/demarche/graph"
	"github.com/demarche/demarche/graph/live"
	"github.com/demarche/demarche/httpapi"
	"github.com/demarche/demarche/loader"
	"github.com/demarche/demarche/store"
)

// fakeIngester stands for the ingest pipeline: its documents name fixture
// article graphs, which it stores.
type fakeIngester struct {
	store  store.Store
	graphs map[string]*store.ArticleGraph
}

func (f fakeIngester) IngestText(ctx context.Context, source string, data []byte) ([]graph.IngestedArticle, error) {
	g, ok := f.graphs[strings.TrimSpace(string(data))]
	if !ok {
		return nil, &loader.Error{Source: source, Err: fmt.Errorf("no article in %q", data)}
	}
	res, err := f.store.PutArticle(ctx, g)
	if err != nil {
		return nil, err
	}
	return []graph.IngestedArticle{{Article: g.Article, Result: res}}, nil
}

// laterArticle is an article the tests ingest through the API.
func laterArticle() *store.ArticleGraph {
	return article(world(), "a7", "New sanctions on Moscow", "Capital Courier",
		rep(store.Sanctions, idGBR, idRUS, 80, "Britain sanctioned Russia over the port flooding."),
		rep(store.Threatens, idRUS, idGBR, 81, "Russia threatened Britain with a response."))
}

func TestMutationsOnBothStores(t *testing.T) {
	onBothStores(t, func(t *testing.T, open func(testing.TB) store.Store) {
		s := open(t)
		broker := live.NewBroker()
		c, _ := newClient(t, fixtureArticles(), httpapi.Config{Store: s, Broker: broker,
			Ingester: fakeIngester{store: s, graphs: map[string]*store.ArticleGraph{"a7": laterArticle()}}})
		auth := bearerToken(testToken)

		t.Run("a wrong token is refused", func(t *testing.T) {
			errs := postErr(t, c, `mutation { addAlias(actor: "China", alias: "PRC") { id } }`, bearerToken("guess"))
			if codeOf(errs) != "UNAUTHENTICATED" {
				t.Errorf("errors %+v", errs)
			}
		})

		t.Run("ingestArticle stores and reports", func(t *testing.T) {
			var resp struct {
				IngestArticle struct {
					Articles []struct {
						Article    struct{ ID, Title string }
						Unchanged  bool
						NewActors  int
						Reports    int
						Statements []struct{ Kind string }
					}
				}
			}
			q := `mutation($c: String!) { ingestArticle(input: {content: $c, format: TEXT}) { articles { article { id title } unchanged newActors reports statements { kind } } } }`
			c.MustPost(q, &resp, client.Var("c", "a7"), auth)
			if len(resp.IngestArticle.Articles) != 1 {
				t.Fatalf("payload %+v", resp)
			}
			a := resp.IngestArticle.Articles[0]
			if a.Article.ID != "a7" || a.Unchanged || a.Reports != 2 || len(a.Statements) != 2 {
				t.Errorf("ingested %+v", a)
			}
			c.MustPost(q, &resp, client.Var("c", "a7"), auth)
			if !resp.IngestArticle.Articles[0].Unchanged {
				t.Errorf("second ingest of the same article not unchanged: %+v", resp)
			}
			errs := postErr(t, c, q, client.Var("c", "garbage"), auth)
			if codeOf(errs) != "BAD_USER_INPUT" {
				t.Errorf("unreadable document: %+v", errs)
			}
		})

		t.Run("addAlias then lookup by it", func(t *testing.T) {
			var resp struct{ AddAlias struct{ Aliases []string } }
			c.MustPost(`mutation { addAlias(actor: "Russia", alias: "Russian Federation") { aliases } }`, &resp, auth)
			var got struct{ Actor struct{ ID string } }
			c.MustPost(`{ actor(name: "russian federation") { id } }`, &got)
			if got.Actor.ID != idRUS {
				t.Errorf("lookup by new alias: %+v (aliases %v)", got, resp.AddAlias.Aliases)
			}
		})

		t.Run("mergeActors folds one into another", func(t *testing.T) {
			var resp struct {
				MergeActors struct {
					ID      string
					Aliases []string
				}
			}
			c.MustPost(`mutation { mergeActors(keep: "United Kingdom", merge: "National Cyber Security Centre") { id aliases } }`, &resp, auth)
			if resp.MergeActors.ID != idGBR {
				t.Fatalf("merged %+v", resp)
			}
			var after struct {
				Merged *struct{ ID string }
				Kept   struct{ ID string }
			}
			c.MustPost(`{ kept: actor(name: "National Cyber Security Centre") { id } }`, &after)
			if after.Kept.ID != idGBR {
				t.Errorf("the merged name does not lead to the kept actor: %+v", after)
			}
			errs := postErr(t, c, `mutation { mergeActors(keep: "China", merge: "Beijing") { id } }`, auth)
			if codeOf(errs) != "BAD_USER_INPUT" {
				t.Errorf("merging an actor into itself: %+v", errs)
			}
		})

		t.Run("deleteArticle", func(t *testing.T) {
			errs := postErr(t, c, `mutation { deleteArticle(id: "x") { deletedId } }`, auth)
			if codeOf(errs) != "NOT_FOUND" {
				t.Errorf("deleting a missing article: %+v", errs)
			}
			var resp struct{ DeleteArticle struct{ DeletedID string } }
			c.MustPost(`mutation { deleteArticle(id: "a4") { deletedId } }`, &resp, auth)
			var after struct {
				Article *struct{ ID string }
				Stats   struct{ Articles int }
			}
			_ = c.Post(`{ article(id: "a4") { id } stats { articles } }`, &after)
			if resp.DeleteArticle.DeletedID != "a4" || after.Article != nil || after.Stats.Articles != 5 {
				t.Errorf("after delete: %+v %+v", resp, after)
			}
		})
	})
}

func TestMutationsWithoutConfiguredToken(t *testing.T) {
	s := openStore(t)
	h := httpapi.New(httpapi.Config{Store: s})
	c := client.New(h, client.Path("/graphql"))
	errs := postErr(t, c, `mutation { deleteArticle(id: "x") { deletedId } }`, bearerToken(""))
	if codeOf(errs) != "UNAUTHENTICATED" || !strings.Contains(errs[0].Message, "DEMARCHE_TOKEN") {
		t.Errorf("errors %+v", errs)
	}
}

func TestTokenForQueries(t *testing.T) {
	c, _ := newClient(t, fixtureArticles(), httpapi.Config{TokenForQueries: true})
	if errs := postErr(t, c, `{ stats { actors } }`); codeOf(errs) != "UNAUTHENTICATED" {
		t.Errorf("query without token: %+v", errs)
	}
	var resp struct{ Stats struct{ Actors int } }
	c.MustPost(`{ stats { actors } }`, &resp, bearerToken(testToken))
	if resp.Stats.Actors != 10 {
		t.Errorf("stats %+v", resp)
	}
}

// waitSubscribers waits until the broker has n subscribers.
func waitSubscribers(t *testing.T, b *live.Broker, n int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for b.Subscribers() < n {
		if time.Now().After(deadline) {
			t.Fatalf("%d subscribers after 5s, want %d", b.Subscribers(), n)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func TestStatementAddedSubscriptionOnBothStores(t *testing.T) {
	onBothStores(t, func(t *testing.T, open func(testing.TB) store.Store) {
		s := open(t)
		loadFixture(t, s, fixtureArticles())
		broker := live.NewBroker()
		h := httpapi.New(httpapi.Config{Store: s, Broker: broker, Token: testToken,
			Ingester: fakeIngester{store: s, graphs: map[string]*store.ArticleGraph{"a7": laterArticle()}}})
		srv := httptest.NewServer(h)
		defer srv.Close()
		c := client.New(h, client.Path("/graphql"))
		sub := `subscription { statementAdded(filter: {kinds: [THREATENS], speakers: ["Moscow"]}) { kind speaker { name } target { name } } }`

		// WebSocket (graphql-transport-ws or graphql-ws).
		ws := c.Websocket(sub)
		defer ws.Close()

		// Server-Sent Events, over a real connection.
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		body, _ := json.Marshal(map[string]string{"query": sub})
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, srv.URL+"/graphql", strings.NewReader(string(body)))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Accept", "text/event-stream")
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatalf("SSE request: %v", err)
		}
		defer res.Body.Close()
		if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/event-stream") {
			t.Fatalf("SSE content type %q", ct)
		}

		waitSubscribers(t, broker, 2)
		var ing struct {
			IngestArticle struct{ Articles []struct{ Reports int } }
		}
		c.MustPost(`mutation { ingestArticle(input: {content: "a7"}) { articles { reports } } }`, &ing, bearerToken(testToken))

		type event struct {
			StatementAdded struct {
				Kind    string
				Speaker struct{ Name string }
				Target  struct{ Name string }
			}
		}
		var got event
		if err := ws.Next(&got); err != nil {
			t.Fatalf("websocket next: %v", err)
		}
		if e := got.StatementAdded; e.Kind != "THREATENS" || e.Speaker.Name != "Russia" || e.Target.Name != "United Kingdom" {
			t.Errorf("websocket event %+v", got)
		}

		sc := bufio.NewScanner(res.Body)
		for sc.Scan() {
			line := sc.Text()
			data, ok := strings.CutPrefix(line, "data: ")
			if !ok {
				continue
			}
			var msg struct{ Data event }
			if err := json.Unmarshal([]byte(data), &msg); err != nil {
				t.Fatalf("SSE data %q: %v", data, err)
			}
			if e := msg.Data.StatementAdded; e.Kind != "THREATENS" || e.Target.Name != "United Kingdom" {
				t.Errorf("SSE event %+v", msg)
			}
			return
		}
		t.Fatalf("SSE stream ended without an event: %v", sc.Err())
	})
}
