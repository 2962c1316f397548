package storetest

import (
	"fmt"
	"slices"
	"time"

	"github.com/demarche/demarche/store"
)

// The fixture world's ids.
const (
	CHN   = "state:CHN"
	MFA   = "agency:chn/ministry-of-foreign-affairs"
	MSS   = "agency:chn/ministry-of-state-security"
	Zhao  = "person:chn/zhao-lijian"
	Wang  = "person:chn/wang-wenbin"
	USA   = "state:USA"
	DOJ   = "agency:usa/department-of-justice"
	GBR   = "state:GBR"
	APT40 = "group:apt40"
	NATO  = "org:nato"

	OPM        = "incident:2015-opm-data-breach"
	SolarWinds = "incident:2020-solarwinds-compromise"
)

// World returns the fixture world: China with its foreign ministry, a ministry of
// state security and two spokespeople, the United States with its Justice
// Department, the United Kingdom, NATO and a hacker group.
func World() map[string]store.Actor {
	return map[string]store.Actor{
		CHN:   {ID: CHN, Kind: store.State, Name: "China", Country: "CHN"},
		MFA:   {ID: MFA, Kind: store.Agency, Name: "Ministry of Foreign Affairs", Country: "CHN", AffiliationID: CHN},
		MSS:   {ID: MSS, Kind: store.Agency, Name: "Ministry of State Security", Country: "CHN", AffiliationID: CHN},
		Zhao:  {ID: Zhao, Kind: store.Person, Name: "Zhao Lijian", Country: "CHN", AffiliationID: MFA, Role: "spokesperson"},
		Wang:  {ID: Wang, Kind: store.Person, Name: "Wang Wenbin", Country: "CHN", AffiliationID: MFA, Role: "spokesperson"},
		USA:   {ID: USA, Kind: store.State, Name: "United States", Country: "USA"},
		DOJ:   {ID: DOJ, Kind: store.Agency, Name: "Department of Justice", Country: "USA", AffiliationID: USA},
		GBR:   {ID: GBR, Kind: store.State, Name: "United Kingdom", Country: "GBR"},
		NATO:  {ID: NATO, Kind: store.Organization, Name: "NATO"},
		APT40: {ID: APT40, Kind: store.Group, Name: "APT40"},
	}
}

// Incidents returns the fixture incidents.
func Incidents() map[string]store.Incident {
	return map[string]store.Incident{
		OPM:        {ID: OPM, Name: "OPM data breach", Year: 2015, AttributedTo: []string{CHN}, Targeted: []string{USA}},
		SolarWinds: {ID: SolarWinds, Name: "SolarWinds compromise", Year: 2020},
	}
}

// Affiliations answers the fixture world's affiliations (for expected values
// computed with store.GroupReports).
func Affiliations() store.Affiliations {
	w := World()
	return func(id string) string { return w[id].AffiliationID }
}

// Day0 is a Monday; fixture dates are days after it.
var Day0 = time.Date(2025, 3, 3, 0, 0, 0, 0, time.UTC)

// D is the day n days after Day0.
func D(n int) time.Time { return Day0.AddDate(0, 0, n) }

// R is a report of kind from speaker to target (may be "") dated n days after Day0.
func R(kind store.StatementKind, speaker, target string, n int, evidence string) store.Report {
	return store.Report{Kind: kind, SpeakerID: speaker, TargetID: target, Date: D(n), Evidence: evidence,
		Quote: "", Confidence: 0.9}
}

// About sets a report's incident.
func About(r store.Report, incident string) store.Report {
	r.IncidentID = incident
	return r
}

// Art builds an article graph from reports: the actors they name (with their
// affiliation parents) and incidents come from the fixture world. The article is
// published on the first report's day by publisher.
func Art(id, publisher string, reports ...store.Report) *store.ArticleGraph {
	world, incidents := World(), Incidents()
	g := &store.ArticleGraph{Article: store.Article{
		ID: id, URL: "https://news.example/" + id, Title: "Report " + id, Publisher: publisher,
		Language: "en", Hash: "v1", Body: "Body of " + id + ".",
	}}
	if len(reports) > 0 {
		g.Article.Published = reports[0].Date
	}
	seen := map[string]bool{}
	var addActor func(id string)
	addActor = func(id string) {
		if id == "" || seen[id] {
			return
		}
		a, ok := world[id]
		if !ok {
			panic(fmt.Sprintf("storetest: %q is not in the fixture world", id))
		}
		seen[id] = true
		g.Actors = append(g.Actors, a)
		addActor(a.AffiliationID)
	}
	seenInc := map[string]bool{}
	for i, r := range reports {
		r.ArticleID = id
		r.Index = i
		g.Reports = append(g.Reports, r)
		addActor(r.SpeakerID)
		addActor(r.TargetID)
		if r.IncidentID != "" && !seenInc[r.IncidentID] {
			seenInc[r.IncidentID] = true
			in, ok := incidents[r.IncidentID]
			if !ok {
				panic(fmt.Sprintf("storetest: incident %q is not in the fixture world", r.IncidentID))
			}
			g.Incidents = append(g.Incidents, in)
			for _, a := range slices.Concat(in.AttributedTo, in.Targeted) {
				addActor(a)
			}
		}
	}
	slices.SortFunc(g.Actors, func(a, b store.Actor) int {
		switch {
		case a.ID < b.ID:
			return -1
		case a.ID > b.ID:
			return 1
		}
		return 0
	})
	return g
}

// Rehash returns a copy of g with another content hash (a changed version).
func Rehash(g *store.ArticleGraph, hash string) *store.ArticleGraph {
	c := *g
	c.Article.Hash = hash
	c.Actors = slices.Clone(g.Actors)
	c.Incidents = slices.Clone(g.Incidents)
	c.Reports = slices.Clone(g.Reports)
	return &c
}

// WithActor replaces (or adds) an actor of g's copy.
func WithActor(g *store.ArticleGraph, a store.Actor) *store.ArticleGraph {
	c := Rehash(g, g.Article.Hash)
	for i := range c.Actors {
		if c.Actors[i].ID == a.ID {
			c.Actors[i] = a
			return c
		}
	}
	c.Actors = append(c.Actors, a)
	return c
}
