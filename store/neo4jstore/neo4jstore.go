// Package neo4jstore implements store.Store on Neo4j 5 through the official Go
// driver (github.com/neo4j/neo4j-go-driver/v5).
//
// The graph follows the Demarche model: Article, Actor (plus State, Organization,
// Agency, Person or Group), Incident and Statement nodes; provenance edges MADE,
// TARGETS, ABOUT, REPORTED_IN and MENTIONS; structure edges MEMBER_OF, PART_OF,
// ATTRIBUTED_TO and TARGETED; direct typed actor-to-actor edges (ACCUSES,
// DENIES, ...) and RESPONDS_TO between statements.
//
// Reports are the source of truth. Each REPORTED_IN edge carries one report
// (speaker, target and incident ids, index, date, evidence, quote, confidence),
// and the Statement nodes and direct edges are recomputed in Go with
// store.GroupReports, store.DirectEdges and store.Answers, the code the SQLite
// backend shares, whenever a write touches their statement keys. Every write
// runs in one managed transaction (retried by the driver) and is idempotent.
// Internal bookkeeping uses one extra label, Redirect (ids folded away by
// MergeActors), which Stats leaves out, and one DemarcheMeta node holding the
// graph's version (version.go).
package neo4jstore

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/config"

	"github.com/demarche/demarche/store"
)

// DefaultBatchSize is the number of rows sent in one UNWIND when Config.BatchSize is unset.
const DefaultBatchSize = 10000

// Config says how to reach Neo4j and how to derive statements.
type Config struct {
	// URI is a neo4j://, neo4j+s://, bolt:// or bolt+s:// URI.
	URI string
	// User and Password authenticate with basic auth; an empty User means no auth.
	User     string
	Password string
	// Database is the database name; empty means the server's default.
	Database string
	// Window is how far apart reports of one act may be dated (store.DefaultWindow when 0).
	Window time.Duration
	// BatchSize caps the rows of one UNWIND statement (DefaultBatchSize when <= 0).
	BatchSize int
	// Logger receives debug and warning messages; slog.Default() when nil.
	Logger *slog.Logger
	// Lazy makes Open succeed while Neo4j is unreachable: the store then connects
	// and creates its schema on the first call that reaches Neo4j (Ping included),
	// and until then every call fails at once with store.ErrUnavailable. A server
	// can so start, report not ready, and recover by itself when Neo4j comes up.
	Lazy bool
}

// Store is a store.Store on Neo4j. It is safe for concurrent use.
type Store struct {
	driver neo4j.DriverWithContext
	uri    string
	db     string
	window time.Duration
	batch  int
	log    *slog.Logger

	obs *observer // set by tests and benchmarks only

	readyMu sync.Mutex    // guards attempt
	attempt *setupAttempt // the connection attempt under way, if any
	ready   atomic.Bool   // connected once and the schema is in place
}

var _ store.Store = (*Store)(nil)

// Open connects to Neo4j, checks that it answers and creates the constraints and
// indexes the store needs (idempotently). Connection failures wrap store.ErrUnavailable.
func Open(ctx context.Context, cfg Config) (*Store, error) {
	if cfg.URI == "" {
		return nil, fmt.Errorf("%w: neo4jstore: empty URI", store.ErrInvalid)
	}
	auth := neo4j.NoAuth()
	if cfg.User != "" {
		auth = neo4j.BasicAuth(cfg.User, cfg.Password, "")
	}
	drv, err := neo4j.NewDriverWithContext(cfg.URI, auth, func(c *config.Config) {
		c.MaxTransactionRetryTime = 15 * time.Second
		c.SocketConnectTimeout = 5 * time.Second
		c.ConnectionAcquisitionTimeout = 30 * time.Second
	})
	if err != nil {
		return nil, fmt.Errorf("%w: neo4jstore: %v", store.ErrInvalid, err)
	}
	s := &Store{driver: drv, uri: cfg.URI, db: cfg.Database, window: cfg.Window, batch: cfg.BatchSize, log: cfg.Logger}
	if s.window <= 0 {
		s.window = store.DefaultWindow
	}
	if s.batch <= 0 {
		s.batch = DefaultBatchSize
	}
	if s.log == nil {
		s.log = slog.Default()
	}
	if err := s.connect(ctx); err != nil {
		if cfg.Lazy && errors.Is(err, store.ErrUnavailable) {
			s.log.Warn("neo4jstore: Neo4j does not answer yet; connecting on first use", "uri", cfg.URI, "err", err)
			return s, nil
		}
		_ = drv.Close(context.WithoutCancel(ctx))
		return nil, err
	}
	return s, nil
}

// connect checks that Neo4j answers and creates the schema, once: after the
// first success it does nothing. The attempt runs on its own context (bounded by
// setupTimeout), not the caller's: a request that gives up early (a /readyz probe)
// must not abort a schema command half-way, which can leave Neo4j with a
// constraint's backing index but no constraint. Concurrent callers share one
// attempt and each waits for it at most until its own context ends.
func (s *Store) connect(ctx context.Context) error {
	if s.ready.Load() {
		return nil
	}
	s.readyMu.Lock()
	att := s.attempt
	if att == nil {
		att = &setupAttempt{done: make(chan struct{})}
		s.attempt = att
		go s.setup(att)
	}
	s.readyMu.Unlock()
	select {
	case <-att.done:
		return att.err
	case <-ctx.Done():
		return fmt.Errorf("neo4jstore: connect %s: %w: %w", s.uri, store.ErrUnavailable, ctx.Err())
	}
}

// setupTimeout bounds one connection and schema attempt.
const setupTimeout = 2 * time.Minute

// setupAttempt is one connection and schema attempt; err is set before done closes.
type setupAttempt struct {
	done chan struct{}
	err  error
}

func (s *Store) setup(att *setupAttempt) {
	ctx, cancel := context.WithTimeout(context.Background(), setupTimeout)
	defer cancel()
	if err := s.driver.VerifyConnectivity(ctx); err != nil {
		att.err = fmt.Errorf("neo4jstore: connect %s: %w", s.uri, mapErr(err))
	} else if err := s.ensureSchema(ctx); err != nil {
		att.err = err
	} else {
		s.ready.Store(true)
		s.log.Debug("neo4jstore: connected, schema ready", "uri", s.uri, "database", s.db, "batch", s.batch)
	}
	s.readyMu.Lock()
	s.attempt = nil
	s.readyMu.Unlock()
	close(att.done)
}

// txTimeout passes the context's deadline (a request's time limit) to Neo4j as
// the transaction timeout, so the server stops the work too, not only the client.
func txTimeout(ctx context.Context) []func(*neo4j.TransactionConfig) {
	dl, ok := ctx.Deadline()
	if !ok {
		return nil
	}
	return []func(*neo4j.TransactionConfig){neo4j.WithTxTimeout(max(time.Until(dl), time.Millisecond))}
}

// schema lists the constraints and indexes, all idempotent.
var schema = []string{
	"CREATE CONSTRAINT article_id IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE",
	"CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (n:Actor) REQUIRE n.id IS UNIQUE",
	"CREATE CONSTRAINT incident_id IF NOT EXISTS FOR (n:Incident) REQUIRE n.id IS UNIQUE",
	"CREATE CONSTRAINT statement_id IF NOT EXISTS FOR (n:Statement) REQUIRE n.id IS UNIQUE",
	"CREATE CONSTRAINT redirect_from IF NOT EXISTS FOR (n:Redirect) REQUIRE n.from IS UNIQUE",
	"CREATE CONSTRAINT demarche_meta_key IF NOT EXISTS FOR (n:DemarcheMeta) REQUIRE n.key IS UNIQUE",
	"CREATE INDEX article_url IF NOT EXISTS FOR (n:Article) ON (n.url)",
	"CREATE INDEX article_published IF NOT EXISTS FOR (n:Article) ON (n.published)",
	"CREATE INDEX actor_affiliation IF NOT EXISTS FOR (n:Actor) ON (n.affiliationId)",
	"CREATE INDEX actor_name IF NOT EXISTS FOR (n:Actor) ON (n.name)",
	"CREATE INDEX statement_key IF NOT EXISTS FOR (n:Statement) ON (n.keySpeaker, n.keyTarget, n.kind)",
	"CREATE INDEX statement_key_target IF NOT EXISTS FOR (n:Statement) ON (n.keyTarget)",
	"CREATE INDEX statement_key_speaker IF NOT EXISTS FOR (n:Statement) ON (n.keySpeaker)",
	"CREATE INDEX statement_dyad IF NOT EXISTS FOR (n:Statement) ON (n.keySpeaker, n.keyTarget)",
	// RESPONDS_TO candidates: a key (or a target and kind) and a date range.
	"CREATE INDEX statement_key_date IF NOT EXISTS FOR (n:Statement) ON (n.keySpeaker, n.keyTarget, n.kind, n.date)",
	"CREATE INDEX statement_target_kind_date IF NOT EXISTS FOR (n:Statement) ON (n.keyTarget, n.kind, n.date)",
	"CREATE INDEX statement_date IF NOT EXISTS FOR (n:Statement) ON (n.date)",
	"CREATE INDEX statement_incident IF NOT EXISTS FOR (n:Statement) ON (n.incidentId)",
	"CREATE INDEX redirect_to IF NOT EXISTS FOR (n:Redirect) ON (n.to)",
	"CREATE INDEX report_speaker IF NOT EXISTS FOR ()-[r:REPORTED_IN]-() ON (r.speakerId)",
	"CREATE INDEX report_target IF NOT EXISTS FOR ()-[r:REPORTED_IN]-() ON (r.targetId)",
	"CREATE FULLTEXT INDEX demarche_search IF NOT EXISTS FOR (n:Actor|Incident|Statement) ON EACH [n.name, n.aliases, n.evidence]",
}

func (s *Store) ensureSchema(ctx context.Context) error {
	sess := s.session(ctx, neo4j.AccessModeWrite)
	defer sess.Close(ctx)
	run := func(q string, params map[string]any) (*neo4j.EagerResult, error) {
		// Schema commands cannot share a transaction with data writes; each runs on its own.
		res, err := sess.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
			res, err := tx.Run(ctx, q, params)
			if err != nil {
				return nil, err
			}
			return res.Collect(ctx)
		})
		if err != nil {
			return nil, err
		}
		return &neo4j.EagerResult{Records: res.([]*neo4j.Record)}, nil
	}
	for _, q := range schema {
		_, err := run(q, nil)
		if name, ok := orphanedConstraintIndex(q, err); ok {
			// An earlier attempt died between creating the constraint's backing index
			// and the constraint: drop the orphan (a name from the list above, never
			// input) unless the constraint exists after all, then create it again.
			s.log.Warn("neo4jstore: an index blocks its constraint; recreating it", "name", name)
			var found *neo4j.EagerResult
			if found, err = run("SHOW CONSTRAINTS YIELD name WHERE name = $name RETURN name", map[string]any{"name": name}); err == nil && len(found.Records) == 0 {
				if _, err = run("DROP INDEX "+name+" IF EXISTS", nil); err == nil {
					_, err = run(q, nil)
				}
			}
		}
		if err != nil {
			return fmt.Errorf("neo4jstore: schema %q: %w", q, mapErr(err))
		}
	}
	_, err := sess.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		res, err := tx.Run(ctx, "CALL db.awaitIndexes(300)", nil)
		if err != nil {
			return nil, err
		}
		_, err = res.Consume(ctx)
		return nil, err
	})
	if err != nil {
		return fmt.Errorf("neo4jstore: await indexes: %w", mapErr(err))
	}
	return nil
}

// orphanedConstraintIndex reports whether err says that "CREATE CONSTRAINT name"
// (q) found an index of the same name, and returns that name.
func orphanedConstraintIndex(q string, err error) (string, bool) {
	var nerr *neo4j.Neo4jError
	if err == nil || !errors.As(err, &nerr) || nerr.Code != "Neo.ClientError.Schema.IndexWithNameAlreadyExists" {
		return "", false
	}
	f := strings.Fields(q)
	if len(f) < 3 || f[0] != "CREATE" || f[1] != "CONSTRAINT" {
		return "", false
	}
	return f[2], true
}

// Ping checks that Neo4j answers.
func (s *Store) Ping(ctx context.Context) error {
	if err := s.connect(ctx); err != nil {
		return err
	}
	if err := s.driver.VerifyConnectivity(ctx); err != nil {
		return fmt.Errorf("neo4jstore: ping: %w", mapErr(err))
	}
	return nil
}

// Close closes the driver and its connections.
func (s *Store) Close() error {
	if err := s.driver.Close(context.Background()); err != nil {
		return fmt.Errorf("neo4jstore: close: %w", err)
	}
	return nil
}

func (s *Store) session(ctx context.Context, mode neo4j.AccessMode) neo4j.SessionWithContext {
	return s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.db, AccessMode: mode, FetchSize: 1000})
}

// write runs fn in one managed write transaction; the driver retries it on transient
// errors, so fn must start from scratch each time.
func (s *Store) write(ctx context.Context, fn func(tx *txn) error) error {
	if err := s.connect(ctx); err != nil {
		return err
	}
	sess := s.session(ctx, neo4j.AccessModeWrite)
	defer sess.Close(ctx)
	_, err := sess.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		t := &txn{ctx: ctx, tx: tx, batch: s.batch, obs: s.obs}
		if err := fn(t); err != nil {
			return nil, err
		}
		return nil, bumpVersion(t) // in the write's transaction: see version.go
	}, txTimeout(ctx)...)
	return mapErr(err)
}

// read runs fn in one managed read transaction.
func (s *Store) read(ctx context.Context, fn func(tx *txn) error) error {
	if err := s.connect(ctx); err != nil {
		return err
	}
	sess := s.session(ctx, neo4j.AccessModeRead)
	defer sess.Close(ctx)
	_, err := sess.ExecuteRead(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		return nil, fn(&txn{ctx: ctx, tx: tx, batch: s.batch, obs: s.obs})
	}, txTimeout(ctx)...)
	return mapErr(err)
}

// query runs one read statement and calls fn for each record once it has them
// all. Unlike read, it starts the transaction and runs the statement in one round
// trip (the driver's ExecuteQuery pipelines BEGIN with RUN; a managed transaction
// waits for BEGIN first), so a store call made of one statement costs two round
// trips: the statement and the commit. The driver retries it like read.
func (s *Store) query(ctx context.Context, q string, params map[string]any, fn func(*neo4j.Record) error) error {
	if err := s.connect(ctx); err != nil {
		return err
	}
	start, run := time.Now(), s.obs.statement(q)
	res, err := neo4j.ExecuteQuery(ctx, s.driver, run, params, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(s.db), neo4j.ExecuteQueryWithReadersRouting(),
		neo4j.ExecuteQueryWithoutBookmarkManager(), neo4j.ExecuteQueryWithTransactionConfig(txTimeout(ctx)...))
	if err != nil {
		return mapErr(err)
	}
	if s.obs != nil {
		s.obs.done(q, start, res.Summary)
	}
	for _, rec := range res.Records {
		if err := fn(rec); err != nil {
			return err
		}
	}
	return nil
}

// txn wraps a managed transaction with helpers for parameterized Cypher.
type txn struct {
	ctx   context.Context
	tx    neo4j.ManagedTransaction
	batch int
	obs   *observer
	// planned makes the transaction's statements reuse their cached plans: see
	// plannedPrefix and padRows. The bulk writer sets it; its statements have plans
	// that do not depend on the graph's statistics (unique seeks, index hints).
	planned bool
}

// plannedPrefix makes Neo4j reuse a cached plan even when the graph's statistics
// have drifted since it was made. A growing graph otherwise has every statement
// replanned again and again: a plan costs as much CPU as running the statement on
// a batch of 500 articles, and the planner's code keeps the JIT compiler busy.
const plannedPrefix = "CYPHER replan=skip "

// padFloor and padCeil bound the list sizes padRows produces. Neo4j keys its plan
// cache on the size of list parameters in decimal buckets (1–10, 11–100, 101–1000,
// 1001–10000, ...): lists of changing sizes get a plan per bucket. Lists padded
// into one bucket share one plan.
const (
	padFloor = 1001
	padCeil  = 10000
)

// padRows pads rows with nulls to padFloor entries.
func padRows(rows []map[string]any) any {
	if len(rows) >= padFloor {
		return rows
	}
	out := make([]any, padFloor)
	for i, r := range rows {
		out[i] = r
	}
	return out
}

// skipNullRows rewrites "UNWIND $rows AS v ..." to skip null rows, so that padRows
// may pad them, and reports whether it did. Other queries are returned unchanged.
func skipNullRows(q string) (string, bool) {
	const head = "UNWIND $rows AS "
	if !strings.HasPrefix(q, head) {
		return q, false
	}
	rest := q[len(head):]
	end := strings.IndexFunc(rest, func(r rune) bool { return r == ' ' || r == '\n' || r == '\t' })
	if end <= 0 {
		return q, false
	}
	return head + rest[:end] + " WITH * WHERE " + rest[:end] + " IS NOT NULL" + rest[end:], true
}

// observer sees every Cypher statement a store runs, for tests and benchmarks:
// its text, how long it took to its last record and, when profile is set (the
// statement then runs under PROFILE), the database hits of its plan.
type observer struct {
	profile bool
	fn      func(q string, d time.Duration, dbHits int64)
}

// statement is what to send for q: q under PROFILE when profiling, else q (also
// for a nil observer).
func (o *observer) statement(q string) string {
	if o != nil && o.profile {
		return "PROFILE " + q
	}
	return q
}

// done reports q, run since start, with the db hits of its summary's plan when
// profiling.
func (o *observer) done(q string, start time.Time, sum neo4j.ResultSummary) {
	var hits int64
	if o.profile && sum != nil {
		hits = planHits(sum.Profile())
	}
	o.fn(q, time.Since(start), hits)
}

// planHits sums the database hits of a profiled plan.
func planHits(p neo4j.ProfiledPlan) int64 {
	if p == nil {
		return 0
	}
	n := p.DbHits()
	for _, c := range p.Children() {
		n += planHits(c)
	}
	return n
}

// exec runs a query and discards its records.
func (t *txn) exec(q string, params map[string]any) error {
	return t.each(q, params, func(*neo4j.Record) error { return nil })
}

// each runs a query and calls fn for every record.
func (t *txn) each(q string, params map[string]any, fn func(*neo4j.Record) error) error {
	start, run := time.Now(), t.obs.statement(q)
	if t.planned {
		run = plannedPrefix + run
	}
	res, err := t.tx.Run(t.ctx, run, params)
	if err != nil {
		return err
	}
	for res.Next(t.ctx) {
		if err := fn(res.Record()); err != nil {
			return err
		}
	}
	if err := res.Err(); err != nil {
		return err
	}
	if t.obs == nil {
		return nil
	}
	sum, err := res.Consume(t.ctx)
	if err != nil {
		return err
	}
	t.obs.done(q, start, sum)
	return nil
}

// unwind runs q once per chunk of at most t.batch rows, bound to $rows.
func (t *txn) unwind(q string, rows []map[string]any, extra map[string]any) error {
	return t.unwindEach(q, rows, extra, func(*neo4j.Record) error { return nil })
}

// unwindEach is unwind with records. In a planned transaction, a query reading
// "UNWIND $rows AS r" gets its rows padded into one plan-cache bucket (padRows).
func (t *txn) unwindEach(q string, rows []map[string]any, extra map[string]any, fn func(*neo4j.Record) error) error {
	step, pad := t.batch, false
	if t.planned {
		q, pad = skipNullRows(q)
		step = min(step, padCeil)
	}
	for start := 0; start < len(rows); start += step {
		end := min(start+step, len(rows))
		var chunk any = rows[start:end]
		if pad {
			chunk = padRows(rows[start:end])
		}
		params := map[string]any{"rows": chunk}
		for k, v := range extra {
			params[k] = v
		}
		if err := t.each(q, params, fn); err != nil {
			return err
		}
	}
	return nil
}

// mapErr turns driver errors into the store's sentinels. Errors that already wrap a
// sentinel pass through.
func mapErr(err error) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, store.ErrNotFound) || errors.Is(err, store.ErrInvalid) || errors.Is(err, store.ErrUnavailable) {
		return err
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	inner := err
	var limit *neo4j.TransactionExecutionLimit
	if errors.As(err, &limit) && len(limit.Errors) > 0 {
		inner = limit.Errors[len(limit.Errors)-1]
		if errors.Is(inner, store.ErrNotFound) || errors.Is(inner, store.ErrInvalid) {
			return inner
		}
	}
	var conn *neo4j.ConnectivityError
	if errors.As(inner, &conn) || errors.As(err, &conn) {
		return fmt.Errorf("%w: %v", store.ErrUnavailable, err)
	}
	var nerr *neo4j.Neo4jError
	if errors.As(inner, &nerr) {
		switch {
		case strings.HasPrefix(nerr.Code, "Neo.TransientError."),
			strings.Contains(nerr.Code, "DatabaseUnavailable"),
			strings.Contains(nerr.Code, "ServiceUnavailable"):
			return fmt.Errorf("%w: %v", store.ErrUnavailable, err)
		case strings.HasPrefix(nerr.Code, "Neo.ClientError.Schema.ConstraintValidationFailed"):
			return fmt.Errorf("%w: %v", store.ErrInvalid, err)
		}
	}
	if limit != nil {
		return fmt.Errorf("%w: %v", store.ErrUnavailable, err)
	}
	var usage *neo4j.UsageError
	if errors.As(err, &usage) && strings.Contains(strings.ToLower(usage.Message), "closed") {
		return fmt.Errorf("%w: %v", store.ErrUnavailable, err)
	}
	return err
}
