package sqlitestore_test

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/demarche/demarche/store"
	"github.com/demarche/demarche/store/sqlitestore"
	"github.com/demarche/demarche/store/storetest"
	"github.com/demarche/demarche/synth"
)

// TestIncrementalRegrouping loads a dense synthetic graph (few states, a short
// period, so statements chain across many reports) in a shuffled order, in batches
// of random sizes, replacing and deleting articles on the way: the statements and
// direct edges must equal store.GroupReports and store.DirectEdges over the final
// set of reports.
func TestIncrementalRegrouping(t *testing.T) {
	ctx := t.Context()
	arts := synth.Articles(synth.Config{Seed: 7, States: 6, Days: 90, Articles: 300}, 300)
	rng := rand.New(rand.NewPCG(7, 8))
	order := rng.Perm(len(arts))
	s := open(t, t.TempDir())
	defer s.Close()
	final := map[string]*store.ArticleGraph{}
	for i := 0; i < len(order); {
		n := 1 + rng.IntN(40)
		var batch []*store.ArticleGraph
		for _, j := range order[i:min(i+n, len(order))] {
			batch = append(batch, arts[j])
			final[arts[j].Article.ID] = arts[j]
		}
		i += n
		if _, err := s.PutArticles(ctx, batch); err != nil {
			t.Fatal(err)
		}
		// Replace one article of the batch by a version that drops its first report
		// and moves another by a day, and delete one other.
		g := *batch[0]
		g.Reports = slices.Clone(g.Reports[1:])
		if len(g.Reports) > 0 {
			g.Reports[0].Date = g.Reports[0].Date.AddDate(0, 0, 1)
		}
		changed := storetest.Rehash(&g, "v2")
		if _, err := s.PutArticle(ctx, changed); err != nil {
			t.Fatal(err)
		}
		final[g.Article.ID] = changed
		if len(batch) > 1 {
			id := batch[len(batch)-1].Article.ID
			if err := s.DeleteArticle(ctx, id); err != nil {
				t.Fatal(err)
			}
			delete(final, id)
		}
	}

	parent := map[string]string{}
	if err := s.WalkActors(ctx, func(a store.Actor) error {
		parent[a.ID] = a.AffiliationID
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	aff := store.Affiliations(func(id string) string { return parent[id] })
	var all []store.Report
	for _, g := range final {
		for _, r := range g.Reports {
			r.ArticleID = g.Article.ID
			r.Date = store.Day.Truncate(r.Date)
			all = append(all, r)
		}
	}
	want := store.GroupReports(all, aff, store.DefaultWindow)
	slices.SortFunc(want, func(a, b store.Statement) int { return strings.Compare(a.ID, b.ID) })
	var got []store.Statement
	if err := s.WalkStatements(ctx, store.StatementFilter{}, func(st store.Statement) error {
		st.RespondsTo = nil
		got = append(got, st)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Fatalf("%d statements, want %d", len(got), len(want))
	}
	for i := range want {
		w, g := want[i], got[i]
		w.Date, g.Date = w.Date.UTC(), g.Date.UTC()
		for _, st := range []*store.Statement{&w, &g} {
			if len(st.TargetIDs) == 0 {
				st.TargetIDs = nil
			}
			if len(st.SpeakerIDs) == 0 {
				st.SpeakerIDs = nil
			}
		}
		for j := range w.Reports {
			w.Reports[j].Date = w.Reports[j].Date.UTC()
		}
		if !reflect.DeepEqual(g, w) {
			t.Fatalf("statement %d:\n got %+v\nwant %+v", i, g, w)
		}
	}
	wantEdges := store.DirectEdges(want)
	var gotEdges []store.Edge
	if err := s.Edges(ctx, nil, func(e store.Edge) error {
		gotEdges = append(gotEdges, e)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if len(gotEdges) != len(wantEdges) {
		t.Fatalf("%d edges, want %d", len(gotEdges), len(wantEdges))
	}
	for i := range wantEdges {
		w, g := wantEdges[i], gotEdges[i]
		w.First, w.Last = w.First.UTC(), w.Last.UTC()
		if !reflect.DeepEqual(g, w) {
			t.Fatalf("edge %d:\n got %+v\nwant %+v", i, g, w)
		}
	}
	if len(want) < 100 || len(wantEdges) < 20 {
		t.Fatalf("too small a graph to test anything: %d statements, %d edges", len(want), len(wantEdges))
	}
}

// TestAffiliationLearnedInBatch puts, in one batch, an article naming a
// spokesperson without affiliation and then one giving it: the first article's
// report (not yet inserted when the second re-keys) must roll up like the rest,
// as when the articles are put one by one.
func TestAffiliationLearnedInBatch(t *testing.T) {
	ctx := t.Context()
	world := storetest.World()
	zhao := world[storetest.Zhao]
	zhao.AffiliationID = ""
	first := storetest.WithActor(storetest.Art("art:1", "AP", storetest.R(store.Denies, storetest.Zhao, storetest.USA, 0, "Zhao denied.")), zhao)
	// Art adds Zhao's ministry and China for the affiliation; the first article
	// names Zhao alone.
	first.Actors = slices.DeleteFunc(first.Actors, func(a store.Actor) bool { return a.ID != storetest.Zhao && a.ID != storetest.USA })
	second := storetest.Art("art:2", "AP", storetest.R(store.Denies, storetest.Zhao, storetest.USA, 1, "Zhao denied again."))
	walk := func(s *sqlitestore.Store) []store.Statement {
		t.Helper()
		var out []store.Statement
		if err := s.WalkStatements(ctx, store.StatementFilter{}, func(st store.Statement) error {
			out = append(out, st)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		return out
	}
	one := open(t, t.TempDir())
	defer one.Close()
	for _, g := range []*store.ArticleGraph{first, second} {
		if _, err := one.PutArticle(ctx, g); err != nil {
			t.Fatal(err)
		}
	}
	batch := open(t, t.TempDir())
	defer batch.Close()
	if _, err := batch.PutArticles(ctx, []*store.ArticleGraph{first, second}); err != nil {
		t.Fatal(err)
	}
	want, got := walk(one), walk(batch)
	if len(want) != 1 {
		t.Fatalf("one by one: %d statements, want the two denials as one: %+v", len(want), want)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("batched:\n got %+v\nwant %+v", got, want)
	}
	sts, _, err := batch.ListStatements(ctx, store.StatementFilter{Speakers: []string{storetest.CHN}, Rollup: true}, store.Page{})
	if err != nil || len(sts) != 1 {
		t.Errorf("China's statements (rolled up) = %d, %v; want 1", len(sts), err)
	}
}

// TestEdgeCountsOfAddedStatements puts articles one at a time so that each adds a
// statement to an existing edge without touching its others (the counts are
// then added to, not recounted), including an undated report and an article that
// names both ends twice: after every write the edges must equal store.DirectEdges
// over the stored statements.
func TestEdgeCountsOfAddedStatements(t *testing.T) {
	ctx := t.Context()
	s := open(t, t.TempDir())
	defer s.Close()
	undated := storetest.R(store.Accuses, storetest.USA, storetest.CHN, 0, "undated")
	undated.Date = time.Time{}
	steps := []*store.ArticleGraph{
		storetest.Art("art:1", "AP", storetest.R(store.Accuses, storetest.USA, storetest.CHN, 0, "a")),
		storetest.Art("art:2", "AP", storetest.R(store.Accuses, storetest.USA, storetest.CHN, 100, "b"),
			storetest.R(store.Accuses, storetest.USA, storetest.CHN, 200, "c")),
		storetest.Art("art:3", "AP", storetest.R(store.Accuses, storetest.USA, storetest.CHN, 300, "d")),
		storetest.Art("art:4", "AP", undated),
		storetest.Art("art:5", "AP", storetest.R(store.Accuses, storetest.USA, storetest.CHN, 50, "e")),
	}
	for i, g := range steps {
		if _, err := s.PutArticle(ctx, g); err != nil {
			t.Fatal(err)
		}
		var sts []store.Statement
		if err := s.WalkStatements(ctx, store.StatementFilter{}, func(st store.Statement) error {
			sts = append(sts, st)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		want := store.DirectEdges(sts)
		var got []store.Edge
		if err := s.Edges(ctx, nil, func(e store.Edge) error {
			got = append(got, e)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		for j := range want {
			want[j].First, want[j].Last = want[j].First.UTC(), want[j].Last.UTC()
		}
		if len(want) == 0 || !reflect.DeepEqual(got, want) {
			t.Fatalf("after article %d:\n got %+v\nwant %+v", i+1, got, want)
		}
	}
}
