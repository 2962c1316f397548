// Command gen fills an embedded store with a synthetic graph, exports it in
// every format and granularity into a directory, reads back the formats that
// have a reader in package export, and writes expected.json: the counts and a
// few attributes taken from the store itself (not from the exports), which
// scripts/interop checks networkx's and Neo4j's readings against.
//
//	go run ./scripts/interop/gen -out DIR [-articles N] [-world N] [-seed S]
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/demarche/demarche/export"
	"github.com/demarche/demarche/store"
	"github.com/demarche/demarche/store/sqlitestore"
	"github.com/demarche/demarche/synth"
)

func main() {
	out := flag.String("out", "", "directory for the exports and expected.json")
	articles := flag.Int("articles", 300, "articles of package synth's world to load")
	world := flag.Int("world", 100, "articles of this command's own small world to load")
	seed := flag.Uint64("seed", 7, "random seed")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "usage: gen -out DIR [-articles N] [-world N] [-seed S]")
		os.Exit(2)
	}
	if err := run(context.Background(), *out, *articles, *world, *seed); err != nil {
		slog.Error("interop gen failed", "err", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, out string, articles, world int, seed uint64) error {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	data, err := os.MkdirTemp("", "demarche-interop-store-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(data)
	s, err := sqlitestore.Open(ctx, data, sqlitestore.Options{})
	if err != nil {
		return err
	}
	defer s.Close()
	// package synth's world at scale, plus a small world of this command's own
	// (targetless statements, groups, stories told by several outlets).
	graphs := append(synth.Articles(synth.Config{Seed: seed, States: 20, Articles: articles}, articles), synthetic(world, seed)...)
	if _, err := s.PutArticles(ctx, graphs); err != nil {
		return fmt.Errorf("loading synthetic articles: %w", err)
	}

	exp := map[string]*expected{}
	for _, g := range []string{export.GraphActors, export.GraphProvenance} {
		e, err := expect(ctx, s, g)
		if err != nil {
			return err
		}
		exp[g] = e
		if err := writeAll(ctx, s, out, g); err != nil {
			return err
		}
		if err := readBack(ctx, s, out, g, e); err != nil {
			return err
		}
		fmt.Printf("%-10s store: %d nodes, %d edges; %v\n", g, e.Nodes, e.Edges, e.Types)
	}
	if err := checkEvents(ctx, s, out); err != nil {
		return err
	}
	b, err := json.MarshalIndent(exp, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(out, "expected.json"), b, 0o644)
}

// expected is what the store says a graph holds.
type expected struct {
	Nodes       int            `json:"nodes"`
	Edges       int            `json:"edges"`
	Labels      map[string]int `json:"labels"` // every label, "Actor" and the kinds' alike
	Types       map[string]int `json:"types"`
	NodeSamples []nodeSample   `json:"node_samples"`
	EdgeSamples []edgeSample   `json:"edge_samples"`
}

type nodeSample struct {
	ID      string `json:"id"`
	Label   string `json:"label"`
	Kind    string `json:"kind"`
	Name    string `json:"name"`
	Country string `json:"country"`
}

type edgeSample struct {
	ID      string `json:"id"`
	Source  string `json:"source"`
	Target  string `json:"target"`
	Kind    string `json:"kind"`
	Count   int    `json:"count"`
	Reports int    `json:"reports"`
	First   string `json:"first"`
	Last    string `json:"last"`
}

func expect(ctx context.Context, s store.Store, graph string) (*expected, error) {
	e := &expected{Labels: map[string]int{}, Types: map[string]int{}}
	err := s.WalkActors(ctx, func(a store.Actor) error {
		if len(e.NodeSamples) < 6 || (a.Kind == store.Person && len(e.NodeSamples) < 8) {
			e.NodeSamples = append(e.NodeSamples, nodeSample{a.ID, a.Kind.Label(), string(a.Kind), a.Name, a.Country})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = s.Edges(ctx, nil, func(ed store.Edge) error {
		if len(e.EdgeSamples) < 8 || (ed.Count > 1 && len(e.EdgeSamples) < 12) {
			e.EdgeSamples = append(e.EdgeSamples, edgeSample{string(ed.Kind) + ":" + ed.SpeakerID + "->" + ed.TargetID,
				ed.SpeakerID, ed.TargetID, string(ed.Kind), ed.Count, ed.Reports,
				ed.First.Format(time.DateOnly), ed.Last.Format(time.DateOnly)})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	st, err := s.Stats(ctx)
	if err != nil {
		return nil, err
	}
	for l, n := range st.Nodes {
		if graph == export.GraphProvenance || l == "Actor" || store.ActorKind(upper(l)).Valid() {
			e.Labels[l] = n
		}
	}
	for t, n := range st.Edges {
		if graph == export.GraphProvenance || store.StatementKind(t).Valid() {
			e.Types[t] = n
		}
	}
	if graph == export.GraphProvenance {
		if _, ok := any(s).(export.MentionWalker); !ok {
			// Without WalkMentions, exports derive MENTIONS from the reports: an
			// article mentions the speakers and targets of its reports.
			m, err := derivedMentions(ctx, s)
			if err != nil {
				return nil, err
			}
			fmt.Printf("MENTIONS: the store keeps %d, exports derive %d from reports (the store has no WalkMentions)\n", e.Types["MENTIONS"], m)
			e.Types["MENTIONS"] = m
		}
	}
	for l, n := range e.Labels {
		if l == "Actor" || !store.ActorKind(upper(l)).Valid() {
			e.Nodes += n
		}
	}
	for _, n := range e.Types {
		e.Edges += n
	}
	return e, nil
}

func upper(label string) string {
	for _, k := range store.ActorKinds {
		if k.Label() == label {
			return string(k)
		}
	}
	return ""
}

func derivedMentions(ctx context.Context, s store.Store) (int, error) {
	set := map[[2]string]bool{}
	err := s.WalkStatements(ctx, store.StatementFilter{}, func(st store.Statement) error {
		for _, r := range st.Reports {
			set[[2]string{r.ArticleID, r.SpeakerID}] = true
			if r.TargetID != "" {
				set[[2]string{r.ArticleID, r.TargetID}] = true
			}
		}
		return nil
	})
	return len(set), err
}

// writeAll writes every format of one granularity into out.
func writeAll(ctx context.Context, s store.Store, out, graph string) error {
	for _, f := range []struct{ format, ext string }{
		{export.FormatGraphML, "graphml"}, {export.FormatGEXF, "gexf"}, {export.FormatCytoscape, "cyjs"},
		{export.FormatJSONL, "jsonl"}, {export.FormatCSV, "csv"}, {export.FormatNeo4jCSV, "zip"},
	} {
		if err := writeFile(ctx, s, filepath.Join(out, graph+"."+f.ext), export.Options{Format: f.format, Graph: graph}); err != nil {
			return err
		}
	}
	_, err := export.WriteDir(ctx, filepath.Join(out, graph+"-neo4j"), s, export.Options{Graph: graph})
	return err
}

func writeFile(ctx context.Context, s store.Store, path string, opts export.Options) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := export.Write(ctx, f, s, opts); err != nil {
		f.Close()
		return fmt.Errorf("%s: %w", path, err)
	}
	return f.Close()
}

// readBack reads the exports package export has readers for and checks their
// node and edge counts against the store's.
func readBack(ctx context.Context, s store.Store, out, graph string, e *expected) error {
	open := func(ext string) (*os.File, error) { return os.Open(filepath.Join(out, graph+"."+ext)) }
	var errs []error
	check := func(name string, g *export.Graph, err error, nodes bool) {
		if err != nil {
			errs = append(errs, fmt.Errorf("%s %s: %w", graph, name, err))
			return
		}
		if nodes && len(g.Nodes) != e.Nodes {
			errs = append(errs, fmt.Errorf("%s %s: %d nodes, the store has %d", graph, name, len(g.Nodes), e.Nodes))
		}
		if len(g.Edges) != e.Edges {
			errs = append(errs, fmt.Errorf("%s %s: %d edges, the store has %d", graph, name, len(g.Edges), e.Edges))
		}
		fmt.Printf("%-10s %-9s read back by export.Read*: %d nodes, %d edges\n", graph, name, len(g.Nodes), len(g.Edges))
	}
	for _, r := range []struct {
		name, ext string
		read      func(*os.File) (*export.Graph, error)
		nodes     bool
	}{
		{"cytoscape", "cyjs", func(f *os.File) (*export.Graph, error) { return export.ReadCytoscape(f) }, true},
		{"jsonl", "jsonl", func(f *os.File) (*export.Graph, error) { return export.ReadJSONL(f) }, true},
		{"csv", "csv", func(f *os.File) (*export.Graph, error) { return export.ReadEdgeCSV(f) }, false},
		{"neo4j-csv", "zip", func(f *os.File) (*export.Graph, error) {
			st, err := f.Stat()
			if err != nil {
				return nil, err
			}
			return export.ReadNeo4jZip(f, st.Size())
		}, true},
	} {
		f, err := open(r.ext)
		if err != nil {
			return err
		}
		g, err := r.read(f)
		f.Close()
		check(r.name, g, err, r.nodes)
	}
	g, err := export.ReadNeo4jDir(filepath.Join(out, graph+"-neo4j"))
	check("neo4j-dir", g, err, true)
	return errors.Join(errs...)
}

// checkEvents writes the event tables and checks their rows against the statements.
func checkEvents(ctx context.Context, s store.Store, out string) error {
	rows := 0
	err := s.WalkStatements(ctx, store.StatementFilter{}, func(st store.Statement) error {
		rows += len(st.SpeakerIDs) * max(1, len(st.TargetIDs))
		return nil
	})
	if err != nil {
		return err
	}
	for _, t := range []struct {
		format, file string
		sep          rune
	}{{export.FormatEvents, "events.csv", ','}, {export.FormatEventsTSV, "events.tsv", '\t'}} {
		path := filepath.Join(out, t.file)
		if err := writeFile(ctx, s, path, export.Options{Format: t.format}); err != nil {
			return err
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		evs, err := export.ReadEvents(f, t.sep)
		f.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", t.file, err)
		}
		if len(evs) != rows {
			return fmt.Errorf("%s: %d rows, the statements have %d dyads", t.file, len(evs), rows)
		}
		fmt.Printf("%-10s %-9s read back by export.ReadEvents: %d rows = dyads of the store's statements\n", "events", t.format, len(evs))
	}
	return nil
}

// synthetic makes n articles about a small invented world: states with
// ministries, justice departments and spokespeople, a few organizations and
// incidents; stories are reported by one to three outlets on nearby days, so
// statements gather several reports.
func synthetic(n int, seed uint64) []*store.ArticleGraph {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	type state struct{ code, name string }
	states := []state{{"NRL", "Norland"}, {"SDR", "Sudria"}, {"VLM", "Valmont"}, {"KST", "Kestria"}, {"ORV", "Orvania"},
		{"TLM", "Talmora"}, {"BRS", "Bresk"}, {"ELD", "Eldmark"}, {"QAR", "Qarad"}, {"ZEN", "Zenobia"}}
	actors := map[string]store.Actor{}
	var speakers []string
	for _, st := range states {
		sid := "state:" + st.code
		actors[sid] = store.Actor{ID: sid, Kind: store.State, Name: st.name, Country: st.code, Aliases: []string{st.name + " government"}}
		mfa := "agency:" + st.code + "-mfa"
		actors[mfa] = store.Actor{ID: mfa, Kind: store.Agency, Name: st.name + " Foreign Ministry", Country: st.code, AffiliationID: sid}
		doj := "agency:" + st.code + "-justice"
		actors[doj] = store.Actor{ID: doj, Kind: store.Agency, Name: st.name + " Justice Department", Country: st.code, AffiliationID: sid}
		spox := "person:" + st.code + "-spokesperson"
		actors[spox] = store.Actor{ID: spox, Kind: store.Person, Name: "Spokesperson of " + st.name, Country: st.code, AffiliationID: mfa, Role: "spokesperson"}
		speakers = append(speakers, sid, mfa, doj, spox)
	}
	for _, o := range []string{"United Assembly", "Harbour League", "Free Press Watch"} {
		id := "org:" + fmt.Sprint(len(actors))
		actors[id] = store.Actor{ID: id, Kind: store.Organization, Name: o}
		speakers = append(speakers, id)
	}
	actors["group:raiders"] = store.Actor{ID: "group:raiders", Kind: store.Group, Name: "Night Raiders"}
	speakers = append(speakers, "group:raiders")
	var incidents []store.Incident
	for i := 0; i < 12; i++ {
		a, b := states[rng.IntN(len(states))], states[rng.IntN(len(states))]
		incidents = append(incidents, store.Incident{ID: fmt.Sprintf("world-incident:%02d", i), Name: fmt.Sprintf("Incident %d near %s", i, b.name),
			Year: 2024, AttributedTo: []string{"state:" + a.code}, Targeted: []string{"state:" + b.code}})
	}
	publishers := []string{"Daily Ledger", "Evening Post", "Harbor Times", "Wire Service", "Morning Call"}
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	var out []*store.ArticleGraph
	for len(out) < n {
		// One story, reported by 1-3 outlets within two days.
		day := start.AddDate(0, 0, rng.IntN(360))
		type claim struct {
			kind             store.StatementKind
			speaker, target  string
			incident, phrase string
		}
		var claims []claim
		var inc *store.Incident
		if rng.IntN(2) == 0 {
			inc = &incidents[rng.IntN(len(incidents))]
		}
		for k := 1 + rng.IntN(3); k > 0; k-- {
			c := claim{kind: store.StatementKinds[rng.IntN(len(store.StatementKinds))], speaker: speakers[rng.IntN(len(speakers))]}
			if rng.IntN(8) > 0 {
				c.target = "state:" + states[rng.IntN(len(states))].code
			}
			if c.target == actors[c.speaker].AffiliationID || c.target == c.speaker {
				c.target = ""
			}
			if inc != nil {
				c.incident = inc.ID
			}
			c.phrase = fmt.Sprintf("%s %s %s, officials said on day %d.", actors[c.speaker].Name, c.kind, actors[c.target].Name, day.YearDay())
			claims = append(claims, c)
		}
		for o := 1 + rng.IntN(3); o > 0 && len(out) < n; o-- {
			pub := publishers[rng.IntN(len(publishers))]
			id := fmt.Sprintf("world-article:%05d", len(out))
			published := day.AddDate(0, 0, rng.IntN(2))
			g := &store.ArticleGraph{Article: store.Article{ID: id, URL: "https://news.example/" + id, Title: "Story " + id,
				Publisher: pub, Language: "en", Published: published, Hash: "h" + id, Body: "Synthetic article " + id + "."}}
			seen := map[string]bool{}
			addActor := func(aid string) {
				for aid != "" && !seen[aid] {
					seen[aid] = true
					g.Actors = append(g.Actors, actors[aid])
					aid = actors[aid].AffiliationID
				}
			}
			for i, c := range claims {
				addActor(c.speaker)
				addActor(c.target)
				g.Reports = append(g.Reports, store.Report{ArticleID: id, Index: i, Kind: c.kind, SpeakerID: c.speaker, TargetID: c.target,
					IncidentID: c.incident, Date: published, Evidence: c.phrase, Quote: "\"" + c.phrase + "\"", Confidence: 0.6 + rng.Float64()/3})
			}
			if inc != nil {
				g.Incidents = append(g.Incidents, *inc)
				for _, aid := range append(append([]string(nil), inc.AttributedTo...), inc.Targeted...) {
					addActor(aid)
				}
			}
			sort.Slice(g.Actors, func(i, j int) bool { return g.Actors[i].ID < g.Actors[j].ID })
			out = append(out, g)
		}
	}
	return out
}
