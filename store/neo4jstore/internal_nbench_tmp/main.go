package main

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/demarche/demarche/store/neo4jstore"
	"github.com/demarche/demarche/synth"
)

func main() {
	ctx := context.Background()
	uri := os.Getenv("DEMARCHE_TEST_NEO4J_URI")
	n, _ := strconv.Atoi(os.Args[1])
	batch, _ := strconv.Atoi(os.Args[2])
	drv, _ := neo4j.NewDriverWithContext(uri, neo4j.NoAuth())
	sess := drv.NewSession(ctx, neo4j.SessionConfig{})
	res, err := sess.Run(ctx, "MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS", nil)
	if err != nil { panic(err) }
	res.Consume(ctx)
	sess.Close(ctx)
	drv.Close(ctx)
	s, err := neo4jstore.Open(ctx, neo4jstore.Config{URI: uri})
	if err != nil { panic(err) }
	arts := synth.Articles(synth.Config{Seed: 1, Articles: n}, n)
	reports := 0
	for _, a := range arts { reports += len(a.Reports) }
	start := time.Now()
	for i := 0; i < len(arts); i += batch {
		t0 := time.Now()
		if _, err := s.PutArticles(ctx, arts[i:min(i+batch, len(arts))]); err != nil { panic(err) }
		fmt.Fprintf(os.Stderr, "batch %d: %v\n", i/batch, time.Since(t0))
	}
	el := time.Since(start)
	st, _ := s.Stats(ctx)
	fmt.Printf("%d articles, %d reports, %d statements in %v: %.0f art/s %.0f reports/s %.0f stmts/s\n", n, reports, st.Nodes["Statement"], el,
		float64(n)/el.Seconds(), float64(reports)/el.Seconds(), float64(st.Nodes["Statement"])/el.Seconds())
	neo4jstore.TrackReport()
}
