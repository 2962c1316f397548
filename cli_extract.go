package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/demarche/demarche/ingest"
	"github.com/demarche/demarche/loader"
	"github.com/demarche/demarche/loader/extract"
)

func (e *environment) extract(ctx context.Context, args []string) error {
	fs := e.newFlagSet("extract", "extract [flags] [FILE|-]\n\nReads one article (any format 'load' reads; stdin when FILE is - or absent) and prints\nwhat the extractor finds as JSON: article metadata, entities and statements.")
	var lf loadFlags
	lf.register(fs)
	paths, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(paths) > 1 {
		return errors.New("extract: give one FILE (or - for stdin)")
	}
	source := "-"
	var data []byte
	if len(paths) == 1 && paths[0] != "-" {
		source = paths[0]
		data, err = os.ReadFile(source)
	} else {
		data, err = io.ReadAll(io.LimitReader(e.stdin, lf.maxBytes+1))
	}
	if err != nil {
		return fmt.Errorf("reading %s: %w", source, err)
	}
	xopts, err := lf.extractOptions()
	if err != nil {
		return err
	}
	arts, err := loader.Parse(source, data, loader.Options{MaxBytes: lf.maxBytes})
	if err != nil {
		return err
	}
	if len(arts) == 0 {
		return fmt.Errorf("%s: no article found", source)
	}
	// One article is asked for; a feed or a JSON array gives its first.
	a := arts[0]
	res := extract.Extract(ingest.DocumentOf(a), xopts...)
	res.Article = extract.ArticleInfo{Title: a.Title, Publisher: a.Publisher, URL: a.URL, Language: a.Language}
	if !a.Published.IsZero() {
		res.Article.Published = a.Published.Format(time.RFC3339Nano) // the offset the source printed keeps its day
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(res)
}
