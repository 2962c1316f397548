// Command neo4jload loads the neo4j-admin CSV sets that scripts/interop/gen
// wrote into a fresh Neo4j with LOAD CSV, and checks the node and relationship
// counts and a few properties against expected.json (the store's own counts).
// It exits 1 on any mismatch.
//
//	go run ./scripts/interop/neo4jload -uri bolt://127.0.0.1:PORT -out DIR
//
// neo4j-admin itself is not published as a Maven artifact we can run, so the
// files are read by Neo4j's LOAD CSV, one Cypher statement per file built from
// the file's header with the neo4j-admin grammar (export.ParseNeo4jHeader):
// id:ID(space) and :LABEL give nodes (labels set with 5.26's dynamic labels),
// :START_ID(space), :END_ID(space) and :TYPE give relationships (dynamic
// types), and typed columns (count:int, first:date, aliases:string[]) are
// converted as neo4j-admin would. ID spaces are kept apart by a temporary
// label per space, removed at the end.
//
// The database is wiped before each graph: point it only at a throwaway
// server (scripts/interop/run starts its own).
package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
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
		urls, err := l.stage(ctx, src, importDir, graph)
		if err != nil {
			return err
		}
		if err := l.load(ctx, src, urls); err != nil {
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

// stage makes the set readable by the server's LOAD CSV and returns the
// file:/// URL of each file by name. Files are copied into the import
// directory the server reports, the documented place; an embedded server that
// resolves file URLs from the root instead (as the dev server does) is probed
// for and given absolute URLs of the files where they are.
func (l *loader) stage(ctx context.Context, src, importDir, graph string) (map[string]string, error) {
	entries, err := os.ReadDir(src)
	if err != nil {
		return nil, err
	}
	relative, absolute := map[string]string{}, map[string]string{}
	dst := filepath.Join(importDir, "demarche-interop", graph)
	if importDir != "" {
		if err := os.MkdirAll(dst, 0o755); err != nil {
			return nil, err
		}
	}
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".csv") {
			continue
		}
		from, err := filepath.Abs(filepath.Join(src, e.Name()))
		if err != nil {
			return nil, err
		}
		absolute[e.Name()] = "file://" + from
		if importDir == "" {
			continue
		}
		b, err := os.ReadFile(from)
		if err != nil {
			return nil, err
		}
		if err := os.WriteFile(filepath.Join(dst, e.Name()), b, 0o644); err != nil {
			return nil, err
		}
		relative[e.Name()] = "file:///demarche-interop/" + graph + "/" + e.Name()
	}
	for _, urls := range []map[string]string{relative, absolute} {
		for _, url := range urls {
			if _, err := l.exec(ctx, "LOAD CSV FROM $url AS row RETURN count(row)", map[string]any{"url": url}); err == nil {
				return urls, nil
			}
			break
		}
	}
	return nil, fmt.Errorf("the server reads none of the files of %s through file:/// URLs (import directory %q)", src, importDir)
}

// spaceLabel is the temporary label that keeps an ID space's nodes findable.
func spaceLabel(space string) string { return "`__Import_" + space + "`" }

func quote(name string) string { return "`" + strings.ReplaceAll(name, "`", "``") + "`" }

// convert is the Cypher expression turning the CSV cell of a typed column into its value.
func convert(c export.Neo4jColumn) string {
	cell := "row." + quote(c.Header)
	base, array := strings.CutSuffix(c.Kind, "[]")
	fn := map[string]string{"int": "toInteger", "long": "toInteger", "double": "toFloat", "float": "toFloat",
		"boolean": "toBoolean", "date": "date"}[base]
	if !array {
		if fn == "" {
			return cell
		}
		return fn + "(" + cell + ")"
	}
	if fn == "" {
		return "split(" + cell + ", ';')"
	}
	return "[v IN split(" + cell + ", ';') | " + fn + "(v)]"
}

// load runs LOAD CSV over every file import.txt names, nodes first.
func (l *loader) load(ctx context.Context, dir string, urls map[string]string) error {
	cmd, err := os.ReadFile(filepath.Join(dir, export.Neo4jImportFile))
	if err != nil {
		return err
	}
	nodes, rels := export.Neo4jFiles(string(cmd))
	spaces := map[string]bool{}
	for _, name := range append(append([]string(nil), nodes...), rels...) {
		head, rows, err := headerOf(filepath.Join(dir, name))
		if err != nil {
			return err
		}
		cols, node, err := export.ParseNeo4jHeader(head)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		url, ok := urls[name]
		if !ok {
			return fmt.Errorf("%s named by %s is missing", name, export.Neo4jImportFile)
		}
		var body []string
		var sets []string
		for _, c := range cols {
			switch c.Kind {
			case "ID":
				if !spaces[c.Space] {
					spaces[c.Space] = true
					if _, err := l.exec(ctx, "CREATE INDEX IF NOT EXISTS FOR (n:"+spaceLabel(c.Space)+") ON (n.__import_id)", nil); err != nil {
						return err
					}
					if _, err := l.exec(ctx, "CALL db.awaitIndexes(60)", nil); err != nil {
						return err
					}
				}
				body = append(body, "CREATE (n:"+spaceLabel(c.Space)+" {__import_id: row."+quote(c.Header)+"})")
				if c.Name != "" {
					sets = append(sets, "n."+quote(c.Name)+" = row."+quote(c.Header))
				}
			case "LABEL":
				body = append(body, "SET n:$(split(row."+quote(c.Header)+", ';'))")
			case "START_ID":
				body = append(body, "MATCH (a:"+spaceLabel(c.Space)+" {__import_id: row."+quote(c.Header)+"})")
			case "END_ID":
				body = append(body, "MATCH (b:"+spaceLabel(c.Space)+" {__import_id: row."+quote(c.Header)+"})")
			case "TYPE", "IGNORE":
			default:
				v := "n"
				if !node {
					v = "r"
				}
				sets = append(sets, v+"."+quote(c.Name)+" = "+convert(c))
			}
		}
		if !node {
			typ := ""
			for _, c := range cols {
				if c.Kind == "TYPE" {
					typ = c.Header
				}
			}
			body = append(body, "CREATE (a)-[r:$(row."+quote(typ)+")]->(b)")
		}
		if len(sets) > 0 {
			body = append(body, "SET "+strings.Join(sets, ", "))
		}
		q := "LOAD CSV WITH HEADERS FROM $url AS row CALL (row) {\n  " + strings.Join(body, "\n  ") +
			"\n} IN TRANSACTIONS OF 1000 ROWS"
		t0 := time.Now()
		if _, err := l.exec(ctx, q, map[string]any{"url": url}); err != nil {
			return fmt.Errorf("LOAD CSV %s: %w", name, err)
		}
		fmt.Printf("  %-26s %5d rows in %.2fs\n", name, rows, time.Since(t0).Seconds())
	}
	for space := range spaces {
		q := "MATCH (n:" + spaceLabel(space) + ") CALL (n) { REMOVE n:" + spaceLabel(space) + ", n.__import_id } IN TRANSACTIONS OF 5000 ROWS"
		if _, err := l.exec(ctx, q, nil); err != nil {
			return err
		}
	}
	return nil
}

// headerOf reads a CSV file's header and counts its rows.
func headerOf(path string) ([]string, int, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, 0, err
	}
	defer f.Close()
	cr := csv.NewReader(f)
	head, err := cr.Read()
	if err != nil {
		return nil, 0, fmt.Errorf("%s: %w", path, err)
	}
	rows := 0
	for {
		if _, err := cr.Read(); errors.Is(err, io.EOF) {
			return head, rows, nil
		} else if err != nil {
			return nil, 0, fmt.Errorf("%s: %w", path, err)
		}
		rows++
	}
}

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
