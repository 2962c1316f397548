package graph

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/99designs/gqlgen/client"
	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/transport"

	"github.com/demarche/demarche/store"
	"github.com/demarche/demarche/store/sqlitestore"
	"github.com/demarche/demarche/store/storetest"
)

// A small invented world: four states, a ministry under each, a spokesperson
// under each ministry, and statements between all of them over two months.
var fixtureStates = []string{"USA", "CHN", "RUS", "GBR"}

func fixtureWorld() map[string]store.Actor {
	names := map[string]string{"USA": "United States", "CHN": "China", "RUS": "Russia", "GBR": "United Kingdom"}
	w := map[string]store.Actor{}
	for _, c := range fixtureStates {
		state := "state:" + c
		agency := "agency:" + strings.ToLower(c) + "/foreign-ministry"
		person := "person:" + strings.ToLower(c) + "/spokesperson"
		w[state] = store.Actor{ID: state, Kind: store.State, Name: names[c], Country: c}
		w[agency] = store.Actor{ID: agency, Kind: store.Agency, Name: names[c] + " Foreign Ministry", Country: c, AffiliationID: state}
		w[person] = store.Actor{ID: person, Kind: store.Person, Name: "Spokesperson of " + names[c], Country: c, AffiliationID: agency, Role: "spokesperson"}
	}
	return w
}

// fixtureGraphs writes n articles of three reports each, cycling through the
// actors and kinds, so every state has statements made and received at every
// level of its hierarchy.
func fixtureGraphs(n int) []*store.ArticleGraph {
	w := fixtureWorld()
	ids := make([]string, 0, len(w))
	for id := range w {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	kinds := []store.StatementKind{store.Accuses, store.Criticizes, store.Demands, store.Denies, store.Sanctions, store.Threatens}
	inc := store.Incident{ID: "incident:2021-fixture-leak", Name: "Fixture leak", Year: 2021}
	var gs []*store.ArticleGraph
	for i := range n {
		id := fmt.Sprintf("fixture-%03d", i)
		date := time.Date(2021, 7, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i)
		g := &store.ArticleGraph{Article: store.Article{
			ID: id, URL: "https://news.example/" + id, Title: fmt.Sprintf("Fixture article %d", i),
			Publisher: []string{"Harbor Ledger", "Eastern Wire"}[i%2], Language: "en", Hash: "h-" + id,
			Published: date.Add(8 * time.Hour), Body: "Invented fixture text.",
		}}
		seen := map[string]bool{}
		var add func(id string)
		add = func(id string) {
			if id == "" || seen[id] {
				return
			}
			seen[id] = true
			g.Actors = append(g.Actors, w[id])
			add(w[id].AffiliationID)
		}
		for j := range 3 {
			sp, tg := ids[(i+j)%len(ids)], ids[(i*5+j*7+3)%len(ids)]
			if w[sp].Country == w[tg].Country {
				tg = "state:" + fixtureStates[(i+j+1)%len(fixtureStates)]
				if w[sp].Country == w[tg].Country {
					tg = "state:" + fixtureStates[(i+j+2)%len(fixtureStates)]
				}
			}
			k := kinds[(i+j)%len(kinds)]
			r := store.Report{ArticleID: id, Index: j, Kind: k, SpeakerID: sp, TargetID: tg, Date: date, Confidence: 0.8,
				Evidence: fmt.Sprintf("%s %s %s in fixture article %d.", w[sp].Name, strings.ToLower(string(k)), w[tg].Name, i)}
			if j == 0 {
				r.Quote = fmt.Sprintf("invented quote %d", i)
				r.IncidentID = inc.ID
			}
			add(sp)
			add(tg)
			g.Reports = append(g.Reports, r)
		}
		g.Incidents = []store.Incident{inc}
		gs = append(gs, g)
	}
	return gs
}

// countingServer serves the schema over a fixture store wrapped in a counting
// store, with loaders attached per operation as httpapi does.
func countingServer(t *testing.T, wait time.Duration) (*client.Client, *storetest.Counting) {
	t.Helper()
	ctx := context.Background()
	s, err := sqlitestore.Open(ctx, t.TempDir(), sqlitestore.Options{})
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { _ = s.Close() })
	if _, err := s.PutArticles(ctx, fixtureGraphs(40)); err != nil {
		t.Fatalf("load fixture: %v", err)
	}
	cs := storetest.NewCounting(s)
	srv := handler.New(NewSchema(&Resolver{Store: cs}))
	srv.AddTransport(transport.POST{})
	srv.SetErrorPresenter(ErrorPresenter)
	srv.AroundOperations(func(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
		return next(WithLoaders(ctx, cs, wait))
	})
	return client.New(srv), cs
}

// The five dashboard queries of the benchmark (bench/cmd/loadgen/queries.go).
const (
	actorPageQuery = `query Actor($id: ID!) { actor(id: $id) { id name kind country aliases affiliation { id name }
  made: statementsMade(first: 20, filter: {rollup: false}) { totalCount edges { node { id kind date evidence quote targets { id name } } } }
  received: statementsReceived(first: 20, filter: {rollup: false}) { totalCount edges { node { id kind date evidence quote speakers { id name } } } } } }`
	dyadQuery = `query Dyad($a: String!, $b: String!) { dyad(a: $a, b: $b) { total aToB { kind count } bToA { kind count }
  statements(first: 20) { totalCount edges { node { id kind date evidence speakers { id name } targets { id name } } } } } }`
	timelineQuery     = `query Timeline($actor: String!) { timeline(actor: $actor, interval: MONTH) { buckets { start kind made received total } } }`
	searchQuery       = `query Search($text: String!) { search(text: $text, first: 10) { kind text score node { ... on Actor { id name actorKind: kind } ... on Incident { id name } ... on Statement { id statementKind: kind date evidence } } } }`
	neighborhoodQuery = `query Neighborhood($id: String!) { neighborhood(id: $id, depth: 2, limit: 100) { nodes { id name kind } links { kind count speaker { id } target { id } } } }`
)

type idName struct{ ID, Name string }

type stmtNode struct {
	ID, Kind, Date, Evidence string
	Quote                    *string
	Speakers, Targets        []idName
}

type stmtConn struct {
	TotalCount int
	Edges      []struct{ Node stmtNode }
}

// TestStoreCallsPerDashboardQuery pins how many store round trips each of the
// benchmark's five dashboard queries costs, and that the answers are complete.
func TestStoreCallsPerDashboardQuery(t *testing.T) {
	// A wait far above scheduling noise (other packages' tests run alongside),
	// so the counts show the design, not the load.
	c, cs := countingServer(t, 100*time.Millisecond)
	run := func(t *testing.T, q string, resp any, vars ...client.Option) result {
		t.Helper()
		r := post(t, c, cs, q, resp, vars...)
		if r.errors != nil {
			t.Fatalf("query errors: %v", r.errors)
		}
		return r
	}
	check := func(t *testing.T, r result, max int, maxPer map[string]int) {
		t.Helper()
		if n := sum(r.calls); n > max {
			t.Errorf("%d store calls, want at most %d: %v", n, max, r.calls)
		}
		for name, n := range r.calls {
			if m, ok := maxPer[name]; !ok || n > m {
				t.Errorf("%s called %d times, want at most %d", name, n, maxPer[name])
			}
		}
	}

	t.Run("actor", func(t *testing.T) {
		var resp struct {
			Actor struct {
				ID, Name       string
				Affiliation    *idName
				Made, Received stmtConn
			}
		}
		r := run(t, actorPageQuery, &resp, client.Var("id", "state:USA"))
		a := resp.Actor
		if a.Name != "United States" || a.Made.TotalCount == 0 || a.Received.TotalCount == 0 ||
			len(a.Made.Edges) != min(20, a.Made.TotalCount) || len(a.Received.Edges) != min(20, a.Received.TotalCount) {
			t.Fatalf("actor page %+v", a)
		}
		for _, e := range a.Made.Edges {
			if e.Node.Evidence == "" || len(e.Node.Targets) == 0 || e.Node.Targets[0].Name == "" {
				t.Fatalf("made statement %+v", e.Node)
			}
		}
		for _, e := range a.Received.Edges {
			if e.Node.Evidence == "" || len(e.Node.Speakers) == 0 || e.Node.Speakers[0].Name == "" {
				t.Fatalf("received statement %+v", e.Node)
			}
		}
		check(t, r, 3, map[string]int{"GetActors": 1, "ListStatements": 2})
	})

	t.Run("actor with affiliation", func(t *testing.T) {
		var resp struct {
			Actor struct {
				Name           string
				Affiliation    *idName
				Made, Received stmtConn
			}
		}
		r := run(t, actorPageQuery, &resp, client.Var("id", "agency:chn/foreign-ministry"))
		if resp.Actor.Affiliation == nil || resp.Actor.Affiliation.Name != "China" || resp.Actor.Made.TotalCount == 0 {
			t.Fatalf("actor page %+v", resp.Actor)
		}
		check(t, r, 4, map[string]int{"GetActors": 2, "ListStatements": 2})
	})

	t.Run("dyad", func(t *testing.T) {
		var resp struct {
			Dyad struct {
				Total      int
				AToB, BToA []struct {
					Kind  string
					Count int
				}
				Statements stmtConn
			}
		}
		r := run(t, dyadQuery, &resp, client.Var("a", "state:USA"), client.Var("b", "state:CHN"))
		d := resp.Dyad
		if d.Total == 0 || d.Statements.TotalCount != d.Total || len(d.Statements.Edges) != min(20, d.Total) {
			t.Fatalf("dyad %+v", d)
		}
		for _, e := range d.Statements.Edges {
			if e.Node.Evidence == "" || len(e.Node.Speakers) == 0 || e.Node.Speakers[0].Name == "" || len(e.Node.Targets) == 0 {
				t.Fatalf("dyad statement %+v", e.Node)
			}
		}
		check(t, r, 5, map[string]int{"CountStatements": 2, "ListStatements": 2, "GetActors": 1})
	})

	t.Run("timeline", func(t *testing.T) {
		var resp struct {
			Timeline struct {
				Buckets []struct{ Made, Received, Total int }
			}
		}
		r := run(t, timelineQuery, &resp, client.Var("actor", "state:RUS"))
		if len(resp.Timeline.Buckets) == 0 {
			t.Fatalf("timeline %+v", resp.Timeline)
		}
		check(t, r, 2, map[string]int{"Timeline": 2})
	})

	t.Run("search", func(t *testing.T) {
		var resp struct {
			Search []struct {
				Kind string
				Node map[string]any
			}
		}
		r := run(t, searchQuery, &resp, client.Var("text", "China"))
		if len(resp.Search) == 0 {
			t.Fatalf("search %+v", resp.Search)
		}
		for _, h := range resp.Search {
			if h.Node["id"] == nil {
				t.Fatalf("search hit %+v", h)
			}
		}
		check(t, r, 4, map[string]int{"Search": 1, "GetActors": 1, "GetIncidents": 1, "GetStatements": 1})
	})

	t.Run("neighborhood", func(t *testing.T) {
		var resp struct {
			Neighborhood struct {
				Nodes []idName
				Links []struct {
					Kind            string
					Count           int
					Speaker, Target struct{ ID string }
				}
			}
		}
		r := run(t, neighborhoodQuery, &resp, client.Var("id", "state:GBR"))
		n := resp.Neighborhood
		if len(n.Nodes) < 2 || len(n.Links) == 0 || n.Nodes[0].ID != "state:GBR" {
			t.Fatalf("neighborhood %+v", n)
		}
		check(t, r, 1, map[string]int{"Neighborhood": 1})
	})
}

type pageInfoResp struct {
	HasNextPage, HasPreviousPage bool
	StartCursor, EndCursor       *string
}

type countResp struct {
	TotalCount int
	PageInfo   pageInfoResp
	Edges      []struct{ Cursor string }
}

// TestSelectionDrivesStoreCalls checks the store is asked only for what the
// query selects, and that the shortcuts answer as the full path does.
func TestSelectionDrivesStoreCalls(t *testing.T) {
	// A wait far above scheduling noise (other packages' tests run alongside),
	// so the counts show the design, not the load.
	c, cs := countingServer(t, 100*time.Millisecond)
	ok := func(t *testing.T, q string, resp any, vars ...client.Option) result {
		t.Helper()
		r := post(t, c, cs, q, resp, vars...)
		if r.errors != nil {
			t.Fatalf("query errors: %v", r.errors)
		}
		return r
	}

	t.Run("no report fields, no reports", func(t *testing.T) {
		var resp struct{ Statements stmtConn }
		r := ok(t, `{ statements(first: 10) { totalCount edges { node { id kind speakers { id name } } } } }`, &resp)
		if len(resp.Statements.Edges) != 10 || resp.Statements.Edges[0].Node.Speakers[0].Name == "" {
			t.Fatalf("statements %+v", resp.Statements)
		}
		if r.withReports != 0 || r.calls["ListStatements"] != 1 || r.calls["GetActors"] != 1 || sum(r.calls) != 2 {
			t.Errorf("calls %v, %d lists with reports; want one list without reports and one GetActors", r.calls, r.withReports)
		}
	})

	t.Run("report fields load reports", func(t *testing.T) {
		var resp struct {
			Statements struct {
				Edges []struct {
					Node struct {
						Evidence string
						Article  struct{ Title string }
						Reports  []struct{ Evidence string }
					}
				}
			}
		}
		r := ok(t, `{ statements(first: 10) { edges { node { evidence article { title } reports { evidence } } } } }`, &resp)
		for _, e := range resp.Statements.Edges {
			if e.Node.Evidence == "" || e.Node.Article.Title == "" || len(e.Node.Reports) == 0 {
				t.Fatalf("statement %+v", e.Node)
			}
		}
		if r.withReports != 1 {
			t.Errorf("%d lists with reports, want 1", r.withReports)
		}
	})

	t.Run("totalCount alone is a count", func(t *testing.T) {
		for _, q := range []string{
			`{ statements(first: 7, filter: {speakers: ["state:USA"]}) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } %s } }`,
			`{ actor(id: "state:USA") { statementsMade(first: 7) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } %s } } }`,
		} {
			var counted, listed struct {
				Statements *countResp
				Actor      *struct{ StatementsMade countResp }
			}
			r := ok(t, fmt.Sprintf(q, ""), &counted)
			if r.calls["ListStatements"] != 0 || r.calls["CountStatements"] != 1 {
				t.Errorf("%s: calls %v, want one CountStatements", q, r.calls)
			}
			ok(t, fmt.Sprintf(q, "edges { cursor }"), &listed)
			got, want := counted.Statements, listed.Statements
			if got == nil {
				got, want = &counted.Actor.StatementsMade, &listed.Actor.StatementsMade
			}
			gi, wi := got.PageInfo, want.PageInfo
			if want.TotalCount < 8 || got.TotalCount != want.TotalCount || gi.HasNextPage != wi.HasNextPage || gi.HasPreviousPage != wi.HasPreviousPage ||
				gi.StartCursor == nil || gi.EndCursor == nil || *gi.StartCursor != want.Edges[0].Cursor || *gi.EndCursor != want.Edges[len(want.Edges)-1].Cursor {
				t.Errorf("%s: counted %+v, listed %+v", q, got, want)
			}
		}
	})

	t.Run("dyad total alone is counted once", func(t *testing.T) {
		var resp struct {
			Dyad struct {
				Total      int
				Statements struct{ TotalCount int }
			}
		}
		r := ok(t, `{ dyad(a: "state:USA", b: "state:CHN") { total statements { totalCount } } }`, &resp)
		if resp.Dyad.Total == 0 || resp.Dyad.Statements.TotalCount != resp.Dyad.Total {
			t.Fatalf("dyad %+v", resp.Dyad)
		}
		if sum(r.calls) != 2 || r.calls["CountStatements"] != 2 {
			t.Errorf("calls %v, want the two counts only", r.calls)
		}
	})

	t.Run("names answer as ids do", func(t *testing.T) {
		pairs := []struct{ q, byID, byName string }{
			{`{ actor(%s) { id made: statementsMade(first: 5) { totalCount edges { node { id targets { id } } } } } }`, `id: "state:CHN"`, `name: "china"`},
			{`{ dyad(%s) { a { id } b { id } total aToB { kind count } statements(first: 5) { edges { node { id speakers { id } } } } } }`, `a: "state:USA", b: "state:CHN"`, `a: "United States", b: "China"`},
			{`{ dyad(%s) { total aToB { kind count } bToA { kind count } } }`, `a: "state:USA", b: "state:CHN"`, `a: "United States", b: "China"`},
			{`{ timeline(%s) { buckets { start kind made received total } } }`, `actor: "state:RUS", interval: MONTH`, `actor: "Russia", interval: MONTH`},
			{`{ timeline(%s) { actor { id } counterpart { id } buckets { start kind total } } }`, `actor: "state:RUS", counterpart: "state:USA"`, `actor: "Russia", counterpart: "United States"`},
			{`{ neighborhood(%s) { center { id } nodes { id } links { id speaker { name } target { name } } } }`, `id: "state:GBR", depth: 1`, `id: "United Kingdom", depth: 1`},
		}
		for _, p := range pairs {
			var byID, byName map[string]any
			ok(t, fmt.Sprintf(p.q, p.byID), &byID)
			r := ok(t, fmt.Sprintf(p.q, p.byName), &byName)
			if r.calls["ResolveActor"] == 0 {
				t.Errorf("%s: names resolved without ResolveActor: %v", p.byName, r.calls)
			}
			a, b := fmt.Sprint(byID), fmt.Sprint(byName)
			if a != b || strings.Contains(a, "map[]") || strings.Contains(a, "<nil>") {
				t.Errorf("%s:\n by id   %s\n by name %s", p.q, a, b)
			}
		}
	})

	t.Run("missing actors are NOT_FOUND", func(t *testing.T) {
		for _, q := range []string{
			`{ actor(id: "state:ATL") { id statementsMade { totalCount edges { node { id } } } } }`,
			`{ dyad(a: "state:ATL", b: "state:USA") { total } }`,
			`{ dyad(a: "state:USA", b: "Atlantis") { total statements { totalCount } } }`,
			`{ timeline(actor: "state:ATL") { buckets { total } } }`,
			`{ timeline(actor: "state:USA", counterpart: "state:ATL") { buckets { total } } }`,
			`{ neighborhood(id: "state:ATL") { nodes { id } } }`,
			`{ neighborhood(id: "Atlantis") { nodes { id } } }`,
		} {
			var resp map[string]any
			if code := errorCode(t, post(t, c, cs, q, &resp)); code != CodeNotFound {
				t.Errorf("%s: code %q", q, code)
			}
		}
	})

	t.Run("existing actors with nothing between them", func(t *testing.T) {
		var resp struct {
			Dyad struct {
				Total      int
				Statements stmtConn
			}
			Timeline struct{ Buckets []struct{ Total int } }
		}
		r := ok(t, `{ dyad(a: "agency:usa/foreign-ministry", b: "state:USA") { total statements { totalCount edges { node { id } } } }
  timeline(actor: "state:USA", from: "2030-01-01") { buckets { total } } }`, &resp)
		if resp.Dyad.Total != 0 || resp.Dyad.Statements.TotalCount != 0 || len(resp.Timeline.Buckets) != 0 {
			t.Fatalf("%+v", resp)
		}
		if r.calls["ResolveActor"] != 0 || r.calls["GetActors"] != 1 {
			t.Errorf("calls %v: the ids should be checked in one GetActors", r.calls)
		}
	})
}

// TestStoreCallsUnderConcurrentRequests runs the dashboard queries from 16
// clients at once with the default loader wait, as the benchmark does: the
// batches must not split when resolvers are scheduled late.
func TestStoreCallsUnderConcurrentRequests(t *testing.T) {
	c, cs := countingServer(t, DefaultLoaderWait)
	states := []string{"state:USA", "state:CHN", "state:RUS", "state:GBR"}
	one := func(name string) func(i int) []client.Option {
		return func(i int) []client.Option { return []client.Option{client.Var(name, states[i%len(states)])} }
	}
	for _, tc := range []struct {
		name, query string
		vars        func(i int) []client.Option
		perRequest  float64
	}{
		// The batches are queued from one goroutine each, so they hold under
		// load; a little slack covers a goroutine descheduled for longer than
		// the wait between two of its own calls.
		{"actor", actorPageQuery, one("id"), 3.2},
		{"dyad", dyadQuery, func(i int) []client.Option {
			return []client.Option{client.Var("a", states[i%len(states)]), client.Var("b", states[(i+1)%len(states)])}
		}, 5.2},
		{"timeline", timelineQuery, one("actor"), 2},
		{"search", searchQuery, func(i int) []client.Option {
			return []client.Option{client.Var("text", []string{"China", "Russia", "ministry", "fixture"}[i%4])}
		}, 4.2},
		// The neighborhood's actors come primed: exactly one call, whatever the timing.
		{"neighborhood", neighborhoodQuery, one("id"), 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			const clients, rounds = 16, 3
			cs.Take()
			var wg sync.WaitGroup
			errs := make(chan error, clients*rounds)
			for i := range clients {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for j := range rounds {
						var resp map[string]any
						if err := c.Post(tc.query, &resp, tc.vars(i+j)...); err != nil {
							errs <- err
						}
					}
				}()
			}
			wg.Wait()
			close(errs)
			for err := range errs {
				t.Fatalf("query: %v", err)
			}
			calls := cs.Take().Calls
			per := float64(sum(calls)) / (clients * rounds)
			t.Logf("%.2f store calls per request: %v", per, calls)
			if per > tc.perRequest {
				t.Errorf("%.2f store calls per request, want at most %.1f: %v", per, tc.perRequest, calls)
			}
		})
	}
}

// result is what one request cost: store calls by method, statement lists
// that asked for reports, and the errors member of the response (nil when none).
type result struct {
	calls       map[string]int
	withReports int
	errors      []map[string]any
}

// post runs one request and counts the store calls it made.
func post(t *testing.T, c *client.Client, cs *storetest.Counting, q string, resp any, vars ...client.Option) result {
	t.Helper()
	cs.Take()
	raw, err := c.RawPost(q, vars...)
	if err != nil {
		t.Fatalf("query: %v", err)
	}
	ct := cs.Take()
	calls, wr := ct.Calls, ct.WithReports
	t.Logf("store calls: %d %v (statement lists with reports: %d)", sum(calls), calls, wr)
	r := result{calls: calls, withReports: wr}
	if len(raw.Errors) > 0 && string(raw.Errors) != "null" {
		if err := json.Unmarshal(raw.Errors, &r.errors); err != nil {
			t.Fatalf("decode errors %s: %v", raw.Errors, err)
		}
	}
	b, err := json.Marshal(raw.Data)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, resp); err != nil {
		t.Fatalf("decode %s: %v", b, err)
	}
	return r
}

// errorCode is the code of the only error of a response.
func errorCode(t *testing.T, r result) string {
	t.Helper()
	if len(r.errors) != 1 {
		t.Fatalf("errors %+v, want one", r.errors)
	}
	ext, _ := r.errors[0]["extensions"].(map[string]any)
	code, _ := ext["code"].(string)
	return code
}

func sum(m map[string]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}
