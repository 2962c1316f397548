package store

import (
	"crypto/sha1"
	"encoding/hex"
	"slices"
	"sort"
	"strings"
	"time"
)

// DefaultWindow is how far apart (in days) two reports of the same act may be dated
// and still be one statement.
const DefaultWindow = 3 * 24 * time.Hour

// Affiliations answers an actor's parent (its affiliation), "" at the top.
type Affiliations func(actorID string) string

// Root follows the affiliation chain of id up to its top-level actor (a person to
// its ministry to its state). Cycles stop at the first repeat.
func (aff Affiliations) Root(id string) string {
	if id == "" || aff == nil {
		return id
	}
	seen := map[string]bool{id: true}
	for {
		p := aff(id)
		if p == "" || seen[p] {
			return id
		}
		seen[p] = true
		id = p
	}
}

// Ancestors lists id's affiliation chain, nearest parent first, without id itself.
func (aff Affiliations) Ancestors(id string) []string {
	var out []string
	if aff == nil {
		return nil
	}
	seen := map[string]bool{id: true}
	for p := aff(id); p != "" && !seen[p]; p = aff(p) {
		seen[p] = true
		out = append(out, p)
	}
	return out
}

// StatementKey is what reports must share to be one statement: the kind and both
// ends rolled up to their top-level actors.
type StatementKey struct {
	Kind    StatementKind
	Speaker string // top-level speaker
	Target  string // top-level target, "" when none named
}

// KeyOf returns the statement key of a report.
func KeyOf(r Report, aff Affiliations) StatementKey {
	return StatementKey{Kind: r.Kind, Speaker: aff.Root(r.SpeakerID), Target: aff.Root(r.TargetID)}
}

// GroupReports turns the reports of one statement key into statements: reports
// dated within window of each other (chained) are one act, unless they name two
// different incidents. The result depends only on the set of reports, never on their
// order, and statement ids are stable for the same set. Reports are expected to share
// one key; GroupReports groups by key itself when they do not.
func GroupReports(reports []Report, aff Affiliations, window time.Duration) []Statement {
	if window <= 0 {
		window = DefaultWindow
	}
	byKey := map[StatementKey][]Report{}
	for _, r := range reports {
		k := KeyOf(r, aff)
		byKey[k] = append(byKey[k], r)
	}
	keys := make([]StatementKey, 0, len(byKey))
	for k := range byKey {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		if a.Kind != b.Kind {
			return a.Kind < b.Kind
		}
		if a.Speaker != b.Speaker {
			return a.Speaker < b.Speaker
		}
		return a.Target < b.Target
	})
	var out []Statement
	for _, k := range keys {
		out = append(out, groupKey(k, byKey[k], aff, window)...)
	}
	return out
}

type cluster struct {
	reports  []Report
	last     time.Time
	incident string
}

func groupKey(k StatementKey, rs []Report, aff Affiliations, window time.Duration) []Statement {
	rs = slices.Clone(rs)
	SortReports(rs)
	var open []*cluster
	for _, r := range rs {
		var into *cluster
		for _, c := range open {
			if r.Date.Sub(c.last) > window {
				continue
			}
			if r.IncidentID != "" && c.incident != "" && r.IncidentID != c.incident {
				continue
			}
			into = c
			break
		}
		if into == nil {
			into = &cluster{}
			open = append(open, into)
		}
		into.reports = append(into.reports, r)
		if r.Date.After(into.last) || into.last.IsZero() {
			into.last = r.Date
		}
		if into.incident == "" {
			into.incident = r.IncidentID
		}
	}
	out := make([]Statement, 0, len(open))
	for _, c := range open {
		out = append(out, statementOf(k, c, aff))
	}
	return out
}

func statementOf(k StatementKey, c *cluster, aff Affiliations) Statement {
	s := Statement{Kind: k.Kind, IncidentID: c.incident, Reports: c.reports}
	var speakers, targets []string
	for _, r := range c.reports {
		speakers = append(speakers, r.SpeakerID)
		if r.TargetID != "" {
			targets = append(targets, r.TargetID)
		}
		if r.Confidence > s.Confidence {
			s.Confidence = r.Confidence
		}
	}
	s.SpeakerIDs = mostSpecific(speakers, aff)
	s.TargetIDs = mostSpecific(targets, aff)
	s.Date = c.reports[0].Date
	s.ID = StatementID(k, c.incident, s.Date)
	return s
}

// StatementID is the stable id of the statement with this key, incident and first date.
func StatementID(k StatementKey, incident string, date time.Time) string {
	h := sha1.New()
	for _, part := range []string{string(k.Kind), k.Speaker, k.Target, incident, date.UTC().Format("2006-01-02")} {
		h.Write([]byte(part))
		h.Write([]byte{0})
	}
	return "stmt:" + hex.EncodeToString(h.Sum(nil))[:16]
}

// mostSpecific dedups ids and drops any that is an ancestor of another in the set.
func mostSpecific(ids []string, aff Affiliations) []string {
	set := map[string]bool{}
	for _, id := range ids {
		set[id] = true
	}
	for id := range set {
		for _, a := range aff.Ancestors(id) {
			if set[a] {
				delete(set, a)
			}
		}
	}
	out := make([]string, 0, len(set))
	for id := range set {
		out = append(out, id)
	}
	sort.Strings(out)
	return out
}

// SortReports orders reports by date, article id, then index.
func SortReports(rs []Report) {
	sort.SliceStable(rs, func(i, j int) bool {
		a, b := rs[i], rs[j]
		if !a.Date.Equal(b.Date) {
			return a.Date.Before(b.Date)
		}
		if a.ArticleID != b.ArticleID {
			return a.ArticleID < b.ArticleID
		}
		return a.Index < b.Index
	})
}

// DirectEdges derives the direct actor-to-actor edges of statements: one per
// (speaker, kind, target) over every speaker and target a statement names, with the
// number of statements, the number of distinct reporting articles, the first and last
// dates and the statement ids (sorted). Statements without a target give no edge.
// Edges come ordered by speaker, kind, target.
func DirectEdges(stmts []Statement) []Edge {
	var t EdgeTally
	for _, st := range stmts {
		t.Add(st)
	}
	return t.Edges()
}

type edgeKey struct {
	speaker string
	kind    StatementKind
	target  string
}

// EdgeTally accumulates direct edges one statement at a time, as DirectEdges does,
// for callers that stream statements rather than hold them. The zero value is ready.
type EdgeTally struct {
	edges map[edgeKey]*Edge
	arts  map[edgeKey]map[string]bool
}

// Add counts one statement into the edges between its speakers and targets.
func (t *EdgeTally) Add(st Statement) {
	if t.edges == nil {
		t.edges, t.arts = map[edgeKey]*Edge{}, map[edgeKey]map[string]bool{}
	}
	for _, sp := range st.SpeakerIDs {
		for _, tg := range st.TargetIDs {
			k := edgeKey{sp, st.Kind, tg}
			e := t.edges[k]
			if e == nil {
				e = &Edge{SpeakerID: sp, Kind: st.Kind, TargetID: tg, First: st.Date, Last: st.Date}
				t.edges[k] = e
				t.arts[k] = map[string]bool{}
			}
			e.Count++
			e.StatementIDs = append(e.StatementIDs, st.ID)
			for _, r := range st.Reports {
				t.arts[k][r.ArticleID] = true
				if r.Date.Before(e.First) {
					e.First = r.Date
				}
				if r.Date.After(e.Last) {
					e.Last = r.Date
				}
			}
		}
	}
}

// Edges returns the tallied edges ordered by speaker, kind, target, with their
// statement ids sorted.
func (t *EdgeTally) Edges() []Edge {
	out := make([]Edge, 0, len(t.edges))
	for k, e := range t.edges {
		e.Reports = len(t.arts[k])
		sort.Strings(e.StatementIDs)
		out = append(out, *e)
	}
	SortEdges(out)
	return out
}

// SortEdges orders edges by speaker, kind, target.
func SortEdges(es []Edge) {
	sort.Slice(es, func(i, j int) bool {
		a, b := es[i], es[j]
		if a.SpeakerID != b.SpeakerID {
			return a.SpeakerID < b.SpeakerID
		}
		if a.Kind != b.Kind {
			return a.Kind < b.Kind
		}
		return a.TargetID < b.TargetID
	})
}

// AnswerWindow is how long before a denial an accusation may be dated and still be
// what the denial answers. Without a bound every denial would answer every earlier
// accusation between the pair, and RESPONDS_TO would grow with the square of a
// busy dyad's history.
const AnswerWindow = 30 * 24 * time.Hour

// Answers reports whether a denial statement responds to an accusation: the denial's
// top-level speaker is the accusation's top-level target, the denial's top-level
// target (when named) is the accusation's top-level speaker, and the accusation is
// dated on the denial's day or up to AnswerWindow before it. Accusations are ACCUSES, INDICTS, CRITICIZES or
// SANCTIONS statements.
func Answers(denial, accusation Statement, aff Affiliations) bool {
	if denial.Kind != Denies || denial.ID == accusation.ID {
		return false
	}
	switch accusation.Kind {
	case Accuses, Indicts, Criticizes, Sanctions:
	default:
		return false
	}
	if accusation.Date.After(denial.Date) || accusation.Date.Before(denial.Date.Add(-AnswerWindow)) ||
		len(accusation.Reports) == 0 || len(denial.Reports) == 0 {
		return false
	}
	dk, ak := KeyOf(denial.Reports[0], aff), KeyOf(accusation.Reports[0], aff)
	if ak.Target == "" || dk.Speaker != ak.Target {
		return false
	}
	return dk.Target == "" || dk.Target == ak.Speaker
}

// NormalizeName lowercases a name, folds curly quotes, drops a leading "the " and
// collapses spaces: the form in which names and aliases are compared.
func NormalizeName(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.NewReplacer("’", "'", "‘", "'", "“", `"`, "”", `"`).Replace(s)
	s = strings.Join(strings.Fields(s), " ")
	return strings.TrimPrefix(s, "the ")
}
