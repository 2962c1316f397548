package loader

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestZZTime(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txt")
	for _, f := range files {
		data, _ := os.ReadFile(f)
		start := time.Now()
		parseText(string(data))
		t.Logf("%s %v", f, time.Since(start))
	}
}
