package explorer

import (
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
)

func get(t *testing.T, h http.Handler, method, target string, header map[string]string) *http.Response {
	t.Helper()
	req := httptest.NewRequest(method, target, nil)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Result()
}

func body(t *testing.T, res *http.Response) string {
	t.Helper()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// assetRefs are the script and stylesheet URLs index.html loads.
var assetRefs = regexp.MustCompile(`(?:src|href)="\./(assets/[^"]+)"`)

func TestHandlerServesIndex(t *testing.T) {
	h := Handler()
	res := get(t, h, http.MethodGet, "/explore/", nil)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET /explore/: status %d", res.StatusCode)
	}
	if ct := res.Header.Get("Content-Type"); ct != "text/html; charset=utf-8" {
		t.Errorf("index Content-Type = %q", ct)
	}
	if cc := res.Header.Get("Cache-Control"); cc != "no-cache" {
		t.Errorf("index Cache-Control = %q, want no-cache", cc)
	}
	if csp := res.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "connect-src 'self'") {
		t.Errorf("index Content-Security-Policy = %q", csp)
	}
	html := body(t, res)
	for _, want := range []string{"<title>Demarche explorer</title>", `id="graph"`, `id="search-input"`} {
		if !strings.Contains(html, want) {
			t.Errorf("index.html lacks %s", want)
		}
	}

	// The ETag lets a browser revalidate the uncached page cheaply.
	etag := res.Header.Get("ETag")
	if etag == "" {
		t.Fatal("index has no ETag")
	}
	if res := get(t, h, http.MethodGet, "/explore/", map[string]string{"If-None-Match": etag}); res.StatusCode != http.StatusNotModified {
		t.Errorf("revalidation: status %d, want 304", res.StatusCode)
	}
	// A shared view's query string does not change what is served.
	if res := get(t, h, http.MethodGet, "/explore/?actor=state:CHN&kinds=DENIES", nil); res.StatusCode != http.StatusOK || body(t, res) != html {
		t.Errorf("GET /explore/?actor=...: status %d or a different page", res.StatusCode)
	}
}

func TestHandlerServesAssets(t *testing.T) {
	h := Handler()
	html := body(t, get(t, h, http.MethodGet, "/explore/", nil))
	refs := assetRefs.FindAllStringSubmatch(html, -1)
	want := map[string]string{".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8"}
	seen := map[string]bool{}
	for _, m := range refs {
		ref := m[1]
		ext := ref[strings.LastIndex(ref, "."):]
		res := get(t, h, http.MethodGet, "/explore/"+ref, nil)
		if res.StatusCode != http.StatusOK {
			t.Errorf("GET %s: status %d", ref, res.StatusCode)
			continue
		}
		if ct := res.Header.Get("Content-Type"); ct != want[ext] {
			t.Errorf("%s Content-Type = %q, want %q", ref, ct, want[ext])
		}
		if cc := res.Header.Get("Cache-Control"); !strings.Contains(cc, "immutable") {
			t.Errorf("%s Cache-Control = %q, want immutable", ref, cc)
		}
		if res.Header.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s lacks X-Content-Type-Options: nosniff", ref)
		}
		embedded, err := fs.ReadFile(dist, "dist/"+ref)
		if err != nil {
			t.Fatal(err)
		}
		if got := body(t, res); got != string(embedded) {
			t.Errorf("%s: served %d bytes, embedded %d", ref, len(got), len(embedded))
		}
		seen[ext] = true
	}
	if !seen[".js"] || !seen[".css"] {
		t.Fatalf("index.html should load a script and a stylesheet from assets/, found %q", refs)
	}
	// HEAD works like GET without a body.
	if res := get(t, h, http.MethodHead, "/explore/"+refs[0][1], nil); res.StatusCode != http.StatusOK || body(t, res) != "" {
		t.Errorf("HEAD asset: status %d", res.StatusCode)
	}
}

func TestHandlerRejects(t *testing.T) {
	h := Handler()
	for _, tc := range []struct {
		method, target string
		status         int
	}{
		{http.MethodGet, "/explore/assets/nope.js", http.StatusNotFound},
		{http.MethodGet, "/explore/assets/", http.StatusNotFound},
		{http.MethodGet, "/explore/src/main.js", http.StatusNotFound},
		{http.MethodGet, "/explore/package.json", http.StatusNotFound},
		{http.MethodGet, "/explore/assets/../index.html", http.StatusNotFound},
		{http.MethodPost, "/explore/", http.StatusMethodNotAllowed},
		{http.MethodGet, "/elsewhere", http.StatusMovedPermanently},
	} {
		res := get(t, h, tc.method, tc.target, nil)
		if res.StatusCode != tc.status {
			t.Errorf("%s %s: status %d, want %d", tc.method, tc.target, res.StatusCode, tc.status)
		}
	}
}

func TestMountedRedirectsBareExplore(t *testing.T) {
	// As cli_serve.go mounts it: ServeMux redirects /explore to /explore/,
	// keeping a shared view's query string.
	mux := http.NewServeMux()
	mux.Handle(Prefix, Handler())
	res := get(t, mux, http.MethodGet, "/explore?actor=state:CHN", nil)
	if res.StatusCode < 300 || res.StatusCode > 308 {
		t.Fatalf("GET /explore: status %d, want a redirect", res.StatusCode)
	}
	if loc := res.Header.Get("Location"); loc != "/explore/?actor=state:CHN" {
		t.Errorf("Location = %q", loc)
	}
}
