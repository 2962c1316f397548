package guard

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/demarche/demarche/store"
)

var ok = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { _, _ = io.WriteString(w, "ok") })

func do(h http.Handler, r *http.Request) *httptest.ResponseRecorder {
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

func TestRateLimitAnswers429WithRetryAfter(t *testing.T) {
	rl := NewRateLimiter(1, 3, nil)
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	rl.now = func() time.Time { return now }
	h := rl.Middleware(ok)
	get := func(ip string) *httptest.ResponseRecorder {
		r := httptest.NewRequest("GET", "/graphql", nil)
		r.RemoteAddr = ip + ":1234"
		return do(h, r)
	}
	for i := range 3 {
		if w := get("10.0.0.1"); w.Code != 200 {
			t.Fatalf("request %d within the burst: %d", i, w.Code)
		}
	}
	w := get("10.0.0.1")
	if w.Code != http.StatusTooManyRequests {
		t.Fatalf("over the burst: got %d, want 429", w.Code)
	}
	if ra, err := strconv.Atoi(w.Header().Get("Retry-After")); err != nil || ra < 1 {
		t.Fatalf("Retry-After = %q, want whole seconds >= 1", w.Header().Get("Retry-After"))
	}
	if w := get("10.0.0.2"); w.Code != 200 {
		t.Fatalf("another client is limited too: %d", w.Code)
	}
	now = now.Add(1100 * time.Millisecond) // one token back
	if w := get("10.0.0.1"); w.Code != 200 {
		t.Fatalf("after the refill: %d", w.Code)
	}
	if w := get("10.0.0.1"); w.Code != http.StatusTooManyRequests {
		t.Fatalf("refilled one token only, second request: %d", w.Code)
	}
}

func TestConcurrencyCapAnswers503(t *testing.T) {
	release := make(chan struct{})
	entered := make(chan struct{}, 4)
	slow := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		entered <- struct{}{}
		<-release
		_, _ = io.WriteString(w, "done")
	})
	h := Concurrency(2, 1)(slow)
	var wg sync.WaitGroup
	codes := make([]int, 2)
	for i := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			codes[i] = do(h, httptest.NewRequest("POST", "/graphql", nil)).Code
		}()
	}
	<-entered
	<-entered
	w := do(h, httptest.NewRequest("POST", "/graphql", nil))
	if w.Code != http.StatusServiceUnavailable || w.Header().Get("Retry-After") == "" {
		t.Fatalf("third request at a cap of 2: %d (Retry-After %q), want 503 with Retry-After", w.Code, w.Header().Get("Retry-After"))
	}
	// Streams have their own cap: one subscription still gets in.
	sse := httptest.NewRequest("POST", "/graphql", nil)
	sse.Header.Set("Accept", "text/event-stream")
	sseDone := make(chan int)
	go func() { sseDone <- do(h, sse).Code }()
	<-entered
	sse2 := httptest.NewRequest("POST", "/graphql", nil)
	sse2.Header.Set("Accept", "text/event-stream")
	if w := do(h, sse2); w.Code != http.StatusServiceUnavailable {
		t.Fatalf("second stream at a stream cap of 1: %d", w.Code)
	}
	close(release)
	wg.Wait()
	if codes[0] != 200 || codes[1] != 200 || <-sseDone != 200 {
		t.Fatalf("admitted requests: %v", codes)
	}
	if w := do(h, httptest.NewRequest("POST", "/graphql", nil)); w.Code != 200 {
		t.Fatalf("after the others finished: %d", w.Code)
	}
}

func TestCORS(t *testing.T) {
	h := CORS([]string{"https://dash.example.org"})(ok)
	pre := func(origin string) *httptest.ResponseRecorder {
		r := httptest.NewRequest("OPTIONS", "/graphql", nil)
		r.Header.Set("Origin", origin)
		r.Header.Set("Access-Control-Request-Method", "POST")
		r.Header.Set("Access-Control-Request-Headers", "authorization, content-type")
		return do(h, r)
	}
	w := pre("https://dash.example.org")
	if w.Code != http.StatusNoContent || w.Header().Get("Access-Control-Allow-Origin") != "https://dash.example.org" ||
		!strings.Contains(w.Header().Get("Access-Control-Allow-Headers"), "Authorization") {
		t.Fatalf("allowed preflight: %d %v", w.Code, w.Header())
	}
	if w.Header().Get("Access-Control-Allow-Credentials") != "" {
		t.Fatal("credentials must not be allowed")
	}
	w = pre("https://evil.example.com")
	if w.Code != http.StatusForbidden || w.Header().Get("Access-Control-Allow-Origin") != "" {
		t.Fatalf("denied preflight: %d %v", w.Code, w.Header())
	}
	r := httptest.NewRequest("POST", "/graphql", nil)
	r.Header.Set("Origin", "https://evil.example.com")
	if w := do(h, r); w.Header().Get("Access-Control-Allow-Origin") != "" {
		t.Fatalf("denied origin got CORS headers: %v", w.Header())
	}
	r = httptest.NewRequest("POST", "/graphql", nil)
	r.Header.Set("Origin", "https://dash.example.org")
	if w := do(h, r); w.Header().Get("Access-Control-Allow-Origin") != "https://dash.example.org" {
		t.Fatalf("allowed origin: %v", w.Header())
	}
	// Off by default: no origin list, no header, whatever the origin.
	off := CORS(nil)(ok)
	r = httptest.NewRequest("POST", "/graphql", nil)
	r.Header.Set("Origin", "https://dash.example.org")
	if w := do(off, r); w.Header().Get("Access-Control-Allow-Origin") != "" {
		t.Fatalf("CORS is on without an allowlist: %v", w.Header())
	}
}

func TestSecurityHeaders(t *testing.T) {
	script := []byte("\n    const url = 1;\n  ")
	h := Headers(script)(ok)
	for _, path := range []string{"/", "/graphql", "/export/csv"} {
		w := do(h, httptest.NewRequest("GET", path, nil))
		for k, v := range map[string]string{"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer", "X-Frame-Options": "DENY"} {
			if got := w.Header().Get(k); got != v {
				t.Errorf("%s: %s = %q, want %q", path, k, got, v)
			}
		}
		if csp := w.Header().Get("Content-Security-Policy"); !strings.Contains(csp, "frame-ancestors 'none'") {
			t.Errorf("%s: CSP %q has no frame-ancestors 'none'", path, csp)
		}
	}
	csp := do(h, httptest.NewRequest("GET", "/", nil)).Header().Get("Content-Security-Policy")
	if !strings.Contains(csp, "'sha256-") || strings.Contains(csp, "'unsafe-eval'") || strings.Contains(csp, "script-src 'self' 'unsafe-inline'") {
		t.Errorf("GraphiQL CSP %q: want the inline script by hash, no unsafe-inline scripts", csp)
	}
	if got := InlineScripts([]byte("<head><script src=a.js></script></head><script>" + string(script) + "</script>")); len(got) != 1 || string(got[0]) != string(script) {
		t.Errorf("InlineScripts = %q", got)
	}
	// A handler's own policy wins (the explorer page sets one).
	own := Headers()(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", "default-src 'self'")
	}))
	if got := do(own, httptest.NewRequest("GET", "/explore/", nil)).Header().Get("Content-Security-Policy"); got != "default-src 'self'" {
		t.Errorf("handler's CSP overridden: %q", got)
	}
}

func TestTimeoutCancelsContext(t *testing.T) {
	var sawDeadline bool
	var ctxErr error
	slow := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, sawDeadline = r.Context().Deadline()
		select {
		case <-r.Context().Done():
			ctxErr = r.Context().Err()
		case <-time.After(5 * time.Second):
		}
	})
	w := do(Timeout(50*time.Millisecond, time.Hour)(slow), httptest.NewRequest("POST", "/graphql", nil))
	if !sawDeadline || !errors.Is(ctxErr, context.DeadlineExceeded) {
		t.Fatalf("deadline %v, ctx error %v: the handler's context was not cancelled", sawDeadline, ctxErr)
	}
	if w.Code != http.StatusServiceUnavailable {
		t.Fatalf("timed-out request answered %d, want 503", w.Code)
	}
	// Streams (subscriptions) get no deadline.
	r := httptest.NewRequest("GET", "/graphql", nil)
	r.Header.Set("Upgrade", "websocket")
	var streamDeadline bool
	do(Timeout(time.Millisecond, time.Hour)(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, streamDeadline = r.Context().Deadline()
	})), r)
	if streamDeadline {
		t.Fatal("a WebSocket stream got a deadline")
	}
	// An export cut off midway is aborted, not ended as if whole.
	streaming := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.WriteString(w, "<graphml>")
		<-r.Context().Done()
	})
	defer func() {
		if p := recover(); p != http.ErrAbortHandler {
			t.Fatalf("cut-off export: recovered %v, want http.ErrAbortHandler", p)
		}
	}()
	do(Timeout(time.Hour, 20*time.Millisecond)(streaming), httptest.NewRequest("GET", "/export/graphml", nil))
	t.Fatal("cut-off export was not aborted")
}

func TestBodyGateNeedsTokenForLargeBodies(t *testing.T) {
	h := BodyGate("s3cret", 10)(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, err := io.ReadAll(r.Body); err != nil {
			http.Error(w, err.Error(), http.StatusRequestEntityTooLarge)
		}
	}))
	big := func(tok string) *http.Request {
		r := httptest.NewRequest("POST", "/graphql", strings.NewReader(strings.Repeat("x", 100)))
		if tok != "" {
			r.Header.Set("Authorization", "Bearer "+tok)
		}
		return r
	}
	if w := do(h, big("")); w.Code != http.StatusUnauthorized || w.Header().Get("WWW-Authenticate") == "" {
		t.Fatalf("large anonymous body: %d", w.Code)
	}
	if w := do(h, big("wrong")); w.Code != http.StatusUnauthorized {
		t.Fatalf("large body, wrong token: %d", w.Code)
	}
	if w := do(h, big("s3cret")); w.Code != 200 {
		t.Fatalf("large body with the token: %d", w.Code)
	}
	r := big("")
	r.ContentLength = -1 // chunked: cut at the limit
	if w := do(h, r); w.Code != http.StatusRequestEntityTooLarge {
		t.Fatalf("large chunked anonymous body: %d", w.Code)
	}
	if w := do(h, httptest.NewRequest("POST", "/graphql", strings.NewReader("{}"))); w.Code != 200 {
		t.Fatalf("small anonymous body: %d", w.Code)
	}
}

func TestExportGateNeedsTokenForLargeExports(t *testing.T) {
	var asked store.StatementFilter
	count := func(_ context.Context, f store.StatementFilter) (int, error) {
		asked = f
		if len(f.Kinds) > 0 {
			return 5, nil
		}
		return 500, nil
	}
	h := ExportGate("s3cret", 100, count)(ok)
	get := func(url, tok string) int {
		r := httptest.NewRequest("GET", url, nil)
		if tok != "" {
			r.Header.Set("Authorization", "Bearer "+tok)
		}
		return do(h, r).Code
	}
	if c := get("/export/graphml", ""); c != http.StatusUnauthorized {
		t.Fatalf("whole-graph export without token: %d", c)
	}
	if c := get("/export/graphml", "s3cret"); c != 200 {
		t.Fatalf("whole-graph export with token: %d", c)
	}
	if c := get("/export/graphml?kinds=accuses", ""); c != 200 || len(asked.Kinds) != 1 {
		t.Fatalf("small filtered export without token: %d (filter %+v)", c, asked)
	}
	if c := get("/export/nope", ""); c != 200 {
		t.Fatalf("unknown format must reach the export handler: %d", c)
	}
}

func TestWrapExemptsProbes(t *testing.T) {
	h := Wrap(Config{RateLimit: 1, RateBurst: 1}, ok)
	for i := range 5 {
		r := httptest.NewRequest("GET", "/healthz", nil)
		if w := do(h, r); w.Code != 200 {
			t.Fatalf("probe %d rate limited: %d", i, w.Code)
		}
	}
	do(h, httptest.NewRequest("GET", "/graphql", nil))
	if w := do(h, httptest.NewRequest("GET", "/graphql", nil)); w.Code != http.StatusTooManyRequests {
		t.Fatalf("second request at 1 rps, burst 1: %d", w.Code)
	}
}

func TestDrainerEndsStreams(t *testing.T) {
	d := NewDrainer()
	started := make(chan struct{})
	ended := make(chan error, 1)
	h := d.Middleware(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !Streaming(r) {
			_, _ = io.WriteString(w, "plain")
			return
		}
		close(started)
		<-r.Context().Done()
		ended <- r.Context().Err()
	}))
	sse := func() *http.Request {
		r := httptest.NewRequest("POST", "/graphql", nil)
		r.Header.Set("Accept", "text/event-stream")
		return r
	}
	go do(h, sse())
	<-started
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := d.Close(ctx); err != nil {
		t.Fatalf("Close: %v", err)
	}
	select {
	case err := <-ended:
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("stream context ended with %v", err)
		}
	default:
		t.Fatal("Close returned before the stream's handler did")
	}
	if w := do(h, sse()); w.Code != http.StatusServiceUnavailable {
		t.Fatalf("stream after Close: %d", w.Code)
	}
	if w := do(h, httptest.NewRequest("POST", "/graphql", nil)); w.Code != 200 {
		t.Fatalf("plain request after Close: %d (Shutdown, not the drainer, refuses those)", w.Code)
	}
}
