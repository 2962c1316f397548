// Command demarche turns news articles about diplomatic statements into a
// knowledge graph (who accused, denied, indicted, criticized, sanctioned, demanded
// of or threatened whom) and serves it over GraphQL.
//
//	demarche serve [--load PATH...]   serve the GraphQL API (loading PATHs first)
//	demarche load PATH...             load articles into the store
//	demarche extract [FILE|-]         print what one article yields, as JSON
//	demarche export --format F        write the graph for graph tools
//
// The store is embedded (SQLite under DEMARCHE_DATA) unless NEO4J_URI is set.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	if err != nil {
		if !errors.Is(err, flag.ErrHelp) && !errors.Is(err, errSilent) {
			fmt.Fprintln(os.Stderr, "demarche:", err)
		}
		var ec exitCoder
		if errors.As(err, &ec) {
			os.Exit(ec.ExitCode())
		}
		if errors.Is(err, flag.ErrHelp) {
			os.Exit(0)
		}
		os.Exit(1)
	}
}

// errSilent marks an error already reported to the user.
var errSilent = errors.New("failed")

type exitCoder interface{ ExitCode() int }

const usage = `demarche turns news articles about diplomatic statements into a knowledge graph
and serves it over GraphQL.

Usage:
  demarche serve [flags] [--load PATH...]   serve the GraphQL API (and load PATHs first)
  demarche load [flags] PATH...             load articles (files, dirs, globs, -, URLs)
  demarche extract [flags] [FILE|-]         print the extraction of one article as JSON
  demarche export --format F [flags]        export the graph (graphml, gexf, cytoscape, ...)

Run 'demarche COMMAND --help' for a command's flags.
Environment: DEMARCHE_ADDR, DEMARCHE_DATA, DEMARCHE_TOKEN, NEO4J_URI, NEO4J_USER,
NEO4J_PASSWORD, NEO4J_DATABASE.
`

// run is the whole program: it parses args and runs one command until ctx ends.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprint(stdout, usage)
		if len(args) == 0 {
			return errors.New("no command given")
		}
		return nil
	}
	logger := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: logLevel()}))
	env := &environment{stdin: stdin, stdout: stdout, stderr: stderr, log: logger, cfg: DefaultConfig()}
	switch args[0] {
	case "serve":
		return env.serve(ctx, args[1:])
	case "load":
		return env.load(ctx, args[1:])
	case "extract":
		return env.extract(ctx, args[1:])
	case "export":
		return env.export(ctx, args[1:])
	default:
		fmt.Fprint(stderr, usage)
		return fmt.Errorf("unknown command %q", args[0])
	}
}

// environment is what every command runs with.
type environment struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	log            *slog.Logger
	cfg            Config
}

func logLevel() slog.Level {
	var l slog.Level
	if err := l.UnmarshalText([]byte(os.Getenv("DEMARCHE_LOG_LEVEL"))); err != nil {
		return slog.LevelInfo
	}
	return l
}

// newFlagSet returns a flag set whose --help prints a usage line and the flags.
func (e *environment) newFlagSet(name, synopsis string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "Usage: demarche %s\n\nFlags:\n", synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parseInterspersed parses flags that may come after positional arguments
// ("load dir/ --json"), returning the positional arguments.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		if args[0] == "-" || args[0] == "--" || len(args[0]) == 0 || args[0][0] != '-' {
			if args[0] == "--" {
				return append(pos, args[1:]...), nil
			}
			pos = append(pos, args[0])
			args = args[1:]
			continue
		}
	}
}
