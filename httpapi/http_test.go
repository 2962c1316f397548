package httpapi_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/client"

	"github.com/demarche/demarche/httpapi"
	"github.com/demarche/demarche/store"
)

// do sends one request to h and returns the response and its body.
func do(t *testing.T, h http.Handler, method, target, body string, header map[string]string) (*http.Response, string) {
	t.Helper()
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req := httptest.NewRequest(method, target, r)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	res := w.Result()
	b, _ := io.ReadAll(res.Body)
	return res, string(b)
}

func TestHTTPTransports(t *testing.T) {
	s := openStore(t)
	loadFixture(t, s, fixtureArticles())
	h := httpapi.New(httpapi.Config{Store: s, Token: testToken})
	jsonBody := map[string]string{"Content-Type": "application/json", "Accept": "application/json"}

	t.Run("GET runs queries", func(t *testing.T) {
		res, body := do(t, h, "GET", "/graphql?query="+url.QueryEscape("{ stats { articles } }"), "", map[string]string{"Accept": "application/json"})
		if res.StatusCode != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), "application/json") || body != `{"data":{"stats":{"articles":5}}}` {
			t.Errorf("%d %s %s", res.StatusCode, res.Header.Get("Content-Type"), body)
		}
	})
	t.Run("GET refuses mutations", func(t *testing.T) {
		res, body := do(t, h, "GET", "/graphql?query="+url.QueryEscape(`mutation { deleteArticle(id: "a1") { deletedId } }`), "", map[string]string{"Authorization": "Bearer " + testToken})
		if res.StatusCode < 400 || strings.Contains(body, `"deletedId"`) {
			t.Errorf("%d %s", res.StatusCode, body)
		}
	})
	t.Run("graphql-response+json", func(t *testing.T) {
		hdr := map[string]string{"Content-Type": "application/json", "Accept": "application/graphql-response+json"}
		res, body := do(t, h, "POST", "/graphql", `{"query":"{ stats { incidents } }"}`, hdr)
		if res.StatusCode != 200 || res.Header.Get("Content-Type") != "application/graphql-response+json" || body != `{"data":{"stats":{"incidents":2}}}` {
			t.Errorf("%d %s %s", res.StatusCode, res.Header.Get("Content-Type"), body)
		}
		res, body = do(t, h, "POST", "/graphql", `{"query":"{ stats {"}`, hdr)
		if res.StatusCode != 400 || strings.Contains(body, `"data"`) {
			t.Errorf("parse error: %d %s", res.StatusCode, body)
		}
	})
	t.Run("application/json answers request errors with 200 and no data", func(t *testing.T) {
		res, body := do(t, h, "POST", "/graphql", `{"query":"{ nope }"}`, jsonBody)
		if res.StatusCode != 200 || strings.Contains(body, `"data"`) || !strings.Contains(body, "nope") {
			t.Errorf("%d %s", res.StatusCode, body)
		}
		res, body = do(t, h, "POST", "/graphql", `{"qeury":"{ stats { actors } }"}`, jsonBody)
		if res.StatusCode != 400 {
			t.Errorf("missing query: %d %s", res.StatusCode, body)
		}
	})
	t.Run("bodies are bounded", func(t *testing.T) {
		small := httpapi.New(httpapi.Config{Store: s, MaxBodyBytes: 64})
		res, body := do(t, small, "POST", "/graphql", `{"query":"{ stats { actors } }", "variables": {"pad": "`+strings.Repeat("x", 200)+`"}}`, jsonBody)
		if res.StatusCode != 400 || strings.Contains(body, `"actors"`) {
			t.Errorf("%d %s", res.StatusCode, body)
		}
	})
}

func TestAutomaticPersistedQueries(t *testing.T) {
	c, _ := newClient(t, fixtureArticles(), httpapi.Config{})
	q := `{ stats { articles } }`
	sum := sha256.Sum256([]byte(q))
	ext := client.Extensions(map[string]any{"persistedQuery": map[string]any{"version": 1, "sha256Hash": hex.EncodeToString(sum[:])}})

	resp, err := c.RawPost("", ext)
	if err != nil || resp.Errors == nil || !strings.Contains(string(resp.Errors), "PersistedQueryNotFound") {
		t.Fatalf("unknown hash: %v %s", err, resp.Errors)
	}
	var got struct{ Stats struct{ Articles int } }
	c.MustPost(q, &got, ext)
	got.Stats.Articles = 0
	c.MustPost("", &got, ext)
	if got.Stats.Articles != 5 {
		t.Errorf("persisted query answered %+v", got)
	}
}

func TestLimits(t *testing.T) {
	c, _ := newClient(t, fixtureArticles(), httpapi.Config{MaxDepth: 5, MaxComplexity: 300})
	errs := postErr(t, c, `{ actors { edges { node { affiliation { affiliation { name } } } } } }`)
	if codeOf(errs) != "DEPTH_LIMIT_EXCEEDED" || !strings.Contains(errs[0].Message, "depth 6") {
		t.Errorf("depth: %+v", errs)
	}
	errs = postErr(t, c, `{ statements(first: 100) { edges { node { kind evidence } } } }`)
	if codeOf(errs) != "COMPLEXITY_LIMIT_EXCEEDED" {
		t.Errorf("complexity: %+v", errs)
	}
	// Fragments count where they are spread; introspection's nesting does not count.
	var ok struct {
		Actors struct{ TotalCount int }
		Schema struct{ QueryType struct{ Name string } } `json:"__schema"`
	}
	postJSON(t, c, `fragment F on Actor { name } { actors { totalCount edges { node { ...F } } } __schema { queryType { name } types { fields { type { ofType { ofType { ofType { name } } } } } } } }`, &ok)
	if ok.Actors.TotalCount != 10 || ok.Schema.QueryType.Name != "Query" {
		t.Errorf("%+v", ok)
	}
}

// TestSchemaIsDocumented checks through introspection that every type, field,
// argument, input field and enum value of the API has a description.
func TestSchemaIsDocumented(t *testing.T) {
	c, _ := newClient(t, nil, httpapi.Config{})
	type named struct {
		Name        string
		Description *string
	}
	var resp struct {
		Schema struct {
			Types []struct {
				named
				Fields []struct {
					named
					Args []named
				}
				InputFields []named
				EnumValues  []named
			}
		} `json:"__schema"`
	}
	postJSON(t, c, `{ __schema { types { name description fields { name description args { name description } } inputFields { name description } enumValues { name description } } } }`, &resp)
	missing := func(what string, n named) {
		if n.Description == nil || strings.TrimSpace(*n.Description) == "" {
			t.Errorf("%s %s has no description", what, n.Name)
		}
	}
	var checked int
	for _, ty := range resp.Schema.Types {
		if strings.HasPrefix(ty.Name, "__") || ty.Name == "String" || ty.Name == "Int" || ty.Name == "Float" || ty.Name == "Boolean" || ty.Name == "ID" {
			continue
		}
		checked++
		missing("type", ty.named)
		for _, f := range ty.Fields {
			missing("field "+ty.Name+".", f.named)
			for _, a := range f.Args {
				missing("argument "+ty.Name+"."+f.Name+".", a)
			}
		}
		for _, f := range ty.InputFields {
			missing("input field "+ty.Name+".", f)
		}
		for _, v := range ty.EnumValues {
			missing("enum value "+ty.Name+".", v)
		}
	}
	if checked < 40 {
		t.Errorf("only %d types checked", checked)
	}
}

func TestIntrospectionCanBeDisabled(t *testing.T) {
	c, _ := newClient(t, nil, httpapi.Config{DisableIntrospection: true})
	errs := postErr(t, c, `{ __schema { queryType { name } } }`)
	if len(errs) == 0 || !strings.Contains(errs[0].Message, "introspection") {
		t.Errorf("%+v", errs)
	}
}

// downStore is a store whose backend does not answer.
type downStore struct{ store.Store }

func (downStore) Ping(context.Context) error {
	return errors.Join(store.ErrUnavailable, errors.New("connection refused"))
}

func TestHealthAndReadiness(t *testing.T) {
	s := openStore(t)
	up := httpapi.New(httpapi.Config{Store: s})
	down := httpapi.New(httpapi.Config{Store: downStore{s}})
	for _, tc := range []struct {
		h      http.Handler
		path   string
		status int
	}{
		{up, "/healthz", 200}, {up, "/readyz", 200},
		{down, "/healthz", 200}, {down, "/readyz", 503},
	} {
		if res, body := do(t, tc.h, "GET", tc.path, "", nil); res.StatusCode != tc.status {
			t.Errorf("%s: %d %s, want %d", tc.path, res.StatusCode, body, tc.status)
		}
	}
}

func TestGraphiQLIsServedOffline(t *testing.T) {
	h := httpapi.New(httpapi.Config{Store: openStore(t)})
	res, page := do(t, h, "GET", "/", "", nil)
	if res.StatusCode != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") || !strings.Contains(page, "GraphiQL") {
		t.Fatalf("%d %s", res.StatusCode, page)
	}
	if strings.Contains(page, "https://") || strings.Contains(page, "http://") {
		t.Errorf("the page loads something from the network")
	}
	for _, asset := range []string{"/graphiql/graphiql.min.js", "/graphiql/graphiql.min.css", "/graphiql/react.production.min.js", "/graphiql/react-dom.production.min.js"} {
		if !strings.Contains(page, asset) {
			t.Errorf("page does not use %s", asset)
		}
		res, body := do(t, h, "GET", asset, "", nil)
		if res.StatusCode != 200 || len(body) < 5000 {
			t.Errorf("%s: %d, %d bytes", asset, res.StatusCode, len(body))
		}
	}
	if res, _ := do(t, h, "GET", "/nothing-here", "", nil); res.StatusCode != 404 {
		t.Errorf("unknown path: %d", res.StatusCode)
	}
}

func TestErrorsDoNotLeakInternals(t *testing.T) {
	s := openStore(t)
	c := client.New(httpapi.New(httpapi.Config{Store: brokenStore{s}}), client.Path("/graphql"))
	errs := postErr(t, c, `{ stats { actors } }`)
	if len(errs) != 1 || errs[0].Message != "internal error" || codeOf(errs) != "INTERNAL_SERVER_ERROR" {
		t.Errorf("%+v", errs)
	}
	b, _ := json.Marshal(errs)
	if strings.Contains(string(b), "disk on fire") {
		t.Errorf("internal detail leaked: %s", b)
	}
}

type brokenStore struct{ store.Store }

func (brokenStore) Stats(context.Context) (store.Stats, error) {
	return store.Stats{}, errors.New("sqlite: disk on fire")
}
