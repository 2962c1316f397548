package export

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/demarche/demarche/store"
)

// ErrUnknown means a format or granularity that export does not know.
var ErrUnknown = errors.New("unknown export format")

// Options selects what an export writes.
type Options struct {
	// Format is one of Formats.
	Format string
	// Graph is GraphActors (the default) or GraphProvenance.
	Graph string
	// Filter restricts the statements, and so the direct edges, nodes and
	// provenance edges, that are exported. The zero filter exports everything.
	Filter store.StatementFilter
}

func (o Options) graph() string {
	if o.Graph == "" {
		return GraphActors
	}
	return o.Graph
}

// The format names.
const (
	FormatGraphML   = "graphml"
	FormatGEXF      = "gexf"
	FormatCytoscape = "cytoscape"
	FormatNeo4jCSV  = "neo4j-csv"
	FormatJSONL     = "jsonl"
	FormatCSV       = "csv"
	FormatEvents    = "events"
	FormatEventsTSV = "events-tsv"
)

// Formats lists every format name Write accepts.
var Formats = []string{FormatGraphML, FormatGEXF, FormatCytoscape, FormatNeo4jCSV, FormatJSONL, FormatCSV, FormatEvents, FormatEventsTSV}

// formatInfo is how a format is served over HTTP.
type formatInfo struct {
	contentType string
	ext         string
}

var formatInfos = map[string]formatInfo{
	FormatGraphML:   {"application/graphml+xml; charset=utf-8", "graphml"},
	FormatGEXF:      {"application/gexf+xml; charset=utf-8", "gexf"},
	FormatCytoscape: {"application/json; charset=utf-8", "cyjs"},
	FormatNeo4jCSV:  {"application/zip", "zip"},
	FormatJSONL:     {"application/x-ndjson; charset=utf-8", "jsonl"},
	FormatCSV:       {"text/csv; charset=utf-8", "csv"},
	FormatEvents:    {"text/csv; charset=utf-8", "csv"},
	FormatEventsTSV: {"text/tab-separated-values; charset=utf-8", "tsv"},
}

// ContentType is the media type of a format ("" for an unknown one).
func ContentType(format string) string { return formatInfos[format].contentType }

// FileName is the suggested file name of an export.
func FileName(opts Options) string {
	info, ok := formatInfos[opts.Format]
	if !ok {
		return "demarche"
	}
	if opts.Format == FormatEvents || opts.Format == FormatEventsTSV {
		return "demarche-events." + info.ext
	}
	return "demarche-" + opts.graph() + "." + info.ext
}

// Write streams the export opts asks for to w. Nothing is written before the
// options are checked; a store error midway leaves w truncated.
func Write(ctx context.Context, w io.Writer, s store.Store, opts Options) error {
	if _, ok := formatInfos[opts.Format]; !ok {
		return fmt.Errorf("%w %q (want one of %v)", ErrUnknown, opts.Format, Formats)
	}
	switch opts.Format {
	case FormatEvents:
		return writeEvents(ctx, w, s, opts.Filter, ',')
	case FormatEventsTSV:
		return writeEvents(ctx, w, s, opts.Filter, '\t')
	}
	g, err := newGraph(ctx, s, opts)
	if err != nil {
		return err
	}
	switch opts.Format {
	case FormatNeo4jCSV:
		return writeNeo4jZip(ctx, w, g)
	}
	bw := newOut(w)
	switch opts.Format {
	case FormatGraphML:
		err = writeGraphML(ctx, bw, g)
	case FormatGEXF:
		err = writeGEXF(ctx, bw, g)
	case FormatCytoscape:
		err = writeCytoscape(ctx, bw, g)
	case FormatJSONL:
		err = writeJSONL(ctx, bw, s, g)
	case FormatCSV:
		err = writeEdgeCSV(ctx, bw, s, g)
	}
	if err != nil {
		return fmt.Errorf("export %s: %w", opts.Format, err)
	}
	return bw.Flush()
}

// WriteDir writes the neo4j-admin import files of opts.Graph (opts.Format is
// ignored) into dir, which it creates, and returns their names: node files
// first, then relationship files, then import.txt with the neo4j-admin command.
func WriteDir(ctx context.Context, dir string, s store.Store, opts Options) ([]string, error) {
	g, err := newGraph(ctx, s, opts)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	var names []string
	err = writeNeo4jFiles(ctx, g, func(name string, write func(*out) error) error {
		f, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			return err
		}
		bw := newOut(f)
		if err := write(bw); err != nil {
			f.Close()
			return err
		}
		if err := bw.Flush(); err != nil {
			f.Close()
			return err
		}
		names = append(names, name)
		return f.Close()
	})
	if err != nil {
		return names, fmt.Errorf("export neo4j-csv: %w", err)
	}
	return names, nil
}

// out is the buffered writer every format writes through. It remembers the
// first error of the underlying writer so that a walk stops as soon as the
// reader has gone away instead of encoding the rest of the graph for nobody.
type out struct {
	*bufio.Writer
	sink *errWriter
}

type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	if err != nil {
		e.err = err
	}
	return n, err
}

func newOut(w io.Writer) *out {
	ew := &errWriter{w: w}
	return &out{Writer: bufio.NewWriterSize(ew, 64<<10), sink: ew}
}

// check returns the writer's error or the context's, whichever is first.
func (o *out) check(ctx context.Context) error {
	if o.sink.err != nil {
		return o.sink.err
	}
	return ctx.Err()
}
