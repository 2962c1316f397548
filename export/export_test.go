package export_test

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/demarche/demarche/export"
	"github.com/demarche/demarche/store"
)

// norm renders a property value read back from any format as the text the
// formats share: dates as YYYY-MM-DD, lists joined by ";".
func norm(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case time.Time:
		return x.Format(time.DateOnly)
	case []string:
		return strings.Join(x, ";")
	case []any:
		parts := make([]string, len(x))
		for i, p := range x {
			parts[i] = norm(p)
		}
		return strings.Join(parts, ";")
	}
	return fmt.Sprint(v)
}

func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.DateOnly)
}

// readBack exports opts and reads the result with the project's reader for it.
func readBack(t *testing.T, s store.Store, opts export.Options) *export.Graph {
	t.Helper()
	ctx := context.Background()
	if opts.Format == "neo4j-dir" {
		dir := t.TempDir()
		if _, err := export.WriteDir(ctx, dir, s, opts); err != nil {
			t.Fatalf("WriteDir: %v", err)
		}
		g, err := export.ReadNeo4jDir(dir)
		if err != nil {
			t.Fatalf("ReadNeo4jDir: %v", err)
		}
		return g
	}
	var buf bytes.Buffer
	if err := export.Write(ctx, &buf, s, opts); err != nil {
		t.Fatalf("Write %s: %v", opts.Format, err)
	}
	var g *export.Graph
	var err error
	switch opts.Format {
	case export.FormatCytoscape:
		g, err = export.ReadCytoscape(&buf)
	case export.FormatJSONL:
		g, err = export.ReadJSONL(&buf)
	case export.FormatCSV:
		g, err = export.ReadEdgeCSV(&buf)
	case export.FormatNeo4jCSV:
		g, err = export.ReadNeo4jZip(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	case export.FormatGraphML, export.FormatGEXF:
		g, err = readXMLGraph(&buf)
	default:
		t.Fatalf("no reader for %s", opts.Format)
	}
	if err != nil {
		t.Fatalf("read %s back: %v", opts.Format, err)
	}
	return g
}

// readXMLGraph is a well-formedness check of GraphML and GEXF in Go (networkx
// reads them for real in scripts/interop): it counts node and edge elements and
// keeps their id, source and target.
func readXMLGraph(r io.Reader) (*export.Graph, error) {
	g := &export.Graph{}
	dec := xml.NewDecoder(r)
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return g, nil
		}
		if err != nil {
			return nil, err
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		attr := map[string]string{}
		for _, a := range se.Attr {
			attr[a.Name.Local] = a.Value
		}
		switch se.Name.Local {
		case "node":
			g.Nodes = append(g.Nodes, export.Node{ID: attr["id"]})
		case "edge":
			g.Edges = append(g.Edges, export.Edge{ID: attr["id"], Source: attr["source"], Target: attr["target"]})
		}
	}
}

var readableFormats = []string{export.FormatCytoscape, export.FormatJSONL, export.FormatCSV, export.FormatNeo4jCSV, "neo4j-dir"}

func TestActorGraphReadBack(t *testing.T) {
	ctx := context.Background()
	s := fixtureStore(t)
	actors := map[string]store.Actor{}
	if err := s.WalkActors(ctx, func(a store.Actor) error { actors[a.ID] = a; return nil }); err != nil {
		t.Fatal(err)
	}
	var edges []store.Edge
	if err := s.Edges(ctx, nil, func(e store.Edge) error { edges = append(edges, e); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(actors) != 7 || len(edges) < 6 {
		t.Fatalf("fixture: %d actors, %d edges", len(actors), len(edges))
	}
	for _, format := range append(readableFormats, export.FormatGraphML, export.FormatGEXF) {
		t.Run(format, func(t *testing.T) {
			g := readBack(t, s, export.Options{Format: format, Graph: "actors"})
			if format != export.FormatCSV {
				if len(g.Nodes) != len(actors) {
					t.Errorf("%d nodes, the store has %d actors", len(g.Nodes), len(actors))
				}
			}
			if len(g.Edges) != len(edges) {
				t.Errorf("%d edges, the store has %d direct edges", len(g.Edges), len(edges))
			}
			if format == export.FormatGraphML || format == export.FormatGEXF {
				return // attributes are checked by networkx in scripts/interop
			}
			for _, n := range g.Nodes {
				a, ok := actors[n.ID]
				if !ok {
					t.Errorf("node %q is no actor", n.ID)
					continue
				}
				for k, want := range map[string]string{"name": a.Name, "kind": string(a.Kind), "country": a.Country, "role": a.Role} {
					if got := norm(n.Props[k]); got != want {
						t.Errorf("node %s %s = %q, want %q", n.ID, k, got, want)
					}
				}
				if got := norm(n.Props["aliases"]); got != strings.Join(a.Aliases, ";") {
					t.Errorf("node %s aliases = %q, want %q", n.ID, got, a.Aliases)
				}
				if format == export.FormatJSONL || strings.HasPrefix(format, "neo4j") {
					if want := []string{"Actor", a.Kind.Label()}; !slices.Equal(n.Labels, want) {
						t.Errorf("node %s labels %v, want %v", n.ID, n.Labels, want)
					}
				}
			}
			byKey := map[string]export.Edge{}
			for _, e := range g.Edges {
				byKey[e.Source+" "+e.Type+" "+e.Target] = e
			}
			for _, e := range edges {
				got, ok := byKey[e.SpeakerID+" "+string(e.Kind)+" "+e.TargetID]
				if !ok {
					t.Errorf("edge %s %s %s missing", e.SpeakerID, e.Kind, e.TargetID)
					continue
				}
				want := map[string]string{"count": fmt.Sprint(e.Count), "reports": fmt.Sprint(e.Reports),
					"first": day(e.First), "last": day(e.Last), "statements": strings.Join(e.StatementIDs, ";")}
				for k, w := range want {
					if v := norm(got.Props[k]); v != w {
						t.Errorf("edge %s %s %s: %s = %q, want %q", e.SpeakerID, e.Kind, e.TargetID, k, v, w)
					}
				}
			}
			if format == export.FormatCSV {
				// Spreadsheet users get the actors' names beside their ids.
				for _, e := range g.Edges {
					if norm(e.Props["source_name"]) != actors[e.Source].Name || norm(e.Props["target_name"]) != actors[e.Target].Name {
						t.Errorf("csv edge %s: names %q -> %q", e.ID, e.Props["source_name"], e.Props["target_name"])
					}
				}
			}
		})
	}
}

// derivedMentions are the (article, actor) pairs an export derives when the
// store does not walk its mentions: the speakers and targets of each article's reports.
func derivedMentions(t *testing.T, s store.Store, f store.StatementFilter) map[[2]string]bool {
	t.Helper()
	out := map[[2]string]bool{}
	err := s.WalkStatements(context.Background(), f, func(st store.Statement) error {
		for _, r := range st.Reports {
			out[[2]string{r.ArticleID, r.SpeakerID}] = true
			if r.TargetID != "" {
				out[[2]string{r.ArticleID, r.TargetID}] = true
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestProvenanceGraphReadBack(t *testing.T) {
	ctx := context.Background()
	s := fixtureStore(t)
	stats, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	wantEdges := map[string]int{}
	for k, v := range stats.Edges {
		wantEdges[k] = v
	}
	if _, ok := s.(export.MentionWalker); !ok {
		wantEdges["MENTIONS"] = len(derivedMentions(t, s, store.StatementFilter{}))
	}
	for _, must := range []string{"MADE", "TARGETS", "ABOUT", "REPORTED_IN", "MENTIONS", "MEMBER_OF", "PART_OF", "ATTRIBUTED_TO", "TARGETED", "ACCUSES", "DENIES"} {
		if wantEdges[must] == 0 {
			t.Fatalf("fixture has no %s edge: %v", must, wantEdges)
		}
	}
	for _, format := range append(readableFormats, export.FormatGraphML, export.FormatGEXF) {
		t.Run(format, func(t *testing.T) {
			g := readBack(t, s, export.Options{Format: format, Graph: "provenance"})
			if format != export.FormatCSV {
				nodes := 0
				for _, n := range stats.Nodes {
					nodes += n
				}
				nodes -= stats.Nodes["Actor"] // kind labels count the actors again
				if len(g.Nodes) != nodes {
					t.Errorf("%d nodes, the store has %d (%v)", len(g.Nodes), nodes, stats.Nodes)
				}
			}
			total := 0
			for _, n := range wantEdges {
				total += n
			}
			if len(g.Edges) != total {
				t.Errorf("%d edges, want %d", len(g.Edges), total)
			}
			if format == export.FormatGraphML || format == export.FormatGEXF {
				return
			}
			got := map[string]int{}
			for _, e := range g.Edges {
				got[e.Type]++
			}
			for typ, n := range wantEdges {
				if got[typ] != n {
					t.Errorf("%d %s edges, want %d", got[typ], typ, n)
				}
			}
			if format == export.FormatCSV {
				return
			}
			labels := map[string]int{}
			for _, n := range g.Nodes {
				if len(n.Labels) > 0 {
					labels[n.Labels[len(n.Labels)-1]]++
				}
			}
			for _, l := range []string{"Article", "Statement", "Incident", "State", "Person", "Agency", "Organization"} {
				if labels[l] != stats.Nodes[l] {
					t.Errorf("%d %s nodes, want %d", labels[l], l, stats.Nodes[l])
				}
			}
			// The reports keep their evidence and quote on REPORTED_IN.
			sts, _, err := s.ListStatements(ctx, store.StatementFilter{Kinds: []store.StatementKind{store.Denies}}, store.Page{})
			if err != nil || len(sts) != 1 {
				t.Fatalf("denials: %v %v", sts, err)
			}
			evidence := map[string]bool{}
			for _, e := range g.Edges {
				if e.Type == "REPORTED_IN" && e.Source == sts[0].ID {
					evidence[norm(e.Props["evidence"])] = true
				}
			}
			for _, r := range sts[0].Reports {
				if !evidence[r.Evidence] {
					t.Errorf("REPORTED_IN of %s lacks evidence %q (have %v)", sts[0].ID, r.Evidence, evidence)
				}
			}
		})
	}
}

func TestFilteredExports(t *testing.T) {
	ctx := context.Background()
	s := fixtureStore(t)
	cases := []struct {
		name string
		f    store.StatementFilter
	}{
		{"kinds", store.StatementFilter{Kinds: []store.StatementKind{store.Accuses, store.Denies}}},
		{"speaker rollup", store.StatementFilter{Speakers: []string{"state:sdr"}, Rollup: true}},
		{"publisher", store.StatementFilter{Publisher: "Harbor Times"}},
		{"dates", store.StatementFilter{From: d("2024-05-01"), To: d("2024-05-31")}},
		{"text", store.StatementFilter{TextContains: "ministry"}},
		{"incident", store.StatementFilter{Incident: "incident:cable-cut"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			sts, _, err := s.ListStatements(ctx, c.f, store.Page{Limit: 1000})
			if err != nil {
				t.Fatal(err)
			}
			if len(sts) == 0 {
				t.Fatal("the filter selects nothing in the fixture")
			}
			want := store.DirectEdges(sts)
			actors := map[string]bool{}
			for _, st := range sts {
				for _, r := range st.Reports {
					actors[r.SpeakerID] = true
					if r.TargetID != "" {
						actors[r.TargetID] = true
					}
				}
			}
			g := readBack(t, s, export.Options{Format: export.FormatJSONL, Graph: "actors", Filter: c.f})
			if len(g.Edges) != len(want) {
				t.Fatalf("%d edges, DirectEdges of the %d selected statements gives %d", len(g.Edges), len(sts), len(want))
			}
			for i, e := range want {
				got := g.Edges[i]
				if got.Source != e.SpeakerID || got.Type != string(e.Kind) || got.Target != e.TargetID ||
					norm(got.Props["count"]) != fmt.Sprint(e.Count) || norm(got.Props["reports"]) != fmt.Sprint(e.Reports) ||
					norm(got.Props["first"]) != day(e.First) || norm(got.Props["last"]) != day(e.Last) {
					t.Errorf("edge %d = %+v, want %+v", i, got, e)
				}
			}
			if len(g.Nodes) != len(actors) {
				t.Errorf("%d actor nodes, the selected reports name %d", len(g.Nodes), len(actors))
			}
			for _, n := range g.Nodes {
				if !actors[n.ID] {
					t.Errorf("actor %s is not named by a selected statement", n.ID)
				}
			}

			p := readBack(t, s, export.Options{Format: export.FormatNeo4jCSV, Graph: "provenance", Filter: c.f})
			count := map[string]int{}
			for _, n := range p.Nodes {
				count[n.Labels[len(n.Labels)-1]]++
			}
			if count["Statement"] != len(sts) {
				t.Errorf("%d statements exported, %d selected", count["Statement"], len(sts))
			}
			arts := map[string]bool{}
			reports := 0
			for _, st := range sts {
				for _, r := range st.Reports {
					arts[r.ArticleID] = true
				}
				reports += len(st.Reports)
			}
			if count["Article"] != len(arts) {
				t.Errorf("%d articles exported, the selected statements are reported in %d", count["Article"], len(arts))
			}
			types := map[string]int{}
			for _, e := range p.Edges {
				types[e.Type]++
			}
			if types["REPORTED_IN"] != reports {
				t.Errorf("%d REPORTED_IN, want %d", types["REPORTED_IN"], reports)
			}
			if types["MENTIONS"] != len(derivedMentions(t, s, c.f)) {
				t.Errorf("%d MENTIONS, want %d", types["MENTIONS"], len(derivedMentions(t, s, c.f)))
			}
		})
	}
}

func TestEvents(t *testing.T) {
	ctx := context.Background()
	s := fixtureStore(t)
	sts, _, err := s.ListStatements(ctx, store.StatementFilter{}, store.Page{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	wantRows := 0
	for _, st := range sts {
		wantRows += len(st.SpeakerIDs) * max(1, len(st.TargetIDs))
	}
	for _, c := range []struct {
		format string
		sep    rune
	}{{export.FormatEvents, ','}, {export.FormatEventsTSV, '\t'}} {
		t.Run(c.format, func(t *testing.T) {
			var buf bytes.Buffer
			if err := export.Write(ctx, &buf, s, export.Options{Format: c.format}); err != nil {
				t.Fatal(err)
			}
			evs, err := export.ReadEvents(&buf, c.sep)
			if err != nil {
				t.Fatal(err)
			}
			if len(evs) != wantRows {
				t.Fatalf("%d event rows, want %d (one per dyad of %d statements)", len(evs), wantRows, len(sts))
			}
			var first *export.Event
			for i := range evs {
				ev := &evs[i]
				if ev.Kind == "ACCUSES" && ev.Date == "2024-03-01" {
					first = ev
				}
				if ev.Kind == "THREATENS" && (ev.Target != "" || ev.TargetID != "" || ev.CAMEO != "13" || ev.PLOVER != "THREATEN") {
					t.Errorf("targetless threat row: %+v", ev)
				}
				if ev.Kind == "DENIES" && (ev.Source != "Ola Brenn" || ev.SourceCountry != "NRL" || ev.CAMEO != "016" || ev.PLOVER != "REJECT") {
					t.Errorf("denial row: %+v", ev)
				}
			}
			if first == nil {
				t.Fatal("no row for the first accusation")
			}
			want := export.Event{ID: first.ID, Date: "2024-03-01", Source: "Sudria", SourceID: "state:sdr", SourceCountry: "SDR",
				CAMEO: "112", PLOVER: "ACCUSE", Target: "Norland", TargetID: "state:nrl", TargetCountry: "NRL",
				Incident: "Harbour cable cut", IncidentID: "incident:cable-cut", Kind: "ACCUSES", Reports: 2, Articles: 2,
				Confidence: first.Confidence,
				URLs:       []string{"https://news.example/art:ledger-1", "https://news.example/art:post-1"}}
			if fmt.Sprint(*first) != fmt.Sprint(want) {
				t.Errorf("first accusation row\n got %+v\nwant %+v", *first, want)
			}
		})
	}
	var buf bytes.Buffer
	if err := export.Write(ctx, &buf, s, export.Options{Format: export.FormatEvents, Filter: store.StatementFilter{Kinds: []store.StatementKind{store.Sanctions}}}); err != nil {
		t.Fatal(err)
	}
	evs, err := export.ReadEvents(&buf, ',')
	if err != nil || len(evs) != 1 || evs[0].CAMEO != "163" || evs[0].PLOVER != "SANCTION" {
		t.Errorf("sanctions only: %+v %v", evs, err)
	}
}

func TestWriteRejectsUnknown(t *testing.T) {
	s := fixtureStore(t)
	var buf bytes.Buffer
	if err := export.Write(context.Background(), &buf, s, export.Options{Format: "dot"}); !errors.Is(err, export.ErrUnknown) || buf.Len() != 0 {
		t.Errorf("format dot: err %v, %d bytes written", err, buf.Len())
	}
	if err := export.Write(context.Background(), &buf, s, export.Options{Format: "graphml", Graph: "articles"}); err == nil || buf.Len() != 0 {
		t.Errorf("graph articles: err %v, %d bytes written", err, buf.Len())
	}
}

// failAfter fails every write once n bytes went through.
type failAfter struct{ n int }

var errGone = errors.New("reader gone")

func (f *failAfter) Write(p []byte) (int, error) {
	if f.n -= len(p); f.n < 0 {
		return 0, errGone
	}
	return len(p), nil
}

func TestWriteStopsWhenTheReaderFails(t *testing.T) {
	s := fixtureStore(t)
	for _, format := range export.Formats {
		err := export.Write(context.Background(), &failAfter{n: 100}, s, export.Options{Format: format, Graph: "provenance"})
		if !errors.Is(err, errGone) {
			t.Errorf("%s: err %v, want the writer's", format, err)
		}
	}
}

func TestNeo4jSetShipsLoadScript(t *testing.T) {
	dir := t.TempDir()
	names, err := export.WriteDir(context.Background(), dir, fixtureStore(t), export.Options{Graph: "provenance"})
	if err != nil {
		t.Fatal(err)
	}
	cmd, err := os.ReadFile(filepath.Join(dir, export.Neo4jImportFile))
	if err != nil {
		t.Fatal(err)
	}
	script, err := os.ReadFile(filepath.Join(dir, export.Neo4jLoadFile))
	if err != nil {
		t.Fatal(err)
	}
	nodes, rels := export.Neo4jFiles(string(cmd))
	if len(nodes) != 4 || len(rels) != 11 || len(names) != len(nodes)+len(rels)+2 {
		t.Fatalf("files %v; import.txt names nodes %v, relationships %v", names, nodes, rels)
	}
	for _, f := range append(nodes, rels...) {
		// Every file is loaded once, after the nodes it joins (node files first).
		if n := strings.Count(string(script), "FROM $base + '"+f+"' AS row"); n != 1 {
			t.Errorf("%s loads %s %d times", export.Neo4jLoadFile, f, n)
		}
	}
	if i, j := strings.Index(string(script), "'statements.csv'"), strings.Index(string(script), "'rel_made.csv'"); i < 0 || j < i {
		t.Errorf("relationships are loaded before the nodes they join")
	}
	for _, want := range []string{"`count` = toInteger(row.`count:int`)", "`first` = date(row.`first:date`)",
		"`aliases` = split(row.`aliases:string[]`, ';')", "SET n:$(split(row.`:LABEL`, ';'))", "CREATE (a)-[r:$(row.`:TYPE`)]->(b)"} {
		if !strings.Contains(string(script), want) {
			t.Errorf("%s lacks %q", export.Neo4jLoadFile, want)
		}
	}
}
