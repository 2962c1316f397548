package neo4jstore

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"sync"
	"time"
)

var (
	trackOn  = os.Getenv("NEO4JSTORE_TRACK") != ""
	trackMu  sync.Mutex
	trackDur = map[string]time.Duration{}
	trackN   = map[string]int{}
)

func track(q string, start time.Time) {
	if !trackOn {
		return
	}
	trackMu.Lock()
	defer trackMu.Unlock()
	trackDur[q] += time.Since(start)
	trackN[q]++
}

// TrackReport prints query timings.
func TrackReport() {
	trackMu.Lock()
	defer trackMu.Unlock()
	var qs []string
	for q := range trackDur {
		qs = append(qs, q)
	}
	sort.Slice(qs, func(i, j int) bool { return trackDur[qs[i]] > trackDur[qs[j]] })
	for _, q := range qs {
		fmt.Fprintf(os.Stderr, "%8.2fs %6d  %s\n", trackDur[q].Seconds(), trackN[q], strings.Join(strings.Fields(q), " ")[:min(150, len(strings.Join(strings.Fields(q), " ")))])
	}
}
