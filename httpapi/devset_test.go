package httpapi_test

import (
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"testing"

	"github.com/99designs/gqlgen/client"

	"github.com/demarche/demarche/httpapi"
	"github.com/demarche/demarche/ingest"
	"github.com/demarche/demarche/store"
)

// devSet is the shared evaluation articles, relative to this package (the
// repository's ../shared/eval).
var devSet = filepath.Join("..", "..", "shared", "eval", "dev")

// TestAcceptanceQueriesOnDevSet loads the dev-set article texts through the
// load pipeline into the embedded store and runs issue 6's acceptance
// queries: they must answer without errors, and the mutation without a token
// must fail with UNAUTHENTICATED.
func TestAcceptanceQueriesOnDevSetOnBothStores(t *testing.T) {
	onBothStores(t, func(t *testing.T, open func(testing.TB) store.Store) {
		files, _ := filepath.Glob(filepath.Join(devSet, "dev-*.json"))
		if len(files) == 0 {
			if os.Getenv("CI") == "true" {
				t.Fatalf("no dev set at %s", devSet)
			}
			t.Skipf("no dev set at %s", devSet)
		}
		s := open(t)
		p := ingest.New(s, ingest.Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
		sum, err := p.Load(context.Background(), files)
		if err != nil {
			t.Fatalf("load: %v", err)
		}
		t.Logf("loaded %+v", sum)
		c := client.New(httpapi.New(httpapi.Config{Store: s, Token: testToken}), client.Path("/graphql"))
		var resp struct {
			Statements struct{ TotalCount int }
			Dyad       struct{ Total int }
			Stats      struct{ Actors, Statements, Articles, Incidents int }
		}
		postJSON(t, c, `{ statements(first: 3, filter: {kinds: [DENIES]}) { totalCount edges { node { kind speaker { name } evidence article { title } } } }
	  search(text: "Zhao", first: 3) { __typename }
	  dyad(a: "United States", b: "China") { __typename total }
	  timeline(actor: "China", interval: MONTH) { __typename }
	  paths(from: "United Kingdom", to: "China", maxHops: 3) { __typename }
	  neighborhood(id: "China", depth: 1) { __typename }
	  stats { actors statements articles incidents } }`, &resp)
		t.Logf("denials %d, US–China statements %d, stats %+v", resp.Statements.TotalCount, resp.Dyad.Total, resp.Stats)
		if resp.Stats.Articles == 0 || resp.Stats.Statements == 0 || resp.Dyad.Total == 0 {
			t.Errorf("the dev set gave an empty graph: %+v", resp)
		}
		if errs := postErr(t, c, `mutation { deleteArticle(id: "x") { __typename } }`); codeOf(errs) != "UNAUTHENTICATED" {
			t.Errorf("mutation without token: %+v", errs)
		}
	})
}
