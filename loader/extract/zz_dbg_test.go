package extract

import (
	"os"
	"testing"
)

func TestDbgLow(t *testing.T) {
	r := Extract(Document{Body: os.Getenv("DBG"), Published: published}, WithMinConfidence(0))
	for _, st := range r.Statements {
		t.Logf("%s %.2f", triple(st), st.Confidence)
	}
}
