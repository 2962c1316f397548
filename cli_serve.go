package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"

	"github.com/demarche/demarche/explorer"
	"github.com/demarche/demarche/export"
	"github.com/demarche/demarche/graph"
	"github.com/demarche/demarche/httpapi"
	"github.com/demarche/demarche/ingest"
)

// stringsFlag collects a repeatable flag.
type stringsFlag []string

func (s *stringsFlag) String() string     { return fmt.Sprint(*s) }
func (s *stringsFlag) Set(v string) error { *s = append(*s, v); return nil }

func (e *environment) serve(ctx context.Context, args []string) error {
	fs := e.newFlagSet("serve", "serve [flags] [--load PATH...]\n\nServes the GraphQL API at /graphql (GraphiQL at /, exports at /export/{format},\n/healthz, /readyz). With --load, loads the given articles first.")
	e.cfg.storeFlags(fs)
	fs.StringVar(&e.cfg.Addr, "addr", e.cfg.Addr, "listen address (env DEMARCHE_ADDR)")
	var loads stringsFlag
	fs.Var(&loads, "load", "load these articles before serving (repeatable; further paths may follow)")
	var lf loadFlags
	lf.register(fs)
	rest, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	loads = append(loads, rest...)

	s, err := openStore(ctx, e.cfg)
	if err != nil {
		return err
	}
	defer s.Close()
	if len(loads) > 0 {
		sum, err := e.runLoad(ctx, s, loads, lf, false)
		if err != nil {
			return err
		}
		e.log.Info("loaded", "read", sum.Read, "loaded", sum.Loaded, "unchanged", sum.Unchanged,
			"skipped", sum.Skipped, "failed", sum.Failed, "statements", sum.Statements)
	}
	xopts, err := lf.extractOptions()
	if err != nil {
		return err
	}
	pipeline := ingest.New(s, ingest.Options{Extract: xopts, Logger: e.log})

	api := httpapi.New(httpapi.Config{Store: s, Ingester: ingester{pipeline}, Token: e.cfg.Token, Logger: e.log})
	mux := http.NewServeMux()
	mux.Handle("/export/", export.Handler(s))
	mux.Handle("/explore/", explorer.Handler())
	mux.Handle("/", api)

	ln, err := net.Listen("tcp", e.cfg.Addr)
	if err != nil {
		return fmt.Errorf("listening on %s: %w", e.cfg.Addr, err)
	}
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	e.log.Info("serving", "url", "http://"+ln.Addr().String()+"/", "graphql", "http://"+ln.Addr().String()+"/graphql")
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	e.log.Info("shutting down")
	shCtx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	if err := srv.Shutdown(shCtx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// ingester adapts the ingest pipeline to the API's ingestArticle mutation.
type ingester struct{ p *ingest.Pipeline }

func (i ingester) IngestText(ctx context.Context, source string, data []byte) ([]graph.IngestedArticle, error) {
	done, err := i.p.IngestText(ctx, source, data)
	out := make([]graph.IngestedArticle, len(done))
	for k, d := range done {
		out[k] = graph.IngestedArticle{Article: d.Article, Result: d.Result}
	}
	return out, err
}
