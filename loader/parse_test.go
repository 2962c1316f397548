package loader

import (
	"bytes"
	"compress/gzip"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func readTestdata(name string) ([]byte, error) {
	return os.ReadFile(filepath.Join("testdata", name))
}

func mustRead(t *testing.T, name string) []byte {
	t.Helper()
	data, err := readTestdata(name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// want is what one article read from a fixture must look like.
type want struct {
	title, url, publisher, lang string
	published                   string // date part, "" for unknown
	paragraphs                  int
	contains                    []string // each must be in the body exactly once
	absent                      []string // none may be in the body
}

func checkArticle(t *testing.T, a Article, w want) {
	t.Helper()
	if a.Title != w.title {
		t.Errorf("title = %q, want %q", a.Title, w.title)
	}
	if a.URL != w.url {
		t.Errorf("url = %q, want %q", a.URL, w.url)
	}
	if a.Publisher != w.publisher {
		t.Errorf("publisher = %q, want %q", a.Publisher, w.publisher)
	}
	lang := w.lang
	if lang == "" {
		lang = "en"
	}
	if a.Language != lang {
		t.Errorf("language = %q, want %q", a.Language, lang)
	}
	got := ""
	if !a.Published.IsZero() {
		got = a.Published.Format(time.DateOnly)
	}
	if got != w.published {
		t.Errorf("published = %q (%v), want %q", got, a.Published, w.published)
	}
	if len(a.Paragraphs) != w.paragraphs {
		t.Errorf("%d paragraphs, want %d:\n%s", len(a.Paragraphs), w.paragraphs, strings.Join(a.Paragraphs, "\n"))
	}
	body := a.Body()
	for _, s := range w.contains {
		if n := strings.Count(body, s); n != 1 {
			t.Errorf("body holds %q %d times, want once", s, n)
		}
	}
	for _, s := range w.absent {
		if strings.Contains(body, s) {
			t.Errorf("body holds boilerplate %q", s)
		}
	}
}

func TestParseFormats(t *testing.T) {
	tests := []struct {
		file   string
		format Format
		want   []want
	}{
		{"scraped_frame.txt", FormatText, []want{{
			title: "Norway protests over drone flights near its Arctic bases", publisher: "El País",
			published: "2023-03-14", paragraphs: 6,
			contains: []string{
				`Oslo says the flights were "deliberate"`,
				"Norway summoned the ambassador of Ruritania on Monday",
				"put civil aviation at risk.",
				"none of its aircraft had left national airspace.",
			},
			absent: []string{"Mirrorball", "Now you can read", "More information", "Arctic tensions rise", "Ruritania expands",
				"Source:", "All news articles", "You may like", "Trends 24h", "Latest", "©", "external sources", "at ri\n", "2023-03-14"},
		}}},
		{"scraped_nav.txt", FormatText, []want{{
			title: "Ruritania accuses Freedonia of jamming border radars", publisher: "Newswire",
			published: "2019-11-05", paragraphs: 4,
			contains: []string{"VALDORIA (Newswire) - Ruritania on Tuesday accused", "did not respond to a request for comment."},
			absent:   []string{"Sport", "Sign In", "Compose", "Celebrity chef", "penalty", "Reporting by", "Back To Top", "Newswire /"},
		}}},
		{"scraped_breadcrumb.txt", FormatText, []want{{
			title: "Freedonia Expels Two Ruritanian Diplomats Over Spying Claims", paragraphs: 3,
			absent: []string{"World News >"},
		}}},
		{"scraped_title_after.txt", FormatText, []want{{
			title: "Valdoria charges three men with selling power grid secrets", paragraphs: 3,
			absent: []string{"Advertisement", "Valdoria charges three men"},
		}}},
		{"scraped_meta_teaser.txt", FormatText, []want{{
			title: "Freedonia recalls its envoy after trade talks collapse", published: "2022-06-09", paragraphs: 3,
			contains: []string{"Freedonia has recalled its ambassador", "Officials said no new round"},
			absent:   []string{"Left Menu", "Wirenews |", "Updated:", "broke down.Officials"},
		}}},
		{"plain_title.txt", FormatText, []want{{
			title: "Ruritania rejects report on cyber intrusion", paragraphs: 3,
			contains: []string{"The newspaper stood by its story."},
		}}},
		{"plain_title.txt.gz", FormatText, []want{{
			title: "Ruritania rejects report on cyber intrusion", paragraphs: 3,
		}}},
		{"plain_dateline.txt", FormatText, []want{{
			publisher: "Capital Press", published: "2022-03-03", paragraphs: 3,
			contains: []string{"VALDORIA (Capital Press - 3rd March, 2022) The government"},
		}}},
		{"plain_dateline_titlecase.txt", FormatText, []want{{
			title: "Ruritania recalls envoy over border shooting", published: "2022-04-09", paragraphs: 2,
		}}},
		{"plain_wrapped.txt", FormatText, []want{{
			paragraphs: 2,
			contains:   []string{"made by the Ruritanian interior minister were false", "campaign of intimidation against"},
		}}},
		{"spanish.txt", FormatText, []want{{
			title: "El gobierno rechaza las acusaciones de espionaje", lang: "es", paragraphs: 3,
		}}},
		{"german.txt", FormatText, []want{{lang: "de", paragraphs: 2}}},
		{"article.json", FormatJSON, []want{{
			title:     "Valdoria summons Freedonian ambassador",
			url:       "https://news.example.org/world/valdoria-summons-ambassador?utm_source=rss",
			publisher: "Example News", published: "2021-07-20", paragraphs: 2,
		}}},
		{"array.json", FormatJSON, []want{
			{title: "Ruritania bans Freedonian airline", url: "https://a.example.com/1", publisher: "Reuters", published: "2021-07-20", paragraphs: 1},
			{title: "Freedonia answers airline ban", publisher: "BBC", published: "2021-07-20", paragraphs: 2},
		}},
		{"newsapi.json", FormatJSON, []want{
			{title: "Valdoria and Freedonia trade accusations at UN", url: "https://globalwire.example.net/2021/07/20/un-clash",
				publisher: "Global Wire", published: "2021-07-20", paragraphs: 2, absent: []string{"<p>"}},
			{title: "Short item", url: "https://globalwire.example.net/2021/07/21/reply",
				publisher: "Global Wire", published: "2021-07-21", paragraphs: 1},
		}},
		{"articles.jsonl", FormatJSONL, []want{
			{title: "Ruritania warns Freedonia over troop moves", publisher: "TASS", published: "2021-07-20", paragraphs: 1},
			{title: "Freedonia denies troop build-up", publisher: "Xinhua", published: "2021-07-21", paragraphs: 1},
			{title: "Third story", paragraphs: 1},
		}},
		{"page.html", FormatHTML, []want{{
			title:     "Ruritania expels Freedonian journalists",
			url:       "https://www.example-times.org/world/2021/07/20/ruritania-expels-journalists/",
			publisher: "Example Times", published: "2021-07-20", paragraphs: 4,
			contains: []string{"Ruritania ordered four Freedonian journalists", "long-running diplomatic dispute"},
			absent:   []string{"Home", "Sport", "Border talks stall", "All rights reserved"},
		}}},
		{"page_jsonld.html", FormatHTML, []want{{
			title: "Freedonia sanctions Ruritanian banks", url: "https://wire.example.com/story/12345",
			publisher: "Wire Service", published: "2022-03-24", paragraphs: 3,
		}}},
		{"page_short.html", FormatHTML, []want{{
			title: "Valdoria lodges protest with Freedonia", paragraphs: 1,
			absent: []string{"Home", "Politics"},
		}}},
		{"page_time.html", FormatHTML, []want{{
			title: "Valdoria recalls envoy", published: "2020-10-23", paragraphs: 3,
			contains: []string{"The café owners' association"},
			absent:   []string{"Related", "Border talks stall", "By Staff Writer"},
		}}},
		{"feed_rss.xml", FormatFeed, []want{
			{title: "Valdoria accuses Freedonia of election meddling", url: "https://wire.example.com/world/valdoria-meddling",
				publisher: "Example Wire - World", published: "2021-07-20", paragraphs: 2, absent: []string{"Short teaser"}},
			{title: "Freedonia summons Valdorian envoy", url: "https://wire.example.com/world/envoy",
				publisher: "Example Wire - World", published: "2021-07-21", paragraphs: 1},
		}},
		{"feed_atom.xml", FormatFeed, []want{{
			title: "Valdoria threatens countermeasures over tariffs", url: "https://monitor.example.org/2021/07/20/tariffs",
			publisher: "Valdoria Monitor", published: "2021-07-20", paragraphs: 1,
		}}},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			data := mustRead(t, tc.file)
			if got := DetectFormat(tc.file, data); got != tc.format && !strings.HasSuffix(tc.file, ".gz") {
				t.Errorf("DetectFormat = %q, want %q", got, tc.format)
			}
			// Detection from content alone (no telling extension) must agree.
			if got := DetectFormat("-", data); got != tc.format && !strings.HasSuffix(tc.file, ".gz") {
				t.Errorf("DetectFormat(-) = %q, want %q", got, tc.format)
			}
			arts, err := Parse(filepath.Join("testdata", tc.file), data, Options{})
			if tc.file == "feed_rss.xml" {
				// The feed's third item has no text: reported, the others kept.
				if !errors.Is(err, ErrNoArticle) {
					t.Errorf("err = %v, want ErrNoArticle for the empty item", err)
				}
			} else if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if len(arts) != len(tc.want) {
				t.Fatalf("%d articles, want %d", len(arts), len(tc.want))
			}
			for i, w := range tc.want {
				checkArticle(t, arts[i], w)
			}
		})
	}
}

func TestParseBadInput(t *testing.T) {
	tests := []struct {
		name    string
		data    []byte
		opts    Options
		wantErr error
		line    int
		msg     string // substring of the message
	}{
		{"empty.txt", mustRead(t, "empty.txt"), Options{}, ErrEmpty, 0, "empty.txt: empty input"},
		{"blank.txt", mustRead(t, "blank.txt"), Options{}, ErrEmpty, 0, "blank.txt: empty input"},
		{"binary.bin", mustRead(t, "binary.bin"), Options{}, ErrBinary, 0, "binary.bin: binary data"},
		{"latin1.txt", mustRead(t, "latin1.txt"), Options{}, ErrNotUTF8, 1, "latin1.txt:1: text is not valid UTF-8"},
		{"truncated.json", mustRead(t, "truncated.json"), Options{}, ErrTruncatedJSON, 3, "truncated.json:3: truncated JSON"},
		{"syntax.json", mustRead(t, "syntax.json"), Options{}, ErrBadJSON, 1, "syntax.json:1: invalid JSON"},
		{"corrupt.txt.gz", mustRead(t, "corrupt.txt.gz"), Options{}, nil, 0, "corrupt.txt.gz: gzip:"},
		{"big.txt", []byte(strings.Repeat("Ruritania said so. ", 100)), Options{MaxBytes: 1000}, ErrTooLarge, 0, "big.txt: input too large"},
		{"bomb.txt.gz", gzipped(t, strings.Repeat("a", 5000)), Options{MaxBytes: 1000}, ErrTooLarge, 0, "after gzip"},
		{"nofields.json", []byte(`{"id": 3, "score": 0.5}`), Options{}, nil, 0, "no article fields"},
		{"scalar.json", []byte(`[1, 2, 3]`), Options{Format: FormatJSON}, ErrBadJSON, 0, "not an object"},
		{"emptyarray.json", []byte(`[]`), Options{}, ErrEmpty, 0, "emptyarray.json: empty input"},
		{"nobody.json", []byte(`{"title": "Only a title"}`), Options{}, ErrNoArticle, 0, "no text, body or content"},
		{"feed.xml", []byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>t`), Options{}, ErrBadFeed, 0, "invalid RSS/Atom feed"},
		{"furniture.txt", []byte("Menu\n\nSign In\n\n© 2024"), Options{}, ErrNoArticle, 0, "no article text"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			arts, err := Parse(tc.name, tc.data, tc.opts)
			if err == nil {
				t.Fatalf("no error; articles: %+v", arts)
			}
			if len(arts) != 0 {
				t.Errorf("%d articles with a whole-input error", len(arts))
			}
			var le *Error
			if !errors.As(err, &le) {
				t.Fatalf("error %T %v is not a *loader.Error", err, err)
			}
			if le.Source != tc.name {
				t.Errorf("Source = %q, want %q", le.Source, tc.name)
			}
			if tc.wantErr != nil && !errors.Is(err, tc.wantErr) {
				t.Errorf("err = %v, want %v", err, tc.wantErr)
			}
			if le.Line != tc.line {
				t.Errorf("Line = %d, want %d", le.Line, tc.line)
			}
			if !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("message %q does not contain %q", err.Error(), tc.msg)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("message spans lines: %q", err.Error())
			}
		})
	}
}

func TestParseJSONLinesBadLines(t *testing.T) {
	arts, err := Parse("testdata/mixed.jsonl", mustRead(t, "mixed.jsonl"), Options{})
	if len(arts) != 2 || arts[0].Title != "First good line" || arts[1].Title != "Last good line" {
		t.Fatalf("articles = %+v, want the two good lines", arts)
	}
	if arts[0].Source != "testdata/mixed.jsonl:1" || arts[1].Source != "testdata/mixed.jsonl:6" {
		t.Errorf("sources = %q, %q", arts[0].Source, arts[1].Source)
	}
	errs := Errors(err)
	want := []struct {
		line int
		is   error
	}{{2, ErrTruncatedJSON}, {3, ErrBadJSON}, {4, ErrNoArticle}, {5, ErrBadJSON}}
	if len(errs) != len(want) {
		t.Fatalf("errors = %v, want %d", err, len(want))
	}
	for i, w := range want {
		if errs[i].Line != w.line || !errors.Is(errs[i], w.is) || errs[i].Source != "testdata/mixed.jsonl" {
			t.Errorf("error %d = %v (line %d), want line %d %v", i, errs[i], errs[i].Line, w.line, w.is)
		}
		if !strings.HasPrefix(errs[i].Error(), "testdata/mixed.jsonl:") {
			t.Errorf("message %q does not name file and line", errs[i].Error())
		}
	}
}

func TestParseTeaserOnce(t *testing.T) {
	// A teaser that is the first two paragraphs run together and cut off, with
	// no standfirst of its own: dropped entirely.
	text := "Site Name\n\nValdoria closes its border with Freedonia\n\n2024-01-02T10:00:00Z\n\n" +
		"Valdoria closed its border with Freedonia on Monday, citing security threats. The interior ministry said the closure was temporary and would be rev\n\n" +
		"Valdoria closed its border with Freedonia on Monday, citing security threats.\n\n" +
		"The interior ministry said the closure was temporary and would be reviewed in a week.\n\n" +
		"Freedonia called the move a provocation.\n"
	arts, err := Parse("-", []byte(text), Options{})
	if err != nil {
		t.Fatal(err)
	}
	a := arts[0]
	if a.Title != "Valdoria closes its border with Freedonia" || a.Published.Format(time.RFC3339) != "2024-01-02T10:00:00Z" {
		t.Errorf("title %q published %v", a.Title, a.Published)
	}
	want := []string{
		"Valdoria closed its border with Freedonia on Monday, citing security threats.",
		"The interior ministry said the closure was temporary and would be reviewed in a week.",
		"Freedonia called the move a provocation.",
	}
	if strings.Join(a.Paragraphs, "|") != strings.Join(want, "|") {
		t.Errorf("paragraphs =\n%s\nwant\n%s", strings.Join(a.Paragraphs, "\n"), strings.Join(want, "\n"))
	}
}

func TestParseDuplicateParagraphs(t *testing.T) {
	text := "Freedonia says the talks failed because Ruritania walked out of the room.\n\n" +
		"Ruritania said the claim was false.\n\n" +
		"Freedonia says the talks failed because Ruritania walked out of the room.\n"
	arts, err := Parse("-", []byte(text), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(arts[0].Paragraphs); n != 2 {
		t.Errorf("%d paragraphs, want 2: %q", n, arts[0].Paragraphs)
	}
}

func TestParseForcedFormat(t *testing.T) {
	// JSON text read as plain text when the caller says so.
	data := []byte(`{"title": "x"} is how the ministry's press release began, oddly enough, on Monday.`)
	arts, err := Parse("-", data, Options{Format: FormatText})
	if err != nil || len(arts) != 1 || !strings.HasPrefix(arts[0].Body(), `{"title"`) {
		t.Fatalf("got %+v, %v", arts, err)
	}
	// Text that merely opens with a brace or a bracket is text, not JSON.
	arts, err = Parse("-", []byte("{Updated} Valdoria says the border will reopen on Friday after talks with Freedonia."), Options{})
	if err != nil || len(arts) != 1 {
		t.Fatalf("braced text: %+v, %v", arts, err)
	}
	arts, err = Parse("-", []byte("[Updated] Valdoria says the border will reopen on Friday after talks with Freedonia."), Options{})
	if err != nil || len(arts) != 1 {
		t.Fatalf("bracketed text: %+v, %v", arts, err)
	}
}

func TestParseUTF16(t *testing.T) {
	s := "Valdoria said on Monday that it had recalled its ambassador from Freedonia."
	b := []byte{0xff, 0xfe}
	for _, r := range s {
		b = append(b, byte(r), 0)
	}
	arts, err := Parse("utf16.txt", b, Options{})
	if err != nil || len(arts) != 1 || arts[0].Body() != s {
		t.Fatalf("got %+v, %v", arts, err)
	}
}

func gzipped(t *testing.T, s string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write([]byte(s)); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestParseLanguages(t *testing.T) {
	opts := Options{Languages: []string{"en"}}
	arts, err := Parse("testdata/spanish.txt", mustRead(t, "spanish.txt"), opts)
	if len(arts) != 0 || !errors.Is(err, ErrLanguage) {
		t.Fatalf("Spanish with Languages=[en]: %d articles, %v", len(arts), err)
	}
	if want := `testdata/spanish.txt: article not in an accepted language: detected "es", accepted en`; err.Error() != want {
		t.Errorf("message = %q, want %q", err.Error(), want)
	}
	if arts, err := Parse("testdata/plain_title.txt", mustRead(t, "plain_title.txt"), opts); len(arts) != 1 || err != nil {
		t.Errorf("English with Languages=[en]: %d articles, %v", len(arts), err)
	}
}
