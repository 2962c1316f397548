package sqlitestore

import (
	"reflect"
	"testing"
)

// TestDecodeList checks the quick list decoder against encoding/json's output.
func TestDecodeList(t *testing.T) {
	for _, in := range [][]string{
		nil,
		{"stmt:1"},
		{"a", "b,c", "d e"},
		{`quote"d`, "back\\slash", "<tag>&", "Zürich"},
		{""},
	} {
		got := decodeList(jsonList(in))
		want := in
		if len(want) == 0 {
			want = nil
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("decodeList(jsonList(%q)) = %q", in, got)
		}
	}
}
