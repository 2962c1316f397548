// Command profserve serves Demarche's GraphQL API exactly as `demarche serve`
// builds it (httpapi.New over the embedded store or Neo4j), plus Go's profiler at
// /debug/pprof/ and the store calls the API makes at /debug/storecalls (counts
// and time per Store method; DELETE resets them), so that bench/run can say where
// a query's time goes. It is for profiling only: the measured runs use the real
// `demarche serve`.
//
//	profserve -data /tmp/g10k -addr 127.0.0.1:6060
//	profserve -neo4j-uri bolt://127.0.0.1:7687 -addr 127.0.0.1:6060
//	go tool pprof -top http://127.0.0.1:6060/debug/pprof/profile?seconds=10
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/http/pprof"
	"os"
	"os/signal"
	"time"

	"github.com/demarche/demarche/httpapi"
	"github.com/demarche/demarche/store"
	"github.com/demarche/demarche/store/neo4jstore"
	"github.com/demarche/demarche/store/sqlitestore"
	"github.com/demarche/demarche/store/storetest"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "profserve:", err)
		os.Exit(1)
	}
}

func run() error {
	data := flag.String("data", "", "embedded store directory")
	uri := flag.String("neo4j-uri", "", "Neo4j bolt URI (instead of -data)")
	addr := flag.String("addr", "127.0.0.1:6060", "listen address (loopback)")
	loaderWait := flag.Duration("loader-wait", 0, "how long dataloaders collect keys (0: graph.DefaultLoaderWait)")
	noCache := flag.Bool("nocache", false, "turn off the embedded store's result cache (the API's response cache is always off here)")
	flag.Parse()
	host, _, err := net.SplitHostPort(*addr)
	if err != nil {
		return err
	}
	if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return errors.New("-addr must be a loopback address")
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	log := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))

	var s store.Store
	switch {
	case *uri != "":
		ns, err := neo4jstore.Open(ctx, neo4jstore.Config{URI: *uri, Logger: log})
		if err != nil {
			return err
		}
		s = ns
	case *data != "":
		ss, err := sqlitestore.Open(ctx, *data, sqlitestore.Options{NoResultCache: *noCache})
		if err != nil {
			return err
		}
		s = ss
	default:
		return errors.New("give -data or -neo4j-uri")
	}
	defer s.Close()

	counted := storetest.NewCounting(s)
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.Handle("/debug/storecalls", newStoreCalls(counted))
	mux.Handle("/", httpapi.New(httpapi.Config{Store: counted, Logger: log, LoaderWait: *loaderWait}))
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	fmt.Fprintf(os.Stderr, "profserve: http://%s/graphql, profiles at /debug/pprof/\n", ln.Addr())
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return srv.Shutdown(shCtx)
}
