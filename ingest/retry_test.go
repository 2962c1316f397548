package ingest

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	"github.com/demarche/demarche/store"
	"github.com/demarche/demarche/store/sqlitestore"
)

// flakyStore refuses the first failures batch writes with store.ErrUnavailable,
// like a Neo4j that is restarting.
type flakyStore struct {
	store.Store
	failures int32
	calls    atomic.Int32
}

func (f *flakyStore) PutArticles(ctx context.Context, gs []*store.ArticleGraph) ([]store.PutResult, error) {
	if f.calls.Add(1) <= f.failures {
		return nil, fmt.Errorf("flaky: %w", store.ErrUnavailable)
	}
	return f.Store.PutArticles(ctx, gs)
}

func (f *flakyStore) PutArticle(ctx context.Context, g *store.ArticleGraph) (store.PutResult, error) {
	if f.calls.Add(1) <= f.failures {
		return store.PutResult{}, fmt.Errorf("flaky: %w", store.ErrUnavailable)
	}
	return f.Store.PutArticle(ctx, g)
}

func openSQLite(t *testing.T) store.Store {
	t.Helper()
	s, err := sqlitestore.Open(context.Background(), t.TempDir(), sqlitestore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func fastRetries(t *testing.T) {
	old, oldMax := retryDelay, maxRetryDelay
	retryDelay, maxRetryDelay = time.Millisecond, 4*time.Millisecond
	t.Cleanup(func() { retryDelay, maxRetryDelay = old, oldMax })
}

func TestLoadWaitsOutAnUnavailableStore(t *testing.T) {
	fastRetries(t)
	want, err := New(openSQLite(t), Options{}).Load(context.Background(), []string{"../examples"})
	if err != nil || want.Loaded == 0 {
		t.Fatalf("reference load: %+v, %v", want, err)
	}

	flaky := &flakyStore{Store: openSQLite(t), failures: 3}
	got, err := New(flaky, Options{BatchSize: 1000}).Load(context.Background(), []string{"../examples"})
	if err != nil {
		t.Fatalf("load through 3 refusals: %v", err)
	}
	if got.Loaded != want.Loaded || got.Failed != 0 || got.Statements != want.Statements {
		t.Fatalf("after retries: %+v, want %+v", got, want)
	}
	if n := flaky.calls.Load(); n != 4 {
		t.Fatalf("PutArticles calls = %d, want 3 refusals + 1 success", n)
	}
}

func TestLoadStopsWhenTheStoreStaysUnavailable(t *testing.T) {
	fastRetries(t)
	flaky := &flakyStore{Store: openSQLite(t), failures: 1 << 30}
	sum, err := New(flaky, Options{BatchSize: 1000, UnavailableWait: 50 * time.Millisecond}).Load(context.Background(), []string{"../examples"})
	if !errors.Is(err, store.ErrUnavailable) {
		t.Fatalf("err = %v, want store.ErrUnavailable", err)
	}
	if sum.Loaded != 0 || sum.Failed == 0 || len(sum.Errors) != sum.Failed {
		t.Fatalf("summary %+v: every article of the batch should be reported failed", sum)
	}
	if n := flaky.calls.Load(); n < 3 {
		t.Fatalf("PutArticles calls = %d, want several retries within the wait", n)
	}
}
