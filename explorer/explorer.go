// Package explorer serves the explorer web page under /explore/: a search box,
// an actor's ego network (Cytoscape.js), the statements behind an edge, a
// timeline by month and kind, filters kept in the URL, and exports. The page
// talks only to the public API (POST /graphql, GET /export/{format}).
//
// The page is built with npm (vite) from this directory's sources into dist/,
// which is committed and embedded in the binary, so serving it needs nothing
// at run time. After changing the sources run `npm ci && npm run build` here;
// scripts/explorer-e2e rebuilds from the lockfile, fails when dist/ differs
// from what is committed, and runs the end-to-end test in headless Chromium.
package explorer

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"net/http"
	"path"
	"strings"
)

//go:embed dist
var dist embed.FS

// Prefix is the path the page is served under.
const Prefix = "/explore/"

// contentSecurityPolicy lets the page load only its own assets and talk only
// to its own origin. Cytoscape sets inline styles on its canvas container and
// exports PNGs as data: and blob: URLs.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
	"img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'"

// Handler serves the built page: Prefix itself answers index.html (never
// cached, so a new binary's page shows at once) and Prefix+"assets/..." the
// fingerprinted scripts and styles (cached for a year). Anything else under
// Prefix is 404; methods other than GET and HEAD are 405.
func Handler() http.Handler {
	sub, err := fs.Sub(dist, "dist")
	if err != nil {
		panic("explorer: embedded dist missing: " + err.Error())
	}
	return handler(sub)
}

func handler(files fs.FS) http.Handler {
	fileServer := http.FileServerFS(files)
	index, err := fs.ReadFile(files, "index.html")
	if err != nil {
		panic("explorer: embedded index.html missing: " + err.Error())
	}
	sum := sha256.Sum256(index)
	indexETag := `"` + hex.EncodeToString(sum[:8]) + `"`
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		rest, ok := strings.CutPrefix(r.URL.Path, Prefix)
		if !ok {
			http.Redirect(w, r, Prefix, http.StatusMovedPermanently)
			return
		}
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		switch {
		case rest == "" || rest == "index.html":
			h.Set("Content-Security-Policy", contentSecurityPolicy)
			h.Set("Cache-Control", "no-cache")
			h.Set("Referrer-Policy", "same-origin")
			h.Set("ETag", indexETag)
			// Served directly: FileServer would redirect index.html to "./".
			http.ServeFileFS(w, r, files, "index.html")
		case strings.HasPrefix(rest, "assets/") && path.Clean(rest) == rest && !strings.HasSuffix(rest, "/"):
			if _, err := fs.Stat(files, rest); err != nil {
				http.NotFound(w, r)
				return
			}
			h.Set("Cache-Control", "public, max-age=31536000, immutable")
			r2 := r.Clone(r.Context())
			r2.URL.Path = "/" + rest
			fileServer.ServeHTTP(w, r2)
		default:
			http.NotFound(w, r)
		}
	})
}
