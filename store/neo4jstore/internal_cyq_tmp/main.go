package main

import (
	"context"
	"fmt"
	"os"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

func main() {
	ctx := context.Background()
	d, _ := neo4j.NewDriverWithContext(os.Getenv("U"), neo4j.NoAuth())
	defer d.Close(ctx)
	r, err := neo4j.ExecuteQuery(ctx, d, os.Args[1], nil, neo4j.EagerResultTransformer)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, rec := range r.Records {
		fmt.Println(rec.Values...)
	}
	if r.Summary != nil && r.Summary.Plan() != nil {
		var walk func(p neo4j.Plan, depth int)
		walk = func(p neo4j.Plan, depth int) {
			fmt.Printf("%*s%s %v\n", depth*2, "", p.Operator(), p.Arguments()["Details"])
			for _, c := range p.Children() {
				walk(c, depth+1)
			}
		}
		walk(r.Summary.Plan(), 0)
	}
}
