package loader

import (
	"regexp"
	"testing"
	"time"
)

func TestArticleID(t *testing.T) {
	pub := time.Date(2021, 7, 20, 12, 49, 34, 0, time.UTC)
	scraped := Article{Title: "China rejects accusations", Publisher: "elparis", Published: pub, Paragraphs: []string{"a"}}
	html := Article{Title: "China Rejects Accusations!", Publisher: "EL PAÍS", Published: pub.Add(3 * time.Hour),
		URL: "https://elpais.example/x", Paragraphs: []string{"a different rendering"}}
	if ArticleID(scraped) != ArticleID(html) {
		t.Error("scraped and HTML copies of one story have different ids")
	}
	other := scraped
	other.Published = pub.AddDate(0, 0, 1)
	if ArticleID(other) == ArticleID(scraped) {
		t.Error("a story on another day has the same id")
	}

	byURL1 := Article{Title: "x", URL: "http://www.Example.com/a/b/?utm_source=x&id=3#top", Paragraphs: []string{"one"}}
	byURL2 := Article{URL: "https://example.com/a/b?id=3", Paragraphs: []string{"two"}}
	if ArticleID(byURL1) != ArticleID(byURL2) {
		t.Error("same canonical URL, different ids")
	}
	byBody1 := Article{Paragraphs: []string{"Valdoria said  so.", "Freedonia did not."}}
	byBody2 := Article{Paragraphs: []string{"valdoria said so", "Freedonia did not"}}
	byBody3 := Article{Paragraphs: []string{"Freedonia said so."}}
	if ArticleID(byBody1) != ArticleID(byBody2) || ArticleID(byBody1) == ArticleID(byBody3) {
		t.Error("body hashing does not normalize or does not distinguish")
	}
	if !regexp.MustCompile(`^art:[0-9a-f]{32}$`).MatchString(ArticleID(byBody1)) {
		t.Errorf("id %q has the wrong form", ArticleID(byBody1))
	}
	if ArticleID(byURL1) == ArticleID(byBody1) || ArticleID(scraped) == ArticleID(byURL1) {
		t.Error("different kinds of identity collide")
	}
}

func TestContentHash(t *testing.T) {
	a := Article{Title: "t", Paragraphs: []string{"one", "two"}}
	b := a
	b.Paragraphs = []string{"one", "two", "three"}
	if ContentHash(a) == ContentHash(b) || ContentHash(a) != ContentHash(Article{Title: "t", Paragraphs: []string{"one", "two"}}) {
		t.Error("ContentHash does not track content")
	}
	if !regexp.MustCompile(`^sha256:[0-9a-f]{64}$`).MatchString(ContentHash(a)) {
		t.Errorf("hash %q has the wrong form", ContentHash(a))
	}
}

func TestNormalizeURL(t *testing.T) {
	tests := map[string]string{
		"https://www.example.com/news/story/":              "https://example.com/news/story",
		"HTTP://Example.com:80/news/story?b=2&a=1&utm_x=y": "https://example.com/news/story?a=1&b=2",
		"https://example.com/news/story/amp":               "https://example.com/news/story",
		"https://example.com:8443/x#frag":                  "https://example.com:8443/x",
		"ftp://example.com/x":                              "",
		"/relative/path":                                   "",
		"":                                                 "",
	}
	for in, want := range tests {
		if got := NormalizeURL(in); got != want {
			t.Errorf("NormalizeURL(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPublisherName(t *testing.T) {
	tests := map[string]string{
		"elparis": "El País", "El Pais": "El País", "EL PAÍS": "El País", "xinhua": "Xinhua",
		"www.reuters.com": "Reuters", "Some Local Paper": "Some Local Paper", "": "",
		// wire services and major outlets by domain and in-text name
		"apnews.com": "Associated Press", "The Associated Press": "Associated Press", "afp.com": "Agence France-Presse",
		"www.bbc.co.uk": "BBC", "edition.cnn.com": "CNN", "nytimes.com": "The New York Times",
		"washingtonpost.com": "The Washington Post", "theguardian.com": "The Guardian", "aljazeera.com": "Al Jazeera",
		"scmp.com": "South China Morning Post", "english.news.cn": "Xinhua", "tass.ru": "TASS",
		"english.kyodonews.net": "Kyodo News", "en.yna.co.kr": "Yonhap", "dw.com": "Deutsche Welle",
		"france24.com": "France 24", "therecord.media": "The Record", "bleepingcomputer.com": "BleepingComputer",
		"thehackernews.com": "The Hacker News", "cyberscoop.com": "CyberScoop", "rferl.org": "Radio Free Europe/Radio Liberty",
	}
	for in, want := range tests {
		if got := PublisherName(in); got != want {
			t.Errorf("PublisherName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestOutletDateOrder(t *testing.T) {
	tests := map[string]string{"France 24": "dmy", "france24.com": "dmy", "apnews.com": "mdy", "The Guardian": "dmy", "Xinhua": "", "Some Local Paper": "", "": ""}
	for in, want := range tests {
		if got := outletDateOrder(in); got != want {
			t.Errorf("outletDateOrder(%q) = %q, want %q", in, got, want)
		}
	}
}
