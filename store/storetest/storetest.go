// Package storetest is the conformance suite every store.Store backend passes.
//
// A backend's test calls RunTests with a constructor of fresh, empty stores; each
// named subtest gets its own store, which the suite closes when the subtest ends.
// The suite checks only what the store.Store contract promises, with errors
// asserted by kind (errors.Is against store.ErrNotFound and store.ErrInvalid), and
// uses a tiny fixture world (World, Art) built by the helpers in this package.
// RunBenchmarks measures loading synthetic articles, batched and one by one.
package storetest

import (
	"context"
	"errors"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/demarche/demarche/store"
)

type subTest struct {
	name string
	run  func(t *testing.T, ctx context.Context, newStore func(t *testing.T) store.Store, s store.Store)
}

var subTests = []subTest{
	{"Ping", testPing},
	{"ArticleRoundTrip", testArticleRoundTrip},
	{"ListArticles", testListArticles},
	{"InvalidArticles", testInvalidArticles},
	{"ActorRoundTrip", testActorRoundTrip},
	{"SameActorsAcrossArticles", testSameActorsAcrossArticles},
	{"ActorAttributesKeepNonEmpty", testActorAttributes},
	{"ResolveActor", testResolveActor},
	{"AddAlias", testAddAlias},
	{"ListActors", testListActors},
	{"ListActorsByStatementCounts", testListActorsByCounts},
	{"Incidents", testIncidents},
	{"SameStatementTwoArticles", testSameStatement},
	{"SeparateStatements", testSeparateStatements},
	{"ReputIsNoop", testReput},
	{"ChangedArticleReplaces", testChangedArticle},
	{"DeleteArticle", testDeleteArticle},
	{"MergeActors", testMergeActors},
	{"MergeSurvivesReput", testMergeSurvivesReput},
	{"LoadOrderIndependence", testLoadOrder},
	{"PutArticlesEqualsSequential", testPutArticlesBatch},
	{"PutArticlesAtomic", testPutArticlesAtomic},
	{"GetStatements", testGetStatements},
	{"StatementFilters", testStatementFilters},
	{"RollupFilters", testRollupFilters},
	{"CountStatements", testCountStatements},
	{"Timeline", testTimeline},
	{"Counterparts", testCounterparts},
	{"Edges", testEdges},
	{"Paths", testPaths},
	{"Neighborhood", testNeighborhood},
	{"Search", testSearch},
	{"Walks", testWalks},
	{"WalkMentions", testWalkMentions},
	{"RespondsTo", testRespondsTo},
	{"Stats", testStats},
	{"Version", testVersion},
}

// RunTests runs the conformance suite. newStore must return an open, empty store;
// the suite closes it when the subtest ends (register other clean-up with t.Cleanup).
// A few subtests ask for a second store to compare two loads; they are done with
// the first before asking, so newStore may wipe a shared database.
func RunTests(t *testing.T, newStore func(t *testing.T) store.Store) {
	t.Helper()
	open := func(t *testing.T) store.Store {
		t.Helper()
		s := newStore(t)
		t.Cleanup(func() {
			if err := s.Close(); err != nil {
				t.Errorf("closing the store: %v", err)
			}
		})
		return s
	}
	for _, st := range subTests {
		t.Run(st.name, func(t *testing.T) {
			st.run(t, t.Context(), open, open(t))
		})
	}
}

// ---- helpers

func put(t *testing.T, ctx context.Context, s store.Store, gs ...*store.ArticleGraph) []store.PutResult {
	t.Helper()
	var out []store.PutResult
	for _, g := range gs {
		res, err := s.PutArticle(ctx, g)
		if err != nil {
			t.Fatalf("PutArticle(%s): %v", g.Article.ID, err)
		}
		out = append(out, res)
	}
	return out
}

func mustBe(t *testing.T, what string, err, want error) {
	t.Helper()
	if !errors.Is(err, want) {
		t.Errorf("%s: got error %v, want %v", what, err, want)
	}
}

func stats(t *testing.T, ctx context.Context, s store.Store) store.Stats {
	t.Helper()
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatalf("Stats: %v", err)
	}
	return normStats(st)
}

// normStats drops zero counts so that backends may omit or include them.
func normStats(st store.Stats) store.Stats {
	out := store.Stats{Nodes: map[string]int{}, Edges: map[string]int{}}
	for k, v := range st.Nodes {
		if v != 0 {
			out.Nodes[k] = v
		}
	}
	for k, v := range st.Edges {
		if v != 0 {
			out.Edges[k] = v
		}
	}
	return out
}

func statements(t *testing.T, ctx context.Context, s store.Store, f store.StatementFilter) []store.Statement {
	t.Helper()
	var out []store.Statement
	if err := s.WalkStatements(ctx, f, func(st store.Statement) error {
		out = append(out, normStatement(st))
		return nil
	}); err != nil {
		t.Fatalf("WalkStatements: %v", err)
	}
	return out
}

func list(t *testing.T, ctx context.Context, s store.Store, f store.StatementFilter) ([]store.Statement, int) {
	t.Helper()
	sts, total, err := s.ListStatements(ctx, f, store.Page{Limit: 1000})
	if err != nil {
		t.Fatalf("ListStatements(%+v): %v", f, err)
	}
	for i := range sts {
		sts[i] = normStatement(sts[i])
	}
	return sts, total
}

func ids[T any](xs []T, id func(T) string) []string {
	out := make([]string, 0, len(xs))
	for _, x := range xs {
		out = append(out, id(x))
	}
	return out
}

func stmtID(s store.Statement) string { return s.ID }
func actorID(a store.Actor) string    { return a.ID }

func edges(t *testing.T, ctx context.Context, s store.Store, kinds ...store.StatementKind) []store.Edge {
	t.Helper()
	var out []store.Edge
	if err := s.Edges(ctx, kinds, func(e store.Edge) error {
		out = append(out, normEdge(e))
		return nil
	}); err != nil {
		t.Fatalf("Edges: %v", err)
	}
	return out
}

func edgeOf(t *testing.T, ctx context.Context, s store.Store, speaker string, kind store.StatementKind, target string) (store.Edge, bool) {
	t.Helper()
	for _, e := range edges(t, ctx, s) {
		if e.SpeakerID == speaker && e.Kind == kind && e.TargetID == target {
			return e, true
		}
	}
	return store.Edge{}, false
}

func utc(t time.Time) time.Time {
	if t.IsZero() {
		return time.Time{}
	}
	return t.UTC()
}

func nilIfEmpty[T any](xs []T) []T {
	if len(xs) == 0 {
		return nil
	}
	return xs
}

// normStatement makes statements from different backends comparable with reflect.DeepEqual.
func normStatement(st store.Statement) store.Statement {
	st.Date = utc(st.Date)
	st.SpeakerIDs = nilIfEmpty(st.SpeakerIDs)
	st.TargetIDs = nilIfEmpty(st.TargetIDs)
	st.RespondsTo = nilIfEmpty(slices.Sorted(slices.Values(st.RespondsTo)))
	rs := make([]store.Report, len(st.Reports))
	for i, r := range st.Reports {
		r.Date = utc(r.Date)
		rs[i] = r
	}
	st.Reports = nilIfEmpty(rs)
	return st
}

func normEdge(e store.Edge) store.Edge {
	e.First, e.Last = utc(e.First), utc(e.Last)
	e.StatementIDs = nilIfEmpty(e.StatementIDs)
	return e
}

func normActor(a store.Actor) store.Actor {
	a.Aliases = nilIfEmpty(a.Aliases)
	return a
}

func equal(t *testing.T, what string, got, want any) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s:\n got  %+v\n want %+v", what, got, want)
	}
}

// expect computes the statements and edges store.GroupReports and DirectEdges
// derive from the reports of gs in the fixture world.
func expect(gs ...*store.ArticleGraph) ([]store.Statement, []store.Edge) {
	var rs []store.Report
	for _, g := range gs {
		for _, r := range g.Reports {
			r.ArticleID = g.Article.ID
			rs = append(rs, r)
		}
	}
	sts := store.GroupReports(rs, Affiliations(), store.DefaultWindow)
	es := store.DirectEdges(sts)
	sort.Slice(sts, func(i, j int) bool { return sts[i].ID < sts[j].ID })
	for i := range sts {
		sts[i] = normStatement(sts[i])
	}
	for i := range es {
		es[i] = normEdge(es[i])
	}
	return sts, es
}

// withoutResponses drops RespondsTo (checked on its own) and statement fields
// that depend on reports' text, for comparing with expect.
func withoutResponses(sts []store.Statement) []store.Statement {
	out := slices.Clone(sts)
	for i := range out {
		out[i].RespondsTo = nil
	}
	return out
}

func kc(pairs ...any) []store.KindCount {
	var out []store.KindCount
	for i := 0; i < len(pairs); i += 2 {
		out = append(out, store.KindCount{Kind: pairs[i].(store.StatementKind), Count: pairs[i+1].(int)})
	}
	return out
}

// ---- the fixture corpus used by the query tests

// corpus is a small, varied graph:
//   - a1 (Reuters): the DOJ indicts APT40 (OPM) on day 0; the US accuses China on day 0.
//   - a2 (AP): Zhao denies the US accusation on day 1; the US accuses China on day 1 (same act as a1's).
//   - a3 (BBC): the UK criticizes China on day 10; the MFA threatens the UK on day 40.
//   - a4 (Reuters): NATO demands of China on day 40; Wang denies (no target) on day 41.
func corpus() []*store.ArticleGraph {
	return []*store.ArticleGraph{
		Art("art:a1", "Reuters",
			About(R(store.Indicts, DOJ, APT40, 0, "The Justice Department indicted four APT40 hackers over the breach."), OPM),
			R(store.Accuses, USA, CHN, 0, "Washington accused Beijing of a campaign of cyber espionage.")),
		Art("art:a2", "AP",
			R(store.Denies, Zhao, USA, 1, "Zhao Lijian rejected the American accusations as groundless smears."),
			R(store.Accuses, USA, CHN, 1, "The United States accused China of hacking.")),
		Art("art:a3", "BBC",
			R(store.Criticizes, GBR, CHN, 10, "London criticized Beijing over the campaign."),
			R(store.Threatens, MFA, GBR, 40, "The foreign ministry warned London of countermeasures.")),
		Art("art:a4", "Reuters",
			R(store.Demands, NATO, CHN, 40, "NATO demanded that China stop malicious cyber activity."),
			R(store.Denies, Wang, "", 41, "Wang Wenbin denied the accusations.")),
	}
}

func loadCorpus(t *testing.T, ctx context.Context, s store.Store) []*store.ArticleGraph {
	t.Helper()
	c := corpus()
	put(t, ctx, s, c...)
	return c
}

// ---- tests

func testPing(t *testing.T, ctx context.Context, _ func(*testing.T) store.Store, s store.Store) {
	if err := s.Ping(ctx); err != nil {
		t.Fatalf("Ping: %v", err)
	}
	if st := stats(t, ctx, s); len(st.Nodes)+len(st.Edges) != 0 {
		t.Errorf("a new store is not empty: %+v", st)
	}
}

func testArticleRoundTrip(t *testing.T, ctx context.Context, _ func(*testing.T) store.Store, s store.Store) {
	g := Art("art:0001", "Reuters", R(store.Accuses, USA, CHN, 0, "The US accused China."))
	g.Article.Published = time.Date(2025, 3, 3, 14, 30, 0, 0, time.UTC)
	g.Article.Title = "US accuses China"
	g.Article.Body = "First paragraph.\n\nSecond paragraph."
	res := put(t, ctx, s, g)[0]
	if res.Unchanged || res.Replaced || res.Reports != 1 || res.NewActors != 2 || res.MergedActors != 0 || len(res.Statements) != 1 {
		t.Errorf("PutResult = %+v, want a new article with 1 report, 2 new actors and 1 statement", res)
	}
	got, err := s.GetArticle(ctx, "art:0001")
	if err != nil {
		t.Fatalf("GetArticle: %v", err)
	}
	got.Published = utc(got.Published)
	equal(t, "GetArticle", got, g.Article)
	byURL, err := s.GetArticleByURL(ctx, g.Article.URL)
	if err != nil {
		t.Fatalf("GetArticleByURL: %v", err)
	}
	if byURL.ID != g.Article.ID {
		t.Errorf("GetArticleByURL = %q, want %q", byURL.ID, g.Article.ID)
	}
	_, err = s.GetArticle(ctx, "art:missing")
	mustBe(t, "GetArticle(missing)", err, store.ErrNotFound)
	_, err = s.GetArticleByURL(ctx, "https://news.example/missing")
	mustBe(t, "GetArticleByURL(missing)", err, store.ErrNotFound)
	st, err := s.GetStatement(ctx, res.Statements[0])
	if err != nil {
		t.Fatalf("GetStatement: %v", err)
	}
	st = normStatement(st)
	if st.Kind != store.Accuses || !slices.Equal(st.SpeakerIDs, []string{USA}) || !slices.Equal(st.TargetIDs, []string{CHN}) ||
		!st.Date.Equal(D(0)) || st.Confidence != 0.9 || len(st.Reports) != 1 {
		t.Errorf("statement = %+v", st)
	}
	r := st.Reports[0]
	want := g.Reports[0]
	if r.ArticleID != "art:0001" || r.Index != 0 || r.Evidence != want.Evidence || r.Kind != store.Accuses ||
		r.SpeakerID != USA || r.TargetID != CHN || !r.Date.Equal(D(0)) {
		t.Errorf("report = %+v, want %+v", r, want)
	}
	if st.Evidence() != want.Evidence {
		t.Errorf("Evidence() = %q", st.Evidence())
	}
}

func testListArticles(t *testing.T, ctx context.Context, _ func(*testing.T) store.Store, s store.Store) {
	loadCorpus(t, ctx, s)
	all, total, err := s.ListArticles(ctx, store.ArticleFilter{}, store.Page{})
	if err != nil {
		t.Fatalf("ListArticles: %v", err)
	}
	// Newest first, ties by id: a3 and a4 are both... a4 is day 40, a3 day 10, a1 day 0, a2 day 1.
	equal(t, "ListArticles order", ids(all, func(a store.Article) string { return a.ID }), []string{"art:a4", "art:a3", "art:a2", "art:a1"})
	if total != 4 {
		t.Errorf("total = %d, want 4", total)
	}
	page, total, err := s.ListArticles(ctx, store.ArticleFilter{}, store.Page{Offset: 1, Limit: 2})
	if err != nil {
		t.Fatalf("ListArticles page: %v", err)
	}
	equal(t, "ListArticles page", ids(page, func(a store.Article) string { return a.ID }), []string{"art:a3", "art:a2"})
	if total != 4 {
		t.Errorf("paged total = %d, want 4", total)
	}
	for _, c := range []struct {
		name string
		f    store.ArticleFilter
		want []string
	}{
		{"publisher", store.ArticleFilter{Publisher: "reuters"}, []string{"art:a4", "art:a1"}},
		{"ids", store.ArticleFilter{IDs: []string{"art:a1", "art:a3", "art:none"}}, []string{"art:a3", "art:a1"}},
		{"from", store.ArticleFilter{From: D(1)}, []string{"art:a4", "art:a3", "art:a2"}},
		{"to", store.ArticleFilter{To: D(1)}, []string{"art:a2", "art:a1"}},
		{"title", store.ArticleFilter{TitleContains: "REPORT ART:A3"}, []string{"art:a3"}},
	} {
		got, n, err := s.ListArticles(ctx, c.f, store.Page{})
		if err != nil {
			t.Fatalf("ListArticles(%s): %v", c.name, err)
		}
		equal(t, "ListArticles("+c.name+")", ids(got, func(a store.Article) string { return a.ID }), c.want)
		if n != len(c.want) {
			t.Errorf("ListArticles(%s) total = %d, want %d", c.name, n, len(c.want))
		}
	}
}

func testInvalidArticles(t *testing.T, ctx context.Context, _ func(*testing.T) store.Store, s store.Store) {
	good := Art("art:ok", "AP", R(store.Accuses, USA, CHN, 0, "x"))
	noID := Rehash(good, "v1")
	noID.Article.ID = ""
	badKind := Rehash(good, "v1")
	badKind.Reports[0].Kind = "PRAISES"
	strangerSpeaker := Rehash(good, "v1")
	strangerSpeaker.Reports[0].SpeakerID = GBR
	badActor := Rehash(good, "v1")
	badActor.Actors[0].Kind = "PLANET"
	badIncident := Rehash(good, "v1")
	badIncident.Reports[0].IncidentID = OPM
	for name, g := range map[string]*store.ArticleGraph{
		"no id": noID, "bad kind": badKind, "speaker not among actors": strangerSpeaker,
		"bad actor kind": badActor, "incident not among incidents": badIncident,
	} {
		_, err := s.PutArticle(ctx, g)
		mustBe(t, "PutArticle("+name+")", err, store.ErrInvalid)
	}
	if st := stats(t, ctx, s); len(st.Nodes)+len(st.Edges) != 0 {
		t.Errorf("invalid articles left something: %+v", st)
	}
	_, err := s.GetArticle(ctx, "art:ok")
	mustBe(t, "GetArticle after invalid puts", err, store.ErrNotFound)
}

func testActorRoundTrip(t *testing.T, ctx context.Context, _ func(*testing.T) store.Store, s store.Store) {
	put(t, ctx, s, Art("art:1", "AP", R(store.Denies, Zhao, USA, 0, "Zhao denied.")))
	w := World()
	for _, id := range []string{Zhao, MFA, CHN, USA} {
		a, err := s.GetActor(ctx, id)
		if err != nil {
			t.Fatalf("GetActor(%s): %v", id, err)
		}
		equal(t, "GetActor("+id+")", normActor(a), w[id])
	}
	_, err := s.GetActor(ctx, DOJ)
	mustBe(t, "GetActor(never mentioned)", err, store.ErrNotFound)
	got, err := s.GetActors(ctx, []string{USA, "state:XXX", Zhao, CHN})
	if err != nil {
		t.Fatalf("GetActors: %v", err)
	}
	equal(t, "GetActors order", ids(got, actorID), []string{USA, Zhao, CHN})
}

func testSameActorsAcrossArticles(t *testing.T, ctx context.Context, _ func(*testing.T) store.Store, s store.Store) {
	a := Art("art:1", "AP", R(store.Accuses, USA, CHN, 0, "x"))
	a = WithActor(a, store.Actor{ID: CHN, Kind: store.State, Name: "China", Aliases: []string{"Beijing"}, Country: "CHN"})
	b := Art("art:2", "BBC", R(store.Accuses, DOJ, CHN, 30, "y"))
	b = WithActor(b, store.Actor{ID: CHN, Kind: store.State, Name: "China", Aliases: []string{"the Chinese side", "Beijing"}, Country: "CHN"})
	b = WithActor(b, store.Actor{ID: USA, Kind: store.State, Name: "United States", Aliases: []string{"Washington"}, Country: "USA"})
	res := put(t, ctx, s, a, b)
	if res[1].NewActors != 1 || res[1].MergedActors != 2 {
		t.Errorf("second put = %+v, want 1 new actor (DOJ) and 2 merged", res[1])
	}
	chn, err := s.GetActor(ctx, CHN)
	if err != nil {
		t.Fatal(err)
	}
	equal(t, "aliases of China", chn.Aliases, []string{"Beijing", "the Chinese side"})
	usa, err := s.GetActor(ctx, USA)
	if err != nil {
		t.Fatal(err)
	}
	equal(t, "aliases of the US", usa.Aliases, []string{"Washington"})
	st := stats(t, ctx, s)
	if st.Nodes["Actor"] != 3 || st.Nodes["State"] != 2 || st.Nodes["Agency"] != 1 {
		t.Errorf("actor nodes = %+v, want 3 actors (2 states, 1 agency)", st.Nodes)
	}
}

func testActorAttributes(t *testing.T, ctx context.Context, _ func(*testing.T) store.Store, s store.Store) {
	bare := store.Actor{ID: Zhao, Kind: store.Person, Name: "Zhao Lijian"}
	a := WithActor(Art("art:1", "AP", R(store.Denies, Zhao, USA, 0, "x")), bare)
	// Drop the ministry and China: the bare person names neither.
	a.Actors = slices.DeleteFunc(a.Actors, func(x store.Actor) bool { return x.ID == MFA || x.ID == CHN })
	put(t, ctx, s, a)
	b := Art("art:2", "AP", R(store.Denies, Zhao, USA, 20, "y"))
	c := WithActor(Art("art:3", "AP", R(store.Denies, Zhao, USA, 40, "z")), store.Actor{ID: Zhao, Kind: store.Person, Name: "Zhao Lijian", AffiliationID: MFA})
	put(t, ctx, s, b, c)
	got, err := s.GetActor(ctx, Zhao)
	if err != nil {
		t.Fatal(err)
	}
	equal(t, "Zhao after three articles", normActor(got), World()[Zhao])
	// Once Zhao is affiliated, his denials roll up to China: one edge set, keys by CHN.
	sts, _ := list(t, ctx, s, store.StatementFilter{Speakers: []string{CHN}, Rollup: true})
	if len(sts) != 3 {
		t.Errorf("statements rolled up to China = %d, want 3", len(sts))
	}
	want, _ := expect(a, b, c)
	equal(t, "statements", withoutResponses(statements(t, ctx, s, store.StatementFilter{})), want)
}

func testResolveActor(t *testing.T, ctx context.Context, _ func(*testing.T) store.Store, s store.Store) {
	g := Art("art:1", "AP", R(store.Denies, Zhao, USA, 0, "x"), R(store.Denies, Wang, USA, 0, "y"))
	g = WithActor(g, store.Actor{ID: Zhao, Kind: store.Person, Name: "Zhao Lijian", Aliases: []string{"Spokesperson"}, Country: "CHN", AffiliationID: MFA, Role: "spokesperson"})
	g = WithActor(g, store.Actor{ID: Wang, Kind: store.Person, Name: "Wang Wenbin", Aliases: []string{"Spokesperson"}, Country: "CHN", AffiliationID: MFA, Role: "spokesperson"})
	g = WithActor(g, store.Actor{ID: USA, Kind: store.State, Name: "United States", Aliases: []string{"Washington"}, Country: "USA"})
	put(t, ctx, s, g)
	for _, c := range []struct {
		ref  string
		want []string
	}{
		{Zhao, []string{Zhao}},
		{"zhao lijian", []string{Zhao}},
		{"WASHINGTON", []string{USA}},
		{"United States", []string{USA}},
		{"Nobody", nil},
	} {
		got, err := s.ResolveActor(ctx, c.ref)
		if err != nil {
			t.Fatalf("ResolveActor(%q): %v", c.ref, err)
		}
		equal(t, "ResolveActor("+c.ref+")", nilIfEmpty(ids(got, actorID)), c.want)
	}
	got, err := s.ResolveActor(ctx, "spokesperson")
	if err != nil {
		t.Fatal(err)
	}
	equal(t, "ResolveActor(shared alias)", slices.Sorted(slices.Values(ids(got, actorID))), []string{Wang, Zhao})
}

func testAddAlias(t *testing.T, ctx context.Context, _ func(*testing.T) store.Store, s store.Store) {
	put(t, ctx, s, Art("art:1", "AP", R(store.Accuses, DOJ, CHN, 0, "x")))
	a, err := s.AddAlias(ctx, DOJ, "Justice Department")
	if err != nil {
		t.Fatalf("AddAlias: %v", err)
	}
	if !slices.Contains(a.Aliases, "Justice Department") {
		t.Errorf("AddAlias returned %+v without the alias", a)
	}
	got, err := s.ResolveActor(ctx, "justice department")
	if err != nil {
		t.Fatal(err)
	}
	equal(t, "ResolveActor(new alias)", ids(got, actorID), []string{DOJ})
	// Adding it again changes nothing.
	if _, err := s.AddAlias(ctx, DOJ, "Justice Department"); err != nil {
		t.Fatal(err)
	}
	a, _ = s.GetActor(ctx, DOJ)
	equal(t, "aliases after a repeated AddAlias", a.Aliases, []string{"Justice Department"})
	_, err = s.AddAlias(ctx, "agency:xxx/none", "Nobody")
	mustBe(t, "AddAlias(missing actor)", err, store.ErrNotFound)
	_, err = s.AddAlias(ctx, DOJ, "")
	mustBe(t, "AddAlias(empty alias)", err, store.ErrInvalid)
}

func testListActors(t *testing.T, ctx context.Context, _ func(*testing.T) store.Store, s store.Store) {
	loadCorpus(t, ctx, s)
	list := func(f store.ActorFilter, p store.Page) ([]string, int) {
		t.Helper()
		as, total, err := s.ListActors(ctx, f, p)
		if err != nil {
			t.Fatalf("ListActors(%+v): %v", f, err)
		}
		return ids(as, actorID), total
	}
	all, total := list(store.ActorFilter{OrderBy: store.ByName}, store.Page{})
	// By name: APT40, China, Department of Justice, Ministry of Foreign Affairs, NATO,
	// United Kingdom, United States, Wang Wenbin, Zhao Lijian.
	equal(t, "ListActors by name", all, []string{APT40, CHN, DOJ, MFA, NATO, GBR, USA, Wang, Zhao})
	if total != 9 {
		t.Errorf("total = %d, want 9", total)
	}
	page, total := list(store.ActorFilter{OrderBy: store.ByName}, store.Page{Offset: 2, Limit: 3})
	equal(t, "ListActors page", page, []string{DOJ, MFA, NATO})
	if total != 9 {
		t.Errorf("paged total = %d, want 9", total)
	}
	for _, c := range []struct {
		name string
		f    store.ActorFilter
		want []string
	}{
		{"kinds", store.ActorFilter{Kinds: []store.ActorKind{store.State, store.Organization}}, []string{CHN, NATO, GBR, USA}},
		{"name contains", store.ActorFilter{NameContains: "MINISTRY"}, []string{MFA}},
		{"country", store.ActorFilter{Country: "CHN"}, []string{CHN, MFA, Wang, Zhao}},
		{"affiliation", store.ActorFilter{AffiliationID: MFA}, []string{Wang, Zhao}},
		{"ids", store.ActorFilter{IDs: []string{Zhao, USA, "state:XXX"}}, []string{USA, Zhao}},
	} {
		c.f.OrderBy = store.ByName
		got, n := list(c.f, store.Page{})
		equal(t, "ListActors("+c.name+")", got, c.want)
		if n != len(c.want) {
			t.Errorf("ListActors(%s) total = %d, want %d", c.name, n, len(c.want))
		}
	}
	// Aliases match NameContains too.
	if _, err := s.AddAlias(ctx, GBR, "Britain"); err != nil {
		t.Fatal(err)
	}
	got, _ := list(store.ActorFilter{NameContains: "brit", OrderBy: store.ByName}, store.Page{})
	equal(t, "ListActors(alias contains)", got, []string{GBR})
}

func testListActorsByCounts(t *testing.T, ctx context.Context, _ func(*testing.T) store.Store, s store.Store) {
	loadCorpus(t, ctx, s)
	top := func(f store.ActorFilter, n int) []string {
		t.Helper()
		as, _, err := s.ListActors(ctx, f, store.Page{Limit: n})
		if err != nil {
			t.Fatalf("ListActors(%+v): %v", f, err)
		}
		return ids(as, actorID)
	}
	// Statements: USA→CHN accuses (1, two reports), DOJ→APT40 indicts, Zhao→USA denies,
	// GBR→CHN criticizes, MFA→GBR threatens, NATO→CHN demands, Wang denies (no target).
	// Made: DOJ, GBR, MFA, NATO, USA, Wang, Zhao 1 each; ties by name.
	equal(t, "by statements made", top(store.ActorFilter{OrderBy: store.ByStatementsMade}, 3), []string{DOJ, MFA, NATO})
	// Received: CHN 3, then APT40, GBR, USA 1 each.
	equal(t, "by statements received", top(store.ActorFilter{OrderBy: store.ByStatementsReceived}, 4), []string{CHN, APT40, GBR, USA})
	// Total: CHN 3, GBR 2, USA 2, then 1s by name: APT40, DOJ...
	equal(t, "by statements total", top(store.ActorFilter{OrderBy: store.ByStatementsTotal}, 5), []string{CHN, GBR, USA, APT40, DOJ})
	// Rolled up, China made Zhao's, Wang's and the MFA's statements: 3.
	equal(t, "by statements made, rolled up", top(store.ActorFilter{OrderBy: store.ByStatementsMade, Count: store.StatementFilter{Rollup: true}}, 3),
		[]string{CHN, MFA, USA})
	// Only denials: Wang and Zhao made one each; China none without rollup.
	equal(t, "by denials made", top(store.ActorFilter{OrderBy: store.ByStatementsMade, Count: store.StatementFilter{Kinds: []store.StatementKind{store.Denies}}}, 2),
		[]string{Wang, Zhao})
	// Only statements dated from day 10: GBR criticizes, MFA threatens, NATO demands, Wang denies.
	equal(t, "by statements received from day 10", top(store.ActorFilter{OrderBy: store.ByStatementsReceived, Count: store.StatementFilter{From: D(10)}}, 2),
		[]string{CHN, GBR})
}

func testIncidents(t *testing.T, ctx context.Context, _ func(*testing.T) store.Store, s store.Store) {
	a := Art("art:1", "AP", About(R(store.Accuses, USA, CHN, 0, "x"), OPM))
	b := Art("art:2", "BBC", About(R(store.Accuses, USA, CHN, 0, "y"), OPM), About(R(store.Accuses, GBR, CHN, 300, "z"), SolarWinds))
	b.Incidents[0].Aliases = []string{"OPM hack"}
	res := put(t, ctx, s, a, b)
	if res[0].NewIncidents != 1 || res[1].NewIncidents != 1 {
		t.Errorf("NewIncidents = %d, %d, want 1, 1", res[0].NewIncidents, res[1].NewIncidents)
	}
	in, err := s.GetIncident(ctx, OPM)
	if err != nil {
		t.Fatalf("GetIncident: %v", err)
	}
	want := Incidents()[OPM]
	want.Aliases = []string{"OPM hack"}
	equal(t, "GetIncident", in, want)
	_, err = s.GetIncident(ctx, "incident:none")
	mustBe(t, "GetIncident(missing)", err, store.ErrNotFound)
	got, err := s.GetIncidents(ctx, []string{SolarWinds, "incident:none", OPM})
	if err != nil {
		t.Fatal(err)
	}
	equal(t, "GetIncidents", ids(got, func(i store.Incident) string { return i.ID }), []string{SolarWinds, OPM})
	for _, c := range []struct {
		name string
		f    store.IncidentFilter
		want []string
	}{
		{"all", store.IncidentFilter{}, []string{OPM, SolarWinds}},
		{"name", store.IncidentFilter{NameContains: "solarwinds"}, []string{SolarWinds}},
		{"alias", store.IncidentFilter{NameContains: "opm HACK"}, []string{OPM}},
		{"year", store.IncidentFilter{Year: 2015}, []string{OPM}},
		{"ids", store.IncidentFilter{IDs: []string{SolarWinds}}, []string{SolarWinds}},
	} {
		got, n, err := s.ListIncidents(ctx, c.f, store.Page{})
		if err != nil {
			t.Fatalf("ListIncidents(%s): %v", c.name, err)
		}
		equal(t, "ListIncidents("+c.name+")", slices.Sorted(slices.Values(ids(got, func(i store.Incident) string { return i.ID }))), c.want)
		if n != len(c.want) {
			t.Errorf("ListIncidents(%s) total = %d, want %d", c.name, n, len(c.want))
		}
	}
	page, n, err := s.ListIncidents(ctx, store.IncidentFilter{}, store.Page{Limit: 1})
	if err != nil || len(page) != 1 || n != 2 {
		t.Errorf("ListIncidents(limit 1) = %d items, total %d, %v; want 1 of 2", len(page), n, err)
	}
	sts, _ := list(t, ctx, s, store.StatementFilter{Incident: OPM})
	if len(sts) != 1 || sts[0].IncidentID != OPM || len(sts[0].Reports) != 2 {
		t.Errorf("statements about OPM = %+v, want one with two reports", sts)
	}
}

func testSameStatement(t *testing.T, ctx context.Context, _ func(*testing.T) store.Store, s store.Store) {
	// Zhao (person → MFA → China) on day 0 and "the Foreign Ministry" on day 2: the same
	// denial of the US; the Justice Department and the US are the same top-level target.
	a := Art("art:1", "Reuters", R(store.Denies, Zhao, USA, 0, "Zhao Lijian denied the charges."))
	b := Art("art:2", "AP", R(store.Denies, MFA, DOJ, 2, "The Chinese Foreign Ministry rejected the indictment."))
	res := put(t, ctx, s, a, b)
	sts := statements(t, ctx, s, store.StatementFilter{})
	if len(sts) != 1 {
		t.Fatalf("statements = %d, want 1: %+v", len(sts), sts)
	}
	st := sts[0]
	if len(st.Reports) != 2 || st.Reports[0].ArticleID != "art:1" || st.Reports[1].ArticleID != "art:2" {
		t.Errorf("reports = %+v, want art:1 then art:2", st.Reports)
	}
	want, wantEdges := expect(a, b)
	equal(t, "statement", withoutResponses(sts), want)
	if !st.Date.Equal(D(0)) {
		t.Errorf("date = %v, want the earliest report's", st.Date)
	}
	equal(t, "speakers (most specific)", st.SpeakerIDs, []string{Zhao})
	equal(t, "targets (most specific)", st.TargetIDs, []string{DOJ})
	if !slices.Equal(res[1].Statements, []string{st.ID}) {
		t.Errorf("second PutResult statements = %v, want [%s]", res[1].Statements, st.ID)
	}
	e, ok := edgeOf(t, ctx, s, Zhao, store.Denies, DOJ)
	if !ok || e.Count != 1 || e.Reports != 2 || !e.First.Equal(D(0)) || !e.Last.Equal(D(2)) || !slices.Equal(e.StatementIDs, []string{st.ID}) {
		t.Errorf("edge Zhao DENIES DOJ = %+v (found %v), want count 1, reports 2, first day 0, last day 2", e, ok)
	}
	equal(t, "edges", edges(t, ctx, s), wantEdges)
	n := stats(t, ctx, s)
	if n.Nodes["Statement"] != 1 || n.Edges["REPORTED_IN"] != 2 || n.Edges["DENIES"] != 1 {
		t.Errorf("stats = %+v, want 1 Statement, 2 REPORTED_IN, 1 DENIES", n)
	}
}

func testSeparateStatements(t *testing.T, ctx context.Context, _ func(*testing.T) store.Store, s store.Store) {
	gs := []*store.ArticleGraph{
		Art("art:1", "AP", R(store.Accuses, USA, CHN, 0, "a")),
		Art("art:2", "AP", R(store.Accuses, USA, CHN, 3, "b")),  // within 3 days of day 0: same act
		Art("art:3", "AP", R(store.Accuses, USA, CHN, 10, "c")), // a week later: a new act
		Art("art:4", "AP", R(store.Criticizes, USA, CHN, 10, "d")),
		Art("art:5", "AP", About(R(store.Accuses, GBR, CHN, 20, "e"), OPM)),
		Art("art:6", "AP", About(R(store.Accuses, GBR, CHN, 20, "f"), SolarWinds)), // another incident
		Art("art:7", "AP", R(store.Accuses, GBR, CHN, 21, "g")),                    // no incident: joins one
	}
	put(t, ctx, s, gs...)
	want, wantEdges := expect(gs...)
	got := withoutResponses(statements(t, ctx, s, store.StatementFilter{}))
	equal(t, "statements", got, want)
	if len(got) != 5 {
		t.Errorf("statements = %d, want 5", len(got))
	}
	equal(t, "edges", edges(t, ctx, s), wantEdges)
	e, _ := edgeOf(t, ctx, s, USA, store.Accuses, CHN)
	if e.Count != 2 || e.Reports != 3 {
		t.Errorf("USA ACCUSES CHN = %+v, want count 2, reports 3", e)
	}
}

func testReput(t *testing.T, ctx context.Context, _ func(*testing.T) store.Store, s store.Store) {
	c := loadCorpus(t, ctx, s)
	before := stats(t, ctx, s)
	sts := statements(t, ctx, s, store.StatementFilter{})
	es := edges(t, ctx, s)
	for _, g := range c {
		res, err := s.PutArticle(ctx, g)
		if err != nil {
			t.Fatalf("re-put %s: %v", g.Article.ID, err)
		}
		if !res.Unchanged || res.Replaced || res.NewActors != 0 || res.NewIncidents != 0 {
			t.Errorf("re-put %s = %+v, want Unchanged", g.Article.ID, res)
		}
	}
	equal(t, "stats after re-put", stats(t, ctx, s), before)
	equal(t, "statements after re-put", statements(t, ctx, s, store.StatementFilter{}), sts)
	equal(t, "edges after re-put", edges(t, ctx, s), es)
}

func testChangedArticle(t *testing.T, ctx context.Context, _ func(*testing.T) store.Store, s store.Store) {
	a := Art("art:1", "AP", R(store.Accuses, USA, CHN, 0, "a"), R(store.Accuses, USA, CHN, 20, "a2"))
	b := Art("art:2", "BBC", R(store.Accuses, USA, CHN, 1, "b"))
	put(t, ctx, s, a, b)
	if e, _ := edgeOf(t, ctx, s, USA, store.Accuses, CHN); e.Count != 2 || e.Reports != 2 {
		t.Fatalf("before: edge = %+v, want count 2, reports 2", e)
	}
	// The new version drops the day-20 accusation and adds a UK criticism.
	a2 := Art("art:1", "AP", R(store.Accuses, USA, CHN, 0, "a"), R(store.Criticizes, GBR, CHN, 5, "c"))
	a2.Article.Hash = "v2"
	res := put(t, ctx, s, a2)[0]
	if !res.Replaced || res.Unchanged || len(res.Statements) != 2 {
		t.Errorf("PutResult = %+v, want Replaced with 2 statements", res)
	}
	e, _ := edgeOf(t, ctx, s, USA, store.Accuses, CHN)
	if e.Count != 1 || e.Reports != 2 || !e.Last.Equal(D(1)) {
		t.Errorf("after: edge USA ACCUSES CHN = %+v, want count 1, reports 2, last day 1", e)
	}
	want, wantEdges := expect(a2, b)
	equal(t, "statements", withoutResponses(statements(t, ctx, s, store.StatementFilter{})), want)
	equal(t, "edges", edges(t, ctx, s), wantEdges)
	got, err := s.GetArticle(ctx, "art:1")
	if err != nil || got.Hash != "v2" {
		t.Errorf("GetArticle after replace = %+v, %v; want hash v2", got, err)
	}
}

func testDeleteArticle(t *testing.T, ctx context.Context, _ func(*testing.T) store.Store, s store.Store) {
	a := Art("art:1", "AP", R(store.Accuses, USA, CHN, 0, "a"), About(R(store.Indicts, DOJ, APT40, 0, "i"), OPM))
	b := Art("art:2", "BBC", R(store.Accuses, USA, CHN, 1, "b"))
	put(t, ctx, s, a, b)
	if err := s.DeleteArticle(ctx, "art:1"); err != nil {
		t.Fatalf("DeleteArticle: %v", err)
	}
	_, err := s.GetArticle(ctx, "art:1")
	mustBe(t, "GetArticle(deleted)", err, store.ErrNotFound)
	want, wantEdges := expect(b)
	equal(t, "statements after delete", withoutResponses(statements(t, ctx, s, store.StatementFilter{})), want)
	equal(t, "edges after delete", edges(t, ctx, s), wantEdges)
	for _, id := range []string{DOJ, APT40} {
		_, err := s.GetActor(ctx, id)
		mustBe(t, "GetActor("+id+") mentioned only by the deleted article", err, store.ErrNotFound)
	}
	for _, id := range []string{USA, CHN} {
		if _, err := s.GetActor(ctx, id); err != nil {
			t.Errorf("GetActor(%s) still mentioned: %v", id, err)
		}
	}
	_, err = s.GetIncident(ctx, OPM)
	mustBe(t, "GetIncident(mentioned only by the deleted article)", err, store.ErrNotFound)
	st := stats(t, ctx, s)
	if st.Nodes["Article"] != 1 || st.Nodes["Actor"] != 2 || st.Nodes["Statement"] != 1 || st.Edges["REPORTED_IN"] != 1 || st.Nodes["Incident"] != 0 {
		t.Errorf("stats after delete = %+v", st)
	}
	mustBe(t, "DeleteArticle(missing)", s.DeleteArticle(ctx, "art:1"), store.ErrNotFound)
	// Deleting the last article empties the graph.
	if err := s.DeleteArticle(ctx, "art:2"); err != nil {
		t.Fatal(err)
	}
	if st := stats(t, ctx, s); len(st.Nodes)+len(st.Edges) != 0 {
		t.Errorf("stats after deleting everything = %+v", st)
	}
}

// dupZhao is Zhao Lijian under a second id, as a careless resolver might create.
const dupZhao = "person:chn/zhao"

func dupZhaoArticle() *store.ArticleGraph {
	g := Art("art:2", "BBC", R(store.Denies, MFA, USA, 30, "The ministry denied."))
	g = WithActor(g, store.Actor{ID: dupZhao, Kind: store.Person, Name: "Zhao", Aliases: []string{"Lijian Zhao"}, Country: "CHN", AffiliationID: MFA})
	g.Reports[0].SpeakerID = dupZhao
	return g
}

func testMergeActors(t *testing.T, ctx context.Context, _ func(*testing.T) store.Store, s store.Store) {
	a := Art("art:1", "AP", R(store.Denies, Zhao, USA, 0, "Zhao Lijian denied."))
	b := dupZhaoArticle()
	put(t, ctx, s, a, b)
	if n := stats(t, ctx, s).Nodes["Person"]; n != 2 {
		t.Fatalf("persons before merge = %d, want 2", n)
	}
	got, err := s.MergeActors(ctx, Zhao, dupZhao)
	if err != nil {
		t.Fatalf("MergeActors: %v", err)
	}
	equal(t, "merged aliases", got.Aliases, []string{"Lijian Zhao", "Zhao"})
	if got.ID != Zhao || got.Name != "Zhao Lijian" || got.AffiliationID != MFA {
		t.Errorf("merged actor = %+v", got)
	}
	if n := stats(t, ctx, s).Nodes["Person"]; n != 1 {
		t.Errorf("persons after merge = %d, want 1", n)
	}
	sts := statements(t, ctx, s, store.StatementFilter{})
	for _, st := range sts {
		if slices.Contains(st.SpeakerIDs, dupZhao) {
			t.Errorf("statement %s still names the merged id", st.ID)
		}
	}
	byZhao, _ := list(t, ctx, s, store.StatementFilter{Speakers: []string{Zhao}})
	if len(byZhao) != 2 {
		t.Errorf("statements by Zhao after merge = %d, want 2", len(byZhao))
	}
	e, ok := edgeOf(t, ctx, s, Zhao, store.Denies, USA)
	if !ok || e.Count != 2 {
		t.Errorf("edge Zhao DENIES USA = %+v, want count 2", e)
	}
	for _, e := range edges(t, ctx, s) {
		if e.SpeakerID == dupZhao || e.TargetID == dupZhao {
			t.Errorf("edge %+v still names the merged id", e)
		}
	}
	res, err := s.ResolveActor(ctx, "Lijian Zhao")
	if err != nil || !slices.Equal(ids(res, actorID), []string{Zhao}) {
		t.Errorf("ResolveActor(merged alias) = %v, %v", ids(res, actorID), err)
	}
	_, err = s.MergeActors(ctx, Zhao, Zhao)
	mustBe(t, "MergeActors(self)", err, store.ErrInvalid)
	_, err = s.MergeActors(ctx, Zhao, "person:chn/nobody")
	mustBe(t, "MergeActors(missing)", err, store.ErrNotFound)
	_, err = s.MergeActors(ctx, "person:chn/nobody", Zhao)
	mustBe(t, "MergeActors(missing keep)", err, store.ErrNotFound)
}

func testMergeSurvivesReput(t *testing.T, ctx context.Context, _ func(*testing.T) store.Store, s store.Store) {
	a := Art("art:1", "AP", R(store.Denies, Zhao, USA, 0, "Zhao Lijian denied."))
	b := dupZhaoArticle()
	put(t, ctx, s, a, b)
	if _, err := s.MergeActors(ctx, Zhao, dupZhao); err != nil {
		t.Fatal(err)
	}
	before := stats(t, ctx, s)
	// A changed version of the article that named the merged id, and a new article naming it.
	b2 := Rehash(b, "v2")
	b2.Reports[0].Evidence = "The ministry denied it again."
	c := dupZhaoArticle()
	c.Article.ID, c.Article.URL = "art:3", "https://news.example/art:3"
	c.Reports[0].Date = D(60)
	put(t, ctx, s, b2, c)
	after := stats(t, ctx, s)
	if after.Nodes["Person"] != 1 || after.Nodes["Actor"] != before.Nodes["Actor"] {
		t.Errorf("actors after re-put = %+v, before %+v: the merge did not survive", after.Nodes, before.Nodes)
	}
	as, _, err := s.ListActors(ctx, store.ActorFilter{Kinds: []store.ActorKind{store.Person}}, store.Page{})
	if err != nil {
		t.Fatal(err)
	}
	equal(t, "persons after re-put", ids(as, actorID), []string{Zhao})
	byZhao, _ := list(t, ctx, s, store.StatementFilter{Speakers: []string{Zhao}})
	if len(byZhao) != 3 {
		t.Errorf("statements by Zhao = %d, want 3", len(byZhao))
	}
	for _, e := range edges(t, ctx, s) {
		if e.SpeakerID == dupZhao {
			t.Errorf("edge %+v names the merged id after re-put", e)
		}
	}
}

// snapshot is everything a load produced, for comparing two stores.
type snapshot struct {
	Statements []store.Statement
	Edges      []store.Edge
	Stats      store.Stats
}

func snap(t *testing.T, ctx context.Context, s store.Store) snapshot {
	t.Helper()
	return snapshot{statements(t, ctx, s, store.StatementFilter{}), edges(t, ctx, s), stats(t, ctx, s)}
}

func orderCorpus() []*store.ArticleGraph {
	return []*store.ArticleGraph{
		Art("art:A", "AP", R(store.Accuses, USA, CHN, 2, "a"), R(store.Denies, Zhao, USA, 3, "a2")),
		Art("art:B", "BBC", R(store.Accuses, DOJ, CHN, 0, "b"), R(store.Denies, MFA, DOJ, 4, "b2"), About(R(store.Indicts, DOJ, APT40, 0, "b3"), OPM)),
		Art("art:C", "Reuters", R(store.Accuses, USA, MSS, 5, "c"), R(store.Denies, CHN, "", 6, "c2"), About(R(store.Indicts, USA, APT40, 1, "c3"), OPM)),
	}
}

func testLoadOrder(t *testing.T, ctx context.Context, newStore func(*testing.T) store.Store, s store.Store) {
	c := orderCorpus()
	put(t, ctx, s, c...)
	want := snap(t, ctx, s)
	// The second store may replace the first (a shared server is wiped): snapshot first.
	other := newStore(t)
	put(t, ctx, other, c[2], c[1], c[0])
	got := snap(t, ctx, other)
	equal(t, "statements, C,B,A vs A,B,C", got.Statements, want.Statements)
	equal(t, "edges, C,B,A vs A,B,C", got.Edges, want.Edges)
	equal(t, "stats, C,B,A vs A,B,C", got.Stats, want.Stats)
	wantSts, wantEdges := expect(c...)
	equal(t, "statements vs GroupReports", withoutResponses(want.Statements), wantSts)
	equal(t, "edges vs DirectEdges", want.Edges, wantEdges)
}

func testPutArticlesBatch(t *testing.T, ctx context.Context, newStore func(*testing.T) store.Store, s store.Store) {
	c := append(orderCorpus(), corpus()...)
	c = append(c, c[0]) // a repeat within the batch is unchanged
	seq := put(t, ctx, s, c...)
	want := snap(t, ctx, s)
	other := newStore(t)
	batch, err := other.PutArticles(ctx, c)
	if err != nil {
		t.Fatalf("PutArticles: %v", err)
	}
	if len(batch) != len(c) {
		t.Fatalf("PutArticles returned %d results for %d articles", len(batch), len(c))
	}
	for i := range c {
		a, b := seq[i], batch[i]
		if a.Unchanged != b.Unchanged || a.Replaced != b.Replaced || a.NewActors != b.NewActors ||
			a.MergedActors != b.MergedActors || a.NewIncidents != b.NewIncidents || a.Reports != b.Reports {
			t.Errorf("result %d: batch %+v, sequential %+v", i, b, a)
		}
	}
	if !batch[len(c)-1].Unchanged {
		t.Errorf("repeated article in a batch: %+v, want Unchanged", batch[len(c)-1])
	}
	equal(t, "batch vs sequential", snap(t, ctx, other), want)
	empty, err := other.PutArticles(ctx, nil)
	if err != nil || len(empty) != 0 {
		t.Errorf("PutArticles(nil) = %v, %v", empty, err)
	}
}

func testPutArticlesAtomic(t *testing.T, ctx context.Context, _ func(*testing.T) store.Store, s store.Store) {
	put(t, ctx, s, corpus()[0])
	before := snap(t, ctx, s)
	bad := Art("art:bad", "AP", R(store.Accuses, USA, CHN, 0, "x"))
	bad.Reports[0].SpeakerID = "state:XXX"
	changed := Rehash(corpus()[0], "v2")
	changed.Reports = changed.Reports[:1]
	batch := []*store.ArticleGraph{Art("art:new", "AP", R(store.Accuses, GBR, CHN, 0, "y")), changed, bad}
	_, err := s.PutArticles(ctx, batch)
	mustBe(t, "PutArticles with an invalid article", err, store.ErrInvalid)
	equal(t, "graph after a failed batch", snap(t, ctx, s), before)
	_, err = s.GetArticle(ctx, "art:new")
	mustBe(t, "GetArticle(article of a failed batch)", err, store.ErrNotFound)
	// Retried one by one, the good ones go in.
	for _, g := range batch[:2] {
		if _, err := s.PutArticle(ctx, g); err != nil {
			t.Fatalf("PutArticle(%s): %v", g.Article.ID, err)
		}
	}
	if n := stats(t, ctx, s).Nodes["Article"]; n != 2 {
		t.Errorf("articles after retry = %d, want 2", n)
	}
}

func testGetStatements(t *testing.T, ctx context.Context, _ func(*testing.T) store.Store, s store.Store) {
	loadCorpus(t, ctx, s)
	all := statements(t, ctx, s, store.StatementFilter{})
	if len(all) != 7 {
		t.Fatalf("statements = %d, want 7", len(all))
	}
	for i := 1; i < len(all); i++ {
		if all[i-1].ID >= all[i].ID {
			t.Errorf("WalkStatements not in id order: %s before %s", all[i-1].ID, all[i].ID)
		}
	}
	got, err := s.GetStatements(ctx, []string{all[3].ID, "stmt:none", all[0].ID})
	if err != nil {
		t.Fatal(err)
	}
	equal(t, "GetStatements", ids(got, stmtID), []string{all[3].ID, all[0].ID})
	one, err := s.GetStatement(ctx, all[2].ID)
	if err != nil {
		t.Fatal(err)
	}
	equal(t, "GetStatement", normStatement(one), all[2])
	_, err = s.GetStatement(ctx, "stmt:none")
	mustBe(t, "GetStatement(missing)", err, store.ErrNotFound)
}

// byKind finds the corpus statement of a kind from a speaker.
func find(t *testing.T, sts []store.Statement, kind store.StatementKind, speaker string) store.Statement {
	t.Helper()
	for _, st := range sts {
		if st.Kind == kind && slices.Contains(st.SpeakerIDs, speaker) {
			return st
		}
	}
	t.Fatalf("no %s statement by %s", kind, speaker)
	return store.Statement{}
}

func testStatementFilters(t *testing.T, ctx context.Context, _ func(*testing.T) store.Store, s store.Store) {
	loadCorpus(t, ctx, s)
	all := statements(t, ctx, s, store.StatementFilter{})
	accuse := find(t, all, store.Accuses, USA)
	indict := find(t, all, store.Indicts, DOJ)
	zhao := find(t, all, store.Denies, Zhao)
	crit := find(t, all, store.Criticizes, GBR)
	threat := find(t, all, store.Threatens, MFA)
	demand := find(t, all, store.Demands, NATO)
	wang := find(t, all, store.Denies, Wang)
	sorted := func(xs ...store.Statement) []string { return slices.Sorted(slices.Values(ids(xs, stmtID))) }
	for _, c := range []struct {
		name string
		f    store.StatementFilter
		want []string
	}{
		{"ids", store.StatementFilter{IDs: []string{accuse.ID, wang.ID}}, sorted(accuse, wang)},
		{"kinds", store.StatementFilter{Kinds: []store.StatementKind{store.Denies, store.Indicts}}, sorted(zhao, wang, indict)},
		{"speaker", store.StatementFilter{Speakers: []string{USA}}, sorted(accuse)},
		{"speaker, no rollup", store.StatementFilter{Speakers: []string{MFA}}, sorted(threat)},
		{"targets", store.StatementFilter{Targets: []string{CHN}}, sorted(accuse, crit, demand)},
		{"either", store.StatementFilter{Either: []string{GBR}}, sorted(crit, threat)},
		{"speaker and target", store.StatementFilter{Speakers: []string{GBR}, Targets: []string{CHN}}, sorted(crit)},
		{"incident", store.StatementFilter{Incident: OPM}, sorted(indict)},
		{"from", store.StatementFilter{From: D(10)}, sorted(crit, threat, demand, wang)},
		{"to", store.StatementFilter{To: D(1)}, sorted(accuse, indict, zhao)},
		{"from and to", store.StatementFilter{From: D(1), To: D(40)}, sorted(zhao, crit, threat, demand)},
		{"publisher", store.StatementFilter{Publisher: "REUTERS"}, sorted(accuse, indict, demand, wang)},
		{"text", store.StatementFilter{TextContains: "GROUNDLESS"}, sorted(zhao)},
		{"article", store.StatementFilter{ArticleID: "art:a2"}, sorted(zhao, accuse)},
		{"nothing", store.StatementFilter{Speakers: []string{"state:XXX"}}, nil},
	} {
		got, total := list(t, ctx, s, c.f)
		equal(t, "ListStatements("+c.name+")", nilIfEmpty(slices.Sorted(slices.Values(ids(got, stmtID)))), c.want)
		if total != len(c.want) {
			t.Errorf("ListStatements(%s) total = %d, want %d", c.name, total, len(c.want))
		}
	}
	// Order: by date, ties by id, both directions; pages are stable.
	desc, _ := list(t, ctx, s, store.StatementFilter{OrderBy: store.DateDesc})
	asc, _ := list(t, ctx, s, store.StatementFilter{OrderBy: store.DateAsc})
	checkOrder := func(name string, sts []store.Statement, later func(a, b time.Time) bool) {
		t.Helper()
		for i := 1; i < len(sts); i++ {
			a, b := sts[i-1], sts[i]
			if later(b.Date, a.Date) || (a.Date.Equal(b.Date) && a.ID > b.ID) {
				t.Errorf("%s: %s (%v) before %s (%v)", name, a.ID, a.Date, b.ID, b.Date)
			}
		}
	}
	checkOrder("DATE_DESC", desc, func(b, a time.Time) bool { return b.After(a) })
	checkOrder("DATE_ASC", asc, func(b, a time.Time) bool { return b.Before(a) })
	if len(desc) != 7 || desc[0].ID != wang.ID || asc[len(asc)-1].ID != wang.ID {
		t.Errorf("ordered lists: desc starts %v, asc ends %v, want %s", ids(desc, stmtID), ids(asc, stmtID), wang.ID)
	}
	var paged []string
	for off := 0; off < 7; off += 3 {
		page, total, err := s.ListStatements(ctx, store.StatementFilter{OrderBy: store.DateAsc}, store.Page{Offset: off, Limit: 3})
		if err != nil {
			t.Fatal(err)
		}
		if total != 7 {
			t.Errorf("paged total = %d, want 7", total)
		}
		paged = append(paged, ids(page, stmtID)...)
	}
	equal(t, "pages of DATE_ASC", paged, ids(asc, stmtID))
}

func testRollupFilters(t *testing.T, ctx context.Context, _ func(*testing.T) store.Store, s store.Store) {
	loadCorpus(t, ctx, s)
	all := statements(t, ctx, s, store.StatementFilter{})
	zhao := find(t, all, store.Denies, Zhao)
	threat := find(t, all, store.Threatens, MFA)
	wang := find(t, all, store.Denies, Wang)
	indict := find(t, all, store.Indicts, DOJ)
	accuse := find(t, all, store.Accuses, USA)
	sorted := func(xs ...store.Statement) []string { return slices.Sorted(slices.Values(ids(xs, stmtID))) }
	for _, c := range []struct {
		name string
		f    store.StatementFilter
		want []string
	}{
		// A spokesperson's statement counts for the ministry and the state.
		{"state made", store.StatementFilter{Speakers: []string{CHN}, Rollup: true}, sorted(zhao, threat, wang)},
		{"ministry made", store.StatementFilter{Speakers: []string{MFA}, Rollup: true}, sorted(zhao, threat, wang)},
		{"state made, no rollup", store.StatementFilter{Speakers: []string{CHN}}, nil},
		{"person made", store.StatementFilter{Speakers: []string{Zhao}, Rollup: true}, sorted(zhao)},
		{"us made", store.StatementFilter{Speakers: []string{USA}, Rollup: true}, sorted(accuse, indict)},
		{"us either", store.StatementFilter{Either: []string{USA}, Rollup: true}, sorted(accuse, indict, zhao)},
		{"china denials", store.StatementFilter{Speakers: []string{CHN}, Kinds: []store.StatementKind{store.Denies}, Rollup: true}, sorted(zhao, wang)},
	} {
		got, total := list(t, ctx, s, c.f)
		equal(t, "ListStatements("+c.name+")", nilIfEmpty(slices.Sorted(slices.Values(ids(got, stmtID)))), c.want)
		if total != len(c.want) {
			t.Errorf("ListStatements(%s) total = %d, want %d", c.name, total, len(c.want))
		}
	}
}

func testCountStatements(t *testing.T, ctx context.Context, _ func(*testing.T) store.Store, s store.Store) {
	loadCorpus(t, ctx, s)
	for _, c := range []struct {
		name string
		f    store.StatementFilter
		want []store.KindCount
	}{
		{"all", store.StatementFilter{}, kc(store.Accuses, 1, store.Denies, 2, store.Indicts, 1, store.Criticizes, 1, store.Demands, 1, store.Threatens, 1)},
		{"china, rolled up", store.StatementFilter{Speakers: []string{CHN}, Rollup: true}, kc(store.Denies, 2, store.Threatens, 1)},
		{"against china", store.StatementFilter{Targets: []string{CHN}}, kc(store.Accuses, 1, store.Criticizes, 1, store.Demands, 1)},
		{"none", store.StatementFilter{Speakers: []string{"state:XXX"}}, nil},
	} {
		got, err := s.CountStatements(ctx, c.f)
		if err != nil {
			t.Fatalf("CountStatements(%s): %v", c.name, err)
		}
		equal(t, "CountStatements("+c.name+")", nilIfEmpty(got), c.want)
	}
}

func testTimeline(t *testing.T, ctx context.Context, _ func(*testing.T) store.Store, s store.Store) {
	loadCorpus(t, ctx, s)
	tl := func(f store.StatementFilter, iv store.Interval) []store.Bucket {
		t.Helper()
		bs, err := s.Timeline(ctx, f, iv)
		if err != nil {
			t.Fatalf("Timeline(%s): %v", iv, err)
		}
		for i := 1; i < len(bs); i++ {
			if bs[i].Start.Before(bs[i-1].Start) {
				t.Errorf("Timeline(%s) not ordered by start: %+v", iv, bs)
			}
		}
		for i := range bs {
			bs[i].Start = utc(bs[i].Start)
		}
		// Kinds within a bucket: compare as a set.
		sort.SliceStable(bs, func(i, j int) bool {
			if !bs[i].Start.Equal(bs[j].Start) {
				return bs[i].Start.Before(bs[j].Start)
			}
			return bs[i].Kind < bs[j].Kind
		})
		return bs
	}
	b := func(start time.Time, k store.StatementKind, n int) store.Bucket {
		return store.Bucket{Start: start, Kind: k, Count: n}
	}
	// Day 0 = Mon 3 Mar 2025; day 10 = Thu 13 Mar; day 40 = Sat 12 Apr; day 41 = Sun 13 Apr.
	mar, apr := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC), time.Date(2025, 4, 1, 0, 0, 0, 0, time.UTC)
	equal(t, "monthly", tl(store.StatementFilter{}, store.Month), []store.Bucket{
		b(mar, store.Accuses, 1), b(mar, store.Criticizes, 1), b(mar, store.Denies, 1), b(mar, store.Indicts, 1),
		b(apr, store.Demands, 1), b(apr, store.Denies, 1), b(apr, store.Threatens, 1),
	})
	equal(t, "weekly denials", tl(store.StatementFilter{Kinds: []store.StatementKind{store.Denies}}, store.Week), []store.Bucket{
		b(D(0), store.Denies, 1), b(D(35), store.Denies, 1),
	})
	equal(t, "daily, china rolled up", tl(store.StatementFilter{Speakers: []string{CHN}, Rollup: true}, store.Day), []store.Bucket{
		b(D(1), store.Denies, 1), b(D(40), store.Threatens, 1), b(D(41), store.Denies, 1),
	})
	equal(t, "yearly", tl(store.StatementFilter{Kinds: []store.StatementKind{store.Accuses}}, store.Year), []store.Bucket{
		b(time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), store.Accuses, 1),
	})
}

func testCounterparts(t *testing.T, ctx context.Context, _ func(*testing.T) store.Store, s store.Store) {
	loadCorpus(t, ctx, s)
	cps := func(id string, f store.StatementFilter) []store.Counterpart {
		t.Helper()
		got, err := s.Counterparts(ctx, id, f)
		if err != nil {
			t.Fatalf("Counterparts(%s): %v", id, err)
		}
		for i := range got {
			got[i].Made, got[i].Received = nilIfEmpty(got[i].Made), nilIfEmpty(got[i].Received)
		}
		return got
	}
	equal(t, "China's counterparts", cps(CHN, store.StatementFilter{}), []store.Counterpart{
		{ActorID: NATO, Received: kc(store.Demands, 1), Total: 1},
		{ActorID: GBR, Received: kc(store.Criticizes, 1), Total: 1},
		{ActorID: USA, Received: kc(store.Accuses, 1), Total: 1},
	})
	// Rolled up, China also made Zhao's denial of the US and the MFA's threat to the UK.
	equal(t, "China's counterparts, rolled up", cps(CHN, store.StatementFilter{Rollup: true}), []store.Counterpart{
		{ActorID: GBR, Made: kc(store.Threatens, 1), Received: kc(store.Criticizes, 1), Total: 2},
		{ActorID: USA, Made: kc(store.Denies, 1), Received: kc(store.Accuses, 1), Total: 2},
		{ActorID: NATO, Received: kc(store.Demands, 1), Total: 1},
	})
	equal(t, "US counterparts, rolled up, accusations", cps(USA, store.StatementFilter{Rollup: true, Kinds: []store.StatementKind{store.Accuses, store.Indicts}}), []store.Counterpart{
		{ActorID: APT40, Made: kc(store.Indicts, 1), Total: 1},
		{ActorID: CHN, Made: kc(store.Accuses, 1), Total: 1},
	})
	equal(t, "Zhao's counterparts", cps(Zhao, store.StatementFilter{}), []store.Counterpart{
		{ActorID: USA, Made: kc(store.Denies, 1), Total: 1},
	})
	if got := cps(APT40, store.StatementFilter{Kinds: []store.StatementKind{store.Accuses}}); len(got) != 0 {
		t.Errorf("APT40's accusation counterparts = %+v, want none", got)
	}
}

func testEdges(t *testing.T, ctx context.Context, _ func(*testing.T) store.Store, s store.Store) {
	c := loadCorpus(t, ctx, s)
	_, want := expect(c...)
	got := edges(t, ctx, s)
	equal(t, "Edges", got, want)
	if len(got) != 6 {
		t.Errorf("edges = %d, want 6 (Wang's denial names no target)", len(got))
	}
	var denies []store.Edge
	for _, e := range want {
		if e.Kind == store.Denies || e.Kind == store.Threatens {
			denies = append(denies, e)
		}
	}
	equal(t, "Edges(DENIES, THREATENS)", edges(t, ctx, s, store.Denies, store.Threatens), denies)
	stop := errors.New("stop")
	n := 0
	err := s.Edges(ctx, nil, func(store.Edge) error {
		n++
		if n == 2 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || n != 2 {
		t.Errorf("Edges with a stopping fn = %v after %d edges, want the fn's error after 2", err, n)
	}
}

func pathActors(ps []store.Path) [][]string {
	var out [][]string
	for _, p := range ps {
		out = append(out, p.ActorIDs)
	}
	sort.Slice(out, func(i, j int) bool { return strings.Join(out[i], ",") < strings.Join(out[j], ",") })
	return out
}

func testPaths(t *testing.T, ctx context.Context, _ func(*testing.T) store.Store, s store.Store) {
	loadCorpus(t, ctx, s)
	paths := func(from, to string, hops int, kinds []store.StatementKind, limit int) []store.Path {
		t.Helper()
		ps, err := s.Paths(ctx, from, to, hops, kinds, limit)
		if err != nil {
			t.Fatalf("Paths(%s, %s): %v", from, to, err)
		}
		for _, p := range ps {
			if len(p.ActorIDs) != len(p.Edges)+1 || p.ActorIDs[0] != from || p.ActorIDs[len(p.ActorIDs)-1] != to {
				t.Errorf("malformed path %+v", p)
				continue
			}
			for i, e := range p.Edges {
				a, b := p.ActorIDs[i], p.ActorIDs[i+1]
				if !(e.SpeakerID == a && e.TargetID == b) && !(e.SpeakerID == b && e.TargetID == a) {
					t.Errorf("path edge %d %+v does not join %s and %s", i, e, a, b)
				}
			}
		}
		return ps
	}
	// Edges: USA→CHN, DOJ→APT40, Zhao→USA, GBR→CHN, MFA→GBR, NATO→CHN.
	equal(t, "USA to GBR", pathActors(paths(USA, GBR, 4, nil, 10)), [][]string{{USA, CHN, GBR}})
	equal(t, "GBR to USA (against the edges)", pathActors(paths(GBR, USA, 4, nil, 10)), [][]string{{GBR, CHN, USA}})
	equal(t, "NATO to USA", pathActors(paths(NATO, USA, 4, nil, 10)), [][]string{{NATO, CHN, USA}})
	if got := paths(NATO, USA, 1, nil, 10); len(got) != 0 {
		t.Errorf("NATO to USA in 1 hop = %+v, want none", got)
	}
	// Zhao reaches GBR via USA and CHN (3 hops) or via MFA... MFA→GBR but Zhao–MFA has no edge.
	equal(t, "Zhao to GBR", pathActors(paths(Zhao, GBR, 4, nil, 10)), [][]string{{Zhao, USA, CHN, GBR}})
	// Two shortest paths from NATO to GBR? NATO–CHN–GBR only (MFA is not linked to CHN by an edge).
	equal(t, "Zhao to MFA", pathActors(paths(Zhao, MFA, 5, nil, 10)), [][]string{{Zhao, USA, CHN, GBR, MFA}})
	// Only ACCUSES edges: USA–CHN alone.
	if got := paths(USA, GBR, 4, []store.StatementKind{store.Accuses}, 10); len(got) != 0 {
		t.Errorf("USA to GBR over ACCUSES = %+v, want none", got)
	}
	ps := paths(USA, GBR, 4, []store.StatementKind{store.Accuses, store.Criticizes}, 10)
	if len(ps) != 1 || len(ps[0].Edges) != 2 || ps[0].Edges[0].Kind != store.Accuses || ps[0].Edges[1].Kind != store.Criticizes ||
		ps[0].Edges[1].SpeakerID != GBR {
		t.Errorf("USA to GBR over ACCUSES/CRITICIZES = %+v", ps)
	}
	if got := paths(DOJ, CHN, 6, nil, 10); len(got) != 0 {
		t.Errorf("DOJ to CHN = %+v, want none (APT40 is only linked to DOJ)", got)
	}
}

func testNeighborhood(t *testing.T, ctx context.Context, _ func(*testing.T) store.Store, s store.Store) {
	loadCorpus(t, ctx, s)
	// A second path of two hops from USA to GBR through NATO? Add a NATO demand of the UK.
	put(t, ctx, s, Art("art:n", "AP", R(store.Demands, NATO, GBR, 50, "NATO demanded more from London.")))
	nb := func(id string, depth int, kinds []store.StatementKind, limit int) store.Subgraph {
		t.Helper()
		g, err := s.Neighborhood(ctx, id, depth, kinds, limit)
		if err != nil {
			t.Fatalf("Neighborhood(%s): %v", id, err)
		}
		return g
	}
	g := nb(CHN, 1, nil, 100)
	equal(t, "CHN depth 1 actors", ids(g.Actors, actorID), []string{CHN, NATO, GBR, USA})
	got := ids(g.Edges, func(e store.Edge) string { return e.SpeakerID + " " + string(e.Kind) + " " + e.TargetID })
	equal(t, "CHN depth 1 edges", got, []string{
		"org:nato DEMANDS state:CHN", "org:nato DEMANDS state:GBR", "state:GBR CRITICIZES state:CHN", "state:USA ACCUSES state:CHN",
	})
	g = nb(CHN, 2, nil, 100)
	equal(t, "CHN depth 2 actors", ids(g.Actors, actorID), []string{CHN, NATO, GBR, USA, MFA, Zhao})
	if len(g.Edges) != 6 {
		t.Errorf("CHN depth 2 edges = %d, want 6", len(g.Edges))
	}
	g = nb(CHN, 2, nil, 3)
	equal(t, "CHN depth 2, limit 3", ids(g.Actors, actorID), []string{CHN, NATO, GBR})
	g = nb(CHN, 2, []store.StatementKind{store.Accuses, store.Denies}, 100)
	equal(t, "CHN depth 2 over ACCUSES/DENIES", ids(g.Actors, actorID), []string{CHN, USA, Zhao})
	g = nb(APT40, 3, nil, 100)
	equal(t, "APT40 depth 3", ids(g.Actors, actorID), []string{APT40, DOJ})
	g = nb(Wang, 2, nil, 100)
	if len(g.Actors) != 1 || len(g.Edges) != 0 {
		t.Errorf("Wang (no edges) = %+v, want himself alone", g)
	}
}

func testSearch(t *testing.T, ctx context.Context, _ func(*testing.T) store.Store, s store.Store) {
	c := corpus()
	c[0].Incidents[0].Aliases = []string{"Office of Personnel Management hack"}
	put(t, ctx, s, c...)
	if _, err := s.AddAlias(ctx, MFA, "Foreign Ministry"); err != nil {
		t.Fatal(err)
	}
	search := func(q string, types []string, limit int) []store.SearchHit {
		t.Helper()
		hits, err := s.Search(ctx, q, types, limit)
		if err != nil {
			t.Fatalf("Search(%q): %v", q, err)
		}
		for i := 1; i < len(hits); i++ {
			if hits[i].Score > hits[i-1].Score {
				t.Errorf("Search(%q) not best first: %+v", q, hits)
			}
		}
		return hits
	}
	hits := search("zhao lijian", nil, 10)
	if len(hits) == 0 || hits[0].Type != "Actor" || hits[0].ID != Zhao {
		t.Errorf("Search(zhao lijian) = %+v, want the actor Zhao first", hits)
	}
	hits = search("foreign ministry", []string{"Actor"}, 10)
	if len(hits) == 0 || hits[0].ID != MFA {
		t.Errorf("Search(foreign ministry, Actor) = %+v, want the MFA first", hits)
	}
	for _, h := range hits {
		if h.Type != "Actor" {
			t.Errorf("Search(types=Actor) returned %+v", h)
		}
	}
	hits = search("personnel management", []string{"Incident"}, 10)
	if len(hits) != 1 || hits[0].ID != OPM || hits[0].Type != "Incident" {
		t.Errorf("Search(personnel management, Incident) = %+v, want OPM", hits)
	}
	hits = search("groundless smears", []string{"Statement"}, 10)
	all := statements(t, ctx, s, store.StatementFilter{})
	zhao := find(t, all, store.Denies, Zhao)
	if len(hits) != 1 || hits[0].ID != zhao.ID || !strings.Contains(hits[0].Text, "groundless") {
		t.Errorf("Search(groundless smears, Statement) = %+v, want Zhao's denial", hits)
	}
	// "accused" is in two reports of one statement and in none other: one hit.
	hits = search("accused", []string{"Statement"}, 10)
	accuse := find(t, all, store.Accuses, USA)
	if len(hits) != 1 || hits[0].ID != accuse.ID {
		t.Errorf("Search(accused) = %+v, want the one accusation", hits)
	}
	if hits := search("china", nil, 1); len(hits) != 1 {
		t.Errorf("Search(china, limit 1) = %d hits", len(hits))
	}
	if hits := search("xylophone", nil, 10); len(hits) != 0 {
		t.Errorf("Search(xylophone) = %+v, want nothing", hits)
	}
}

func testWalks(t *testing.T, ctx context.Context, _ func(*testing.T) store.Store, s store.Store) {
	loadCorpus(t, ctx, s)
	var actors, incidents, articles []string
	if err := s.WalkActors(ctx, func(a store.Actor) error { actors = append(actors, a.ID); return nil }); err != nil {
		t.Fatal(err)
	}
	equal(t, "WalkActors", actors, []string{MFA, DOJ, APT40, NATO, Wang, Zhao, CHN, GBR, USA})
	if err := s.WalkIncidents(ctx, func(in store.Incident) error { incidents = append(incidents, in.ID); return nil }); err != nil {
		t.Fatal(err)
	}
	equal(t, "WalkIncidents", incidents, []string{OPM})
	if err := s.WalkArticles(ctx, func(a store.Article) error { articles = append(articles, a.ID); return nil }); err != nil {
		t.Fatal(err)
	}
	equal(t, "WalkArticles", articles, []string{"art:a1", "art:a2", "art:a3", "art:a4"})
	denials := statements(t, ctx, s, store.StatementFilter{Kinds: []store.StatementKind{store.Denies}})
	if len(denials) != 2 || denials[0].ID > denials[1].ID {
		t.Errorf("WalkStatements(denials) = %v", ids(denials, stmtID))
	}
	stop := errors.New("stop")
	for name, walk := range map[string]func() error{
		"actors":    func() error { return s.WalkActors(ctx, func(store.Actor) error { return stop }) },
		"incidents": func() error { return s.WalkIncidents(ctx, func(store.Incident) error { return stop }) },
		"articles":  func() error { return s.WalkArticles(ctx, func(store.Article) error { return stop }) },
		"statements": func() error {
			return s.WalkStatements(ctx, store.StatementFilter{}, func(store.Statement) error { return stop })
		},
	} {
		if err := walk(); !errors.Is(err, stop) {
			t.Errorf("Walk %s with a failing fn = %v, want its error", name, err)
		}
	}
}

func testRespondsTo(t *testing.T, ctx context.Context, _ func(*testing.T) store.Store, s store.Store) {
	gs := []*store.ArticleGraph{
		Art("art:1", "AP", R(store.Accuses, USA, CHN, 0, "The US accused China.")),
		Art("art:2", "AP", R(store.Denies, Zhao, USA, 1, "Zhao denied the US claims.")),                      // answers art:1
		Art("art:3", "AP", R(store.Indicts, DOJ, MSS, 2, "The DOJ indicted MSS officers.")),                  // after art:2's denial
		Art("art:4", "AP", R(store.Denies, MFA, "", 20, "The ministry denied everything.")),                  // answers art:1 and art:3
		Art("art:5", "AP", R(store.Criticizes, GBR, CHN, 30, "London criticized Beijing.")),                  // after both denials
		Art("art:6", "AP", R(store.Denies, USA, CHN, 31, "Washington denied China's claims.")),               // China accused nobody
		Art("art:7", "AP", R(store.Demands, NATO, CHN, 0, "NATO demanded answers.")),                         // not an accusation
		Art("art:8", "AP", R(store.Denies, CHN, GBR, 30, "China rejected London's criticism the same day.")), // same day: answers art:5
	}
	put(t, ctx, s, gs...)
	all := statements(t, ctx, s, store.StatementFilter{})
	check := func() {
		t.Helper()
		all = statements(t, ctx, s, store.StatementFilter{})
		for _, d := range all {
			var want []string
			for _, a := range all {
				if store.Answers(d, a, Affiliations()) {
					want = append(want, a.ID)
				}
			}
			sort.Strings(want)
			equal(t, "RespondsTo of "+d.Evidence(), d.RespondsTo, want)
		}
	}
	check()
	acc := find(t, all, store.Accuses, USA)
	ind := find(t, all, store.Indicts, DOJ)
	crit := find(t, all, store.Criticizes, GBR)
	equal(t, "Zhao's denial", find(t, all, store.Denies, Zhao).RespondsTo, []string{acc.ID})
	equal(t, "the ministry's denial", find(t, all, store.Denies, MFA).RespondsTo, slices.Sorted(slices.Values([]string{acc.ID, ind.ID})))
	equal(t, "China's same-day denial", find(t, all, store.Denies, CHN).RespondsTo, []string{crit.ID})
	if got := find(t, all, store.Denies, USA).RespondsTo; len(got) != 0 {
		t.Errorf("the US denial answers %v, want nothing", got)
	}
	if n := stats(t, ctx, s).Edges["RESPONDS_TO"]; n != 4 {
		t.Errorf("RESPONDS_TO edges = %d, want 4", n)
	}
	// Deleting the accusation unlinks it; an earlier-dated accusation loaded later links.
	if err := s.DeleteArticle(ctx, "art:1"); err != nil {
		t.Fatal(err)
	}
	put(t, ctx, s, Art("art:9", "AP", R(store.Sanctions, USA, CHN, -5, "The US sanctioned Chinese firms.")))
	check()
	sanc := find(t, all, store.Sanctions, USA)
	equal(t, "Zhao's denial after changes", find(t, all, store.Denies, Zhao).RespondsTo, []string{sanc.ID})
}

func testStats(t *testing.T, ctx context.Context, _ func(*testing.T) store.Store, s store.Store) {
	loadCorpus(t, ctx, s)
	st := stats(t, ctx, s)
	wantNodes := map[string]int{
		"Article": 4, "Actor": 9, "State": 3, "Agency": 2, "Person": 2, "Organization": 1, "Group": 1,
		"Incident": 1, "Statement": 7,
	}
	for k, v := range wantNodes {
		if st.Nodes[k] != v {
			t.Errorf("Nodes[%s] = %d, want %d", k, st.Nodes[k], v)
		}
	}
	wantEdges := map[string]int{
		"ACCUSES": 1, "INDICTS": 1, "DENIES": 1, "CRITICIZES": 1, "THREATENS": 1, "DEMANDS": 1,
		"REPORTED_IN": 8, "MADE": 7, "TARGETS": 6, "ABOUT": 1,
	}
	// RESPONDS_TO follows store.Answers over the stored statements.
	all := statements(t, ctx, s, store.StatementFilter{})
	for _, d := range all {
		for _, a := range all {
			if store.Answers(d, a, Affiliations()) {
				wantEdges["RESPONDS_TO"]++
			}
		}
	}
	if wantEdges["RESPONDS_TO"] == 0 {
		t.Fatal("the corpus must hold a denial answering an accusation")
	}
	for k, v := range wantEdges {
		if st.Edges[k] != v {
			t.Errorf("Edges[%s] = %d, want %d", k, st.Edges[k], v)
		}
	}
	if st.Edges["SANCTIONS"] != 0 {
		t.Errorf("Edges[SANCTIONS] = %d, want 0", st.Edges["SANCTIONS"])
	}
}

// testWalkMentions: an article mentions every actor it names (report ends and the
// affiliation parents it lists); the walk streams exactly the MENTIONS edges Stats
// counts, ordered, and a deleted article's mentions go with it.
func testWalkMentions(t *testing.T, ctx context.Context, _ func(*testing.T) store.Store, s store.Store) {
	c := loadCorpus(t, ctx, s)
	type pair struct{ art, actor string }
	walk := func() []pair {
		var out []pair
		if err := s.WalkMentions(ctx, func(art, actor string) error { out = append(out, pair{art, actor}); return nil }); err != nil {
			t.Fatal(err)
		}
		return out
	}
	got := walk()
	if n := stats(t, ctx, s).Edges["MENTIONS"]; len(got) != n || n == 0 {
		t.Fatalf("walked %d mentions, Stats counts %d", len(got), n)
	}
	if !slices.IsSortedFunc(got, func(a, b pair) int {
		if a.art != b.art {
			return strings.Compare(a.art, b.art)
		}
		return strings.Compare(a.actor, b.actor)
	}) {
		t.Errorf("mentions not ordered by article then actor: %v", got)
	}
	g := c[0]
	for _, r := range g.Reports {
		for _, id := range []string{r.SpeakerID, r.TargetID} {
			if id != "" && !slices.Contains(got, pair{g.Article.ID, id}) {
				t.Errorf("%s does not mention %s, which its reports name", g.Article.ID, id)
			}
		}
	}
	if err := s.DeleteArticle(ctx, g.Article.ID); err != nil {
		t.Fatal(err)
	}
	for _, p := range walk() {
		if p.art == g.Article.ID {
			t.Fatalf("deleted article %s still mentions %s", p.art, p.actor)
		}
	}
}
