package neo4jstore_test

import (
	"context"
	"os"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/demarche/demarche/store/neo4jstore"
)

// A schema attempt cut off between a uniqueness constraint's backing index and the
// constraint leaves an index holding the constraint's name; "CREATE CONSTRAINT ...
// IF NOT EXISTS" then fails for ever. Open must repair it.
func TestOpenRepairsAnOrphanedConstraintIndex(t *testing.T) {
	uri := testURI(t)
	wipe(t, uri)
	ctx := context.Background()
	drv, err := neo4j.NewDriverWithContext(uri, neo4j.NoAuth())
	if err != nil {
		t.Fatal(err)
	}
	defer drv.Close(ctx)
	db := neo4j.ExecuteQueryWithDatabase(os.Getenv("DEMARCHE_TEST_NEO4J_DATABASE"))
	for _, q := range []string{
		"DROP CONSTRAINT article_id IF EXISTS",
		"CREATE INDEX article_id IF NOT EXISTS FOR (n:Article) ON (n.id)",
	} {
		if _, err := neo4j.ExecuteQuery(ctx, drv, q, nil, neo4j.EagerResultTransformer, db); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}

	s, err := neo4jstore.Open(ctx, neo4jstore.Config{URI: uri, Database: os.Getenv("DEMARCHE_TEST_NEO4J_DATABASE")})
	if err != nil {
		t.Fatalf("open over an orphaned index: %v", err)
	}
	defer s.Close()
	res, err := neo4j.ExecuteQuery(ctx, drv,
		"SHOW CONSTRAINTS YIELD name, type WHERE name = 'article_id' RETURN type", nil, neo4j.EagerResultTransformer, db)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Records) != 1 || res.Records[0].Values[0] != "UNIQUENESS" {
		t.Fatalf("article_id constraint after open: %v", res.Records)
	}
}
