package guard

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"regexp"
	"strings"
)

// DefaultCSP is the Content-Security-Policy of every answer whose handler
// sets none (JSON answers, exports): nothing may load, nothing may frame it.
const DefaultCSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"

// GraphiQLCSP is the policy of the GraphiQL page: its own scripts (the inline
// one by hash), inline styles and data: fonts and images of its stylesheet,
// and connections to its own origin (HTTP and WebSocket).
func GraphiQLCSP(inlineScripts ...[]byte) string {
	script := "script-src 'self'"
	for _, s := range inlineScripts {
		sum := sha256.Sum256(s)
		script += " 'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
	}
	return "default-src 'self'; " + script + "; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
		"font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
}

var inlineScript = regexp.MustCompile(`(?s)<script>(.*?)</script>`)

// InlineScripts returns the bodies of a page's inline <script> elements, for
// GraphiQLCSP.
func InlineScripts(page []byte) [][]byte {
	var out [][]byte
	for _, m := range inlineScript.FindAllSubmatch(page, -1) {
		out = append(out, bytes.Clone(m[1]))
	}
	return out
}

// Headers sets the security headers on every answer: nosniff, no referrer,
// no framing, and a Content-Security-Policy: GraphiQLCSP for the GraphiQL page
// at / (allowing the given inline scripts), DefaultCSP elsewhere unless the
// handler sets its own (the /explore/ page does).
func Headers(graphiQLScripts ...[]byte) func(http.Handler) http.Handler {
	graphiql := GraphiQLCSP(graphiQLScripts...)
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			h := w.Header()
			h.Set("X-Content-Type-Options", "nosniff")
			h.Set("Referrer-Policy", "no-referrer")
			h.Set("X-Frame-Options", "DENY")
			h.Set("Cross-Origin-Opener-Policy", "same-origin")
			switch {
			case r.URL.Path == "/" || strings.HasPrefix(r.URL.Path, "/graphiql/"):
				h.Set("Content-Security-Policy", graphiql)
			default:
				h.Set("Content-Security-Policy", DefaultCSP)
			}
			next.ServeHTTP(w, r)
		})
	}
}
