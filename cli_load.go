package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"time"

	"github.com/mattn/go-isatty"
	"github.com/schollz/progressbar/v3"

	"github.com/demarche/demarche/ingest"
	"github.com/demarche/demarche/loader/extract"
	"github.com/demarche/demarche/store"
)

// loadFlags are the flags load and serve --load share.
type loadFlags struct {
	batch     int
	batchWait time.Duration
	workers   int
	lexicon   string
	maxBytes  int64
	minConf   float64
	keepGoing bool
	waitFor   time.Duration
	// progress, when set, also sees every handled article (serve's metrics).
	progress func(ingest.Event)
}

func (lf *loadFlags) register(fs *flag.FlagSet) {
	fs.IntVar(&lf.batch, "batch-size", ingest.DefaultBatchSize, "articles per write transaction")
	fs.DurationVar(&lf.batchWait, "batch-wait", ingest.DefaultBatchWait,
		"write a partial batch once its first article has waited this long (a slow feed or pipe is stored as it comes)")
	fs.IntVar(&lf.workers, "workers", 0, "parallel extraction workers (default: number of CPUs)")
	fs.StringVar(&lf.lexicon, "lexicon", "", "extra lexicon file (JSON) of actors, aliases and triggers")
	fs.Int64Var(&lf.maxBytes, "max-bytes", 10<<20, "largest input accepted, in bytes")
	fs.Float64Var(&lf.minConf, "min-confidence", -1, "leave out statements below this confidence (default: the extractor's)")
	fs.BoolVar(&lf.keepGoing, "keep-going", false, "exit 0 even when some articles failed")
	fs.DurationVar(&lf.waitFor, "unavailable-wait", ingest.DefaultUnavailableWait,
		"how long a write waits out a store that does not answer (a Neo4j restart), retrying, before the load stops")
}

// extractOptions turns the flags into extraction options.
func (lf *loadFlags) extractOptions() ([]extract.Option, error) {
	var opts []extract.Option
	if lf.lexicon != "" {
		lex, err := extract.LoadLexicon(lf.lexicon)
		if err != nil {
			return nil, fmt.Errorf("lexicon %s: %w", lf.lexicon, err)
		}
		opts = append(opts, extract.WithLexicon(lex))
	}
	if lf.minConf >= 0 {
		opts = append(opts, extract.WithMinConfidence(lf.minConf))
	}
	return opts, nil
}

// failedError is a load in which some articles failed.
type failedError struct{ n int }

func (f failedError) Error() string { return fmt.Sprintf("%d article(s) failed", f.n) }
func (f failedError) ExitCode() int { return 2 }

func (e *environment) load(ctx context.Context, args []string) error {
	fs := e.newFlagSet("load", "load [flags] PATH...\n\nReads articles (scraped page text, plain text, JSON, JSON Lines, HTML, RSS/Atom; files,\ndirectories, globs, .gz, - for stdin, http(s) URLs), extracts actors and statements and\nwrites them to the store, one transaction per batch of articles.")
	var lf loadFlags
	lf.register(fs)
	e.cfg.storeFlags(fs)
	dry := fs.Bool("dry-run", false, "print what would be written (JSON Lines), write nothing")
	asJSON := fs.Bool("json", false, "print the summary as JSON")
	paths, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		fs.Usage()
		return errors.New("load: no PATH given")
	}
	s, err := openStore(ctx, e.cfg)
	if err != nil {
		return err
	}
	defer s.Close()
	sum, err := e.runLoad(ctx, s, paths, lf, *dry)
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		_ = enc.Encode(sum)
	} else {
		fmt.Fprintf(e.stdout, "read %d, loaded %d, unchanged %d, skipped %d, failed %d; actors new %d, existing %d; incidents new %d; reports %d; statements %d\n",
			sum.Read, sum.Loaded, sum.Unchanged, sum.Skipped, sum.Failed, sum.NewActors, sum.MergedActors, sum.NewIncidents, sum.Reports, sum.Statements)
	}
	if err != nil {
		return err
	}
	if sum.Failed > 0 && !lf.keepGoing {
		return failedError{sum.Failed}
	}
	return nil
}

// runLoad runs the ingest pipeline with a progress bar on a terminal.
func (e *environment) runLoad(ctx context.Context, s store.Store, paths []string, lf loadFlags, dry bool) (ingest.Summary, error) {
	xopts, err := lf.extractOptions()
	if err != nil {
		return ingest.Summary{}, err
	}
	opts := ingest.Options{BatchSize: lf.batch, BatchWait: lf.batchWait, Workers: lf.workers, DryRun: dry, Extract: xopts, Logger: e.log, UnavailableWait: lf.waitFor}
	if lf.waitFor <= 0 {
		opts.UnavailableWait = -1 // no waiting
	}
	opts.Loader.MaxBytes = lf.maxBytes
	if dry {
		enc := json.NewEncoder(e.stdout)
		opts.Plan = func(g *store.ArticleGraph) { _ = enc.Encode(g) }
	}
	// At DEBUG level each written article is logged, so a killed load shows what it had committed.
	progress := lf.progress
	if e.log.Enabled(ctx, slog.LevelDebug) && !dry {
		next := progress
		progress = func(ev ingest.Event) {
			if ev.Outcome == ingest.Loaded || ev.Outcome == ingest.Unchanged {
				e.log.Debug("article written", "source", ev.Source, "outcome", string(ev.Outcome))
			}
			if next != nil {
				next(ev)
			}
		}
	}
	opts.Progress = progress
	if f, ok := e.stderr.(*os.File); ok && isatty.IsTerminal(f.Fd()) {
		bar := progressbar.NewOptions(-1, progressbar.OptionSetWriter(f), progressbar.OptionSetDescription("loading"),
			progressbar.OptionShowCount(), progressbar.OptionShowIts(), progressbar.OptionSetItsString("articles"),
			progressbar.OptionClearOnFinish())
		opts.Progress = func(ev ingest.Event) {
			_ = bar.Add(1)
			if progress != nil {
				progress(ev)
			}
		}
		defer bar.Finish()
	}
	return ingest.New(s, opts).Load(ctx, paths)
}
