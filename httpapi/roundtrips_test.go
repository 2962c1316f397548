package httpapi_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/99designs/gqlgen/client"

	"github.com/demarche/demarche/httpapi"
	"github.com/demarche/demarche/store"
	"github.com/demarche/demarche/store/storetest"
)

// crowd is a graph of n spokespeople, each under one of two ministries of two
// states, each making statements at the other state on several days.
func crowd(n int) []*store.ArticleGraph {
	w := world()
	var speakers []string
	for i := range n {
		home, other := idMFA, idUSA
		if i%2 == 1 {
			home, other = idDOJ, idCHN
		}
		id := fmt.Sprintf("person:crowd-%03d", i)
		w[id] = store.Actor{ID: id, Kind: store.Person, Name: fmt.Sprintf("Speaker %03d", i), AffiliationID: home, Role: "spokesperson"}
		speakers = append(speakers, id+"|"+other)
	}
	var gs []*store.ArticleGraph
	for i, sp := range speakers {
		id, target, _ := strings.Cut(sp, "|")
		kinds := []store.StatementKind{store.Accuses, store.Criticizes, store.Demands}
		var reps []store.Report
		for j, k := range kinds {
			reps = append(reps, rep(k, id, target, i*7+j*2, fmt.Sprintf("Speaker %03d said something of kind %s.", i, k)))
		}
		reps[0] = about(reps[0], idHack)
		gs = append(gs, article(w, fmt.Sprintf("crowd-%03d", i), fmt.Sprintf("Crowd article %d", i), []string{"Harbor Ledger", "Eastern Wire"}[i%2], reps...))
	}
	return gs
}

const nestedQuery = `query($n: Int!) {
  actors(first: $n, filter: {kinds: [PERSON]}) {
    totalCount
    edges { node {
      name role country
      affiliation { name affiliation { name } }
      members { name }
      counterparts(first: 3) { actor { name } total made { kind count } }
      statementsMade(first: 5) { totalCount edges { node {
        kind date evidence quote cameo
        speaker { name affiliation { name } }
        target { name }
        incident { name attributedTo { name } }
        article { title publisher }
        reports { article { title } speaker { name } }
      } } }
      statementsReceived(first: 2, filter: {kinds: [DENIES]}) { totalCount }
    } }
  }
  statements(first: 60) { edges { node { speaker { name } targets { name } article { title } incident { name } } } }
}`

// TestStoreRoundTripsAreBounded proves there is no N+1: a nested query over 10
// and over 60 actors (with their statements, affiliations, counterparts,
// incidents and articles) makes the same, small number of store calls: one
// per loader and nesting level.
func TestStoreRoundTripsAreBoundedOnBothStores(t *testing.T) {
	onBothStores(t, func(t *testing.T, open func(testing.TB) store.Store) {
		base := open(t)
		loadFixture(t, base, crowd(60))
		cs := storetest.NewCounting(base)
		c := client.New(httpapi.New(httpapi.Config{Store: cs, Token: testToken, MaxComplexity: 1 << 20,
			// A wait far above scheduling noise on a loaded machine (tests of other
			// packages run alongside), so the count shows the design, not the load.
			LoaderWait: 250 * time.Millisecond}), client.Path("/graphql"))

		run := func(n int) (map[string]int, int) {
			t.Helper()
			var resp struct {
				Actors struct {
					TotalCount int
					Edges      []struct {
						Node struct {
							Name           string
							StatementsMade struct {
								TotalCount int
								Edges      []struct {
									Node struct{ Speaker struct{ Name string } }
								}
							}
							Counterparts []struct {
								Actor struct{ Name string }
								Total int
							}
						}
					}
				}
			}
			cs.Take()
			postJSON(t, c, nestedQuery, &resp, client.Var("n", n))
			ct := cs.Take()
			if len(resp.Actors.Edges) != n {
				t.Fatalf("%d actors, want %d", len(resp.Actors.Edges), n)
			}
			for _, e := range resp.Actors.Edges {
				if e.Node.StatementsMade.TotalCount != 3 || len(e.Node.StatementsMade.Edges) != 3 || e.Node.StatementsMade.Edges[0].Node.Speaker.Name != e.Node.Name {
					t.Fatalf("%s: statements made %+v", e.Node.Name, e.Node.StatementsMade)
				}
				if len(e.Node.Counterparts) != 1 || e.Node.Counterparts[0].Total != 3 {
					t.Fatalf("%s: counterparts %+v", e.Node.Name, e.Node.Counterparts)
				}
			}
			return ct.Calls, ct.Total()
		}
		small, nSmall := run(10)
		large, nLarge := run(60)
		t.Logf("store calls: 10 actors %d %v; 60 actors %d %v", nSmall, small, nLarge, large)
		// The bound: one call per loader and nesting level (loaders of different
		// levels may share a batch, so the count can only be lower), whatever the
		// number of items; without batching, 60 actors would take over 600 calls.
		const bound = 12
		for _, n := range []int{nSmall, nLarge} {
			if n > bound {
				t.Errorf("%d store calls, want at most %d: %v", n, bound, large)
			}
		}
		for name, n := range large {
			if n > 4 {
				t.Errorf("%s called %d times for 60 actors", name, n)
			}
		}
	})
}

// TestBatchedCounterpartsMatchTheStore checks the counterparts computed for a
// batch of actors equal what store.Counterparts answers for each alone.
func TestBatchedCounterpartsMatchTheStoreOnBothStores(t *testing.T) {
	onBothStores(t, func(t *testing.T, open func(testing.TB) store.Store) {
		s := open(t)
		loadFixture(t, s, fixtureArticles())
		c := client.New(httpapi.New(httpapi.Config{Store: s, MaxComplexity: 1 << 20}), client.Path("/graphql"))
		type cp struct {
			Actor          struct{ ID string }
			Made, Received []kindCount
			Total          int
		}
		for _, rollup := range []bool{true, false} {
			var batch struct {
				Actors struct {
					Edges []struct {
						Node struct {
							ID           string
							Counterparts []cp
						}
					}
				}
			}
			c.MustPost(fmt.Sprintf(`{ actors(first: 50) { edges { node { id counterparts(rollup: %v, first: 50) { actor { id } made { kind count } received { kind count } total } } } } }`, rollup), &batch)
			if len(batch.Actors.Edges) != 10 {
				t.Fatalf("%d actors", len(batch.Actors.Edges))
			}
			for _, e := range batch.Actors.Edges {
				var one struct{ Actor struct{ Counterparts []cp } }
				c.MustPost(fmt.Sprintf(`{ actor(id: %q) { counterparts(rollup: %v, first: 50) { actor { id } made { kind count } received { kind count } total } } }`, e.Node.ID, rollup), &one)
				if fmt.Sprint(one.Actor.Counterparts) != fmt.Sprint(e.Node.Counterparts) {
					t.Errorf("rollup %v, %s:\n batched %+v\n   store %+v", rollup, e.Node.ID, e.Node.Counterparts, one.Actor.Counterparts)
				}
			}
		}
	})
}
