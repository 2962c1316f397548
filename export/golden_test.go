package export_test

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/demarche/demarche/export"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// TestGolden pins the exact output of every text format for the fixture's
// actor graph (and the event table), so a change to a format shows up as a
// diff of testdata/. Run with -update to accept one.
func TestGolden(t *testing.T) {
	s := fixtureStore(t)
	for _, c := range []struct{ format, file string }{
		{export.FormatGraphML, "actors.graphml"}, {export.FormatGEXF, "actors.gexf"},
		{export.FormatCytoscape, "actors.cyjs"}, {export.FormatJSONL, "actors.jsonl"},
		{export.FormatCSV, "actors.csv"}, {export.FormatEvents, "events.csv"}, {export.FormatEventsTSV, "events.tsv"},
	} {
		var buf bytes.Buffer
		if err := export.Write(context.Background(), &buf, s, export.Options{Format: c.format, Graph: "actors"}); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join("testdata", c.file)
		if *update {
			if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test ./export -run Golden -update to create it)", err)
		}
		if !bytes.Equal(buf.Bytes(), want) {
			t.Errorf("%s differs from %s:\n%s", c.format, path, buf.Bytes())
		}
	}
}
