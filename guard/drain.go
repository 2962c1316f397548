package guard

import (
	"context"
	"net/http"
	"sync"
)

// Drainer ends long-lived streams (WebSocket and SSE subscriptions) when the
// server shuts down. http.Server.Shutdown waits for in-flight requests, but a
// subscription never finishes by itself (and a WebSocket, once hijacked, is
// not waited for at all): Close cancels their contexts, so each ends its
// stream cleanly, and waits until their handlers have returned.
type Drainer struct {
	mu      sync.Mutex
	closed  bool
	closing chan struct{}
	wg      sync.WaitGroup
}

// NewDrainer returns a Drainer with no stream yet.
func NewDrainer() *Drainer { return &Drainer{closing: make(chan struct{})} }

// Middleware tracks streaming requests; ordinary requests pass untouched.
// Streams that arrive after Close get 503.
func (d *Drainer) Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !Streaming(r) {
			next.ServeHTTP(w, r)
			return
		}
		d.mu.Lock()
		if d.closed {
			d.mu.Unlock()
			refuse(w, http.StatusServiceUnavailable, "the server is shutting down")
			return
		}
		d.wg.Add(1)
		d.mu.Unlock()
		defer d.wg.Done()
		ctx, cancel := context.WithCancel(r.Context())
		defer cancel()
		go func() {
			select {
			case <-d.closing:
				cancel()
			case <-ctx.Done():
			}
		}()
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// Close ends every open stream and waits for their handlers to return, or
// for ctx to end.
func (d *Drainer) Close(ctx context.Context) error {
	d.mu.Lock()
	if !d.closed {
		d.closed = true
		close(d.closing)
	}
	d.mu.Unlock()
	done := make(chan struct{})
	go func() { d.wg.Wait(); close(done) }()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
