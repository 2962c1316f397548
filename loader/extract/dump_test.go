package extract

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/demarche/demarche/loader"
)

// TestDump prints the mentions and attributions of each sentence of the gold
// article named by EXTRACT_DUMP (a path to an eval JSON file); it is a
// development aid and does nothing when the variable is unset.
func TestDump(t *testing.T) {
	path := os.Getenv("EXTRACT_DUMP")
	if path == "" {
		t.Skip("EXTRACT_DUMP not set")
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var g struct{ Text string }
	if err := json.Unmarshal(b, &g); err != nil {
		t.Fatal(err)
	}
	doc := Document{Body: g.Text}
	if arts, err := loader.Parse("-", []byte(g.Text), loader.Options{}); err == nil && len(arts) > 0 {
		// the article as the CLI reads it: title and paragraphs from the loader
		doc = Document{Title: arts[0].Title, Published: arts[0].Published, Paragraphs: arts[0].Paragraphs}
	}
	if os.Getenv("EXTRACT_DUMP_RAW") != "" {
		doc = Document{Body: g.Text}
	}
	a := newAnalysis(defaultLexicon, doc)
	a.segment()
	a.findMentions()
	a.resolveCoref()
	a.findIncidents()
	a.findStatements()
	for si, s := range a.sents {
		var parts []string
		for _, m := range s.ments {
			n := "?"
			if m.ent != nil {
				n = m.ent.name
			}
			parts = append(parts, fmt.Sprintf("[%s|%d→%s]", s.span(m.start, m.end), m.kind, n))
		}
		attr := ""
		if s.attribution != nil {
			attr = " ATTR=" + s.attribution.name
		}
		fmt.Printf("%d: %s\n    %s%s\n", si, s.text, strings.Join(parts, " "), attr)
		for _, st := range a.stmts {
			if st.sent == si {
				tg := "nil"
				if st.target != nil {
					tg = st.target.name
				}
				fmt.Printf("    => %s %s %s %.2f\n", st.speaker.name, st.kind, tg, st.conf)
			}
		}
	}
}
