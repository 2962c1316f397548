package storetest

import (
	"context"
	"testing"

	"github.com/demarche/demarche/store"
)

// testVersion checks the store.Versioned contract: the token holds still while
// nothing is written, and every kind of write changes it.
func testVersion(t *testing.T, ctx context.Context, _ func(*testing.T) store.Store, s store.Store) {
	vs, ok := s.(store.Versioned)
	if !ok {
		t.Skipf("%T does not implement store.Versioned (optional): no response cache over it", s)
	}
	version := func(what string) string {
		t.Helper()
		v, err := vs.Version(ctx)
		if err != nil {
			t.Fatalf("Version %s: %v", what, err)
		}
		if v == "" {
			t.Fatalf("Version %s is empty", what)
		}
		return v
	}
	seen := map[string]string{}
	// changed asserts the token differs from every earlier one, and returns it.
	changed := func(what string) string {
		t.Helper()
		v := version("after " + what)
		if earlier, ok := seen[v]; ok {
			t.Fatalf("Version after %s = %q, the token it had %s", what, v, earlier)
		}
		seen[v] = "after " + what
		return v
	}
	stable := func(what, want string) {
		t.Helper()
		if v := version(what); v != want {
			t.Fatalf("Version %s = %q, want %q (nothing was written)", what, v, want)
		}
	}

	v := changed("opening the empty store")
	stable("again on the empty store", v)

	put(t, ctx, s, Art("art:1", "AP", R(store.Denies, Zhao, USA, 0, "Zhao Lijian denied.")))
	v = changed("PutArticle")
	// Reads do not change it.
	if _, err := s.GetArticle(ctx, "art:1"); err != nil {
		t.Fatal(err)
	}
	statements(t, ctx, s, store.StatementFilter{})
	stable("after reads", v)

	if _, err := s.PutArticles(ctx, []*store.ArticleGraph{dupZhaoArticle()}); err != nil {
		t.Fatalf("PutArticles: %v", err)
	}
	v = changed("PutArticles of a new article")
	stable("again after PutArticles", v)

	if _, err := s.AddAlias(ctx, USA, "Washington"); err != nil {
		t.Fatalf("AddAlias: %v", err)
	}
	v = changed("AddAlias")
	stable("again after AddAlias", v)

	if _, err := s.MergeActors(ctx, Zhao, dupZhao); err != nil {
		t.Fatalf("MergeActors: %v", err)
	}
	v = changed("MergeActors")
	stable("again after MergeActors", v)

	if err := s.DeleteArticle(ctx, "art:2"); err != nil {
		t.Fatalf("DeleteArticle: %v", err)
	}
	v = changed("DeleteArticle")
	stable("again after DeleteArticle", v)

	// Emptying the graph and building the same article again is a new state too.
	if err := s.DeleteArticle(ctx, "art:1"); err != nil {
		t.Fatalf("DeleteArticle: %v", err)
	}
	changed("deleting the last article")
	put(t, ctx, s, Art("art:1", "AP", R(store.Denies, Zhao, USA, 0, "Zhao Lijian denied.")))
	changed("putting the first article again")
}
