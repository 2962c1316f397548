// Command benchreport turns the raw results bench/run leaves in a directory into
// the Markdown tables of bench/README.md: medians with min–max over repeats,
// Demarche/@neo4j-graphql ratios computed round by round (the same run, the same
// machine state), and each issue target marked met or missed.
//
//	benchreport -dir bench/results/quick > bench/results/quick/report.md
//
// Inputs (any may be missing): env.txt (verbatim), extract.txt (`go test -bench`
// output), load.jsonl (loadbench lines), queries.jsonl (loadgen cells), rss.jsonl
// ({"server","graph","rss_mb","hwm_mb"} lines), check.txt (loadgen -check output),
// storecalls.jsonl ({"store","query","requests","calls"} lines from profserve).
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
)

func main() {
	dir := flag.String("dir", "", "results directory")
	flag.Parse()
	if *dir == "" {
		fmt.Fprintln(os.Stderr, "benchreport: -dir is required")
		os.Exit(2)
	}
	if err := report(os.Stdout, *dir); err != nil {
		fmt.Fprintln(os.Stderr, "benchreport:", err)
		os.Exit(1)
	}
}

// stat is a median with the min and max of a sample.
type stat struct{ med, lo, hi float64 }

func summarize(xs []float64) stat {
	if len(xs) == 0 {
		return stat{}
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	m := s[len(s)/2]
	if len(s)%2 == 0 {
		m = (s[len(s)/2-1] + s[len(s)/2]) / 2
	}
	return stat{m, s[0], s[len(s)-1]}
}

// f formats a stat as "median (min–max)" with prec decimals.
func (s stat) f(prec int) string {
	return fmt.Sprintf("%s (%s–%s)", num(s.med, prec), num(s.lo, prec), num(s.hi, prec))
}

func num(x float64, prec int) string {
	if x >= 10000 {
		return strconv.FormatFloat(x, 'f', 0, 64)
	}
	return strconv.FormatFloat(x, 'f', prec, 64)
}

type verdict struct {
	target, measured string
	ok               bool
}

func report(w io.Writer, dir string) error {
	var verdicts []verdict
	if b, err := os.ReadFile(filepath.Join(dir, "env.txt")); err == nil {
		fmt.Fprintf(w, "### Machine and versions\n\n```\n%s```\n\n", b)
	}
	v, err := extractSection(w, filepath.Join(dir, "extract.txt"))
	if err != nil {
		return err
	}
	verdicts = append(verdicts, v...)
	v, err = loadSection(w, filepath.Join(dir, "load.jsonl"))
	if err != nil {
		return err
	}
	verdicts = append(verdicts, v...)
	v, err = querySection(w, filepath.Join(dir, "queries.jsonl"))
	if err != nil {
		return err
	}
	verdicts = append(verdicts, v...)
	if err := rssSection(w, filepath.Join(dir, "rss.jsonl")); err != nil {
		return err
	}
	if err := callsSection(w, filepath.Join(dir, "storecalls.jsonl")); err != nil {
		return err
	}
	if b, err := os.ReadFile(filepath.Join(dir, "check.txt")); err == nil {
		fmt.Fprintf(w, "### Answer check (each query once per target: the counts must agree)\n\n```\n%s```\n\n", b)
	}
	if len(verdicts) > 0 {
		fmt.Fprintf(w, "### Targets\n\n| target | measured | met |\n| --- | --- | --- |\n")
		for _, v := range verdicts {
			mark := "no"
			if v.ok {
				mark = "yes"
			}
			fmt.Fprintf(w, "| %s | %s | %s |\n", v.target, v.measured, mark)
		}
		fmt.Fprintln(w)
	}
	return nil
}

var benchLine = regexp.MustCompile(`^(Benchmark\S+?)(-\d+)?\s+(\d+)\s+(.*)$`)

// extractSection reads `go test -bench` output: every metric of every benchmark,
// median and range over -count repeats.
func extractSection(w io.Writer, path string) ([]verdict, error) {
	f, err := os.Open(path)
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	metrics := map[string]map[string][]float64{}
	var names, units []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		m := benchLine.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		name := m[1]
		if metrics[name] == nil {
			metrics[name] = map[string][]float64{}
			names = append(names, name)
		}
		fields := strings.Fields(m[4])
		for i := 0; i+1 < len(fields); i += 2 {
			x, err := strconv.ParseFloat(fields[i], 64)
			if err != nil {
				continue
			}
			u := fields[i+1]
			metrics[name][u] = append(metrics[name][u], x)
			if !slices.Contains(units, u) {
				units = append(units, u)
			}
		}
	}
	if len(names) == 0 {
		fmt.Fprintf(w, "### Extraction\n\nNo extraction benchmark ran (see extract.txt).\n\n")
		return nil, sc.Err()
	}
	fmt.Fprintf(w, "### Extraction (`go test -bench` on one pinned core, GOMAXPROCS=1: per-core figures)\n\n")
	fmt.Fprintf(w, "| benchmark | %s |\n|---|%s\n", strings.Join(units, " | "), strings.Repeat("---|", len(units)))
	var vs []verdict
	for _, n := range names {
		row := []string{n}
		for _, u := range units {
			xs := metrics[n][u]
			if len(xs) == 0 {
				row = append(row, "")
				continue
			}
			prec := 1
			if u == "allocs/op" || u == "B/op" || u == "ns/op" {
				prec = 0
			}
			row = append(row, summarize(xs).f(prec))
		}
		fmt.Fprintf(w, "| %s |\n", strings.Join(row, " | "))
		// Per core: the benchmark runs on one pinned core with GOMAXPROCS=1; where it
		// reports articles per CPU-second (wall time minus waiting for the core on a
		// shared machine), that is the per-core figure.
		unit := "articles/s"
		if len(metrics[n]["articles/cpu-s"]) > 0 {
			unit = "articles/cpu-s"
		}
		if xs := metrics[n][unit]; len(xs) > 0 {
			s := summarize(xs)
			measured := num(s.med, 0) + " " + unit
			if mb, as := metrics[n]["MB/s"], metrics[n]["articles/s"]; len(mb) > 0 && len(as) > 0 && summarize(as).med > 0 {
				measured += fmt.Sprintf(" (%.2f MB per core-second)", summarize(mb).med*s.med/summarize(as).med)
			}
			vs = append(vs, verdict{"extraction ≥ 1,000 articles/s/core (" + n + ")", measured, s.med >= 1000})
		}
	}
	fmt.Fprintf(w, "\n(%d repeats; median (min–max).)\n\n", len(metrics[names[0]][units[0]]))
	return vs, sc.Err()
}

// loadResult is a loadbench line.
type loadResult struct {
	Store          string    `json:"store"`
	Mode           string    `json:"mode"`
	Batch          int       `json:"batch"`
	Requested      int       `json:"requested"`
	Warm           int       `json:"warm"`
	Articles       int       `json:"articles"`
	Reports        int       `json:"reports"`
	Statements     int       `json:"statements"`
	Seconds        float64   `json:"seconds"`
	ArticlesPerSec float64   `json:"articles_per_s"`
	ReportsPerSec  float64   `json:"reports_per_s"`
	StmtsPerSec    float64   `json:"statements_per_s"`
	Capped         bool      `json:"capped"`
	Tenths         []float64 `json:"tenths"`
	Ceiling        *struct {
		Statements    int                `json:"statements"`
		Nodes         int                `json:"nodes"`
		Relationships int                `json:"relationships"`
		Seconds       float64            `json:"seconds"`
		StmtsPerSec   float64            `json:"statements_per_s"`
		Parts         map[string]float64 `json:"parts"`
	} `json:"ceiling"`
}

func readJSONL[T any](path string) ([]T, error) {
	f, err := os.Open(path)
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []T
	dec := json.NewDecoder(f)
	for {
		var x T
		if err := dec.Decode(&x); err == io.EOF {
			return out, nil
		} else if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		out = append(out, x)
	}
}

func loadSection(w io.Writer, path string) ([]verdict, error) {
	rs, err := readJSONL[loadResult](path)
	if err != nil || len(rs) == 0 {
		return nil, err
	}
	type key struct {
		store, mode string
		n           int
	}
	groups := map[key][]loadResult{}
	var keys []key
	for _, r := range rs {
		k := key{r.Store, r.Mode, r.Requested}
		if groups[k] == nil {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], r)
	}
	fmt.Fprintf(w, "### Loading synthetic articles (package synth) through the store's PutArticles\n\n")
	fmt.Fprintf(w, "| store | mode | articles | loaded | statements | articles/s | reports/s | statements/s | runs |\n|---|---|---|---|---|---|---|---|---|\n")
	best := map[string]float64{}
	bestN := map[string]int{}
	for _, k := range keys {
		g := groups[k]
		var a, r, s []float64
		capped := false
		for _, x := range g {
			a = append(a, x.ArticlesPerSec)
			r = append(r, x.ReportsPerSec)
			s = append(s, x.StmtsPerSec)
			capped = capped || x.Capped
		}
		mode := k.mode
		if k.mode == "batched" {
			mode = fmt.Sprintf("batched (%d articles/transaction)", g[0].Batch)
		} else {
			mode = "single (1 article/transaction)"
		}
		loaded := strconv.Itoa(g[0].Articles)
		if g[0].Warm > 0 {
			loaded += fmt.Sprintf(" after %d untimed", g[0].Warm)
		}
		if capped {
			loaded += " (time-capped)"
		}
		fmt.Fprintf(w, "| %s | %s | %d | %s | %d | %s | %s | %s | %d |\n", k.store, mode, k.n, loaded, g[0].Statements,
			summarize(a).f(1), summarize(r).f(0), summarize(s).f(0), len(g))
		if k.mode == "batched" && k.n >= bestN[k.store] {
			bestN[k.store] = k.n
			best[k.store] = summarize(s).med
		}
	}
	var growth []string
	for _, k := range keys {
		g := groups[k]
		if k.mode != "batched" || len(g[0].Tenths) == 0 {
			continue
		}
		parts := make([]string, len(g[0].Tenths))
		for i, x := range g[0].Tenths {
			parts[i] = num(x, 0)
		}
		growth = append(growth, fmt.Sprintf("| %s | %d | %s |", k.store, k.n, strings.Join(parts, " · ")))
	}
	if len(growth) > 0 {
		fmt.Fprintf(w, "\nHow the cost grows as the graph fills: articles/s of each tenth of the load, in order (first run):\n\n"+
			"| store | articles | articles/s per tenth |\n|---|---|---|\n%s\n", strings.Join(growth, "\n"))
	}
	fmt.Fprintf(w, "\nReports are what articles say (several per statement); statements are the Statement nodes derived from them. "+
		"Rates are over the load time only (generation excluded), into an empty store.\n\n")
	ceilingTable(w, rs)
	var vs []verdict
	if x, ok := best["neo4j"]; ok {
		vs = append(vs, verdict{fmt.Sprintf("Neo4j load ≥ 5,000 statements/s (batched, %d articles)", bestN["neo4j"]), num(x, 0) + " statements/s", x >= 5000})
	}
	if x, ok := best["sqlite"]; ok {
		vs = append(vs, verdict{fmt.Sprintf("embedded load ≥ 20,000 statements/s (batched, %d articles)", bestN["sqlite"]), num(x, 0) + " statements/s", x >= 20000})
	}
	return vs, nil
}

// ceilingTable prints the loads run with loadbench -ceiling: the load's rate
// beside the rate of copying the same finished graph by the cheapest route.
func ceilingTable(w io.Writer, rs []loadResult) {
	var rows []string
	for _, r := range rs {
		c := r.Ceiling
		if c == nil || c.Seconds <= 0 {
			continue
		}
		var parts []string
		for _, k := range []string{"nodes", "relationships", "schema"} {
			if x, ok := c.Parts[k]; ok {
				parts = append(parts, fmt.Sprintf("%s %s s", k, num(x, 1)))
			}
		}
		size := ""
		if c.Nodes > 0 {
			size = fmt.Sprintf("%d nodes, %d relationships", c.Nodes, c.Relationships)
		}
		rows = append(rows, fmt.Sprintf("| %s | %d | %d | %s | %s | %s | %s (%s) | %s |", r.Store, r.Requested, c.Statements, size,
			num(r.StmtsPerSec, 0), num(c.Seconds, 1), num(c.StmtsPerSec, 0), num(100*r.StmtsPerSec/c.StmtsPerSec, 0)+"% reached", strings.Join(parts, ", ")))
	}
	if len(rows) == 0 {
		return
	}
	fmt.Fprintf(w, "Load ceilings (`loadbench -ceiling`): after the load, the finished graph is copied into an empty store "+
		"of the same schema by the cheapest route the database offers, timed: the embedded store copies every table in key "+
		"order into tables without their secondary indexes, then builds the indexes and the full-text index in one pass "+
		"(`sqlitebench.CopyCeiling`); Neo4j creates the nodes and then the relationships with plain `CREATE` in UNWIND "+
		"batches of 10,000 rows (no `MERGE`, no reads, no index to keep), then builds the store's constraints and indexes "+
		"and waits for them. No derivation is done: this is an upper bound for any load of that graph on this machine, "+
		"whatever the write algorithm.\n\n"+
		"| store | articles | statements | graph | load statements/s | copy s | copy statements/s (share the load reaches) | copy steps |\n"+
		"|---|---|---|---|---|---|---|---|\n%s\n\n", strings.Join(rows, "\n"))
}

// cell is a loadgen line.
type cell struct {
	Round      int     `json:"round"`
	Target     string  `json:"target"`
	Query      string  `json:"query"`
	Clients    int     `json:"clients"`
	Requests   int     `json:"requests"`
	Errors     int     `json:"errors"`
	RPS        float64 `json:"rps"`
	P50ms      float64 `json:"p50_ms"`
	P99ms      float64 `json:"p99_ms"`
	FirstError string  `json:"first_error"`
}

const baseline = "neo4j-graphql"

func querySection(w io.Writer, path string) ([]verdict, error) {
	cs, err := readJSONL[cell](path)
	if err != nil || len(cs) == 0 {
		return nil, err
	}
	type key struct {
		target, query string
		clients       int
	}
	groups := map[key][]cell{}
	var targets, qs []string
	var clients []int
	for _, c := range cs {
		k := key{c.Target, c.Query, c.Clients}
		groups[k] = append(groups[k], c)
		if !slices.Contains(targets, c.Target) {
			targets = append(targets, c.Target)
		}
		if !slices.Contains(qs, c.Query) {
			qs = append(qs, c.Query)
		}
		if !slices.Contains(clients, c.Clients) {
			clients = append(clients, c.Clients)
		}
	}
	slices.Sort(clients)
	rounds := 0
	for _, c := range cs {
		rounds = max(rounds, c.Round)
	}
	fmt.Fprintf(w, "### Dashboard queries under load (%d rounds; median (min–max) over rounds)\n\n", rounds)
	fmt.Fprintf(w, "| query | clients | target | req/s | p50 ms | p99 ms | errors/requests |\n|---|---|---|---|---|---|---|\n")
	var firstErrs []string
	for _, q := range qs {
		for _, n := range clients {
			for _, t := range targets {
				g := groups[key{t, q, n}]
				if len(g) == 0 {
					continue
				}
				var rps, p50, p99 []float64
				errs, reqs := 0, 0
				for _, c := range g {
					rps = append(rps, c.RPS)
					if c.RPS > 0 { // latencies of cells where something succeeded
						p50 = append(p50, c.P50ms)
						p99 = append(p99, c.P99ms)
					}
					errs += c.Errors
					reqs += c.Requests
					if c.FirstError != "" && len(firstErrs) < 10 {
						firstErrs = append(firstErrs, fmt.Sprintf("%s %s c=%d: %s", t, q, n, c.FirstError))
					}
				}
				fmt.Fprintf(w, "| %s | %d | %s | %s | %s | %s | %d/%d |\n", q, n, t,
					summarize(rps).f(1), summarize(p50).f(1), summarize(p99).f(1), errs, reqs)
			}
		}
	}
	fmt.Fprintln(w)
	if len(firstErrs) > 0 {
		fmt.Fprintf(w, "First errors:\n\n```\n%s\n```\n\n", strings.Join(firstErrs, "\n"))
	}

	// Ratios to the baseline, round by round.
	var vs []verdict
	if !slices.Contains(targets, baseline) {
		return vs, nil
	}
	fmt.Fprintf(w, "### Demarche / @neo4j/graphql, same run (ratio computed per round; median (min–max))\n\n")
	fmt.Fprintf(w, "Throughput ratio > 1 and p99 ratio < 1 favour Demarche.\n\n")
	fmt.Fprintf(w, "| query | clients | target | throughput ratio | p99 ratio |\n|---|---|---|---|---|\n")
	for _, q := range qs {
		for _, n := range clients {
			base := map[int]cell{}
			for _, c := range groups[key{baseline, q, n}] {
				base[c.Round] = c
			}
			for _, t := range targets {
				if t == baseline {
					continue
				}
				var tr, pr []float64
				for _, c := range groups[key{t, q, n}] {
					b, ok := base[c.Round]
					if !ok || b.RPS == 0 || b.P99ms == 0 {
						continue
					}
					tr = append(tr, c.RPS/b.RPS)
					if c.RPS > 0 {
						pr = append(pr, c.P99ms/b.P99ms)
					}
				}
				if len(tr) == 0 {
					continue
				}
				st := summarize(tr)
				fmt.Fprintf(w, "| %s | %d | %s | %s | %s |\n", q, n, t, st.f(2), summarize(pr).f(2))
				if n == 16 {
					vs = append(vs, verdict{fmt.Sprintf("%s throughput ≥ 1.5× @neo4j/graphql, %s, 16 clients", t, q),
						num(st.med, 2) + "×", st.med >= 1.5})
				}
			}
		}
	}
	fmt.Fprintln(w)
	for _, t := range targets {
		if t == baseline {
			continue
		}
		for _, q := range qs {
			g := groups[key{t, q, 16}]
			if len(g) == 0 {
				continue
			}
			var p99 []float64
			errs := 0
			for _, c := range g {
				if c.RPS > 0 {
					p99 = append(p99, c.P99ms)
				}
				errs += c.Errors
			}
			s := summarize(p99)
			if len(p99) == 0 {
				s.med = 1e9 // nothing succeeded
			}
			vs = append(vs, verdict{fmt.Sprintf("%s p99 < 50 ms, %s, 16 clients", t, q),
				fmt.Sprintf("%s ms (errors %d)", num(s.med, 1), errs), s.med < 50 && errs == 0})
		}
	}
	return vs, nil
}

type rssLine struct {
	Server string  `json:"server"`
	Graph  string  `json:"graph"`
	Phase  string  `json:"phase"`
	RSSMB  float64 `json:"rss_mb"`
	HWMMB  float64 `json:"hwm_mb"`
}

func rssSection(w io.Writer, path string) error {
	rs, err := readJSONL[rssLine](path)
	if err != nil || len(rs) == 0 {
		return err
	}
	fmt.Fprintf(w, "### Resident memory (VmRSS and peak VmHWM from /proc)\n\n| server | graph | when | RSS MiB | peak MiB |\n|---|---|---|---|---|\n")
	for _, r := range rs {
		fmt.Fprintf(w, "| %s | %s | %s | %.0f | %.0f |\n", r.Server, r.Graph, r.Phase, r.RSSMB, r.HWMMB)
	}
	fmt.Fprintln(w)
	return nil
}

type callsLine struct {
	Store    string `json:"store"`
	Query    string `json:"query"`
	Requests int    `json:"requests"`
	Calls    map[string]struct {
		Calls int     `json:"calls"`
		Ms    float64 `json:"ms"`
	} `json:"calls"`
}

// callsSection shows how many Store calls (each one transaction or more) one
// GraphQL request costs, and the time spent in them, per query.
func callsSection(w io.Writer, path string) error {
	ls, err := readJSONL[callsLine](path)
	if err != nil || len(ls) == 0 {
		return err
	}
	fmt.Fprintf(w, "### Store calls per GraphQL request (bench/cmd/profserve, store result cache off, 16 clients, about 10 s per query)\n\n"+
		"| store | query | requests | store calls/request | time in store/request (ms, summed over concurrent calls) | calls/request by method |\n|---|---|---|---|---|---|\n")
	for _, l := range ls {
		if l.Requests == 0 {
			continue
		}
		n := float64(l.Requests)
		total, ms := 0, 0.0
		var names []string
		for name, c := range l.Calls {
			total += c.Calls
			ms += c.Ms
			names = append(names, name)
		}
		sort.Strings(names)
		parts := make([]string, len(names))
		for i, name := range names {
			parts[i] = fmt.Sprintf("%s %.1f", name, float64(l.Calls[name].Calls)/n)
		}
		fmt.Fprintf(w, "| %s | %s | %d | %.1f | %.1f | %s |\n", l.Store, l.Query, l.Requests, float64(total)/n, ms/n, strings.Join(parts, ", "))
	}
	fmt.Fprintln(w)
	return nil
}
