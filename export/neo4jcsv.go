package export

import (
	"archive/zip"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"strings"
)

// neo4jHeader is a column's neo4j-admin header: "name" for strings, else "name:type".
func neo4jHeader(c column) string {
	if c.typ == tString {
		return c.name
	}
	return c.name + ":" + string(c.typ)
}

// neo4jColumns are the property columns of a section in the neo4j-admin files:
// the node column "label" is left out, :LABEL carries it.
func neo4jColumns(sec section) []int {
	var idx []int
	for i, c := range sec.cols {
		if sec.node && c.name == "label" {
			continue
		}
		idx = append(idx, i)
	}
	return idx
}

// writeNeo4jSection writes one node or relationship file.
func writeNeo4jSection(ctx context.Context, w *out, sec section) error {
	cw := csv.NewWriter(w)
	idx := neo4jColumns(sec)
	var head []string
	if sec.node {
		head = []string{"id:ID(" + sec.space + ")", ":LABEL"}
	} else {
		head = []string{":START_ID(" + sec.from + ")", ":END_ID(" + sec.to + ")", ":TYPE"}
	}
	fixed := len(head)
	for _, i := range idx {
		head = append(head, neo4jHeader(sec.cols[i]))
	}
	if err := cw.Write(head); err != nil {
		return err
	}
	row := make([]string, len(head))
	err := sec.walk(ctx, func(e *element) error {
		if err := w.check(ctx); err != nil {
			return err
		}
		if sec.node {
			row[0], row[1] = e.id, strings.Join(e.labels, ";")
		} else {
			row[0], row[1], row[2] = e.source, e.target, e.typ
		}
		for j, i := range idx {
			row[fixed+j], _ = formatValue(e.values[i])
		}
		return cw.Write(row)
	})
	if err != nil {
		return fmt.Errorf("%s: %w", sec.file, err)
	}
	cw.Flush()
	return cw.Error()
}

// Neo4jImportFile is the file of a neo4j-csv export that holds the
// neo4j-admin command importing the others.
const Neo4jImportFile = "import.txt"

// neo4jImportCommand is the neo4j-admin command line for g's files.
func neo4jImportCommand(g *graph) string {
	var b strings.Builder
	b.WriteString("# Import into an empty, stopped database (run from this directory):\n")
	b.WriteString("neo4j-admin database import full --multiline-fields=true --array-delimiter=';'")
	for _, sec := range g.nodes {
		fmt.Fprintf(&b, " \\\n  --nodes=%s.csv", sec.file)
	}
	for _, sec := range g.rels {
		fmt.Fprintf(&b, " \\\n  --relationships=%s.csv", sec.file)
	}
	b.WriteString(" \\\n  neo4j\n")
	return b.String()
}

// writeNeo4jFiles writes every file of the neo4j-admin set, one after the
// other, through create.
func writeNeo4jFiles(ctx context.Context, g *graph, create func(name string, write func(*out) error) error) error {
	for _, sec := range append(append([]section(nil), g.nodes...), g.rels...) {
		err := create(sec.file+".csv", func(w *out) error { return writeNeo4jSection(ctx, w, sec) })
		if err != nil {
			return err
		}
	}
	return create(Neo4jImportFile, func(w *out) error {
		_, err := w.WriteString(neo4jImportCommand(g))
		return err
	})
}

// writeNeo4jZip streams the neo4j-admin set as a zip archive (entries are
// written with data descriptors, so nothing is held to learn their sizes).
func writeNeo4jZip(ctx context.Context, w io.Writer, g *graph) error {
	zw := zip.NewWriter(w)
	err := writeNeo4jFiles(ctx, g, func(name string, write func(*out) error) error {
		fw, err := zw.Create(name)
		if err != nil {
			return err
		}
		o := newOut(fw)
		if err := write(o); err != nil {
			return err
		}
		return o.Flush()
	})
	if err != nil {
		return fmt.Errorf("export neo4j-csv: %w", err)
	}
	return zw.Close()
}
