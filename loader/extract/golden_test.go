package extract

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite the golden expected.json files")

// TestGolden runs Extract over each testdata/<case>/article.txt (articles
// written for these tests: first line the title, the rest the body) and
// compares with expected.json. Run with -update to accept new output.
func TestGolden(t *testing.T) {
	dirs, _ := filepath.Glob(filepath.Join("testdata", "*", "article.txt"))
	if len(dirs) == 0 {
		t.Fatal("no golden cases")
	}
	for _, path := range dirs {
		dir := filepath.Dir(path)
		t.Run(filepath.Base(dir), func(t *testing.T) {
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			title, body, _ := strings.Cut(string(b), "\n")
			doc := Document{Title: title, Body: body, Published: time.Date(2024, 6, 5, 0, 0, 0, 0, time.UTC), Language: "en"}
			got, err := json.MarshalIndent(Extract(doc), "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			want := filepath.Join(dir, "expected.json")
			if *update {
				if err := os.WriteFile(want, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			exp, err := os.ReadFile(want)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if string(exp) != string(got) {
				t.Errorf("output differs from %s (run with -update after checking):\n%s", want, got)
			}
		})
	}
}
