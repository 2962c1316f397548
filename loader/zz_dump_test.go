package loader

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

func TestZZDump(t *testing.T) {
	pat := os.Getenv("DUMP")
	if pat == "" {
		t.Skip()
	}
	files, _ := filepath.Glob(pat)
	for _, f := range files {
		data, _ := os.ReadFile(f)
		arts, err := Parse(f, data, Options{})
		fmt.Printf("===== %s err=%v\n", f, err)
		for _, a := range arts {
			fmt.Printf("T: %s\nU: %s\nD: %s\nP: %s\nL: %s\nS: %s\nID: %s\n", a.Title, a.URL, a.Published, a.Publisher, a.Language, a.Source, ArticleID(a))
			for _, p := range a.Paragraphs {
				fmt.Printf("  | %s\n", p)
			}
		}
	}
}
