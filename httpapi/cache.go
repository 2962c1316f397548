package httpapi

import "context"

// authScope is the response cache's scope of a request: whether it carried the
// token. Answers given to token holders are only reused for token holders.
func authScope(ctx context.Context) string {
	if authenticated(ctx) {
		return "token"
	}
	return "anonymous"
}
