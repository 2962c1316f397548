package synth

import (
	"reflect"
	"regexp"
	"testing"

	"github.com/demarche/demarche/store"
)

func TestDeterministic(t *testing.T) {
	a := Articles(Config{Seed: 7}, 200)
	b := Articles(Config{Seed: 7}, 200)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("the same seed gave different articles")
	}
	c := Articles(Config{Seed: 8}, 200)
	if reflect.DeepEqual(a, c) {
		t.Fatal("different seeds gave the same articles")
	}
}

var idForms = map[store.ActorKind]*regexp.Regexp{
	store.State:        regexp.MustCompile(`^state:[A-Z]{3}$`),
	store.Agency:       regexp.MustCompile(`^agency:[a-z]{3}/[a-z0-9-]+$`),
	store.Person:       regexp.MustCompile(`^person:[a-z]{3}/[a-z0-9-]+$`),
	store.Organization: regexp.MustCompile(`^org:[a-z0-9-]+$`),
	store.Group:        regexp.MustCompile(`^group:[a-z0-9-]+$`),
}

func TestArticlesAreValid(t *testing.T) {
	g := New(Config{Seed: 1, Articles: 2000})
	if n := len(g.sides); n != 150 {
		t.Errorf("states = %d, want 150", n)
	}
	ids := map[string]bool{}
	reports := 0
	for range 2000 {
		art := g.Next()
		if err := art.Validate(); err != nil {
			t.Fatalf("article %s: %v", art.Article.ID, err)
		}
		if ids[art.Article.ID] {
			t.Fatalf("duplicate article id %s", art.Article.ID)
		}
		ids[art.Article.ID] = true
		if n := len(art.Reports); n < 5 || n > 15 {
			t.Errorf("article %s has %d reports", art.Article.ID, n)
		}
		reports += len(art.Reports)
		have := map[string]bool{}
		for _, a := range art.Actors {
			have[a.ID] = true
			if !idForms[a.Kind].MatchString(a.ID) {
				t.Errorf("actor id %q does not follow the %s convention", a.ID, a.Kind)
			}
		}
		for _, a := range art.Actors {
			if a.AffiliationID != "" && !have[a.AffiliationID] {
				t.Errorf("article %s: %s's parent %s is missing", art.Article.ID, a.ID, a.AffiliationID)
			}
		}
	}
	// Reports of the same act by several outlets must group: far fewer statements than reports.
	var all []store.Report
	g = New(Config{Seed: 1, Articles: 2000})
	world := map[string]string{}
	for _, a := range g.World() {
		world[a.ID] = a.AffiliationID
	}
	for range 500 {
		all = append(all, g.Next().Reports...)
	}
	sts := store.GroupReports(all, func(id string) string { return world[id] }, store.DefaultWindow)
	if ratio := float64(len(all)) / float64(len(sts)); ratio < 1.3 {
		t.Errorf("%d reports give %d statements (%.2f reports each): grouping is not exercised", len(all), len(sts), ratio)
	}
	t.Logf("%d reports in 500 articles → %d statements", len(all), len(sts))
}
