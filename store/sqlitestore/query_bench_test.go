package sqlitestore_test

import (
	"os"
	"testing"

	"github.com/demarche/demarche/store"
	"github.com/demarche/demarche/store/sqlitestore"
	"github.com/demarche/demarche/store/sqlitestore/sqlitebench"
)

// dashboardStore opens a store holding the 10k-article synthetic graph (built once
// per test binary run, or copied from $DEMARCHE_BENCH_DB: see sqlitebench).
func dashboardStore(b *testing.B, opts sqlitestore.Options) *sqlitestore.Store {
	s, err := sqlitestore.Open(b.Context(), sqlitebench.Graph(b, 10000), opts)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

var (
	benchStates = []string{"state:USA", "state:CHN", "state:RUS", "state:IRN", "state:GBR", "state:UKR", "state:ISR", "state:PRK", "state:DEU", "state:FRA"}
	benchDyads  = [][2]string{{"state:USA", "state:CHN"}, {"state:CHN", "state:USA"}, {"state:USA", "state:RUS"},
		{"state:RUS", "state:UKR"}, {"state:GBR", "state:RUS"}, {"state:USA", "state:IRN"},
		{"state:ISR", "state:IRN"}, {"state:PRK", "state:USA"}, {"state:DEU", "state:CHN"}, {"state:FRA", "state:RUS"}}
	benchTerms = []string{"sanctions", "espionage", "ransomware", "breach", "pipeline", "China", "ministry", "election", "intrusion", "parliament"}
)

// BenchmarkDashboard runs, on a 10k-article synthetic graph, the store calls the
// GraphQL API makes for each of the five dashboard queries of bench/ (one op = one
// request's calls, sequentially), rotating through the bench's parameters: "cold"
// without the result cache (every call runs its SQL), "cached" with it (the
// steady state of a dashboard between two writes).
func BenchmarkDashboard(b *testing.B) {
	b.Run("cold", func(b *testing.B) { benchDashboard(b, dashboardStore(b, sqlitestore.Options{NoResultCache: true})) })
	b.Run("cached", func(b *testing.B) { benchDashboard(b, dashboardStore(b, sqlitestore.Options{})) })
}

func benchDashboard(b *testing.B, s *sqlitestore.Store) {
	ctx := b.Context()
	check := func(err error) {
		if err != nil {
			b.Fatal(err)
		}
	}
	top20 := store.Page{Limit: 20}
	b.Run("actor", func(b *testing.B) {
		i := 0
		for b.Loop() {
			id := benchStates[i%len(benchStates)]
			i++
			_, err := s.GetActors(ctx, []string{id})
			check(err)
			for _, f := range []store.StatementFilter{{Speakers: []string{id}}, {Targets: []string{id}}} {
				f.OrderBy = store.DateDesc
				sts, total, err := s.ListStatements(ctx, f, top20)
				check(err)
				if total == 0 || len(sts) == 0 {
					b.Fatalf("no statements for %s", id)
				}
				var others []string
				for _, st := range sts {
					others = append(others, st.SpeakerIDs...)
					others = append(others, st.TargetIDs...)
				}
				_, err = s.GetActors(ctx, others)
				check(err)
			}
		}
	})
	b.Run("dyad", func(b *testing.B) {
		i := 0
		for b.Loop() {
			d := benchDyads[i%len(benchDyads)]
			i++
			for _, ref := range d {
				_, err := s.ResolveActor(ctx, ref)
				check(err)
			}
			ab := store.StatementFilter{Speakers: []string{d[0]}, Targets: []string{d[1]}, Rollup: true, OrderBy: store.DateDesc}
			ba := store.StatementFilter{Speakers: []string{d[1]}, Targets: []string{d[0]}, Rollup: true, OrderBy: store.DateDesc}
			for _, f := range []store.StatementFilter{ab, ba} {
				_, err := s.CountStatements(ctx, f)
				check(err)
			}
			var ids []string
			for _, f := range []store.StatementFilter{ab, ba} {
				sts, _, err := s.ListStatements(ctx, f, top20)
				check(err)
				for _, st := range sts {
					ids = append(ids, st.SpeakerIDs...)
					ids = append(ids, st.TargetIDs...)
				}
			}
			_, err := s.GetActors(ctx, ids)
			check(err)
		}
	})
	b.Run("timeline", func(b *testing.B) {
		i := 0
		for b.Loop() {
			id := benchStates[i%len(benchStates)]
			i++
			_, err := s.ResolveActor(ctx, id)
			check(err)
			for _, f := range []store.StatementFilter{{Speakers: []string{id}, Rollup: true}, {Targets: []string{id}, Rollup: true}} {
				bs, err := s.Timeline(ctx, f, store.Month)
				check(err)
				if len(bs) == 0 {
					b.Fatalf("empty timeline for %s", id)
				}
			}
		}
	})
	b.Run("search", func(b *testing.B) {
		i := 0
		for b.Loop() {
			text := benchTerms[i%len(benchTerms)]
			i++
			hits, err := s.Search(ctx, text, nil, 10)
			check(err)
			var sts, actors []string
			for _, h := range hits {
				switch h.Type {
				case "Statement":
					sts = append(sts, h.ID)
				case "Actor":
					actors = append(actors, h.ID)
				}
			}
			_, err = s.GetStatements(ctx, sts)
			check(err)
			_, err = s.GetActors(ctx, actors)
			check(err)
		}
	})
	b.Run("neighborhood", func(b *testing.B) {
		i := 0
		for b.Loop() {
			id := benchStates[i%len(benchStates)]
			i++
			_, err := s.ResolveActor(ctx, id)
			check(err)
			g, err := s.Neighborhood(ctx, id, 2, nil, 100)
			check(err)
			if len(g.Actors) == 0 {
				b.Fatalf("empty neighborhood for %s", id)
			}
			// The API loads the link ends it shows, once each.
			seen := map[string]bool{}
			var ids []string
			for _, e := range g.Edges {
				for _, id := range []string{e.SpeakerID, e.TargetID} {
					if !seen[id] {
						seen[id] = true
						ids = append(ids, id)
					}
				}
			}
			_, err = s.GetActors(ctx, ids)
			check(err)
		}
	})
}

func TestMain(m *testing.M) {
	code := m.Run()
	sqlitebench.RemoveAll()
	os.Exit(code)
}
