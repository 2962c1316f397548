package export_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/demarche/demarche/export"
	"github.com/demarche/demarche/store"
)

func TestHandler(t *testing.T) {
	s := fixtureStore(t)
	srv := httptest.NewServer(export.Handler(s))
	defer srv.Close()
	get := func(path string) (*http.Response, []byte) {
		t.Helper()
		resp, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, err := io.ReadAll(resp.Body)
		if err != nil {
			t.Fatal(err)
		}
		return resp, body
	}

	for _, c := range []struct {
		path, contentType, file string
	}{
		{"/export/graphml", "application/graphml+xml; charset=utf-8", "demarche-actors.graphml"},
		{"/export/gexf?graph=provenance", "application/gexf+xml; charset=utf-8", "demarche-provenance.gexf"},
		{"/export/cytoscape", "application/json; charset=utf-8", "demarche-actors.cyjs"},
		{"/export/neo4j-csv?graph=provenance", "application/zip", "demarche-provenance.zip"},
		{"/export/jsonl", "application/x-ndjson; charset=utf-8", "demarche-actors.jsonl"},
		{"/export/csv", "text/csv; charset=utf-8", "demarche-actors.csv"},
		{"/export/events", "text/csv; charset=utf-8", "demarche-events.csv"},
		{"/export/events-tsv", "text/tab-separated-values; charset=utf-8", "demarche-events.tsv"},
	} {
		resp, body := get(c.path)
		if resp.StatusCode != http.StatusOK || len(body) == 0 {
			t.Errorf("%s: %d, %d bytes", c.path, resp.StatusCode, len(body))
			continue
		}
		if got := resp.Header.Get("Content-Type"); got != c.contentType {
			t.Errorf("%s: Content-Type %q, want %q", c.path, got, c.contentType)
		}
		if got, want := resp.Header.Get("Content-Disposition"), `attachment; filename="`+c.file+`"`; got != want {
			t.Errorf("%s: Content-Disposition %q, want %q", c.path, got, want)
		}
	}

	// Every statements filter reaches the export: the answer equals Write with the same filter.
	f := store.StatementFilter{Kinds: []store.StatementKind{store.Accuses, store.Indicts}, Speakers: []string{"state:sdr"},
		Targets: []string{"state:nrl"}, From: d("2024-03-01"), To: d("2024-03-31"), Incident: "incident:cable-cut",
		Publisher: "Evening Post", TextContains: "norland", Rollup: true}
	var want bytes.Buffer
	if err := export.Write(context.Background(), &want, s, export.Options{Format: "jsonl", Graph: "provenance", Filter: f}); err != nil {
		t.Fatal(err)
	}
	resp, body := get("/export/jsonl?graph=provenance&kinds=accuses,INDICTS&speaker=state:sdr&target=state:nrl&from=2024-03-01&to=2024-03-31" +
		"&incident=incident:cable-cut&publisher=Evening+Post&text=norland")
	if resp.StatusCode != http.StatusOK || !bytes.Equal(body, want.Bytes()) {
		t.Errorf("filtered export over HTTP differs from Write's (%d):\n%s\nwant\n%s", resp.StatusCode, body, want.Bytes())
	}
	g, err := export.ReadJSONL(bytes.NewReader(body))
	if err != nil || len(g.Edges) == 0 {
		t.Fatalf("filtered jsonl: %v, %d edges", err, len(g.Edges))
	}
	for _, e := range g.Edges {
		if e.Type == "DENIES" || e.Type == "SANCTIONS" {
			t.Errorf("filtered export holds a %s edge", e.Type)
		}
	}

	for _, c := range []struct {
		path string
		code int
	}{
		{"/export/dot", http.StatusNotFound},
		{"/export/graphml?kinds=PRAISES", http.StatusBadRequest},
		{"/export/graphml?from=March", http.StatusBadRequest},
		{"/export/graphml?graph=everything", http.StatusBadRequest},
		{"/export/graphml?rollup=maybe", http.StatusBadRequest},
	} {
		resp, body := get(c.path)
		if resp.StatusCode != c.code || strings.Contains(string(body), "<graphml") {
			t.Errorf("%s: %d, want %d (%s)", c.path, resp.StatusCode, c.code, body)
		}
	}
	resp, err = http.Post(srv.URL+"/export/graphml", "text/plain", nil)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST: %d", resp.StatusCode)
	}
}

func TestParseQuery(t *testing.T) {
	opts, err := export.ParseQuery("csv", map[string][]string{"either": {"a, b"}, "rollup": {"false"}, "article": {"art:1"}})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(opts.Filter.Either, "|") != "a|b" || opts.Filter.Rollup || opts.Filter.ArticleID != "art:1" || opts.Graph != "" {
		t.Errorf("options %+v", opts)
	}
	if _, err := export.ParseQuery("svg", nil); !errors.Is(err, export.ErrUnknown) {
		t.Errorf("svg: %v", err)
	}
	if _, err := export.ParseQuery("csv", map[string][]string{"to": {"2024-13-01"}}); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("bad date: %v", err)
	}
}

// brokenStore walks n actors, then fails as an unreachable backend.
type brokenStore struct {
	store.Store
	n int
}

func (b brokenStore) WalkActors(ctx context.Context, fn func(store.Actor) error) error {
	for i := 0; i < b.n; i++ {
		if err := fn(store.Actor{ID: fmt.Sprintf("a%d", i), Kind: store.State, Name: "Actor"}); err != nil {
			return err
		}
	}
	return store.ErrUnavailable
}

func TestHandlerStoreFailure(t *testing.T) {
	// Before anything is sent: a plain 503.
	srv := httptest.NewServer(export.Handler(brokenStore{n: 1}))
	defer srv.Close()
	resp, err := http.Get(srv.URL + "/export/graphml")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusServiceUnavailable || resp.Header.Get("Content-Disposition") != "" {
		t.Errorf("failure before the first byte: %d %q %s", resp.StatusCode, resp.Header.Get("Content-Disposition"), body)
	}

	// Midway: the transfer breaks instead of ending like a whole file.
	mid := httptest.NewServer(export.Handler(brokenStore{n: 5000}))
	defer mid.Close()
	resp, err = http.Get(mid.URL + "/export/graphml")
	if err == nil {
		_, err = io.ReadAll(resp.Body)
		resp.Body.Close()
	}
	if err == nil {
		t.Fatal("an export that failed midway reached the client as a complete response")
	}
}

// blockingStore holds its actor walk until released, like a slow export.
type blockingStore struct {
	store.Store
	started, release chan struct{}
}

func (b blockingStore) WalkActors(ctx context.Context, fn func(store.Actor) error) error {
	close(b.started)
	<-b.release
	return nil
}

func (b blockingStore) Edges(ctx context.Context, kinds []store.StatementKind, fn func(store.Edge) error) error {
	return nil
}

func TestHandlerRunsOneExportAtATime(t *testing.T) {
	old := export.SlotWait
	export.SlotWait = 50 * time.Millisecond
	defer func() { export.SlotWait = old }()
	bs := blockingStore{started: make(chan struct{}), release: make(chan struct{})}
	srv := httptest.NewServer(export.Handler(bs))
	defer srv.Close()
	first := make(chan int)
	go func() {
		resp, err := http.Get(srv.URL + "/export/graphml")
		if err != nil {
			first <- 0
			return
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		first <- resp.StatusCode
	}()
	<-bs.started
	resp, err := http.Get(srv.URL + "/export/gexf")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusServiceUnavailable || resp.Header.Get("Retry-After") == "" {
		t.Errorf("second export while the first runs: %d, Retry-After %q", resp.StatusCode, resp.Header.Get("Retry-After"))
	}
	close(bs.release)
	if code := <-first; code != http.StatusOK {
		t.Errorf("first export: %d", code)
	}
}
