package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSummarize(t *testing.T) {
	s := summarize([]float64{5, 1, 3})
	if s != (stat{3, 1, 5}) {
		t.Errorf("summarize odd = %+v, want {3 1 5}", s)
	}
	s = summarize([]float64{4, 1, 3, 2})
	if s != (stat{2.5, 1, 4}) {
		t.Errorf("summarize even = %+v, want {2.5 1 4}", s)
	}
}

// TestReport builds a report from small raw results and checks the figures,
// the per-round ratios and the verdicts.
func TestReport(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("extract.txt", `goos: linux
BenchmarkExtract 	     622	   1720974 ns/op	   1.04 MB/s	       900.0 articles/s	 1200 articles/cpu-s	   63619 B/op	     502 allocs/op
BenchmarkExtract 	     666	   1611762 ns/op	   1.11 MB/s	       1000 articles/s	 1300 articles/cpu-s	   63703 B/op	     503 allocs/op
BenchmarkExtract 	    1165	   1481876 ns/op	   1.20 MB/s	       1100 articles/s	 1400 articles/cpu-s	   63640 B/op	     504 allocs/op
PASS
`)
	write("load.jsonl", `{"store":"sqlite","mode":"batched","batch":500,"requested":1000,"articles":1000,"reports":10000,"statements":5000,"seconds":0.2,"articles_per_s":5000,"reports_per_s":50000,"statements_per_s":25000}
{"store":"neo4j","mode":"batched","batch":500,"requested":1000,"articles":1000,"reports":10000,"statements":5000,"seconds":2,"articles_per_s":500,"reports_per_s":5000,"statements_per_s":2500,"tenths":[600,500]}
{"store":"neo4j","mode":"batched","batch":500,"requested":2000,"articles":2000,"reports":20000,"statements":10000,"seconds":4,"articles_per_s":500,"reports_per_s":5000,"statements_per_s":2500,"ceiling":{"statements":10000,"nodes":12000,"relationships":110000,"seconds":2,"statements_per_s":5000,"parts":{"nodes":0.5,"relationships":1,"schema":0.5}}}
`)
	write("queries.jsonl", `{"round":1,"target":"demarche-embedded","query":"actor","clients":16,"requests":100,"errors":0,"rps":300,"p50_ms":10,"p99_ms":40}
{"round":1,"target":"neo4j-graphql","query":"actor","clients":16,"requests":100,"errors":0,"rps":100,"p50_ms":50,"p99_ms":80}
{"round":2,"target":"demarche-embedded","query":"actor","clients":16,"requests":100,"errors":0,"rps":100,"p50_ms":10,"p99_ms":60}
{"round":2,"target":"neo4j-graphql","query":"actor","clients":16,"requests":100,"errors":0,"rps":50,"p50_ms":50,"p99_ms":120}
`)
	var b strings.Builder
	if err := report(&b, dir); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		"| BenchmarkExtract |",
		"1300 articles/cpu-s", // the per-core verdict uses CPU time when reported
		"| Neo4j load ≥ 5,000 statements/s (batched, 2000 articles) | 2500 statements/s | no |",
		"| embedded load ≥ 20,000 statements/s (batched, 1000 articles) | 25000 statements/s | yes |",
		"600 · 500",
		// The load's 2,500 statements/s against the copy's 5,000.
		"| neo4j | 2000 | 10000 | 12000 nodes, 110000 relationships | 2500 | 2.0 | 5000 (50% reached) | nodes 0.5 s, relationships 1.0 s, schema 0.5 s |",
		// Round ratios are 3.0 and 2.0: median 2.5; p99 ratios 0.5 and 0.5.
		"| actor | 16 | demarche-embedded | 2.50 (2.00–3.00) | 0.50 (0.50–0.50) |",
		"| demarche-embedded throughput ≥ 1.5× @neo4j/graphql, actor, 16 clients | 2.50× | yes |",
		// p99 over rounds 40 and 60: median 50, not < 50.
		"| demarche-embedded p99 < 50 ms, actor, 16 clients | 50.0 ms (errors 0) | no |",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q\n%s", want, out)
		}
	}
}
