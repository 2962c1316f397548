package extract

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestLongArticle checks that a very long input (all golden articles fifty
// times over) is handled in bounded time: no rule is quadratic in the article.
func TestLongArticle(t *testing.T) {
	if testing.Short() {
		t.Skip("long input in -short mode")
	}
	files, _ := filepath.Glob(filepath.Join("testdata", "*", "article.txt"))
	var b strings.Builder
	for i := 0; i < 50; i++ {
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			// a distinct prefix per copy keeps repeated sentences from being merged
			for _, line := range strings.Split(string(data), "\n") {
				if line != "" {
					fmt.Fprintf(&b, "Item %d. %s\n", i, line)
				}
			}
		}
	}
	start := time.Now()
	r := Extract(Document{Body: b.String()})
	if len(r.Statements) == 0 {
		t.Fatal("no statements in a long article")
	}
	if d := time.Since(start); d > 20*time.Second {
		t.Errorf("a %d-byte article took %v", b.Len(), d)
	}
}
