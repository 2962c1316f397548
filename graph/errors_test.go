package graph

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/demarche/demarche/store"
)

func TestErrorPresenterMapsSentinelsAndTimeouts(t *testing.T) {
	ctx := context.Background()
	for _, c := range []struct {
		err  error
		code string
	}{
		{fmt.Errorf("actor x: %w", store.ErrNotFound), CodeNotFound},
		{fmt.Errorf("bad: %w", store.ErrInvalid), CodeBadUserInput},
		{fmt.Errorf("neo4j: %w", store.ErrUnavailable), CodeUnavailable},
		{fmt.Errorf("listing statements: %w", context.DeadlineExceeded), CodeTimeout},
		{errors.New("boom: secret detail"), CodeInternal},
	} {
		got := ErrorPresenter(ctx, c.err)
		if got.Extensions["code"] != c.code {
			t.Errorf("%v: code %v, want %s", c.err, got.Extensions["code"], c.code)
		}
		if c.code == CodeInternal && got.Message != "internal error" {
			t.Errorf("an internal error must not leak its detail: %q", got.Message)
		}
	}
}
