package httpapi_test

import (
	"slices"
	"testing"

	"github.com/demarche/demarche/httpapi"
	"github.com/demarche/demarche/store"
)

type kindCount struct {
	Kind  string
	Count int
}

func TestDyadTimelinePathsNeighborhoodOnBothStores(t *testing.T) {
	onBothStores(t, func(t *testing.T, open func(testing.TB) store.Store) {
		c, _ := newClient(t, fixtureArticles(), httpapi.Config{Store: open(t)})

		t.Run("dyad rolls up both ways", func(t *testing.T) {
			var resp struct {
				Up, Exact struct {
					A, B       struct{ Name string }
					AToB, BToA []kindCount
					Total      int
					Statements struct {
						TotalCount int
						Edges      []struct{ Node struct{ Kind, Date string } }
					}
				}
			}
			c.MustPost(`{
				up: dyad(a: "US", b: "China") { a { name } b { name } aToB { kind count } bToA { kind count } total
					statements(first: 10) { totalCount edges { node { kind date } } } }
				exact: dyad(a: "US", b: "China", rollup: false) { a { name } b { name } aToB { kind count } bToA { kind count } total
					statements { totalCount edges { node { kind date } } } }
			}`, &resp)
			up := resp.Up
			if up.A.Name != "United States" || up.B.Name != "China" {
				t.Fatalf("ends %+v", up)
			}
			if !slices.Equal(up.AToB, []kindCount{{"ACCUSES", 1}}) {
				t.Errorf("US→China %+v", up.AToB)
			}
			if !slices.Equal(up.BToA, []kindCount{{"ACCUSES", 1}, {"DENIES", 1}, {"CRITICIZES", 1}, {"DEMANDS", 1}}) {
				t.Errorf("China→US %+v", up.BToA)
			}
			if up.Total != 5 || up.Statements.TotalCount != 5 || len(up.Statements.Edges) != 5 {
				t.Errorf("total %d, statements %d/%d", up.Total, up.Statements.TotalCount, len(up.Statements.Edges))
			}
			var dates []string
			for _, e := range up.Statements.Edges {
				dates = append(dates, e.Node.Date)
			}
			if !slices.IsSortedFunc(dates, func(a, b string) int { return -cmpStr(a, b) }) {
				t.Errorf("dyad statements not newest first: %v", dates)
			}
			// Without rollup only China's own demand goes to the US, and only the
			// US's own accusations (DOJ indicts APT40, not China).
			if ex := resp.Exact; !slices.Equal(ex.BToA, []kindCount{{"DEMANDS", 1}}) || ex.Total != 2 || ex.Statements.TotalCount != 2 {
				t.Errorf("exact dyad %+v", ex)
			}
		})

		t.Run("timeline buckets made and received", func(t *testing.T) {
			var resp struct {
				Timeline struct {
					Actor    struct{ Name string }
					Interval string
					Buckets  []struct {
						Start, Kind           string
						Made, Received, Total int
					}
				}
				WithUS struct {
					Counterpart struct{ Name string }
					Buckets     []struct {
						Start, Kind    string
						Made, Received int
					}
				}
			}
			c.MustPost(`{
				timeline(actor: "China", interval: MONTH) { actor { name } interval buckets { start kind made received total } }
				withUS: timeline(actor: "China", counterpart: "United States", kinds: [ACCUSES, DENIES], interval: YEAR) { counterpart { name } buckets { start kind made received } }
			}`, &resp)
			tl := resp.Timeline
			if tl.Actor.Name != "China" || tl.Interval != "MONTH" {
				t.Fatalf("timeline %+v", tl)
			}
			type b struct {
				start, kind    string
				made, received int
			}
			var got []b
			for _, x := range tl.Buckets {
				if x.Total != x.Made+x.Received {
					t.Errorf("bucket total %+v", x)
				}
				got = append(got, b{x.Start, x.Kind, x.Made, x.Received})
			}
			want := []b{
				{"2021-07-01", "ACCUSES", 0, 2}, {"2021-07-01", "DENIES", 2, 0}, {"2021-07-01", "CRITICIZES", 1, 0}, {"2021-07-01", "DEMANDS", 1, 0},
				{"2021-09-01", "ACCUSES", 1, 0}, {"2021-09-01", "CRITICIZES", 0, 1},
			}
			if !slices.Equal(got, want) {
				t.Errorf("China by month:\n got %+v\nwant %+v", got, want)
			}
			w := resp.WithUS
			if w.Counterpart.Name != "United States" || len(w.Buckets) != 2 ||
				w.Buckets[0].Kind != "ACCUSES" || w.Buckets[0].Made != 1 || w.Buckets[0].Received != 1 ||
				w.Buckets[1].Kind != "DENIES" || w.Buckets[1].Made != 1 {
				t.Errorf("China with the US by year: %+v", w)
			}
		})

		t.Run("paths and neighborhood", func(t *testing.T) {
			var resp struct {
				Paths []struct {
					Length int
					Actors []struct{ Name string }
					Links  []struct {
						ID      string
						Kind    string
						Speaker struct{ Name string }
						Target  struct{ Name string }
						Count   int
					}
				}
				Far          []struct{ Length int }
				Neighborhood struct {
					Center struct{ Name string }
					Nodes  []struct{ ID string }
					Links  []struct {
						Speaker, Target struct{ ID string }
						Statements      []struct{ ID string }
					}
				}
			}
			c.MustPost(`{
				paths(from: "United Kingdom", to: "Russia", maxHops: 3) { length actors { name } links { id kind speaker { name } target { name } count } }
				far: paths(from: "United Kingdom", to: "Russia", maxHops: 1) { length }
				neighborhood(id: "Russia", depth: 1) { center { name } nodes { id } links { speaker { id } target { id } statements { id } } }
			}`, &resp)
			if len(resp.Paths) == 0 {
				t.Fatalf("no path from the UK to Russia")
			}
			p := resp.Paths[0]
			if p.Length != len(p.Links) || len(p.Actors) != p.Length+1 || p.Actors[0].Name != "United Kingdom" || p.Actors[p.Length].Name != "Russia" {
				t.Errorf("path %+v", p)
			}
			if len(resp.Far) != 0 {
				t.Errorf("a one-hop path from the UK to Russia: %+v", resp.Far)
			}
			n := resp.Neighborhood
			var ids []string
			for _, a := range n.Nodes {
				ids = append(ids, a.ID)
			}
			slices.Sort(ids)
			if n.Center.Name != "Russia" || !slices.Equal(ids, []string{idRUS, idUSA}) || len(n.Links) != 2 {
				t.Errorf("Russia's neighborhood %+v", n)
			}
			for _, l := range n.Links {
				if len(l.Statements) != 1 {
					t.Errorf("link %+v", l)
				}
			}
		})

		t.Run("bad arguments", func(t *testing.T) {
			for _, q := range []string{
				`{ paths(from: "China", to: "Russia", maxHops: 9) { length } }`,
				`{ neighborhood(id: "China", depth: 0) { center { id } } }`,
				`{ dyad(a: "China", b: "Russia", from: "2021-09-01", to: "2021-01-01") { total } }`,
				`{ actor(id: "x", name: "y") { id } }`,
			} {
				if errs := postErr(t, c, q); codeOf(errs) != "BAD_USER_INPUT" {
					t.Errorf("%s: %+v", q, errs)
				}
			}
		})
	})
}

func cmpStr(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
