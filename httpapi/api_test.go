package httpapi_test

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/client"

	"github.com/demarche/demarche/httpapi"
	"github.com/demarche/demarche/store"
)

const testToken = "s3cret-token"

// newClient serves a fresh store loaded with gs through the API, in process.
func newClient(t *testing.T, gs []*store.ArticleGraph, cfg httpapi.Config) (*client.Client, store.Store) {
	t.Helper()
	s := cfg.Store
	if s == nil {
		s = openStore(t)
		cfg.Store = s
	}
	loadFixture(t, s, gs)
	if cfg.Token == "" {
		cfg.Token = testToken
	}
	return client.New(httpapi.New(cfg), client.Path("/graphql")), s
}

// gqlErrors is the errors member of a response, as the client reports it.
type gqlErrors []struct {
	Message    string         `json:"message"`
	Path       []any          `json:"path"`
	Extensions map[string]any `json:"extensions"`
}

// postErr runs an operation that must fail and returns its errors.
func postErr(t *testing.T, c *client.Client, q string, opts ...client.Option) gqlErrors {
	t.Helper()
	var resp any
	err := c.Post(q, &resp, opts...)
	if err == nil {
		t.Fatalf("expected errors, got %v", resp)
	}
	var errs gqlErrors
	var raw client.RawJsonError
	if !asRaw(err, &raw) {
		t.Fatalf("not a GraphQL error response: %v", err)
	}
	if e := json.Unmarshal(raw.RawMessage, &errs); e != nil {
		t.Fatalf("decode errors %s: %v", raw.RawMessage, e)
	}
	return errs
}

func asRaw(err error, raw *client.RawJsonError) bool {
	r, ok := err.(client.RawJsonError)
	if ok {
		*raw = r
	}
	return ok
}

func codeOf(errs gqlErrors) string {
	if len(errs) == 0 {
		return ""
	}
	c, _ := errs[0].Extensions["code"].(string)
	return c
}

func bearerToken(tok string) client.Option {
	return client.AddHeader("Authorization", "Bearer "+tok)
}

func TestAcceptanceQueriesOnBothStores(t *testing.T) {
	onBothStores(t, func(t *testing.T, open func(testing.TB) store.Store) {
		c, _ := newClient(t, fixtureArticles(), httpapi.Config{Store: open(t)})
		var resp struct {
			Statements struct {
				TotalCount int
				Edges      []struct {
					Node struct {
						Kind     string
						Speaker  struct{ Name string }
						Evidence string
						Article  struct{ Title string }
					}
				}
			}
			Search []struct {
				Typename string `json:"__typename"`
			}
			Dyad struct {
				Typename string `json:"__typename"`
			}
			Timeline struct {
				Typename string `json:"__typename"`
			}
			Paths []struct {
				Typename string `json:"__typename"`
			}
			Neighborhood struct {
				Typename string `json:"__typename"`
			}
			Stats struct{ Actors, Statements, Articles, Incidents int }
		}
		c.MustPost(`{ statements(first: 3, filter: {kinds: [DENIES]}) { totalCount edges { node { kind speaker { name } evidence article { title } } } }
	  search(text: "Zhao", first: 3) { __typename }
	  dyad(a: "United States", b: "China") { __typename }
	  timeline(actor: "China", interval: MONTH) { __typename }
	  paths(from: "United Kingdom", to: "China", maxHops: 3) { __typename }
	  neighborhood(id: "China", depth: 1) { __typename }
	  stats { actors statements articles incidents } }`, &resp)

		if resp.Statements.TotalCount != 2 || len(resp.Statements.Edges) != 2 {
			t.Fatalf("denials: total %d, %d edges; want 2 and 2", resp.Statements.TotalCount, len(resp.Statements.Edges))
		}
		// Newest first: Wang Wenbin's denial (day 21), then Zhao Lijian's (day 19).
		got := []string{resp.Statements.Edges[0].Node.Speaker.Name, resp.Statements.Edges[1].Node.Speaker.Name}
		if !slices.Equal(got, []string{"Wang Wenbin", "Zhao Lijian"}) {
			t.Errorf("denial speakers %v", got)
		}
		if n := resp.Statements.Edges[1].Node; n.Kind != "DENIES" || n.Article.Title != "Beijing rejects hacking claims" || !strings.Contains(n.Evidence, "denied") {
			t.Errorf("Zhao's denial: %+v", n)
		}
		if len(resp.Search) == 0 {
			t.Errorf("search Zhao: no hit")
		}
		if resp.Dyad.Typename != "Dyad" || resp.Timeline.Typename != "Timeline" || resp.Neighborhood.Typename != "Subgraph" {
			t.Errorf("typenames: %+v", resp)
		}
		if len(resp.Paths) == 0 || resp.Paths[0].Typename != "Path" {
			t.Errorf("paths UK→China: %+v", resp.Paths)
		}
		if s := resp.Stats; s.Actors != 10 || s.Articles != 5 || s.Incidents != 2 || s.Statements < 10 {
			t.Errorf("stats %+v", s)
		}

		errs := postErr(t, c, `mutation { deleteArticle(id: "x") { __typename } }`)
		if codeOf(errs) != "UNAUTHENTICATED" {
			t.Errorf("mutation without token: %+v", errs)
		}
	})
}

func TestStatementsFilterAndRollupOnBothStores(t *testing.T) {
	onBothStores(t, func(t *testing.T, open func(testing.TB) store.Store) {
		c, _ := newClient(t, fixtureArticles(), httpapi.Config{Store: open(t)})
		count := func(filter string) int {
			t.Helper()
			var resp struct{ Statements struct{ TotalCount int } }
			c.MustPost(fmt.Sprintf(`{ statements(filter: %s) { totalCount } }`, filter), &resp)
			return resp.Statements.TotalCount
		}
		cases := []struct {
			filter string
			want   int
		}{
			// China's own demand, plus its ministry and spokespeople (rolled up).
			{`{speakers: ["China"]}`, 5},
			{`{speakers: ["China"], rollup: false}`, 1},
			{`{speakers: ["Beijing"], kinds: [DENIES]}`, 2},
			{`{targets: ["United States"], from: "2021-07-20", to: "2021-07-31"}`, 3},
			{`{involving: ["Russia"]}`, 2},
			{`{incident: "` + idHack + `"}`, 3},
			{`{publisher: "eastern wire"}`, 4},
			{`{textContains: "SMEARS"}`, 1},
			{`{article: "a4"}`, 2},
		}
		for _, tc := range cases {
			if got := count(tc.filter); got != tc.want {
				t.Errorf("statements(filter: %s): %d, want %d", tc.filter, got, tc.want)
			}
		}
	})
}

func TestActorLookupsAndErrorsOnBothStores(t *testing.T) {
	onBothStores(t, func(t *testing.T, open func(testing.TB) store.Store) {
		w := world()
		// A second actor sharing the alias "Washington" makes that name ambiguous.
		gov := store.Actor{ID: "person:usa/george-washington", Kind: store.Person, Name: "George Washington", Aliases: []string{"Washington"}}
		w[gov.ID] = gov
		gs := append(fixtureArticles(), article(w, "a6", "A statue speaks", "Capital Courier",
			rep(store.Criticizes, gov.ID, idGBR, 70, "George Washington criticized Britain.")))
		c, _ := newClient(t, gs, httpapi.Config{Store: open(t)})

		var resp struct {
			ByName struct {
				ID          string
				Kind        string
				Country     *string
				Role        *string
				Affiliation struct {
					Name        string
					Affiliation struct{ Name string }
				}
			}
			ByAlias struct{ ID string }
			ByID    struct{ Name string }
			Node    struct {
				Typename string `json:"__typename"`
				Title    string
			}
			Missing *struct{ ID string }
		}
		c.MustPost(`{
			byName: actor(name: "zhao lijian") { id kind country role affiliation { name affiliation { name } } }
			byAlias: actor(name: "People's Republic of China") { id }
			byID: actor(id: "`+idUSA+`") { name }
			node(id: "a3") { __typename ... on Article { title } }
			missing: node(id: "nothing") { id }
		}`, &resp)
		if resp.ByName.ID != idZhao || resp.ByName.Kind != "PERSON" || deref(resp.ByName.Role) != "spokesperson" ||
			resp.ByName.Affiliation.Name != "Chinese Foreign Ministry" || resp.ByName.Affiliation.Affiliation.Name != "China" {
			t.Errorf("actor by name: %+v", resp.ByName)
		}
		if resp.ByAlias.ID != idCHN || resp.ByID.Name != "United States" {
			t.Errorf("by alias %q, by id %q", resp.ByAlias.ID, resp.ByID.Name)
		}
		if resp.Node.Typename != "Article" || resp.Node.Title != "China answers London" || resp.Missing != nil {
			t.Errorf("node: %+v, missing %+v", resp.Node, resp.Missing)
		}

		t.Run("ambiguous name names the candidates", func(t *testing.T) {
			errs := postErr(t, c, `{ dyad(a: "Washington", b: "China") { total } }`)
			if codeOf(errs) != "BAD_USER_INPUT" || !strings.Contains(errs[0].Message, "George Washington") || !strings.Contains(errs[0].Message, "United States") {
				t.Errorf("errors %+v", errs)
			}
		})
		t.Run("unknown actor is NOT_FOUND", func(t *testing.T) {
			errs := postErr(t, c, `{ timeline(actor: "Atlantis") { interval } }`)
			if codeOf(errs) != "NOT_FOUND" || !strings.Contains(errs[0].Message, "Atlantis") {
				t.Errorf("errors %+v", errs)
			}
		})
		t.Run("missing statement is NOT_FOUND", func(t *testing.T) {
			errs := postErr(t, c, `{ statement(id: "stmt:nope") { id } }`)
			if codeOf(errs) != "NOT_FOUND" {
				t.Errorf("errors %+v", errs)
			}
		})
		t.Run("page size is capped", func(t *testing.T) {
			errs := postErr(t, c, `{ actors(first: 1000) { totalCount } }`)
			if codeOf(errs) != "BAD_USER_INPUT" || !strings.Contains(errs[0].Message, "at most 100") {
				t.Errorf("errors %+v", errs)
			}
		})
		t.Run("bad date is BAD_USER_INPUT", func(t *testing.T) {
			errs := postErr(t, c, `{ statements(filter: {from: "yesterday"}) { totalCount } }`)
			if len(errs) == 0 || !strings.Contains(errs[0].Message, "yesterday") {
				t.Errorf("errors %+v", errs)
			}
		})
	})
}

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

// postJSON runs an operation that must succeed and decodes its data leniently
// (fields the query selects but into does not name are ignored).
func postJSON(t *testing.T, c *client.Client, q string, into any, opts ...client.Option) {
	t.Helper()
	resp, err := c.RawPost(q, opts...)
	if err != nil {
		t.Fatalf("post: %v", err)
	}
	if resp.Errors != nil {
		t.Fatalf("errors: %s", resp.Errors)
	}
	b, err := json.Marshal(resp.Data)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, into); err != nil {
		t.Fatalf("decode %s: %v", b, err)
	}
}
