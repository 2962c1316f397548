package neo4jstore_test

import (
	"context"
	"errors"
	"os"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/demarche/demarche/store"
	"github.com/demarche/demarche/store/neo4jstore"
	st "github.com/demarche/demarche/store/storetest"
)

// testURI returns the Neo4j that the tests may wipe (DEMARCHE_TEST_NEO4J_URI, printed
// by scripts/neo4j-dev/run start). Without it the tests skip, or fail when CI=true.
func testURI(tb testing.TB) string {
	tb.Helper()
	uri := os.Getenv("DEMARCHE_TEST_NEO4J_URI")
	if uri == "" {
		if os.Getenv("CI") == "true" {
			tb.Fatal("DEMARCHE_TEST_NEO4J_URI is not set; in CI the Neo4j conformance run must execute (start it with scripts/neo4j-dev/run start)")
		}
		tb.Skip("DEMARCHE_TEST_NEO4J_URI not set; start a dev Neo4j with: eval \"$(scripts/neo4j-dev/run start)\"")
	}
	return uri
}

// wipe deletes everything in the test database, in batches so that big graphs from
// benchmarks do not need one huge transaction.
func wipe(tb testing.TB, uri string) {
	tb.Helper()
	ctx := context.Background()
	drv, err := neo4j.NewDriverWithContext(uri, neo4j.NoAuth())
	if err != nil {
		tb.Fatal(err)
	}
	defer drv.Close(ctx)
	sess := drv.NewSession(ctx, neo4j.SessionConfig{DatabaseName: os.Getenv("DEMARCHE_TEST_NEO4J_DATABASE")})
	defer sess.Close(ctx)
	// Relationships first, then nodes, in bounded transactions: a benchmark graph has
	// statements with thousands of edges, too many for one DETACH DELETE batch.
	for _, q := range []string{
		"MATCH ()-[r]->() CALL { WITH r DELETE r } IN TRANSACTIONS OF 20000 ROWS",
		"MATCH (n) CALL { WITH n DELETE n } IN TRANSACTIONS OF 20000 ROWS",
	} {
		res, err := sess.Run(ctx, q, nil)
		if err == nil {
			_, err = res.Consume(ctx)
		}
		if err != nil {
			tb.Fatalf("wipe test database: %v", err)
		}
	}
}

// openEmpty opens a store on a wiped test database; the caller closes it.
func openEmpty(tb testing.TB) *neo4jstore.Store {
	tb.Helper()
	uri := testURI(tb)
	wipe(tb, uri)
	s, err := neo4jstore.Open(context.Background(), neo4jstore.Config{
		URI: uri, Database: os.Getenv("DEMARCHE_TEST_NEO4J_DATABASE"),
	})
	if err != nil {
		tb.Fatalf("open: %v", err)
	}
	return s
}

// newStore is openEmpty closed when the test ends.
func newStore(tb testing.TB) *neo4jstore.Store {
	tb.Helper()
	s := openEmpty(tb)
	tb.Cleanup(func() { s.Close() })
	return s
}

// TestConformance runs the shared store suite against Neo4j; every subtest gets a
// wiped database.
func TestConformance(t *testing.T) {
	testURI(t)
	st.RunTests(t, func(t *testing.T) store.Store { return openEmpty(t) })
}

// BenchmarkLoad runs the shared load benchmarks (synthetic articles, batched and one
// by one) against Neo4j.
func BenchmarkLoad(b *testing.B) {
	testURI(b)
	st.RunBenchmarks(b, func(b *testing.B) store.Store { return openEmpty(b) })
}

func put(t *testing.T, s store.Store, gs ...*store.ArticleGraph) []store.PutResult {
	t.Helper()
	var out []store.PutResult
	for _, g := range gs {
		r, err := s.PutArticle(context.Background(), g)
		if err != nil {
			t.Fatalf("put %s: %v", g.Article.ID, err)
		}
		out = append(out, r)
	}
	return out
}

func allStatements(t *testing.T, s store.Store) []store.Statement {
	t.Helper()
	var out []store.Statement
	if err := s.WalkStatements(context.Background(), store.StatementFilter{}, func(x store.Statement) error {
		out = append(out, x)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

func allEdges(t *testing.T, s store.Store) []store.Edge {
	t.Helper()
	var out []store.Edge
	if err := s.Edges(context.Background(), nil, func(e store.Edge) error {
		out = append(out, e)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

func stats(t *testing.T, s store.Store) store.Stats {
	t.Helper()
	x, err := s.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return x
}

// expected derives statements and edges from all reports of the articles with the
// shared code, as every backend must.
func expected(gs ...*store.ArticleGraph) ([]store.Statement, []store.Edge) {
	var rs []store.Report
	for _, g := range gs {
		rs = append(rs, g.Reports...)
	}
	stmts := store.GroupReports(rs, st.Affiliations(), store.DefaultWindow)
	slices.SortFunc(stmts, func(a, b store.Statement) int {
		switch {
		case a.ID < b.ID:
			return -1
		case a.ID > b.ID:
			return 1
		}
		return 0
	})
	edges := store.DirectEdges(stmts)
	for i := range stmts {
		// Stores return nil, not empty, lists.
		if len(stmts[i].TargetIDs) == 0 {
			stmts[i].TargetIDs = nil
		}
	}
	return stmts, edges
}

// strip drops RespondsTo, which expected does not compute.
func strip(xs []store.Statement) []store.Statement {
	out := slices.Clone(xs)
	for i := range out {
		out[i].RespondsTo = nil
	}
	return out
}

func smokeArticles() []*store.ArticleGraph {
	return []*store.ArticleGraph{
		st.Art("a1", "Reuters",
			st.About(st.R(store.Accuses, st.DOJ, st.MSS, 0, "The Justice Department accused the Ministry of State Security."), st.OPM),
			st.R(store.Denies, st.Zhao, st.USA, 1, "Zhao Lijian denied the accusations.")),
		st.Art("a2", "AP",
			st.R(store.Denies, st.MFA, st.USA, 2, "The foreign ministry rejected the claims."),
			st.R(store.Criticizes, st.GBR, st.CHN, 2, "Britain criticized China.")),
		st.Art("a3", "BBC",
			st.R(store.Accuses, st.USA, st.CHN, 20, "Washington accused Beijing again."),
			st.R(store.Sanctions, st.USA, st.APT40, 21, "The US sanctioned APT40.")),
	}
}

func TestOneStatementManyReportsAndOrderIndependence(t *testing.T) {
	s := newStore(t)
	arts := smokeArticles()
	put(t, s, arts[2], arts[0], arts[1])
	wantS, wantE := expected(arts...)
	gotS := allStatements(t, s)
	if !reflect.DeepEqual(strip(gotS), wantS) {
		t.Fatalf("statements:\n got %+v\nwant %+v", strip(gotS), wantS)
	}
	if got := allEdges(t, s); !reflect.DeepEqual(got, wantE) {
		t.Fatalf("edges:\n got %+v\nwant %+v", got, wantE)
	}
	// Zhao's denial (a1) and the ministry's (a2) are one statement with two reports.
	var denial store.Statement
	for _, x := range gotS {
		if x.Kind == store.Denies {
			denial = x
		}
	}
	if len(denial.Reports) != 2 || !slices.Equal(denial.SpeakerIDs, []string{st.Zhao}) {
		t.Fatalf("denial = %+v, want one statement by Zhao with two reports", denial)
	}
	// It answers the DOJ accusation of the Chinese ministry (day 0, CHN <- USA).
	if len(denial.RespondsTo) != 1 {
		t.Fatalf("denial responds to %v, want the accusation", denial.RespondsTo)
	}

	// Loading in another order in a batch gives the same graph.
	s2 := newStore(t)
	if _, err := s2.PutArticles(context.Background(), []*store.ArticleGraph{arts[1], arts[2], arts[0]}); err != nil {
		t.Fatal(err)
	}
	if got := allStatements(t, s2); !reflect.DeepEqual(got, gotS) {
		t.Fatalf("batch load differs:\n got %+v\nwant %+v", got, gotS)
	}
}

func TestReloadIsNoOpAndChangeReplaces(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	arts := smokeArticles()
	put(t, s, arts...)
	before := stats(t, s)
	rs := put(t, s, arts...)
	for _, r := range rs {
		if !r.Unchanged {
			t.Fatalf("reload result %+v, want Unchanged", r)
		}
	}
	if after := stats(t, s); !reflect.DeepEqual(before, after) {
		t.Fatalf("stats changed on reload:\n%v\n%v", before, after)
	}
	if before.Nodes["Statement"] != 5 || before.Edges["REPORTED_IN"] != 6 || before.Nodes["Article"] != 3 {
		t.Fatalf("stats = %+v", before)
	}

	// A changed a3 drops its sanction and keeps the accusation.
	changed := st.Rehash(arts[2], "v2")
	changed.Reports = changed.Reports[:1]
	changed.Actors = slices.DeleteFunc(changed.Actors, func(a store.Actor) bool { return a.ID == st.APT40 })
	r := put(t, s, changed)[0]
	if !r.Replaced || r.Reports != 1 || len(r.Statements) != 1 {
		t.Fatalf("replace result %+v", r)
	}
	wantS, wantE := expected(arts[0], arts[1], changed)
	if got := allStatements(t, s); !reflect.DeepEqual(strip(got), wantS) {
		t.Fatalf("after replace:\n got %+v\nwant %+v", strip(got), wantS)
	}
	if got := allEdges(t, s); !reflect.DeepEqual(got, wantE) {
		t.Fatalf("edges after replace:\n got %+v\nwant %+v", got, wantE)
	}
	// APT40 was only mentioned by the old a3.
	if _, err := s.GetActor(ctx, st.APT40); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("APT40 after replace: %v, want ErrNotFound", err)
	}

	// Deleting a2 removes its report only.
	if err := s.DeleteArticle(ctx, "a2"); err != nil {
		t.Fatal(err)
	}
	wantS, _ = expected(arts[0], changed)
	if got := allStatements(t, s); !reflect.DeepEqual(strip(got), wantS) {
		t.Fatalf("after delete:\n got %+v\nwant %+v", strip(got), wantS)
	}
	if err := s.DeleteArticle(ctx, "a2"); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("second delete: %v, want ErrNotFound", err)
	}
	if _, err := s.GetArticle(ctx, "a2"); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("get deleted: %v", err)
	}
}

func TestMergeSurvivesReload(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	arts := smokeArticles()
	put(t, s, arts...)
	// Wang is curated as the same person as Zhao (a contrived merge for the test).
	a := st.Art("a4", "AFP", st.R(store.Denies, st.Wang, st.USA, 1, "Wang Wenbin denied it."))
	put(t, s, a)
	got, err := s.MergeActors(ctx, st.Zhao, st.Wang)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(got.Aliases, "Wang Wenbin") {
		t.Fatalf("merged aliases %v", got.Aliases)
	}
	if _, err := s.GetActor(ctx, st.Wang); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("merged actor still there: %v", err)
	}
	before := stats(t, s)
	stmts := allStatements(t, s)
	// Reloading a changed a4 that still names Wang goes to Zhao.
	put(t, s, st.Rehash(a, "v2"))
	if after := stats(t, s); !reflect.DeepEqual(before, after) {
		t.Fatalf("stats changed:\n%v\n%v", before, after)
	}
	if after := allStatements(t, s); !reflect.DeepEqual(after, stmts) {
		t.Fatalf("statements changed:\n%+v\n%+v", after, stmts)
	}
	res, err := s.ResolveActor(ctx, "wang wenbin")
	if err != nil || len(res) != 1 || res[0].ID != st.Zhao {
		t.Fatalf("resolve = %v, %v", res, err)
	}
	if _, err := s.MergeActors(ctx, st.Zhao, st.Zhao); !errors.Is(err, store.ErrInvalid) {
		t.Fatalf("self merge: %v", err)
	}
}

func TestQueries(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	put(t, s, smokeArticles()...)

	hits, err := s.Search(ctx, `Justice (Department`, nil, 5)
	if err != nil || len(hits) == 0 || hits[0].ID != st.DOJ {
		t.Fatalf("search = %+v, %v", hits, err)
	}
	hits, err = s.Search(ctx, "accused", []string{"Statement"}, 10)
	if err != nil || len(hits) != 2 {
		t.Fatalf("statement search = %+v, %v", hits, err)
	}

	paths, err := s.Paths(ctx, st.GBR, st.APT40, 4, nil, 5)
	if err != nil || len(paths) != 1 || !slices.Equal(paths[0].ActorIDs, []string{st.GBR, st.CHN, st.USA, st.APT40}) {
		t.Fatalf("paths = %+v, %v", paths, err)
	}
	sub, err := s.Neighborhood(ctx, st.USA, 1, nil, 10)
	if err != nil || len(sub.Actors) != 4 {
		t.Fatalf("neighborhood = %+v, %v", sub, err)
	}

	list, total, err := s.ListStatements(ctx, store.StatementFilter{Speakers: []string{st.CHN}, Rollup: true}, store.Page{Limit: 1})
	if err != nil || total != 1 || len(list) != 1 || list[0].Kind != store.Denies {
		t.Fatalf("rollup list = %+v %d %v", list, total, err)
	}
	counts, err := s.CountStatements(ctx, store.StatementFilter{From: st.D(1), To: st.D(2)})
	if err != nil || !reflect.DeepEqual(counts, []store.KindCount{{Kind: store.Denies, Count: 1}, {Kind: store.Criticizes, Count: 1}}) {
		t.Fatalf("counts = %+v, %v", counts, err)
	}
	tl, err := s.Timeline(ctx, store.StatementFilter{Kinds: []store.StatementKind{store.Accuses}}, store.Month)
	if err != nil || len(tl) != 1 || tl[0].Count != 2 || !tl[0].Start.Equal(time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)) {
		t.Fatalf("timeline = %+v, %v", tl, err)
	}
	cps, err := s.Counterparts(ctx, st.CHN, store.StatementFilter{Rollup: true})
	if err != nil || len(cps) != 2 || cps[0].ActorID != st.USA || cps[0].Total != 3 {
		t.Fatalf("counterparts = %+v, %v", cps, err)
	}
	arts, total, err := s.ListArticles(ctx, store.ArticleFilter{Publisher: "reuters"}, store.Page{})
	if err != nil || total != 1 || arts[0].ID != "a1" || !arts[0].Published.Equal(st.D(0)) {
		t.Fatalf("articles = %+v, %v", arts, err)
	}
	actors, total, err := s.ListActors(ctx, store.ActorFilter{OrderBy: store.ByStatementsMade, Count: store.StatementFilter{Rollup: true}}, store.Page{Limit: 2})
	if err != nil || total != 8 || actors[0].ID != st.USA {
		t.Fatalf("actors by count = %+v %d, %v", actors, total, err)
	}
}

func TestUnavailable(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	_, err := neo4jstore.Open(ctx, neo4jstore.Config{URI: "bolt://127.0.0.1:1"})
	if !errors.Is(err, store.ErrUnavailable) {
		t.Fatalf("open on a closed port: %v, want ErrUnavailable", err)
	}
}
