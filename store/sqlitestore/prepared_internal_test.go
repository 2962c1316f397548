package sqlitestore

import (
	"context"
	"testing"

	"github.com/demarche/demarche/store"
	"github.com/demarche/demarche/store/storetest"
)

// TestReadQueriesArePreparedOncePerShape checks that the read pool prepares a
// query once per text: filters that differ only in their values reuse the
// statement (values are arguments, so the cache does not grow with them), and
// the results stay right.
func TestReadQueriesArePreparedOncePerShape(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, t.TempDir(), Options{NoResultCache: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.PutArticles(ctx, []*store.ArticleGraph{
		storetest.Art("a1", "Wire", storetest.R(store.Accuses, "state:USA", "state:CHN", 1, "Washington accused Beijing.")),
		storetest.Art("a2", "Wire", storetest.R(store.Denies, "state:CHN", "state:USA", 2, "Beijing denied it.")),
	}); err != nil {
		t.Fatal(err)
	}
	list := func(speaker string) int {
		t.Helper()
		_, n, err := s.ListStatements(ctx, store.StatementFilter{Speakers: []string{speaker}}, store.Page{})
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	if n := list("state:USA"); n != 1 {
		t.Fatalf("statements by the USA: %d, want 1", n)
	}
	prepared := s.readPrepN.Load()
	if prepared == 0 {
		t.Fatal("no read query was prepared")
	}
	if n := list("state:CHN"); n != 1 {
		t.Fatalf("statements by China: %d, want 1", n)
	}
	if n := list("state:RUS"); n != 0 {
		t.Fatalf("statements by Russia: %d, want 0", n)
	}
	if got := s.readPrepN.Load(); got != prepared {
		t.Fatalf("other values of the same filter prepared %d more queries", got-prepared)
	}
}
