package httpapi

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// depthLimit refuses operations whose selections nest deeper than max
// (introspection's own nesting under __schema and __type does not count).
// gqlgen has no depth limit of its own.
type depthLimit struct{ max int }

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = depthLimit{}

func (depthLimit) ExtensionName() string                   { return "DepthLimit" }
func (depthLimit) Validate(graphql.ExecutableSchema) error { return nil }
func (d depthLimit) MutateOperationContext(_ context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	op := oc.Doc.Operations.ForName(oc.OperationName)
	if op == nil {
		return nil
	}
	if n := selectionDepth(op.SelectionSet, map[string]bool{}); n > d.max {
		err := gqlerror.Errorf("operation has depth %d, which exceeds the limit of %d", n, d.max)
		errcode.Set(err, "DEPTH_LIMIT_EXCEEDED")
		return err
	}
	return nil
}

// selectionDepth is the deepest field nesting of a selection set; fragments
// count at the depth they are spread, and a fragment already being expanded
// (a cycle, which validation rejects anyway) counts nothing.
func selectionDepth(set ast.SelectionSet, expanding map[string]bool) int {
	deepest := 0
	for _, sel := range set {
		var d int
		switch s := sel.(type) {
		case *ast.Field:
			if s.Name == "__schema" || s.Name == "__type" {
				d = 1
				break
			}
			d = 1 + selectionDepth(s.SelectionSet, expanding)
		case *ast.InlineFragment:
			d = selectionDepth(s.SelectionSet, expanding)
		case *ast.FragmentSpread:
			if s.Definition == nil || expanding[s.Name] {
				continue
			}
			expanding[s.Name] = true
			d = selectionDepth(s.Definition.SelectionSet, expanding)
			delete(expanding, s.Name)
		}
		deepest = max(deepest, d)
	}
	return deepest
}
