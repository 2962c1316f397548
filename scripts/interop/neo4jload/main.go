// Command neo4jload loads the neo4j-admin CSV sets that scripts/interop/gen
// wrote into a fresh Neo4j with LOAD CSV, and checks the node and relationship
// counts and a few properties against expected.json (the store's own counts).
// It exits 1 on any mismatch.
//
//	go run ./scripts/interop/neo4jload -uri bolt://127.0.0.1:PORT -out DIR
//
// neo4j-admin itself is not published as a Maven artifact we can run, so the
// files are read by Neo4j's LOAD CSV, through the script every neo4j-csv
// export ships (load-csv.cypher): one statement per file, built from the
// file's header with the neo4j-admin grammar (id:ID(space) and :LABEL give
// nodes, :START_ID(space), :END_ID(space) and :TYPE relationships, typed
// columns such as count:int, first:date and aliases:string[] are converted
// as neo4j-admin would). The statements run through the Go driver one by one
// (CALL ... IN TRANSACTIONS needs auto-commit transactions).
//
// The database is wiped before each graph: point it only at a throwaway
// server (scripts/interop/run starts its own).
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"

	"github.com/demarche/demarche/export"
)

func main() {
	uri := flag.String("uri", os.Getenv("DEMARCHE_TEST_NEO4J_URI"), "Bolt URI of a throwaway Neo4j (it is wiped)")
	out := flag.String("out", "", "directory scripts/interop/gen wrote")
	flag.Parse()
	if *uri == "" || *out == "" {
		fmt.Fprintln(os.Stderr, "usage: neo4jload -uri bolt://127.0.0.1:PORT -out DIR")
		os.Exit(2)
	}
	ctx := context.Background()
	if err := run(ctx, *uri, *out); err != nil {
		slog.Error("neo4j interop failed", "err", err)
		os.Exit(1)
	}
}

type expected struct {
	Nodes       int            `json:"nodes"`
	Edges       int            `json:"edges"`
	Labels      map[string]int `json:"labels"`
	Types       map[string]int `json:"types"`
	NodeSamples []struct {
		ID, Label, Kind, Name, Country string
	} `json:"node_samples"`
	EdgeSamples []struct {
		ID, Source, Target, Kind string
		Count, Reports           int
		First, Last              string
	} `json:"edge_samples"`
}

func run(ctx context.Context, uri, out string) error {
	b, err := os.ReadFile(filepath.Join(out, "expected.json"))
	if err != nil {
		return err
	}
	var exp map[string]expected
	if err := json.Unmarshal(b, &exp); err != nil {
		return err
	}
	drv, err := neo4j.NewDriverWithContext(uri, neo4j.NoAuth())
	if err != nil {
		return err
	}
	defer drv.Close(ctx)
	if err := drv.VerifyConnectivity(ctx); err != nil {
		return err
	}
	l := &loader{drv: drv}
	importDir, err := l.importDir(ctx)
	if err != nil {
		return err
	}
	var failed []error
	for _, graph := range []string{export.GraphActors, export.GraphProvenance} {
		e, ok := exp[graph]
		if !ok {
			return fmt.Errorf("expected.json has no %s graph", graph)
		}
		t0 := time.Now()
		if err := l.wipe(ctx); err != nil {
			return err
		}
		src := filepath.Join(out, graph+"-neo4j")
		base, err := l.stage(ctx, src, importDir, graph)
		if err != nil {
			return err
		}
		if err := l.load(ctx, src, base); err != nil {
			return fmt.Errorf("%s: %w", graph, err)
		}
		errs, err := l.compare(ctx, graph, e)
		if err != nil {
			return err
		}
		failed = append(failed, errs...)
		fmt.Printf("neo4j %-10s LOAD CSV of %s: %d nodes, %d relationships expected, %d mismatches (%.1fs)\n",
			graph, src, e.Nodes, e.Edges, len(errs), time.Since(t0).Seconds())
	}
	if len(failed) > 0 {
		for _, err := range failed {
			fmt.Fprintln(os.Stderr, "  "+err.Error())
		}
		return fmt.Errorf("%d mismatches between Neo4j and the store", len(failed))
	}
	fmt.Println("neo4j: both neo4j-admin CSV sets load back into Neo4j with the store's counts and properties")
	return nil
}

type loader struct{ drv neo4j.DriverWithContext }

// exec runs one auto-commit query (CALL ... IN TRANSACTIONS needs one) and
// returns its records.
func (l *loader) exec(ctx context.Context, q string, params map[string]any) ([]*neo4j.Record, error) {
	sess := l.drv.NewSession(ctx, neo4j.SessionConfig{})
	defer sess.Close(ctx)
	res, err := sess.Run(ctx, q, params)
	if err != nil {
		return nil, err
	}
	recs, err := res.Collect(ctx)
	if err != nil {
		return nil, fmt.Errorf("%w\nquery: %s", err, q)
	}
	return recs, nil
}

// importDir asks the server where LOAD CSV's file:/// URLs point.
func (l *loader) importDir(ctx context.Context) (string, error) {
	recs, err := l.exec(ctx, "CALL dbms.listConfig('server.directories.import') YIELD name, value RETURN value", nil)
	if err != nil {
		return "", err
	}
	for _, r := range recs {
		if v, ok := r.Values[0].(string); ok {
			return v, nil
		}
	}
	return "", nil
}

func (l *loader) wipe(ctx context.Context) error {
	_, err := l.exec(ctx, "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS", nil)
	return err
}

// stage makes the set readable by the server's LOAD CSV and returns the URL
// prefix ($base) of its files. Files are copied into the import directory the
// server reports, the documented place; an embedded server that resolves file
// URLs from the root instead (as the dev server does) is probed for and given
// the absolute URL of the set's directory.
func (l *loader) stage(ctx context.Context, src, importDir, graph string) (string, error) {
	entries, err := os.ReadDir(src)
	if err != nil {
		return "", err
	}
	abs, err := filepath.Abs(src)
	if err != nil {
		return "", err
	}
	var bases []string
	if importDir != "" {
		dst := filepath.Join(importDir, "demarche-interop", graph)
		if err := os.MkdirAll(dst, 0o755); err != nil {
			return "", err
		}
		for _, e := range entries {
			b, err := os.ReadFile(filepath.Join(src, e.Name()))
			if err != nil {
				return "", err
			}
			if err := os.WriteFile(filepath.Join(dst, e.Name()), b, 0o644); err != nil {
				return "", err
			}
		}
		bases = append(bases, "file:///demarche-interop/"+graph+"/")
	}
	bases = append(bases, "file://"+abs+"/")
	for _, base := range bases {
		_, err := l.exec(ctx, "LOAD CSV FROM $base + $file AS row RETURN count(row)", map[string]any{"base": base, "file": export.Neo4jImportFile})
		if err == nil {
			return base, nil
		}
	}
	return "", fmt.Errorf("the server reads none of the files of %s through file:/// URLs (import directory %q)", src, importDir)
}

// load runs the set's own LOAD CSV script, statement by statement.
func (l *loader) load(ctx context.Context, dir, base string) error {
	script, err := os.ReadFile(filepath.Join(dir, export.Neo4jLoadFile))
	if err != nil {
		return err
	}
	for _, stmt := range strings.Split(string(script), ";\n") {
		var lines []string
		for _, line := range strings.Split(stmt, "\n") {
			if !strings.HasPrefix(strings.TrimSpace(line), "//") {
				lines = append(lines, line)
			}
		}
		q := strings.TrimSpace(strings.Join(lines, "\n"))
		if q == "" {
			continue
		}
		t0 := time.Now()
		if _, err := l.exec(ctx, q, map[string]any{"base": base}); err != nil {
			return fmt.Errorf("%s: %w", export.Neo4jLoadFile, err)
		}
		if file := loadedFile.FindStringSubmatch(q); file != nil {
			fmt.Printf("  %-26s loaded in %.2fs\n", file[1], time.Since(t0).Seconds())
		}
	}
	return nil
}

var loadedFile = regexp.MustCompile(`FROM \$base \+ '([^']+)'`)

// compare checks the loaded database against the store's counts and samples.
func (l *loader) compare(ctx context.Context, graph string, e expected) ([]error, error) {
	var errs []error
	mismatch := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf(graph+": "+format, args...))
	}
	counts := func(q string) (map[string]int, int, error) {
		recs, err := l.exec(ctx, q, nil)
		if err != nil {
			return nil, 0, err
		}
		m, total := map[string]int{}, 0
		for _, r := range recs {
			k, _ := r.Values[0].(string)
			n, _ := r.Values[1].(int64)
			m[k] = int(n)
			total += int(n)
		}
		return m, total, nil
	}
	labels, _, err := counts("MATCH (n) UNWIND labels(n) AS l RETURN l, count(*)")
	if err != nil {
		return nil, err
	}
	types, rels, err := counts("MATCH ()-[r]->() RETURN type(r), count(*)")
	if err != nil {
		return nil, err
	}
	recs, err := l.exec(ctx, "MATCH (n) RETURN count(n)", nil)
	if err != nil {
		return nil, err
	}
	nodes := int(recs[0].Values[0].(int64))
	if nodes != e.Nodes {
		mismatch("%d nodes, the store has %d", nodes, e.Nodes)
	}
	if rels != e.Edges {
		mismatch("%d relationships, the store has %d", rels, e.Edges)
	}
	for _, m := range []struct {
		what      string
		got, want map[string]int
	}{{"label", labels, e.Labels}, {"type", types, e.Types}} {
		keys := map[string]bool{}
		for k := range m.got {
			keys[k] = true
		}
		for k := range m.want {
			keys[k] = true
		}
		sorted := make([]string, 0, len(keys))
		for k := range keys {
			sorted = append(sorted, k)
		}
		sort.Strings(sorted)
		for _, k := range sorted {
			if m.got[k] != m.want[k] {
				mismatch("%s %s: %d in Neo4j, %d in the store", m.what, k, m.got[k], m.want[k])
			}
		}
	}
	for _, s := range e.NodeSamples {
		recs, err := l.exec(ctx, "MATCH (n:Actor {id: $id}) RETURN n.name, n.kind, coalesce(n.country, ''), labels(n)", map[string]any{"id": s.ID})
		if err != nil {
			return nil, err
		}
		if len(recs) != 1 {
			mismatch("actor %s: %d nodes", s.ID, len(recs))
			continue
		}
		v := recs[0].Values
		got := fmt.Sprint(v[0], "|", v[1], "|", v[2], "|", v[3])
		want := fmt.Sprint(s.Name, "|", s.Kind, "|", s.Country, "|", []any{"Actor", s.Label})
		if got != want {
			mismatch("actor %s: %s, want %s", s.ID, got, want)
		}
	}
	for _, s := range e.EdgeSamples {
		recs, err := l.exec(ctx, "MATCH (a:Actor {id: $s})-[r]->(b:Actor {id: $t}) WHERE type(r) = $kind RETURN r.count, r.reports, r.first, r.last",
			map[string]any{"s": s.Source, "t": s.Target, "kind": s.Kind})
		if err != nil {
			return nil, err
		}
		if len(recs) != 1 {
			mismatch("edge %s: %d relationships", s.ID, len(recs))
			continue
		}
		v := recs[0].Values
		count, ok1 := v[0].(int64)
		reports, ok2 := v[1].(int64)
		first, ok3 := v[2].(dbtype.Date)
		last, ok4 := v[3].(dbtype.Date)
		if !ok1 || !ok2 || !ok3 || !ok4 {
			mismatch("edge %s: properties have types %T %T %T %T, want integers and dates", s.ID, v[0], v[1], v[2], v[3])
			continue
		}
		got := fmt.Sprint(count, reports, first.Time().Format(time.DateOnly), last.Time().Format(time.DateOnly))
		want := fmt.Sprint(s.Count, s.Reports, s.First, s.Last)
		if got != want {
			mismatch("edge %s: count reports first last = %s, want %s", s.ID, got, want)
		}
	}
	return errs, nil
}
