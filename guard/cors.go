package guard

import (
	"net/http"
	"strings"
)

// CORS lets browsers on the listed origins call the API (exact origins such
// as "https://dashboard.example.org", or "*" for any). With no origins it does
// nothing: no CORS header is sent, so browsers keep other sites' pages from
// reading answers. A preflight (OPTIONS with Access-Control-Request-Method)
// from an allowed origin is answered here with 204; one from another origin
// gets 403. Credentials (cookies) are never allowed: the API authenticates
// with a bearer token, which a page must send itself.
func CORS(origins []string) func(http.Handler) http.Handler {
	allowed := map[string]bool{}
	anyOrigin := false
	for _, o := range origins {
		o = strings.TrimRight(strings.TrimSpace(o), "/")
		if o == "*" {
			anyOrigin = true
		} else if o != "" {
			allowed[strings.ToLower(o)] = true
		}
	}
	return func(next http.Handler) http.Handler {
		if !anyOrigin && len(allowed) == 0 {
			return next
		}
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			origin := r.Header.Get("Origin")
			w.Header().Add("Vary", "Origin")
			preflight := r.Method == http.MethodOptions && r.Header.Get("Access-Control-Request-Method") != ""
			if origin == "" {
				next.ServeHTTP(w, r)
				return
			}
			if !anyOrigin && !allowed[strings.ToLower(origin)] {
				if preflight {
					refuse(w, http.StatusForbidden, "origin not allowed")
					return
				}
				next.ServeHTTP(w, r) // no CORS headers: the browser hides the answer
				return
			}
			h := w.Header()
			h.Set("Access-Control-Allow-Origin", origin)
			if preflight {
				h.Add("Vary", "Access-Control-Request-Method")
				h.Add("Vary", "Access-Control-Request-Headers")
				h.Set("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
				h.Set("Access-Control-Allow-Headers", "Authorization, Content-Type, Accept")
				h.Set("Access-Control-Max-Age", "600")
				w.WriteHeader(http.StatusNoContent)
				return
			}
			h.Set("Access-Control-Expose-Headers", "Retry-After, Content-Disposition")
			next.ServeHTTP(w, r)
		})
	}
}
