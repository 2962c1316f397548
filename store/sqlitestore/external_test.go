package sqlitestore

import (
	"context"
	"testing"

	"github.com/demarche/demarche/store"
	st "github.com/demarche/demarche/store/storetest"
)

// Two Stores on one directory stand for two processes (`demarche serve` and a
// `demarche load` beside it): each has its own connections and caches.
func TestSeesAnotherProcessWrites(t *testing.T) {
	ctx := context.Background()
	serve, load := twoProcesses(t)

	count := func() int {
		t.Helper()
		_, n, err := serve.ListStatements(ctx, store.StatementFilter{Speakers: []string{st.USA}}, store.Page{})
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	if _, err := serve.PutArticle(ctx, st.Art("a1", "Wire", st.R(store.Accuses, st.USA, st.CHN, 0, "The US accused China."))); err != nil {
		t.Fatal(err)
	}
	if n := count(); n != 1 { // cached now
		t.Fatalf("statements before the other process writes: %d, want 1", n)
	}

	// The other process adds a statement and a new name for the United States.
	usa := st.World()[st.USA]
	usa.Name = "USA"
	g := st.WithActor(st.Art("a2", "Wire", st.R(store.Sanctions, st.USA, st.CHN, 40, "Washington sanctioned Beijing.")), usa)
	if _, err := load.PutArticle(ctx, g); err != nil {
		t.Fatal(err)
	}
	if n := count(); n != 2 {
		t.Fatalf("statements after another process wrote one: %d, want 2 (a stale cache)", n)
	}

	// A write of this process after the other's starts from the other's state: the
	// name first stored is kept, the new one stays an alias.
	if _, err := serve.PutArticle(ctx, st.Art("a3", "Wire", st.R(store.Threatens, st.USA, st.CHN, 80, "The US threatened China."))); err != nil {
		t.Fatal(err)
	}
	a, err := serve.GetActor(ctx, st.USA)
	if err != nil {
		t.Fatal(err)
	}
	if a.Name != "United States" || !contains(a.Aliases, "USA") {
		t.Fatalf("actor after writes from two processes: name %q, aliases %v", a.Name, a.Aliases)
	}
	if n := count(); n != 3 {
		t.Fatalf("statements after both wrote: %d, want 3", n)
	}
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// twoProcesses opens two Stores on one fresh directory, standing for `demarche
// serve` and a `demarche load` beside it, with the freshness check on every
// read (freshInterval 0) for the test's duration.
func twoProcesses(t *testing.T) (serve, load *Store) {
	t.Helper()
	old := freshInterval
	freshInterval = 0
	t.Cleanup(func() { freshInterval = old })
	dir := t.TempDir()
	serve, err := Open(context.Background(), dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { serve.Close() })
	load, err = Open(context.Background(), dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { load.Close() })
	return serve, load
}
