package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strconv"
	"time"

	"github.com/demarche/demarche/store"
	"github.com/demarche/demarche/store/neo4jstore"
	"github.com/demarche/demarche/store/sqlitestore"
)

// Config is the service's configuration: flags, with defaults from the environment.
type Config struct {
	Addr                                    string // DEMARCHE_ADDR
	DataDir                                 string // DEMARCHE_DATA: the embedded store's directory
	Token                                   string // DEMARCHE_TOKEN: bearer token for mutations
	Window                                  time.Duration
	Neo4jURI                                string // NEO4J_URI: when set, Neo4j is the store
	Neo4jUser, Neo4jPassword, Neo4jDatabase string
}

// envOr returns the environment variable's value, or def when it is unset or empty.
func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

// DefaultConfig reads the environment.
func DefaultConfig() Config {
	window := store.DefaultWindow
	if d, err := strconv.Atoi(os.Getenv("DEMARCHE_WINDOW_DAYS")); err == nil && d > 0 {
		window = time.Duration(d) * 24 * time.Hour
	}
	return Config{
		Addr:          envOr("DEMARCHE_ADDR", "127.0.0.1:8080"),
		DataDir:       envOr("DEMARCHE_DATA", "demarche-data"),
		Token:         os.Getenv("DEMARCHE_TOKEN"),
		Window:        window,
		Neo4jURI:      os.Getenv("NEO4J_URI"),
		Neo4jUser:     envOr("NEO4J_USER", "neo4j"),
		Neo4jPassword: os.Getenv("NEO4J_PASSWORD"),
		Neo4jDatabase: os.Getenv("NEO4J_DATABASE"),
	}
}

// storeFlags registers the flags that choose and configure the store.
func (c *Config) storeFlags(fs *flag.FlagSet) {
	fs.StringVar(&c.DataDir, "data", c.DataDir, "embedded store directory (env DEMARCHE_DATA)")
	fs.StringVar(&c.Neo4jURI, "neo4j-uri", c.Neo4jURI, "Neo4j URI, bolt:// or neo4j://; when set Neo4j is the store (env NEO4J_URI)")
	fs.StringVar(&c.Neo4jUser, "neo4j-user", c.Neo4jUser, "Neo4j user (env NEO4J_USER)")
	fs.StringVar(&c.Neo4jDatabase, "neo4j-database", c.Neo4jDatabase, "Neo4j database, default the server's (env NEO4J_DATABASE)")
	fs.DurationVar(&c.Window, "window", c.Window, "how far apart two reports of one statement may be dated (env DEMARCHE_WINDOW_DAYS, in days)")
}

// openStore opens Neo4j when a URI is configured, else the embedded store.
func openStore(ctx context.Context, c Config) (store.Store, error) {
	if c.Neo4jURI != "" {
		s, err := neo4jstore.Open(ctx, neo4jstore.Config{
			URI: c.Neo4jURI, User: c.Neo4jUser, Password: c.Neo4jPassword,
			Database: c.Neo4jDatabase, Window: c.Window,
		})
		if err != nil {
			return nil, fmt.Errorf("opening Neo4j at %s: %w", c.Neo4jURI, err)
		}
		return s, nil
	}
	s, err := sqlitestore.Open(ctx, c.DataDir, sqlitestore.Options{Window: c.Window})
	if err != nil {
		return nil, fmt.Errorf("opening the embedded store in %s: %w", c.DataDir, err)
	}
	return s, nil
}
