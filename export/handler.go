package export

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/demarche/demarche/store"
)

// Handler serves GET /export/{format} with the filters of the statements query
// as URL parameters: kinds (comma-separated), speaker, target, either (actor
// ids, comma-separated), incident, from and to (YYYY-MM-DD), publisher, text,
// article, rollup (default true, as the CLI) and graph (actors or provenance).
// Bad parameters answer 400 and an unknown format 404 before anything is
// written. A store failure before the first bytes are sent answers 500 (503
// when the store is unavailable); one midway aborts the response so the client
// sees a broken transfer, never a short file that looks whole.
//
// One export runs at a time; others wait up to SlotWait for their turn, then
// get 503 with Retry-After. An export holds a store cursor while it looks
// actors up on a second read connection, so exports side by side could take
// every connection of the embedded store's small read pool and wait on each
// other for ever.
func Handler(s store.Store) http.Handler {
	slot := make(chan struct{}, 1)
	mux := http.NewServeMux()
	mux.HandleFunc("GET /export/{format}", func(w http.ResponseWriter, r *http.Request) {
		opts, err := ParseQuery(r.PathValue("format"), r.URL.Query())
		if errors.Is(err, ErrUnknown) {
			http.Error(w, err.Error(), http.StatusNotFound)
			return
		}
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		wait := time.NewTimer(SlotWait)
		defer wait.Stop()
		select {
		case slot <- struct{}{}:
			defer func() { <-slot }()
		case <-wait.C:
			w.Header().Set("Retry-After", "10")
			http.Error(w, "another export is running; retry later", http.StatusServiceUnavailable)
			return
		case <-r.Context().Done():
			return
		}
		h := w.Header()
		h.Set("Content-Type", ContentType(opts.Format))
		h.Set("Content-Disposition", fmt.Sprintf("attachment; filename=%q", FileName(opts)))
		h.Set("X-Content-Type-Options", "nosniff")
		cw := &countingResponse{ResponseWriter: w}
		if err := Write(r.Context(), cw, s, opts); err != nil {
			if r.Context().Err() != nil {
				return // the client went away
			}
			slog.ErrorContext(r.Context(), "export failed", "format", opts.Format, "written", cw.n, "err", err)
			if cw.n == 0 { // nothing sent yet: a plain error answer
				h.Del("Content-Disposition")
				code := http.StatusInternalServerError
				if errors.Is(err, store.ErrUnavailable) {
					code = http.StatusServiceUnavailable
				}
				http.Error(w, "export failed: "+err.Error(), code)
				return
			}
			panic(http.ErrAbortHandler)
		}
	})
	return mux
}

// countingResponse counts the bytes sent, to tell whether an error can still
// be answered with a status.
type countingResponse struct {
	http.ResponseWriter
	n int64
}

func (c *countingResponse) Write(p []byte) (int, error) {
	n, err := c.ResponseWriter.Write(p)
	c.n += int64(n)
	return n, err
}

// SlotWait is how long an export request waits for the one running before it
// to finish.
var SlotWait = 30 * time.Second

// ParseQuery turns an export request's format and URL parameters into Options.
// Errors wrap ErrUnknown for an unknown format, else store.ErrInvalid.
func ParseQuery(format string, q url.Values) (Options, error) {
	opts := Options{Format: format, Graph: q.Get("graph"), Filter: store.StatementFilter{Rollup: true}}
	if _, ok := formatInfos[format]; !ok {
		return opts, fmt.Errorf("%w %q (want one of %s)", ErrUnknown, format, strings.Join(Formats, ", "))
	}
	if g := opts.graph(); g != GraphActors && g != GraphProvenance {
		return opts, fmt.Errorf("%w: graph %q (want %s or %s)", store.ErrInvalid, g, GraphActors, GraphProvenance)
	}
	f := &opts.Filter
	for _, k := range list(q.Get("kinds")) {
		kind := store.StatementKind(strings.ToUpper(k))
		if !kind.Valid() {
			return opts, fmt.Errorf("%w: statement kind %q", store.ErrInvalid, k)
		}
		f.Kinds = append(f.Kinds, kind)
	}
	f.Speakers, f.Targets, f.Either = list(q.Get("speaker")), list(q.Get("target")), list(q.Get("either"))
	f.Incident, f.Publisher, f.TextContains, f.ArticleID = q.Get("incident"), q.Get("publisher"), q.Get("text"), q.Get("article")
	for _, d := range []struct {
		name string
		into *time.Time
	}{{"from", &f.From}, {"to", &f.To}} {
		v := q.Get(d.name)
		if v == "" {
			continue
		}
		t, err := time.Parse(time.DateOnly, v)
		if err != nil {
			return opts, fmt.Errorf("%w: %s=%q is not YYYY-MM-DD", store.ErrInvalid, d.name, v)
		}
		*d.into = t
	}
	if v := q.Get("rollup"); v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			return opts, fmt.Errorf("%w: rollup=%q is not true or false", store.ErrInvalid, v)
		}
		f.Rollup = b
	}
	return opts, nil
}

func list(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
