package loader

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// Fuzz tests: one per parser. Seeds come from testdata/ fixtures (f.Add) and
// from the corpus in testdata/fuzz/<FuzzName>/. CI runs each briefly with
// -fuzz; plain `go test` runs the seeds.

func addFixtures(f *testing.F, names ...string) {
	for _, n := range names {
		data, err := os.ReadFile(filepath.Join("testdata", n))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
}

// checkArticles asserts what every parser must guarantee for any input.
func checkArticles(t *testing.T, arts []Article) {
	t.Helper()
	for _, a := range arts {
		if len(a.Paragraphs) == 0 {
			t.Fatalf("article without paragraphs: %+v", a)
		}
		for _, p := range a.Paragraphs {
			if strings.TrimSpace(p) == "" || strings.Contains(p, "\n") || !utf8.ValidString(p) {
				t.Fatalf("bad paragraph %q", p)
			}
		}
		if !utf8.ValidString(a.Title) || strings.Contains(a.Title, "\n") {
			t.Fatalf("bad title %q", a.Title)
		}
		if id := ArticleID(a); !strings.HasPrefix(id, "art:") || len(id) != 36 {
			t.Fatalf("bad id %q", id)
		}
	}
}

func FuzzParse(f *testing.F) {
	addFixtures(f, "scraped_frame.txt", "article.json", "articles.jsonl", "page.html", "feed_rss.xml", "plain_title.txt.gz")
	f.Fuzz(func(t *testing.T, data []byte) {
		arts, err := Parse("fuzz", data, Options{MaxBytes: 1 << 20})
		if err == nil && len(arts) == 0 {
			t.Fatal("no articles and no error")
		}
		for _, e := range Errors(err) {
			if e.Source == "" || strings.Contains(e.Error(), "\n") {
				t.Fatalf("bad error %q", e.Error())
			}
		}
		checkArticles(t, arts)
	})
}

func FuzzParseText(f *testing.F) {
	addFixtures(f, "scraped_frame.txt", "scraped_nav.txt", "scraped_meta_teaser.txt", "scraped_title_after.txt", "plain_wrapped.txt",
		"scraped_title_echo.txt", "scraped_pipes_title.txt", "scraped_long_headline.txt",
		"scraped_stamps_firstpublished.txt", "scraped_stamps_wire.txt")
	f.Fuzz(func(t *testing.T, data []byte) {
		if !utf8.Valid(data) {
			return
		}
		r := parseText(string(data))
		for _, p := range r.Paragraphs {
			if strings.TrimSpace(p) == "" || strings.Contains(p, "\n") {
				t.Fatalf("bad paragraph %q", p)
			}
		}
		// Each paragraph once.
		seen := map[string]bool{}
		for _, p := range r.Paragraphs {
			if k := alnumKey(p); k != "" && seen[k] {
				t.Fatalf("paragraph twice: %q", p)
			} else {
				seen[k] = true
			}
		}
	})
}

func FuzzParseJSON(f *testing.F) {
	addFixtures(f, "article.json", "array.json", "newsapi.json", "articles.jsonl", "mixed.jsonl", "truncated.json")
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, format := range []Format{FormatJSON, FormatJSONL} {
			arts, err := parseJSON("fuzz", data, format)
			for _, e := range Errors(err) {
				if e.Source == "" {
					t.Fatalf("error without source: %v", e)
				}
			}
			_ = arts
		}
	})
}

func FuzzParseHTML(f *testing.F) {
	addFixtures(f, "page.html", "page_jsonld.html")
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := parseHTML("fuzz", data)
		if err == nil {
			for _, p := range a.Paragraphs {
				if strings.TrimSpace(p) == "" {
					t.Fatalf("empty paragraph")
				}
			}
		}
	})
}

func FuzzParseFeed(f *testing.F) {
	addFixtures(f, "feed_rss.xml", "feed_atom.xml")
	f.Fuzz(func(t *testing.T, data []byte) {
		arts, _ := parseFeed("fuzz", data)
		for _, a := range arts {
			if len(a.Paragraphs) == 0 {
				t.Fatal("feed article without text")
			}
		}
	})
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2021-07-20T12:49:34.954Z", "Tue, 20 Jul 2021 12:49:34 GMT", "July 20, 2021", "20 July 2021", "21st December, 2020", "24-03-2022 05:34 IST"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err == nil && d.IsZero() {
			t.Fatalf("ParseDate(%q) = zero time without error", s)
		}
	})
}
