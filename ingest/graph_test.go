package ingest

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/demarche/demarche/loader"
	"github.com/demarche/demarche/loader/extract"
	"github.com/demarche/demarche/store"
)

func ptr(s string) *string { return &s }

// fixture is an extraction of an invented article: a ministry spokesperson denies
// an accusation of the United States about a breach.
func fixture() (loader.Article, extract.Result) {
	a := loader.Article{
		Title: "Ministry rejects breach claims", Publisher: "Example Wire",
		Published:  time.Date(2023, 3, 14, 9, 30, 0, 0, time.UTC),
		Paragraphs: []string{"China rejected the claims.", "Spokesperson Wang Wenbin said so."},
	}
	r := extract.Result{
		Entities: []extract.Entity{
			{Name: "China", Type: "STATE", Country: "CHN", Aliases: []string{"Beijing", "China", " "}},
			{Name: "United States", Type: "STATE", Country: "USA"},
			{Name: "Ministry of Foreign Affairs of China", Type: "AGENCY", Affiliation: "China"},
			{Name: "Wang Wenbin", Type: "PERSON", Affiliation: "Ministry of Foreign Affairs of China", Role: "spokesperson", Aliases: []string{"Wang"}},
			{Name: "2023 grid operator breach", Type: "INCIDENT", Year: 2023},
		},
		Statements: []extract.Statement{
			{Speaker: "Wang Wenbin", Kind: "DENIES", Target: ptr("United States"), Incident: ptr("2023 grid operator breach"), Evidence: "Wang said so.", Confidence: 0.9, Date: "2023-03-14"},
			{Speaker: "United States", Kind: "ACCUSES", Target: ptr("China"), Evidence: "The US accused China.", Confidence: 0.8},
			{Speaker: "Nobody Known", Kind: "ACCUSES", Target: ptr("China"), Evidence: "dropped: unknown speaker"},
			{Speaker: "China", Kind: "ACCUSES", Target: ptr("China"), Evidence: "dropped: self-target"},
			{Speaker: "China", Kind: "PRAISES", Target: ptr("United States"), Evidence: "dropped: unknown kind"},
		},
	}
	return a, r
}

func TestBuildGivesStableIDsAndAffiliations(t *testing.T) {
	a, r := fixture()
	g, err := Build(context.Background(), a, r, nil)
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]store.Actor{}
	for _, act := range g.Actors {
		ids[act.ID] = act
	}
	want := map[string]string{ // id -> affiliation id
		"state:CHN": "", "state:USA": "",
		"agency:chn/ministry-of-foreign-affairs-of-china": "state:CHN",
		"person:chn/wang-wenbin":                          "agency:chn/ministry-of-foreign-affairs-of-china",
	}
	for id, aff := range want {
		act, ok := ids[id]
		if !ok {
			t.Fatalf("no actor %s; got %v", id, g.Actors)
		}
		if act.AffiliationID != aff {
			t.Errorf("%s affiliation = %q, want %q", id, act.AffiliationID, aff)
		}
	}
	if got := ids["person:chn/wang-wenbin"].Country; got != "CHN" {
		t.Errorf("person country = %q, want CHN from the affiliation chain", got)
	}
	if got := ids["state:CHN"].Aliases; len(got) != 1 || got[0] != "Beijing" {
		t.Errorf("aliases = %q, want [Beijing] (name and blanks dropped)", got)
	}
	if len(g.Reports) != 2 {
		t.Fatalf("reports = %d, want 2 (unknown speaker, self-target and unknown kind dropped): %+v", len(g.Reports), g.Reports)
	}
	d := g.Reports[0]
	if d.IncidentID != "incident:2023-grid-operator-breach" || d.TargetID != "state:USA" || d.Date != time.Date(2023, 3, 14, 0, 0, 0, 0, time.UTC) {
		t.Errorf("denial report = %+v", d)
	}
	if g.Reports[1].Date != time.Date(2023, 3, 14, 0, 0, 0, 0, time.UTC) {
		t.Errorf("a statement without a date takes the article's day, got %v", g.Reports[1].Date)
	}
	g2, err := Build(context.Background(), a, r, nil)
	if err != nil {
		t.Fatal(err)
	}
	if g2.Article.ID != g.Article.ID || g2.Article.Hash != g.Article.Hash {
		t.Error("the same article must get the same id and hash")
	}
}

type fakeResolver map[string][]store.Actor

func (f fakeResolver) ResolveActor(_ context.Context, ref string) ([]store.Actor, error) {
	if ref == "fail" {
		return nil, errors.New("boom")
	}
	return f[ref], nil
}

func TestBuildReusesAStoredActorOfTheSameKindAndCountry(t *testing.T) {
	a, r := fixture()
	res := fakeResolver{
		"Ministry of Foreign Affairs of China": {{ID: "agency:chn/mfa", Kind: store.Agency, Country: "CHN"}},
		// Same name, other kind: not taken.
		"Wang Wenbin": {{ID: "group:wang-wenbin", Kind: store.Group}},
	}
	g, err := Build(context.Background(), a, r, res)
	if err != nil {
		t.Fatal(err)
	}
	found := map[string]bool{}
	for _, act := range g.Actors {
		found[act.ID] = true
		if act.ID == "person:chn/wang-wenbin" && act.AffiliationID != "agency:chn/mfa" {
			t.Errorf("member's affiliation must follow the resolved id, got %q", act.AffiliationID)
		}
	}
	if !found["agency:chn/mfa"] || !found["person:chn/wang-wenbin"] {
		t.Errorf("ids = %v", found)
	}
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"El País":                 "el-pais",
		"  Ministry of  Defence ": "ministry-of-defence",
		"APT40":                   "apt40",
		"Côte d'Ivoire":           "cote-d-ivoire",
	} {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}
