package storetest

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/demarche/demarche/store"
	"github.com/demarche/demarche/synth"
)

// BatchSize is the number of articles RunBenchmarks writes per PutArticles call.
const BatchSize = 500

// BenchSizesEnv names the environment variable holding the article counts
// RunBenchmarks loads, comma-separated (default "1000"; the report uses
// "1000,10000").
const BenchSizesEnv = "DEMARCHE_BENCH_ARTICLES"

func benchSizes(b *testing.B) []int {
	v := os.Getenv(BenchSizesEnv)
	if v == "" {
		return []int{1000}
	}
	var out []int
	for _, f := range strings.Split(v, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n <= 0 {
			b.Fatalf("%s=%q: want comma-separated article counts", BenchSizesEnv, v)
		}
		out = append(out, n)
	}
	return out
}

// RunBenchmarks measures loading synthetic articles (package synth) into fresh
// stores, in batches of BatchSize with PutArticles and one PutArticle per article,
// and reports articles/s, reports/s (the extracted statements written),
// statements/s (the Statement nodes derived from them) and reports per CPU-second
// of the process (wall-clock rates suffer on shared machines; a backend with its
// own server process, like Neo4j, does its work outside this count). newStore must return an
// open, empty store; the benchmark closes it.
func RunBenchmarks(b *testing.B, newStore func(b *testing.B) store.Store) {
	for _, n := range benchSizes(b) {
		arts := synth.Articles(synth.Config{Seed: 1, Articles: n}, n)
		reports := 0
		for _, a := range arts {
			reports += len(a.Reports)
		}
		for _, mode := range []struct {
			name  string
			batch int
		}{{"batched", BatchSize}, {"single", 1}} {
			b.Run(fmt.Sprintf("%s/%d", mode.name, n), func(b *testing.B) {
				var elapsed, cpu time.Duration
				var statements int
				for b.Loop() {
					b.StopTimer()
					s := newStore(b)
					b.StartTimer()
					start, cpu0 := time.Now(), cpuTime()
					for i := 0; i < len(arts); i += mode.batch {
						batch := arts[i:min(i+mode.batch, len(arts))]
						if mode.batch == 1 {
							if _, err := s.PutArticle(b.Context(), batch[0]); err != nil {
								b.Fatalf("PutArticle: %v", err)
							}
						} else if _, err := s.PutArticles(b.Context(), batch); err != nil {
							b.Fatalf("PutArticles: %v", err)
						}
					}
					elapsed += time.Since(start)
					cpu += cpuTime() - cpu0
					b.StopTimer()
					st, err := s.Stats(b.Context())
					if err != nil {
						b.Fatalf("Stats: %v", err)
					}
					statements = st.Nodes["Statement"]
					if err := s.Close(); err != nil {
						b.Fatalf("Close: %v", err)
					}
					b.StartTimer()
				}
				secs := elapsed.Seconds() / float64(b.N)
				b.ReportMetric(float64(n)/secs, "articles/s")
				b.ReportMetric(float64(reports)/secs, "reports/s")
				b.ReportMetric(float64(statements)/secs, "statements/s")
				if cpu > 0 {
					// On a shared machine wall time depends on the neighbours; the
					// process's CPU time gives the cost of the load itself.
					b.ReportMetric(float64(reports*b.N)/cpu.Seconds(), "reports/cpu-s")
				}
				b.ReportMetric(0, "ns/op")
			})
		}
	}
}
