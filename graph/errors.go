package graph

import (
	"context"
	"errors"
	"fmt"
	"log/slog"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/demarche/demarche/store"
)

// The error codes the API puts in extensions.code.
const (
	CodeBadUserInput    = "BAD_USER_INPUT"
	CodeNotFound        = "NOT_FOUND"
	CodeUnauthenticated = "UNAUTHENTICATED"
	CodeUnavailable     = "UNAVAILABLE"
	CodeTimeout         = "TIMEOUT"
	CodeInternal        = "INTERNAL_SERVER_ERROR"
)

// codedError is an error whose message is safe to show, with its code.
type codedError struct {
	code string
	msg  string
}

func (e *codedError) Error() string { return e.msg }

// badInput is a BAD_USER_INPUT error.
func badInput(format string, args ...any) error {
	return &codedError{code: CodeBadUserInput, msg: fmt.Sprintf(format, args...)}
}

// notFound is a NOT_FOUND error.
func notFound(format string, args ...any) error {
	return &codedError{code: CodeNotFound, msg: fmt.Sprintf(format, args...)}
}

// Unauthenticated is the error a mutation without a valid bearer token answers.
func Unauthenticated(msg string) *gqlerror.Error {
	return &gqlerror.Error{Message: msg, Extensions: map[string]any{"code": CodeUnauthenticated}}
}

// ErrorPresenter turns resolver errors into GraphQL errors with a code: store
// sentinels become NOT_FOUND, BAD_USER_INPUT or UNAVAILABLE, an exceeded deadline
// TIMEOUT; any other error is
// logged and shown as a bare internal error, so no internals leak.
func ErrorPresenter(ctx context.Context, err error) *gqlerror.Error {
	var gqlErr *gqlerror.Error
	if errors.As(err, &gqlErr) && gqlErr.Err == nil {
		// Already a GraphQL error (validation, parsing, limits): keep it.
		return graphql.DefaultErrorPresenter(ctx, err)
	}
	out := graphql.DefaultErrorPresenter(ctx, err)
	var ce *codedError
	switch {
	case errors.As(err, &ce):
		out.Message = ce.msg
		setCode(out, ce.code)
	case errors.Is(err, store.ErrNotFound):
		out.Message = err.Error()
		setCode(out, CodeNotFound)
	case errors.Is(err, store.ErrInvalid):
		out.Message = err.Error()
		setCode(out, CodeBadUserInput)
	case errors.Is(err, store.ErrUnavailable):
		slog.ErrorContext(ctx, "graphql: store unavailable", "err", err, "path", out.Path.String())
		out.Message = "the knowledge graph is unavailable, try again later"
		setCode(out, CodeUnavailable)
	case errors.Is(err, context.DeadlineExceeded):
		slog.WarnContext(ctx, "graphql: request timed out", "err", err, "path", out.Path.String())
		out.Message = "the request took longer than this server's time limit; narrow it or try again"
		setCode(out, CodeTimeout)
	case errors.As(err, &gqlErr) && gqlErr.Extensions["code"] != nil:
		// A coded GraphQL error wrapping a cause (argument parsing): keep it.
	case errors.Unwrap(err) == nil && err.Error() == "introspection disabled",
		errors.As(err, &gqlErr) && gqlErr.Err != nil && gqlErr.Err.Error() == "introspection disabled":
		// gqlgen's own plain error when introspection is off.
		out.Message = "introspection is disabled on this server"
		setCode(out, "INTROSPECTION_DISABLED")
	default:
		slog.ErrorContext(ctx, "graphql: internal error", "err", err, "path", out.Path.String())
		out.Message = "internal error"
		setCode(out, CodeInternal)
	}
	return out
}

func setCode(e *gqlerror.Error, code string) {
	if e.Extensions == nil {
		e.Extensions = map[string]any{}
	}
	e.Extensions["code"] = code
}

// ErrInternal is what a recovered panic becomes: shown as "internal error".
var ErrInternal = errors.New("internal error")
