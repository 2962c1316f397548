package store_test

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/demarche/demarche/store"
)

const (
	chn  = "state:CHN"
	mfa  = "agency:chn/ministry-of-foreign-affairs"
	zhao = "person:chn/zhao-lijian"
	wang = "person:chn/wang-wenbin"
	usa  = "state:USA"
	doj  = "agency:usa/department-of-justice"
	gbr  = "state:GBR"
)

var parents = map[string]string{mfa: chn, zhao: mfa, wang: mfa, doj: usa}

func aff(id string) string { return parents[id] }

var day0 = time.Date(2025, 3, 3, 0, 0, 0, 0, time.UTC)

func d(n int) time.Time { return day0.AddDate(0, 0, n) }

// rep is a report in article art (index idx) dated n days after day0.
func rep(art string, idx int, kind store.StatementKind, speaker, target string, n int, incident string) store.Report {
	return store.Report{ArticleID: art, Index: idx, Kind: kind, SpeakerID: speaker, TargetID: target, Date: d(n), IncidentID: incident, Confidence: 0.5}
}

// shape summarizes statements as "date/incident/number of reports".
func shape(sts []store.Statement) []string {
	var out []string
	for _, st := range sts {
		out = append(out, fmt.Sprintf("%s/%s/%d", st.Date.Format("01-02"), st.IncidentID, len(st.Reports)))
	}
	return out
}

func TestGroupReportsWindow(t *testing.T) {
	for _, c := range []struct {
		name string
		days []int
		want []string
	}{
		{"same day", []int{0, 0}, []string{"03-03//2"}},
		{"exactly the window apart", []int{0, 3}, []string{"03-03//2"}},
		{"just over the window", []int{0, 4}, []string{"03-03//1", "03-07//1"}},
		{"chained within the window", []int{0, 3, 6, 9}, []string{"03-03//4"}},
		{"chain broken by a gap", []int{0, 2, 7, 8}, []string{"03-03//2", "03-10//2"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var rs []store.Report
			for i, n := range c.days {
				rs = append(rs, rep(fmt.Sprintf("art:%d", i), 0, store.Accuses, usa, chn, n, ""))
			}
			got := shape(store.GroupReports(rs, aff, store.DefaultWindow))
			if !slices.Equal(got, c.want) {
				t.Errorf("got %v, want %v", got, c.want)
			}
		})
	}
	// A wider window joins what the default keeps apart; a zero window means the default.
	rs := []store.Report{rep("art:1", 0, store.Accuses, usa, chn, 0, ""), rep("art:2", 0, store.Accuses, usa, chn, 6, "")}
	if n := len(store.GroupReports(rs, aff, 7*24*time.Hour)); n != 1 {
		t.Errorf("7-day window: %d statements, want 1", n)
	}
	if n := len(store.GroupReports(rs, aff, 0)); n != 2 {
		t.Errorf("zero window (default): %d statements, want 2", n)
	}
}

func TestGroupReportsIncidents(t *testing.T) {
	const opm, sw = "incident:2015-opm-data-breach", "incident:2020-solarwinds"
	rs := []store.Report{
		rep("art:1", 0, store.Accuses, usa, chn, 0, opm),
		rep("art:2", 0, store.Accuses, usa, chn, 0, sw), // another incident: another act
		rep("art:3", 0, store.Accuses, usa, chn, 1, ""), // no incident: joins the first open act
		rep("art:4", 0, store.Accuses, usa, chn, 2, sw),
	}
	got := shape(store.GroupReports(rs, aff, store.DefaultWindow))
	want := []string{"03-03/" + opm + "/2", "03-03/" + sw + "/2"}
	if !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	// A report without incident first: the act takes the first incident that joins it.
	rs = []store.Report{rep("art:1", 0, store.Accuses, usa, chn, 0, ""), rep("art:2", 0, store.Accuses, usa, chn, 1, opm)}
	sts := store.GroupReports(rs, aff, store.DefaultWindow)
	if len(sts) != 1 || sts[0].IncidentID != opm {
		t.Errorf("got %v, want one statement about %s", shape(sts), opm)
	}
}

func TestGroupReportsRollupAndSpeakers(t *testing.T) {
	rs := []store.Report{
		rep("art:1", 0, store.Denies, zhao, usa, 0, ""),
		rep("art:2", 0, store.Denies, mfa, doj, 1, ""), // same top-level ends: China denies the US
		rep("art:3", 0, store.Denies, wang, usa, 2, ""),
		rep("art:4", 0, store.Denies, chn, "", 2, ""), // no target: another key
		rep("art:5", 0, store.Accuses, zhao, usa, 0, ""),
	}
	sts := store.GroupReports(rs, aff, store.DefaultWindow)
	if len(sts) != 3 {
		t.Fatalf("got %d statements, want 3: %+v", len(sts), sts)
	}
	var denial store.Statement
	for _, st := range sts {
		if st.Kind == store.Denies && len(st.TargetIDs) > 0 {
			denial = st
		}
	}
	// The ministry is an ancestor of both spokespeople, the US of the DOJ: the most
	// specific actors remain.
	if want := []string{wang, zhao}; !slices.Equal(denial.SpeakerIDs, want) {
		t.Errorf("speakers = %v, want %v", denial.SpeakerIDs, want)
	}
	if want := []string{doj}; !slices.Equal(denial.TargetIDs, want) {
		t.Errorf("targets = %v, want %v", denial.TargetIDs, want)
	}
	wantID := store.StatementID(store.StatementKey{Kind: store.Denies, Speaker: chn, Target: usa}, "", d(0))
	if denial.ID != wantID || !denial.Date.Equal(d(0)) || len(denial.Reports) != 3 {
		t.Errorf("denial = %s dated %v with %d reports, want %s dated %v with 3", denial.ID, denial.Date, len(denial.Reports), wantID, d(0))
	}
	for i, st := range sts[1:] {
		prev := sts[i]
		if prev.Kind > st.Kind {
			t.Errorf("statements not ordered by key: %s before %s", prev.Kind, st.Kind)
		}
	}
}

func TestGroupReportsOrderIndependence(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	rs := randomReports(rng, 200)
	want := store.GroupReports(rs, aff, store.DefaultWindow)
	for range 20 {
		shuffled := slices.Clone(rs)
		rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		got := store.GroupReports(shuffled, aff, store.DefaultWindow)
		if !reflect.DeepEqual(got, want) {
			t.Fatal("a shuffled input gave different statements")
		}
	}
	// And the input is left untouched.
	before := slices.Clone(rs)
	store.GroupReports(rs, aff, store.DefaultWindow)
	if !reflect.DeepEqual(rs, before) {
		t.Error("GroupReports reordered its input")
	}
}

// randomReports draws reports between a few actors over two months.
func randomReports(rng *rand.Rand, n int) []store.Report {
	speakers := []string{zhao, wang, mfa, chn, usa, doj}
	targets := []string{usa, doj, chn, gbr, ""}
	incidents := []string{"", "", "incident:a", "incident:b"}
	kinds := []store.StatementKind{store.Accuses, store.Denies}
	var rs []store.Report
	for i := range n {
		rs = append(rs, rep(fmt.Sprintf("art:%03d", i/3), i%3, kinds[rng.IntN(2)], speakers[rng.IntN(len(speakers))],
			targets[rng.IntN(len(targets))], rng.IntN(60), incidents[rng.IntN(len(incidents))]))
	}
	return rs
}

func TestGroupReportsInvariants(t *testing.T) {
	for seed := range uint64(50) {
		rng := rand.New(rand.NewPCG(seed, 7))
		rs := randomReports(rng, 150)
		sts := store.GroupReports(rs, aff, store.DefaultWindow)
		ids := map[string]bool{}
		total := 0
		for _, st := range sts {
			if ids[st.ID] {
				t.Fatalf("seed %d: statement id %s given twice", seed, st.ID)
			}
			ids[st.ID] = true
			total += len(st.Reports)
			k := store.KeyOf(st.Reports[0], aff)
			if st.ID != store.StatementID(k, st.IncidentID, st.Date) {
				t.Errorf("seed %d: id %s does not follow its key, incident and date", seed, st.ID)
			}
			for i, r := range st.Reports {
				if store.KeyOf(r, aff) != k {
					t.Errorf("seed %d: statement %s mixes keys", seed, st.ID)
				}
				if r.IncidentID != "" && r.IncidentID != st.IncidentID {
					t.Errorf("seed %d: statement %s about %q holds a report about %q", seed, st.ID, st.IncidentID, r.IncidentID)
				}
				if i > 0 && r.Date.Sub(st.Reports[i-1].Date) > store.DefaultWindow {
					// Chained acts may span more than the window, but never with a gap over it.
					t.Errorf("seed %d: statement %s has a %v gap", seed, st.ID, r.Date.Sub(st.Reports[i-1].Date))
				}
				if r.Confidence > st.Confidence {
					t.Errorf("seed %d: confidence %v below a report's %v", seed, st.Confidence, r.Confidence)
				}
			}
			if !st.Date.Equal(st.Reports[0].Date) {
				t.Errorf("seed %d: date %v is not the first report's", seed, st.Date)
			}
		}
		if total != len(rs) {
			t.Errorf("seed %d: %d reports in, %d out", seed, len(rs), total)
		}
	}
}

func TestDirectEdges(t *testing.T) {
	rs := []store.Report{
		rep("art:1", 0, store.Accuses, usa, chn, 0, ""),
		rep("art:2", 0, store.Accuses, doj, mfa, 1, ""), // same act, more specific ends
		rep("art:2", 1, store.Accuses, usa, chn, 20, ""),
		rep("art:3", 0, store.Accuses, usa, chn, 21, ""),
		rep("art:3", 1, store.Denies, chn, "", 22, ""), // no target: no edge
	}
	sts := store.GroupReports(rs, aff, store.DefaultWindow)
	es := store.DirectEdges(sts)
	type e struct {
		s, t          string
		count, report int
		first, last   time.Time
		n             int
	}
	var got []e
	for _, x := range es {
		got = append(got, e{x.SpeakerID, x.TargetID, x.Count, x.Reports, x.First, x.Last, len(x.StatementIDs)})
		if !slices.IsSorted(x.StatementIDs) {
			t.Errorf("edge %s→%s statement ids not sorted: %v", x.SpeakerID, x.TargetID, x.StatementIDs)
		}
	}
	// The first act names DOJ→MFA (USA and China are their ancestors); the second USA→CHN.
	want := []e{
		{doj, mfa, 1, 2, d(0), d(1), 1},
		{usa, chn, 1, 2, d(20), d(21), 1},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("edges:\n got  %+v\n want %+v", got, want)
	}
	// Two speakers and two targets give four edges.
	st := store.Statement{ID: "stmt:x", Kind: store.Criticizes, SpeakerIDs: []string{wang, zhao}, TargetIDs: []string{doj, gbr}, Date: d(0),
		Reports: []store.Report{rep("art:9", 0, store.Criticizes, zhao, doj, 0, "")}}
	es = store.DirectEdges([]store.Statement{st})
	if len(es) != 4 || es[0].SpeakerID != wang || es[0].TargetID != doj || es[3].SpeakerID != zhao || es[3].TargetID != gbr {
		t.Errorf("edges of a 2×2 statement = %+v", es)
	}
}

func TestAnswers(t *testing.T) {
	stmt := func(id string, kind store.StatementKind, speaker, target string, n int) store.Statement {
		return store.Statement{ID: id, Kind: kind, Date: d(n), Reports: []store.Report{rep("art:"+id, 0, kind, speaker, target, n, "")}}
	}
	accusation := stmt("a", store.Accuses, doj, zhao, 5) // the US accuses China
	for _, c := range []struct {
		name       string
		denial     store.Statement
		accusation store.Statement
		want       bool
	}{
		{"denial of the accuser", stmt("d", store.Denies, mfa, usa, 6), accusation, true},
		{"same day", stmt("d", store.Denies, chn, usa, 5), accusation, true},
		{"no target named", stmt("d", store.Denies, wang, "", 9), accusation, true},
		{"before the accusation", stmt("d", store.Denies, chn, usa, 4), accusation, false},
		{"another accuser", stmt("d", store.Denies, chn, gbr, 6), accusation, false},
		{"another denier", stmt("d", store.Denies, gbr, usa, 6), accusation, false},
		{"not a denial", stmt("d", store.Criticizes, chn, usa, 6), accusation, false},
		{"indictment", stmt("d", store.Denies, chn, usa, 6), stmt("a", store.Indicts, doj, zhao, 5), true},
		{"sanction", stmt("d", store.Denies, chn, usa, 6), stmt("a", store.Sanctions, usa, chn, 5), true},
		{"criticism", stmt("d", store.Denies, chn, usa, 6), stmt("a", store.Criticizes, usa, chn, 5), true},
		{"a demand is no accusation", stmt("d", store.Denies, chn, usa, 6), stmt("a", store.Demands, usa, chn, 5), false},
		{"accusation without target", stmt("d", store.Denies, chn, usa, 6), stmt("a", store.Accuses, usa, "", 5), false},
		{"itself", stmt("a", store.Denies, chn, usa, 6), stmt("a", store.Accuses, usa, chn, 5), false},
		{"no reports", stmt("d", store.Denies, chn, usa, 6), store.Statement{ID: "a", Kind: store.Accuses, Date: d(5)}, false},
	} {
		if got := store.Answers(c.denial, c.accusation, aff); got != c.want {
			t.Errorf("%s: Answers = %v, want %v", c.name, got, c.want)
		}
	}
}

func TestAffiliations(t *testing.T) {
	a := store.Affiliations(aff)
	if got := a.Root(zhao); got != chn {
		t.Errorf("Root(zhao) = %s", got)
	}
	if got := a.Ancestors(zhao); !slices.Equal(got, []string{mfa, chn}) {
		t.Errorf("Ancestors(zhao) = %v", got)
	}
	if got := a.Root(""); got != "" {
		t.Errorf(`Root("") = %q`, got)
	}
	var none store.Affiliations
	if got := none.Root(zhao); got != zhao {
		t.Errorf("nil Root = %s", got)
	}
	cycle := store.Affiliations(func(id string) string { return map[string]string{"a": "b", "b": "c", "c": "a"}[id] })
	if got := cycle.Root("a"); got != "c" {
		t.Errorf("Root in a cycle = %s, want c (the last before the repeat)", got)
	}
	if got := cycle.Ancestors("a"); !slices.Equal(got, []string{"b", "c"}) {
		t.Errorf("Ancestors in a cycle = %v", got)
	}
}

func TestNormalizeName(t *testing.T) {
	for in, want := range map[string]string{
		"  The Justice   Department ": "justice department",
		"China’s “Foreign” Ministry":  `china's "foreign" ministry`,
		"THE":                         "the",
		"Theresa May":                 "theresa may",
	} {
		if got := store.NormalizeName(in); got != want {
			t.Errorf("NormalizeName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestAnswersIsBoundedByTheAnswerWindow(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, d) }
	acc := func(id string, d int) store.Statement {
		return store.Statement{ID: id, Kind: store.Accuses, Date: day(d), Reports: []store.Report{{Kind: store.Accuses, SpeakerID: "state:USA", TargetID: "state:CHN", Date: day(d)}}}
	}
	den := store.Statement{ID: "d", Kind: store.Denies, Date: day(40), Reports: []store.Report{{Kind: store.Denies, SpeakerID: "state:CHN", TargetID: "state:USA", Date: day(40)}}}
	for _, c := range []struct {
		acc  store.Statement
		want bool
	}{{acc("same-day", 40), true}, {acc("window-edge", 10), true}, {acc("too-old", 9), false}, {acc("later", 41), false}} {
		if got := store.Answers(den, c.acc, nil); got != c.want {
			t.Errorf("%s: Answers = %v, want %v", c.acc.ID, got, c.want)
		}
	}
}
