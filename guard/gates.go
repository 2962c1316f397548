package guard

import (
	"context"
	"fmt"
	"net/http"
	"strings"

	"github.com/demarche/demarche/export"
	"github.com/demarche/demarche/store"
)

// BodyGate requires the bearer token for request bodies over limit bytes (an
// ingested document, a bulk request): a declared length over limit answers 401
// at once, an undeclared one is cut at limit (the handler then fails to read
// it and answers 4xx). Requests with the token pass untouched (the API's own
// body limit still applies).
func BodyGate(token string, limit int64) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.Body == nil || r.Body == http.NoBody || TokenMatches(r, token) {
				next.ServeHTTP(w, r)
				return
			}
			if r.ContentLength > limit {
				w.Header().Set("WWW-Authenticate", `Bearer realm="demarche"`)
				refuse(w, http.StatusUnauthorized, fmt.Sprintf("request bodies over %d bytes need the bearer token (Authorization: Bearer <DEMARCHE_TOKEN>)", limit))
				return
			}
			r.Body = http.MaxBytesReader(w, r.Body, limit)
			next.ServeHTTP(w, r)
		})
	}
}

// ExportCounter counts the statements an export with filter f would write.
type ExportCounter func(ctx context.Context, f store.StatementFilter) (int, error)

// StoreCounter counts with s.CountStatements.
func StoreCounter(s store.Store) ExportCounter {
	return func(ctx context.Context, f store.StatementFilter) (int, error) {
		counts, err := s.CountStatements(ctx, f)
		n := 0
		for _, c := range counts {
			n += c.Count
		}
		return n, err
	}
}

// ExportGate requires the bearer token for exports (GET /export/{format})
// that would hold more than limit statements: without it they answer 401
// before any work. Exports whose parameters do not parse pass through (the
// export handler answers 400 or 404).
func ExportGate(token string, limit int, count ExportCounter) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			format, ok := strings.CutPrefix(r.URL.Path, "/export/")
			if !ok || r.Method != http.MethodGet || TokenMatches(r, token) {
				next.ServeHTTP(w, r)
				return
			}
			opts, err := export.ParseQuery(format, r.URL.Query())
			if err != nil {
				next.ServeHTTP(w, r)
				return
			}
			n, err := count(r.Context(), opts.Filter)
			if err != nil {
				next.ServeHTTP(w, r) // the export itself reports the store's failure
				return
			}
			if n > limit {
				w.Header().Set("WWW-Authenticate", `Bearer realm="demarche"`)
				refuse(w, http.StatusUnauthorized, fmt.Sprintf("this export holds %d statements; exports of more than %d need the bearer token (Authorization: Bearer <DEMARCHE_TOKEN>) or narrower filters", n, limit))
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}
