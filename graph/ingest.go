package graph

import (
	"context"

	"github.com/demarche/demarche/store"
)

// Ingester runs the load pipeline (read, extract, resolve ids, store) on one
// document for the ingestArticle mutation: the same pipeline `demarche load`
// runs. The server wires the ingest package's pipeline.
type Ingester interface {
	// IngestText reads the articles in data (any format `demarche load` reads;
	// source is a name whose extension hints the format, such as "api.json"),
	// extracts and stores each one, and says what each added. An input problem
	// the caller can fix (unreadable document, no article in it) should wrap
	// store.ErrInvalid or be a *loader.Error, so the API answers BAD_USER_INPUT.
	IngestText(ctx context.Context, source string, data []byte) ([]IngestedArticle, error)
}

// IngestedArticle is one loaded article and what storing it changed.
type IngestedArticle struct {
	Article store.Article
	Result  store.PutResult
}
