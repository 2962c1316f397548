package httpapi_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"net/http/httptest"

	"github.com/demarche/demarche/httpapi"
)

// TestGraphQLOverHTTPAudit runs the npm graphql-http server audits (the
// GraphQL over HTTP spec's MUST, SHOULD and MAY items) against a real listener
// and fails on any failed MUST or SHOULD audit. It needs Node.js; it installs
// the audit's locked npm dependencies when they are missing. Without Node it
// skips, except under CI=true where that is a failure.
func TestGraphQLOverHTTPAudit(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("node is needed for the GraphQL over HTTP audit: %v", err)
		}
		t.Skipf("node not installed: %v", err)
	}
	dir, err := filepath.Abs(filepath.Join("..", ".ci", "graphql-audit"))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	if _, err := os.Stat(filepath.Join(dir, "node_modules", "graphql-http")); err != nil {
		cmd := exec.CommandContext(ctx, "npm", "ci", "--no-audit", "--no-fund")
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("npm ci in %s: %v\n%s", dir, err, out)
		}
	}
	s := openStore(t)
	loadFixture(t, s, fixtureArticles())
	srv := httptest.NewServer(httpapi.New(httpapi.Config{Store: s, Token: testToken}))
	defer srv.Close()

	cmd := exec.CommandContext(ctx, node, "audit.mjs", srv.URL+"/graphql")
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	t.Logf("graphql-http audit:\n%s", out)
	if err != nil {
		t.Fatalf("audit failed: %v", err)
	}
	if !strings.Contains(string(out), "MUST: 13 passed, 0 failed") || !strings.Contains(string(out), "SHOULD: 23 passed, 0 failed") || !strings.Contains(string(out), "MAY: 25 passed, 0 failed") {
		t.Errorf("unexpected audit counts:\n%s", out)
	}
}
