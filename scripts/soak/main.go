// Command soak drives a bounded soak test of `demarche serve` on the embedded
// store (see scripts/soak/run): it starts the server on a free loopback port
// with a fresh data directory and the example articles, sends mixed GraphQL
// queries and ingestArticle mutations at a steady rate within a time and a
// request budget, samples the server's resident memory, shuts it down with
// SIGTERM and exits non-zero if anything answered 5xx, failed in transport,
// carried an internal GraphQL error, was refused (429/503), if memory grew
// beyond the bound after warm-up, or if the server did not stop cleanly.
package main

import (
	"bufio"
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

var queries = []string{
	`{ stats { actors statements articles incidents } }`,
	`{ actors(first: 10, orderBy: {by: STATEMENTS_TOTAL}) { totalCount edges { node { id name statementsMade(first: 3) { totalCount } } } } }`,
	`{ statements(first: 20) { totalCount edges { node { kind date speaker { name } target { name } evidence reports { article { title } } } } } }`,
	`{ search(text: "sanctions", first: 10) { __typename } }`,
	`{ dyad(a: "China", b: "United States") { total statements(first: 5) { totalCount } } }`,
	`{ timeline(actor: "China", interval: MONTH) { buckets { start kind made received } } }`,
	`{ articles(first: 10) { totalCount edges { node { title publisher } } } }`,
}

func main() {
	bin := flag.String("bin", ".bin/demarche", "the demarche binary")
	duration := flag.Duration("duration", 2*time.Minute, "how long to send requests")
	warmup := flag.Duration("warmup", 15*time.Second, "first part of the run after which the memory baseline is taken")
	rate := flag.Float64("rate", 25, "requests per second")
	budget := flag.Int("max-requests", 6000, "request budget: stop after this many")
	ingestEvery := flag.Int("ingest-every", 5, "one request in this many is an ingestArticle mutation")
	maxGrowth := flag.Float64("max-rss-growth-mb", 64, "largest resident memory growth after warm-up, in MiB")
	examples := flag.String("load", "examples", "articles to load before serving")
	flag.Parse()
	if err := run(*bin, *examples, *duration, *warmup, *rate, *budget, *ingestEvery, *maxGrowth); err != nil {
		fmt.Fprintln(os.Stderr, "soak: FAIL:", err)
		os.Exit(1)
	}
	fmt.Println("soak: PASS")
}

func freePort() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer ln.Close()
	return ln.Addr().String(), nil
}

type counters struct {
	sent, ok, refused, fivexx, transport, internal, gqlErrors atomic.Int64
	mu                                                        sync.Mutex
	firstFailure                                              string
	latencies                                                 []time.Duration
}

func (c *counters) fail(msg string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.firstFailure == "" {
		c.firstFailure = msg
	}
}

func run(bin, examples string, duration, warmup time.Duration, rate float64, budget, ingestEvery int, maxGrowth float64) error {
	addr, err := freePort()
	if err != nil {
		return err
	}
	data, err := os.MkdirTemp("", "demarche-soak-")
	if err != nil {
		return err
	}
	keep := true // the data directory and server log stay when the soak fails
	defer func() {
		if !keep {
			_ = os.RemoveAll(data)
		}
	}()
	tokenBytes := make([]byte, 16)
	_, _ = rand.Read(tokenBytes)
	token := hex.EncodeToString(tokenBytes)
	srv := exec.Command(bin, "serve", "--load", examples)
	srv.Env = append(os.Environ(), "DEMARCHE_ADDR="+addr, "DEMARCHE_DATA="+filepath.Join(data, "store"),
		"DEMARCHE_TOKEN="+token, "DEMARCHE_LOG_LEVEL=WARN",
		// The limiter stays on, well above the soak's rate: the soak must see no 429.
		"DEMARCHE_RATE_LIMIT="+strconv.FormatFloat(rate*4, 'f', -1, 64))
	logFile, err := os.Create(filepath.Join(data, "serve.log"))
	if err != nil {
		return err
	}
	srv.Stdout, srv.Stderr = logFile, logFile
	if err := srv.Start(); err != nil {
		return err
	}
	defer func() { _ = srv.Process.Kill() }()
	exited := make(chan error, 1)
	go func() { exited <- srv.Wait() }()
	base := "http://" + addr
	if err := waitReady(base, exited); err != nil {
		return fmt.Errorf("%w (log %s)", err, logFile.Name())
	}
	fmt.Printf("soak: serving on %s (pid %d); %s at %.0f req/s, budget %d, one ingestion in %d\n",
		base, srv.Process.Pid, duration, rate, budget, ingestEvery)

	client := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: 32}}
	var c counters
	var rssBase, rssMax, rssEnd int64
	start := time.Now()
	ticker := time.NewTicker(time.Duration(float64(time.Second) / rate))
	defer ticker.Stop()
	sampler := time.NewTicker(2 * time.Second)
	defer sampler.Stop()
	sem := make(chan struct{}, 32)
	var wg sync.WaitGroup
	var i int
loop:
	for {
		select {
		case err := <-exited:
			return fmt.Errorf("the server exited during the soak: %v (log %s)", err, logFile.Name())
		case <-sampler.C:
			rss := residentKiB(srv.Process.Pid)
			if time.Since(start) >= warmup {
				if rssBase == 0 {
					rssBase = rss
				}
				rssMax = max(rssMax, rss)
			}
			rssEnd = rss
		case <-ticker.C:
			if time.Since(start) >= duration || i >= budget {
				break loop
			}
			select {
			case sem <- struct{}{}:
			default:
				c.fail("the server fell behind: 32 requests in flight at once")
				continue
			}
			i++
			n := i
			wg.Add(1)
			go func() {
				defer wg.Done()
				defer func() { <-sem }()
				request(client, base, token, n, ingestEvery, &c)
			}()
		}
	}
	wg.Wait()
	rssEnd = residentKiB(srv.Process.Pid)
	rssMax = max(rssMax, rssEnd)

	_ = srv.Process.Signal(syscall.SIGTERM)
	var exitErr error
	select {
	case exitErr = <-exited:
	case <-time.After(30 * time.Second):
		exitErr = errors.New("did not stop within 30s of SIGTERM")
	}
	growth := float64(rssMax-rssBase) / 1024
	c.mu.Lock()
	p50, p99 := percentile(c.latencies, 0.5), percentile(c.latencies, 0.99)
	c.mu.Unlock()
	summary := map[string]any{
		"requests": c.sent.Load(), "ok": c.ok.Load(), "refused_429_503": c.refused.Load(), "http_5xx": c.fivexx.Load(),
		"transport_errors": c.transport.Load(), "internal_errors": c.internal.Load(), "graphql_errors": c.gqlErrors.Load(),
		"seconds": time.Since(start).Seconds(), "p50_ms": p50.Seconds() * 1000, "p99_ms": p99.Seconds() * 1000,
		"rss_after_warmup_mib": float64(rssBase) / 1024, "rss_max_mib": float64(rssMax) / 1024, "rss_end_mib": float64(rssEnd) / 1024,
		"rss_growth_mib": growth,
	}
	out, _ := json.Marshal(summary)
	fmt.Printf("soak: %s\n", out)

	var problems []string
	if c.fivexx.Load() > 0 || c.transport.Load() > 0 || c.internal.Load() > 0 || c.refused.Load() > 0 {
		problems = append(problems, fmt.Sprintf("%d 5xx, %d transport errors, %d internal errors, %d refusals; first: %s",
			c.fivexx.Load(), c.transport.Load(), c.internal.Load(), c.refused.Load(), c.firstFailure))
	} else if c.firstFailure != "" {
		problems = append(problems, c.firstFailure)
	}
	if c.sent.Load() == 0 {
		problems = append(problems, "no request was sent")
	}
	if rssBase == 0 {
		problems = append(problems, "no memory sample after warm-up (is the run longer than -warmup?)")
	} else if growth > maxGrowth {
		problems = append(problems, fmt.Sprintf("resident memory grew %.1f MiB after warm-up (bound %.0f MiB)", growth, maxGrowth))
	}
	if exitErr != nil {
		problems = append(problems, fmt.Sprintf("the server did not shut down cleanly: %v", exitErr))
	}
	if len(problems) > 0 {
		return fmt.Errorf("%s (server log %s)", strings.Join(problems, "; "), logFile.Name())
	}
	keep = false
	return nil
}

func request(client *http.Client, base, token string, n, ingestEvery int, c *counters) {
	var body []byte
	mutation := ingestEvery > 0 && n%ingestEvery == 0
	if mutation {
		text := fmt.Sprintf("Soak report %d\n\nChina on Monday accused the United States of hacking its weather service, in statement %d.\n\n"+
			"The US State Department denied the accusation.", n, n)
		body, _ = json.Marshal(map[string]any{
			"query":     `mutation($in: IngestArticleInput!) { ingestArticle(input: $in) { __typename } }`,
			"variables": map[string]any{"in": map[string]any{"content": text}},
		})
	} else {
		body, _ = json.Marshal(map[string]any{"query": queries[n%len(queries)]})
	}
	req, _ := http.NewRequest(http.MethodPost, base+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if mutation {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	c.sent.Add(1)
	t0 := time.Now()
	resp, err := client.Do(req)
	if err != nil {
		c.transport.Add(1)
		c.fail(fmt.Sprintf("request %d: %v", n, err))
		return
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	lat := time.Since(t0)
	c.mu.Lock()
	c.latencies = append(c.latencies, lat)
	c.mu.Unlock()
	switch {
	case err != nil:
		c.transport.Add(1)
		c.fail(fmt.Sprintf("request %d: reading the answer: %v", n, err))
		return
	case resp.StatusCode >= 500 && resp.StatusCode != http.StatusServiceUnavailable:
		c.fivexx.Add(1)
		c.fail(fmt.Sprintf("request %d: HTTP %d: %.300s", n, resp.StatusCode, b))
		return
	case resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusServiceUnavailable:
		c.refused.Add(1)
		c.fivexx.Add(int64(resp.StatusCode / 500)) // a 503 is a 5xx too
		c.fail(fmt.Sprintf("request %d: HTTP %d: %.300s", n, resp.StatusCode, b))
		return
	}
	var g struct {
		Errors []struct {
			Message    string         `json:"message"`
			Extensions map[string]any `json:"extensions"`
		} `json:"errors"`
	}
	_ = json.Unmarshal(b, &g)
	for _, e := range g.Errors {
		c.gqlErrors.Add(1)
		if code, _ := e.Extensions["code"].(string); code == "INTERNAL" || code == "UNAVAILABLE" {
			c.internal.Add(1)
			c.fail(fmt.Sprintf("request %d: %s: %s", n, code, e.Message))
		} else {
			c.fail(fmt.Sprintf("request %d: unexpected GraphQL error %s: %s", n, code, e.Message))
		}
	}
	if resp.StatusCode == http.StatusOK {
		c.ok.Add(1)
	}
}

func waitReady(base string, exited <-chan error) error {
	deadline := time.Now().Add(2 * time.Minute)
	for time.Now().Before(deadline) {
		select {
		case err := <-exited:
			return fmt.Errorf("the server exited at start: %v", err)
		default:
		}
		resp, err := http.Get(base + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return nil
			}
		}
		time.Sleep(200 * time.Millisecond)
	}
	return errors.New("the server was not ready within 2 minutes")
}

// residentKiB reads a process's resident set size from /proc (0 when unknown).
func residentKiB(pid int) int64 {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "VmRSS:"); ok {
			n, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			return n
		}
	}
	return 0
}

func percentile(ds []time.Duration, q float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[min(len(s)-1, int(q*float64(len(s))))]
}
