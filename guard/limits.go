package guard

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync/atomic"
	"time"
)

// Timeout gives each request a deadline on its context: d for ordinary
// requests, export for /export/ requests; streams (subscriptions) get none.
// Store calls take the context, so a Neo4j transaction or an SQLite query
// stops at the deadline. When the deadline passes before the handler answered,
// the client gets 503; when a streamed answer was already under way, the
// connection is aborted so a cut-off export never looks whole.
func Timeout(d, export time.Duration) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			limit := d
			if strings.HasPrefix(r.URL.Path, "/export/") {
				limit = export
			}
			if limit <= 0 || Streaming(r) {
				next.ServeHTTP(w, r)
				return
			}
			ctx, cancel := context.WithTimeout(r.Context(), limit)
			defer cancel()
			tw := &timeoutWriter{ResponseWriter: w, ctx: ctx}
			next.ServeHTTP(tw, r.WithContext(ctx))
			if !errors.Is(ctx.Err(), context.DeadlineExceeded) || r.Context().Err() != nil {
				return
			}
			switch {
			case !tw.wrote.Load():
				w.Header().Del("Content-Disposition")
				w.Header().Set("Retry-After", "5")
				refuse(w, http.StatusServiceUnavailable, fmt.Sprintf("the request took longer than %s and was stopped", limit))
			case tw.early.Load():
				panic(http.ErrAbortHandler)
			}
		})
	}
}

// timeoutWriter records whether anything was written, and whether writing
// started before the deadline (a streamed answer the deadline cut short).
type timeoutWriter struct {
	http.ResponseWriter
	ctx   context.Context
	wrote atomic.Bool
	early atomic.Bool
}

func (w *timeoutWriter) mark() {
	if !w.wrote.Swap(true) && w.ctx.Err() == nil {
		w.early.Store(true)
	}
}

func (w *timeoutWriter) WriteHeader(code int) { w.mark(); w.ResponseWriter.WriteHeader(code) }

func (w *timeoutWriter) Write(b []byte) (int, error) { w.mark(); return w.ResponseWriter.Write(b) }

// Flush passes flushes through.
func (w *timeoutWriter) Flush() {
	if f, ok := w.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

// Unwrap gives http.ResponseController the underlying writer.
func (w *timeoutWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// Concurrency caps the requests in flight at maxRequests and the open streams
// (WebSocket and SSE subscriptions) at maxStreams; a request beyond either
// cap is answered 503 with Retry-After at once rather than queued. A cap <= 0
// is off.
func Concurrency(maxRequests, maxStreams int) func(http.Handler) http.Handler {
	reqs, streams := newSlots(maxRequests), newSlots(maxStreams)
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			s, what := reqs, "requests"
			if Streaming(r) {
				s, what = streams, "subscriptions"
			}
			if !s.acquire() {
				w.Header().Set("Retry-After", "1")
				refuse(w, http.StatusServiceUnavailable, "the server is at its limit of concurrent "+what+"; retry shortly")
				return
			}
			defer s.release()
			next.ServeHTTP(w, r)
		})
	}
}

// slots is a counting semaphore; a nil *slots admits everything.
type slots chan struct{}

func newSlots(n int) slots {
	if n <= 0 {
		return nil
	}
	return make(slots, n)
}

func (s slots) acquire() bool {
	if s == nil {
		return true
	}
	select {
	case s <- struct{}{}:
		return true
	default:
		return false
	}
}

func (s slots) release() {
	if s != nil {
		<-s
	}
}
