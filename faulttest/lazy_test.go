package faulttest

import (
	"context"
	"errors"
	"fmt"
	"net"
	"testing"
	"time"

	"github.com/demarche/demarche/store"
	"github.com/demarche/demarche/store/neo4jstore"
)

// TestNeo4jLazyOpenFailsFast opens the Neo4j store lazily on a port where
// nothing listens: Open succeeds, and every call fails at once with
// store.ErrUnavailable instead of waiting out the driver's retries. Without
// Lazy, Open fails.
func TestNeo4jLazyOpenFailsFast(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	uri := fmt.Sprintf("bolt://%s", ln.Addr())
	_ = ln.Close()
	ctx := context.Background()
	if s, err := neo4jstore.Open(ctx, neo4jstore.Config{URI: uri}); err == nil {
		_ = s.Close()
		t.Fatal("a strict Open succeeded with Neo4j down")
	}
	s, err := neo4jstore.Open(ctx, neo4jstore.Config{URI: uri, Lazy: true})
	if err != nil {
		t.Fatalf("lazy Open with Neo4j down: %v", err)
	}
	defer s.Close()
	start := time.Now()
	for _, call := range []func() error{
		func() error { return s.Ping(ctx) },
		func() error { _, err := s.Stats(ctx); return err },
		func() error { _, _, err := s.ListActors(ctx, store.ActorFilter{}, store.Page{}); return err },
	} {
		if err := call(); !errors.Is(err, store.ErrUnavailable) {
			t.Errorf("call with Neo4j down: %v, want store.ErrUnavailable", err)
		}
	}
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("three calls with Neo4j down took %s: they must fail fast", took)
	}
}
