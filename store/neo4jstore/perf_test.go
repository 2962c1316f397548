package neo4jstore

import (
	"context"
	"fmt"
	"os"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/demarche/demarche/store"
	"github.com/demarche/demarche/synth"
)

// These benchmarks need a Neo4j they may wipe (DEMARCHE_TEST_NEO4J_URI, printed by
// scripts/neo4j-dev/run start). Besides time they report what does not depend on
// the machine's load: Cypher statements per call (each is one round trip) and,
// with DEMARCHE_BENCH_PROFILE=1, the database hits of every statement run under
// PROFILE, and with DEMARCHE_BENCH_NEO4J_PID set to the Neo4j process id, the CPU
// time Neo4j spent on each statement (read from /proc, so Linux only).
//
//	go test ./store/neo4jstore -run '^$' -bench 'Put|Queries' -benchtime 20x -v

// benchURI returns the test Neo4j or skips the benchmark.
func benchURI(b *testing.B) string {
	uri := os.Getenv("DEMARCHE_TEST_NEO4J_URI")
	if uri == "" {
		b.Skip("DEMARCHE_TEST_NEO4J_URI not set; start a dev Neo4j with: eval \"$(scripts/neo4j-dev/run start)\"")
	}
	return uri
}

// tally aggregates the statements an observer saw, by query text.
type tally struct {
	mu    sync.Mutex
	calls int64
	time  time.Duration
	hits  int64
	cpu   time.Duration // Neo4j CPU time, when DEMARCHE_BENCH_NEO4J_PID is set
	by    map[string]*queryStat
	// lastCPU is the Neo4j process's CPU time at the previous observation: a
	// statement is charged what the process used since (the first statement of a
	// transaction so also pays the previous commit).
	lastCPU time.Duration
}

type queryStat struct {
	n    int64
	time time.Duration
	hits int64
	cpu  time.Duration
}

func newTally() *tally { return &tally{by: map[string]*queryStat{}, lastCPU: neo4jCPU()} }

// neo4jCPU returns the CPU time (user and system) the Neo4j process named by
// DEMARCHE_BENCH_NEO4J_PID has used, or 0. The machine's other load does not
// change it, unlike wall time.
func neo4jCPU() time.Duration {
	pid := os.Getenv("DEMARCHE_BENCH_NEO4J_PID")
	if pid == "" {
		return 0
	}
	b, err := os.ReadFile("/proc/" + pid + "/stat")
	if err != nil {
		return 0
	}
	// Fields after the command name (which may hold spaces) start at state, field 3;
	// utime and stime are fields 14 and 15, in clock ticks (100 per second on Linux).
	s := string(b)
	f := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
	if len(f) < 13 {
		return 0
	}
	var ut, st int64
	fmt.Sscan(f[11], &ut)
	fmt.Sscan(f[12], &st)
	return time.Duration(ut+st) * 10 * time.Millisecond
}

func (t *tally) observe(q string, d time.Duration, hits int64) {
	cpu := neo4jCPU()
	t.mu.Lock()
	defer t.mu.Unlock()
	used := cpu - t.lastCPU
	t.lastCPU = cpu
	t.calls++
	t.time += d
	t.hits += hits
	t.cpu += used
	st := t.by[q]
	if st == nil {
		st = &queryStat{}
		t.by[q] = st
	}
	st.n++
	st.time += d
	st.hits += hits
	st.cpu += used
}

// settle charges the Neo4j CPU time used since the last statement (the last
// commit) to a row of its own.
func (t *tally) settle() {
	cpu := neo4jCPU()
	t.mu.Lock()
	defer t.mu.Unlock()
	used := cpu - t.lastCPU
	t.lastCPU = cpu
	t.cpu += used
	st := t.by["(last commit)"]
	if st == nil {
		st = &queryStat{}
		t.by["(last commit)"] = st
	}
	st.cpu += used
}

func (t *tally) reset() {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.calls, t.time, t.hits, t.cpu = 0, 0, 0, 0
	t.lastCPU = neo4jCPU()
	clear(t.by)
}

// log prints the statements that took the most time.
func (t *tally) log(b *testing.B, top int) {
	t.mu.Lock()
	defer t.mu.Unlock()
	type row struct {
		q string
		*queryStat
	}
	var rows []row
	for q, st := range t.by {
		rows = append(rows, row{q, st})
	}
	// With the Neo4j process known, the statements are ranked by its CPU time.
	sort.Slice(rows, func(i, j int) bool {
		if rows[i].cpu != rows[j].cpu {
			return rows[i].cpu > rows[j].cpu
		}
		return rows[i].time > rows[j].time
	})
	for _, r := range rows[:min(top, len(rows))] {
		q := strings.Join(strings.Fields(r.q), " ")
		if len(q) > 150 {
			q = q[:150] + "…"
		}
		b.Logf("%6d× %8.1f ms %8.1f cpu-ms %10d hits  %s", r.n, float64(r.time.Microseconds())/1000,
			float64(r.cpu.Microseconds())/1000, r.hits, q)
	}
}

// openBench opens a store on a wiped database with an observer feeding t.
func openBench(b *testing.B, t *tally) *Store {
	b.Helper()
	uri := benchURI(b)
	ctx := context.Background()
	s, err := Open(ctx, Config{URI: uri, Database: os.Getenv("DEMARCHE_TEST_NEO4J_DATABASE")})
	if err != nil {
		b.Fatal(err)
	}
	sess := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.db})
	defer sess.Close(ctx)
	for _, q := range []string{
		"MATCH ()-[r]->() CALL { WITH r DELETE r } IN TRANSACTIONS OF 20000 ROWS",
		"MATCH (n) CALL { WITH n DELETE n } IN TRANSACTIONS OF 20000 ROWS",
	} {
		res, err := sess.Run(ctx, q, nil)
		if err == nil {
			_, err = res.Consume(ctx)
		}
		if err != nil {
			b.Fatalf("wipe: %v", err)
		}
	}
	s.obs = &observer{profile: os.Getenv("DEMARCHE_BENCH_PROFILE") == "1", fn: t.observe}
	return s
}

// BenchmarkPutArticles loads synthetic articles (package synth) in batches of 500
// per PutArticles call into an empty database and reports statements/s (Statement
// nodes derived per second of load) and Cypher statements per batch; -v lists the
// statements that took the most time. DEMARCHE_BENCH_ARTICLES sets the count
// (default 1000).
func BenchmarkPutArticles(b *testing.B) {
	n := 1000
	if v := os.Getenv("DEMARCHE_BENCH_ARTICLES"); v != "" {
		fmt.Sscan(v, &n)
	}
	arts := synth.Articles(synth.Config{Seed: 1, Articles: n}, n)
	const batch = 500
	t := newTally()
	var elapsed time.Duration
	statements := 0
	for b.Loop() {
		b.StopTimer()
		s := openBench(b, t)
		t.reset()
		b.StartTimer()
		start := time.Now()
		for i := 0; i < len(arts); i += batch {
			if _, err := s.PutArticles(context.Background(), arts[i:min(i+batch, len(arts))]); err != nil {
				b.Fatal(err)
			}
		}
		elapsed += time.Since(start)
		b.StopTimer()
		t.settle()
		st, err := s.Stats(context.Background())
		if err != nil {
			b.Fatal(err)
		}
		statements = st.Nodes["Statement"]
		s.Close()
		b.StartTimer()
	}
	secs := elapsed.Seconds() / float64(b.N)
	batches := (len(arts) + batch - 1) / batch
	b.ReportMetric(float64(statements)/secs, "statements/s")
	b.ReportMetric(float64(n)/secs, "articles/s")
	b.ReportMetric(float64(t.calls)/float64(batches), "cypher/batch")
	if t.hits > 0 {
		b.ReportMetric(float64(t.hits)/float64(batches), "dbhits/batch")
	}
	if t.cpu > 0 {
		b.ReportMetric(float64(t.cpu.Milliseconds())/float64(batches), "neo4j-cpu-ms/batch")
	}
	b.ReportMetric(0, "ns/op")
	t.log(b, 12)
}

// queryGraph is the graph BenchmarkQueries reads, built once per process.
var queryGraph struct {
	once sync.Once
	err  error
	s    *Store
	t    *tally
}

func benchGraph(b *testing.B) (*Store, *tally) {
	benchURI(b)
	queryGraph.once.Do(func() {
		n := 3000
		if v := os.Getenv("DEMARCHE_BENCH_QUERY_ARTICLES"); v != "" {
			fmt.Sscan(v, &n)
		}
		t := newTally()
		if os.Getenv("DEMARCHE_BENCH_REUSE") == "1" {
			// Query the graph a previous run left (to compare two builds on one graph).
			s, err := Open(context.Background(), Config{URI: benchURI(b), Database: os.Getenv("DEMARCHE_TEST_NEO4J_DATABASE")})
			if err != nil {
				queryGraph.err = err
				return
			}
			s.obs = &observer{profile: os.Getenv("DEMARCHE_BENCH_PROFILE") == "1", fn: t.observe}
			queryGraph.s, queryGraph.t = s, t
			return
		}
		s := openBench(b, t)
		arts := synth.Articles(synth.Config{Seed: 1, Articles: n}, n)
		for i := 0; i < len(arts); i += 500 {
			if _, err := s.PutArticles(context.Background(), arts[i:min(i+500, len(arts))]); err != nil {
				queryGraph.err = err
				return
			}
		}
		queryGraph.s, queryGraph.t = s, t
	})
	if queryGraph.err != nil {
		b.Fatal(queryGraph.err)
	}
	return queryGraph.s, queryGraph.t
}

// BenchmarkQueries times each store call the GraphQL dashboard queries make, on a
// graph of DEMARCHE_BENCH_QUERY_ARTICLES synthetic articles (default 3000), one
// client: ms/call, Cypher statements per call and (with DEMARCHE_BENCH_PROFILE=1)
// database hits per call. Parameters rotate over the busiest states.
// DEMARCHE_BENCH_REUSE=1 queries the graph already in the database instead;
// DEMARCHE_BENCH_CLIENTS=16 runs each call from 16 concurrent clients and reports
// calls/s, p50 and p99.
func BenchmarkQueries(b *testing.B) {
	s, t := benchGraph(b)
	ctx := context.Background()
	states := []string{"state:USA", "state:CHN", "state:RUS", "state:GBR", "state:IRN", "state:PRK"}
	dyads := [][2]string{{"state:USA", "state:CHN"}, {"state:CHN", "state:USA"}, {"state:RUS", "state:UKR"}, {"state:USA", "state:RUS"}}
	words := []string{"hackers", "ministry", "espionage", "sanctions", "breach", "china"}
	var someStatements []string
	_ = s.WalkStatements(ctx, store.StatementFilter{Speakers: []string{"state:USA"}, Rollup: true, WithoutReports: true},
		func(st store.Statement) error {
			if len(someStatements) < 10 {
				someStatements = append(someStatements, st.ID)
			}
			return nil
		})
	calls := []struct {
		name string
		fn   func(i int) error
	}{
		{"GetActors", func(i int) error {
			_, err := s.GetActors(ctx, []string{states[i%len(states)], states[(i+1)%len(states)]})
			return err
		}},
		{"ResolveActor", func(i int) error {
			_, err := s.ResolveActor(ctx, states[i%len(states)])
			return err
		}},
		{"ListStatements/actor", func(i int) error {
			_, _, err := s.ListStatements(ctx, store.StatementFilter{Speakers: []string{states[i%len(states)]}, WithoutReports: true},
				store.Page{Limit: 20})
			return err
		}},
		{"ListStatements/dyad-rollup", func(i int) error {
			d := dyads[i%len(dyads)]
			_, _, err := s.ListStatements(ctx, store.StatementFilter{Speakers: []string{d[0]}, Targets: []string{d[1]}, Rollup: true},
				store.Page{Limit: 20})
			return err
		}},
		{"CountStatements/dyad-rollup", func(i int) error {
			d := dyads[i%len(dyads)]
			_, err := s.CountStatements(ctx, store.StatementFilter{Speakers: []string{d[0]}, Targets: []string{d[1]}, Rollup: true})
			return err
		}},
		{"Timeline/month-rollup", func(i int) error {
			_, err := s.Timeline(ctx, store.StatementFilter{Speakers: []string{states[i%len(states)]}, Rollup: true}, store.Month)
			return err
		}},
		{"Search", func(i int) error {
			_, err := s.Search(ctx, words[i%len(words)], nil, 10)
			return err
		}},
		{"GetStatements", func(i int) error {
			_, err := s.GetStatements(ctx, someStatements)
			return err
		}},
		{"Neighborhood/depth2", func(i int) error {
			_, err := s.Neighborhood(ctx, states[i%len(states)], 2, nil, 100)
			return err
		}},
	}
	clients := 1
	if v := os.Getenv("DEMARCHE_BENCH_CLIENTS"); v != "" {
		fmt.Sscan(v, &clients)
	}
	for _, c := range calls {
		if clients > 1 {
			b.Run(fmt.Sprintf("%s/clients=%d", c.name, clients), func(b *testing.B) { runParallel(b, clients, c.fn) })
			continue
		}
		b.Run(c.name, func(b *testing.B) {
			// Plans are compiled and cached before timing.
			for i := range 3 {
				if err := c.fn(i); err != nil {
					b.Fatal(err)
				}
			}
			t.reset()
			i := 0
			for b.Loop() {
				if err := c.fn(i); err != nil {
					b.Fatal(err)
				}
				i++
			}
			b.ReportMetric(float64(t.calls)/float64(b.N), "cypher/call")
			if t.hits > 0 {
				b.ReportMetric(float64(t.hits)/float64(b.N), "dbhits/call")
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/call")
		})
	}
}

// runParallel runs fn from clients goroutines at once (b.N calls in all) and
// reports throughput and exact latency percentiles.
func runParallel(b *testing.B, clients int, fn func(i int) error) {
	for i := range 3 {
		if err := fn(i); err != nil {
			b.Fatal(err)
		}
	}
	var mu sync.Mutex
	var lat []time.Duration
	var next atomic.Int64
	b.ResetTimer()
	start := time.Now()
	var wg sync.WaitGroup
	for range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var mine []time.Duration
			for {
				i := int(next.Add(1)) - 1
				if i >= b.N {
					break
				}
				t0 := time.Now()
				if err := fn(i); err != nil {
					b.Error(err)
					return
				}
				mine = append(mine, time.Since(t0))
			}
			mu.Lock()
			lat = append(lat, mine...)
			mu.Unlock()
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	if len(lat) == 0 {
		return
	}
	slices.Sort(lat)
	pct := func(p float64) float64 {
		return float64(lat[min(len(lat)-1, int(p*float64(len(lat))))].Microseconds()) / 1000
	}
	b.ReportMetric(float64(len(lat))/elapsed.Seconds(), "calls/s")
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.99), "p99-ms")
	b.ReportMetric(0, "ns/op")
}
