package faulttest

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/demarche/demarche/store"
)

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

// demarche builds the demarche binary once per test run.
func demarche(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "demarche-faulttest-")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "demarche")
		cmd := exec.Command("go", "build", "-o", binPath, ".")
		cmd.Dir = repoRoot(t)
		if out, err := cmd.CombinedOutput(); err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binPath
}

// The generated articles: invented statements between states, in the JSON
// news-API form, one file each.
var (
	genStates = []string{"China", "the United States", "Russia", "Iran", "North Korea", "the United Kingdom",
		"Germany", "France", "Japan", "Australia", "Canada", "Israel", "Ukraine", "India", "Turkey", "Brazil"}
	genVerbs = []string{"accused %s of hacking its government networks", "denied accusations by %s of running a spy campaign",
		"imposed sanctions on %s over a ransomware attack", "criticized %s for a disinformation campaign",
		"demanded that %s stop cyberattacks on its hospitals", "threatened %s with retaliation over a grid intrusion"}
	genOutlets = []string{"Faulttest Wire", "Harbor Herald Test", "Meridian Test News"}
)

type genArticle struct {
	path, url string
}

// writeArticles writes n articles into dir and returns their files and URLs.
func writeArticles(t *testing.T, dir string, n int) []genArticle {
	t.Helper()
	out := make([]genArticle, n)
	for i := range n {
		a := genStates[i%len(genStates)]
		b := genStates[(i/len(genStates)+1+i)%len(genStates)]
		if a == b {
			b = genStates[(i+3)%len(genStates)]
		}
		verb := fmt.Sprintf(genVerbs[(i/7)%len(genVerbs)], b)
		day := time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i%900)
		title := fmt.Sprintf("Report %d: %s %s", i, a, verb)
		text := fmt.Sprintf("%s on %s %s, officials said in a statement numbered %d.\n\n"+
			"The foreign ministry of %s rejected the claims as groundless.", upper(a), day.Format("Monday"), verb, i, b)
		rec := map[string]string{"title": title, "text": text, "url": fmt.Sprintf("https://faulttest.example.org/%d", i),
			"date": day.Format(time.DateOnly), "publisher": genOutlets[i%len(genOutlets)]}
		body, _ := json.Marshal(rec)
		p := filepath.Join(dir, fmt.Sprintf("a%05d.json", i))
		if err := os.WriteFile(p, body, 0o644); err != nil {
			t.Fatal(err)
		}
		out[i] = genArticle{path: p, url: rec["url"]}
	}
	return out
}

func upper(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

// loadCmd is `demarche load DIR` with the given environment, at DEBUG so it
// logs each article it has written.
func loadCmd(t *testing.T, dir string, env ...string) *exec.Cmd {
	cmd := exec.Command(demarche(t), "load", "--batch-size", "20", "--keep-going", "--unavailable-wait", "5m", dir)
	cmd.Env = append(os.Environ(), "DEMARCHE_LOG_LEVEL=DEBUG")
	cmd.Env = append(cmd.Env, env...)
	return cmd
}

var writtenLine = regexp.MustCompile(`msg="article written" source=(\S+)`)

// loadUntil runs a load and SIGKILLs it (or calls kill) once `after` articles
// are reported written; it returns the sources reported before the kill.
func loadUntil(t *testing.T, cmd *exec.Cmd, after int, kill func(), stdout io.Writer) []string {
	t.Helper()
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if stdout == nil {
		stdout = io.Discard
	}
	cmd.Stdout = stdout
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	if kill == nil {
		kill = func() { _ = cmd.Process.Kill() }
	}
	var written []string
	sc := bufio.NewScanner(stderr)
	killed := false
	for sc.Scan() {
		if line := sc.Text(); strings.Contains(line, "level=WARN") || strings.Contains(line, "level=ERROR") {
			t.Logf("load: %s", line) // what the load met, for a failure's record
		}
		if m := writtenLine.FindStringSubmatch(sc.Text()); m != nil && !killed {
			written = append(written, m[1])
			if len(written) >= after {
				kill()
				killed = true
			}
		}
	}
	_ = cmd.Wait()
	if !killed {
		t.Fatalf("the load finished (%d articles written) before it could be killed", len(written))
	}
	return written
}

// graphSnapshot is a whole graph, for comparing two loads.
type graphSnapshot struct {
	Stats      store.Stats
	Actors     []store.Actor
	Statements []string
	Articles   []string
}

func takeSnapshot(t *testing.T, s store.Store) graphSnapshot {
	t.Helper()
	ctx := context.Background()
	var g graphSnapshot
	var err error
	if g.Stats, err = s.Stats(ctx); err != nil {
		t.Fatal(err)
	}
	if err := s.WalkActors(ctx, func(a store.Actor) error { g.Actors = append(g.Actors, a); return nil }); err != nil {
		t.Fatal(err)
	}
	if err := s.WalkStatements(ctx, store.StatementFilter{}, func(st store.Statement) error {
		g.Statements = append(g.Statements, fmt.Sprintf("%s %s %v>%v %s %d", st.ID, st.Kind, st.SpeakerIDs, st.TargetIDs, st.Date.Format(time.DateOnly), len(st.Reports)))
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if err := s.WalkArticles(ctx, func(a store.Article) error { g.Articles = append(g.Articles, a.ID+" "+a.URL); return nil }); err != nil {
		t.Fatal(err)
	}
	return g
}

// reportsByArticle counts each article's reports.
func reportsByArticle(t *testing.T, s store.Store) map[string]int {
	t.Helper()
	out := map[string]int{}
	if err := s.WalkStatements(context.Background(), store.StatementFilter{}, func(st store.Statement) error {
		for _, r := range st.Reports {
			out[r.ArticleID]++
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

// compareGraphs fails when got is not the same graph as want.
func compareGraphs(t *testing.T, what string, got, want graphSnapshot) {
	t.Helper()
	if !reflect.DeepEqual(got.Stats, want.Stats) {
		t.Errorf("%s: stats differ from an uninterrupted load:\n got %v\nwant %v", what, got.Stats, want.Stats)
	}
	for _, x := range []struct {
		name      string
		got, want any
	}{{"actors", got.Actors, want.Actors}, {"statements", got.Statements, want.Statements}, {"articles", got.Articles, want.Articles}} {
		if !reflect.DeepEqual(x.got, x.want) {
			t.Errorf("%s: %s differ from an uninterrupted load", what, x.name)
		}
	}
}
