package extract_test

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/demarche/demarche/loader/extract"
)

// proxyDir holds articles written for these tests in the style of wire reports
// (never text from the shared eval set), each with gold annotations in the
// shared eval format (../shared/eval/SCHEMA.md). It stands in for the held-out
// articles the extractor is graded on: dev scores alone reward overfitting.
const proxyDir = "testdata/proxy"

// proxyGold is one gold file in the shared eval format.
type proxyGold struct {
	ID       string `json:"id"`
	Text     string `json:"text"`
	Entities []struct {
		Name        string   `json:"name"`
		Type        string   `json:"type"`
		Aliases     []string `json:"aliases"`
		Affiliation string   `json:"affiliation"`
		Optional    bool     `json:"optional"`
	} `json:"entities"`
	Statements []goldStatement `json:"statements"`
}

type goldStatement struct {
	Speaker      *string              `json:"speaker"`
	Kind         string               `json:"kind"`
	Target       *string              `json:"target"`
	Optional     bool                 `json:"optional"`
	Alternatives []map[string]*string `json:"alternatives"`
}

func readProxy(t testing.TB) []proxyGold {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(proxyDir, "*.json"))
	if len(files) < 10 {
		t.Fatalf("proxy set: %d gold files in %s, want at least 10", len(files), proxyDir)
	}
	var out []proxyGold
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var g proxyGold
		if err := json.Unmarshal(b, &g); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		out = append(out, g)
	}
	return out
}

// counts are true positives, false positives and false negatives.
type counts struct{ tp, fp, fn int }

func (c *counts) add(o counts) { c.tp += o.tp; c.fp += o.fp; c.fn += o.fn }

func (c counts) prf() (p, r, f float64) {
	if c.tp+c.fp > 0 {
		p = float64(c.tp) / float64(c.tp+c.fp)
	}
	if c.tp+c.fn > 0 {
		r = float64(c.tp) / float64(c.tp+c.fn)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return
}

// articleScore is one article's score: strict and lenient statements, entities.
type articleScore struct {
	strict, lenient, entities counts
	missed, spurious          []string // strict
}

var (
	reTrailingS = regexp.MustCompile(`'s\b`)
	reNonWord   = regexp.MustCompile(`[^\p{L}\p{N}_\s-]`)
	reSpaces    = regexp.MustCompile(`\s+`)
	reTokSplit  = regexp.MustCompile(`[\s-]+`)
)

// norm is the scorer's name normalization: lower case, no possessive 's, no
// punctuation, no leading "the".
func norm(s string) string {
	s = strings.ToLower(s)
	s = strings.NewReplacer("\u2019", "'", "\u201c", `"`, "\u201d", `"`).Replace(s)
	s = reTrailingS.ReplaceAllString(s, "")
	s = reNonWord.ReplaceAllString(s, " ")
	s = strings.TrimSpace(reSpaces.ReplaceAllString(s, " "))
	return strings.TrimPrefix(s, "the ")
}

func nameTokens(s string) map[string]bool {
	out := map[string]bool{}
	for _, t := range reTokSplit.Split(norm(s), -1) {
		switch t {
		case "", "of", "the", "a", "in", "on", "and":
			continue
		}
		out[t] = true
	}
	return out
}

// goldIndex resolves output names to gold entities as ../shared/eval/score does.
type goldIndex struct {
	g      proxyGold
	alias  map[string][]string // normalized surface form → gold names
	affil  map[string]string
	isName map[string]bool
}

func newGoldIndex(g proxyGold) *goldIndex {
	ix := &goldIndex{g: g, alias: map[string][]string{}, affil: map[string]string{}, isName: map[string]bool{}}
	for _, e := range g.Entities {
		ix.isName[e.Name] = true
		ix.affil[e.Name] = e.Affiliation
		for _, a := range append([]string{e.Name}, e.Aliases...) {
			n := norm(a)
			if !containsStr(ix.alias[n], e.Name) {
				ix.alias[n] = append(ix.alias[n], e.Name)
			}
		}
	}
	return ix
}

func containsStr(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func (ix *goldIndex) resolveSurface(s string) string {
	if hits := ix.alias[norm(s)]; len(hits) == 1 {
		return hits[0]
	} else if len(hits) > 1 {
		for _, h := range hits {
			if norm(h) == norm(s) {
				return h
			}
		}
		sorted := append([]string(nil), hits...)
		sort.Strings(sorted)
		return sorted[0]
	}
	ts := nameTokens(s)
	best, bestJ := "", 0.0
	for _, e := range ix.g.Entities {
		if e.Type != "INCIDENT" || len(ts) == 0 {
			continue
		}
		for _, a := range append([]string{e.Name}, e.Aliases...) {
			ta := nameTokens(a)
			inter, union := 0, len(ta)
			for t := range ts {
				if ta[t] {
					inter++
				} else {
					union++
				}
			}
			if union == 0 {
				union = 1
			}
			if j := float64(inter) / float64(union); j > bestJ {
				best, bestJ = e.Name, j
			}
		}
	}
	if bestJ >= 0.5 {
		return best
	}
	return ""
}

func (ix *goldIndex) resolveEntity(e extract.Entity) string {
	if r := ix.resolveSurface(e.Name); r != "" {
		return r
	}
	text := " " + norm(ix.g.Text) + " "
	votes := map[string]int{}
	var order []string
	for _, a := range e.Aliases {
		na := norm(a)
		if na == "" || !strings.Contains(text, " "+na+" ") {
			continue
		}
		if r := ix.resolveSurface(a); r != "" {
			if votes[r] == 0 {
				order = append(order, r)
			}
			votes[r]++
		}
	}
	best := ""
	for _, r := range order {
		if best == "" || votes[r] > votes[best] {
			best = r
		}
	}
	return best
}

func (ix *goldIndex) top(name string) string {
	seen := map[string]bool{}
	for ix.isName[name] && ix.affil[name] != "" && !seen[name] {
		seen[name] = true
		parent := ix.affil[name]
		if !ix.isName[parent] {
			break
		}
		name = parent
	}
	return name
}

// triple is a statement as scored: speaker, kind, target ("" for none).
type triple struct{ sp, kind, tg string }

func (t triple) String() string {
	q := func(s string) string {
		if s == "" {
			return "None"
		}
		return "'" + s + "'"
	}
	return "(" + q(t.sp) + ", '" + t.kind + "', " + q(t.tg) + ")"
}

// scoreArticle scores one extraction against its gold the way
// ../shared/eval/score does (SCHEMA.md "Scoring").
func scoreArticle(g proxyGold, res extract.Result) articleScore {
	ix := newGoldIndex(g)
	name2gold := map[string]string{}
	var sc articleScore
	sysEnts := map[string]bool{}
	unresolved := 0
	for _, e := range res.Entities {
		r := ix.resolveEntity(e)
		name2gold[e.Name] = r
		if r != "" {
			sysEnts[r] = true
		} else {
			unresolved++
		}
	}
	goldEnts := map[string]bool{}
	for _, e := range g.Entities {
		if e.Optional {
			delete(sysEnts, e.Name)
		} else {
			goldEnts[e.Name] = true
		}
	}
	for e := range sysEnts {
		if goldEnts[e] {
			sc.entities.tp++
		}
	}
	sc.entities.fp = unresolved
	sc.entities.fn = len(goldEnts) - sc.entities.tp

	resolve := func(n string) string {
		if r, ok := name2gold[n]; ok {
			return r
		}
		return ix.resolveSurface(n)
	}
	mk := func(sp, kind, tg string, lenient bool) triple {
		kind = strings.ToUpper(kind)
		if lenient {
			if kind == "CRITICIZES" {
				kind = "ACCUSES"
			}
			if sp != "" {
				sp = ix.top(sp)
			}
			if tg != "" {
				tg = ix.top(tg)
			}
		}
		return triple{sp, kind, tg}
	}
	str := func(p *string) string {
		if p == nil {
			return ""
		}
		return *p
	}
	units := func(stmts []goldStatement, lenient bool) (map[triple]map[triple]bool, []triple) {
		u := map[triple]map[triple]bool{}
		var keys []triple
		for _, s := range stmts {
			main := mk(str(s.Speaker), s.Kind, str(s.Target), lenient)
			acc, ok := u[main]
			if !ok {
				acc = map[triple]bool{main: true}
				u[main] = acc
				keys = append(keys, main)
			}
			for _, alt := range s.Alternatives {
				sp, kind, tg := str(s.Speaker), s.Kind, str(s.Target)
				if v, ok := alt["speaker"]; ok {
					sp = str(v)
				}
				if v, ok := alt["kind"]; ok {
					kind = str(v)
				}
				if v, ok := alt["target"]; ok {
					tg = str(v)
				}
				acc[mk(sp, kind, tg, lenient)] = true
			}
		}
		return u, keys
	}
	var required, optional []goldStatement
	for _, s := range g.Statements {
		if s.Optional {
			optional = append(optional, s)
		} else {
			required = append(required, s)
		}
	}
	for _, lenient := range []bool{false, true} {
		gu, keys := units(required, lenient)
		accepted := map[triple]bool{}
		for _, acc := range gu {
			for t := range acc {
				accepted[t] = true
			}
		}
		ou, _ := units(optional, lenient)
		free := map[triple]bool{}
		for _, s := range res.Statements {
			t := mk(resolve(s.Speaker), s.Kind, resolve(str(s.Target)), lenient)
			if !accepted[t] {
				neutral := false
				for _, acc := range ou {
					neutral = neutral || acc[t]
				}
				if neutral {
					continue
				}
			}
			free[t] = true
		}
		var spurious []string
		for t := range free {
			if !accepted[t] {
				spurious = append(spurious, t.String())
			}
		}
		matched := map[triple]bool{}
		for _, m := range keys {
			if free[m] {
				matched[m] = true
			}
		}
		for m := range matched {
			delete(free, m)
		}
		sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
		var missed []string
		for _, m := range keys {
			if matched[m] {
				continue
			}
			var alts []triple
			for t := range gu[m] {
				if t != m && free[t] {
					alts = append(alts, t)
				}
			}
			if len(alts) > 0 {
				sort.Slice(alts, func(i, j int) bool { return alts[i].String() < alts[j].String() })
				matched[m] = true
				delete(free, alts[0])
				continue
			}
			missed = append(missed, m.String())
		}
		c := counts{tp: len(matched), fp: len(spurious), fn: len(missed)}
		if lenient {
			sc.lenient = c
		} else {
			sc.strict, sc.missed, sc.spurious = c, missed, spurious
		}
	}
	return sc
}

// TestProxyFloor runs Extract over the proxy set and scores it as the shared
// scorer does; it fails when quality on these unseen-style articles drops
// below the floor. Measured on 128 articles after the recall pass: lenient
// F1 0.924, strict F1 0.865, strict precision 0.918 (recall 0.818), entity
// F1 0.931. Measured on 128 articles after round 10: lenient F1 0.919,
// strict F1 0.854, strict precision 0.914, entity F1 0.930 (the tenth-round
// batch 122..129 alone 0.871, 0.772, 0.891, 0.895, up from 0.538, 0.393,
// 0.550, 0.807 as unseen text). Measured on 120 articles after round 9: lenient F1 0.924,
// strict F1 0.859, strict precision 0.912, entity F1 0.933 (the ninth-round
// batch 114..121 alone 0.957, 0.931, 0.959, 0.905, up from 0.690, 0.619,
// 0.812, 0.800 as unseen text). Measured on 112 articles after the precision round:
// lenient F1 0.921, strict F1 0.852, strict precision 0.908, entity F1 0.933
// (56 strict false positives, down from 66). Before it: lenient F1 0.917,
// strict F1 0.845, strict precision 0.893, entity F1 0.933 (the eighth-round batch
// 106..113 alone 1.000, 0.871, 0.818, 0.962, up from 0.512, 0.408, 0.500,
// 0.912 as unseen text; the 104 articles before it 0.912, 0.844, 0.897,
// 0.931, up from 0.911, 0.843, 0.897, 0.930). On 104 articles: lenient F1
// 0.911, strict F1 0.843, strict precision 0.897, entity F1 0.930 (the seventh-round batch
// 98..105 alone 0.982, 0.847, 0.900, 0.935; on the 96 articles before it
// 0.906, 0.842, 0.897, 0.930, up from 0.904, 0.840, 0.896, 0.929). Earlier,
// on 96 articles: lenient F1 0.907, strict F1
// 0.841, strict precision 0.899, entity F1 0.929 (on the 88 articles before
// the sixth-round batch 90..97: 0.906, 0.848, 0.902, 0.930, up from 0.903,
// 0.844, 0.901, 0.930 before its rules; the round-6 batch alone scores
// 0.914, 0.775, 0.878, 0.922). The floors were lowered when the longer
// batches 49..63 (500-800-word articles with background paragraphs) were
// added, which score below the short ones, and kept when the third-round
// batch 64..78 and the fourth-round batch 79..83 were added; on
// proxy-01..48 alone the numbers did not drop (strict F1 0.902, now 0.916). Run with
// -v to see each article's misses.
func TestProxyFloor(t *testing.T) {
	gold := readProxy(t)
	var strict, lenient, ents counts
	out := t.TempDir()
	for _, g := range gold {
		res := extract.Extract(documentOf(g.Text))
		sc := scoreArticle(g, res)
		strict.add(sc.strict)
		lenient.add(sc.lenient)
		ents.add(sc.entities)
		for _, m := range sc.missed {
			t.Logf("%s missed   %s", g.ID, m)
		}
		for _, m := range sc.spurious {
			t.Logf("%s spurious %s", g.ID, m)
		}
		b, err := json.Marshal(res)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(out, g.ID+".json"), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_, _, lf := lenient.prf()
	sp, _, sf := strict.prf()
	_, _, ef := ents.prf()
	t.Logf("proxy set (%d articles): lenient F1 %.3f, strict F1 %.3f (P %.3f), entity F1 %.3f", len(gold), lf, sf, sp, ef)
	for _, c := range []struct {
		name       string
		got, floor float64
	}{
		{"lenient statement F1", lf, 0.88},
		{"strict statement F1", sf, 0.82},
		{"strict statement precision", sp, 0.89},
		{"entity F1", ef, 0.90},
	} {
		if c.got < c.floor {
			t.Errorf("%s = %.3f, below the floor %.2f", c.name, c.got, c.floor)
		}
	}
	// the Go scoring must agree with the shared scorer where it is available
	py, err := exec.LookPath("python3")
	score := filepath.Join(evalDir, "score")
	if _, serr := os.Stat(score); err != nil || serr != nil {
		return
	}
	b, err := exec.Command(py, score, "--gold", proxyDir, "--out", out, "--json").Output()
	if err != nil {
		t.Fatalf("scorer: %v", err)
	}
	js := string(b)
	if i := strings.LastIndex(js, "\n}"); i >= 0 {
		js = js[:i+2]
	}
	type tpfpfn struct{ TP, FP, FN int }
	var sum struct {
		Entities tpfpfn `json:"entities"`
		Strict   tpfpfn `json:"strict"`
		Lenient  tpfpfn `json:"lenient"`
	}
	if err := json.Unmarshal([]byte(js), &sum); err != nil {
		t.Fatalf("scorer output: %v\n%s", err, b)
	}
	for _, c := range []struct {
		name string
		py   tpfpfn
		gocs counts
	}{{"strict", sum.Strict, strict}, {"lenient", sum.Lenient, lenient}, {"entities", sum.Entities, ents}} {
		if got := (tpfpfn{c.gocs.tp, c.gocs.fp, c.gocs.fn}); got != c.py {
			t.Errorf("%s: Go scoring %v, shared scorer %v", c.name, fmt.Sprint(got), fmt.Sprint(c.py))
		}
	}
}

// TestScoreArticle checks the Go port of the scorer on a hand-made case: an
// alias resolves, an alternative reading counts once, an optional reading is
// neutral and a wrong target is both a miss and a spurious statement.
func TestScoreArticle(t *testing.T) {
	s := func(v string) *string { return &v }
	var g proxyGold
	if err := json.Unmarshal([]byte(`{"id":"x","text":"Beijing rejected the claims. The Foreign Ministry urged Washington to stop.",
	  "entities":[{"name":"China","type":"STATE","aliases":["Beijing"]},{"name":"United States","type":"STATE","aliases":["Washington"]},
	    {"name":"Ministry of Foreign Affairs of China","type":"AGENCY","aliases":["Foreign Ministry"],"affiliation":"China"}],
	  "statements":[{"speaker":"China","kind":"DENIES","target":"United States","alternatives":[{"target":null}]},
	    {"speaker":"Ministry of Foreign Affairs of China","kind":"DEMANDS","target":"United States"},
	    {"speaker":"China","kind":"CRITICIZES","target":"United States","optional":true}]}`), &g); err != nil {
		t.Fatal(err)
	}
	res := extract.Result{
		Entities: []extract.Entity{{Name: "China", Type: "STATE"}, {Name: "United States", Type: "STATE"},
			{Name: "MFA", Type: "AGENCY", Aliases: []string{"Foreign Ministry"}}},
		Statements: []extract.Statement{{Speaker: "China", Kind: "DENIES", Target: nil},
			{Speaker: "MFA", Kind: "DEMANDS", Target: s("China")},
			{Speaker: "China", Kind: "CRITICIZES", Target: s("United States")}},
	}
	sc := scoreArticle(g, res)
	if want := (counts{tp: 1, fp: 1, fn: 1}); sc.strict != want {
		t.Errorf("strict = %+v, want %+v (missed %v, spurious %v)", sc.strict, want, sc.missed, sc.spurious)
	}
	if want := (counts{tp: 3, fp: 0, fn: 0}); sc.entities != want {
		t.Errorf("entities = %+v, want %+v", sc.entities, want)
	}
}
