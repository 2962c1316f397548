package sqlitestore

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/demarche/demarche/store"
	st "github.com/demarche/demarche/store/storetest"
)

// Another process's commit changes the version the serving process reports,
// with the same lag (freshInterval) as its reads.
func TestVersionSeesAnotherProcessWrites(t *testing.T) {
	ctx := context.Background()
	serve, load := twoProcesses(t)

	v0, _ := serve.Version(ctx)
	if v, _ := serve.Version(ctx); v != v0 {
		t.Fatalf("Version without writes: %q then %q", v0, v)
	}
	if _, err := load.PutArticle(ctx, st.Art("a1", "Wire", st.R(store.Accuses, st.USA, st.CHN, 0, "The US accused China."))); err != nil {
		t.Fatal(err)
	}
	v1, _ := serve.Version(ctx)
	if v1 == v0 {
		t.Fatalf("Version after another process wrote = %q, unchanged", v1)
	}
	if v, _ := serve.Version(ctx); v != v1 {
		t.Fatalf("Version without further writes: %q then %q", v1, v)
	}
	if _, n, err := serve.ListStatements(ctx, store.StatementFilter{}, store.Page{}); err != nil || n != 1 {
		t.Fatalf("statements at version %q: %d, %v; want 1", v1, n, err)
	}
}

// Tokens are never reused: not by a second handle on the same file, nor after
// the file is deleted and a store created again in its place.
func TestVersionNotReusedAfterRecreate(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	seen := map[string]bool{}
	for range 2 {
		s, err := Open(ctx, dir, Options{})
		if err != nil {
			t.Fatal(err)
		}
		v, _ := s.Version(ctx)
		if seen[v] {
			t.Fatalf("Version %q of a recreated store was seen before", v)
		}
		seen[v] = true
		if _, err := s.PutArticle(ctx, st.Art("a1", "Wire", st.R(store.Accuses, st.USA, st.CHN, 0, "The US accused China."))); err != nil {
			t.Fatal(err)
		}
		v, _ = s.Version(ctx)
		if seen[v] {
			t.Fatalf("Version %q after a write was seen before", v)
		}
		seen[v] = true
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		matches, _ := filepath.Glob(filepath.Join(dir, FileName+"*"))
		for _, m := range matches {
			if err := os.Remove(m); err != nil {
				t.Fatal(err)
			}
		}
	}
}
