package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"
)

func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// TestServeLoadsExamplesAndAnswersGraphQL is the README's first command end to end:
// serve --load examples/ on a fresh embedded store, query actors, shut down cleanly.
func TestServeLoadsExamplesAndAnswersGraphQL(t *testing.T) {
	dir := t.TempDir()
	addr := freeAddr(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stderr bytes.Buffer
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"serve", "--data", dir, "--addr", addr, "--load", "examples/"}, strings.NewReader(""), io.Discard, &stderr)
	}()
	url := "http://" + addr
	deadline := time.Now().Add(60 * time.Second)
	for {
		resp, err := http.Get(url + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				break
			}
		}
		select {
		case err := <-done:
			t.Fatalf("serve ended early: %v\n%s", err, stderr.String())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("server never became ready\n%s", stderr.String())
		}
		time.Sleep(100 * time.Millisecond)
	}
	body := `{"query":"{ actors(first: 5) { totalCount edges { node { name kind } } } stats { articles statements } }"}`
	resp, err := http.Post(url+"/graphql", "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out struct {
		Data struct {
			Actors struct {
				TotalCount int
				Edges      []struct{ Node struct{ Name, Kind string } }
			}
			Stats struct{ Articles, Statements int }
		}
		Errors []any
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		t.Fatal(err)
	}
	if len(out.Errors) > 0 {
		t.Fatalf("errors: %v", out.Errors)
	}
	// Five example files hold eight articles (the JSON Lines file three, the feed two).
	if out.Data.Stats.Articles != 8 {
		t.Errorf("articles = %d, want 8", out.Data.Stats.Articles)
	}
	if out.Data.Stats.Statements == 0 || out.Data.Actors.TotalCount < 10 || len(out.Data.Actors.Edges) != 5 {
		t.Errorf("unexpected answer: %+v", out.Data)
	}
	for _, e := range out.Data.Actors.Edges {
		if e.Node.Name == "" || e.Node.Kind == "" {
			t.Errorf("actor without name or kind: %+v", e.Node)
		}
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("serve returned %v after shutdown", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("serve did not shut down")
	}
}

func TestLoadTwiceIsANoOpAndReportsFailures(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	loadJSON := func(args ...string) (map[string]any, error) {
		var stdout bytes.Buffer
		err := run(ctx, append([]string{"load", "--data", dir, "--json"}, args...), strings.NewReader(""), &stdout, io.Discard)
		var sum map[string]any
		if jerr := json.Unmarshal(stdout.Bytes(), &sum); jerr != nil {
			t.Fatalf("summary is not JSON: %v\n%s", jerr, stdout.String())
		}
		return sum, err
	}
	first, err := loadJSON("examples/")
	if err != nil {
		t.Fatal(err)
	}
	if first["loaded"].(float64) != 8 {
		t.Fatalf("first load: %v", first)
	}
	second, err := loadJSON("examples/")
	if err != nil {
		t.Fatal(err)
	}
	if second["unchanged"].(float64) != 8 || second["loaded"].(float64) != 0 {
		t.Errorf("second load must change nothing: %v", second)
	}
	bad := t.TempDir() + "/broken.json"
	if err := writeFile(bad, `{"title": "cut off`); err != nil {
		t.Fatal(err)
	}
	third, err := loadJSON(bad, "examples/wire.jsonl")
	var ec exitCoder
	if err == nil || !errors.As(err, &ec) || ec.ExitCode() != 2 {
		t.Errorf("a failed article must fail the load with exit code 2, got %v", err)
	}
	if third["failed"].(float64) != 1 || third["unchanged"].(float64) != 3 {
		t.Errorf("third load: %v", third)
	}
	if errs, _ := third["errors"].([]any); len(errs) != 1 || !strings.Contains(errs[0].(string), "broken.json") {
		t.Errorf("the error must name the file: %v", third["errors"])
	}
	if _, err := loadJSON("--keep-going", bad); err != nil {
		t.Errorf("--keep-going must exit 0, got %v", err)
	}
}

func TestExtractPrintsTheContractKeys(t *testing.T) {
	var stdout bytes.Buffer
	if err := run(context.Background(), []string{"extract", "examples/sanctions-over-pipeline-attack.json"}, nil, &stdout, io.Discard); err != nil {
		t.Fatal(err)
	}
	var out struct {
		Article struct {
			Title, Published, Publisher, URL string
		}
		Entities   []struct{ Name, Type string }
		Statements []struct {
			Speaker, Kind string
			Target        *string
		}
	}
	if err := json.Unmarshal(stdout.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out.Article.Title, "EU imposes sanctions") || out.Article.Published != "2023-06-15T09:30:00Z" ||
		out.Article.Publisher != "Example Wire" || out.Article.URL == "" {
		t.Errorf("article = %+v", out.Article)
	}
	kinds := map[string]bool{}
	for _, s := range out.Statements {
		kinds[s.Kind] = true
	}
	if !kinds["SANCTIONS"] {
		t.Errorf("expected a SANCTIONS statement, got %+v", out.Statements)
	}
}

func TestCommandsHaveHelp(t *testing.T) {
	for _, cmd := range []string{"serve", "load", "extract", "export"} {
		var stderr bytes.Buffer
		err := run(context.Background(), []string{cmd, "--help"}, nil, io.Discard, &stderr)
		if err == nil || !strings.Contains(err.Error(), "help requested") {
			t.Errorf("%s --help: %v", cmd, err)
		}
		if !strings.Contains(stderr.String(), "Usage: demarche "+cmd) {
			t.Errorf("%s --help printed %q", cmd, stderr.String())
		}
	}
	if err := run(context.Background(), []string{"frobnicate"}, nil, io.Discard, io.Discard); err == nil {
		t.Error("an unknown command must fail")
	}
}

func writeFile(path, content string) error { return os.WriteFile(path, []byte(content), 0o644) }
