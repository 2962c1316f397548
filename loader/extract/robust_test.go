package extract

import (
	"math/rand"
	"strings"
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
