package export

import (
	"archive/zip"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"slices"
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

// neo4jHead is the header of a section's file; fixed is the number of
// leading id, label and type fields.
func neo4jHead(sec section) (head []string, fixed int) {
	if sec.node {
		head = []string{"id:ID(" + sec.space + ")", ":LABEL"}
	} else {
		head = []string{":START_ID(" + sec.from + ")", ":END_ID(" + sec.to + ")", ":TYPE"}
	}
	fixed = len(head)
	for _, i := range neo4jColumns(sec) {
		head = append(head, neo4jHeader(sec.cols[i]))
	}
	return head, fixed
}

// writeNeo4jSection writes one node or relationship file.
func writeNeo4jSection(ctx context.Context, w *out, sec section) error {
	cw := csv.NewWriter(w)
	idx := neo4jColumns(sec)
	head, fixed := neo4jHead(sec)
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

// Neo4jLoadFile is the file of a neo4j-csv export that loads the same files
// with LOAD CSV, for servers where neo4j-admin cannot be run (a running
// database, Aura): one Cypher statement per ";"-ended line group, reading
// every file from the URL prefix $base.
const Neo4jLoadFile = "load-csv.cypher"

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
	b.WriteString("# Or, into a running database, with LOAD CSV (files in the import directory):\n")
	b.WriteString("#   cypher-shell -P \"base => 'file:///'\" -f " + Neo4jLoadFile + "\n")
	return b.String()
}

// neo4jLoadScript is the LOAD CSV script of g's files. Each ID space gets a
// temporary label and index so relationships find their ends as neo4j-admin's
// ID spaces do; they are removed at the end. Labels and relationship types
// come from the :LABEL and :TYPE columns (dynamic labels, Neo4j 5.26+).
func neo4jLoadScript(g *graph) string {
	var b strings.Builder
	b.WriteString("// Loads the files of this set with LOAD CSV into a running Neo4j 5.26 or later.\n")
	b.WriteString("// Set $base to where the server reads them, e.g. in cypher-shell:\n")
	b.WriteString("//   cypher-shell -P \"base => 'file:///'\" -f " + Neo4jLoadFile + "\n")
	spaces := []string{}
	for _, sec := range g.nodes {
		if !slices.Contains(spaces, sec.space) {
			spaces = append(spaces, sec.space)
		}
	}
	for _, sp := range spaces {
		fmt.Fprintf(&b, "CREATE INDEX %s IF NOT EXISTS FOR (n:%s) ON (n.__import_id);\n", importIndex(sp), spaceLabel(sp))
	}
	b.WriteString("CALL db.awaitIndexes(300);\n")
	for _, sec := range append(append([]section(nil), g.nodes...), g.rels...) {
		head, _ := neo4jHead(sec)
		cols, _, err := ParseNeo4jHeader(head)
		if err != nil {
			panic(fmt.Sprintf("export: own header %v: %v", head, err)) // a bug in this package
		}
		b.WriteString(LoadCSVStatement(cols, "$base + '"+sec.file+".csv'"))
		b.WriteString(";\n")
	}
	for _, sp := range spaces {
		fmt.Fprintf(&b, "MATCH (n:%s) CALL (n) { REMOVE n:%s, n.__import_id } IN TRANSACTIONS OF 5000 ROWS;\n", spaceLabel(sp), spaceLabel(sp))
		fmt.Fprintf(&b, "DROP INDEX %s IF EXISTS;\n", importIndex(sp))
	}
	return b.String()
}

// spaceLabel is the temporary label that keeps an ID space's nodes findable.
func spaceLabel(space string) string { return cypherName("__Import_" + space) }

func importIndex(space string) string { return cypherName("__import_" + space) }

// cypherName quotes an identifier for Cypher.
func cypherName(name string) string { return "`" + strings.ReplaceAll(name, "`", "``") + "`" }

// cypherValue is the Cypher expression turning the CSV cell of a typed column
// into its value, as neo4j-admin would (arrays split on ';').
func cypherValue(c Neo4jColumn) string {
	cell := "row." + cypherName(c.Header)
	base, array := strings.CutSuffix(c.Kind, "[]")
	fn := map[string]string{"int": "toInteger", "long": "toInteger", "double": "toFloat", "float": "toFloat",
		"boolean": "toBoolean", "date": "date"}[base]
	switch {
	case !array && fn == "":
		return cell
	case !array:
		return fn + "(" + cell + ")"
	case fn == "":
		return "split(" + cell + ", ';')"
	}
	return "[v IN split(" + cell + ", ';') | " + fn + "(v)]"
}

// LoadCSVStatement is the LOAD CSV statement (without its ";") that loads a
// neo4j-admin file with this header from the URL expression url: nodes are
// created in their ID space's temporary label with their labels from :LABEL;
// relationships join nodes found by id in their spaces, typed by :TYPE.
func LoadCSVStatement(cols []Neo4jColumn, url string) string {
	var body, sets []string
	v, typ := "r", ""
	for _, c := range cols {
		if c.Kind == "ID" {
			v = "n"
		}
	}
	for _, c := range cols {
		switch c.Kind {
		case "ID":
			body = append(body, "CREATE (n:"+spaceLabel(c.Space)+" {__import_id: row."+cypherName(c.Header)+"})")
			if c.Name != "" {
				sets = append(sets, "n."+cypherName(c.Name)+" = row."+cypherName(c.Header))
			}
		case "LABEL":
			body = append(body, "SET n:$(split(row."+cypherName(c.Header)+", ';'))")
		case "START_ID":
			body = append(body, "MATCH (a:"+spaceLabel(c.Space)+" {__import_id: row."+cypherName(c.Header)+"})")
		case "END_ID":
			body = append(body, "MATCH (b:"+spaceLabel(c.Space)+" {__import_id: row."+cypherName(c.Header)+"})")
		case "TYPE":
			typ = c.Header
		case "IGNORE":
		default:
			sets = append(sets, v+"."+cypherName(c.Name)+" = "+cypherValue(c))
		}
	}
	if v == "r" {
		body = append(body, "CREATE (a)-[r:$(row."+cypherName(typ)+")]->(b)")
	}
	if len(sets) > 0 {
		body = append(body, "SET "+strings.Join(sets, ", "))
	}
	return "LOAD CSV WITH HEADERS FROM " + url + " AS row CALL (row) {\n  " + strings.Join(body, "\n  ") + "\n} IN TRANSACTIONS OF 1000 ROWS"
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
	err := create(Neo4jImportFile, func(w *out) error {
		_, err := w.WriteString(neo4jImportCommand(g))
		return err
	})
	if err != nil {
		return err
	}
	return create(Neo4jLoadFile, func(w *out) error {
		_, err := w.WriteString(neo4jLoadScript(g))
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
