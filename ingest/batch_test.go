package ingest

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/demarche/demarche/store"
)

// notifyingStore reports the size of every batch written.
type notifyingStore struct {
	store.Store
	batches chan int
}

func (n *notifyingStore) PutArticles(ctx context.Context, gs []*store.ArticleGraph) ([]store.PutResult, error) {
	res, err := n.Store.PutArticles(ctx, gs)
	n.batches <- len(gs)
	return res, err
}

func jsonLine(t *testing.T, headline, body string) []byte {
	t.Helper()
	b, err := json.Marshal(map[string]string{"headline": headline, "body": body})
	if err != nil {
		t.Fatal(err)
	}
	return append(b, '\n')
}

// slowFeed serves two one-article JSONL inputs; the second answers only once
// release is called.
func slowFeed(t *testing.T) (urls []string, release func()) {
	t.Helper()
	gate := make(chan struct{})
	var once sync.Once
	release = func() { once.Do(func() { close(gate) }) }
	first := jsonLine(t, "Ministry rejects hacking claims",
		"The foreign ministry of Freedonia on Monday denied accusations by Sylvania that its agents hacked a power grid.")
	second := jsonLine(t, "Sylvania sanctions Freedonian officers",
		"Sylvania on Tuesday imposed sanctions on three Freedonian intelligence officers over the grid attack.")
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/x-ndjson")
		if r.URL.Path == "/second.jsonl" {
			<-gate
			w.Write(second)
			return
		}
		w.Write(first)
	}))
	t.Cleanup(srv.Close)
	t.Cleanup(release)
	return []string{srv.URL + "/first.jsonl", srv.URL + "/second.jsonl"}, release
}

type loadResult struct {
	sum Summary
	err error
}

// A slow input (here a second URL that does not answer yet) does not hold back
// what was read before it: a partial batch goes to the store once its first
// article has waited BatchWait, not when the batch fills or the input ends.
func TestPartialBatchIsWrittenAfterBatchWait(t *testing.T) {
	urls, release := slowFeed(t)
	s := &notifyingStore{Store: openSQLite(t), batches: make(chan int, 4)}
	p := New(s, Options{BatchSize: 500, BatchWait: 20 * time.Millisecond})
	done := make(chan loadResult, 1)
	go func() {
		sum, err := p.Load(context.Background(), urls)
		done <- loadResult{sum, err}
	}()
	select {
	case n := <-s.batches:
		if n != 1 {
			t.Fatalf("first batch holds %d articles, want the 1 read so far", n)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("the first article was not written while the second input was still coming")
	}
	release()
	r := <-done
	if r.err != nil {
		t.Fatal(r.err)
	}
	if r.sum.Read != 2 || r.sum.Failed != 0 {
		t.Fatalf("summary %+v, want 2 read and none failed", r.sum)
	}
	if n := <-s.batches; n != 1 {
		t.Fatalf("second batch holds %d articles, want 1", n)
	}
}

// With a negative BatchWait a batch is written only when full or at the end of
// the input, however long an input takes.
func TestNegativeBatchWaitWaitsForAFullBatch(t *testing.T) {
	urls, release := slowFeed(t)
	s := &notifyingStore{Store: openSQLite(t), batches: make(chan int, 4)}
	p := New(s, Options{BatchSize: 500, BatchWait: -1})
	done := make(chan loadResult, 1)
	go func() {
		sum, err := p.Load(context.Background(), urls)
		done <- loadResult{sum, err}
	}()
	time.Sleep(100 * time.Millisecond) // the first article waits; nothing may be written
	release()
	r := <-done
	if r.err != nil || r.sum.Read != 2 {
		t.Fatalf("summary %+v, err %v; want 2 read", r.sum, r.err)
	}
	if n := <-s.batches; n != 2 {
		t.Fatalf("first batch holds %d articles, want both in one", n)
	}
}

func TestDefaults(t *testing.T) {
	p := New(openSQLite(t), Options{})
	if p.opts.BatchSize != DefaultBatchSize || p.opts.BatchWait != DefaultBatchWait {
		t.Fatalf("defaults %d, %v", p.opts.BatchSize, p.opts.BatchWait)
	}
}
