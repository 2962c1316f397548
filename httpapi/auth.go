package httpapi

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"net/http"
	"strings"

	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/demarche/demarche/graph"
)

type authKey struct{}

// tokenMatches compares a presented bearer token with the configured one in
// constant time (both are hashed first, so their lengths do not leak either).
func tokenMatches(presented, token string) bool {
	if token == "" || presented == "" {
		return false
	}
	a, b := sha256.Sum256([]byte(presented)), sha256.Sum256([]byte(token))
	return subtle.ConstantTimeCompare(a[:], b[:]) == 1
}

// bearer extracts the token of an "Authorization: Bearer <token>" value.
func bearer(h string) string {
	scheme, tok, ok := strings.Cut(strings.TrimSpace(h), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return ""
	}
	return strings.TrimSpace(tok)
}

// withToken marks requests that carry the right bearer token as authenticated.
func withToken(token string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if tokenMatches(bearer(r.Header.Get("Authorization")), token) {
			r = r.WithContext(context.WithValue(r.Context(), authKey{}, true))
		}
		next.ServeHTTP(w, r)
	})
}

// websocketInit authenticates a WebSocket connection from the Authorization
// (or authorization, or token) field of its connection_init payload.
func websocketInit(token string) transport.WebsocketInitFunc {
	return func(ctx context.Context, p transport.InitPayload) (context.Context, *transport.InitPayload, error) {
		presented := bearer(p.Authorization())
		if presented == "" {
			presented = p.GetString("token")
		}
		if tokenMatches(presented, token) {
			ctx = context.WithValue(ctx, authKey{}, true)
		}
		return ctx, nil, nil
	}
}

func authenticated(ctx context.Context) bool {
	ok, _ := ctx.Value(authKey{}).(bool)
	return ok
}

// authorize lets an operation through or says why not: mutations always need
// the token, queries and subscriptions only with TokenForQueries.
func authorize(ctx context.Context, op ast.Operation, cfg Config) *gqlerror.Error {
	if authenticated(ctx) {
		return nil
	}
	switch {
	case op == ast.Mutation && cfg.Token == "":
		return graph.Unauthenticated("mutations are disabled: the server has no token configured (DEMARCHE_TOKEN)")
	case op == ast.Mutation:
		return graph.Unauthenticated("mutations need the bearer token: send Authorization: Bearer <DEMARCHE_TOKEN>")
	case cfg.TokenForQueries:
		return graph.Unauthenticated("this server needs the bearer token for every operation: send Authorization: Bearer <DEMARCHE_TOKEN>")
	}
	return nil
}
