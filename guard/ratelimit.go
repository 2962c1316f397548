package guard

import (
	"log/slog"
	"math"
	"net"
	"net/http"
	"strconv"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// maxClients bounds the rate limiter's table; beyond it, unknown clients
// share one bucket until idle entries are swept.
const maxClients = 1 << 16

// RateLimiter is a token bucket per client (the connection's remote IP: put a
// proxy's own limit in front when clients arrive through one).
type RateLimiter struct {
	rps   rate.Limit
	burst int
	log   *slog.Logger
	now   func() time.Time

	mu        sync.Mutex
	clients   map[string]*client
	overflow  *rate.Limiter
	lastSweep time.Time
}

type client struct {
	lim  *rate.Limiter
	seen time.Time
}

// NewRateLimiter allows each client rps requests per second with bursts of burst.
func NewRateLimiter(rps float64, burst int, log *slog.Logger) *RateLimiter {
	if log == nil {
		log = slog.Default()
	}
	return &RateLimiter{rps: rate.Limit(rps), burst: burst, log: log, now: time.Now,
		clients: map[string]*client{}, overflow: rate.NewLimiter(rate.Limit(rps), burst)}
}

// Middleware answers 429 Too Many Requests, with Retry-After in whole
// seconds, to a client over its rate.
func (l *RateLimiter) Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if wait, ok := l.Allow(ClientIP(r)); !ok {
			secs := max(1, int(math.Ceil(wait.Seconds())))
			w.Header().Set("Retry-After", strconv.Itoa(secs))
			l.log.Debug("rate limited", "client", ClientIP(r), "retry_after_s", secs)
			refuse(w, http.StatusTooManyRequests, "too many requests; retry after "+strconv.Itoa(secs)+"s")
			return
		}
		next.ServeHTTP(w, r)
	})
}

// Allow takes a token from key's bucket, or says how long until one is there.
func (l *RateLimiter) Allow(key string) (time.Duration, bool) {
	now := l.now()
	lim := l.limiter(key, now)
	res := lim.ReserveN(now, 1)
	if !res.OK() {
		return time.Second, false
	}
	if d := res.DelayFrom(now); d > 0 {
		res.CancelAt(now)
		return d, false
	}
	return 0, true
}

func (l *RateLimiter) limiter(key string, now time.Time) *rate.Limiter {
	l.mu.Lock()
	defer l.mu.Unlock()
	if now.Sub(l.lastSweep) > time.Minute {
		l.sweep(now)
	}
	if c, ok := l.clients[key]; ok {
		c.seen = now
		return c.lim
	}
	if len(l.clients) >= maxClients {
		return l.overflow
	}
	c := &client{lim: rate.NewLimiter(l.rps, l.burst), seen: now}
	l.clients[key] = c
	return c.lim
}

// sweep forgets clients idle long enough for their bucket to be full again.
func (l *RateLimiter) sweep(now time.Time) {
	l.lastSweep = now
	idle := time.Duration(float64(l.burst)/float64(l.rps)*float64(time.Second)) + time.Minute
	for k, c := range l.clients {
		if now.Sub(c.seen) > idle {
			delete(l.clients, k)
		}
	}
}

// ClientIP is the remote address of the request's connection, without port.
func ClientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}
