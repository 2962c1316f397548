// Package synth generates realistic synthetic article graphs at scale, for load
// benchmarks of the stores and of the whole service.
//
// A Generator is deterministic: the same Config (and seed) gives the same world
// and the same sequence of articles. The world has about 150 states (ids such as
// state:CHN), each with a ministry of foreign affairs and spokespeople, some with
// justice departments and intelligence services, international organizations,
// state-linked hacker groups and named incidents. Popularity is Zipf-like, so a
// few dyads (the United States and China...) are hot. Each act (an accusation, a
// denial...) is reported by several outlets on nearby days, with the speaker named
// at different levels (the spokesperson, the ministry, the state), so grouping
// reports into statements is exercised; denials answer recent accusations.
package synth

import (
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/demarche/demarche/store"
)

// Config configures a Generator. Zero fields take the defaults.
type Config struct {
	Seed uint64
	// States is the number of states in the world (at most 150; default 150).
	States int
	// Start is the first day of the period articles cover (default 2015-01-01).
	Start time.Time
	// Days is the length of the period (default 3650).
	Days int
	// Articles is the number of articles the period is spread over (default 10,000):
	// articles come in date order, Days/Articles apart on average.
	Articles int
	// MinReports and MaxReports bound the reports per article (defaults 5 and 15).
	MinReports, MaxReports int
}

func (c Config) withDefaults() Config {
	if c.States <= 0 || c.States > len(countries) {
		c.States = len(countries)
	}
	if c.Start.IsZero() {
		c.Start = time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	if c.Days <= 0 {
		c.Days = 3650
	}
	if c.Articles <= 0 {
		c.Articles = 10000
	}
	if c.MinReports <= 0 {
		c.MinReports = 5
	}
	if c.MaxReports < c.MinReports {
		c.MaxReports = max(c.MinReports, 15)
	}
	return c
}

// side is one state and the actors that speak for it.
type side struct {
	state     store.Actor
	ministry  store.Actor
	spokes    []store.Actor
	justice   *store.Actor
	intel     *store.Actor
	hackers   []store.Actor // groups attributed to this state
	incidents []int         // indexes of incidents targeting this state
}

// act is one underlying statement that several articles report.
type act struct {
	kind     store.StatementKind
	speaker  int // side index (or -1 for an organization)
	org      int // organization index when speaker is -1
	target   int // side index, -1 for none
	group    int // hacker group (global index) as target, -1 for none
	incident int // -1 for none
	day      int
}

// Generator produces articles one at a time.
type Generator struct {
	cfg       Config
	rng       *rand.Rand
	sides     []side
	orgs      []store.Actor
	groups    []store.Actor
	groupSide []int
	incidents []store.Incident
	incSide   []int // the side an incident is attributed to
	zipf      *rand.Zipf
	outletZ   *rand.Zipf
	recent    []act
	n         int
}

// New builds the world for cfg.
func New(cfg Config) *Generator {
	cfg = cfg.withDefaults()
	g := &Generator{cfg: cfg, rng: rand.New(rand.NewPCG(cfg.Seed, 0x5eedd0c5))}
	g.zipf = rand.NewZipf(g.rng, 1.15, 2, uint64(cfg.States-1))
	g.outletZ = rand.NewZipf(g.rng, 1.1, 1, uint64(len(outlets)-1))
	for i := range cfg.States {
		g.sides = append(g.sides, g.newSide(i))
	}
	for _, o := range organizations {
		g.orgs = append(g.orgs, store.Actor{ID: "org:" + o[0], Kind: store.Organization, Name: o[1]})
	}
	// Hacker groups: a few per popular state.
	for i := range min(cfg.States, 25) {
		n := 1 + (25-i)/6
		for j := range n {
			name := fmt.Sprintf("%s %s", groupColors[(i+j)%len(groupColors)], groupWords[(i*3+j)%len(groupWords)])
			id := fmt.Sprintf("group:apt%d", 1+len(g.groups))
			grp := store.Actor{ID: id, Kind: store.Group, Name: fmt.Sprintf("APT%d", 1+len(g.groups)), Aliases: []string{name}}
			g.groups = append(g.groups, grp)
			g.groupSide = append(g.groupSide, i)
			g.sides[i].hackers = append(g.sides[i].hackers, grp)
		}
	}
	// Incidents: attributed to a group's state, targeting a popular state.
	years := max(1, cfg.Days/365)
	for i := range 40 + cfg.States {
		gi := g.rng.IntN(len(g.groups))
		tgt := g.pickSide(g.groupSide[gi])
		year := cfg.Start.Year() + g.rng.IntN(years)
		noun := incidentNouns[g.rng.IntN(len(incidentNouns))]
		what := incidentTargets[g.rng.IntN(len(incidentTargets))]
		name := fmt.Sprintf("%d %s %s %s", year, g.sides[tgt].state.Name, what, noun)
		in := store.Incident{
			ID:           fmt.Sprintf("incident:%d-%s-%d", year, slug(g.sides[tgt].state.Name+" "+what+" "+noun), i),
			Name:         name,
			Aliases:      []string{fmt.Sprintf("the %s %s", what, noun)},
			Year:         year,
			AttributedTo: []string{g.groups[gi].ID},
			Targeted:     []string{g.sides[tgt].state.ID},
		}
		g.incidents = append(g.incidents, in)
		g.incSide = append(g.incSide, g.groupSide[gi])
		g.sides[tgt].incidents = append(g.sides[tgt].incidents, i)
	}
	return g
}

func (g *Generator) newSide(i int) side {
	code, name := countries[i][0], countries[i][1]
	lc := strings.ToLower(code)
	st := store.Actor{ID: "state:" + code, Kind: store.State, Name: name, Country: code}
	if i < 40 {
		st.Aliases = []string{name + "'s government"}
	}
	s := side{state: st}
	s.ministry = store.Actor{ID: "agency:" + lc + "/ministry-of-foreign-affairs", Kind: store.Agency,
		Name: name + " Ministry of Foreign Affairs", Aliases: []string{name + " Foreign Ministry"}, Country: code, AffiliationID: st.ID}
	spokes := 1
	if i < 30 {
		spokes = 3
	}
	for j := range spokes {
		pn := g.personName()
		s.spokes = append(s.spokes, store.Actor{ID: "person:" + lc + "/" + slug(pn) + fmt.Sprintf("-%d", j), Kind: store.Person,
			Name: pn, Country: code, AffiliationID: s.ministry.ID, Role: "spokesperson"})
	}
	if i < 60 {
		s.justice = &store.Actor{ID: "agency:" + lc + "/justice-department", Kind: store.Agency, Name: name + " Justice Department",
			Aliases: []string{name + " Department of Justice"}, Country: code, AffiliationID: st.ID}
		s.intel = &store.Actor{ID: "agency:" + lc + "/intelligence-service", Kind: store.Agency, Name: name + " Intelligence Service",
			Country: code, AffiliationID: st.ID}
	}
	return s
}

func (g *Generator) personName() string {
	syl := func(list []string, n int) string {
		var b strings.Builder
		for range n {
			b.WriteString(list[g.rng.IntN(len(list))])
		}
		s := b.String()
		return strings.ToUpper(s[:1]) + s[1:]
	}
	return syl(givenSyllables, 1+g.rng.IntN(2)) + " " + syl(familySyllables, 1+g.rng.IntN(2))
}

func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

// pickSide picks a state by popularity, other than not.
func (g *Generator) pickSide(not int) int {
	for {
		if i := int(g.zipf.Uint64()); i != not {
			return i
		}
	}
}

// World returns every actor of the world (states, ministries, spokespeople,
// agencies, organizations, groups), for tests and seeding.
func (g *Generator) World() []store.Actor {
	var out []store.Actor
	for _, s := range g.sides {
		out = append(out, s.state, s.ministry)
		out = append(out, s.spokes...)
		if s.justice != nil {
			out = append(out, *s.justice, *s.intel)
		}
	}
	out = append(out, g.orgs...)
	return append(out, g.groups...)
}

// Incidents returns the world's incidents.
func (g *Generator) Incidents() []store.Incident { return g.incidents }

// Articles generates n articles.
func Articles(cfg Config, n int) []*store.ArticleGraph {
	if cfg.Articles <= 0 {
		cfg.Articles = n
	}
	g := New(cfg)
	out := make([]*store.ArticleGraph, n)
	for i := range out {
		out[i] = g.Next()
	}
	return out
}

var kindWeights = []struct {
	k store.StatementKind
	w int
}{
	{store.Accuses, 30}, {store.Denies, 18}, {store.Criticizes, 20}, {store.Demands, 10},
	{store.Sanctions, 7}, {store.Indicts, 8}, {store.Threatens, 7},
}

func (g *Generator) pickKind() store.StatementKind {
	n := g.rng.IntN(100)
	for _, kw := range kindWeights {
		if n < kw.w {
			return kw.k
		}
		n -= kw.w
	}
	return store.Accuses
}

// newAct invents an act dated day.
func (g *Generator) newAct(day int) act {
	a := act{kind: g.pickKind(), org: -1, target: -1, group: -1, incident: -1, day: day}
	if a.kind == store.Denies {
		// Deny a recent accusation against us when there is one.
		for i := len(g.recent) - 1; i >= 0 && i >= len(g.recent)-30; i-- {
			r := g.recent[i]
			if r.target >= 0 && r.speaker >= 0 && (r.kind == store.Accuses || r.kind == store.Indicts || r.kind == store.Sanctions) && g.rng.IntN(2) == 0 {
				a.speaker, a.incident = r.target, r.incident
				if g.rng.IntN(5) > 0 {
					a.target = r.speaker
				}
				return a
			}
		}
		a.speaker = g.pickSide(-1)
		return a
	}
	if a.kind == store.Demands && g.rng.IntN(4) == 0 {
		a.speaker, a.org = -1, g.rng.IntN(len(g.orgs))
		a.target = g.pickSide(-1)
		return a
	}
	a.speaker = g.pickSide(-1)
	a.target = g.pickSide(a.speaker)
	if a.kind == store.Indicts && len(g.sides[a.target].hackers) > 0 {
		hs := g.sides[a.target].hackers
		a.group = g.groupIndex(hs[g.rng.IntN(len(hs))].ID)
	}
	if (a.kind == store.Accuses || a.kind == store.Indicts || a.kind == store.Sanctions) && len(g.sides[a.speaker].incidents) > 0 && g.rng.IntN(3) > 0 {
		incs := g.sides[a.speaker].incidents
		a.incident = incs[g.rng.IntN(len(incs))]
	}
	return a
}

func (g *Generator) groupIndex(id string) int {
	for i, gr := range g.groups {
		if gr.ID == id {
			return i
		}
	}
	return -1
}

// Next generates the next article.
func (g *Generator) Next() *store.ArticleGraph {
	i := g.n
	g.n++
	base := i * g.cfg.Days / g.cfg.Articles
	outlet := outlets[int(g.outletZ.Uint64())]
	h := sha1.Sum(fmt.Appendf(nil, "%d/%d", g.cfg.Seed, i))
	id := "art:" + hex.EncodeToString(h[:8])
	published := g.cfg.Start.AddDate(0, 0, base+1)
	b := &builder{g: g, seen: map[string]bool{}, seenInc: map[string]bool{}}
	b.art = &store.ArticleGraph{Article: store.Article{
		ID: id, URL: fmt.Sprintf("https://%s.example/%s/%s", slug(outlet), published.Format("2006/01/02"), id[4:]),
		Publisher: outlet, Language: "en", Published: published.Add(time.Duration(g.rng.IntN(86400)) * time.Second), Hash: "v1",
	}}
	nr := g.cfg.MinReports + g.rng.IntN(g.cfg.MaxReports-g.cfg.MinReports+1)
	for r := range nr {
		var a act
		// Half the reports retell a recent act (another outlet's story), the rest are new.
		if len(g.recent) > 0 && g.rng.IntN(2) == 0 {
			a = g.recent[len(g.recent)-1-g.rng.IntN(min(len(g.recent), 40))]
		} else {
			a = g.newAct(base - g.rng.IntN(2))
			g.recent = append(g.recent, a)
			if len(g.recent) > 400 {
				g.recent = g.recent[len(g.recent)-200:]
			}
		}
		b.report(a, r)
	}
	b.art.Article.Title = b.title()
	b.art.Article.Body = b.body.String()
	return b.art
}

type builder struct {
	g       *Generator
	art     *store.ArticleGraph
	seen    map[string]bool
	seenInc map[string]bool
	body    strings.Builder
}

func (b *builder) addActor(a store.Actor) {
	if b.seen[a.ID] {
		return
	}
	b.seen[a.ID] = true
	b.art.Actors = append(b.art.Actors, a)
}

// voice picks who speaks for a side in this article, adding it and its parents.
func (b *builder) voice(si int, kind store.StatementKind) store.Actor {
	s := b.g.sides[si]
	b.addActor(s.state)
	n := b.g.rng.IntN(10)
	switch {
	case (kind == store.Indicts || kind == store.Sanctions) && s.justice != nil && n < 6:
		b.addActor(*s.justice)
		return *s.justice
	case n < 4:
		return s.state
	case n < 7:
		b.addActor(s.ministry)
		return s.ministry
	default:
		b.addActor(s.ministry)
		p := s.spokes[b.g.rng.IntN(len(s.spokes))]
		b.addActor(p)
		return p
	}
}

var verbs = map[store.StatementKind]string{
	store.Accuses: "accused", store.Denies: "denied accusations from", store.Indicts: "indicted",
	store.Criticizes: "criticized", store.Sanctions: "imposed sanctions on", store.Demands: "demanded answers from",
	store.Threatens: "threatened countermeasures against",
}

func (b *builder) report(a act, idx int) {
	g := b.g
	var speaker, target store.Actor
	if a.speaker < 0 {
		speaker = g.orgs[a.org]
		b.addActor(speaker)
	} else {
		speaker = b.voice(a.speaker, a.kind)
	}
	switch {
	case a.group >= 0:
		target = g.groups[a.group]
		b.addActor(target)
	case a.target >= 0:
		target = b.g.sides[a.target].state
		b.addActor(target)
		if g.rng.IntN(4) == 0 && b.g.sides[a.target].intel != nil && a.kind != store.Denies {
			target = *b.g.sides[a.target].intel
			b.addActor(target)
		}
	}
	r := store.Report{
		ArticleID: b.art.Article.ID, Index: idx, Kind: a.kind, SpeakerID: speaker.ID, TargetID: target.ID,
		Date:       g.cfg.Start.AddDate(0, 0, a.day+g.rng.IntN(2)),
		Confidence: 0.6 + float64(g.rng.IntN(40))/100,
	}
	about := ""
	if a.incident >= 0 {
		in := g.incidents[a.incident]
		r.IncidentID = in.ID
		about = " over the " + in.Name
		if !b.seenInc[in.ID] {
			b.seenInc[in.ID] = true
			b.art.Incidents = append(b.art.Incidents, in)
			for _, id := range in.AttributedTo {
				b.addActor(g.groups[g.groupIndex(id)])
			}
			for _, id := range in.Targeted {
				for _, s := range g.sides {
					if s.state.ID == id {
						b.addActor(s.state)
					}
				}
			}
		}
	}
	tname := "the allegations"
	if target.ID != "" {
		tname = target.Name
	}
	r.Evidence = fmt.Sprintf("%s %s %s%s, %s reported.", speaker.Name, verbs[a.kind], tname, about, b.art.Article.Publisher)
	if g.rng.IntN(3) == 0 {
		r.Quote = fmt.Sprintf("We will not accept this behaviour from %s.", tname)
	}
	b.art.Reports = append(b.art.Reports, r)
	if b.body.Len() > 0 {
		b.body.WriteString("\n\n")
	}
	b.body.WriteString(r.Evidence)
}

// title is the lead report's sentence without its attribution.
func (b *builder) title() string {
	ev := b.art.Reports[0].Evidence
	if i := strings.LastIndex(ev, ", "); i > 0 {
		return ev[:i]
	}
	return ev
}
