package loader

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// collect runs Read and returns the article sources and the error messages.
func collect(t *testing.T, inputs []string, opts Options) (arts []Article, errs []*Error) {
	t.Helper()
	err := Read(context.Background(), inputs, opts, func(it Item) error {
		if it.Err != nil {
			var le *Error
			if !errors.As(it.Err, &le) {
				t.Errorf("item error %T is not *loader.Error: %v", it.Err, it.Err)
			}
			errs = append(errs, le)
			return nil
		}
		arts = append(arts, it.Article)
		return nil
	})
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	return arts, errs
}

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestReadDirectoryGlobStdinGzip(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "a.txt"), mustRead(t, "plain_title.txt"))
	writeFile(t, filepath.Join(dir, "sub", "b.jsonl"), mustRead(t, "articles.jsonl"))
	writeFile(t, filepath.Join(dir, "sub", "deeper", "c.txt.gz"), mustRead(t, "plain_title.txt.gz"))
	writeFile(t, filepath.Join(dir, "sub", "empty.txt"), nil)
	writeFile(t, filepath.Join(dir, "photo.jpg"), []byte{0xff, 0xd8, 0xff, 0x00})        // not an article file: passed over
	writeFile(t, filepath.Join(dir, ".hidden", "x.txt"), mustRead(t, "plain_title.txt")) // hidden: passed over
	if err := os.Symlink(filepath.Join(dir, "sub"), filepath.Join(dir, "sub", "loop")); err != nil {
		t.Fatal(err) // a link back up: not followed
	}

	arts, errs := collect(t, []string{dir}, Options{})
	var sources []string
	for _, a := range arts {
		sources = append(sources, strings.TrimPrefix(a.Source, dir+string(filepath.Separator)))
	}
	want := []string{"a.txt", "sub/b.jsonl:1", "sub/b.jsonl:3", "sub/b.jsonl:4", "sub/deeper/c.txt"}
	if strings.Join(sources, ",") != strings.Join(want, ",") {
		t.Errorf("sources = %v, want %v", sources, want)
	}
	if len(errs) != 1 || !errors.Is(errs[0], ErrEmpty) || !strings.HasSuffix(errs[0].Source, "empty.txt") {
		t.Errorf("errors = %v, want the empty file", errs)
	}

	// A glob, stdin and a missing file in one call: the missing file is an
	// error item and the others are still read.
	opts := Options{Stdin: strings.NewReader(string(mustRead(t, "plain_dateline.txt")))}
	arts, errs = collect(t, []string{filepath.Join(dir, "sub", "*.jsonl"), "-", filepath.Join(dir, "missing.txt"), filepath.Join(dir, "nomatch*.txt")}, opts)
	if len(arts) != 4 || arts[3].Source != "-" || arts[3].Publisher != "Capital Press" {
		t.Errorf("articles = %d, last %+v", len(arts), arts[len(arts)-1])
	}
	if len(errs) != 2 || !strings.Contains(errs[0].Error(), "missing.txt: no such file") || !strings.Contains(errs[1].Error(), "no files match") {
		t.Errorf("errors = %v", errs)
	}
}

func TestReadBadFilesKeepGoing(t *testing.T) {
	names := []string{"binary.bin", "latin1.txt", "truncated.json", "mixed.jsonl", "plain_title.txt", "empty.txt"}
	var inputs []string
	for _, n := range names {
		inputs = append(inputs, filepath.Join("testdata", n))
	}
	big := filepath.Join(t.TempDir(), "big.txt")
	writeFile(t, big, []byte(strings.Repeat("Valdoria said so again. ", 100)))
	inputs = append(inputs, big)
	arts, errs := collect(t, inputs, Options{MaxBytes: 2000})
	if len(arts) != 3 {
		t.Errorf("%d articles, want 3 (two good JSONL lines and the text)", len(arts))
	}
	var msgs []string
	for _, e := range errs {
		msgs = append(msgs, e.Error())
	}
	want := []string{
		"testdata/binary.bin: binary data, not text",
		"testdata/latin1.txt:1: text is not valid UTF-8",
		"testdata/truncated.json:3: truncated JSON: unexpected end of input",
		"testdata/mixed.jsonl:2: truncated JSON",
		"testdata/mixed.jsonl:3: invalid JSON",
		"testdata/mixed.jsonl:4: no article text found",
		"testdata/mixed.jsonl:5: invalid JSON",
		"testdata/empty.txt: empty input",
		big + ": input too large",
	}
	if len(msgs) != len(want) {
		t.Fatalf("errors:\n%s", strings.Join(msgs, "\n"))
	}
	for i := range want {
		if !strings.HasPrefix(msgs[i], want[i]) {
			t.Errorf("error %d = %q, want prefix %q", i, msgs[i], want[i])
		}
	}
	var s Summary
	for _, a := range arts {
		s.Add(Item{Article: a})
	}
	for _, e := range errs {
		s.Add(Item{Err: e})
	}
	if s.String() != "read 3, loaded 0, skipped 0, failed 9" || len(s.Errors) != 9 {
		t.Errorf("summary = %s, %d errors", s, len(s.Errors))
	}
}

func TestReadURL(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/feed":
			w.Header().Set("Content-Type", "application/rss+xml")
			_, _ = w.Write(mustRead(t, "feed_rss.xml"))
		case "/page":
			w.Header().Set("Content-Type", "text/html")
			_, _ = w.Write(mustRead(t, "page.html"))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	arts, errs := collect(t, []string{srv.URL + "/feed", srv.URL + "/page", srv.URL + "/gone"}, Options{HTTPClient: srv.Client()})
	var titles []string
	for _, a := range arts {
		titles = append(titles, a.Title)
	}
	sort.Strings(titles)
	want := []string{"Freedonia summons Valdorian envoy", "Ruritania expels Freedonian journalists", "Valdoria accuses Freedonia of election meddling"}
	if strings.Join(titles, "|") != strings.Join(want, "|") {
		t.Errorf("titles = %q", titles)
	}
	// The feed's empty item and the 404.
	if len(errs) != 2 || !errors.Is(errs[0], ErrNoArticle) || !strings.Contains(errs[1].Error(), srv.URL+"/gone: HTTP 404") {
		t.Errorf("errors = %v", errs)
	}
}

func TestReadStops(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := Read(ctx, []string{"testdata"}, Options{}, func(Item) error { return nil }); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled Read = %v", err)
	}
	stop := errors.New("stop")
	n := 0
	err := Read(context.Background(), []string{"testdata/articles.jsonl"}, Options{}, func(Item) error { n++; return stop })
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("Read = %v after %d items, want stop after 1", err, n)
	}
}
