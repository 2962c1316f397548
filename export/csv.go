package export

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/demarche/demarche/store"
)

// edgeCSVHead are the fixed leading columns of the CSV edge list; the union of
// the relationship columns follows.
var edgeCSVHead = []string{"id", "source", "source_name", "source_type", "target", "target_name", "target_type", "kind"}

// writeEdgeCSV writes g's relationships as one CSV edge list for spreadsheets:
// ends with their names (actors) and ID spaces, the kind, and every property
// column (lists joined by ";", dates as YYYY-MM-DD).
func writeEdgeCSV(ctx context.Context, w *out, s store.Store, g *graph) error {
	cw := csv.NewWriter(w)
	cols := columns(g.rels)
	head := append(append([]string(nil), edgeCSVHead...), colNames(cols)...)
	if err := cw.Write(head); err != nil {
		return err
	}
	row := make([]string, len(head))
	for _, sec := range g.rels {
		at := make([]int, len(sec.cols)) // where each section column goes
		for i, c := range sec.cols {
			at[i] = len(edgeCSVHead) + colIndex(cols, c.name)
		}
		err := walkWithEnds(ctx, s, sec, func(e *element, from, to *store.Actor) error {
			if err := w.check(ctx); err != nil {
				return err
			}
			clear(row)
			copy(row, []string{e.id, e.source, endName(from), sec.from, e.target, endName(to), sec.to, e.typ})
			for i := range sec.cols {
				row[at[i]], _ = formatValue(e.values[i])
			}
			return cw.Write(row)
		})
		if err != nil {
			return fmt.Errorf("%s: %w", sec.file, err)
		}
	}
	cw.Flush()
	return cw.Error()
}

func colNames(cols []column) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = c.name
	}
	return out
}

func colIndex(cols []column, name string) int {
	for i, c := range cols {
		if c.name == name {
			return i
		}
	}
	return -1
}

// EventColumns is the header of the event table: one row per dyad (speaker,
// target) of each statement, in the layout of GDELT/ICEWS/POLECAT-style event
// data. Countries are ISO 3166 alpha-3; source_urls are space-separated.
var EventColumns = []string{"event_id", "date", "source_actor", "source_actor_id", "source_country",
	"cameo_code", "plover_category", "target_actor", "target_actor_id", "target_country",
	"incident", "incident_id", "kind", "num_reports", "num_articles", "confidence", "source_urls"}

// eventBatch is how many statements writeEvents holds while it looks up their
// actors, incidents and articles.
const eventBatch = 256

// writeEvents writes the statements f selects as the dyadic event table, CSV
// (sep ',') or TSV (sep '\t'; tabs and line breaks inside fields become spaces).
// A statement without a target gives one row per speaker with empty target fields.
func writeEvents(ctx context.Context, raw io.Writer, s store.Store, f store.StatementFilter, sep rune) error {
	w := newOut(raw)
	var writeRow func([]string) error
	var cw *csv.Writer
	if sep == '\t' {
		writeRow = func(fields []string) error {
			for i, fld := range fields {
				if i > 0 {
					w.WriteByte('\t')
				}
				w.WriteString(tsvField.Replace(fld))
			}
			return w.WriteByte('\n')
		}
	} else {
		cw = csv.NewWriter(w)
		writeRow = cw.Write
	}
	if err := writeRow(EventColumns); err != nil {
		return err
	}
	batch := make([]store.Statement, 0, eventBatch)
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		lk, err := lookupBatch(ctx, s, batch)
		if err != nil {
			return err
		}
		for i := range batch {
			if err := eventRows(&batch[i], lk, writeRow); err != nil {
				return err
			}
		}
		batch = batch[:0]
		return w.check(ctx)
	}
	err := s.WalkStatements(ctx, f, func(st store.Statement) error {
		batch = append(batch, st)
		if len(batch) == eventBatch {
			return flush()
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	if err != nil {
		return fmt.Errorf("export events: %w", err)
	}
	if cw != nil {
		cw.Flush()
		if err := cw.Error(); err != nil {
			return err
		}
	}
	return w.Flush()
}

var tsvField = strings.NewReplacer("\t", " ", "\r\n", " ", "\n", " ", "\r", " ")

// lookups are the actors, incidents and article URLs of a batch of statements.
type lookups struct {
	actors    map[string]store.Actor
	incidents map[string]store.Incident
	urls      map[string]string
}

func lookupBatch(ctx context.Context, s store.Store, batch []store.Statement) (*lookups, error) {
	actorSet, incSet, artSet := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, st := range batch {
		for _, id := range st.SpeakerIDs {
			actorSet[id] = true
		}
		for _, id := range st.TargetIDs {
			actorSet[id] = true
		}
		if st.IncidentID != "" {
			incSet[st.IncidentID] = true
		}
		for _, r := range st.Reports {
			artSet[r.ArticleID] = true
		}
	}
	lk := &lookups{actors: map[string]store.Actor{}, incidents: map[string]store.Incident{}, urls: map[string]string{}}
	actors, err := s.GetActors(ctx, keys(actorSet))
	if err != nil {
		return nil, err
	}
	for _, a := range actors {
		lk.actors[a.ID] = a
	}
	if len(incSet) > 0 {
		incs, err := s.GetIncidents(ctx, keys(incSet))
		if err != nil {
			return nil, err
		}
		for _, in := range incs {
			lk.incidents[in.ID] = in
		}
	}
	if len(artSet) > 0 {
		ids := keys(artSet)
		arts, _, err := s.ListArticles(ctx, store.ArticleFilter{IDs: ids}, store.Page{Limit: len(ids)})
		if err != nil {
			return nil, err
		}
		for _, a := range arts {
			lk.urls[a.ID] = a.URL
		}
	}
	return lk, nil
}

func keys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// eventRows writes the rows of one statement.
func eventRows(st *store.Statement, lk *lookups, writeRow func([]string) error) error {
	var urls []string
	arts := map[string]bool{}
	for _, r := range st.Reports {
		if arts[r.ArticleID] {
			continue
		}
		arts[r.ArticleID] = true
		if u := lk.urls[r.ArticleID]; u != "" {
			urls = append(urls, u)
		}
	}
	incident := lk.incidents[st.IncidentID].Name
	targets := st.TargetIDs
	if len(targets) == 0 {
		targets = []string{""}
	}
	for _, sp := range st.SpeakerIDs {
		src := lk.actors[sp]
		for _, tg := range targets {
			dst := lk.actors[tg]
			row := []string{st.ID, st.Date.UTC().Format(time.DateOnly), src.Name, sp, src.Country,
				st.Kind.CAMEO(), st.Kind.PLOVER(), dst.Name, tg, dst.Country,
				incident, st.IncidentID, string(st.Kind), strconv.Itoa(len(st.Reports)), strconv.Itoa(len(arts)),
				strconv.FormatFloat(st.Confidence, 'g', -1, 64), strings.Join(urls, " ")}
			if err := writeRow(row); err != nil {
				return err
			}
		}
	}
	return nil
}
