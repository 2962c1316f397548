package export

import (
	"archive/zip"
	"bufio"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Graph is a graph read back from an export, for checking it.
type Graph struct {
	Nodes []Node
	Edges []Edge
}

// Node is a node read back: its id, labels (Neo4j labels where the format has
// them) and properties.
type Node struct {
	ID     string
	Labels []string
	Props  map[string]any
}

// Edge is a relationship read back.
type Edge struct {
	ID, Type, Source, Target string
	Props                    map[string]any
}

// ErrFormat means a file read back is not in the shape its format promises.
var ErrFormat = errors.New("malformed export")

// ReadCytoscape reads Cytoscape.js JSON ({"elements":{"nodes","edges"}}). It
// checks every node has an id and every edge an id, a source and a target
// that are nodes of the file.
func ReadCytoscape(r io.Reader) (*Graph, error) {
	var doc struct {
		Elements struct {
			Nodes []struct {
				Data map[string]any `json:"data"`
			} `json:"nodes"`
			Edges []struct {
				Data map[string]any `json:"data"`
			} `json:"edges"`
		} `json:"elements"`
	}
	dec := json.NewDecoder(r)
	dec.UseNumber()
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("%w: cytoscape: %v", ErrFormat, err)
	}
	g := &Graph{}
	ids := map[string]bool{}
	for i, n := range doc.Elements.Nodes {
		id, _ := n.Data["id"].(string)
		if id == "" {
			return nil, fmt.Errorf("%w: cytoscape node %d has no id", ErrFormat, i)
		}
		ids[id] = true
		g.Nodes = append(g.Nodes, Node{ID: id, Labels: labelsOf(n.Data["label"]), Props: n.Data})
	}
	for i, e := range doc.Elements.Edges {
		d := e.Data
		id, _ := d["id"].(string)
		src, _ := d["source"].(string)
		dst, _ := d["target"].(string)
		typ, _ := d["kind"].(string)
		if id == "" || !ids[src] || !ids[dst] {
			return nil, fmt.Errorf("%w: cytoscape edge %d (%q) lacks an id or an end among the nodes", ErrFormat, i, id)
		}
		g.Edges = append(g.Edges, Edge{ID: id, Type: typ, Source: src, Target: dst, Props: d})
	}
	return g, nil
}

func labelsOf(v any) []string {
	if s, ok := v.(string); ok && s != "" {
		return []string{s}
	}
	return nil
}

// ReadJSONL reads JSON Lines in APOC's export shape. It checks each line's
// type, that relationships come after the nodes they join, and that their
// start and end labels match the nodes'.
func ReadJSONL(r io.Reader) (*Graph, error) {
	g := &Graph{}
	labels := map[string][]string{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 16<<20)
	for line := 1; sc.Scan(); line++ {
		var rec struct {
			Type       string   `json:"type"`
			ID         string   `json:"id"`
			Labels     []string `json:"labels"`
			Label      string   `json:"label"`
			Start, End *struct {
				ID     string   `json:"id"`
				Labels []string `json:"labels"`
			}
			Properties map[string]any `json:"properties"`
		}
		dec := json.NewDecoder(strings.NewReader(sc.Text()))
		dec.UseNumber()
		if err := dec.Decode(&rec); err != nil {
			return nil, fmt.Errorf("%w: jsonl line %d: %v", ErrFormat, line, err)
		}
		switch rec.Type {
		case "node":
			if rec.ID == "" || len(rec.Labels) == 0 {
				return nil, fmt.Errorf("%w: jsonl line %d: node without id or labels", ErrFormat, line)
			}
			labels[rec.ID] = rec.Labels
			g.Nodes = append(g.Nodes, Node{ID: rec.ID, Labels: rec.Labels, Props: rec.Properties})
		case "relationship":
			if rec.ID == "" || rec.Label == "" || rec.Start == nil || rec.End == nil {
				return nil, fmt.Errorf("%w: jsonl line %d: relationship without id, label, start or end", ErrFormat, line)
			}
			for _, end := range []struct {
				id     string
				labels []string
			}{{rec.Start.ID, rec.Start.Labels}, {rec.End.ID, rec.End.Labels}} {
				have, ok := labels[end.id]
				if !ok {
					return nil, fmt.Errorf("%w: jsonl line %d: relationship end %q is not a node before it", ErrFormat, line, end.id)
				}
				if strings.Join(have, ";") != strings.Join(end.labels, ";") {
					return nil, fmt.Errorf("%w: jsonl line %d: end %q has labels %v, the node %v", ErrFormat, line, end.id, end.labels, have)
				}
			}
			g.Edges = append(g.Edges, Edge{ID: rec.ID, Type: rec.Label, Source: rec.Start.ID, Target: rec.End.ID, Props: rec.Properties})
		default:
			return nil, fmt.Errorf("%w: jsonl line %d: type %q", ErrFormat, line, rec.Type)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("jsonl: %w", err)
	}
	return g, nil
}

// ReadEdgeCSV reads the CSV edge list: edges only, each with its columns as
// string properties (empty cells left out).
func ReadEdgeCSV(r io.Reader) (*Graph, error) {
	recs, head, err := readTable(r, ',', edgeCSVHead)
	if err != nil {
		return nil, fmt.Errorf("csv: %w", err)
	}
	g := &Graph{}
	for _, rec := range recs {
		props := map[string]any{}
		for i, h := range head {
			if rec[i] != "" {
				props[h] = rec[i]
			}
		}
		g.Edges = append(g.Edges, Edge{ID: rec[0], Source: rec[1], Target: rec[4], Type: rec[7], Props: props})
	}
	return g, nil
}

// readTable reads a CSV or TSV table whose header starts with want.
func readTable(r io.Reader, sep rune, want []string) ([][]string, []string, error) {
	var recs [][]string
	if sep == '\t' {
		sc := bufio.NewScanner(r)
		sc.Buffer(make([]byte, 0, 64<<10), 16<<20)
		for sc.Scan() {
			recs = append(recs, strings.Split(sc.Text(), "\t"))
		}
		if err := sc.Err(); err != nil {
			return nil, nil, err
		}
	} else {
		var err error
		if recs, err = csv.NewReader(r).ReadAll(); err != nil {
			return nil, nil, fmt.Errorf("%w: %v", ErrFormat, err)
		}
	}
	if len(recs) == 0 {
		return nil, nil, fmt.Errorf("%w: no header", ErrFormat)
	}
	head := recs[0]
	if len(head) < len(want) || strings.Join(head[:len(want)], ",") != strings.Join(want, ",") {
		return nil, nil, fmt.Errorf("%w: header %v, want it to start with %v", ErrFormat, head, want)
	}
	for i, rec := range recs[1:] {
		if len(rec) != len(head) {
			return nil, nil, fmt.Errorf("%w: row %d has %d fields, the header %d", ErrFormat, i+1, len(rec), len(head))
		}
	}
	return recs[1:], head, nil
}

// Event is one row of the event table.
type Event struct {
	ID, Date                        string
	Source, SourceID, SourceCountry string
	CAMEO, PLOVER                   string
	Target, TargetID, TargetCountry string
	Incident, IncidentID, Kind      string
	Reports, Articles               int
	Confidence                      float64
	URLs                            []string
}

// ReadEvents reads the event table, CSV (sep ',') or TSV (sep '\t'), checking
// its header, dates, codes and numbers.
func ReadEvents(r io.Reader, sep rune) ([]Event, error) {
	recs, _, err := readTable(r, sep, EventColumns)
	if err != nil {
		return nil, fmt.Errorf("events: %w", err)
	}
	out := make([]Event, 0, len(recs))
	for i, c := range recs {
		ev := Event{ID: c[0], Date: c[1], Source: c[2], SourceID: c[3], SourceCountry: c[4], CAMEO: c[5], PLOVER: c[6],
			Target: c[7], TargetID: c[8], TargetCountry: c[9], Incident: c[10], IncidentID: c[11], Kind: c[12]}
		var errs []error
		if _, err := time.Parse(time.DateOnly, ev.Date); err != nil {
			errs = append(errs, err)
		}
		var err error
		if ev.Reports, err = strconv.Atoi(c[13]); err != nil {
			errs = append(errs, err)
		}
		if ev.Articles, err = strconv.Atoi(c[14]); err != nil {
			errs = append(errs, err)
		}
		if ev.Confidence, err = strconv.ParseFloat(c[15], 64); err != nil {
			errs = append(errs, err)
		}
		for _, cc := range []string{ev.SourceCountry, ev.TargetCountry} {
			if cc != "" && !iso3.MatchString(cc) {
				errs = append(errs, fmt.Errorf("country %q is not ISO alpha-3", cc))
			}
		}
		if !cameo.MatchString(ev.CAMEO) {
			errs = append(errs, fmt.Errorf("CAMEO code %q", ev.CAMEO))
		}
		if ev.ID == "" || ev.SourceID == "" {
			errs = append(errs, errors.New("no event or source id"))
		}
		if len(errs) > 0 {
			return nil, fmt.Errorf("%w: events row %d: %v", ErrFormat, i+1, errors.Join(errs...))
		}
		ev.URLs = strings.Fields(c[16])
		out = append(out, ev)
	}
	return out, nil
}

var (
	iso3  = regexp.MustCompile(`^[A-Z]{3}$`)
	cameo = regexp.MustCompile(`^[0-9]{2,4}$`)
)

// ReadNeo4jDir reads a neo4j-admin import set from dir: the files its
// import.txt names, with the header grammar neo4j-admin uses (name:ID(space),
// :LABEL, :START_ID(space), :END_ID(space), :TYPE, typed columns such as
// count:int, first:date, aliases:string[]). It checks every relationship's
// ends are nodes of their ID space and converts typed values (int → int64,
// double → float64, date → time.Time, arrays → slices).
func ReadNeo4jDir(dir string) (*Graph, error) {
	cmd, err := os.ReadFile(filepath.Join(dir, Neo4jImportFile))
	if err != nil {
		return nil, fmt.Errorf("neo4j-csv: %w", err)
	}
	return readNeo4j(string(cmd), func(name string) (io.ReadCloser, error) { return os.Open(filepath.Join(dir, name)) })
}

// ReadNeo4jZip reads a neo4j-admin import set from the zip Write produces.
func ReadNeo4jZip(r io.ReaderAt, size int64) (*Graph, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, fmt.Errorf("%w: neo4j-csv zip: %v", ErrFormat, err)
	}
	open := func(name string) (io.ReadCloser, error) { return zr.Open(name) }
	rc, err := open(Neo4jImportFile)
	if err != nil {
		return nil, fmt.Errorf("%w: neo4j-csv zip: %v", ErrFormat, err)
	}
	cmd, err := io.ReadAll(rc)
	rc.Close()
	if err != nil {
		return nil, err
	}
	return readNeo4j(string(cmd), open)
}

var importArg = regexp.MustCompile(`--(nodes|relationships)=(\S+)`)

// Neo4jFiles lists the node and relationship files an import.txt names, in order.
func Neo4jFiles(importCmd string) (nodes, rels []string) {
	for _, m := range importArg.FindAllStringSubmatch(importCmd, -1) {
		if m[1] == "nodes" {
			nodes = append(nodes, m[2])
		} else {
			rels = append(rels, m[2])
		}
	}
	return nodes, rels
}

func readNeo4j(importCmd string, open func(string) (io.ReadCloser, error)) (*Graph, error) {
	nodes, rels := Neo4jFiles(importCmd)
	if len(nodes) == 0 {
		return nil, fmt.Errorf("%w: %s names no node file", ErrFormat, Neo4jImportFile)
	}
	g := &Graph{}
	spaces := map[string]map[string]bool{}
	for _, name := range append(nodes, rels...) {
		rc, err := open(name)
		if err != nil {
			return nil, fmt.Errorf("neo4j-csv: %w", err)
		}
		err = ReadNeo4jCSV(rc, func(row Neo4jRow) error {
			if row.Node {
				if spaces[row.Space] == nil {
					spaces[row.Space] = map[string]bool{}
				}
				if spaces[row.Space][row.ID] {
					return fmt.Errorf("%w: duplicate id %q in space %s", ErrFormat, row.ID, row.Space)
				}
				spaces[row.Space][row.ID] = true
				g.Nodes = append(g.Nodes, Node{ID: row.ID, Labels: row.Labels, Props: row.Props})
				return nil
			}
			if !spaces[row.StartSpace][row.Start] || !spaces[row.EndSpace][row.End] {
				return fmt.Errorf("%w: %s relationship %q->%q has an end missing from %s/%s", ErrFormat, row.Type, row.Start, row.End, row.StartSpace, row.EndSpace)
			}
			g.Edges = append(g.Edges, Edge{Type: row.Type, Source: row.Start, Target: row.End, Props: row.Props})
			return nil
		})
		rc.Close()
		if err != nil {
			return nil, fmt.Errorf("neo4j-csv %s: %w", name, err)
		}
	}
	return g, nil
}

// Neo4jRow is one row of a neo4j-admin file: a node (ID, Space, Labels) or a
// relationship (Start, End in their spaces, Type), with typed properties.
type Neo4jRow struct {
	Node                bool
	ID, Space           string
	Labels              []string
	Start, StartSpace   string
	End, EndSpace, Type string
	Props               map[string]any
}

var headerField = regexp.MustCompile(`^([A-Za-z_][A-Za-z0-9_]*)?(?::([A-Z_]+|[a-z]+(?:\[\])?)(?:\(([A-Za-z_][A-Za-z0-9_]*)\))?)?$`)

// Neo4jColumn is one parsed field of a neo4j-admin CSV header.
type Neo4jColumn struct {
	Header string // as written: "count:int", "id:ID(Actor)", ":TYPE"
	Name   string // the property name ("" for :LABEL, :TYPE, an unnamed :ID)
	// Kind is ID, LABEL, START_ID, END_ID, TYPE or IGNORE, else the value type
	// (string, int, long, double, float, boolean, date, or one of them with []).
	Kind  string
	Space string // the ID space of ID, START_ID and END_ID
}

// ParseNeo4jHeader parses a neo4j-admin header and tells whether it is a node
// header (one :ID) or a relationship header (:START_ID, :END_ID and :TYPE).
func ParseNeo4jHeader(head []string) (cols []Neo4jColumn, node bool, err error) {
	roles := map[string]int{}
	for _, h := range head {
		m := headerField.FindStringSubmatch(h)
		if m == nil || (m[1] == "" && m[2] == "") {
			return nil, false, fmt.Errorf("%w: header field %q", ErrFormat, h)
		}
		c := Neo4jColumn{Header: h, Name: m[1], Kind: m[2], Space: m[3]}
		if c.Kind == "" {
			c.Kind = "string"
		}
		switch c.Kind {
		case "ID", "LABEL", "START_ID", "END_ID", "TYPE":
			roles[c.Kind]++
		case "IGNORE", "string", "int", "long", "double", "float", "boolean", "date",
			"string[]", "int[]", "long[]", "double[]", "float[]", "boolean[]", "date[]":
		default:
			return nil, false, fmt.Errorf("%w: header field %q has unknown type %q", ErrFormat, h, c.Kind)
		}
		cols = append(cols, c)
	}
	node = roles["ID"] == 1
	if node == (roles["START_ID"] == 1 && roles["END_ID"] == 1) || (!node && roles["TYPE"] != 1) {
		return nil, false, fmt.Errorf("%w: header %v is neither a node nor a relationship header", ErrFormat, head)
	}
	return cols, node, nil
}

// ReadNeo4jCSV reads one neo4j-admin CSV file (header, then rows) and hands
// each row to fn. Arrays split on ';'; empty fields are no property.
func ReadNeo4jCSV(r io.Reader, fn func(Neo4jRow) error) error {
	cr := csv.NewReader(r)
	head, err := cr.Read()
	if err != nil {
		return fmt.Errorf("%w: header: %v", ErrFormat, err)
	}
	fields, node, err := ParseNeo4jHeader(head)
	if err != nil {
		return err
	}
	for line := 2; ; line++ {
		rec, err := cr.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%w: line %d: %v", ErrFormat, line, err)
		}
		row := Neo4jRow{Node: node, Props: map[string]any{}}
		for i, f := range fields {
			v := rec[i]
			switch f.Kind {
			case "ID":
				row.ID, row.Space = v, f.Space
				if f.Name != "" {
					row.Props[f.Name] = v
				}
			case "LABEL":
				row.Labels = strings.Split(v, ";")
			case "START_ID":
				row.Start, row.StartSpace = v, f.Space
			case "END_ID":
				row.End, row.EndSpace = v, f.Space
			case "TYPE":
				row.Type = v
			case "IGNORE":
			default:
				if v == "" {
					continue
				}
				val, err := neo4jValue(f.Kind, v)
				if err != nil {
					return fmt.Errorf("%w: line %d column %s: %v", ErrFormat, line, f.Header, err)
				}
				row.Props[f.Name] = val
			}
		}
		if (node && row.ID == "") || (!node && (row.Start == "" || row.End == "" || row.Type == "")) {
			return fmt.Errorf("%w: line %d lacks an id, an end or a type", ErrFormat, line)
		}
		if err := fn(row); err != nil {
			return err
		}
	}
}

func neo4jValue(typ, v string) (any, error) {
	if base, ok := strings.CutSuffix(typ, "[]"); ok {
		parts := strings.Split(v, ";")
		if base == "string" {
			return parts, nil
		}
		out := make([]any, len(parts))
		for i, p := range parts {
			x, err := neo4jValue(base, p)
			if err != nil {
				return nil, err
			}
			out[i] = x
		}
		return out, nil
	}
	switch typ {
	case "int", "long":
		return strconv.ParseInt(v, 10, 64)
	case "double", "float":
		return strconv.ParseFloat(v, 64)
	case "boolean":
		return strconv.ParseBool(v)
	case "date":
		return time.Parse(time.DateOnly, v)
	}
	return v, nil
}
