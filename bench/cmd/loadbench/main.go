// Command loadbench measures loading synthetic articles (package synth) into a
// Demarche store, the embedded SQLite store or Neo4j, through the store's own
// PutArticles (batched, one transaction per batch) or PutArticle (one article per
// transaction). It prints one JSON line with articles/s, reports/s and
// statements/s, and leaves the loaded graph in place so that bench/run can serve
// it afterwards.
//
//	loadbench -store sqlite -dir /tmp/g10k -articles 10000 -mode batched
//	loadbench -store neo4j -neo4j-uri bolt://127.0.0.1:7687 -articles 1000 -mode single -max-time 60s
//
// The store is emptied first (the SQLite directory is removed; every Neo4j node is
// deleted), so never point it at data you keep. Article generation happens before
// the clock starts. With -max-time, a run stops after the batch that crosses the
// limit and reports the rates over what it loaded.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"runtime/pprof"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/demarche/demarche/store"
	"github.com/demarche/demarche/store/neo4jstore"
	"github.com/demarche/demarche/store/sqlitestore"
	"github.com/demarche/demarche/synth"
)

// Result is the JSON line loadbench prints.
type Result struct {
	Store          string  `json:"store"`
	Mode           string  `json:"mode"`
	Batch          int     `json:"batch"`
	Requested      int     `json:"requested"`
	Warm           int     `json:"warm,omitempty"` // articles loaded untimed first, not counted below
	Articles       int     `json:"articles"`       // articles loaded while timed (fewer when -max-time cut the run)
	Reports        int     `json:"reports"`
	Statements     int     `json:"statements"` // Statement nodes the timed articles added
	Actors         int     `json:"actors"`
	Seconds        float64 `json:"seconds"`
	ArticlesPerSec float64 `json:"articles_per_s"`
	ReportsPerSec  float64 `json:"reports_per_s"`
	StmtsPerSec    float64 `json:"statements_per_s"`
	Capped         bool    `json:"capped"`
	// Tenths holds the articles/s of each tenth of the timed articles, in load
	// order: how the cost grows as the graph fills (batched runs of 5,000+ articles).
	Tenths []float64 `json:"tenths,omitempty"`
	// Ceiling is the copy of the loaded graph -ceiling measures.
	Ceiling *Ceiling `json:"ceiling,omitempty"`
}

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "loadbench:", err)
		os.Exit(1)
	}
}

func run() error {
	kind := flag.String("store", "sqlite", "sqlite or neo4j")
	dir := flag.String("dir", "", "embedded store directory (removed first)")
	uri := flag.String("neo4j-uri", os.Getenv("NEO4J_URI"), "Neo4j bolt URI (its data is deleted first)")
	n := flag.Int("articles", 1000, "synthetic articles to load")
	mode := flag.String("mode", "batched", "batched (PutArticles) or single (one PutArticle per article)")
	batch := flag.Int("batch", 500, "articles per PutArticles call in batched mode")
	maxTime := flag.Duration("max-time", 0, "stop after the batch that crosses this much load time (0: load everything)")
	seed := flag.Uint64("seed", 1, "synth seed")
	cpuProfile := flag.String("cpuprofile", "", "write a CPU profile of the load to this file")
	warm := flag.Int("warm", 0, "load this many of the articles first, untimed (query plans, caches), and measure the rest")
	ceiling := flag.Bool("ceiling", false, "after the load, also time copying the loaded graph into an empty store of the same schema by the cheapest route (an upper bound for any load)")
	flag.Parse()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	log := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))

	step := *batch
	switch *mode {
	case "batched":
		if step <= 0 {
			return errors.New("-batch must be positive")
		}
	case "single":
		step = 1
	default:
		return fmt.Errorf("-mode %q: want batched or single", *mode)
	}

	arts := synth.Articles(synth.Config{Seed: *seed, Articles: *n}, *n)

	var s store.Store
	switch *kind {
	case "sqlite":
		if *dir == "" {
			return errors.New("-dir is required for the sqlite store")
		}
		if err := os.RemoveAll(*dir); err != nil {
			return fmt.Errorf("emptying %s: %w", *dir, err)
		}
		ss, err := sqlitestore.Open(ctx, *dir, sqlitestore.Options{})
		if err != nil {
			return err
		}
		s = ss
	case "neo4j":
		if *uri == "" {
			return errors.New("-neo4j-uri is required for the neo4j store")
		}
		if err := wipeNeo4j(ctx, *uri); err != nil {
			return err
		}
		ns, err := neo4jstore.Open(ctx, neo4jstore.Config{URI: *uri, Logger: log})
		if err != nil {
			return err
		}
		s = ns
	default:
		return fmt.Errorf("-store %q: want sqlite or neo4j", *kind)
	}
	defer s.Close()

	res := Result{Store: *kind, Mode: *mode, Batch: step, Requested: *n, Warm: min(max(*warm, 0), len(arts))}
	for _, a := range arts[:res.Warm] {
		if _, err := s.PutArticle(ctx, a); err != nil {
			return fmt.Errorf("warm-up article: %w", err)
		}
	}
	before, err := s.Stats(ctx)
	if err != nil {
		return fmt.Errorf("stats: %w", err)
	}
	arts = arts[res.Warm:]
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
	}
	start := time.Now()
	tenth := 0
	if step > 1 && len(arts) >= 10*step {
		tenth = len(arts) / 10
	}
	tenthStart, tenthDone := start, 0
	for i := 0; i < len(arts); i += step {
		part := arts[i:min(i+step, len(arts))]
		var err error
		if step == 1 {
			_, err = s.PutArticle(ctx, part[0])
		} else {
			_, err = s.PutArticles(ctx, part)
		}
		if err != nil {
			return fmt.Errorf("article %d: %w", i, err)
		}
		res.Articles += len(part)
		if tenth > 0 && res.Articles-tenthDone >= tenth {
			now := time.Now()
			res.Tenths = append(res.Tenths, float64(res.Articles-tenthDone)/now.Sub(tenthStart).Seconds())
			tenthStart, tenthDone = now, res.Articles
		}
		for _, a := range part {
			res.Reports += len(a.Reports)
		}
		if *maxTime > 0 && time.Since(start) >= *maxTime {
			res.Capped = res.Articles < len(arts)
			break
		}
	}
	elapsed := time.Since(start)
	if *cpuProfile != "" {
		pprof.StopCPUProfile()
	}
	st, err := s.Stats(ctx)
	if err != nil {
		return fmt.Errorf("stats: %w", err)
	}
	res.Statements = st.Nodes["Statement"] - before.Nodes["Statement"]
	res.Actors = st.Nodes["Actor"]
	res.Seconds = elapsed.Seconds()
	res.ArticlesPerSec = float64(res.Articles) / res.Seconds
	res.ReportsPerSec = float64(res.Reports) / res.Seconds
	res.StmtsPerSec = float64(res.Statements) / res.Seconds
	if *ceiling {
		switch *kind {
		case "sqlite":
			res.Ceiling, err = sqliteCeiling(ctx, *dir)
		case "neo4j":
			res.Ceiling, err = neo4jCeiling(ctx, *uri, log)
		}
		if err != nil {
			return err
		}
	}
	return json.NewEncoder(os.Stdout).Encode(res)
}

// wipeNeo4j deletes every node and relationship, in batches, keeping the schema.
func wipeNeo4j(ctx context.Context, uri string) error {
	drv, err := neo4j.NewDriverWithContext(uri, neo4j.NoAuth())
	if err != nil {
		return fmt.Errorf("neo4j driver: %w", err)
	}
	defer drv.Close(ctx)
	sess := drv.NewSession(ctx, neo4j.SessionConfig{AccessMode: neo4j.AccessModeWrite})
	defer sess.Close(ctx)
	// CALL { ... } IN TRANSACTIONS needs an implicit (auto-commit) transaction.
	// Relationships go first, in batches of their own: a batch of nodes detached
	// at once holds every relationship of the dense ones (a state of the 100k
	// graph has hundreds of thousands) and overflows Neo4j's transaction memory.
	for _, q := range []string{
		"MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 20000 ROWS",
		"MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 20000 ROWS",
	} {
		res, err := sess.Run(ctx, q, nil)
		if err != nil {
			return fmt.Errorf("wiping Neo4j: %w", err)
		}
		if _, err := res.Consume(ctx); err != nil {
			return fmt.Errorf("wiping Neo4j: %w", err)
		}
	}
	return nil
}
