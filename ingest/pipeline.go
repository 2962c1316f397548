package ingest

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime"
	"sync"
	"time"

	"github.com/demarche/demarche/loader"
	"github.com/demarche/demarche/loader/extract"
	"github.com/demarche/demarche/store"
)

// Options configures a Pipeline. The zero value is usable.
type Options struct {
	BatchSize int // articles per write transaction; default DefaultBatchSize
	// BatchWait bounds how long an article waits for its batch to fill: a partial
	// batch is written once its first article has waited this long, so a slow
	// input (a feed, a pipe) is stored as it comes. Default DefaultBatchWait;
	// negative: wait for a full batch or the end of the input.
	BatchWait time.Duration
	Workers   int  // parallel extraction workers; default GOMAXPROCS
	DryRun    bool // extract and resolve, but write nothing
	// NoResolve skips looking names up in the store (faster bulk loads of a fresh graph).
	NoResolve bool
	Loader    loader.Options
	Extract   []extract.Option
	Logger    *slog.Logger
	// Progress, when set, is called after each article is handled (from one goroutine).
	Progress func(Event)
	// Plan, when set with DryRun, receives each graph that would be written.
	Plan func(*store.ArticleGraph)
	// UnavailableWait is how long a batch write waits out a store that does not
	// answer (store.ErrUnavailable: Neo4j restarting, a lost connection), retrying
	// with backoff, before the load stops; default 2 minutes, negative: no waiting.
	UnavailableWait time.Duration
}

// DefaultBatchSize is Options.BatchSize's default. Bigger transactions amortize
// each commit and rewrite shared index pages once per batch: the embedded store
// loads about 1.5x the statements per second with 500 articles per transaction as
// with 100 (bench/README.md), and the articles of one batch are a few megabytes.
const DefaultBatchSize = 500

// DefaultBatchWait is Options.BatchWait's default.
const DefaultBatchWait = time.Second

// DefaultUnavailableWait is Options.UnavailableWait's default: longer than a
// Neo4j restart takes.
const DefaultUnavailableWait = 2 * time.Minute

// Event reports one handled input.
type Event struct {
	Source  string
	Outcome Outcome
	Err     error
	Result  store.PutResult
}

// Outcome is what happened to one input.
type Outcome string

// The outcomes.
const (
	Loaded    Outcome = "loaded"
	Unchanged Outcome = "unchanged"
	Skipped   Outcome = "skipped"
	Failed    Outcome = "failed"
	Planned   Outcome = "planned" // dry run
)

// Summary totals a load.
type Summary struct {
	Read         int      `json:"read"`
	Loaded       int      `json:"loaded"`
	Unchanged    int      `json:"unchanged"`
	Skipped      int      `json:"skipped"`
	Failed       int      `json:"failed"`
	NewActors    int      `json:"new_actors"`
	MergedActors int      `json:"merged_actors"`
	NewIncidents int      `json:"new_incidents"`
	Reports      int      `json:"reports"`
	Statements   int      `json:"statements"`
	Errors       []string `json:"errors,omitempty"`
}

// Pipeline loads articles into a store.
type Pipeline struct {
	store store.Store
	opts  Options
	log   *slog.Logger
}

// New returns a pipeline writing to s.
func New(s store.Store, opts Options) *Pipeline {
	if opts.BatchSize <= 0 {
		opts.BatchSize = DefaultBatchSize
	}
	if opts.BatchWait == 0 {
		opts.BatchWait = DefaultBatchWait
	}
	if opts.Workers <= 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	if opts.UnavailableWait == 0 {
		opts.UnavailableWait = DefaultUnavailableWait
	}
	log := opts.Logger
	if log == nil {
		log = slog.Default()
	}
	return &Pipeline{store: s, opts: opts, log: log}
}

// SkipError says why an article was left out on purpose (not English, no body).
type SkipError struct{ Reason string }

func (e *SkipError) Error() string { return "skipped: " + e.Reason }

// Prepare extracts one clean article and builds its graph.
func (p *Pipeline) Prepare(ctx context.Context, a loader.Article) (g *store.ArticleGraph, err error) {
	if a.Language != "" && a.Language != "en" {
		return nil, &SkipError{Reason: fmt.Sprintf("language %q is not supported (English only)", a.Language)}
	}
	if len(a.Paragraphs) == 0 {
		return nil, &SkipError{Reason: "no body text"}
	}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("extraction panicked: %v", r)
		}
	}()
	res := extract.Extract(DocumentOf(a), p.opts.Extract...)
	var resolver Resolver
	if !p.opts.NoResolve && !p.opts.DryRun {
		resolver = p.store
	}
	return Build(ctx, a, res, resolver)
}

// DocumentOf is the extraction input for a clean article.
func DocumentOf(a loader.Article) extract.Document {
	return extract.Document{
		Title: a.Title, Published: a.Published, Publisher: a.Publisher,
		URL: a.URL, Language: a.Language, Paragraphs: a.Paragraphs,
	}
}

type prepared struct {
	source string
	graph  *store.ArticleGraph
	err    error
}

// Load reads every input (files, directories, globs, "-", URLs), extracts in
// parallel and writes in batches. One bad article never stops the others: its error
// is counted in the summary and reported through Progress. The returned error is
// only for the load as a whole (the context ended, the store failed every write).
func (p *Pipeline) Load(ctx context.Context, inputs []string) (Summary, error) {
	var sum Summary
	items := make(chan loader.Item, p.opts.Workers*2)
	out := make(chan prepared, p.opts.Workers*2)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	var readErr error
	go func() {
		defer close(items)
		readErr = loader.Read(ctx, inputs, p.opts.Loader, func(it loader.Item) error {
			select {
			case items <- it:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	}()
	var wg sync.WaitGroup
	for range p.opts.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for it := range items {
				pr := prepared{source: it.Article.Source}
				if it.Err != nil {
					pr.err = it.Err // a *loader.Error names its file (and line)
				} else {
					// Preparing looks names up in the store: it too waits out an unavailable one.
					pr.err = p.waitOut(ctx, "resolve", 1, func() (err error) {
						pr.graph, err = p.Prepare(ctx, it.Article)
						return err
					})
					if pr.err != nil {
						pr.err = fmt.Errorf("%s: %w", pr.source, pr.err)
					}
				}
				select {
				case out <- pr:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() { wg.Wait(); close(out) }()

	var batch []prepared
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		defer func() { batch = batch[:0] }()
		if p.opts.DryRun {
			for _, b := range batch {
				if p.opts.Plan != nil {
					p.opts.Plan(b.graph)
				}
				p.record(&sum, Event{Source: b.source, Outcome: Planned})
			}
			return nil
		}
		gs := make([]*store.ArticleGraph, len(batch))
		for i, b := range batch {
			gs[i] = b.graph
		}
		results, err := p.putBatch(ctx, gs)
		if err == nil {
			for i, b := range batch {
				p.record(&sum, eventOf(b.source, results[i]))
			}
			return nil
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if errors.Is(err, store.ErrUnavailable) {
			// Still unavailable after waiting: writing one by one would not help.
			for _, b := range batch {
				p.record(&sum, Event{Source: b.source, Outcome: Failed, Err: fmt.Errorf("%s: writing: %w", b.source, err)})
			}
			return err
		}
		// The batch failed as a whole: write one by one to isolate the bad article.
		p.log.Warn("batch write failed; retrying article by article", "articles", len(batch), "err", err)
		var lastErr error
		ok := 0
		for _, b := range batch {
			res, err := p.putOne(ctx, b.graph)
			if err != nil {
				lastErr = err
				p.record(&sum, Event{Source: b.source, Outcome: Failed, Err: fmt.Errorf("%s: writing: %w", b.source, err)})
				continue
			}
			ok++
			p.record(&sum, eventOf(b.source, res))
		}
		if ok == 0 && errors.Is(lastErr, store.ErrUnavailable) {
			return lastErr
		}
		return nil
	}
	// due fires when the first article of a partial batch has waited BatchWait.
	var due <-chan time.Time
	var timer *time.Timer
	defer func() {
		if timer != nil {
			timer.Stop()
		}
	}()
	for done := false; !done; {
		select {
		case pr, ok := <-out:
			if !ok {
				done = true
				break
			}
			sum.Read++
			var skip *SkipError
			switch {
			case errors.As(pr.err, &skip):
				p.record(&sum, Event{Source: pr.source, Outcome: Skipped, Err: pr.err})
			case pr.err != nil:
				p.record(&sum, Event{Source: pr.source, Outcome: Failed, Err: pr.err})
			default:
				batch = append(batch, pr)
				if len(batch) == 1 && p.opts.BatchWait > 0 {
					timer = time.NewTimer(p.opts.BatchWait)
					due = timer.C
				}
				if len(batch) >= p.opts.BatchSize {
					if timer != nil {
						timer.Stop()
					}
					due = nil
					if err := flush(); err != nil {
						return sum, err
					}
				}
			}
		case <-due:
			due = nil
			if err := flush(); err != nil {
				return sum, err
			}
		}
	}
	if err := flush(); err != nil {
		return sum, err
	}
	if readErr != nil && !errors.Is(readErr, context.Canceled) {
		return sum, readErr
	}
	return sum, ctx.Err()
}

// retryDelay is the first pause before retrying a write the store could not take;
// each retry doubles it, up to maxRetryDelay.
var retryDelay, maxRetryDelay = 250 * time.Millisecond, 10 * time.Second

// putBatch writes a batch, waiting out an unavailable store (see waitOut).
func (p *Pipeline) putBatch(ctx context.Context, gs []*store.ArticleGraph) (results []store.PutResult, err error) {
	err = p.waitOut(ctx, "write", len(gs), func() error {
		results, err = p.store.PutArticles(ctx, gs)
		return err
	})
	return results, err
}

// putOne writes one article, waiting out an unavailable store (see waitOut).
func (p *Pipeline) putOne(ctx context.Context, g *store.ArticleGraph) (res store.PutResult, err error) {
	err = p.waitOut(ctx, "write", 1, func() error {
		res, err = p.store.PutArticle(ctx, g)
		return err
	})
	return res, err
}

// waitOut runs op (a write or a name lookup), and runs it again with backoff
// while it fails with store.ErrUnavailable, for up to Options.UnavailableWait. A
// write is one transaction and putting an article again is a no-op, so a retry
// never writes anything twice, even when a commit went through but its answer
// was lost.
func (p *Pipeline) waitOut(ctx context.Context, what string, articles int, op func() error) error {
	deadline := time.Now().Add(p.opts.UnavailableWait)
	delay := retryDelay
	for attempt := 1; ; attempt++ {
		err := op()
		if err == nil || !errors.Is(err, store.ErrUnavailable) || time.Now().Add(delay).After(deadline) {
			return err
		}
		p.log.Warn("store unavailable; retrying", "op", what, "articles", articles, "attempt", attempt, "in", delay, "err", err)
		select {
		case <-time.After(delay):
		case <-ctx.Done():
			return ctx.Err()
		}
		delay = min(2*delay, maxRetryDelay)
	}
}

func eventOf(source string, r store.PutResult) Event {
	if r.Unchanged {
		return Event{Source: source, Outcome: Unchanged, Result: r}
	}
	return Event{Source: source, Outcome: Loaded, Result: r}
}

func (p *Pipeline) record(sum *Summary, ev Event) {
	switch ev.Outcome {
	case Loaded, Planned:
		sum.Loaded++
		sum.NewActors += ev.Result.NewActors
		sum.MergedActors += ev.Result.MergedActors
		sum.NewIncidents += ev.Result.NewIncidents
		sum.Reports += ev.Result.Reports
		sum.Statements += len(ev.Result.Statements)
	case Unchanged:
		sum.Unchanged++
	case Skipped:
		sum.Skipped++
		p.log.Info("article skipped", "source", ev.Source, "reason", ev.Err)
	case Failed:
		sum.Failed++
		sum.Errors = append(sum.Errors, ev.Err.Error())
		p.log.Error("article failed", "err", ev.Err)
	}
	if p.opts.Progress != nil {
		p.opts.Progress(ev)
	}
}

// Ingested is what IngestText added for one article.
type Ingested struct {
	Article store.Article
	Result  store.PutResult
}

// IngestText parses raw input (any format loader.Parse reads), extracts and writes
// each article it holds: the same pipeline as Load, for one request.
func (p *Pipeline) IngestText(ctx context.Context, source string, data []byte) ([]Ingested, error) {
	arts, err := loader.Parse(source, data, p.opts.Loader)
	if err != nil {
		return nil, err
	}
	var out []Ingested
	for _, a := range arts {
		g, err := p.Prepare(ctx, a)
		if err != nil {
			return out, fmt.Errorf("%s: %w", source, err)
		}
		res, err := p.store.PutArticle(ctx, g)
		if err != nil {
			return out, fmt.Errorf("%s: writing: %w", source, err)
		}
		out = append(out, Ingested{Article: g.Article, Result: res})
	}
	return out, nil
}

// Unwrap makes a skipped article an invalid input for callers that ask (the API
// answers BAD_USER_INPUT).
func (e *SkipError) Unwrap() error { return store.ErrInvalid }
