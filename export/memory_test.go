package export_test

import (
	"context"
	"fmt"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/demarche/demarche/export"
	"github.com/demarche/demarche/store"
)

// genStore is a synthetic store that generates its graph as it is walked and
// holds none of it, so that measuring an export's heap measures the exporter
// alone. Only the methods exports call are implemented; the embedded nil
// interface panics on any other.
type genStore struct {
	store.Store
	actors, statements int
}

func (g *genStore) articles() int  { return g.statements/2 + 1 }
func (g *genStore) incidents() int { return g.actors/10 + 1 }

func genID(prefix string, i int) string { return fmt.Sprintf("%s:%08d", prefix, i) }

func genIndex(id string) int {
	n, _ := strconv.Atoi(id[strings.LastIndexByte(id, ':')+1:])
	return n
}

var genDay = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)

func (g *genStore) actor(i int) store.Actor {
	a := store.Actor{ID: genID("actor", i), Kind: store.ActorKinds[i%len(store.ActorKinds)],
		Name: "Actor number " + strconv.Itoa(i), Country: "AAA", Aliases: []string{"A" + strconv.Itoa(i)}}
	if i%5 == 3 {
		a.AffiliationID, a.Role = genID("actor", i-1), "spokesperson"
	}
	return a
}

func (g *genStore) statement(i int) store.Statement {
	st := store.Statement{ID: genID("stmt", i), Kind: store.StatementKinds[i%len(store.StatementKinds)],
		SpeakerIDs: []string{genID("actor", i%g.actors)}, TargetIDs: []string{genID("actor", (i*7+1)%g.actors)},
		Date: genDay.AddDate(0, 0, i%700), Confidence: 0.8}
	if i%3 == 0 {
		st.IncidentID = genID("incident", i%g.incidents())
	}
	for k := 0; k < 2; k++ {
		st.Reports = append(st.Reports, store.Report{ArticleID: genID("article", (i/2+k)%g.articles()), Index: k, Kind: st.Kind,
			SpeakerID: st.SpeakerIDs[0], TargetID: st.TargetIDs[0], IncidentID: st.IncidentID, Date: st.Date,
			Evidence: "Speaker " + strconv.Itoa(i) + " said something pointed about the other side.", Quote: "\"pointed\"", Confidence: 0.8})
	}
	return st
}

func (g *genStore) WalkActors(ctx context.Context, fn func(store.Actor) error) error {
	for i := 0; i < g.actors; i++ {
		if err := fn(g.actor(i)); err != nil {
			return err
		}
	}
	return nil
}

func (g *genStore) WalkIncidents(ctx context.Context, fn func(store.Incident) error) error {
	for i := 0; i < g.incidents(); i++ {
		in := store.Incident{ID: genID("incident", i), Name: "Incident " + strconv.Itoa(i), Year: 2024,
			AttributedTo: []string{genID("actor", i%g.actors)}, Targeted: []string{genID("actor", (i+1)%g.actors)}}
		if err := fn(in); err != nil {
			return err
		}
	}
	return nil
}

func (g *genStore) article(i int) store.Article {
	return store.Article{ID: genID("article", i), URL: "https://news.example/" + strconv.Itoa(i), Title: "Article " + strconv.Itoa(i),
		Publisher: "Publisher " + strconv.Itoa(i%20), Language: "en", Published: genDay.AddDate(0, 0, i%700)}
}

func (g *genStore) WalkArticles(ctx context.Context, fn func(store.Article) error) error {
	for i := 0; i < g.articles(); i++ {
		if err := fn(g.article(i)); err != nil {
			return err
		}
	}
	return nil
}

// WalkStatements ignores the filter: every statement is selected.
func (g *genStore) WalkStatements(ctx context.Context, f store.StatementFilter, fn func(store.Statement) error) error {
	for i := 0; i < g.statements; i++ {
		if err := fn(g.statement(i)); err != nil {
			return err
		}
	}
	return nil
}

func (g *genStore) Edges(ctx context.Context, kinds []store.StatementKind, fn func(store.Edge) error) error {
	for i := 0; i < g.statements; i++ {
		st := g.statement(i)
		e := store.Edge{SpeakerID: st.SpeakerIDs[0], Kind: st.Kind, TargetID: st.TargetIDs[0], Count: 1, Reports: 2,
			First: st.Date, Last: st.Date, StatementIDs: []string{st.ID}}
		if err := fn(e); err != nil {
			return err
		}
	}
	return nil
}

func (g *genStore) WalkMentions(ctx context.Context, fn func(article, actor string) error) error {
	for i := 0; i < g.articles(); i++ {
		for _, a := range []int{i % g.actors, (i + 1) % g.actors} {
			if err := fn(genID("article", i), genID("actor", a)); err != nil {
				return err
			}
		}
	}
	return nil
}

func (g *genStore) GetActors(ctx context.Context, ids []string) ([]store.Actor, error) {
	out := make([]store.Actor, 0, len(ids))
	for _, id := range ids {
		out = append(out, g.actor(genIndex(id)))
	}
	return out, nil
}

func (g *genStore) GetIncidents(ctx context.Context, ids []string) ([]store.Incident, error) {
	out := make([]store.Incident, 0, len(ids))
	for _, id := range ids {
		out = append(out, store.Incident{ID: id, Name: "Incident " + id})
	}
	return out, nil
}

func (g *genStore) ListArticles(ctx context.Context, f store.ArticleFilter, p store.Page) ([]store.Article, int, error) {
	out := make([]store.Article, 0, len(f.IDs))
	for _, id := range f.IDs {
		out = append(out, g.article(genIndex(id)))
	}
	return out, len(out), nil
}

// heapProbe is an io.Writer that discards what it gets and, every step bytes,
// collects garbage and records the live heap: its peak is the exporter's
// working set while it streams.
type heapProbe struct {
	step, next, written int
	peak                uint64
}

func (h *heapProbe) Write(p []byte) (int, error) {
	h.written += len(p)
	if h.written >= h.next {
		h.next = h.written + h.step
		if live := liveHeap(); live > h.peak {
			h.peak = live
		}
	}
	return len(p), nil
}

func liveHeap() uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

// heapGrowth exports s and returns the peak live heap above the level before
// the export, and the bytes written.
func heapGrowth(t *testing.T, s store.Store, opts export.Options) (growth uint64, written int) {
	t.Helper()
	base := liveHeap()
	probe := &heapProbe{step: 256 << 10}
	if opts.Format == export.FormatNeo4jCSV {
		probe.step = 16 << 10 // compressed: fewer bytes for the same graph
	}
	if err := export.Write(context.Background(), probe, s, opts); err != nil {
		t.Fatalf("%s: %v", opts.Format, err)
	}
	if probe.peak < base {
		return 0, probe.written
	}
	return probe.peak - base, probe.written
}

// TestExportMemoryIsFlat exports a synthetic graph of n and of 10n statements
// (with n/10 and n actors) in every format and checks the peak live heap does
// not grow with the graph: flat within 1 MiB, while the output grows tenfold.
// As a control, a filtered export (which gathers its selection first) shows
// the growth the probe sees when memory does follow the graph.
func TestExportMemoryIsFlat(t *testing.T) {
	if testing.Short() {
		t.Skip("exports about 250 MB of synthetic output")
	}
	const n = 2000
	small := &genStore{actors: n / 10, statements: n}
	large := &genStore{actors: n, statements: 10 * n}
	for _, c := range []struct{ format, graph string }{
		{export.FormatGraphML, "actors"}, {export.FormatGraphML, "provenance"},
		{export.FormatGEXF, "provenance"}, {export.FormatCytoscape, "provenance"},
		{export.FormatJSONL, "provenance"}, {export.FormatCSV, "provenance"},
		{export.FormatNeo4jCSV, "provenance"}, {export.FormatEvents, ""},
	} {
		opts := export.Options{Format: c.format, Graph: c.graph}
		g1, w1 := heapGrowth(t, small, opts)
		g10, w10 := heapGrowth(t, large, opts)
		t.Logf("%-9s %-10s n=%-6d out=%6.1f MB heap+%6.0f KB | 10n out=%6.1f MB heap+%6.0f KB",
			c.format, c.graph, n, float64(w1)/1e6, float64(g1)/1024, float64(w10)/1e6, float64(g10)/1024)
		if w10 < 8*w1 {
			t.Errorf("%s %s: output %d then %d bytes: the large graph is not ten times larger", c.format, c.graph, w1, w10)
		}
		if g10 > g1+1<<20 {
			t.Errorf("%s %s: peak live heap grew from %d KB to %d KB for a graph ten times larger", c.format, c.graph, g1/1024, g10/1024)
		}
	}

	// Control: a filter makes the export gather its selection, which is linear.
	opts := export.Options{Format: export.FormatGraphML, Graph: "provenance", Filter: store.StatementFilter{Kinds: store.StatementKinds}}
	g1, _ := heapGrowth(t, small, opts)
	g10, _ := heapGrowth(t, large, opts)
	t.Logf("filtered  provenance n=%d heap+%.0f KB | 10n heap+%.0f KB (selection held in memory)", n, float64(g1)/1024, float64(g10)/1024)
	if g10 < 5*g1 {
		t.Errorf("control: the probe saw %d KB then %d KB for a selection ten times larger; it would miss linear growth", g1/1024, g10/1024)
	}
}

// countingWriter discards and counts.
type countingWriter struct{ n int64 }

func (c *countingWriter) Write(p []byte) (int, error) { c.n += int64(len(p)); return len(p), nil }

// BenchmarkWrite measures export throughput over a synthetic graph of 10,000
// statements (20,000 reports, 1,000 actors), per format.
func BenchmarkWrite(b *testing.B) {
	s := &genStore{actors: 1000, statements: 10000}
	for _, c := range []struct{ format, graph string }{
		{export.FormatGraphML, "actors"}, {export.FormatGraphML, "provenance"}, {export.FormatGEXF, "provenance"},
		{export.FormatCytoscape, "provenance"}, {export.FormatJSONL, "provenance"}, {export.FormatCSV, "provenance"},
		{export.FormatNeo4jCSV, "provenance"}, {export.FormatEvents, ""},
	} {
		b.Run(c.format+"/"+c.graph, func(b *testing.B) {
			var cw countingWriter
			for b.Loop() {
				cw.n = 0
				if err := export.Write(context.Background(), &cw, s, export.Options{Format: c.format, Graph: c.graph}); err != nil {
					b.Fatal(err)
				}
			}
			b.SetBytes(cw.n)
			b.ReportMetric(float64(s.statements)*float64(b.N)/b.Elapsed().Seconds(), "statements/s")
		})
	}
}
