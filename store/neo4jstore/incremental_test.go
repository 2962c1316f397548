package neo4jstore_test

import (
	"context"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/demarche/demarche/store"
	"github.com/demarche/demarche/synth"
)

// snapshot is what a load leaves: every statement (with reports and RESPONDS_TO)
// and every direct edge.
type snapshot struct {
	stmts []store.Statement
	edges []store.Edge
}

func load(t *testing.T, arts []*store.ArticleGraph, batch int) snapshot {
	t.Helper()
	s := newStore(t)
	for i := 0; i < len(arts); i += batch {
		if _, err := s.PutArticles(context.Background(), arts[i:min(i+batch, len(arts))]); err != nil {
			t.Fatal(err)
		}
	}
	return snapshot{stmts: allStatements(t, s), edges: allEdges(t, s)}
}

// Writes regroup only the statements still open at their earliest report (and read
// the closed ones' stored dates and articles for the direct edges). Loading in date
// order, batch by batch, must give exactly the graph of loading everything at once
// in reverse order, and the statements store.GroupReports derives from all reports.
func TestIncrementalRegroupMatchesFullRegroup(t *testing.T) {
	testURI(t)
	arts := synth.Articles(synth.Config{Seed: 7, Articles: 300, Days: 120}, 300)

	inOrder := load(t, arts, 25)
	reversed := slices.Clone(arts)
	slices.Reverse(reversed)
	atOnce := load(t, reversed, len(reversed))

	if len(inOrder.stmts) == 0 || len(inOrder.edges) == 0 {
		t.Fatalf("nothing loaded: %d statements, %d edges", len(inOrder.stmts), len(inOrder.edges))
	}
	if !reflect.DeepEqual(inOrder.stmts, atOnce.stmts) {
		t.Fatalf("statements differ: %d batched in order, %d at once in reverse", len(inOrder.stmts), len(atOnce.stmts))
	}
	if !reflect.DeepEqual(inOrder.edges, atOnce.edges) {
		t.Fatalf("edges differ: %d batched in order, %d at once in reverse", len(inOrder.edges), len(atOnce.edges))
	}

	parent := map[string]string{}
	var reports []store.Report
	for _, a := range arts {
		for _, x := range a.Actors {
			if x.AffiliationID != "" {
				parent[x.ID] = x.AffiliationID
			}
		}
		reports = append(reports, a.Reports...)
	}
	want := store.GroupReports(reports, func(id string) string { return parent[id] }, store.DefaultWindow)
	slices.SortFunc(want, func(a, b store.Statement) int { return strings.Compare(a.ID, b.ID) })
	if len(want) != len(inOrder.stmts) {
		t.Fatalf("%d statements, GroupReports gives %d", len(inOrder.stmts), len(want))
	}
	for i, w := range want {
		got := inOrder.stmts[i]
		if got.ID != w.ID || len(got.Reports) != len(w.Reports) || !slices.Equal(got.SpeakerIDs, w.SpeakerIDs) {
			t.Fatalf("statement %d: got %s (%d reports, speakers %v), want %s (%d reports, speakers %v)",
				i, got.ID, len(got.Reports), got.SpeakerIDs, w.ID, len(w.Reports), w.SpeakerIDs)
		}
	}
	if wantEdges := store.DirectEdges(want); !reflect.DeepEqual(inOrder.edges, wantEdges) {
		t.Fatalf("edges differ from store.DirectEdges: %d, want %d", len(inOrder.edges), len(wantEdges))
	}
}
