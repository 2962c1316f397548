// Command loadgen is bench/run's GraphQL load generator: a closed-loop pool of
// concurrent clients sending the five dashboard queries (queries.go) to several
// GraphQL servers in the same run, and recording throughput, latency
// percentiles and errors per cell (target × query × clients × round).
//
//	loadgen -target demarche-embedded=demarche=http://127.0.0.1:8081/graphql \
//	        -target neo4j-graphql=neo4j-graphql=http://127.0.0.1:4000/ \
//	        -clients 1,16,64 -duration 3s -warmup 1s -rounds 3 -out queries.jsonl
//
// Each -target is NAME=FLAVOR=URL, FLAVOR being demarche or neo4j-graphql. Only
// loopback addresses are accepted. Every cell is bounded in time (-duration, plus
// -warmup whose requests are not recorded) and in count (-max-requests). Rounds
// interleave the targets (their order rotates each round) so that the machine's
// noise falls on all of them alike. Latencies are kept whole and sorted, so the
// percentiles are exact. A request counts as an error when the HTTP status is not
// 200, the transport fails, or the response carries GraphQL errors.
//
// With -check, loadgen instead sends every query once to every target, prints
// a summary of each answer and exits non-zero if any failed.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Target is one GraphQL server under test.
type Target struct {
	Name   string
	Flavor Flavor
	URL    string
}

// Cell is the result of one target × query × clients × round, one JSON line.
type Cell struct {
	Round    int     `json:"round"`
	Target   string  `json:"target"`
	Query    string  `json:"query"`
	Clients  int     `json:"clients"`
	Requests int     `json:"requests"`
	Errors   int     `json:"errors"`
	Seconds  float64 `json:"seconds"`
	RPS      float64 `json:"rps"` // successful requests per second
	P50ms    float64 `json:"p50_ms"`
	P90ms    float64 `json:"p90_ms"`
	P99ms    float64 `json:"p99_ms"`
	MaxMs    float64 `json:"max_ms"`
	// FirstError is the first error's text, to tell a bug from overload.
	FirstError string `json:"first_error,omitempty"`
}

type targetsFlag []Target

func (t *targetsFlag) String() string { return fmt.Sprint(*t) }

func (t *targetsFlag) Set(v string) error {
	parts := strings.SplitN(v, "=", 3)
	if len(parts) != 3 {
		return fmt.Errorf("want NAME=FLAVOR=URL, got %q", v)
	}
	f := Flavor(parts[1])
	if f != Demarche && f != Neo4jGraphQL {
		return fmt.Errorf("flavor %q: want %s or %s", parts[1], Demarche, Neo4jGraphQL)
	}
	if err := loopbackOnly(parts[2]); err != nil {
		return err
	}
	*t = append(*t, Target{Name: parts[0], Flavor: f, URL: parts[2]})
	return nil
}

// loopbackOnly refuses any URL whose host is not a loopback address.
func loopbackOnly(raw string) error {
	u, err := url.Parse(raw)
	if err != nil {
		return fmt.Errorf("url %q: %w", raw, err)
	}
	if u.Scheme != "http" {
		return fmt.Errorf("url %q: only http:// on loopback", raw)
	}
	host := u.Hostname()
	if host == "localhost" {
		return nil
	}
	ip := net.ParseIP(host)
	if ip == nil || !ip.IsLoopback() {
		return fmt.Errorf("url %q: only loopback addresses (127.0.0.0/8, ::1, localhost) are load-tested", raw)
	}
	return nil
}

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "loadgen:", err)
		os.Exit(1)
	}
}

func run() error {
	var targets targetsFlag
	flag.Var(&targets, "target", "NAME=FLAVOR=URL of a server under test (repeatable)")
	clientsFlag := flag.String("clients", "1,16,64", "concurrent clients per cell, comma-separated")
	queriesFlag := flag.String("queries", "", "queries to run, comma-separated (default all: actor,dyad,timeline,search,neighborhood)")
	duration := flag.Duration("duration", 3*time.Second, "measured time per cell")
	warmup := flag.Duration("warmup", time.Second, "unrecorded warm-up per cell")
	rounds := flag.Int("rounds", 3, "repeats of the whole matrix")
	maxReq := flag.Int("max-requests", 200000, "cap on requests per cell")
	timeout := flag.Duration("timeout", 10*time.Second, "per-request timeout (a timeout counts as an error)")
	out := flag.String("out", "", "append one JSON line per cell to this file (default stdout)")
	check := flag.Bool("check", false, "send each query once to each target, print a summary, exit")
	flag.Parse()
	if len(targets) == 0 {
		return errors.New("no -target given")
	}
	var clients []int
	for _, f := range strings.Split(*clientsFlag, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n <= 0 || n > 256 {
			return fmt.Errorf("-clients %q: want numbers from 1 to 256", *clientsFlag)
		}
		clients = append(clients, n)
	}
	qs := queries
	if *queriesFlag != "" {
		qs = nil
		for _, name := range strings.Split(*queriesFlag, ",") {
			i := slices.IndexFunc(queries, func(q Query) bool { return q.Name == name })
			if i < 0 {
				return fmt.Errorf("unknown query %q", name)
			}
			qs = append(qs, queries[i])
		}
	}
	if *rounds <= 0 || *rounds > 20 || *duration <= 0 || *duration > 5*time.Minute {
		return errors.New("-rounds must be 1..20 and -duration at most 5m")
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	client := &http.Client{
		Timeout: *timeout,
		Transport: &http.Transport{
			MaxIdleConns:        512,
			MaxIdleConnsPerHost: 256,
			IdleConnTimeout:     90 * time.Second,
			DisableCompression:  true,
		},
	}
	if *check {
		// The first requests plan every query (cold caches): allow them time.
		slow := *client
		slow.Timeout = max(*timeout, time.Minute)
		return runCheck(ctx, &slow, targets, qs)
	}

	w := io.Writer(os.Stdout)
	if *out != "" {
		f, err := os.OpenFile(*out, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
		if err != nil {
			return err
		}
		defer f.Close()
		w = f
	}
	enc := json.NewEncoder(w)
	total := *rounds * len(qs) * len(clients) * len(targets)
	done := 0
	for r := 1; r <= *rounds; r++ {
		for _, q := range qs {
			for _, c := range clients {
				for k := range targets {
					t := targets[(k+r-1)%len(targets)] // rotate the order each round
					bs, err := bodies(q, t.Flavor)
					if err != nil {
						return err
					}
					cell := measure(ctx, client, t, bs, c, *warmup, *duration, *maxReq)
					cell.Round, cell.Query = r, q.Name
					if err := enc.Encode(cell); err != nil {
						return err
					}
					done++
					fmt.Fprintf(os.Stderr, "loadgen: [%d/%d] round %d %-13s %-18s c=%-3d %8.1f req/s  p50 %7.2f ms  p99 %7.2f ms  errors %d\n",
						done, total, r, q.Name, t.Name, c, cell.RPS, cell.P50ms, cell.P99ms, cell.Errors)
					if ctx.Err() != nil {
						return ctx.Err()
					}
				}
			}
		}
	}
	return nil
}

// measure runs one cell: clients workers, each sending requests back to back,
// first for warmup (not recorded), then for duration.
func measure(ctx context.Context, client *http.Client, t Target, bs [][]byte, clients int,
	warmup, duration time.Duration, maxReq int) Cell {
	cell := Cell{Target: t.Name, Clients: clients}
	if warmup > 0 {
		loop(ctx, client, t.URL, bs, clients, warmup, maxReq, false)
	}
	start := time.Now()
	lat, errs, first := loop(ctx, client, t.URL, bs, clients, duration, maxReq, true)
	elapsed := time.Since(start).Seconds()
	slices.Sort(lat)
	cell.Requests = len(lat) + errs
	cell.Errors = errs
	cell.Seconds = elapsed
	cell.RPS = float64(len(lat)) / elapsed
	cell.P50ms = pct(lat, 0.50)
	cell.P90ms = pct(lat, 0.90)
	cell.P99ms = pct(lat, 0.99)
	if len(lat) > 0 {
		cell.MaxMs = ms(lat[len(lat)-1])
	}
	cell.FirstError = first
	return cell
}

// loop runs the workers: they start requests until d has passed or maxReq
// requests were started, and every request started is waited for (bounded by
// the client's timeout), so slow servers are measured, not cut off. It returns
// the latencies of the successful requests, the error count and the first error.
func loop(ctx context.Context, client *http.Client, u string, bs [][]byte, clients int, d time.Duration,
	maxReq int, record bool) ([]time.Duration, int, string) {
	deadline := time.Now().Add(d)
	var (
		mu     sync.Mutex
		all    []time.Duration
		errs   int
		first  string
		sent   int
		sentMu sync.Mutex
		wg     sync.WaitGroup
	)
	take := func() bool {
		sentMu.Lock()
		defer sentMu.Unlock()
		if sent >= maxReq {
			return false
		}
		sent++
		return true
	}
	for w := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var lat []time.Duration
			nerr := 0
			firstErr := ""
			for i := w; ctx.Err() == nil && time.Now().Before(deadline) && take(); i++ {
				body := bs[i%len(bs)]
				t0 := time.Now()
				err := send(ctx, client, u, body)
				el := time.Since(t0)
				if ctx.Err() != nil {
					break // interrupted, not a server error
				}
				if err != nil {
					nerr++
					if firstErr == "" {
						firstErr = err.Error()
					}
					continue
				}
				if record {
					lat = append(lat, el)
				}
			}
			mu.Lock()
			all = append(all, lat...)
			errs += nerr
			if first == "" {
				first = firstErr
			}
			mu.Unlock()
		}()
	}
	wg.Wait()
	return all, errs, first
}

var errorsKey = []byte(`"errors":`)

// send posts one GraphQL request and reads the whole answer.
func send(ctx context.Context, client *http.Client, u string, body []byte) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json")
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("HTTP %d: %s", resp.StatusCode, trim(b))
	}
	// In JSON text a key is the only place `"errors":` can appear unescaped.
	if bytes.Contains(b, errorsKey) {
		return fmt.Errorf("GraphQL errors: %s", trim(b))
	}
	return nil
}

func trim(b []byte) string {
	if len(b) > 300 {
		b = b[:300]
	}
	return string(b)
}

func pct(sorted []time.Duration, p float64) float64 {
	if len(sorted) == 0 {
		return 0
	}
	i := int(float64(len(sorted))*p+0.5) - 1
	i = min(max(i, 0), len(sorted)-1)
	return ms(sorted[i])
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// runCheck sends every parameter set of every query once to every target and
// prints the answer's size and a digest of its numbers, so that the APIs can be
// seen to answer alike.
func runCheck(ctx context.Context, client *http.Client, targets []Target, qs []Query) error {
	failed := 0
	for _, q := range qs {
		for _, t := range targets {
			bs, err := bodies(q, t.Flavor)
			if err != nil {
				return err
			}
			var sizes []string
			var took time.Duration
			for _, b := range bs {
				t0 := time.Now()
				req, err := http.NewRequestWithContext(ctx, http.MethodPost, t.URL, bytes.NewReader(b))
				if err != nil {
					return err
				}
				req.Header.Set("Content-Type", "application/json")
				resp, err := client.Do(req)
				if err != nil {
					failed++
					sizes = append(sizes, "ERR")
					fmt.Fprintf(os.Stderr, "check: %s %s: %v\n", q.Name, t.Name, err)
					continue
				}
				body, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				took += time.Since(t0)
				if resp.StatusCode != http.StatusOK || bytes.Contains(body, errorsKey) {
					failed++
					sizes = append(sizes, "ERR")
					fmt.Fprintf(os.Stderr, "check: %s %s: HTTP %d %s\n", q.Name, t.Name, resp.StatusCode, trim(body))
					continue
				}
				sizes = append(sizes, summarize(q.Name, t.Flavor, body))
			}
			fmt.Printf("%-13s %-18s %6.1f ms/req  %s\n", q.Name, t.Name, ms(took)/float64(len(bs)), strings.Join(sizes, " "))
		}
	}
	if failed > 0 {
		return fmt.Errorf("%d requests failed", failed)
	}
	return nil
}

// summarize reduces an answer to the numbers that must agree between the APIs.
func summarize(query string, f Flavor, body []byte) string {
	var v struct {
		Data map[string]json.RawMessage `json:"data"`
	}
	if err := json.Unmarshal(body, &v); err != nil {
		return "BAD"
	}
	count := func(raw json.RawMessage, path ...string) int {
		var x any
		if err := json.Unmarshal(raw, &x); err != nil {
			return -1
		}
		for _, p := range path {
			m, ok := x.(map[string]any)
			if !ok {
				return -1
			}
			x = m[p]
		}
		switch y := x.(type) {
		case []any:
			return len(y)
		case float64:
			return int(y)
		}
		return -1
	}
	switch {
	case query == "actor" && f == Demarche:
		return fmt.Sprintf("%d/%d", count(v.Data["actor"], "made", "totalCount"), count(v.Data["actor"], "received", "totalCount"))
	case query == "actor":
		var xs []json.RawMessage
		_ = json.Unmarshal(v.Data["actors"], &xs)
		if len(xs) != 1 {
			return "NONE"
		}
		return fmt.Sprintf("%d/%d", count(xs[0], "madeConnection", "totalCount"), count(xs[0], "receivedConnection", "totalCount"))
	case query == "dyad" && f == Demarche:
		return fmt.Sprintf("%d", count(v.Data["dyad"], "total"))
	case query == "dyad":
		return fmt.Sprintf("%d", count(v.Data["statementsConnection"], "totalCount"))
	case query == "timeline" && f == Demarche:
		return fmt.Sprintf("%d", count(v.Data["timeline"], "buckets"))
	case query == "timeline":
		return fmt.Sprintf("%d", count(v.Data["monthlyTimeline"]))
	case query == "search" && f == Demarche:
		return fmt.Sprintf("%d", count(v.Data["search"]))
	case query == "search":
		return fmt.Sprintf("%d+%d+%d", count(v.Data["searchActors"], "edges"), count(v.Data["searchIncidents"], "edges"), count(v.Data["searchStatements"], "edges"))
	case query == "neighborhood" && f == Demarche:
		return fmt.Sprintf("%d/%d", count(v.Data["neighborhood"], "nodes"), count(v.Data["neighborhood"], "links"))
	case query == "neighborhood":
		return fmt.Sprintf("%d/%d", count(v.Data["neighborhood"]), count(v.Data["neighborhoodLinks"]))
	}
	return "?"
}
