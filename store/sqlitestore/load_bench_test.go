package sqlitestore_test

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/demarche/demarche/store/sqlitestore"
	"github.com/demarche/demarche/store/sqlitestore/sqlitebench"
	"github.com/demarche/demarche/synth"
)

// Environment of BenchmarkLoadGrown.
const (
	// LoadBaseEnv is how many synthetic articles the store holds before the timed
	// batches (default 5,000).
	LoadBaseEnv = "DEMARCHE_LOAD_BASE"
	// LoadDBEnv names a directory that keeps the base store between runs: it is
	// built there when it holds no database, and copied from otherwise.
	LoadDBEnv = "DEMARCHE_LOAD_DB"
)

// BenchmarkLoadGrown measures the marginal load rate of a grown graph: each op
// copies a store already holding the first base articles of a synthetic sequence
// and loads the next 2,000 in batches of 500 (as loadbench does), so the cost of
// writes into big tables and indexes shows, not that of an empty store.
func BenchmarkLoadGrown(b *testing.B) {
	ctx := context.Background()
	base := 5000
	if v := os.Getenv(LoadBaseEnv); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			b.Fatalf("%s=%q: want a count of articles", LoadBaseEnv, v)
		}
		base = n
	}
	const extra, batch = 2000, 500
	arts := synth.Articles(synth.Config{Seed: 1, Articles: base + extra}, base+extra)
	src := os.Getenv(LoadDBEnv)
	if src == "" {
		src = b.TempDir()
	}
	if _, err := os.Stat(filepath.Join(src, sqlitestore.FileName)); err != nil {
		s, err := sqlitestore.Open(ctx, src, sqlitestore.Options{})
		if err != nil {
			b.Fatal(err)
		}
		for i := 0; i < base; i += batch {
			if _, err := s.PutArticles(ctx, arts[i:min(i+batch, base)]); err != nil {
				b.Fatal(err)
			}
		}
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
	}
	for b.Loop() {
		b.StopTimer()
		dir := b.TempDir()
		if err := sqlitebench.CopyStore(src, dir); err != nil {
			b.Fatal(err)
		}
		s, err := sqlitestore.Open(ctx, dir, sqlitestore.Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		for i := base; i < base+extra; i += batch {
			if _, err := s.PutArticles(ctx, arts[i:i+batch]); err != nil {
				b.Fatal(err)
			}
		}
		b.StopTimer()
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
	b.ReportMetric(float64(extra*b.N)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkLoadCeiling measures the fastest any load into this schema can be
// (sqlitebench.CopyCeiling): each op copies every table of the 10k-article
// benchmark graph into an empty store of the same schema and builds its indexes
// after. Its statements/s is an upper bound for a load of the same graph through
// PutArticles (BenchmarkLoadGrown, bench/cmd/loadbench), whatever the write
// algorithm.
func BenchmarkLoadCeiling(b *testing.B) {
	ctx := context.Background()
	src := sqlitebench.Graph(b, 10000)
	total := 0
	var copying time.Duration
	for b.Loop() {
		statements, took, err := sqlitebench.CopyCeiling(ctx, src, b.TempDir())
		if err != nil {
			b.Fatal(err)
		}
		total += statements
		copying += took
	}
	b.ReportMetric(float64(total)/copying.Seconds(), "statements/s")
}
