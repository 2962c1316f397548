package main

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/demarche/demarche/store/neo4jstore"
	"github.com/demarche/demarche/store/sqlitestore/sqlitebench"
)

// Ceiling is what -ceiling measures: the finished graph copied into an empty
// store of the same schema by the cheapest route the database offers, an upper
// bound for any load of that graph through the store's own writes.
type Ceiling struct {
	Statements  int     `json:"statements"`
	Nodes       int     `json:"nodes,omitempty"`
	Edges       int     `json:"relationships,omitempty"`
	Seconds     float64 `json:"seconds"`
	StmtsPerSec float64 `json:"statements_per_s"`
	// Parts splits Seconds by step (Neo4j: nodes, relationships, schema).
	Parts map[string]float64 `json:"parts,omitempty"`
}

func newCeiling(statements int, took time.Duration) *Ceiling {
	return &Ceiling{Statements: statements, Seconds: took.Seconds(), StmtsPerSec: float64(statements) / took.Seconds()}
}

// sqliteCeiling copies the store in dir into a scratch directory beside it
// (sqlitebench.CopyCeiling) and removes the copy.
func sqliteCeiling(ctx context.Context, dir string) (*Ceiling, error) {
	scratch := strings.TrimRight(dir, "/") + ".ceiling"
	if err := os.RemoveAll(scratch); err != nil {
		return nil, err
	}
	defer os.RemoveAll(scratch)
	n, took, err := sqlitebench.CopyCeiling(ctx, dir, scratch)
	if err != nil {
		return nil, fmt.Errorf("ceiling: %w", err)
	}
	return newCeiling(n, took), nil
}

// The batch of rows one UNWIND of the Neo4j copy writes, each in its own
// transaction (what a bulk loader would do).
const copyBatch = 10000

type nodeRow struct {
	labels []string
	id     string
	props  map[string]any
}

type relRow struct {
	typ, from, to string
	props         map[string]any
}

// neo4jCeiling reads every node and relationship of the Neo4j graph into
// memory, empties the database and drops its schema, then, timed: creates the
// nodes with plain CREATE (UNWIND batches of copyBatch rows, one transaction
// each), the relationships between them found by element id (no index, no
// MERGE), and the store's schema again (neo4jstore.Open builds the constraints
// and indexes and waits until they are online). The graph is left as it was,
// rebuilt.
func neo4jCeiling(ctx context.Context, uri string, log *slog.Logger) (*Ceiling, error) {
	drv, err := neo4j.NewDriverWithContext(uri, neo4j.NoAuth())
	if err != nil {
		return nil, fmt.Errorf("neo4j driver: %w", err)
	}
	defer drv.Close(ctx)

	var nodes []nodeRow
	var rels []relRow
	read := func(q string, each func(*neo4j.Record)) error {
		sess := drv.NewSession(ctx, neo4j.SessionConfig{AccessMode: neo4j.AccessModeRead})
		defer sess.Close(ctx)
		res, err := sess.Run(ctx, q, nil)
		if err != nil {
			return err
		}
		for res.Next(ctx) {
			each(res.Record())
		}
		return res.Err()
	}
	if err := read("MATCH (n) RETURN elementId(n), labels(n), properties(n)", func(r *neo4j.Record) {
		labels := anyStrings(r.Values[1])
		slices.Sort(labels)
		nodes = append(nodes, nodeRow{labels: labels, id: r.Values[0].(string), props: r.Values[2].(map[string]any)})
	}); err != nil {
		return nil, fmt.Errorf("ceiling: reading nodes: %w", err)
	}
	if err := read("MATCH (a)-[r]->(b) RETURN type(r), elementId(a), elementId(b), properties(r)", func(r *neo4j.Record) {
		rels = append(rels, relRow{typ: r.Values[0].(string), from: r.Values[1].(string), to: r.Values[2].(string), props: r.Values[3].(map[string]any)})
	}); err != nil {
		return nil, fmt.Errorf("ceiling: reading relationships: %w", err)
	}
	statements := 0
	for _, n := range nodes {
		if slices.Contains(n.labels, "Statement") {
			statements++
		}
	}
	if err := wipeNeo4j(ctx, uri); err != nil {
		return nil, err
	}
	if err := dropSchema(ctx, drv); err != nil {
		return nil, err
	}

	start := time.Now()
	write := func(q string, rows []map[string]any, each func(*neo4j.Record)) error {
		sess := drv.NewSession(ctx, neo4j.SessionConfig{AccessMode: neo4j.AccessModeWrite})
		defer sess.Close(ctx)
		_, err := sess.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
			res, err := tx.Run(ctx, q, map[string]any{"rows": rows})
			if err != nil {
				return nil, err
			}
			for res.Next(ctx) {
				if each != nil {
					each(res.Record())
				}
			}
			return nil, res.Err()
		})
		return err
	}
	// Nodes, by label set; the new element id of each old one.
	newID := make(map[string]string, len(nodes))
	slices.SortStableFunc(nodes, func(a, b nodeRow) int { return slices.Compare(a.labels, b.labels) })
	for i := 0; i < len(nodes); {
		j := i
		for j < len(nodes) && j-i < copyBatch && slices.Equal(nodes[j].labels, nodes[i].labels) {
			j++
		}
		rows := make([]map[string]any, 0, j-i)
		for _, n := range nodes[i:j] {
			rows = append(rows, map[string]any{"id": n.id, "props": n.props})
		}
		// Labels cannot be parameters; these come from the database itself.
		q := "UNWIND $rows AS row CREATE (n" + labelList(nodes[i].labels) + ") SET n = row.props RETURN row.id, elementId(n)"
		if err := write(q, rows, func(r *neo4j.Record) { newID[r.Values[0].(string)] = r.Values[1].(string) }); err != nil {
			return nil, fmt.Errorf("ceiling: creating nodes: %w", err)
		}
		i = j
	}
	nodesDone := time.Now()
	// Relationships, by type.
	slices.SortStableFunc(rels, func(a, b relRow) int { return strings.Compare(a.typ, b.typ) })
	for i := 0; i < len(rels); {
		j := i
		for j < len(rels) && j-i < copyBatch && rels[j].typ == rels[i].typ {
			j++
		}
		rows := make([]map[string]any, 0, j-i)
		for _, r := range rels[i:j] {
			rows = append(rows, map[string]any{"a": newID[r.from], "b": newID[r.to], "props": r.props})
		}
		q := "UNWIND $rows AS row MATCH (a) WHERE elementId(a) = row.a MATCH (b) WHERE elementId(b) = row.b CREATE (a)-[r:" +
			quoteName(rels[i].typ) + "]->(b) SET r = row.props"
		if err := write(q, rows, nil); err != nil {
			return nil, fmt.Errorf("ceiling: creating relationships: %w", err)
		}
		i = j
	}
	relsDone := time.Now()
	// The schema, as the store creates it (and waits for its indexes).
	s, err := neo4jstore.Open(ctx, neo4jstore.Config{URI: uri, Logger: log})
	if err != nil {
		return nil, fmt.Errorf("ceiling: schema: %w", err)
	}
	took := time.Since(start)
	s.Close()
	c := newCeiling(statements, took)
	c.Nodes, c.Edges = len(nodes), len(rels)
	c.Parts = map[string]float64{"nodes": nodesDone.Sub(start).Seconds(), "relationships": relsDone.Sub(nodesDone).Seconds(),
		"schema": took.Seconds() - relsDone.Sub(start).Seconds()}
	return c, nil
}

// dropSchema drops every constraint and index but the token lookup indexes.
func dropSchema(ctx context.Context, drv neo4j.DriverWithContext) error {
	for _, q := range []struct{ show, drop string }{
		{"SHOW CONSTRAINTS YIELD name RETURN name", "DROP CONSTRAINT "},
		{"SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN name", "DROP INDEX "},
	} {
		res, err := neo4j.ExecuteQuery(ctx, drv, q.show, nil, neo4j.EagerResultTransformer)
		if err != nil {
			return fmt.Errorf("ceiling: reading the schema: %w", err)
		}
		for _, r := range res.Records {
			// Schema names cannot be parameters; these come from the database itself.
			if _, err := neo4j.ExecuteQuery(ctx, drv, q.drop+quoteName(r.Values[0].(string)), nil, neo4j.EagerResultTransformer); err != nil {
				return fmt.Errorf("ceiling: dropping %s: %w", r.Values[0], err)
			}
		}
	}
	return nil
}

// quoteName quotes a label, type or schema name for Cypher.
func quoteName(s string) string { return "`" + strings.ReplaceAll(s, "`", "``") + "`" }

func labelList(labels []string) string {
	var b strings.Builder
	for _, l := range labels {
		b.WriteString(":" + quoteName(l))
	}
	return b.String()
}

func anyStrings(v any) []string {
	xs, _ := v.([]any)
	out := make([]string, 0, len(xs))
	for _, x := range xs {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	return out
}
