package faulttest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/demarche/demarche/store/neo4jstore"
)

// devNeo4j is a dev Neo4j of the test's own (scripts/neo4j-dev/run), on a
// fixed port so that it can be restarted where clients expect it.
type devNeo4j struct {
	dir     string
	port    int
	running bool
}

func newDevNeo4j(t *testing.T) *devNeo4j {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	_ = ln.Close()
	d := &devNeo4j{dir: t.TempDir(), port: port}
	t.Cleanup(func() { _, _ = d.run(t, "stop") })
	return d
}

func (d *devNeo4j) uri() string { return fmt.Sprintf("bolt://127.0.0.1:%d", d.port) }

func (d *devNeo4j) run(t *testing.T, cmd string) (string, error) {
	c := exec.Command(filepath.Join(repoRoot(t), "scripts", "neo4j-dev", "run"), cmd)
	c.Env = append(os.Environ(), "NEO4J_DEV_DIR="+d.dir, "NEO4J_DEV_PORT="+strconv.Itoa(d.port),
		"NEO4J_DEV_HEAP=512m", "NEO4J_DEV_PAGECACHE=128m")
	var stderr bytes.Buffer
	c.Stderr = &stderr
	out, err := c.Output()
	t.Logf("neo4j-dev %s: %s", cmd, strings.TrimSpace(stderr.String()))
	if err != nil {
		return "", fmt.Errorf("scripts/neo4j-dev/run %s: %w\n%s", cmd, err, stderr.String())
	}
	return string(out), nil
}

// startErr starts (or restarts) the server; it may run on another goroutine.
func (d *devNeo4j) startErr(t *testing.T) error {
	out, err := d.run(t, "start")
	if err != nil {
		return err
	}
	if !strings.Contains(out, d.uri()) {
		return fmt.Errorf("neo4j-dev started on %q, want %s", out, d.uri())
	}
	d.running = true
	return nil
}

func (d *devNeo4j) start(t *testing.T) {
	t.Helper()
	if err := d.startErr(t); err != nil {
		t.Fatal(err)
	}
}

// kill9 SIGKILLs the Neo4j JVM.
func (d *devNeo4j) kill9(t *testing.T) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(d.dir, "server.pid"))
	if err != nil {
		t.Fatal(err)
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil {
		t.Fatal(err)
	}
	d.running = false
	if err := syscall.Kill(pid, syscall.SIGKILL); err != nil {
		t.Fatalf("kill -9 %d: %v", pid, err)
	}
	for i := 0; i < 100 && syscall.Kill(pid, 0) == nil; i++ {
		time.Sleep(100 * time.Millisecond)
	}
	t.Logf("killed the Neo4j JVM (pid %d) with SIGKILL", pid)
}

// TestNeo4jFaults runs a dev Neo4j of its own through the faults of the
// issue, in order:
//
//   - down at start: `demarche serve` on a Neo4j that is not there starts,
//     /readyz answers 503, GraphQL queries fail at once with UNAVAILABLE, and
//     when Neo4j comes up the server recovers by itself;
//   - killed mid-load: `demarche load` of many articles with Neo4j SIGKILLed
//     after some batches, Neo4j restarted on the same data and port, the load
//     re-run: every article reported written before the kill is there, and the
//     graph is exactly that of an uninterrupted load into a wiped database.
func TestNeo4jFaults(t *testing.T) {
	if !faultTests() {
		t.Skip("set DEMARCHE_FAULT_TESTS=1 to run the Neo4j fault tests (they start their own Neo4j: minutes)")
	}
	neo := newDevNeo4j(t)
	t.Run("down at start", func(t *testing.T) { testNeo4jDownAtStart(t, neo) })
	if t.Failed() {
		return
	}
	t.Run("killed mid-load", func(t *testing.T) { testNeo4jKilledMidLoad(t, neo) })
}

func testNeo4jDownAtStart(t *testing.T, neo *devNeo4j) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	_ = ln.Close()
	srv := exec.Command(demarche(t), "serve")
	srv.Env = append(os.Environ(), "DEMARCHE_ADDR="+addr, "NEO4J_URI="+neo.uri(), "DEMARCHE_LOG_LEVEL=INFO")
	var logs bytes.Buffer
	srv.Stdout, srv.Stderr = &logs, &logs
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		_ = srv.Process.Signal(syscall.SIGTERM)
		_ = srv.Wait()
		if t.Failed() {
			t.Logf("serve's log:\n%s", logs.String())
		}
	}()
	base := "http://" + addr
	deadline := time.Now().Add(30 * time.Second)
	for {
		resp, err := http.Get(base + "/healthz")
		if err == nil {
			resp.Body.Close()
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("serve did not start while Neo4j is down: %v", err)
		}
		time.Sleep(200 * time.Millisecond)
	}
	if code := status(t, base+"/readyz"); code != http.StatusServiceUnavailable {
		t.Errorf("/readyz with Neo4j down: %d, want 503", code)
	}
	t0 := time.Now()
	code, g := query(t, base, `{ stats { actors } }`)
	if took := time.Since(t0); took > 10*time.Second {
		t.Errorf("a query with Neo4j down took %s: it must fail fast", took)
	}
	if code >= 500 && code != http.StatusServiceUnavailable {
		t.Errorf("query with Neo4j down: HTTP %d", code)
	}
	if len(g.Errors) == 0 || g.Errors[0].Extensions["code"] != "UNAVAILABLE" || !strings.Contains(g.Errors[0].Message, "unavailable") {
		t.Errorf("query with Neo4j down: want an UNAVAILABLE error with a clear message, got %+v", g.Errors)
	}

	neo.start(t)
	deadline = time.Now().Add(2 * time.Minute)
	for status(t, base+"/readyz") != http.StatusOK {
		if time.Now().After(deadline) {
			t.Fatal("/readyz did not recover within 2 minutes of Neo4j coming up")
		}
		time.Sleep(500 * time.Millisecond)
	}
	code, g = query(t, base, `{ stats { actors } }`)
	if code != 200 || len(g.Errors) > 0 {
		t.Fatalf("query after Neo4j came up: %d %+v", code, g.Errors)
	}
}

func status(t *testing.T, url string) int {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		return 0
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp.StatusCode
}

func query(t *testing.T, base, q string) (int, gqlResponse) {
	t.Helper()
	body, _ := json.Marshal(map[string]string{"query": q})
	resp, err := http.Post(base+"/graphql", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatalf("POST /graphql: %v", err)
	}
	defer resp.Body.Close()
	var g gqlResponse
	b, _ := io.ReadAll(resp.Body)
	_ = json.Unmarshal(b, &g)
	return resp.StatusCode, g
}

func testNeo4jKilledMidLoad(t *testing.T, neo *devNeo4j) {
	if !neo.running {
		neo.start(t)
	}
	const n = 800
	articles := t.TempDir()
	gen := writeArticles(t, articles, n)
	env := []string{"NEO4J_URI=" + neo.uri(), "NEO4J_USER="}

	wipeNeo4j(t, neo.uri())
	if out, err := loadCmd(t, articles, env...).CombinedOutput(); err != nil {
		t.Fatalf("reference load: %v\n%s", err, tail(out))
	}
	want := neo4jSnapshot(t, neo.uri())
	if len(want.Articles) != n {
		t.Fatalf("the reference load holds %d articles, want %d", len(want.Articles), n)
	}
	wantReports := func() map[string]int {
		s := openNeo4jKeep(t, neo.uri())
		defer s.Close()
		return reportsByArticle(t, s)
	}()

	// Kill Neo4j after a quarter of the articles are written, and restart it at
	// once on the same data and port: the load, retrying, may finish by itself.
	wipeNeo4j(t, neo.uri())
	restarted := make(chan error, 1)
	load := loadCmd(t, articles, env...)
	var summary bytes.Buffer
	written := loadUntil(t, load, n/4, func() {
		neo.kill9(t)
		go func() { restarted <- neo.startErr(t) }()
	}, &summary)
	if err := <-restarted; err != nil {
		t.Fatal(err)
	}
	t.Logf("Neo4j killed after %d articles reported written; the load then ended with %v: %s",
		len(written), load.ProcessState, strings.TrimSpace(summary.String()))

	s := openNeo4jKeep(t, neo.uri())
	byPath := map[string]string{}
	for _, g := range gen {
		byPath[g.path] = g.url
	}
	ctx := context.Background()
	for _, src := range written {
		if _, err := s.GetArticleByURL(ctx, byPath[src]); err != nil {
			t.Errorf("article %s was reported written before the kill but is missing after the restart: %v", src, err)
		}
	}
	got := takeSnapshot(t, s)
	t.Logf("after the kill and restart: %d of %d articles", len(got.Articles), n)
	for id, k := range reportsByArticle(t, s) {
		if k != wantReports[id] {
			t.Errorf("article %s is half there after the kill: %d reports, want %d", id, k, wantReports[id])
		}
	}
	_ = s.Close()
	// The load waited out the restart (--unavailable-wait) and finished by itself.
	compareGraphs(t, "after Neo4j was killed mid-load, once the load had waited out the restart", neo4jSnapshot(t, neo.uri()), want)

	if out, err := loadCmd(t, articles, env...).CombinedOutput(); err != nil {
		t.Fatalf("re-run of the load after the restart: %v\n%s", err, tail(out))
	}
	compareGraphs(t, "after Neo4j was killed mid-load and the load re-run", neo4jSnapshot(t, neo.uri()), want)
}

func openNeo4jKeep(t *testing.T, uri string) *neo4jstore.Store {
	t.Helper()
	var s *neo4jstore.Store
	var err error
	for range 30 { // right after a restart, the first connections may still be refused
		if s, err = neo4jstore.Open(context.Background(), neo4jstore.Config{URI: uri}); err == nil {
			return s
		}
		time.Sleep(time.Second)
	}
	t.Fatalf("open neo4j store: %v", err)
	return nil
}

func neo4jSnapshot(t *testing.T, uri string) graphSnapshot {
	t.Helper()
	s := openNeo4jKeep(t, uri)
	defer s.Close()
	return takeSnapshot(t, s)
}
