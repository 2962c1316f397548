package httpapi_test

import (
	"slices"
	"testing"

	"github.com/99designs/gqlgen/client"

	"github.com/demarche/demarche/httpapi"
	"github.com/demarche/demarche/store"
)

type actorPage struct {
	TotalCount int
	PageInfo   struct {
		HasNextPage, HasPreviousPage bool
		EndCursor                    *string
	}
	Edges []struct {
		Cursor string
		Node   struct {
			Name           string
			StatementsMade struct{ TotalCount int }
		}
	}
}

func (p actorPage) names() []string {
	var out []string
	for _, e := range p.Edges {
		out = append(out, e.Node.Name)
	}
	return out
}

func TestConnectionsOnBothStores(t *testing.T) {
	onBothStores(t, func(t *testing.T, open func(testing.TB) store.Store) {
		c, _ := newClient(t, fixtureArticles(), httpapi.Config{Store: open(t)})

		t.Run("who denied most", func(t *testing.T) {
			var resp struct{ Up, Exact actorPage }
			c.MustPost(`{
				up: actors(first: 4, orderBy: {by: STATEMENTS_MADE, kinds: [DENIES]}) {
					totalCount pageInfo { hasNextPage hasPreviousPage endCursor }
					edges { cursor node { name statementsMade(filter: {kinds: [DENIES]}) { totalCount } } } }
				exact: actors(first: 2, orderBy: {by: STATEMENTS_MADE, kinds: [DENIES], rollup: false}) {
					totalCount pageInfo { hasNextPage hasPreviousPage endCursor }
					edges { cursor node { name statementsMade(filter: {kinds: [DENIES], rollup: false}) { totalCount } } } }
			}`, &resp)
			if got := resp.Up.names(); !slices.Equal(got, []string{"China", "Chinese Foreign Ministry", "Wang Wenbin", "Zhao Lijian"}) {
				t.Errorf("rolled up: %v", got)
			}
			var counts []int
			for _, e := range resp.Up.Edges {
				counts = append(counts, e.Node.StatementsMade.TotalCount)
			}
			if !slices.Equal(counts, []int{2, 2, 1, 1}) || resp.Up.TotalCount != 10 || !resp.Up.PageInfo.HasNextPage {
				t.Errorf("rolled up counts %v, page %+v", counts, resp.Up)
			}
			if got := resp.Exact.names(); !slices.Equal(got, []string{"Wang Wenbin", "Zhao Lijian"}) {
				t.Errorf("exact: %v", got)
			}
		})

		t.Run("paging with cursors", func(t *testing.T) {
			var seen []string
			var after *string
			for range 5 {
				var resp struct{ Actors actorPage }
				c.MustPost(`query($after: String) { actors(first: 3, after: $after) { totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { name } } } }`,
					&resp, client.Var("after", after))
				seen = append(seen, resp.Actors.names()...)
				if (after != nil) != resp.Actors.PageInfo.HasPreviousPage {
					t.Errorf("hasPreviousPage %v after %v", resp.Actors.PageInfo.HasPreviousPage, after)
				}
				if !resp.Actors.PageInfo.HasNextPage {
					break
				}
				after = resp.Actors.PageInfo.EndCursor
			}
			if len(seen) != 10 || !slices.IsSorted(seen) || len(slices.Compact(slices.Clone(seen))) != 10 {
				t.Errorf("pages gave %v", seen)
			}
		})

		t.Run("actor fields", func(t *testing.T) {
			var resp struct {
				Actor struct {
					Members      []struct{ Name string }
					Agencies     []struct{ Name string }
					Counterparts []struct {
						Actor          struct{ Name string }
						Made, Received []kindCount
						Total          int
					}
					StatementsReceived struct {
						TotalCount int
						Edges      []struct {
							Node struct{ Speaker struct{ Name string } }
						}
					}
				}
			}
			c.MustPost(`{ actor(name: "China") {
				members { name }
				agencies: members(kinds: [AGENCY]) { name }
				counterparts(first: 2) { actor { name } made { kind count } received { kind count } total }
				statementsReceived(orderBy: DATE_ASC, first: 1) { totalCount edges { node { speaker { name } } } }
			} }`, &resp)
			a := resp.Actor
			if len(a.Members) != 1 || a.Members[0].Name != "Chinese Foreign Ministry" || len(a.Agencies) != 1 {
				t.Errorf("members %+v / %+v", a.Members, a.Agencies)
			}
			if len(a.Counterparts) != 2 || a.Counterparts[0].Actor.Name != "United States" || a.Counterparts[0].Total != 5 ||
				a.Counterparts[1].Actor.Name != "United Kingdom" || a.Counterparts[1].Total != 3 {
				t.Errorf("counterparts %+v", a.Counterparts)
			}
			if r := a.StatementsReceived; r.TotalCount != 3 || len(r.Edges) != 1 {
				t.Errorf("received %+v", r)
			}
		})

		t.Run("incidents, articles, search and nodes", func(t *testing.T) {
			var resp struct {
				Incidents struct {
					TotalCount int
					Edges      []struct {
						Node struct {
							ID, Name     string
							Year         *int
							AttributedTo []struct{ Name string }
						}
					}
				}
				Articles struct {
					TotalCount int
					Edges      []struct {
						Node struct{ ID, Publisher string }
					}
				}
				ByURL  struct{ ID string }
				Search []struct {
					Kind  string
					Score float64
					Node  struct {
						Typename string `json:"__typename"`
						Name     string
					}
				}
			}
			postJSON(t, c, `{
				incidents(filter: {nameContains: "hack"}) { totalCount edges { node { id name year attributedTo { name } } } }
				articles(filter: {publisher: "Harbor Ledger"}) { totalCount edges { node { id publisher } } }
				byURL: article(url: "https://news.example/a3") { id }
				search(text: "Zhao", kinds: [ACTOR], first: 3) { kind score node { __typename ... on Actor { name } } }
			}`, &resp)
			in := resp.Incidents
			if in.TotalCount != 1 || in.Edges[0].Node.ID != idHack || deref(in.Edges[0].Node.Year) != 2021 || len(in.Edges[0].Node.AttributedTo) != 1 {
				t.Errorf("incidents %+v", in)
			}
			if resp.Articles.TotalCount != 2 || resp.Articles.Edges[0].Node.ID != "a3" || resp.ByURL.ID != "a3" {
				t.Errorf("articles %+v, by url %+v", resp.Articles, resp.ByURL)
			}
			if len(resp.Search) != 1 || resp.Search[0].Kind != "ACTOR" || resp.Search[0].Node.Name != "Zhao Lijian" {
				t.Errorf("search %+v", resp.Search)
			}
			var node struct {
				Node struct {
					Typename string `json:"__typename"`
					Name     string
				}
			}
			c.MustPost(`{ node(id: "`+idHack+`") { __typename ... on Incident { name } } }`, &node)
			if node.Node.Typename != "Incident" || node.Node.Name != "Mail server hack" {
				t.Errorf("node %+v", node)
			}
		})
	})
}
