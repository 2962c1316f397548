package sqlitebench_test

import (
	"context"
	"reflect"
	"testing"

	"github.com/demarche/demarche/store/sqlitestore"
	"github.com/demarche/demarche/store/sqlitestore/sqlitebench"
	"github.com/demarche/demarche/synth"
)

// TestCopyCeilingCopiesTheWholeGraph checks that the ceiling's copy holds the
// same graph as its source (every node and edge counted, search answering
// alike), so that its rate is the rate of writing that graph and not of less.
func TestCopyCeilingCopiesTheWholeGraph(t *testing.T) {
	ctx := context.Background()
	src, dst := t.TempDir(), t.TempDir()
	s, err := sqlitestore.Open(ctx, src, sqlitestore.Options{NoResultCache: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.PutArticles(ctx, synth.Articles(synth.Config{Seed: 3, Articles: 60}, 60)); err != nil {
		t.Fatal(err)
	}
	want, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	wantHits, err := s.Search(ctx, "sanctions", nil, 5)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	n, took, err := sqlitebench.CopyCeiling(ctx, src, dst)
	if err != nil {
		t.Fatal(err)
	}
	if n != want.Nodes["Statement"] || n == 0 || took <= 0 {
		t.Fatalf("copied %d statements in %v, the source has %d", n, took, want.Nodes["Statement"])
	}
	c, err := sqlitestore.Open(ctx, dst, sqlitestore.Options{NoResultCache: true})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	got, err := c.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("copy's counts %v, source's %v", got, want)
	}
	gotHits, err := c.Search(ctx, "sanctions", nil, 5)
	if err != nil {
		t.Fatal(err)
	}
	if len(wantHits) == 0 || !reflect.DeepEqual(gotHits, wantHits) {
		t.Fatalf("search in the copy %v, in the source %v", gotHits, wantHits)
	}
}
