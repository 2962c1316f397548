package ingest

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/demarche/demarche/loader"
	"github.com/demarche/demarche/loader/extract"
	"github.com/demarche/demarche/store"
)

// Resolver finds actors already in the graph, so a name another article (or a
// curator's alias) already gave an id keeps that id. store.Store satisfies it.
type Resolver interface {
	ResolveActor(ctx context.Context, ref string) ([]store.Actor, error)
}

// Build turns one article and what was extracted from it into the graph it adds:
// stable ids for the article, its actors and incidents, and one report per statement.
//
// Actor ids come from the kind, the state the actor belongs to and its canonical
// name (`state:CHN`, `agency:chn/ministry-of-foreign-affairs`,
// `person:chn/zhao-lijian`), so the same actor extracted from two articles is one
// node. When res is not nil, a name that resolves to exactly one stored actor of the
// same kind and country takes that actor's id (an alias a curator added, or a
// spelling another article introduced). Statements whose speaker is not among the
// entities are dropped: the graph never holds an end it cannot name.
func Build(ctx context.Context, a loader.Article, r extract.Result, res Resolver) (*store.ArticleGraph, error) {
	g := &store.ArticleGraph{Article: store.Article{
		ID:        loader.ArticleID(a),
		URL:       a.URL,
		Title:     a.Title,
		Publisher: a.Publisher,
		Language:  a.Language,
		Published: a.Published.UTC(),
		Hash:      loader.ContentHash(a),
		Body:      a.Body(),
	}}
	if a.Published.IsZero() {
		g.Article.Published = time.Time{}
	}

	byName := map[string]extract.Entity{}
	for _, e := range r.Entities {
		byName[e.Name] = e
	}
	// country follows the affiliation chain when an entity does not state its own.
	country := func(e extract.Entity) string {
		seen := map[string]bool{}
		for e.Country == "" && e.Affiliation != "" && !seen[e.Affiliation] {
			seen[e.Affiliation] = true
			p, ok := byName[e.Affiliation]
			if !ok {
				break
			}
			e = p
		}
		return strings.ToUpper(e.Country)
	}

	ids := map[string]string{} // entity name -> id
	incidents := map[string]string{}
	for _, e := range r.Entities {
		if e.Type == "INCIDENT" {
			id := "incident:" + Slug(e.Name)
			incidents[e.Name] = id
			g.Incidents = append(g.Incidents, store.Incident{ID: id, Name: e.Name, Aliases: cleanAliases(e.Name, e.Aliases), Year: e.Year})
			continue
		}
		kind := store.ActorKind(e.Type)
		if !kind.Valid() {
			continue
		}
		c := country(e)
		id := actorID(kind, c, e.Name)
		if res != nil && kind != store.State {
			if found, err := res.ResolveActor(ctx, e.Name); err == nil {
				var same []store.Actor
				for _, f := range found {
					if f.Kind == kind && (c == "" || f.Country == "" || f.Country == c) {
						same = append(same, f)
					}
				}
				if len(same) == 1 {
					id = same[0].ID
				}
			} else {
				return nil, fmt.Errorf("resolving %q: %w", e.Name, err)
			}
		}
		ids[e.Name] = id
		g.Actors = append(g.Actors, store.Actor{
			ID: id, Kind: kind, Name: e.Name, Aliases: cleanAliases(e.Name, e.Aliases),
			Country: c, Role: e.Role,
		})
	}
	for i := range g.Actors {
		e := byName[g.Actors[i].Name]
		if p, ok := ids[e.Affiliation]; ok && p != g.Actors[i].ID {
			g.Actors[i].AffiliationID = p
		}
	}

	day := func(s string) time.Time {
		if t, err := time.Parse("2006-01-02", s); err == nil {
			return t
		}
		if !a.Published.IsZero() {
			y, m, d := a.Published.Date() // the day the source states, in its own offset
			return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
		}
		return time.Time{}
	}
	for _, s := range r.Statements {
		sp, ok := ids[s.Speaker]
		if !ok {
			continue
		}
		rep := store.Report{
			ArticleID: g.Article.ID, Index: len(g.Reports), Kind: store.StatementKind(s.Kind),
			SpeakerID: sp, Date: day(s.Date), Evidence: s.Evidence, Quote: s.Quote, Confidence: s.Confidence,
		}
		if !rep.Kind.Valid() {
			continue
		}
		if s.Target != nil {
			t, ok := ids[*s.Target]
			if !ok || t == sp {
				continue
			}
			rep.TargetID = t
		}
		if s.Incident != nil {
			rep.IncidentID = incidents[*s.Incident]
		}
		g.Reports = append(g.Reports, rep)
	}
	if err := g.Validate(); err != nil {
		return nil, err
	}
	return g, nil
}

// actorID is the stable id of an actor of a kind, belonging to a state (ISO alpha-3,
// may be empty), with a canonical name.
func actorID(kind store.ActorKind, country, name string) string {
	cc := strings.ToLower(country)
	switch kind {
	case store.State:
		if country != "" {
			return "state:" + country
		}
		return "state:" + Slug(name)
	case store.Organization:
		return "org:" + Slug(name)
	case store.Group:
		return "group:" + Slug(name)
	case store.Agency:
		if cc != "" {
			return "agency:" + cc + "/" + Slug(name)
		}
		return "agency:" + Slug(name)
	default:
		if cc != "" {
			return "person:" + cc + "/" + Slug(name)
		}
		return "person:" + Slug(name)
	}
}

// Slug turns a name into an id part: lower-case ASCII letters and digits joined by
// hyphens, accents folded ("El País" → "el-pais").
func Slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
		default:
			dash = true
		}
	}
	return b.String()
}

// cleanAliases drops empty aliases and the name itself, dedups case-insensitively
// and sorts.
func cleanAliases(name string, aliases []string) []string {
	seen := map[string]bool{store.NormalizeName(name): true}
	var out []string
	for _, a := range aliases {
		a = strings.TrimSpace(a)
		k := store.NormalizeName(a)
		if k == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, a)
	}
	sort.Strings(out)
	return out
}
