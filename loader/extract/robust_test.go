package extract

import (
	"math/rand"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
)

// TestNoPanicOnOddInput feeds truncated, shuffled and empty texts.
func TestNoPanicOnOddInput(t *testing.T) {
	base := `"We reject it," the spokesman said. Canada accused Iran's IRGC of hacking, and the U.S. Treasury sanctioned two Chinese nationals, Zhao Wei and Li Na: a "smear". The Kremlin denied it; Moscow - the Russian side - vowed to retaliate against Washington's new sanctions on 10 Russians (TASS). He said: APT31`
	inputs := []string{"", " ", ".", `"`, "'s", "-", "The", "US", "Jian G", "sanctions", "hacking and", "accused of", "\n\n\n", "。", "the the the"}
	for i := 0; i <= len(base); i += 7 {
		inputs = append(inputs, base[:i], base[i:])
	}
	r := rand.New(rand.NewSource(1))
	words := strings.Fields(base)
	for n := 0; n < 300; n++ {
		r.Shuffle(len(words), func(i, j int) { words[i], words[j] = words[j], words[i] })
		inputs = append(inputs, strings.Join(words[:r.Intn(len(words))], " "))
	}
	for _, in := range inputs {
		func() {
			defer func() {
				if p := recover(); p != nil {
					t.Fatalf("panic on %q: %v", in, p)
				}
			}()
			Extract(Document{Title: in, Body: in}, WithMinConfidence(0))
		}()
	}
}

// TestMemoryFlat checks that extraction keeps no state between articles: the
// live heap after many extractions is what it was after a few.
func TestMemoryFlat(t *testing.T) {
	if testing.Short() {
		t.Skip("memory check in -short mode")
	}
	b, err := os.ReadFile(filepath.Join("testdata", "denial-spokesperson", "article.txt"))
	if err != nil {
		t.Fatal(err)
	}
	doc := Document{Body: string(b)}
	heap := func(n int) uint64 {
		for i := 0; i < n; i++ {
			Extract(doc)
		}
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	before := heap(100)
	after := heap(3000)
	if after > before+1<<20 {
		t.Errorf("live heap grew from %d to %d bytes over 3000 articles", before, after)
	}
}

// TestConcurrentExtract runs extractions in parallel, as the loader's workers
// do, and checks each result equals the sequential one.
func TestConcurrentExtract(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*", "article.txt"))
	var docs []Document
	var want []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		d := Document{Body: string(b)}
		docs = append(docs, d)
		want = append(want, strings.Join(triples(Extract(d)), "\n"))
	}
	var wg sync.WaitGroup
	errs := make(chan string, 64)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i, d := range docs {
				if got := strings.Join(triples(Extract(d)), "\n"); got != want[i] {
					errs <- files[i]
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for f := range errs {
		t.Errorf("%s: a parallel run differs from the sequential one", f)
	}
}
