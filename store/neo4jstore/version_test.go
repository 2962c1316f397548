package neo4jstore_test

import (
	"context"
	"os"
	"testing"

	"github.com/demarche/demarche/store"
	"github.com/demarche/demarche/store/neo4jstore"
	st "github.com/demarche/demarche/store/storetest"
)

// A write through another Store (another process) changes the version at
// once, and a wiped database never repeats a token.
func TestVersionAcrossStoresAndWipes(t *testing.T) {
	ctx := context.Background()
	serve := newStore(t)
	load, err := neo4jstore.Open(ctx, neo4jstore.Config{URI: testURI(t), Database: os.Getenv("DEMARCHE_TEST_NEO4J_DATABASE")})
	if err != nil {
		t.Fatal(err)
	}
	defer load.Close()
	version := func() string {
		t.Helper()
		v, err := serve.Version(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	empty := version()
	if _, err := load.PutArticle(ctx, st.Art("a1", "Wire", st.R(store.Accuses, st.USA, st.CHN, 0, "The US accused China."))); err != nil {
		t.Fatal(err)
	}
	v1 := version()
	if v1 == empty {
		t.Fatalf("Version after another store wrote = %q, unchanged", v1)
	}
	if v := version(); v != v1 {
		t.Fatalf("Version without writes: %q then %q", v1, v)
	}
	wipe(t, testURI(t))
	if v := version(); v != empty {
		t.Errorf("Version of the wiped database = %q, want %q", v, empty)
	}
	if _, err := load.PutArticle(ctx, st.Art("a1", "Wire", st.R(store.Accuses, st.USA, st.CHN, 0, "The US accused China."))); err != nil {
		t.Fatal(err)
	}
	if v := version(); v == v1 || v == empty {
		t.Errorf("Version after the same write on a wiped database = %q, it was %q before the wipe", v, v1)
	}
}

// BenchmarkVersion is what the response cache adds to every query on Neo4j.
func BenchmarkVersion(b *testing.B) {
	s := newStore(b)
	ctx := context.Background()
	if _, err := s.PutArticle(ctx, st.Art("a1", "Wire", st.R(store.Accuses, st.USA, st.CHN, 0, "The US accused China."))); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.Version(ctx); err != nil {
			b.Fatal(err)
		}
	}
}
